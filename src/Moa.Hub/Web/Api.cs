using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Moa.Hub.Access;
using Moa.Hub.Accounts;
using Moa.Hub.Agreements;
using Moa.Hub.Audit;
using Moa.Hub.Catalogue;
using Moa.Hub.Programme;
using Moa.Hub.Storage;

namespace Moa.Hub.Web;

public sealed record TokenRequest(string Email, string Password, string Name, string[]? Scopes, int? ExpiresInDays, string? Code = null);

public sealed record TotpCodeRequest(string Code);

public sealed record NewUserRequest(string Email, string DisplayName, string Role, string Password, long? OrganisationId);

public sealed record NewOrganisationRequest(string Name, string BusinessRegistrationNumber, string Kind);

public sealed record NewCallRequest(string Title, string? Description, int Year, DateTimeOffset Deadline, NewCallField[] Fields);

public sealed record NewApplicationRequest(long CallId, string FieldCode, string Title, NewMember[] Members);

public sealed record ReasonRequest(string Reason);

public sealed record RegisterDatasetRequest(string Folder, string Slug, string Name, string Licence, string? Description, long? ProviderOrganisationId);

public sealed record WithdrawRequest(int Version, string Reason);

public sealed record SupersedeRequest(int Version, string SuccessorSlug, int SuccessorVersion);

public sealed record LinkRequest(int Version, string Path, string Purpose, bool Shareable = false);

public sealed record PasswordChangeRequest(string CurrentPassword, string NewPassword);

public sealed record PasswordResetRequest(string NewPassword);

public sealed record RoleChangeRequest(string Role, long? OrganisationId);

/// <summary>Cached serialised catalogue responses, rebuilt when the catalogue changes (the hot read path).</summary>
internal sealed class ApiCache(CatalogueService catalogue)
{
    private readonly ConcurrentDictionary<string, (long Generation, byte[] Body)> _entries = new(StringComparer.Ordinal);

    public async Task<byte[]?> GetAsync(string key, Func<Task<object?>> build)
    {
        var gen = catalogue.Generation;
        if (_entries.TryGetValue(key, out var e) && e.Generation == gen)
        {
            return e.Body;
        }

        var value = await build().ConfigureAwait(false);
        if (value is null)
        {
            return null;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), s_json);
        _entries[key] = (gen, body);
        return body;
    }

    /// <summary>Cached raw bytes (e.g. a page rendered for the public), rebuilt when the catalogue changes.</summary>
    public async Task<byte[]?> GetRawAsync(string key, Func<Task<byte[]?>> build)
    {
        var gen = catalogue.Generation;
        if (_entries.TryGetValue(key, out var e) && e.Generation == gen)
        {
            return e.Body;
        }

        var body = await build().ConfigureAwait(false);
        if (body is not null)
        {
            _entries[key] = (gen, body);
        }

        return body;
    }

    internal static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
}

