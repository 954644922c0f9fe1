using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Moa.Hub.Tests.Infrastructure;
using Moa.Synthesis.Evaluation;
using Moa.Synthesis.Mst;

namespace Moa.Hub.Tests.Integration;

/// <summary>
/// Synthetic releases (issue 16, "Hub"): the provider registers the evaluation report of <c>moa synth evaluate --gate</c>
/// for a catalogue dataset; a failed gate blocks the dataset's downloads until an operator overrides it with a reason.
/// </summary>
public abstract partial class HubIntegrationTests
{
    /// <summary>
    /// A report as <c>moa synth evaluate</c> writes it (through <see cref="SynthReport.ToJson"/>), gated by Moa.Synthesis's
    /// own <see cref="ReleaseGate"/>: the strict gate fails on the membership AUC and epsilon, the lenient one passes.
    /// </summary>
    internal static string SynthReportJson(bool passGate)
    {
        var report = new SynthReport
        {
            Synthesizer = "mst",
            TrainRows = 800,
            HoldoutRows = 200,
            SyntheticRows = 800,
            ColumnFidelity = 0.9412,
            PairFidelity = 0.8875,
            Columns = [new ColumnScore("나이", "numeric", "KS complement", 0.95, 0, 0), new ColumnScore("성별", "categorical", "TV complement", 0.98, 0, 0)],
            Privacy = new PrivacyScores { ExactMatchRate = 0.01, DcrMemorisation = 0.02, MembershipAuc = 0.53 },
            Accounting = new PrivacyAccounting { Epsilon = 3, Delta = 1e-6 },
        };
        var gate = ReleaseGate.Parse(passGate ? "min_column_fidelity: 0.9\nmax_epsilon: 5\n" : "min_column_fidelity: 0.9\nmax_membership_auc: 0.52\nmax_epsilon: 1\n");
        report.Gate = gate.Check(report);
        return report.ToJson();
    }

