using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Moa.Tabular.Deid;

/// <summary>
/// A de-identification spec (<c>deid.yaml</c>): the dataset, its purpose and legal basis, each column's role and
/// technique, the privacy models and the risk settings. <c>moa deid init DATA</c> writes a starter; relative paths are
/// resolved against the spec's folder.
/// </summary>
public sealed class DeidSpec
{
    /// <summary>A name for the dataset (report title).</summary>
    public string Dataset { get; set; } = "";

    /// <summary>The input table (CSV/TSV, XLSX, Parquet).</summary>
    public string Input { get; set; } = "";

    /// <summary>The de-identified output (same format as the input unless the extension says otherwise).</summary>
    public string Output { get; set; } = "";

    /// <summary>Purpose of processing (처리 목적), e.g. 통계작성, 과학적 연구, 공익적 기록보존.</summary>
    public string Purpose { get; set; } = "";

    /// <summary>Legal basis (법적 근거), e.g. 개인정보 보호법 제28조의2.</summary>
    public string LegalBasis { get; set; } = "";

    /// <summary>Who receives the data and under which conditions of use (이용 조건).</summary>
    public string ConditionsOfUse { get; set; } = "";

    /// <summary>The key file (made by <c>moa pii keygen</c>) for keyed pseudonyms; kept apart from the data.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Where the 추가정보 (pseudonym → original table) is written, apart from the output; null: not written.</summary>
    public string? MappingFile { get; set; }

    /// <summary>Who keeps the key and the mapping (추가정보 관리 책임자).</summary>
    public string KeyCustodian { get; set; } = "";

    /// <summary>The columns, in any order; columns not listed are kept as they are (role insensitive).</summary>
    public List<ColumnSpec> Columns { get; set; } = [];

    /// <summary>Privacy models and the search.</summary>
    public PrivacySpec Privacy { get; set; } = new();

    /// <summary>Risk analysis settings.</summary>
    public RiskSpec Risk { get; set; } = new();
}

/// <summary>One column's role and technique.</summary>
public sealed class ColumnSpec
{
    /// <summary>The header name.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>identifier</c> (direct), <c>quasi</c>, <c>sensitive</c> or <c>insensitive</c>.</summary>
    public string Role { get; set; } = "insensitive";

    /// <summary>
    /// <c>keep</c>, <c>drop</c> (삭제), <c>partial</c> (부분삭제), <c>mask</c> (마스킹), <c>pseudonym</c> (가명), <c>generalize</c>
    /// (범주화), <c>round</c> (라운딩), <c>top_bottom</c> (상·하단코딩), <c>noise</c> (잡음), <c>aggregate</c> (총계),
    /// <c>suppress_rare</c> (local suppression of rare cells). Quasi-identifiers are generalised by the search.
    /// </summary>
    public string Technique { get; set; } = "keep";

    /// <summary>Hierarchy for generalisation: <c>builtin:date|age|address|postcode|rrn</c> or an ARX CSV file.</summary>
    public string? Hierarchy { get; set; }

    /// <summary>A fixed generalisation level (else the search chooses for quasi-identifiers).</summary>
    public int? Level { get; set; }

    /// <summary>partial/mask: characters kept at the start.</summary>
    public int KeepPrefix { get; set; }

    /// <summary>partial/mask: characters kept at the end.</summary>
    public int KeepSuffix { get; set; }

    /// <summary>mask: the masking character.</summary>
    public string MaskChar { get; set; } = "*";

    /// <summary>round: the base (e.g. 1000 rounds to thousands).</summary>
    public double Base { get; set; } = 1;

    /// <summary>top_bottom: values above are coded as "≥top".</summary>
    public double? Top { get; set; }

    /// <summary>top_bottom: values below are coded as "≤bottom".</summary>
    public double? Bottom { get; set; }

    /// <summary>noise: <c>laplace</c> or <c>gaussian</c>.</summary>
    public string Distribution { get; set; } = "laplace";

    /// <summary>noise: the scale (Laplace b, Gaussian σ).</summary>
    public double Scale { get; set; } = 1;

    /// <summary>noise: the random seed (reported; same seed, same output).</summary>
    public int Seed { get; set; } = 1;

    /// <summary>noise/round: decimals kept in the output.</summary>
    public int Decimals { get; set; }

    /// <summary>aggregate: <c>mean</c>, <c>median</c> or <c>sum</c>.</summary>
    public string Function { get; set; } = "mean";

