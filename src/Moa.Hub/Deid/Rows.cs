namespace Moa.Hub.Deid;

/// <summary>The states of an adequacy review.</summary>
public static class DeidReviewStates
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
}

/// <summary>One row of <c>deid_reviews</c>: a pseudonymised table's spec and adequacy-review report, and the agency's decision.</summary>
public sealed class DeidReview
{
    public long Id { get; set; }

    public long DatasetId { get; set; }

    public string DatasetSlug { get; set; } = "";

    public string Spec { get; set; } = "";

    public string ReportJson { get; set; } = "";

    public string? ReportHtml { get; set; }

    public string ReportSha256 { get; set; } = "";

    public double RiskBeforeMax { get; set; }

    public double RiskBeforeAverage { get; set; }

    public double RiskAfterMax { get; set; }

    public double RiskAfterAverage { get; set; }

    public int MinClassSize { get; set; }

    public int ChecklistPassed { get; set; }

    public int ChecklistItems { get; set; }

    public string State { get; set; } = DeidReviewStates.Pending;

    public long SubmittedBy { get; set; }

    public long SubmittedAt { get; set; }

    public long? DecidedBy { get; set; }

    public long? DecidedAt { get; set; }

    public string? DecisionReason { get; set; }

    /// <summary>File name of the pseudonymised table uploaded with the review, or null (registered from the catalogue only).</summary>
    public string? TableName { get; set; }

    /// <summary>SHA-256 of the uploaded table (equal to the report's <c>output_sha256</c>).</summary>
    public string? TableSha256 { get; set; }

    public long? TableBytes { get; set; }

    public int? TableRows { get; set; }
}

/// <summary>One checklist item of a report, as the report gives it.</summary>
public sealed record DeidChecklistItem(string Id, string Korean, string English, bool Passed, string Evidence);

/// <summary>The figures the hub reads from a report of <c>moa deid run</c> (validated on registration).</summary>
public sealed record DeidReportFigures(string Dataset, string Purpose, double BeforeMax, double BeforeAverage, double AfterMax, double AfterAverage, int MinClassSize, IReadOnlyList<DeidChecklistItem> Checklist);
