using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Moa.Hub.Accounts;

namespace Moa.Hub.Web;

/// <summary>
/// The hub's named authorization policies for checks that depend on the role alone. Checks that depend on a party
/// (the dataset's provider, an agreement's team, a consortium's members) stay in the services, and so does the model
/// team's download check, which <see cref="Access.DownloadService"/> makes together with the agreement and audits when it refuses.
/// </summary>
internal static class HubPolicies
{
    /// <summary>The agency's operators.</summary>
    public const string Operator = "moa:operator";

    /// <summary>Members of a data provider.</summary>
    public const string Provider = "moa:provider";

    /// <summary>The agency's operators deciding a review (adequacy of a pseudonymised table, a synthetic release gate).</summary>
    public const string Reviewer = "moa:reviewer";

    /// <summary>A data provider's members or an operator (registering material of a provider's dataset).</summary>
    public const string ProviderOrOperator = "moa:provider-or-operator";

    public static void Add(AuthorizationOptions options)
    {
        Add(options, Operator, "only operators {0}; you are signed in as {1}.", HubRoles.Operator);
        Add(options, Provider, "only provider members {0}; you are signed in as {1}.", HubRoles.Provider);
        Add(options, Reviewer, "only the agency's operators {0}; you are signed in as {1}.", HubRoles.Operator);
        Add(options, ProviderOrOperator, "only the dataset's provider (or an operator) {0}; you are signed in as {1}.", HubRoles.Provider, HubRoles.Operator);
    }

    private static void Add(AuthorizationOptions options, string name, string refusal, params string[] roles) =>
        options.AddPolicy(name, p => p.RequireAuthenticatedUser().AddRequirements(new HubRoleRequirement(roles, refusal)));

    /// <summary>Requires <paramref name="policy"/>; a refusal says that only its roles <paramref name="what"/> (e.g. "list users").</summary>
    public static TBuilder RequirePolicy<TBuilder>(this TBuilder builder, string policy, string what)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy).WithMetadata(new RefusedAction(what));
}

/// <summary>What an endpoint does, for the refusal message of a role policy ("only operators {what}").</summary>
internal sealed record RefusedAction(string What);

/// <summary>The signed-in user has one of <paramref name="Roles"/>; <paramref name="Refusal"/> formats the message ({0}: the action, {1}: the user's role).</summary>
internal sealed record HubRoleRequirement(IReadOnlyList<string> Roles, string Refusal) : IAuthorizationRequirement;

/// <summary>Checks a <see cref="HubRoleRequirement"/> and, on refusal, records a message naming the action and the user's role.</summary>
internal sealed class HubRoleHandler : AuthorizationHandler<HubRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, HubRoleRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        var role = context.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value ?? "";
        if (requirement.Roles.Contains(role, StringComparer.Ordinal))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        var what = (context.Resource as HttpContext)?.GetEndpoint()?.Metadata.GetMetadata<RefusedAction>()?.What ?? "do this";
        context.Fail(new AuthorizationFailureReason(this, string.Format(System.Globalization.CultureInfo.InvariantCulture, requirement.Refusal, what, role)));
        return Task.CompletedTask;
    }
}

/// <summary>
/// Turns a policy's challenge and refusal into the hub's errors (a 401 saying how to sign in, a 403 saying which roles
/// may do what), written by <see cref="HubErrorMiddleware"/> as problem JSON for the API and a page for browsers.
/// </summary>
internal sealed class HubAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Challenged)
        {
            throw HubClaims.NotSignedIn(context);
        }

        if (authorizeResult.Forbidden)
        {
            var reason = authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault()?.Message;
            throw HubException.Forbidden(reason ?? "forbidden: your role may not do this.");
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
