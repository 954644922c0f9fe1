using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Dapper;
using Moa.Hub.Audit;
using Moa.Hub.Tests.Infrastructure;
using Moa.Hub.Tests.Unit;

namespace Moa.Hub.Tests.Integration;

/// <summary>The findings of issue 12, each as a test that failed before the fix; runs on SQLite and PostgreSQL.</summary>
public abstract partial class HubIntegrationTests
{
    private HttpClient Bearer(string token)
    {
        var c = f.Client();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return c;
    }

    private async Task<(long Id, string Token)> Token(string who, string[] scopes, int days)
    {
        var email = who switch { "operator" => "operator@moa.test", "teamb" => "team-b@moa.test", _ => who + "@moa.test" };
        using var anon = f.Client();
        var r = await anon.PostAsJsonAsync("/api/auth/token", new { email, password = HubFixture.Password, name = Unique("t"), scopes, expiresInDays = days });
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var j = await HubFixture.Json(r);
        return (j.GetProperty("id").GetInt64(), j.GetProperty("token").GetString()!);
    }

    private async Task<List<AuditEntry>> Audit()
    {
        await using var conn = await f.Db.OpenAsync();
        return (await AuditLog.ReadAllAsync(conn)).ToList();
    }

    // ---- 1. sessions ----

    [Fact]
    public async Task Session_CookieMintedByAnotherHub_IsRefused_EvenWithTheSameKeys()
    {
        // A second hub with its own database and operator, and (worst case) a copy of this hub's data-protection keys,
        // so its cookie decrypts here: the session it names is not in this hub's database, so it is refused.
        var other = TestPaths.NewTempDir("hub-other");
        Directory.CreateDirectory(Path.Combine(other, "keys"));
        using (await f.CookieClient("provider@moa.test"))
        {
            // (signing in once makes sure this hub has created its keys)
        }

        foreach (var key in Directory.GetFiles(Path.Combine(f.DataDir, "keys")))
        {
            File.Copy(key, Path.Combine(other, "keys", Path.GetFileName(key)));
        }

        await using var hub2 = await ExtraHub.StartAsync("operator@moa.test", "another-operator-pass-77", dataDir: other);
        using var theirs = await HubFixture.SignInWithCookie(hub2.BaseUrl, "operator@moa.test", "another-operator-pass-77");
        (await theirs.GetAsync("/api/users")).StatusCode.ShouldBe(HttpStatusCode.OK, "the cookie works on the hub that issued it");
        var cookie = HubFixture.CookieHeader(theirs);
        cookie.ShouldContain("moa_session=");

        using var replay = f.Client();
        replay.DefaultRequestHeaders.Add("Cookie", cookie);
        (await replay.GetAsync("/api/users")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var create = await replay.PostAsJsonAsync("/api/users", new { email = "evil@moa.test", displayName = "Evil", role = "operator", password = "a-brand-new-operator-9" });
        create.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await using var conn = await f.Db.OpenAsync();
        (await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE email = 'evil@moa.test'")).ShouldBe(0);
    }

    [Fact]
    public async Task Session_KeysAndSecrets_AreStoredWithOwnerOnlyPermissions()
    {
        using (await f.CookieClient("team@moa.test"))
        {
        }

        f.App.Services.GetService(typeof(Moa.Hub.Access.DownloadService)).ShouldNotBeNull("creates the link-signing key");

        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var keys = Path.Combine(f.DataDir, "keys");
        File.GetUnixFileMode(keys).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var files = Directory.GetFiles(keys, "*.xml");
        files.ShouldNotBeEmpty("data-protection keys are persisted with the hub's data");
        foreach (var file in files.Concat([Path.Combine(f.DataDir, "link-signing.key"), Path.Combine(f.DataDir, AuditAnchor.PrivateKeyFile), Path.Combine(f.DataDir, AuditAnchor.CheckpointFile)]))
        {
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, file);
        }

        File.GetUnixFileMode(f.DataDir).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (f.Db.SqlitePath is { } dbFile)
        {
            File.GetUnixFileMode(dbFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, "the database holds password hashes");
        }
    }

    [Fact]
    public async Task Logout_EndsTheSessionServerSide_SoASavedCookieNoLongerWorks()
    {
        using var c = await f.CookieClient("partner@moa.test");
        (await c.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var saved = HubFixture.CookieHeader(c);
        var csrf = await HubFixture.CsrfToken(c);
        var logout = await c.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = csrf }));
        logout.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var replay = f.Client();
        replay.DefaultRequestHeaders.Add("Cookie", saved);
        (await replay.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Audit()).ShouldContain(e => e.Action == "session.ended");
    }

    // ---- 2. tokens ----

    [Fact]
    public async Task Tokens_NeverExceedTheCreatorsScopesOrExpiry()
    {
        var (_, writeOnly) = await Token("provider", ["write"], 5);
        using var w = Bearer(writeOnly);
        var escalate = await w.PostAsJsonAsync("/api/tokens", new { name = "x", scopes = new[] { "read", "write", "download" }, expiresInDays = 366 });
        escalate.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await HubFixture.Detail(escalate)).ShouldContain("cannot add read, download");
        var outlive = await w.PostAsJsonAsync("/api/tokens", new { name = "x", scopes = new[] { "write" }, expiresInDays = 366 });
        outlive.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await HubFixture.Detail(outlive)).ShouldContain("cannot outlive it");
        var ok = await w.PostAsJsonAsync("/api/tokens", new { name = "x", scopes = new[] { "write" }, expiresInDays = 4 });
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        (await HubFixture.Json(ok)).GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldBe(["write"]);
    }

    [Fact]
    public async Task Tokens_OnlyTheOwnerOrAnOperatorRevokes_AndReadOnlyTokensCannotDelete()
    {
        var (victimId, victim) = await Token("partner", ["read"], 3);
        var (_, readOnly) = await Token("partner", ["read"], 3);
        using (var ro = Bearer(readOnly))
        {
            var r = await ro.DeleteAsync($"/api/tokens/{victimId}");
            r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await HubFixture.Detail(r)).ShouldContain("lacks the 'write' scope");
        }

        using (var stranger = f.Client("provider"))
        {
            (await stranger.DeleteAsync($"/api/tokens/{victimId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using var v = Bearer(victim);
        (await v.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var op = f.Client("operator");
        var all = await HubFixture.Json(await op.GetAsync("/api/tokens?all=true"));
        all.EnumerateArray().ShouldContain(t => t.GetProperty("id").GetInt64() == victimId && t.GetProperty("email").GetString() == "partner@moa.test");
        (await op.DeleteAsync($"/api/tokens/{victimId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await v.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "revocation acts at once (the cache is cleared)");
        using var provider = f.Client("provider");
        (await provider.GetAsync("/api/tokens?all=true")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    // ---- 3. request limits ----

    [Fact]
    public async Task Limits_AnonymousHugeBody_IsRefusedWithoutBeingRead()
    {
        // Announce 75 MB and send none of it: the answer must come from the headers alone.
        var uri = new Uri(f.BaseUrl);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        var stream = tcp.GetStream();
        var head = $"POST /api/agreements HTTP/1.1\r\nHost: {uri.Authority}\r\nContent-Type: application/json\r\nContent-Length: {75L * 1024 * 1024}\r\n\r\n{{\"title\":";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var buffer = new byte[4096];
        var n = await stream.ReadAsync(buffer, cts.Token);
        var status = Encoding.ASCII.GetString(buffer, 0, n).Split("\r\n")[0];
        status.ShouldBeOneOf("HTTP/1.1 413 Payload Too Large", "HTTP/1.1 401 Unauthorized");

        // Signed in, the JSON limit still applies before binding, and deep nesting is refused with a reason.
        using var op = f.Client("operator");
        var big = await op.PostAsync("/api/agreements", new ByteArrayContent(new byte[(int)f.Options.MaxJsonBodyBytes + 1]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });
        big.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var deep = new string('[', 500) + new string(']', 500);
        var nested = await op.PostAsync("/api/agreements", new StringContent("{\"title\":\"t\",\"extra\":" + deep + "}", Encoding.UTF8, "application/json"));
        nested.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(nested)).ShouldContain("depth");

        // Anonymous writes are refused before the body is bound.
        using var anon = f.Client();
        var r = await anon.PostAsync("/api/agreements", new StringContent("not json at all", Encoding.UTF8, "application/json"));
        r.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    // ---- 4. audit ----

    [Fact]
    public async Task Audit_RefusedDownloads_AreAuditedWithTheirReason()
    {
        using var anon = f.Client();
        using var teamb = f.Client("partner");
        (await Download(anon)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Download(teamb)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await anon.GetAsync("/dl/bm90LWEtbGluaw.AAAA")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var refused = (await Audit()).Where(e => e.Action == "download.refused").ToList();
        refused.ShouldContain(e => e.Actor == "anonymous" && e.Detail.Contains("not signed in", StringComparison.Ordinal));
        refused.ShouldContain(e => e.Actor.Contains("partner@moa.test", StringComparison.Ordinal) && e.Detail.Contains("only members of a model team", StringComparison.Ordinal));
        refused.ShouldContain(e => e.Subject == "download-link" && e.Detail.Contains("link invalid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audit_FileChangedOnDiskAfterRegistration_IsRefusedAndAudited()
    {
        var slug = Unique("tamper-");
        var dir = CurateFolder.Create(Path.Combine(f.DataDir, slug), parts: 1, perPart: 8);
        await new Moa.Hub.Catalogue.CatalogueService(f.Db, f.Time).RegisterAsync(f.Operator, dir, slug, "T", "CC0-1.0", "", f.ProviderOrg.Id);
        using var op = f.Client("operator");
        var created = await op.PostAsJsonAsync("/api/agreements", new
        {
            title = Unique("tamper "), providerOrganisationId = f.ProviderOrg.Id, teamOrganisationId = f.TeamOrg.Id, datasetSlugs = new[] { slug },
            purposes = new[] { "evaluation" }, commercial = false, startsAt = f.Time.Now.AddDays(-1), endsAt = f.Time.Now.AddDays(30),
            processingSupportKrw = 0, copyrightCompensationKrw = 0, responsibilities = "-",
        });
        var id = (await HubFixture.Json(created)).GetProperty("id").GetInt64();
        await SignAll(id);
        using var team = f.Client("team");
        var url = $"/api/datasets/{slug}/versions/1/files/data/part-00000.jsonl.gz?purpose=evaluation";
        (await team.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var file = Path.Combine(dir, "data", "part-00000.jsonl.gz");
        var bytes = File.ReadAllBytes(file);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(file, bytes);
        var r = await team.GetAsync(url);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await HubFixture.Detail(r)).ShouldContain("integrity check failed");
        r.Headers.Contains("X-Content-SHA256").ShouldBeFalse();
        (await Audit()).ShouldContain(e => e.Action == "download.integrity_failed" && e.Subject == $"dataset:{slug}" && e.Detail.Contains("actualSha256", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audit_Anchor_DetectsTruncationAndRewritesWithRecomputedHashes()
    {
        // Some activity including a download, so there is something to remove.
        using var team = f.Client("team");
        var id = await CreateAgreement(["evaluation"]);
        await SignAll(id);
        (await Download(team, "evaluation")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var op = f.Client("operator");
        var export = await (await op.GetAsync("/api/audit/export")).Content.ReadAsStringAsync();
        var dir = TestPaths.NewTempDir();
        var checkpoints = Path.Combine(f.DataDir, AuditAnchor.CheckpointFile);
        File.Exists(checkpoints).ShouldBeTrue();
        f.Logs.Lines.ShouldContain(l => l.Contains("audit checkpoint", StringComparison.Ordinal), "checkpoints also go to the log");

        var intact = Path.Combine(dir, "intact.jsonl");
        File.WriteAllText(intact, export);
        var (code, output) = await MoaCli.RunAsync("audit", "verify", "--file", intact, "--checkpoints", checkpoints);
        code.ShouldBe(0, output);
        output.ShouldContain("signed checkpoint(s) match");

        // Truncation: the newest entries deleted.
        var lines = export.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var truncated = Path.Combine(dir, "truncated.jsonl");
        File.WriteAllLines(truncated, lines.Take(lines.Count - 2));
        (code, output) = await MoaCli.RunAsync("audit", "verify", "--file", truncated, "--checkpoints", checkpoints);
        code.ShouldBe(1, output);
        output.ShouldContain("newest entries were deleted");

        // Rewrite: the download entry removed and every later entry renumbered with recomputed hashes (chain alone verifies).
        var entries = lines.Select(l => JsonSerializer.Deserialize<AuditEntry>(l, JsonSerializerOptions.Web)!).ToList();
        var victim = entries.FindLastIndex(e => e.Action == "dataset.downloaded");
        victim.ShouldBeGreaterThan(0);
        entries.RemoveAt(victim);
        for (var i = victim; i < entries.Count; i++)
        {
            entries[i].Seq = i + 1;
            entries[i].PrevHash = entries[i - 1].Hash;
            entries[i].Hash = AuditLog.ComputeHash(entries[i]);
        }

        AuditVerifier.Verify(entries).Ok.ShouldBeTrue("the forged chain is self-consistent");
        var rewritten = Path.Combine(dir, "rewritten.jsonl");
        File.WriteAllLines(rewritten, entries.Select(e => JsonSerializer.Serialize(e, JsonSerializerOptions.Web)));
        (code, output) = await MoaCli.RunAsync("audit", "verify", "--file", rewritten, "--checkpoints", checkpoints);
        code.ShouldBe(1, output);
        output.ShouldContain("BROKEN");

        // A checkpoint file edited to match is caught by its signature.
        var forged = Path.Combine(dir, AuditAnchor.CheckpointFile);
        File.WriteAllLines(forged, File.ReadAllLines(checkpoints).Select(l => l.Replace("\"hash\":\"", "\"hash\":\"0", StringComparison.Ordinal)));
        File.Copy(Path.Combine(f.DataDir, AuditAnchor.PublicKeyFile), Path.Combine(dir, AuditAnchor.PublicKeyFile));
        (code, output) = await MoaCli.RunAsync("audit", "verify", "--file", intact, "--checkpoints", forged);
        code.ShouldBe(1, output);
        output.ShouldContain("signature does not verify");
    }

    // ---- 5. consent, withdrawal, redirects ----

    [Fact]
    public async Task Consent_NamedOrganisationsMustAccept_AndApplicationsCanBeWithdrawn()
    {
        using var op = f.Client("operator");
        var call = await op.PostAsJsonAsync("/api/calls", new { title = Unique("consent call "), year = 2025, deadline = f.Time.Now.AddDays(10), fields = new[] { new { code = "C1", name = "c", budgetKrw = 1, slots = 1 } } });
        var callId = (await HubFixture.Json(call)).GetProperty("id").GetInt64();
        using var provider = f.Client("provider");
        using var third = f.Client("third");
        using var partner = f.Client("partner");
        async Task<long> Apply(HttpClient c, long lead, long participant)
        {
            var r = await c.PostAsJsonAsync("/api/applications", new { callId, fieldCode = "C1", title = Unique("c "), members = new object[] { new { organisationId = lead, role = "lead" }, new { organisationId = participant, role = "participant" } } });
            r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
            var id = (await HubFixture.Json(r)).GetProperty("id").GetInt64();
            foreach (var (kind, bytes) in new[] { ("application_form", "%PDF-1.7 form"u8.ToArray()), ("data_provision_plan", DocumentInspectorTests.Zip(("Contents/section0.xml", "<p>plan</p>"u8.ToArray()))), ("business_registration", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2 }) })
            {
                (await c.PutAsync($"/api/applications/{id}/documents/{kind}", new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", kind + ".bin" } })).EnsureSuccessStatusCode();
            }

            return id;
        }

        // The provider names the third organisation as lead without its consent: submission is refused.
        var hijack = await Apply(provider, f.ThirdOrg.Id, f.ProviderOrg.Id);
        var r = await provider.PostAsync($"/api/applications/{hijack}/submit", null);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await HubFixture.Detail(r)).ShouldContain("have not accepted their role");

        // The third organisation's own application is not blocked by it.
        var own = await Apply(third, f.ThirdOrg.Id, f.PartnerOrg.Id);
        (await third.PostAsync($"/api/applications/{own}/submit", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "the partner must accept first");
        (await provider.PostAsync($"/api/applications/{own}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "not named in it");
        (await partner.PostAsync($"/api/applications/{own}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await partner.PostAsync($"/api/applications/{own}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var submitted = await third.PostAsync($"/api/applications/{own}/submit", null);
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());

        // Withdrawal: only the lead's members (or the author); a withdrawn application stops counting.
        (await partner.PostAsync($"/api/applications/{own}/withdraw", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var w = await third.PostAsync($"/api/applications/{own}/withdraw", null);
        (await HubFixture.Json(w)).GetProperty("state").GetString().ShouldBe("withdrawn");
        (await third.PostAsync($"/api/applications/{own}/withdraw", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await third.PostAsync($"/api/applications/{hijack}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await provider.PostAsync($"/api/applications/{hijack}/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK, "after consent, and with the other application withdrawn");
        (await HubFixture.Json(await provider.PostAsync($"/api/applications/{hijack}/withdraw", null))).GetProperty("state").GetString().ShouldBe("withdrawn");
        (await Audit()).ShouldContain(e => e.Action == "application.role_accepted");
    }

    [Theory]
    [InlineData("/\\evil.example/phish", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("evil.example", "/")]
    [InlineData("/datasets?x=1", "/datasets?x=1")]
    public async Task Login_ReturnUrl_NeverLeavesTheSite(string returnUrl, string expected)
    {
        using var c = f.Client();
        var r = await c.PostAsync("/login", await HubFixture.LoginForm(c, "team@moa.test", HubFixture.Password, returnUrl));
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        r.Headers.Location!.OriginalString.ShouldBe(expected);
    }

    // ---- 6. malformed input ----

    [Theory]
    [InlineData("POST", "/api/tokens", "{\"name\":\"x\",\"scopes\":[\"read\"],\"expiresInDays\":2147483647}", "expiresInDays")]
    [InlineData("POST", "/api/tokens", "{\"name\":\"x\",\"scopes\":[null]}", "scopes[0]")]
    [InlineData("POST", "/api/applications", "{\"callId\":1,\"fieldCode\":\"F1\",\"title\":\"t\",\"members\":[null]}", "members[0]")]
    [InlineData("POST", "/api/calls", "{\"title\":\"t\",\"year\":2024,\"deadline\":\"2030-01-01T00:00:00Z\",\"fields\":[null]}", "fields[0]")]
    [InlineData("POST", "/api/datasets", "{\"folder\":null,\"slug\":\"s\",\"name\":\"n\",\"licence\":\"l\"}", "folder")]
    [InlineData("POST", "/api/agreements", "{\"title\":\"t\",\"providerOrganisationId\":\"x\"}", "providerOrganisationId")]
    [InlineData("POST", "/api/users", "{\"email\":\"a@b.c\",\"displayName\":\"d\",\"role\":\"team\",\"password\":12}", "password")]
    public async Task Malformed_Bodies_Give400NamingTheField(string method, string path, string body, string field)
    {
        using var c = f.Client(path == "/api/applications" ? "provider" : "operator");
        var r = await c.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await r.Content.ReadAsStringAsync());
        (await HubFixture.Detail(r)).ShouldContain(field);
    }

    [Fact]
    public async Task Malformed_NonNumericPartnersInTheApplyForm_Is400()
    {
        using var c = await f.CookieClient("provider@moa.test");
        var csrf = await HubFixture.CsrfToken(c);
        var form = new MultipartFormDataContent
        {
            { new StringContent(csrf), "__RequestVerificationToken" },
            { new StringContent("t"), "title" },
            { new StringContent("F1"), "fieldCode" },
            { new StringContent("abc"), "partners" },
        };
        var r = await c.PostAsync($"/calls/{f.Call.Id}/apply", form);
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain("partners: &#39;abc&#39; is not an organisation id");
    }

    // ---- 7. headers ----

    [Fact]
    public async Task Headers_CspNosniffAndFrameAncestors_OnEveryResponse()
    {
        using var anon = f.Client();
        foreach (var path in new[] { "/", "/api/datasets", "/api/me", "/datasets/nope" })
        {
            var r = await anon.GetAsync(path);
            r.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'", customMessage: path);
            r.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
            r.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("plain HTTP without --https");
        }
    }

    // ---- accounts ----

    [Fact]
    public async Task Accounts_DisableRoleChangeAndPasswords_ActAtOnce()
    {
        using var op = f.Client("operator");
        var email = Unique("member") + "@moa.test";
        var created = await op.PostAsJsonAsync("/api/users", new { email, displayName = "M", role = "provider", password = HubFixture.Password, organisationId = f.PartnerOrg.Id });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var userId = (await HubFixture.Json(created)).GetProperty("id").GetInt64();
        var (_, token) = await Token(email.Split('@')[0], ["read", "write"], 3);
        using var member = Bearer(token);
        using var cookie = await f.CookieClient(email);
        (await member.GetAsync("/api/applications")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Disable: token and cookie stop at once; sign-in is refused; enable restores.
        (await op.PostAsync($"/api/users/{userId}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await member.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await cookie.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using (var anon = f.Client())
        {
            var r = await anon.PostAsJsonAsync("/api/auth/token", new { email, password = HubFixture.Password, name = "x" });
            r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await HubFixture.Detail(r)).ShouldContain("account disabled");
        }

        (await op.PostAsync($"/api/users/{userId}/enable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await member.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Role change: a provider becomes a team member on its next request.
        (await op.PutAsJsonAsync($"/api/users/{userId}/role", new { role = "team", organisationId = f.OtherTeamOrg.Id })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await member.GetAsync("/api/applications")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await HubFixture.Json(await member.GetAsync("/api/me"))).GetProperty("role").GetString().ShouldBe("team");
        (await op.PutAsJsonAsync($"/api/users/{f.Operator.Id}/role", new { role = "team", organisationId = f.TeamOrg.Id })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Password change: the current password is checked, the policy applies, other sessions end.
        (await member.PostAsJsonAsync("/api/me/password", new { currentPassword = "wrong-password-123", newPassword = "a-new-pass-phrase-42" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var weak = await member.PostAsJsonAsync("/api/me/password", new { currentPassword = HubFixture.Password, newPassword = "password1234" });
        weak.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(weak)).ShouldContain("most common passwords");
        (await member.PostAsJsonAsync("/api/me/password", new { currentPassword = HubFixture.Password, newPassword = "a-new-pass-phrase-42" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await cookie.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "other sessions end when the password changes");
        using (var again = await HubFixture.SignInWithCookie(f.BaseUrl, email, "a-new-pass-phrase-42"))
        {
            (await again.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

            // The operator resets it; the session ends; operators list and end anyone's sessions.
            (await op.PostAsJsonAsync($"/api/users/{userId}/password", new { newPassword = "reset-by-the-agency-7" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            (await again.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var last = await HubFixture.SignInWithCookie(f.BaseUrl, email, "reset-by-the-agency-7");
        var sessions = await HubFixture.Json(await op.GetAsync("/api/sessions?all=true"));
        var sid = sessions.EnumerateArray().Last(s => s.GetProperty("userId").GetInt64() == userId).GetProperty("id").GetInt64();
        (await op.DeleteAsync($"/api/sessions/{sid}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await last.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Accounts_FailedSignIns_ArePersistentAndNotResetBySuccess()
    {
        var options = new HubOptions { DataDirectory = f.DataDir, MaxFailedLogins = 3, MaxFailedLoginsPerAddress = 4 };
        var address = "203.0.113." + Interlocked.Increment(ref s_seq);
        var accounts = new Moa.Hub.Accounts.AccountService(f.Db, f.Time, options);
        var email = Unique("throttled") + "@moa.test";
        await accounts.CreateUserAsync(f.Operator, email, "T", "provider", HubFixture.Password, f.PartnerOrg.Id);
        for (var i = 0; i < 2; i++)
        {
            await Should.ThrowAsync<HubException>(() => accounts.SignInAsync(email, "wrong-" + i, address));
        }

        (await accounts.SignInAsync(email, HubFixture.Password, address)).Email.ShouldBe(email);
        await Should.ThrowAsync<HubException>(() => accounts.SignInAsync(email, "wrong-x", address));

        // A new service (a restart) still sees the failures, and the success above did not reset them.
        var restarted = new Moa.Hub.Accounts.AccountService(f.Db, f.Time, options);
        var ex = await Should.ThrowAsync<HubException>(() => restarted.SignInAsync(email, HubFixture.Password, address));
        ex.StatusCode.ShouldBe(429);

        // Per address: other accounts from the same address are limited too.
        await Should.ThrowAsync<HubException>(() => restarted.SignInAsync("nobody-" + address + "@moa.test", "x", address));
        (await Should.ThrowAsync<HubException>(() => restarted.SignInAsync("team@moa.test", HubFixture.Password, address))).Message.ShouldContain("this address");
    }
}

/// <summary>HTTPS settings: HSTS and Secure cookies with <c>--https</c> or behind a trusted proxy that forwards the scheme.</summary>
public sealed class HttpsSettingsTests
{
    [Fact]
    public async Task Https_SecureCookiesAndHsts_DirectlyAndBehindATrustedProxy()
    {
        await using (var https = await ExtraHub.StartAsync("operator@moa.test", "an-operator-pass-phrase-1", o => { o.Https = true; o.SecureCookies = true; }))
        {
            using var c = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(https.BaseUrl) };
            var r = await c.GetAsync("/login");
            r.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=");
            r.Headers.GetValues("Set-Cookie").ShouldAllBe(v => v.Contains("secure", StringComparison.OrdinalIgnoreCase));
        }

        await using var proxied = await ExtraHub.StartAsync("operator@moa.test", "an-operator-pass-phrase-1", o => o.TrustedProxies.Add(IPAddress.Loopback));
        using var p = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(proxied.BaseUrl) };
        var plain = await p.GetAsync("/login");
        plain.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        var req = new HttpRequestMessage(HttpMethod.Get, "/login");
        req.Headers.Add("X-Forwarded-Proto", "https");
        req.Headers.Add("X-Forwarded-For", "198.51.100.7");
        var forwarded = await p.SendAsync(req);
        forwarded.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=");
        forwarded.Headers.GetValues("Set-Cookie").ShouldAllBe(v => v.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }
}
