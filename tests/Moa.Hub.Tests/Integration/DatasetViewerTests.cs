using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Moa.Curation.Configuration;
using Moa.Curation.Pipeline;
using Moa.Hub.Tests.Infrastructure;

namespace Moa.Hub.Tests.Integration;

/// <summary>The dataset viewer over real `moa curate` parts (issue 13): rows, paging, search, filters, agreements, audit.</summary>
public abstract partial class HubIntegrationTests
{
    /// <summary>Curates 60 NSMC review threads (with a provider and one duplicate) in <paramref name="format"/> and registers the folder.</summary>
    private async Task<(string Slug, string Folder)> RegisterCurated(string format)
    {
        var slug = Unique("viewer-" + format.Replace('.', '-') + "-");
        var dir = Path.Combine(f.DataDir, slug);
        Directory.CreateDirectory(dir);
        var input = Path.Combine(dir, "in.jsonl");
        var reviews = File.ReadLines(TestPaths.Data("text", "nsmc_reviews_sample.jsonl")).Take(60 * 12)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToList();
        var lines = Enumerable.Range(0, 60).Select(i => JsonSerializer.Serialize(new { id = $"doc-{i:D3}", text = string.Join("\n", reviews.Skip(i * 12).Take(12)) })).ToList();
        lines.Add(JsonSerializer.Serialize(new { id = "doc-dup", text = string.Join("\n", reviews.Take(12)) }));
        File.WriteAllLines(input, lines);
        var config = new CurationConfig();
        config.Output.Format = format;
        config.Input.Provider = "한빛데이터";
        new CurationRunner().Run(new CurationRequest { Inputs = [input], OutputDir = Path.Combine(dir, "out"), Config = config, Workers = 1 });
        Directory.GetFiles(Path.Combine(dir, "out", "removed")).ShouldNotBeEmpty("the duplicate went to removed/");
        using var op = f.Client("operator");
        var r = await op.PostAsJsonAsync("/api/datasets", new { folder = Path.Combine(dir, "out"), slug, name = "Viewer " + slug, licence = "CC0-1.0", providerOrganisationId = f.ProviderOrg.Id });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (slug, Path.Combine(dir, "out"));
    }

    private async Task<long> ViewCount(string slug)
    {
        await using var conn = await f.Db.OpenAsync();
        return await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'dataset.viewed' AND subject = @s", new { s = $"dataset:{slug}" });
    }

