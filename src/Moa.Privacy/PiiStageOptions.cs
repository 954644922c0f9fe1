namespace Moa.Privacy;

/// <summary>
/// Settings of the PII stage (curation config <c>pii:</c> and <c>moa pii redact</c>). Settable properties so that
/// YAML binding with the underscored naming convention works (<c>min_score</c>, <c>key_file</c>).
/// </summary>
public sealed class PiiStageOptions
{
    /// <summary>Whether the stage runs at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How findings are replaced: <c>tag</c>, <c>mask</c>, <c>pseudonym</c> or <c>encrypt</c>.</summary>
    public string Operator { get; set; } = "tag";

    /// <summary>Types to look for (names from <see cref="PiiTypes"/>); empty means all types.</summary>
    public List<string> Types { get; set; } = [];

    /// <summary>Findings scoring below this are ignored.</summary>
    public double MinScore { get; set; } = 0.5;

    /// <summary>
    /// Which persons are replaced: <c>all</c>, <c>private</c> (persons in a private context; the default for provider
    /// data) or <c>none</c>. See <see cref="Names.PersonPolicy"/>.
    /// </summary>
    public string PersonPolicy { get; set; } = "private";

    /// <summary>The provider marked the dataset sensitive: under the <c>private</c> policy every person is replaced.</summary>
    public bool Sensitive { get; set; }

    /// <summary>Key file made by <c>moa pii keygen</c>; required by <c>pseudonym</c> and <c>encrypt</c>.</summary>
    public string? KeyFile { get; set; }
}
