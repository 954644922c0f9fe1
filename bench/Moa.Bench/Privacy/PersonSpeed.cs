using System.Diagnostics;
using System.Globalization;
using Moa.Privacy;
using Moa.Privacy.Names;

namespace Moa.Bench.Privacy;

/// <summary>
/// The person tagger alone, in one process with the model loaded once: the fast tagging path
/// (<see cref="PersonModel.Find"/>) against the reference path (features to an array, decoded as in training), in
/// alternating rounds over the same texts held in memory, one thread, timed in CPU seconds of the process; each one's
/// best round is kept. Checks that both give the same spans and margins, and prints the loaded model's memory.
/// </summary>
internal static class PersonSpeed
{
    public static int Run(int rounds, IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            Console.Error.WriteLine("usage: person-speed ROUNDS FILE... (KLUE-NER .tsv, or any corpus part: .jsonl, .jsonl.gz, ...)");
            return 2;
        }

        var texts = new List<string>();
        long bytes = 0;
        foreach (var f in files)
        {
            var part = f.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)
                ? KlueNer.Read(f).Select(s => s.Text).ToList()
                : BenchData.ReadTexts([f]).Texts;
            texts.AddRange(part);
            bytes += part.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t));
        }

        var mb = bytes / 1e6;
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        var load = Stopwatch.StartNew();
        var model = PersonModel.Default;
        load.Stop();
        var after = GC.GetTotalMemory(true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"texts: {texts.Count:N0} from {files.Count} file(s), {mb:N1} MB of UTF-8; model loaded in {load.Elapsed.TotalMilliseconds:N0} ms: {model.MemoryBytes / 1e6:0.0} MB of weights, managed heap grew {(after - before) / 1e6:0.0} MB"));

        var sink = new List<TaggedName>();
        double bestRef = double.MaxValue, bestFast = double.MaxValue;
        (ulong, long) refDigest = default, fastDigest = default;
        for (var round = 0; round < rounds; round++)
        {
            var r = Time(() => refDigest = Digest(texts, model.FindReference, sink));
            var f = Time(() => fastDigest = Digest(texts, model.Find, sink));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round + 1} (MB per CPU-second): reference {mb / r,7:N1}  fast {mb / f,7:N1}  fast/reference {r / f:0.00}x"));
            bestRef = Math.Min(bestRef, r);
            bestFast = Math.Min(bestFast, f);
        }

        // The whole PERSON path of the analyzer (rules, tagger, overlap resolution) without and with the re-ranker.
        var plain = new PiiAnalyzer([PiiTypes.Person], 0.5, null, reranker: null);
        var reranked = new PiiAnalyzer([PiiTypes.Person]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"re-ranker: {PersonReranker.Default.MemoryBytes / 1e6:0.00} MB"));
        double bestPlain = double.MaxValue, bestReranked = double.MaxValue;
        (ulong, long) plainDigest = default, rerankedDigest = default;
        for (var round = 0; round < rounds; round++)
        {
            var p = Time(() => plainDigest = Analyze(texts, plain));
            var q = Time(() => rerankedDigest = Analyze(texts, reranked));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round + 1} (MB per CPU-second): analyzer PERSON {mb / p,7:N1}  with re-ranker {mb / q,7:N1}  ratio {p / q:0.00}x"));
            bestPlain = Math.Min(bestPlain, p);
            bestReranked = Math.Min(bestReranked, q);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"best (MB per CPU-second): analyzer PERSON {mb / bestPlain:N1}, with re-ranker {mb / bestReranked:N1} ({bestPlain / bestReranked:0.00}x); findings {plainDigest.Item2:N0} / {rerankedDigest.Item2:N0}, digests 0x{plainDigest.Item1:X16} / 0x{rerankedDigest.Item1:X16}"));

        var same = refDigest == fastDigest;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"best (MB per CPU-second): reference {mb / bestRef:N1}, fast {mb / bestFast:N1} ({bestRef / bestFast:0.00}x); {fastDigest.Item2:N0} spans, digest 0x{fastDigest.Item1:X16}, identical to the reference: {(same ? "yes" : "NO")}"));
        return same ? 0 : 1;
    }

    private static (ulong, long) Digest(List<string> texts, Action<string, List<TaggedName>> find, List<TaggedName> sink)
    {
        var h = 14695981039346656037UL;
        long spans = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            sink.Clear();
            find(texts[i], sink);
            foreach (var n in sink)
            {
                h = (h ^ (ulong)i ^ ((ulong)n.Start << 20) ^ ((ulong)n.End << 40) ^ (uint)BitConverter.SingleToInt32Bits(n.Margin)) * 1099511628211UL;
                spans++;
            }
        }

        return (h, spans);
    }

    // Digest of every finding (offsets, score and reason) of the analyzer's PERSON path: two builds that claim the same
    // findings can be compared by it.
    private static (ulong Digest, long Found) Analyze(List<string> texts, PiiAnalyzer analyzer)
    {
        var h = 14695981039346656037UL;
        long found = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            foreach (var f in analyzer.Analyze(texts[i]))
            {
                h = (h ^ (ulong)i ^ ((ulong)f.Start << 20) ^ ((ulong)f.End << 40)) * 1099511628211UL;
                h = (h ^ (ulong)BitConverter.DoubleToInt64Bits(f.Score)) * 1099511628211UL;
                foreach (var c in f.Reason ?? "")
                {
                    h = (h ^ c) * 1099511628211UL;
                }
                found++;
            }
        }

        return (h, found);
    }

    private static double Time(Action action)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        action();
        return (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    }
}
