using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Moa.Bench.Curation;

/// <summary>
/// Builds the benchmark corpus: gzip JSONL of Korean and English documents recombined from the real texts in
/// <c>shared/data</c> and the programme documents in <c>shared/seeds</c> (reviews, encyclopaedia-style paragraphs,
/// exam passages, press texts), with about 8% near or exact copies and 3% junk, so every stage does real work.
/// </summary>
internal static class BenchCorpus
{
    // Real provider JSONL is UTF-8 text, not \uXXXX escapes: write it that way so sizes mean text.
    private static readonly JsonSerializerOptions s_json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Build(string sharedRoot, string outputDir, long targetBytes, int files)
    {
        Directory.CreateDirectory(outputDir);
        var korean = new List<string>();
        var english = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(sharedRoot, "data", "text", "nsmc_reviews_sample.jsonl")))
        {
            korean.Add(JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!);
        }

        foreach (var tsv in Directory.GetFiles(Path.Combine(sharedRoot, "data", "benchmarks", "kobest"), "*.tsv", SearchOption.AllDirectories))
        {
            foreach (var line in File.ReadLines(tsv).Skip(1))
            {
                korean.AddRange(line.Split('\t').Where(c => c.Length > 40));
            }
        }

        foreach (var seed in Directory.GetFiles(Path.Combine(sharedRoot, "seeds")))
        {
            foreach (var para in File.ReadAllText(seed).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var hangul = para.Count(c => c is >= '\uAC00' and <= '\uD7A3');
                (hangul > para.Length / 4 ? korean : english).Add(para);
            }
        }

        var rnd = new Random(42);
        var perFile = targetBytes / files;
        var recent = new List<string>();
        for (var f = 0; f < files; f++)
        {
            using var gz = new GZipStream(File.Create(Path.Combine(outputDir, $"corpus-{f:D3}.jsonl.gz")), CompressionLevel.Fastest);
            using var w = new StreamWriter(gz, new UTF8Encoding(false), 1 << 20);
            long written = 0;
            var n = 0;
            while (written < perFile)
            {
                string text;
                var roll = rnd.NextDouble();
                if (roll < 0.04 && recent.Count > 0)
                {
                    text = recent[rnd.Next(recent.Count)]; // exact copy
                }
                else if (roll < 0.08 && recent.Count > 0)
                {
                    text = Edit(recent[rnd.Next(recent.Count)], rnd); // near copy
                }
                else if (roll < 0.11)
                {
                    text = Junk(korean, rnd);
                }
                else
                {
                    var pool = rnd.NextDouble() < 0.8 ? korean : english;
                    var sb = new StringBuilder();
                    var target = rnd.Next(400, 6000);
                    while (sb.Length < target)
                    {
                        sb.Append(pool[rnd.Next(pool.Count)]).Append(rnd.NextDouble() < 0.3 ? "\n\n" : "\n");
                    }

                    text = sb.ToString().TrimEnd();
                    if (recent.Count < 5000)
                    {
                        recent.Add(text);
                    }
                    else
                    {
                        recent[rnd.Next(recent.Count)] = text;
                    }
                }

                var json = JsonSerializer.Serialize(new { id = $"f{f}-{n++}", text }, s_json);
                w.Write(json);
                w.Write('\n');
                written += Encoding.UTF8.GetByteCount(json) + 1;
            }
        }
    }

    private static string Edit(string text, Random rnd)
    {
        var words = text.Split(' ').ToList();
        var edits = Math.Max(1, (int)(words.Count * (0.01 + (rnd.NextDouble() * 0.02))));
        for (var i = 0; i < edits && words.Count > 2; i++)
        {
            var at = rnd.Next(words.Count);
            switch (rnd.Next(3))
            {
                case 0: words[at] += "요"; break;
                case 1: words.RemoveAt(at); break;
                default: words.Insert(at, "정말"); break;
            }
        }

        return string.Join(' ', words);
    }

    private static string Junk(List<string> korean, Random rnd) => rnd.Next(4) switch
    {
        0 => string.Join("\n", Enumerable.Repeat(korean[rnd.Next(korean.Count)], 40)),
        1 => string.Join(" | ", Enumerable.Repeat("홈 회사소개 고객센터 로그인 회원가입 장바구니", 30)),
        2 => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(korean[rnd.Next(korean.Count)] + korean[rnd.Next(korean.Count)])),
        _ => string.Concat(Enumerable.Repeat("★☆♥ ※ ▶▶ ◆◇ ■□ ### @@ $$ ", 60)),
    };
}
