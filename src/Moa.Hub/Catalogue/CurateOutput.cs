using System.Security.Cryptography;
using System.Text.Json;

using Moa.Curation.Output;
using Moa.Curation.Storage;
using Moa.Documents;
using Moa.Documents.Jsonl;

namespace Moa.Hub.Catalogue;

/// <summary>One data file listed in a curate manifest.</summary>
public sealed record CurateFile(string Path, string Sha256, long Documents, long Bytes);

/// <summary>
/// A <c>moa curate</c> output folder, read and checked: <c>manifest.json</c> (tool, version, config hash, files with
/// sha256, parsed as curation's <see cref="Manifest"/>), <c>stats.json</c>, optional <c>report.html</c>, and the <c>data/part-*.jsonl.gz</c> files themselves.
/// </summary>
public sealed class CurateOutput
{
    private CurateOutput(string folder, string toolVersion, string configHash, IReadOnlyList<CurateFile> files, string manifestJson, string statsJson)
    {
        Folder = folder;
        ToolVersion = toolVersion;
        ConfigHash = configHash;
        Files = files;
        ManifestJson = manifestJson;
        StatsJson = statsJson;
    }

    /// <summary>Records read at load from a run in object storage (its parts are not on this machine).</summary>
    private const int SampleLimit = 20;

    private List<(string Id, string Text)>? _sample;

    /// <summary>The output folder, or for a run in object storage its prefix <c>s3://bucket/prefix/runs/ID</c>.</summary>
    public string Folder { get; }

    public string ToolVersion { get; }

    public string ConfigHash { get; }

    public IReadOnlyList<CurateFile> Files { get; }

    public string ManifestJson { get; }

    public string StatsJson { get; }

    /// <summary>Reads and checks a folder: every manifest file exists inside the folder and has the recorded size and SHA-256.</summary>
    public static CurateOutput Load(string folder)
    {
        folder = System.IO.Path.GetFullPath(folder);
        if (!Directory.Exists(folder))
        {
            throw HubException.Invalid($"{folder}: no such folder; expected a `moa curate` output folder.");
        }

        var manifestPath = System.IO.Path.Combine(folder, "manifest.json");
        var statsPath = System.IO.Path.Combine(folder, "stats.json");
        if (!File.Exists(manifestPath))
        {
            throw HubException.Invalid($"{manifestPath}: missing; expected a `moa curate` output folder with manifest.json and stats.json.");
        }

        if (!File.Exists(statsPath))
        {
            throw HubException.Invalid($"{statsPath}: missing; `moa curate` writes stats.json beside manifest.json.");
        }

        var manifestJson = File.ReadAllText(manifestPath);
        var statsJson = File.ReadAllText(statsPath);
        Manifest manifest;
        try
        {
            manifest = Manifest.Parse(manifestJson, manifestPath);
            using var _ = JsonDocument.Parse(statsJson);
        }
        catch (JsonException ex)
        {
            throw HubException.Invalid($"{statsPath}: not valid JSON ({ex.Message}).");
        }
        catch (MoaException ex)
        {
            throw HubException.Invalid(ex.Message);
        }

        if (manifest.Tool != "moa")
        {
            throw HubException.Invalid($"{manifestPath}: field 'tool' must be \"moa\"; this folder was not written by `moa curate`.");
        }

        if (manifest.Files.Count == 0)
        {
            throw HubException.Invalid($"{manifestPath}: field 'files' must be a non-empty array.");
        }

        var files = new List<CurateFile>();
        for (var i = 0; i < manifest.Files.Count; i++)
        {
            var f = manifest.Files[i];
            var where = $"{manifestPath}: files[{i}]";

            // Only the corpus itself is catalogued and served; removed/ holds unscrubbed text for the provider's own inspection.
            if (!f.IsCorpusPart())
            {
                continue;
            }

            var path = f.Path;
            var sha = f.Sha256.ToLowerInvariant();
            var full = ResolveInside(folder, path) ?? throw HubException.Invalid($"{where}: path '{path}' must be relative and stay inside the folder.");
            if (sha.Length != 64 || f.Documents < 0 || f.Bytes < 0)
            {
                throw HubException.Invalid($"{where}: each file needs path, sha256 (64 hex), documents and bytes.");
            }

            if (!File.Exists(full))
            {
                throw HubException.Invalid($"{where}: {full} is listed but missing.");
            }

            var info = new FileInfo(full);
            if (info.Length != f.Bytes)
            {
                throw HubException.Invalid($"{where}: {path} has {info.Length} bytes but the manifest says {f.Bytes}; the folder changed after curation.");
            }

            using (var stream = File.OpenRead(full))
            {
                var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
                if (actual != sha)
                {
                    throw HubException.Invalid($"{where}: {path} hashes to {actual} but the manifest says {sha}; the file was changed or damaged.");
                }
            }

            files.Add(new CurateFile(path.Replace('\\', '/'), sha, f.Documents, f.Bytes));
        }

        if (files.Count == 0)
        {
            throw HubException.Invalid($"{manifestPath}: the run kept no documents (no data/ files), so there is nothing to catalogue.");
        }

        return new CurateOutput(folder, manifest.Version, manifest.ConfigHash, files, manifestJson, statsJson);
    }

