using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Moa.Hub.Accounts;
using Moa.Hub.Audit;
using Moa.Hub.Catalogue;
using Moa.Hub.Storage;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

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
}

/// <summary>One checklist item of a report, as the report gives it.</summary>
public sealed record DeidChecklistItem(string Id, string Korean, string English, bool Passed, string Evidence);

/// <summary>The figures the hub reads from a report of <c>moa deid run</c> (validated on registration).</summary>
public sealed record DeidReportFigures(string Dataset, string Purpose, double BeforeMax, double BeforeAverage, double AfterMax, double AfterAverage, int MinClassSize, IReadOnlyList<DeidChecklistItem> Checklist);

/// <summary>A registration: the dataset it reviews, the YAML spec, the report JSON as written by <c>moa deid run</c> and, optionally, its HTML.</summary>
public sealed record DeidReviewRequest(string? DatasetSlug, string? Spec, string? Report, string? ReportHtml);

/// <summary>A decision of the agency on a review.</summary>
public sealed record DeidDecisionRequest(string? Reason);

/// <summary>
/// Adequacy reviews (적정성 검토) of pseudonymised tables: the dataset's provider registers the <c>moa deid</c> spec and
/// the report (JSON, optionally HTML) with its risk figures; an operator of the agency approves or rejects it with a
/// reason. A dataset with a review is downloadable only while its latest review is approved; every step is audited.
/// </summary>
public sealed class DeidReviewService(HubDatabase db, TimeProvider time)
{
    /// <summary>The largest report (JSON or HTML) or spec accepted, in characters.</summary>
    public const int MaxChars = 4 * 1024 * 1024;

