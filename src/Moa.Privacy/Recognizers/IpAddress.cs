using Moa.Privacy.Analysis;

namespace Moa.Privacy.Recognizers;

/// <summary>
/// IPv4 addresses in dotted-quad form (<c>IP_ADDRESS</c>): four parts 0–255 without leading zeros.
/// Version numbers (<c>v1.2.3.4</c>, "버전 1.2.3.4") are hard negatives.
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
}
