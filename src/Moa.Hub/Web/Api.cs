using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Moa.Hub.Accounts;
using Moa.Hub.Storage;

namespace Moa.Hub.Web;

/// <summary>A reason given with a decision (rejecting an application, revoking an agreement).</summary>
public sealed record ReasonRequest(string Reason);

/// <summary>
/// The REST API under <c>/api</c>, described by the OpenAPI document at <c>/openapi/v1.json</c>: the health check here,
/// each feature's endpoints beside its service (<c>MapAccountsApi</c>, <c>MapProgrammeApi</c>, <c>MapAgreementsApi</c>,
/// <c>MapCatalogueApi</c>, <c>MapAccessApi</c>, <c>MapAuditApi</c>, …), and the helpers they share.
/// </summary>
internal static class Api
{
    public static void MapHubApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", async Task<Ok<HealthStatus>> (HubDatabase db) =>
        {
            await using var conn = await db.OpenAsync().ConfigureAwait(false);
            return TypedResults.Ok(new HealthStatus("ok", db.Dialect.ToString().ToLowerInvariant()));
        });
    }

    /// <summary>A 404 whose problem JSON says what was not found, as the hub's other errors do.</summary>
    internal static NotFound<ProblemDetails> NotFound(string detail) =>
        TypedResults.NotFound(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = detail });

    /// <summary>A 400 naming the <paramref name="field"/> that is wrong, with <paramref name="detail"/> saying what was expected.</summary>
    internal static ValidationProblem Invalid(string field, string detail) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [detail] }, detail: detail, title: "Bad request");

    internal static string Remote(HttpContext ctx) => ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    internal static string BaseUrl(HttpContext ctx) => $"{ctx.Request.Scheme}://{ctx.Request.Host}";

    /// <summary>For a check that depends on the request as well as the role (e.g. <c>?all=true</c>); role-only checks are <see cref="HubPolicies"/>.</summary>
    internal static void RequireOperator(HubUser user, string what)
    {
        if (!user.IsOperator)
        {
            throw HubException.Forbidden($"only operators {what}; you are signed in as {user.Role}.");
        }
    }

    internal static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The answer of <c>/api/health</c>.</summary>
public sealed record HealthStatus(string Status, string Database);
