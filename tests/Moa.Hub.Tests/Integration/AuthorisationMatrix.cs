using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Moa.Hub.Tests.Infrastructure;

namespace Moa.Hub.Tests.Integration;

/// <summary>
/// Every endpoint × every role → expected status, including a second team and a partner (second provider) organisation.
/// Allowed-but-invalid requests answer 400/404/409, which proves the role passed. The resources the cells touch are made
/// by the test itself and put in end states (a withdrawn application, a revoked agreement, a dataset only that agreement
/// covers), so no cell depends on what other tests did or on the order of requests. API cells use bearer tokens, page
/// cells a signed-in browser session with a valid antiforgery token.
/// </summary>
public abstract partial class HubIntegrationTests
{
    private static readonly string[] s_roles = ["public", "operator", "provider", "partner", "team", "teamb"];

    private static readonly Dictionary<string, string> s_emails = new(StringComparer.Ordinal)
    {
        ["operator"] = "operator@moa.test", ["provider"] = "provider@moa.test", ["partner"] = "partner@moa.test", ["team"] = "team@moa.test", ["teamb"] = "team-b@moa.test",
    };

    [Fact]
    public async Task AuthorisationMatrix_EveryRoleAndEndpoint_HasTheExpectedStatus()
    {
        // Fixed end-state resources: a withdrawn application of the provider's consortium (partner accepted), a dataset
        // covered only by a revoked provider–team agreement.
        using var op = f.Client("operator");
        using var provider = f.Client("provider");
        using var partner = f.Client("partner");
        var created = await provider.PostAsJsonAsync("/api/applications", new { callId = f.Call.Id, fieldCode = "F3", title = Unique("matrix "), members = new object[] { new { organisationId = f.ProviderOrg.Id, role = "lead" }, new { organisationId = f.PartnerOrg.Id, role = "participant" } } });
        var w = (await HubFixture.Json(created)).GetProperty("id").GetInt64();
        (await partner.PostAsync($"/api/applications/{w}/accept", null)).EnsureSuccessStatusCode();
        (await provider.PostAsync($"/api/applications/{w}/withdraw", null)).EnsureSuccessStatusCode();
        var slug = Unique("matrix-");
        await new Moa.Hub.Catalogue.CatalogueService(f.Db, f.Time).RegisterAsync(f.Operator, CurateFolder.Create(Path.Combine(f.DataDir, slug), parts: 1, perPart: 4), slug, "M", "CC0-1.0", "", f.ProviderOrg.Id);
        var agreement = await op.PostAsJsonAsync("/api/agreements", new
        {
            title = Unique("matrix "), providerOrganisationId = f.ProviderOrg.Id, teamOrganisationId = f.TeamOrg.Id, datasetSlugs = new[] { slug }, purposes = new[] { "pretraining" },
            commercial = false, startsAt = f.Time.Now.AddDays(-1), endsAt = f.Time.Now.AddDays(30), processingSupportKrw = 0, copyrightCompensationKrw = 0, responsibilities = "-",
        });
        var r = (await HubFixture.Json(agreement)).GetProperty("id").GetInt64();
        await SignAll(r);
        (await op.PostAsJsonAsync($"/api/agreements/{r}/revoke", new { reason = "matrix" })).EnsureSuccessStatusCode();
        // A pseudonymised table of the provider whose adequacy review the agency rejected (issue 15).
        var deidSlug = Unique("matrix-deid-");
        await new Moa.Hub.Catalogue.CatalogueService(f.Db, f.Time).RegisterAsync(f.Operator, CurateFolder.Create(Path.Combine(f.DataDir, deidSlug), parts: 1, perPart: 4), deidSlug, "D", "CC0-1.0", "", f.ProviderOrg.Id);
        var deid = new Moa.Hub.Deid.DeidReviewService(f.Db, f.Time);
        var dr = (await deid.RegisterAsync(f.ProviderMember, new(deidSlug, s_deidReport.Value.Spec, s_deidReport.Value.Json, s_deidReport.Value.Html))).Id;
        await deid.DecideAsync(f.Operator, dr, approve: false, "matrix");
        // A synthetic release of the provider whose gate passed (issue 16).
        var synthSlug = Unique("matrix-synth-");
        await new Moa.Hub.Catalogue.CatalogueService(f.Db, f.Time).RegisterAsync(f.Operator, CurateFolder.Create(Path.Combine(f.DataDir, synthSlug), parts: 1, perPart: 4), synthSlug, "S", "CC0-1.0", "", f.ProviderOrg.Id);
        var sr = (await new Moa.Hub.Synth.SynthReleaseService(f.Db, f.Time).RegisterAsync(f.ProviderMember, new(synthSlug, SynthReportJson(passGate: true)))).Id;
        var call = f.Call.Id;
        var file = "data/part-00000.jsonl.gz";

        // template (as mapped), method, concrete path, body (JSON object, or a Dictionary for a page form), expected per role
        // roles:                                                                  public operator provider partner team teamb
        var rows = new (string Template, string Method, string Path, object? Body, int[] Expect)[]
        {
            ("/api/health", "GET", "/api/health", null, [200, 200, 200, 200, 200, 200]),
            ("/openapi/{documentName}.json", "GET", "/openapi/v1.json", null, [200, 200, 200, 200, 200, 200]),
            ("/api/datasets", "GET", "/api/datasets", null, [200, 200, 200, 200, 200, 200]),
            ("/api/datasets", "GET", "/api/datasets?all=true", null, [401, 200, 403, 403, 403, 403]),
            ("/api/datasets/{slug}", "GET", $"/api/datasets/{slug}", null, [200, 200, 200, 200, 200, 200]),
            ("/api/datasets/{slug}/croissant", "GET", $"/api/datasets/{slug}/croissant", null, [200, 200, 200, 200, 200, 200]),
            ("/datasets/{slug}/croissant.json", "GET", $"/datasets/{slug}/croissant.json", null, [200, 200, 200, 200, 200, 200]),
            ("/api/calls", "GET", "/api/calls", null, [200, 200, 200, 200, 200, 200]),
            ("/api/calls/{id}", "GET", $"/api/calls/{call}", null, [200, 200, 200, 200, 200, 200]),
            ("/api/benchmarks", "GET", "/api/benchmarks", null, [200, 200, 200, 200, 200, 200]),
            ("/api/me", "GET", "/api/me", null, [401, 200, 200, 200, 200, 200]),
            ("/api/tokens", "GET", "/api/tokens", null, [401, 200, 200, 200, 200, 200]),
            ("/api/tokens", "GET", "/api/tokens?all=true", null, [401, 200, 403, 403, 403, 403]),
            ("/api/sessions", "GET", "/api/sessions", null, [401, 200, 200, 200, 200, 200]),
            ("/api/sessions", "GET", "/api/sessions?all=true", null, [401, 200, 403, 403, 403, 403]),
            ("/api/users", "GET", "/api/users", null, [401, 200, 403, 403, 403, 403]),
            ("/api/organisations", "GET", "/api/organisations", null, [401, 200, 200, 200, 200, 200]),
            ("/api/applications", "GET", "/api/applications", null, [401, 200, 200, 200, 403, 403]),
            ("/api/applications/{id}", "GET", $"/api/applications/{w}", null, [401, 200, 200, 200, 403, 403]),
            ("/api/applications/{id}/documents/{kind}", "GET", $"/api/applications/{w}/documents/application_form", null, [401, 404, 404, 404, 403, 403]),
            ("/api/agreements", "GET", "/api/agreements", null, [401, 200, 200, 200, 200, 200]),
            ("/api/agreements/{id}", "GET", $"/api/agreements/{r}", null, [401, 200, 200, 403, 200, 403]),
            ("/api/agreements/{id}/tokens", "GET", $"/api/agreements/{r}/tokens", null, [401, 200, 200, 403, 200, 403]),
            ("/api/datasets/{slug}/rows", "GET", $"/api/datasets/{slug}/rows", null, [200, 200, 200, 200, 200, 200]),
            ("/api/datasets/{slug}/versions/{version}/files/{path}", "GET", $"/api/datasets/{slug}/versions/1/files/{file}?purpose=pretraining", null, [401, 403, 403, 403, 403, 403]),
            ("/api/audit", "GET", "/api/audit", null, [401, 200, 403, 403, 403, 403]),
            ("/api/audit/export", "GET", "/api/audit/export", null, [401, 200, 403, 403, 403, 403]),
            ("/api/deid/reviews", "GET", "/api/deid/reviews", null, [401, 200, 200, 200, 200, 200]),
            ("/api/deid/reviews/{id}", "GET", $"/api/deid/reviews/{dr}", null, [401, 200, 200, 200, 200, 200]),
            ("/api/synth/releases/{id}", "GET", $"/api/synth/releases/{sr}", null, [401, 200, 200, 200, 200, 200]),
            ("/api/deid/reviews/{id}/report.html", "GET", $"/api/deid/reviews/{dr}/report.html", null, [401, 200, 200, 200, 200, 200]),
            ("/api/deid/reviews/{id}/table", "GET", $"/api/deid/reviews/{dr}/table?purpose=pretraining", null, [401, 404, 404, 404, 404, 404]),
            ("/dl/{token}", "GET", "/dl/bm90LWEtbGluaw.AAAA", null, [403, 403, 403, 403, 403, 403]),

            ("/api/auth/token", "POST", "/api/auth/token", new { email = "x", password = "x", name = "x", expiresInDays = 0 }, [400, 400, 400, 400, 400, 400]),
            ("/api/me/password", "POST", "/api/me/password", new { currentPassword = "not-the-password", newPassword = "x" }, [401, 403, 403, 403, 403, 403]),
            ("/api/me/totp", "POST", "/api/me/totp", null, [401, 200, 403, 403, 403, 403]),
            ("/api/me/totp/confirm", "POST", "/api/me/totp/confirm", new { code = "x" }, [401, 400, 403, 403, 403, 403]),
            ("/api/users/{id}/totp/reset", "POST", "/api/users/999999/totp/reset", null, [401, 404, 403, 403, 403, 403]),
            ("/api/tokens", "POST", "/api/tokens", new { name = "", scopes = new[] { "read" } }, [401, 400, 400, 400, 400, 400]),
            ("/api/tokens/{id}", "DELETE", "/api/tokens/999999", null, [401, 404, 404, 404, 404, 404]),
            ("/api/sessions/{id}", "DELETE", "/api/sessions/999999", null, [401, 404, 404, 404, 404, 404]),
            ("/api/users", "POST", "/api/users", new { email = "", displayName = "", role = "team", password = "" }, [401, 400, 403, 403, 403, 403]),
            ("/api/users/{id}/disable", "POST", "/api/users/999999/disable", null, [401, 404, 403, 403, 403, 403]),
            ("/api/users/{id}/enable", "POST", "/api/users/999999/enable", null, [401, 404, 403, 403, 403, 403]),
            ("/api/users/{id}/role", "PUT", "/api/users/999999/role", new { role = "team", organisationId = f.TeamOrg.Id }, [401, 404, 403, 403, 403, 403]),
            ("/api/users/{id}/password", "POST", "/api/users/999999/password", new { newPassword = "x" }, [401, 404, 403, 403, 403, 403]),
            ("/api/organisations", "POST", "/api/organisations", new { name = "", businessRegistrationNumber = "1", kind = "company" }, [401, 400, 400, 400, 403, 403]),
            ("/api/calls", "POST", "/api/calls", new { title = "", year = 2024, deadline = DateTimeOffset.UtcNow, fields = Array.Empty<object>() }, [401, 400, 403, 403, 403, 403]),
            ("/api/applications", "POST", "/api/applications", new { callId = call, fieldCode = "F1", title = "", members = new object[] { new { organisationId = f.ProviderOrg.Id, role = "lead" }, new { organisationId = f.PartnerOrg.Id, role = "participant" } } }, [401, 403, 400, 400, 403, 403]),
            ("/api/applications/{id}/documents/{kind}", "PUT", $"/api/applications/{w}/documents/application_form", "raw", [401, 403, 409, 409, 403, 403]),
            ("/api/applications/{id}/accept", "POST", $"/api/applications/{w}/accept", null, [401, 403, 409, 409, 403, 403]),
            ("/api/applications/{id}/withdraw", "POST", $"/api/applications/{w}/withdraw", null, [401, 403, 409, 403, 403, 403]),
            ("/api/applications/{id}/submit", "POST", $"/api/applications/{w}/submit", null, [401, 403, 409, 409, 403, 403]),
            ("/api/applications/{id}/review", "POST", $"/api/applications/{w}/review", null, [401, 409, 403, 403, 403, 403]),
            ("/api/applications/{id}/select", "POST", $"/api/applications/{w}/select", null, [401, 409, 403, 403, 403, 403]),
            ("/api/applications/{id}/reject", "POST", $"/api/applications/{w}/reject", new { reason = "x" }, [401, 409, 403, 403, 403, 403]),
            ("/api/agreements", "POST", "/api/agreements", new { title = "", datasetSlugs = Array.Empty<string>(), purposes = Array.Empty<string>() }, [401, 400, 403, 403, 403, 403]),
            ("/api/agreements/{id}/sign", "POST", $"/api/agreements/{r}/sign", null, [401, 409, 409, 403, 409, 403]),
            ("/api/agreements/{id}/revoke", "POST", $"/api/agreements/{r}/revoke", new { reason = "x" }, [401, 409, 403, 403, 403, 403]),
            ("/api/datasets", "POST", "/api/datasets", new { folder = "", slug = "", name = "", licence = "" }, [401, 400, 403, 403, 403, 403]),
            ("/api/datasets/{slug}/withdraw", "POST", $"/api/datasets/{slug}/withdraw", new { version = 999, reason = "matrix" }, [401, 404, 404, 403, 403, 403]),
            ("/api/datasets/{slug}/supersede", "POST", $"/api/datasets/{slug}/supersede", new { version = 999, successorSlug = slug, successorVersion = 1 }, [401, 404, 404, 403, 403, 403]),
            ("/api/deid/reviews", "POST", "/api/deid/reviews", new { datasetSlug = deidSlug, spec = "", report = "" }, [401, 400, 400, 403, 403, 403]),
            ("/api/deid/reviews/{id}/{action}", "POST", $"/api/deid/reviews/{dr}/approve", new { reason = "matrix" }, [401, 409, 403, 403, 403, 403]),
            ("/api/synth/releases", "POST", "/api/synth/releases", new { datasetSlug = synthSlug, report = "" }, [401, 400, 400, 403, 403, 403]),
            ("/api/synth/releases/{id}/override", "POST", $"/api/synth/releases/{sr}/override", new { reason = "matrix" }, [401, 409, 403, 403, 403, 403]),
            ("/api/datasets/{slug}/links", "POST", $"/api/datasets/{slug}/links", new { version = 1, path = file, purpose = "pretraining" }, [401, 403, 403, 403, 403, 403]),

            ("/", "GET", "/", null, [200, 200, 200, 200, 200, 200]),
            ("/lang/{code}", "GET", "/lang/en", null, [302, 302, 302, 302, 302, 302]),
            ("/login", "GET", "/login", null, [200, 200, 200, 200, 200, 200]),
            ("/datasets", "GET", "/datasets", null, [200, 200, 200, 200, 200, 200]),
            ("/datasets/{slug}", "GET", $"/datasets/{slug}", null, [200, 200, 200, 200, 200, 200]),
            ("/datasets/{slug}/viewer", "GET", $"/datasets/{slug}/viewer", null, [200, 200, 200, 200, 200, 200]),
            ("/calls", "GET", "/calls", null, [200, 200, 200, 200, 200, 200]),
            ("/benchmarks", "GET", "/benchmarks", null, [200, 200, 200, 200, 200, 200]),
            ("/applications", "GET", "/applications", null, [401, 200, 200, 200, 403, 403]),
            ("/agreements", "GET", "/agreements", null, [401, 200, 200, 200, 200, 200]),
            ("/deid", "GET", "/deid", null, [401, 200, 200, 200, 200, 200]),
            ("/deid/{id}", "GET", $"/deid/{dr}", null, [401, 200, 200, 200, 200, 200]),
            ("/deid/{id}/{action}", "POST", $"/deid/{dr}/reject", Form(("reason", "matrix")), [401, 409, 403, 403, 403, 403]),
            ("/synth/{id}", "GET", $"/synth/{sr}", null, [401, 200, 200, 200, 200, 200]),
            ("/audit", "GET", "/audit", null, [401, 200, 403, 403, 403, 403]),
            ("/users", "GET", "/users", null, [401, 200, 403, 403, 403, 403]),
            ("/organisations", "GET", "/organisations", null, [401, 200, 403, 403, 403, 403]),
            ("/organisations/{id}", "GET", $"/organisations/{f.ProviderOrg.Id}", null, [401, 200, 403, 403, 403, 403]),
            ("/tokens", "GET", "/tokens", null, [401, 200, 200, 200, 200, 200]),
            ("/users/{id}/{action}", "POST", "/users/999999/disable", Form(), [401, 404, 403, 403, 403, 403]),
            ("/tokens", "POST", "/tokens", Form(("name", ""), ("days", "5"), ("scopes", "read")), [401, 400, 400, 400, 400, 400]),
            ("/tokens/{id}/revoke", "POST", "/tokens/999999/revoke", Form(), [401, 404, 404, 404, 404, 404]),
            ("/login", "POST", "/login", "no-csrf", [400, 400, 400, 400, 400, 400]),
            ("/logout", "POST", "/logout", "no-csrf", [400, 400, 400, 400, 400, 400]),
            ("/datasets/{slug}/download", "POST", $"/datasets/{slug}/download", Form(("version", "1"), ("path", file), ("purpose", "pretraining")), [401, 403, 403, 403, 403, 403]),
            ("/datasets/{slug}/versions/{version}/{action}", "POST", $"/datasets/{slug}/versions/999/withdraw", Form(("reason", "matrix")), [401, 404, 404, 403, 403, 403]),
            ("/calls/{id}/apply", "POST", $"/calls/{call}/apply", Form(("title", ""), ("fieldCode", "F1")), [401, 403, 400, 400, 403, 403]),
            ("/applications/{id}/{action}", "POST", $"/applications/{w}/withdraw", Form(), [401, 403, 409, 403, 403, 403]),
            ("/applications/{id}/{action}", "POST", $"/applications/{w}/review", Form(), [401, 409, 403, 403, 403, 403]),
            ("/agreements", "POST", "/agreements", Form(("title", ""), ("starts", "2025-01-01"), ("ends", "2026-01-01")), [401, 400, 403, 403, 403, 403]),
            ("/agreements/{id}/{action}", "POST", $"/agreements/{r}/revoke", Form(("reason", "x")), [401, 409, 403, 403, 403, 403]),
        };

        rows = [.. rows, .. await LeaderboardMatrixRows()];

        // Every mapped endpoint has at least one row.
        static string Normalise(string t) => Regex.Replace("/" + t.TrimStart('/'), "\\{\\**([A-Za-z]+)[^}]*\\}", "{$1}");
        var mapped = ((IEndpointRouteBuilder)f.App).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Normalise(e.RoutePattern.RawText ?? "")}"))
            .ToHashSet(StringComparer.Ordinal);
        var covered = rows.Select(x => $"{x.Method} {Normalise(x.Template)}").ToHashSet(StringComparer.Ordinal);
        mapped.Except(covered).ShouldBeEmpty("every endpoint needs a row in the matrix");
        covered.Except(mapped).ShouldBeEmpty("rows name only mapped endpoints");
        mapped.Count.ShouldBeGreaterThanOrEqualTo(63);

