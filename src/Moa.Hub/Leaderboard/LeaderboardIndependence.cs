using System.Text.Json;
using Dapper;
using Moa.Evaluation.Independence;
using Moa.Hub.Accounts;
using Moa.Hub.Audit;

namespace Moa.Hub.Leaderboard;

/// <summary>A team's model fingerprint (JSON of <c>moa eval audit fingerprint</c>) for the audit; operators name the team.</summary>
public sealed record IndependenceRequest(JsonElement Fingerprint, long? OrganisationId = null);

/// <summary>A registered open checkpoint: its name and size of the fingerprint.</summary>
public sealed record RegisteredCheckpoint(string Name, int Tensors, bool Tokenizer, long RegisteredAt);

/// <summary>The candidate against one registered checkpoint, without the per-tensor list.</summary>
public sealed record IndependenceComparison(string Reference, int Paired, int MatricesCompared, int MatricesSimilar, double? MedianCosine, double? MaxCosine, double? VocabularyJaccard, bool WeightsDerived, bool TokenizerShared);

/// <summary>The independence audit of one team's model in one phase, as stored: verdict, reason and every comparison.</summary>
public sealed record IndependenceResult(long OrganisationId, string Team, string Candidate, string Verdict, string Reason, IReadOnlyList<IndependenceComparison> Comparisons, long CheckedAt);

