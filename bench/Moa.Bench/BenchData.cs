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

    /// <summary>The texts of corpus parts (any format <see cref="Moa.Documents.Jsonl.CorpusPart"/> reads) and their UTF-8 size, untimed.</summary>
    public static (List<string> Texts, long Bytes) ReadTexts(IEnumerable<string> files)
    {
        var texts = new List<string>();
        long bytes = 0;
        foreach (var f in files)
        {
            foreach (var record in Moa.Documents.Jsonl.CorpusPart.Read(f))
            {
                bytes += System.Text.Encoding.UTF8.GetByteCount(record.Text);
                texts.Add(record.Text);
            }
        }

        return (texts, bytes);
    }
}