        var failures = new StringBuilder();
        for (var i = 0; i < s_roles.Length; i++)
        {
            var role = s_roles[i];
            using var api = f.Client(role == "public" ? null : role);
            using var page = role == "public" ? f.Client() : await f.CookieClient(s_emails[role]);
            var csrf = await HubFixture.CsrfToken(page);
            foreach (var (_, method, path, body, expect) in rows)
            {
                var isPage = !path.StartsWith("/api", StringComparison.Ordinal) && !path.StartsWith("/openapi", StringComparison.Ordinal) && !path.StartsWith("/dl/", StringComparison.Ordinal);
                using var req = new HttpRequestMessage(new HttpMethod(method), path);
                switch (body)
                {
                    case "raw":
                        req.Content = new ByteArrayContent("x"u8.ToArray());
                        req.Headers.Add("X-File-Name", "x.pdf");
                        break;
                    case "no-csrf":
                        req.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "x", ["password"] = "x" });
                        break;
                    case Dictionary<string, string> form:
                        req.Content = new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = csrf });
                        break;
                    case not null:
                        req.Content = JsonContent.Create(body);
                        break;
                }

                var res = await (isPage ? page : api).SendAsync(req);
                if ((int)res.StatusCode != expect[i])
                {
                    var text = await res.Content.ReadAsStringAsync();
                    failures.AppendLine($"{role,-8} {method} {path}: expected {expect[i]}, got {(int)res.StatusCode} {text[..Math.Min(300, text.Length)]}");
                }
                else if (expect[i] is 401 or 403 && path.StartsWith("/api", StringComparison.Ordinal) && string.IsNullOrWhiteSpace(await HubFixture_Detail(res)))
                {
                    failures.AppendLine($"{role,-8} {method} {path}: {(int)res.StatusCode} without a reason");
                }
            }
        }

        failures.ToString().ShouldBeEmpty();
    }

    private static Dictionary<string, string> Form(params (string Key, string Value)[] fields) => fields.ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);

    private static async Task<string?> HubFixture_Detail(HttpResponseMessage r) =>
        System.Text.Json.JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
}
