namespace Moa.Bench;

/// <summary>Finds the shared real-data folder for benchmarks: <c>MOA_SHARED_DATA</c>, else <c>shared/data</c> above the binary.</summary>
internal static class BenchData
{
    public static string SharedData()
    {
        var env = Environment.GetEnvironmentVariable("MOA_SHARED_DATA");
        if (!string.IsNullOrEmpty(env))
        {
            return env;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/data not found above " + AppContext.BaseDirectory + "; set MOA_SHARED_DATA.");
    }
}
