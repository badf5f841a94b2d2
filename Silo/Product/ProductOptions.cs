namespace Actors.Silo.Product;

/// <summary>
/// Which product this process is, bound from the "Product" section: several products run from the
/// same code side by side, each with its own profile (deploy/products/*.env) and database.
/// </summary>
public sealed class ProductOptions
{
    /// <summary>The unit kinds of a product that names none: a hotel's.</summary>
    public static readonly IReadOnlyList<string> DefaultUnitKinds = ["double", "suite"];

    /// <summary>Shown to people: page titles, the API document, the startup log.</summary>
    public string Name { get; set; } = "Actors Stays";

    /// <summary>
    /// What the product rents or sells, as the demo property's unit types (rooms for a hotel; land,
    /// villa, business for real estate). Empty until bound: the configuration binder appends to a
    /// list it finds, so a default here would end up in front of every configured list; the
    /// default is applied after binding, only when the configuration names no kinds.
    /// </summary>
    public IReadOnlyList<string> UnitKinds { get; set; } = [];
}
