using System.Text.Json;

namespace Moa.Hub.Synth;

/// <summary>The states of a synthetic release: the gate passed, failed (publication blocked), or failed and was overridden.</summary>
public static class SynthReleaseStates
{
    public const string Passed = "passed";
    public const string Blocked = "blocked";
    public const string Overridden = "overridden";
}

/// <summary>One row of <c>synth_releases</c>: a synthetic dataset's evaluation report, its headline figures and the gate.</summary>
public sealed class SynthRelease
{
    public long Id { get; set; }

    public long DatasetId { get; set; }

    public string DatasetSlug { get; set; } = "";

    public string ReportJson { get; set; } = "";

    public string ReportSha256 { get; set; } = "";

    public string Synthesizer { get; set; } = "";

    /// <summary>ε of the differential-privacy accounting, or null when the synthesizer gives no such guarantee.</summary>
    public double? Epsilon { get; set; }

    public double? Delta { get; set; }

    public int TrainRows { get; set; }

    public int SyntheticRows { get; set; }

    public double ColumnFidelity { get; set; }

    public double PairFidelity { get; set; }

    /// <summary>TSTR / TRTR accuracy ratio, or null when no target column was evaluated.</summary>
    public double? UtilityRatio { get; set; }

    public double ExactMatchRate { get; set; }

    public double DcrMemorisation { get; set; }

    public double MembershipAuc { get; set; }

    public double SinglingOutRisk { get; set; }

    public double LinkabilityRisk { get; set; }

    public int GateChecked { get; set; }

    /// <summary>The failed gate rules, as a JSON array of strings (empty when the gate passed).</summary>
    public string GateReasons { get; set; } = "[]";

    public string State { get; set; } = SynthReleaseStates.Passed;

    public long SubmittedBy { get; set; }

    public long SubmittedAt { get; set; }

    public long? OverriddenBy { get; set; }

    public long? OverriddenAt { get; set; }

    public string? OverrideReason { get; set; }

    public bool GatePassed => State == SynthReleaseStates.Passed;

    public IReadOnlyList<string> Reasons => JsonSerializer.Deserialize<List<string>>(GateReasons) ?? [];
}
