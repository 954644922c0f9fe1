using Moa.Privacy.Analysis;

namespace Moa.Privacy.Names;

/// <summary>Which of the persons found are replaced: every one, those in a private context, or none.</summary>
public enum PersonPolicy
{
    /// <summary>Every person found.</summary>
    All,

    /// <summary>Persons in a private context (next to other identifiers, in a role such as 환자 or 신청인, on a contact line) or without any sign of public life around them, or every person in a dataset marked sensitive.</summary>
    Private,

    /// <summary>No person (other types are still replaced).</summary>
    None,
}

/// <summary>
/// Parses <see cref="PersonPolicy"/> names and reads the reasons that <see cref="PrivateContext"/> gives each person found. A
/// reason is a string carried by the finding: <c>near KR_RRN</c>, <c>role:환자</c>, <c>label:성명</c>,
/// <c>contact line</c>, <c>sensitive dataset</c>, <c>no public context</c> (private) or <c>public:title 장관</c>,
/// <c>public:public life 영화</c>.
/// </summary>
public static class PersonPolicies
{
    /// <summary>The reason prefix of a person judged public.</summary>
    public const string PublicPrefix = "public:";

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

    /// <summary>Whether a reason from <see cref="PrivateContext"/> says the person is private.</summary>
    public static bool IsPrivate(string reason) => !reason.StartsWith(PublicPrefix, StringComparison.Ordinal);
}