    [Theory]
    [InlineData("parquet")]
    [InlineData("jsonl.zst")]
    [InlineData("jsonl.gz")]
    public async Task Viewer_TeamWithAgreement_PagesSearchesAndFiltersTheTrainingParts(string format)
    {
        var (slug, folder) = await RegisterCurated(format);
        await AgreementFor(slug);
        using var team = f.Client("team");
        var kept = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "stats.json"))).RootElement.GetProperty("documents_out").GetInt64();

        var first = await HubFixture.Json(await team.GetAsync($"/api/datasets/{slug}/rows?page_size=10"));
        first.GetProperty("mode").GetString().ShouldBe("full");
        first.GetProperty("agreementId").GetInt64().ShouldBeGreaterThan(0);
        first.GetProperty("total").GetInt64().ShouldBe(kept);
        var ids = first.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
        ids.ShouldBe(Enumerable.Range(0, 10).Select(i => $"doc-{i:D3}").ToList(), "rows come in corpus order");
        first.GetProperty("parts").EnumerateArray().ShouldAllBe(p => p.GetString()!.StartsWith("data/"));
        first.GetProperty("rows")[0].GetProperty("meta").GetProperty("provider").GetString().ShouldBe("한빛데이터");

        var second = await HubFixture.Json(await team.GetAsync($"/api/datasets/{slug}/rows?page=2&page_size=10"));
        second.GetProperty("rows")[0].GetProperty("id").GetString().ShouldBe("doc-010");
        var beyond = await HubFixture.Json(await team.GetAsync($"/api/datasets/{slug}/rows?page=1000&page_size=10"));
        beyond.GetProperty("rows").GetArrayLength().ShouldBe(0);

        // Full-text search and column filters (a meta key, the id).
        var word = first.GetProperty("rows")[3].GetProperty("text").GetString()!.Split('\n')[0].Trim();
        var found = await HubFixture.Json(await team.GetAsync($"/api/datasets/{slug}/rows?q={Uri.EscapeDataString(word)}"));
        found.GetProperty("total").GetInt64().ShouldBeGreaterThanOrEqualTo(1);
        found.GetProperty("rows").EnumerateArray().ShouldAllBe(r => r.GetProperty("text").GetString()!.Contains(word, StringComparison.OrdinalIgnoreCase));
        var korean = await HubFixture.Json(await team.GetAsync($"/api/datasets/{slug}/rows?filter=lang:ko&filter=provider:{Uri.EscapeDataString("한빛데이터")}"));
        korean.GetProperty("total").GetInt64().ShouldBe(kept);
        (await HubFixture.Json(await team.GetAsync($"/api/datasets/{slug}/rows?filter=lang:en"))).GetProperty("total").GetInt64().ShouldBe(0);
        var one = await HubFixture.Json(await team.GetAsync($"/api/datasets/{slug}/rows?filter=id:doc-007"));
        one.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ShouldBe(["doc-007"]);

        // removed/ is never shown: the duplicate is not among the rows.
        (await HubFixture.Json(await team.GetAsync($"/api/datasets/{slug}/rows?filter=id:doc-dup"))).GetProperty("total").GetInt64().ShouldBe(0);
        (await ViewCount(slug)).ShouldBe(8, "every view is audited");
    }

    [Fact]
    public async Task Viewer_WithoutAgreement_ShowsOnlyTheMaskedSamples()
    {
        var (slug, _) = await RegisterCurated("parquet");
        using var anon = f.Client();
        using var otherTeam = f.Client("teamb");
        using var provider = f.Client("provider");
        await AgreementFor(slug);

        foreach (var client in new[] { anon, otherTeam, provider })
        {
            var page = await HubFixture.Json(await client.GetAsync($"/api/datasets/{slug}/rows"));
            page.GetProperty("mode").GetString().ShouldBe("preview");
            page.GetProperty("agreementId").ValueKind.ShouldBe(JsonValueKind.Null);
            page.GetProperty("total").GetInt64().ShouldBeLessThanOrEqualTo(5);
            page.GetProperty("parts").GetArrayLength().ShouldBe(0);
        }

        // The fixture's dataset holds a line with a phone number, an e-mail and a resident number: the preview masks them.
        var nsmc = await HubFixture.Json(await anon.GetAsync("/api/datasets/nsmc-reviews/rows?page_size=100"));
        var texts = nsmc.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("text").GetString()!).ToList();
        texts.ShouldNotBeEmpty();
        texts.ShouldAllBe(t => !t.Contains("010-1234-5678") && !t.Contains("hong@example.com") && !t.Contains("900101-1234567"));
        (await ViewCount(slug)).ShouldBe(3);
    }

    [Fact]
    public async Task Viewer_RevokedAgreement_FallsBackToThePreview()
    {
        var (slug, _) = await RegisterCurated("jsonl.zst");
        var id = await AgreementFor(slug);
        using var team = f.Client("team");
        (await HubFixture.Json(await team.GetAsync($"/api/datasets/{slug}/rows"))).GetProperty("mode").GetString().ShouldBe("full");
        using var op = f.Client("operator");
        (await op.PostAsJsonAsync($"/api/agreements/{id}/revoke", new { reason = "terms breached" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await HubFixture.Json(await team.GetAsync($"/api/datasets/{slug}/rows"))).GetProperty("mode").GetString().ShouldBe("preview");
    }

    [Theory]
    [InlineData("page=0", "page:")]
    [InlineData("page=abc", "page:")]
    [InlineData("page_size=1000", "page_size:")]
    [InlineData("filter=nocolon", "filter:")]
    [InlineData("filter=bad%20column:x", "filter:")]
    [InlineData("version=x", "version:")]
    public async Task Viewer_BadQuery_Is400NamingTheParameter(string query, string detail)
    {
        using var anon = f.Client();
        var r = await anon.GetAsync($"/api/datasets/nsmc-reviews/rows?{query}");
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(r)).ShouldStartWith(detail);
    }

    [Fact]
    public async Task Viewer_UnknownDatasetOrVersionOrMissingPart_Is404()
    {
        using var anon = f.Client();
        (await anon.GetAsync("/api/datasets/no-such-dataset/rows")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anon.GetAsync("/api/datasets/nsmc-reviews/rows?version=99")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var (slug, folder) = await RegisterCurated("parquet");
        await AgreementFor(slug);
        File.Delete(Directory.GetFiles(Path.Combine(folder, "data")).First());
        using var team = f.Client("team");
        var missing = await team.GetAsync($"/api/datasets/{slug}/rows");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await HubFixture.Detail(missing)).ShouldContain("missing on the hub's disk");
    }

    [Fact]
    public async Task ViewerPage_RendersRowsInKoreanAndEnglish()
    {
        var (slug, _) = await RegisterCurated("jsonl.gz");
        await AgreementFor(slug);
        using var team = f.Client("team");
        var html = await team.GetStringAsync($"/datasets/{slug}/viewer?page_size=5&filter=lang:ko");
        html.ShouldContain("data-mode=\"full\"");
        html.ShouldContain("doc-004");
        html.ShouldContain("rel=\"next\"");
        html.ShouldContain("검색 · search");

        using var anon = f.Client();
        var preview = await anon.GetStringAsync($"/datasets/{slug}/viewer");
        preview.ShouldContain("data-mode=\"preview\"");
        preview.ShouldContain("가명 처리된 예시만 공개됩니다");
        (await anon.GetAsync($"/datasets/{slug}/viewer?page=-1")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

/// <summary>Token counts per tokenizer on the dataset page and per agreement (issue 13).</summary>
public abstract partial class HubIntegrationTests
{
    [Fact]
    public async Task Tokens_PerTokenizer_OnTheDatasetPageAndSummedPerAgreement()
    {
        var (a, folderA) = await RegisterCurated("parquet");
        var (b, folderB) = await RegisterCurated("jsonl.gz");
        using var op = f.Client("operator");
        var created = await op.PostAsJsonAsync("/api/agreements", new
        {
            title = Unique("tokens "), providerOrganisationId = f.ProviderOrg.Id, teamOrganisationId = f.TeamOrg.Id, datasetSlugs = new[] { a, b },
            purposes = new[] { "pretraining" }, commercial = false, startsAt = f.Time.Now.AddDays(-1), endsAt = f.Time.Now.AddDays(30),
            processingSupportKrw = 0, copyrightCompensationKrw = 0, responsibilities = "-",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await HubFixture.Json(created)).GetProperty("id").GetInt64();
        long Pretokens(string folder) => JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "stats.json"))).RootElement
            .GetProperty("tokens").GetProperty("pretokens").GetProperty("total").GetInt64();

        using var team = f.Client("team");
        var tokens = await HubFixture.Json(await team.GetAsync($"/api/agreements/{id}/tokens"));
        var pre = tokens.GetProperty("tokens").EnumerateArray().Single(t => t.GetProperty("tokenizer").GetString() == "pretokens");
        pre.GetProperty("total").GetInt64().ShouldBe(Pretokens(folderA) + Pretokens(folderB));
        pre.GetProperty("byProvider").GetProperty("한빛데이터").GetInt64().ShouldBe(Pretokens(folderA) + Pretokens(folderB));
        using var otherTeam = f.Client("teamb");
        (await otherTeam.GetAsync($"/api/agreements/{id}/tokens")).IsSuccessStatusCode.ShouldBeFalse("another team does not see this agreement");
        (await team.GetAsync("/api/agreements/999999/tokens")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var anon = f.Client();
        var page = await anon.GetStringAsync($"/datasets/{a}");
        page.ShouldContain($"(pretokens)</dt><dd class=\"tokens\">{Pretokens(folderA):N0}</dd>");
        page.ShouldContain($"href=\"/datasets/{a}/viewer\"");
    }
}
