using System.Text.Json.Serialization;
using Moa.Evaluation.Leaderboard;

namespace Moa.Hub.Leaderboard;

/// <summary>
/// How a phase is scored: criteria and their points (default: the 2026 phase-1 scheme), how many teams the phase may
/// eliminate (only where intervals separate), the bootstrap (resamples, seed, confidence), the outlier threshold for
/// reviews, and the sealed benchmark's submission limit per team per day and Ladder step.
/// </summary>
public sealed record PhaseConfig(
    IReadOnlyList<PhaseCriterion> Criteria,
    int Eliminate,
    int Resamples = 1000,
    int Seed = 20260115,
    double Confidence = 0.95,
    double OutlierZ = 2.0,
    int SealedPerDay = 3,
    double LadderStep = 0.01);

/// <summary>A benchmark of a phase's suite.</summary>
public sealed class PhaseBenchmark
{
    public long Id { get; set; }

    [JsonIgnore]
    public long PhaseId { get; set; }

    public string Name { get; set; } = "";

    /// <summary><see cref="BenchmarkKinds"/>: programme, common or team (chosen by one team).</summary>
    public string Kind { get; set; } = "";

    /// <summary>For a team-chosen benchmark, the team that chose it; null for benchmarks every team takes.</summary>
    public long? TeamOrganisationId { get; set; }

    /// <summary>Chance score (1/choices for multiple choice) used by the Open LLM Leaderboard v2 normalisation.</summary>
    public double RandomBaseline { get; set; }

    public double MaxScore { get; set; } = 1;

    /// <summary>Hidden items scored only in the hub (the sealed 10%).</summary>
    public bool Sealed { get; set; }
}

/// <summary>A weighted item of the expert rubric.</summary>
public sealed class RubricItem
{
    [JsonIgnore]
    public long PhaseId { get; set; }

    public string Code { get; set; } = "";

    public string Title { get; set; } = "";

    public double Weight { get; set; }

    public double MaxPoints { get; set; }
}

/// <summary>A team in a phase and the models it declared.</summary>
public sealed class PhaseTeam
{
    [JsonIgnore]
    public long PhaseId { get; set; }

    public long OrganisationId { get; set; }

    public string Name { get; set; } = "";

    public string Model { get; set; } = "";

    public string ReferenceModel { get; set; } = "";
}

/// <summary>A stored phase.</summary>
public sealed class PhaseRow
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public int Year { get; set; }

    [JsonIgnore]
    public string Config { get; set; } = "";

    public long OpensAt { get; set; }

    public long ClosesAt { get; set; }

    public string State { get; set; } = "";

    [JsonIgnore]
    public long CreatedBy { get; set; }

    public long CreatedAt { get; set; }

    public long? PublishedAt { get; set; }

    [JsonIgnore]
    public string? PublishedResult { get; set; }
}

/// <summary>A phase with its suite, teams and rubric.</summary>
public sealed record PhaseDetail(PhaseRow Phase, PhaseConfig Config, IReadOnlyList<PhaseTeam> Teams, IReadOnlyList<PhaseBenchmark> Benchmarks, IReadOnlyList<RubricItem> Rubric)
{
    public bool IsPublished => Phase.State == PhaseStates.Published;
}

/// <summary>A registered run (without its items).</summary>
public sealed class RunRow
{
    public long Id { get; set; }

    public long BenchmarkId { get; set; }

    public long OrganisationId { get; set; }

    public string Role { get; set; } = "";

    public string Model { get; set; } = "";

    public string BenchmarkHash { get; set; } = "";

    public int ItemCount { get; set; }

    public string Sha256 { get; set; } = "";

    public long UploadedAt { get; set; }
}

/// <summary>What a team is shown after a sealed submission: the Ladder's score, not the true one.</summary>
public sealed record SealedFeedback(long SubmissionId, string Role, double Shown, int Items, int LeftToday);

/// <summary>A battle as a voter sees it: the prompt, two anonymous answers and the sealed token the vote returns.</summary>
public sealed record BattleView(string Token, string Prompt, string AnswerA, string AnswerB);

/// <summary>A technical report as an assigned reviewer sees it: the blind code, not the team.</summary>
public sealed record ReviewView(string Code, string Title, string Body, IReadOnlyDictionary<string, double> Scores);

public static class PhaseStates
{
    public const string Open = "open";
    public const string Published = "published";
}

public static class BenchmarkKinds
{
    public const string Programme = "programme";
    public const string Common = "common";
    public const string Team = "team";

    public static IReadOnlyList<string> All { get; } = [Programme, Common, Team];
}

/// <summary>Whose scores a run holds: the team's own model or the reference model it declared.</summary>
public static class RunRoles
{
    public const string Model = "model";
    public const string Reference = "reference";

    public static IReadOnlyList<string> All { get; } = [Model, Reference];
}
