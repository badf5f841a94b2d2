using System.Reflection;
using System.Text.RegularExpressions;
using Actors.Api.Boards;
using Actors.Api.Security;
using Actors.Grains;
using Actors.Persistence.EventLog;
using Actors.Silo.Hosting;
using Actors.Silo.Product;
using Xunit;

namespace Actors.Api.Tests;

/// <summary>The README is what an operator follows: its examples must keep working and its settings must be all there are.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string Root = FindRoot();
    private static readonly string Readme = File.ReadAllText(Path.Combine(Root, "README.md"));

    [Fact]
    public void Examples_name_dates_relative_to_today_so_they_do_not_expire()
    {
        var fixedDates = FixedDateParameter().Matches(Readme).Select(m => m.Value).ToList();

        Assert.Empty(fixedDates);
    }

    [Fact]
    public void The_layout_table_lists_every_top_level_folder_once()
    {
        var layout = Readme[Readme.IndexOf("## Layout", StringComparison.Ordinal)..];
        var rows = LayoutRow().Matches(layout).Select(m => m.Groups["folder"].Value).ToList();
        // Folders the repository ignores (artifacts/ of a benchmark run, say) are outputs, not layout.
        var ignored = File.ReadAllLines(Path.Combine(Root, ".gitignore")).Where(l => l.EndsWith('/')).Select(l => l.TrimEnd('/')).ToHashSet(StringComparer.Ordinal);
        var folders = Directory.GetDirectories(Root).Select(d => Path.GetFileName(d)).Where(f => !f.StartsWith('.') && !ignored.Contains(f)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(rows.Distinct(StringComparer.Ordinal).Count(), rows.Count);
        Assert.Equal(folders, rows.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Every_setting_an_operator_may_set_is_named()
    {
        var missing = Settings().Where(key => !Named(key)).ToList();

        Assert.True(missing.Count == 0, "not named in README.md: " + string.Join(", ", missing));
    }

    /// <summary>Named in full, or by its own name in the table of a section the README names (the Stripe settings' table).</summary>
    private static bool Named(string key)
    {
        var split = key.LastIndexOf(':');
        var (section, name) = (key[..split], key[(split + 1)..]);
        return Readme.Contains(key, StringComparison.Ordinal)
            || (Readme.Contains($"section `{section}`", StringComparison.Ordinal) && (Readme.Contains($"| `{name}`", StringComparison.Ordinal) || Readme.Contains($"`{name}:", StringComparison.Ordinal) || Readme.Contains($", `{name}`", StringComparison.Ordinal)));
    }

    /// <summary>Every bound options class's settings as "Section:Name", and the keys read one by one.</summary>
    private static IEnumerable<string> Settings()
    {
        var sections = new List<(Type Options, string Section)>
        {
            (typeof(BoardOptions), "Boards"),
            (typeof(EventLogOptions), "EventLog"),
            (typeof(ProductOptions), "Product"),
        };
        foreach (var assembly in new[] { typeof(RateLimitOptions).Assembly, typeof(ClusterSettings).Assembly, typeof(BookingOptions).Assembly })
        {
            sections.AddRange(assembly.GetTypes()
                .Select(t => (Options: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
                .Where(t => t.Field is { IsLiteral: true } && t.Field.FieldType == typeof(string))
                .Select(t => (t.Options, (string)t.Field!.GetRawConstantValue()!)));
        }

        var keys = sections
            .SelectMany(s => s.Options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => $"{s.Section}:{p.Name}"))
            .Concat(["ConnectionStrings:Postgres", "Operations:Key", "Demo:Owner", "Demo:OwnerPassword", "Auth:SigningKey", "Payments:Stripe:WebhookSecret"]);
        return keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Actors.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Actors.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"[?&][A-Za-z]+=\d{4}-\d{2}-\d{2}")]
    private static partial Regex FixedDateParameter();

    [GeneratedRegex(@"^\| `(?<folder>[^`/]+)/` \|", RegexOptions.Multiline)]
    private static partial Regex LayoutRow();
}
