using System.Text;
using System.Text.RegularExpressions;

namespace Moa.Evaluation.Scoring;

/// <summary>How an answer was read from a generated response, and which choice it names (-1 when none could be read).</summary>
public readonly record struct ExtractedAnswer(int Index, string Method)
{
    public static ExtractedAnswer None { get; } = new(-1, "none");
}

/// <summary>
/// Reads the chosen option of a multiple-choice question from a model's free-text answer, in the forms Korean models
/// write: "정답: 3", "답은 2번", "③", "(C)", "C.", "정답은 (가)", "Answer: B", or the option's text itself.
/// Reasoning blocks (<c>&lt;think&gt;</c>) are skipped, full-width and circled forms are folded (NFKC), an explicit answer
/// marker wins over other cues and the last marker wins over earlier ones, a denied label ("1번이 아니라 2번") is never the
/// answer. Labels: 1-based numbers, A–J (either case), 가–차, ㄱ–ㅊ.
/// </summary>
public static partial class AnswerExtractor
{
    private const string KoreanLabels = "가나다라마바사아자차";
    private const string JamoLabels = "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊ";

    /// <summary>Extracts the 0-based choice index from <paramref name="response"/>.</summary>
    public static ExtractedAnswer Extract(string response, int choiceCount, IReadOnlyList<string>? choices = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var raw = StripReasoning(response);

        // Circled digits are unambiguous labels: read them before NFKC turns them into plain digits.
        var circled = SingleDistinct(CircledRegex().Matches(raw), m => m.Value[0] - '①', choiceCount);

        var text = FoldJamo(raw.Normalize(NormalizationForm.FormKC));

        // "1번이 아니라 2번": a label that is denied is no answer; blank it so that no later cue reads it.
        text = NegatedRegex().Replace(text, m => new string(' ', m.Length));

        var markers = MarkerRegex().Matches(text);
        for (var i = markers.Count - 1; i >= 0; i--)
        {
            var index = LabelToIndex(markers[i].Groups["label"].Value);
            if (index >= 0 && index < choiceCount)
            {
                return new ExtractedAnswer(index, "marker");
            }
        }

        var affirmed = AffirmedRegex().Matches(text);
        for (var i = affirmed.Count - 1; i >= 0; i--)
        {
            var index = LabelToIndex(affirmed[i].Groups["label"].Value);
            if (index >= 0 && index < choiceCount)
            {
                return new ExtractedAnswer(index, "affirmed");
            }
        }

        var leading = LeadingRegex().Match(text);
        if (leading.Success)
        {
            var index = LabelToIndex(leading.Groups["label"].Value);
            if (index >= 0 && index < choiceCount)
            {
                return new ExtractedAnswer(index, "leading");
            }
        }

        if (circled >= 0)
        {
            return new ExtractedAnswer(circled, "circled");
        }

        var bold = SingleDistinct(BoldRegex().Matches(text), m => LabelToIndex(m.Groups["label"].Value), choiceCount);
        if (bold >= 0)
        {
            return new ExtractedAnswer(bold, "bold");
        }

        var numbered = SingleDistinct(NumberBeonRegex().Matches(text), m => LabelToIndex(m.Groups["label"].Value), choiceCount);
        if (numbered >= 0)
        {
            return new ExtractedAnswer(numbered, "number");
        }

        var bracketed = SingleDistinct(BracketedRegex().Matches(text), m => LabelToIndex(m.Groups["label"].Value), choiceCount);
        if (bracketed >= 0)
        {
            return new ExtractedAnswer(bracketed, "bracketed");
        }

        if (choices is not null)
        {
            var byText = MatchChoiceText(text, choices);
            if (byText >= 0)
            {
                return new ExtractedAnswer(byText, "choice_text");
            }
        }

        return ExtractedAnswer.None;
    }

