using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Moa.Evaluation.Leaderboard;
using Moa.Hub;
using Moa.Hub.Accounts;
using Moa.Hub.Leaderboard;
using Moa.Hub.Programme;
using Moa.Hub.Web;

namespace Moa.Bench.Leaderboard;

/// <summary>
/// Leaderboard measurements (bench/leaderboard.sh): a full phase recompute from raw data at the programme's largest
/// shape, and the battle page under many concurrent voters on loopback.
/// </summary>
internal static partial class LeaderboardBench
{
    /// <summary>
    /// 5 teams × 20 benchmarks × 10,000 items (model and reference runs), 3 reviewers × 4 rubric items, 5,000 battles;
    /// 1,000 bootstrap resamples. Times decoding the stored item lists (as the hub stores them) and the computation.
    /// </summary>
    public static int Recompute(int rounds)
    {
        const int Teams = 5, Benchmarks = 20, Items = 10_000;
        var rng = new Random(11);
        var teams = Enumerable.Range(1, Teams).Select(i => new ScoringTeam(i, $"team-{i}", $"m{i}", "ref")).ToArray();
        var benches = Enumerable.Range(1, Benchmarks).Select(i => new PhaseBenchmark { Id = i, Name = $"bench-{i}", Kind = BenchmarkKinds.Common, RandomBaseline = 0.25 }).ToArray();
        var stored = new List<(long Bench, long Org, string Role, string Json)>();
        foreach (var b in benches)
        {
            var ids = Enumerable.Range(0, Items).Select(i => $"{b.Name}-{i:D5}").ToArray();
            var reference = ids.Select(_ => rng.NextDouble() < 0.8 ? 1.0 : 0.0).ToArray();
            foreach (var t in teams)
            {
                var q = 0.5 + (0.05 * t.OrganisationId);
                stored.Add((b.Id, t.OrganisationId, RunRoles.Reference, JsonSerializer.Serialize(new { ids, scores = reference })));
                stored.Add((b.Id, t.OrganisationId, RunRoles.Model, JsonSerializer.Serialize(new { ids, scores = ids.Select(_ => rng.NextDouble() < q ? 1.0 : 0.0).ToArray() })));
            }
        }

        var rubric = Enumerable.Range(1, 4).Select(i => new RubricItem { Code = $"r{i}", Title = $"r{i}", Weight = i, MaxPoints = 5 }).ToArray();
        var reviews = (from t in teams from r in Enumerable.Range(1, 3) from x in rubric select new ScoringReview(100 + r, t.OrganisationId, x.Code, rng.Next(0, 6))).ToList();
        var battles = Enumerable.Range(0, 5000).Select(_ =>
        {
            var a = rng.Next(1, Teams + 1);
            var b = ((a + rng.Next(0, Teams - 1)) % Teams) + 1;
            return new ScoringBattle(a, b, (BattleOutcome)rng.Next(0, 3), rng.Next(50, 800), rng.Next(50, 800));
        }).ToList();
        var config = new PhaseConfig(PhaseRanking.Phase1Scheme, 1);
        Console.WriteLine($"leaderboard-recompute: {Teams} teams x {Benchmarks} benchmarks x {Items:N0} items (model + reference runs), {reviews.Count} review scores, {battles.Count:N0} battles, {config.Resamples} resamples, {Environment.ProcessorCount} cores");
        string? first = null;
        var times = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var sw = Stopwatch.StartNew();
            var runs = new ScoringRun[stored.Count];
            Parallel.For(0, stored.Count, i =>
            {
                var (bench, org, role, json) = stored[i];
                var items = JsonSerializer.Deserialize<StoredItems>(json, s_web)!;
                runs[i] = new ScoringRun(bench, org, role, items.Ids, items.Scores);
            });
            var decoded = sw.Elapsed.TotalMilliseconds;
            var result = PhaseScoring.Compute(new ScoringInput(1, "bench", config, teams, benches, rubric, runs, reviews, battles, []));
            var json = LeaderboardService.ResultJson(result);
            sw.Stop();
            first ??= json;
            if (json != first)
            {
                Console.Error.WriteLine("leaderboard-recompute: a recompute gave different output");
                return 1;
            }

            times.Add(sw.Elapsed.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round + 1}: {sw.Elapsed.TotalMilliseconds:0} ms (decode {decoded:0} ms, compute + JSON {sw.Elapsed.TotalMilliseconds - decoded:0} ms); winner {result.Standings[0].Team}"));
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"leaderboard-recompute: median {times[times.Count / 2]:0} ms over {rounds} rounds (first round included; output identical every round)"));
        return 0;
    }

    /// <summary>
    /// An in-process hub on loopback (SQLite) with a phase of two teams and 20 answered prompts; <paramref name="voters"/>
    /// voters each load the battle page and vote through the API, concurrently, for <paramref name="seconds"/> seconds.
    /// </summary>
    public static async Task<int> BattleLoad(int voters, int seconds, bool separate = false)
    {
        var dir = Path.Combine(Path.GetTempPath(), "moa-battle-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            var db = await HubBootstrap.OpenAsync("sqlite:" + Path.Combine(dir, "hub.db"));
            var options = new HubOptions { DataDirectory = dir };
            var accounts = new AccountService(db, TimeProvider.System, options);
            await accounts.EnsureOperatorAsync("operator@bench.local", "bench-operator-password-1");
            var op = await accounts.SignInAsync("operator@bench.local", "bench-operator-password-1", "127.0.0.1");
            var programme = new ProgrammeService(db, TimeProvider.System, options);
            var provider = await programme.CreateOrganisationAsync(op, "voters", "124-81-00998", "company");
            var teamA = await programme.CreateOrganisationAsync(op, "team a", "214-86-18758", "team");
            var teamB = await programme.CreateOrganisationAsync(op, "team b", "138-81-43453", "team");
            var lb = new LeaderboardService(db, TimeProvider.System);
            var phase = await lb.CreatePhaseAsync(op, new NewPhase("bench", 2026, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), 0,
                [new(teamA.Id, "a", "ref"), new(teamB.Id, "b", "ref")], [new("kmmlu", "common", 0.25)], [new("m", "m", 1, 5)]));
            var id = phase.Phase.Id;
            var prompts = await lb.AddPromptsAsync(op, id, [.. Enumerable.Range(0, 20).Select(i => $"질문 {i}: 한국어로 짧게 답하세요.")]);
            foreach (var (org, tag) in new[] { (teamA, "A"), (teamB, "B") })
            {
                var member = await accounts.CreateUserAsync(op, $"{tag}@bench.local", tag, HubRoles.Team, "bench-team-password-1", org.Id);
                await lb.SubmitAnswersAsync(member, id, [.. prompts.Select(p => new PromptAnswer(p, $"[{tag}] " + new string('답', 200 + (int)(p % 7 * 40))))]);
            }

            // One password hash (PBKDF2, deliberately slow) copied to every voter account: setup, not what is measured.
            var tokens = new string[voters];
            var first = await accounts.CreateUserAsync(op, "voter0@bench.local", "voter 0", HubRoles.Provider, "bench-voter-password-1", provider.Id);
            await db.WriteAsync(async (conn, tx) =>
            {
                for (var i = 1; i < voters; i++)
                {
                    await Dapper.SqlMapper.ExecuteAsync(conn, "INSERT INTO users (email, display_name, password_hash, role, organisation_id, created_at) SELECT @email, @name, password_hash, role, organisation_id, created_at FROM users WHERE id = @id",
                        new { email = $"voter{i}@bench.local", name = $"voter {i}", id = first.Id }, tx);
                }

                return 0;
            });
            await using (var conn = await db.OpenAsync())
            {
                for (var i = 0; i < voters; i++)
                {
                    var userId = await Dapper.SqlMapper.ExecuteScalarAsync<long>(conn, "SELECT id FROM users WHERE email = @email", new { email = $"voter{i}@bench.local" });
                    var u = new HubUser(userId, $"voter{i}@bench.local", $"voter {i}", HubRoles.Provider, provider.Id);
                    tokens[i] = (await accounts.IssueTokenAsync(u, "bench", TokenScopes.All, TimeSpan.FromDays(1))).Token;
                }
            }

            await using var app = HubApp.Build(db, options, "http://127.0.0.1:0", TimeProvider.System, l => l.SetMinimumLevel(LogLevel.Warning));
            await app.StartAsync();
            var baseUrl = app.Urls.First();
            var warmSeconds = Math.Min(5, seconds / 4.0);
            var warm = DateTime.UtcNow.AddSeconds(warmSeconds);
            var end = DateTime.UtcNow.AddSeconds(seconds);
            Console.WriteLine($"battle-load: {voters} concurrent voters for {seconds} s on {baseUrl} (hub in this process, SQLite; load generator {(separate ? "in a separate process at nice 10" : "in this process")}), {Environment.ProcessorCount} cores; first {warmSeconds:0} s are warm-up");

            // Server-side latency (ASP.NET Core's own request duration, from routing to the response written): what the
            // hub spends, without the load generator's share of the same 2 cores. Recorded after the warm-up only.
            var serverPages = new List<double>();
            var serverVotes = new List<double>();
            using var listener = new MeterListener();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Microsoft.AspNetCore.Hosting" && instrument.Name == "http.server.request.duration")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
            {
                if (DateTime.UtcNow <= warm)
                {
                    return;
                }

                string? route = null;
                foreach (var tag in tags)
                {
                    if (tag.Key == "http.route")
                    {
                        route = tag.Value as string;
                    }
                }

                var list = route switch
                {
                    "/leaderboard/{id:long}/vote" => serverPages,
                    "/api/leaderboard/phases/{id:long}/battles/{token}/vote" => serverVotes,
                    _ => null,
                };
                if (list is not null)
                {
                    lock (list)
                    {
                        list.Add(value * 1000);
                    }
                }
            });
            listener.Start();
            var gcAtWarm = Task.Run(async () =>
            {
                var wait = warm - DateTime.UtcNow;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                return (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            });

            int errors;
            if (separate)
            {
                var spec = Path.Combine(dir, "drive.json");
                await File.WriteAllTextAsync(spec, JsonSerializer.Serialize(new DriveSpec(baseUrl, id, tokens, warm, end), s_web));
                var host = Environment.ProcessPath!;
                var psi = new ProcessStartInfo("nice") { RedirectStandardOutput = true, UseShellExecute = false };
                foreach (var a in new[] { "-n", "10", host })
                {
                    psi.ArgumentList.Add(a);
                }

                if (Path.GetFileNameWithoutExtension(host) == "dotnet")
                {
                    psi.ArgumentList.Add(typeof(LeaderboardBench).Assembly.Location);
                }

                psi.ArgumentList.Add("battle-drive");
                psi.ArgumentList.Add(spec);
                using var child = Process.Start(psi)!;
                var output = await child.StandardOutput.ReadToEndAsync();
                await child.WaitForExitAsync();
                Console.Write(output);
                errors = child.ExitCode == 0 ? 0 : 1;
            }
            else
            {
                var (pages, votes, clientErrors) = await DriveAsync(baseUrl, id, tokens, warm, end);
                Console.WriteLine("  client side (load generator in this process, sharing the cores):");
                Report("battle page (GET /leaderboard/{id}/vote)", pages, (end - warm).TotalSeconds);
                Report("vote (POST .../battles/{b}/vote)", votes, (end - warm).TotalSeconds);
                Console.WriteLine($"  client errors: {clientErrors}");
                errors = clientErrors;
            }

            var stopped = DateTime.UtcNow;
            var gcAfter = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            var gcWarm = await gcAtWarm;
            listener.Dispose();
            var batches = app.Services.GetService(typeof(LeaderboardService)) is LeaderboardService svc ? svc.VoteBatches : (0L, 0L);
            await app.StopAsync();
            await db.DisposeAsync();
            var measured = (stopped - warm).TotalSeconds;
            Console.WriteLine("  server side (ASP.NET Core http.server.request.duration):");
            Report("battle page (GET /leaderboard/{id}/vote)", serverPages, measured);
            Report("vote (POST .../battles/{b}/vote)", serverVotes, measured);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  hub GC while measured: gen0 {gcAfter.Item1 - gcWarm.Item1}, gen1 {gcAfter.Item2 - gcWarm.Item2}, gen2 {gcAfter.Item3 - gcWarm.Item3}, pause {(gcAfter.Item4 - gcWarm.Item4).TotalMilliseconds:0} ms in {measured:0} s; vote group commits: {batches.Item2:N0} votes in {batches.Item1:N0} transactions (whole run)"));
            Console.WriteLine($"battle-load: {errors} errors");
            return errors == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private sealed record DriveSpec(string BaseUrl, long PhaseId, string[] Tokens, DateTime Warm, DateTime End);

    /// <summary>The load generator as its own process (<c>battle-drive SPEC</c>, started by <c>battle-load ... separate</c>): drives the hub and reports the client side.</summary>
    public static async Task<int> BattleDrive(string specFile)
    {
        var spec = JsonSerializer.Deserialize<DriveSpec>(await File.ReadAllTextAsync(specFile), s_web)!;
        var (pages, votes, errors) = await DriveAsync(spec.BaseUrl, spec.PhaseId, spec.Tokens, spec.Warm, spec.End);
        Console.WriteLine("  client side (load generator in a separate process at nice 10):");
        Report("battle page (GET /leaderboard/{id}/vote)", pages, (spec.End - spec.Warm).TotalSeconds);
        Report("vote (POST .../battles/{b}/vote)", votes, (spec.End - spec.Warm).TotalSeconds);
        Console.WriteLine($"  client errors: {errors}");
        return errors == 0 ? 0 : 1;
    }

    /// <summary>Each voter loads the battle page and votes through the API until <paramref name="end"/>; latencies after <paramref name="warm"/>.</summary>
    private static async Task<(List<double> Pages, List<double> Votes, int Errors)> DriveAsync(string baseUrl, long id, string[] tokens, DateTime warm, DateTime end)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = tokens.Length * 2, UseCookies = false };
        var pages = new List<double>();
        var votes = new List<double>();
        var errors = 0;
        await Task.WhenAll(Enumerable.Range(0, tokens.Length).Select(async v =>
        {
            using var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(baseUrl) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[v]);
            var localPages = new List<double>();
            var localVotes = new List<double>();
            var localErrors = 0;
            while (DateTime.UtcNow < end)
            {
                var sw = Stopwatch.StartNew();
                using var page = await client.GetAsync($"/leaderboard/{id}/vote");
                var html = await page.Content.ReadAsStringAsync();
                var pageMs = sw.Elapsed.TotalMilliseconds;
                var m = VoteAction().Match(html);
                if (!page.IsSuccessStatusCode || !m.Success)
                {
                    localErrors++;
                    continue;
                }

                sw.Restart();
                using var vote = await client.PostAsJsonAsync($"/api/leaderboard/phases/{id}/battles/{m.Groups[1].Value}/vote", new { choice = v % 3 == 0 ? "tie" : "a", ratingA = 4 });
                var voteMs = sw.Elapsed.TotalMilliseconds;
                if (!vote.IsSuccessStatusCode)
                {
                    localErrors++;
                }

                if (DateTime.UtcNow > warm)
                {
                    localPages.Add(pageMs);
                    localVotes.Add(voteMs);
                }
            }

            lock (pages)
            {
                pages.AddRange(localPages);
                votes.AddRange(localVotes);
                errors += localErrors;
            }
        }));
        return (pages, votes, errors);
    }

    private static void Report(string what, List<double> ms, double measuredSeconds)
    {
        ms.Sort();
        double P(double q) => ms.Count == 0 ? double.NaN : ms[Math.Min(ms.Count - 1, (int)(q * ms.Count))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-44} {ms.Count,7:N0} requests  {ms.Count / measuredSeconds,7:0} req/s  p50 {P(0.50),6:0.0} ms  p99 {P(0.99),6:0.0} ms  max {P(1),6:0.0} ms"));
    }

    [GeneratedRegex("action=\"/leaderboard/\\d+/vote/([A-Za-z0-9_-]+)\"")]
    private static partial Regex VoteAction();

    private static readonly JsonSerializerOptions s_web = new(JsonSerializerDefaults.Web);

    private sealed record StoredItems(string[] Ids, double[] Scores);
}
