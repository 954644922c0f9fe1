using Moa.Privacy.Analysis;

namespace Moa.Privacy.Recognizers;

/// <summary>
/// Payment card numbers (<c>CREDIT_CARD</c>): 14–19 digits in the usual groupings with a valid Luhn check digit
/// and a known issuer prefix (3 Amex/Diners/JCB, 4 Visa, 5/2 Mastercard, 6 Discover/UnionPay, 9 Korean domestic).
/// Order, tracking and barcode numbers are hard negatives.
/// </summary>
internal static class CreditCard
{
    private static readonly ContextWords s_cardWords = Context.WordsIgnoreCase("카드", "card", "visa", "master", "결제");
    private static readonly ContextWords s_negativeWords = Context.WordsIgnoreCase("주문번호", "주문 번호", "송장", "운송장", "바코드", "order", "tracking", "invoice", "ISBN", "계좌");

    public static bool TryMatch(NumberView v, List<PiiFinding> sink)
    {
        var shapeOk = v.IsContiguous
            || (v.UniformSeparators && (v.HasShape([4, 4, 4, 4]) || v.HasShape([4, 6, 5]) || v.HasShape([4, 6, 4]) || v.HasShape([4, 4, 4, 4, 3])));
        if (!shapeOk || v.Separators.Contains('.'))
        {
            return false;
        }

        var d = v.Digits;
        var prefixOk = d[0] switch
        {
            2 => d[1] == 2 || d[1] == 7,
            3 => d[1] is 0 or 4 or 5 or 6 or 7 or 8,
            4 or 5 or 6 or 9 => true,
            _ => false,
        };
        if (!prefixOk || !Checksums.Luhn(d))
        {
            return false;
        }

        var card = Context.Around(v.Text, v.Start, v.End, s_cardWords);
        if (!card && (Context.Around(v.Text, v.Start, v.End, s_negativeWords) || (v.IsContiguous && Korea.BankAccount.HasContext(v))))
        {
            return false;
        }

        var score = card ? 0.97 : v.IsContiguous ? 0.8 : 0.95;
        sink.Add(new PiiFinding(v.Start, v.End, PiiTypes.CreditCard, score));
        return true;
    }
}
