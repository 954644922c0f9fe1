using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Moa.Hub.Accounts;
using Moa.Hub.Web;

namespace Moa.Hub.Catalogue;

public sealed record RegisterDatasetRequest(string Folder, string Slug, string Name, string Licence, string? Description, long? ProviderOrganisationId);

public sealed record WithdrawRequest(int Version, string Reason);

public sealed record SupersedeRequest(int Version, string SuccessorSlug, int SuccessorVersion);

/// <summary>The catalogue: datasets (list, detail, Croissant metadata, registration, withdrawal, succession) and benchmarks.</summary>
internal static class CatalogueApi
{
    public static void MapCatalogueApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Catalogue");
        api.MapGet("/datasets", async Task<Results<JsonHttpResult<List<object>>, FileContentHttpResult>> (HttpContext ctx, bool? all, ApiCache cache, CatalogueService catalogue) =>
        {
            if (all == true)
            {
                // The operator's view: every dataset with every version, withdrawn and superseded ones included.
                Api.RequireOperator(ctx.RequireScope(TokenScopes.Read), "list withdrawn datasets");
                var everything = new List<object>();
                foreach (var d in await catalogue.ListAllSlugsAsync().ConfigureAwait(false))
                {
                    if (await catalogue.GetAsync(d, includeWithdrawn: true).ConfigureAwait(false) is { } detail)
                    {
                        everything.Add(new { detail.Dataset.Slug, detail.Dataset.Name, detail.Dataset.Licence, versions = detail.Versions.Select(v => VersionJson(detail, v)) });
                    }
                }

                return TypedResults.Json(everything, ApiCache.s_json);
            }

            var body = await cache.GetAsync("list", async () => (await catalogue.ListAsync().ConfigureAwait(false))
                .Select(x => new { x.Dataset.Slug, x.Dataset.Name, x.Dataset.Description, x.Dataset.Licence, x.Latest.Version, x.Latest.Documents, x.Latest.Bytes, x.Latest.Tokens, url = $"/datasets/{x.Dataset.Slug}" })
                .ToList()).ConfigureAwait(false);
            return TypedResults.Bytes(body!, "application/json");
        });
        api.MapGet("/datasets/{slug}", async Task<Results<FileContentHttpResult, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> (HttpContext ctx, string slug, ApiCache cache, CatalogueService catalogue) =>
        {
            // Operators see the whole history, withdrawn versions included (cached apart from the public view).
            var history = ctx.User() is { IsOperator: true };
            var body = await cache.GetAsync((history ? "all:" : "ds:") + slug, async () => await catalogue.GetAsync(slug, history).ConfigureAwait(false) is { } d
                ? new
                {
                    d.Dataset.Slug,
                    d.Dataset.Name,
                    d.Dataset.Description,
                    d.Dataset.Licence,
                    versions = d.Versions.Select(v => VersionJson(d, v)),
                    latest = d.Latest.Version,
                    supersededBy = d.SupersededBy is { } s ? new { s.Slug, s.Version, url = $"/datasets/{s.Slug}" } : null,
                    files = d.Files.Select(f => new { f.Path, f.Sha256, f.Bytes, f.Documents }),
                    stats = d.Stats,
                    sample = d.Sample,
                    croissant = $"/datasets/{d.Dataset.Slug}/croissant.json",
                }
                : null).ConfigureAwait(false);
            return body is null ? Api.NotFound($"dataset '{slug}' does not exist.") : TypedResults.Bytes(body, "application/json");
        });
        api.MapGet("/datasets/{slug}/croissant", CroissantAsync);
        app.MapGet("/datasets/{slug}/croissant.json", CroissantAsync);
        api.MapPost("/datasets", async Task<Created<RegisteredDataset>> (HttpContext ctx, RegisterDatasetRequest req, CatalogueService catalogue) =>
        {
            var v = await catalogue.RegisterAsync(ctx.RequireScope(TokenScopes.Write), req.Folder, req.Slug, req.Name, req.Licence, req.Description ?? "", req.ProviderOrganisationId).ConfigureAwait(false);
            return TypedResults.Created($"/api/datasets/{req.Slug}", new RegisteredDataset(req.Slug, v.Version, v.Documents, v.Bytes));
        }).RequirePolicy(HubPolicies.Operator, "register datasets");
        api.MapPost("/datasets/{slug}/withdraw", async Task<Ok<WithdrawnVersion>> (HttpContext ctx, string slug, WithdrawRequest req, CatalogueService catalogue) =>
        {
            var v = await catalogue.WithdrawAsync(ctx.RequireScope(TokenScopes.Write), slug, req.Version, req.Reason).ConfigureAwait(false);
            return TypedResults.Ok(new WithdrawnVersion(slug, v.Version, DateTimeOffset.FromUnixTimeMilliseconds(v.WithdrawnAt ?? 0), v.WithdrawnReason));
        });
        api.MapPost("/datasets/{slug}/supersede", async Task<Ok<SupersededVersion>> (HttpContext ctx, string slug, SupersedeRequest req, CatalogueService catalogue) =>
        {
            var v = await catalogue.SupersedeAsync(ctx.RequireScope(TokenScopes.Write), slug, req.Version, req.SuccessorSlug, req.SuccessorVersion).ConfigureAwait(false);
            return TypedResults.Ok(new SupersededVersion(slug, v.Version, new SuccessorRef(req.SuccessorSlug, req.SuccessorVersion)));
        });

