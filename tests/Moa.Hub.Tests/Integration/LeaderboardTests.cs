using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Moa.Hub.Leaderboard;
using Moa.Hub.Tests.Infrastructure;

namespace Moa.Hub.Tests.Integration;

/// <summary>The phased evaluation through the API: a whole phase, its failure paths, and reproducible results; per database.</summary>
public abstract class LeaderboardTests(HubFixture f)
{
    private static int s_seq;

    private static string Unique(string prefix) => prefix + Interlocked.Increment(ref s_seq);

    private async Task<PhaseScenario> NewPhase(int eliminate = 1)
    {
        using var op = f.Client("operator");
        var created = await PhaseScenario.Ok(op.PostAsJsonAsync("/api/leaderboard/phases", PhaseScenario.NewPhase(f, Unique("2026 1차 평가 "), eliminate)));
        return new PhaseScenario(f, created.GetProperty("phase").GetProperty("id").GetInt64());
    }

    /// <summary>A 2xx response's JSON; otherwise fails with the body and, for a 500, the hub's last log lines.</summary>
    private async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
    {
        var r = await call;
        var text = await r.Content.ReadAsStringAsync();
        if ((int)r.StatusCode >= 500)
        {
            lock (f.Logs.Lines)
            {
                text += string.Join("\n", f.Logs.Lines.TakeLast(3));
            }
        }

        ((int)r.StatusCode).ShouldBeInRange(200, 299, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task WholePhase_FromSuiteToPublishedRanking_EliminatesOnlySeparatedTeam_AndRecomputesIdentically()
    {
        var p = await NewPhase();
        var phase = await p.Phase();
        phase.GetProperty("config").GetProperty("criteria").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("points").GetDouble()))
            .ShouldBe([("benchmark", 40.0), ("expert", 35.0), ("user", 25.0)], "the default is the 2026 phase-1 scheme");
        using var anon = f.Client();
        using var op = f.Client("operator");
        using var team = f.Client("team");

        // Before any data: the operator sees what is missing; the public sees no ranking.
        var incomplete = await op.GetAsync($"/api/leaderboard/phases/{p.PhaseId}/results");
        incomplete.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await HubFixture.Detail(incomplete)).ShouldContain("has no run of its model on kobest_boolq");
        (await anon.GetAsync($"/api/leaderboard/phases/{p.PhaseId}/results")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await team.GetAsync($"/api/leaderboard/phases/{p.PhaseId}/results")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await p.All();

        // Contamination beside the score: team A declares the curated NSMC corpus, which holds sealed item s000.
        await SignedAgreement("team");
        var queued = await team.PutAsJsonAsync($"/api/leaderboard/phases/{p.PhaseId}/corpora", new { corpora = new[] { "nsmc-reviews" }, charNgrams = 13 });
        queued.StatusCode.ShouldBe(HttpStatusCode.Accepted, await queued.Content.ReadAsStringAsync());
        var scan = await LeaderboardJobsTests.Finished(team, queued.Headers.Location!.ToString());
        scan.GetProperty("status").GetString().ShouldBe(JobStatuses.Succeeded, scan.GetRawText());
        var check = scan.GetProperty("result").EnumerateArray().Single();
        (check.GetProperty("benchmark").GetString(), check.GetProperty("checked").GetInt32(), check.GetProperty("contaminated").GetInt32()).ShouldBe(("nia-sealed", PhaseScenario.SealedTexts.Length, 1));
        check.GetProperty("contaminatedItems")[0].GetProperty("id").GetString().ShouldBe("s000");
        check.GetProperty("corpora")[0].GetString().ShouldBe("nsmc-reviews@1");
        (await team.GetStringAsync($"/leaderboard/{p.PhaseId}/team")).ShouldContain("id=\"my-contamination\"");

        // Independence beside the score: team A's model is a fine-tune of a registered open checkpoint.
        (await op.PostAsync("/api/leaderboard/audit/registry", new StringContent(AuditFingerprints.Json("open/base@r1", 1), Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var audited = await Ok(team.PutAsync($"/api/leaderboard/phases/{p.PhaseId}/audit", new StringContent($"{{\"fingerprint\": {AuditFingerprints.Json("team-a-model", 1, noise: 0.1)}}}", Encoding.UTF8, "application/json")));
        audited.GetProperty("verdict").GetString().ShouldBe("derived");
        (await team.GetStringAsync($"/leaderboard/{p.PhaseId}/team")).ShouldContain("id=\"my-independence\"><strong>derived</strong>");
        var live = await PhaseScenario.Ok(op.GetAsync($"/api/leaderboard/phases/{p.PhaseId}/results"));
        live.GetProperty("contamination").GetArrayLength().ShouldBe(1);
        live.GetProperty("independence")[0].GetProperty("verdict").GetString().ShouldBe("derived");
        live = JsonDocument.Parse(Frozen(live.GetRawText())).RootElement.Clone();
        (await team.GetAsync($"/api/leaderboard/phases/{p.PhaseId}/results")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "teams see nothing before publication");

        var published = await op.PostAsync($"/api/leaderboard/phases/{p.PhaseId}/publish", null);
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        var json = await published.Content.ReadAsStringAsync();
        var result = JsonDocument.Parse(json).RootElement;
        JsonSerializer.Serialize(live).ShouldBe(JsonSerializer.Serialize(result), "publishing freezes the same computation the operator saw");

        var standings = result.GetProperty("standings").EnumerateArray().ToList();
        standings.Select(s => s.GetProperty("organisationId").GetInt64()).ShouldBe([f.TeamOrg.Id, f.OtherTeamOrg.Id]);
        standings[0].GetProperty("decision").GetString().ShouldBe("advance");
        standings[1].GetProperty("decision").GetString().ShouldBe("eliminate", standings[1].GetProperty("reason").GetString());
        (standings[1].GetProperty("high").GetDouble() < standings[0].GetProperty("low").GetDouble()).ShouldBeTrue("eliminated only where the intervals separate");
        foreach (var s in standings)
        {
            var points = s.GetProperty("points").GetDouble();
            points.ShouldBeInRange(s.GetProperty("low").GetDouble() - 1e-9, s.GetProperty("high").GetDouble() + 1e-9);
            (s.GetProperty("benchmarkPoints").GetDouble() + s.GetProperty("expertPoints").GetDouble() + s.GetProperty("userPoints").GetDouble()).ShouldBe(points, 1e-9);
        }

        // Benchmark part: share of the reference per benchmark with an interval around it; the sealed benchmark included.
        var shares = result.GetProperty("benchmarks").EnumerateArray().ToList();
        shares.Count.ShouldBe(6);
        shares.Select(b => b.GetProperty("benchmark").GetString()).Distinct().Order().ShouldBe(["kmmlu", "kobest_boolq", "nia-sealed"]);
        foreach (var b in shares)
        {
            b.GetProperty("share").GetDouble().ShouldBeInRange(b.GetProperty("low").GetDouble(), b.GetProperty("high").GetDouble());
        }

        // Expert part: alpha reported; user part: length coefficient and ratings with intervals.
        result.GetProperty("expert").GetProperty("alpha").GetDouble().ShouldBeGreaterThan(0.8);
        result.GetProperty("user").GetProperty("battles").GetInt32().ShouldBe(48);
        result.GetProperty("user").GetProperty("lengthCoefficient").ValueKind.ShouldBe(JsonValueKind.Number);

        // Recompute from the stored raw data: identical bytes.
        var service = new LeaderboardService(f.Db, f.Time);
        LeaderboardService.ResultJson(PhaseScoring.Compute(await service.LoadInputAsync(p.PhaseId))).ShouldBe(json);
        var exported = await anon.GetStringAsync($"/api/leaderboard/phases/{p.PhaseId}/results");
        Frozen(exported).ShouldBe(json, "published results are public");
        exported.ShouldContain("\"contamination\":[{\"organisationId\":" + f.TeamOrg.Id);
        exported.ShouldContain("\"independence\":[{\"organisationId\":" + f.TeamOrg.Id);

        // CSV exports: contamination beside the score.
        var csv = await anon.GetStringAsync($"/api/leaderboard/phases/{p.PhaseId}/results.csv");
        csv.Split('\n')[0].ShouldBe("rank,organisation_id,team,points,low,high,benchmark_points,expert_points,user_points,decision,reason,sealed_contaminated,declared_corpora,independence");
        csv.ShouldContain($"1,{f.TeamOrg.Id},");
        csv.Split('\n')[1].ShouldEndWith(",1/2,nsmc-reviews@1,derived");
        csv.Split('\n')[2].ShouldEndWith(",,,", Case.Sensitive, "team B declared nothing and was not audited");
        (await anon.GetStringAsync($"/api/leaderboard/phases/{p.PhaseId}/results.csv?table=benchmarks")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(7);
        (await anon.GetAsync($"/api/leaderboard/phases/{p.PhaseId}/results.csv?table=x")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // After publication the phase takes no more data, and the team's page shows its standing.
        var late = await PhaseScenario.UploadRun(team, p.PhaseId, await p.BenchmarkId("kmmlu"), "model", PhaseScenario.RunFiles("team-a-7b", "kmmlu", 0.9));
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await op.PostAsync($"/api/leaderboard/phases/{p.PhaseId}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var view = await PhaseScenario.Ok(team.GetAsync($"/api/leaderboard/phases/{p.PhaseId}/team"));
        view.GetProperty("standing").GetProperty("rank").GetInt32().ShouldBe(1);
        view.GetProperty("runs").GetArrayLength().ShouldBe(4);

        // Pages: public ranking in Korean and English.
        var page = await anon.GetStringAsync($"/leaderboard/{p.PhaseId}");
        page.ShouldContain("id=\"standings\"");
        page.ShouldContain("탈락");
        using var en = new HttpRequestMessage(HttpMethod.Get, $"/leaderboard/{p.PhaseId}");
        en.Headers.Add("Accept-Language", "en");
        (await (await anon.SendAsync(en)).Content.ReadAsStringAsync()).ShouldContain("eliminated");
    }

    [Fact]
    public async Task DeclareCorpora_UnknownForeignOrNothingSealed_IsRefusedNamingTheReason()
    {
        var p = await NewPhase();
        using var team = f.Client("team");
        using var teamb = f.Client("teamb");
        using var provider = f.Client("provider");
        using var anon = f.Client();
        var url = $"/api/leaderboard/phases/{p.PhaseId}/corpora";
        await SignedAgreement("team");

        var unknown = await team.PutAsJsonAsync(url, new { corpora = new[] { "no-such-corpus" } });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(unknown)).ShouldContain("corpora[0]: 'no-such-corpus' is not a corpus in the hub catalogue");
        var foreign = await teamb.PutAsJsonAsync(url, new { corpora = new[] { "nsmc-reviews" } });
        foreign.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await HubFixture.Detail(foreign)).ShouldContain("has no signed agreement covering 'nsmc-reviews'");
        (await team.PutAsJsonAsync(url, new { corpora = Array.Empty<string>() })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await team.PutAsJsonAsync(url, new { corpora = new[] { "nsmc-reviews" }, charNgrams = 1 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await provider.PutAsJsonAsync(url, new { corpora = new[] { "nsmc-reviews" } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var textless = await team.PutAsJsonAsync(url, new { corpora = new[] { "nsmc-reviews" } });
        textless.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await HubFixture.Detail(textless)).ShouldContain("no sealed item has its text stored");

        using var op = f.Client("operator");
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(PhaseScenario.NewPhase(f, Unique("unsealed "))))!;
        body["benchmarks"] = new[] { new { name = "kmmlu", kind = "common", randomBaseline = 0.25 } };
        var unsealed = (await Ok(op.PostAsJsonAsync("/api/leaderboard/phases", body))).GetProperty("phase").GetProperty("id").GetInt64();
        var none = await team.PutAsJsonAsync($"/api/leaderboard/phases/{unsealed}/corpora", new { corpora = new[] { "nsmc-reviews" } });
        none.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await HubFixture.Detail(none)).ShouldContain("has no sealed benchmark");

        (await anon.GetAsync($"/api/leaderboard/phases/{p.PhaseId}/contamination")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "not public before publication");
        (await provider.GetAsync($"/api/leaderboard/phases/{p.PhaseId}/contamination")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Ok(team.GetAsync($"/api/leaderboard/phases/{p.PhaseId}/contamination"))).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task IndependenceAudit_RegistryAndTeamFingerprints_VerdictStored_MalformedRefusedNamingTheField()
    {
        var p = await NewPhase();
        using var op = f.Client("operator");
        using var team = f.Client("team");
        using var teamb = f.Client("teamb");
        using var provider = f.Client("provider");
        using var anon = f.Client();
        static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
        static StringContent Audit(string fingerprint) => Json($"{{\"fingerprint\": {fingerprint}}}");
        var url = $"/api/leaderboard/phases/{p.PhaseId}/audit";
        var open = Unique("open/checkpoint-");

        var registered = await Ok(op.PostAsync("/api/leaderboard/audit/registry", Json(AuditFingerprints.Json(open, 7))));
        (registered.GetProperty("name").GetString(), registered.GetProperty("tensors").GetInt32()).ShouldBe((open, 5));
        (await team.PostAsync("/api/leaderboard/audit/registry", Json(AuditFingerprints.Json("mine", 7)))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var noTensors = await op.PostAsync("/api/leaderboard/audit/registry", Json(AuditFingerprints.Json("x", 1).Replace("\"tensors\":[", "\"tensorz\":[", StringComparison.Ordinal)));
        noTensors.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(noTensors)).ShouldContain("fingerprint.tensors:");
        var notJson = await op.PostAsync("/api/leaderboard/audit/registry", Json("{\"format\": "));
        notJson.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(notJson)).ShouldContain("fingerprint: not valid JSON");

        // Team A's model is a fine-tune of the registered checkpoint; team B's was trained from its own initialisation.
        var derived = await Ok(team.PutAsync(url, Audit(AuditFingerprints.Json("team-a-model", 7, noise: 0.1))));
        (derived.GetProperty("verdict").GetString(), derived.GetProperty("organisationId").GetInt64()).ShouldBe(("derived", f.TeamOrg.Id));
        derived.GetProperty("reason").GetString()!.ShouldContain($"with {open}");
        var own = await Ok(teamb.PutAsync(url, Audit(AuditFingerprints.Json("team-b-model", 12345))));
        own.GetProperty("verdict").GetString().ShouldBe("independent");
        var byOperator = await Ok(op.PutAsync(url, Json($"{{\"organisationId\": {f.OtherTeamOrg.Id}, \"fingerprint\": {AuditFingerprints.Json("team-b-model", 12345)}}}")));
        byOperator.GetProperty("team").GetString().ShouldBe(f.OtherTeamOrg.Name);

        var mine = await Ok(team.GetAsync(url));
        mine.GetArrayLength().ShouldBe(1, "a team sees only its own report");
        (await Ok(op.GetAsync(url))).GetArrayLength().ShouldBe(2);
        (await Ok(team.GetAsync($"/api/leaderboard/phases/{p.PhaseId}/team"))).GetProperty("independence").GetProperty("verdict").GetString().ShouldBe("derived");
        (await team.GetStringAsync($"/leaderboard/{p.PhaseId}/team")).ShouldContain("id=\"my-independence\"><strong>derived</strong>");

        var noName = await team.PutAsync(url, Audit(AuditFingerprints.Json("x", 1).Replace("\"name\":\"x\"", "\"name\":\"\"", StringComparison.Ordinal)));
        noName.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(noName)).ShouldContain("fingerprint.name:");
        var badShape = await team.PutAsync(url, Audit(AuditFingerprints.Json("x", 1).Replace("\"shape\":[16,16]", "\"shape\":[16,-1]", StringComparison.Ordinal)));
        badShape.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(badShape)).ShouldContain("fingerprint.tensors[0].shape:");
        var otherSketch = await team.PutAsync(url, Audit(AuditFingerprints.Json("x", 1).Replace("\"sketchSize\":1024", "\"sketchSize\":512", StringComparison.Ordinal)));
        otherSketch.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(otherSketch)).ShouldContain("fingerprint both with the same settings");
        var weights = await team.PutAsync(url, Json("{\"fingerprint\": \"model.safetensors\"}"));
        weights.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(weights)).ShouldContain("fingerprint: send the model's fingerprint");
        (await team.PutAsync("/api/leaderboard/phases/999999/audit", Audit(AuditFingerprints.Json("x", 1)))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await provider.PutAsync(url, Audit(AuditFingerprints.Json("x", 1)))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await anon.PutAsync(url, Audit(AuditFingerprints.Json("x", 1)))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anon.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "not public before publication");
        (await provider.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RegisterRun_MalformedOrUnbound_IsRefusedWithTheReason()
    {
        var p = await NewPhase();
        var bench = await p.BenchmarkId("kobest_boolq");
        using var team = f.Client("team");
        using var teamb = f.Client("teamb");
        using var op = f.Client("operator");
        async Task<string> Refused(HttpClient c, (byte[], byte[]) files, HttpStatusCode expected, string role = "model", long? org = null, long? benchmark = null)
        {
            var r = await PhaseScenario.UploadRun(c, p.PhaseId, benchmark ?? bench, role, files, org);
            r.StatusCode.ShouldBe(expected, await r.Content.ReadAsStringAsync());
            return await HubFixture.Detail(r);
        }

        var good = PhaseScenario.RunFiles("team-a-7b", "kobest_boolq", 0.8, items: 20);
        (await Refused(team, (good.Run, Encoding.UTF8.GetBytes("{\"id\":\"x\",\"correct\":true}\n{broken\n")), HttpStatusCode.BadRequest)).ShouldContain("items.jsonl line 2");
        (await Refused(team, (Encoding.UTF8.GetBytes("{\"model\":"), good.Items), HttpStatusCode.BadRequest)).ShouldContain("run.json");
        (await Refused(team, PhaseScenario.RunFiles("team-a-7b", "kmmlu", 0.8, items: 5), HttpStatusCode.BadRequest)).ShouldContain("benchmark.name is 'kmmlu', not 'kobest_boolq'");
        (await Refused(team, PhaseScenario.RunFiles("someone-else", "kobest_boolq", 0.8, items: 5), HttpStatusCode.BadRequest)).ShouldContain("declared 'team-a-7b'");
        (await Refused(team, good, HttpStatusCode.BadRequest, role: "judge")).ShouldContain("role: 'judge'");
        (await Refused(teamb, good, HttpStatusCode.Forbidden, org: f.TeamOrg.Id)).ShouldContain("own team");
        (await Refused(op, good, HttpStatusCode.BadRequest)).ShouldContain("operators name the team");
        (await Refused(team, good, HttpStatusCode.BadRequest, benchmark: await p.BenchmarkId("nia-sealed"))).ShouldContain("sealed");
        var twice = Encoding.UTF8.GetBytes("{\"id\":\"a\",\"correct\":true}\n{\"id\":\"a\",\"correct\":false}\n");
        (await Refused(team, (good.Run, twice), HttpStatusCode.BadRequest)).ShouldContain("appears twice");
        var outOfRange = Encoding.UTF8.GetBytes("{\"id\":\"a\",\"correct\":true,\"score\":7}\n");
        (await Refused(team, (good.Run, outOfRange), HttpStatusCode.BadRequest)).ShouldContain("outside [0, 1]");

        // The operator registers for a team; a run of another benchmark version is a conflict.
        (await PhaseScenario.UploadRun(op, p.PhaseId, bench, "model", good, f.TeamOrg.Id)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Refused(team, PhaseScenario.RunFiles("team-a-7b", "kobest_boolq", 0.8, items: 20, hash: "sha256:other"), HttpStatusCode.Conflict)).ShouldContain("benchmark.hash");
        var json = await team.PostAsJsonAsync($"/api/leaderboard/phases/{p.PhaseId}/runs?benchmarkId={bench}&role=model", new { x = 1 });
        json.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(json)).ShouldContain("multipart");
    }

    [Fact]
    public async Task SealedSubmissions_AreRateLimited_AndShowTheLadderScore()
    {
        var p = await NewPhase();
        var bench = await p.BenchmarkId("nia-sealed");
        using var op = f.Client("operator");
        using var team = f.Client("team");
        var url = $"/api/leaderboard/phases/{p.PhaseId}/sealed/{bench}/submissions";
        (await team.PostAsJsonAsync(url, new { role = "model", predictions = PhaseScenario.Predictions(0.5) })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "no sealed items stored yet");
        var items = Enumerable.Range(0, 60).Select(i => new { id = $"s{i:D3}", answer = PhaseScenario.Letters[i % 4] }).ToArray();
        (await op.PutAsJsonAsync($"/api/leaderboard/phases/{p.PhaseId}/sealed/{bench}/items", new { items })).EnsureSuccessStatusCode();
        (await PhaseScenario.Ok(team.GetAsync($"/api/leaderboard/phases/{p.PhaseId}/sealed/{bench}/ids"))).GetArrayLength().ShouldBe(60);

        var first = await PhaseScenario.Ok(team.PostAsJsonAsync(url, new { role = "model", predictions = PhaseScenario.Predictions(0.5) }));
        first.GetProperty("shown").GetDouble().ShouldBe(0.5, 1e-9);
        first.GetProperty("leftToday").GetInt32().ShouldBe(1);

        // A worse submission shows the previous best (probing reveals nothing); the daily limit then refuses a third.
        var second = await PhaseScenario.Ok(team.PostAsJsonAsync(url, new { role = "model", predictions = PhaseScenario.Predictions(0.45) }));
        second.GetProperty("shown").GetDouble().ShouldBe(0.5, 1e-9, "a worse submission reveals nothing new");
        var third = await team.PostAsJsonAsync(url, new { role = "model", predictions = PhaseScenario.Predictions(0.9) });
        third.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await HubFixture.Detail(third)).ShouldContain("2 sealed submissions per day");
        f.Time.Now = f.Time.Now.AddDays(1.01);
        try
        {
            // The fixture's tokens expire after a day: a fresh one for the next day.
            var fresh = await new Moa.Hub.Accounts.AccountService(f.Db, f.Time, f.Options).IssueTokenAsync(f.TeamMember, "next day", Moa.Hub.Accounts.TokenScopes.All, TimeSpan.FromDays(1));
            using var nextDay = f.Client();
            nextDay.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", fresh.Token);
            (await PhaseScenario.Ok(nextDay.PostAsJsonAsync(url, new { role = "model", predictions = PhaseScenario.Predictions(0.9) }))).GetProperty("shown").GetDouble().ShouldBe(0.9, 1e-9);
        }
        finally
        {
            f.Time.Now = f.Time.Now.AddDays(-1.01);
        }

        // Malformed predictions and sealed items that can no longer change.
        var missing = await team.PostAsJsonAsync(url, new { role = "reference", predictions = new Dictionary<string, string> { ["s000"] = "A" } });
        (await HubFixture.Detail(missing)).ShouldContain("59 sealed item(s) have no answer");
        var unknown = await team.PostAsJsonAsync(url, new { role = "reference", predictions = new Dictionary<string, string> { ["nope"] = "A" } });
        (await HubFixture.Detail(unknown)).ShouldContain("'nope' is not a sealed item id");
        (await op.PutAsJsonAsync($"/api/leaderboard/phases/{p.PhaseId}/sealed/{bench}/items", new { items })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var view = await PhaseScenario.Ok(team.GetAsync($"/api/leaderboard/phases/{p.PhaseId}/team"));
        view.GetProperty("sealed")[0].GetProperty("shown").GetDouble().ShouldBe(0.9, 1e-9);
    }

    [Fact]
    public async Task ReviewsAndBattles_AreBlind_AndGuarded()
    {
        var p = await NewPhase();
        var codes = await p.Reviews(scoreAll: false);
        using var provider = f.Client("provider");
        using var team = f.Client("team");
        using var op = f.Client("operator");

        // The reviewer sees codes and titles, never the team.
        var reviews = await Ok(provider.GetAsync($"/api/leaderboard/phases/{p.PhaseId}/reviews"));
        reviews.GetArrayLength().ShouldBe(2);
        reviews.GetRawText().ShouldNotContain(f.TeamOrg.Name);
        reviews.GetRawText().ShouldNotContain("organisationId");
        (await team.GetAsync($"/api/leaderboard/phases/{p.PhaseId}/reviews")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var code = codes[f.TeamOrg.Id];
        var over = await provider.PostAsJsonAsync($"/api/leaderboard/phases/{p.PhaseId}/reviews/{code}", new { scores = new { method = 6 } });
        (await HubFixture.Detail(over)).ShouldContain("scores.method: 6 is outside 0–5");
        var unknownItem = await provider.PostAsJsonAsync($"/api/leaderboard/phases/{p.PhaseId}/reviews/{code}", new { scores = new { style = 1 } });
        (await HubFixture.Detail(unknownItem)).ShouldContain("'style' is not a rubric item");
        (await op.PostAsJsonAsync($"/api/leaderboard/phases/{p.PhaseId}/reviews/{code}", new { scores = new { method = 1 } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "not assigned");
        var own = await op.PostAsJsonAsync($"/api/leaderboard/phases/{p.PhaseId}/reviewers", new { reviewerId = f.TeamMember.Id, organisationId = f.OtherTeamOrg.Id });
        (await HubFixture.Detail(own)).ShouldContain("belongs to a team of this phase");

        // Battles: team members do not vote; answers come without names; one vote per battle, by its voter.
        (await team.PostAsync($"/api/leaderboard/phases/{p.PhaseId}/battles", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await provider.PostAsync($"/api/leaderboard/phases/{p.PhaseId}/battles", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "no answers yet");
        await p.Battles(perVoter: 1);
        var battle = await PhaseScenario.Ok(provider.PostAsync($"/api/leaderboard/phases/{p.PhaseId}/battles", null));
        battle.GetRawText().ShouldNotContain("organisation");
        var again = await PhaseScenario.Ok(provider.PostAsync($"/api/leaderboard/phases/{p.PhaseId}/battles", null));
        (again.GetProperty("prompt").GetString(), again.GetProperty("answerA").GetString(), again.GetProperty("answerB").GetString())
            .ShouldBe((battle.GetProperty("prompt").GetString(), battle.GetProperty("answerA").GetString(), battle.GetProperty("answerB").GetString()), "until the voter votes, a reload shows the same battle");
        var bid = battle.GetProperty("token").GetString()!;
        using var partner = f.Client("partner");
        (await partner.PostAsJsonAsync($"/api/leaderboard/phases/{p.PhaseId}/battles/{bid}/vote", new { choice = "a" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "another voter's token");
        (await provider.PostAsJsonAsync($"/api/leaderboard/phases/{p.PhaseId}/battles/{bid}/vote", new { choice = "c" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await provider.PostAsJsonAsync($"/api/leaderboard/phases/{p.PhaseId}/battles/{bid}/vote", new { choice = "a", ratingA = 9 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var forged = await provider.PostAsJsonAsync($"/api/leaderboard/phases/{p.PhaseId}/battles/{Flip(bid, 40)}/vote", new { choice = "a" });
        (await HubFixture.Detail(forged)).ShouldContain("battle token is not valid");
        (await provider.PostAsJsonAsync($"/api/leaderboard/phases/{p.PhaseId}/battles/{bid[..50]}/vote", new { choice = "a" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "cut short");
        (await provider.PostAsJsonAsync($"/api/leaderboard/phases/{p.PhaseId + 1000}/battles/{bid}/vote", new { choice = "a" })).StatusCode.ShouldBe(HttpStatusCode.NotFound, "no such phase");
        (await provider.PostAsJsonAsync($"/api/leaderboard/phases/{p.PhaseId}/battles/{bid}/vote", new { choice = "a" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var replayed = await provider.PostAsJsonAsync($"/api/leaderboard/phases/{p.PhaseId}/battles/{bid}/vote", new { choice = "b" });
        replayed.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await HubFixture.Detail(replayed)).ShouldContain("voted on this battle already");
        var reissued = again.GetProperty("token").GetString()!;
        (await provider.PostAsJsonAsync($"/api/leaderboard/phases/{p.PhaseId}/battles/{reissued}/vote", new { choice = "b" })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "a reload's token is the same battle");
        var next = await PhaseScenario.Ok(provider.PostAsync($"/api/leaderboard/phases/{p.PhaseId}/battles", null));
        (await provider.PostAsJsonAsync($"/api/leaderboard/phases/{p.PhaseId}/battles/{next.GetProperty("token").GetString()}/vote", new { choice = "tie" })).StatusCode.ShouldBe(HttpStatusCode.NoContent, "the next battle takes a vote");

        // Incomplete reviews are named when the operator asks for the ranking.
        var r = await op.GetAsync($"/api/leaderboard/phases/{p.PhaseId}/results");
        (await HubFixture.Detail(r)).ShouldContain("has no complete expert review");
    }

    [Fact]
    public async Task CreatePhase_InvalidDefinitions_AreRefusedNamingTheField()
    {
        using var op = f.Client("operator");
        async Task<string> Refused(Func<Dictionary<string, object?>, Dictionary<string, object?>> change)
        {
            var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(PhaseScenario.NewPhase(f, Unique("bad "))))!;
            var r = await op.PostAsJsonAsync("/api/leaderboard/phases", change(body));
            r.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await r.Content.ReadAsStringAsync());
            return await HubFixture.Detail(r);
        }

        (await Refused(b => { b["eliminate"] = 2; return b; })).ShouldStartWith("eliminate:");
        (await Refused(b => { b["closesAt"] = b["opensAt"]; return b; })).ShouldStartWith("closesAt:");
        (await Refused(b => { b["teams"] = new[] { new { organisationId = f.ProviderOrg.Id, model = "m", referenceModel = "r" }, new { organisationId = f.TeamOrg.Id, model = "m", referenceModel = "r" } }; return b; })).ShouldContain("is not a model team");
        (await Refused(b => { b["criteria"] = new[] { new { name = "vibes", points = 10 } }; return b; })).ShouldStartWith("criteria[0]:");
        (await Refused(b => { b["benchmarks"] = new[] { new { name = "x", kind = "common", randomBaseline = 1.0 } }; return b; })).ShouldContain("randomBaseline");
        (await Refused(b => { b["benchmarks"] = new[] { new { name = "x", kind = "team", randomBaseline = 0.25 } }; return b; })).ShouldContain("team-chosen");
        (await Refused(b => { b["rubric"] = new[] { new { code = "a", title = "t", weight = 0, maxPoints = 5 } }; return b; })).ShouldStartWith("rubric[0]:");
        using var team = f.Client("team");
        (await team.PostAsJsonAsync("/api/leaderboard/phases", PhaseScenario.NewPhase(f, Unique("x ")))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>The result JSON as frozen at publication: the export without the stored contamination results beside it.</summary>
    private static string Frozen(string exported)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(exported)!.AsObject();
        node.Remove("contamination");
        node.Remove("independence");
        return node.ToJsonString(new JsonSerializerOptions(JsonSerializerDefaults.Web) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
    }

    /// <summary>A signed agreement (provider, operator, team) giving a team the fixture's curated corpus nsmc-reviews.</summary>
    private Task SignedAgreement(string team) => SignedAgreement(f, team);

    /// <summary>A signed agreement giving a team (team or teamb) the curated NSMC corpus.</summary>
    internal static async Task SignedAgreement(HubFixture f, string team)
    {
        using var op = f.Client("operator");
        var created = await op.PostAsJsonAsync("/api/agreements", new
        {
            title = Unique("학습 협약 "), providerOrganisationId = f.ProviderOrg.Id, teamOrganisationId = team == "team" ? f.TeamOrg.Id : f.OtherTeamOrg.Id,
            datasetSlugs = new[] { "nsmc-reviews" }, purposes = new[] { "pretraining" }, commercial = false, startsAt = f.Time.Now.AddDays(-1), endsAt = f.Time.Now.AddDays(365),
            processingSupportKrw = 0, copyrightCompensationKrw = 0, responsibilities = "-",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await HubFixture.Json(created)).GetProperty("id").GetInt64();
        foreach (var who in new[] { "provider", "operator", team })
        {
            using var c = f.Client(who);
            (await c.PostAsync($"/api/agreements/{id}/sign", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    /// <summary>The token with one base64url character changed (a forged token).</summary>
    private static string Flip(string token, int at) => token[..at] + (token[at] == 'A' ? 'B' : 'A') + token[(at + 1)..];
}

public sealed class LeaderboardTests_Sqlite(SqliteHubFixture f) : LeaderboardTests(f), IClassFixture<SqliteHubFixture>;

public sealed class LeaderboardTests_Postgres(PostgresHubFixture f) : LeaderboardTests(f), IClassFixture<PostgresHubFixture>;