    /// <summary>aggregate: the columns whose groups are aggregated over (empty: the whole table).</summary>
    public List<string> GroupBy { get; set; } = [];

    /// <summary>suppress_rare: cells whose value occurs fewer times than this become <c>*</c>.</summary>
    public int MinCount { get; set; } = 5;
}

/// <summary>Privacy models, suppression and search settings.</summary>
public sealed class PrivacySpec
{
    /// <summary>k of k-anonymity (1: none).</summary>
    public int K { get; set; } = 5;

    /// <summary>l-diversity on a sensitive column, or null.</summary>
    public LDiversitySpec? LDiversity { get; set; }

    /// <summary>t-closeness on a sensitive column, or null.</summary>
    public TClosenessSpec? TCloseness { get; set; }

    /// <summary>δ-presence against a population table, or null.</summary>
    public DeltaPresenceSpec? DeltaPresence { get; set; }

    /// <summary>Share of records that may be suppressed (0–1).</summary>
    public double SuppressionLimit { get; set; } = 0.05;

    /// <summary>
    /// <c>loss</c> (ARX's Loss, arithmetic mean over quasi-identifiers), <c>loss-geometric</c> (ARX's Loss with ARX's default
    /// aggregate, the geometric mean), <c>entropy</c> or <c>discernibility</c>.
    /// </summary>
    public string Metric { get; set; } = "loss";

    /// <summary><c>auto</c>, <c>optimal</c> or <c>heuristic</c>.</summary>
    public string Search { get; set; } = "auto";
}

/// <summary>l-diversity settings.</summary>
public sealed class LDiversitySpec
{
    /// <summary>The sensitive column.</summary>
    public string Attribute { get; set; } = "";

    /// <summary><c>distinct</c>, <c>entropy</c> or <c>recursive</c>.</summary>
    public string Variant { get; set; } = "distinct";

    /// <summary>l.</summary>
    public double L { get; set; } = 2;

    /// <summary>c for recursive (c,l)-diversity.</summary>
    public double C { get; set; } = 3;
}

/// <summary>t-closeness settings.</summary>
public sealed class TClosenessSpec
{
    /// <summary>The sensitive column.</summary>
    public string Attribute { get; set; } = "";

    /// <summary><c>equal</c> or <c>ordered</c> ground distance.</summary>
    public string Distance { get; set; } = "equal";

    /// <summary>t.</summary>
    public double T { get; set; } = 0.2;
}

/// <summary>δ-presence settings.</summary>
public sealed class DeltaPresenceSpec
{
    /// <summary>The population table (same quasi-identifier columns; the data is a subset).</summary>
    public string Population { get; set; } = "";

    /// <summary>δmin.</summary>
    public double Min { get; set; }

    /// <summary>δmax.</summary>
    public double Max { get; set; } = 0.5;
}

/// <summary>Risk analysis settings.</summary>
public sealed class RiskSpec
{
    /// <summary>Record risk above this counts as "at risk".</summary>
    public double Threshold { get; set; } = 0.2;

    /// <summary>n/N when the data is a sample of a known population size (for journalist risk and population uniques).</summary>
    public double? SamplingFraction { get; set; }

    /// <summary>Largest SUDA subset size.</summary>
    public int SudaMaxSize { get; set; } = 3;
}

/// <summary>Reads, validates and writes <see cref="DeidSpec"/> YAML.</summary>
public static class DeidSpecLoader
{
    /// <summary>The roles a column may have.</summary>
    public static IReadOnlyList<string> Roles { get; } = ["identifier", "quasi", "sensitive", "insensitive"];

    /// <summary>The techniques a column may have.</summary>
    public static IReadOnlyList<string> Techniques { get; } =
        ["keep", "drop", "partial", "mask", "pseudonym", "generalize", "round", "top_bottom", "noise", "aggregate", "suppress_rare"];

    /// <summary>Loads and validates a spec file.</summary>
    public static DeidSpec Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new MoaException($"{path}: spec not found. Write one with `moa deid init DATA`.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses and validates spec YAML.</summary>
    public static DeidSpec Parse(string yaml, string source = "deid.yaml")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        DeidSpec? spec;
        try
        {
            spec = deserializer.Deserialize<DeidSpec?>(yaml);
        }
        catch (YamlException ex)
        {
            var detail = ex.InnerException?.Message ?? ex.Message;
            throw new MoaException($"{source}:{ex.Start.Line}:{ex.Start.Column}: {detail}", ex);
        }

        spec ??= new DeidSpec();
        Validate(spec, source);
        return spec;
    }

