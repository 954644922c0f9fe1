using System.Globalization;
using System.Text.Json;
using Dapper;
using Moa.Evaluation.Benchmarks;
using Moa.Evaluation.Contamination;
using Moa.Hub.Accounts;
using Moa.Hub.Agreements;
using Moa.Hub.Audit;

namespace Moa.Hub.Leaderboard;

/// <summary>A team's declaration of its training corpora (catalogue slugs); operators name the team.</summary>
public sealed record CorporaRequest(string[] Corpora, long? OrganisationId = null, int? CharNgrams = null);

/// <summary>A sealed item found in a team's declared corpora: the share of its n-grams found and how many documents hold one.</summary>
public sealed record ContaminatedSealedItem(string Id, double Overlap, long Documents);

/// <summary>
/// The contamination check of one team's declared corpora against one sealed benchmark of a phase, as stored: which
/// corpora (slug@version), the n-grams used, how many sealed items were checked and how many were found.
/// </summary>
public sealed record ContaminationResult(
    long OrganisationId,
    string Team,
    long BenchmarkId,
    string Benchmark,
    IReadOnlyList<string> Corpora,
    string Unit,
    int N,
    int Items,
    int Checked,
    int Contaminated,
    double Share,
    IReadOnlyList<ContaminatedSealedItem> ContaminatedItems,
    long CheckedAt);

/// <summary>
/// Contamination beside the score: a team declares the hub corpora it trained on; the hub scans them for the sealed
/// items of the phase's programme benchmark with the contamination checker of <c>moa bench contamination</c> and stores
/// the result per team, phase and sealed benchmark.
/// </summary>
public sealed partial class LeaderboardService
{
    /// <summary>
    /// Declares a team's training corpora and queues the check of them against every sealed benchmark of the phase as a
    /// background job (its result is stored and shown beside the score when done).
    /// </summary>
    public async Task<JobView> DeclareCorporaAsync(HubUser actor, long phaseId, CorporaRequest req)
    {
        ArgumentNullException.ThrowIfNull(req);
        var phase = await RequireAsync(phaseId).ConfigureAwait(false);
        var team = RequireTeamActor(actor, phase, req.OrganisationId);
        RequireNotPublished(phase);
        HubException.NoNullItems(req.Corpora, "corpora");
        if (req.Corpora.Length is 0 or > 50 || req.Corpora.Distinct(StringComparer.Ordinal).Count() != req.Corpora.Length)
        {
            throw HubException.Invalid("corpora: declare 1 to 50 distinct catalogue corpora (dataset slugs) the team trained on.");
        }

        if (req.CharNgrams is < 5 or > 200)
        {
            throw HubException.Invalid($"charNgrams: {req.CharNgrams} is outside 5–200 (leave it out for word 13-grams).");
        }

        var sealedBenchmarks = phase.Benchmarks.Where(b => b.Sealed).ToList();
        if (sealedBenchmarks.Count == 0)
        {
            throw HubException.Conflict($"phase {phaseId} has no sealed benchmark; there is nothing to check the corpora against.");
        }

        var now = Now;
        var folders = new List<string>();
        var labels = new List<string>();
        await using (var conn = await db.OpenAsync().ConfigureAwait(false))
        {
            for (var i = 0; i < req.Corpora.Length; i++)
            {
                var slug = req.Corpora[i];
                var row = await conn.QueryFirstOrDefaultAsync<(long Id, long Version, string StorageDir)>(
                    "SELECT d.id, v.version, v.storage_dir FROM datasets d JOIN dataset_versions v ON v.dataset_id = d.id WHERE d.slug = @slug AND v.withdrawn_at IS NULL ORDER BY v.version DESC LIMIT 1",
                    new { slug }).ConfigureAwait(false);
                if (row == default)
                {
                    throw HubException.Invalid($"corpora[{i}]: '{slug}' is not a corpus in the hub catalogue; declare registered corpora by their slug.");
                }

                var agreements = await AgreementService.ForTeamAndDatasetAsync(conn, team.OrganisationId, row.Id).ConfigureAwait(false);
                if (!agreements.Any(a => a.EffectiveState(now) != AgreementStates.Draft))
                {
                    throw HubException.Forbidden($"corpora[{i}]: {team.Name} has no signed agreement covering '{slug}'; only corpora the team received through the hub can be declared.");
                }

                folders.Add(row.StorageDir);
                labels.Add($"{slug}@{row.Version}");
            }

            foreach (var b in sealedBenchmarks)
            {
                _ = await SealedTextItemsAsync(conn, b).ConfigureAwait(false);
            }
        }

        var job = new ContaminationJob([.. labels], [.. folders], req.CharNgrams, actor.AuditName);
        return await QueueJobAsync(actor, phaseId, JobKinds.Contamination, team.OrganisationId, JsonSerializer.Serialize(job, s_json), new { corpora = labels }).ConfigureAwait(false);
    }

