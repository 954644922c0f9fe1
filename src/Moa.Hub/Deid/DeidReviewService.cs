using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Moa.Hub.Accounts;
using Moa.Hub.Audit;
using Moa.Hub.Catalogue;
using Moa.Hub.Storage;
using Moa.Tabular.Reporting;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Moa.Hub.Deid;

/// <summary>
/// A registration: the dataset it reviews, the YAML spec, the report JSON as written by <c>moa deid run</c>, optionally its
/// HTML and, optionally, the pseudonymised table itself (<paramref name="Table"/>: the file's bytes in base64, named
/// <paramref name="TableName"/>), which must be the file the report's <c>output_sha256</c> names.
/// </summary>
public sealed record DeidReviewRequest(string? DatasetSlug, string? Spec, string? Report, string? ReportHtml, string? Table = null, string? TableName = null);

/// <summary>A decision of the agency on a review.</summary>
public sealed record DeidDecisionRequest(string? Reason);

/// <summary>
/// Adequacy reviews (적정성 검토) of pseudonymised tables: the dataset's provider registers the <c>moa deid</c> spec and
/// the report (JSON, optionally HTML) with its risk figures; an operator of the agency approves or rejects it with a
/// reason. A dataset with a review is downloadable only while its latest review is approved; every step is audited.
/// </summary>
public sealed class DeidReviewService(HubDatabase db, TimeProvider time, HubOptions? options = null)
{
    /// <summary>The largest report (JSON or HTML) or spec accepted, in characters.</summary>
    public const int MaxChars = 4 * 1024 * 1024;

    /// <summary>The largest table accepted with a review, in bytes (larger tables are registered from the catalogue).</summary>
    public const int MaxTableBytes = 16 * 1024 * 1024;

