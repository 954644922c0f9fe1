using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Moa.Hub.Tests.Infrastructure;

/// <summary>
/// A whole phase's raw data through the API, for the fixture's two teams (A = TeamOrg, clearly better; B = OtherTeamOrg):
/// runs of each model and reference model on the common benchmarks, sealed submissions, technical reports, three
/// reviewers, answers to battle prompts and blind votes by four voters. Everything is seeded, so results are reproducible.
/// </summary>
public sealed class PhaseScenario(HubFixture f, long phaseId)
{
    public const int Items = 300;

    public long PhaseId => phaseId;

    /// <summary>The request body of a phase over the fixture's teams: two common benchmarks and a sealed programme benchmark.</summary>
    public static object NewPhase(HubFixture f, string name, int eliminate = 1) => new
    {
        name,
        year = 2026,
        opensAt = f.Time.Now.AddDays(-1),
        closesAt = f.Time.Now.AddDays(30),
        eliminate,
        teams = new object[]
        {
            new { organisationId = f.TeamOrg.Id, model = "team-a-7b", referenceModel = "frontier-ref" },
            new { organisationId = f.OtherTeamOrg.Id, model = "team-b-7b", referenceModel = "frontier-ref" },
        },
        benchmarks = new object[]
        {
            new { name = "kobest_boolq", kind = "common", randomBaseline = 0.5 },
            new { name = "kmmlu", kind = "common", randomBaseline = 0.25 },
            new { name = "nia-sealed", kind = "programme", randomBaseline = 0.25, @sealed = true },
        },
        rubric = new object[]
        {
            new { code = "method", title = "방법론", weight = 2.0, maxPoints = 5.0 },
            new { code = "data", title = "데이터", weight = 1.0, maxPoints = 5.0 },
        },
        sealedPerDay = 2,
        resamples = 300,
    };

