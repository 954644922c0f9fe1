using System.Net;
using System.Net.Sockets;
using Moa.Privacy.Analysis;

namespace Moa.Privacy.Recognizers;

/// <summary>
/// IP addresses (<c>IP_ADDRESS</c>): IPv4 in dotted-quad form (four parts 0–255 without leading zeros), and IPv6 in every
/// RFC 4291/5952 text form — full, compressed with <c>::</c>, any letter case, with an embedded IPv4 part
/// (<c>::ffff:192.0.2.1</c>), with a zone id (<c>fe80::1%eth0</c>, kept in the span) and inside brackets before a port
/// (<c>[2001:db8::1]:8080</c>, the span is the address). Version numbers (<c>v1.2.3.4</c>, "버전 1.2.3.4") are hard
/// negatives; times, MAC addresses, C++ scopes (<c>std::</c>) and slices (<c>a[1::2]</c>) are not IPv6.
/// </summary>
internal static class IpAddress
{
    private static readonly HashSet<string> s_versionWords = new(StringComparer.OrdinalIgnoreCase) { "버전", "version", "ver", "v", "릴리스", "release", "build", "firmware", "펌웨어" };

    public static bool TryMatch(NumberView v, List<PiiFinding> sink)
    {
        if (!v.SeparatorsAre('.'))
        {
            return false;
        }

        var offset = 0;
        var allSmall = true;
        foreach (var len in v.Lengths)
        {
            if (len > 3 || (len > 1 && v.Digits[offset] == 0) || v.Value(offset, len) > 255)
            {
                return false;
            }

            allSmall &= len == 1;
            offset += len;
        }

        if (IsVersion(v.Text, v.Start))
        {
            return false;
        }

        sink.Add(new PiiFinding(v.Start, v.End, PiiTypes.IpAddress, allSmall ? 0.6 : 0.9));
        return true;
    }

    /// <summary>Whether the word just before the number (skipping spaces, '.' and ':') names a version.</summary>
    private static bool IsVersion(string text, int start)
    {
        var e = start;
        while (e > 0 && text[e - 1] is ' ' or '.' or ':')
        {
            e--;
        }

        var s = e;
        while (s > 0 && !char.IsWhiteSpace(text[s - 1]) && (char.IsLetter(text[s - 1])))
        {
            s--;
        }

        return e > s && s_versionWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(s, e - s));
    }

    private const int MaxV6Length = 45;

    /// <summary>
    /// Finds IPv6 addresses around each ':' (one vectorised search). A candidate is the longest run of hex digits,
    /// ':' and '.' around it that is not glued to a word; it needs a <c>::</c> or all eight groups (seven with an IPv4
    /// tail), a decimal digit, and three groups or a four-digit group, before <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress?)"/>
    /// confirms it. Every character is looked at a bounded number of times.
    /// </summary>
    public static void ScanV6(string text, List<PiiFinding> sink)
    {
        var i = 0;
        while (i < text.Length)
        {
            var rel = text.AsSpan(i).IndexOf(':');
            if (rel < 0)
            {
                return;
            }

            var c = i + rel;
            var next = Context.At(text, c + 1);
            var prev = Context.At(text, c - 1);
            if (!(IsHex(next) || next == ':') || !(IsHex(prev) || next == ':'))
            {
                i = c + 1;
                continue;
            }

            var s = c;
            while (s > 0 && c - s < MaxV6Length && (IsHex(text[s - 1]) || text[s - 1] == ':'))
            {
                s--;
            }

            var e = c;
            while (e < text.Length && e - s <= MaxV6Length && (IsHex(text[e]) || text[e] is ':' or '.'))
            {
                e++;
            }

            i = e;
            while (e > s && text[e - 1] == '.')
            {
                e--;
            }

            if (e - s >= 2 && text[e - 1] == ':' && text[e - 2] != ':')
            {
                e--;
            }

            var before = Context.At(text, s - 1);
            if (e - s > MaxV6Length || IsWordChar(before) || before is '.' or '-' || IsWordChar(Context.At(text, e))
                || !LooksLikeV6(text.AsSpan(s, e - s)))
            {
                continue;
            }

            if (!IPAddress.TryParse(text.AsSpan(s, e - s), out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                continue;
            }

            if (Context.At(text, e) == '%')
            {
                var z = e + 1;
                while (z < text.Length && z - e <= 16 && (Context.IsAsciiLetter(text[z]) || Context.IsDigit(text[z]) || text[z] is '_' or '-' or '~'))
                {
                    z++;
                }

                e = z > e + 1 ? z : e;
            }

            sink.Add(new PiiFinding(s, e, PiiTypes.IpAddress, 0.95));
            i = Math.Max(i, e);
        }
    }

    private static bool IsHex(char c) => Context.IsDigit(c) || (uint)((c | 0x20) - 'a') <= 'f' - 'a';

    private static bool IsWordChar(char c) => Context.IsAsciiLetter(c) || Context.IsDigit(c) || c == '_';

    /// <summary>Structure checks that keep times, MAC addresses, code and slices out before the parser runs.</summary>
    private static bool LooksLikeV6(ReadOnlySpan<char> a)
    {
        var colons = a.Count(':');
        var compressed = a.IndexOf("::") >= 0;
        var v4Tail = a.Contains('.');
        if (!compressed && colons != (v4Tail ? 6 : 7))
        {
            return false;
        }

        if (a.IndexOfAnyInRange('0', '9') < 0)
        {
            return false;
        }

        var groups = 0;
        var longest = 0;
        foreach (var range in a.Split(':'))
        {
            var len = range.GetOffsetAndLength(a.Length).Length;
            if (len > 0)
            {
                groups++;
                longest = Math.Max(longest, len);
            }
        }

        return v4Tail || groups >= 3 || longest >= 4;
    }
}