    private async Task<(string Slug, long Release)> SynthDatasetWithRelease(bool passGate)
    {
        var slug = await RegisterViaApi("synth-");
        await AgreementFor(slug);
        using var provider = f.Client("provider");
        var r = await provider.PostAsJsonAsync("/api/synth/releases", new { datasetSlug = slug, report = SynthReportJson(passGate) });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (slug, (await HubFixture.Json(r)).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task SynthRelease_PassingGate_IsStoredWithItsFigures_ServedAndAudited()
    {
        var (slug, id) = await SynthDatasetWithRelease(passGate: true);
        using var team = f.Client("team");
        var detail = await HubFixture.Json(await team.GetAsync($"/api/synth/releases/{id}"));
        var release = detail.GetProperty("release");
        release.GetProperty("state").GetString().ShouldBe("passed");
        release.GetProperty("synthesizer").GetString().ShouldBe("mst");
        release.GetProperty("accounting").GetProperty("epsilon").GetDouble().ShouldBe(3);
        release.GetProperty("accounting").GetProperty("delta").GetDouble().ShouldBe(1e-6);
        release.GetProperty("fidelity").GetProperty("column").GetDouble().ShouldBe(0.9412);
        release.GetProperty("fidelity").GetProperty("pair").GetDouble().ShouldBe(0.8875);
        release.GetProperty("privacy").GetProperty("membershipAuc").GetDouble().ShouldBe(0.53);
        release.GetProperty("gate").GetProperty("passed").GetBoolean().ShouldBeTrue();
        release.GetProperty("gate").GetProperty("checked").GetInt32().ShouldBe(2);
        detail.GetProperty("report").GetProperty("column_fidelity").GetDouble().ShouldBe(0.9412);

        (await team.GetAsync(DeidFileUrl(slug))).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var op = f.Client("operator");
        (await op.PostAsJsonAsync($"/api/synth/releases/{id}/override", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var audit = await AuditFor(slug);
        var registered = audit.Single(e => e.Action == "synth.registered");
        registered.Actor.ShouldBe(f.ProviderMember.AuditName);
        JsonDocument.Parse(registered.Detail).RootElement.GetProperty("gate").GetProperty("passed").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task SynthRelease_FailedGate_BlocksDownloads_UntilAnOperatorOverridesWithAReason()
    {
        var (slug, id) = await SynthDatasetWithRelease(passGate: false);
        using var team = f.Client("team");
        using var op = f.Client("operator");
        using var provider = f.Client("provider");
        var release = (await HubFixture.Json(await team.GetAsync($"/api/synth/releases/{id}"))).GetProperty("release");
        release.GetProperty("state").GetString().ShouldBe("blocked");
        var reasons = release.GetProperty("gate").GetProperty("reasons").EnumerateArray().Select(x => x.GetString()!).ToList();
        reasons.Count.ShouldBe(2);
        reasons.ShouldContain(x => x.StartsWith("membership-inference AUC 0.53 is above the maximum 0.52", StringComparison.Ordinal));
        reasons.ShouldContain(x => x.StartsWith("epsilon 3 is above the maximum 1", StringComparison.Ordinal));

        var blocked = await team.GetAsync(DeidFileUrl(slug));
        blocked.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await HubFixture.Detail(blocked)).ShouldStartWith("synthetic release gate failed:");
        var link = await team.PostAsJsonAsync($"/api/datasets/{slug}/links", new { version = 1, path = "data/part-00000.jsonl.gz", purpose = "evaluation" });
        link.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Only an operator overrides, and only with a written reason.
        (await provider.PostAsJsonAsync($"/api/synth/releases/{id}/override", new { reason = "mine" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await team.PostAsJsonAsync($"/api/synth/releases/{id}/override", new { reason = "mine" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await op.PostAsJsonAsync($"/api/synth/releases/{id}/override", new { reason = " " })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await op.PostAsJsonAsync("/api/synth/releases/999999/override", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var overridden = await op.PostAsJsonAsync($"/api/synth/releases/{id}/override", new { reason = "평가용 한정 공개, 위원회 승인" });
        overridden.StatusCode.ShouldBe(HttpStatusCode.OK, await overridden.Content.ReadAsStringAsync());
        var o = await HubFixture.Json(overridden);
        o.GetProperty("state").GetString().ShouldBe("overridden");
        o.GetProperty("overriddenBy").GetInt64().ShouldBe(f.Operator.Id);
        o.GetProperty("overrideReason").GetString().ShouldBe("평가용 한정 공개, 위원회 승인");
        (await op.PostAsJsonAsync($"/api/synth/releases/{id}/override", new { reason = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await team.GetAsync(DeidFileUrl(slug))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var audit = await AuditFor(slug);
        audit.ShouldContain(e => e.Action == "synth.registered" && e.Detail.Contains($"\"release\":{id}", StringComparison.Ordinal));
        var entry = audit.Single(e => e.Action == "synth.overridden");
        entry.Actor.ShouldBe(f.Operator.AuditName);
        JsonDocument.Parse(entry.Detail).RootElement.GetProperty("reason").GetString().ShouldBe("평가용 한정 공개, 위원회 승인");
        audit.ShouldContain(e => e.Action == "download.refused" && e.Detail.Contains("synthetic release gate failed", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> MalformedSynthReports()
    {
        var good = SynthReportJson(passGate: true);
        string Edit(Action<JsonObject> edit)
        {
            var o = JsonNode.Parse(good)!.AsObject();
            edit(o);
            return o.ToJsonString();
        }

        return new()
        {
            { "", "report: send the evaluation report JSON" },
            { "{\"synthesizer\": \"mst\",", "report: not well-formed JSON (line 1" },
            { "[1, 2]", "report: expected a JSON object" },
            { good.Replace("\"mst\"", "\"ms\0t\"", StringComparison.Ordinal), "report: contains a NUL character" },
            { good.Replace("\"mst\"", "\"ms\\u0000t\"", StringComparison.Ordinal), "report.synthesizer: contains a NUL character" },
            { Edit(o => o.Remove("column_fidelity")), "report.column_fidelity: missing" },
            { Edit(o => o.Remove("privacy")), "report.privacy: missing" },
            { Edit(o => o.Remove("columns")), "report.columns: missing" },
            { Edit(o => o["synthesizer"] = " "), "report.synthesizer: missing or empty" },
            { Edit(o => o["pair_fidelity"] = "high"), "report.pair_fidelity: null or of the wrong type" },
            { Edit(o => o["privacy"]!["membership_auc"] = "x"), "report.privacy.membership_auc: null or of the wrong type" },
            { Edit(o => o["column_fidelity"] = 1.5), "report.column_fidelity: 1.5 is not a number between 0 and 1" },
            { Edit(o => o["columns"] = new JsonArray()), "report.columns: empty" },
            { Edit(o => o["accounting"]!["epsilon"] = -1), "report.accounting.epsilon: not a number above 0" },
            { Edit(o => o.Remove("gate")), "report.gate: missing" },
            { Edit(o => o["gate"]!["passed"] = false), "report.gate.passed: disagrees with report.gate.reasons" },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedSynthReports))]
    public async Task SynthRelease_MalformedReport_Is400NamingTheField_AndNothingIsStored(string report, string expected)
    {
        var slug = await RegisterViaApi("synth-bad-");
        using var provider = f.Client("provider");
        var r = await provider.PostAsJsonAsync("/api/synth/releases", new { datasetSlug = slug, report });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(r)).ShouldStartWith(expected);
        (await AuditFor(slug)).ShouldNotContain(e => e.Action == "synth.registered");
    }

    [Fact]
    public async Task SynthRelease_UnknownDatasetWrongRoleOrMissingSlug_AreClearErrors()
    {
        using var provider = f.Client("provider");
        using var team = f.Client("team");
        var report = SynthReportJson(passGate: true);
        (await provider.PostAsJsonAsync("/api/synth/releases", new { datasetSlug = "no-such-dataset", report })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var missing = await provider.PostAsJsonAsync("/api/synth/releases", new { report });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(missing)).ShouldStartWith("datasetSlug:");
        var slug = await RegisterViaApi("synth-role-");
        (await team.PostAsJsonAsync("/api/synth/releases", new { datasetSlug = slug, report })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await team.GetAsync("/api/synth/releases/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Once a release is registered the hub knows the table's columns: a report of another table is refused.
        (await provider.PostAsJsonAsync("/api/synth/releases", new { datasetSlug = slug, report })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var other = JsonNode.Parse(report)!.AsObject();
        other["columns"]![0]!["column"] = "소득";
        var wrong = await provider.PostAsJsonAsync("/api/synth/releases", new { datasetSlug = slug, report = other.ToJsonString() });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(wrong)).ShouldStartWith("report.columns: 성별, 소득 differ from the columns of");
        (await provider.PostAsJsonAsync("/api/synth/releases", new { datasetSlug = slug, report })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task SynthRelease_Page_ShowsTheFiguresAndTheGateInBothLanguages()
    {
        var (_, id) = await SynthDatasetWithRelease(passGate: false);
        using var op = await f.CookieClient("operator@moa.test");
        var ko = await (await op.GetAsync($"/synth/{id}")).Content.ReadAsStringAsync();
        ko.ShouldContain("합성데이터 공개");
        ko.ShouldContain("미달 (공개 보류)");
        ko.ShouldContain("membership-inference AUC 0.53");
        ko.ShouldContain("0.9412");
        (await op.GetAsync("/lang/en")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var en = await (await op.GetAsync($"/synth/{id}")).Content.ReadAsStringAsync();
        en.ShouldContain("Synthetic release");
        en.ShouldContain("failed, publication blocked");
        en.ShouldContain("Differential privacy (ε, δ)");
    }
}
