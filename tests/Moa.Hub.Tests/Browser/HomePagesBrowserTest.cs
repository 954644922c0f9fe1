using Microsoft.Playwright;
using Moa.Hub.Tests.Infrastructure;

namespace Moa.Hub.Tests.Browser;

/// <summary>Each role signs in in Debian Chromium, sees its own home page, and does one everyday action. Screenshots in artifacts/hub-browser/.</summary>
public sealed class HomePagesBrowserTest(SqliteHubFixture f) : IClassFixture<SqliteHubFixture>
{
    [Fact]
    public async Task EachRole_SeesItsHomePage_AndDoesOneAction()
    {
        await using var browser = await HubBrowser.OpenAsync(f.BaseUrl);
        var page = browser.Page;

        // Operator: open calls, applications to review, agreements awaiting signatures, usage by organisation; disables and re-enables a user.
        await browser.SignIn("operator@moa.test");
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("#home-operator");
        (await page.InnerTextAsync("#home-calls")).ShouldContain(f.Call.Title);
        (await page.IsVisibleAsync("#home-review")).ShouldBeTrue();
        (await page.IsVisibleAsync("#home-unsigned")).ShouldBeTrue();
        (await page.IsVisibleAsync("#home-usage")).ShouldBeTrue();
        await browser.Shot("home-operator");
        await page.ClickAsync("#manage-users");
        await page.ClickAsync($"#disable-{f.OtherTeamMember.Id}");
        (await page.InnerTextAsync($"#user-{f.OtherTeamMember.Id} .state")).ShouldBe("사용 중지");
        await page.ClickAsync($"#enable-{f.OtherTeamMember.Id}");
        (await page.InnerTextAsync($"#user-{f.OtherTeamMember.Id} .state")).ShouldBe("사용 중");
        await browser.Shot("users-operator");

        // English works throughout.
        await page.GotoAsync("/lang/en");
        await page.GotoAsync("/");
        (await page.InnerTextAsync("#home-calls h2")).ShouldBe("Open calls");
        await page.GotoAsync("/lang/ko");
        await browser.SignOut();

        // Provider: its applications, agreements and datasets with their curation reports; creates an API token.
        await browser.SignIn("provider@moa.test");
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("#home-provider");
        (await page.InnerTextAsync("#home-datasets")).ShouldContain("NSMC");
        (await page.IsVisibleAsync("#home-applications")).ShouldBeTrue();
        await browser.Shot("home-provider");
        await page.GotoAsync("/tokens");
        await page.FillAsync("#token-name", "업로드 스크립트");
        await page.ClickAsync("#token-create");
        (await page.InnerTextAsync("#new-token")).ShouldStartWith("moa_");
        (await page.InnerTextAsync("#tokens")).ShouldContain("업로드 스크립트");
        await browser.SignOut();

        // Team: its agreements and the datasets it may download; revokes one of its tokens.
        await browser.SignIn("team@moa.test");
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("#home-team");
        (await page.IsVisibleAsync("#home-agreements")).ShouldBeTrue();
        (await page.IsVisibleAsync("#home-downloadable")).ShouldBeTrue();
        await browser.Shot("home-team");
        await page.GotoAsync("/tokens");
        await page.FillAsync("#token-name", "학습 서버");
        await page.ClickAsync("#token-create");
        var row = page.Locator("#tokens tr", new PageLocatorOptions { HasText = "학습 서버" });
        await row.Locator("button[id^=revoke-token-]").ClickAsync();
        (await page.Locator("#tokens tr", new PageLocatorOptions { HasText = "학습 서버" }).InnerTextAsync()).ShouldContain("폐기됨");
        await browser.SignOut();
        browser.CspErrors.ShouldBeEmpty("pages work under the Content-Security-Policy");
    }
}
