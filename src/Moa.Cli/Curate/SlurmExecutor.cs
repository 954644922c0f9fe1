using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Moa.Cli.Quickstart;
using Moa.Curation.Output;
using Moa.Curation.Statistics;

namespace Moa.Cli.Curate;

/// <summary>
/// <c>moa curate --executor slurm</c>: submits the shipped workflow (<c>deploy/slurm/curate.sbatch</c>: an array of map
/// tasks, then dedup, then write, as dependent jobs), then watches it with <c>scontrol</c>, printing progress per stage
/// whenever it changes. A failed map task is rerun alone (up to <c>--retries</c> times) and the dedup job's dependency
/// is moved onto the rerun; a failed dedup or write job, or a map task out of retries, stops the watch with the log to read.
/// </summary>
internal sealed class SlurmExecutor
{
    private static readonly string[] Failed = ["FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE", "PREEMPTED"];
    private readonly string _input;
    private readonly string _output;
    private readonly string? _config;
    private readonly int _ranks;
    private readonly int _dedupTasks;
    private readonly string? _sbatchArgs;
    private readonly int _retries;
    private readonly TimeSpan _poll;
    private readonly string _script;

    public SlurmExecutor(string input, string output, string? config, int ranks, int dedupTasks, string? sbatchArgs, int retries, TimeSpan poll)
    {
        if (dedupTasks < 1)
        {
            throw new MoaException($"--dedup-tasks must be at least 1 (got {dedupTasks}).");
        }

        if (ranks < 1)
        {
            throw new MoaException($"--world-size must be at least 1 with --executor slurm (got {ranks}): it is the number of map tasks.");
        }

        if (retries < 0)
        {
            throw new MoaException($"--retries must be 0 or more (got {retries}).");
        }

        _input = Path.GetFullPath(input);
        _output = Path.GetFullPath(output);
        _config = config is null ? null : Path.GetFullPath(config);
        _ranks = ranks;
        _dedupTasks = dedupTasks;
        _sbatchArgs = sbatchArgs;
        _retries = retries;
        _poll = poll;
        _script = ExamplePaths.InRepository(Path.Combine("deploy", "slurm", "curate.sbatch"), File.Exists)
            ?? throw new MoaException("deploy/slurm/curate.sbatch not found: run from the Moa repository (./moa) or set MOA_HOME to the repository folder.");
    }

