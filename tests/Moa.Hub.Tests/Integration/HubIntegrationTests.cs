using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Moa.Hub.Audit;
using Moa.Hub.Tests.Infrastructure;
using Moa.Hub.Tests.Unit;

namespace Moa.Hub.Tests.Integration;

/// <summary>The hub's behaviour through its HTTP API; runs once per database (sealed subclasses below).</summary>
public abstract partial class HubIntegrationTests(HubFixture f)
{
    private static int s_seq;

    private static string Unique(string prefix) => prefix + Interlocked.Increment(ref s_seq);

    private async Task<long> CreateAgreement(string[] purposes, DateTimeOffset? ends = null, string team = "team")
    {
        using var op = f.Client("operator");
        var teamOrg = team == "team" ? f.TeamOrg.Id : f.OtherTeamOrg.Id;
        var r = await op.PostAsJsonAsync("/api/agreements", new
        {
            title = Unique("협약 "),
            providerOrganisationId = f.ProviderOrg.Id,
            teamOrganisationId = teamOrg,
            datasetSlugs = new[] { "nsmc-reviews" },
            purposes,
            commercial = false,
            startsAt = f.Time.Now.AddDays(-1),
            endsAt = ends ?? f.Time.Now.AddDays(365),
            processingSupportKrw = 10_000_000,
            copyrightCompensationKrw = 5_000_000,
            responsibilities = "provider guarantees rights; team deletes data at the end",
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await HubFixture.Json(r)).GetProperty("id").GetInt64();
    }

    private async Task SignAll(long id, string team = "team")
    {
        foreach (var who in new[] { "provider", "operator", team })
        {
            using var c = f.Client(who);
            var r = await c.PostAsync($"/api/agreements/{id}/sign", null);
            r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        }
    }

    /// <summary>Every organisation named in an application other than the author's accepts its role (consent before submission).</summary>
    private async Task AcceptAll(long applicationId)
    {
        using var op = f.Client("operator");
        var app = await HubFixture.Json(await op.GetAsync($"/api/applications/{applicationId}"));
        foreach (var m in app.GetProperty("members").EnumerateArray())
        {
            var org = m.GetProperty("organisationId").GetInt64();
            if (m.GetProperty("acceptedAt").ValueKind != JsonValueKind.Null)
            {
                continue;
            }

            using var c = f.Client(org == f.PartnerOrg.Id ? "partner" : org == f.ThirdOrg.Id ? "third" : "provider");
            var r = await c.PostAsync($"/api/applications/{applicationId}/accept", null);
            r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        }
    }

    private static Task<HttpResponseMessage> Download(HttpClient c, string purpose = "pretraining") =>
        c.GetAsync($"/api/datasets/nsmc-reviews/versions/1/files/data/part-00000.jsonl.gz?purpose={purpose}");

    [Fact]
    public async Task Migrations_AreRecordedAndNotReapplied()
    {
        (await f.Db.MigrateAsync()).ShouldBe(0);
        await using var conn = await f.Db.OpenAsync();
        (await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations")).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Organisation_InvalidBrn_Is400WithReason()
    {
        using var op = f.Client("operator");
        var r = await op.PostAsJsonAsync("/api/organisations", new { name = "X", businessRegistrationNumber = "124-81-00997", kind = "company" });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(r)).ShouldContain("checksum");
        var dup = await op.PostAsJsonAsync("/api/organisations", new { name = "Y", businessRegistrationNumber = "1248100998", kind = "company" });
        dup.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Application_FullFlow_AndConsortiumRules()
    {
        using var provider = f.Client("provider");
        using var op = f.Client("operator");
        async Task<long> Create(string field, params object[] members)
        {
            var r = await provider.PostAsJsonAsync("/api/applications", new { callId = f.Call.Id, fieldCode = field, title = Unique("app "), members });
            r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
            var id = (await HubFixture.Json(r)).GetProperty("id").GetInt64();
            await AcceptAll(id);
            return id;
        }

        async Task Upload(long id)
        {
            foreach (var (kind, bytes) in new[] { ("application_form", "%PDF-1.7 form"u8.ToArray()), ("data_provision_plan", DocumentInspectorTests.Zip(("Contents/section0.xml", "<p>plan</p>"u8.ToArray()))), ("business_registration", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2 }) })
            {
                var content = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "../../" + kind + ".bin" } };
                var r = await provider.PutAsync($"/api/applications/{id}/documents/{kind}", content);
                r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
                (await HubFixture.Json(r)).GetProperty("fileName").GetString().ShouldBe(kind + ".bin");
            }
        }

        // Rule: at least 2 organisations excluding demand organisations.
        var solo = await Create("F1", new { organisationId = f.ProviderOrg.Id, role = "lead" }, new { organisationId = f.ThirdOrg.Id, role = "demand" });
        var early = await provider.PostAsync($"/api/applications/{solo}/submit", null);
        (await HubFixture.Detail(early)).ShouldContain("missing documents");
        await Upload(solo);
        var r1 = await provider.PostAsync($"/api/applications/{solo}/submit", null);
        r1.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(r1)).ShouldContain("at least 2 organisations excluding demand");

