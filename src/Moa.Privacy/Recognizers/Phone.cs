using Moa.Privacy.Analysis;

namespace Moa.Privacy.Recognizers;

/// <summary>
/// Korean telephone numbers (<c>PHONE</c>): mobiles (010, and 011/016–019), Seoul 02, area codes 031–064 and 070 (VoIP),
/// and the +82 international forms (<c>+82 10-…</c>, <c>+82-2-…</c>, <c>+82(0)10…</c>); separators '-', '.', ' ' or none,
/// a dash with spaces around it, and an area code in parentheses (<c>(02) 1234-5678</c>, <c>02)1234-5678</c>).
/// A local number never starts with 0 or 1, which keeps dates and prices out. Business lines are not personal data
/// and are not reported: the nationwide representative numbers 15xx/16xx/18xx-xxxx and 080 free-call numbers.
/// </summary>
internal static class Phone
{
    private static readonly ContextWords s_words = Context.WordsIgnoreCase(
        "전화", "연락처", "연락", "휴대폰", "핸드폰", "폰번호", "번호", "문의", "tel", "phone", "mobile", "fax", "팩스", "☎", "H.P", "HP", "call");

    // Words that introduce a number written without its area code (전화 226-3570), looked for just before it.
    private static readonly ContextWords s_localWords = Context.WordsIgnoreCase("전화", "팩스", "☎", "tel", "fax", "연락처", "내선");

    public static bool TryMatch(NumberView v, List<PiiFinding> sink)
    {
        var text = v.Text;
        if (v.DigitCount < 9)
        {
            return TryLocal(v, sink);
        }

        var international = Context.At(text, v.Start - 1) == '+' && v.Digits.Length > 2 && v.Digits[0] == 8 && v.Digits[1] == 2;
        double score;
        if (international)
        {
            var national = v.Digits[2..];
            if (national.Length > 0 && national[0] == 0)
            {
                national = national[1..];
            }

            var kind = Classify(national, leadingZero: false);
            if (kind == Kind.None || v.Separators.Contains('.'))
            {
                return false;
            }

            sink.Add(new PiiFinding(v.Start - 1, v.End, PiiTypes.Phone, 0.95));
            return true;
        }

        var k = Classify(v.Digits, leadingZero: true);
        var parenthesised = v.Separators.Length > 0 && v.Separators[0] == ')';
        var rest = parenthesised ? v.Separators[1..] : v.Separators;
        if (k == Kind.None || !Uniform(rest) || rest.Contains('(') || rest.Contains(')') || !GroupsFit(v, k))
        {
            return false;
        }

        var start = parenthesised && Context.At(text, v.Start - 1) == '(' ? v.Start - 1 : v.Start;

        var context = Context.Before(text, start, s_words);
        score = k switch
        {
            Kind.Mobile => v.IsContiguous ? (context ? 0.95 : 0.8) : 0.95,
            _ => v.IsContiguous ? (context ? 0.85 : 0.45) : (context ? 0.95 : 0.85),
        };
        if (v.Separators.Length > 0 && v.Separators[^1] == ' ' && !context)
        {
            score -= 0.1;
        }

        sink.Add(new PiiFinding(start, v.End, PiiTypes.Phone, score));
        return true;
    }

    /// <summary>A local number without its area code (3-4 or 4-4 digits, never starting with 0 or 1) right after a phone word.</summary>
    private static bool TryLocal(NumberView v, List<PiiFinding> sink)
    {
        if (v.Groups != 2 || v.Lengths[0] is < 3 or > 4 || v.Lengths[1] != 4 || v.Separators[0] != '-' || v.Digits[0] < 2
            || !Context.Before(v.Text, v.Start, s_localWords, 6))
        {
            return false;
        }

        sink.Add(new PiiFinding(v.Start, v.End, PiiTypes.Phone, 0.8));
        return true;
    }

    private enum Kind
    {
        None,
        Mobile,
        Landline,
    }

    /// <summary>Classifies a national number; <paramref name="leadingZero"/> says whether its trunk 0 is present.</summary>
    private static Kind Classify(ReadOnlySpan<byte> d, bool leadingZero)
    {
        if (leadingZero)
        {
            if (d.Length < 9 || d[0] != 0)
            {
                return Kind.None;
            }

            d = d[1..];
        }

        // d is now the number without the trunk 0: area/mobile prefix then subscriber number.
        if (d.Length is < 8 or > 10)
        {
            return Kind.None;
        }

        if (d[0] == 1 && d[1] is 0 or 1 or 6 or 7 or 8 or 9)
        {
            var subscriber = d[2..];
            var ok = d[1] == 0 ? subscriber.Length == 8 : subscriber.Length is 7 or 8;
            return ok && subscriber[0] >= 1 ? Kind.Mobile : Kind.None;
        }

        int prefixLength;
        if (d[0] == 2)
        {
            prefixLength = 1;
        }
        else if (IsAreaCode(d[0], d[1]) || (d[0] == 7 && d[1] == 0))
        {
            prefixLength = 2;
        }
        else
        {
            return Kind.None;
        }

        var local = d[prefixLength..];
        return local.Length is 7 or 8 && local[0] >= 2 ? Kind.Landline : Kind.None;
    }

    private static bool IsAreaCode(int a, int b) => a switch
    {
        3 => b is >= 1 and <= 3,
        4 => b is >= 1 and <= 4,
        5 => b is >= 1 and <= 5,
        6 => b is >= 1 and <= 4,
        _ => false,
    };

    private static bool Uniform(ReadOnlySpan<char> separators)
    {
        foreach (var c in separators)
        {
            if (c != separators[0])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Prefix, exchange and line groups (<c>010-1234-5678</c>), or prefix and the local number (<c>(02)12345678</c>).</summary>
    private static bool GroupsFit(NumberView v, Kind kind)
    {
        if (v.IsContiguous)
        {
            return true;
        }

        var l = v.Lengths;
        var prefix = v.Digits[1] == 2 ? 2 : 3;
        if (l[0] != prefix)
        {
            return false;
        }

        return l.Length switch
        {
            2 => kind == Kind.Landline && l[1] is 7 or 8 && v.Separators[0] == ')',
            3 => l[2] == 4 && l[1] is >= 3 and <= 4,
            _ => false,
        };
    }
}