    /// <summary>The sealed items of a benchmark that have text to scan for; 409 when none has.</summary>
    private static async Task<List<BenchmarkItem>> SealedTextItemsAsync(System.Data.Common.DbConnection conn, PhaseBenchmark b)
    {
        var items = (await conn.QueryAsync<(string ItemId, string Answer, string? Text)>("SELECT item_id, answer, text FROM lb_sealed_items WHERE benchmark_id = @Id ORDER BY item_id", new { b.Id }).ConfigureAwait(false))
            .Where(x => !string.IsNullOrWhiteSpace(x.Text))
            .Select(x => new BenchmarkItem(x.ItemId, b.Name, x.Text!, null, [], JsonSerializer.SerializeToElement(x.Answer)))
            .ToList();
        return items.Count > 0 ? items
            : throw HubException.Conflict($"{b.Name}: no sealed item has its text stored; the operator stores the sealed items with their text (items[].text) before corpora are checked.");
    }

    /// <summary>The contamination job: scans the declared corpora for each sealed benchmark's items and stores one result per benchmark.</summary>
    private async Task<string> RunContaminationJobAsync(JobRow job, JobProgress progress, CancellationToken cancellationToken)
    {
        var req = JsonSerializer.Deserialize<ContaminationJob>(job.Request, s_json)!;
        var phase = await RequireAsync(job.PhaseId).ConfigureAwait(false);
        RequireNotPublished(phase);
        var team = phase.Teams.First(t => t.OrganisationId == job.OrganisationId);
        var phaseId = job.PhaseId;
        var labels = req.Labels;
        var folders = req.Folders;
        var sealedBenchmarks = phase.Benchmarks.Where(b => b.Sealed).ToList();
        var sealedItems = new Dictionary<long, List<BenchmarkItem>>();
        await using (var conn = await db.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var b in sealedBenchmarks)
            {
                sealedItems[b.Id] = await SealedTextItemsAsync(conn, b).ConfigureAwait(false);
            }
        }

        progress.Report(0, sealedBenchmarks.Count);
        var now = Now;
        var options = req.CharNgrams is { } n ? new ContaminationOptions { Unit = NGramUnit.Character, N = n } : new ContaminationOptions();
        options = options with { Threads = Math.Max(1, Environment.ProcessorCount / 2) };
        var results = new List<ContaminationResult>();
        foreach (var b in sealedBenchmarks)
        {
            var benchmark = new LoadedBenchmark(new BenchmarkCard { Name = b.Name, Subsets = [b.Name] }, sealedItems[b.Id], "", "");
            ContaminationReport report;
            try
            {
                report = await Task.Run(() => ContaminationChecker.Run(benchmark, folders, options), cancellationToken).ConfigureAwait(false);
            }
            catch (MoaException ex)
            {
                throw new MoaException($"corpora: a declared corpus could not be scanned ({ex.Message}).", ex);
            }

            var @checked = report.Items - report.ItemsTooShort;
            results.Add(new ContaminationResult(team.OrganisationId, team.Name, b.Id, b.Name, labels, report.Unit, report.N, report.Items, @checked, report.Contaminated.Count,
                @checked == 0 ? 0 : (double)report.Contaminated.Count / @checked, [.. report.Contaminated.Select(c => new ContaminatedSealedItem(c.Id, c.Overlap, c.Documents))], now));
            progress.Report(results.Count, sealedBenchmarks.Count);
        }

