using System.Reflection;
using System.Text;
using Moa.Curation.Filters;
using static Moa.Curation.Tests.Filters.FilterTestText;

namespace Moa.Curation.Tests.Filters;

/// <summary>
/// C4 line removal updates the first analysis (<see cref="TextAnalyzer.KeepLines"/>) instead of scanning the kept text
/// again: every count, word, line and paragraph must be what a scan of the kept text gives.
/// </summary>
public sealed class TextAnalyzerKeepLinesTests
{
    private static string Document()
    {
        var sb = new StringBuilder();
        sb.Append("# Heading without a period\n");
        sb.Append(EnText(25)).Append('\n');
        sb.Append("  - a bullet line, indented\n");
        sb.Append("Wait for it... and then… ㅋㅋㅋ ㅎㅎ Ã© Ã¨ café\n\n\n");
        sb.Append("| col | col |\n| 1 | 2 |\n");
        sb.Append("if (x == 1) { return y; } // code\n");
        sb.Append("Q: see https://example.org/a?b=c or mail@example.org for more.\n");
        sb.Append(EnText(25)).Append('\n');
        sb.Append(EnText(25)).Append('\n'); // a repeated line
        sb.Append("\n경선의(經線儀)는 한국어 문장이다. 次の文\uFFFD.\n");
        sb.Append("The end! Really? Yes.\r\n");
        sb.Append("   \n");
        sb.Append("last line no terminal");
        return sb.ToString();
    }

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var pattern in new[] { "none", "every-third", "first", "last", "odd", "all-but-one", "all" })
        {
            data.Add(pattern, "en", false);
        }

        data.Add("every-third", "ja", true);
        data.Add("odd", "other", false);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void KeepLines_SameAsScanningTheKeptText(string pattern, string language, bool cjk)
    {
        var text = Document();
        var english = language == "en";
        var a = new TextAnalyzer();
        a.Analyze(text, cjk, english, korean: false, lineTotals: true);
        a.HasLineTotals.ShouldBeTrue();
        var lines = a.LineCount;
        var drop = Enumerable.Range(0, lines).Select(i => pattern switch
        {
            "every-third" => i % 3 == 0,
            "first" => i == 0,
            "last" => i == lines - 1,
            "odd" => i % 2 == 1,
            "all-but-one" => i != 4,
            "all" => true,
            _ => false,
        }).ToArray();

        // The kept text as C4 line removal writes it.
        var kept = new StringBuilder();
        var prevPara = -1;
        for (var i = 0; i < lines; i++)
        {
            if (drop[i])
            {
                continue;
            }

            if (prevPara >= 0)
            {
                kept.Append(a.LineParagraphs[i] != prevPara ? "\n\n" : "\n");
            }

            kept.Append(text, a.LineStarts[i], a.LineLengths[i]);
            prevPara = a.LineParagraphs[i];
        }

        var keptText = kept.ToString();
        a.KeepLines(keptText, drop);
        var scanned = new TextAnalyzer();
        scanned.Analyze(keptText, cjk, english);

        State(a).ShouldBe(State(scanned));
    }

    [Fact]
    public void KeepLines_WithoutLineTotals_Throws()
    {
        var a = new TextAnalyzer();
        a.Analyze("one line.\ntwo lines.", false, true);
        Should.Throw<InvalidOperationException>(() => a.KeepLines("one line.", [false, true]));
    }

    [Fact]
    public void LineTotals_NotKeptForKorean()
    {
        // Korean prose signals span lines, so a Korean text is scanned again after line removal.
        var a = new TextAnalyzer();
        a.Analyze(KoProse(3), false, false, korean: true, lineTotals: true);
        a.HasLineTotals.ShouldBeFalse();
    }

    /// <summary>Everything the filters read from an analysis, as text: every public count, the word/line/paragraph views and the repetition results.</summary>
    internal static string State(TextAnalyzer a)
    {
        var sb = new StringBuilder();
        sb.Append("text=").Append(a.Text).Append('|').Append(a.WordCount).Append('|').Append(a.LineCount).Append('|').Append(a.ParaCount).Append('\n');
        foreach (var f in typeof(TextAnalyzer).GetFields(BindingFlags.Public | BindingFlags.Instance).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            sb.Append(f.Name).Append('=').Append(f.GetValue(a)).Append('\n');
        }

        sb.Append("starts=").AppendJoin(',', a.LineStarts.ToArray()).Append('\n');
        sb.Append("lengths=").AppendJoin(',', a.LineLengths.ToArray()).Append('\n');
        sb.Append("words=").AppendJoin(',', a.LineWordCounts.ToArray()).Append('\n');
        sb.Append("longest=").AppendJoin(',', a.LineMaxWordLengths.ToArray()).Append('\n');
        sb.Append("paras=").AppendJoin(',', a.LineParagraphs.ToArray()).Append('\n');
        sb.Append("kinds=").AppendJoin(',', a.LineKinds.ToArray()).Append('\n');
        sb.Append("dup lines=").Append(a.DuplicateLines()).Append(", dup paras=").Append(a.DuplicateParagraphs()).Append('\n');
        var top = new long[11];
        var dup = new long[11];
        a.NgramRepetition(top, dup);
        sb.Append("top=").AppendJoin(',', top).Append(", dup=").AppendJoin(',', dup);
        return sb.ToString();
    }
}
