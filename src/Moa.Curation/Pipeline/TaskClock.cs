using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Moa.Curation.Output;
using Moa.Curation.Statistics;

namespace Moa.Curation.Pipeline;

/// <summary>
/// Wall and CPU time of one process's phase, kept in <c>.work/tasks/</c> (one file per attempt, so a rerun task adds
/// its cost instead of hiding the failed attempt's) and gathered into <c>stats.json</c> by the process that publishes
/// the run: <see cref="CurationStats.Tasks"/> and CPU hours per phase.
/// </summary>
internal sealed class TaskClock
{
    private static readonly string[] PhaseOrder = ["map", "exact", "buckets", "near", "dedup", "write"];
    private readonly TaskTiming _timing;
    private readonly long _started;
    private readonly TimeSpan _cpu;

    private TaskClock(TaskTiming timing)
    {
        _timing = timing;
        _started = Stopwatch.GetTimestamp();
        _cpu = Process.GetCurrentProcess().TotalProcessorTime;
    }

    public static TaskClock Start(string phase, int rank, int worldSize)
    {
        var job = Environment.GetEnvironmentVariable("SLURM_ARRAY_JOB_ID") is { Length: > 0 } array
            ? $"{array}_{Environment.GetEnvironmentVariable("SLURM_ARRAY_TASK_ID")}"
            : Environment.GetEnvironmentVariable("SLURM_JOB_ID") ?? string.Empty;
        return new TaskClock(new TaskTiming
        {
            Phase = phase,
            Rank = rank,
            WorldSize = worldSize,
            Host = Environment.MachineName,
            Job = job,
        });
    }

    /// <summary>Records the phase's time in <c>.work/tasks/</c>.</summary>
    public void Stop(OutputLayout layout, int files)
    {
        _timing.Files = files;
        _timing.WallSeconds = Math.Round(Stopwatch.GetElapsedTime(_started).TotalSeconds, 3);
        _timing.CpuSeconds = Math.Round((Process.GetCurrentProcess().TotalProcessorTime - _cpu).TotalSeconds, 3);
        var dir = Path.Combine(layout.WorkDir, "tasks");
        Directory.CreateDirectory(dir);
        var name = string.Create(CultureInfo.InvariantCulture, $"{_timing.Phase}-{_timing.Rank:D5}-{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Environment.ProcessId}.json");
        layout.WriteAtomically(Path.Combine(dir, name), s => JsonSerializer.Serialize(s, _timing, OutputJson.Options));
    }

    /// <summary>Adds every recorded task to <paramref name="stats"/> (phase order, then rank) and sums CPU hours per phase.</summary>
    public static void Collect(OutputLayout layout, CurationStats stats)
    {
        var dir = Path.Combine(layout.WorkDir, "tasks");
        if (!Directory.Exists(dir))
        {
            return;
        }

        var tasks = new List<TaskTiming>();
        foreach (var file in Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                if (JsonSerializer.Deserialize<TaskTiming>(File.ReadAllText(file), OutputJson.Options) is { } timing)
                {
                    tasks.Add(timing);
                }
            }
            catch (JsonException ex)
            {
                throw new MoaException($"{file}: a task's timing record is damaged ({ex.Message}); delete it to publish the run without it.", ex);
            }
        }

        stats.Tasks = [.. tasks.OrderBy(t => Array.IndexOf(PhaseOrder, t.Phase)).ThenBy(t => t.Rank)];
        foreach (var phase in PhaseOrder.Where(p => p is "map" or "dedup" or "write" || tasks.Any(t => t.Phase == p)))
        {
            stats.CpuHours[phase] = Math.Round(tasks.Where(t => t.Phase == phase).Sum(t => t.CpuSeconds) / 3600, 9);
        }
    }
}
