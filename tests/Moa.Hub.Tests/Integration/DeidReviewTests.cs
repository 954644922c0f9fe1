using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moa.Hub.Tests.Infrastructure;
using Moa.Tabular.Deid;
using Moa.Tabular.Tables;

namespace Moa.Hub.Tests.Integration;

/// <summary>
/// Adequacy reviews of pseudonymised tables (issue 15, "Hub"): the provider registers the spec and the report that
/// <c>moa deid run</c> wrote, the agency approves or rejects it, and downloads need an approved review and an active agreement.
/// </summary>
public abstract partial class HubIntegrationTests
{
    private const string DeidSpecYaml = """
        dataset: 2024 고객 설문
        input: people.csv
        output: ../out/people.deid.csv
        purpose: 통계작성
        legal_basis: 개인정보 보호법 제28조의2
        conditions_of_use: 재식별 시도 금지, 제3자 제공 금지
        key_custodian: 정보보호팀
        columns:
          - { name: 이름, role: identifier, technique: drop }
          - { name: 나이, role: quasi, hierarchy: "builtin:age" }
          - { name: 성별, role: quasi }
          - { name: 주소, role: quasi, hierarchy: "builtin:address" }
          - { name: 진단, role: sensitive }
        privacy:
          k: 3
          suppression_limit: 0.1
        """;

    internal static readonly Lazy<(string Spec, string Json, string Html)> s_deidReport = new(RunDeid);

    /// <summary>The pseudonymised table the report of <see cref="s_deidReport"/> describes (people.deid.csv).</summary>
    internal static byte[] s_deidTable = [];

    /// <summary>A real report: a 200-row table pseudonymised by the Moa.Tabular runner that `moa deid run` calls.</summary>
    private static (string Spec, string Json, string Html) RunDeid()
    {
        var root = TestPaths.NewTempDir("deid");
        Directory.CreateDirectory(Path.Combine(root, "data"));
        Directory.CreateDirectory(Path.Combine(root, "out"));
        string[] places = ["서울특별시 종로구 청운동", "서울특별시 강남구 역삼동", "경기도 수원시 장안구 정자동", "부산광역시 사하구 다대동"];
        var random = new Random(15);
        var rows = Enumerable.Range(0, 200).Select(i => new[]
        {
            $"사람{i}", (20 + random.Next(60)).ToString(System.Globalization.CultureInfo.InvariantCulture), random.Next(2) == 0 ? "남" : "여",
            places[random.Next(places.Length)], "질병" + random.Next(4),
        }).ToList();
        TableWriter.Write(Table.FromRows(["이름", "나이", "성별", "주소", "진단"], rows), Path.Combine(root, "data", "people.csv"));
        var specPath = Path.Combine(root, "data", "people.deid.yaml");
        File.WriteAllText(specPath, DeidSpecYaml);
        DeidRunner.Write(DeidRunner.Run(DeidSpecLoader.Load(specPath), Path.Combine(root, "data")));
        s_deidTable = File.ReadAllBytes(Path.Combine(root, "out", "people.deid.csv"));
        return (DeidSpecYaml, File.ReadAllText(Path.Combine(root, "out", "people.deid.deid-report.json")), File.ReadAllText(Path.Combine(root, "out", "people.deid.deid-report.html")));
    }

    /// <summary>Registers a dataset of the provider with an agreement for the team (evaluation) and a pending review; returns the slug and review id.</summary>
    private async Task<(string Slug, long Review)> DeidDatasetWithReview(bool agreement = true)
    {
        var slug = await RegisterViaApi("deid-");
        if (agreement)
        {
            await AgreementFor(slug);
        }

        var (spec, json, html) = s_deidReport.Value;
        using var provider = f.Client("provider");
        var r = await provider.PostAsJsonAsync("/api/deid/reviews", new { datasetSlug = slug, spec, report = json, reportHtml = html });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (slug, (await HubFixture.Json(r)).GetProperty("id").GetInt64());
    }

    private static string DeidFileUrl(string slug) => $"/api/datasets/{slug}/versions/1/files/data/part-00000.jsonl.gz?purpose=evaluation";

