using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Moa.Synthesis.Data;
using Moa.Synthesis.Mst;

namespace Moa.Synthesis.Evaluation;

/// <summary>Sizes and seed of an evaluation.</summary>
public sealed class EvaluationOptions
{
    public int Seed { get; set; } = 7;

    /// <summary>Sampled query rows for the distance and membership figures (each side).</summary>
    public int Queries { get; set; } = 2000;

    /// <summary>Singling-out predicates and linkability targets.</summary>
    public int Attacks { get; set; } = 500;

    /// <summary>Rows of each table the anonymeter-style attacks run on (a seeded sample).</summary>
    public int AttackRows { get; set; } = 20_000;

    /// <summary>Rows the classifiers of the utility test train and test on (a seeded sample).</summary>
    public int UtilityRows { get; set; } = 20_000;

    /// <summary>Target column of the utility test; none = no utility test.</summary>
    public string? Target { get; set; }

    /// <summary>Quasi-identifiers for the <c>moa deid</c> risk figures; none = no risk figures.</summary>
    public IReadOnlyList<string> QuasiIdentifiers { get; set; } = [];

    /// <summary>Record risk above which a record counts as at risk (as in <c>moa deid</c>).</summary>
    public double RiskThreshold { get; set; } = 0.2;
}

/// <summary>Everything <c>moa synth evaluate</c> measured: fidelity, utility, privacy, the accounting and the gate.</summary>
public sealed class SynthReport
{
    public string Synthesizer { get; set; } = "";

    public int TrainRows { get; set; }

    public int HoldoutRows { get; set; }

    public int SyntheticRows { get; set; }

    /// <summary>Mean of the per-column scores.</summary>
    public double ColumnFidelity { get; set; }

    /// <summary>Mean of the pairwise scores.</summary>
    public double PairFidelity { get; set; }

    public List<ColumnScore> Columns { get; set; } = [];

    public List<PairScore> Pairs { get; set; } = [];

    public UtilityScore? Utility { get; set; }

    public PrivacyScores Privacy { get; set; } = new();

    public DeidRiskComparison? Deid { get; set; }

    public PrivacyAccounting? Accounting { get; set; }

    public GateResult? Gate { get; set; }

    public Dictionary<string, double> Seconds { get; set; } = [];

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    private static readonly string[] s_required = ["synthesizer", "train_rows", "synthetic_rows", "column_fidelity", "pair_fidelity", "columns", "privacy"];

    /// <summary>
    /// Reads a report that <see cref="ToJson"/> wrote (<c>moa synth evaluate</c>); a <see cref="MoaException"/> names the
    /// first missing, malformed or wrong-typed field under <paramref name="root"/> (e.g. <c>report.privacy.membership_auc</c>).
    /// </summary>
    public static SynthReport FromJson(string json, string root = "report")
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new MoaException($"{root}: expected a JSON object as `moa synth evaluate` writes.");
            }

            foreach (var name in s_required)
            {
                if (!doc.RootElement.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    throw new MoaException($"{root}.{name}: missing; the report must carry it as `moa synth evaluate` writes it.");
                }
            }
        }
        catch (JsonException ex)
        {
            throw new MoaException($"{root}: not well-formed JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}).", ex);
        }

        try
        {
            return JsonSerializer.Deserialize<SynthReport>(json, s_json)!;
        }
        catch (JsonException ex)
        {
            var at = root + (ex.Path is { Length: > 1 } path ? path[1..] : "");
            throw new MoaException($"{at}: null or of the wrong type (line {(ex.LineNumber ?? 0) + 1}).", ex);
        }
    }
}

/// <summary>Measures a synthetic table against the real rows it was fitted on and a real holdout it never saw.</summary>
public static class SynthEvaluator
{
    public static SynthReport Evaluate(ColumnTable train, ColumnTable holdout, ColumnTable synthetic, EvaluationOptions options, SynthModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (table, what) in new[] { (train, "real (training) table"), (holdout, "holdout table"), (synthetic, "synthetic table") })
        {
            if (table.RowCount == 0)
            {
                throw new MoaException($"the {what} is empty: the evaluation needs rows in the real, holdout and synthetic tables.");
            }
        }

        foreach (var c in train.Columns)
        {
            foreach (var (other, what) in new[] { (holdout, "holdout"), (synthetic, "synthetic") })
            {
                if (!other.Contains(c.Name))
                {
                    throw new MoaException($"column '{c.Name}' of the real table is missing from the {what} table.");
                }

                if ((other[c.Name].Kind == ColumnKind.Categorical) != (c.Kind == ColumnKind.Categorical))
                {
                    throw new MoaException($"column '{c.Name}' is {Describe(c.Kind)} in the real table but {Describe(other[c.Name].Kind)} in the {what} table.");
                }
            }
        }

        // Keys are fresh in synthetic tables by design; they carry no fidelity and would make every row unique.
        var keys = model?.Columns.Where(c => c.Role == "key").Select(c => c.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        var names = train.Columns.Select(c => c.Name).Where(n => !keys.Contains(n)).ToList();
        ColumnTable Project(ColumnTable t) => new([.. names.Select(n => t[n])]);
        (train, holdout, synthetic) = (Project(train), Project(holdout), Project(synthetic));

        var report = new SynthReport
        {
            Synthesizer = model?.Synthesizer ?? "unknown",
            TrainRows = train.RowCount,
            HoldoutRows = holdout.RowCount,
            SyntheticRows = synthetic.RowCount,
            Accounting = model?.Privacy,
        };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        report.Columns = Fidelity.Columns(train, synthetic);
        report.Pairs = Fidelity.Pairs(train, synthetic);
        report.ColumnFidelity = report.Columns.Count == 0 ? 1 : report.Columns.Average(c => c.Score);
        report.PairFidelity = report.Pairs.Count == 0 ? 1 : report.Pairs.Average(p => p.Score);
        report.Seconds["fidelity"] = Lap(watch);
        if (options.Target is { } target)
        {
            report.Utility = Utility.Run(train, holdout, synthetic, target, options);
            report.Seconds["utility"] = Lap(watch);
        }

        report.Privacy = PrivacyAttacks.Run(train, holdout, synthetic, options);
        report.Seconds["privacy"] = Lap(watch);
        if (options.QuasiIdentifiers.Count > 0)
        {
            report.Deid = DeidRiskComparison.Measure(train, synthetic, options.QuasiIdentifiers, options.RiskThreshold);
            report.Seconds["deid_risk"] = Lap(watch);
        }
        return report;
    }

    private static string Describe(ColumnKind kind) => kind == ColumnKind.Categorical ? "categorical" : "numeric";

    private static double Lap(System.Diagnostics.Stopwatch watch)
    {
        var s = watch.Elapsed.TotalSeconds;
        watch.Restart();
        return Math.Round(s, 3);
    }
}
