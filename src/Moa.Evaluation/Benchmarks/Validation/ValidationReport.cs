using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moa.Evaluation.Benchmarks.Validation;

/// <summary>How serious a finding is: errors fail validation, warnings are reported only.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FindingSeverity>))]
public enum FindingSeverity
{
    Warning,
    Error,
}

/// <summary>One rule's verdict: what is wrong, which items, and what to do about it.</summary>
/// <param name="Rule">Stable rule id, e.g. <c>profile.items-per-subset</c>, <c>ids.unique</c>.</param>
/// <param name="Severity">Error (fails validation) or warning.</param>
/// <param name="Message">What is wrong, with counts.</param>
/// <param name="Fix">What to do about it.</param>
/// <param name="ItemIds">The items concerned (capped; <paramref name="ItemCount"/> has the full number).</param>
/// <param name="ItemCount">How many items the finding concerns in all.</param>
public sealed record ValidationFinding(string Rule, FindingSeverity Severity, string Message, string Fix, IReadOnlyList<string> ItemIds, int ItemCount);

/// <summary>Per sub-item counts shown in the report.</summary>
/// <param name="Subset">The sub-item name.</param>
/// <param name="Items">Number of items.</param>
/// <param name="MeetsProfile">Whether it has the profile's minimum number of items.</param>
public sealed record SubsetCount(string Subset, int Items, bool MeetsProfile);

/// <summary>The result of <see cref="BenchmarkValidator"/>: findings sorted errors first, and the sub-item counts.</summary>
public sealed record ValidationReport(
    string Benchmark,
    string Directory,
    string Profile,
    int ItemCount,
    IReadOnlyList<SubsetCount> Subsets,
    IReadOnlyList<ValidationFinding> Findings)
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>True when no finding is an error.</summary>
    public bool Passed => Findings.All(f => f.Severity != FindingSeverity.Error);

    /// <summary>Number of error findings.</summary>
    public int ErrorCount => Findings.Count(f => f.Severity == FindingSeverity.Error);

    /// <summary>Number of warning findings.</summary>
    public int WarningCount => Findings.Count(f => f.Severity == FindingSeverity.Warning);

    /// <summary>The report as indented JSON (snake_case keys).</summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        benchmark = Benchmark,
        directory = Directory,
        profile = Profile,
        passed = Passed,
        item_count = ItemCount,
        errors = ErrorCount,
        warnings = WarningCount,
        subsets = Subsets,
        findings = Findings,
    }, s_json);
}