    private async Task<List<Moa.Hub.Audit.AuditEntry>> AuditFor(string slug)
    {
        await using var conn = await f.Db.OpenAsync();
        return (await Moa.Hub.Audit.AuditLog.ReadAllAsync(conn)).Where(e => e.Subject == $"dataset:{slug}").ToList();
    }

    [Fact]
    public async Task DeidReview_RegisteredThenApproved_DownloadNeedsTheApproval_AndEveryStepIsAudited()
    {
        var (slug, id) = await DeidDatasetWithReview();
        using var team = f.Client("team");
        using var op = f.Client("operator");

        // Pending: refused with a message that says why, and the refusal is audited.
        var pending = await team.GetAsync(DeidFileUrl(slug));
        pending.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await HubFixture.Detail(pending)).ShouldStartWith("adequacy review pending:");
        var link = await team.PostAsJsonAsync($"/api/datasets/{slug}/links", new { version = 1, path = "data/part-00000.jsonl.gz", purpose = "evaluation" });
        link.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The review carries the report's figures and checklist.
        var detail = await HubFixture.Json(await op.GetAsync($"/api/deid/reviews/{id}"));
        var review = detail.GetProperty("review");
        review.GetProperty("state").GetString().ShouldBe("pending");
        var report = JsonDocument.Parse(s_deidReport.Value.Json).RootElement;
        review.GetProperty("riskBefore").GetProperty("max").GetDouble().ShouldBe(report.GetProperty("risk_before").GetProperty("prosecutor").GetProperty("max").GetDouble());
        review.GetProperty("riskAfter").GetProperty("average").GetDouble().ShouldBe(report.GetProperty("risk_after").GetProperty("prosecutor").GetProperty("average").GetDouble());
        review.GetProperty("k").GetInt32().ShouldBeGreaterThanOrEqualTo(3);
        review.GetProperty("riskAfter").GetProperty("max").GetDouble().ShouldBeLessThan(review.GetProperty("riskBefore").GetProperty("max").GetDouble());
        detail.GetProperty("checklist").GetArrayLength().ShouldBe(report.GetProperty("checklist").GetArrayLength());
        detail.GetProperty("spec").GetString().ShouldBe(DeidSpecYaml);
        var html = await op.GetAsync($"/api/deid/reviews/{id}/report.html");
        html.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("sandbox");
        (await html.Content.ReadAsStringAsync()).ShouldContain("가명처리 적정성 검토 보고서");

