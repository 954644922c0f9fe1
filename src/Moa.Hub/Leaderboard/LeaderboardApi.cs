using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Moa.Hub.Accounts;
using Moa.Hub.Web;

namespace Moa.Hub.Leaderboard;

public sealed record SealedItemsRequest(SealedItem[] Items);

public sealed record SealedSubmissionRequest(string Role, Dictionary<string, string> Predictions);

public sealed record ReportRequest(string Title, string Body);

public sealed record AssignReviewerRequest(long ReviewerId, long OrganisationId);

public sealed record ReviewScoresRequest(Dictionary<string, double> Scores);

public sealed record PromptsRequest(string[] Prompts);

public sealed record AnswersRequest(PromptAnswer[] Answers);

public sealed record VoteRequest(string Choice, int? RatingA = null, int? RatingB = null);

/// <summary>The leaderboard's REST API under <c>/api/leaderboard</c>: phases, runs, sealed items, reviews, battles, results.</summary>
internal static class LeaderboardApi
{
    public static void MapLeaderboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/leaderboard/phases");
        api.MapGet("", async (LeaderboardService s) => TypedResults.Ok(await s.ListAsync().ConfigureAwait(false)));
        api.MapPost("", async (HttpContext ctx, NewPhase req, LeaderboardService s) =>
        {
            var phase = await s.CreatePhaseAsync(ctx.RequireScope(TokenScopes.Write), req).ConfigureAwait(false);
            return TypedResults.Created($"/api/leaderboard/phases/{phase.Phase.Id}", phase);
        });
        api.MapGet("/{id:long}", async (long id, LeaderboardService s) => TypedResults.Ok(await s.RequireAsync(id).ConfigureAwait(false)));
        api.MapPost("/{id:long}/publish", async (HttpContext ctx, long id, LeaderboardService s) =>
            Results.Text(await s.PublishAsync(ctx.RequireScope(TokenScopes.Write), id).ConfigureAwait(false), "application/json", Encoding.UTF8));
        api.MapGet("/{id:long}/results", async (HttpContext ctx, long id, LeaderboardService s) =>
        {
            var json = await s.VisibleResultAsync(ctx.User(), id).ConfigureAwait(false);
            var contamination = await s.ContaminationAsync(ctx.User(), id, null).ConfigureAwait(false);
            var independence = await s.IndependenceAsync(ctx.User(), id, null).ConfigureAwait(false);
            return Results.Text(LeaderboardService.WithChecks(json, contamination, independence), "application/json", Encoding.UTF8);
        });
        api.MapGet("/{id:long}/results.csv", async (HttpContext ctx, long id, string? table, LeaderboardService s) =>
        {
            var result = JsonSerializer.Deserialize<PhaseResult>(await s.VisibleResultAsync(ctx.User(), id).ConfigureAwait(false), LeaderboardService.s_json)!;
            var contamination = await s.ContaminationAsync(ctx.User(), id, null).ConfigureAwait(false);
            var independence = await s.IndependenceAsync(ctx.User(), id, null).ConfigureAwait(false);
            var csv = table switch
            {
                null or "" or "standings" => LeaderboardCsv.Standings(result, contamination, independence),
                "benchmarks" => LeaderboardCsv.Benchmarks(result),
                _ => throw HubException.Invalid($"table: '{table}' is not known; use standings or benchmarks."),
            };
            return Results.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"phase-{id}-{table ?? "standings"}.csv");
        });

        api.MapPost("/{id:long}/runs", async (HttpContext ctx, long id, long? benchmarkId, string? role, long? organisationId, LeaderboardService s) =>
        {
            var actor = ctx.RequireScope(TokenScopes.Write);
            await s.RequireTeamActorAsync(actor, id, organisationId).ConfigureAwait(false);
            if (!ctx.Request.HasFormContentType)
            {
                throw HubException.Invalid("body: send POST /api/leaderboard/phases/{id}/runs?benchmarkId=N&role=model|reference[&organisationId=N for operators] with a multipart form holding files run (run.json) and items (items.jsonl).");
            }

            var form = await ctx.Request.ReadFormAsync().ConfigureAwait(false);
            var run = await ReadFileAsync(form.Files.GetFile("run"), "run").ConfigureAwait(false);
            var items = await ReadFileAsync(form.Files.GetFile("items"), "items").ConfigureAwait(false);
            var row = await s.RegisterRunAsync(actor, id, benchmarkId ?? throw HubException.Invalid("benchmarkId: name the suite's benchmark the run is on (?benchmarkId=N)."), role ?? "", organisationId, run, items).ConfigureAwait(false);
            return TypedResults.Created($"/api/leaderboard/phases/{id}/runs", row);
        });
        api.MapGet("/{id:long}/runs", async (HttpContext ctx, long id, long? organisationId, LeaderboardService s) =>
            TypedResults.Ok(await s.ListRunsAsync(ctx.RequireScope(TokenScopes.Read), id, organisationId).ConfigureAwait(false)));
        api.MapPut("/{id:long}/corpora", async (HttpContext ctx, long id, CorporaRequest req, LeaderboardService s) =>
        {
            var job = await s.DeclareCorporaAsync(ctx.RequireScope(TokenScopes.Write), id, req).ConfigureAwait(false);
            return TypedResults.Accepted(job.Url, job);
        });
        api.MapPut("/{id:long}/endpoints", async (HttpContext ctx, long id, EndpointRequest req, LeaderboardService s) =>
            TypedResults.Ok(await s.RegisterEndpointAsync(ctx.RequireScope(TokenScopes.Write), id, req).ConfigureAwait(false)));
        api.MapGet("/{id:long}/endpoints", async (HttpContext ctx, long id, long? organisationId, LeaderboardService s) =>
            TypedResults.Ok(await s.EndpointsAsync(ctx.RequireScope(TokenScopes.Read), id, organisationId).ConfigureAwait(false)));
        api.MapPost("/{id:long}/evaluations", async (HttpContext ctx, long id, EvaluationRequest req, LeaderboardService s) =>
        {
            var job = await s.StartEvaluationAsync(ctx.RequireScope(TokenScopes.Write), id, req).ConfigureAwait(false);
            return TypedResults.Accepted(job.Url, job);
        });
        api.MapGet("/{id:long}/jobs", async (HttpContext ctx, long id, long? organisationId, LeaderboardService s) =>
            TypedResults.Ok(await s.JobsAsync(ctx.RequireScope(TokenScopes.Read), id, organisationId).ConfigureAwait(false)));
        app.MapGet("/api/leaderboard/jobs/{jobId:long}", async (HttpContext ctx, long jobId, LeaderboardService s) =>
            TypedResults.Ok(await s.JobAsync(ctx.RequireScope(TokenScopes.Read), jobId).ConfigureAwait(false)));
        api.MapGet("/{id:long}/contamination", async (HttpContext ctx, long id, long? organisationId, LeaderboardService s) =>
            TypedResults.Ok(await s.ContaminationAsync(ctx.User(), id, organisationId).ConfigureAwait(false)));
        api.MapPut("/{id:long}/audit", async (HttpContext ctx, long id, IndependenceRequest req, LeaderboardService s) =>
            TypedResults.Ok(await s.AuditIndependenceAsync(ctx.RequireScope(TokenScopes.Write), id, req).ConfigureAwait(false)));
        api.MapGet("/{id:long}/audit", async (HttpContext ctx, long id, long? organisationId, LeaderboardService s) =>
            TypedResults.Ok(await s.IndependenceAsync(ctx.User(), id, organisationId).ConfigureAwait(false)));
        api.MapGet("/{id:long}/team", async (HttpContext ctx, long id, long? organisationId, LeaderboardService s) =>
            TypedResults.Ok(await s.TeamViewAsync(ctx.RequireScope(TokenScopes.Read), id, organisationId).ConfigureAwait(false)));

        api.MapPut("/{id:long}/sealed/{benchmarkId:long}/items", async (HttpContext ctx, long id, long benchmarkId, SealedItemsRequest req, LeaderboardService s) =>
            TypedResults.Ok(new { items = await s.SetSealedItemsAsync(ctx.RequireScope(TokenScopes.Write), id, benchmarkId, req.Items).ConfigureAwait(false) }));
        api.MapGet("/{id:long}/sealed/{benchmarkId:long}/ids", async (HttpContext ctx, long id, long benchmarkId, LeaderboardService s) =>
            TypedResults.Ok(await s.SealedIdsAsync(ctx.RequireScope(TokenScopes.Read), id, benchmarkId).ConfigureAwait(false)));
        api.MapPost("/{id:long}/sealed/{benchmarkId:long}/submissions", async (HttpContext ctx, long id, long benchmarkId, SealedSubmissionRequest req, LeaderboardService s) =>
            TypedResults.Ok(await s.SubmitSealedAsync(ctx.RequireScope(TokenScopes.Write), id, benchmarkId, req.Role, req.Predictions).ConfigureAwait(false)));

        api.MapPost("/{id:long}/report", async (HttpContext ctx, long id, ReportRequest req, LeaderboardService s) =>
            TypedResults.Ok(new { code = await s.SubmitReportAsync(ctx.RequireScope(TokenScopes.Write), id, req.Title, req.Body).ConfigureAwait(false) }));
        api.MapPost("/{id:long}/reviewers", async (HttpContext ctx, long id, AssignReviewerRequest req, LeaderboardService s) =>
        {
            await s.AssignReviewerAsync(ctx.RequireScope(TokenScopes.Write), id, req.ReviewerId, req.OrganisationId).ConfigureAwait(false);
            return TypedResults.NoContent();
        });
        api.MapGet("/{id:long}/reviews", async (HttpContext ctx, long id, LeaderboardService s) =>
            TypedResults.Ok(await s.ReviewsAsync(ctx.RequireScope(TokenScopes.Read), id).ConfigureAwait(false)));
        api.MapPost("/{id:long}/reviews/{code}", async (HttpContext ctx, long id, string code, ReviewScoresRequest req, LeaderboardService s) =>
        {
            await s.ScoreReportAsync(ctx.RequireScope(TokenScopes.Write), id, code, req.Scores).ConfigureAwait(false);
            return TypedResults.NoContent();
        });

        api.MapPost("/{id:long}/prompts", async (HttpContext ctx, long id, PromptsRequest req, LeaderboardService s) =>
            TypedResults.Ok(new { ids = await s.AddPromptsAsync(ctx.RequireScope(TokenScopes.Write), id, req.Prompts).ConfigureAwait(false) }));
        api.MapGet("/{id:long}/prompts", async (HttpContext ctx, long id, LeaderboardService s) =>
        {
            ctx.RequireScope(TokenScopes.Read);
            return TypedResults.Ok((await s.PromptsAsync(id).ConfigureAwait(false)).Select(p => new { p.Id, p.Prompt }));
        });
        api.MapPost("/{id:long}/answers", async (HttpContext ctx, long id, AnswersRequest req, LeaderboardService s) =>
            TypedResults.Ok(new { answers = await s.SubmitAnswersAsync(ctx.RequireScope(TokenScopes.Write), id, req.Answers).ConfigureAwait(false) }));
        api.MapPost("/{id:long}/battles", async (HttpContext ctx, long id, LeaderboardService s) =>
            TypedResults.Ok(await s.BattleAsync(ctx.RequireScope(TokenScopes.Write), id).ConfigureAwait(false)));

        // The independence audit's registry of known open checkpoints (fingerprints as JSON, never weights); operators only.
        app.MapPost("/api/leaderboard/audit/registry", async (HttpContext ctx, LeaderboardService s) =>
        {
            var actor = ctx.RequireScope(TokenScopes.Write);
            using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
            var checkpoint = await s.RegisterFingerprintAsync(actor, await reader.ReadToEndAsync().ConfigureAwait(false)).ConfigureAwait(false);
            return TypedResults.Created($"/api/leaderboard/audit/registry/{Uri.EscapeDataString(checkpoint.Name)}", checkpoint);
        });
        api.MapPost("/{id:long}/battles/{token}/vote", async (HttpContext ctx, long id, string token, VoteRequest req, LeaderboardService s) =>
        {
            try
            {
                await s.VoteAsync(ctx.RequireScope(TokenScopes.Write), id, token, req.Choice, req.RatingA, req.RatingB).ConfigureAwait(false);
            }
            catch (VoteQueueFullException ex)
            {
                ctx.Response.Headers.RetryAfter = VoteBatcher.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return Results.Problem(detail: ex.Message, statusCode: 503, title: "Service unavailable");
            }

            return Results.NoContent();
        });
    }

    private static async Task<byte[]> ReadFileAsync(IFormFile? file, string field)
    {
        if (file is null)
        {
            throw HubException.Invalid($"{field}: attach the run's {(field == "run" ? "run.json" : "items.jsonl")} as multipart file field '{field}'.");
        }

        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream())
        {
            await stream.CopyToAsync(buffer).ConfigureAwait(false);
        }

        return buffer.ToArray();
    }
}

