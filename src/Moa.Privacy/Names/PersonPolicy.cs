using Moa.Privacy.Analysis;

namespace Moa.Privacy.Names;

/// <summary>Which of the persons found are replaced: every one, those in a private context, or none.</summary>
public enum PersonPolicy
{
    /// <summary>Every person found.</summary>
    All,

    /// <summary>Persons in a private context (next to other identifiers, in a role such as 환자 or 신청인, on a contact line), or every person in a dataset marked sensitive.</summary>
    Private,

    /// <summary>No person (other types are still replaced).</summary>
    None,
}

/// <summary>
/// Parses <see cref="PersonPolicy"/> names and judges whether a person found in a text is in a private context. The
/// judgement is a reason string carried by the finding: <c>near KR_RRN</c>, <c>role:환자</c>, <c>label:성명</c>,
/// <c>contact line</c>, <c>sensitive dataset</c> (private) or <c>public:title 장관</c>, <c>public:no private context</c>.
/// </summary>
public static class PersonPolicies
{
    /// <summary>How far (UTF-16 code units) around a name another identifier or a role word makes it private.</summary>
    public const int Window = 40;

    /// <summary>The reason prefix of a person judged public.</summary>
    public const string PublicPrefix = "public:";

    // Roles of private persons in civil complaints, counselling and medical notes, contracts, court papers and deliveries.
    private static readonly string[] s_roles =
    [
        "환자", "보호자", "신청인", "민원인", "피해자", "피의자", "피고인", "피고", "원고", "당사자", "수령인", "수취인", "고객", "상담자",
        "내담자", "의뢰인", "예금주", "계약자", "임차인", "임대인", "채무자", "채권자", "진정인", "고소인", "피고소인", "청구인", "납세자",
        "가입자", "신고인", "제보자", "참고인", "증인", "수강생", "학생", "학부모", "유족", "배우자", "신청자", "지원자", "응시자", "수급자",
    ];

    // Labels that introduce a person's own record (forms, minutes, signatures).
    private static readonly string[] s_labels = ["성명", "이름", "성함", "담당자", "작성자", "대표자", "받는 사람", "보내는 사람", "서명", "확인자"];

    private static readonly string[] s_contact = ["연락처", "전화", "휴대폰", "핸드폰", "주소", "이메일", "E-mail", "email", "Tel", "TEL", "H.P", "HP", "내선"];

    // Titles of public roles: a name followed by one of these, with no private context, is judged public.
    private static readonly string[] s_publicTitles =
    [
        "대통령", "총리", "장관", "차관", "의원", "위원장", "대표", "회장", "사장", "총장", "시장", "지사", "구청장", "군수", "청장",
        "감독", "배우", "가수", "선수", "작가", "기자", "앵커", "교수", "박사", "대변인", "판사", "검사", "변호사", "후보", "전 대표",
    ];

    private static readonly ContextWords s_contactWords = Context.Words(s_contact);

    /// <summary>Parses <c>all</c>, <c>private</c> or <c>none</c> (case-insensitive); anything else is a clear error naming <paramref name="origin"/>.</summary>
    public static PersonPolicy Parse(string? value, string origin = "--person-policy") =>
        (value ?? "").Trim().ToLowerInvariant() switch
        {
            "all" => PersonPolicy.All,
            "private" => PersonPolicy.Private,
            "none" => PersonPolicy.None,
            _ => throw new MoaException($"{origin}: unknown person policy '{value}'. Valid: all, private, none."),
        };

    /// <summary>The lower-case name of a policy, as written in configs and on the command line.</summary>
    public static string Name(PersonPolicy policy) => policy.ToString().ToLowerInvariant();

    /// <summary>
    /// Why the person <paramref name="person"/> is private, or (prefixed <see cref="PublicPrefix"/>) why it is judged
    /// public. <paramref name="findings"/> are every finding in the same text (other identifiers make a name private).
    /// </summary>
    public static string Judge(string text, PiiFinding person, IReadOnlyList<PiiFinding> findings, bool sensitive)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(findings);
        if (sensitive)
        {
            return "sensitive dataset";
        }

        // The context is the sentence (or line) around the name, at most Window characters each side.
        var (lo, hi) = Sentence(text, person);
        foreach (var f in findings)
        {
            if (f.Type != PiiTypes.Person && f.End > lo && f.Start < hi)
            {
                return "near " + f.Type;
            }
        }

        var from = lo;
        var to = Math.Min(hi, person.End + 12);
        var before = text.AsSpan(from, person.Start - from);
        var after = text.AsSpan(person.End, to - person.End);
        foreach (var role in s_roles)
        {
            if (before.Contains(role, StringComparison.Ordinal) || after.Contains(role, StringComparison.Ordinal))
            {
                return "role:" + role;
            }
        }

        foreach (var label in s_labels)
        {
            if (before.Contains(label, StringComparison.Ordinal) || after.StartsWith(" " + label, StringComparison.Ordinal))
            {
                return "label:" + label;
            }
        }

        if (s_contactWords.In(before) || s_contactWords.In(after))
        {
            return "contact line";
        }

        var next = after.TrimStart(' ');
        foreach (var title in s_publicTitles)
        {
            if (next.StartsWith(title, StringComparison.Ordinal))
            {
                return PublicPrefix + "title " + title;
            }
        }

        return PublicPrefix + "no private context";
    }

    /// <summary>Whether a reason from <see cref="Judge"/> says the person is private.</summary>
    public static bool IsPrivate(string reason) => !reason.StartsWith(PublicPrefix, StringComparison.Ordinal);

    /// <summary>
    /// The window around a name that counts as its context: up to <see cref="Window"/> characters each side, cut at a
    /// line break or at the end of a sentence (., ? or ! followed by a space).
    /// </summary>
    private static (int From, int To) Sentence(string text, PiiFinding person)
    {
        var from = Math.Max(0, person.Start - Window);
        for (var i = person.Start - 1; i >= from; i--)
        {
            if (text[i] is '\n' or '\r' || (text[i] is '.' or '?' or '!' && i + 1 < text.Length && text[i + 1] == ' '))
            {
                from = i + 1;
                break;
            }
        }

        var to = Math.Min(text.Length, person.End + Window);
        for (var i = person.End; i < to; i++)
        {
            if (text[i] is '\n' or '\r' || (text[i] is '.' or '?' or '!' && (i + 1 == text.Length || text[i + 1] == ' ')))
            {
                to = i;
                break;
            }
        }

        return (from, to);
    }
}