    /// <summary>Registers a review of <c>request.DatasetSlug</c>; only its provider's members and operators may.</summary>
    public async Task<DeidReview> RegisterAsync(HubUser actor, DeidReviewRequest request)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!actor.IsOperator && actor.Role != HubRoles.Provider)
        {
            throw HubException.Forbidden($"only the dataset's provider (or an operator) registers an adequacy review; you are signed in as {actor.Role}.");
        }

        if (string.IsNullOrWhiteSpace(request.DatasetSlug))
        {
            throw HubException.Invalid("datasetSlug: name the registered dataset the review is for.");
        }

        // PostgreSQL text cannot hold NUL; refuse it as bad input rather than fail in the database.
        foreach (var (field, value) in new[] { ("datasetSlug", request.DatasetSlug), ("spec", request.Spec), ("report", request.Report), ("reportHtml", request.ReportHtml) })
        {
            if (value is not null && value.Contains('\0', StringComparison.Ordinal))
            {
                throw HubException.Invalid($"{field}: contains a NUL character; send the file's text as `moa deid run` wrote it.");
            }
        }

        var slug = request.DatasetSlug;
        Dataset ds;
        await using (var conn = await db.OpenAsync().ConfigureAwait(false))
        {
            ds = await conn.QueryFirstOrDefaultAsync<Dataset>("SELECT * FROM datasets WHERE slug = @slug", new { slug }).ConfigureAwait(false)
                ?? throw HubException.NotFound($"dataset '{slug}' does not exist; register the pseudonymised table in the catalogue first.");
        }

        if (!actor.IsOperator && (ds.ProviderOrganisationId is not { } org || org != actor.OrganisationId))
        {
            throw HubException.Forbidden($"only the dataset's provider (or an operator) registers an adequacy review of '{slug}'; your organisation does not provide it.");
        }

        ValidateSpec(request.Spec);
        var figures = ParseReport(request.Report);
        if (request.ReportHtml is { } html && (html.Length > MaxChars || !html.Contains("<html", StringComparison.OrdinalIgnoreCase)))
        {
            throw HubException.Invalid(html.Length > MaxChars
                ? $"reportHtml: {html.Length:N0} characters is over the limit of {MaxChars:N0}."
                : "reportHtml: not an HTML document (no <html> element); send the .deid-report.html that `moa deid run` wrote, or leave it out.");
        }

        var review = new DeidReview
        {
            DatasetId = ds.Id,
            DatasetSlug = ds.Slug,
            Spec = request.Spec!,
            ReportJson = request.Report!,
            ReportHtml = request.ReportHtml,
            ReportSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Report!))),
            RiskBeforeMax = figures.BeforeMax,
            RiskBeforeAverage = figures.BeforeAverage,
            RiskAfterMax = figures.AfterMax,
            RiskAfterAverage = figures.AfterAverage,
            MinClassSize = figures.MinClassSize,
            ChecklistPassed = figures.Checklist.Count(c => c.Passed),
            ChecklistItems = figures.Checklist.Count,
            State = DeidReviewStates.Pending,
            SubmittedBy = actor.Id,
            SubmittedAt = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        review.Id = await db.WriteAsync(async (conn, tx) =>
        {
            var id = await conn.ExecuteScalarAsync<long>(
                @"INSERT INTO deid_reviews (dataset_id, spec, report_json, report_html, report_sha256, risk_before_max, risk_before_average, risk_after_max, risk_after_average,
                    min_class_size, checklist_passed, checklist_items, state, submitted_by, submitted_at)
                  VALUES (@DatasetId, @Spec, @ReportJson, @ReportHtml, @ReportSha256, @RiskBeforeMax, @RiskBeforeAverage, @RiskAfterMax, @RiskAfterAverage,
                    @MinClassSize, @ChecklistPassed, @ChecklistItems, @State, @SubmittedBy, @SubmittedAt) RETURNING id", review, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, review.SubmittedAt, actor.AuditName, "deid.review_registered", $"dataset:{slug}", new
            {
                review = id, reportSha256 = review.ReportSha256, riskBefore = new { max = review.RiskBeforeMax, average = review.RiskBeforeAverage },
                riskAfter = new { max = review.RiskAfterMax, average = review.RiskAfterAverage }, k = review.MinClassSize, checklist = $"{review.ChecklistPassed}/{review.ChecklistItems}",
            }).ConfigureAwait(false);
            return id;
        }).ConfigureAwait(false);
        return review;
    }

    /// <summary>Approves or rejects a pending review (operators only; a reason is required and recorded with the reviewer).</summary>
    public async Task<DeidReview> DecideAsync(HubUser actor, long id, bool approve, string? reason)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsOperator)
        {
            throw HubException.Forbidden($"only the agency's operators approve or reject adequacy reviews; you are signed in as {actor.Role}.");
        }

        var review = await GetAsync(id).ConfigureAwait(false) ?? throw HubException.NotFound($"adequacy review {id} does not exist.");
        if (review.State != DeidReviewStates.Pending)
        {
            throw HubException.Conflict($"adequacy review {id} of '{review.DatasetSlug}' was already {review.State} on {Iso(review.DecidedAt ?? 0)}; register a new review to change the decision.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Contains('\0', StringComparison.Ordinal))
        {
            throw HubException.Invalid($"reason: say why the review is {(approve ? "approved" : "rejected")} (it is recorded with your name).");
        }

        var at = time.GetUtcNow().ToUnixTimeMilliseconds();
        var state = approve ? DeidReviewStates.Approved : DeidReviewStates.Rejected;
        var changed = await db.WriteAsync(async (conn, tx) =>
        {
            var n = await conn.ExecuteAsync(
                "UPDATE deid_reviews SET state = @state, decided_by = @by, decided_at = @at, decision_reason = @reason WHERE id = @id AND state = @pending",
                new { state, by = actor.Id, at, reason, id, pending = DeidReviewStates.Pending }, tx).ConfigureAwait(false);
            if (n == 1)
            {
                await AuditLog.AppendAsync(conn, tx, at, actor.AuditName, approve ? "deid.review_approved" : "deid.review_rejected", $"dataset:{review.DatasetSlug}",
                    new { review = id, reason, reportSha256 = review.ReportSha256 }).ConfigureAwait(false);
            }

            return n;
        }).ConfigureAwait(false);
        return changed == 1 ? (await GetAsync(id).ConfigureAwait(false))! : throw HubException.Conflict($"adequacy review {id} was decided by someone else just now.");
    }

    /// <summary>One review with its dataset's slug, or null.</summary>
    public async Task<DeidReview?> GetAsync(long id)
    {
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        return await conn.QueryFirstOrDefaultAsync<DeidReview>(
            "SELECT r.*, d.slug AS dataset_slug FROM deid_reviews r JOIN datasets d ON d.id = r.dataset_id WHERE r.id = @id", new { id }).ConfigureAwait(false);
    }

    /// <summary>Every review, newest first (reports left out).</summary>
    public async Task<IReadOnlyList<DeidReview>> ListAsync()
    {
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        return (await conn.QueryAsync<DeidReview>(
            @"SELECT r.id, r.dataset_id, d.slug AS dataset_slug, r.report_sha256, r.risk_before_max, r.risk_before_average, r.risk_after_max, r.risk_after_average,
                r.min_class_size, r.checklist_passed, r.checklist_items, r.state, r.submitted_by, r.submitted_at, r.decided_by, r.decided_at, r.decision_reason
              FROM deid_reviews r JOIN datasets d ON d.id = r.dataset_id ORDER BY r.id DESC").ConfigureAwait(false)).ToList();
    }

    /// <summary>
    /// The download gate: a dataset with an adequacy review is served only while its latest review is approved. Returns
    /// the approved review's id (null for datasets without a review) or throws 403 saying why.
    /// </summary>
    public static async Task<long?> RequireApprovedAsync(DbConnection conn, long datasetId, string slug, DbTransaction? tx = null)
    {
        ArgumentNullException.ThrowIfNull(conn);
        var latest = await conn.QueryFirstOrDefaultAsync<DeidReview>(
            "SELECT id, state, decided_at, decision_reason FROM deid_reviews WHERE dataset_id = @datasetId ORDER BY id DESC LIMIT 1", new { datasetId }, tx).ConfigureAwait(false);
        return latest switch
        {
            null => null,
            { State: DeidReviewStates.Approved } => latest.Id,
            { State: DeidReviewStates.Rejected } => throw HubException.Forbidden(
                $"adequacy review rejected: '{slug}' is a pseudonymised table whose adequacy review (적정성 검토) {latest.Id} the agency rejected on {Iso(latest.DecidedAt ?? 0)} ({latest.DecisionReason}); it is not served until a new review is approved."),
            _ => throw HubException.Forbidden(
                $"adequacy review pending: '{slug}' is a pseudonymised table whose adequacy review (적정성 검토) {latest.Id} the agency has not approved yet; it is not served until it is."),
        };
    }

    /// <summary>Checks that the spec is a YAML mapping of <c>moa deid</c> with a non-empty <c>columns</c> list; a 400 names the field otherwise.</summary>
    internal static void ValidateSpec(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec))
        {
            throw HubException.Invalid("spec: send the YAML spec `moa deid run` used (the .deid.yaml file's text).");
        }

        if (spec.Length > MaxChars)
        {
            throw HubException.Invalid($"spec: {spec.Length:N0} characters is over the limit of {MaxChars:N0}.");
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(spec));
        }
        catch (YamlException ex)
        {
            throw HubException.Invalid($"spec: not well-formed YAML (line {ex.Start.Line}, column {ex.Start.Column}): {ex.Message}");
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw HubException.Invalid("spec: expected one YAML mapping (dataset:, input:, columns: …) as `moa deid init` writes.");
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("columns"), out var columns) || columns is not YamlSequenceNode { Children.Count: > 0 })
        {
            throw HubException.Invalid("spec.columns: missing or empty; the spec must list the table's columns with their roles.");
        }
    }

    /// <summary>
    /// Parses the report JSON of <c>moa deid run</c> (snake_case fields) and reads the figures the hub shows and decides on;
    /// a 400 names the first missing or wrong field.
    /// </summary>
    internal static DeidReportFigures ParseReport(string? report)
    {
        if (string.IsNullOrWhiteSpace(report))
        {
            throw HubException.Invalid("report: send the adequacy-review report JSON that `moa deid run` wrote (.deid-report.json).");
        }

        if (report.Length > MaxChars)
        {
            throw HubException.Invalid($"report: {report.Length:N0} characters is over the limit of {MaxChars:N0}.");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(report, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw HubException.Invalid($"report: not well-formed JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}).");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw HubException.Invalid("report: expected a JSON object as `moa deid run` writes.");
            }

            var dataset = Text(root, "dataset", "report.dataset");
            var purpose = Text(root, "purpose", "report.purpose");
            var (beforeMax, beforeAverage, _) = Risk(root, "risk_before");
            var (afterMax, afterAverage, k) = Risk(root, "risk_after");
            if (!root.TryGetProperty("checklist", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            {
                throw HubException.Invalid("report.checklist: missing or empty; the report must carry the guideline's checklist.");
            }

            var items = new List<DeidChecklistItem>();
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var at = $"report.checklist[{i++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw HubException.Invalid($"{at}: expected an object with id, korean, english, passed, evidence.");
                }

                if (!item.TryGetProperty("passed", out var passed) || passed.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw HubException.Invalid($"{at}.passed: missing or not true/false.");
                }

                items.Add(new DeidChecklistItem(Text(item, "id", at + ".id"), Text(item, "korean", at + ".korean"), Text(item, "english", at + ".english"),
                    passed.GetBoolean(), item.TryGetProperty("evidence", out var ev) && ev.ValueKind == JsonValueKind.String ? ev.GetString()! : ""));
            }

            return new DeidReportFigures(dataset, purpose, beforeMax, beforeAverage, afterMax, afterAverage, k, items);
        }
    }

    private static (double Max, double Average, int MinClassSize) Risk(JsonElement root, string name)
    {
        var at = "report." + name;
        if (!root.TryGetProperty(name, out var risk) || risk.ValueKind != JsonValueKind.Object)
        {
            throw HubException.Invalid($"{at}: missing; the report must give the re-identification risk before and after (run `moa deid run` with quasi-identifiers).");
        }

        if (!risk.TryGetProperty("prosecutor", out var p) || p.ValueKind != JsonValueKind.Object)
        {
            throw HubException.Invalid($"{at}.prosecutor: missing; expected {{ \"max\": …, \"average\": … }}.");
        }

        var max = Fraction(p, "max", at + ".prosecutor.max");
        var average = Fraction(p, "average", at + ".prosecutor.average");
        if (average > max)
        {
            throw HubException.Invalid($"{at}.prosecutor: average {average.ToString(CultureInfo.InvariantCulture)} is above max {max.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (!risk.TryGetProperty("min_class_size", out var k) || !k.TryGetInt32(out var kv) || kv < 0)
        {
            throw HubException.Invalid($"{at}.min_class_size: missing or not a whole number ≥ 0.");
        }

        return (max, average, kv);
    }

    private static double Fraction(JsonElement e, string name, string at) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && d is >= 0 and <= 1
            ? d
            : throw HubException.Invalid($"{at}: missing or not a risk between 0 and 1.");

    private static string Text(JsonElement e, string name, string at) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()!
            : throw HubException.Invalid($"{at}: missing or empty.");

    internal static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
