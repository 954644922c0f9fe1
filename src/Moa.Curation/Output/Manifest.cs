using System.Text.Json;

namespace Moa.Curation.Output;

/// <summary>
/// <c>manifest.json</c>: every output file with its sha256, document count and size; the inputs with theirs;
/// the config, its hash and the tool version. A run is finished when its manifest exists.
/// </summary>
public sealed class Manifest
{
    public string Tool { get; set; } = "moa";

    public string Version { get; set; } = string.Empty;

    public string Format { get; set; } = "moa-corpus/1";

    public string ConfigHash { get; set; } = string.Empty;

    public JsonElement Config { get; set; }

    public List<InputEntry> Inputs { get; set; } = [];

    public List<FileEntry> Files { get; set; } = [];

    /// <summary>Parses <c>manifest.json</c> text as <c>moa curate</c> writes it; throws <see cref="MoaException"/> naming <paramref name="path"/> when it is not JSON of that shape.</summary>
    public static Manifest Parse(string json, string path)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<Manifest>(json, OutputJson.Options)
                ?? throw new MoaException($"{path}: the manifest is empty (null); expected the manifest.json that `moa curate` writes.");
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 0 } field ? $" at {field}" : "";
            throw new MoaException($"{path}: not a valid moa curate manifest{where} ({ex.Message}).", ex);
        }
    }
}

/// <summary>One output file.</summary>
public sealed class FileEntry
{
    /// <summary>Path relative to the output folder, with forward slashes.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary><c>data</c>, <c>removed</c>.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Kind of the curated corpus's parts.</summary>
    public const string DataKind = "data";

    /// <summary>Folder of the removed documents: unscrubbed text for the provider's own inspection, never catalogued or served.</summary>
    public const string RemovedFolder = "removed";

    /// <summary>
    /// Whether this file is a part of the curated corpus that may be catalogued and served: kind <c>data</c> (or no kind,
    /// as in manifests written before kinds were recorded), and never a file inside <c>removed/</c>, whatever its kind says.
    /// </summary>
    public bool IsCorpusPart()
    {
        if (Kind is { Length: > 0 } && Kind != DataKind)
        {
            return false;
        }

        var segments = Path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var depth = new List<string>();
        foreach (var segment in segments)
        {
            if (segment == "..")
            {
                if (depth.Count > 0)
                {
                    depth.RemoveAt(depth.Count - 1);
                }
            }
            else if (segment != ".")
            {
                depth.Add(segment);
            }
        }

        return depth.Count > 0 && !string.Equals(depth[0], RemovedFolder, StringComparison.OrdinalIgnoreCase);
    }

    public string Sha256 { get; set; } = string.Empty;

    public long Documents { get; set; }

    public long Bytes { get; set; }
}

/// <summary>One input file, for provenance.</summary>
public sealed class InputEntry
{
    public string Path { get; set; } = string.Empty;

    public string Format { get; set; } = string.Empty;

    public long Bytes { get; set; }

    public string Sha256 { get; set; } = string.Empty;
}