    private static readonly string[] s_tableExtensions = [".csv", ".tsv", ".txt", ".xlsx", ".parquet"];

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
        var upload = request.Table is null ? null : CheckTable(request.Table, request.TableName, AdequacyReport.FromJson(request.Report!));
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
            TableName = upload?.Name,
            TableSha256 = upload?.Sha256,
            TableBytes = upload?.Bytes.Length,
            TableRows = upload?.Rows,
        };
        review.Id = await db.WriteAsync(async (conn, tx) =>
        {
            var id = await conn.ExecuteScalarAsync<long>(
                @"INSERT INTO deid_reviews (dataset_id, spec, report_json, report_html, report_sha256, risk_before_max, risk_before_average, risk_after_max, risk_after_average,
                    min_class_size, checklist_passed, checklist_items, state, submitted_by, submitted_at, table_name, table_sha256, table_bytes, table_rows)
                  VALUES (@DatasetId, @Spec, @ReportJson, @ReportHtml, @ReportSha256, @RiskBeforeMax, @RiskBeforeAverage, @RiskAfterMax, @RiskAfterAverage,
                    @MinClassSize, @ChecklistPassed, @ChecklistItems, @State, @SubmittedBy, @SubmittedAt, @TableName, @TableSha256, @TableBytes, @TableRows) RETURNING id", review, tx).ConfigureAwait(false);
            if (upload is not null)
            {
                // Stored inside the transaction: a failed write leaves no review behind.
                var path = TablePath(id, upload.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, upload.Bytes).ConfigureAwait(false);
            }

            await AuditLog.AppendAsync(conn, tx, review.SubmittedAt, actor.AuditName, "deid.review_registered", $"dataset:{slug}", new
            {
                review = id, reportSha256 = review.ReportSha256, riskBefore = new { max = review.RiskBeforeMax, average = review.RiskBeforeAverage },
                riskAfter = new { max = review.RiskAfterMax, average = review.RiskAfterAverage }, k = review.MinClassSize, checklist = $"{review.ChecklistPassed}/{review.ChecklistItems}",
                table = review.TableName, tableSha256 = review.TableSha256, tableRows = review.TableRows,
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
                r.min_class_size, r.checklist_passed, r.checklist_items, r.state, r.submitted_by, r.submitted_at, r.decided_by, r.decided_at, r.decision_reason,
                r.table_name, r.table_sha256, r.table_bytes, r.table_rows
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
    /// Reads the report JSON of <c>moa deid run</c> through Moa.Tabular's own <see cref="AdequacyReport"/> type and takes
    /// the figures the hub shows and decides on; a 400 names the first missing or wrong field.
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

        AdequacyReport r;
        try
        {
            r = AdequacyReport.FromJson(report);
        }
        catch (MoaException ex)
        {
            throw HubException.Invalid(ex.Message);
        }

        Require(!string.IsNullOrWhiteSpace(r.Dataset), "report.dataset: missing or empty.");
        Require(!string.IsNullOrWhiteSpace(r.Purpose), "report.purpose: missing or empty.");
        var before = Risk(r.RiskBefore, "risk_before");
        var after = Risk(r.RiskAfter, "risk_after");
        Require(r.Checklist.Count > 0, "report.checklist: missing or empty; the report must carry the guideline's checklist.");
        var items = new List<DeidChecklistItem>();
        for (var i = 0; i < r.Checklist.Count; i++)
        {
            var c = r.Checklist[i];
            Require(c is not null, $"report.checklist[{i}]: expected an object with id, korean, english, passed, evidence.");
            Require(!string.IsNullOrWhiteSpace(c!.Id), $"report.checklist[{i}].id: missing or empty.");
            Require(!string.IsNullOrWhiteSpace(c.Korean), $"report.checklist[{i}].korean: missing or empty.");
            Require(!string.IsNullOrWhiteSpace(c.English), $"report.checklist[{i}].english: missing or empty.");
            items.Add(new DeidChecklistItem(c.Id, c.Korean, c.English, c.Passed, c.Evidence ?? ""));
        }

        return new DeidReportFigures(r.Dataset, r.Purpose, before.Max, before.Average, after.Max, after.Average, after.MinClassSize, items);
    }

    /// <summary>The uploaded table, checked: its bytes, name, SHA-256 and rows.</summary>
    private sealed record TableUpload(string Name, byte[] Bytes, string Sha256, int Rows);

    /// <summary>
    /// Checks an uploaded table against its report: the bytes must hash to the report's <c>output_sha256</c>, read as a
    /// table (through Moa.Tabular's reader), hold <c>rows_out</c> rows and every quasi-identifier; a 400 names the field.
    /// </summary>
    private TableUpload CheckTable(string table, string? name, AdequacyReport report)
    {
        if (options is null)
        {
            throw new InvalidOperationException("DeidReviewService needs HubOptions (the data directory) to store uploaded tables.");
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 120 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')) || name[0] == '.'
            || !s_tableExtensions.Contains(Path.GetExtension(name).ToLowerInvariant()))
        {
            throw HubException.Invalid($"tableName: '{name}' must be a file name of letters, digits, '.', '-' and '_' ending in {string.Join(", ", s_tableExtensions)} (the name `moa deid run` gave the output).");
        }

        if (table.Length > (MaxTableBytes / 3 * 4) + 4)
        {
            throw HubException.Invalid($"table: over the limit of {MaxTableBytes:N0} bytes; register a larger table from the catalogue.");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(table);
        }
        catch (FormatException)
        {
            throw HubException.Invalid("table: not base64; send the table file's bytes base64-encoded.");
        }

        if (bytes.Length == 0)
        {
            throw HubException.Invalid("table: empty; send the pseudonymised table `moa deid run` wrote.");
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (report.OutputSha256 is null)
        {
            throw HubException.Invalid("report.output_sha256: missing; the report does not name its table's checksum (write it again with this version of `moa deid run`).");
        }

        if (!string.Equals(report.OutputSha256, sha, StringComparison.OrdinalIgnoreCase))
        {
            throw HubException.Invalid($"table: SHA-256 {sha} does not match report.output_sha256 {report.OutputSha256}; upload the table this report describes.");
        }

        // Read through the same reader `moa deid` uses, from a scratch file (the reader sniffs encoding and format).
        var scratch = Path.Combine(options.DataDirectory, "deid", "incoming", Guid.NewGuid().ToString("N") + Path.GetExtension(name).ToLowerInvariant());
        Directory.CreateDirectory(Path.GetDirectoryName(scratch)!);
        Moa.Tabular.Tables.Table parsed;
        try
        {
            File.WriteAllBytes(scratch, bytes);
            parsed = Moa.Tabular.Tables.TableReader.Read(scratch);
        }
        catch (MoaException ex)
        {
            throw HubException.Invalid($"table: {ex.Message.Replace(scratch, name, StringComparison.Ordinal)}");
        }
        finally
        {
            File.Delete(scratch);
        }

        if (parsed.RowCount != report.RowsOut)
        {
            throw HubException.Invalid($"table: {parsed.RowCount:N0} rows, but report.rows_out says {report.RowsOut:N0}.");
        }

        foreach (var qi in report.QuasiIdentifiers)
        {
            if (parsed.IndexOf(qi) < 0)
            {
                throw HubException.Invalid($"table: has no column '{qi}', which report.quasi_identifiers names.");
            }
        }

        return new TableUpload(name, bytes, sha, parsed.RowCount);
    }

    /// <summary>Where the table of review <paramref name="id"/> is stored.</summary>
    private string TablePath(long id, string name) =>
        Path.Combine((options ?? throw new InvalidOperationException("no data directory")).DataDirectory, "deid", id.ToString(CultureInfo.InvariantCulture), name);

    /// <summary>
    /// The uploaded table of review <paramref name="id"/> for <paramref name="user"/>: the dataset's agreement and its latest
    /// review being approved are checked by <paramref name="downloads"/> (as for every download), and this review must be
    /// that approved one. Served and refused downloads are both audited.
    /// </summary>
    public async Task<(string Path, string Name, string Sha256)> OpenTableAsync(HubUser? user, long id, string? purpose, Access.DownloadService downloads)
    {
        ArgumentNullException.ThrowIfNull(downloads);
        var review = await GetAsync(id).ConfigureAwait(false) ?? throw HubException.NotFound($"adequacy review {id} does not exist.");
        if (review.TableName is null || review.TableSha256 is null)
        {
            throw HubException.NotFound($"adequacy review {id} was registered without its table; the dataset '{review.DatasetSlug}' is downloaded from the catalogue.");
        }

        try
        {
            if (user is not null && string.IsNullOrEmpty(purpose))
            {
                throw HubException.Invalid($"purpose: add ?purpose=… (one of {string.Join(", ", Agreements.Purposes.All)}) naming what you will use the data for.");
            }

            var agreement = await downloads.AuthoriseAsync(user, review.DatasetSlug, purpose ?? "").ConfigureAwait(false);
            await using (var conn = await db.OpenAsync().ConfigureAwait(false))
            {
                var approved = await RequireApprovedAsync(conn, review.DatasetId, review.DatasetSlug).ConfigureAwait(false);
                if (approved != id)
                {
                    throw HubException.Forbidden($"adequacy review superseded: review {id} of '{review.DatasetSlug}' is not the dataset's approved review ({approved}); download that review's table.");
                }
            }

            var at = time.GetUtcNow().ToUnixTimeMilliseconds();
            await db.WriteAsync((conn, tx) => AuditLog.AppendAsync(conn, tx, at, user!.AuditName, "deid.table_downloaded", $"dataset:{review.DatasetSlug}",
                new { review = id, agreement = agreement.Id, purpose, table = review.TableName, sha256 = review.TableSha256 })).ConfigureAwait(false);
            return (TablePath(id, review.TableName), review.TableName, review.TableSha256);
        }
        catch (HubException ex)
        {
            var at = time.GetUtcNow().ToUnixTimeMilliseconds();
            await db.WriteAsync((conn, tx) => AuditLog.AppendAsync(conn, tx, at, user?.AuditName ?? "anonymous", "download.refused", $"dataset:{review.DatasetSlug}",
                new { review = id, table = review.TableName, purpose, status = ex.StatusCode, reason = ex.Message })).ConfigureAwait(false);
            throw;
        }
    }

    private static void Require(bool ok, string message)
    {
        if (!ok)
        {
            throw HubException.Invalid(message);
        }
    }

    private static (double Max, double Average, int MinClassSize) Risk(RiskSummary? risk, string name)
    {
        var at = "report." + name;
        Require(risk is not null, $"{at}: missing; the report must give the re-identification risk before and after (run `moa deid run` with quasi-identifiers).");
        Require(risk!.Prosecutor is not null, $"{at}.prosecutor: missing; expected {{ \"max\": …, \"average\": … }}.");
        var max = risk.Prosecutor!.Max;
        var average = risk.Prosecutor.Average;
        Require(max is >= 0 and <= 1, $"{at}.prosecutor.max: not a risk between 0 and 1.");
        Require(average is >= 0 and <= 1, $"{at}.prosecutor.average: not a risk between 0 and 1.");
        Require(average <= max, $"{at}.prosecutor: average {average.ToString(CultureInfo.InvariantCulture)} is above max {max.ToString(CultureInfo.InvariantCulture)}.");
        Require(risk.MinClassSize >= 0, $"{at}.min_class_size: not a whole number ≥ 0.");
        return (max, average, risk.MinClassSize);
    }

    internal static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