    /// <summary>Submits and watches to the end; returns the published run's statistics.</summary>
    public CurationStats Run()
    {
        var submitted = Submit(null);
        var map = submitted["map"];
        var dedup = submitted["dedup"];
        var write = submitted["write"];
        var logs = submitted["logs"];
        var exact = submitted.GetValueOrDefault("exact");
        var buckets = submitted.GetValueOrDefault("buckets");
        var near = submitted.GetValueOrDefault("near");
        var afterMap = exact ?? dedup; // the job whose dependency moves onto a rerun map task
        Console.WriteLine($"slurm: submitted map array {map} ({_ranks} task(s)){(exact is null ? string.Empty : $", exact array {exact}, buckets array {buckets} and near array {near} ({_dedupTasks} task(s) each)")}, dedup {dedup}, write {write}; logs in {logs}");

        // The job id each map index runs under now: the array task, or its latest rerun.
        var current = Enumerable.Range(0, _ranks).Select(i => $"{map}_{i}").ToArray();
        var reruns = new int[_ranks];
        var last = string.Empty;
        while (true)
        {
            var mapStates = new string[_ranks];
            for (var i = 0; i < _ranks; i++)
            {
                mapStates[i] = "PENDING";
            }

            foreach (var (id, state) in Query(map).Concat(current.Where(c => !c.StartsWith(map + "_", StringComparison.Ordinal)).SelectMany(Query)))
            {
                if (Index(id, map, current) is { } index && current[index] == id)
                {
                    mapStates[index] = state;
                }
            }

            for (var i = 0; i < _ranks; i++)
            {
                if (!Failed.Contains(mapStates[i]))
                {
                    continue;
                }

                if (reruns[i] >= _retries)
                {
                    Cancel([.. new[] { exact, buckets, near, dedup, write }.OfType<string>()]);
                    throw new MoaException($"map task {i} ({current[i]}) ended {mapStates[i]} after {reruns[i]} rerun(s); see {Path.Combine(logs, $"map-{i}.out")}. The dedup and write jobs were cancelled; finished map tasks are kept, so the same command resumes.");
                }

                reruns[i]++;
                var rerun = Submit(i.ToString(CultureInfo.InvariantCulture))["map"];
                Console.WriteLine($"slurm: map task {i} ({current[i]}) ended {mapStates[i]}; rerunning it alone as {rerun} (rerun {reruns[i]} of {_retries})");
                current[i] = $"{rerun}_{i}";
                mapStates[i] = "PENDING";
                var (code, _, err) = Execute(Tool("scontrol", "update", $"JobId={afterMap}", $"Dependency=afterok:{string.Join(':', current)}"));
                if (code != 0)
                {
                    throw new MoaException($"could not move job {afterMap} onto the rerun map task {rerun}: {err.Trim()}");
                }
            }

            var dedupState = Query(dedup).Select(q => q.State).FirstOrDefault("PENDING");
            var writeState = Query(write).Select(q => q.State).FirstOrDefault("PENDING");
            var scaled = string.Empty;
            foreach (var (name, job) in new[] { ("exact", exact), ("buckets", buckets), ("near", near) })
            {
                if (job is null)
                {
                    continue;
                }

                var states = Query(job).ToList();
                if (states.FirstOrDefault(q => Failed.Contains(q.State)) is { Id: not null } bad)
                {
                    Cancel([.. new[] { buckets, near, dedup, write }.OfType<string>()]);
                    throw new MoaException($"{name} task {bad.Id} ended {bad.State}; see {Path.Combine(logs, $"{name}-{bad.Id[(bad.Id.LastIndexOf('_') + 1)..]}.out")}. Rerun the workflow with the same command: finished map tasks are kept.");
                }

                scaled += $" | {name} {states.Count(q => q.State == "COMPLETED")}/{_dedupTasks}";
            }

            var line = Progress(mapStates, dedupState, writeState).Replace(" | dedup", scaled + " | dedup", StringComparison.Ordinal);
            if (line != last)
            {
                Console.WriteLine(line);
                last = line;
            }

            if (Failed.Contains(dedupState) || Failed.Contains(writeState))
            {
                var (stage, job) = Failed.Contains(dedupState) ? ("dedup", dedup) : ("write", write);
                Cancel(write);
                throw new MoaException($"the {stage} job {job} ended {(stage == "dedup" ? dedupState : writeState)}; see {Path.Combine(logs, stage + ".out")}.");
            }

            if (writeState == "COMPLETED")
            {
                break;
            }

            Thread.Sleep(_poll);
        }

        var statsPath = Path.Combine(_output, "stats.json");
        try
        {
            return JsonSerializer.Deserialize<CurationStats>(File.ReadAllText(statsPath), OutputJson.Options)
                ?? throw new JsonException("empty");
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            throw new MoaException($"the write job finished but {statsPath} cannot be read ({ex.Message}).");
        }
    }

    /// <summary>One line: tasks per state for the map array, then the dedup and write jobs' states.</summary>
    private string Progress(string[] mapStates, string dedup, string write)
    {
        var done = mapStates.Count(s => s == "COMPLETED");
        var running = mapStates.Count(s => s == "RUNNING");
        var shards = Path.Combine(_output, ".work", "shards");
        var mapped = Directory.Exists(shards) ? Directory.EnumerateFiles(shards, "*.done").Count() : 0;
        return $"slurm: map {done}/{_ranks} tasks done, {running} running, {mapped} input file(s) mapped | dedup {dedup.ToLowerInvariant()} | write {write.ToLowerInvariant()}";
    }

    /// <summary>Runs the shipped script: the whole workflow, or (with an index) that map task alone.</summary>
    private Dictionary<string, string> Submit(string? onlyIndex)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(_script);
        info.Environment["IN"] = _input;
        info.Environment["OUT"] = _output;
        info.Environment["RANKS"] = _ranks.ToString(CultureInfo.InvariantCulture);
        info.Environment["CONFIG"] = _config ?? string.Empty;
        info.Environment["DEDUP_TASKS"] = _dedupTasks.ToString(CultureInfo.InvariantCulture);
        info.Environment.Remove("STAGE");
        if (!info.Environment.ContainsKey("MOA") || string.IsNullOrEmpty(info.Environment["MOA"]))
        {
            info.Environment["MOA"] = SelfCommand();
        }