        // A decision needs a reason; the operator approves; the reviewer and reason are recorded.
        (await op.PostAsJsonAsync($"/api/deid/reviews/{id}/approve", new { reason = " " })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var approved = await op.PostAsJsonAsync($"/api/deid/reviews/{id}/approve", new { reason = "k=3 및 위험 임계치 충족" });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        var a = await HubFixture.Json(approved);
        a.GetProperty("state").GetString().ShouldBe("approved");
        a.GetProperty("decidedBy").GetInt64().ShouldBe(f.Operator.Id);
        a.GetProperty("reason").GetString().ShouldBe("k=3 및 위험 임계치 충족");
        (await op.PostAsJsonAsync($"/api/deid/reviews/{id}/reject", new { reason = "late" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Approved and under an active agreement: served; the download's audit entry names the review and the agreement.
        var ok = await team.GetAsync(DeidFileUrl(slug));
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        var audit = await AuditFor(slug);
        audit.ShouldContain(e => e.Action == "deid.review_registered" && e.Detail.Contains($"\"review\":{id}", StringComparison.Ordinal));
        var decision = audit.Single(e => e.Action == "deid.review_approved");
        decision.Actor.ShouldBe(f.Operator.AuditName);
        JsonDocument.Parse(decision.Detail).RootElement.GetProperty("reason").GetString().ShouldBe("k=3 및 위험 임계치 충족");
        audit.ShouldContain(e => e.Action == "download.refused" && e.Detail.Contains("adequacy review pending", StringComparison.Ordinal));
        var downloaded = audit.Single(e => e.Action == "dataset.downloaded");
        using var d = JsonDocument.Parse(downloaded.Detail);
        d.RootElement.GetProperty("adequacyReview").GetInt64().ShouldBe(id);
        d.RootElement.GetProperty("agreement").GetInt64().ShouldBeGreaterThan(0);

        // The list shows it, and a newer pending review stops downloads again until it is decided.
        (await HubFixture.Json(await team.GetAsync("/api/deid/reviews"))).EnumerateArray().ShouldContain(x => x.GetProperty("id").GetInt64() == id);
        using var provider = f.Client("provider");
        var (spec, json, _) = s_deidReport.Value;
        (await provider.PostAsJsonAsync("/api/deid/reviews", new { datasetSlug = slug, spec, report = json })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await team.GetAsync(DeidFileUrl(slug))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DeidReview_Rejected_DownloadIsRefusedWithTheReason()
    {
        var (slug, id) = await DeidDatasetWithReview();
        using var op = f.Client("operator");
        var rejected = await op.PostAsJsonAsync($"/api/deid/reviews/{id}/reject", new { reason = "표본 유일 레코드 잔존" });
        rejected.StatusCode.ShouldBe(HttpStatusCode.OK, await rejected.Content.ReadAsStringAsync());
        using var team = f.Client("team");
        var r = await team.GetAsync(DeidFileUrl(slug));
        r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var detail = await HubFixture.Detail(r);
        detail.ShouldStartWith("adequacy review rejected:");
        detail.ShouldContain("표본 유일 레코드 잔존");
        var audit = await AuditFor(slug);
        audit.ShouldContain(e => e.Action == "deid.review_rejected" && e.Actor == f.Operator.AuditName);
        audit.ShouldContain(e => e.Action == "download.refused" && e.Detail.Contains("adequacy review rejected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeidReview_ApprovedWithoutAgreement_DownloadIsRefusedForTheAgreement()
    {
        var (slug, id) = await DeidDatasetWithReview(agreement: false);
        using var op = f.Client("operator");
        (await op.PostAsJsonAsync($"/api/deid/reviews/{id}/approve", new { reason = "적정" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var team = f.Client("team");
        var r = await team.GetAsync(DeidFileUrl(slug));
        r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await HubFixture.Detail(r)).ShouldStartWith("no agreement:");
        (await AuditFor(slug)).ShouldContain(e => e.Action == "download.refused" && e.Detail.Contains("no agreement", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeidReview_NonOperators_CannotDecide_AndOnlyTheProviderRegisters()
    {
        var (slug, id) = await DeidDatasetWithReview();
        foreach (var who in new[] { "provider", "partner", "team" })
        {
            using var c = f.Client(who);
            var r = await c.PostAsJsonAsync($"/api/deid/reviews/{id}/approve", new { reason = "mine" });
            r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await HubFixture.Detail(r)).ShouldContain("only the agency's operators");
        }

        using var anon = f.Client();
        (await anon.PostAsJsonAsync($"/api/deid/reviews/{id}/approve", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var (spec, json, _) = s_deidReport.Value;
        foreach (var who in new[] { "partner", "team" })
        {
            using var c = f.Client(who);
            (await c.PostAsJsonAsync("/api/deid/reviews", new { datasetSlug = slug, spec, report = json })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using var op = f.Client("operator");
        (await op.PostAsJsonAsync("/api/deid/reviews/999999/approve", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await op.PostAsJsonAsync($"/api/deid/reviews/{id}/sign", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await HubFixture.Json(await op.GetAsync($"/api/deid/reviews/{id}"))).GetProperty("review").GetProperty("state").GetString().ShouldBe("pending");
    }

    public static TheoryData<string, string> MalformedReports()
    {
        var good = JsonDocument.Parse(s_deidReport.Value.Json).RootElement;
        string Without(string name) => Edit(o => o.Remove(name));
        string Edit(Action<System.Text.Json.Nodes.JsonObject> edit)
        {
            var o = System.Text.Json.Nodes.JsonNode.Parse(good.GetRawText())!.AsObject();
            edit(o);
            return o.ToJsonString();
        }

        return new()
        {
            { "", "report: send the adequacy-review report JSON" },
            { "{\"dataset\": \"x\",", "report: not well-formed JSON (line 1" },
            { "[1, 2]", "report: expected a JSON object" },
            { Without("risk_after"), "report.risk_after: missing" },
            { Without("risk_before"), "report.risk_before: missing" },
            { Without("purpose"), "report.purpose: missing" },
            { Edit(o => o["purpose"] = " "), "report.purpose: missing or empty" },
            { Without("checklist"), "report.checklist: missing" },
            { Edit(o => o["checklist"] = new System.Text.Json.Nodes.JsonArray()), "report.checklist: missing or empty" },
            { Edit(o => o["risk_after"]!["prosecutor"]!["max"] = 1.5), "report.risk_after.prosecutor.max: not a risk between 0 and 1" },
            { Edit(o => o["risk_after"]!["prosecutor"]!["max"] = "high"), "report.risk_after.prosecutor.max: null or of the wrong type" },
            { Edit(o => o["rows_out"] = null), "report.rows_out: null or of the wrong type" },
            { Edit(o => o["risk_before"]!["prosecutor"]!.AsObject().Remove("average")), "report.risk_before.prosecutor.average: missing" },
            { Edit(o => o["risk_after"]!.AsObject().Remove("min_class_size")), "report.risk_after.min_class_size: missing" },
            { Edit(o => o["checklist"]![1]!["passed"] = "yes"), "report.checklist[1].passed: null or of the wrong type" },
            { Edit(o => o["checklist"]![1]!.AsObject().Remove("passed")), "report.checklist[1].passed: missing" },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedReports))]
    public async Task DeidReview_MalformedReport_Is400NamingTheField(string report, string expected)
    {
        var slug = await RegisterViaApi("deid-bad-");
        using var provider = f.Client("provider");
        var r = await provider.PostAsJsonAsync("/api/deid/reviews", new { datasetSlug = slug, spec = s_deidReport.Value.Spec, report });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(r)).ShouldStartWith(expected);
        (await HubFixture.Json(await provider.GetAsync("/api/deid/reviews"))).EnumerateArray().ShouldNotContain(x => x.GetProperty("dataset").GetString() == slug);
    }

    [Theory]
    [InlineData("", "spec: send the YAML spec")]
    [InlineData("dataset: [unclosed", "spec: not well-formed YAML (line 2, column 1)")]
    [InlineData("- a\n- b", "spec: expected one YAML mapping")]
    [InlineData("dataset: x\ncolumns: []", "spec.columns: missing or empty")]
    public async Task DeidReview_MalformedSpec_Is400NamingTheField(string spec, string expected)
    {
        var slug = await RegisterViaApi("deid-spec-");
        using var provider = f.Client("provider");
        var r = await provider.PostAsJsonAsync("/api/deid/reviews", new { datasetSlug = slug, spec, report = s_deidReport.Value.Json });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(r)).ShouldStartWith(expected);
    }

    [Fact]
    public async Task DeidReview_UnknownDatasetOrMissingSlugOrNonHtml_AreClearErrors()
    {
        using var provider = f.Client("provider");
        var (spec, json, _) = s_deidReport.Value;
        var unknown = await provider.PostAsJsonAsync("/api/deid/reviews", new { datasetSlug = "no-such-table", spec, report = json });
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await HubFixture.Detail(unknown)).ShouldContain("dataset 'no-such-table' does not exist");
        var missing = await provider.PostAsJsonAsync("/api/deid/reviews", new { spec, report = json });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(missing)).ShouldStartWith("datasetSlug:");
        var slug = await RegisterViaApi("deid-html-");
        var notHtml = await provider.PostAsJsonAsync("/api/deid/reviews", new { datasetSlug = slug, spec, report = json, reportHtml = "just text" });
        notHtml.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(notHtml)).ShouldStartWith("reportHtml:");
        using var op = f.Client("operator");
        (await op.GetAsync("/api/deid/reviews/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeidReview_Page_ShowsRiskAndChecklistInBothLanguages_AndTheOperatorDecidesThere()
    {
        var (slug, id) = await DeidDatasetWithReview();
        using var provider = await f.CookieClient("provider@moa.test");
        var providerPage = await (await provider.GetAsync($"/deid/{id}")).Content.ReadAsStringAsync();
        providerPage.ShouldContain("id=\"deid-risk\"");
        providerPage.ShouldContain("재식별 위험");
        providerPage.ShouldContain("처리 후");
        providerPage.ShouldNotContain("id=\"deid-approve\"");
        var report = JsonDocument.Parse(s_deidReport.Value.Json).RootElement;
        var first = report.GetProperty("checklist")[0];
        providerPage.ShouldContain(System.Net.WebUtility.HtmlEncode(first.GetProperty("korean").GetString()!));

        using var op = await f.CookieClient("operator@moa.test");
        (await op.GetAsync("/lang/en")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await (await op.GetAsync($"/deid/{id}")).Content.ReadAsStringAsync();
        page.ShouldContain("Prosecutor risk, max");
        page.ShouldContain(System.Net.WebUtility.HtmlEncode(first.GetProperty("english").GetString()!));
        page.ShouldContain("id=\"deid-approve\"");
        page.ShouldContain("id=\"deid-reject\"");
        (await (await op.GetAsync("/deid")).Content.ReadAsStringAsync()).ShouldContain($"href=\"/deid/{id}\"");

        var csrf = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "검토 완료", ["__RequestVerificationToken"] = csrf });
        var posted = await op.PostAsync($"/deid/{id}/approve", form);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var after = await (await op.GetAsync($"/deid/{id}")).Content.ReadAsStringAsync();
        after.ShouldContain("approved");
        after.ShouldContain("검토 완료");
        after.ShouldNotContain("id=\"deid-approve\"");
        using var team = f.Client("team");
        (await team.GetAsync(DeidFileUrl(slug))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<HttpResponseMessage> RegisterWithTable(string slug, string? report = null, byte[]? table = null, string tableName = "people.deid.csv")
    {
        using var provider = f.Client("provider");
        return await provider.PostAsJsonAsync("/api/deid/reviews", new
        {
            datasetSlug = slug, spec = s_deidReport.Value.Spec, report = report ?? s_deidReport.Value.Json, table = Convert.ToBase64String(table ?? s_deidTable), tableName,
        });
    }

    [Fact]
    public async Task DeidReview_WithItsTable_IsCheckedAgainstTheReport_ServedOnlyUnderTheApproval_AndAudited()
    {
        var slug = await RegisterViaApi("deid-table-");
        await AgreementFor(slug);
        var created = await RegisterWithTable(slug);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await HubFixture.Json(created);
        var id = body.GetProperty("id").GetInt64();
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(s_deidTable));
        var table = body.GetProperty("table");
        table.GetProperty("sha256").GetString().ShouldBe(sha);
        table.GetProperty("rows").GetInt32().ShouldBe(JsonDocument.Parse(s_deidReport.Value.Json).RootElement.GetProperty("rows_out").GetInt32());
        var url = $"/api/deid/reviews/{id}/table?purpose=evaluation";

        // Pending: refused and audited; the anonymous public is asked to sign in; a purpose is required.
        using var team = f.Client("team");
        var pending = await team.GetAsync(url);
        pending.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await HubFixture.Detail(pending)).ShouldStartWith("adequacy review pending:");
        using var anon = f.Client();
        (await anon.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var noPurpose = await team.GetAsync($"/api/deid/reviews/{id}/table");
        noPurpose.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(noPurpose)).ShouldStartWith("purpose:");

        // The page shows the table's checksum.
        using var page = await f.CookieClient("operator@moa.test");
        var html = await (await page.GetAsync($"/deid/{id}")).Content.ReadAsStringAsync();
        html.ShouldContain("id=\"deid-table\"");
        html.ShouldContain(sha);

        // Approved: the team downloads exactly the uploaded bytes, and the download is audited with the agreement.
        using var op = f.Client("operator");
        (await op.PostAsJsonAsync($"/api/deid/reviews/{id}/approve", new { reason = "적정" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ok = await team.GetAsync(url);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        (await ok.Content.ReadAsByteArrayAsync()).ShouldBe(s_deidTable);
        ok.Headers.GetValues("X-Content-SHA256").Single().ShouldBe(sha);
        (await team.GetAsync($"/api/deid/reviews/{id}/table?purpose=pretraining")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var audit = await AuditFor(slug);
        audit.ShouldContain(e => e.Action == "deid.review_registered" && e.Detail.Contains(sha, StringComparison.Ordinal));
        var downloaded = audit.Single(e => e.Action == "deid.table_downloaded");
        using (var d = JsonDocument.Parse(downloaded.Detail))
        {
            d.RootElement.GetProperty("review").GetInt64().ShouldBe(id);
            d.RootElement.GetProperty("agreement").GetInt64().ShouldBeGreaterThan(0);
        }

        audit.ShouldContain(e => e.Action == "download.refused" && e.Detail.Contains("adequacy review pending", StringComparison.Ordinal));

        // A newer review supersedes it: the old review's table is no longer served.
        (await RegisterWithTable(slug)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await team.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // A review without a table, and an unknown review: 404.
        var (spec, json, _) = s_deidReport.Value;
        using var provider = f.Client("provider");
        var plain = await HubFixture.Json(await provider.PostAsJsonAsync("/api/deid/reviews", new { datasetSlug = slug, spec, report = json }));
        (await team.GetAsync($"/api/deid/reviews/{plain.GetProperty("id").GetInt64()}/table?purpose=evaluation")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await team.GetAsync("/api/deid/reviews/999999/table?purpose=evaluation")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeidReview_BadTableUploads_Are400NamingTheField_AndLeaveNoReview()
    {
        var slug = await RegisterViaApi("deid-badtable-");
        var good = s_deidReport.Value.Json;
        string Edit(Action<System.Text.Json.Nodes.JsonObject> edit)
        {
            var o = System.Text.Json.Nodes.JsonNode.Parse(good)!.AsObject();
            edit(o);
            return o.ToJsonString();
        }

        var tampered = s_deidTable.Concat("x\n"u8.ToArray()).ToArray();
        var tamperedSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(tampered));
        var cases = new (HttpResponseMessage Response, string Expected)[]
        {
            (await RegisterWithTable(slug, table: tampered), "table: SHA-256 " + tamperedSha + " does not match report.output_sha256"),
            (await RegisterWithTable(slug, report: Edit(o => o.Remove("output_sha256"))), "report.output_sha256: missing"),
            (await RegisterWithTable(slug, report: Edit(o => o["rows_out"] = 5)), "table: 200 rows, but report.rows_out says 5"),
            (await RegisterWithTable(slug, report: Edit(o => o["quasi_identifiers"]![0] = "없는열")), "table: has no column '없는열'"),
            (await RegisterWithTable(slug, tableName: "../people.csv"), "tableName:"),
            (await RegisterWithTable(slug, tableName: "people.exe"), "tableName:"),
            (await RegisterWithTable(slug, report: "{\"dataset\":"), "report: not well-formed JSON"),
        };
        foreach (var (response, expected) in cases)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, expected);
            (await HubFixture.Detail(response)).ShouldStartWith(expected);
        }

        using var provider = f.Client("provider");
        var notBase64 = await provider.PostAsJsonAsync("/api/deid/reviews", new { datasetSlug = slug, spec = s_deidReport.Value.Spec, report = good, table = "%%%", tableName = "people.deid.csv" });
        notBase64.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(notBase64)).ShouldStartWith("table: not base64");
        var noSpec = await provider.PostAsJsonAsync("/api/deid/reviews", new { datasetSlug = slug, report = good, table = Convert.ToBase64String(s_deidTable), tableName = "people.deid.csv" });
        noSpec.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(noSpec)).ShouldStartWith("spec:");
        (await HubFixture.Json(await provider.GetAsync("/api/deid/reviews"))).EnumerateArray().ShouldNotContain(x => x.GetProperty("dataset").GetString() == slug);
    }
}