        await db.WriteAsync(async (conn, tx) =>
        {
            foreach (var r in results)
            {
                await conn.ExecuteAsync("DELETE FROM lb_contamination WHERE phase_id = @phaseId AND organisation_id = @OrganisationId AND benchmark_id = @BenchmarkId", new { phaseId, r.OrganisationId, r.BenchmarkId }, tx).ConfigureAwait(false);
                await conn.ExecuteAsync(
                    "INSERT INTO lb_contamination (phase_id, organisation_id, benchmark_id, result, checked_by, checked_at) VALUES (@phaseId, @OrganisationId, @BenchmarkId, @result, @by, @CheckedAt)",
                    new { phaseId, r.OrganisationId, r.BenchmarkId, result = JsonSerializer.Serialize(r, s_json), by = job.CreatedBy, r.CheckedAt }, tx).ConfigureAwait(false);
            }

            await AuditLog.AppendAsync(conn, tx, now, req.Actor, "phase.corpora.checked", $"phase:{phaseId}", new { team = team.OrganisationId, corpora = labels, contaminated = results.Sum(r => r.Contaminated) }).ConfigureAwait(false);
            return 0;
        }, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Serialize(results, s_json);
    }

    /// <summary>Stored contamination results: every team's for operators (or once published, for everybody), a team's own for its members.</summary>
    public async Task<IReadOnlyList<ContaminationResult>> ContaminationAsync(HubUser? actor, long phaseId, long? organisationId)
    {
        var org = await VisibleOrganisationAsync(actor, phaseId, organisationId).ConfigureAwait(false);
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        return [.. (await conn.QueryAsync<string>("SELECT result FROM lb_contamination WHERE phase_id = @phaseId AND (@org IS NULL OR organisation_id = @org) ORDER BY organisation_id, benchmark_id", new { phaseId, org }).ConfigureAwait(false))
            .Select(r => JsonSerializer.Deserialize<ContaminationResult>(r, s_json)!)];
    }

    /// <summary>
    /// Whose stored per-team results (contamination, independence) an actor may read: every team's for operators, or
    /// for everybody once the phase is published (null = all); a team's own for its members.
    /// </summary>
    private async Task<long?> VisibleOrganisationAsync(HubUser? actor, long phaseId, long? organisationId)
    {
        var phase = await RequireAsync(phaseId).ConfigureAwait(false);
        if (phase.IsPublished)
        {
            return organisationId;
        }

        if (actor is null)
        {
            throw new HubException(HubErrorKind.Unauthenticated, $"phase {phaseId} is not published yet; sign in as a member of its teams or an operator.");
        }

        return RequireTeamActor(actor, phase, organisationId, allowAllForOperator: true)?.OrganisationId;
    }

    /// <summary>The result JSON with the stored contamination results and independence reports beside the standings.</summary>
    internal static string WithChecks(string resultJson, IReadOnlyList<ContaminationResult> contamination, IReadOnlyList<IndependenceResult> independence)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(resultJson)!.AsObject();
        node["contamination"] = JsonSerializer.SerializeToNode(contamination, s_json);
        node["independence"] = JsonSerializer.SerializeToNode(independence, s_json);
        return node.ToJsonString(s_json);
    }

    /// <summary>One line per team for the standings CSV: contaminated / checked sealed items over all sealed benchmarks, and the corpora.</summary>
    internal static (string Contaminated, string Corpora) ContaminationCells(IReadOnlyList<ContaminationResult> all, long organisationId)
    {
        var mine = all.Where(c => c.OrganisationId == organisationId).ToList();
        return mine.Count == 0
            ? ("", "")
            : (string.Create(CultureInfo.InvariantCulture, $"{mine.Sum(c => c.Contaminated)}/{mine.Sum(c => c.Checked)}"), string.Join(' ', mine.SelectMany(c => c.Corpora).Distinct(StringComparer.Ordinal)));
    }
}
