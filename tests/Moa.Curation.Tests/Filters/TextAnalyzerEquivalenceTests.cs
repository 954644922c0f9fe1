using System.Text;
using Moa.Curation.Filters;

namespace Moa.Curation.Tests.Filters;

/// <summary>
/// The analyser's fast paths give what a plain count gives: the packed per-word class counts (one 64-bit sum per word,
/// recounted in chunks for words over 255 characters) against the scalar character loop, and n-gram repetition (which
/// visits only the positions listed at the level below) against a count of every n-gram.
/// </summary>
public sealed class TextAnalyzerEquivalenceTests
{
    /// <summary>Characters of every class the packed count sums, and none that the ja/zh word breaks split on (Han, kana).</summary>
    private const string Alphabet = "가나다한국ㅋㅎㅏabcXYZ019\u0301{}[]<>;=`\\|_$&^~/:*#@%+\".,!?…★é";

    public static TheoryData<int> WordLengths() => new() { 1, 2, 127, 128, 254, 255, 256, 257, 300, 383, 384, 1000, 5000 };

    [Theory]
    [MemberData(nameof(WordLengths))]
    public void LongWords_PackedCountsSameAsScalarLoop(int length)
    {
        var random = new Random(length);
        var sb = new StringBuilder();
        for (var line = 0; line < 6; line++)
        {
            sb.Append("문장은 여기에서 ");
            for (var k = 0; k < length; k++)
            {
                sb.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            sb.Append(line % 2 == 0 ? " 끝난다.\n" : " code_x = y;\n\n");
        }

        var text = sb.ToString();

        // Without Han or kana in the text, the ja/zh loop (scalar, with per-character word breaks for those only) splits
        // the same words as the packed loop, so every count must agree.
        var packed = new TextAnalyzer();
        packed.Analyze(text, cjkCharWords: false, english: false, korean: true);
        var packedSignals = new DocumentSignals();
        packed.Korean.Finish(packedSignals);
        var scalar = new TextAnalyzer();
        scalar.Analyze(text, cjkCharWords: true, english: false, korean: true);
        var scalarSignals = new DocumentSignals();
        scalar.Korean.Finish(scalarSignals);

        TextAnalyzerKeepLinesTests.State(packed).ShouldBe(TextAnalyzerKeepLinesTests.State(scalar));
        packedSignals.All().ShouldBe(scalarSignals.All());
        packed.LetterChars.ShouldBeGreaterThan(length);
    }

    [Theory]
    [InlineData(1, 40)]
    [InlineData(2, 400)]
    [InlineData(3, 3000)]
    [InlineData(4, 12)]
    public void NgramRepetition_SameAsCountingEveryNgram(int seed, int words)
    {
        // A small vocabulary with planted copies of longer phrases, so that every level (2..10) has repeats and misses.
        var random = new Random(seed);
        var vocabulary = new[] { "국가", "모델을", "the", "data", "정제한다.", "a", "말뭉치의", "x1", "–", "학습", "및", "평가" };
        var list = new List<string>();
        while (list.Count < words)
        {
            if (list.Count > 12 && random.Next(4) == 0)
            {
                var from = random.Next(list.Count - 11);
                list.AddRange(list.GetRange(from, random.Next(2, 12)));
            }
            else
            {
                list.Add(vocabulary[random.Next(random.Next(2) == 0 ? 4 : vocabulary.Length)]);
            }
        }

        var text = string.Join(' ', list);
        var a = new TextAnalyzer();
        a.Analyze(text, false, false);
        var top = new long[11];
        var dup = new long[11];
        a.NgramRepetition(top, dup);

        var (expectedTop, expectedDup) = CountEveryNgram(list);
        top.ShouldBe(expectedTop);
        dup.ShouldBe(expectedDup);
    }

    /// <summary>Gopher's n-gram repetition by brute force: every n-gram counted by its words, greedy coverage over every position.</summary>
    private static (long[] Top, long[] Dup) CountEveryNgram(List<string> words)
    {
        var top = new long[11];
        var dup = new long[11];
        var lengths = words.Select(w => w.Count(c => (CharClass.Table[c] & (CharClass.Letter | CharClass.Digit | CharClass.Mark)) != 0)).ToArray();
        for (var n = 2; n <= 10 && n <= words.Count; n++)
        {
            var positions = words.Count - n + 1;
            string Key(int i) => string.Join('\u0001', words.GetRange(i, n));
            int Length(int i) => lengths.Skip(i).Take(n).Sum();
            var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
            for (var i = 0; i < positions; i++)
            {
                var key = Key(i);
                counts[key] = counts.TryGetValue(key, out var c) ? (c.Count + 1, c.First) : (1, i);
            }

            var best = counts.Values.Where(c => c.Count >= 2).Select(c => (c.Count, Length: Length(c.First)))
                .OrderByDescending(x => x.Count).ThenByDescending(x => x.Length).FirstOrDefault();
            top[n] = (long)best.Count * best.Length;
            if (n >= 5)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var idx = 0;
                while (idx < positions)
                {
                    if (seen.Add(Key(idx)))
                    {
                        idx++;
                    }
                    else
                    {
                        dup[n] += Length(idx);
                        idx += n;
                    }
                }
            }
        }

        return (top, dup);
    }
}
