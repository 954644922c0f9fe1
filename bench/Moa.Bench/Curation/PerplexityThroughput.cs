using System.Diagnostics;
using Moa.Curation.Filters;
using Moa.Curation.Perplexity;
using Moa.Text.Languages;
using Moa.Text.Normalization;

namespace Moa.Bench.Curation;

/// <summary>
/// What the perplexity signal adds to the filter stage, measured in one process over the benchmark corpus held in
/// memory, one thread: (a) normalisation + language id + quality filters (the stage figure of bench/curate-speed.sh),
/// (f) the quality filters alone, (p) perplexity scoring of the documents identified as Korean. The three passes run
/// interleaved for several rounds, timed in CPU seconds of the process, and each one's best round is kept.
/// Prints MB/s per core of each and the ratios p/f and p/a, and the memory of the loaded model.
/// </summary>
internal static class PerplexityThroughput
{
    public static int Run(string corpusDir, int rounds)
    {
        var files = Directory.GetFiles(corpusDir, "*.jsonl.gz").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"no *.jsonl.gz in {corpusDir}: build it first (bench/curate-speed.sh does)");
            return 2;
        }

        var (docs, bytes) = BenchData.ReadTexts(files);

        var mb = bytes / 1e6;
        var normalizer = new TextNormalizer(new NormalizerOptions());
        var filters = new QualityFilterSet(new QualityOptions());
        var normalised = docs.Select(normalizer.Normalize).ToArray();
        var languages = normalised.Select(d => LanguageIdentifier.Default.Identify(d).Code).ToArray();
        var korean = languages.Count(l => l == "ko");

        GC.Collect();
        var before = GC.GetTotalMemory(true);
        var model = QualityLanguageModel.Embedded;
        var maxChars = new PerplexityOptions().MaxChars;
        var after = GC.GetTotalMemory(true);
        Console.WriteLine($"corpus: {files.Count} files, {docs.Count:N0} documents ({korean:N0} identified as Korean), {mb:N1} MB of UTF-8 text");
        Console.WriteLine($"perplexity scores the first {maxChars} characters of each document (quality.perplexity.max_chars)");
        Console.WriteLine($"model: order {model.Info.Order}, {model.Info.Entries:N0} n-grams, table {model.MemoryBytes / 1e6:0.0} MB; managed heap grew {(after - before) / 1e6:0.0} MB on load");

        double bestA = double.MaxValue, bestF = double.MaxValue, bestP = double.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            var a = Time(() =>
            {
                var kept = 0;
                for (var i = 0; i < docs.Count; i++)
                {
                    var text = normalizer.Normalize(docs[i]);
                    if (filters.Evaluate(text, LanguageIdentifier.Default.Identify(text).Code).Keep)
                    {
                        kept++;
                    }
                }

                return kept;
            });
            var f = Time(() => normalised.Where((t, i) => filters.Evaluate(t, languages[i]).Keep).Count());
            var p = Time(() =>
            {
                var scored = 0;
                for (var i = 0; i < normalised.Length; i++)
                {
                    if (languages[i] == "ko" && model.Perplexity(normalised[i], maxChars) is not null)
                    {
                        scored++;
                    }
                }

                return scored;
            });
            Console.WriteLine($"round {round + 1} (MB per CPU-second): (a) {mb / a,7:N1} MB/s  (f) {mb / f,7:N1} MB/s  (p) {mb / p,7:N1} MB/s  p/f {p / f:P1}  p/a {p / a:P1}");
            bestA = Math.Min(bestA, a);
            bestF = Math.Min(bestF, f);
            bestP = Math.Min(bestP, p);
        }

        Console.WriteLine($"best of {rounds}, 1 thread, MB per CPU-second over all {mb:N1} MB:");
        Console.WriteLine($"  (a) normalise + language id + quality filters: {mb / bestA,8:N1}");
        Console.WriteLine($"  (f) quality filters alone:                     {mb / bestF,8:N1}");
        Console.WriteLine($"  (p) perplexity of the Korean documents:        {mb / bestP,8:N1}");
        Console.WriteLine($"perplexity adds {bestP / bestF:P1} to the quality filters' CPU time and {bestP / bestA:P1} to the filter stages' CPU time");
        return 0;
    }

    /// <summary>CPU seconds of this process during one pass: on a loaded machine, wall-clock time also counts waiting for a core.</summary>
    private static double Time(Func<int> pass)
    {
        GC.Collect();
        var start = Process.GetCurrentProcess().TotalProcessorTime;
        pass();
        return (Process.GetCurrentProcess().TotalProcessorTime - start).TotalSeconds;
    }
}
