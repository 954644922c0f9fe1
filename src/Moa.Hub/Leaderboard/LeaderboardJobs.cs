using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Moa.Evaluation.Benchmarks;
using Moa.Evaluation.Models;
using Moa.Evaluation.Runs;
using Moa.Hub.Accounts;
using Moa.Hub.Audit;

namespace Moa.Hub.Leaderboard;

/// <summary>A team's OpenAI-compatible endpoint for one role (model or reference); the API key, if any, is read on the hub host from the named environment variable.</summary>
public sealed record EndpointRequest(string Role, string BaseUrl, long? OrganisationId = null, string? ApiKeyEnvironmentVariable = null);

/// <summary>An evaluation the operator asks the hub to run: a team's registered endpoint of a role on a sealed benchmark of the phase.</summary>
public sealed record EvaluationRequest(long? OrganisationId, long? BenchmarkId, string Role, int? MaxTokens = null, int? TimeoutSeconds = null, int? Concurrency = null);

/// <summary>A registered endpoint.</summary>
public sealed class EndpointRow
{
    public long PhaseId { get; set; }

    public long OrganisationId { get; set; }

    public string Role { get; set; } = "";

    public string BaseUrl { get; set; } = "";

    /// <summary>The name of the environment variable on the hub host that holds the API key (never the key).</summary>
    public string? ApiKeyEnv { get; set; }

    public long RegisteredAt { get; set; }
}

/// <summary>A background job as stored.</summary>
internal sealed class JobRow
{
    public long Id { get; set; }

    public long PhaseId { get; set; }

    public string Kind { get; set; } = "";

    public long OrganisationId { get; set; }

    public string Request { get; set; } = "";

    public string Status { get; set; } = "";

    public long Done { get; set; }

    public long Total { get; set; }

    public string? Result { get; set; }

    public string? Error { get; set; }

    public long CreatedBy { get; set; }

    public long CreatedAt { get; set; }

    public long? StartedAt { get; set; }

    public long? FinishedAt { get; set; }
}

/// <summary>A background job as the API shows it: status, progress, the result once it succeeded or the error once it failed.</summary>
public sealed record JobView(long Id, long PhaseId, string Kind, long OrganisationId, string Status, long Done, long Total, JsonElement? Result, string? Error, long CreatedAt, long? StartedAt, long? FinishedAt, string Url);

/// <summary>Job kinds.</summary>
public static class JobKinds
{
    public const string Contamination = "contamination";
    public const string Evaluation = "evaluation";
}

/// <summary>Job states: queued, then running, then succeeded or failed.</summary>
public static class JobStatuses
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}

/// <summary>
/// Runs the leaderboard's background jobs one at a time, in the order they were queued. At start it marks the jobs a
/// stopped hub left queued or running as failed (one hub process runs the jobs of its database).
/// </summary>
internal sealed class LeaderboardJobRunner(LeaderboardService service, ILogger<LeaderboardJobRunner> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await service.FailStaleJobsAsync().ConfigureAwait(false);
            await foreach (var id in service.JobQueue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await service.RunJobAsync(id, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The runner logs and stops; requests keep being served and the jobs stay stored.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            log.LogError(ex, "leaderboard job runner stopped");
        }
    }
}

/// <summary>
/// Background jobs of the leaderboard: the contamination scan of a team's declared corpora and the evaluation of a
/// team's registered endpoint on a sealed benchmark. A request validates what it can, queues a job and answers 202 with
/// the job's URL; <see cref="LeaderboardJobRunner"/> runs it, records progress, and stores the result or a clear error.
/// </summary>
public sealed partial class LeaderboardService
{
    private readonly Channel<long> _jobQueue = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The ids of queued jobs, for the runner.</summary>
    internal ChannelReader<long> JobQueue => _jobQueue.Reader;

    private sealed record ContaminationJob(string[] Labels, string[] Folders, int? CharNgrams, string Actor);

    private sealed record EvaluationJob(long BenchmarkId, string Role, string BaseUrl, string Model, string? ApiKeyEnv, int MaxTokens, int TimeoutSeconds, int Concurrency, string Actor);

