using Moa.Privacy.Analysis;

namespace Moa.Privacy.Recognizers.Korea;

/// <summary>
/// Bank account numbers (<c>BANK_ACCOUNT</c>). Account numbers have no public check digit, so a bank name or an
/// account word must be near; the per-bank hyphenation (KB 6-2-6, 신한 3-3-6, 우리 4-3-6, 하나 3-6-5, 농협 3-4-4-2,
/// 기업 3-6-2-3, 카카오뱅크 4-2-7, 우체국 6-2-7, …) raises the score.
/// </summary>
internal static class BankAccount
{
    private static readonly ContextWords s_words = Context.WordsIgnoreCase(
        "은행", "계좌", "입금", "예금주", "송금", "이체", "KB국민", "KB", "신한", "농협", "NH", "IBK", "SC제일", "씨티",
        "카카오뱅크", "케이뱅크", "토스뱅크", "우체국", "새마을금고", "신협", "수협", "account", "bank");

    // Short bank names that are also everyday words (하나, 우리, 국민, 기업): they count only right next to the number.
    private static readonly ContextWords s_shortNames = Context.WordsIgnoreCase("국민", "우리", "하나", "기업", "카뱅", "토스", "신한", "농협", "부산", "대구", "경남", "광주", "전북", "제주", "씨티", "SC");

    private static readonly ContextWords s_negativeWords = Context.WordsIgnoreCase("주문번호", "주문 번호", "송장", "바코드", "상품", "ISBN", "사건", "관리번호");

    private static readonly int[][] s_shapes =
    [
        [6, 2, 6], [3, 3, 6], [4, 3, 6], [3, 6, 5], [3, 4, 4, 2], [3, 2, 4, 3], [3, 6, 2, 3], [4, 2, 7], [6, 2, 7], [3, 2, 6],
        [4, 4, 4, 1], [3, 3, 5], [3, 6, 2, 2], [3, 2, 6, 1], [4, 4, 4], [3, 4, 6], [6, 2, 5], [3, 7, 4], [3, 3, 7],
    ];

    /// <summary>A bank or account word near the number, or a short bank name right before it or in parentheses after it.</summary>
    internal static bool HasContext(NumberView v) =>
        Context.Around(v.Text, v.Start, v.End, s_words)
        || Context.Before(v.Text, v.Start, s_shortNames, 4)
        || ((Context.At(v.Text, v.End) == '(' || (Context.At(v.Text, v.End) == ' ' && Context.At(v.Text, v.End + 1) == '('))
            && Context.After(v.Text, v.End, s_shortNames, 4));

    public static bool TryMatch(NumberView v, List<PiiFinding> sink)
    {
        // The cheap shape checks come before the context-word searches.
        if (v.Separators.Contains('.') || !v.UniformSeparators)
        {
            return false;
        }

        if (v.Digits[0] == 0 && v.Digits[1] == 1 && (v.HasShape([3, 4, 4]) || v.HasShape([3, 3, 4]) || v.HasShape([11])))
        {
            // A mobile number next to a bank word is still a phone number.
            return false;
        }

        if (!HasContext(v) || Context.Before(v.Text, v.Start, s_negativeWords, 12))
        {
            return false;
        }

        double score;
        if (v.IsContiguous)
        {
            score = v.DigitCount is >= 11 and <= 14 ? 0.7 : 0.55;
        }
        else
        {
            score = 0.7;
            foreach (var shape in s_shapes)
            {
                if (v.HasShape(shape))
                {
                    score = 0.9;
                    break;
                }
            }
        }

        sink.Add(new PiiFinding(v.Start, v.End, PiiTypes.BankAccount, score));
        return true;
    }
}
