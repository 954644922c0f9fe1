using System.Runtime.CompilerServices;
using Moa.Privacy.Analysis;

namespace Moa.Privacy.Recognizers;

/// <summary>
/// E-mail addresses (<c>EMAIL</c>), anchored on '@' (one vectorised search) and extended by the RFC 5321 dot-atom
/// character sets: a local part and a domain of at least two labels with an alphabetic top-level label. People also
/// write the '@' with spaces around it (<c>hong @ naver.com</c>), full width (<c>＠</c>, folded by the analyzer) or
/// spelled out against address harvesters (<c>hong[at]naver.com</c>, <c>hong (at) naver.com</c>); those count too.
/// </summary>
internal static class Email
{
    /// <summary>
    /// Whether <paramref name="text"/> has an '@' or a spelled-out at sign ("[at]", "(at)", any case). One vectorised
    /// search for '@', ')' and ']' settles most texts; each bracket found is then checked by its three characters before.
    /// </summary>
    public static bool MayMatch(ReadOnlySpan<char> text)
    {
        var k = text.IndexOfAny('@', ')', ']');
        if (k < 0)
        {
            return false;
        }

        return text[k] == '@' || text[k..].Contains('@') || NextSpelledAt(text, k) >= 0;
    }

    /// <summary>Start of the first "[at]" or "(at)" whose closing bracket is at or after <paramref name="from"/>, or -1.</summary>
    private static int NextSpelledAt(ReadOnlySpan<char> text, int from)
    {
        while (from < text.Length)
        {
            var rel = text[from..].IndexOfAny(')', ']');
            if (rel < 0)
            {
                return -1;
            }

            var close = from + rel;
            if (close >= 3 && text[close - 3] == (text[close] == ')' ? '(' : '[') && (text[close - 2] | 0x20) == 'a' && (text[close - 1] | 0x20) == 't')
            {
                return close - 3;
            }

            from = close + 1;
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scan(string text, List<PiiFinding> sink)
    {
        var i = 0;
        while (true)
        {
            var rel = text.AsSpan(i).IndexOf('@');
            if (rel < 0)
            {
                return;
            }

            var at = i + rel;
            i = at + 1;
            TryAt(text, at, at + 1, sink, ref i);
        }
    }

    /// <summary>Finds the addresses written with "[at]" or "(at)" instead of '@'.</summary>
    public static void ScanSpelled(string text, List<PiiFinding> sink)
    {
        var i = 0;
        while (i < text.Length)
        {
            var at = NextSpelledAt(text, i);
            if (at < 0)
            {
                return;
            }

            i = at + 4;
            TryAt(text, at, at + 4, sink, ref i);
        }
    }

    // atStart/atEnd: The at sign ('@' or "[at]"), with up to one space on either side skipped here.
    private static void TryAt(string text, int atStart, int atEnd, List<PiiFinding> sink, ref int resume)
    {
        var plain = atEnd == atStart + 1;
        if (Context.At(text, atStart - 1) == ' ' && Context.At(text, atEnd) == ' ')
        {
            plain = false;
            atStart--;
            atEnd++;
        }

        var s = atStart;
        while (s > 0 && IsLocal(text[s - 1]))
        {
            s--;
        }

        while (s < atStart && text[s] == '.')
        {
            s++;
        }

        if (s == atStart)
        {
            s = BraceListStart(text, atStart);
            if (s < 0)
            {
                return;
            }
        }

        var e = atEnd;
        var lastDot = -1;
        while (e < text.Length && (IsDomain(text[e]) || (text[e] == '.' && e + 1 < text.Length && IsDomain(text[e + 1]) && text[e - 1] != '.')))
        {
            if (text[e] == '.')
            {
                lastDot = e;
            }

            e++;
        }

        if (lastDot <= atEnd || e - lastDot - 1 < 2)
        {
            return;
        }

        var tldOk = true;
        for (var k = lastDot + 1; k < e; k++)
        {
            tldOk &= Context.IsAsciiLetter(text[k]);
        }

        if (!tldOk)
        {
            return;
        }

        sink.Add(new PiiFinding(s, e, PiiTypes.Email, plain ? 0.97 : 0.9));
        resume = e;
    }

    /// <summary>
    /// Papers list co-authors as <c>{ymk, seungyoung.lim, kmj0614 }@lgcns.com</c>: when a '}' ends the local part, the
    /// span starts at its '{' if everything between is local parts, commas and spaces (at most 200 characters); else -1.
    /// </summary>
    private static int BraceListStart(string text, int atStart)
    {
        var p = atStart;
        while (p > 0 && text[p - 1] == ' ')
        {
            p--;
        }

        if (Context.At(text, p - 1) != '}')
        {
            return -1;
        }

        var locals = 0;
        for (var k = p - 2; k >= 0 && p - k <= 200; k--)
        {
            var c = text[k];
            if (c == '{')
            {
                return locals > 0 ? k : -1;
            }

            if (IsLocal(c))
            {
                locals++;
            }
            else if (c is not (',' or ' ' or '\n'))
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool IsLocal(char c) => Context.IsAsciiLetter(c) || Context.IsDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    private static bool IsDomain(char c) => Context.IsAsciiLetter(c) || Context.IsDigit(c) || c == '-';
}