/// <summary>CSV exports of a phase's result (RFC 4180 quoting, invariant numbers).</summary>
internal static class LeaderboardCsv
{
    public static string Standings(PhaseResult r, IReadOnlyList<ContaminationResult> contamination, IReadOnlyList<IndependenceResult> independence)
    {
        var sb = new StringBuilder("rank,organisation_id,team,points,low,high,benchmark_points,expert_points,user_points,decision,reason,sealed_contaminated,declared_corpora,independence\n");
        foreach (var s in r.Standings)
        {
            var (dirty, corpora) = LeaderboardService.ContaminationCells(contamination, s.OrganisationId);
            Row(sb, s.Rank, s.OrganisationId, s.Team, s.Points, s.Low, s.High, s.BenchmarkPoints, s.ExpertPoints, s.UserPoints, s.Decision, s.Reason, dirty, corpora, LeaderboardService.IndependenceCell(independence, s.OrganisationId));
        }

        return sb.ToString();
    }

    public static string Benchmarks(PhaseResult r)
    {
        var sb = new StringBuilder("organisation_id,team,benchmark_id,benchmark,kind,items,team_score,reference_score,share,low,high\n");
        foreach (var b in r.Benchmarks)
        {
            Row(sb, b.OrganisationId, b.Team, b.BenchmarkId, b.Benchmark, b.Kind, b.Items, b.TeamScore, b.ReferenceScore, b.Share, b.Low, b.High);
        }

        return sb.ToString();
    }

    private static void Row(StringBuilder sb, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            var text = values[i] switch
            {
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var o => o.ToString() ?? "",
            };
            sb.Append(text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text);
        }

        sb.Append('\n');
    }
}
