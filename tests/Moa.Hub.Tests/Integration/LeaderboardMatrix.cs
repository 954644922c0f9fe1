using System.Net.Http.Json;
using Moa.Hub.Tests.Infrastructure;

namespace Moa.Hub.Tests.Integration;

/// <summary>
/// The leaderboard's rows of the authorisation matrix: an open phase of both teams with the team's report assigned to
/// the partner member as reviewer. Both team members belong to the phase (they may not vote or review); the provider
/// member has no part in it; the partner is a reviewer.
/// </summary>
public abstract partial class HubIntegrationTests
{
    private async Task<(string Template, string Method, string Path, object? Body, int[] Expect)[]> LeaderboardMatrixRows()
    {
        using var op = f.Client("operator");
        var created = await PhaseScenario.Ok(op.PostAsJsonAsync("/api/leaderboard/phases", PhaseScenario.NewPhase(f, Unique("matrix phase "))));
        var p = created.GetProperty("phase").GetProperty("id").GetInt64();
        var benches = created.GetProperty("benchmarks").EnumerateArray().ToDictionary(b => b.GetProperty("name").GetString()!, b => b.GetProperty("id").GetInt64());
        var b = benches["kmmlu"];
        var s = benches["nia-sealed"];
        using var team = f.Client("team");
        var code = (await PhaseScenario.Ok(team.PostAsJsonAsync($"/api/leaderboard/phases/{p}/report", new { title = "보고서", body = "본문" }))).GetProperty("code").GetString();
        (await op.PostAsJsonAsync($"/api/leaderboard/phases/{p}/reviewers", new { reviewerId = f.PartnerMember.Id, organisationId = f.TeamOrg.Id })).EnsureSuccessStatusCode();
        var bad = new { name = "", year = 2026, opensAt = f.Time.Now, closesAt = f.Time.Now.AddDays(1), eliminate = 0, teams = Array.Empty<object>(), benchmarks = Array.Empty<object>(), rubric = Array.Empty<object>() };
        const string L = "/api/leaderboard/phases";

        // The group's own routes are mapped as ".../phases/" (MapGroup with ""); requests without the slash reach them.
        // roles:                                                                                       public operator provider partner team teamb
        return
        [
            (L + "/", "GET", L, null, [200, 200, 200, 200, 200, 200]),
            (L + "/", "POST", L, bad, [401, 400, 403, 403, 403, 403]),
            (L + "/{id}", "GET", $"{L}/{p}", null, [200, 200, 200, 200, 200, 200]),
            (L + "/{id}/publish", "POST", $"{L}/{p}/publish", null, [401, 409, 403, 403, 403, 403]),
            (L + "/{id}/results", "GET", $"{L}/{p}/results", null, [401, 409, 403, 403, 403, 403]),
            (L + "/{id}/results.csv", "GET", $"{L}/{p}/results.csv", null, [401, 409, 403, 403, 403, 403]),
            (L + "/{id}/runs", "POST", $"{L}/{p}/runs?benchmarkId={b}&role=model", "raw", [401, 400, 403, 403, 400, 400]),
            (L + "/{id}/runs", "GET", $"{L}/{p}/runs", null, [401, 200, 403, 403, 200, 200]),
            (L + "/{id}/team", "GET", $"{L}/{p}/team", null, [401, 400, 403, 403, 200, 200]),
            (L + "/{id}/corpora", "PUT", $"{L}/{p}/corpora", new { corpora = new[] { "no-such-corpus" } }, [401, 400, 403, 403, 400, 400]),
            (L + "/{id}/contamination", "GET", $"{L}/{p}/contamination", null, [401, 200, 403, 403, 200, 200]),
            (L + "/{id}/endpoints", "PUT", $"{L}/{p}/endpoints", new { role = "model", baseUrl = "x" }, [401, 400, 403, 403, 400, 400]),
            (L + "/{id}/endpoints", "GET", $"{L}/{p}/endpoints", null, [401, 200, 403, 403, 200, 200]),
            (L + "/{id}/evaluations", "POST", $"{L}/{p}/evaluations", new { organisationId = f.TeamOrg.Id, benchmarkId = s, role = "model" }, [401, 409, 403, 403, 403, 403]),
            (L + "/{id}/jobs", "GET", $"{L}/{p}/jobs", null, [401, 200, 403, 403, 200, 200]),
            ("/api/leaderboard/jobs/{jobId}", "GET", "/api/leaderboard/jobs/999999", null, [401, 404, 404, 404, 404, 404]),
            (L + "/{id}/audit", "PUT", $"{L}/{p}/audit", new { fingerprint = new { format = "x" } }, [401, 400, 403, 403, 400, 400]),
            (L + "/{id}/audit", "GET", $"{L}/{p}/audit", null, [401, 200, 403, 403, 200, 200]),
            ("/api/leaderboard/audit/registry", "POST", "/api/leaderboard/audit/registry", new { format = "x" }, [401, 400, 403, 403, 403, 403]),
            (L + "/{id}/sealed/{benchmarkId}/items", "PUT", $"{L}/{p}/sealed/{s}/items", new { items = Array.Empty<object>() }, [401, 400, 403, 403, 403, 403]),
            (L + "/{id}/sealed/{benchmarkId}/ids", "GET", $"{L}/{p}/sealed/{s}/ids", null, [401, 200, 403, 403, 200, 200]),
            (L + "/{id}/sealed/{benchmarkId}/submissions", "POST", $"{L}/{p}/sealed/{s}/submissions", new { role = "model", predictions = new { x = "A" } }, [401, 400, 403, 403, 409, 409]),
            (L + "/{id}/report", "POST", $"{L}/{p}/report", new { title = "", body = "" }, [401, 400, 403, 403, 400, 400]),
            (L + "/{id}/reviewers", "POST", $"{L}/{p}/reviewers", new { reviewerId = 999999, organisationId = f.TeamOrg.Id }, [401, 400, 403, 403, 403, 403]),
            (L + "/{id}/reviews", "GET", $"{L}/{p}/reviews", null, [401, 403, 403, 200, 403, 403]),
            (L + "/{id}/reviews/{code}", "POST", $"{L}/{p}/reviews/{code}", new { scores = new { zzz = 1 } }, [401, 403, 403, 400, 403, 403]),
            (L + "/{id}/prompts", "POST", $"{L}/{p}/prompts", new { prompts = Array.Empty<string>() }, [401, 400, 403, 403, 403, 403]),
            (L + "/{id}/prompts", "GET", $"{L}/{p}/prompts", null, [401, 200, 200, 200, 200, 200]),
            (L + "/{id}/answers", "POST", $"{L}/{p}/answers", new { answers = Array.Empty<object>() }, [401, 400, 403, 403, 400, 400]),
            (L + "/{id}/battles", "POST", $"{L}/{p}/battles", null, [401, 409, 409, 409, 403, 403]),
            (L + "/{id}/battles/{token}/vote", "POST", $"{L}/{p}/battles/{new string('A', 103)}/vote", new { choice = "x" }, [401, 400, 400, 400, 403, 403]),

            ("/leaderboard", "GET", "/leaderboard", null, [200, 200, 200, 200, 200, 200]),
            ("/leaderboard", "POST", "/leaderboard", Form(("name", "")), [401, 400, 403, 403, 403, 403]),
            ("/leaderboard/{id}", "GET", $"/leaderboard/{p}", null, [200, 200, 200, 200, 200, 200]),
            ("/leaderboard/{id}/publish", "POST", $"/leaderboard/{p}/publish", Form(), [401, 409, 403, 403, 403, 403]),
            ("/leaderboard/{id}/team", "GET", $"/leaderboard/{p}/team", null, [401, 400, 403, 403, 200, 200]),
            ("/leaderboard/{id}/corpora", "POST", $"/leaderboard/{p}/corpora", Form(("corpora", "no-such-corpus")), [401, 400, 403, 403, 400, 400]),
            ("/leaderboard/{id}/review", "GET", $"/leaderboard/{p}/review", null, [401, 403, 403, 200, 403, 403]),
            ("/leaderboard/{id}/review/{code}", "POST", $"/leaderboard/{p}/review/{code}", Form(("score-zzz", "1")), [401, 403, 403, 400, 403, 403]),
            ("/leaderboard/{id}/vote", "GET", $"/leaderboard/{p}/vote", null, [401, 409, 409, 409, 403, 403]),
            ("/leaderboard/{id}/vote/{token}", "POST", $"/leaderboard/{p}/vote/{new string('A', 103)}", Form(("choice", "x")), [401, 400, 400, 400, 403, 403]),
        ];
    }
}
