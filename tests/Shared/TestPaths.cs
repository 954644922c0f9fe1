using System.Runtime.CompilerServices;

namespace Moa.Testing;

/// <summary>Finds the repository root and the shared real-data folder (<c>../shared/data</c>).</summary>
internal static class TestPaths
{
    /// <summary>The repository root (the folder holding <c>Moa.slnx</c>).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The shared data folder: <c>MOA_SHARED_DATA</c>, else <c>shared/data</c> beside the repository or above it.</summary>
    public static string SharedData { get; } = FindSharedData();

    /// <summary>A path inside the shared data folder; fails the test clearly when the file is missing.</summary>
    public static string Data(params string[] parts)
    {
        var path = Path.Combine([SharedData, .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException($"Test data not found: {path}. Set MOA_SHARED_DATA to the shared/data folder.");
        }

        return path;
    }

    /// <summary>A fresh empty temporary folder, removed by the OS's tmp cleaning.</summary>
    public static string NewTempDir([CallerMemberName] string name = "")
    {
        var dir = Path.Combine(Path.GetTempPath(), "moa-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Moa.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Moa.slnx not found above " + AppContext.BaseDirectory);
    }

    private static string FindSharedData()
    {
        var env = Environment.GetEnvironmentVariable("MOA_SHARED_DATA");
        if (!string.IsNullOrEmpty(env))
        {
            return env;
        }

        var dir = new DirectoryInfo(RepoRoot);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        throw new DirectoryNotFoundException("shared/data not found beside or above " + RepoRoot + ". Set MOA_SHARED_DATA.");
    }
}
