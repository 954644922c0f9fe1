using Microsoft.Playwright;
using Moa.Hub.Tests.Infrastructure;

namespace Moa.Hub.Tests.Browser;

/// <summary>
/// Debian Chromium driven by Playwright against a test hub: one page with a Korean locale, the Content-Security-Policy
/// errors it logs, sign-in and sign-out through the login form, and full-page screenshots in artifacts/hub-browser/.
/// </summary>
internal sealed class HubBrowser : IAsyncDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private static readonly string s_shots = Path.Combine(TestPaths.RepoRoot, "artifacts", "hub-browser");

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private HubBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                CspErrors.Add(m.Text);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Console messages about the Content-Security-Policy, in the order they came.</summary>
    public List<string> CspErrors { get; } = [];

    public static async Task<HubBrowser> OpenAsync(string baseUrl, bool acceptDownloads = false)
    {
        File.Exists(ChromiumPath).ShouldBeTrue($"{ChromiumPath} is missing: install Debian chromium (./test.sh does this).");
        Directory.CreateDirectory(s_shots);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            AcceptDownloads = acceptDownloads,
            Locale = "ko-KR",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });

        // (CI runs the suite on two cores beside the other test classes: a step that takes a few seconds alone once waited
        // past Playwright's 30-second default there, so a wait may take 90 seconds before it fails.)
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return new HubBrowser(playwright, browser, await context.NewPageAsync());
    }

    public async Task SignIn(string email)
    {
        await Page.GotoAsync("/login");
        await Page.FillAsync("#email", email);
        await Page.FillAsync("#password", HubFixture.Password);
        await Page.ClickAsync("#login-submit");
        await Page.WaitForSelectorAsync("#whoami");
    }

    public async Task SignOut()
    {
        await Page.ClickAsync("#logout");
        await Page.WaitForSelectorAsync("#login-link");
    }

    public Task Shot(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(s_shots, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
