using Microsoft.Playwright;
using Moa.Curation.Tests.Pipeline;

namespace Moa.Curation.Tests.Reporting;

/// <summary>Opens a real run's <c>report.html</c> in Debian's Chromium and checks what a person would see.</summary>
public sealed class ReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Report_OpensInChromium_WithEveryChartDrawnAndNoErrors()
    {
        File.Exists(Chromium).ShouldBeTrue("Debian chromium is required for this test: run ./test.sh (it installs it) or apt-get install chromium");
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "reviews.jsonl");
        var threads = CurationFixture.Threads(40);
        var firstBreak = threads[1].IndexOf('\n', StringComparison.Ordinal);
        var near = threads[1][..firstBreak] + " 진짜" + threads[1][firstBreak..];
        CurationFixture.WriteJsonl(input, threads.Select((t, i) => ($"d{i}", t)).Append(("copy", threads[0])).Append(("near", near)).Append(("short", "굿")));
        var output = Path.Combine(dir, "out");
        CurationFixture.Run([input], output);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(new Uri(Path.Combine(output, "report.html")).AbsoluteUri);

        (await page.TitleAsync()).ShouldContain("Curation report");
        (await page.InnerTextAsync("#summary")).ShouldContain("43");
        foreach (var id in new[] { "funnel", "reasons", "lengths", "languages", "clusters", "similarity" })
        {
            var chart = page.Locator($"#{id} svg.chart").First;
            var box = await chart.BoundingBoxAsync();
            box.ShouldNotBeNull($"chart in #{id} is not drawn");
            box.Width.ShouldBeGreaterThan(200, $"chart in #{id}");
            box.Height.ShouldBeGreaterThan(40, $"chart in #{id}");
        }

        (await page.InnerTextAsync("#reasons")).ShouldContain("dedup_exact:duplicate");
        (await page.Locator("#funnel table tr").CountAsync()).ShouldBeGreaterThan(5);

        // Examples per removal reason: the exact and the near copy with their kept copy and similarity.
        var examples = page.Locator("#examples tr.example");
        (await examples.CountAsync()).ShouldBe(3);
        var exampleText = await page.InnerTextAsync("#examples");
        exampleText.ShouldContain("dedup_near:duplicate");
        exampleText.ShouldContain("유사도");
        exampleText.ShouldContain("d1");
        (await examples.First.BoundingBoxAsync()).ShouldNotBeNull("the examples table is drawn");
        errors.ShouldBeEmpty();

        var shots = Path.Combine(TestPaths.RepoRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(shots);
        var png = Path.Combine(shots, "curation-report.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = png, FullPage = true });
        new FileInfo(png).Length.ShouldBeGreaterThan(20_000);
    }
}