    /// <summary>Registers (or replaces) a team's OpenAI-compatible endpoint for a role; team members for their own team, operators naming one.</summary>
    public async Task<EndpointRow> RegisterEndpointAsync(HubUser actor, long phaseId, EndpointRequest req)
    {
        ArgumentNullException.ThrowIfNull(req);
        var phase = await RequireAsync(phaseId).ConfigureAwait(false);
        var team = RequireTeamActor(actor, phase, req.OrganisationId);
        RequireNotPublished(phase);
        RoleModel(team, req.Role ?? "");
        if (!Uri.TryCreate(req.BaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || !string.IsNullOrEmpty(url.UserInfo))
        {
            throw HubException.Invalid($"baseUrl: '{req.BaseUrl}' is not an http(s) URL of an OpenAI-compatible API (e.g. https://models.example.org/v1), without credentials in it.");
        }

        if (req.ApiKeyEnvironmentVariable is { } env && (env.Length is 0 or > 100 || !env.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
        {
            throw HubException.Invalid("apiKeyEnvironmentVariable: name an environment variable of the hub host (letters, digits, underscores); the key itself is never stored.");
        }

        var now = Now;
        var row = new EndpointRow { PhaseId = phaseId, OrganisationId = team.OrganisationId, Role = req.Role!, BaseUrl = req.BaseUrl.TrimEnd('/'), ApiKeyEnv = req.ApiKeyEnvironmentVariable, RegisteredAt = now };
        await db.WriteAsync(async (conn, tx) =>
        {
            await conn.ExecuteAsync("DELETE FROM lb_endpoints WHERE phase_id = @PhaseId AND organisation_id = @OrganisationId AND role = @Role", row, tx).ConfigureAwait(false);
            await conn.ExecuteAsync("INSERT INTO lb_endpoints (phase_id, organisation_id, role, base_url, api_key_env, registered_by, registered_at) VALUES (@PhaseId, @OrganisationId, @Role, @BaseUrl, @ApiKeyEnv, @by, @RegisteredAt)",
                new { row.PhaseId, row.OrganisationId, row.Role, row.BaseUrl, row.ApiKeyEnv, by = actor.Id, row.RegisteredAt }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "phase.endpoint.registered", $"phase:{phaseId}", new { team = team.OrganisationId, role = row.Role, baseUrl = row.BaseUrl }).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
        return row;
    }

    /// <summary>Registered endpoints: every team's for operators, a team's own for its members.</summary>
    public async Task<IReadOnlyList<EndpointRow>> EndpointsAsync(HubUser actor, long phaseId, long? organisationId)
    {
        var phase = await RequireAsync(phaseId).ConfigureAwait(false);
        var org = RequireTeamActor(actor, phase, organisationId, allowAllForOperator: true)?.OrganisationId;
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        return (await conn.QueryAsync<EndpointRow>("SELECT phase_id, organisation_id, role, base_url, api_key_env, registered_at FROM lb_endpoints WHERE phase_id = @phaseId AND (@org IS NULL OR organisation_id = @org) ORDER BY organisation_id, role",
            new { phaseId, org }).ConfigureAwait(false)).AsList();
    }

    /// <summary>
    /// Queues an evaluation of a team's registered endpoint on a sealed benchmark (operators only): the hub prompts the
    /// endpoint with each sealed item's text, scores the answers, and registers the run as an uploaded run would be.
    /// </summary>
    public async Task<JobView> StartEvaluationAsync(HubUser actor, long phaseId, EvaluationRequest req)
    {
        ArgumentNullException.ThrowIfNull(req);
        var phase = await RequireAsync(phaseId).ConfigureAwait(false);
        RequireOperator(actor, "start evaluations");
        var team = RequireTeamActor(actor, phase, req.OrganisationId ?? throw HubException.Invalid("organisationId: name the team whose endpoint is evaluated."));
        RequireWindow(phase);
        var model = RoleModel(team, req.Role ?? "");
        var bench = phase.Benchmarks.FirstOrDefault(b => b.Id == req.BenchmarkId) ?? throw HubException.Invalid($"benchmarkId: {req.BenchmarkId?.ToString(CultureInfo.InvariantCulture) ?? "(missing)"} is not a benchmark of phase {phaseId}.");
        if (!bench.Sealed)
        {
            throw HubException.Invalid($"benchmarkId: {bench.Name} is not sealed; the hub holds items only of sealed benchmarks (teams register their own runs of the others).");
        }

        if (req.MaxTokens is < 1 or > 4096 || req.TimeoutSeconds is < 1 or > 600 || req.Concurrency is < 1 or > 64)
        {
            throw HubException.Invalid("maxTokens 1–4096, timeoutSeconds 1–600 and concurrency 1–64 are accepted.");
        }

        await using (var conn = await db.OpenAsync().ConfigureAwait(false))
        {
            var (items, textless) = await conn.QueryFirstAsync<(long Items, long Textless)>(
                "SELECT COUNT(*), COALESCE(SUM(CASE WHEN text IS NULL OR text = '' THEN 1 ELSE 0 END), 0) FROM lb_sealed_items WHERE benchmark_id = @Id", new { bench.Id }).ConfigureAwait(false);
            if (items == 0 || textless > 0)
            {
                throw HubException.Conflict($"{bench.Name}: {(items == 0 ? "the operator has not stored the sealed items yet" : $"{textless} of {items} sealed items have no text")}; the hub prompts the endpoint with each item's text (items[].text).");
            }

            var endpoint = await conn.QueryFirstOrDefaultAsync<EndpointRow>("SELECT phase_id, organisation_id, role, base_url, api_key_env, registered_at FROM lb_endpoints WHERE phase_id = @phaseId AND organisation_id = @org AND role = @role",
                new { phaseId, org = team.OrganisationId, role = req.Role }).ConfigureAwait(false)
                ?? throw HubException.Conflict($"{team.Name} has registered no {req.Role} endpoint for phase {phaseId} (PUT /api/leaderboard/phases/{phaseId}/endpoints).");
            var job = new EvaluationJob(bench.Id, req.Role!, endpoint.BaseUrl, model, endpoint.ApiKeyEnv, req.MaxTokens ?? 256, req.TimeoutSeconds ?? 60, req.Concurrency ?? 4, actor.AuditName);
            return await QueueJobAsync(actor, phaseId, JobKinds.Evaluation, team.OrganisationId, JsonSerializer.Serialize(job, s_json), new { benchmark = bench.Name, role = job.Role, baseUrl = job.BaseUrl }).ConfigureAwait(false);
        }
    }

    /// <summary>A job, to operators and to members of the job's team.</summary>
    public async Task<JobView> JobAsync(HubUser actor, long jobId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        var row = await conn.QueryFirstOrDefaultAsync<JobRow>("SELECT * FROM lb_jobs WHERE id = @jobId", new { jobId }).ConfigureAwait(false)
            ?? throw HubException.NotFound($"job {jobId} does not exist.");
        if (!actor.IsOperator && !(actor.Role == HubRoles.Team && actor.OrganisationId == row.OrganisationId))
        {
            throw HubException.Forbidden($"job {jobId} belongs to another team; only that team's members and operators see it.");
        }

        return View(row);
    }

    /// <summary>A phase's jobs: every team's for operators, a team's own for its members.</summary>
    public async Task<IReadOnlyList<JobView>> JobsAsync(HubUser actor, long phaseId, long? organisationId)
    {
        var phase = await RequireAsync(phaseId).ConfigureAwait(false);
        var org = RequireTeamActor(actor, phase, organisationId, allowAllForOperator: true)?.OrganisationId;
        await using var conn = await db.OpenAsync().ConfigureAwait(false);
        return [.. (await conn.QueryAsync<JobRow>("SELECT * FROM lb_jobs WHERE phase_id = @phaseId AND (@org IS NULL OR organisation_id = @org) ORDER BY id", new { phaseId, org }).ConfigureAwait(false)).Select(View)];
    }

    private static JobView View(JobRow r) =>
        new(r.Id, r.PhaseId, r.Kind, r.OrganisationId, r.Status, r.Done, r.Total, r.Result is null ? null : JsonDocument.Parse(r.Result).RootElement.Clone(), r.Error, r.CreatedAt, r.StartedAt, r.FinishedAt, $"/api/leaderboard/jobs/{r.Id}");

    private async Task<JobView> QueueJobAsync(HubUser actor, long phaseId, string kind, long organisationId, string request, object auditDetail)
    {
        var now = Now;
        var row = await db.WriteAsync(async (conn, tx) =>
        {
            var id = await conn.ExecuteScalarAsync<long>(
                "INSERT INTO lb_jobs (phase_id, kind, organisation_id, request, status, done, total, created_by, created_at) VALUES (@phaseId, @kind, @organisationId, @request, @queued, 0, 0, @by, @now) RETURNING id",
                new { phaseId, kind, organisationId, request, queued = JobStatuses.Queued, by = actor.Id, now }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now, actor.AuditName, "phase.job.queued", $"phase:{phaseId}", new { job = id, kind, team = organisationId, detail = auditDetail }).ConfigureAwait(false);
            return new JobRow { Id = id, PhaseId = phaseId, Kind = kind, OrganisationId = organisationId, Request = request, Status = JobStatuses.Queued, CreatedBy = actor.Id, CreatedAt = now };
        }).ConfigureAwait(false);
        _jobQueue.Writer.TryWrite(row.Id);
        return View(row);
    }

    /// <summary>Marks jobs left queued or running by a hub that stopped as failed (at start, before new jobs run).</summary>
    internal async Task FailStaleJobsAsync()
    {
        var now = Now;
        await db.WriteAsync(async (conn, tx) =>
        {
            var stale = (await conn.QueryAsync<(long Id, long PhaseId)>("SELECT id, phase_id FROM lb_jobs WHERE status IN (@queued, @running) ORDER BY id", new { queued = JobStatuses.Queued, running = JobStatuses.Running }, tx).ConfigureAwait(false)).AsList();
            foreach (var (id, phaseId) in stale)
            {
                await conn.ExecuteAsync("UPDATE lb_jobs SET status = @failed, error = @error, finished_at = @now WHERE id = @id",
                    new { failed = JobStatuses.Failed, error = "the hub stopped before the job finished; start it again.", now, id }, tx).ConfigureAwait(false);
                await AuditLog.AppendAsync(conn, tx, now, "hub", "phase.job.failed", $"phase:{phaseId}", new { job = id, error = "hub stopped" }).ConfigureAwait(false);
            }

            return 0;
        }).ConfigureAwait(false);
    }

    /// <summary>Runs one queued job to its end: progress while it runs, then the result or the error, each with an audit entry.</summary>
    internal async Task RunJobAsync(long jobId, CancellationToken cancellationToken)
    {
        var started = Now;
        JobRow? job = null;
        await db.WriteAsync(async (conn, tx) =>
        {
            if (await conn.ExecuteAsync("UPDATE lb_jobs SET status = @running, started_at = @started WHERE id = @jobId AND status = @queued", new { running = JobStatuses.Running, started, jobId, queued = JobStatuses.Queued }, tx).ConfigureAwait(false) == 1)
            {
                job = await conn.QuerySingleAsync<JobRow>("SELECT * FROM lb_jobs WHERE id = @jobId", new { jobId }, tx).ConfigureAwait(false);
            }

            return 0;
        }, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return;
        }

        var progress = new JobProgress();
        using var stopProgress = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reporter = ReportProgressAsync(jobId, progress, stopProgress.Token);
        string? result = null;
        string? error = null;
        try
        {
            result = job.Kind switch
            {
                JobKinds.Contamination => await RunContaminationJobAsync(job, progress, cancellationToken).ConfigureAwait(false),
                JobKinds.Evaluation => await RunEvaluationJobAsync(job, progress, cancellationToken).ConfigureAwait(false),
                _ => throw new MoaException($"job kind '{job.Kind}' is not known to this hub."),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error = "the hub stopped while the job ran; start it again.";
        }
        catch (MoaException ex)
        {
            error = ex.Message;
        }
#pragma warning disable CA1031 // A job's failure is stored with its message, never thrown at the runner.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error = $"unexpected error ({ex.GetType().Name}): {ex.Message}";
        }

        await stopProgress.CancelAsync().ConfigureAwait(false);
        await reporter.ConfigureAwait(false);
        var now = Now;
        var (done, total) = progress.Read();
        await db.WriteAsync(async (conn, tx) =>
        {
            await conn.ExecuteAsync("UPDATE lb_jobs SET status = @status, result = @result, error = @error, done = @done, total = @total, finished_at = @now WHERE id = @jobId",
                new { status = error is null ? JobStatuses.Succeeded : JobStatuses.Failed, result, error, done, total, now, jobId }, tx).ConfigureAwait(false);
            await AuditLog.AppendAsync(conn, tx, now, "hub", error is null ? "phase.job.succeeded" : "phase.job.failed", $"phase:{job.PhaseId}", new { job = jobId, kind = job.Kind, team = job.OrganisationId, error }).ConfigureAwait(false);
            return 0;
        }, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Writes the job's progress at most once a second while it changes.</summary>
    private async Task ReportProgressAsync(long jobId, JobProgress progress, CancellationToken stop)
    {
        var written = (-1L, -1L);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                var now = progress.Read();
                if (now != written)
                {
                    written = now;
                    await db.WriteAsync((conn, tx) => conn.ExecuteAsync("UPDATE lb_jobs SET done = @done, total = @total WHERE id = @jobId", new { done = now.Done, total = now.Total, jobId }, tx), stop).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Progress a job reports from any thread.</summary>
    private sealed class JobProgress
    {
        private long _done;
        private long _total;

        public void Report(long done, long total)
        {
            Interlocked.Exchange(ref _total, total);
            Interlocked.Exchange(ref _done, done);
        }

        public (long Done, long Total) Read() => (Interlocked.Read(ref _done), Interlocked.Read(ref _total));
    }

    private async Task<string> RunEvaluationJobAsync(JobRow job, JobProgress progress, CancellationToken cancellationToken)
    {
        var req = JsonSerializer.Deserialize<EvaluationJob>(job.Request, s_json)!;
        var phase = await RequireAsync(job.PhaseId).ConfigureAwait(false);
        RequireWindow(phase);
        var team = phase.Teams.First(t => t.OrganisationId == job.OrganisationId);
        var bench = phase.Benchmarks.First(b => b.Id == req.BenchmarkId);
        List<BenchmarkItem> items;
        string hash;
        await using (var conn = await db.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            var rows = (await conn.QueryAsync<(string ItemId, string Answer, string? Text)>("SELECT item_id, answer, text FROM lb_sealed_items WHERE benchmark_id = @Id ORDER BY item_id", new { bench.Id }).ConfigureAwait(false)).AsList();
            items = [.. rows.Select(x => new BenchmarkItem(x.ItemId, bench.Name, x.Text ?? "", null, [], JsonSerializer.SerializeToElement(x.Answer)))];
            var digest = new StringBuilder();
            foreach (var x in rows)
            {
                digest.Append(x.ItemId).Append('\u001f').Append(x.Answer).Append('\u001f').Append(x.Text).Append('\u001e');
            }

            hash = "sealed-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(digest.ToString())));
        }

        progress.Report(0, items.Count);
        var endpoint = new EndpointOptions
        {
            BaseUrl = req.BaseUrl,
            Model = req.Model,
            ApiKeyEnvironmentVariable = req.ApiKeyEnv,
            Concurrency = req.Concurrency,
            Timeout = TimeSpan.FromSeconds(req.TimeoutSeconds),
            MaxRetries = 1,
            RetryBaseDelay = TimeSpan.FromMilliseconds(200),
            MaxRetryDelay = TimeSpan.FromSeconds(2),
        };
        var dir = Path.Combine(Path.GetTempPath(), $"moa-hub-eval-{job.Id}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        try
        {
            RunResult run;
            try
            {
                endpoint.Validate();
                using var client = new ModelClient(endpoint);
                run = await new EvalRunner(client).RunAsync(
                    new EvalInput(new BenchmarkCard { Name = bench.Name, Subsets = [bench.Name] }, items, hash),
                    new EvalOptions { Mode = EvalMode.Generate, MaxTokens = req.MaxTokens, BootstrapResamples = 200 },
                    dir,
                    (done, total) => progress.Report(done, total),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (MoaException ex)
            {
                throw new MoaException($"endpoint {req.BaseUrl} ({req.Role}, {req.Model}): {ex.Message}", ex);
            }
            catch (HttpRequestException ex)
            {
                throw new MoaException($"endpoint {req.BaseUrl} ({req.Role}, {req.Model}): {ex.Message}", ex);
            }

            var failed = run.Items.Where(i => i.ErrorKind is not null).ToList();
            if (failed.Count > 0)
            {
                var kinds = string.Join(", ", failed.GroupBy(i => i.ErrorKind).Select(g => $"{g.Key} {g.Count()}"));
                throw new MoaException($"endpoint {req.BaseUrl} ({req.Role}, {req.Model}): {failed.Count} of {items.Count} items failed ({kinds}; first: {failed[0].ErrorMessage}); no run was registered.");
            }

            RunRow row;
            try
            {
                row = await StoreRunAsync(job.CreatedBy, req.Actor, job.PhaseId, bench, team, req.Role,
                    await File.ReadAllBytesAsync(Path.Combine(dir, "run.json"), cancellationToken).ConfigureAwait(false),
                    await File.ReadAllBytesAsync(Path.Combine(dir, "items.jsonl"), cancellationToken).ConfigureAwait(false),
                    "phase.run.evaluated", job.Id).ConfigureAwait(false);
            }
            catch (HubException ex)
            {
                throw new MoaException($"the run could not be registered: {ex.Message}", ex);
            }

            return JsonSerializer.Serialize(new { run = row, metric = run.Scores.PrimaryMetric, score = run.Scores.Overall.Metrics.TryGetValue(run.Scores.PrimaryMetric, out var m) ? m.Mean : double.NaN, items = items.Count }, s_json);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                // The run folder holds the sealed items' prompts and references: it never outlives the job.
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
