using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Moa.Hub.Web;

namespace Moa.Hub.Access;

/// <summary>The download form of a dataset page: a model team member asks for a signed link (checked and audited by <see cref="DownloadService"/>).</summary>
internal static class AccessPages
{
    public static void MapAccessPages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/datasets/{slug}/download", async (HttpContext ctx, string slug, DownloadService downloads) =>
        {
            var form = await Pages.ReadFormAsync(ctx).ConfigureAwait(false);
            var version = int.TryParse(form["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
            var link = await downloads.CreateLinkAsync(ctx.User(), slug, version, form["path"].ToString(), form["purpose"].ToString(), Api.BaseUrl(ctx), Api.Remote(ctx)).ConfigureAwait(false);
            return Results.Redirect(new Uri(link.Url).PathAndQuery);
        });
    }
}
