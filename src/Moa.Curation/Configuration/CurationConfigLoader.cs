using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Moa.Curation.Configuration;

/// <summary>Reads <c>pipeline.yaml</c> into a <see cref="CurationConfig"/>, validates it and hashes it.</summary>
public static class CurationConfigLoader
{
    private static readonly JsonSerializerOptions s_canonicalJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Loads a YAML file; unknown keys, wrong types and invalid values are errors naming the line.</summary>
    public static CurationConfig Load(string path)
    {
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            throw new MoaException($"{path}: cannot read the pipeline config ({ex.Message}).", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new MoaException($"{path}: permission denied reading the pipeline config.", ex);
        }

        return Parse(yaml, path);
    }

    /// <summary>Parses YAML text (an empty document gives the defaults).</summary>
    public static CurationConfig Parse(string yaml, string sourceName = "pipeline.yaml")
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build();
        CurationConfig? config;
        try
        {
            config = deserializer.Deserialize<CurationConfig?>(yaml);
        }
        catch (YamlException ex)
        {
            var detail = ex.InnerException?.Message ?? ex.Message;
            if (detail.Contains("not found on type", StringComparison.Ordinal))
            {
                detail = "unknown key" + DescribeUnknownKey(detail);
            }

            throw new MoaException($"{sourceName}:{ex.Start.Line}:{ex.Start.Column}: {detail}. See examples/pipeline.yaml for every key and its default.", ex);
        }

