using System.Diagnostics;
using System.Text.Json;
using Moa.Curation.Configuration;
using Moa.Curation.Output;
using Moa.Curation.Perplexity;
using Moa.Curation.Reporting;
using Moa.Curation.Statistics;
using Moa.Documents;

namespace Moa.Curation.Pipeline;

/// <summary>
/// Runs a curation: provider files in, a training-ready corpus out. Three phases:
/// <list type="number">
/// <item><b>map</b> (per input file, parallel, resumable per file, sliceable with rank/world size): read, normalise,
/// identify language, filter, and compute exact hashes and MinHash band hashes into <c>.work/shards</c>;</item>
/// <item><b>dedup</b> (global, over all shards in canonical order): exact and near duplicate clusters, first copy kept;</item>
/// <item><b>write</b> (parallel over output parts, resumable per part): PII stage, token counts, gzip parts, then
/// <c>stats.json</c>, <c>manifest.json</c> and <c>report.html</c>.</item>
/// </list>
/// The canonical order of documents (input order, then position in file) decides every tie, so the same inputs and
/// config give byte-identical <c>data/</c> for any worker count, after any interruption.
/// </summary>
public sealed class CurationRunner
{
    private readonly ReaderRegistry _registry;

    public CurationRunner(ReaderRegistry? registry = null) => _registry = registry ?? ReaderRegistry.Default;

    /// <summary>The tool version recorded in outputs.</summary>
    public static string ToolVersion { get; } =
        typeof(CurationRunner).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Runs (or resumes) a curation.</summary>
    public CurationResult Run(CurationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.WorldSize < 1 || request.Rank < 0 || request.Rank >= request.WorldSize)
        {
            throw new MoaException($"--rank must be in 0..{Math.Max(0, request.WorldSize - 1)} and --world-size at least 1 (got rank {request.Rank}, world size {request.WorldSize}).");
        }

        if (request.Workers < 1)
        {
            throw new MoaException($"--workers must be at least 1 (got {request.Workers}).");
        }

        var total = Stopwatch.StartNew();

        // Settings and model of the perplexity signal: a bad value or a missing or damaged model stops the run here.
        PerplexityStage.Create(request.Config.Quality);
        var plan = InputPlan.Resolve(request.Inputs, _registry);
        var tools = WriteTools.Create(request.Config);
        var layout = new OutputLayout(request.OutputDir);
        var configHash = CurationConfigLoader.Hash(request.Config);
        RunGuard.Prepare(layout, plan, configHash, request.Overwrite);

        // Phase 1: map. A rank (or --stage map) maps its slice and stops; a dedup or write stage runs after every map
        // task and refuses to start while input files are unmapped, so a failed map task is rerun, never papered over.
        var stage = request.Stage;
        var map = Stopwatch.StartNew();
        if (stage is CurationStage.All or CurationStage.Map)
        {
            var mine = plan.Files.Where(f => f.Index % request.WorldSize == request.Rank).ToList();
            var todo = mine.Count(f => !File.Exists(ShardFiles.Done(layout.WorkDir, f.Index)));
            var clock = TaskClock.Start("map", request.Rank, request.WorldSize);
            new MapPhase(request, layout).Run(mine, cancellationToken);
            clock.Stop(layout, todo);
        }

        map.Stop();
        var pending = plan.Files.Where(f => !File.Exists(ShardFiles.Done(layout.WorkDir, f.Index))).ToList();
        if (stage == CurationStage.Map || (request.WorldSize > 1 && stage == CurationStage.All))
        {
            var partial = new CurationStats { Version = ToolVersion };
            return new CurationResult(false, layout.Root, partial, pending.Count);
        }

        if (pending.Count > 0)
        {
            throw new MoaException($"{layout.Root}: {pending.Count} input file(s) are not mapped yet (first: {pending[0].Path}); rerun the map task(s) of their rank(s) before the {stage.ToString().ToLowerInvariant()} stage.");
        }

        // Phase 2a (scaled-out dedup only): this task's exact hash range or band-key partition; see ScaledDedup.
        var bands = request.Config.Dedup.Near.Enabled ? new Moa.Text.Hashing.MinHasher(request.Config.Dedup.Near).BandCount : 0;
        if (stage is CurationStage.Exact or CurationStage.Buckets or CurationStage.Near)
        {
            var name = stage.ToString().ToLowerInvariant();
            var clock = TaskClock.Start(name, request.Rank, request.WorldSize);
            if (stage == CurationStage.Exact)
            {
                ScaledDedup.ExactTask(layout, plan.Files.Count, bands, request.Rank, request.WorldSize, request.Config.Dedup.Exact.Enabled);
            }
            else if (bands > 0 && stage == CurationStage.Buckets)
            {
                ScaledDedup.BucketTask(layout, plan.Files.Count, bands, request.Rank, request.WorldSize, request.TaskMemoryBytes);
            }
            else if (bands > 0)
            {
                DedupPhase.NearTask(layout, plan.Files.Count, request.Config, request.Rank, request.WorldSize);
            }

            clock.Stop(layout, plan.Files.Count);
            return new CurationResult(false, layout.Root, new CurationStats { Version = ToolVersion }, 0);
        }

