using Microsoft.Playwright;
using Moa.Hub.Tests.Infrastructure;

namespace Moa.Hub.Tests.Browser;

/// <summary>Each role signs in in Debian Chromium, sees its own home page, and does one everyday action. Screenshots in artifacts/hub-browser/.</summary>
public sealed class HomePagesBrowserTest(SqliteHubFixture f) : IClassFixture<SqliteHubFixture>
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private readonly string _shots = Path.Combine(TestPaths.RepoRoot, "artifacts", "hub-browser");

    [Fact]
    public async Task EachRole_SeesItsHomePage_AndDoesOneAction()
    {
        File.Exists(ChromiumPath).ShouldBeTrue($"{ChromiumPath} is missing: install Debian chromium (./test.sh does this).");
        Directory.CreateDirectory(_shots);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = f.BaseUrl, Locale = "ko-KR", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var cspErrors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                cspErrors.Add(m.Text);
            }
        };

        // Operator: open calls, applications to review, agreements awaiting signatures, usage by organisation; disables and re-enables a user.
        await SignIn(page, "operator@moa.test");
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("#home-operator");
        (await page.InnerTextAsync("#home-calls")).ShouldContain(f.Call.Title);
        (await page.IsVisibleAsync("#home-review")).ShouldBeTrue();
        (await page.IsVisibleAsync("#home-unsigned")).ShouldBeTrue();
        (await page.IsVisibleAsync("#home-usage")).ShouldBeTrue();
        await Shot(page, "home-operator");
        await page.ClickAsync("#manage-users");
        await page.ClickAsync($"#disable-{f.OtherTeamMember.Id}");
        (await page.InnerTextAsync($"#user-{f.OtherTeamMember.Id} .state")).ShouldBe("사용 중지");
        await page.ClickAsync($"#enable-{f.OtherTeamMember.Id}");
        (await page.InnerTextAsync($"#user-{f.OtherTeamMember.Id} .state")).ShouldBe("사용 중");
        await Shot(page, "users-operator");

        // English works throughout.
        await page.GotoAsync("/lang/en");
        await page.GotoAsync("/");
        (await page.InnerTextAsync("#home-calls h2")).ShouldBe("Open calls");
        await page.GotoAsync("/lang/ko");
        await SignOut(page);

        // Provider: its applications, agreements and datasets with their curation reports; creates an API token.
        await SignIn(page, "provider@moa.test");
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("#home-provider");
        (await page.InnerTextAsync("#home-datasets")).ShouldContain("NSMC");
        (await page.IsVisibleAsync("#home-applications")).ShouldBeTrue();
        await Shot(page, "home-provider");
        await page.GotoAsync("/tokens");
        await page.FillAsync("#token-name", "업로드 스크립트");
        await page.ClickAsync("#token-create");
        (await page.InnerTextAsync("#new-token")).ShouldStartWith("moa_");
        (await page.InnerTextAsync("#tokens")).ShouldContain("업로드 스크립트");
        await SignOut(page);

        // Team: its agreements and the datasets it may download; revokes one of its tokens.
        await SignIn(page, "team@moa.test");
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("#home-team");
        (await page.IsVisibleAsync("#home-agreements")).ShouldBeTrue();
        (await page.IsVisibleAsync("#home-downloadable")).ShouldBeTrue();
        await Shot(page, "home-team");
        await page.GotoAsync("/tokens");
        await page.FillAsync("#token-name", "학습 서버");
        await page.ClickAsync("#token-create");
        var row = page.Locator("#tokens tr", new PageLocatorOptions { HasText = "학습 서버" });
        await row.Locator("button[id^=revoke-token-]").ClickAsync();
        (await page.Locator("#tokens tr", new PageLocatorOptions { HasText = "학습 서버" }).InnerTextAsync()).ShouldContain("폐기됨");
        await SignOut(page);
        cspErrors.ShouldBeEmpty("pages work under the Content-Security-Policy");
    }

    private static async Task SignIn(IPage page, string email)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", HubFixture.Password);
        await page.ClickAsync("#login-submit");
        await page.WaitForSelectorAsync("#whoami");
    }

    private static async Task SignOut(IPage page)
    {
        await page.ClickAsync("#logout");
        await page.WaitForSelectorAsync("#login-link");
    }

    private Task Shot(IPage page, string name) => page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_shots, name + ".png"), FullPage = true });
}
