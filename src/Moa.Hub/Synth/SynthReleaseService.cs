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
using Moa.Synthesis.Evaluation;

namespace Moa.Hub.Synth;

/// <summary>A registration: the catalogue dataset and the report JSON that <c>moa synth evaluate --gate</c> wrote.</summary>
public sealed record SynthReleaseRequest(string? DatasetSlug, string? Report);

/// <summary>An operator's override of a failed gate, with the written reason.</summary>
public sealed record SynthOverrideRequest(string? Reason);

/// <summary>
/// Synthetic releases (합성데이터 공개): the dataset's provider (or an operator) registers the evaluation report of
/// <c>moa synth evaluate</c> with its release-gate result. A dataset whose latest release failed the gate is not served
/// until an operator overrides the gate with a written reason; every step is audited.
/// </summary>
public sealed class SynthReleaseService(HubDatabase db, TimeProvider time)
{
    /// <summary>The largest report accepted, in characters.</summary>
    public const int MaxChars = 4 * 1024 * 1024;

    public async Task<SynthRelease> RegisterAsync(HubUser actor, SynthReleaseRequest request)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!actor.IsOperator && actor.Role != HubRoles.Provider)
        {
            throw HubException.Forbidden($"only the dataset's provider (or an operator) registers a synthetic release; you are signed in as {actor.Role}.");
        }

        if (string.IsNullOrWhiteSpace(request.DatasetSlug))
        {
            throw HubException.Invalid("datasetSlug: name the catalogue dataset the synthetic table is released as.");
        }

        // PostgreSQL text cannot hold NUL; refuse it as bad input rather than fail in the database.
        foreach (var (field, value) in new[] { ("datasetSlug", request.DatasetSlug), ("report", request.Report) })
        {
            if (value is not null && value.Contains('\0', StringComparison.Ordinal))
            {
                throw HubException.Invalid($"{field}: contains a NUL character; send the report's text as `moa synth evaluate` wrote it.");
            }
        }

        var slug = request.DatasetSlug;
        Dataset ds;
        await using (var conn = await db.OpenAsync().ConfigureAwait(false))
        {
            ds = await conn.QueryFirstOrDefaultAsync<Dataset>("SELECT * FROM datasets WHERE slug = @slug", new { slug }).ConfigureAwait(false)
                ?? throw HubException.NotFound($"dataset '{slug}' does not exist; register the synthetic table in the catalogue first.");
        }

        if (!actor.IsOperator && (ds.ProviderOrganisationId is not { } org || org != actor.OrganisationId))
        {
            throw HubException.Forbidden($"only the dataset's provider (or an operator) registers a synthetic release of '{slug}'; your organisation does not provide it.");
        }

        var report = ParseReport(request.Report);
        var gate = report.Gate!;

        // The hub knows a synthetic dataset's columns once a release is registered: a report of another table is refused.
        await using (var conn = await db.OpenAsync().ConfigureAwait(false))
        {
            var previous = await conn.QueryFirstOrDefaultAsync<SynthRelease>(
                "SELECT id, report_json FROM synth_releases WHERE dataset_id = @id ORDER BY id DESC LIMIT 1", new { id = ds.Id }).ConfigureAwait(false);
            if (previous is not null)
            {
                var known = SynthReport.FromJson(previous.ReportJson).Columns.Select(c => c.Column).Order(StringComparer.Ordinal).ToList();
                var given = report.Columns.Select(c => c.Column).Order(StringComparer.Ordinal).ToList();
                if (!known.SequenceEqual(given, StringComparer.Ordinal))
                {
                    throw HubException.Invalid(
                        $"report.columns: {string.Join(", ", given)} differ from the columns of '{slug}' ({string.Join(", ", known)}, release {previous.Id}); register the report of this dataset's table.");
                }
            }
        }
        var release = new SynthRelease
        {
            DatasetId = ds.Id,
            DatasetSlug = ds.Slug,
            ReportJson = request.Report!,
            ReportSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Report!))),
            Synthesizer = report.Synthesizer,
            Epsilon = report.Accounting?.Epsilon,
            Delta = report.Accounting?.Delta,
            TrainRows = report.TrainRows,
            SyntheticRows = report.SyntheticRows,
            ColumnFidelity = report.ColumnFidelity,
            PairFidelity = report.PairFidelity,
            UtilityRatio = report.Utility?.Ratio,
            ExactMatchRate = report.Privacy.ExactMatchRate,
            DcrMemorisation = report.Privacy.DcrMemorisation,
            MembershipAuc = report.Privacy.MembershipAuc,
            SinglingOutRisk = report.Privacy.SinglingOut.Risk,
            LinkabilityRisk = report.Privacy.Linkability.Risk,
            GateChecked = gate.Checked,
            GateReasons = JsonSerializer.Serialize(gate.Reasons),
            State = gate.Passed ? SynthReleaseStates.Passed : SynthReleaseStates.Blocked,
            SubmittedBy = actor.Id,
            SubmittedAt = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        release.Id = await db.WriteAsync(async (conn, tx) =>
        {
            var id = await conn.ExecuteScalarAsync<long>(
                @"INSERT INTO synth_releases (dataset_id, report_json, report_sha256, synthesizer, epsilon, delta, train_rows, synthetic_rows, column_fidelity, pair_fidelity,
                    utility_ratio, exact_match_rate, dcr_memorisation, membership_auc, singling_out_risk, linkability_risk, gate_checked, gate_reasons, state, submitted_by, submitted_at)
                  VALUES (@DatasetId, @ReportJson, @ReportSha256, @Synthesizer, @Epsilon, @Delta, @TrainRows, @SyntheticRows, @ColumnFidelity, @PairFidelity,
                    @UtilityRatio, @ExactMatchRate, @DcrMemorisation, @MembershipAuc, @SinglingOutRisk, @LinkabilityRisk, @GateChecked, @GateReasons, @State, @SubmittedBy, @SubmittedAt) RETURNING id",
                release, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, release.SubmittedAt, actor.AuditName, "synth.registered", $"dataset:{slug}", new
            {
                release = id, reportSha256 = release.ReportSha256, synthesizer = release.Synthesizer, epsilon = release.Epsilon, delta = release.Delta,
                columnFidelity = release.ColumnFidelity, pairFidelity = release.PairFidelity, gate = new { passed = gate.Passed, @checked = gate.Checked, reasons = gate.Reasons },
            }).ConfigureAwait(false);
            return id;
        }).ConfigureAwait(false);
        return release;
    }

    /// <summary>Overrides the failed gate of a release (operators only; a written reason is required and recorded).</summary>
    public async Task<SynthRelease> OverrideAsync(HubUser actor, long id, string? reason)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsOperator)
        {
            throw HubException.Forbidden($"only the agency's operators override a failed release gate; you are signed in as {actor.Role}.");
        }

        var release = await GetAsync(id).ConfigureAwait(false) ?? throw HubException.NotFound($"synthetic release {id} does not exist.");
        if (release.State != SynthReleaseStates.Blocked)
        {
            throw HubException.Conflict($"synthetic release {id} of '{release.DatasetSlug}' is {release.State}; only a release whose gate failed is overridden.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Contains('\0', StringComparison.Ordinal))
        {
            throw HubException.Invalid("reason: write why the failed gate is overridden (it is recorded with your name).");
        }

        var at = time.GetUtcNow().ToUnixTimeMilliseconds();
        var changed = await db.WriteAsync(async (conn, tx) =>
        {
            var n = await conn.ExecuteAsync(
                "UPDATE synth_releases SET state = @state, overridden_by = @by, overridden_at = @at, override_reason = @reason WHERE id = @id AND state = @blocked",
                new { state = SynthReleaseStates.Overridden, by = actor.Id, at, reason, id, blocked = SynthReleaseStates.Blocked }, tx).ConfigureAwait(false);
            if (n == 1)
            {
                await AuditLog.AppendAsync(conn, tx, at, actor.AuditName, "synth.overridden", $"dataset:{release.DatasetSlug}",
                    new { release = id, reason, reportSha256 = release.ReportSha256, reasons = release.Reasons }).ConfigureAwait(false);
            }

            return n;
        }).ConfigureAwait(false);
        return changed == 1 ? (await GetAsync(id).ConfigureAwait(false))! : throw HubException.Conflict($"synthetic release {id} was overridden by someone else just now.");
    }

    /// <summary>One release with its dataset's slug, or null.</summary>
    public async Task<SynthRelease?> GetAsync(long id)
    {
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        return await conn.QueryFirstOrDefaultAsync<SynthRelease>(
            "SELECT r.*, d.slug AS dataset_slug FROM synth_releases r JOIN datasets d ON d.id = r.dataset_id WHERE r.id = @id", new { id }).ConfigureAwait(false);
    }

    /// <summary>
    /// The publication gate: a dataset whose latest synthetic release failed its gate (and was not overridden) is not
    /// served; throws 403 saying why. Datasets without a synthetic release are not affected.
    /// </summary>
    public static async Task RequirePublishableAsync(DbConnection conn, long datasetId, string slug, DbTransaction? tx = null)
    {
        ArgumentNullException.ThrowIfNull(conn);
        var latest = await conn.QueryFirstOrDefaultAsync<SynthRelease>(
            "SELECT id, state, gate_reasons FROM synth_releases WHERE dataset_id = @datasetId ORDER BY id DESC LIMIT 1", new { datasetId }, tx).ConfigureAwait(false);
        if (latest is { State: SynthReleaseStates.Blocked })
        {
            throw HubException.Forbidden(
                $"synthetic release gate failed: '{slug}' is a synthetic table whose release {latest.Id} failed its gate ({string.Join("; ", latest.Reasons)}); it is not served unless an operator overrides the gate with a reason.");
        }
    }

    /// <summary>
    /// Reads the report JSON of <c>moa synth evaluate</c> through Moa.Synthesis's own <see cref="SynthReport"/> type and
    /// checks the figures the hub shows and gates on; a 400 names the first missing or wrong field.
    /// </summary>
    internal static SynthReport ParseReport(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw HubException.Invalid("report: send the evaluation report JSON that `moa synth evaluate --gate` wrote.");
        }

        if (json.Length > MaxChars)
        {
            throw HubException.Invalid($"report: {json.Length:N0} characters is over the limit of {MaxChars:N0}.");
        }

        SynthReport r;
        try
        {
            r = SynthReport.FromJson(json);
        }
        catch (MoaException ex)
        {
            throw HubException.Invalid(ex.Message);
        }

        Require(!string.IsNullOrWhiteSpace(r.Synthesizer), "report.synthesizer: missing or empty.");
        Require(!r.Synthesizer.Contains('\0', StringComparison.Ordinal), "report.synthesizer: contains a NUL character.");
        Require(r.TrainRows > 0, "report.train_rows: not a whole number above 0.");
        Require(r.SyntheticRows > 0, "report.synthetic_rows: not a whole number above 0.");
        Share(r.ColumnFidelity, "report.column_fidelity");
        Share(r.PairFidelity, "report.pair_fidelity");
        Share(r.Privacy.ExactMatchRate, "report.privacy.exact_match_rate");
        Share(r.Privacy.DcrMemorisation, "report.privacy.dcr_memorisation");
        Share(r.Privacy.MembershipAuc, "report.privacy.membership_auc");
        Require(r.Columns.Count > 0, "report.columns: empty; the report must score every column of the table.");
        for (var i = 0; i < r.Columns.Count; i++)
        {
            Require(r.Columns[i] is not null && !string.IsNullOrWhiteSpace(r.Columns[i].Column), $"report.columns[{i}].column: missing or empty.");
        }

        if (r.Accounting is { } a)
        {
            Require(double.IsFinite(a.Epsilon) && a.Epsilon > 0, "report.accounting.epsilon: not a number above 0.");
            Require(a.Delta is >= 0 and < 1, "report.accounting.delta: not a number in [0, 1).");
        }

        Require(r.Gate is not null, "report.gate: missing; run `moa synth evaluate` with --gate gate.yaml so that the report carries the release-gate result.");
        Require(r.Gate!.Reasons is not null, "report.gate.reasons: missing.");
        Require(r.Gate.Passed == (r.Gate.Reasons!.Count == 0), "report.gate.passed: disagrees with report.gate.reasons (a gate passes exactly when no rule failed).");
        return r;
    }

    private static void Share(double value, string at) =>
        Require(value is >= 0 and <= 1, $"{at}: {value.ToString(CultureInfo.InvariantCulture)} is not a number between 0 and 1.");

    private static void Require(bool ok, string message)
    {
        if (!ok)
        {
            throw HubException.Invalid(message);
        }
    }

    internal static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
