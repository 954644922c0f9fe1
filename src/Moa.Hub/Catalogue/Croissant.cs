using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Moa.Hub.Catalogue;

/// <summary>
/// Croissant 1.0 (MLCommons) JSON-LD for a dataset: schema.org Dataset metadata, one FileObject per data file with its
/// SHA-256, a FileSet over the JSON Lines inside, a RecordSet of <c>id</c>/<c>text</c>, and the RAI fields Moa can fill.
/// </summary>
public static class Croissant
{
    /// <summary>The value of <c>conformsTo</c>.</summary>
    public const string ConformsTo = "http://mlcommons.org/croissant/1.0";

    /// <summary>Builds the document; <paramref name="baseUrl"/> is the hub's public origin, e.g. <c>https://hub.example</c>.</summary>
    public static JsonObject Build(DatasetDetail detail, string baseUrl, string? publisher)
    {
        ArgumentNullException.ThrowIfNull(detail);
        ArgumentNullException.ThrowIfNull(baseUrl);
        baseUrl = baseUrl.TrimEnd('/');
        var ds = detail.Dataset;
        var v = detail.Latest;
        var pageUrl = $"{baseUrl}/datasets/{ds.Slug}";
        var distribution = new JsonArray();
        var partIds = new JsonArray();
        foreach (var f in detail.Files)
        {
            var id = "file-" + f.Path.Replace('/', '-');
            distribution.Add(new JsonObject
            {
                ["@type"] = "cr:FileObject",
                ["@id"] = id,
                ["name"] = f.Path,
                ["description"] = string.Create(CultureInfo.InvariantCulture, $"{f.Documents} documents; download requires an active agreement."),
                ["contentUrl"] = $"{baseUrl}/api/datasets/{ds.Slug}/versions/{v.Version}/files/{f.Path}",
                ["contentSize"] = string.Create(CultureInfo.InvariantCulture, $"{f.Bytes} B"),
                ["encodingFormat"] = Moa.Documents.Jsonl.CorpusPart.MediaType(f.Path),
                ["sha256"] = f.Sha256,
            });
            partIds.Add(new JsonObject { ["@id"] = id });
        }

        distribution.Add(new JsonObject
        {
            ["@type"] = "cr:FileSet",
            ["@id"] = "jsonl-records",
            ["name"] = "jsonl-records",
            ["description"] = "The JSON Lines records inside the compressed parts.",
            ["containedIn"] = partIds,
            ["encodingFormat"] = "application/jsonlines",
            ["includes"] = "*.jsonl",
        });

        var stages = new List<string>();
        var languages = new JsonArray();
        if (detail.Stats.ValueKind == JsonValueKind.Object)
        {
            if (detail.Stats.TryGetProperty("stages", out var st) && st.ValueKind == JsonValueKind.Array)
            {
                foreach (var s in st.EnumerateArray())
                {
                    stages.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{Str(s, "name")}: {Num(s, "documents_in")} → {Num(s, "documents_out")} documents"));
                }
            }

            if (detail.Stats.TryGetProperty("languages", out var langs) && langs.ValueKind == JsonValueKind.Object)
            {
                foreach (var l in langs.EnumerateObject().OrderByDescending(l => l.Value.TryGetInt64(out var n) ? n : 0))
                {
                    languages.Add(l.Name);
                }
            }
        }

        var piiStage = stages.Any(s => s.Contains("pii", StringComparison.OrdinalIgnoreCase) || s.Contains("privacy", StringComparison.OrdinalIgnoreCase));
        var doc = new JsonObject
        {
            ["@context"] = Context(),
            ["@type"] = "sc:Dataset",
            ["conformsTo"] = ConformsTo,
            ["name"] = ds.Name,
            ["description"] = string.IsNullOrWhiteSpace(ds.Description) ? ds.Name : ds.Description,
            ["license"] = ds.Licence,
            ["url"] = pageUrl,
            ["version"] = string.Create(CultureInfo.InvariantCulture, $"{v.Version}.0.0"),
            ["datePublished"] = DateTimeOffset.FromUnixTimeMilliseconds(v.CreatedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["creator"] = new JsonObject { ["@type"] = "sc:Organization", ["name"] = publisher ?? "Moa hub" },
            ["publisher"] = new JsonObject { ["@type"] = "sc:Organization", ["name"] = publisher ?? "Moa hub" },
            ["isLiveDataset"] = false,
            ["keywords"] = new JsonArray("Korean", "pretraining", "corpus"),
            ["inLanguage"] = languages,
            ["citeAs"] = $"{ds.Name} (version {v.Version}), {pageUrl}",
            ["rai:dataCollection"] = "Provided by data providers under agreements with the agency and curated with `moa curate` "
                + $"(tool version {v.ToolVersion}, configuration hash {v.ConfigHash}).",
            ["rai:dataPreprocessingProtocol"] = new JsonArray(stages.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            ["rai:dataUseCases"] = "Use is limited to the purposes (pretraining, fine-tuning, evaluation, RAG) named in an active agreement covering this dataset.",
            ["rai:personalSensitiveInformation"] = piiStage
                ? "Personal information was detected and de-identified by the curation pipeline's privacy stage; sample rows shown by the hub are masked again."
                : "No privacy stage is recorded for this version; sample rows shown by the hub are masked.",
            ["distribution"] = distribution,
            ["recordSet"] = new JsonArray(new JsonObject
            {
                ["@type"] = "cr:RecordSet",
                ["@id"] = "documents",
                ["name"] = "documents",
                ["description"] = "One curated document per record.",
                ["key"] = new JsonObject { ["@id"] = "documents/id" },
                ["field"] = new JsonArray(Field("id", "sc:Text", "Stable document identifier."), Field("text", "sc:Text", "Document text.")),
            }),
        };
        return doc;

        static JsonObject Field(string name, string type, string description) => new()
        {
            ["@type"] = "cr:Field",
            ["@id"] = "documents/" + name,
            ["name"] = name,
            ["description"] = description,
            ["dataType"] = type,
            ["source"] = new JsonObject
            {
                ["fileSet"] = new JsonObject { ["@id"] = "jsonl-records" },
                ["extract"] = new JsonObject { ["column"] = name },
            },
        };
    }

    private static string Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ToString() : "";

    private static long Num(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt64(out var n) ? n : 0;

    /// <summary>The Croissant 1.0 JSON-LD context.</summary>
    private static JsonObject Context() => new()
    {
        ["@language"] = "en",
        ["@vocab"] = "https://schema.org/",
        ["citeAs"] = "cr:citeAs",
        ["column"] = "cr:column",
        ["conformsTo"] = "dct:conformsTo",
        ["cr"] = "http://mlcommons.org/croissant/",
        ["rai"] = "http://mlcommons.org/croissant/RAI/",
        ["data"] = new JsonObject { ["@id"] = "cr:data", ["@type"] = "@json" },
        ["dataType"] = new JsonObject { ["@id"] = "cr:dataType", ["@type"] = "@vocab" },
        ["dct"] = "http://purl.org/dc/terms/",
        ["examples"] = new JsonObject { ["@id"] = "cr:examples", ["@type"] = "@json" },
        ["extract"] = "cr:extract",
        ["field"] = "cr:field",
        ["fileProperty"] = "cr:fileProperty",
        ["fileObject"] = "cr:fileObject",
        ["fileSet"] = "cr:fileSet",
        ["format"] = "cr:format",
        ["includes"] = "cr:includes",
        ["isLiveDataset"] = "cr:isLiveDataset",
        ["jsonPath"] = "cr:jsonPath",
        ["key"] = "cr:key",
        ["md5"] = "cr:md5",
        ["parentField"] = "cr:parentField",
        ["path"] = "cr:path",
        ["recordSet"] = "cr:recordSet",
        ["references"] = "cr:references",
        ["regex"] = "cr:regex",
        ["repeated"] = "cr:repeated",
        ["replace"] = "cr:replace",
        ["sc"] = "https://schema.org/",
        ["separator"] = "cr:separator",
        ["source"] = "cr:source",
        ["subField"] = "cr:subField",
        ["transform"] = "cr:transform",
    };
}
