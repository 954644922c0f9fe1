using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Moa.Hub.Accounts;
using Moa.Hub.Web;

namespace Moa.Hub.Programme;

public sealed record NewOrganisationRequest(string Name, string BusinessRegistrationNumber, string Kind);

public sealed record NewCallRequest(string Title, string? Description, int Year, DateTimeOffset Deadline, NewCallField[] Fields);

public sealed record NewApplicationRequest(long CallId, string FieldCode, string Title, NewMember[] Members);

/// <summary>The programme: organisations, calls for proposals and consortium applications with their documents and review.</summary>
internal static class ProgrammeApi
{
    public static void MapProgrammeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Programme");
        api.MapGet("/organisations", async Task<Ok<IReadOnlyList<Organisation>>> (HttpContext ctx, ProgrammeService programme) =>
        {
            ctx.RequireScope(TokenScopes.Read);
            return TypedResults.Ok(await programme.ListOrganisationsAsync().ConfigureAwait(false));
        });
        api.MapPost("/organisations", async Task<Created<Organisation>> (HttpContext ctx, NewOrganisationRequest req, ProgrammeService programme) =>
        {
            var org = await programme.CreateOrganisationAsync(ctx.RequireScope(TokenScopes.Write), req.Name, req.BusinessRegistrationNumber, req.Kind).ConfigureAwait(false);
            return TypedResults.Created($"/api/organisations/{org.Id}", org);
        });

        api.MapGet("/calls", async Task<Ok<IReadOnlyList<Call>>> (ProgrammeService programme) => TypedResults.Ok(await programme.ListCallsAsync().ConfigureAwait(false)));
        api.MapGet("/calls/{id:long}", async Task<Results<Ok<Call>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> (long id, ProgrammeService programme) =>
            await programme.GetCallAsync(id).ConfigureAwait(false) is { } c ? TypedResults.Ok(c) : Api.NotFound($"call {id} does not exist."));
        api.MapPost("/calls", async Task<Created<Call>> (HttpContext ctx, NewCallRequest req, ProgrammeService programme) =>
        {
            var call = await programme.CreateCallAsync(ctx.RequireScope(TokenScopes.Write), req.Title, req.Description ?? "", req.Year, req.Deadline, req.Fields ?? []).ConfigureAwait(false);
            return TypedResults.Created($"/api/calls/{call.Id}", call);
        }).RequirePolicy(HubPolicies.Operator, "create calls");

        api.MapGet("/applications", async Task<Ok<IReadOnlyList<Application>>> (HttpContext ctx, ProgrammeService programme) =>
            TypedResults.Ok(await programme.ListApplicationsAsync(ctx.RequireScope(TokenScopes.Read)).ConfigureAwait(false)));
        api.MapPost("/applications", async Task<Created<Application>> (HttpContext ctx, NewApplicationRequest req, ProgrammeService programme) =>
        {
            var a = await programme.CreateApplicationAsync(ctx.RequireScope(TokenScopes.Write), req.CallId, req.FieldCode, req.Title, req.Members ?? []).ConfigureAwait(false);
            return TypedResults.Created($"/api/applications/{a.Id}", a);
        }).RequirePolicy(HubPolicies.Provider, "apply to calls");
        api.MapGet("/applications/{id:long}", async Task<Results<Ok<Application>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> (HttpContext ctx, long id, ProgrammeService programme) =>
            await programme.GetApplicationAsync(ctx.RequireScope(TokenScopes.Read), id).ConfigureAwait(false) is { } a ? TypedResults.Ok(a) : Api.NotFound($"application {id} does not exist."));
        api.MapPut("/applications/{id:long}/documents/{kind}", async Task<Results<Ok<ApplicationDocument>, ValidationProblem>> (HttpContext ctx, long id, string kind, ProgrammeService programme) =>
        {
            var actor = ctx.RequireScope(TokenScopes.Write);
            string fileName;
            Stream body;
            if (ctx.Request.HasFormContentType)
            {
                var form = await ctx.Request.ReadFormAsync().ConfigureAwait(false);
                if (form.Files.GetFile("file") is not { } file)
                {
                    return Api.Invalid("file", "file: send the document as multipart form field 'file'.");
                }

                fileName = file.FileName;
                body = file.OpenReadStream();
            }
            else
            {
                fileName = ctx.Request.Headers["X-File-Name"].ToString();
                body = ctx.Request.Body;
            }

            await using (body.ConfigureAwait(false))
            {
                return TypedResults.Ok(await programme.UploadDocumentAsync(actor, id, kind, fileName, body, ctx.RequestAborted).ConfigureAwait(false));
            }
        });
        api.MapGet("/applications/{id:long}/documents/{kind}", async Task<FileStreamHttpResult> (HttpContext ctx, long id, string kind, ProgrammeService programme) =>
        {
            var (doc, content) = await programme.OpenDocumentAsync(ctx.RequireScope(TokenScopes.Read), id, kind).ConfigureAwait(false);
            return TypedResults.File(content, doc.ContentType, doc.FileName);
        });
        api.MapPost("/applications/{id:long}/submit", async Task<Ok<Application>> (HttpContext ctx, long id, ProgrammeService p) => TypedResults.Ok(await p.SubmitAsync(ctx.RequireScope(TokenScopes.Write), id).ConfigureAwait(false)));
        api.MapPost("/applications/{id:long}/accept", async Task<Ok<Application>> (HttpContext ctx, long id, ProgrammeService p) => TypedResults.Ok(await p.AcceptMembershipAsync(ctx.RequireScope(TokenScopes.Write), id).ConfigureAwait(false)));
        api.MapPost("/applications/{id:long}/withdraw", async Task<Ok<Application>> (HttpContext ctx, long id, ProgrammeService p) => TypedResults.Ok(await p.WithdrawAsync(ctx.RequireScope(TokenScopes.Write), id).ConfigureAwait(false)));
        api.MapPost("/applications/{id:long}/review", async Task<Ok<Application>> (HttpContext ctx, long id, ProgrammeService p) => TypedResults.Ok(await p.StartReviewAsync(ctx.RequireScope(TokenScopes.Write), id).ConfigureAwait(false)))
            .RequirePolicy(HubPolicies.Operator, "review applications");
        api.MapPost("/applications/{id:long}/select", async Task<Ok<Application>> (HttpContext ctx, long id, ProgrammeService p) => TypedResults.Ok(await p.SelectAsync(ctx.RequireScope(TokenScopes.Write), id).ConfigureAwait(false)))
            .RequirePolicy(HubPolicies.Operator, "select applications");
        api.MapPost("/applications/{id:long}/reject", async Task<Ok<Application>> (HttpContext ctx, long id, ReasonRequest req, ProgrammeService p) => TypedResults.Ok(await p.RejectAsync(ctx.RequireScope(TokenScopes.Write), id, req.Reason).ConfigureAwait(false)))
            .RequirePolicy(HubPolicies.Operator, "reject applications");
    }
}
