using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Actors.Persistence.Schema;

/// <summary>
/// One migration: a plain SQL file embedded as "sql/PostgreSQL-NNN-Purpose.sql" in the assembly that
/// owns the tables. Versions are counted per assembly, so each part of the system migrates its own tables.
/// </summary>
public sealed partial record SchemaScript(string Component, int Version, string Name, string Sql)
{
    public static IEnumerable<SchemaScript> FromAssembly(Assembly assembly)
    {
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ScriptName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return new SchemaScript(
                assembly.GetName().Name!,
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                reader.ReadToEnd());
        }
    }

    [GeneratedRegex(@"^sql/PostgreSQL-(?<version>\d+)-(?<name>[\w-]+)\.sql$")]
    private static partial Regex ScriptName();
}