        if (_sbatchArgs is not null)
        {
            info.Environment["MOA_SBATCH_ARGS"] = _sbatchArgs;
        }

        if (onlyIndex is not null)
        {
            info.Environment["ONLY"] = "map";
            info.Environment["ARRAY"] = onlyIndex;
        }

        var (code, stdout, stderr) = Execute(info);
        if (code != 0)
        {
            throw new MoaException($"submitting with {_script} failed (exit {code}): {stderr.Trim()}");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in stdout.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = word.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                fields[word[..eq]] = word[(eq + 1)..];
            }
        }

        if (!fields.ContainsKey("map") || (onlyIndex is null && !(fields.ContainsKey("dedup") && fields.ContainsKey("write"))))
        {
            throw new MoaException($"{_script} did not print the job ids (got: {stdout.Trim()}).");
        }

        return fields;
    }

    /// <summary>The command the jobs run: this very moa (the apphost, or dotnet with this assembly).</summary>
    private static string SelfCommand()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var assembly = typeof(SlurmExecutor).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? $"{process} {assembly}" : process;
    }

    /// <summary>Job (or array task) id and state of every line <c>scontrol show job</c> prints for <paramref name="job"/>.</summary>
    private static IEnumerable<(string Id, string State)> Query(string job)
    {
        var (code, stdout, stderr) = Execute(Tool("scontrol", "show", "job", "-o", job));
        if (code != 0)
        {
            // Forgotten jobs (older than MinJobAge) and ids not yet known are simply absent.
            return stderr.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase)
                ? []
                : throw new MoaException($"scontrol show job {job} failed: {stderr.Trim()}");
        }

        var result = new List<(string, string)>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string? arrayJob = null, task = null, id = null, state = null;
            foreach (var field in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = field.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    continue;
                }

                var (key, value) = (field[..eq], field[(eq + 1)..]);
                switch (key)
                {
                    case "JobId": id ??= value; break;
                    case "ArrayJobId": arrayJob = value; break;
                    case "ArrayTaskId": task = value; break;
                    case "JobState": state = value; break;
                }
            }

            if (id is null || state is null)
            {
                continue;
            }

            if (arrayJob is null || task is null)
            {
                result.Add((id, state));
                continue;
            }

            // A pending remainder of an array prints as one line with a range: 0-7, 3,5, 0-7%2.
            foreach (var index in Expand(task))
            {
                result.Add(($"{arrayJob}_{index}", state));
            }
        }

        return result;
    }

    private static IEnumerable<int> Expand(string tasks)
    {
        foreach (var part in tasks.Split('%')[0].Split(','))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var single))
                {
                    yield return single;
                }

                continue;
            }

            if (int.TryParse(part[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                && int.TryParse(part[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var to))
            {
                for (var i = from; i <= to; i++)
                {
                    yield return i;
                }
            }
        }
    }

    /// <summary>The map index of array task id <paramref name="id"/> (JOB_INDEX), for the original array or a rerun.</summary>
    private static int? Index(string id, string map, string[] current)
    {
        var underscore = id.LastIndexOf('_');
        if (underscore < 0 || !int.TryParse(id[(underscore + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= current.Length)
        {
            return null;
        }

        return id.StartsWith(map + "_", StringComparison.Ordinal) || current[index] == id ? index : null;
    }

    private static void Cancel(params string[] jobs) => Execute(Tool("scancel", jobs));

    private static ProcessStartInfo Tool(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        return info;
    }

    private static (int Code, string Out, string Err) Execute(ProcessStartInfo info)
    {
        info.StandardOutputEncoding = Encoding.UTF8;
        info.StandardErrorEncoding = Encoding.UTF8;
        try
        {
            using var process = Process.Start(info) ?? throw new MoaException($"{info.FileName} did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new MoaException($"{info.FileName} cannot be run ({ex.Message}): --executor slurm needs the Slurm client tools (sbatch, scontrol) on PATH.");
        }
    }
}
