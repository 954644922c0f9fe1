using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Moa.Hub.Access;
using Moa.Hub.Accounts;
using Moa.Hub.Agreements;
using Moa.Hub.Catalogue;
using Moa.Hub.Programme;
using Moa.Hub.Storage;

namespace Moa.Hub.Web;

/// <summary>Builds the hub's ASP.NET Core application: services, sign-in (cookie or API token), antiforgery, errors, API and pages.</summary>
public static class HubApp
{
    /// <summary>
    /// Builds (not starts) the web application over a migrated database. <paramref name="urls"/> like
    /// <c>http://127.0.0.1:5080</c> (port 0 picks a free port).
    /// </summary>
    public static WebApplication Build(HubDatabase db, HubOptions options, string urls, TimeProvider? time = null, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (logging is not null)
        {
            logging(builder.Logging);
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }

        var services = builder.Services;
        var clock = time ?? TimeProvider.System;
        services.AddSingleton(db);
        services.AddSingleton(options);
        services.AddSingleton(clock);
        services.AddSingleton<AccountService>();
        services.AddSingleton<ProgrammeService>();
        services.AddSingleton<AgreementService>();
        services.AddSingleton<CatalogueService>();
        services.AddSingleton<DownloadService>();
        services.AddSingleton<ApiCache>();
        services.AddHostedService<ExpirySweeper>();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-CSRF-TOKEN";
            o.Cookie.Name = "moa_af";
            o.Cookie.SecurePolicy = options.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthentication(o =>
        {
            o.DefaultScheme = "moa";
            o.DefaultChallengeScheme = "moa";
        })
        .AddPolicyScheme("moa", "cookie or token", o => o.ForwardDefaultSelector = ctx =>
            ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? TokenAuthenticationHandler.SchemeName
                : CookieAuthenticationDefaults.AuthenticationScheme)
        .AddCookie(o =>
        {
            o.Cookie.Name = "moa_session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = options.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/login";
        })
        .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = options.MaxDocumentBytes * 4);

        var app = builder.Build();
        app.UseMiddleware<HubErrorMiddleware>();
        var wwwroot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(wwwroot))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(wwwroot), RequestPath = "/static" });
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(async (ctx, next) =>
        {
            // Cookie-authenticated API calls that change state must carry the antiforgery header (CSRF); tokens need not.
            if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && !HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method)
                && ctx.User.Identity?.IsAuthenticated == true && !ctx.User.HasClaim(HubClaims.ViaToken, "1"))
            {
                await ctx.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(ctx).ConfigureAwait(false);
            }

            await next(ctx).ConfigureAwait(false);
        });
        app.MapOpenApi();
        app.MapHubApi();
        app.MapHubPages();
        return app;
    }
}

/// <summary>
/// Records the expiry of agreements past their end in the state column and the audit log once a minute. Access does not
/// wait for it: every access check already treats an agreement past its end as expired.
/// </summary>
internal sealed class ExpirySweeper(AgreementService agreements, ILogger<ExpirySweeper> logger) : Microsoft.Extensions.Hosting.BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            try
            {
                var n = await agreements.SweepExpiredAsync().ConfigureAwait(false);
                if (n > 0)
                {
                    logger.LogInformation("Recorded the expiry of {Count} agreement(s).", n);
                }
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException)
            {
                logger.LogWarning(ex, "Agreement expiry sweep failed; retrying in a minute.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}

/// <summary>Turns <see cref="HubException"/> and antiforgery failures into responses that say why: problem JSON for the API, a page for browsers.</summary>
internal sealed class HubErrorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext ctx)
    {
        try
        {
            await next(ctx).ConfigureAwait(false);
        }
        catch (HubException ex) when (!ctx.Response.HasStarted)
        {
            await WriteAsync(ctx, ex.StatusCode, ex.Message).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException) when (!ctx.Response.HasStarted)
        {
            await WriteAsync(ctx, 400, "CSRF check failed: the form or request lacks a valid antiforgery token; reload the page and try again.").ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (!ctx.Response.HasStarted)
        {
            await WriteAsync(ctx, ex.StatusCode, "bad request: " + ex.Message).ConfigureAwait(false);
        }
    }

    internal static async Task WriteAsync(HttpContext ctx, int status, string message)
    {
        ctx.Response.Clear();
        if (status == 401 && ctx.Request.Headers.Authorization.Count == 0)
        {
            ctx.Response.Headers.WWWAuthenticate = "Bearer realm=\"moa\"";
        }

        if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || ctx.Request.Path.StartsWithSegments("/dl", StringComparison.OrdinalIgnoreCase)
            && !ctx.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
        {
            await Results.Problem(detail: message, statusCode: status, title: Title(status)).ExecuteAsync(ctx).ConfigureAwait(false);
            return;
        }

        var body = $"<p class=\"error\" id=\"error\">{Html.E(message)}</p><p><a href=\"/\">←</a></p>";
        await Html.Page(ctx, Html.T(ctx, "error"), body, status).ExecuteAsync(ctx).ConfigureAwait(false);
    }

    private static string Title(int status) => status switch
    {
        401 => "Not signed in",
        403 => "Forbidden",
        404 => "Not found",
        409 => "Conflict",
        413 => "Too large",
        429 => "Too many requests",
        _ => "Bad request",
    };
}
