using System.Globalization;
using Moa.Synthesis.Data;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Moa.Synthesis;

/// <summary>
/// What to fit (<c>synth.yaml</c>): the synthesizer, its privacy budget, per-column settings and the constraints every
/// synthetic row must satisfy. See <c>docs/privacy/synthetic.md</c>.
/// </summary>
public sealed class SynthSpec
{
    /// <summary><c>copula</c> (Gaussian copula, not differentially private), <c>mst</c> or <c>privbayes</c> (differentially private).</summary>
    public string Synthesizer { get; set; } = "copula";

    public int Seed { get; set; } = 42;

    /// <summary>Privacy-loss ε of the MST synthesizer.</summary>
    public double Epsilon { get; set; } = 1.0;

    /// <summary>δ of the MST synthesizer's (ε, δ) guarantee; at most 1/rows is advised.</summary>
    public double Delta { get; set; } = 1e-6;

    /// <summary>Copula only: a categorical column to condition on; one copula is fitted per value (values under 50 rows share one), so every column keeps its relation to it.</summary>
    public string? ConditionOn { get; set; }

    /// <summary>Most parents per column in the PrivBayes network (DataSynthesizer's correlated mode: 2).</summary>
    public int Degree { get; set; } = 2;

    /// <summary>Per-column settings keyed by column name.</summary>
    public Dictionary<string, ColumnSpec> Columns { get; set; } = [];

    public ConstraintSpec Constraints { get; set; } = new();

    /// <summary>Reads a spec file; unknown keys and invalid values are errors naming the file and line.</summary>
    public static SynthSpec Load(string path)
    {
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MoaException($"{path}: cannot read the synthesis spec ({ex.Message}).", ex);
        }