        api.MapGet("/benchmarks", async Task<Ok<IReadOnlyList<BenchmarkEntry>>> (CatalogueService catalogue) => TypedResults.Ok(await catalogue.ListBenchmarksAsync().ConfigureAwait(false)));
    }

    private static async Task<Results<FileContentHttpResult, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> CroissantAsync(HttpContext ctx, string slug, CatalogueService catalogue, ApiCache cache)
    {
        var baseUrl = Api.BaseUrl(ctx);
        var body = await cache.GetAsync("croissant:" + slug + "@" + baseUrl, async () =>
            await catalogue.GetAsync(slug).ConfigureAwait(false) is { Latest.IsCurrent: true } d ? Croissant.Build(d, baseUrl, "Moa hub") : null).ConfigureAwait(false);
        if (body is null)
        {
            // Superseded datasets point to their successor's metadata; withdrawn ones are not described at all.
            return await catalogue.GetAsync(slug).ConfigureAwait(false) is { SupersededBy: { } s }
                ? Api.NotFound($"dataset '{slug}' was superseded by '{s.Slug}' version {s.Version}; see /datasets/{s.Slug}/croissant.json.")
                : Api.NotFound($"dataset '{slug}' does not exist.");
        }

        return TypedResults.Bytes(body, "application/ld+json");
    }

    private static object VersionJson(DatasetDetail d, DatasetVersion v) => new
    {
        v.Version,
        v.ToolVersion,
        v.ConfigHash,
        v.Documents,
        v.Bytes,
        v.Tokens,
        createdAt = DateTimeOffset.FromUnixTimeMilliseconds(v.CreatedAt),
        state = v.WithdrawnAt is not null ? "withdrawn" : v.SupersededBy is not null ? "superseded" : "current",
        withdrawnAt = v.WithdrawnAt is { } w ? DateTimeOffset.FromUnixTimeMilliseconds(w) : (DateTimeOffset?)null,
        withdrawnReason = v.WithdrawnReason,
        supersededBy = d.Successors is not null && d.Successors.TryGetValue(v.Id, out var s) ? $"{s.Slug}@{s.Version}" : null,
    };
}

/// <summary>The answer to a registration: the dataset's slug and the version the folder became (or already was).</summary>
public sealed record RegisteredDataset(string Slug, int Version, long Documents, long Bytes);

/// <summary>The answer to a withdrawal.</summary>
public sealed record WithdrawnVersion(string Slug, int Version, DateTimeOffset WithdrawnAt, string? Reason);

/// <summary>The answer to a succession: the version superseded and its successor.</summary>
public sealed record SupersededVersion(string Slug, int Version, SuccessorRef SupersededBy);

/// <summary>A successor named by slug and version.</summary>
public sealed record SuccessorRef(string Slug, int Version);
