using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Moa.Hub.Tests.Infrastructure;

namespace Moa.Hub.Tests.Browser;

/// <summary>
/// A whole phase in Debian Chromium, from the suite to the published ranking: the operator defines the phase on its page,
/// teams' runs, sealed submissions and answers arrive through the API, a reviewer scores reports blind and a voter judges
/// a blind battle on their pages, the operator publishes, and the public and the team see the result. Screenshots in
/// artifacts/hub-browser/.
/// </summary>
public sealed class LeaderboardBrowserTest(SqliteHubFixture f) : IClassFixture<SqliteHubFixture>
{
    [Fact]
    public async Task WholePhase_FromSuiteToPublishedRanking_InTheBrowser()
    {
        await using var browser = await HubBrowser.OpenAsync(f.BaseUrl);
        var page = browser.Page;

        // Operator defines the phase: suite, teams with reference models, rubric, timetable, elimination rule.
        await browser.SignIn("operator@moa.test");
        await page.GotoAsync("/leaderboard");
        await page.FillAsync("#phase-name", "2026 1차 단계 평가");
        await page.FillAsync("#phase-opens", f.Time.Now.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.FillAsync("#phase-closes", f.Time.Now.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.FillAsync("#phase-eliminate", "1");
        await page.FillAsync("#phase-teams", $"{f.TeamOrg.Id} | team-a-7b | frontier-ref\n{f.OtherTeamOrg.Id} | team-b-7b | frontier-ref");
        await page.FillAsync("#phase-benchmarks", "kobest_boolq | common | 0.5\nkmmlu | common | 0.25\nnia-sealed | programme | 0.25 | | sealed");
        await page.FillAsync("#phase-rubric", "method | 방법론 | 2 | 5\ndata | 데이터 | 1 | 5");
        await browser.Shot("leaderboard-new-phase");
        await page.ClickAsync("#phase-submit");
        await page.WaitForSelectorAsync("#suite");
        var phaseId = long.Parse(page.Url.Split('/')[^1], CultureInfo.InvariantCulture);
        (await page.InnerTextAsync("#phase-state")).ShouldBe("진행 중");
        (await page.InnerTextAsync("#incomplete")).ShouldContain("has no run");
        await browser.SignOut();

        // Teams register runs, sealed submissions, reports and answers; reviewers are assigned (API).
        var scenario = new PhaseScenario(f, phaseId);
        await scenario.UploadRuns();
        await scenario.SealedSubmissions();
        var codes = await scenario.Reviews(scoreAll: false);
        foreach (var who in new[] { "partner", "third" })
        {
            using var c = f.Client(who);
            (await c.PostAsJsonAsync($"/api/leaderboard/phases/{phaseId}/reviews/{codes[f.TeamOrg.Id]}", new { scores = new { method = 4.5, data = 4.0 } })).EnsureSuccessStatusCode();
            (await c.PostAsJsonAsync($"/api/leaderboard/phases/{phaseId}/reviews/{codes[f.OtherTeamOrg.Id]}", new { scores = new { method = 2.0, data = 2.0 } })).EnsureSuccessStatusCode();
        }

        await scenario.Battles();

        // A reviewer scores both reports on the review page, seeing codes, not teams.
        await browser.SignIn("provider@moa.test");
        await page.GotoAsync($"/leaderboard/{phaseId}/review");
        (await page.InnerTextAsync("main")).ShouldNotContain(f.TeamOrg.Name);
        foreach (var (org, method) in new[] { (f.TeamOrg.Id, "4"), (f.OtherTeamOrg.Id, "1.5") })
        {
            var code = codes[org];
            await page.FillAsync($"#score-{code}-method", method);
            await page.FillAsync($"#score-{code}-data", "3");
            await page.ClickAsync($"#review-submit-{code}");
            await page.WaitForSelectorAsync($"#review-{code}");
            (await page.InputValueAsync($"#score-{code}-method")).ShouldBe(method);
        }

        await browser.Shot("leaderboard-review");

        // The same person votes in a blind battle.
        await page.GotoAsync($"/leaderboard/{phaseId}/vote");
        (await page.InnerTextAsync("#battle-prompt")).ShouldStartWith("질문");
        var aIsTeamA = (await page.InnerTextAsync("#answer-a")).StartsWith("[A]", StringComparison.Ordinal);
        await browser.Shot("leaderboard-vote");
        await page.SelectOptionAsync("#rating-a", aIsTeamA ? "5" : "2");
        await page.SelectOptionAsync("#rating-b", aIsTeamA ? "2" : "5");
        await page.ClickAsync(aIsTeamA ? "#vote-a" : "#vote-b");
        await page.WaitForSelectorAsync("#battle-prompt");
        await browser.SignOut();

        // The operator sees the live ranking and publishes it.
        await browser.SignIn("operator@moa.test");
        await page.GotoAsync($"/leaderboard/{phaseId}");
        await page.WaitForSelectorAsync("#standings");
        await page.ClickAsync("#publish");
        await page.WaitForSelectorAsync("#standings");
        (await page.InnerTextAsync("#phase-state")).ShouldBe("결과 공개");
        await browser.SignOut();

        // The public sees the published ranking (in Korean and English); the eliminated team is the separated one.
        await page.GotoAsync($"/leaderboard/{phaseId}");
        (await page.InnerTextAsync($"#standing-{f.TeamOrg.Id} .decision")).ShouldBe("진출");
        (await page.InnerTextAsync($"#standing-{f.OtherTeamOrg.Id} .decision")).ShouldBe("탈락");
        (await page.InnerTextAsync("#alpha")).ShouldStartWith("Krippendorff α =");
        await browser.Shot("leaderboard-published");
        await page.GotoAsync("/lang/en");
        await page.GotoAsync($"/leaderboard/{phaseId}");
        (await page.InnerTextAsync($"#standing-{f.OtherTeamOrg.Id} .decision")).ShouldBe("eliminated");
        await page.GotoAsync("/lang/ko");

        // The team sees its own page: standing, runs, sealed feedback, shares of the reference.
        await browser.SignIn("team@moa.test");
        await page.GotoAsync($"/leaderboard/{phaseId}/team");
        (await page.InnerTextAsync("#my-standing")).ShouldStartWith("#1");
        (await page.Locator("#my-runs tr").CountAsync()).ShouldBe(5);
        (await page.IsVisibleAsync("#my-sealed")).ShouldBeTrue();
        (await page.IsVisibleAsync("#my-shares")).ShouldBeTrue();
        await browser.Shot("leaderboard-team");
        await browser.SignOut();
        browser.CspErrors.ShouldBeEmpty("pages work under the Content-Security-Policy");
    }
}