    /// <summary>Maps a label ("3", "C", "c", "다", "ㄷ") to a 0-based index, or -1.</summary>
    public static int LabelToIndex(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (label.Length == 0)
        {
            return -1;
        }

        if (int.TryParse(label, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return n >= 1 ? n - 1 : -1;
        }

        if (label.Length != 1)
        {
            return -1;
        }

        var c = label[0];
        if (c is >= 'A' and <= 'J')
        {
            return c - 'A';
        }

        if (c is >= 'a' and <= 'j')
        {
            return c - 'a';
        }

        var k = KoreanLabels.IndexOf(c, StringComparison.Ordinal);
        return k >= 0 ? k : JamoLabels.IndexOf(c, StringComparison.Ordinal);
    }

    // NFKC maps compatibility jamo (U+3131 ㄱ …) to conjoining initial consonants (U+1100 …); labels are written with
    // the compatibility forms, so map the initial consonants back.
    private const string CompatibilityInitials = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";

    private static string FoldJamo(string text)
    {
        var at = text.AsSpan().IndexOfAnyInRange('\u1100', '\u1112');
        if (at < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '\u1100' and <= '\u1112' ? CompatibilityInitials[c - '\u1100'] : c;
            }
        });
    }

    private static string StripReasoning(string response)
    {
        var end = response.LastIndexOf("</think>", StringComparison.OrdinalIgnoreCase);
        return end >= 0 ? response[(end + "</think>".Length)..] : response;
    }

    private static int SingleDistinct(MatchCollection matches, Func<Match, int> toIndex, int choiceCount)
    {
        var found = -1;
        foreach (Match m in matches)
        {
            var index = toIndex(m);
            if (index < 0 || index >= choiceCount)
            {
                continue;
            }

            if (found >= 0 && found != index)
            {
                return -1;
            }

            found = index;
        }

        return found;
    }

    private static int MatchChoiceText(string text, IReadOnlyList<string> choices)
    {
        var haystack = TextMatch.Normalize(text);
        if (haystack.Length == 0)
        {
            return -1;
        }

        int found = -1, foundLength = 0;
        for (var i = 0; i < choices.Count; i++)
        {
            var needle = TextMatch.Normalize(choices[i].Normalize(NormalizationForm.FormKC));
            if (needle.Length == 0 || !haystack.Contains(needle, StringComparison.Ordinal))
            {
                continue;
            }

            if (found >= 0)
            {
                // Two options appear: keep the longer only when it contains the shorter ("사과" inside "사과나무").
                if (needle.Contains(TextMatch.Normalize(choices[found]), StringComparison.Ordinal))
                {
                    found = i;
                    foundLength = needle.Length;
                    continue;
                }

                if (foundLength > needle.Length && TextMatch.Normalize(choices[found]).Contains(needle, StringComparison.Ordinal))
                {
                    continue;
                }

                return -1;
            }

            found = i;
            foundLength = needle.Length;
        }

        return found;
    }

    [GeneratedRegex("[①-⑩]")]
    private static partial Regex CircledRegex();

    // "정답: 3", "정답은 2번", "답은 (C)입니다", "Answer: B", "**정답**: ③" (already folded to 3).
    [GeneratedRegex(@"(?:정답|(?<![가-힣])답|(?i:answer))(?:\s*번호)?(?:\s*\*\*)?(?:\s*(?:은|는|:|=|-|→|(?i:is)))*\s*(?:바로\s*)?(?:\*\*)?\s*[\(\[]?\s*(?:(?<label>10|[1-9]|[A-J]|[가나다라마바사아자차]|[ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊ])(?![0-9A-Za-z])(?!(?<=[가-힣])[가-힣])|(?<label>[a-j])(?=\s*(?:[.):\]*]|$|입니다|이다|이에요|예요)))", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerRegex();

    // A response that opens with a label: "3", "3.", "3번", "(C)", "[2]", "**2**", "C.", "C)", "b.", "B입니다", "가.", "ㄴ)".
    [GeneratedRegex(@"^\s*(?:\*\*)?(?:[\(\[](?<label>10|[1-9]|[A-Ja-j]|[가나다라마바사아자차]|[ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊ])[\)\]]|(?<label>10|[1-9])(?:번(?!\s*(?:과|와|이나|또는|혹은|,))|[.):\]]|\*\*|\s*$|(?=\s*(?:입니다|이다|이에요|예요)))|(?<label>[A-Ja-j]|[가나다라마바사아자차]|[ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊ])(?:[.):\]]|\*\*|\s*$|(?=\s*(?:입니다|이다|이에요|예요))))", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingRegex();

    [GeneratedRegex(@"(?<![0-9])(?<label>10|[1-9])\s*번(?!째)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberBeonRegex();

    // "(C)", "[2]", "(다)" inside the text.
    [GeneratedRegex(@"[\(\[](?<label>10|[1-9]|[A-Ja-j]|[가나다라마바사아자차]|[ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊ])[\)\]]", RegexOptions.CultureInvariant)]
    private static partial Regex BracketedRegex();

    // "**2**", "**C**", "**2번**" inside the text.
    [GeneratedRegex(@"\*\*\s*(?<label>10|[1-9]|[A-Ja-j]|[가나다라마바사아자차]|[ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊ])\s*번?\s*\*\*", RegexOptions.CultureInvariant)]
    private static partial Regex BoldRegex();

    // A label named as the answer after it: "C가 정답입니다", "3번이 맞습니다", "(다)가 옳다".
    [GeneratedRegex(@"(?<![0-9A-Za-z가-힣])[\(\[]?(?<label>10|[1-9]|[A-Ja-j]|[가나다라마바사아자차]|[ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊ])[\)\]]?\s*번?\s*(?:이|가)\s*(?:정답|답|맞|옳)", RegexOptions.CultureInvariant)]
    private static partial Regex AffirmedRegex();

    // A denied label: "1번이 아니라", "A가 아니고", "2번은 정답이 아니며", "3번 말고".
    [GeneratedRegex(@"(?<![0-9A-Za-z가-힣])(?:10|[1-9]|[A-Ja-j]|[가나다라마바사아자차]|[ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊ])\s*번?\s*(?:이|가|은|는|도)?\s*(?:(?:정답|답)(?:이|은)?\s*)?(?:아니(?:라|고|며)|아닌|말고)", RegexOptions.CultureInvariant)]
    private static partial Regex NegatedRegex();
}