/// <summary>The REST API under <c>/api</c>, described by the OpenAPI document at <c>/openapi/v1.json</c>.</summary>
internal static class Api
{
    public static void MapHubApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/health", async (HubDatabase db) =>
        {
            await using var conn = await db.OpenAsync().ConfigureAwait(false);
            return TypedResults.Ok(new { status = "ok", database = db.Dialect.ToString().ToLowerInvariant() });
        });

        api.MapPost("/auth/token", async (HttpContext ctx, TokenRequest req, AccountService accounts) =>
        {
            var lifetime = AccountService.TokenLifetime(req.ExpiresInDays);
            var user = await accounts.SignInAsync(req.Email, req.Password, Remote(ctx), req.Code).ConfigureAwait(false);
            var token = await accounts.IssueTokenAsync(user, req.Name, req.Scopes ?? [TokenScopes.Read], lifetime).ConfigureAwait(false);
            return TypedResults.Ok(token);
        });
        api.MapGet("/me", (HttpContext ctx) => TypedResults.Ok(ctx.RequireUser()));
        api.MapPost("/me/password", async (HttpContext ctx, PasswordChangeRequest req, AccountService accounts) =>
        {
            var user = ctx.RequireScope(TokenScopes.Write);
            await accounts.ChangePasswordAsync(user, req.CurrentPassword, req.NewPassword, ctx.User.HasClaim(HubClaims.ViaToken, "1") ? null : ctx.CredentialIdOf()).ConfigureAwait(false);
            return TypedResults.NoContent();
        });
        api.MapPost("/me/totp", async (HttpContext ctx, AccountService accounts) =>
            TypedResults.Ok(await accounts.EnrolTotpAsync(ctx.RequireScope(TokenScopes.Write)).ConfigureAwait(false)));
        api.MapPost("/me/totp/confirm", async (HttpContext ctx, TotpCodeRequest req, AccountService accounts) =>
        {
            await accounts.ConfirmTotpAsync(ctx.RequireScope(TokenScopes.Write), req.Code).ConfigureAwait(false);
            return TypedResults.NoContent();
        });
        api.MapPost("/users/{id:long}/totp/reset", async (HttpContext ctx, long id, AccountService accounts) =>
        {
            await accounts.ResetTotpAsync(ctx.RequireScope(TokenScopes.Write), id).ConfigureAwait(false);
            return TypedResults.NoContent();
        });
        api.MapGet("/tokens", async (HttpContext ctx, bool? all, AccountService accounts) =>
            TypedResults.Ok(await accounts.ListTokensAsync(ctx.RequireScope(TokenScopes.Read), all == true).ConfigureAwait(false)));
        api.MapPost("/tokens", async (HttpContext ctx, TokenRequest req, AccountService accounts) =>
        {
            var user = ctx.RequireScope(TokenScopes.Write);
            var lifetime = AccountService.TokenLifetime(req.ExpiresInDays);
            return TypedResults.Ok(await accounts.IssueTokenAsync(user, req.Name, req.Scopes ?? [TokenScopes.Read], lifetime, ctx.Ceiling()).ConfigureAwait(false));
        });
        api.MapDelete("/tokens/{id:long}", async (HttpContext ctx, long id, AccountService accounts) =>
        {
            await accounts.RevokeTokenAsync(ctx.RequireScope(TokenScopes.Write), id).ConfigureAwait(false);
            return TypedResults.NoContent();
        });
        api.MapGet("/sessions", async (HttpContext ctx, bool? all, AccountService accounts) =>
            TypedResults.Ok(await accounts.ListSessionsAsync(ctx.RequireScope(TokenScopes.Read), all == true).ConfigureAwait(false)));
        api.MapDelete("/sessions/{id:long}", async (HttpContext ctx, long id, AccountService accounts) =>
        {
            await accounts.RevokeSessionAsync(ctx.RequireScope(TokenScopes.Write), id).ConfigureAwait(false);
            return TypedResults.NoContent();
        });

        api.MapGet("/users", async (HttpContext ctx, AccountService accounts) =>
        {
            RequireOperator(ctx.RequireScope(TokenScopes.Read), "list users");
            return TypedResults.Ok(await accounts.ListAsync().ConfigureAwait(false));
        });
        api.MapPost("/users", async (HttpContext ctx, NewUserRequest req, AccountService accounts) =>
        {
            var actor = ctx.RequireScope(TokenScopes.Write);
            RequireOperator(actor, "create accounts");
            return TypedResults.Created($"/api/users", await accounts.CreateUserAsync(actor, req.Email, req.DisplayName, req.Role, req.Password, req.OrganisationId).ConfigureAwait(false));
        });
        api.MapPost("/users/{id:long}/disable", async (HttpContext ctx, long id, AccountService accounts) =>
            TypedResults.Ok(await accounts.SetDisabledAsync(ctx.RequireScope(TokenScopes.Write), id, disabled: true).ConfigureAwait(false)));
        api.MapPost("/users/{id:long}/enable", async (HttpContext ctx, long id, AccountService accounts) =>
            TypedResults.Ok(await accounts.SetDisabledAsync(ctx.RequireScope(TokenScopes.Write), id, disabled: false).ConfigureAwait(false)));
        api.MapPut("/users/{id:long}/role", async (HttpContext ctx, long id, RoleChangeRequest req, AccountService accounts) =>
            TypedResults.Ok(await accounts.ChangeRoleAsync(ctx.RequireScope(TokenScopes.Write), id, req.Role, req.OrganisationId).ConfigureAwait(false)));
        api.MapPost("/users/{id:long}/password", async (HttpContext ctx, long id, PasswordResetRequest req, AccountService accounts) =>
        {
            await accounts.ResetPasswordAsync(ctx.RequireScope(TokenScopes.Write), id, req.NewPassword).ConfigureAwait(false);
            return TypedResults.NoContent();
        });

        api.MapGet("/organisations", async (HttpContext ctx, ProgrammeService programme) =>
        {
            ctx.RequireScope(TokenScopes.Read);
            return TypedResults.Ok(await programme.ListOrganisationsAsync().ConfigureAwait(false));
        });
        api.MapPost("/organisations", async (HttpContext ctx, NewOrganisationRequest req, ProgrammeService programme) =>
        {
            var org = await programme.CreateOrganisationAsync(ctx.RequireScope(TokenScopes.Write), req.Name, req.BusinessRegistrationNumber, req.Kind).ConfigureAwait(false);
            return TypedResults.Created($"/api/organisations/{org.Id}", org);
        });

        api.MapGet("/calls", async (ProgrammeService programme) => TypedResults.Ok(await programme.ListCallsAsync().ConfigureAwait(false)));
        api.MapGet("/calls/{id:long}", async (long id, ProgrammeService programme) =>
            await programme.GetCallAsync(id).ConfigureAwait(false) is { } c ? Results.Ok(c) : throw HubException.NotFound($"call {id} does not exist."));
        api.MapPost("/calls", async (HttpContext ctx, NewCallRequest req, ProgrammeService programme) =>
        {
            var call = await programme.CreateCallAsync(ctx.RequireScope(TokenScopes.Write), req.Title, req.Description ?? "", req.Year, req.Deadline, req.Fields ?? []).ConfigureAwait(false);
            return TypedResults.Created($"/api/calls/{call.Id}", call);
        });

        api.MapGet("/applications", async (HttpContext ctx, ProgrammeService programme) =>
            TypedResults.Ok(await programme.ListApplicationsAsync(ctx.RequireScope(TokenScopes.Read)).ConfigureAwait(false)));
        api.MapPost("/applications", async (HttpContext ctx, NewApplicationRequest req, ProgrammeService programme) =>
        {
            var a = await programme.CreateApplicationAsync(ctx.RequireScope(TokenScopes.Write), req.CallId, req.FieldCode, req.Title, req.Members ?? []).ConfigureAwait(false);
            return TypedResults.Created($"/api/applications/{a.Id}", a);
        });
        api.MapGet("/applications/{id:long}", async (HttpContext ctx, long id, ProgrammeService programme) =>
            await programme.GetApplicationAsync(ctx.RequireScope(TokenScopes.Read), id).ConfigureAwait(false) is { } a ? Results.Ok(a) : throw HubException.NotFound($"application {id} does not exist."));
        api.MapPut("/applications/{id:long}/documents/{kind}", async (HttpContext ctx, long id, string kind, ProgrammeService programme) =>
        {
            var actor = ctx.RequireScope(TokenScopes.Write);
            string fileName;
            Stream body;
            if (ctx.Request.HasFormContentType)
            {
                var form = await ctx.Request.ReadFormAsync().ConfigureAwait(false);
                var file = form.Files.GetFile("file") ?? throw HubException.Invalid("file: send the document as multipart form field 'file'.");
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
        api.MapGet("/applications/{id:long}/documents/{kind}", async (HttpContext ctx, long id, string kind, ProgrammeService programme) =>
        {
            var (doc, content) = await programme.OpenDocumentAsync(ctx.RequireScope(TokenScopes.Read), id, kind).ConfigureAwait(false);
            return Results.File(content, doc.ContentType, doc.FileName);
        });
        api.MapPost("/applications/{id:long}/submit", async (HttpContext ctx, long id, ProgrammeService p) => TypedResults.Ok(await p.SubmitAsync(ctx.RequireScope(TokenScopes.Write), id).ConfigureAwait(false)));
        api.MapPost("/applications/{id:long}/accept", async (HttpContext ctx, long id, ProgrammeService p) => TypedResults.Ok(await p.AcceptMembershipAsync(ctx.RequireScope(TokenScopes.Write), id).ConfigureAwait(false)));
        api.MapPost("/applications/{id:long}/withdraw", async (HttpContext ctx, long id, ProgrammeService p) => TypedResults.Ok(await p.WithdrawAsync(ctx.RequireScope(TokenScopes.Write), id).ConfigureAwait(false)));
        api.MapPost("/applications/{id:long}/review", async (HttpContext ctx, long id, ProgrammeService p) => TypedResults.Ok(await p.StartReviewAsync(ctx.RequireScope(TokenScopes.Write), id).ConfigureAwait(false)));
        api.MapPost("/applications/{id:long}/select", async (HttpContext ctx, long id, ProgrammeService p) => TypedResults.Ok(await p.SelectAsync(ctx.RequireScope(TokenScopes.Write), id).ConfigureAwait(false)));
        api.MapPost("/applications/{id:long}/reject", async (HttpContext ctx, long id, ReasonRequest req, ProgrammeService p) => TypedResults.Ok(await p.RejectAsync(ctx.RequireScope(TokenScopes.Write), id, req.Reason).ConfigureAwait(false)));

        api.MapGet("/agreements", async (HttpContext ctx, AgreementService s) => TypedResults.Ok(await s.ListAsync(ctx.RequireScope(TokenScopes.Read)).ConfigureAwait(false)));
        api.MapPost("/agreements", async (HttpContext ctx, NewAgreement req, AgreementService s) =>
        {
            var a = await s.CreateAsync(ctx.RequireScope(TokenScopes.Write), req).ConfigureAwait(false);
            return TypedResults.Created($"/api/agreements/{a.Id}", a);
        });
        api.MapGet("/agreements/{id:long}", async (HttpContext ctx, long id, AgreementService s) =>
            await s.GetAsync(ctx.RequireScope(TokenScopes.Read), id).ConfigureAwait(false) is { } a ? Results.Ok(a) : throw HubException.NotFound($"agreement {id} does not exist."));
        api.MapPost("/agreements/{id:long}/sign", async (HttpContext ctx, long id, AgreementService s) => TypedResults.Ok(await s.SignAsync(ctx.RequireScope(TokenScopes.Write), id).ConfigureAwait(false)));
        api.MapPost("/agreements/{id:long}/revoke", async (HttpContext ctx, long id, ReasonRequest req, AgreementService s) => TypedResults.Ok(await s.RevokeAsync(ctx.RequireScope(TokenScopes.Write), id, req.Reason).ConfigureAwait(false)));

        api.MapGet("/datasets", async (HttpContext ctx, bool? all, ApiCache cache, CatalogueService catalogue) =>
        {
            if (all == true)
            {
                // The operator's view: every dataset with every version, withdrawn and superseded ones included.
                RequireOperator(ctx.RequireScope(TokenScopes.Read), "list withdrawn datasets");
                var everything = new List<object>();
                foreach (var d in (await catalogue.ListAllSlugsAsync().ConfigureAwait(false)))
                {
                    if (await catalogue.GetAsync(d, includeWithdrawn: true).ConfigureAwait(false) is { } detail)
                    {
                        everything.Add(new { detail.Dataset.Slug, detail.Dataset.Name, detail.Dataset.Licence, versions = detail.Versions.Select(v => VersionJson(detail, v)) });
                    }
                }

                return Results.Json(everything, ApiCache.s_json);
            }

            var body = await cache.GetAsync("list", async () => (await catalogue.ListAsync().ConfigureAwait(false))
                .Select(x => new { x.Dataset.Slug, x.Dataset.Name, x.Dataset.Description, x.Dataset.Licence, x.Latest.Version, x.Latest.Documents, x.Latest.Bytes, x.Latest.Tokens, url = $"/datasets/{x.Dataset.Slug}" })
                .ToList()).ConfigureAwait(false);
            return Results.Bytes(body!, "application/json");
        });
        api.MapGet("/datasets/{slug}", async (HttpContext ctx, string slug, ApiCache cache, CatalogueService catalogue) =>
        {
            // Operators see the whole history, withdrawn versions included (cached apart from the public view).
            var history = ctx.User() is { IsOperator: true };
            var body = await cache.GetAsync((history ? "all:" : "ds:") + slug, async () => await catalogue.GetAsync(slug, history).ConfigureAwait(false) is { } d
                ? new
                {
                    d.Dataset.Slug,
                    d.Dataset.Name,
                    d.Dataset.Description,
                    d.Dataset.Licence,
                    versions = d.Versions.Select(v => VersionJson(d, v)),
                    latest = d.Latest.Version,
                    supersededBy = d.SupersededBy is { } s ? new { s.Slug, s.Version, url = $"/datasets/{s.Slug}" } : null,
                    files = d.Files.Select(f => new { f.Path, f.Sha256, f.Bytes, f.Documents }),
                    stats = d.Stats,
                    sample = d.Sample,
                    croissant = $"/datasets/{d.Dataset.Slug}/croissant.json",
                }
                : null).ConfigureAwait(false);
            return body is null ? throw HubException.NotFound($"dataset '{slug}' does not exist.") : Results.Bytes(body, "application/json");
        });
        api.MapGet("/datasets/{slug}/croissant", CroissantAsync);
        app.MapGet("/datasets/{slug}/croissant.json", CroissantAsync);
        api.MapPost("/datasets", async (HttpContext ctx, RegisterDatasetRequest req, CatalogueService catalogue) =>
        {
            var v = await catalogue.RegisterAsync(ctx.RequireScope(TokenScopes.Write), req.Folder, req.Slug, req.Name, req.Licence, req.Description ?? "", req.ProviderOrganisationId).ConfigureAwait(false);
            return TypedResults.Created($"/api/datasets/{req.Slug}", new { slug = req.Slug, v.Version, v.Documents, v.Bytes });
        });
        api.MapPost("/datasets/{slug}/withdraw", async (HttpContext ctx, string slug, WithdrawRequest req, CatalogueService catalogue) =>
        {
            var v = await catalogue.WithdrawAsync(ctx.RequireScope(TokenScopes.Write), slug, req.Version, req.Reason).ConfigureAwait(false);
            return TypedResults.Ok(new { slug, v.Version, withdrawnAt = DateTimeOffset.FromUnixTimeMilliseconds(v.WithdrawnAt ?? 0), reason = v.WithdrawnReason });
        });
        api.MapPost("/datasets/{slug}/supersede", async (HttpContext ctx, string slug, SupersedeRequest req, CatalogueService catalogue) =>
        {
            var v = await catalogue.SupersedeAsync(ctx.RequireScope(TokenScopes.Write), slug, req.Version, req.SuccessorSlug, req.SuccessorVersion).ConfigureAwait(false);
            return TypedResults.Ok(new { slug, v.Version, supersededBy = new { slug = req.SuccessorSlug, version = req.SuccessorVersion } });
        });
        api.MapPost("/datasets/{slug}/links", async (HttpContext ctx, string slug, LinkRequest req, DownloadService downloads) =>
        {
            var user = ctx.User() is null ? null : ctx.RequireScope(TokenScopes.Download);
            return TypedResults.Ok(await downloads.CreateLinkAsync(user, slug, req.Version, req.Path, req.Purpose, BaseUrl(ctx), Remote(ctx), req.Shareable).ConfigureAwait(false));
        });
        api.MapGet("/datasets/{slug}/versions/{version:int}/files/{**path}", async (HttpContext ctx, string slug, int version, string path, string? purpose, DownloadService downloads) =>
        {
            var user = ctx.User() is null ? null : ctx.RequireScope(TokenScopes.Download);
            if (user is not null && string.IsNullOrEmpty(purpose))
            {
                throw HubException.Invalid($"purpose: add ?purpose=… (one of {string.Join(", ", Purposes.All)}) naming what you will use the data for.");
            }

            var link = await downloads.CreateLinkAsync(user, slug, version, path, purpose ?? Purposes.Pretraining, BaseUrl(ctx), Remote(ctx)).ConfigureAwait(false);
            return await SendAsync(ctx, downloads, link.Url[(link.Url.LastIndexOf('/') + 1)..]).ConfigureAwait(false);
        });
        app.MapGet("/dl/{token}", (HttpContext ctx, string token, DownloadService downloads) => SendAsync(ctx, downloads, token));

        api.MapGet("/benchmarks", async (CatalogueService catalogue) => TypedResults.Ok(await catalogue.ListBenchmarksAsync().ConfigureAwait(false)));

        api.MapGet("/audit", async (HttpContext ctx, HubDatabase db, long? after, int? limit) =>
        {
            RequireOperator(ctx.RequireScope(TokenScopes.Read), "read the audit log");
            await using var conn = await db.OpenAsync().ConfigureAwait(false);
            return TypedResults.Ok(await AuditLog.ReadAllAsync(conn, after ?? 0, Math.Clamp(limit ?? 500, 1, 5000)).ConfigureAwait(false));
        });
        api.MapGet("/audit/export", async (HttpContext ctx, HubDatabase db) =>
        {
            RequireOperator(ctx.RequireScope(TokenScopes.Read), "export the audit log");
            await using var conn = await db.OpenAsync().ConfigureAwait(false);
            var entries = await AuditLog.ReadAllAsync(conn).ConfigureAwait(false);
            ctx.Response.ContentType = "application/x-ndjson";
            foreach (var e in entries)
            {
                await ctx.Response.WriteAsync(JsonSerializer.Serialize(e, ApiCache.s_json) + "\n").ConfigureAwait(false);
            }
        });
    }

    private static async Task<IResult> CroissantAsync(HttpContext ctx, string slug, CatalogueService catalogue, ApiCache cache)
    {
        var baseUrl = BaseUrl(ctx);
        var body = await cache.GetAsync("croissant:" + slug + "@" + baseUrl, async () =>
            await catalogue.GetAsync(slug).ConfigureAwait(false) is { Latest.IsCurrent: true } d ? Croissant.Build(d, baseUrl, "Moa hub") : null).ConfigureAwait(false);
        if (body is null)
        {
            // Superseded datasets point to their successor's metadata; withdrawn ones are not described at all.
            throw await catalogue.GetAsync(slug).ConfigureAwait(false) is { SupersededBy: { } s }
                ? HubException.NotFound($"dataset '{slug}' was superseded by '{s.Slug}' version {s.Version}; see /datasets/{s.Slug}/croissant.json.")
                : HubException.NotFound($"dataset '{slug}' does not exist.");
        }

        return Results.Bytes(body, "application/ld+json");
    }

    private static object VersionJson(DatasetDetail d, DatasetVersion v) => new
    {
        v.Version,
        v.ToolVersion,
        v.ConfigHash,
        v.Documents,
        v.Bytes,
        v.Tokens,
        createdAt = DateTimeOffset.FromUnixTimeMilliseconds(v.CreatedAt),
        state = v.WithdrawnAt is not null ? "withdrawn" : v.SupersededBy is not null ? "superseded" : "current",
        withdrawnAt = v.WithdrawnAt is { } w ? DateTimeOffset.FromUnixTimeMilliseconds(w) : (DateTimeOffset?)null,
        withdrawnReason = v.WithdrawnReason,
        supersededBy = d.Successors is not null && d.Successors.TryGetValue(v.Id, out var s) ? $"{s.Slug}@{s.Version}" : null,
    };

    internal static async Task<IResult> SendAsync(HttpContext ctx, DownloadService downloads, string token)
    {
        var d = await downloads.RedeemAsync(token, Remote(ctx), ctx.User()).ConfigureAwait(false);
        ctx.Response.Headers["X-Content-SHA256"] = d.Sha256;
        if (d.PresignedUrl is { } presigned)
        {
            // Stored in S3: the client fetches the object itself, with a URL valid for minutes, issued after the checks.
            ctx.Response.Headers.CacheControl = "no-store";
            return Results.Redirect(presigned.AbsoluteUri);
        }

        return Results.File(d.FullPath, "application/octet-stream", d.FileName, enableRangeProcessing: true);
    }

    internal static string Remote(HttpContext ctx) => ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    internal static string BaseUrl(HttpContext ctx) => $"{ctx.Request.Scheme}://{ctx.Request.Host}";

    internal static void RequireOperator(HubUser user, string what)
    {
        if (!user.IsOperator)
        {
            throw HubException.Forbidden($"only operators {what}; you are signed in as {user.Role}.");
        }
    }

    internal static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
