using System.Text;
using System.Text.Json;
using System.Xml;

namespace Moa.Bench.Dedup;

/// <summary>
/// A deterministic mixed Korean/English corpus for dedup benchmarks: Korean documents of 10-30 random NSMC
/// reviews or 2-8 random KoBEST BoolQ paragraphs, English documents of 5-30 random API-documentation
/// paragraphs from the .NET reference packs; half of the UTF-8 bytes each. Size: MOA_BENCH_DEDUP_MB (default 64).
/// </summary>
internal static class DedupCorpus
{
    private static readonly Lazy<string[]> s_documents = new(Build);

    public static string[] Documents => s_documents.Value;

    public static long Utf8Bytes { get; private set; }

    public static long Utf16Chars { get; private set; }

    private static string[] Build()
    {
        var megabytes = int.TryParse(Environment.GetEnvironmentVariable("MOA_BENCH_DEDUP_MB"), out var mb) ? mb : 64;
        var target = megabytes * 1_000_000L;
        var data = BenchData.SharedData();
        var reviews = File.ReadLines(Path.Combine(data, "text", "nsmc_reviews_sample.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString() ?? "").ToArray();
        var paragraphs = Directory.EnumerateFiles(Path.Combine(data, "benchmarks", "kobest", "BoolQ"), "*.tsv").Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadLines(f).Skip(1)).Select(l => l.Split('\t')).Where(f => f.Length > 1).Select(f => f[1]).Distinct().ToArray();
        var english = EnglishParagraphs();
        var random = new Random(42);
        var docs = new List<string>();
        long korean = 0, latin = 0;
        var sb = new StringBuilder();
        while (korean + latin < target)
        {
            sb.Clear();
            if (korean <= latin)
            {
                if (random.Next(2) == 0)
                {
                    for (int n = random.Next(10, 31), i = 0; i < n; i++)
                    {
                        sb.Append(reviews[random.Next(reviews.Length)]).Append('\n');
                    }
                }
                else
                {
                    for (int n = random.Next(2, 9), i = 0; i < n; i++)
                    {
                        sb.Append(paragraphs[random.Next(paragraphs.Length)]).Append("\n\n");
                    }
                }

                korean += Encoding.UTF8.GetByteCount(sb.ToString());
            }
            else
            {
                for (int n = random.Next(5, 31), i = 0; i < n; i++)
                {
                    sb.Append(english[random.Next(english.Length)]).Append("\n\n");
                }

                latin += Encoding.UTF8.GetByteCount(sb.ToString());
            }

            docs.Add(sb.ToString().Normalize(NormalizationForm.FormC));
        }

        Utf8Bytes = korean + latin;
        Utf16Chars = docs.Sum(d => (long)d.Length);
        Console.WriteLine($"// Dedup corpus: {docs.Count:N0} documents, {Utf8Bytes / 1e6:F1} MB UTF-8 ({korean / 1e6:F1} MB Korean), {Utf16Chars / 1e6:F1} M UTF-16 chars");
        return [.. docs];
    }

    private static string[] EnglishParagraphs()
    {
        var packs = Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref");
        var result = new List<string>();
        foreach (var file in Directory.EnumerateFiles(packs, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
            while (reader.ReadToFollowing("member"))
            {
                var text = string.Join(' ', reader.ReadInnerXml().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                    .Where(w => !w.StartsWith('<') && !w.EndsWith('>')));
                if (text.Length > 40)
                {
                    result.Add(text);
                }
            }
        }

        return result.Count > 0 ? [.. result] : throw new InvalidOperationException("No .NET reference XML docs found under " + packs);
    }
}
