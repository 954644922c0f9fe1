using System.Text.Json;
using Moa.Curation.Output;

namespace Moa.Curation.Pipeline;

/// <summary>
/// Decides whether an output folder may be used: a fresh folder starts a run; an unfinished run with the same
/// config and inputs resumes; anything else needs <c>--overwrite</c>. The fingerprint lives in <c>.work/run.json</c>.
/// </summary>
internal static class RunGuard
{
    public static void Prepare(OutputLayout layout, InputPlan plan, string configHash, bool overwrite)
    {
        var runFile = Path.Combine(layout.WorkDir, "run.json");
        var fingerprint = new RunFingerprint
        {
            Version = CurationRunner.ToolVersion,
            ConfigHash = configHash,
            Inputs = [.. plan.Files.Select(f => $"{f.Path}\t{f.Bytes}\t{f.Reader.Format}")],
        };

        if (overwrite)
        {
            Clear(layout);
        }
        else if (File.Exists(runFile))
        {
            RunFingerprint? existing;
            try
            {
                existing = JsonSerializer.Deserialize<RunFingerprint>(File.ReadAllText(runFile), OutputJson.Options);
            }
            catch (JsonException)
            {
                existing = null;
            }

            if (existing is null)
            {
                throw new MoaException($"{layout.Root}: the unfinished run's {runFile} is damaged; run again with --overwrite to start over.");
            }

            if (existing.ConfigHash != fingerprint.ConfigHash)
            {
                throw new MoaException($"{layout.Root} holds an unfinished run with a different config (hash {existing.ConfigHash[..12]}, now {fingerprint.ConfigHash[..12]}). Use the same config to resume, another --output, or --overwrite to start over.");
            }

            if (!existing.Inputs.SequenceEqual(fingerprint.Inputs, StringComparer.Ordinal))
            {
                var first = existing.Inputs.Except(fingerprint.Inputs, StringComparer.Ordinal)
                    .Concat(fingerprint.Inputs.Except(existing.Inputs, StringComparer.Ordinal)).FirstOrDefault() ?? "(order changed)";
                throw new MoaException($"{layout.Root} holds an unfinished run over different inputs (first difference: {first.Split('\t')[0]}). Use the same inputs to resume, another --output, or --overwrite to start over.");
            }
        }
        else if (File.Exists(layout.ManifestPath))
        {
            throw new MoaException($"{layout.Root} already holds a finished run (manifest.json). Choose another --output, or pass --overwrite to replace it.");
        }

        layout.Create();
        if (!File.Exists(runFile))
        {
            layout.WriteAtomically(runFile, s => JsonSerializer.Serialize(s, fingerprint, OutputJson.Options));
        }
    }

    private static void Clear(OutputLayout layout)
    {
        try
        {
            foreach (var dir in new[] { layout.WorkDir, layout.DataDir, layout.RemovedDir })
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, recursive: true);
                }
            }

            foreach (var file in new[] { layout.StatsPath, layout.ManifestPath, layout.ReportPath })
            {
                if (File.Exists(file))
                {
                    File.Delete(file);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw OutputErrors.CannotWrite(layout.Root, ex);
        }
    }

    private sealed class RunFingerprint
    {
        public string Version { get; set; } = string.Empty;

        public string ConfigHash { get; set; } = string.Empty;

        public List<string> Inputs { get; set; } = [];
    }
}
