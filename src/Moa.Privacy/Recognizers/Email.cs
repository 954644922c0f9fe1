using System.Runtime.CompilerServices;
using Moa.Privacy.Analysis;

namespace Moa.Privacy.Recognizers;

/// <summary>
/// E-mail addresses (<c>EMAIL</c>), anchored on '@' (one vectorised search) and extended by the RFC 5321 dot-atom
/// character sets: a local part and a domain of at least two labels with an alphabetic top-level label.
/// </summary>
internal static class Email
{
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
            var s = at;
            while (s > 0 && IsLocal(text[s - 1]))
            {
                s--;
            }

            while (s < at && text[s] == '.')
            {
                s++;
            }

            if (s == at)
            {
                continue;
            }

            var e = at + 1;
            var lastDot = -1;
            while (e < text.Length && (IsDomain(text[e]) || (text[e] == '.' && e + 1 < text.Length && IsDomain(text[e + 1]) && text[e - 1] != '.')))
            {
                if (text[e] == '.')
                {
                    lastDot = e;
                }

                e++;
            }

            if (lastDot <= at + 1 || e - lastDot - 1 < 2)
            {
                continue;
            }

            var tldOk = true;
            for (var k = lastDot + 1; k < e; k++)
            {
                tldOk &= Context.IsAsciiLetter(text[k]);
            }

            if (!tldOk)
            {
                continue;
            }

            sink.Add(new PiiFinding(s, e, PiiTypes.Email, 0.97));
            i = e;
        }
    }

    private static bool IsLocal(char c) => Context.IsAsciiLetter(c) || Context.IsDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    private static bool IsDomain(char c) => Context.IsAsciiLetter(c) || Context.IsDigit(c) || c == '-';
}
