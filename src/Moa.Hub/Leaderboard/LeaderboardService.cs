using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Moa.Evaluation.Analysis;
using Moa.Evaluation.Leaderboard;
using Moa.Hub.Accounts;
using Moa.Hub.Audit;
using Moa.Hub.Storage;

namespace Moa.Hub.Leaderboard;

/// <summary>A team entered in a new phase with the models it declares.</summary>
public sealed record NewPhaseTeam(long OrganisationId, string Model, string ReferenceModel);

/// <summary>A benchmark of a new phase's suite.</summary>
public sealed record NewPhaseBenchmark(string Name, string Kind, double RandomBaseline, double? MaxScore = null, long? TeamOrganisationId = null, bool Sealed = false);

/// <summary>A weighted rubric item of a new phase.</summary>
public sealed record NewRubricItem(string Code, string Title, double Weight, double MaxPoints);

/// <summary>A new phase: name, timetable, criteria (default: the 2026 phase-1 scheme), elimination rule, suite, teams and rubric.</summary>
public sealed record NewPhase(
    string Name,
    int Year,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    int Eliminate,
    NewPhaseTeam[] Teams,
    NewPhaseBenchmark[] Benchmarks,
    NewRubricItem[] Rubric,
    PhaseCriterion[]? Criteria = null,
    int? Resamples = null,
    int? Seed = null,
    int? SealedPerDay = null,
    double? LadderStep = null);

/// <summary>
/// The phased evaluation: operators define a phase (criteria, suite, teams, rubric, timetable, elimination rule); teams
/// register <c>moa eval</c> runs of their model and reference model, submit predictions for sealed items, a technical
/// report and answers to battle prompts; assigned reviewers score reports blind; voters judge blind battles; the operator
/// publishes the ranking, which is recomputed from the stored raw data by <see cref="PhaseScoring"/>.
/// </summary>
public sealed partial class LeaderboardService(HubDatabase db, TimeProvider time, HubOptions? options = null) : IAsyncDisposable
{
    /// <summary>How long the battle path trusts its cached phase and answers when another hub process could change them.</summary>
    private const long CacheMilliseconds = 5_000;

    private readonly BattleTokens _tokens = new(options is null ? RandomNumberGenerator.GetBytes(32) : options.LinkSigningKey ?? Access.DownloadService.LoadOrCreateKey(options.DataDirectory));
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, (PhaseDetail Value, long At)> _phaseCache = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, (IReadOnlyList<BattlePrompt> Value, long At)> _poolCache = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(long Phase, long Voter), (long Value, long At)> _seqCache = new();
    private VoteBatcher? _votes;

    /// <summary>The group commit of votes (started with the first vote).</summary>
    internal VoteBatcher Votes => Volatile.Read(ref _votes) ?? StartVotes();

