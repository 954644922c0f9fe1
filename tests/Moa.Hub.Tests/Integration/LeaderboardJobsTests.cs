using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Moa.Evaluation.ReferenceModel;
using Moa.Evaluation.Serving;
using Moa.Hub.Leaderboard;
using Moa.Hub.Tests.Infrastructure;

namespace Moa.Hub.Tests.Integration;

/// <summary>
/// Votes by group commit (a repeat fails only its caller, a full queue answers 503), and the hub's background jobs:
/// the evaluation of a team's registered endpoint (Moa's own OpenAI-compatible server) and the contamination scan; per database.
/// </summary>
public abstract class LeaderboardJobsTests(HubFixture f)
{
    private static int s_seq;

    private static string Unique(string prefix) => prefix + Interlocked.Increment(ref s_seq);

    private async Task<PhaseScenario> NewPhase()
    {
        using var op = f.Client("operator");
        var created = await PhaseScenario.Ok(op.PostAsJsonAsync("/api/leaderboard/phases", PhaseScenario.NewPhase(f, Unique("jobs phase "))));
        return new PhaseScenario(f, created.GetProperty("phase").GetProperty("id").GetInt64());
    }

    /// <summary>Polls a job until it has finished (succeeded or failed).</summary>
    internal static async Task<JsonElement> Finished(HttpClient c, string url)
    {
        var until = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var job = await PhaseScenario.Ok(c.GetAsync(url));
            var status = job.GetProperty("status").GetString();
            if (status is JobStatuses.Succeeded or JobStatuses.Failed)
            {
                return job;
            }

            DateTime.UtcNow.ShouldBeLessThan(until, $"job {url} is still {status}");
            await Task.Delay(50);
        }
    }

    private async Task<List<string>> AuditActions(long phaseId)
    {
        await using var conn = await f.Db.OpenAsync();
        return (await conn.QueryAsync<string>("SELECT action FROM audit_log WHERE subject = @s ORDER BY seq", new { s = $"phase:{phaseId}" })).AsList();
    }

    [Fact]
    public async Task Evaluation_OfTeamEndpoint_RunsAsJob_RegistersRun_AndFailuresAreStoredNotThrown()
    {
        var p = await NewPhase();
        var sealedId = await p.BenchmarkId("nia-sealed");
        var kmmlu = await p.BenchmarkId("kmmlu");
        using var op = f.Client("operator");
        using var team = f.Client("team");
        using var teamb = f.Client("teamb");
        using var provider = f.Client("provider");
        var texts = Enumerable.Range(0, 20).Select(i => $"질문 {i}: 다음 중 대한민국의 수도는? A. 부산 B. 서울 C. 대구 D. 광주").ToArray();
        var items = texts.Select((t, i) => new { id = $"e{i:D3}", answer = "B", text = t }).ToArray();
        (await op.PutAsJsonAsync($"/api/leaderboard/phases/{p.PhaseId}/sealed/{sealedId}/items", new { items })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Team A's model, served by Moa's own OpenAI-compatible server (moa serve-model's host) under its declared name.
        var model = CharNgramModel.Train([.. texts, "정답은 B입니다. 서울은 대한민국의 수도입니다."], 3);
        await using var server = await ReferenceModelServer.StartAsync(new ReferenceCompletionService(model, "team-a-7b", maxContext: 4096));
        var endpoints = $"/api/leaderboard/phases/{p.PhaseId}/endpoints";
        var registered = await PhaseScenario.Ok(team.PutAsJsonAsync(endpoints, new { role = "model", baseUrl = server.BaseUrl.ToString() }));
        registered.GetProperty("organisationId").GetInt64().ShouldBe(f.TeamOrg.Id);
        var badUrl = await team.PutAsJsonAsync(endpoints, new { role = "model", baseUrl = "ftp://x" });
        badUrl.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(badUrl)).ShouldStartWith("baseUrl:");
        (await provider.PutAsJsonAsync(endpoints, new { role = "model", baseUrl = "http://127.0.0.1:9/v1" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PhaseScenario.Ok(teamb.GetAsync(endpoints))).GetArrayLength().ShouldBe(0, "a team sees only its own endpoints");
        (await PhaseScenario.Ok(op.GetAsync(endpoints))).GetArrayLength().ShouldBe(1);

        // Refusals before anything is queued: role, phase, body, state.
        var evaluations = $"/api/leaderboard/phases/{p.PhaseId}/evaluations";
        var start = new { organisationId = f.TeamOrg.Id, benchmarkId = sealedId, role = "model", maxTokens = 8, timeoutSeconds = 20 };
        (await team.PostAsJsonAsync(evaluations, start)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "only operators start evaluations");
        (await op.PostAsJsonAsync("/api/leaderboard/phases/999999/evaluations", start)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var malformed = await op.PostAsync(evaluations, new StringContent("{\"organisationId\": 1, \"benchmarkId\": \"x\", \"role\": \"model\"}", System.Text.Encoding.UTF8, "application/json"));
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(malformed)).ShouldStartWith("benchmarkId:");
        var unsealed = await op.PostAsJsonAsync(evaluations, start with { benchmarkId = kmmlu });
        unsealed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(unsealed)).ShouldContain("is not sealed");
        var noEndpoint = await op.PostAsJsonAsync(evaluations, start with { role = "reference" });
        noEndpoint.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await HubFixture.Detail(noEndpoint)).ShouldContain("registered no reference endpoint");

        // The job: 202 with the job's URL, then the run registered like an uploaded one.
        var accepted = await op.PostAsJsonAsync(evaluations, start);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var url = accepted.Headers.Location!.ToString();
        var job = await Finished(op, url);
        job.GetProperty("status").GetString().ShouldBe(JobStatuses.Succeeded, job.GetRawText());
        (job.GetProperty("done").GetInt64(), job.GetProperty("total").GetInt64()).ShouldBe((20L, 20L));
        job.GetProperty("result").GetProperty("run").GetProperty("itemCount").GetInt32().ShouldBe(20);
        job.GetProperty("result").GetProperty("metric").GetString().ShouldBe("exact_match");
        var runs = await PhaseScenario.Ok(team.GetAsync($"/api/leaderboard/phases/{p.PhaseId}/runs"));
        var run = runs.EnumerateArray().Single(r => r.GetProperty("benchmarkId").GetInt64() == sealedId);
        (run.GetProperty("model").GetString(), run.GetProperty("role").GetString()).ShouldBe(("team-a-7b", "model"));
        (await PhaseScenario.Ok(team.GetAsync(url))).GetProperty("id").GetInt64().ShouldBe(job.GetProperty("id").GetInt64(), "the team sees its own job");
        (await teamb.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await provider.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await op.GetAsync("/api/leaderboard/jobs/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // An endpoint that is down: the job fails with a message naming it; nothing is registered; no 500 anywhere.
        (await teamb.PutAsJsonAsync(endpoints, new { role = "model", baseUrl = "http://127.0.0.1:9/v1" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var down = await op.PostAsJsonAsync(evaluations, start with { organisationId = f.OtherTeamOrg.Id, timeoutSeconds = 5 });
        down.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var failed = await Finished(op, down.Headers.Location!.ToString());
        failed.GetProperty("status").GetString().ShouldBe(JobStatuses.Failed);
        failed.GetProperty("error").GetString()!.ShouldContain("endpoint http://127.0.0.1:9/v1 (model, team-b-7b):");
        (await PhaseScenario.Ok(op.GetAsync($"/api/leaderboard/phases/{p.PhaseId}/runs"))).EnumerateArray().Count(r => r.GetProperty("organisationId").GetInt64() == f.OtherTeamOrg.Id).ShouldBe(0);
        (await PhaseScenario.Ok(op.GetAsync($"/api/leaderboard/phases/{p.PhaseId}/jobs"))).GetArrayLength().ShouldBe(2);
        (await PhaseScenario.Ok(teamb.GetAsync($"/api/leaderboard/phases/{p.PhaseId}/jobs"))).GetArrayLength().ShouldBe(1);
        (await teamb.GetStringAsync($"/leaderboard/{p.PhaseId}/team")).ShouldContain("class=\"job-failed\"");

        var audit = await AuditActions(p.PhaseId);
        audit.ShouldContain("phase.endpoint.registered");
        audit.Count(a => a == "phase.job.queued").ShouldBe(2);
        audit.ShouldContain("phase.run.evaluated");
        audit.ShouldContain("phase.job.succeeded");
        audit.ShouldContain("phase.job.failed");
    }

    [Fact]
    public async Task ContaminationScan_RunsAsJob_ResultShownWhenDone()
    {
        var p = await NewPhase();
        await p.SealedSubmissions();
        using var op = f.Client("operator");
        using var team = f.Client("team");
        await LeaderboardTests.SignedAgreement(f, "team");
        var accepted = await team.PutAsJsonAsync($"/api/leaderboard/phases/{p.PhaseId}/corpora", new { corpora = new[] { "nsmc-reviews" }, charNgrams = 13 });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var job = await Finished(team, accepted.Headers.Location!.ToString());
        job.GetProperty("status").GetString().ShouldBe(JobStatuses.Succeeded, job.GetRawText());
        job.GetProperty("kind").GetString().ShouldBe(JobKinds.Contamination);
        var check = job.GetProperty("result").EnumerateArray().Single();
        check.GetProperty("contaminatedItems")[0].GetProperty("id").GetString().ShouldBe("s000");
        (await PhaseScenario.Ok(team.GetAsync($"/api/leaderboard/phases/{p.PhaseId}/contamination"))).GetArrayLength().ShouldBe(1);
        (await team.GetStringAsync($"/leaderboard/{p.PhaseId}/team")).ShouldContain("id=\"my-contamination\"");
        var audit = await AuditActions(p.PhaseId);
        audit.ShouldContain("phase.corpora.checked");
        audit.ShouldContain("phase.job.succeeded");
    }

    /// <summary>A phase with battle prompts both teams answered, and its battle pool's first prompt and the two teams.</summary>
    private async Task<(long PhaseId, long PromptId)> BattlePhase()
    {
        var p = await NewPhase();
        using var op = f.Client("operator");
        var ids = (await PhaseScenario.Ok(op.PostAsJsonAsync($"/api/leaderboard/phases/{p.PhaseId}/prompts", new { prompts = new[] { "질문: 한국의 수도는?" } })))
            .GetProperty("ids").EnumerateArray().Select(x => x.GetInt64()).ToArray();
        foreach (var who in new[] { "team", "teamb" })
        {
            using var c = f.Client(who);
            await PhaseScenario.Ok(c.PostAsJsonAsync($"/api/leaderboard/phases/{p.PhaseId}/answers", new { answers = ids.Select(id => new { promptId = id, answer = $"[{who}] 서울" }).ToArray() }));
        }

        return (p.PhaseId, ids[0]);
    }

    private PendingVote Vote(long phaseId, long promptId, long seq) =>
        new(phaseId, promptId, f.TeamOrg.Id, f.OtherTeamOrg.Id, f.ProviderMember.Id, seq, "AWins", 4, null, f.Time.GetUtcNow().ToUnixTimeMilliseconds());

    [Fact]
    public async Task GroupCommit_VotesArrivingTogether_CommitInOneTransaction_ARepeatFailsOnlyItsCaller()
    {
        var (phaseId, promptId) = await BattlePhase();
        await using var batcher = new VoteBatcher(f.Db, capacity: 1000, maxBatch: 256);

        // Hold the hub's single writer so that the votes queue up behind it, then release it.
        var gate = new TaskCompletionSource();
        var holding = f.Db.WriteAsync(async (_, _) =>
        {
            await gate.Task;
            return 0;
        });
        var votes = Enumerable.Range(0, 50).Select(i => batcher.SubmitAsync(Vote(phaseId, promptId, i))).ToList();
        var repeat = batcher.SubmitAsync(Vote(phaseId, promptId, 7));
        gate.SetResult();
        await holding;
        (await Task.WhenAll(votes)).ShouldAllBe(x => x, "every distinct vote of the batch is stored");
        (await repeat).ShouldBeFalse("the repeat of battle 7 conflicts, alone");
        batcher.Batches.ShouldBeLessThanOrEqualTo(2, "votes that arrived together commit together");
        batcher.Votes.ShouldBe(51);
        (await batcher.SubmitAsync(Vote(phaseId, promptId, 3))).ShouldBeFalse("a repeat of a stored vote conflicts");
        (await batcher.SubmitAsync(Vote(phaseId, promptId, 50))).ShouldBeTrue();
        await using var conn = await f.Db.OpenAsync();
        (await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM lb_battles WHERE phase_id = @phaseId", new { phaseId })).ShouldBe(51);
    }

    [Fact]
    public async Task GroupCommit_FullQueue_Answers503WithRetryAfter_Never500()
    {
        var (phaseId, _) = await BattlePhase();
        var service = f.App.Services.GetRequiredService<LeaderboardService>();
        var small = new VoteBatcher(f.Db, capacity: 1, maxBatch: 1, window: TimeSpan.Zero);
        var previous = service.UseVoteBatcher(small);
        using var voter = f.Client("provider");
        var battle = await PhaseScenario.Ok(voter.PostAsync($"/api/leaderboard/phases/{phaseId}/battles", null));
        var url = $"/api/leaderboard/phases/{phaseId}/battles/{battle.GetProperty("token").GetString()}/vote";
        var gate = new TaskCompletionSource();
        var holding = f.Db.WriteAsync(async (_, _) =>
        {
            await gate.Task;
            return 0;
        });
        try
        {
            var calls = Enumerable.Range(0, 4).Select(_ => voter.PostAsJsonAsync(url, new { choice = "a" })).ToList();
            var until = DateTime.UtcNow.AddMinutes(1);
            while (!calls.Any(c => c.IsCompleted))
            {
                DateTime.UtcNow.ShouldBeLessThan(until, "a vote beyond the queue's capacity is refused at once");
                await Task.Delay(20);
            }

            gate.SetResult();
            await holding;
            var answers = await Task.WhenAll(calls);
            answers.Select(a => (int)a.StatusCode).ShouldAllBe(s => s == 204 || s == 409 || s == 503);
            var busy = answers.First(a => a.StatusCode == HttpStatusCode.ServiceUnavailable);
            busy.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(VoteBatcher.RetryAfterSeconds));
            (await HubFixture.Detail(busy)).ShouldContain("send the vote again");
            answers.Count(a => a.StatusCode == HttpStatusCode.NoContent).ShouldBe(1, "the vote that got through is stored once");
        }
        finally
        {
            gate.TrySetResult();
            service.UseVoteBatcher(previous);
            await small.DisposeAsync();
        }
    }
}

public sealed class LeaderboardJobsTests_Sqlite(SqliteHubFixture f) : LeaderboardJobsTests(f), IClassFixture<SqliteHubFixture>;

public sealed class LeaderboardJobsTests_Postgres(PostgresHubFixture f) : LeaderboardJobsTests(f), IClassFixture<PostgresHubFixture>;
