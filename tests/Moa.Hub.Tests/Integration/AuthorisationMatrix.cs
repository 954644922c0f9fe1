using System.Net.Http.Json;
using System.Text;

namespace Moa.Hub.Tests.Integration;

/// <summary>Every role × every endpoint → expected status. Allowed-but-invalid requests answer 400, which proves the role passed.</summary>
public abstract partial class HubIntegrationTests
{
    private static readonly string[] s_roles = ["public", "operator", "provider", "team"];

    [Fact]
    public async Task AuthorisationMatrix_EveryRoleAndEndpoint_HasTheExpectedStatus()
    {
        var providerOrg = f.ProviderOrg.Id;
        // method, path, body, expected status for public / operator / provider / team
        var rows = new (string Method, string Path, object? Body, int[] Expect)[]
        {
            ("GET", "/api/health", null, [200, 200, 200, 200]),
            ("GET", "/openapi/v1.json", null, [200, 200, 200, 200]),
            ("GET", "/api/datasets", null, [200, 200, 200, 200]),
            ("GET", "/api/datasets/nsmc-reviews", null, [200, 200, 200, 200]),
            ("GET", "/datasets/nsmc-reviews/croissant.json", null, [200, 200, 200, 200]),
            ("GET", "/api/calls", null, [200, 200, 200, 200]),
            ("GET", "/api/benchmarks", null, [200, 200, 200, 200]),
            ("GET", "/api/me", null, [401, 200, 200, 200]),
            ("GET", "/api/tokens", null, [401, 200, 200, 200]),
            ("GET", "/api/users", null, [401, 200, 403, 403]),
            ("POST", "/api/users", new { email = "", displayName = "", role = "team", password = "" }, [401, 400, 403, 403]),
            ("GET", "/api/organisations", null, [401, 200, 200, 200]),
            ("POST", "/api/organisations", new { name = "", businessRegistrationNumber = "1", kind = "company" }, [401, 400, 400, 403]),
            ("POST", "/api/calls", new { title = "", year = 2024, deadline = DateTimeOffset.UtcNow, fields = Array.Empty<object>() }, [401, 400, 403, 403]),
            ("GET", "/api/applications", null, [401, 200, 200, 403]),
            ("POST", "/api/applications", new { callId = f.Call.Id, fieldCode = "F1", title = "", members = new[] { new { organisationId = providerOrg, role = "lead" } } }, [401, 403, 400, 403]),
            ("GET", "/api/agreements", null, [401, 200, 200, 200]),
            ("POST", "/api/agreements", new { title = "", datasetSlugs = Array.Empty<string>(), purposes = Array.Empty<string>() }, [401, 400, 403, 403]),
            ("POST", "/api/agreements/999999/revoke", new { reason = "x" }, [401, 404, 403, 403]),
            ("POST", "/api/datasets", new { folder = "", slug = "", name = "", licence = "" }, [401, 400, 403, 403]),
            ("POST", "/api/datasets/nsmc-reviews/links", new { version = 1, path = "data/part-00000.jsonl.gz", purpose = "pretraining" }, [401, 403, 403, -1]),
            ("GET", "/api/audit", null, [401, 200, 403, 403]),
            ("GET", "/api/audit/export", null, [401, 200, 403, 403]),
            ("GET", "/", null, [200, 200, 200, 200]),
            ("GET", "/datasets", null, [200, 200, 200, 200]),
            ("GET", "/datasets/nsmc-reviews", null, [200, 200, 200, 200]),
            ("GET", "/calls", null, [200, 200, 200, 200]),
            ("GET", "/benchmarks", null, [200, 200, 200, 200]),
            ("GET", "/applications", null, [401, 200, 200, 403]),
            ("GET", "/agreements", null, [401, 200, 200, 200]),
            ("GET", "/audit", null, [401, 200, 403, 403]),
        };
        var failures = new StringBuilder();
        for (var i = 0; i < s_roles.Length; i++)
        {
            using var client = f.Client(s_roles[i] == "public" ? null : s_roles[i]);
            foreach (var (method, path, body, expect) in rows)
            {
                if (expect[i] < 0)
                {
                    continue; // depends on agreements other tests create; covered by the download tests
                }

                using var req = new HttpRequestMessage(new HttpMethod(method), path);
                if (body is not null)
                {
                    req.Content = JsonContent.Create(body);
                }

                var r = await client.SendAsync(req);
                if ((int)r.StatusCode != expect[i])
                {
                    failures.AppendLine($"{s_roles[i],-8} {method} {path}: expected {expect[i]}, got {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
                }
                else if (expect[i] is 401 or 403 && path.StartsWith("/api", StringComparison.Ordinal))
                {
                    var detail = await HubFixture_Detail(r);
                    if (string.IsNullOrWhiteSpace(detail))
                    {
                        failures.AppendLine($"{s_roles[i],-8} {method} {path}: {(int)r.StatusCode} without a reason");
                    }
                }
            }
        }

        failures.ToString().ShouldBeEmpty();
    }

    private static async Task<string?> HubFixture_Detail(HttpResponseMessage r) =>
        System.Text.Json.JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
}
