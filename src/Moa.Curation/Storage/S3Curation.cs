using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Moa.Curation.Configuration;
using Moa.Curation.Output;
using Moa.Curation.Pipeline;
using Moa.Curation.Statistics;

namespace Moa.Curation.Storage;

/// <summary>
/// <c>moa curate</c> with <c>s3://bucket/prefix</c> inputs and/or output. Input objects are staged into the local
/// cache (streamed, reused when their ETag is unchanged); the run writes its parts into a local staging folder chosen
/// by a fingerprint of output URL, config and inputs, exactly as a local run; then every file is uploaded under the
/// run's temporary prefix <c>runs/ID/</c> (one PUT, or a multipart upload that S3 shows only once it is completed)
/// with its sha256 in the object's metadata, and <c>manifest.json</c> is put last at the prefix: the commit point,
/// which readers follow (<see cref="S3PublishedRun"/>). A rerun after a failed upload reuses the finished local run
/// and skips every file whose object already carries the same sha256.
/// </summary>
public sealed class S3Curation
{
    private readonly S3Settings _settings;
    private readonly CurationRunner _runner;

    public S3Curation(S3Settings settings, CurationRunner? runner = null)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _runner = runner ?? new CurationRunner();
    }

    /// <summary>Files uploaded by the last <see cref="Run"/>.</summary>
    public int Uploaded { get; private set; }

    /// <summary>Files the last <see cref="Run"/> found already uploaded (same sha256) and skipped.</summary>
    public int Skipped { get; private set; }

    /// <summary>Set by the last <see cref="Run"/> when the run was published but old objects could not be deleted.</summary>
    public string? CleanupError { get; private set; }

    /// <summary>True when <paramref name="request"/> reads or writes object storage.</summary>
    public static bool Applies(CurationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return S3Url.IsS3(request.OutputDir) || request.Inputs.Any(S3Url.IsS3);
    }

    /// <summary>Runs (or resumes) the curation and publishes it; the result's folder is the output URL for S3.</summary>
    public CurationResult Run(CurationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Stage != CurationStage.All || request.WorldSize != 1)
        {
            throw new MoaException("s3:// inputs and outputs work with a single-process run (no --stage, --rank or --world-size); under a scheduler, stage the data on the shared file system.");
        }

        Uploaded = 0;
        Skipped = 0;
        CleanupError = null;
        var target = S3Url.IsS3(request.OutputDir) ? S3Url.Parse(request.OutputDir) : null;
        var sources = request.Inputs.Select(i => S3Url.IsS3(i) ? S3Url.Parse(i) : null).ToList();
        using var store = new S3Store(_settings);
        if (target is not null)
        {
            store.CheckAccess(target);
        }

        var inputs = new List<string>();
        var names = new List<KeyValuePair<string, string>>(request.SourceNames);
        var fingerprint = new StringBuilder();
        var inRoot = Path.Combine(_settings.CacheDir, "in");
        for (var i = 0; i < request.Inputs.Count; i++)
        {
            if (sources[i] is { } source)
            {
                store.CheckAccess(source);
                var (local, objects) = store.Stage(source, inRoot);
                inputs.Add(local);
                names.Add(new(local, source.ToString()));
                fingerprint.Append(source).Append('\n').AppendJoin('\n', objects).Append('\n');
            }
            else
            {
                inputs.Add(request.Inputs[i]);
                fingerprint.Append(Path.GetFullPath(request.Inputs[i])).Append('\n');
            }
        }

        if (target is null)
        {
            return _runner.Run(Localised(request, inputs, names, request.OutputDir), cancellationToken);
        }

        fingerprint.Append(target).Append('\n').Append(CurationConfigLoader.Hash(request.Config));
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint.ToString())))[..16];
        var staging = Path.Combine(_settings.CacheDir, "out", target.Bucket, id);
        var layout = new OutputLayout(staging);
        if (request.Overwrite && Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        CurationStats stats;
        if (File.Exists(layout.ManifestPath))
        {
            // The local run finished before; only the upload is left (or was interrupted).
            stats = JsonSerializer.Deserialize<CurationStats>(File.ReadAllText(layout.StatsPath), OutputJson.Options)
                ?? throw new MoaException($"{layout.StatsPath}: empty statistics; rerun with --overwrite.");
        }
        else
        {
            var result = _runner.Run(Localised(request, inputs, names, staging), cancellationToken);
            stats = result.Stats;
        }

        Publish(store, layout, target, request.Overwrite);
        return new CurationResult(true, target.ToString(), stats, 0);
    }

    private void Publish(S3Store store, OutputLayout layout, S3Url target, bool overwrite)
    {
        var manifestBytes = File.ReadAllBytes(layout.ManifestPath);
        var manifest = Manifest.Parse(Encoding.UTF8.GetString(manifestBytes), layout.ManifestPath);
        var id = S3PublishedRun.IdOf(manifestBytes);
        var published = S3PublishedRun.Read(store, target);
        if (published is not null)
        {
            if (published.Id == id)
            {
                Skipped = manifest.Files.Count + 2;
                return;
            }

            if (!overwrite)
            {
                throw new MoaException($"{target} already holds a published run (manifest.json). Choose another --output, or pass --overwrite to replace it.");
            }
        }

        // Every file goes under the run's temporary prefix; nothing a reader follows changes yet.
        var files = manifest.Files.Select(f => (f.Path, f.Sha256)).ToList();
        foreach (var extra in new[] { "stats.json", "report.html" })
        {
            using var stream = File.OpenRead(Path.Combine(layout.Root, extra));
            files.Add((extra, Convert.ToHexStringLower(SHA256.HashData(stream))));
        }

        foreach (var (path, sha) in files)
        {
            var local = Path.Combine([layout.Root, .. path.Split('/')]);
            var key = S3PublishedRun.KeyOf(target, id, path);
            if (string.Equals(store.Sha256Of(target, key), sha, StringComparison.OrdinalIgnoreCase))
            {
                Skipped++;
                continue;
            }

            store.Upload(target, key, local, sha);
            Uploaded++;
        }

        // The commit point: one PUT of the manifest switches readers to this run.
        store.Write(target, target.Key("manifest.json"), manifestBytes);

        // Then the replaced run and any debris of unfinished runs go. The run is published already: a failure here
        // leaves unreferenced objects (named in CleanupError), not a broken run.
        var mine = S3PublishedRun.KeyOf(target, id, string.Empty);
        try
        {
            foreach (var folder in store.Folders(target, target.Key(S3PublishedRun.RunsFolder + "/")))
            {
                if (folder != mine)
                {
                    foreach (var key in store.Keys(target, folder))
                    {
                        store.Delete(target, key);
                    }
                }
            }
        }
        catch (MoaException ex)
        {
            CleanupError = $"published, but the objects of replaced or unfinished runs under {target}/{S3PublishedRun.RunsFolder}/ were not all deleted ({ex.Message}); they are not read (no manifest names them) and the next publication retries.";
        }
    }

    private static CurationRequest Localised(CurationRequest request, List<string> inputs, List<KeyValuePair<string, string>> names, string outputDir) => new()
    {
        Inputs = inputs,
        SourceNames = names,
        OutputDir = outputDir,
        Config = request.Config,
        Workers = request.Workers,
        Rank = request.Rank,
        WorldSize = request.WorldSize,
        Stage = request.Stage,
        DedupTasks = request.DedupTasks,
        TaskMemoryBytes = request.TaskMemoryBytes,
        FailFast = request.FailFast,
        Overwrite = request.Overwrite,
        Progress = request.Progress,
    };
}
