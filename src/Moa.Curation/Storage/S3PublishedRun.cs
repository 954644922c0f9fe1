using System.Security.Cryptography;
using System.Text;
using Moa.Curation.Output;

namespace Moa.Curation.Storage;

/// <summary>
/// A run published under <c>s3://bucket/prefix</c>. Its files are uploaded under the temporary prefix
/// <c>prefix/runs/ID/</c>, where ID is the first 16 hex digits of the sha256 of its <c>manifest.json</c>; then the
/// manifest itself is put at <c>prefix/manifest.json</c>, the commit point (one PUT, atomic in S3). Readers follow only
/// the published manifest: its bytes name the folder holding exactly the files it lists, so a reader never sees half a
/// run, and objects under <c>runs/</c> that no published manifest names are debris of an unfinished or replaced run.
/// No object is ever copied (CopyObject is not needed, which s3rver cannot do with the SDK's copy header).
/// </summary>
public sealed class S3PublishedRun
{
    /// <summary>The folder below the prefix that holds every run's files.</summary>
    public const string RunsFolder = "runs";

    private S3PublishedRun(S3Url url, byte[] manifestBytes, Manifest manifest)
    {
        Url = url;
        ManifestBytes = manifestBytes;
        Manifest = manifest;
        Id = IdOf(manifestBytes);
    }

    public S3Url Url { get; }

    /// <summary>The published manifest, byte for byte as the run wrote it.</summary>
    public byte[] ManifestBytes { get; }

    public Manifest Manifest { get; }

    /// <summary>The run's folder name below <c>runs/</c>.</summary>
    public string Id { get; }

    /// <summary>The id of the run whose manifest is <paramref name="manifest"/>.</summary>
    public static string IdOf(ReadOnlySpan<byte> manifest) => Convert.ToHexStringLower(SHA256.HashData(manifest))[..16];

    /// <summary>The key of a run's file (manifest path, forward slashes) below the prefix of <paramref name="url"/>.</summary>
    public static string KeyOf(S3Url url, string id, string path)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Key($"{RunsFolder}/{id}/{path}");
    }

    /// <summary>The key of one of this run's files, given its path in the manifest (or <c>stats.json</c>, <c>report.html</c>).</summary>
    public string KeyOf(string path) => KeyOf(Url, Id, path);

    /// <summary>Reads the run published at <paramref name="url"/>; null when no manifest is published there.</summary>
    public static S3PublishedRun? Read(S3Store store, S3Url url)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(url);
        var bytes = store.ReadOrNull(url, url.Key("manifest.json"));
        return bytes is null ? null : new S3PublishedRun(url, bytes, Manifest.Parse(Encoding.UTF8.GetString(bytes), $"{url}/manifest.json"));
    }
}