        if (request.DedupTasks < 1)
        {
            throw new MoaException($"--dedup-tasks must be at least 1 (got {request.DedupTasks}).");
        }

        // Phase 2: dedup (or its result, left by the dedup stage)
        var shardStats = plan.Files.Select(f => MapPhase.LoadDone(layout.WorkDir, f.Index)).ToList();
        var dedup = Stopwatch.StartNew();
        var saved = DedupResult.PathIn(layout.WorkDir);
        DedupResult dedupResult;
        if (stage == CurationStage.Write || (stage == CurationStage.All && File.Exists(saved)))
        {
            if (!File.Exists(saved))
            {
                throw new MoaException($"{layout.Root}: the dedup stage has not finished ({saved} is missing); run moa curate --stage dedup first.");
            }

            dedupResult = DedupResult.Load(saved);
        }
        else
        {
            var clock = TaskClock.Start("dedup", 0, 1);
            dedupResult = request.DedupTasks == 1
                ? DedupPhase.Run(layout.WorkDir, plan.Files.Count, request.Config, request.Progress)
                : stage == CurationStage.Dedup
                    ? DedupPhase.MergeScaled(layout.WorkDir, plan.Files.Count, request.Config, request.DedupTasks)
                    : DedupPhase.RunScaled(layout, plan.Files.Count, request.Config, request.DedupTasks, request.TaskMemoryBytes);
            clock.Stop(layout, plan.Files.Count);
            if (stage == CurationStage.Dedup)
            {
                dedupResult.Save(layout, saved);
                return new CurationResult(false, layout.Root, new CurationStats { Version = ToolVersion }, 0);
            }
        }

        dedup.Stop();

        // Phase 3: write
        var write = Stopwatch.StartNew();
        var writeClock = TaskClock.Start("write", 0, 1);
        var written = new WritePhase(request, layout, dedupResult, tools).Run(cancellationToken);
        writeClock.Stop(layout, plan.Files.Count);
        write.Stop();

        // Statistics, manifest, report
        var stats = new CurationStats { Version = ToolVersion };
        foreach (var s in shardStats)
        {
            stats.Add(s.Stats);
        }

        stats.Add(dedupResult.Stats);
        stats.Add(written.Stats);
        stats.DocumentsOut = written.Stats.DocumentsOut;
        stats.BytesOut = written.Stats.BytesOut;
        stats.TokenCounter = written.Stats.TokenCounter;
        foreach (var skipped in plan.Skipped)
        {
            stats.Issues.Record(skipped.File, skipped.Line, skipped.Code, skipped.Message);
        }

        for (var i = 0; i < plan.Files.Count; i++)
        {
            var file = stats.Files[i];
            file.DocumentsOut = written.KeptPerShard.GetValueOrDefault(i);
        }

        stats.Timings["map"] = Math.Round(map.Elapsed.TotalSeconds, 3);
        stats.Timings["dedup"] = Math.Round(dedup.Elapsed.TotalSeconds, 3);
        stats.Timings["write"] = Math.Round(write.Elapsed.TotalSeconds, 3);
        stats.Timings["total"] = Math.Round(total.Elapsed.TotalSeconds, 3);
        TaskClock.Collect(layout, stats);

        var manifest = new Manifest
        {
            Version = ToolVersion,
            ConfigHash = configHash,
            Config = CurationConfigLoader.ToJsonElement(request.Config),
            Inputs = [.. shardStats.Select(s => s.Input)],
            Files = [.. written.Files],
        };
        layout.WriteAtomically(layout.StatsPath, stream => JsonSerializer.Serialize(stream, stats, OutputJson.Options));
        layout.WriteAtomically(layout.ReportPath, stream => ReportWriter.Write(stream, stats, manifest));
        layout.WriteAtomically(layout.CardPath, stream => DatasetCard.Write(stream, stats, manifest, request.Config, Path.GetFileName(Path.TrimEndingDirectorySeparator(layout.Root))));
        layout.WriteAtomically(layout.ManifestPath, stream => JsonSerializer.Serialize(stream, manifest, OutputJson.Options));
        if (!request.Config.Output.KeepWork)
        {
            layout.DeleteWork();
        }

        return new CurationResult(true, layout.Root, stats, 0);
    }
}
