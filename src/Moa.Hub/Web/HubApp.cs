using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Moa.Hub.Access;
using Moa.Hub.Accounts;
using Moa.Hub.Agreements;
using Moa.Hub.Audit;
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
        services.AddSingleton<DatasetViewer>();
        services.AddSingleton<Deid.DeidReviewService>();
        services.AddSingleton<Synth.SynthReleaseService>();
        services.AddSingleton<ApiCache>();
        services.AddSingleton<Leaderboard.LeaderboardService>();
        services.AddHostedService<Leaderboard.LeaderboardJobRunner>();
        services.AddHostedService<ExpirySweeper>();
        services.AddDataProtection().SetApplicationName("moa-hub");
        services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o =>
            o.XmlRepository = new PrivateKeyRepository(Path.Combine(options.DataDirectory, "keys")));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        if (options.TrustedProxies.Count > 0)
        {
            services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                foreach (var proxy in options.TrustedProxies)
                {
                    o.KnownProxies.Add(proxy);
                }
            });
        }

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
            o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
        })
        .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(HubPolicies.Add);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, HubRoleHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, HubAuthorizationResultHandler>();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.MaxDepth = RequestLimits.MaxJsonDepth;
            o.SerializerOptions.RespectNullableAnnotations = true;
        });
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = RequestLimits.LargestBody(options));

        db.Anchor ??= new AuditAnchor(options.DataDirectory);
        var app = builder.Build();
        db.Anchor.Logger ??= app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Moa.Hub.Audit");
        if (options.TrustedProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<HubErrorMiddleware>();
        app.UseMiddleware<RequestLimits>();
        var wwwroot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(wwwroot))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(wwwroot), RequestPath = "/static" });
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(async (ctx, next) =>
        {
            // Requests that change state need a signed-in user before anything reads their body (sign-in itself excepted).
            if (!HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method) && ctx.User.Identity?.IsAuthenticated != true
                && !RequestLimits.IsAnonymousWrite(ctx.Request.Path))
            {
                throw HubClaims.NotSignedIn(ctx);
            }

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
        app.MapAccountsApi();
        app.MapProgrammeApi();
        app.MapAgreementsApi();
        app.MapCatalogueApi();
        app.MapAccessApi();
        app.MapAuditApi();
        app.MapDatasetViewer();
        app.MapHubPages();
        app.MapHubHomePages();
        app.MapAccountsPages();
        app.MapProgrammePages();
        app.MapAgreementsPages();
        app.MapCataloguePages();
        app.MapAccessPages();
        app.MapAuditPages();
        Leaderboard.LeaderboardApi.MapLeaderboardApi(app);
        Leaderboard.LeaderboardPages.MapLeaderboardPages(app);
        Deid.DeidApi.MapDeidApi(app);
        Synth.SynthApi.MapSynthApi(app);
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
            await WriteAsync(ctx, ex.StatusCode, BadRequestMessage(ex)).ConfigureAwait(false);
        }
        catch (InvalidDataException ex) when (!ctx.Response.HasStarted)
        {
            // Malformed multipart or form bodies.
            await WriteAsync(ctx, 400, "bad request: the form body is malformed (" + ex.Message + ").").ConfigureAwait(false);
        }
    }

    /// <summary>Names the field of a JSON body that failed to bind (its JSON path), and what was expected.</summary>
    internal static string BadRequestMessage(BadHttpRequestException ex)
    {
        if (ex.InnerException is JsonException json)
        {
            var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path;
            var reason = json.Message;
            var cut = reason.IndexOf(" Path: ", StringComparison.Ordinal);
            reason = cut > 0 ? reason[..cut] : reason;
            if (json.InnerException is FormatException or OverflowException or InvalidOperationException)
            {
                reason = "the value has the wrong type or is out of range. " + reason;
            }

            return $"{field}: {reason}";
        }

        if (ex.StatusCode == 413)
        {
            return "body: the request body is too large for this endpoint.";
        }

        return "bad request: " + ex.Message;
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
