using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Moa.Hub.Accounts;
using Moa.Hub.Catalogue;
using Moa.Hub.Storage;
using Moa.Hub.Web;

namespace Moa.Hub.Audit;

/// <summary>The audit log for operators: pages of entries, and the whole log as JSON lines.</summary>
internal static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Audit");
        api.MapGet("/audit", async Task<Ok<IReadOnlyList<AuditEntry>>> (HttpContext ctx, HubDatabase db, long? after, int? limit) =>
        {
            ctx.RequireScope(TokenScopes.Read);
            await using var conn = await db.OpenAsync().ConfigureAwait(false);
            return TypedResults.Ok(await AuditLog.ReadAllAsync(conn, after ?? 0, Math.Clamp(limit ?? 500, 1, 5000)).ConfigureAwait(false));
        }).RequirePolicy(HubPolicies.Operator, "read the audit log");
        api.MapGet("/audit/export", async Task<EmptyHttpResult> (HttpContext ctx, HubDatabase db) =>
        {
            ctx.RequireScope(TokenScopes.Read);
            await using var conn = await db.OpenAsync().ConfigureAwait(false);
            var entries = await AuditLog.ReadAllAsync(conn).ConfigureAwait(false);
            ctx.Response.ContentType = "application/x-ndjson";
            foreach (var e in entries)
            {
                await ctx.Response.WriteAsync(JsonSerializer.Serialize(e, ApiCache.s_json) + "\n").ConfigureAwait(false);
            }

            return TypedResults.Empty;
        }).RequirePolicy(HubPolicies.Operator, "export the audit log");
    }
}
