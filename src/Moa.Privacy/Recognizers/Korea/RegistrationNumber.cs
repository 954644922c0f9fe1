using Moa.Privacy.Analysis;

namespace Moa.Privacy.Recognizers.Korea;

/// <summary>
/// 13-digit registration numbers: resident (<c>KR_RRN</c>, YYMMDD-GNNNNNN), alien (<c>KR_ARN</c>, G = 5..8) and
/// corporate (<c>KR_CRN</c>, same shape, weights 1,2,1,2…). A valid birth date and the century/sex digit define an RRN;
/// the check digit only raises confidence, because numbers issued since October 2020 have random digits.
/// Context decides between an RRN and a CRN; EAN-13/ISBN barcodes are hard negatives.
/// </summary>
internal static class RegistrationNumber
{
    private static readonly ContextWords s_residentWords = Context.Words("주민등록번호", "주민번호", "주민등록", "생년월일", "RRN", "resident registration");
    private static readonly ContextWords s_alienWords = Context.Words("외국인등록", "외국인 등록", "alien registration", "ARC");
    private static readonly ContextWords s_corporateWords = Context.Words("법인등록번호", "법인번호", "법인 등록번호", "등기번호", "corporate registration");
    private static readonly ContextWords s_barcodeWords = Context.WordsIgnoreCase("바코드", "EAN", "ISBN", "상품코드", "상품번호", "품번", "barcode", "GTIN", "주문번호", "송장", "운송장");

    public static bool TryMatch(NumberView v, List<PiiFinding> sink)
    {
        var hyphen = v.HasShape([6, 7]) && v.Separators[0] is '-' or ' ';
        if (!hyphen && !v.IsContiguous)
        {
            return false;
        }

        var d = v.Digits;
        var text = v.Text;
        var resident = Context.Around(text, v.Start, v.End, s_residentWords);
        var alien = Context.Before(text, v.Start, s_alienWords);
        if (!resident && !alien)
        {
            if (Context.Before(text, v.Start, s_corporateWords))
            {
                return Emit(sink, v, PiiTypes.CorporateRegistrationNumber, Checksums.CorporateCheck(d) ? 0.95 : 0.7);
            }

            if (Context.Around(text, v.Start, v.End, s_barcodeWords) || (IsBarcodePrefix(d) && Checksums.Ean13(d) && !Checksums.ResidentCheck(d)))
            {
                return false;
            }
        }

        int g = d[6];
        var century = g switch
        {
            1 or 2 or 5 or 6 => 1900,
            3 or 4 or 7 or 8 => 2000,
            _ => 1800,
        };
        var foreign = g is >= 5 and <= 8;
        if (!IsValidDate(century + (d[0] * 10) + d[1], (d[2] * 10) + d[3], (d[4] * 10) + d[5]))
        {
            if (Checksums.CorporateCheck(d) && !resident && !alien)
            {
                return Emit(sink, v, PiiTypes.CorporateRegistrationNumber, hyphen ? 0.7 : 0.4);
            }

            return false;
        }

        var checkOk = foreign ? Checksums.ResidentCheck(d) || Checksums.AlienCheck(d) : Checksums.ResidentCheck(d);
        double score = (hyphen, checkOk) switch
        {
            (true, true) => 0.95,
            (true, false) => 0.75,
            (false, true) => 0.85,
            _ => 0.4,
        };
        if (century == 1800)
        {
            score -= 0.2;
        }

        if (resident || alien)
        {
            score = Math.Max(score, checkOk ? 0.99 : 0.9);
        }

        return Emit(sink, v, foreign || alien ? PiiTypes.AlienRegistrationNumber : PiiTypes.ResidentRegistrationNumber, score);
    }

    private static bool IsBarcodePrefix(ReadOnlySpan<byte> d) =>
        (d[0] == 8 && d[1] == 8 && d[2] == 0) || (d[0] == 9 && d[1] == 7 && d[2] is 8 or 9);

    internal static bool IsValidDate(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static bool Emit(List<PiiFinding> sink, NumberView v, string type, double score)
    {
        sink.Add(new PiiFinding(v.Start, v.End, type, score));
        return true;
    }
}