    /// <summary>
    /// Reads and checks a run published in object storage at <paramref name="url"/> (<c>s3://bucket/prefix</c>): the
    /// published manifest (the commit point, <see cref="S3PublishedRun"/>), its <c>stats.json</c>, and every training
    /// part's object with the registered sha256 in its metadata. <see cref="Folder"/> becomes the run's own prefix
    /// (<c>s3://bucket/prefix/runs/ID</c>), which a later republication never changes; the sample is read from the
    /// first parts, downloaded to a temporary file.
    /// </summary>
    public static CurateOutput LoadS3(string url, S3Settings settings)
    {
        try
        {
            var target = S3Url.Parse(url);
            using var store = new S3Store(settings);
            var run = S3PublishedRun.Read(store, target)
                ?? throw HubException.Invalid($"{target}: no published manifest.json there; publish a run with moa curate --output {target}.");
            var where = $"{target}/manifest.json";
            var statsBytes = store.ReadOrNull(target, run.KeyOf("stats.json"))
                ?? throw HubException.Invalid($"{target}: the published run has no stats.json ({run.KeyOf("stats.json")}); publish it again.");
            var statsJson = System.Text.Encoding.UTF8.GetString(statsBytes);
            try
            {
                using var _ = JsonDocument.Parse(statsJson);
            }
            catch (JsonException ex)
            {
                throw HubException.Invalid($"{target}: stats.json is not valid JSON ({ex.Message}).");
            }

            var manifest = run.Manifest;
            if (manifest.Tool != "moa" || manifest.Files.Count == 0)
            {
                throw HubException.Invalid($"{where}: expected a `moa curate` manifest (tool \"moa\", a non-empty files array).");
            }

            var folder = $"{target}/{S3PublishedRun.RunsFolder}/{run.Id}";
            var location = S3Url.Parse(folder);
            var files = new List<CurateFile>();
            for (var i = 0; i < manifest.Files.Count; i++)
            {
                var f = manifest.Files[i];
                if (!f.IsCorpusPart())
                {
                    continue;
                }

                var sha = f.Sha256.ToLowerInvariant();
                if (!IsSafeRelative(f.Path) || sha.Length != 64 || f.Documents < 0 || f.Bytes < 0)
                {
                    throw HubException.Invalid($"{where}: files[{i}]: each file needs a relative path inside the run, sha256 (64 hex), documents and bytes.");
                }

                var stored = store.Sha256Of(location, location.Key(f.Path));
                if (!string.Equals(stored, sha, StringComparison.OrdinalIgnoreCase))
                {
                    throw HubException.Invalid($"{where}: files[{i}]: s3://{location.Bucket}/{location.Key(f.Path)} is {(stored is null ? "missing" : $"recorded with sha256 {stored}")}, but the manifest says {sha}.");
                }

                files.Add(new CurateFile(f.Path, sha, f.Documents, f.Bytes));
            }

            if (files.Count == 0)
            {
                throw HubException.Invalid($"{where}: the run kept no documents (no data/ files), so there is nothing to catalogue.");
            }

            var output = new CurateOutput(folder, manifest.Version, manifest.ConfigHash, files, System.Text.Encoding.UTF8.GetString(run.ManifestBytes), statsJson);
            var sample = new List<(string, string)>();
            var temp = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"moa-hub-sample-{Guid.NewGuid():N}");
            try
            {
                foreach (var f in files)
                {
                    store.Download(location, location.Key(f.Path), temp + System.IO.Path.GetFileName(f.Path));
                    foreach (var record in CorpusPart.Read(temp + System.IO.Path.GetFileName(f.Path)))
                    {
                        if (sample.Count >= SampleLimit)
                        {
                            break;
                        }

                        sample.Add((record.Id, record.Text));
                    }

                    File.Delete(temp + System.IO.Path.GetFileName(f.Path));
                    if (sample.Count >= SampleLimit)
                    {
                        break;
                    }
                }
            }
            catch (DocumentReadException ex)
            {
                throw HubException.Invalid($"{folder}: {ex.Issue.Message}");
            }

            output._sample = sample;
            return output;
        }
        catch (MoaException ex)
        {
            throw HubException.Invalid(ex.Message);
        }
    }

    /// <summary>Whether <paramref name="relative"/> is a forward-slash path that stays inside its folder (no empty, '.' or '..' segment).</summary>
    internal static bool IsSafeRelative(string relative) =>
        !string.IsNullOrEmpty(relative) && !relative.StartsWith('/') && !relative.Contains('\\', StringComparison.Ordinal)
        && !relative.Contains('\0', StringComparison.Ordinal) && relative.Split('/').All(s => s is not ("" or "." or ".."));

    /// <summary>The first <paramref name="count"/> records (<c>id</c>, <c>text</c>) of the data files, text cut to <paramref name="maxChars"/>.</summary>
    public IReadOnlyList<(string Id, string Text)> ReadSample(int count, int maxChars)
    {
        if (_sample is not null)
        {
            return [.. _sample.Take(count).Select(r => (r.Id, r.Text.Length > maxChars ? r.Text[..maxChars] + "…" : r.Text))];
        }

        var list = new List<(string, string)>();
        foreach (var f in Files)
        {
            try
            {
                foreach (var record in CorpusPart.Read(System.IO.Path.Combine(Folder, f.Path)))
                {
                    if (list.Count >= count)
                    {
                        break;
                    }

                    list.Add((record.Id, record.Text.Length > maxChars ? record.Text[..maxChars] + "…" : record.Text));
                }
            }
            catch (DocumentReadException ex)
            {
                throw HubException.Invalid($"{f.Path}: {ex.Issue.Message}");
            }

            if (list.Count >= count)
            {
                break;
            }
        }

        return list;
    }

    /// <summary>The full path of a relative path inside <paramref name="folder"/>, or null when it escapes it or is absolute.</summary>
    internal static string? ResolveInside(string folder, string relative)
    {
        if (string.IsNullOrEmpty(relative) || System.IO.Path.IsPathRooted(relative) || relative.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, relative));
        var root = folder.EndsWith(System.IO.Path.DirectorySeparatorChar) ? folder : folder + System.IO.Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal) ? full : null;
    }
}
