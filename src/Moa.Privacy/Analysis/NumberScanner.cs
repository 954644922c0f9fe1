using System.Runtime.CompilerServices;
using Moa.Privacy.Recognizers;
using Moa.Privacy.Recognizers.Korea;

namespace Moa.Privacy.Analysis;

/// <summary>
/// Finds every run of digits with a vectorised search, splits it into groups joined by single separators,
/// and hands each plausible sub-run to the numeric recognisers. Text without digits costs one vectorised pass.
/// </summary>
internal static class NumberScanner
{
    private const int MaxGroups = 6;
    private const int MaxGroupDigits = 19;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scan(string text, uint mask, List<PiiFinding> sink)
    {
        Span<int> starts = stackalloc int[MaxGroups];
        Span<int> lengths = stackalloc int[MaxGroups];
        Span<char> seps = stackalloc char[MaxGroups];
        Span<int> offsets = stackalloc int[MaxGroups + 1];
        Span<byte> digits = stackalloc byte[MaxGroups * MaxGroupDigits];
        var span = text.AsSpan();
        var i = 0;
        while (i < text.Length)
        {
            var rel = span[i..].IndexOfAnyInRange('0', '9');
            if (rel < 0)
            {
                return;
            }

            var p = i + rel;
            var n = 0;
            var nd = 0;
            var tooLong = false;
            while (true)
            {
                var gs = p;
                while (p < text.Length && Context.IsDigit(text[p]))
                {
                    p++;
                }

                var len = p - gs;
                if (len > MaxGroupDigits)
                {
                    tooLong = true;
                    break;
                }

                starts[n] = gs;
                lengths[n] = len;
                offsets[n] = nd;
                for (var k = gs; k < p; k++)
                {
                    digits[nd++] = (byte)(text[k] - '0');
                }

                n++;
                if (n == MaxGroups || p + 1 >= text.Length || !IsSeparator(text[p]) || !Context.IsDigit(text[p + 1]))
                {
                    break;
                }

                seps[n - 1] = text[p];
                p++;
            }

            if (tooLong)
            {
                while (p < text.Length && Context.IsDigit(text[p]))
                {
                    p++;
                }

                i = p;
                continue;
            }

            offsets[n] = nd;
            Dispatch(text, starts[..n], lengths[..n], seps[..Math.Max(0, n - 1)], offsets[..(n + 1)], digits[..nd], mask, sink);
            i = p;
        }
    }

    private static bool IsSeparator(char c) => c is '-' or '.' or ' ';

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dispatch(
        string text, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, ReadOnlySpan<char> seps,
        ReadOnlySpan<int> offsets, ReadOnlySpan<byte> digits, uint mask, List<PiiFinding> sink)
    {
        var n = starts.Length;
        var tokenStart = starts[0];
        var leftOk = LeftBoundary(text, tokenStart);

        if ((mask & PassportBit) != 0)
        {
            Passport.TryMatch(text, tokenStart, lengths[0], sink);
        }

        if ((mask & PlateBit) != 0)
        {
            var g = n - 1;
            if (g == 0 ? leftOk || Context.IsHangulSyllable(Context.At(text, tokenStart - 1)) : seps[g - 1] == ' ')
            {
                VehiclePlate.TryMatch(text, starts[g], lengths[g], sink);
            }
        }

        if ((mask & AddressBit) != 0)
        {
            StreetAddress.TryMatch(text, tokenStart, starts[0] + lengths[0], n > 1 && seps[0] == '-' ? starts[1] + lengths[1] : -1, sink);
        }

        if ((mask & NumericMask) == 0)
        {
            return;
        }

        for (var s = 0; s < n; s++)
        {
            if (s == 0 ? !leftOk : seps[s - 1] != ' ')
            {
                continue;
            }

            for (var e = n - 1; e >= s; e--)
            {
                var end = starts[e] + lengths[e];
                if (e == n - 1 ? !RightBoundary(text, end) : seps[e] != ' ')
                {
                    continue;
                }

                var view = new NumberView(text, starts[s], end, digits[offsets[s]..offsets[e + 1]], lengths[s..(e + 1)], seps[s..e]);
                if (NumericRecognizers.TryMatch(view, mask, sink))
                {
                    s = e;
                    break;
                }
            }
        }
    }

    /// <summary>The character before a number must not glue it to a word, a longer number or a decimal.</summary>
    private static bool LeftBoundary(string text, int start)
    {
        var c = Context.At(text, start - 1);
        if (Context.IsAsciiLetter(c) || c == '_' || Context.IsDigit(c))
        {
            return false;
        }

        return !(c is '-' or '.' or ',' or '/' or ':' && Context.IsDigit(Context.At(text, start - 2)));
    }

    private static bool RightBoundary(string text, int end)
    {
        var c = Context.At(text, end);
        if (Context.IsAsciiLetter(c) || c == '_' || Context.IsDigit(c))
        {
            return false;
        }

        return !(c is '-' or '.' or ',' or '/' && Context.IsDigit(Context.At(text, end + 1)));
    }

    private static readonly uint PassportBit = PiiTypes.Bit(PiiTypes.Passport);
    private static readonly uint PlateBit = PiiTypes.Bit(PiiTypes.VehiclePlate);
    private static readonly uint AddressBit = PiiTypes.Bit(PiiTypes.Address);

    private static readonly uint NumericMask =
        PiiTypes.Bit(PiiTypes.ResidentRegistrationNumber) | PiiTypes.Bit(PiiTypes.AlienRegistrationNumber)
        | PiiTypes.Bit(PiiTypes.CorporateRegistrationNumber) | PiiTypes.Bit(PiiTypes.BusinessRegistrationNumber)
        | PiiTypes.Bit(PiiTypes.CreditCard) | PiiTypes.Bit(PiiTypes.DriverLicense) | PiiTypes.Bit(PiiTypes.Phone)
        | PiiTypes.Bit(PiiTypes.IpAddress) | PiiTypes.Bit(PiiTypes.BankAccount);
}
