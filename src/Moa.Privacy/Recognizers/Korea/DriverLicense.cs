using Moa.Privacy.Analysis;

namespace Moa.Privacy.Recognizers.Korea;

/// <summary>
/// Driver's licence numbers (운전면허번호, <c>KR_DRIVER_LICENSE</c>): RR-YY-NNNNNN-CC where RR is the issuing region
/// 11–26 or 28, or the newer form with the region's name (<c>서울 21-123456-78</c>).
/// </summary>
internal static class DriverLicense
{
    private static readonly ContextWords s_words = Context.WordsIgnoreCase("운전면허", "면허번호", "면허증", "driver", "licence", "license");

    private static readonly string[] s_regionNames =
        ["서울", "부산", "경기", "강원", "충북", "충남", "전북", "전남", "경북", "경남", "제주", "대구", "인천", "광주", "대전", "울산", "경기남부", "경기북부"];

    public static bool TryMatch(NumberView v, List<PiiFinding> sink)
    {
        // The context-word search runs only once a shape has matched.
        if (v.DigitCount == 12 && v.UniformSeparators && v.Separators.Length > 0 && v.Separators[0] != '.' && v.HasShape([2, 2, 6, 2]))
        {
            var region = v.Value(0, 2);
            if (region is < 11 or > 28 or 27)
            {
                return false;
            }

            sink.Add(new PiiFinding(v.Start, v.End, PiiTypes.DriverLicense, HasContext(v) ? 0.97 : 0.9));
            return true;
        }

        if (v.DigitCount == 12 && v.IsContiguous && v.Value(0, 2) is >= 11 and <= 28 and not 27 && HasContext(v))
        {
            sink.Add(new PiiFinding(v.Start, v.End, PiiTypes.DriverLicense, 0.85));
            return true;
        }

        if (v.DigitCount == 10 && v.HasShape([2, 6, 2]) && v.SeparatorsAre('-'))
        {
            var start = v.Start;
            if (Context.At(v.Text, start - 1) == ' ')
            {
                foreach (var name in s_regionNames)
                {
                    var from = start - 1 - name.Length;
                    if (from >= 0 && v.Text.AsSpan(from, name.Length).SequenceEqual(name)
                        && !Context.IsHangulSyllable(Context.At(v.Text, from - 1)))
                    {
                        sink.Add(new PiiFinding(from, v.End, PiiTypes.DriverLicense, HasContext(v) ? 0.97 : 0.9));
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool HasContext(NumberView v) => Context.Before(v.Text, v.Start, s_words);
}