/// <summary>
/// The independence (독자성) audit beside the score: the operator registers known open checkpoints' fingerprints; a team
/// submits its model's fingerprint for a phase; the hub runs <see cref="IndependenceAudit"/> against the registry and
/// stores the report per team and phase.
/// </summary>
public sealed partial class LeaderboardService
{
    /// <summary>Registers (or replaces, by name) a known open checkpoint's fingerprint. Operators only.</summary>
    public async Task<RegisteredCheckpoint> RegisterFingerprintAsync(HubUser actor, string json)
    {
        RequireOperator(actor, "register open checkpoints");
        var f = ParseFingerprint(json, "fingerprint");
        var now = Now;
        await db.WriteAsync(async (conn, tx) =>
        {
            await conn.ExecuteAsync("DELETE FROM lb_audit_registry WHERE name = @Name", new { f.Name }, tx).ConfigureAwait(false);
            await conn.ExecuteAsync("INSERT INTO lb_audit_registry (name, fingerprint, registered_by, registered_at) VALUES (@Name, @json, @by, @now)", new { f.Name, json = f.ToJson(), by = actor.Id, now }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "audit.registry.registered", $"checkpoint:{f.Name}", new { tensors = f.Tensors.Count }).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
        return new RegisteredCheckpoint(f.Name, f.Tensors.Count, f.Tokenizer is not null, now);
    }

    /// <summary>Audits a team's model fingerprint against the registry and stores the report for the phase.</summary>
    public async Task<IndependenceResult> AuditIndependenceAsync(HubUser actor, long phaseId, IndependenceRequest req)
    {
        ArgumentNullException.ThrowIfNull(req);
        var phase = await RequireAsync(phaseId).ConfigureAwait(false);
        var team = RequireTeamActor(actor, phase, req.OrganisationId);
        RequireNotPublished(phase);
        if (req.Fingerprint.ValueKind != JsonValueKind.Object)
        {
            throw HubException.Invalid("fingerprint: send the model's fingerprint (the JSON 'moa eval audit fingerprint' writes) as the object fingerprint.");
        }

        var candidate = ParseFingerprint(req.Fingerprint.GetRawText(), "fingerprint");
        List<CheckpointFingerprint> references;
        await using (var conn = await db.OpenAsync().ConfigureAwait(false))
        {
            references = [.. (await conn.QueryAsync<string>("SELECT fingerprint FROM lb_audit_registry ORDER BY name").ConfigureAwait(false)).Select(j => CheckpointFingerprint.Parse(j, "registry"))];
        }

        if (references.Count == 0)
        {
            throw HubException.Conflict("the audit registry is empty; an operator registers the known open checkpoints' fingerprints first (POST /api/leaderboard/audit/registry).");
        }

        AuditReport report;
        try
        {
            report = IndependenceAudit.Run(candidate, references);
        }
        catch (MoaException ex)
        {
            throw HubException.Invalid($"fingerprint: {ex.Message}");
        }

        static double? Finite(double x) => double.IsFinite(x) ? x : null;
        var now = Now;
        var result = new IndependenceResult(team.OrganisationId, team.Name, report.Candidate, report.Verdict, report.Reason,
            [.. report.Comparisons.Select(c => new IndependenceComparison(c.Reference, c.Paired, c.MatricesCompared, c.MatricesSimilar, Finite(c.MedianCosine), Finite(c.MaxCosine), c.Tokenizer?.Jaccard, c.WeightsDerived, c.TokenizerShared))], now);
        await db.WriteAsync(async (conn, tx) =>
        {
            await conn.ExecuteAsync("DELETE FROM lb_independence WHERE phase_id = @phaseId AND organisation_id = @OrganisationId", new { phaseId, result.OrganisationId }, tx).ConfigureAwait(false);
            await conn.ExecuteAsync(
                "INSERT INTO lb_independence (phase_id, organisation_id, result, checked_by, checked_at) VALUES (@phaseId, @OrganisationId, @json, @by, @CheckedAt)",
                new { phaseId, result.OrganisationId, json = JsonSerializer.Serialize(result, s_json), by = actor.Id, result.CheckedAt }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "phase.independence.audited", $"phase:{phaseId}", new { team = team.OrganisationId, candidate = result.Candidate, verdict = result.Verdict }).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
        return result;
    }

    /// <summary>Stored independence reports: every team's for operators (or once published, for everybody), a team's own for its members.</summary>
    public async Task<IReadOnlyList<IndependenceResult>> IndependenceAsync(HubUser? actor, long phaseId, long? organisationId)
    {
        var org = await VisibleOrganisationAsync(actor, phaseId, organisationId).ConfigureAwait(false);
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        return [.. (await conn.QueryAsync<string>("SELECT result FROM lb_independence WHERE phase_id = @phaseId AND (@org IS NULL OR organisation_id = @org) ORDER BY organisation_id", new { phaseId, org }).ConfigureAwait(false))
            .Select(r => JsonSerializer.Deserialize<IndependenceResult>(r, s_json)!)];
    }

    /// <summary>The standings CSV cell of a team: its verdict, or empty when not audited.</summary>
    internal static string IndependenceCell(IReadOnlyList<IndependenceResult> all, long organisationId) =>
        all.FirstOrDefault(r => r.OrganisationId == organisationId)?.Verdict ?? "";

    /// <summary>
    /// Parses an uploaded fingerprint, naming the field that is missing or wrong (<c>fingerprint.name</c>,
    /// <c>fingerprint.tensors[3].shape</c>, ...).
    /// </summary>
    internal static CheckpointFingerprint ParseFingerprint(string json, string field)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(json);
            root = doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw HubException.Invalid($"{field}: not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw HubException.Invalid($"{field}: expected the JSON object 'moa eval audit fingerprint' writes.");
        }

        if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != CheckpointFingerprint.CurrentFormat)
        {
            throw HubException.Invalid($"{field}.format: must be \"{CheckpointFingerprint.CurrentFormat}\" (written by 'moa eval audit fingerprint').");
        }

        if (!root.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(name.GetString()) || name.GetString()!.Length > 200)
        {
            throw HubException.Invalid($"{field}.name: give the checkpoint's name (1–200 characters).");
        }

        if (!root.TryGetProperty("sketchSize", out var size) || !size.TryGetInt32(out var sketchSize) || sketchSize <= 0)
        {
            throw HubException.Invalid($"{field}.sketchSize: a positive integer is required.");
        }

        if (!root.TryGetProperty("seed", out var seed) || !seed.TryGetUInt64(out _))
        {
            throw HubException.Invalid($"{field}.seed: an unsigned integer is required.");
        }

        if (!root.TryGetProperty("tensors", out var tensors) || tensors.ValueKind != JsonValueKind.Array || tensors.GetArrayLength() == 0)
        {
            throw HubException.Invalid($"{field}.tensors: a non-empty array of tensor fingerprints is required.");
        }

        var i = 0;
        foreach (var t in tensors.EnumerateArray())
        {
            var at = $"{field}.tensors[{i++}]";
            if (t.ValueKind != JsonValueKind.Object || !t.TryGetProperty("name", out var n) || n.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(n.GetString()))
            {
                throw HubException.Invalid($"{at}.name: every tensor needs its name.");
            }

            if (!t.TryGetProperty("shape", out var shape) || shape.ValueKind != JsonValueKind.Array || shape.EnumerateArray().Any(d => !d.TryGetInt64(out var v) || v < 0))
            {
                throw HubException.Invalid($"{at}.shape: an array of dimensions >= 0 is required.");
            }

            if (t.TryGetProperty("sketch", out var sketch) && sketch.ValueKind != JsonValueKind.Null
                && (sketch.ValueKind != JsonValueKind.Array || sketch.GetArrayLength() > sketchSize || sketch.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number)))
            {
                throw HubException.Invalid($"{at}.sketch: an array of at most {sketchSize} numbers (or null) is required.");
            }
        }

        try
        {
            return CheckpointFingerprint.Parse(json, field);
        }
        catch (MoaException ex)
        {
            throw HubException.Invalid(ex.Message);
        }
    }
}
