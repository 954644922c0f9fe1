using System.Buffers;
using Moa.Privacy.Analysis;

namespace Moa.Privacy.Recognizers;

/// <summary>
/// IPv4 addresses in dotted-quad form (<c>IP_ADDRESS</c>): four parts 0–255 without leading zeros.
/// Version numbers (<c>v1.2.3.4</c>, "버전 1.2.3.4") are hard negatives.
/// </summary>
internal static class IpAddress
{
    private static readonly SearchValues<string> s_versionWords = Context.WordsIgnoreCase("버전", "version", "ver.", "릴리스", "release", "build");

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

        if (Context.Before(v.Text, v.Start, s_versionWords, 12))
        {
            return false;
        }

        sink.Add(new PiiFinding(v.Start, v.End, PiiTypes.IpAddress, allSmall ? 0.6 : 0.9));
        return true;
    }
}
