namespace Actors.Benchmarks.Harness;

/// <summary>
/// A scenario's headline figures (platform next to baseline), its raw rows (one per measured load),
/// and what a reader needs to interpret them (sizes, server settings).
/// </summary>
public sealed record ScenarioResult(
    string Name,
    string Title,
    string Unit,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<ResultRow> Rows,
    IReadOnlyDictionary<string, string> Context,
    string? Skipped)
{
    public static ScenarioResult Skip(Scenario scenario, string reason) =>
        new(scenario.Name, scenario.Title, scenario.Unit, [], [], new Dictionary<string, string>(), reason);
}
