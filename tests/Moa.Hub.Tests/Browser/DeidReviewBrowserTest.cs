using Moa.Hub.Tests.Infrastructure;
using Moa.Hub.Tests.Integration;

namespace Moa.Hub.Tests.Browser;

/// <summary>
/// Issue 15 in Debian Chromium: the operator opens an adequacy review registered with its pseudonymised table, reads the
/// risk before/after, the checklist and the table's checksum, and approves it with a reason. Screenshot in artifacts/hub-browser/.
/// </summary>
public sealed class DeidReviewBrowserTest(SqliteHubFixture f) : IClassFixture<SqliteHubFixture>
{
    [Fact]
    public async Task Operator_ReadsTheReviewWithItsTable_AndApprovesIt()
    {
        var slug = "deid-browser-" + Guid.NewGuid().ToString("N")[..8];
        await new Moa.Hub.Catalogue.CatalogueService(f.Db, f.Time).RegisterAsync(f.Operator, CurateFolder.Create(Path.Combine(f.DataDir, slug), parts: 1, perPart: 4), slug, "표", "CC0-1.0", "", f.ProviderOrg.Id);
        var (spec, json, html) = HubIntegrationTests.s_deidReport.Value;
        var reviews = new Moa.Hub.Deid.DeidReviewService(f.Db, f.Time, f.Options);
        var review = await reviews.RegisterAsync(f.ProviderMember, new(slug, spec, json, html, Convert.ToBase64String(HubIntegrationTests.s_deidTable), "people.deid.csv"));

        await using var browser = await HubBrowser.OpenAsync(f.BaseUrl);
        var page = browser.Page;
        await browser.SignIn("operator@moa.test");
        await page.GotoAsync($"/deid/{review.Id}");
        await page.WaitForSelectorAsync("#deid-risk");
        (await page.InnerTextAsync("#deid-table")).ShouldContain(review.TableSha256!);
        (await page.InnerTextAsync("#deid-state")).ShouldContain("검토 대기");
        (await page.Locator("#deid-checklist tbody tr").CountAsync()).ShouldBeGreaterThan(5);
        await browser.Shot("deid-review-operator");
        await page.FillAsync("#deid-approve-reason", "위험 기준 충족");
        await page.ClickAsync("#deid-approve");
        await page.WaitForSelectorAsync("#deid-state.state-approved");
        (await page.InnerTextAsync("#deid-state")).ShouldContain("위험 기준 충족");
        (await page.IsVisibleAsync("#deid-approve")).ShouldBeFalse();
        await browser.SignOut();
        browser.CspErrors.ShouldBeEmpty("pages work under the Content-Security-Policy");
    }
}
