using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moa.Hub.Tests.Infrastructure;

namespace Moa.Hub.Tests.Integration;

/// <summary>Datasets withdrawn or superseded by the operator or the owning provider (issue 12, "Programme").</summary>
public abstract partial class HubIntegrationTests
{
    private async Task<string> RegisterViaApi(string prefix)
    {
        var slug = Unique(prefix);
        using var op = f.Client("operator");
        var r = await op.PostAsJsonAsync("/api/datasets", new
        {
            folder = CurateFolder.Create(Path.Combine(f.DataDir, slug), parts: 1, perPart: 4), slug, name = "Lifecycle " + slug, licence = "CC0-1.0", providerOrganisationId = f.ProviderOrg.Id,
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return slug;
    }

    private async Task<long> AgreementFor(string slug)
    {
        using var op = f.Client("operator");
        var created = await op.PostAsJsonAsync("/api/agreements", new
        {
            title = Unique("lifecycle "), providerOrganisationId = f.ProviderOrg.Id, teamOrganisationId = f.TeamOrg.Id, datasetSlugs = new[] { slug },
            purposes = new[] { "evaluation" }, commercial = false, startsAt = f.Time.Now.AddDays(-1), endsAt = f.Time.Now.AddDays(30),
            processingSupportKrw = 0, copyrightCompensationKrw = 0, responsibilities = "-",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await HubFixture.Json(created)).GetProperty("id").GetInt64();
        await SignAll(id);
        return id;
    }

    private static async Task<List<string>> CatalogueSlugs(HttpClient c) =>
        (await HubFixture.Json(await c.GetAsync("/api/datasets"))).EnumerateArray().Select(d => d.GetProperty("slug").GetString()!).ToList();

    [Fact]
    public async Task Datasets_WithdrawnVersion_IsNotServedNorListed_ButTheOperatorSeesItsHistory()
    {
        var slug = await RegisterViaApi("withdrawn-");
        await AgreementFor(slug);
        using var anon = f.Client();
        using var op = f.Client("operator");
        using var provider = f.Client("provider");
        using var partner = f.Client("partner");
        using var team = f.Client("team");
        var url = $"/api/datasets/{slug}/versions/1/files/data/part-00000.jsonl.gz?purpose=evaluation";
        (await team.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var earlier = await HubFixture.Json(await team.PostAsJsonAsync($"/api/datasets/{slug}/links", new { version = 1, path = "data/part-00000.jsonl.gz", purpose = "evaluation" }));
        (await CatalogueSlugs(anon)).ShouldContain(slug);

        // Only the operator and the dataset's provider withdraw; a reason is required.
        foreach (var other in new[] { partner, team })
        {
            var refused = await other.PostAsJsonAsync($"/api/datasets/{slug}/withdraw", new { version = 1, reason = "not mine" });
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await HubFixture.Detail(refused)).ShouldContain("only operators and the dataset's provider");
        }

        (await anon.PostAsJsonAsync($"/api/datasets/{slug}/withdraw", new { version = 1, reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var noReason = await provider.PostAsJsonAsync($"/api/datasets/{slug}/withdraw", new { version = 1, reason = " " });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(noReason)).ShouldStartWith("reason:");
        (await provider.PostAsJsonAsync($"/api/datasets/{slug}/withdraw", new { version = 7, reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var w = await provider.PostAsJsonAsync($"/api/datasets/{slug}/withdraw", new { version = 1, reason = "rights holder objected" });
        w.StatusCode.ShouldBe(HttpStatusCode.OK, await w.Content.ReadAsStringAsync());
        (await provider.PostAsJsonAsync($"/api/datasets/{slug}/withdraw", new { version = 1, reason = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Not downloadable, neither directly nor through a link issued before; each refusal is audited as withdrawn.
        var direct = await team.GetAsync(url);
        direct.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await HubFixture.Detail(direct)).ShouldStartWith("withdrawn:");
        var link = await team.GetAsync(new Uri(earlier.GetProperty("url").GetString()!).PathAndQuery);
        link.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await HubFixture.Detail(link)).ShouldContain("rights holder objected");
        var refusals = (await Audit()).Where(e => e.Action == "download.refused" && e.Detail.Contains("withdrawn:", StringComparison.Ordinal)).ToList();
        refusals.ShouldContain(e => e.Subject == $"dataset:{slug}");
        refusals.ShouldContain(e => e.Subject == "download-link");
        (await Audit()).ShouldContain(e => e.Action == "dataset.withdrawn" && e.Subject == $"dataset:{slug}" && e.Actor.Contains("provider@moa.test", StringComparison.Ordinal));

        // Gone from the public catalogue, its detail and its Croissant metadata.
        (await CatalogueSlugs(anon)).ShouldNotContain(slug);
        (await CatalogueSlugs(op)).ShouldNotContain(slug);
        (await anon.GetAsync($"/api/datasets/{slug}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await team.GetAsync($"/api/datasets/{slug}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anon.GetAsync($"/datasets/{slug}/croissant.json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anon.GetAsync($"/datasets/{slug}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anon.GetStringAsync("/datasets")).ShouldNotContain(slug);

        // The operator still sees it with its history, through the API and on the page.
        var history = await HubFixture.Json(await op.GetAsync($"/api/datasets/{slug}"));
        var v1 = history.GetProperty("versions").EnumerateArray().Single();
        v1.GetProperty("state").GetString().ShouldBe("withdrawn");
        v1.GetProperty("withdrawnReason").GetString().ShouldBe("rights holder objected");
        var all = await HubFixture.Json(await op.GetAsync("/api/datasets?all=true"));
        all.EnumerateArray().ShouldContain(d => d.GetProperty("slug").GetString() == slug);
        (await provider.GetAsync("/api/datasets?all=true")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var page = await f.CookieClient("operator@moa.test");
        var html = await page.GetStringAsync($"/datasets/{slug}");
        html.ShouldContain("id=\"version-1\"");
        html.ShouldContain("rights holder objected");
    }

    [Fact]
    public async Task Datasets_SupersededVersion_PointsToItsSuccessor_AndTheCatalogueShowsTheSuccessor()
    {
        var old = await RegisterViaApi("superseded-");
        var next = await RegisterViaApi("successor-");
        using var anon = f.Client();
        using var op = f.Client("operator");
        using var provider = f.Client("provider");
        using var partner = f.Client("partner");

        (await partner.PostAsJsonAsync($"/api/datasets/{old}/supersede", new { version = 1, successorSlug = next, successorVersion = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var self = await provider.PostAsJsonAsync($"/api/datasets/{old}/supersede", new { version = 1, successorSlug = old, successorVersion = 1 });
        self.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(self)).ShouldContain("cannot supersede itself");
        (await provider.PostAsJsonAsync($"/api/datasets/{old}/supersede", new { version = 1, successorSlug = next, successorVersion = 9 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await provider.PostAsJsonAsync($"/api/datasets/{old}/supersede", new { version = 1, successorSlug = "", successorVersion = 1 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var s = await provider.PostAsJsonAsync($"/api/datasets/{old}/supersede", new { version = 1, successorSlug = next, successorVersion = 1 });
        s.StatusCode.ShouldBe(HttpStatusCode.OK, await s.Content.ReadAsStringAsync());
        (await provider.PostAsJsonAsync($"/api/datasets/{old}/supersede", new { version = 1, successorSlug = next, successorVersion = 1 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Audit()).ShouldContain(e => e.Action == "dataset.superseded" && e.Subject == $"dataset:{old}" && e.Detail.Contains($"{next}@1", StringComparison.Ordinal));

        var slugs = await CatalogueSlugs(anon);
        slugs.ShouldContain(next);
        slugs.ShouldNotContain(old);
        var detail = await HubFixture.Json(await anon.GetAsync($"/api/datasets/{old}"));
        detail.GetProperty("supersededBy").GetProperty("slug").GetString().ShouldBe(next);
        detail.GetProperty("versions")[0].GetProperty("state").GetString().ShouldBe("superseded");
        var croissant = await anon.GetAsync($"/api/datasets/{old}/croissant");
        croissant.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await HubFixture.Detail(croissant)).ShouldContain($"/datasets/{next}/croissant.json");
        (await anon.GetAsync($"/datasets/{old}/croissant.json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anon.GetAsync($"/datasets/{next}/croissant.json")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await anon.GetStringAsync($"/datasets/{old}");
        html.ShouldContain("id=\"superseded-by\"");
        html.ShouldContain($"href=\"/datasets/{next}\"");

        // A withdrawn or superseded version cannot be named as a successor.
        var third = await RegisterViaApi("third-");
        var toOld = await op.PostAsJsonAsync($"/api/datasets/{third}/supersede", new { version = 1, successorSlug = old, successorVersion = 1 });
        toOld.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await HubFixture.Detail(toOld)).ShouldContain("itself superseded");
    }

    [Fact]
    public async Task Datasets_PageActions_WithdrawAndSupersede_ForOwnerOnly()
    {
        var slug = await RegisterViaApi("page-lifecycle-");
        var next = await RegisterViaApi("page-successor-");
        using var provider = await f.CookieClient("provider@moa.test");
        var html = await provider.GetStringAsync($"/datasets/{slug}");
        html.ShouldContain("id=\"supersede-1\"");
        html.ShouldContain("id=\"withdraw-1\"");
        using var team = await f.CookieClient("team@moa.test");
        (await team.GetStringAsync($"/datasets/{slug}")).ShouldNotContain("id=\"withdraw-1\"");
        var teamCsrf = await HubFixture.CsrfToken(team);
        var refused = await team.PostAsync($"/datasets/{slug}/versions/1/withdraw", new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "x", ["__RequestVerificationToken"] = teamCsrf }));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var csrf = await HubFixture.CsrfToken(provider);
        var bad = await provider.PostAsync($"/datasets/{slug}/versions/1/supersede", new FormUrlEncodedContent(new Dictionary<string, string> { ["successorSlug"] = next, ["successorVersion"] = "one", ["__RequestVerificationToken"] = csrf }));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var ok = await provider.PostAsync($"/datasets/{slug}/versions/1/supersede", new FormUrlEncodedContent(new Dictionary<string, string> { ["successorSlug"] = next, ["successorVersion"] = "1", ["__RequestVerificationToken"] = csrf }));
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await provider.GetStringAsync($"/datasets/{slug}");
        after.ShouldContain("id=\"superseded-by\"");
        after.ShouldNotContain("id=\"supersede-1\"");

        var withdrawn = await provider.PostAsync($"/datasets/{next}/versions/1/withdraw", new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "결함 발견", ["__RequestVerificationToken"] = csrf }));
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var anon = f.Client();
        (await CatalogueSlugs(anon)).ShouldNotContain(next);
        using var op = f.Client("operator");
        JsonSerializer.Serialize(await HubFixture.Json(await op.GetAsync($"/api/datasets/{next}"))).ShouldContain("\"state\":\"withdrawn\"");
    }

    [Fact]
    public async Task Datasets_RemovedPart_IsNeverServed_WhateverItsManifestLabel()
    {
        // A run whose manifest lists removed/ parts once without a kind and once labelled as a kept data part.
        var slug = Unique("removed-");
        var folder = CurateFolder.Create(Path.Combine(f.DataDir, slug), parts: 1, perPart: 4);
        Directory.CreateDirectory(Path.Combine(folder, "removed"));
        File.Copy(Path.Combine(folder, "data", "part-00000.jsonl.gz"), Path.Combine(folder, "removed", "part-00000.jsonl.gz"));
        File.Copy(Path.Combine(folder, "data", "part-00000.jsonl.gz"), Path.Combine(folder, "removed", "part-00001.jsonl.gz"));
        var manifestPath = Path.Combine(folder, "manifest.json");
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var files = manifest["files"]!.AsArray();
        var data = files[0]!;
        foreach (var (path, kind) in new[] { ("removed/part-00000.jsonl.gz", (string?)null), ("removed/part-00001.jsonl.gz", "data") })
        {
            var entry = new System.Text.Json.Nodes.JsonObject { ["path"] = path, ["sha256"] = data["sha256"]!.GetValue<string>(), ["documents"] = data["documents"]!.GetValue<long>(), ["bytes"] = data["bytes"]!.GetValue<long>() };
            if (kind is not null)
            {
                entry["kind"] = kind;
            }

            files.Add(entry);
        }

        File.WriteAllText(manifestPath, manifest.ToJsonString());
        using var op = f.Client("operator");
        var registered = await op.PostAsJsonAsync("/api/datasets", new { folder, slug, name = "Removed " + slug, licence = "CC0-1.0", providerOrganisationId = f.ProviderOrg.Id });
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        await AgreementFor(slug);
        using var team = f.Client("team");

        var listed = (await HubFixture.Json(await team.GetAsync($"/api/datasets/{slug}"))).GetProperty("files").EnumerateArray().Select(x => x.GetProperty("path").GetString()).ToList();
        listed.ShouldBe(["data/part-00000.jsonl.gz"]);
        (await team.GetAsync($"/api/datasets/{slug}/versions/1/files/data/part-00000.jsonl.gz?purpose=evaluation")).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var removed in new[] { "removed/part-00000.jsonl.gz", "removed/part-00001.jsonl.gz" })
        {
            (await team.GetAsync($"/api/datasets/{slug}/versions/1/files/{removed}?purpose=evaluation")).StatusCode.ShouldBe(HttpStatusCode.NotFound, removed);
            (await team.PostAsJsonAsync($"/api/datasets/{slug}/links", new { version = 1, path = removed, purpose = "evaluation" })).StatusCode.ShouldBe(HttpStatusCode.NotFound, removed);
        }
    }
}