    /// <summary>The spec as YAML.</summary>
    public static string ToYaml(DeidSpec spec) =>
        new SerializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance)
            .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitDefaults).Build().Serialize(spec);

    private static void Validate(DeidSpec spec, string source)
    {
        void Require(bool ok, string field, string message)
        {
            if (!ok)
            {
                throw new MoaException($"{source}: {field}: {message}");
            }
        }

        Require(spec.Input.Length > 0, "input", "is required (the table to de-identify).");
        Require(spec.Output.Length > 0, "output", "is required (where the de-identified table goes).");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Columns.Count; i++)
        {
            var c = spec.Columns[i];
            var field = $"columns[{i}] ({c.Name})";
            Require(c.Name.Length > 0, $"columns[{i}].name", "is required.");
            Require(names.Add(c.Name), field, "is listed twice.");
            Require(Roles.Contains(c.Role), field + ".role", $"must be one of {string.Join(", ", Roles)}, not '{c.Role}'.");
            Require(Techniques.Contains(c.Technique), field + ".technique", $"must be one of {string.Join(", ", Techniques)}, not '{c.Technique}'.");
            Require(c.Technique != "generalize" || c.Hierarchy is not null, field + ".hierarchy", "is required for the technique generalize.");
            Require(c.Technique != "generalize" || c.Role == "quasi" || c.Level is not null, field + ".level", "is required for generalize outside quasi-identifiers (the search only sets quasi-identifiers).");
            Require(c.KeepPrefix >= 0 && c.KeepSuffix >= 0, field, "keep_prefix and keep_suffix must not be negative.");
            Require(c.Technique != "partial" || c.KeepPrefix + c.KeepSuffix > 0, field, "partial needs keep_prefix or keep_suffix.");
            Require(c.Technique != "round" || c.Base > 0, field + ".base", $"must be positive, not {c.Base}.");
            Require(c.Technique != "top_bottom" || c.Top is not null || c.Bottom is not null, field, "top_bottom needs top or bottom.");
            Require(c.Technique != "noise" || (c.Scale > 0 && c.Distribution is "laplace" or "gaussian"), field, "noise needs a positive scale and distribution laplace or gaussian.");
            Require(c.Technique != "aggregate" || c.Function is "mean" or "median" or "sum", field + ".function", $"must be mean, median or sum, not '{c.Function}'.");
            Require(c.MaskChar.Length == 1, field + ".mask_char", "must be one character.");
            Require(c.Decimals is >= 0 and <= 10, field + ".decimals", "must be 0..10.");
        }

        var p = spec.Privacy;
        Require(p.K >= 1, "privacy.k", $"must be at least 1, not {p.K}.");
        Require(p.SuppressionLimit is >= 0 and <= 1, "privacy.suppression_limit", $"must be between 0 and 1, not {p.SuppressionLimit}.");
        Require(p.Metric is "loss" or "loss-geometric" or "entropy" or "discernibility", "privacy.metric", $"must be loss, loss-geometric, entropy or discernibility, not '{p.Metric}'.");
        Require(p.Search is "auto" or "optimal" or "heuristic", "privacy.search", $"must be auto, optimal or heuristic, not '{p.Search}'.");
        Require(p.LDiversity is null || p.LDiversity.Variant is "distinct" or "entropy" or "recursive", "privacy.l_diversity.variant", "must be distinct, entropy or recursive.");
        Require(p.LDiversity is null || p.LDiversity.Attribute.Length > 0, "privacy.l_diversity.attribute", "is required.");
        Require(p.TCloseness is null || p.TCloseness.Distance is "equal" or "ordered", "privacy.t_closeness.distance", "must be equal or ordered.");
        Require(p.TCloseness is null || p.TCloseness.Attribute.Length > 0, "privacy.t_closeness.attribute", "is required.");
        Require(p.DeltaPresence is null || p.DeltaPresence.Population.Length > 0, "privacy.delta_presence.population", "is required.");
        Require(spec.Risk.Threshold is > 0 and <= 1, "risk.threshold", $"must be in (0, 1], not {spec.Risk.Threshold}.");
        Require(spec.Risk.SamplingFraction is null or (> 0 and <= 1), "risk.sampling_fraction", "must be in (0, 1].");
        Require(spec.Columns.Any(c => c.Technique == "pseudonym") is false || spec.KeyFile is not null, "key_file", "is required when a column uses pseudonym.");
    }
}
