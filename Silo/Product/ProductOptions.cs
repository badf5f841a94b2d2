namespace Actors.Silo.Product;

/// <summary>
/// Which product this process is, bound from the "Product" section: several products run from the
/// same code side by side, each with its own profile (deploy/products/*.env) and database.
/// </summary>
public sealed class ProductOptions
{
    /// <summary>Shown to people: page titles, the API document, the startup log.</summary>
    public string Name { get; set; } = "Actors Stays";

    /// <summary>What the product rents or sells, as the demo property's unit types (rooms for a hotel; land, villa, business for real estate).</summary>
    public IReadOnlyList<string> UnitKinds { get; set; } = ["double", "suite"];
}
