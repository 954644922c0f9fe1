using System.Buffers;
using Moa.Privacy.Analysis;

namespace Moa.Privacy.Recognizers.Korea;

/// <summary>
/// Vehicle registration plates (<c>KR_VEHICLE_PLATE</c>): 12가3456 and 123가4567, optionally with the old region
/// prefix (서울12가3456). Only the Hangul letters used on plates count, so court case numbers (2019도1234, four digits)
/// and amounts (12조3456억) stay negative.
/// </summary>
internal static class VehiclePlate
{
    private static readonly SearchValues<char> s_plateLetters = SearchValues.Create(
        "가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주바사아자배하허호");

    // Counters and units that turn "100배 1000배" or "12조3456억" into amounts, not plates.
    private static readonly SearchValues<char> s_unitsAfter = SearchValues.Create("억만원명개년천백조호번배회점위등분초일월시살세%");

    private static readonly ContextWords s_words = Context.Words("차량", "번호판", "차번호", "자동차", "주차", "차종", "승용차", "택시");

    private static readonly string[] s_regions =
        ["서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "충북", "충남", "전북", "전남", "경북", "경남", "제주"];

    // groupStart: Start of a 2–3 digit group that may open a plate.
    public static void TryMatch(string text, int groupStart, int groupLength, List<PiiFinding> sink)
    {
        if (groupLength is < 2 or > 3)
        {
            return;
        }

        var p = groupStart + groupLength;
        if (Context.At(text, p) == ' ')
        {
            p++;
        }

        if (!s_plateLetters.Contains(Context.At(text, p)))
        {
            return;
        }

        p++;
        if (Context.At(text, p) == ' ')
        {
            p++;
        }

        for (var i = 0; i < 4; i++)
        {
            if (!Context.IsDigit(Context.At(text, p + i)))
            {
                return;
            }
        }

        var end = p + 4;
        var after = Context.At(text, end);
        if (Context.IsDigit(after) || Context.IsAsciiLetter(after) || s_unitsAfter.Contains(after))
        {
            return;
        }

        var start = groupStart;
        if (groupLength == 2)
        {
            foreach (var region in s_regions)
            {
                var from = groupStart - region.Length;
                if (from >= 0 && text.AsSpan(from, region.Length).SequenceEqual(region))
                {
                    start = from;
                    break;
                }
            }
        }

        var before = Context.At(text, start - 1);
        if (start == groupStart && Context.IsHangulSyllable(before))
        {
            return;
        }

        var score = Context.Before(text, start, s_words) ? 0.95 : 0.85;
        sink.Add(new PiiFinding(start, end, PiiTypes.VehiclePlate, score));
    }
}
