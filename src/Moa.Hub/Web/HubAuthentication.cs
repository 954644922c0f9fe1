using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moa.Hub.Accounts;

namespace Moa.Hub.Web;

/// <summary>Authenticates <c>Authorization: Bearer moa_…</c> personal API tokens (hashed in the database, scoped, expiring).</summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccountService accounts) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "MoaToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var found = await accounts.AuthenticateTokenAsync(header["Bearer ".Length..].Trim()).ConfigureAwait(false);
        if (found is null)
        {
            return AuthenticateResult.Fail("the API token is unknown, expired or revoked.");
        }

        var claims = HubClaims.For(found.Value.User).ToList();
        claims.AddRange(found.Value.Scopes.Select(s => new Claim(HubClaims.Scope, s)));
        claims.Add(new Claim(HubClaims.ViaToken, "1"));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }
}

/// <summary>Claims the hub stores for a signed-in user, and the way back to a <see cref="HubUser"/>.</summary>
internal static class HubClaims
{
    public const string Organisation = "moa:org";
    public const string Scope = "moa:scope";
    public const string ViaToken = "moa:token";

    public static IEnumerable<Claim> For(HubUser user)
    {
        yield return new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture));
        yield return new Claim(ClaimTypes.Email, user.Email);
        yield return new Claim(ClaimTypes.Name, user.DisplayName);
        yield return new Claim(ClaimTypes.Role, user.Role);
        if (user.OrganisationId is { } org)
        {
            yield return new Claim(Organisation, org.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The signed-in user, or null for the public.</summary>
    public static HubUser? User(this HttpContext ctx)
    {
        var p = ctx.User;
        if (p.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var org = p.FindFirstValue(Organisation);
        return new HubUser(
            long.Parse(p.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture),
            p.FindFirstValue(ClaimTypes.Email) ?? "",
            p.FindFirstValue(ClaimTypes.Name) ?? "",
            p.FindFirstValue(ClaimTypes.Role) ?? "",
            org is null ? null : long.Parse(org, CultureInfo.InvariantCulture));
    }

    /// <summary>The signed-in user, or a 401 that says how to sign in.</summary>
    public static HubUser RequireUser(this HttpContext ctx) =>
        ctx.User() ?? throw new HubException(HubErrorKind.Unauthenticated,
            ctx.Request.Headers.Authorization.Count > 0
                ? "not signed in: the API token is unknown, expired or revoked; create a new one."
                : "not signed in: sign in at /login, or send 'Authorization: Bearer <token>' (create one with POST /api/auth/token).");

    /// <summary>The signed-in user holding <paramref name="scope"/> (tokens carry scopes; a cookie session has them all).</summary>
    public static HubUser RequireScope(this HttpContext ctx, string scope)
    {
        var user = ctx.RequireUser();
        if (ctx.User.HasClaim(ViaToken, "1") && !ctx.User.HasClaim(Scope, scope))
        {
            throw HubException.Forbidden($"token scope missing: this API token lacks the '{scope}' scope; issue a token with it.");
        }

        return user;
    }
}
