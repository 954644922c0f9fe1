using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Moa.Hub.Tests.Infrastructure;
using Moa.Hub.Web;

namespace Moa.Hub.Tests.Integration;

/// <summary>Role-only checks are named authorization policies; a refusal still says which roles may do what, and who you are.</summary>
public abstract partial class HubIntegrationTests
{
    [Fact]
    public async Task Policies_Refusal_NamesTheRolesTheActionAndYourRole()
    {
        using var team = f.Client("team");
        var users = await team.GetAsync("/api/users");
        users.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await HubFixture.Detail(users)).ShouldBe("only operators list users; you are signed in as team.");

        var apply = await team.PostAsJsonAsync("/api/applications", new { callId = f.Call.Id, fieldCode = "F1", title = "x", members = Array.Empty<object>() });
        apply.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await HubFixture.Detail(apply)).ShouldBe("only provider members apply to calls; you are signed in as team.");

        using var provider = f.Client("provider");
        var decide = await provider.PostAsJsonAsync("/api/deid/reviews/1/approve", new { reason = "x" });
        decide.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await HubFixture.Detail(decide)).ShouldBe("only the agency's operators approve or reject adequacy reviews; you are signed in as provider.");

        // Not signed in: a 401 that says how to sign in, before the body is read; an unknown token is named as such.
        using var anon = f.Client();
        var anonymous = await anon.PostAsJsonAsync("/api/users", new { email = "x" });
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await HubFixture.Detail(anonymous)).ShouldContain("sign in at /login");
        using var forged = f.Client();
        forged.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "moa_not-a-token");
        (await HubFixture.Detail(await forged.GetAsync("/api/audit"))).ShouldContain("unknown, expired or revoked");

        // A page refused by a policy is a page that says why.
        using var page = await f.CookieClient("team@moa.test");
        var audit = await page.GetAsync("/audit");
        audit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await audit.Content.ReadAsStringAsync()).ShouldContain("only operators read the audit log; you are signed in as team.");
    }

    [Fact]
    public void Policies_EveryRolePolicyEndpoint_NamesItsAction()
    {
        var endpoints = ((IEndpointRouteBuilder)f.App).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
        var guarded = endpoints.Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy?.StartsWith("moa:", StringComparison.Ordinal) == true)).ToList();

        guarded.Count.ShouldBeGreaterThanOrEqualTo(20);
        guarded.Where(e => e.Metadata.GetMetadata<RefusedAction>() is null).Select(e => e.RoutePattern.RawText).ShouldBeEmpty();
    }
}
