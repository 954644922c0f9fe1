using System.CommandLine;
using System.Globalization;
using Moa.Cli.Curate;
using Moa.Curation.Configuration;
using Moa.Curation.Pipeline;
using Moa.Evaluation.Runs;
using Moa.Evaluation.Benchmarks;
using Moa.Evaluation.Benchmarks.Import;
using Moa.Evaluation.Benchmarks.Splitting;
using Moa.Evaluation.Benchmarks.Validation;
using Moa.Evaluation.Contamination;
using Moa.Evaluation.Models;
using Moa.Evaluation.ReferenceModel;
using Moa.Evaluation.Serving;
using Moa.Hub;
using Moa.Hub.Storage;

namespace Moa.Cli.Quickstart;

/// <summary>
/// <c>moa quickstart</c>: runs the example programme in <c>examples/programme</c> end to end on embedded defaults:
/// curation of several providers' files, a benchmark imported, validated and split, a contamination check against
/// the corpus, the n-gram baseline trained on the corpus and evaluated, both registered in the hub, which is then
/// served (unless <c>--no-serve</c>).
/// </summary>
internal static class QuickstartCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output", "-o") { Description = "Where the quickstart writes its results.", DefaultValueFactory = _ => "quickstart-output" };
        var noServe = new Option<bool>("--no-serve") { Description = "Stop after the summary (for scripts and CI) instead of starting the hub." };
        var workers = new Option<int>("--workers", "-w") { Description = "Worker threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var urls = new Option<string>("--urls") { Description = "Where the hub listens.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("quickstart", "Run the example programme end to end: curate, benchmark, evaluate the baseline, register in the hub and serve it.")
        {
            output, noServe, workers, urls,
        };
        command.SetAction(parse => Run(parse.GetValue(output)!, parse.GetValue(workers), parse.GetValue(noServe), parse.GetValue(urls)!));
        return command;
    }

    private static int Run(string root, int workers, bool noServe, string urls)
    {
        var programme = ExamplePaths.Programme();
        var corpus = Path.Combine(root, "corpus");
        Console.WriteLine($"Moa quickstart · 예시 프로그램: {programme}");
        Console.WriteLine();

        Step("1. Curation · 데이터 정제 (moa curate)");
        var config = new CurationConfig();
        config.Input.Provider = "example-programme";
        CurationResult curated;
        using (var progress = new CurationProgressView(quiet: false))
        {
            curated = new CurationRunner().Run(new CurationRequest
            {
                Inputs = [Path.Combine(programme, "providers")],
                OutputDir = corpus,
                Config = config,
                Workers = workers,
                Overwrite = true,
                Progress = progress,
            });
            progress.Finish();
        }

        CurationSummary.Print(curated);

        Step("2. Benchmark · 벤치마크 (moa bench import, validate, split)");
        var benchDir = Path.Combine(root, "benchmarks", "kobest-copa");
        KobestImporter.Import(Path.Combine(programme, "benchmarks", "kobest", "COPA")).Write(benchDir, force: true);
        var benchmark = BenchmarkDataset.Load(benchDir);
        var validation = BenchmarkValidator.Validate(benchmark, new ValidationOptions { Profile = ValidationProfile.Nia2024 });
        Console.WriteLine($"{benchmark.Card.Name}: {benchmark.Items.Count:N0} items in {benchmark.Items.Select(i => i.Subset).Distinct(StringComparer.Ordinal).Count()} sub-item(s)");
        Console.WriteLine($"nia-2024 profile: {(validation.Passed ? "passed" : $"not met ({validation.ErrorCount} error(s))")}");
        foreach (var finding in validation.Findings.Take(3))
        {
            Console.WriteLine($"  {finding.Severity}: {finding.Message}");
        }

        var split = BenchmarkSplitter.Run(benchDir, new SplitOptions(0.1, 2026) { Force = true });
        Console.WriteLine($"split: {split.Manifest.HoldoutIdList.Count:N0} items held out for the leaderboard (10%, seed 2026, forced past the profile as a demonstration)");

        benchmark = BenchmarkDataset.Load(benchDir); // now with its split
        Step("3. Contamination · 오염 검사 (moa bench contamination)");
        var contamination = ContaminationChecker.Run(benchmark, [corpus], new ContaminationOptions());
        Console.WriteLine($"{contamination.Items:N0} items checked against {contamination.Documents:N0} corpus documents ({contamination.N}-grams): {contamination.Contaminated.Count:N0} contaminated");

        Step("4. Baseline evaluation · 기준 모델 평가 (moa serve-model, moa eval)");
        var model = CharNgramModel.Train(CorpusReader.Read(Path.Combine(corpus, "data")), order: 5);
        var runDir = Path.Combine(root, "runs", "ngram-baseline");
        RunResult result;
        using (var cts = new CancellationTokenSource())
        {
            result = EvaluateAsync(model, benchmark, runDir, cts.Token).GetAwaiter().GetResult();
        }

        var overall = result.Scores.Overall;
        foreach (var metric in result.Scores.MetricNames)
        {
            var m = overall.Metrics[metric];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{metric,-9} {m.Mean:0.000} ± {m.StdErr:0.000} (95% CI {m.CiLow:0.000}–{m.CiHigh:0.000}, n={m.Count})"));
        }

        Console.WriteLine($"run: {Path.GetFullPath(runDir)} (a character 5-gram model trained on the curated corpus: near chance, as a baseline should be)");

        Step("5. Hub · 허브 (moa serve)");
        var dbPath = Path.Combine(root, "hub.db");
        var hubData = Path.GetFullPath(Path.Combine(root, "hub-data"));
        var db = HubBootstrap.OpenAsync("sqlite:" + dbPath).GetAwaiter().GetResult();
        try
        {
            return Serve(db, corpus, benchDir, dbPath, hubData, noServe, urls);
        }
        finally
        {
            db.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static int Serve(HubDatabase db, string corpus, string benchDir, string dbPath, string hubData, bool noServe, string urls)
    {
        var dataset = HubBootstrap.RegisterDatasetAsync(db, corpus, "example-corpus", "예시 말뭉치 · Example corpus", "CC0-1.0 (reviews) / KOGL-1 (public data)",
            "The quickstart's curated corpus: movie review threads, a data.go.kr CSV export and public documents.").GetAwaiter().GetResult();
        HubBootstrap.RegisterBenchmarkAsync(db, benchDir, "kobest-copa").GetAwaiter().GetResult();
        Console.WriteLine($"registered dataset example-corpus (version {dataset.Version}) and benchmark kobest-copa in {dbPath}");
        Console.WriteLine();
        Console.WriteLine($"Report · 보고서: {Path.GetFullPath(Path.Combine(corpus, "report.html"))}");
        if (noServe)
        {
            Console.WriteLine($"Hub not started (--no-serve). Browse later with: ./moa serve --db sqlite:{dbPath} --data-dir {hubData}");
            return 0;
        }

        using var signals = CliSignals.Listen();
        HubBootstrap.ServeAsync(db, new HubOptions { DataDirectory = hubData }, urls, Console.Out, signals.Token).GetAwaiter().GetResult();
        return 0;
    }

    private static async Task<RunResult> EvaluateAsync(CharNgramModel model, LoadedBenchmark benchmark, string runDir, CancellationToken cancellationToken)
    {
        await using var server = await ReferenceModelServer.StartAsync(new ReferenceCompletionService(model, "moa-ngram-baseline"), 0, cancellationToken).ConfigureAwait(false);
        if (Directory.Exists(runDir))
        {
            Directory.Delete(runDir, recursive: true);
        }

        var endpoint = new EndpointOptions { BaseUrl = server.BaseUrl.ToString(), Model = "moa-ngram-baseline", Concurrency = 8 };
        using var client = new ModelClient(endpoint, new RequestCache(Path.Combine(runDir, "cache")));
        var publicItems = benchmark.PublicItems;
        return await new EvalRunner(client).RunAsync(
            new EvalInput(benchmark.Card, publicItems, benchmark.ContentHash),
            new EvalOptions { Mode = EvalMode.LogLikelihood },
            runDir,
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static void Step(string title)
    {
        Console.WriteLine();
        Console.WriteLine(title);
    }
}

/// <summary>Finds the repository's <c>examples/</c> folder and other shipped files: <c>MOA_HOME</c> (set by <c>./moa</c>), else above the binary.</summary>
internal static class ExamplePaths
{
    public static string Programme() =>
        InRepository(Path.Combine("examples", "programme"), Directory.Exists)
        ?? throw new MoaException("examples/programme not found: run the quickstart from the Moa repository (./moa quickstart) or set MOA_HOME to the repository folder.");

    /// <summary>The first of MOA_HOME, the binary's folders and the current folder holding <paramref name="relative"/>, or null.</summary>
    public static string? InRepository(string relative, Func<string, bool> exists)
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("MOA_HOME") is { Length: > 0 } home)
        {
            candidates.Add(home);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            candidates.Add(dir.FullName);
        }

        candidates.Add(Directory.GetCurrentDirectory());
        foreach (var c in candidates)
        {
            var path = Path.Combine(c, relative);
            if (exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
