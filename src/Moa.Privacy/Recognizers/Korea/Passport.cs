using Moa.Privacy.Analysis;

namespace Moa.Privacy.Recognizers.Korea;

/// <summary>
/// Korean passport numbers (<c>KR_PASSPORT</c>): a type letter (M, S, R, G, D, T) and eight digits (<c>M12345678</c>),
/// or the form issued since December 2021, letter + three digits + letter + four digits (<c>M123A4567</c>).
/// </summary>
internal static class Passport
{
    private static readonly ContextWords s_words = Context.WordsIgnoreCase("여권", "passport", "旅券");

    // digitStart: First digit of the run; the type letter must sit just before it.
    // runLength: Length of that digit run.
    public static void TryMatch(string text, int digitStart, int runLength, List<PiiFinding> sink)
    {
        var letter = Context.At(text, digitStart - 1);
        if (letter is not ('M' or 'S' or 'R' or 'G' or 'D' or 'T'))
        {
            return;
        }

        var before = Context.At(text, digitStart - 2);
        if (Context.IsAsciiLetter(before) || Context.IsDigit(before) || before is '-' or '_')
        {
            return;
        }

        int end;
        var start = digitStart - 1;
        if (runLength == 8)
        {
            end = digitStart + 8;
        }
        else if (runLength == 3 && Context.At(text, digitStart + 3) is >= 'A' and <= 'Z' && IsDigitRun(text, digitStart + 4, 4))
        {
            end = digitStart + 8;
        }
        else
        {
            return;
        }

        var after = Context.At(text, end);
        if (Context.IsAsciiLetter(after) || Context.IsDigit(after) || (after == '-' && Context.IsDigit(Context.At(text, end + 1))))
        {
            return;
        }

        var context = Context.Around(text, start, end, s_words);
        var score = context ? 0.97 : letter is 'M' or 'S' ? 0.8 : 0.65;
        sink.Add(new PiiFinding(start, end, PiiTypes.Passport, score));
    }

    private static bool IsDigitRun(string text, int from, int count)
    {
        for (var i = from; i < from + count; i++)
        {
            if (!Context.IsDigit(Context.At(text, i)))
            {
                return false;
            }
        }

        return !Context.IsDigit(Context.At(text, from + count));
    }
}
