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
    private const int MinNumericDigits = 7;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scan(string text, uint mask, List<PiiFinding> sink)
    {
        Span<int> starts = stackalloc int[MaxGroups];
        Span<int> lengths = stackalloc int[MaxGroups];
        Span<char> seps = stackalloc char[MaxGroups];
        Span<int> offsets = stackalloc int[MaxGroups + 1];
        Span<byte> digits = stackalloc byte[MaxGroups * MaxGroupDigits];
        Span<bool> maskedGroups = stackalloc bool[MaxGroups];
        if ((mask & IpBit) != 0)
        {
            IpAddress.ScanV6(text, sink);
        }

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
            var anyMasked = false;
            while (true)
            {
                var gs = p;
                var masked = false;
                while (p < text.Length)
                {
                    var c = text[p];
                    if (Context.IsDigit(c))
                    {
                        p++;
                    }
                    else if (IsMask(c))
                    {
                        masked = true;
                        p++;
                    }
                    else
                    {
                        break;
                    }
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
                maskedGroups[n] = masked;
                anyMasked |= masked;
                for (var k = gs; k < p; k++)
                {
                    var c = text[k];
                    digits[nd++] = Context.IsDigit(c) ? (byte)(c - '0') : MaskDigit;
                }

                n++;
                if (n == MaxGroups || p + 1 >= text.Length)
                {
                    break;
                }

                var sep = ReadSeparator(text, p, out var next);
                if (sep == '\0')
                {
                    break;
                }

                seps[n - 1] = sep;
                p = next;
            }

            if (tooLong)
            {
                while (p < text.Length && (Context.IsDigit(text[p]) || IsMask(text[p])))
                {
                    p++;
                }

                i = p;
                continue;
            }

            offsets[n] = nd;
            Dispatch(text, starts[..n], lengths[..n], seps[..Math.Max(0, n - 1)], offsets[..(n + 1)], digits[..nd], anyMasked ? maskedGroups[..n] : default, mask, sink);
            i = p;
        }
    }

    /// <summary>The value stored for a masking character ('*', 'x', '●', …) in a masked group.</summary>
    internal const byte MaskDigit = 10;

    /// <summary>Characters people use to mask digits they do not want to show (<c>750507-1******</c>, <c>010-****-5678</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsMask(char c) => c is '*' or 'x' or 'X' or '●' or '○' or '■' or '□' or '×';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigitOrMask(char c) => Context.IsDigit(c) || IsMask(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(char c) => c is ' ' or '\u00A0' or '\t' or '\n' or '\r';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDash(char c) => c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212';

    /// <summary>
    /// Reads the separator that starts at <paramref name="p"/> (just after a digit group) and returns its canonical form,
    /// with <paramref name="next"/> at the first character of the next group; '\0' when no group follows. Accepted:
    /// a dash with up to two spaces or a line break on either side (<c>750507 - 1234567</c>, <c>010-1234-\n5678</c>) as '-';
    /// a dot as '.'; one space (or no-break space) as ' '; ')' with an optional space (<c>(02) 1234</c>, <c>02)1234</c>) and
    /// '(' (<c>+82(0)10</c>) as themselves. The next group must start with a digit, or a mask character after a dash.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char ReadSeparator(string text, int p, out int next)
    {
        next = p + 1;
        var c = text[p];
        if (c == '.' || c == '(')
        {
            return Context.IsDigit(Context.At(text, next)) ? c : '\0';
        }

        if (c == ' ' && Context.IsDigit(Context.At(text, next)))
        {
            return ' ';
        }

        return c is '-' or ' ' or ')' or '\u00A0' or '\n' or '\r' or '\t' or (>= '\u2010' and <= '\u2014') or '\u2212'
            ? ReadSlowSeparator(text, p, out next)
            : '\0';
    }

    private static char ReadSlowSeparator(string text, int p, out int next)
    {
        next = p;
        var c = text[p];
        if (c == ')')
        {
            p++;
            if (Context.At(text, p) == ' ')
            {
                p++;
            }

            next = p;
            return Context.IsDigit(Context.At(text, p)) ? ')' : '\0';
        }

        var spaces = 0;
        while (spaces < 3 && IsSpace(Context.At(text, p)))
        {
            p++;
            spaces++;
        }

        if (c == '\u00A0' && spaces == 1 && Context.IsDigit(Context.At(text, p)))
        {
            next = p;
            return ' ';
        }

        if (!IsDash(Context.At(text, p)) || spaces > 2)
        {
            return '\0';
        }

        p++;
        spaces = 0;
        while (spaces < 2 && IsSpace(Context.At(text, p)))
        {
            p++;
            spaces++;
        }

        next = p;
        return IsDigitOrMask(Context.At(text, p)) ? '-' : '\0';
    }

    /// <summary>Separators at which a run may be cut into sub-runs (each part is tried on its own).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSoft(char c) => c is ' ' or ')' or '(';

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dispatch(
        string text, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, ReadOnlySpan<char> seps,
        ReadOnlySpan<int> offsets, ReadOnlySpan<byte> digits, ReadOnlySpan<bool> masked, uint mask, List<PiiFinding> sink)
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

            // A lot number after a space can follow a 동 word that ends in a digit (상봉2 114-1): the run then starts at
            // that digit, so each group after a space is tried as a lot number of its own.
            for (var g = 1; g < n; g++)
            {
                if (seps[g - 1] == ' ')
                {
                    StreetAddress.TryMatch(text, starts[g], starts[g] + lengths[g], g + 1 < n && seps[g] == '-' ? starts[g + 1] + lengths[g + 1] : -1, sink);
                }
            }
        }

        // Every numeric recogniser needs at least 7 digits (masked: 9) or four groups (IPv4); a sub-run never has more
        // digits or groups than the whole run, so short runs (years, prices, counts) stop here.
        if ((mask & NumericMask) == 0 || (digits.Length < MinNumericDigits && n < 4))
        {
            return;
        }

        for (var s = 0; s < n; s++)
        {
            if (s == 0 ? !leftOk : !IsSoft(seps[s - 1]))
            {
                continue;
            }

            for (var e = n - 1; e >= s; e--)
            {
                var end = starts[e] + lengths[e];
                if (e == n - 1 ? !RightBoundary(text, end) : !IsSoft(seps[e]))
                {
                    continue;
                }

                var view = new NumberView(text, starts[s], end, digits[offsets[s]..offsets[e + 1]], lengths[s..(e + 1)], seps[s..e]);
                var found = masked.IsEmpty || !masked[s..(e + 1)].Contains(true)
                    ? NumericRecognizers.TryMatch(view, mask, sink)
                    : MaskedNumbers.TryMatch(view, mask, sink);
                if (found)
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
    private static readonly uint IpBit = PiiTypes.Bit(PiiTypes.IpAddress);

    private static readonly uint NumericMask =
        PiiTypes.Bit(PiiTypes.ResidentRegistrationNumber) | PiiTypes.Bit(PiiTypes.AlienRegistrationNumber)
        | PiiTypes.Bit(PiiTypes.CorporateRegistrationNumber) | PiiTypes.Bit(PiiTypes.BusinessRegistrationNumber)
        | PiiTypes.Bit(PiiTypes.CreditCard) | PiiTypes.Bit(PiiTypes.DriverLicense) | PiiTypes.Bit(PiiTypes.Phone)
        | PiiTypes.Bit(PiiTypes.IpAddress) | PiiTypes.Bit(PiiTypes.BankAccount);
}
