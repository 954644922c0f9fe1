using System.Text.Json;
using Moa.Evaluation.Statistics;

namespace Moa.Evaluation.Runs;

/// <summary>The per-item outcome read back from a run's <c>items.jsonl</c>.</summary>
public readonly record struct ItemOutcome(string Id, string Subset, bool Correct, double Score, bool Failed);

/// <summary>A run folder read back: manifest basics and per-item outcomes.</summary>
public sealed record RunRecord(string Directory, string Model, string BenchmarkName, string BenchmarkHash, string PrimaryMetric, IReadOnlyList<ItemOutcome> Items)
{
    /// <summary>Reads <c>run.json</c> and <c>items.jsonl</c>; malformed files name the file and line.</summary>
    public static RunRecord Read(string dir)
    {
        ArgumentNullException.ThrowIfNull(dir);
        var runJson = Path.Combine(dir, "run.json");
        var itemsJsonl = Path.Combine(dir, "items.jsonl");
        if (!File.Exists(runJson) || !File.Exists(itemsJsonl))
        {
            throw new MoaException($"{dir}: not a run folder (run.json and items.jsonl expected); give the --out folder of a 'moa eval' run.");
        }

        string model, name, hash, primary;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(runJson));
            var root = doc.RootElement;
            model = root.GetProperty("model").GetString() ?? string.Empty;
            name = root.GetProperty("benchmark").GetProperty("name").GetString() ?? string.Empty;
            hash = root.GetProperty("benchmark").GetProperty("hash").GetString() ?? string.Empty;
            primary = root.GetProperty("primary_metric").GetString() ?? "acc";
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new MoaException($"{runJson}: not a valid run manifest ({ex.Message}).", ex);
        }

        var items = new List<ItemOutcome>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(itemsJsonl))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var r = doc.RootElement;
                var failed = r.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object;
                var score = r.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : double.NaN;
                items.Add(new ItemOutcome(r.GetProperty("id").GetString()!, r.GetProperty("subset").GetString() ?? string.Empty, r.GetProperty("correct").GetBoolean(), score, failed));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new MoaException($"{itemsJsonl}:{lineNo}: not a valid item result ({ex.Message}).", ex);
            }
        }

        return new RunRecord(Path.GetFullPath(dir), model, name, hash, primary, items);
    }
}

/// <summary>Comparison of two runs on one group of shared items: means, paired bootstrap of the difference, McNemar's test.</summary>
public sealed record GroupComparison(string Group, int Items, double MeanA, double MeanB, PairedBootstrapResult Bootstrap, McNemarResult McNemar);

/// <summary>Two runs compared item by item (pairs by id; items failed in either run are left out and counted).</summary>
public sealed record RunComparison(RunRecord A, RunRecord B, int Shared, int OnlyInOne, int Failed, GroupComparison Overall, IReadOnlyList<GroupComparison> Subsets)
{
    /// <summary>True when both runs scored the same benchmark content.</summary>
    public bool SameBenchmark => A.BenchmarkHash == B.BenchmarkHash;

    public static RunComparison Compare(RunRecord a, RunRecord b, int resamples = 10_000, int seed = 1234)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var byId = new Dictionary<string, ItemOutcome>(StringComparer.Ordinal);
        foreach (var item in b.Items)
        {
            byId.TryAdd(item.Id, item);
        }

        var pairs = new List<(ItemOutcome A, ItemOutcome B)>();
        int shared = 0, failed = 0;
        foreach (var item in a.Items)
        {
            if (!byId.TryGetValue(item.Id, out var other))
            {
                continue;
            }

            shared++;
            if (item.Failed || other.Failed || !double.IsFinite(item.Score) || !double.IsFinite(other.Score))
            {
                failed++;
                continue;
            }

            pairs.Add((item, other));
        }

        if (pairs.Count == 0)
        {
            throw new MoaException($"runs {a.Directory} and {b.Directory} share no scored items: compare runs of the same benchmark.");
        }

        var onlyInOne = a.Items.Count + b.Items.Count - (2 * shared);
        var overall = CompareGroup("overall", pairs, resamples, seed);
        var subsets = pairs.GroupBy(p => p.A.Subset, StringComparer.Ordinal)
            .Select(g => CompareGroup(g.Key, [.. g], resamples, seed))
            .ToList();
        return new RunComparison(a, b, shared, onlyInOne, failed, overall, subsets);
    }

    private static GroupComparison CompareGroup(string name, List<(ItemOutcome A, ItemOutcome B)> pairs, int resamples, int seed)
    {
        var sa = pairs.Select(p => p.A.Score).ToArray();
        var sb = pairs.Select(p => p.B.Score).ToArray();
        var ca = pairs.Select(p => p.A.Correct).ToArray();
        var cb = pairs.Select(p => p.B.Correct).ToArray();
        return new GroupComparison(name, pairs.Count, SampleStatistics.Mean(sa), SampleStatistics.Mean(sb),
            PairedTests.PairedBootstrap(sa, sb, resamples, seed), PairedTests.McNemar(ca, cb));
    }
}
