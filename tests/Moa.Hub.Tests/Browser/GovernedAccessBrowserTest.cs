using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Playwright;
using Moa.Hub.Tests.Infrastructure;
using Moa.Hub.Tests.Unit;

namespace Moa.Hub.Tests.Browser;

/// <summary>
/// The whole governed-access story in Debian Chromium: a provider applies, the operator selects, three parties sign,
/// the team member downloads, the operator revokes, and the download is refused. Screenshots go to artifacts/hub-browser/.
/// </summary>
public sealed class GovernedAccessBrowserTest(SqliteHubFixture f) : IClassFixture<SqliteHubFixture>
{
    [Fact]
    public async Task ProviderApplies_OperatorSelects_PartiesSign_TeamDownloads_RevocationRefuses()
    {
        await using var browser = await HubBrowser.OpenAsync(f.BaseUrl, acceptDownloads: true);
        var page = browser.Page;

        // 1. The provider member applies with the three required documents.
        var docs = TestPaths.NewTempDir();
        var form = Path.Combine(docs, "사업신청서.pdf");
        File.WriteAllBytes(form, "%PDF-1.7\n% 신청서"u8.ToArray());
        var plan = Path.Combine(docs, "데이터제공계획서.hwpx");
        File.WriteAllBytes(plan, DocumentInspectorTests.Zip(("mimetype", "application/hwp+zip"u8.ToArray()), ("Contents/section0.xml", "<p>계획</p>"u8.ToArray())));
        var cert = Path.Combine(docs, "사업자등록증.png");
        File.WriteAllBytes(cert, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]);
        await browser.SignIn("provider@moa.test");
        await page.GotoAsync("/calls");
        await page.FillAsync("#apply-title", "한국어 구어 말뭉치 구축");
        await page.SelectOptionAsync("#apply-field", "F1");
        await page.SelectOptionAsync("#apply-partners", [f.PartnerOrg.Id.ToString()]);
        await page.SetInputFilesAsync("#doc-application_form", form);
        await page.SetInputFilesAsync("#doc-data_provision_plan", plan);
        await page.SetInputFilesAsync("#doc-business_registration", cert);
        await page.ClickAsync("#apply-submit");
        await page.WaitForURLAsync("**/applications");
        (await page.InnerTextAsync("#applications")).ShouldContain("수락 대기", customMessage: "the partner has not accepted its role yet");
        await browser.Shot("1-provider-applied");
        await browser.SignOut();

        // 1b. The partner organisation accepts its role; then the provider submits.
        await browser.SignIn("partner@moa.test");
        await page.GotoAsync("/applications");
        await page.ClickAsync("button[id^=accept-]");
        await browser.SignOut();
        await browser.SignIn("provider@moa.test");
        await page.GotoAsync("/applications");
        await page.ClickAsync("button[id^=submit-]");
        (await page.InnerTextAsync("#applications")).ShouldContain("submitted");
        await browser.SignOut();

        // 2. The operator reviews and selects it.
        await browser.SignIn("operator@moa.test");
        await page.GotoAsync("/applications");
        await page.ClickAsync("button[id^=review-]");
        await page.ClickAsync("button[id^=select-]");
        (await page.InnerTextAsync("#applications")).ShouldContain("selected");
        await browser.Shot("2-operator-selected");

        // 3. The operator drafts the agreement and signs for the agency; provider and team sign.
        await page.GotoAsync("/agreements");
        await page.FillAsync("#agreement-title", "NSMC 말뭉치 이용 협약");
        await page.SelectOptionAsync("#agreement-provider", f.ProviderOrg.Id.ToString());
        await page.SelectOptionAsync("#agreement-team", f.TeamOrg.Id.ToString());
        await page.SelectOptionAsync("#agreement-datasets", ["nsmc-reviews"]);
        await page.CheckAsync("#purpose-pretraining");
        await page.ClickAsync("#agreement-create");
        await page.ClickAsync("button[id^=sign-]");
        await browser.SignOut();
        await browser.SignIn("provider@moa.test");
        await page.GotoAsync("/agreements");
        await page.ClickAsync("button[id^=sign-]");
        await browser.SignOut();
        await browser.SignIn("team@moa.test");
        await page.GotoAsync("/agreements");
        await page.ClickAsync("button[id^=sign-]");
        (await page.InnerTextAsync(".agreement .state")).ShouldBe("active");
        await browser.Shot("3-agreement-active");

        // 4. The team member downloads a file; its hash matches the manifest.
        await page.GotoAsync("/datasets/nsmc-reviews");
        await page.WaitForFunctionAsync("() => typeof Chart !== 'undefined' && Chart.getChart(document.getElementById('chart-stages')) !== undefined");
        await browser.Shot("4-dataset-page");
        await page.SelectOptionAsync("#purpose-0", "pretraining");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-0"));
        var saved = Path.Combine(docs, download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(f.CurateDir, "manifest.json"))).RootElement.GetProperty("files")[0];
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(saved))).ShouldBe(manifest.GetProperty("sha256").GetString());
        await browser.SignOut();

        // 5. The operator revokes the agreement.
        await browser.SignIn("operator@moa.test");
        await page.GotoAsync("/agreements");
        await page.FillAsync("input[id^=revoke-][id$=-reason]", "제공기관 요청에 따른 해지");
        await page.ClickAsync("button[id^=revoke-]");
        (await page.InnerTextAsync(".agreement .state")).ShouldBe("revoked");
        await browser.Shot("5-agreement-revoked");
        await browser.SignOut();

        // 6. The same download is now refused, and the page says why.
        await browser.SignIn("team@moa.test");
        await page.GotoAsync("/datasets/nsmc-reviews");
        await page.SelectOptionAsync("#purpose-0", "pretraining");
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#download-0"), r => r.Url.Contains("/download", StringComparison.Ordinal));
        refused.Status.ShouldBe(403);
        (await page.InnerTextAsync("#error")).ShouldContain("agreement revoked");
        (await page.InnerTextAsync("#error")).ShouldContain("제공기관 요청에 따른 해지");
        await browser.Shot("6-download-refused");
    }
}
