using System.CommandLine;
using Moa.Cli.Curate;
using Moa.Curation.Configuration;
using Moa.Curation.Pipeline;

namespace Moa.Cli.Quickstart;

/// <summary>
/// <c>moa quickstart</c>: runs the example programme in <c>examples/programme</c> end to end on embedded defaults:
/// curation of several providers' files (JSONL reviews with planted duplicates, junk and PII; an EUC-KR CSV
/// export), then prints the summary and where the report is.
/// </summary>
internal static class QuickstartCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output", "-o") { Description = "Where the quickstart writes its results.", DefaultValueFactory = _ => "quickstart-output" };
        var noServe = new Option<bool>("--no-serve") { Description = "Stop after the summary (for scripts and CI) instead of starting the hub." };
        var workers = new Option<int>("--workers", "-w") { Description = "Worker threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("quickstart", "Run the example programme end to end: curate providers' files and show the result.")
        {
            output, noServe, workers,
        };
        command.SetAction(parse =>
        {
            var programme = ExamplePaths.Programme();
            var root = parse.GetValue(output)!;
            var corpus = Path.Combine(root, "corpus");
            Console.WriteLine($"Moa quickstart · 예시 프로그램: {programme}");
            Console.WriteLine();
            Console.WriteLine("1. Curation · 데이터 정제 (moa curate)");
            var config = new CurationConfig();
            config.Input.Provider = "example-programme";
            CurationResult result;
            using (var progress = new CurationProgressView(quiet: false))
            {
                result = new CurationRunner().Run(new CurationRequest
                {
                    Inputs = [Path.Combine(programme, "providers")],
                    OutputDir = corpus,
                    Config = config,
                    Workers = parse.GetValue(workers),
                    Overwrite = true,
                    Progress = progress,
                });
                progress.Finish();
            }

            CurationSummary.Print(result);
            Console.WriteLine();
            Console.WriteLine($"Report · 보고서: {Path.GetFullPath(Path.Combine(corpus, "report.html"))}");
            return 0;
        });
        return command;
    }
}

/// <summary>Finds the repository's <c>examples/</c> folder: <c>MOA_HOME</c> (set by <c>./moa</c>), else above the binary.</summary>
internal static class ExamplePaths
{
    public static string Programme()
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
            var programme = Path.Combine(c, "examples", "programme");
            if (Directory.Exists(programme))
            {
                return programme;
            }
        }

        throw new MoaException("examples/programme not found: run the quickstart from the Moa repository (./moa quickstart) or set MOA_HOME to the repository folder.");
    }
}
