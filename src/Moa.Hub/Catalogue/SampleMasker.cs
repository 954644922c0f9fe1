using System.Text.RegularExpressions;

namespace Moa.Hub.Catalogue;

/// <summary>
/// Masks personal identifiers in the sample rows shown on a public dataset page: resident registration numbers,
/// phone numbers, e-mail addresses, card and account-like digit runs. A second line of defence after curation.
/// </summary>
public static partial class SampleMasker
{
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.AsSpan().ContainsAny("0123456789@"))
        {
            return text;
        }

        text = Rrn().Replace(text, "[주민번호]");
        text = Email().Replace(text, "[이메일]");
        text = Phone().Replace(text, "[전화번호]");
        text = LongDigits().Replace(text, "[번호]");
        return text;
    }

    [GeneratedRegex(@"\b\d{6}\s?-\s?[1-8]\d{6}\b")]
    private static partial Regex Rrn();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<!\d)(?:\+82[-\s]?)?0?1[016789][-.\s]?\d{3,4}[-.\s]?\d{4}(?!\d)|(?<!\d)0(?:2|[3-6][1-5])[-.\s]?\d{3,4}[-.\s]?\d{4}(?!\d)")]
    private static partial Regex Phone();

    [GeneratedRegex(@"(?<!\d)\d(?:[-\s]?\d){9,}(?!\d)")]
    private static partial Regex LongDigits();
}
