using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Moa.Hub.Accounts;
using Moa.Hub.Catalogue;
using Moa.Hub.Web;

namespace Moa.Hub.Agreements;

/// <summary>Data-use agreements: drafting (operators), signing by the three parties, revocation, and token totals per agreement.</summary>
internal static class AgreementsApi
{
    public static void MapAgreementsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Agreements");
        api.MapGet("/agreements", async Task<Ok<IReadOnlyList<Agreement>>> (HttpContext ctx, AgreementService s) => TypedResults.Ok(await s.ListAsync(ctx.RequireScope(TokenScopes.Read)).ConfigureAwait(false)));
        api.MapPost("/agreements", async Task<Created<Agreement>> (HttpContext ctx, NewAgreement req, AgreementService s) =>
        {
            var a = await s.CreateAsync(ctx.RequireScope(TokenScopes.Write), req).ConfigureAwait(false);
            return TypedResults.Created($"/api/agreements/{a.Id}", a);
        }).RequirePolicy(HubPolicies.Operator, "draft agreements");
        api.MapGet("/agreements/{id:long}", async Task<Results<Ok<Agreement>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> (HttpContext ctx, long id, AgreementService s) =>
            await s.GetAsync(ctx.RequireScope(TokenScopes.Read), id).ConfigureAwait(false) is { } a ? TypedResults.Ok(a) : Api.NotFound($"agreement {id} does not exist."));
        api.MapPost("/agreements/{id:long}/sign", async Task<Ok<Agreement>> (HttpContext ctx, long id, AgreementService s) => TypedResults.Ok(await s.SignAsync(ctx.RequireScope(TokenScopes.Write), id).ConfigureAwait(false)));
        api.MapPost("/agreements/{id:long}/revoke", async Task<Ok<Agreement>> (HttpContext ctx, long id, ReasonRequest req, AgreementService s) => TypedResults.Ok(await s.RevokeAsync(ctx.RequireScope(TokenScopes.Write), id, req.Reason).ConfigureAwait(false)))
            .RequirePolicy(HubPolicies.Operator, "revoke agreements");
        api.MapGet("/agreements/{id:long}/tokens", async (HttpContext ctx, long id, AgreementService agreements, CatalogueService catalogue) =>
            TypedResults.Ok(await TokenTotals.ForAgreementAsync(ctx.RequireScope(TokenScopes.Read), id, agreements, catalogue).ConfigureAwait(false)));
    }
}
