using System.Text;
using Moa.Privacy.Analysis;

namespace Moa.Privacy;

/// <summary>
/// Masks with '*' while keeping the shape and the parts that are customary to show in Korea: birth date and sex
/// digit of registration numbers (<c>900101-1******</c>), the middle group of phones hidden (<c>010-****-5678</c>),
/// first six and last four card digits (PCI DSS), the first letter of names and e-mail local parts, the
/// administrative units of addresses, the first two octets of IPv4.
/// </summary>
public sealed class MaskOperator : PiiOperator
{
    public override string Name => "mask";

    public override void Append(StringBuilder output, string type, ReadOnlySpan<char> value)
    {
        ArgumentNullException.ThrowIfNull(output);
        Span<char> buffer = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        value.CopyTo(buffer);
        switch (type)
        {
            case PiiTypes.ResidentRegistrationNumber or PiiTypes.AlienRegistrationNumber:
                MaskDigitsFrom(buffer, keepDigits: 7);
                break;
            case PiiTypes.Phone:
                MaskPhone(buffer);
                break;
            case PiiTypes.CreditCard:
                MaskCard(buffer);
                break;
            case PiiTypes.Email:
                var at = buffer.IndexOf('@');
                buffer[1..Math.Max(1, at)].Fill('*');
                break;
            case PiiTypes.Person:
                MaskName(buffer);
                break;
            case PiiTypes.Address:
                MaskAddress(buffer);
                break;
            case PiiTypes.IpAddress:
                var dots = 0;
                for (var i = 0; i < buffer.Length; i++)
                {
                    if (buffer[i] == '.')
                    {
                        dots++;
                    }
                    else if (dots >= 2)
                    {
                        buffer[i] = '*';
                    }
                }

                break;
            default:
                MaskAlnum(buffer);
                break;
        }

        output.Append(buffer);
    }

    private static void MaskDigitsFrom(Span<char> s, int keepDigits)
    {
        var seen = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (Context.IsDigit(s[i]) && ++seen > keepDigits)
            {
                s[i] = '*';
            }
        }
    }

    private static void MaskAlnum(Span<char> s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsLetterOrDigit(s[i]))
            {
                s[i] = '*';
            }
        }
    }

    private static void MaskPhone(Span<char> s)
    {
        // Find digit groups; hide the second-to-last one (010-****-5678), or the middle digits of a contiguous number.
        Span<int> starts = stackalloc int[8];
        Span<int> ends = stackalloc int[8];
        var n = 0;
        for (var i = 0; i < s.Length && n < 8;)
        {
            if (!Context.IsDigit(s[i]))
            {
                i++;
                continue;
            }

            starts[n] = i;
            while (i < s.Length && Context.IsDigit(s[i]))
            {
                i++;
            }

            ends[n++] = i;
        }

        if (n >= 3 || (n == 2 && s[0] != '+'))
        {
            var g = n - 2;
            if (n == 2)
            {
                g = 1;
            }

            for (var i = starts[g]; i < ends[g]; i++)
            {
                s[i] = '*';
            }

            return;
        }

        var digits = 0;
        var total = 0;
        foreach (var c in s)
        {
            total += Context.IsDigit(c) ? 1 : 0;
        }

        for (var i = 0; i < s.Length; i++)
        {
            if (Context.IsDigit(s[i]))
            {
                digits++;
                if (digits > 3 && digits <= total - 4)
                {
                    s[i] = '*';
                }
            }
        }
    }

    private static void MaskCard(Span<char> s)
    {
        var total = 0;
        foreach (var c in s)
        {
            total += Context.IsDigit(c) ? 1 : 0;
        }

        var seen = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (Context.IsDigit(s[i]))
            {
                seen++;
                if (seen > 6 && seen <= total - 4)
                {
                    s[i] = '*';
                }
            }
        }
    }

    private static void MaskName(Span<char> s)
    {
        var wordStart = true;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == ' ')
            {
                wordStart = true;
                continue;
            }

            if (!wordStart)
            {
                s[i] = '*';
            }

            wordStart = false;
        }
    }

    private static void MaskAddress(Span<char> s)
    {
        // Keep leading administrative words (…시/도/군/구/읍/면 without digits); mask letters and digits after them.
        var i = 0;
        while (i < s.Length)
        {
            var end = s[i..].IndexOf(' ');
            var word = end < 0 ? s[i..] : s[i..(i + end)];
            var admin = word.Length >= 2 && word[^1] is '시' or '도' or '군' or '구' or '읍' or '면' && !word.ContainsAnyInRange('0', '9');
            if (!admin)
            {
                break;
            }

            i += word.Length + 1;
        }

        if (i < s.Length)
        {
            MaskAlnum(s[i..]);
        }
    }
}