    /// <summary>run.json and items.jsonl bytes as <c>moa eval</c> writes them, with <paramref name="accuracy"/> of items correct.</summary>
    public static (byte[] Run, byte[] Items) RunFiles(string model, string benchmark, double accuracy, int items = Items, int seed = 1, string hash = "sha256:bench")
    {
        var run = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { moa_version = "0.1.0", model, mode = "loglikelihood", benchmark = new { name = benchmark, version = "1", hash } }));
        var rng = new Random(seed);
        var sb = new StringBuilder();
        for (var i = 0; i < items; i++)
        {
            var correct = rng.NextDouble() < accuracy;
            sb.Append(JsonSerializer.Serialize(new { id = $"{benchmark}-{i:D4}", subset = "", correct, predicted = correct ? 1 : 0, answer = 1, score = correct ? 1.0 : 0.0 })).Append('\n');
        }

        return (run, Encoding.UTF8.GetBytes(sb.ToString()));
    }

    public static async Task<HttpResponseMessage> UploadRun(HttpClient c, long phase, long benchmark, string role, (byte[] Run, byte[] Items) files, long? organisationId = null)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(files.Run), "run", "run.json" },
            { new ByteArrayContent(files.Items), "items", "items.jsonl" },
        };
        var q = $"/api/leaderboard/phases/{phase}/runs?benchmarkId={benchmark}&role={role}" + (organisationId is { } o ? $"&organisationId={o}" : "");
        return await c.PostAsync(q, form);
    }

    public async Task<JsonElement> Phase()
    {
        using var c = f.Client("operator");
        return await HubFixture.Json(await c.GetAsync($"/api/leaderboard/phases/{phaseId}"));
    }

    public async Task<long> BenchmarkId(string name)
    {
        foreach (var b in (await Phase()).GetProperty("benchmarks").EnumerateArray())
        {
            if (b.GetProperty("name").GetString() == name)
            {
                return b.GetProperty("id").GetInt64();
            }
        }

        throw new InvalidOperationException(name);
    }

    /// <summary>Runs on the common benchmarks: A matches its reference, B reaches about a third of it.</summary>
    public async Task UploadRuns()
    {
        using var a = f.Client("team");
        using var b = f.Client("teamb");
        foreach (var (bench, seed) in new[] { ("kobest_boolq", 10), ("kmmlu", 20) })
        {
            var id = await BenchmarkId(bench);
            await Ok(UploadRun(a, phaseId, id, "model", RunFiles("team-a-7b", bench, 0.82, seed: seed)));
            await Ok(UploadRun(a, phaseId, id, "reference", RunFiles("frontier-ref", bench, 0.85, seed: seed + 1)));
            await Ok(UploadRun(b, phaseId, id, "model", RunFiles("team-b-7b", bench, 0.55, seed: seed + 2)));
            await Ok(UploadRun(b, phaseId, id, "reference", RunFiles("frontier-ref", bench, 0.85, seed: seed + 1)));
        }
    }

    public static readonly string[] Letters = ["A", "B", "C", "D"];

    /// <summary>
    /// The text of the first sealed items: s000 is a review of the fixture's curated NSMC corpus (nsmc-9570141, so a
    /// team declaring that corpus is contaminated on it); s001 appears in no corpus.
    /// </summary>
    public static readonly string[] SealedTexts =
    [
        "실버영화관에 가서 잘 보고 왔습니다.그시대의 향수가 물씬 풍기는 작품에 다시한번 옛날을 회상하였네요. 재밌게 잘 감상하였습니다.",
        "봉인 문항: 국가 인공지능 파운데이션 모델 평가를 위해 새로 쓴 문장으로, 어느 말뭉치에도 실린 적이 없습니다. 정답을 고르세요.",
    ];

    /// <summary>Sealed items (answers stored by the operator) and one submission per team and role.</summary>
    public async Task SealedSubmissions()
    {
        var bench = await BenchmarkId("nia-sealed");
        using var op = f.Client("operator");
        var items = Enumerable.Range(0, 60).Select(i => new { id = $"s{i:D3}", answer = Letters[i % 4], text = i < SealedTexts.Length ? SealedTexts[i] : null }).ToArray();
        (await op.PutAsJsonAsync($"/api/leaderboard/phases/{phaseId}/sealed/{bench}/items", new { items })).EnsureSuccessStatusCode();
        foreach (var (who, role, accuracy) in new[] { ("team", "model", 0.9), ("team", "reference", 0.9), ("teamb", "model", 0.35), ("teamb", "reference", 0.9) })
        {
            using var c = f.Client(who);
            await Ok(c.PostAsJsonAsync($"/api/leaderboard/phases/{phaseId}/sealed/{bench}/submissions", new { role, predictions = Predictions(accuracy) }));
        }
    }

    /// <summary>Predictions for the 60 sealed items, the first <paramref name="accuracy"/> share right.</summary>
    public static Dictionary<string, string> Predictions(double accuracy) =>
        Enumerable.Range(0, 60).ToDictionary(i => $"s{i:D3}", i => i < (int)Math.Round(accuracy * 60) ? Letters[i % 4] : Letters[(i + 1) % 4]);

    /// <summary>Reports by both teams; three reviewers (provider, partner, third) assigned to both; A scored high, B low.</summary>
    public async Task<Dictionary<long, string>> Reviews(bool scoreAll = true)
    {
        var codes = new Dictionary<long, string>();
        foreach (var (who, org) in new[] { ("team", f.TeamOrg.Id), ("teamb", f.OtherTeamOrg.Id) })
        {
            using var c = f.Client(who);
            var r = await Ok(c.PostAsJsonAsync($"/api/leaderboard/phases/{phaseId}/report", new { title = $"{who} 기술 보고서", body = "모델 구조, 학습 데이터, 평가 결과." }));
            codes[org] = r.GetProperty("code").GetString()!;
        }

        using var op = f.Client("operator");
        var reviewers = new[] { (f.ProviderMember.Id, "provider"), (f.PartnerMember.Id, "partner"), (f.ThirdMember.Id, "third") };
        foreach (var (id, _) in reviewers)
        {
            foreach (var org in codes.Keys)
            {
                (await op.PostAsJsonAsync($"/api/leaderboard/phases/{phaseId}/reviewers", new { reviewerId = id, organisationId = org })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            }
        }

        if (scoreAll)
        {
            var k = 0;
            foreach (var (_, who) in reviewers)
            {
                using var c = f.Client(who);
                (await c.PostAsJsonAsync($"/api/leaderboard/phases/{phaseId}/reviews/{codes[f.TeamOrg.Id]}", new { scores = new { method = 4.5 - (k * 0.5), data = 4.0 } })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
                (await c.PostAsJsonAsync($"/api/leaderboard/phases/{phaseId}/reviews/{codes[f.OtherTeamOrg.Id]}", new { scores = new { method = 1.5 + (k * 0.5), data = 2.0 } })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
                k++;
            }
        }

        return codes;
    }

    /// <summary>Prompts answered by both teams, then <paramref name="perVoter"/> blind votes by each of four voters: A's answer wins nine in ten.</summary>
    public async Task Battles(int perVoter = 12)
    {
        using var op = f.Client("operator");
        var ids = (await Ok(op.PostAsJsonAsync($"/api/leaderboard/phases/{phaseId}/prompts", new { prompts = Enumerable.Range(0, 8).Select(i => $"질문 {i}: 한국의 수도는?").ToArray() })))
            .GetProperty("ids").EnumerateArray().Select(x => x.GetInt64()).ToArray();
        var rng = new Random(7);
        foreach (var (who, tag) in new[] { ("team", "A"), ("teamb", "B") })
        {
            using var c = f.Client(who);
            var answers = ids.Select(id => new { promptId = id, answer = $"[{tag}] 서울입니다." + new string('.', rng.Next(0, 40)) }).ToArray();
            await Ok(c.PostAsJsonAsync($"/api/leaderboard/phases/{phaseId}/answers", new { answers }));
        }

        var n = 0;
        foreach (var who in new[] { "operator", "provider", "partner", "third" })
        {
            using var c = f.Client(who);
            for (var i = 0; i < perVoter; i++)
            {
                var battle = await Ok(c.PostAsync($"/api/leaderboard/phases/{phaseId}/battles", null));
                var aIsTeamA = battle.GetProperty("answerA").GetString()!.StartsWith("[A]", StringComparison.Ordinal);
                var choice = n++ % 10 == 9 ? "tie" : aIsTeamA ? "a" : "b";
                var vote = await c.PostAsJsonAsync($"/api/leaderboard/phases/{phaseId}/battles/{battle.GetProperty("token").GetString()}/vote", new { choice, ratingA = aIsTeamA ? 5 : 2, ratingB = aIsTeamA ? 2 : 5 });
                vote.StatusCode.ShouldBe(HttpStatusCode.NoContent, await vote.Content.ReadAsStringAsync());
            }
        }
    }

    public async Task All()
    {
        await UploadRuns();
        await SealedSubmissions();
        await Reviews();
        await Battles();
    }

    public static async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
    {
        var r = await call;
        var text = await r.Content.ReadAsStringAsync();
        ((int)r.StatusCode).ShouldBeInRange(200, 299, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