        // A valid consortium in F1, then select it.
        var a = await Create("F1", new { organisationId = f.ProviderOrg.Id, role = "lead" }, new { organisationId = f.PartnerOrg.Id, role = "participant" });
        await Upload(a);
        (await provider.PostAsync($"/api/applications/{a}/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await provider.PostAsync($"/api/applications/{a}/select", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await op.PostAsync($"/api/applications/{a}/select", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "must be under review first");
        (await op.PostAsync($"/api/applications/{a}/review", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var sel = await op.PostAsync($"/api/applications/{a}/select", null);
        (await HubFixture.Json(sel)).GetProperty("state").GetString().ShouldBe("selected");

        // Rule: no organisation twice within one field.
        var twice = await Create("F1", new { organisationId = f.ProviderOrg.Id, role = "participant" }, new { organisationId = f.ThirdOrg.Id, role = "lead" });
        await Upload(twice);
        (await HubFixture.Detail(await provider.PostAsync($"/api/applications/{twice}/submit", null))).ShouldContain("may not apply twice within one field");

        // Rule: leads at most one field.
        var lead2 = await Create("F2", new { organisationId = f.ProviderOrg.Id, role = "lead" }, new { organisationId = f.ThirdOrg.Id, role = "participant" });
        await Upload(lead2);
        (await HubFixture.Detail(await provider.PostAsync($"/api/applications/{lead2}/submit", null))).ShouldContain("lead at most 1");

        // Participating in a second field is fine; a third field is not.
        var f2 = await Create("F2", new { organisationId = f.ProviderOrg.Id, role = "participant" }, new { organisationId = f.ThirdOrg.Id, role = "lead" });
        await Upload(f2);
        (await provider.PostAsync($"/api/applications/{f2}/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var f3 = await Create("F3", new { organisationId = f.ProviderOrg.Id, role = "participant" }, new { organisationId = f.PartnerOrg.Id, role = "lead" });
        await Upload(f3);
        (await HubFixture.Detail(await provider.PostAsync($"/api/applications/{f3}/submit", null))).ShouldContain("limit is 2 fields");

        // Rejection needs a reason; a submitted application's documents are frozen.
        (await op.PostAsync($"/api/applications/{f2}/review", null)).EnsureSuccessStatusCode();
        (await op.PostAsJsonAsync($"/api/applications/{f2}/reject", new { reason = " " })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var rej = await op.PostAsJsonAsync($"/api/applications/{f2}/reject", new { reason = "데이터 품질 계획 미흡" });
        (await HubFixture.Json(rej)).GetProperty("reason").GetString().ShouldBe("데이터 품질 계획 미흡");
        var frozen = await provider.PutAsync($"/api/applications/{a}/documents/application_form", new MultipartFormDataContent { { new ByteArrayContent("%PDF-x"u8.ToArray()), "file", "x.pdf" } });
        frozen.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Another provider's member cannot see the consortium's application.
        using var partnerless = f.Client("teamb");
        (await partnerless.GetAsync($"/api/applications/{a}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Upload_BadFiles_AreRefusedWithReasons()
    {
        using var provider = f.Client("provider");
        var r = await provider.PostAsJsonAsync("/api/applications", new { callId = f.Call.Id, fieldCode = "F3", title = "uploads", members = new object[] { new { organisationId = f.ProviderOrg.Id, role = "lead" }, new { organisationId = f.PartnerOrg.Id, role = "participant" } } });
        var id = (await HubFixture.Json(r)).GetProperty("id").GetInt64();
        async Task<HttpResponseMessage> Put(byte[] bytes) =>
            await provider.PutAsync($"/api/applications/{id}/documents/application_form", new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "form.pdf" } });

        var big = new byte[f.Options.MaxDocumentBytes + 10];
        "%PDF-"u8.CopyTo(big);
        (await Put(big)).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var exe = await Put("MZ\x90\0fake"u8.ToArray());
        exe.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(exe)).ShouldContain("not a PDF");
        (await HubFixture.Detail(await Put(DocumentInspectorTests.Zip(("../evil.sh", "x"u8.ToArray()))))).ShouldContain("path traversal");
        (await HubFixture.Detail(await Put(DocumentInspectorTests.Zip(("a.xml", new byte[16 * 1024 * 1024]))))).ShouldContain("zip bomb");
        var uploads = Path.Combine(f.DataDir, "uploads", id.ToString());
        (Directory.Exists(uploads) ? Directory.GetFiles(uploads) : []).ShouldBeEmpty("refused files are not kept");
    }

    [Fact]
    public async Task Download_FollowsAgreementLifecycle_WithReasons()
    {
        using var team = f.Client("teamb");
        using var anon = f.Client();
        (await Download(anon)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await HubFixture.Detail(await Download(anon))).ShouldContain("not signed in");
        (await HubFixture.Detail(await Download(team))).ShouldContain("no agreement");

        var id = await CreateAgreement(["pretraining", "evaluation"], team: "teamb");
        (await HubFixture.Detail(await Download(team))).ShouldContain("still needs signatures from provider, agency, team");
        using (var provider = f.Client("provider"))
        {
            (await provider.PostAsync($"/api/agreements/{id}/sign", null)).EnsureSuccessStatusCode();
            (await provider.PostAsync($"/api/agreements/{id}/sign", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }

        using (var wrongTeam = f.Client("team"))
        {
            (await wrongTeam.PostAsync($"/api/agreements/{id}/sign", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        foreach (var who in new[] { "operator", "teamb" })
        {
            using var c = f.Client(who);
            (await c.PostAsync($"/api/agreements/{id}/sign", null)).EnsureSuccessStatusCode();
        }

        var ok = await Download(team);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        var bytes = await ok.Content.ReadAsByteArrayAsync();
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)).ShouldBe(ok.Headers.GetValues("X-Content-SHA256").Single());
        (await HubFixture.Detail(await Download(team, "fine-tuning"))).ShouldContain("purpose not covered");
        (await Download(team, "mining")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // A link is bound to the member it was issued to, unless issued as shareable.
        var bound = await team.PostAsJsonAsync("/api/datasets/nsmc-reviews/links", new { version = 1, path = "data/part-00001.jsonl.gz", purpose = "evaluation" });
        var boundUrl = (await HubFixture.Json(bound)).GetProperty("url").GetString()!;
        (await team.GetAsync(boundUrl)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stranger = await anon.GetAsync(boundUrl);
        stranger.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await HubFixture.Detail(stranger)).ShouldContain("link bound");
        using (var other = f.Client("team"))
        {
            (await other.GetAsync(boundUrl)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "another user's sign-in does not redeem it");
        }

        // A shareable link issued now stops working the moment the agreement is revoked.
        var link = await team.PostAsJsonAsync("/api/datasets/nsmc-reviews/links", new { version = 1, path = "data/part-00001.jsonl.gz", purpose = "evaluation", shareable = true });
        var url = (await HubFixture.Json(link)).GetProperty("url").GetString()!;
        (await anon.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, "a shareable link is the credential while the agreement holds");
        (await anon.GetAsync(url[..^3] + "AAA")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using (var op = f.Client("operator"))
        {
            (await op.PostAsJsonAsync($"/api/agreements/{id}/revoke", new { reason = "계약 위반" })).EnsureSuccessStatusCode();
        }

        var refused = await anon.GetAsync(url);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await HubFixture.Detail(refused)).ShouldContain("agreement revoked");
        (await HubFixture.Detail(await Download(team))).ShouldContain("계약 위반");

        // Every download is recorded with who, which file hash, and from where.
        await using var conn = await f.Db.OpenAsync();
        var rows = (await conn.QueryAsync<(long UserId, string Sha256, string RemoteAddress)>("SELECT user_id, sha256, remote_address FROM downloads WHERE agreement_id = @id", new { id })).AsList();
        rows.Count.ShouldBe(3);
        rows.ShouldAllBe(r => r.UserId == f.OtherTeamMember.Id && r.Sha256.Length == 64 && r.RemoteAddress == "127.0.0.1");
    }

    [Fact]
    public async Task Download_AfterAgreementEnds_IsRefusedAtOnce()
    {
        using var team = f.Client("team");
        var id = await CreateAgreement(["rag"], ends: f.Time.Now.AddHours(1));
        await SignAll(id);
        (await Download(team, "rag")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var link = await team.PostAsJsonAsync("/api/datasets/nsmc-reviews/links", new { version = 1, path = "data/part-00000.jsonl.gz", purpose = "rag" });
        var url = (await HubFixture.Json(link)).GetProperty("url").GetString()!;
        var saved = f.Time.Now;
        try
        {
            f.Time.Now = saved.AddMinutes(20);
            (await HubFixture.Detail(await team.GetAsync(url))).ShouldContain("link expired");
            f.Time.Now = saved.AddHours(2);
            var r = await Download(team, "rag");
            r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await HubFixture.Detail(r)).ShouldContain("agreement expired");

            // The sweep records the expiry as a state change in the audit log.
            (await new Moa.Hub.Agreements.AgreementService(f.Db, f.Time).SweepExpiredAsync()).ShouldBeGreaterThanOrEqualTo(1);
            await using var conn = await f.Db.OpenAsync();
            (await conn.ExecuteScalarAsync<string>("SELECT state FROM agreements WHERE id = @id", new { id })).ShouldBe("expired");
            (await AuditLog.ReadAllAsync(conn)).ShouldContain(e => e.Action == "agreement.expired" && e.Subject == $"agreement:{id}");
            (await HubFixture.Detail(await Download(team, "rag"))).ShouldContain("agreement expired");
        }
        finally
        {
            f.Time.Now = saved;
        }
    }

    [Fact]
    public async Task Auth_TokensAndSignIn_BehaveAndLimitFailures()
    {
        using var anon = f.Client();
        var bad = await anon.PostAsJsonAsync("/api/auth/token", new { email = "partner@moa.test", password = "wrong-password-000", name = "x" });
        bad.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var ok = await anon.PostAsJsonAsync("/api/auth/token", new { email = "PARTNER@moa.test", password = HubFixture.Password, name = "cli", scopes = new[] { "read" }, expiresInDays = 1 });
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await HubFixture.Json(ok)).GetProperty("token").GetString()!;
        using var readOnly = f.Client();
        readOnly.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await readOnly.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var scoped = await readOnly.PostAsJsonAsync("/api/organisations", new { name = "Z", businessRegistrationNumber = "101-82-13347", kind = "company" });
        scoped.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await HubFixture.Detail(scoped)).ShouldContain("lacks the 'write' scope");

        await using (var conn = await f.Db.OpenAsync())
        {
            var stored = await conn.ExecuteScalarAsync<string>("SELECT token_hash FROM api_tokens WHERE prefix = @p", new { p = token[..10] });
            stored.ShouldNotBe(token);
            stored!.Length.ShouldBe(64);
        }

        var saved = f.Time.Now;
        f.Time.Now = saved.AddDays(2);
        try
        {
            var expired = await readOnly.GetAsync("/api/me");
            expired.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await HubFixture.Detail(expired)).ShouldContain("unknown, expired or revoked");
        }
        finally
        {
            f.Time.Now = saved;
        }

        for (var i = 0; i < 5; i++)
        {
            (await anon.PostAsJsonAsync("/api/auth/token", new { email = "nobody@moa.test", password = "guess-" + i, name = "x" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var limited = await anon.PostAsJsonAsync("/api/auth/token", new { email = "nobody@moa.test", password = "guess-6", name = "x" });
        limited.StatusCode.ShouldBe((HttpStatusCode)429);
        (await HubFixture.Detail(limited)).ShouldContain("too many failed sign-ins");
        // A download link is /dl/ and two base64url parts joined by a dot. Plain "/dl/" is not enough: the audit
        // checkpoints' standard base64 signatures (hundreds per class run) hold it by chance now and then.
        f.Logs.Lines.ShouldNotContain(l => l.Contains(token) || l.Contains(HubFixture.Password) || DownloadLinkShape().IsMatch(l));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"/dl/[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")]
    private static partial System.Text.RegularExpressions.Regex DownloadLinkShape();

    [Fact]
    public void DownloadLinkShape_MatchesLinksNotSignatures()
    {
        DownloadLinkShape().IsMatch("GET http://127.0.0.1/dl/eyJhIjoxfQ.c2lnbmF0dXJlX2J5dGVz").ShouldBeTrue();
        DownloadLinkShape().IsMatch("\"signature\":\"6kcHBjoSi/dl/Kx\\u002BRVW79R7o2Ji5txLJdbeUXWac8ClK9/Ce732Iyz9sdal8wPF2F==\"").ShouldBeFalse();
    }

    [Fact]
    public async Task Forms_WithoutAntiforgeryToken_AreRejected()
    {
        using var anon = f.Client();
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "operator@moa.test", ["password"] = HubFixture.Password });
        var r = await anon.PostAsync("/login", form);
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain("CSRF check failed");

        // With the token from the login page, sign-in works and sets the session cookie.
        var page = await (await anon.GetAsync("/login")).Content.ReadAsStringAsync();
        var tokenValue = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        tokenValue.ShouldNotBeEmpty();
        var ok = await anon.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "operator@moa.test", ["password"] = HubFixture.Password, ["__RequestVerificationToken"] = tokenValue }));
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await (await anon.GetAsync("/agreements")).Content.ReadAsStringAsync()).ShouldContain("new-agreement");

        // A cookie session calling the API to change state needs the antiforgery header too.
        var api = await anon.PostAsJsonAsync("/api/organisations", new { name = "CSRF", businessRegistrationNumber = "101-82-13347", kind = "company" });
        api.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Catalogue_PagesAndApi_ShowCardStatsAndMaskedSample()
    {
        using var anon = f.Client();
        var list = await HubFixture.Json(await anon.GetAsync("/api/datasets"));
        list.EnumerateArray().ShouldContain(d => d.GetProperty("slug").GetString() == "nsmc-reviews");
        var detail = await HubFixture.Json(await anon.GetAsync("/api/datasets/nsmc-reviews"));
        detail.GetProperty("files").GetArrayLength().ShouldBe(2);
        detail.GetProperty("stats").GetProperty("tokens_out").GetInt64().ShouldBe(12345);
        var sample = detail.GetProperty("sample").GetRawText();
        sample.ShouldNotContain("010-1234-5678");
        sample.ShouldNotContain("hong@example.com");
        sample.ShouldNotContain("900101-1234567");
        var html = await (await anon.GetAsync("/datasets/nsmc-reviews")).Content.ReadAsStringAsync();
        html.ShouldContain("chart-stages");
        html.ShouldContain("CC-BY-4.0");
        html.ShouldContain("[PHONE]");
        (await anon.GetAsync("/static/lib/chart.umd.min.js")).StatusCode.ShouldBe(HttpStatusCode.OK, "scripts/vendor-js.sh vendors chart.js before the build");
        anon.DefaultRequestHeaders.Add("Cookie", "moa_lang=en");
        (await (await anon.GetAsync("/datasets")).Content.ReadAsStringAsync()).ShouldContain("Dataset catalogue");
        (await anon.GetAsync("/api/datasets/nope")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var openapi = await HubFixture.Json(await anon.GetAsync("/openapi/v1.json"));
        openapi.GetProperty("paths").TryGetProperty("/api/datasets/{slug}", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Catalogue_ReRegistering_VersionsOnlyWhenFilesChange()
    {
        var catalogue = new Moa.Hub.Catalogue.CatalogueService(f.Db, f.Time);
        var dir = CurateFolder.Create(Path.Combine(f.DataDir, Unique("v")), parts: 1, perPart: 10);
        var slug = Unique("versioned-");
        (await catalogue.RegisterAsync(f.Operator, dir, slug, "V", "CC0-1.0", "", null)).Version.ShouldBe(1);
        (await catalogue.RegisterAsync(f.Operator, dir, slug, "V", "CC0-1.0", "", null)).Version.ShouldBe(1);
        var dir2 = CurateFolder.Create(Path.Combine(f.DataDir, Unique("v")), parts: 1, perPart: 12);
        (await catalogue.RegisterAsync(f.Operator, dir2, slug, "V", "CC0-1.0", "", null)).Version.ShouldBe(2);

        // A changed file, an escaping path or a missing manifest are refused with the reason.
        File.AppendAllText(Path.Combine(dir2, "data", "part-00000.jsonl.gz"), "x");
        (await Should.ThrowAsync<HubException>(() => catalogue.RegisterAsync(f.Operator, dir2, slug, "V", "CC0-1.0", "", null))).Message.ShouldContain("bytes but the manifest says");
        var evil = CurateFolder.Create(Path.Combine(f.DataDir, Unique("v")), parts: 1, perPart: 5);
        File.WriteAllText(Path.Combine(evil, "manifest.json"), File.ReadAllText(Path.Combine(evil, "manifest.json")).Replace("data/part-00000.jsonl.gz", "../../etc/passwd"));
        (await Should.ThrowAsync<HubException>(() => catalogue.RegisterAsync(f.Operator, evil, slug, "V", "CC0-1.0", "", null))).Message.ShouldContain("stay inside the folder");
        (await Should.ThrowAsync<HubException>(() => catalogue.RegisterAsync(f.Operator, f.DataDir, slug, "V", "CC0-1.0", "", null))).Message.ShouldContain("manifest.json");
        (await Should.ThrowAsync<HubException>(() => catalogue.RegisterAsync(f.TeamMember, dir, slug, "V", "CC0-1.0", "", null))).StatusCode.ShouldBe(403);
    }

    [Fact]
    public async Task Croissant_HasRequiredFieldsAndFileHashes()
    {
        using var anon = f.Client();
        var r = await anon.GetAsync("/datasets/nsmc-reviews/croissant.json");
        r.Content.Headers.ContentType!.MediaType.ShouldBe("application/ld+json");
        var doc = await HubFixture.Json(r);
        var ctx = doc.GetProperty("@context");
        ctx.GetProperty("@vocab").GetString().ShouldBe("https://schema.org/");
        ctx.GetProperty("cr").GetString().ShouldBe("http://mlcommons.org/croissant/");
        ctx.GetProperty("rai").GetString().ShouldBe("http://mlcommons.org/croissant/RAI/");
        doc.GetProperty("@type").GetString().ShouldBe("sc:Dataset");
        doc.GetProperty("conformsTo").GetString().ShouldBe("http://mlcommons.org/croissant/1.0");
        foreach (var required in new[] { "name", "description", "license", "url", "creator", "datePublished", "version" })
        {
            doc.TryGetProperty(required, out var v).ShouldBeTrue(required);
            v.ValueKind.ShouldNotBe(JsonValueKind.Null, required);
        }

        doc.GetProperty("url").GetString().ShouldBe(f.BaseUrl + "/datasets/nsmc-reviews");
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(f.CurateDir, "manifest.json"))).RootElement.GetProperty("files");
        var objects = doc.GetProperty("distribution").EnumerateArray().Where(d => d.GetProperty("@type").GetString() == "cr:FileObject").ToList();
        objects.Count.ShouldBe(manifest.GetArrayLength());
        foreach (var m in manifest.EnumerateArray())
        {
            var o = objects.Single(x => x.GetProperty("name").GetString() == m.GetProperty("path").GetString());
            o.GetProperty("sha256").GetString().ShouldBe(m.GetProperty("sha256").GetString());
            foreach (var required in new[] { "@id", "contentUrl", "encodingFormat" })
            {
                o.TryGetProperty(required, out _).ShouldBeTrue(required);
            }
        }

        var ids = doc.GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("@id").GetString()).ToHashSet();
        foreach (var rs in doc.GetProperty("recordSet").EnumerateArray())
        {
            rs.GetProperty("@type").GetString().ShouldBe("cr:RecordSet");
            foreach (var field in rs.GetProperty("field").EnumerateArray())
            {
                field.GetProperty("@type").GetString().ShouldBe("cr:Field");
                field.TryGetProperty("dataType", out _).ShouldBeTrue();
                ids.ShouldContain(field.GetProperty("source").GetProperty("fileSet").GetProperty("@id").GetString());
            }
        }

        doc.GetProperty("rai:dataPreprocessingProtocol").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task AuditLog_ChainsEveryChange_AndVerifyNamesTamperedEntry()
    {
        await using var conn = await f.Db.OpenAsync();
        var entries = await AuditLog.ReadAllAsync(conn);
        var verdict = AuditVerifier.Verify(entries);
        verdict.Ok.ShouldBeTrue(verdict.Message);
        entries.Select(e => e.Action).ShouldContain("dataset.version_registered");
        entries.Select(e => e.Action).ShouldContain("user.created");

        // The database refuses edits of the log.
        await Should.ThrowAsync<Exception>(() => conn.ExecuteAsync("UPDATE audit_log SET actor = 'x' WHERE seq = 1"));
        await Should.ThrowAsync<Exception>(() => conn.ExecuteAsync("DELETE FROM audit_log WHERE seq = 1"));

        // An export verifies offline with `moa audit verify --file`, and a tampered line is named.
        using var op = f.Client("operator");
        var export = await (await op.GetAsync("/api/audit/export")).Content.ReadAsStringAsync();
        var dir = TestPaths.NewTempDir();
        var good = Path.Combine(dir, "audit.jsonl");
        File.WriteAllText(good, export);
        var (code, output) = await MoaCli.RunAsync("audit", "verify", "--file", good);
        code.ShouldBe(0, output);
        output.ShouldContain("chain intact");
        var lines = export.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[2] = lines[2].Replace("\"actor\":\"", "\"actor\":\"x", StringComparison.Ordinal);
        var bad = Path.Combine(dir, "tampered.jsonl");
        File.WriteAllLines(bad, lines);
        (code, output) = await MoaCli.RunAsync("audit", "verify", "--file", bad);
        code.ShouldBe(1);
        output.ShouldContain("BROKEN at entry 3");
    }
}

/// <summary>Runs the built <c>moa</c> CLI (from this test's output folder) as a process.</summary>
internal static class MoaCli
{
    public static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "moa.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = System.Diagnostics.Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout + await stderr);
    }
}

public sealed class HubIntegrationTests_Sqlite(SqliteHubFixture f) : HubIntegrationTests(f), IClassFixture<SqliteHubFixture>;

public sealed class HubIntegrationTests_Postgres(PostgresHubFixture f) : HubIntegrationTests(f), IClassFixture<PostgresHubFixture>;
