using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Moa.Curation.Filters;
using Moa.Curation.Perplexity;
using Moa.Text.Languages;
using Moa.Text.Normalization;

namespace Moa.Bench.Curation;

/// <summary>
/// Guards a speed change of the filter stages: (1) writes every document's outcome (language, keep/remove, rule,
/// value, threshold, genre, profile, every signal, a hash of the kept text, the perplexity score) to a file, so
/// the outcomes of two builds can be compared byte for byte; (2) times the filter stages (normalise + language id
/// + quality stage, as <c>moa curate</c> runs them) and perplexity scoring, in CPU seconds, 1 thread.
/// Usage: filter-check OUT_FILE ROUNDS PATH... (directories of *.jsonl.gz / *.jsonl, or files).
/// </summary>
internal static class FilterCheck
{
    public static int Run(string outFile, int rounds, IReadOnlyList<string> paths)
    {
        var (docs, bytes) = BenchData.ReadTexts(paths.SelectMany<string, string>(p => Directory.Exists(p) ? Directory.GetFiles(p).Where(x => x.EndsWith(".jsonl", StringComparison.Ordinal) || x.EndsWith(".jsonl.gz", StringComparison.Ordinal)).Order(StringComparer.Ordinal) : [p]));

        var mb = bytes / 1e6;
        var normalizer = new TextNormalizer(new NormalizerOptions());
        var stage = new QualityStage(new QualityOptions());
        var context = new DocumentContext("jsonl", null, null);
        var model = QualityLanguageModel.Embedded;
        var maxChars = new PerplexityOptions().MaxChars;
        Console.WriteLine($"{docs.Count:N0} documents, {mb:N1} MB of UTF-8 text");

        if (outFile != "-")
        {
            using var w = new StreamWriter(outFile, false, new UTF8Encoding(false));
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            for (var i = 0; i < docs.Count; i++)
            {
                var text = normalizer.Normalize(docs[i]);
                var lang = LanguageIdentifier.Default.Identify(text).Code;
                var o = stage.Evaluate(text, lang, context);
                var sb = new StringBuilder();
                sb.Append(i).Append('\t').Append(lang).Append('\t').Append(o.Keep ? "keep" : "remove").Append('\t').Append(o.Rule)
                    .Append('\t').Append(o.Value.ToString("R", CultureInfo.InvariantCulture)).Append('\t').Append(o.Threshold.ToString("R", CultureInfo.InvariantCulture))
                    .Append('\t').Append(o.Genre).Append('\t').Append(o.Profile).Append('\t')
                    .Append(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(o.Text)), 0, 8));
                foreach (var (k, v) in o.Scores)
                {
                    sb.Append('\t').Append(k).Append('=').Append(v.ToString("R", CultureInfo.InvariantCulture));
                }

                sb.Append("\tppl=").Append(lang == "ko" ? model.Perplexity(text, maxChars)?.ToString("R", CultureInfo.InvariantCulture) : "");
                w.WriteLine(sb.ToString());
                hash.AppendData(Encoding.UTF8.GetBytes(sb.ToString()));
            }

            Console.WriteLine($"outcomes written to {outFile}, digest {Convert.ToHexString(hash.GetCurrentHash())}");
        }

        if (Environment.GetEnvironmentVariable("MOA_PROFILE") is not null)
        {
            var nt = docs.Select(normalizer.Normalize).ToList();
            Console.WriteLine($"changed by normalise: {nt.Where((t, i) => !ReferenceEquals(t, docs[i])).Count()}, not clean: {docs.Count(d => !normalizer.IsNormalized(d))}");
            var sw0 = Stopwatch.StartNew();
            var clean = docs.Count(d => normalizer.IsNormalized(d));
            Console.WriteLine($"IsNormalized alone: {mb / sw0.Elapsed.TotalSeconds:F1} MB/s");
            FilterProfile.Run(nt, nt.Select(t => LanguageIdentifier.Default.Identify(t).Code).ToArray(), mb);
        }

        for (var round = 0; round < rounds; round++)
        {
            var langs = new string[docs.Count];
            var texts = new string[docs.Count];
            var a = Time(() =>
            {
                var kept = 0;
                for (var i = 0; i < docs.Count; i++)
                {
                    var text = normalizer.Normalize(docs[i]);
                    var lang = LanguageIdentifier.Default.Identify(text).Code;
                    texts[i] = text;
                    langs[i] = lang;
                    if (stage.Evaluate(text, lang, context).Keep)
                    {
                        kept++;
                    }
                }

                return kept;
            });
            var p = Time(() =>
            {
                var scored = 0;
                for (var i = 0; i < texts.Length; i++)
                {
                    if (langs[i] == "ko" && model.Perplexity(texts[i], maxChars) is not null)
                    {
                        scored++;
                    }
                }

                return scored;
            });
            var n = Time(() => docs.Count(t => normalizer.Normalize(t).Length > 0));
            var l = Time(() => texts.Count(t => LanguageIdentifier.Default.Identify(t).Code == "ko"));
            var q = Time(() => texts.Where((t, i) => stage.Evaluate(t, langs[i], context).Keep).Count());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: filter stages {mb / a:F1} MB/s per CPU-second, perplexity adds {p / a:P1}; alone: normalise {mb / n:F1}, language id {mb / l:F1}, quality stage {mb / q:F1} MB/s"));
        }

        return 0;
    }

    private static double Time(Func<int> pass)
    {
        GC.Collect();
        var start = Process.GetCurrentProcess().TotalProcessorTime;
        pass();
        return (Process.GetCurrentProcess().TotalProcessorTime - start).TotalSeconds;
    }
}
