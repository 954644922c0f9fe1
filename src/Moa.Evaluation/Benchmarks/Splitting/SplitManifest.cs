using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moa.Evaluation.Benchmarks.Splitting;

/// <summary>
/// <c>split.json</c>: which items are held out for the leaderboard, how they were chosen (seed, fraction, strata),
/// and the hash of <c>items.jsonl</c> at split time so a later change of the items is noticed.
/// </summary>
public sealed record SplitManifest
{
    /// <summary>Format tag written to the file.</summary>
    public const string FormatTag = "moa-split/1";

    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary><see cref="FormatTag"/> in every manifest Moa writes; checked on reading.</summary>
    public string Format { get; init; } = string.Empty;

    /// <summary>The seed given to <c>moa bench split</c>.</summary>
    public long Seed { get; init; }

    /// <summary>The requested held-out fraction.</summary>
    public double HoldoutFraction { get; init; }

    /// <summary>What the split was stratified by.</summary>
    public IReadOnlyList<string> StratifiedBy { get; init; } = ["subset", "answer"];

    /// <summary>SHA-256 of <c>items.jsonl</c> with all items, when the split was made.</summary>
    public string ItemsSha256 { get; init; } = string.Empty;

    /// <summary>Per sub-item: total items and held-out items.</summary>
    public IReadOnlyDictionary<string, SplitCount> Subsets { get; init; } = new Dictionary<string, SplitCount>();

    /// <summary>Held-out item ids, sorted ordinally.</summary>
    [JsonPropertyName("holdout_ids")]
    public IReadOnlyList<string> HoldoutIdList { get; init; } = [];

    /// <summary>The held-out ids as a set.</summary>
    [JsonIgnore]
    public IReadOnlySet<string> HoldoutIds => _ids ??= new HashSet<string>(HoldoutIdList, StringComparer.Ordinal);

    private HashSet<string>? _ids;

    /// <summary>Reads a manifest, or returns null when the file does not exist.</summary>
    /// <exception cref="MoaException">The file exists but is not a valid manifest.</exception>
    public static SplitManifest? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        SplitManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<SplitManifest>(File.ReadAllBytes(path), s_json);
        }
        catch (JsonException ex)
        {
            throw new MoaException($"{path} line {((ex.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture)}: not a valid split manifest ({ex.Message.Split(" Path:")[0]}). Re-run 'moa bench split'.", ex);
        }

        if (manifest is null || !string.Equals(manifest.Format, FormatTag, StringComparison.Ordinal))
        {
            throw new MoaException($"{path}: not a split manifest (expected \"format\": \"{FormatTag}\"). Re-run 'moa bench split'.");
        }

        return manifest;
    }

    /// <summary>Writes the manifest as indented JSON.</summary>
    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, s_json) + "\n");
}

/// <summary>Counts of one sub-item in a split.</summary>
/// <param name="Total">All items of the sub-item.</param>
/// <param name="Holdout">Items held out.</param>
public sealed record SplitCount(int Total, int Holdout);
