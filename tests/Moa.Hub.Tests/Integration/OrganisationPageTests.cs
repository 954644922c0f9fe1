using System.Net;
using Moa.Hub.Tests.Infrastructure;

namespace Moa.Hub.Tests.Integration;

/// <summary>The operators' organisations page: every organisation with its member count, and each one's members.</summary>
public abstract partial class HubIntegrationTests
{
    [Fact]
    public async Task Organisations_Page_ListsOrganisationsAndTheirMembers_ForOperatorsOnly()
    {
        using var op = await f.CookieClient("operator@moa.test");
        var list = await op.GetStringAsync("/organisations");
        list.ShouldContain($"id=\"organisation-{f.ProviderOrg.Id}\"");
        list.ShouldContain($"href=\"/organisations/{f.TeamOrg.Id}\"");
        (await op.GetStringAsync("/")).ShouldContain("href=\"/organisations\"");

        var provider = await op.GetStringAsync($"/organisations/{f.ProviderOrg.Id}");
        provider.ShouldContain("provider@moa.test");
        provider.ShouldNotContain("team@moa.test");
        (await op.GetAsync("/organisations/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var team = await f.CookieClient("team@moa.test");
        (await team.GetAsync("/organisations")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await team.GetAsync($"/organisations/{f.TeamOrg.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
