using Moa.Privacy.Analysis;

namespace Moa.Privacy.Recognizers.Korea;

/// <summary>
/// Business registration number (사업자등록번호, <c>KR_BRN</c>): NNN-NN-NNNNN, weights 1,3,7,1,3,7,1,3,5 plus the
/// carry of 5×d9. Hyphenated numbers with a valid check digit stand alone; bare ten digits need context.
/// </summary>
internal static class BusinessRegistrationNumber
{
    private static readonly ContextWords s_words = Context.WordsIgnoreCase("사업자", "등록번호", "사업자번호", "business registration", "BRN", "부가세");

    public static bool TryMatch(NumberView v, List<PiiFinding> sink)
    {
        var hyphen = v.HasShape([3, 2, 5]) && v.SeparatorsAre('-');
        if ((!hyphen && !v.IsContiguous) || v.Digits[0] == 0)
        {
            return false;
        }

        var check = Checksums.BusinessCheck(v.Digits);
        var context = Context.Before(v.Text, v.Start, s_words);
        double score = (hyphen, check, context) switch
        {
            (_, true, true) => 0.97,
            (true, true, false) => 0.9,
            (true, false, true) => 0.7,
            (false, true, false) => 0.4,
            (false, false, true) => 0.55,
            _ => 0,
        };
        if (score == 0)
        {
            return false;
        }

        sink.Add(new PiiFinding(v.Start, v.End, PiiTypes.BusinessRegistrationNumber, score));
        return true;
    }
}
