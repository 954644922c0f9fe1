using System.CommandLine;
using Moa.Curation.Configuration;
using Moa.Curation.Pipeline;
using Moa.Curation.Storage;

namespace Moa.Cli.Curate;

/// <summary><c>moa curate</c>: provider files in, a training-ready corpus out.</summary>
internal static class CurateCommand
{
    public static Command Create()
    {
        var input = new Option<string[]>("--input", "-i")
        {
            Description = "Input files or folders (JSONL, JSONL.gz, TXT, CSV/TSV, HWP, HWPX, PDF, DOCX, XLSX, HTML); or s3://bucket/prefix (staged through MOA_S3_CACHE).",
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string?>("--output", "-o") { Description = "Output folder, or s3://bucket/prefix (endpoint from MOA_S3_ENDPOINT, credentials from AWS_*)." };
        var printConfig = new Option<bool>("--print-config") { Description = "Print the effective config (defaults, or --config merged over them) as YAML and exit." };
        var config = new Option<string?>("--config", "-c") { Description = "Pipeline config (YAML); the embedded defaults otherwise." };
        var workers = new Option<int>("--workers", "-w") { Description = "Worker threads (the output does not depend on it).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var rank = new Option<int>("--rank") { Description = "This process's slice of the inputs (0-based), with --world-size.", DefaultValueFactory = _ => 0 };
        var worldSize = new Option<int>("--world-size") { Description = "Processes sharing the inputs; run once more without --rank to merge.", DefaultValueFactory = _ => 1 };
        var stage = new Option<CurationStage>("--stage") { Description = "Run one phase only, as a scheduler job: map (this rank's slice), exact, buckets and near (this rank's slice of the scaled-out dedup), dedup, or write (publishes the run). Default: all.", DefaultValueFactory = _ => CurationStage.All };
        var dedupTasks = new Option<int>("--dedup-tasks") { Description = "Spread global dedup over N tasks (exact by hash range, LSH by band-key partition); same result. With --stage dedup: merge N exact/near tasks' files.", DefaultValueFactory = _ => 1 };
        var taskMemory = new Option<int>("--task-memory") { Description = "MB one dedup buckets task may hold for its band keys (more passes over the signatures above it).", DefaultValueFactory = _ => 4096 };
        var executor = new Option<string>("--executor") { Description = "local (this process) or slurm: submit deploy/slurm/curate.sbatch (--world-size map tasks, dedup, write) and watch it.", DefaultValueFactory = _ => "local" };
        var sbatchArgs = new Option<string?>("--sbatch-args") { Description = "With --executor slurm: extra sbatch options for every job, e.g. \"--partition=cpu --cpus-per-task=8 --mem=16G\"." };
        var retries = new Option<int>("--retries") { Description = "With --executor slurm: reruns of a failed map task (alone) before giving up.", DefaultValueFactory = _ => 1 };
        var failFast = new Option<bool>("--fail-fast") { Description = "Stop at the first problem with the input." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace whatever the output folder holds." };
        var textField = new Option<string?>("--text-field") { Description = "JSON field with the text (default: text)." };
        var idField = new Option<string?>("--id-field") { Description = "JSON field with the id (default: id)." };
        var provider = new Option<string?>("--provider") { Description = "Provider (institution) recorded in every document's meta." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress output." };

        var command = new Command("curate", "Turn provider files into a training-ready corpus: normalise, identify language, filter, deduplicate, scrub PII, write with provenance, statistics and a report.")
        {
            input, output, config, printConfig, workers, rank, worldSize, stage, dedupTasks, taskMemory, executor, sbatchArgs, retries, failFast, overwrite, textField, idField, provider, quiet,
        };
        command.Subcommands.Add(CreateRefilter());
        command.Subcommands.Add(TrainQualityLmCommand.Create());
        command.SetAction(parse =>
        {
            var cfg = parse.GetValue(config) is { } path ? CurationConfigLoader.Load(path) : new CurationConfig();
            if (parse.GetValue(textField) is { } tf)
            {
                cfg.Input.TextField = tf;
            }

            if (parse.GetValue(idField) is { } idf)
            {
                cfg.Input.IdField = idf;
            }

            if (parse.GetValue(provider) is { } p)
            {
                cfg.Input.Provider = p;
            }

            if (parse.GetValue(printConfig))
            {
                Console.Write(CurationConfigLoader.ToYaml(cfg));
                return 0;
            }

            var inputs = parse.GetValue(input) ?? [];
            var outputDir = parse.GetValue(output);
            if (inputs.Length == 0 || string.IsNullOrEmpty(outputDir))
            {
                throw new MoaException("moa curate needs --input PATH... and --output DIR (see moa curate --help).");
            }

            switch (parse.GetValue(executor))
            {
                case "local":
                    break;
                case "slurm":
                    if (inputs.Length != 1)
                    {
                        throw new MoaException($"--executor slurm takes one --input folder or file (got {inputs.Length}); the jobs read it from a shared file system.");
                    }

                    var slurm = new SlurmExecutor(inputs[0], outputDir, parse.GetValue(config), parse.GetValue(worldSize), parse.GetValue(dedupTasks), parse.GetValue(sbatchArgs), parse.GetValue(retries), TimeSpan.FromSeconds(2));
                    var finished = slurm.Run();
                    CurationSummary.Print(new CurationResult(true, outputDir, finished, 0));
                    return 0;
                case var other:
                    throw new MoaException($"--executor is '{other}'; expected local or slurm.");
            }

            using var progress = new CurationProgressView(parse.GetValue(quiet));
            var request = new CurationRequest
            {
                Inputs = inputs,
                OutputDir = outputDir,
                Config = cfg,
                Workers = parse.GetValue(workers),
                Rank = parse.GetValue(rank),
                WorldSize = parse.GetValue(worldSize),
                Stage = parse.GetValue(stage),
                DedupTasks = parse.GetValue(dedupTasks),
                TaskMemoryBytes = Math.Max(1L, parse.GetValue(taskMemory)) << 20,
                FailFast = parse.GetValue(failFast),
                Overwrite = parse.GetValue(overwrite),
                Progress = progress,
            };
            // s3://bucket/prefix inputs or output: staged through the local cache, published by manifest (storage.s3 in the config, else MOA_S3_ENDPOINT, AWS_*).
            CurationResult result;
            if (S3Curation.Applies(request))
            {
                var s3 = new S3Curation(S3Settings.From(request.Config.Storage.S3));
                result = s3.Run(request);
                if (s3.CleanupError is { } warning)
                {
                    Console.Error.WriteLine($"warning: {warning}");
                }
            }
            else
            {
                result = new CurationRunner().Run(request);
            }

            progress.Finish();
            if (!result.Completed && request.Stage is CurationStage.Exact or CurationStage.Buckets or CurationStage.Near)
            {
                Console.WriteLine($"{request.Stage.ToString().ToLowerInvariant()} task {request.Rank}/{request.WorldSize} done.");
                return 0;
            }

            if (!result.Completed && request.Stage == CurationStage.Dedup)
            {
                Console.WriteLine($"dedup stage done; run moa curate --stage write with the same --input and --output to write and publish {result.OutputDir}.");
                return 0;
            }

            if (!result.Completed)
            {
                Console.WriteLine($"rank {request.Rank}/{request.WorldSize}: per-file stages done; {result.PendingShards} input file(s) still pending on other ranks.");
                Console.WriteLine($"When every rank has finished, run the same command without --rank/--world-size (or --stage dedup, then --stage write) to deduplicate globally and write {result.OutputDir}.");
                return 0;
            }

            CurationSummary.Print(result);
            if (result.Stats.DocumentsIn == 0)
            {
                return CliErrors.Report($"no document could be read from the inputs ({result.Stats.Issues.Count} problem(s), listed in {Path.Combine(result.OutputDir, "stats.json")}).");
            }

            return 0;
        });
        return command;
    }

    /// <summary><c>moa curate refilter</c>: re-decide a finished run's quality stage from its stored signals.</summary>
    private static Command CreateRefilter()
    {
        var runDir = new Argument<string>("RUN_DIR") { Description = "Output folder of a finished moa curate run." };
        var config = new Option<string?>("--config", "-c") { Description = "The new pipeline config (YAML): its quality thresholds and profiles decide." };
        var output = new Option<string?>("--output", "-o") { Description = "Folder for the re-decided corpus (default: RUN_DIR-refilter)." };
        var command = new Command("refilter", "Re-decide the quality filters of a finished run from the signals stored in meta.quality, with new thresholds or profiles, without running the pipeline again.")
        {
            runDir, config, output,
        };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(runDir)!;
            var cfg = parse.GetValue(config) is { } path ? CurationConfigLoader.Load(path) : new CurationConfig();
            var target = parse.GetValue(output) ?? dir.TrimEnd('/', '\\') + "-refilter";
            var result = Refilter.Run(dir, cfg, target);
            Console.WriteLine($"refilter: {result.Documents:N0} records, {result.Kept:N0} kept ({result.NewlyKept:N0} newly kept, {result.NewlyRemoved:N0} newly removed) in {result.Seconds:0.00} s -> {target}");
            return 0;
        });
        return command;
    }
}
