namespace Moa.Privacy;

/// <summary>
/// One piece of personal information found in a text: <c>[Start, End)</c> in UTF-16 code units,
/// its type (one of <see cref="PiiTypes"/>) and a confidence score in [0, 1]. <see cref="Reason"/> says, for a
/// <c>PERSON</c> under a person policy, why it was judged private or public (see <see cref="Names.PersonPolicies"/>).
/// </summary>
public readonly record struct PiiFinding(int Start, int End, string Type, double Score, string? Reason = null)
{
    /// <summary>Length of the span in UTF-16 code units.</summary>
    public int Length => End - Start;
}

/// <summary>
/// The text after an operator replaced every finding, and the findings in the original text's offsets.
/// <see cref="Text"/> is the very same string instance when nothing was found.
/// </summary>
public sealed record ScrubResult(string Text, IReadOnlyList<PiiFinding> Findings);
