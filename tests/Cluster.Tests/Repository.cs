namespace Actors.Cluster.Tests;

/// <summary>Where the repository is, and which build configuration these tests were built in.</summary>
internal static class Repository
{
    private static readonly DirectoryInfo TestOutput = new(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));

    /// <summary>The folder holding Actors.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Release or Debug: the test's output folder is bin/CONFIGURATION/net10.0.</summary>
    public static string Configuration { get; } = TestOutput.Parent!.Name;

    /// <summary>A host's build output in the same configuration: Api or Silo.</summary>
    public static string BuildOutput(string project) =>
        Path.Combine(Root, project, "bin", Configuration, "net10.0", $"Actors.{project}.dll");

    private static string FindRoot()
    {
        var root = TestOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Actors.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException($"No Actors.sln above {TestOutput.FullName}.");
    }
}