        return Parse(yaml, path);
    }

    public static SynthSpec Parse(string yaml, string sourceName = "synth.yaml")
    {
        var spec = YamlFile.Parse<SynthSpec>(yaml, sourceName) ?? new SynthSpec();
        spec.Validate(sourceName);
        return spec;
    }

    private void Validate(string source)
    {
        Synthesizer = Synthesizer.Trim().ToLowerInvariant();
        if (Synthesizer is not ("copula" or "mst" or "privbayes"))
        {
            throw new MoaException($"{source}: synthesizer '{Synthesizer}' is unknown (expected copula, mst or privbayes).");
        }

        if (ConditionOn is not null && Synthesizer != "copula")
        {
            throw new MoaException($"{source}: condition_on applies to the copula only (synthesizer is {Synthesizer}).");
        }

        if (Degree is < 1 or > 4)
        {
            throw new MoaException($"{source}: degree must lie between 1 and 4 (got {Degree}).");
        }

        if (Synthesizer is "mst" or "privbayes" && (!(Epsilon > 0) || !double.IsFinite(Epsilon)))
        {
            throw new MoaException($"{source}: epsilon must be a positive number (got {Epsilon.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (Synthesizer == "mst" && !(Delta > 0 && Delta < 1))
        {
            throw new MoaException($"{source}: delta must lie strictly between 0 and 1 (got {Delta.ToString(CultureInfo.InvariantCulture)}).");
        }

        foreach (var (name, column) in Columns)
        {
            if (column.Type is not null && column.Type.ToLowerInvariant() is not ("numeric" or "categorical" or "datetime"))
            {
                throw new MoaException($"{source}: columns.{name}.type '{column.Type}' is unknown (expected numeric, categorical or datetime).");
            }

            if (column.Bins is < 2 or > 1024)
            {
                throw new MoaException($"{source}: columns.{name}.bins must lie between 2 and 1024.");
            }

            if (column.Min is { } lo && column.Max is { } hi && lo > hi)
            {
                throw new MoaException($"{source}: columns.{name}: min {lo.ToString(CultureInfo.InvariantCulture)} is above max {hi.ToString(CultureInfo.InvariantCulture)}.");
            }
        }

        Constraints.Validate(source);
    }

    /// <summary>Column kinds fixed by the spec (the rest are inferred from the data).</summary>
    public IReadOnlyDictionary<string, ColumnKind> FixedKinds() =>
        Columns.Where(c => c.Value.Type is not null).ToDictionary(c => c.Key, c => c.Value.Type!.ToLowerInvariant() switch
        {
            "numeric" => ColumnKind.Numeric,
            "datetime" => ColumnKind.DateTime,
            _ => ColumnKind.Categorical,
        }, StringComparer.Ordinal);
}

/// <summary>Settings of one column.</summary>
public sealed class ColumnSpec
{
    /// <summary><c>numeric</c>, <c>categorical</c> or <c>datetime</c>; inferred when absent.</summary>
    public string? Type { get; set; }

    /// <summary>Public lower bound of a numeric column (MST bins over [min, max]; without it the data's minimum is used and disclosed).</summary>
    public double? Min { get; set; }

    public double? Max { get; set; }

    /// <summary>Number of bins of a numeric column in the MST synthesizer.</summary>
    public int? Bins { get; set; }
}

/// <summary>Rules every synthetic row satisfies.</summary>
public sealed class ConstraintSpec
{
    /// <summary>Closed value ranges of numeric or date-time columns.</summary>
    public List<RangeSpec> Ranges { get; set; } = [];

    /// <summary>Column groups whose value combinations must be ones seen in the input (e.g. [city, district]).</summary>
    public List<List<string>> FixedCombinations { get; set; } = [];

    /// <summary>Columns computed from others with + - * / and parentheses (e.g. <c>total = base + bonus</c>).</summary>
    public List<DerivedSpec> Derived { get; set; } = [];

    /// <summary>Key columns whose synthetic values are unique (fresh keys, never copied from the input).</summary>
    public List<string> Unique { get; set; } = [];

    internal void Validate(string source)
    {
        foreach (var r in Ranges)
        {
            if (string.IsNullOrWhiteSpace(r.Column))
            {
                throw new MoaException($"{source}: constraints.ranges: every range needs a column.");
            }

            if (r.Min is null && r.Max is null)
            {
                throw new MoaException($"{source}: constraints.ranges: the range of '{r.Column}' needs min, max or both.");
            }

            if (r.Min > r.Max)
            {
                throw new MoaException($"{source}: constraints.ranges: the range of '{r.Column}' has min above max.");
            }
        }

        foreach (var group in FixedCombinations)
        {
            if (group.Count < 2)
            {
                throw new MoaException($"{source}: constraints.fixed_combinations: a group needs at least two columns (got [{string.Join(", ", group)}]).");
            }
        }

        foreach (var d in Derived)
        {
            if (string.IsNullOrWhiteSpace(d.Column) || string.IsNullOrWhiteSpace(d.Formula))
            {
                throw new MoaException($"{source}: constraints.derived: every entry needs a column and a formula.");
            }

            Constraints.Formula.Parse(d.Formula, $"{source}: constraints.derived '{d.Column}'");
        }
    }
}

public sealed class RangeSpec
{
    public string Column { get; set; } = "";

    public double? Min { get; set; }

    public double? Max { get; set; }
}

public sealed class DerivedSpec
{
    public string Column { get; set; } = "";

    public string Formula { get; set; } = "";
}

/// <summary>YAML files with underscored keys; syntax errors and unknown keys name the file, line and column.</summary>
internal static class YamlFile
{
    public static T? Parse<T>(string yaml, string sourceName)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        try
        {
            return deserializer.Deserialize<T?>(yaml);
        }
        catch (YamlException ex)
        {
            var detail = ex.InnerException?.Message ?? ex.Message;
            if (detail.Contains("not found on type", StringComparison.Ordinal))
            {
                var start = detail.IndexOf('\'', StringComparison.Ordinal);
                var end = start < 0 ? -1 : detail.IndexOf('\'', start + 1);
                detail = end > start ? $"unknown key {detail[start..(end + 1)]}" : "unknown key";
            }

            throw new MoaException($"{sourceName}:{ex.Start.Line}:{ex.Start.Column}: {detail}.", ex);
        }
    }
}
