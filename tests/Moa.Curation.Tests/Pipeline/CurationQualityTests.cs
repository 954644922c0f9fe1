using System.Text;
using System.Text.Json;
using Moa.Curation.Configuration;
using Xunit.Abstractions;

namespace Moa.Curation.Tests.Pipeline;

/// <summary>
/// The quality targets, end to end through <c>moa curate</c> with the default config, on data built from
/// real text in shared/data: clean Korean prose is kept, common junk is removed, planted near duplicates at 1–3% word
/// edits are removed, and no duplicate cluster loses all its copies.
/// </summary>
public sealed class CurationQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void DefaultPipeline_MeetsTheQualityTargetsOnRealKoreanText()
    {
        var rnd = new Random(7);
        var prose = BoolQParagraphs().Where(p => p.Length >= 200).Take(900).ToList();
        var threads = CurationFixture.Threads(300, reviewsPerDoc: 12, skip: 2000);
        var clean = prose.Concat(threads).ToList();
        var records = new List<(string Id, string Text)>();
        records.AddRange(clean.Select((t, i) => ($"clean-{i}", t)));

        // Planted near copies of 200 clean documents, 1-3% word edits.
        var originals = Enumerable.Range(0, 200).Select(i => i * 4).ToList();
        foreach (var o in originals)
        {
            records.Add(($"near-{o}", Edit(clean[o], 0.01 + (0.01 * (o % 3)), rnd)));
        }

        // Junk, 40 of each kind, built from the same real text.
        var junkKinds = new Dictionary<string, Func<int, string>>
        {
            ["repeated-line"] = i => string.Join("\n", Enumerable.Repeat(FirstLine(threads[i]), 25)),
            ["menu-spam"] = i => string.Join(" | ", Enumerable.Repeat("홈 회사소개 고객센터 로그인 회원가입 장바구니 이벤트 공지사항", 8 + (i % 5))),
            ["keyword-spam"] = i => string.Join(" ", Enumerable.Repeat($"무료영화{i} 다시보기 최신영화 고화질 영화다운", 20)),
            ["mojibake"] = i => Encoding.Latin1.GetString(CodePagesEncodingProvider.Instance.GetEncoding(949, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback)!.GetBytes(prose[i])),
            ["symbol-noise"] = i => string.Concat(Enumerable.Repeat("★☆♥ ※ ▶▶ ◆◇ ■□ ### @@ ", 30 + i)),
            ["too-short"] = i => threads[i].Split('\n')[0][..Math.Min(8, threads[i].Split('\n')[0].Length)],
            ["repeated-paragraph"] = i => string.Join("\n\n", Enumerable.Repeat(prose[i + 100], 4)),
        };
        foreach (var (kind, make) in junkKinds)
        {
            for (var i = 0; i < 40; i++)
            {
                records.Add(($"junk-{kind}-{i}", make(i)));
            }
        }

        var shuffled = records.OrderBy(_ => rnd.Next()).ToList();
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "mixed.jsonl");
        CurationFixture.WriteJsonl(input, shuffled);
        var outDir = Path.Combine(dir, "out");

        CurationFixture.Run([input], outDir, new CurationConfig());

        var kept = CurationFixture.ReadParts(Path.Combine(outDir, "data")).Select(r => r.GetProperty("id").GetString()!).ToHashSet();
        var removed = CurationFixture.ReadParts(Path.Combine(outDir, "removed")).ToDictionary(r => r.GetProperty("id").GetString()!);
        var report = new StringBuilder();

        // Clean prose kept (a clean original removed only as the duplicate of its own planted copy still counts as kept).
        var cleanKept = clean.Select((_, i) => $"clean-{i}").Count(id =>
            kept.Contains(id) || (removed.TryGetValue(id, out var r) && r.TryGetProperty("duplicate_of", out var of) && of.GetString() == "near-" + id[6..]));
        var cleanRate = cleanKept / (double)clean.Count;
        report.AppendLine($"clean Korean prose kept: {cleanKept}/{clean.Count} = {cleanRate:P2}");
        foreach (var reason in removed.Values.Where(r => r.GetProperty("id").GetString()!.StartsWith("clean-", StringComparison.Ordinal) && !r.TryGetProperty("duplicate_of", out _))
                     .GroupBy(r => r.GetProperty("reason").GetString()))
        {
            report.AppendLine($"  clean removed by {reason.Key}: {reason.Count()}");
        }

        // Junk removed, per kind.
        var junkRates = new Dictionary<string, double>();
        foreach (var kind in junkKinds.Keys)
        {
            var ids = Enumerable.Range(0, 40).Select(i => $"junk-{kind}-{i}").ToList();
            junkRates[kind] = ids.Count(id => !kept.Contains(id)) / (double)ids.Count;
            report.AppendLine($"junk {kind,-20} removed {junkRates[kind]:P0}");
        }

        // Planted near copies: one of each pair removed, never both.
        var pairs = originals.Select(o => (Original: $"clean-{o}", Copy: $"near-{o}")).ToList();
        var pairRemoved = pairs.Count(p => kept.Contains(p.Original) ^ kept.Contains(p.Copy));
        var bothGone = pairs.Count(p => !kept.Contains(p.Original) && !kept.Contains(p.Copy) && !IsJunkOrFiltered(removed, p.Original));
        var recall = pairRemoved / (double)pairs.Count;
        report.AppendLine($"planted near copies removed: {pairRemoved}/{pairs.Count} = {recall:P1}; clusters that lost every copy: {bothGone}");
        output.WriteLine(report.ToString());

        cleanRate.ShouldBeGreaterThanOrEqualTo(0.97, report.ToString());
        foreach (var (kind, rate) in junkRates)
        {
            rate.ShouldBeGreaterThanOrEqualTo(0.90, $"{kind}\n{report}");
        }

        recall.ShouldBeGreaterThanOrEqualTo(0.95, report.ToString());
        bothGone.ShouldBe(0, report.ToString());
    }

    private static bool IsJunkOrFiltered(Dictionary<string, JsonElement> removed, string id) =>
        removed.TryGetValue(id, out var r) && !r.TryGetProperty("duplicate_of", out _);

    private static IEnumerable<string> BoolQParagraphs()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var split in new[] { "train", "dev", "test" })
        {
            foreach (var line in File.ReadLines(TestPaths.Data("benchmarks", "kobest", "BoolQ", $"{split}.tsv")).Skip(1))
            {
                var cells = line.Split('\t');
                if (cells.Length > 1 && seen.Add(cells[1]))
                {
                    yield return cells[1];
                }
            }
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0];

    private static string Edit(string text, double fraction, Random rnd)
    {
        var words = text.Split(' ').ToList();
        var edits = Math.Max(1, (int)Math.Round(words.Count * fraction));
        for (var e = 0; e < edits; e++)
        {
            var at = rnd.Next(words.Count);
            switch (rnd.Next(3))
            {
                case 0: words[at] = words[rnd.Next(words.Count)]; break;
                case 1 when words.Count > 3: words.RemoveAt(at); break;
                default: words.Insert(at, words[rnd.Next(words.Count)]); break;
            }
        }

        return string.Join(' ', words);
    }
}
