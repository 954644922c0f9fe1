namespace Moa.Hub.Agreements;

/// <summary>A tripartite data agreement between a provider, the agency and a model team.</summary>
public sealed class Agreement
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public long ProviderOrganisationId { get; set; }

    public long TeamOrganisationId { get; set; }

    /// <summary>Space-separated purposes (see <see cref="Purposes"/>).</summary>
    public string Purposes { get; set; } = "";

    public int Commercial { get; set; }

    public long StartsAt { get; set; }

    public long EndsAt { get; set; }

    public long ProcessingSupportKrw { get; set; }

    public long CopyrightCompensationKrw { get; set; }

    public string Responsibilities { get; set; } = "";

    /// <summary>As stored; see <see cref="EffectiveState"/> for the state at a given time.</summary>
    public string State { get; set; } = "";

    public string? StateReason { get; set; }

    public long CreatedAt { get; set; }

    public List<string> DatasetSlugs { get; set; } = [];

    public List<AgreementSignature> Signatures { get; set; } = [];

    /// <summary>The state at <paramref name="nowMs"/>: an active agreement past its end is expired at once, without waiting for a sweep.</summary>
    public string EffectiveState(long nowMs) => State == AgreementStates.Active && nowMs >= EndsAt ? AgreementStates.Expired : State;

    public IReadOnlyList<string> PurposeList => Purposes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A party's recorded signature.</summary>
public sealed class AgreementSignature
{
    public long AgreementId { get; set; }

    public string Party { get; set; } = "";

    public long UserId { get; set; }

    public long SignedAt { get; set; }
}

/// <summary>Agreement states.</summary>
public static class AgreementStates
{
    public const string Draft = "draft";
    public const string Active = "active";
    public const string Expired = "expired";
    public const string Revoked = "revoked";
}

/// <summary>Purposes an agreement can allow.</summary>
public static class Purposes
{
    public const string Pretraining = "pretraining";
    public const string FineTuning = "fine-tuning";
    public const string Evaluation = "evaluation";
    public const string Rag = "rag";

    public static IReadOnlyList<string> All { get; } = [Pretraining, FineTuning, Evaluation, Rag];

    public static string Validate(string? purpose) =>
        purpose is not null && All.Contains(purpose)
            ? purpose
            : throw HubException.Invalid($"purpose: '{purpose}' is not a purpose; use one of {string.Join(", ", All)}.");
}

/// <summary>Agreement parties.</summary>
public static class Parties
{
    public const string Provider = "provider";
    public const string Agency = "agency";
    public const string Team = "team";

    public static IReadOnlyList<string> All { get; } = [Provider, Agency, Team];
}