    internal static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<PhaseDetail> CreatePhaseAsync(HubUser actor, NewPhase req)
    {
        RequireOperator(actor, "define phases");
        ArgumentNullException.ThrowIfNull(req);
        if (string.IsNullOrWhiteSpace(req.Name) || req.Name.Length > 200)
        {
            throw HubException.Invalid("name: a phase needs a name of 1 to 200 characters.");
        }

        if (req.Year is < 2000 or > 2100)
        {
            throw HubException.Invalid($"year: {req.Year} is not a programme year (2000–2100).");
        }

        if (req.ClosesAt <= req.OpensAt)
        {
            throw HubException.Invalid("closesAt: the phase must close after it opens.");
        }

        HubException.NoNullItems(req.Teams, "teams");
        HubException.NoNullItems(req.Benchmarks, "benchmarks");
        HubException.NoNullItems(req.Rubric, "rubric");
        var criteria = req.Criteria ?? [.. PhaseRanking.Phase1Scheme];
        HubException.NoNullItems(criteria, "criteria");
        string[] known = [PhaseScoring.Benchmark, PhaseScoring.Expert, PhaseScoring.User];
        for (var i = 0; i < criteria.Length; i++)
        {
            if (!known.Contains(criteria[i].Name) || !(criteria[i].Points >= 0) || double.IsInfinity(criteria[i].Points))
            {
                throw HubException.Invalid($"criteria[{i}]: each criterion is one of {string.Join(", ", known)} with points >= 0.");
            }
        }

        if (criteria.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != criteria.Length || !criteria.Any(c => c.Points > 0))
        {
            throw HubException.Invalid("criteria: name each criterion once, and give at least one criterion points.");
        }

        if (req.Teams.Length < 2)
        {
            throw HubException.Invalid("teams: a phase ranks at least two teams.");
        }

        if (req.Eliminate < 0 || req.Eliminate >= req.Teams.Length)
        {
            throw HubException.Invalid($"eliminate: eliminate 0 to {req.Teams.Length - 1} of {req.Teams.Length} teams.");
        }

        if (req.Teams.Select(t => t.OrganisationId).Distinct().Count() != req.Teams.Length)
        {
            throw HubException.Invalid("teams: each organisation enters a phase once.");
        }

        for (var i = 0; i < req.Teams.Length; i++)
        {
            var t = req.Teams[i];
            if (string.IsNullOrWhiteSpace(t.Model) || string.IsNullOrWhiteSpace(t.ReferenceModel))
            {
                throw HubException.Invalid($"teams[{i}]: declare the team's model and its reference model (as run.json names them).");
            }
        }

        if (req.Benchmarks.Length == 0)
        {
            throw HubException.Invalid("benchmarks: the suite needs at least one benchmark.");
        }

        for (var i = 0; i < req.Benchmarks.Length; i++)
        {
            var b = req.Benchmarks[i];
            var max = b.MaxScore ?? 1;
            if (string.IsNullOrWhiteSpace(b.Name) || !BenchmarkKinds.All.Contains(b.Kind))
            {
                throw HubException.Invalid($"benchmarks[{i}]: each benchmark needs a name and a kind ({string.Join(", ", BenchmarkKinds.All)}).");
            }

            if (!(b.RandomBaseline >= 0) || !(max > b.RandomBaseline) || double.IsInfinity(max))
            {
                throw HubException.Invalid($"benchmarks[{i}]: randomBaseline must be >= 0 and below maxScore ({max}).");
            }

            if ((b.Kind == BenchmarkKinds.Team) != (b.TeamOrganisationId is not null) || (b.TeamOrganisationId is { } o && !req.Teams.Any(t => t.OrganisationId == o)))
            {
                throw HubException.Invalid($"benchmarks[{i}]: a team-chosen benchmark names one of the phase's teams in teamOrganisationId; other kinds name none.");
            }

            if (b.Sealed && b.Kind != BenchmarkKinds.Programme)
            {
                throw HubException.Invalid($"benchmarks[{i}]: only the programme benchmark has sealed items.");
            }
        }

        if (req.Benchmarks.Select(b => (b.Name, b.TeamOrganisationId)).Distinct().Count() != req.Benchmarks.Length)
        {
            throw HubException.Invalid("benchmarks: a benchmark appears once per team's suite.");
        }

        for (var i = 0; i < req.Rubric.Length; i++)
        {
            var x = req.Rubric[i];
            if (string.IsNullOrWhiteSpace(x.Code) || string.IsNullOrWhiteSpace(x.Title) || !(x.Weight > 0) || !(x.MaxPoints > 0) || double.IsInfinity(x.Weight) || double.IsInfinity(x.MaxPoints))
            {
                throw HubException.Invalid($"rubric[{i}]: each item needs a code, a title, a weight > 0 and maxPoints > 0.");
            }
        }

        if (req.Rubric.Select(x => x.Code).Distinct(StringComparer.Ordinal).Count() != req.Rubric.Length)
        {
            throw HubException.Invalid("rubric: item codes must be unique.");
        }

        var config = new PhaseConfig(criteria, req.Eliminate);
        config = config with
        {
            Resamples = req.Resamples ?? config.Resamples,
            Seed = req.Seed ?? config.Seed,
            SealedPerDay = req.SealedPerDay ?? config.SealedPerDay,
            LadderStep = req.LadderStep ?? config.LadderStep,
        };
        if (config.Resamples is < 100 or > 10_000 || config.SealedPerDay is < 1 or > 100 || !(config.LadderStep is > 0 and < 1))
        {
            throw HubException.Invalid("resamples 100–10000, sealedPerDay 1–100 and ladderStep in (0, 1) are accepted.");
        }

        var now = Now;
        var id = await db.WriteAsync(async (conn, tx) =>
        {
            if (await conn.ExecuteScalarAsync<long?>("SELECT id FROM lb_phases WHERE name = @Name", new { req.Name }, tx).ConfigureAwait(false) is { } existing)
            {
                throw HubException.Conflict($"name: a phase named '{req.Name}' exists (id {existing}).");
            }

            foreach (var t in req.Teams)
            {
                var kind = await conn.ExecuteScalarAsync<string?>("SELECT kind FROM organisations WHERE id = @OrganisationId", new { t.OrganisationId }, tx).ConfigureAwait(false);
                if (kind != "team")
                {
                    throw HubException.Invalid($"teams: organisation {t.OrganisationId} {(kind is null ? "does not exist" : "is not a model team")}.");
                }
            }

            var id = await conn.ExecuteScalarAsync<long>(
                "INSERT INTO lb_phases (name, year, config, opens_at, closes_at, state, created_by, created_at) VALUES (@name, @year, @config, @opens, @closes, @state, @by, @now) RETURNING id",
                new { name = req.Name.Trim(), year = req.Year, config = JsonSerializer.Serialize(config, s_json), opens = req.OpensAt.ToUnixTimeMilliseconds(), closes = req.ClosesAt.ToUnixTimeMilliseconds(), state = PhaseStates.Open, by = actor.Id, now }, tx).ConfigureAwait(false);
            foreach (var t in req.Teams)
            {
                await conn.ExecuteAsync("INSERT INTO lb_phase_teams (phase_id, organisation_id, model, reference_model) VALUES (@id, @OrganisationId, @Model, @ReferenceModel)",
                    new { id, t.OrganisationId, Model = t.Model.Trim(), ReferenceModel = t.ReferenceModel.Trim() }, tx).ConfigureAwait(false);
            }

            foreach (var b in req.Benchmarks)
            {
                await conn.ExecuteAsync("INSERT INTO lb_benchmarks (phase_id, name, kind, team_organisation_id, random_baseline, max_score, sealed) VALUES (@id, @Name, @Kind, @TeamOrganisationId, @RandomBaseline, @max, @sealed)",
                    new { id, Name = b.Name.Trim(), b.Kind, b.TeamOrganisationId, b.RandomBaseline, max = b.MaxScore ?? 1, @sealed = b.Sealed ? 1 : 0 }, tx).ConfigureAwait(false);
            }

            foreach (var x in req.Rubric)
            {
                await conn.ExecuteAsync("INSERT INTO lb_rubric (phase_id, code, title, weight, max_points) VALUES (@id, @Code, @Title, @Weight, @MaxPoints)", new { id, x.Code, x.Title, x.Weight, x.MaxPoints }, tx).ConfigureAwait(false);
            }

            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "phase.created", $"phase:{id}", new { req.Name, teams = req.Teams.Length, benchmarks = req.Benchmarks.Length, criteria, req.Eliminate }).ConfigureAwait(false);
            return id;
        }).ConfigureAwait(false);
        return (await GetAsync(id).ConfigureAwait(false))!;
    }

    public async Task<IReadOnlyList<PhaseRow>> ListAsync()
    {
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        return (await conn.QueryAsync<PhaseRow>("SELECT * FROM lb_phases ORDER BY id").ConfigureAwait(false)).AsList();
    }

    public async Task<PhaseDetail?> GetAsync(long id)
    {
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        return await GetAsync(conn, id, null).ConfigureAwait(false);
    }

    private static async Task<PhaseDetail?> GetAsync(DbConnection conn, long id, DbTransaction? tx)
    {
        var phase = await conn.QueryFirstOrDefaultAsync<PhaseRow>("SELECT * FROM lb_phases WHERE id = @id", new { id }, tx).ConfigureAwait(false);
        if (phase is null)
        {
            return null;
        }

        var teams = (await conn.QueryAsync<PhaseTeam>("SELECT t.phase_id, t.organisation_id, o.name, t.model, t.reference_model FROM lb_phase_teams t JOIN organisations o ON o.id = t.organisation_id WHERE t.phase_id = @id ORDER BY t.organisation_id", new { id }, tx).ConfigureAwait(false)).AsList();
        var benchmarks = (await conn.QueryAsync<PhaseBenchmark>("SELECT * FROM lb_benchmarks WHERE phase_id = @id ORDER BY id", new { id }, tx).ConfigureAwait(false)).AsList();
        var rubric = (await conn.QueryAsync<RubricItem>("SELECT * FROM lb_rubric WHERE phase_id = @id ORDER BY code", new { id }, tx).ConfigureAwait(false)).AsList();
        return new PhaseDetail(phase, JsonSerializer.Deserialize<PhaseConfig>(phase.Config, s_json)!, teams, benchmarks, rubric);
    }

    public async Task<PhaseDetail> RequireAsync(long id) =>
        await GetAsync(id).ConfigureAwait(false) ?? throw HubException.NotFound($"phase {id} does not exist.");

    /// <summary>
    /// Registers a <c>moa eval</c> run (its run.json and items.jsonl) of a team's model or declared reference model on a
    /// benchmark of the suite; checks it is well-formed and bound to that team, model and benchmark.
    /// </summary>
    public async Task<RunRow> RegisterRunAsync(HubUser actor, long phaseId, long benchmarkId, string role, long? organisationId, byte[] runJson, byte[] itemsJsonl)
    {
        var phase = await RequireAsync(phaseId).ConfigureAwait(false);
        var team = RequireTeamActor(actor, phase, organisationId);
        RequireWindow(phase);
        var bench = phase.Benchmarks.FirstOrDefault(b => b.Id == benchmarkId) ?? throw HubException.Invalid($"benchmarkId: {benchmarkId} is not a benchmark of phase {phaseId}.");
        if (bench.Sealed)
        {
            throw HubException.Invalid($"benchmarkId: {bench.Name} is sealed; its items are scored only in the hub (submit predictions to /sealed/{bench.Id}/submissions).");
        }

        if (bench.TeamOrganisationId is { } owner && owner != team.OrganisationId)
        {
            throw HubException.Invalid($"benchmarkId: {bench.Name} is another team's chosen benchmark.");
        }

        return await StoreRunAsync(actor.Id, actor.AuditName, phaseId, bench, team, role, runJson, itemsJsonl, "phase.run.registered", null).ConfigureAwait(false);
    }

    /// <summary>Checks a run (run.json, items.jsonl) against the team's declared model and the benchmark, and stores it with an audit entry.</summary>
    private async Task<RunRow> StoreRunAsync(long actorId, string auditName, long phaseId, PhaseBenchmark bench, PhaseTeam team, string role, byte[] runJson, byte[] itemsJsonl, string auditAction, long? jobId)
    {
        var benchmarkId = bench.Id;
        var expectedModel = RoleModel(team, role);
        EvaluationRun run;
        string hash;
        try
        {
            run = EvaluationRun.Parse(runJson, itemsJsonl, "upload", "run.json", "items.jsonl");
            hash = BenchmarkHash(runJson);
        }
        catch (MoaException ex)
        {
            throw HubException.Invalid(ex.Message);
        }

        if (run.Benchmark != bench.Name)
        {
            throw HubException.Invalid($"run.json: benchmark.name is '{run.Benchmark}', not '{bench.Name}' (benchmark {bench.Id} of this phase).");
        }

        if (run.Model != expectedModel)
        {
            throw HubException.Invalid($"run.json: model is '{run.Model}', but {team.Name} declared '{expectedModel}' as its {role} model for this phase.");
        }

        if (run.Items.Count == 0)
        {
            throw HubException.Invalid("items.jsonl: the run has no items.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < run.Items.Count; i++)
        {
            var item = run.Items[i];
            if (!seen.Add(item.Id))
            {
                throw HubException.Invalid($"items.jsonl line {i + 1}: item '{item.Id}' appears twice.");
            }

            if (!double.IsFinite(item.Score) || item.Score < 0 || item.Score > bench.MaxScore)
            {
                throw HubException.Invalid(string.Create(CultureInfo.InvariantCulture, $"items.jsonl line {i + 1}: item '{item.Id}' has score {item.Score}, outside [0, {bench.MaxScore}]."));
            }
        }

        var items = JsonSerializer.Serialize(new StoredItems([.. run.Items.Select(x => x.Id)], [.. run.Items.Select(x => x.Score)]), s_json);
        var sha = Convert.ToHexStringLower(SHA256.HashData([.. runJson, .. itemsJsonl]));
        var now = Now;
        return await db.WriteAsync(async (conn, tx) =>
        {
            var other = await conn.QueryFirstOrDefaultAsync<string?>("SELECT benchmark_hash FROM lb_runs WHERE benchmark_id = @benchmarkId AND benchmark_hash <> @hash", new { benchmarkId, hash }, tx).ConfigureAwait(false);
            if (other is not null)
            {
                throw HubException.Conflict($"run.json: benchmark.hash {hash} differs from {other} of the runs already registered on {bench.Name}; every run of a phase scores the same benchmark version.");
            }

            var id = await conn.ExecuteScalarAsync<long>(
                "INSERT INTO lb_runs (phase_id, benchmark_id, organisation_id, role, model, benchmark_hash, items, item_count, sha256, uploaded_by, uploaded_at) VALUES (@phaseId, @benchmarkId, @org, @role, @model, @hash, @items, @count, @sha, @by, @now) RETURNING id",
                new { phaseId, benchmarkId, org = team.OrganisationId, role, model = run.Model, hash, items, count = run.Items.Count, sha, by = actorId, now }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now, auditName, auditAction, $"phase:{phaseId}",
                jobId is null ? new { run = id, benchmark = bench.Name, team = team.OrganisationId, role, items = run.Items.Count, sha256 = sha }
                    : (object)new { run = id, benchmark = bench.Name, team = team.OrganisationId, role, items = run.Items.Count, sha256 = sha, job = jobId }).ConfigureAwait(false);
            return new RunRow { Id = id, BenchmarkId = benchmarkId, OrganisationId = team.OrganisationId, Role = role, Model = run.Model, BenchmarkHash = hash, ItemCount = run.Items.Count, Sha256 = sha, UploadedAt = now };
        }).ConfigureAwait(false);
    }

    /// <summary>Refuses early (before an upload is read) anybody who may not act for a team of the phase.</summary>
    public async Task RequireTeamActorAsync(HubUser actor, long phaseId, long? organisationId) =>
        RequireTeamActor(actor, await RequireAsync(phaseId).ConfigureAwait(false), organisationId);

    public async Task<IReadOnlyList<RunRow>> ListRunsAsync(HubUser actor, long phaseId, long? organisationId)
    {
        var phase = await RequireAsync(phaseId).ConfigureAwait(false);
        var team = RequireTeamActor(actor, phase, organisationId, allowAllForOperator: true);
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        return (await conn.QueryAsync<RunRow>(
            "SELECT id, benchmark_id, organisation_id, role, model, benchmark_hash, item_count, sha256, uploaded_at FROM lb_runs WHERE phase_id = @phaseId AND (@org IS NULL OR organisation_id = @org) ORDER BY id",
            new { phaseId, org = team?.OrganisationId }).ConfigureAwait(false)).AsList();
    }

    /// <summary>Stores the sealed items (id and answer) of a sealed benchmark; operators only, before any submission.</summary>
    public async Task<int> SetSealedItemsAsync(HubUser actor, long phaseId, long benchmarkId, IReadOnlyList<SealedItem> items)
    {
        RequireOperator(actor, "store sealed items");
        HubException.NoNullItems(items, "items");
        var phase = await RequireAsync(phaseId).ConfigureAwait(false);
        RequireNotPublished(phase);
        var bench = phase.Benchmarks.FirstOrDefault(b => b.Id == benchmarkId && b.Sealed) ?? throw HubException.NotFound($"phase {phaseId} has no sealed benchmark {benchmarkId}.");
        if (items.Count == 0)
        {
            throw HubException.Invalid("items: give at least one sealed item.");
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(items[i].Id) || items[i].Answer is null || items[i].Id.Length > 200)
            {
                throw HubException.Invalid($"items[{i}]: each sealed item needs an id (up to 200 characters) and an answer.");
            }
        }

        if (items.Select(x => x.Id).Distinct(StringComparer.Ordinal).Count() != items.Count)
        {
            throw HubException.Invalid("items: sealed item ids must be unique.");
        }

        var now = Now;
        return await db.WriteAsync(async (conn, tx) =>
        {
            if (await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM lb_sealed_submissions WHERE benchmark_id = @benchmarkId", new { benchmarkId }, tx).ConfigureAwait(false) > 0)
            {
                throw HubException.Conflict($"{bench.Name}: teams have submitted predictions; the sealed items can no longer change.");
            }

            await conn.ExecuteAsync("DELETE FROM lb_sealed_items WHERE benchmark_id = @benchmarkId", new { benchmarkId }, tx).ConfigureAwait(false);
            foreach (var x in items)
            {
                await conn.ExecuteAsync("INSERT INTO lb_sealed_items (benchmark_id, item_id, answer, text) VALUES (@benchmarkId, @Id, @Answer, @Text)", new { benchmarkId, x.Id, Answer = x.Answer.Trim(), x.Text }, tx).ConfigureAwait(false);
            }

            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "phase.sealed.items", $"phase:{phaseId}", new { benchmark = bench.Name, items = items.Count }).ConfigureAwait(false);
            return items.Count;
        }).ConfigureAwait(false);
    }

    /// <summary>The sealed ids a team must answer (never the answers).</summary>
    public async Task<IReadOnlyList<string>> SealedIdsAsync(HubUser actor, long phaseId, long benchmarkId)
    {
        var phase = await RequireAsync(phaseId).ConfigureAwait(false);
        RequireTeamActor(actor, phase, null, allowAllForOperator: true);
        _ = phase.Benchmarks.FirstOrDefault(b => b.Id == benchmarkId && b.Sealed) ?? throw HubException.NotFound($"phase {phaseId} has no sealed benchmark {benchmarkId}.");
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        return (await conn.QueryAsync<string>("SELECT item_id FROM lb_sealed_items WHERE benchmark_id = @benchmarkId ORDER BY item_id", new { benchmarkId }).ConfigureAwait(false)).AsList();
    }

    /// <summary>
    /// Scores a team's predictions for the sealed items in the hub. Rate-limited per team, role and day; the team sees the
    /// Ladder's score (Blum and Hardt 2015) over all its submissions of that role, never the true score of this one.
    /// </summary>
    public async Task<SealedFeedback> SubmitSealedAsync(HubUser actor, long phaseId, long benchmarkId, string role, IReadOnlyDictionary<string, string> predictions)
    {
        var phase = await RequireAsync(phaseId).ConfigureAwait(false);
        var team = RequireTeamActor(actor, phase, null);
        RoleModel(team, role);
        RequireWindow(phase);
        var bench = phase.Benchmarks.FirstOrDefault(b => b.Id == benchmarkId && b.Sealed) ?? throw HubException.NotFound($"phase {phaseId} has no sealed benchmark {benchmarkId}.");
        if (predictions is null || predictions.Count == 0)
        {
            throw HubException.Invalid("predictions: give an answer for each sealed item id, as an object {\"id\": \"answer\"}.");
        }

        var now = Now;
        return await db.WriteAsync(async (conn, tx) =>
        {
            var answers = await SealedAnswersAsync(conn, tx, benchmarkId).ConfigureAwait(false);
            if (answers.Count == 0)
            {
                throw HubException.Conflict($"{bench.Name}: the operator has not stored the sealed items yet.");
            }

            var unknown = predictions.Keys.FirstOrDefault(k => !answers.ContainsKey(k));
            if (unknown is not null)
            {
                throw HubException.Invalid($"predictions: '{unknown}' is not a sealed item id of {bench.Name}.");
            }

            var missing = answers.Keys.Count(k => !predictions.ContainsKey(k));
            if (missing > 0 || predictions.Values.Any(v => v is null))
            {
                throw HubException.Invalid($"predictions: {missing} sealed item(s) have no answer; answer all {answers.Count}.");
            }

            var since = now - (long)TimeSpan.FromDays(1).TotalMilliseconds;
            var recent = await conn.QueryAsync<long>("SELECT submitted_at FROM lb_sealed_submissions WHERE benchmark_id = @benchmarkId AND organisation_id = @org AND role = @role AND submitted_at > @since ORDER BY submitted_at",
                new { benchmarkId, org = team.OrganisationId, role, since }, tx).ConfigureAwait(false);
            var recentList = recent.AsList();
            if (recentList.Count >= phase.Config.SealedPerDay)
            {
                var next = DateTimeOffset.FromUnixTimeMilliseconds(recentList[0] + (long)TimeSpan.FromDays(1).TotalMilliseconds);
                throw new HubException(HubErrorKind.TooManyRequests, $"{bench.Name}: {phase.Config.SealedPerDay} sealed submissions per day are allowed; the next is possible at {next:yyyy-MM-dd HH:mm} UTC.");
            }

            var id = await conn.ExecuteScalarAsync<long>(
                "INSERT INTO lb_sealed_submissions (benchmark_id, organisation_id, role, predictions, submitted_by, submitted_at) VALUES (@benchmarkId, @org, @role, @p, @by, @now) RETURNING id",
                new { benchmarkId, org = team.OrganisationId, role, p = JsonSerializer.Serialize(new SortedDictionary<string, string>(predictions.ToDictionary(x => x.Key, x => x.Value), StringComparer.Ordinal), s_json), by = actor.Id, now }, tx).ConfigureAwait(false);
            var shown = await LadderAsync(conn, tx, benchmarkId, team.OrganisationId, role, phase.Config.LadderStep, answers).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "phase.sealed.submitted", $"phase:{phaseId}", new { submission = id, benchmark = bench.Name, team = team.OrganisationId, role }).ConfigureAwait(false);
            return new SealedFeedback(id, role, shown, answers.Count, phase.Config.SealedPerDay - recentList.Count - 1);
        }).ConfigureAwait(false);
    }

    /// <summary>The score a team is shown for its sealed submissions of a role: the Ladder replayed over them in order.</summary>
    private static async Task<double> LadderAsync(DbConnection conn, DbTransaction? tx, long benchmarkId, long org, string role, double step, Dictionary<string, string> answers)
    {
        var ladder = new Ladder(step);
        var shown = double.NaN;
        foreach (var p in await conn.QueryAsync<string>("SELECT predictions FROM lb_sealed_submissions WHERE benchmark_id = @benchmarkId AND organisation_id = @org AND role = @role ORDER BY id", new { benchmarkId, org, role }, tx).ConfigureAwait(false))
        {
            var (_, scores) = ScoreSealed(p, answers);
            shown = ladder.Submit(scores.Average());
        }

        return shown;
    }

    /// <summary>Per-item 0/1 scores of stored predictions against the sealed answers (ordinal, case-insensitive, trimmed), in id order.</summary>
    private static (string[] Ids, double[] Scores) ScoreSealed(string predictionsJson, Dictionary<string, string> answers)
    {
        var predictions = JsonSerializer.Deserialize<Dictionary<string, string>>(predictionsJson, s_json)!;
        var ids = answers.Keys.Order(StringComparer.Ordinal).ToArray();
        var scores = ids.Select(id => predictions.TryGetValue(id, out var p) && string.Equals(p.Trim(), answers[id], StringComparison.OrdinalIgnoreCase) ? 1.0 : 0.0).ToArray();
        return (ids, scores);
    }

    private static async Task<Dictionary<string, string>> SealedAnswersAsync(DbConnection conn, DbTransaction? tx, long benchmarkId) =>
        (await conn.QueryAsync<(string ItemId, string Answer)>("SELECT item_id, answer FROM lb_sealed_items WHERE benchmark_id = @benchmarkId", new { benchmarkId }, tx).ConfigureAwait(false))
            .ToDictionary(x => x.ItemId, x => x.Answer, StringComparer.Ordinal);

    /// <summary>A team's technical report (plain text or Markdown) for the expert review; replaces an earlier one.</summary>
    public async Task<string> SubmitReportAsync(HubUser actor, long phaseId, string title, string body)
    {
        var phase = await RequireAsync(phaseId).ConfigureAwait(false);
        var team = RequireTeamActor(actor, phase, null);
        RequireWindow(phase);
        if (string.IsNullOrWhiteSpace(title) || title.Length > 300 || string.IsNullOrWhiteSpace(body))
        {
            throw HubException.Invalid("title, body: a report needs a title (up to 300 characters) and a body.");
        }

        var now = Now;
        return await db.WriteAsync(async (conn, tx) =>
        {
            var code = await conn.ExecuteScalarAsync<string?>("SELECT blind_code FROM lb_reports WHERE phase_id = @phaseId AND organisation_id = @org", new { phaseId, org = team.OrganisationId }, tx).ConfigureAwait(false);
            if (code is null)
            {
                code = "R-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
                await conn.ExecuteAsync("INSERT INTO lb_reports (phase_id, organisation_id, blind_code, title, body, submitted_at) VALUES (@phaseId, @org, @code, @title, @body, @now)",
                    new { phaseId, org = team.OrganisationId, code, title, body, now }, tx).ConfigureAwait(false);
            }
            else
            {
                await conn.ExecuteAsync("UPDATE lb_reports SET title = @title, body = @body, submitted_at = @now WHERE phase_id = @phaseId AND organisation_id = @org",
                    new { phaseId, org = team.OrganisationId, title, body, now }, tx).ConfigureAwait(false);
            }

            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "phase.report.submitted", $"phase:{phaseId}", new { team = team.OrganisationId, code }).ConfigureAwait(false);
            return code;
        }).ConfigureAwait(false);
    }

    /// <summary>Assigns a reviewer to a team's report; the reviewer sees only its blind code. Nobody reviews their own organisation.</summary>
    public async Task AssignReviewerAsync(HubUser actor, long phaseId, long reviewerId, long organisationId)
    {
        RequireOperator(actor, "assign reviewers");
        var phase = await RequireAsync(phaseId).ConfigureAwait(false);
        RequireNotPublished(phase);
        if (phase.Teams.All(t => t.OrganisationId != organisationId))
        {
            throw HubException.Invalid($"organisationId: {organisationId} is not a team of phase {phaseId}.");
        }

        var now = Now;
        await db.WriteAsync(async (conn, tx) =>
        {
            var reviewer = await conn.QueryFirstOrDefaultAsync<UserRow>("SELECT * FROM users WHERE id = @reviewerId", new { reviewerId }, tx).ConfigureAwait(false)
                ?? throw HubException.Invalid($"reviewerId: user {reviewerId} does not exist.");
            if (reviewer.OrganisationId is { } o && phase.Teams.Any(t => t.OrganisationId == o))
            {
                throw HubException.Invalid($"reviewerId: {reviewer.Email} belongs to a team of this phase and cannot review.");
            }

            await conn.ExecuteAsync("INSERT INTO lb_assignments (phase_id, reviewer_id, organisation_id) VALUES (@phaseId, @reviewerId, @organisationId) ON CONFLICT DO NOTHING", new { phaseId, reviewerId, organisationId }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "phase.reviewer.assigned", $"phase:{phaseId}", new { reviewer = reviewerId, team = organisationId }).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
    }

    /// <summary>The reports assigned to a reviewer (blind codes only) with the scores entered so far.</summary>
    public async Task<IReadOnlyList<ReviewView>> ReviewsAsync(HubUser actor, long phaseId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await RequireAsync(phaseId).ConfigureAwait(false);
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        var reports = (await conn.QueryAsync<(long Org, string Code, string Title, string Body)>(
            "SELECT r.organisation_id, r.blind_code, r.title, r.body FROM lb_assignments a JOIN lb_reports r ON r.phase_id = a.phase_id AND r.organisation_id = a.organisation_id WHERE a.phase_id = @phaseId AND a.reviewer_id = @Id ORDER BY r.blind_code",
            new { phaseId, actor.Id }).ConfigureAwait(false)).AsList();
        var assigned = await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM lb_assignments WHERE phase_id = @phaseId AND reviewer_id = @Id", new { phaseId, actor.Id }).ConfigureAwait(false);
        if (assigned == 0)
        {
            throw HubException.Forbidden($"you are not a reviewer of phase {phaseId}.");
        }

        var scores = (await conn.QueryAsync<(long Org, string Code, double Value)>("SELECT organisation_id, item_code, value FROM lb_review_scores WHERE phase_id = @phaseId AND reviewer_id = @Id", new { phaseId, actor.Id }).ConfigureAwait(false)).AsList();
        return [.. reports.Select(r => new ReviewView(r.Code, r.Title, r.Body, scores.Where(s => s.Org == r.Org).ToDictionary(s => s.Code, s => s.Value, StringComparer.Ordinal)))];
    }

    /// <summary>Records a reviewer's rubric scores for the report with blind code <paramref name="code"/> (each within the item's points).</summary>
    public async Task ScoreReportAsync(HubUser actor, long phaseId, string code, IReadOnlyDictionary<string, double> scores)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var phase = await RequireAsync(phaseId).ConfigureAwait(false);
        RequireWindow(phase);
        await using (var conn = await db.OpenAsync().ConfigureAwait(false))
        {
            if (await conn.ExecuteScalarAsync<long?>(
                "SELECT r.organisation_id FROM lb_reports r JOIN lb_assignments a ON a.phase_id = r.phase_id AND a.organisation_id = r.organisation_id WHERE r.phase_id = @phaseId AND r.blind_code = @code AND a.reviewer_id = @Id",
                new { phaseId, code, actor.Id }).ConfigureAwait(false) is null)
            {
                throw HubException.Forbidden($"report {code} is not assigned to you in phase {phaseId}.");
            }
        }

        if (scores is null || scores.Count == 0)
        {
            throw HubException.Invalid("scores: give rubric item codes and points, e.g. {\"method\": 4}.");
        }

        foreach (var (item, value) in scores)
        {
            var r = phase.Rubric.FirstOrDefault(x => x.Code == item) ?? throw HubException.Invalid($"scores: '{item}' is not a rubric item ({string.Join(", ", phase.Rubric.Select(x => x.Code))}).");
            if (!(value >= 0 && value <= r.MaxPoints))
            {
                throw HubException.Invalid(string.Create(CultureInfo.InvariantCulture, $"scores.{item}: {value} is outside 0–{r.MaxPoints}."));
            }
        }

        var now = Now;
        await db.WriteAsync(async (conn, tx) =>
        {
            var org = await conn.ExecuteScalarAsync<long?>(
                "SELECT r.organisation_id FROM lb_reports r JOIN lb_assignments a ON a.phase_id = r.phase_id AND a.organisation_id = r.organisation_id WHERE r.phase_id = @phaseId AND r.blind_code = @code AND a.reviewer_id = @Id",
                new { phaseId, code, actor.Id }, tx).ConfigureAwait(false) ?? throw HubException.Forbidden($"report {code} is not assigned to you in phase {phaseId}.");
            foreach (var (item, value) in scores)
            {
                await conn.ExecuteAsync("DELETE FROM lb_review_scores WHERE phase_id = @phaseId AND reviewer_id = @Id AND organisation_id = @org AND item_code = @item", new { phaseId, actor.Id, org, item }, tx).ConfigureAwait(false);
                await conn.ExecuteAsync("INSERT INTO lb_review_scores (phase_id, reviewer_id, organisation_id, item_code, value, entered_at) VALUES (@phaseId, @Id, @org, @item, @value, @now)", new { phaseId, actor.Id, org, item, value, now }, tx).ConfigureAwait(false);
            }

            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "phase.review.scored", $"phase:{phaseId}", new { code, items = scores.Count }).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
    }

    /// <summary>Adds battle prompts (operators); teams then answer them.</summary>
    public async Task<IReadOnlyList<long>> AddPromptsAsync(HubUser actor, long phaseId, IReadOnlyList<string> prompts)
    {
        RequireOperator(actor, "add battle prompts");
        HubException.NoNullItems(prompts, "prompts");
        var phase = await RequireAsync(phaseId).ConfigureAwait(false);
        RequireNotPublished(phase);
        if (prompts.Count == 0 || prompts.Any(string.IsNullOrWhiteSpace))
        {
            throw HubException.Invalid("prompts: give at least one non-empty prompt.");
        }

        var now = Now;
        var added = await db.WriteAsync(async (conn, tx) =>
        {
            var ids = new List<long>();
            foreach (var p in prompts)
            {
                ids.Add(await conn.ExecuteScalarAsync<long>("INSERT INTO lb_prompts (phase_id, prompt) VALUES (@phaseId, @p) RETURNING id", new { phaseId, p }, tx).ConfigureAwait(false));
            }

            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "phase.prompts.added", $"phase:{phaseId}", new { prompts = prompts.Count }).ConfigureAwait(false);
            return (IReadOnlyList<long>)ids;
        }).ConfigureAwait(false);
        InvalidateCaches(phaseId);
        return added;
    }

    public async Task<IReadOnlyList<(long Id, string Prompt)>> PromptsAsync(long phaseId)
    {
        await RequireAsync(phaseId).ConfigureAwait(false);
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        return (await conn.QueryAsync<(long, string)>("SELECT id, prompt FROM lb_prompts WHERE phase_id = @phaseId ORDER BY id", new { phaseId }).ConfigureAwait(false)).AsList();
    }

    /// <summary>A team's answers to battle prompts (its model's outputs); replaces earlier answers to the same prompts.</summary>
    public async Task<int> SubmitAnswersAsync(HubUser actor, long phaseId, IReadOnlyList<PromptAnswer> answers)
    {
        HubException.NoNullItems(answers, "answers");
        var phase = await RequireAsync(phaseId).ConfigureAwait(false);
        var team = RequireTeamActor(actor, phase, null);
        RequireWindow(phase);
        if (answers.Count == 0 || answers.Any(a => string.IsNullOrWhiteSpace(a.Answer)))
        {
            throw HubException.Invalid("answers: give at least one non-empty answer.");
        }

        var now = Now;
        var count = await db.WriteAsync(async (conn, tx) =>
        {
            foreach (var a in answers)
            {
                if (await conn.ExecuteScalarAsync<long?>("SELECT id FROM lb_prompts WHERE id = @PromptId AND phase_id = @phaseId", new { a.PromptId, phaseId }, tx).ConfigureAwait(false) is null)
                {
                    throw HubException.Invalid($"answers: prompt {a.PromptId} is not a prompt of phase {phaseId}.");
                }

                await conn.ExecuteAsync("DELETE FROM lb_answers WHERE prompt_id = @PromptId AND organisation_id = @org", new { a.PromptId, org = team.OrganisationId }, tx).ConfigureAwait(false);
                await conn.ExecuteAsync("INSERT INTO lb_answers (prompt_id, organisation_id, answer) VALUES (@PromptId, @org, @Answer)", new { a.PromptId, org = team.OrganisationId, a.Answer }, tx).ConfigureAwait(false);
            }

            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "phase.answers.submitted", $"phase:{phaseId}", new { team = team.OrganisationId, answers = answers.Count }).ConfigureAwait(false);
            return answers.Count;
        }).ConfigureAwait(false);
        InvalidateCaches(phaseId);
        return count;
    }

    /// <summary>
    /// The voter's current battle: a prompt two teams answered, their answers in an order the voter cannot see, without
    /// names. Assigned without a database write: the assignment is fixed by the voter's battle number (so a reload shows
    /// the same battle) and sealed in the returned token (<see cref="BattleTokens"/>). Members of the phase's teams do not vote.
    /// </summary>
    public async Task<BattleView> BattleAsync(HubUser voter, long phaseId)
    {
        var phase = await CachedPhaseAsync(phaseId).ConfigureAwait(false);
        RequireVoter(voter, phase);
        RequireWindow(phase);
        var pool = await BattlePoolAsync(phaseId).ConfigureAwait(false);
        if (pool.Count == 0)
        {
            throw HubException.Conflict($"phase {phaseId} has no prompt that two teams have answered yet; try again later.");
        }

        // The voter's battle number: cached (a vote stored here advances it) so that the page reads nothing from the database.
        var key = (phaseId, voter.Id);
        long seq;
        if (_seqCache.TryGetValue(key, out var known) && Environment.TickCount64 - known.At < CacheMilliseconds)
        {
            seq = known.Value;
        }
        else
        {
            await using var conn = await db.OpenAsync().ConfigureAwait(false);
            seq = await conn.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(battle_seq), -1) + 1 FROM lb_battles WHERE phase_id = @phaseId AND voter_id = @Id", new { phaseId, voter.Id }).ConfigureAwait(false);
            _seqCache[key] = (seq, Environment.TickCount64);
        }

        var (promptDraw, firstDraw, secondDraw) = _tokens.Draw(phaseId, voter.Id, seq);
        var p = pool[(int)(promptDraw % (ulong)pool.Count)];
        var i = (int)(firstDraw % (ulong)p.Organisations.Length);
        var j = (int)(secondDraw % (ulong)(p.Organisations.Length - 1));
        j += j >= i ? 1 : 0;
        var (a, b) = (p.Organisations[i], p.Organisations[j]);
        var token = _tokens.Seal(new BattleTicket(phaseId, voter.Id, seq, p.Id, a, b));
        return new BattleView(token, p.Prompt, p.Answers[a], p.Answers[b]);
    }

    /// <summary>
    /// Records a vote (a, b or tie) and optional absolute ratings (1–5) of each answer on the battle a token seals: one
    /// insert, committed with other votes that arrive together (<see cref="VoteBatcher"/>), refused (409) when the voter
    /// has voted on that battle already; a changed or foreign token is refused (400); a full vote queue answers 503.
    /// </summary>
    public async Task VoteAsync(HubUser voter, long phaseId, string token, string choice, int? ratingA, int? ratingB)
    {
        var phase = await CachedPhaseAsync(phaseId).ConfigureAwait(false);
        RequireVoter(voter, phase);
        RequireWindow(phase);
        var outcome = choice switch
        {
            "a" => nameof(BattleOutcome.AWins),
            "b" => nameof(BattleOutcome.BWins),
            "tie" => nameof(BattleOutcome.Tie),
            _ => throw HubException.Invalid($"choice: '{choice}' is not a vote; use a, b or tie."),
        };
        if (ratingA is < 1 or > 5 || ratingB is < 1 or > 5)
        {
            throw HubException.Invalid("ratingA, ratingB: absolute ratings are 1 to 5.");
        }

        var t = _tokens.Open(token) ?? throw HubException.Invalid("token: the battle token is not valid (changed, cut short or not issued by this hub); load the battle page again.");
        if (t.PhaseId != phaseId)
        {
            throw HubException.Invalid($"token: the battle token belongs to phase {t.PhaseId}, not {phaseId}.");
        }

        if (t.VoterId != voter.Id)
        {
            throw HubException.Forbidden("token: this battle was given to another voter.");
        }

        var inserted = await Votes.SubmitAsync(new PendingVote(phaseId, t.PromptId, t.OrganisationA, t.OrganisationB, t.VoterId, t.Seq, outcome, ratingA, ratingB, Now)).ConfigureAwait(false);
        if (inserted)
        {
            _seqCache.AddOrUpdate((phaseId, voter.Id), (t.Seq + 1, Environment.TickCount64), (_, old) => (Math.Max(old.Value, t.Seq + 1), Environment.TickCount64));
        }
        else
        {
            _seqCache.TryRemove((phaseId, voter.Id), out _);
            InvalidateCaches(phaseId);
            await using var conn = await db.OpenAsync().ConfigureAwait(false);
            var state = await conn.ExecuteScalarAsync<string?>("SELECT state FROM lb_phases WHERE id = @phaseId", new { phaseId }).ConfigureAwait(false);
            throw HubException.Conflict(state == PhaseStates.Open ? "token: you have voted on this battle already; load the battle page for the next one." : $"phase {phaseId} is published; its data can no longer change.");
        }
    }

    private VoteBatcher StartVotes()
    {
        var batcher = new VoteBatcher(db);
        if (Interlocked.CompareExchange(ref _votes, batcher, null) is { } other)
        {
            _ = batcher.DisposeAsync().AsTask();
            return other;
        }

        return batcher;
    }

    /// <summary>Group commits of votes so far: transactions and the votes they held.</summary>
    public (long Batches, long Votes) VoteBatches => Volatile.Read(ref _votes) is { } b ? (b.Batches, b.Votes) : (0, 0);

    /// <summary>Stores the votes still queued and stops the vote writer (the hub's services are disposed when it stops).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _votes, null) is { } batcher)
        {
            await batcher.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Replaces the vote batcher (tests: a small queue); returns the one it replaced.</summary>
    internal VoteBatcher? UseVoteBatcher(VoteBatcher? batcher) => Interlocked.Exchange(ref _votes, batcher);

    /// <summary>The phase as the battle page and votes need it, cached for a few seconds (a publish here clears it at once).</summary>
    private async Task<PhaseDetail> CachedPhaseAsync(long phaseId)
    {
        if (_phaseCache.TryGetValue(phaseId, out var hit) && Environment.TickCount64 - hit.At < CacheMilliseconds)
        {
            return hit.Value;
        }

        var phase = await RequireAsync(phaseId).ConfigureAwait(false);
        _phaseCache[phaseId] = (phase, Environment.TickCount64);
        return phase;
    }

    /// <summary>The prompts that at least two of the phase's teams answered, with the answers; cached like the phase.</summary>
    private async Task<IReadOnlyList<BattlePrompt>> BattlePoolAsync(long phaseId)
    {
        if (_poolCache.TryGetValue(phaseId, out var hit) && Environment.TickCount64 - hit.At < CacheMilliseconds)
        {
            return hit.Value;
        }

        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        var rows = await conn.QueryAsync<(long PromptId, string Prompt, long Org, string Answer)>(
            "SELECT p.id, p.prompt, a.organisation_id, a.answer FROM lb_answers a JOIN lb_prompts p ON p.id = a.prompt_id JOIN lb_phase_teams t ON t.phase_id = p.phase_id AND t.organisation_id = a.organisation_id WHERE p.phase_id = @phaseId ORDER BY p.id, a.organisation_id",
            new { phaseId }).ConfigureAwait(false);
        IReadOnlyList<BattlePrompt> pool = [.. rows.GroupBy(r => r.PromptId).Where(g => g.Count() >= 2)
            .Select(g => new BattlePrompt(g.Key, g.First().Prompt, [.. g.Select(r => r.Org)], g.ToDictionary(r => r.Org, r => r.Answer)))];
        _poolCache[phaseId] = (pool, Environment.TickCount64);
        return pool;
    }

    private void InvalidateCaches(long phaseId)
    {
        _phaseCache.TryRemove(phaseId, out _);
        _poolCache.TryRemove(phaseId, out _);
    }

    private sealed record BattlePrompt(long Id, string Prompt, long[] Organisations, Dictionary<long, string> Answers);

    /// <summary>Loads a phase's raw data for <see cref="PhaseScoring"/>.</summary>
    public async Task<ScoringInput> LoadInputAsync(long phaseId)
    {
        var phase = await RequireAsync(phaseId).ConfigureAwait(false);
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        var runs = new List<ScoringRun>();
        foreach (var r in await conn.QueryAsync<(long BenchmarkId, long Org, string Role, string Items)>("SELECT benchmark_id, organisation_id, role, items FROM lb_runs WHERE phase_id = @phaseId ORDER BY id", new { phaseId }).ConfigureAwait(false))
        {
            var items = JsonSerializer.Deserialize<StoredItems>(r.Items, s_json)!;
            runs.Add(new ScoringRun(r.BenchmarkId, r.Org, r.Role, items.Ids, items.Scores));
        }

        foreach (var b in phase.Benchmarks.Where(b => b.Sealed))
        {
            var answers = await SealedAnswersAsync(conn, null, b.Id).ConfigureAwait(false);
            foreach (var s in await conn.QueryAsync<(long Org, string Role, string Predictions)>("SELECT organisation_id, role, predictions FROM lb_sealed_submissions WHERE benchmark_id = @Id ORDER BY id", new { b.Id }).ConfigureAwait(false))
            {
                var (ids, scores) = ScoreSealed(s.Predictions, answers);
                runs.Add(new ScoringRun(b.Id, s.Org, s.Role, ids, scores));
            }
        }

        var reviews = (await conn.QueryAsync<ScoringReview>(
            "SELECT s.reviewer_id, s.organisation_id, s.item_code, s.value FROM lb_review_scores s JOIN lb_assignments a ON a.phase_id = s.phase_id AND a.reviewer_id = s.reviewer_id AND a.organisation_id = s.organisation_id WHERE s.phase_id = @phaseId ORDER BY s.organisation_id, s.reviewer_id, s.item_code",
            new { phaseId }).ConfigureAwait(false)).AsList();
        var battles = new List<ScoringBattle>();
        var ratings = new List<ScoringRating>();
        foreach (var b in await conn.QueryAsync<(long A, long B, string Outcome, string AnswerA, string AnswerB, int? RatingA, int? RatingB)>(
            "SELECT b.organisation_a, b.organisation_b, b.outcome, aa.answer, ab.answer, b.rating_a, b.rating_b FROM lb_battles b "
            + "JOIN lb_answers aa ON aa.prompt_id = b.prompt_id AND aa.organisation_id = b.organisation_a JOIN lb_answers ab ON ab.prompt_id = b.prompt_id AND ab.organisation_id = b.organisation_b "
            + "WHERE b.phase_id = @phaseId AND b.outcome IS NOT NULL ORDER BY b.id", new { phaseId }).ConfigureAwait(false))
        {
            battles.Add(new ScoringBattle(b.A, b.B, Enum.Parse<BattleOutcome>(b.Outcome), b.AnswerA.Length, b.AnswerB.Length));
            if (b.RatingA is { } ra)
            {
                ratings.Add(new ScoringRating(b.A, ra));
            }

            if (b.RatingB is { } rb)
            {
                ratings.Add(new ScoringRating(b.B, rb));
            }
        }

        return new ScoringInput(phaseId, phase.Phase.Name, phase.Config,
            [.. phase.Teams.Select(t => new ScoringTeam(t.OrganisationId, t.Name, t.Model, t.ReferenceModel))],
            phase.Benchmarks, phase.Rubric, runs, reviews, battles, ratings);
    }

    /// <summary>Recomputes the phase's result from the stored raw data; a 409 lists what is missing.</summary>
    public async Task<PhaseResult> ComputeAsync(long phaseId)
    {
        var input = await LoadInputAsync(phaseId).ConfigureAwait(false);
        try
        {
            return PhaseScoring.Compute(input);
        }
        catch (PhaseIncompleteException ex)
        {
            throw HubException.Conflict(ex.Message);
        }
    }

    /// <summary>The result as the export writes it (JSON): identical bytes for identical raw data.</summary>
    public static string ResultJson(PhaseResult result) => JsonSerializer.Serialize(result, s_json);

    /// <summary>Computes and freezes the ranking; from then on it is public and the phase takes no more data.</summary>
    public async Task<string> PublishAsync(HubUser actor, long phaseId)
    {
        RequireOperator(actor, "publish a phase");
        var phase = await RequireAsync(phaseId).ConfigureAwait(false);
        RequireNotPublished(phase);
        var json = ResultJson(await ComputeAsync(phaseId).ConfigureAwait(false));
        var now = Now;
        await db.WriteAsync(async (conn, tx) =>
        {
            var n = await conn.ExecuteAsync("UPDATE lb_phases SET state = @state, published_at = @now, published_result = @json WHERE id = @phaseId AND state = @open",
                new { state = PhaseStates.Published, now, json, phaseId, open = PhaseStates.Open }, tx).ConfigureAwait(false);
            if (n == 0)
            {
                throw HubException.Conflict($"phase {phaseId} was published already.");
            }

            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "phase.published", $"phase:{phaseId}", new { sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))) }).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
        InvalidateCaches(phaseId);
        return json;
    }

    /// <summary>The result JSON a user may see: the published one for everybody, a live recomputation for operators before.</summary>
    public async Task<string> VisibleResultAsync(HubUser? user, long phaseId)
    {
        var phase = await RequireAsync(phaseId).ConfigureAwait(false);
        if (phase.Phase.PublishedResult is { } published)
        {
            return published;
        }

        if (user is null)
        {
            throw new HubException(HubErrorKind.Unauthenticated, $"phase {phaseId} is not published yet; its ranking is not public.");
        }

        if (!user.IsOperator)
        {
            throw HubException.Forbidden($"phase {phaseId} is not published yet; only operators see its ranking.");
        }

        return ResultJson(await ComputeAsync(phaseId).ConfigureAwait(false));
    }

    /// <summary>A team's own view: its runs, its per-benchmark shares when computable, and its sealed feedback.</summary>
    public async Task<TeamView> TeamViewAsync(HubUser actor, long phaseId, long? organisationId)
    {
        var phase = await RequireAsync(phaseId).ConfigureAwait(false);
        var team = RequireTeamActor(actor, phase, organisationId);
        var runs = await ListRunsAsync(actor, phaseId, team.OrganisationId).ConfigureAwait(false);
        var sealedFeedback = new List<SealedFeedback>();
        await using (var conn = await db.OpenAsync().ConfigureAwait(false))
        {
            foreach (var b in phase.Benchmarks.Where(b => b.Sealed))
            {
                var answers = await SealedAnswersAsync(conn, null, b.Id).ConfigureAwait(false);
                foreach (var role in RunRoles.All)
                {
                    var last = await conn.ExecuteScalarAsync<long?>("SELECT MAX(id) FROM lb_sealed_submissions WHERE benchmark_id = @Id AND organisation_id = @org AND role = @role", new { b.Id, org = team.OrganisationId, role }).ConfigureAwait(false);
                    if (last is { } id)
                    {
                        var shown = await LadderAsync(conn, null, b.Id, team.OrganisationId, role, phase.Config.LadderStep, answers).ConfigureAwait(false);
                        sealedFeedback.Add(new SealedFeedback(id, role, shown, answers.Count, 0));
                    }
                }
            }
        }

        IReadOnlyList<BenchmarkShareRow> shares = [];
        StandingRow? standing = null;
        if (phase.Phase.PublishedResult is { } published)
        {
            var result = JsonSerializer.Deserialize<PhaseResult>(published, s_json)!;
            shares = [.. result.Benchmarks.Where(x => x.OrganisationId == team.OrganisationId)];
            standing = result.Standings.FirstOrDefault(x => x.OrganisationId == team.OrganisationId);
        }

        var contamination = await ContaminationAsync(actor, phaseId, team.OrganisationId).ConfigureAwait(false);
        var independence = (await IndependenceAsync(actor, phaseId, team.OrganisationId).ConfigureAwait(false)).FirstOrDefault();
        return new TeamView(team, phase.Benchmarks.Where(b => b.TeamOrganisationId is null || b.TeamOrganisationId == team.OrganisationId).ToList(), runs, sealedFeedback, shares, standing, contamination, independence);
    }

    private static PhaseTeam RequireTeamActor(HubUser actor, PhaseDetail phase, long? organisationId) => RequireTeamActor(actor, phase, organisationId, false)!;

    private static string RoleModel(PhaseTeam team, string role) => role switch
    {
        RunRoles.Model => team.Model,
        RunRoles.Reference => team.ReferenceModel,
        _ => throw HubException.Invalid($"role: '{role}' is not known; use {string.Join(" or ", RunRoles.All)}."),
    };

    private static string BenchmarkHash(byte[] runJson)
    {
        try
        {
            using var doc = JsonDocument.Parse(runJson);
            return doc.RootElement.TryGetProperty("benchmark", out var b) && b.ValueKind == JsonValueKind.Object && b.TryGetProperty("hash", out var h) && h.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(h.GetString())
                ? h.GetString()!
                : throw HubException.Invalid("run.json: benchmark.hash is missing; register runs as 'moa eval' writes them.");
        }
        catch (JsonException ex)
        {
            throw HubException.Invalid($"run.json: not valid JSON ({ex.Message.Split(" Path:")[0]}).");
        }
    }

    /// <summary>
    /// The team an actor acts for: a team member acts for its own organisation (which must be in the phase); an operator
    /// names one (or, where <paramref name="allowAllForOperator"/>, none: null means all teams).
    /// </summary>
    private static PhaseTeam? RequireTeamActor(HubUser actor, PhaseDetail phase, long? organisationId, bool allowAllForOperator)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.IsOperator)
        {
            if (organisationId is null)
            {
                return allowAllForOperator ? null : throw HubException.Invalid("organisationId: operators name the team they act for.");
            }

            return phase.Teams.FirstOrDefault(t => t.OrganisationId == organisationId) ?? throw HubException.Invalid($"organisationId: {organisationId} is not a team of phase {phase.Phase.Id}.");
        }

        var own = actor.Role == HubRoles.Team ? phase.Teams.FirstOrDefault(t => t.OrganisationId == actor.OrganisationId) : null;
        if (own is null)
        {
            throw HubException.Forbidden($"only members of the teams of phase {phase.Phase.Id} (and operators) do this.");
        }

        if (organisationId is not null && organisationId != own.OrganisationId)
        {
            throw HubException.Forbidden("team members act only for their own team.");
        }

        return own;
    }

    private static void RequireVoter(HubUser voter, PhaseDetail phase)
    {
        ArgumentNullException.ThrowIfNull(voter);
        if (voter.OrganisationId is { } o && phase.Teams.Any(t => t.OrganisationId == o))
        {
            throw HubException.Forbidden("members of the phase's teams do not vote in its battles.");
        }
    }

    private void RequireWindow(PhaseDetail phase)
    {
        RequireNotPublished(phase);
        var now = Now;
        if (now < phase.Phase.OpensAt || now >= phase.Phase.ClosesAt)
        {
            throw HubException.Conflict($"phase {phase.Phase.Id} takes submissions from {DateTimeOffset.FromUnixTimeMilliseconds(phase.Phase.OpensAt):yyyy-MM-dd HH:mm} to {DateTimeOffset.FromUnixTimeMilliseconds(phase.Phase.ClosesAt):yyyy-MM-dd HH:mm} UTC.");
        }
    }

    private static void RequireNotPublished(PhaseDetail phase)
    {
        if (phase.IsPublished)
        {
            throw HubException.Conflict($"phase {phase.Phase.Id} is published; its data can no longer change.");
        }
    }

    private static void RequireOperator(HubUser actor, string what)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsOperator)
        {
            throw HubException.Forbidden($"only operators {what}; you are signed in as {actor.Role}.");
        }
    }

    private sealed record StoredItems(string[] Ids, double[] Scores);
}

/// <summary>A sealed item: its id, the answer predictions are compared with, and optionally its text (question with context and choices) for the contamination check.</summary>
public sealed record SealedItem(string Id, string Answer, string? Text = null);

/// <summary>A team's answer to a battle prompt.</summary>
public sealed record PromptAnswer(long PromptId, string Answer);

/// <summary>What a team sees of its own phase: suite, runs, sealed feedback, contamination of its declared corpora, its independence audit, and once published its shares and standing.</summary>
public sealed record TeamView(PhaseTeam Team, IReadOnlyList<PhaseBenchmark> Suite, IReadOnlyList<RunRow> Runs, IReadOnlyList<SealedFeedback> Sealed, IReadOnlyList<BenchmarkShareRow> Shares, StandingRow? Standing, IReadOnlyList<ContaminationResult> Contamination, IndependenceResult? Independence);
