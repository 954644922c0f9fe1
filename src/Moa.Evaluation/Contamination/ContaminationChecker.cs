using System.Diagnostics;
using Moa.Evaluation.Benchmarks;

namespace Moa.Evaluation.Contamination;

/// <summary>Settings of <see cref="ContaminationChecker"/>.</summary>
public sealed record ContaminationOptions
{
    /// <summary>Words (default) or characters; characters suit Korean, whose words carry particles and endings.</summary>
    public NGramUnit Unit { get; init; } = NGramUnit.Word;

    /// <summary>n-gram length in units (13 words by default, as in the GPT-3 contamination study).</summary>
    public int N { get; init; } = 13;

    /// <summary>Share of an item's n-grams that must occur in the corpus for it to be reported (0: any one n-gram).</summary>
    public double MinOverlap { get; init; }

    /// <summary>Corpus documents listed per item at most (all are counted).</summary>
    public int MaxExamples { get; init; } = 20;

    /// <summary>Parallel file scans; defaults to the processor count.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}

/// <summary>
/// Finds benchmark items whose n-grams occur in curated corpora (<c>moa curate</c> output folders): the items' n-grams are
/// hashed into a table, then every corpus document is scanned once with rolling hashes, files in parallel.
/// </summary>
public static class ContaminationChecker
{
    /// <summary>Checks <paramref name="benchmark"/> against the corpora.</summary>
    /// <exception cref="MoaException">Bad settings, a corpus with no data files, or a malformed corpus line.</exception>
    public static ContaminationReport Run(LoadedBenchmark benchmark, IReadOnlyList<string> corpora, ContaminationOptions options)
    {
        if (options.MinOverlap is < 0 or > 1 || double.IsNaN(options.MinOverlap))
        {
            throw new MoaException($"--min-overlap must be between 0 and 1, got {options.MinOverlap}.");
        }

        if (options.Threads < 1)
        {
            throw new MoaException($"--threads must be at least 1, got {options.Threads}.");
        }

        var files = CorpusFiles.Find(corpora);
        var stopwatch = Stopwatch.StartNew();
        var index = ContaminationIndex.Build(benchmark.Items, options.Unit, options.N);
        var results = new FileHits[files.Count];
        var seen = new bool[index.GramCount];
        var gate = new object();
        try
        {
            Scan(files, index, results, seen, gate, options);
        }
        catch (AggregateException ex) when (ex.Flatten().InnerExceptions.OfType<MoaException>().FirstOrDefault() is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }

        stopwatch.Stop();

        return BuildReport(benchmark, index, results, seen, corpora, options, stopwatch.Elapsed.TotalSeconds);
    }

    private static void Scan(List<CorpusFile> files, ContaminationIndex index, FileHits[] results, bool[] seen, object gate, ContaminationOptions options) =>
        Parallel.For(
            0,
            files.Count,
            new ParallelOptions { MaxDegreeOfParallelism = options.Threads },
            () => new CorpusScanner(index, options.MaxExamples),
            (i, _, scanner) =>
            {
                results[i] = scanner.ScanFile(files[i].Path, files[i].Corpus);
                return scanner;
            },
            scanner =>
            {
                lock (gate)
                {
                    var local = scanner.GramSeen;
                    for (var g = 0; g < local.Length; g++)
                    {
                        seen[g] |= local[g];
                    }
                }
            });

    /// <summary>Turns per-file hits and seen n-grams into a report (deterministic: files are merged in path order).</summary>
    public static ContaminationReport BuildReport(
        LoadedBenchmark benchmark, ContaminationIndex index, IReadOnlyList<FileHits> files, ReadOnlySpan<bool> seen,
        IReadOnlyList<string> corpora, ContaminationOptions options, double seconds)
    {
        var items = benchmark.Items;
        var contaminated = new List<ContaminatedItem>();
        var perSubset = new Dictionary<string, (int Items, int Checked, int Contaminated)>(StringComparer.Ordinal);
        var tooShort = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var grams = index.GramsPerItem[i];
            var (total, @checked, dirty) = perSubset.GetValueOrDefault(items[i].Subset);
            total++;
            if (grams == 0)
            {
                tooShort++;
                perSubset[items[i].Subset] = (total, @checked, dirty);
                continue;
            }

            @checked++;
            var hit = 0;
            foreach (var slot in index.SlotsOf(i))
            {
                hit += seen[slot] ? 1 : 0;
            }

            var overlap = (double)hit / grams;
            if (hit > 0 && overlap >= options.MinOverlap)
            {
                dirty++;
                var examples = files.Where(f => f.Examples.ContainsKey(i)).SelectMany(f => f.Examples[i]).Take(options.MaxExamples).ToList();
                var documents = files.Sum(f => f.DocumentCounts.GetValueOrDefault(i));
                contaminated.Add(new ContaminatedItem(items[i].Id, items[i].Subset, grams, hit, overlap, documents, examples));
            }

            perSubset[items[i].Subset] = (total, @checked, dirty);
        }

        var order = benchmark.Card.Subsets.Where(perSubset.ContainsKey).Concat(perSubset.Keys.Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal);
        return new ContaminationReport(
            benchmark.Card.Name,
            options.Unit == NGramUnit.Word ? "word" : "character",
            options.N,
            options.MinOverlap,
            corpora,
            files.Count,
            files.Sum(f => f.Documents),
            files.Sum(f => f.Bytes),
            seconds,
            items.Count,
            tooShort,
            [.. order.Select(s => new SubsetContamination(s, perSubset[s].Items, perSubset[s].Checked, perSubset[s].Contaminated))],
            [.. contaminated.OrderByDescending(c => c.Overlap).ThenBy(c => c.Id, StringComparer.Ordinal)]);
    }
}
