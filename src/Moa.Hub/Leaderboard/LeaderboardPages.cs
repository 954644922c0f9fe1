using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Moa.Evaluation.Leaderboard;
using Moa.Hub.Web;
using static Moa.Hub.Web.Html;

namespace Moa.Hub.Leaderboard;

/// <summary>
/// The leaderboard's pages (Korean and English): phases and the operator's form to define one, a phase's public ranking
/// once published (the operator's live view and publish button before), a team's own page, the reviewer's and the voter's.
/// </summary>
internal static class LeaderboardPages
{
    public static void MapLeaderboardPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/leaderboard", async (HttpContext ctx, LeaderboardService s) =>
        {
            var user = ctx.User();
            var sb = new StringBuilder($"<table id=\"phases\"><thead><tr><th>{L(ctx, "phase")}</th><th>{L(ctx, "year")}</th><th>{L(ctx, "window")}</th><th>{L(ctx, "state")}</th></tr></thead><tbody>");
            foreach (var p in await s.ListAsync().ConfigureAwait(false))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr id=\"phase-row-{p.Id}\"><td><a href=\"/leaderboard/{p.Id}\">{E(p.Name)}</a></td><td>{p.Year}</td><td>{Day(p.OpensAt)} – {Day(p.ClosesAt)}</td><td>{L(ctx, "state." + p.State)}</td></tr>");
            }

            sb.Append("</tbody></table>");
            if (user?.IsOperator == true)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/leaderboard\" class=\"card\" id=\"phase-form\">{Csrf(ctx)}<h2>{L(ctx, "phase.new")}</h2>")
                    .Append(CultureInfo.InvariantCulture, $"<label>{L(ctx, "phase")} <input id=\"phase-name\" name=\"name\" required></label>")
                    .Append(CultureInfo.InvariantCulture, $"<label>{L(ctx, "year")} <input id=\"phase-year\" name=\"year\" value=\"2026\" inputmode=\"numeric\"></label>")
                    .Append(CultureInfo.InvariantCulture, $"<label>{L(ctx, "opens")} <input id=\"phase-opens\" name=\"opens\" type=\"date\" required></label>")
                    .Append(CultureInfo.InvariantCulture, $"<label>{L(ctx, "closes")} <input id=\"phase-closes\" name=\"closes\" type=\"date\" required></label>")
                    .Append(CultureInfo.InvariantCulture, $"<label>{L(ctx, "eliminate")} <input id=\"phase-eliminate\" name=\"eliminate\" value=\"1\" inputmode=\"numeric\"></label>");
                foreach (var c in PhaseRanking.Phase1Scheme)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<label>{L(ctx, "criterion." + c.Name)} <input id=\"phase-points-{c.Name}\" name=\"points-{c.Name}\" value=\"{c.Points}\" inputmode=\"decimal\"></label>");
                }

                sb.Append(CultureInfo.InvariantCulture, $"<label>{L(ctx, "teams.lines")} <textarea id=\"phase-teams\" name=\"teams\" rows=\"4\" placeholder=\"12 | team-model-v1 | reference-model\"></textarea></label>")
                    .Append(CultureInfo.InvariantCulture, $"<label>{L(ctx, "benchmarks.lines")} <textarea id=\"phase-benchmarks\" name=\"benchmarks\" rows=\"5\" placeholder=\"KoBEST-BoolQ | common | 0.5\"></textarea></label>")
                    .Append(CultureInfo.InvariantCulture, $"<label>{L(ctx, "rubric.lines")} <textarea id=\"phase-rubric\" name=\"rubric\" rows=\"4\" placeholder=\"method | 방법론 | 2 | 5\"></textarea></label>")
                    .Append(CultureInfo.InvariantCulture, $"<button id=\"phase-submit\">{L(ctx, "create")}</button></form>");
            }

            return Page(ctx, L(ctx, "leaderboard"), sb.ToString());
        });
        app.MapPost("/leaderboard", async (HttpContext ctx, LeaderboardService s) =>
        {
            var user = ctx.RequireUser();
            if (!user.IsOperator)
            {
                throw HubException.Forbidden($"only operators define phases; you are signed in as {user.Role}.");
            }

            var form = await Pages.ReadFormAsync(ctx).ConfigureAwait(false);
            var criteria = PhaseRanking.Phase1Scheme.Select(c => new PhaseCriterion(c.Name, Number(form["points-" + c.Name], "points-" + c.Name, c.Points))).ToArray();
            var req = new NewPhase(
                form["name"].ToString(),
                (int)Number(form["year"], "year", 2026),
                Date(form["opens"], "opens"),
                Date(form["closes"], "closes"),
                (int)Number(form["eliminate"], "eliminate", 0),
                [.. Lines(form["teams"], "teams", 3, 3).Select(f => new NewPhaseTeam((long)Number(f[0], "teams", 0), f[1], f[2]))],
                [.. Lines(form["benchmarks"], "benchmarks", 3, 5).Select(f => new NewPhaseBenchmark(f[0], f[1], Number(f[2], "benchmarks", 0), null,
                    f.Length > 3 && f[3].Length > 0 ? (long)Number(f[3], "benchmarks", 0) : null, f.Length > 4 && f[4] == "sealed"))],
                [.. Lines(form["rubric"], "rubric", 4, 4).Select(f => new NewRubricItem(f[0], f[1], Number(f[2], "rubric", 0), Number(f[3], "rubric", 0)))],
                criteria);
            var phase = await s.CreatePhaseAsync(user, req).ConfigureAwait(false);
            return Results.Redirect($"/leaderboard/{phase.Phase.Id}");
        });

        app.MapGet("/leaderboard/{id:long}", async (HttpContext ctx, long id, LeaderboardService s) =>
        {
            var user = ctx.User();
            var phase = await s.RequireAsync(id).ConfigureAwait(false);
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"<p id=\"phase-state\" class=\"state\">{L(ctx, "state." + phase.Phase.State)}</p><p>{L(ctx, "window")}: {Day(phase.Phase.OpensAt)} – {Day(phase.Phase.ClosesAt)} · {L(ctx, "eliminate")}: {phase.Config.Eliminate}</p>");
            sb.Append(CultureInfo.InvariantCulture, $"<p>{string.Join(" · ", phase.Config.Criteria.Select(c => $"{L(ctx, "criterion." + c.Name)} {c.Points:0.##}"))}</p>");
            sb.Append(CultureInfo.InvariantCulture, $"<h2>{L(ctx, "suite")}</h2><table id=\"suite\"><tr><th>{L(ctx, "benchmark")}</th><th>{L(ctx, "kind")}</th><th>{L(ctx, "baseline")}</th></tr>");
            foreach (var b in phase.Benchmarks)
            {
                var owner = b.TeamOrganisationId is { } o ? " (" + E(phase.Teams.FirstOrDefault(t => t.OrganisationId == o)?.Name) + ")" : "";
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(b.Name)}{(b.Sealed ? " 🔒" : "")}</td><td>{L(ctx, "kind." + b.Kind)}{owner}</td><td>{b.RandomBaseline:0.###}</td></tr>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"</table><h2>{L(ctx, "teams")}</h2><table id=\"teams\"><tr><th>{L(ctx, "team")}</th><th>{L(ctx, "model")}</th><th>{L(ctx, "reference")}</th></tr>");
            foreach (var t in phase.Teams)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(t.Name)}</td><td>{E(t.Model)}</td><td>{E(t.ReferenceModel)}</td></tr>");
            }

            sb.Append("</table>");
            if (user is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<p class=\"links\"><a id=\"link-team\" href=\"/leaderboard/{id}/team\">{L(ctx, "team.page")}</a> · <a id=\"link-review\" href=\"/leaderboard/{id}/review\">{L(ctx, "review.page")}</a> · <a id=\"link-vote\" href=\"/leaderboard/{id}/vote\">{L(ctx, "vote.page")}</a></p>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<h2>{L(ctx, "ranking")}</h2>");
            if (phase.IsPublished || user?.IsOperator == true)
            {
                try
                {
                    var json = await s.VisibleResultAsync(user, id).ConfigureAwait(false);
                    Ranking(ctx, sb, JsonSerializer.Deserialize<PhaseResult>(json, LeaderboardService.s_json)!);
                    sb.Append(CultureInfo.InvariantCulture, $"<p><a id=\"export-csv\" href=\"/api/leaderboard/phases/{id}/results.csv\">CSV</a> · <a id=\"export-json\" href=\"/api/leaderboard/phases/{id}/results\">JSON</a></p>");
                }
                catch (HubException ex) when (ex.Kind == HubErrorKind.Conflict)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<p id=\"incomplete\" class=\"error\">{E(ex.Message)}</p>");
                }

                if (user?.IsOperator == true && !phase.IsPublished)
                {
                    sb.Append(Pages.ActionForm(ctx, $"/leaderboard/{id}/publish", L(ctx, "publish"), "publish"));
                }
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"<p id=\"not-published\">{L(ctx, "not.published")}</p>");
            }

            return Page(ctx, phase.Phase.Name, sb.ToString());
        });
        app.MapPost("/leaderboard/{id:long}/publish", async (HttpContext ctx, long id, LeaderboardService s) =>
        {
            var user = ctx.RequireUser();
            await Pages.ReadFormAsync(ctx).ConfigureAwait(false);
            await s.PublishAsync(user, id).ConfigureAwait(false);
            return Results.Redirect($"/leaderboard/{id}");
        });

        app.MapGet("/leaderboard/{id:long}/team", async (HttpContext ctx, long id, long? organisationId, LeaderboardService s) =>
        {
            var view = await s.TeamViewAsync(ctx.RequireUser(), id, organisationId).ConfigureAwait(false);
            var jobs = await s.JobsAsync(ctx.RequireUser(), id, view.Team.OrganisationId).ConfigureAwait(false);
            var phase = await s.RequireAsync(id).ConfigureAwait(false);
            var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<p>{L(ctx, "model")}: {E(view.Team.Model)} · {L(ctx, "reference")}: {E(view.Team.ReferenceModel)}</p>");
            if (view.Standing is { } st)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<p id=\"my-standing\">#{st.Rank} · {st.Points:0.0} [{st.Low:0.0}, {st.High:0.0}] · {L(ctx, "decision." + st.Decision)}</p>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<h2>{L(ctx, "runs")}</h2><table id=\"my-runs\"><tr><th>{L(ctx, "benchmark")}</th><th>{L(ctx, "role")}</th><th>{L(ctx, "items")}</th><th>SHA-256</th><th>{L(ctx, "uploaded")}</th></tr>");
            foreach (var r in view.Runs)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(phase.Benchmarks.FirstOrDefault(b => b.Id == r.BenchmarkId)?.Name)}</td><td>{L(ctx, "role." + r.Role)}</td><td>{r.ItemCount:N0}</td><td><code>{r.Sha256[..12]}</code></td><td>{Day(r.UploadedAt)}</td></tr>");
            }

            sb.Append("</table>");
            if (view.Sealed.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<h2>{L(ctx, "sealed")}</h2><table id=\"my-sealed\"><tr><th>{L(ctx, "role")}</th><th>{L(ctx, "ladder")}</th><th>{L(ctx, "items")}</th></tr>");
                foreach (var f in view.Sealed)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{L(ctx, "role." + f.Role)}</td><td>{f.Shown:0.00}</td><td>{f.Items:N0}</td></tr>");
                }

                sb.Append("</table>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<h2>{L(ctx, "contamination")}</h2><p>{L(ctx, "contamination.what")}</p>");
            if (view.Contamination.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<table id=\"my-contamination\"><tr><th>{L(ctx, "benchmark")}</th><th>{L(ctx, "corpora")}</th><th>n-gram</th><th>{L(ctx, "contaminated")}</th><th>{L(ctx, "checked")}</th></tr>");
                foreach (var c in view.Contamination)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(c.Benchmark)}</td><td>{E(string.Join(", ", c.Corpora))}</td><td>{c.N} {E(c.Unit)}</td><td>{c.Contaminated:N0} / {c.Checked:N0} ({c.Share:P1})</td><td>{Day(c.CheckedAt)}</td></tr>");
                }

                sb.Append("</table>");
            }

            if (jobs.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<table id=\"my-jobs\"><tr><th>{L(ctx, "job")}</th><th>{L(ctx, "job.status")}</th><th>{L(ctx, "job.progress")}</th><th>{L(ctx, "job.error")}</th></tr>");
                foreach (var j in jobs)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<tr><td>#{j.Id} {E(j.Kind)}</td><td class=\"job-{E(j.Status)}\">{E(j.Status)}</td><td>{j.Done:N0} / {j.Total:N0}</td><td>{E(j.Error)}</td></tr>");
                }

                sb.Append("</table>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<h2>{L(ctx, "independence")}</h2><p>{L(ctx, "independence.what")}</p>");
            if (view.Independence is { } audit)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<p id=\"my-independence\"><strong>{E(audit.Verdict)}</strong>: {E(audit.Reason)} ({E(audit.Candidate)}, {Day(audit.CheckedAt)})</p>");
            }

            if (!phase.IsPublished)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/leaderboard/{id}/corpora{(organisationId is { } o ? $"?organisationId={o}" : "")}\" class=\"card\" id=\"corpora-form\">{Csrf(ctx)}<label>{L(ctx, "corpora.declare")} <input name=\"corpora\" id=\"corpora\" value=\"{E(string.Join(' ', view.Contamination.SelectMany(c => c.Corpora).Select(c => c.Split('@')[0]).Distinct(StringComparer.Ordinal)))}\"></label><button id=\"corpora-check\">{L(ctx, "corpora.check")}</button></form>");
            }

            if (view.Shares.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<h2>{L(ctx, "shares")}</h2><table id=\"my-shares\"><tr><th>{L(ctx, "benchmark")}</th><th>{L(ctx, "items")}</th><th>{L(ctx, "share")}</th><th>95% CI</th></tr>");
                foreach (var b in view.Shares)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(b.Benchmark)}</td><td>{b.Items:N0}</td><td>{b.Share:P1}</td><td>[{b.Low:P1}, {b.High:P1}]</td></tr>");
                }

                sb.Append("</table>");
            }

            return Page(ctx, $"{view.Team.Name} · {phase.Phase.Name}", sb.ToString());
        });

        app.MapGet("/leaderboard/{id:long}/review", async (HttpContext ctx, long id, LeaderboardService s) =>
        {
            var user = ctx.RequireUser();
            var phase = await s.RequireAsync(id).ConfigureAwait(false);
            var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<p>{L(ctx, "review.blind")}</p>");
            foreach (var r in await s.ReviewsAsync(user, id).ConfigureAwait(false))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<section class=\"card\" id=\"review-{E(r.Code)}\"><h2>{E(r.Code)} · {E(r.Title)}</h2><pre class=\"report\">{E(r.Body)}</pre>")
                    .Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/leaderboard/{id}/review/{Uri.EscapeDataString(r.Code)}\">{Csrf(ctx)}");
                foreach (var item in phase.Rubric)
                {
                    var value = r.Scores.TryGetValue(item.Code, out var v) ? v.ToString(CultureInfo.InvariantCulture) : "";
                    sb.Append(CultureInfo.InvariantCulture, $"<label>{E(item.Title)} (0–{item.MaxPoints:0.##}, ×{item.Weight:0.##}) <input id=\"score-{E(r.Code)}-{E(item.Code)}\" name=\"score-{E(item.Code)}\" value=\"{value}\" inputmode=\"decimal\" required></label>");
                }

                sb.Append(CultureInfo.InvariantCulture, $"<button id=\"review-submit-{E(r.Code)}\">{L(ctx, "save")}</button></form></section>");
            }

            return Page(ctx, $"{L(ctx, "review.page")} · {phase.Phase.Name}", sb.ToString());
        });
        app.MapPost("/leaderboard/{id:long}/review/{code}", async (HttpContext ctx, long id, string code, LeaderboardService s) =>
        {
            var user = ctx.RequireUser();
            var form = await Pages.ReadFormAsync(ctx).ConfigureAwait(false);
            var scores = form.Keys.Where(k => k.StartsWith("score-", StringComparison.Ordinal))
                .ToDictionary(k => k["score-".Length..], k => Number(form[k], k, double.NaN), StringComparer.Ordinal);
            await s.ScoreReportAsync(user, id, code, scores).ConfigureAwait(false);
            return Results.Redirect($"/leaderboard/{id}/review");
        });

        app.MapPost("/leaderboard/{id:long}/corpora", async (HttpContext ctx, long id, long? organisationId, LeaderboardService s) =>
        {
            var user = ctx.RequireUser();
            var form = await Pages.ReadFormAsync(ctx).ConfigureAwait(false);
            var corpora = form["corpora"].ToString().Split([' ', ',', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
            await s.DeclareCorporaAsync(user, id, new CorporaRequest(corpora, organisationId)).ConfigureAwait(false);
            return Results.Redirect($"/leaderboard/{id}/team{(organisationId is { } o ? $"?organisationId={o}" : "")}");
        });
        app.MapGet("/leaderboard/{id:long}/vote", async (HttpContext ctx, long id, LeaderboardService s) =>
        {
            var battle = await s.BattleAsync(ctx.RequireUser(), id).ConfigureAwait(false);
            var ratings = string.Concat(Enumerable.Range(1, 5).Select(i => $"<option value=\"{i}\">{i}</option>"));
            var body = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<p>{L(ctx, "vote.blind")}</p><section class=\"card\"><h2>{L(ctx, "prompt")}</h2><pre id=\"battle-prompt\">{E(battle.Prompt)}</pre></section>")
                .Append(CultureInfo.InvariantCulture, $"<div class=\"battle\"><section class=\"card\"><h2>A</h2><pre id=\"answer-a\">{E(battle.AnswerA)}</pre></section><section class=\"card\"><h2>B</h2><pre id=\"answer-b\">{E(battle.AnswerB)}</pre></section></div>")
                .Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/leaderboard/{id}/vote/{battle.Token}\" class=\"card\" id=\"vote-form\">{Csrf(ctx)}")
                .Append(CultureInfo.InvariantCulture, $"<label>{L(ctx, "rating")} A <select id=\"rating-a\" name=\"ratingA\"><option value=\"\">–</option>{ratings}</select></label>")
                .Append(CultureInfo.InvariantCulture, $"<label>{L(ctx, "rating")} B <select id=\"rating-b\" name=\"ratingB\"><option value=\"\">–</option>{ratings}</select></label>")
                .Append(CultureInfo.InvariantCulture, $"<button name=\"choice\" value=\"a\" id=\"vote-a\">{L(ctx, "vote.a")}</button><button name=\"choice\" value=\"tie\" id=\"vote-tie\">{L(ctx, "vote.tie")}</button><button name=\"choice\" value=\"b\" id=\"vote-b\">{L(ctx, "vote.b")}</button></form>");
            return Page(ctx, L(ctx, "vote.page"), body.ToString());
        });
        app.MapPost("/leaderboard/{id:long}/vote/{token}", async (HttpContext ctx, long id, string token, LeaderboardService s) =>
        {
            var user = ctx.RequireUser();
            var form = await Pages.ReadFormAsync(ctx).ConfigureAwait(false);
            int? Rating(string field) => string.IsNullOrEmpty(form[field]) ? null : (int)Number(form[field], field, 0);
            try
            {
                await s.VoteAsync(user, id, token, form["choice"].ToString(), Rating("ratingA"), Rating("ratingB")).ConfigureAwait(false);
            }
            catch (VoteQueueFullException ex)
            {
                ctx.Response.Headers.RetryAfter = VoteBatcher.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return Page(ctx, L(ctx, "vote.page"), $"<p class=\"error\" id=\"error\">{E(ex.Message)}</p>", 503);
            }

            return Results.Redirect($"/leaderboard/{id}/vote?voted=1");
        });
    }

    private static void Ranking(HttpContext ctx, StringBuilder sb, PhaseResult r)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<table id=\"standings\"><thead><tr><th>#</th><th>{L(ctx, "team")}</th><th>{L(ctx, "points")}</th><th>95% CI</th>");
        foreach (var c in r.Criteria.Where(c => c.Points > 0))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<th>{L(ctx, "criterion." + c.Name)} ({c.Points:0.##})</th>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<th>{L(ctx, "decision")}</th><th>{L(ctx, "reason")}</th></tr></thead><tbody>");
        foreach (var s in r.Standings)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr id=\"standing-{s.OrganisationId}\"><td>{s.Rank}</td><td class=\"team\">{E(s.Team)}</td><td>{s.Points:0.0}</td><td>[{s.Low:0.0}, {s.High:0.0}]</td>");
            foreach (var c in r.Criteria.Where(c => c.Points > 0))
            {
                var p = c.Name switch { PhaseScoring.Benchmark => s.BenchmarkPoints, PhaseScoring.Expert => s.ExpertPoints, _ => s.UserPoints };
                sb.Append(CultureInfo.InvariantCulture, $"<td>{p:0.0}</td>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<td class=\"decision\">{L(ctx, "decision." + s.Decision)}</td><td class=\"reason\">{E(s.Reason)}</td></tr>");
        }

        sb.Append("</tbody></table>");
        if (r.Expert.Teams.Count > 0)
        {
            var alpha = r.Expert.Alpha is { } a ? a.ToString("0.00", CultureInfo.InvariantCulture) : "–";
            sb.Append(CultureInfo.InvariantCulture, $"<p id=\"alpha\">Krippendorff α = {alpha} · {L(ctx, "outliers")}: {r.Expert.Outliers.Count}</p>");
        }

        if (r.User.Teams.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<table id=\"user-ratings\"><tr><th>{L(ctx, "team")}</th><th>Bradley–Terry</th><th>95% CI</th><th>{L(ctx, "battles")}</th><th>{L(ctx, "rating")}</th></tr>");
            foreach (var u in r.User.Teams)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(u.Team)}</td><td>{u.Rating:0}</td><td>[{u.Low:0}, {u.High:0}]</td><td>{u.Battles}</td><td>{(u.MeanRating is { } m ? m.ToString("0.00", CultureInfo.InvariantCulture) : "–")} ({u.Ratings})</td></tr>");
            }

            sb.Append("</table>");
        }
    }

    private static string Day(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double Number(string? s, string field, double fallback)
    {
        if (string.IsNullOrWhiteSpace(s))
        {
            return double.IsNaN(fallback) ? throw HubException.Invalid($"{field}: a number is required.") : fallback;
        }

        return double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && Math.Abs(v) < 1e12
            ? v
            : throw HubException.Invalid($"{field}: '{(s.Length > 40 ? s[..40] + "…" : s)}' is not a number.");
    }

    private static DateTimeOffset Date(string? s, string field) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : throw HubException.Invalid($"{field}: give a date as YYYY-MM-DD.");

    /// <summary>Lines of <c>a | b | c</c> fields; each line needs <paramref name="min"/> to <paramref name="max"/> fields.</summary>
    private static IEnumerable<string[]> Lines(string? text, string field, int min, int max)
    {
        var lines = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var f = lines[i].Split('|', StringSplitOptions.TrimEntries);
            if (f.Length < min || f.Length > max)
            {
                throw HubException.Invalid($"{field} line {i + 1}: expected {min}{(max > min ? $" to {max}" : "")} fields separated by '|', found {f.Length}.");
            }

            yield return f;
        }
    }

    private static string L(HttpContext ctx, string key) =>
        s_text.TryGetValue(key, out var pair) ? (Lang(ctx) == "en" ? pair.En : pair.Ko) : key;

    private static readonly Dictionary<string, (string Ko, string En)> s_text = new(StringComparer.Ordinal)
    {
        ["leaderboard"] = ("리더보드", "Leaderboard"),
        ["phase"] = ("평가 단계", "Phase"),
        ["phase.new"] = ("새 평가 단계", "New phase"),
        ["year"] = ("연도", "Year"),
        ["window"] = ("제출 기간", "Submission window"),
        ["opens"] = ("시작일", "Opens"),
        ["closes"] = ("마감일", "Closes"),
        ["state"] = ("상태", "State"),
        ["state.open"] = ("진행 중", "open"),
        ["state.published"] = ("결과 공개", "published"),
        ["eliminate"] = ("탈락 팀 수", "Teams to eliminate"),
        ["criterion.benchmark"] = ("벤치마크", "Benchmarks"),
        ["criterion.expert"] = ("전문가 평가", "Expert review"),
        ["criterion.user"] = ("사용자 평가", "User evaluation"),
        ["teams.lines"] = ("참가팀 (기관 ID | 모델 | 기준 모델, 한 줄에 하나)", "Teams (organisation id | model | reference model, one a line)"),
        ["benchmarks.lines"] = ("벤치마크 (이름 | programme/common/team | 무작위 기준 점수 | 팀 기관 ID | sealed)", "Benchmarks (name | programme/common/team | random baseline | team organisation id | sealed)"),
        ["rubric.lines"] = ("평가 항목 (코드 | 제목 | 가중치 | 만점)", "Rubric (code | title | weight | maximum points)"),
        ["create"] = ("만들기", "Create"),
        ["suite"] = ("벤치마크 구성", "Benchmark suite"),
        ["benchmark"] = ("벤치마크", "Benchmark"),
        ["kind"] = ("유형", "Kind"),
        ["kind.programme"] = ("사업 벤치마크", "programme"),
        ["kind.common"] = ("공통 글로벌 벤치마크", "common global"),
        ["kind.team"] = ("팀 선택", "team-chosen"),
        ["baseline"] = ("무작위 기준", "Random baseline"),
        ["teams"] = ("참가팀", "Teams"),
        ["team"] = ("팀", "Team"),
        ["model"] = ("모델", "Model"),
        ["reference"] = ("기준 모델", "Reference model"),
        ["ranking"] = ("순위", "Ranking"),
        ["points"] = ("총점", "Points"),
        ["decision"] = ("결정", "Decision"),
        ["decision.advance"] = ("진출", "advance"),
        ["decision.eliminate"] = ("탈락", "eliminated"),
        ["decision.tie"] = ("동률 (신뢰구간 중첩)", "tie (intervals overlap)"),
        ["reason"] = ("사유", "Reason"),
        ["publish"] = ("결과 공개", "Publish"),
        ["not.published"] = ("아직 결과가 공개되지 않았습니다.", "The ranking is not published yet."),
        ["team.page"] = ("우리 팀", "Our team"),
        ["review.page"] = ("전문가 평가", "Expert review"),
        ["vote.page"] = ("사용자 평가 (블라인드 비교)", "User evaluation (blind battle)"),
        ["runs"] = ("등록한 평가 실행", "Registered runs"),
        ["role"] = ("구분", "Role"),
        ["role.model"] = ("우리 모델", "our model"),
        ["role.reference"] = ("기준 모델", "reference model"),
        ["items"] = ("문항 수", "Items"),
        ["uploaded"] = ("등록일", "Uploaded"),
        ["sealed"] = ("비공개 문항 (Ladder 점수)", "Sealed items (Ladder score)"),
        ["ladder"] = ("표시 점수", "Shown score"),
        ["shares"] = ("기준 모델 대비 성능", "Share of the reference model"),
        ["share"] = ("비율", "Share"),
        ["review.blind"] = ("보고서는 팀 이름 없이 코드로만 표시됩니다. 각 항목의 점수를 입력하세요.", "Reports are shown by code only, without the team. Enter a score for each item."),
        ["save"] = ("저장", "Save"),
        ["vote.blind"] = ("두 답변의 모델은 결과 공개 전까지 공개되지 않습니다. 더 나은 답변을 고르세요.", "The models behind the two answers stay hidden until the results are published. Pick the better answer."),
        ["prompt"] = ("질문", "Prompt"),
        ["rating"] = ("절대 평가 (1–5)", "Absolute rating (1–5)"),
        ["vote.a"] = ("A가 더 좋음", "A is better"),
        ["vote.b"] = ("B가 더 좋음", "B is better"),
        ["vote.tie"] = ("비슷함", "Tie"),
        ["battles"] = ("비교 수", "Battles"),
        ["contamination"] = ("오염 검사 (봉인 문항)", "Contamination (sealed items)"),
        ["independence"] = ("독자성 검사", "Independence audit"),
        ["independence.what"] = ("팀이 제출한 모델 지문(가중치·토크나이저)을 운영자가 등록한 공개 체크포인트와 비교합니다. 판정(derived, tokenizer-shared, independent)은 점수 옆에 공개됩니다.", "The team's model fingerprint (weights and tokenizer) is compared with the open checkpoints the operator registered; the verdict (derived, tokenizer-shared, independent) is shown beside the score."),
        ["contamination.what"] = ("팀이 학습에 쓴 것으로 신고한 허브 말뭉치에서 봉인 문항의 n-gram을 찾습니다. 결과는 점수 옆에 공개됩니다.", "The hub corpora the team declares it trained on are scanned for the sealed items' n-grams; the result is shown beside the score."),
        ["corpora"] = ("신고 말뭉치", "Declared corpora"),
        ["job"] = ("작업", "Job"),
        ["job.status"] = ("상태", "Status"),
        ["job.progress"] = ("진행", "Progress"),
        ["job.error"] = ("오류", "Error"),
        ["contaminated"] = ("오염 문항", "Contaminated items"),
        ["checked"] = ("검사일", "Checked"),
        ["corpora.declare"] = ("학습 말뭉치 (카탈로그 슬러그, 공백으로 구분)", "Training corpora (catalogue slugs, space-separated)"),
        ["corpora.check"] = ("신고하고 검사", "Declare and check"),
        ["outliers"] = ("이상치 평가", "outlier reviews"),
    };
}