        config ??= new CurationConfig();
        Validate(config, sourceName);
        return config;
    }

    /// <summary>The config as YAML with every key (what <c>moa curate --print-config</c> shows).</summary>
    public static string ToYaml(CurationConfig config) =>
        new SerializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build()
            .Serialize(config);

    /// <summary>The config as canonical JSON (snake_case keys, fixed order): what the manifest records and hashes.</summary>
    public static string ToCanonicalJson(CurationConfig config) => JsonSerializer.Serialize(config, s_canonicalJson);

    /// <summary>The config as a JSON element for embedding in the manifest.</summary>
    public static JsonElement ToJsonElement(CurationConfig config) => JsonSerializer.SerializeToElement(config, s_canonicalJson);

    /// <summary>Reads back the config a manifest records (its canonical JSON).</summary>
    public static CurationConfig FromJsonElement(JsonElement config) =>
        config.Deserialize<CurationConfig>(s_canonicalJson) ?? new CurationConfig();

    /// <summary>sha256 of the canonical JSON, lower-case hex.</summary>
    public static string Hash(CurationConfig config) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToCanonicalJson(config))));

    private static string DescribeUnknownKey(string detail)
    {
        // YamlDotNet says: "Property 'foo' not found on type 'Moa.Curation.Configuration.LanguageOptions'."
        var start = detail.IndexOf('\'', StringComparison.Ordinal);
        var end = start >= 0 ? detail.IndexOf('\'', start + 1) : -1;
        var typeStart = detail.LastIndexOf('.') is var dot and > 0 ? dot + 1 : 0;
        var typeName = detail[typeStart..].TrimEnd('\'', '.');
        return start >= 0 && end > start ? $" '{detail[(start + 1)..end]}' in section {typeName}" : string.Empty;
    }

    private static void Validate(CurationConfig c, string source)
    {
        static void Require(bool ok, string source, string field, string message)
        {
            if (!ok)
            {
                throw new MoaException($"{source}: {field}: {message}");
            }
        }

        Require(!string.IsNullOrWhiteSpace(c.Input.TextField), source, "input.text_field", "must not be empty.");
        Require(!string.IsNullOrWhiteSpace(c.Input.IdField), source, "input.id_field", "must not be empty.");
        Require(c.Language.MinScore is >= 0 and <= 1, source, "language.min_score", $"must be between 0 and 1, not {c.Language.MinScore}.");
        Require(c.Normalize.Form is "NFC" or "NFKC", source, "normalize.form", $"must be NFC or NFKC, not '{c.Normalize.Form}'.");
        var near = c.Dedup.Near;
        Require(near.ShingleWords is >= 1 and <= 64, source, "dedup.near.shingle_words", $"must be 1..64, not {near.ShingleWords}.");
        Require(near.Bands is >= 1 and <= 1024, source, "dedup.near.bands", $"must be 1..1024, not {near.Bands}.");
        Require(near.Rows is >= 1 and <= 1024, source, "dedup.near.rows", $"must be 1..1024, not {near.Rows}.");
        Require(near.MinSimilarity is > 0 and <= 1, source, "dedup.near.min_similarity", $"must be above 0 and at most 1, not {near.MinSimilarity}.");
        Require(near.MaxWordEdits is >= 0 and <= 8, source, "dedup.near.max_word_edits", $"must be 0..8, not {near.MaxWordEdits}.");
        Require(near.MaxEditRate is >= 0 and <= 0.2, source, "dedup.near.max_edit_rate", $"must be 0..0.2, not {near.MaxEditRate}.");
        Require(near.MaxCandidates is >= 1 and <= 1024, source, "dedup.near.max_candidates", $"must be 1..1024, not {near.MaxCandidates}.");
        Require(c.Output.PartBytes >= 1024, source, "output.part_bytes", $"must be at least 1024, not {c.Output.PartBytes}.");
        Require(c.Output.Compression is "fastest" or "optimal" or "smallest", source, "output.compression", $"must be fastest, optimal or smallest, not '{c.Output.Compression}'.");
        Require(Output.PartSettings.Names.Contains(c.Output.Format), source, "output.format", $"must be one of {string.Join(", ", Output.PartSettings.Names)}, not '{c.Output.Format}'.");
        Require(c.Output.ParquetRowGroupBytes is >= 65536 and <= 1L << 31, source, "output.parquet_row_group_bytes", $"must be 65536 to 2147483648, not {c.Output.ParquetRowGroupBytes}.");
        Require(!string.IsNullOrWhiteSpace(c.Card.License) && c.Card.License.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.' or '+'), source, "card.license", $"must be an SPDX licence id such as cc-by-4.0, or other, not '{c.Card.License}'.");
        Require(c.Stats.Tokenizers.Count is >= 1 and <= 8, source, "stats.tokenizers", $"must name 1 to 8 tokenizers, not {c.Stats.Tokenizers.Count}.");
        Require(c.Stats.Tokenizers.All(t => !string.IsNullOrWhiteSpace(t)), source, "stats.tokenizers", "must not hold an empty entry.");
        Require(c.Stats.Tokenizers.Distinct(StringComparer.Ordinal).Count() == c.Stats.Tokenizers.Count, source, "stats.tokenizers", "names a tokenizer twice.");
        var s3 = c.Storage.S3;
        Require(s3.Endpoint.Length == 0 || (Uri.TryCreate(s3.Endpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https"), source, "storage.s3.endpoint", $"must be an http(s) URL such as http://minio:9000, not '{s3.Endpoint}'.");
        Require(s3.SecretAccessKey.Length == 0 || s3.SecretAccessKeyFile.Length == 0, source, "storage.s3.secret_access_key", "set it or secret_access_key_file, not both.");
        Require((s3.AccessKeyId.Length == 0) == (s3.SecretAccessKey.Length == 0 && s3.SecretAccessKeyFile.Length == 0), source, "storage.s3.access_key_id", "needs a secret (secret_access_key or secret_access_key_file), and a secret needs the key id.");
        Require(s3.PartSizeMb is >= 5 and <= 5120, source, "storage.s3.part_size_mb", $"must be 5..5120 (S3's part limits), not {s3.PartSizeMb}.");
        Require(c.Output.BatchDocuments is >= 1 and <= 1_000_000, source, "output.batch_documents", $"must be 1..1000000, not {c.Output.BatchDocuments}.");
        Require(c.Pii.Operator is "tag" or "mask" or "pseudonym" or "encrypt", source, "pii.operator", $"must be tag, mask, pseudonym or encrypt, not '{c.Pii.Operator}'.");
        Require(c.Pii.MinScore is >= 0 and <= 1, source, "pii.min_score", $"must be between 0 and 1, not {c.Pii.MinScore}.");
        Require(c.Pii.PersonPolicy is "all" or "private" or "none", source, "pii.person_policy", $"must be all, private or none, not '{c.Pii.PersonPolicy}'.");
        try
        {
            Filters.QualityProfiles.Normalize(c.Quality);
        }
        catch (MoaException ex)
        {
            throw new MoaException($"{source}: {ex.Message}", ex);
        }
        Require(c.Quality?.Perplexity is not null, source, "quality.perplexity", "is empty: give it settings (e.g. 'enabled: false') or remove the key to use the defaults.");
        Require(c.Quality!.Perplexity!.MaxPerplexity is null or > 1, source, "quality.perplexity.max_perplexity", $"must be a perplexity above 1 (or ~ to only tag), not {c.Quality.Perplexity.MaxPerplexity}.");
        Require(c.Quality.Perplexity.MaxChars >= 0, source, "quality.perplexity.max_chars", $"must be 0 (whole documents) or more, not {c.Quality.Perplexity.MaxChars}.");
        Require(c.Quality.Perplexity.Model is null || !string.IsNullOrWhiteSpace(c.Quality.Perplexity.Model), source, "quality.perplexity.model", "must be the path of a model built by 'moa curate train-lm', or ~ for the model shipped with Moa.");
    }
}
