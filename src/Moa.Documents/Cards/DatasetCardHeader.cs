using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Moa.Documents.Cards;

/// <summary>
/// The YAML front matter of a Hugging Face dataset card (<c>README.md</c>): licence, languages, size category, task
/// categories and the <c>configs</c> whose <c>data_files</c> point at the parts, so that <c>datasets.load_dataset</c>
/// and the Hub's viewer find them. Properties are written in declaration order; unset ones are left out.
/// </summary>
public sealed class DatasetCardHeader
{
    private static readonly ISerializer s_serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .Build();

    public string? PrettyName { get; set; }

    /// <summary>An SPDX licence id in lower case as the Hub lists them (<c>cc-by-4.0</c>), or <c>other</c>.</summary>
    public string License { get; set; } = "other";

    /// <summary>With <c>license: other</c>: a short name of the terms.</summary>
    public string? LicenseName { get; set; }

    /// <summary>ISO 639-1 codes.</summary>
    public List<string> Language { get; set; } = [];

    public List<string> SizeCategories { get; set; } = [];

    public List<string> TaskCategories { get; set; } = [];

    public List<string> TaskIds { get; set; } = [];

    public List<string> Tags { get; set; } = [];

    public List<DatasetCardConfig> Configs { get; set; } = [];

    /// <summary>The Hub's size category of <paramref name="rows"/> rows (<c>10K&lt;n&lt;100K</c>).</summary>
    public static string SizeCategory(long rows) => rows switch
    {
        < 1_000 => "n<1K",
        < 10_000 => "1K<n<10K",
        < 100_000 => "10K<n<100K",
        < 1_000_000 => "100K<n<1M",
        < 10_000_000 => "1M<n<10M",
        < 100_000_000 => "10M<n<100M",
        < 1_000_000_000 => "100M<n<1B",
        < 10_000_000_000 => "1B<n<10B",
        _ => "n>1T",
    };

    /// <summary>The front matter block, <c>---</c> lines included, with <c>\n</c> line ends.</summary>
    public string ToFrontMatter() => "---\n" + s_serializer.Serialize(this).ReplaceLineEndings("\n") + "---\n";
}

/// <summary>One <c>configs</c> entry: a name and its data files per split.</summary>
public sealed class DatasetCardConfig
{
    public string ConfigName { get; set; } = "default";

    public List<DatasetCardDataFiles> DataFiles { get; set; } = [];
}

/// <summary>The files of one split, as a path or glob relative to the card.</summary>
public sealed class DatasetCardDataFiles
{
    public string Split { get; set; } = "train";

    public string Path { get; set; } = string.Empty;
}
