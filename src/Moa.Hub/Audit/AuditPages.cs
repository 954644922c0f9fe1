using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Moa.Hub.Storage;
using Moa.Hub.Web;
using static Moa.Hub.Web.Html;

namespace Moa.Hub.Audit;

/// <summary>The operator's audit page: the newest entries and whether the hash chain verifies.</summary>
internal static class AuditPages
{
    public static void MapAuditPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/audit", async (HttpContext ctx, HubDatabase db) =>
        {
            await using var conn = await db.OpenAsync().ConfigureAwait(false);
            var entries = await AuditLog.ReadAllAsync(conn).ConfigureAwait(false);
            var verdict = AuditVerifier.Verify(entries);
            var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<p id=\"audit-verdict\" class=\"{(verdict.Ok ? "ok" : "error")}\">{E(verdict.Message)}</p><table id=\"audit\"><thead><tr><th>#</th><th>UTC</th><th>actor</th><th>action</th><th>subject</th><th>detail</th><th>hash</th></tr></thead><tbody>");
            foreach (var e in entries.Reverse().Take(300))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{e.Seq}</td><td>{DateTimeOffset.FromUnixTimeMilliseconds(e.At):yyyy-MM-dd HH:mm:ss}</td><td>{E(e.Actor)}</td><td>{E(e.Action)}</td><td>{E(e.Subject)}</td><td><code>{E(e.Detail)}</code></td><td><code>{E(e.Hash[..12])}</code></td></tr>");
            }

            return Page(ctx, T(ctx, "audit.title"), sb.Append("</tbody></table>").ToString());
        }).RequirePolicy(HubPolicies.Operator, "read the audit log");
    }
}
