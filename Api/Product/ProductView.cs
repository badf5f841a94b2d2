namespace Actors.Api.Product;

public sealed record ProductView(string Name, IReadOnlyList<string> UnitKinds);
