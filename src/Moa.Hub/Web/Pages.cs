using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Moa.Hub.Web.Html;

namespace Moa.Hub.Web;

/// <summary>
/// Server-rendered pages (Korean and English): the language switch here, each feature's pages beside its service
/// (<c>MapAccountsPages</c>, <c>MapProgrammePages</c>, <c>MapCataloguePages</c>, …), and the form helpers they share;
/// every form carries an antiforgery token that is checked on post.
/// </summary>
internal static class Pages
{
    public static void MapHubPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/lang/{code}", (HttpContext ctx, string code) =>
        {
            ctx.Response.Cookies.Append("moa_lang", code == "en" ? "en" : "ko", new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });
            var back = ctx.Request.Headers.Referer.ToString();
            return Results.Redirect(Uri.TryCreate(back, UriKind.Absolute, out var u) && u.Authority == ctx.Request.Host.Value ? u.PathAndQuery : "/");
        });
    }

    internal static string ActionForm(HttpContext ctx, string action, string label, string id, bool withReason = false) =>
        $"<form method=\"post\" action=\"{action}\" class=\"inline\">{Csrf(ctx)}"
        + (withReason ? $"<input name=\"reason\" id=\"{id}-reason\" placeholder=\"{T(ctx, "reason")}\" required>" : "")
        + $"<button id=\"{id}\">{E(label)}</button></form>";

    internal static async Task<IFormCollection> ReadFormAsync(HttpContext ctx)
    {
        if (!ctx.Request.HasFormContentType)
        {
            throw new HubException(HubErrorKind.Invalid, "body: this page expects a form (application/x-www-form-urlencoded or multipart/form-data).");
        }

        await ctx.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(ctx).ConfigureAwait(false);
        return await ctx.Request.ReadFormAsync().ConfigureAwait(false);
    }

    internal static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };
}
