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
}

/// <summary>One output file.</summary>
public sealed class FileEntry
{
    /// <summary>Path relative to the output folder, with forward slashes.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary><c>data</c>, <c>removed</c>.</summary>
    public string Kind { get; set; } = string.Empty;

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
