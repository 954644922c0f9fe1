using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Moa.Hub.Accounts;
using Moa.Hub.Agreements;
using Moa.Hub.Web;

namespace Moa.Hub.Access;

public sealed record LinkRequest(int Version, string Path, string Purpose, bool Shareable = false);

/// <summary>
/// Governed access to a dataset's files: signed download links and direct downloads for a model team under an active
/// agreement (checked by <see cref="DownloadService"/>), and the redemption of a link at <c>/dl/{token}</c>.
/// </summary>
internal static class AccessApi
{
    public static void MapAccessApi(this IEndpointRouteBuilder app)
    {
        // No role policy here: DownloadService checks role and agreement together and audits every refusal.
        var datasets = app.MapGroup("/api/datasets/{slug}").WithTags("Access");
        datasets.MapPost("/links", async Task<Ok<DownloadLink>> (HttpContext ctx, string slug, LinkRequest req, DownloadService downloads) =>
            TypedResults.Ok(await downloads.CreateLinkAsync(ctx.User() is null ? null : ctx.RequireScope(TokenScopes.Download), slug, req.Version, req.Path, req.Purpose, Api.BaseUrl(ctx), Api.Remote(ctx), req.Shareable).ConfigureAwait(false)));
        datasets.MapGet("/versions/{version:int}/files/{**path}", async Task<Results<PhysicalFileHttpResult, RedirectHttpResult, ValidationProblem>> (HttpContext ctx, string slug, int version, string path, string? purpose, DownloadService downloads) =>
        {
            var user = ctx.User() is null ? null : ctx.RequireScope(TokenScopes.Download);
            if (user is not null && string.IsNullOrEmpty(purpose))
            {
                return Api.Invalid("purpose", $"purpose: add ?purpose=… (one of {string.Join(", ", Purposes.All)}) naming what you will use the data for.");
            }

            var link = await downloads.CreateLinkAsync(user, slug, version, path, purpose ?? Purposes.Pretraining, Api.BaseUrl(ctx), Api.Remote(ctx)).ConfigureAwait(false);
            return (await SendAsync(ctx, downloads, link.Url[(link.Url.LastIndexOf('/') + 1)..]).ConfigureAwait(false)).Result switch
            {
                PhysicalFileHttpResult file => file,
                var redirect => (RedirectHttpResult)redirect,
            };
        });
        app.MapGet("/dl/{token}", (HttpContext ctx, string token, DownloadService downloads) => SendAsync(ctx, downloads, token));
    }

    /// <summary>Redeems a link: the file itself (with its SHA-256 in a header), or for a part in object storage a short-lived pre-signed URL.</summary>
    internal static async Task<Results<PhysicalFileHttpResult, RedirectHttpResult>> SendAsync(HttpContext ctx, DownloadService downloads, string token)
    {
        var d = await downloads.RedeemAsync(token, Api.Remote(ctx), ctx.User()).ConfigureAwait(false);
        ctx.Response.Headers["X-Content-SHA256"] = d.Sha256;
        if (d.PresignedUrl is { } presigned)
        {
            // Stored in S3: the client fetches the object itself, with a URL valid for minutes, issued after the checks.
            ctx.Response.Headers.CacheControl = "no-store";
            return TypedResults.Redirect(presigned.AbsoluteUri);
        }

        return TypedResults.PhysicalFile(d.FullPath, "application/octet-stream", d.FileName, enableRangeProcessing: true);
    }
}
