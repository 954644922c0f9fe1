using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Moa.Synthesis.Constraints;
using Moa.Synthesis.Copula;
using Moa.Synthesis.Data;
using Moa.Synthesis.Mst;
using Moa.Synthesis.PrivBayes;

namespace Moa.Synthesis;

/// <summary>A column of the input as the model remembers it: kind, format and role.</summary>
public sealed class ColumnSchema
{
    public string Name { get; set; } = "";

    [JsonConverter(typeof(JsonStringEnumConverter<ColumnKind>))]
    public ColumnKind Kind { get; set; }

    public bool IsInteger { get; set; }

    public string? DateFormat { get; set; }

    /// <summary><c>modelled</c>, <c>key</c> (fresh unique values) or <c>derived</c> (computed by a formula).</summary>
    public string Role { get; set; } = "modelled";

    internal DataColumn Build(double[]? numbers, string?[]? values) => Kind switch
    {
        ColumnKind.Categorical => DataColumn.Categorical(Name, values!),
        ColumnKind.DateTime => DataColumn.DateTime(Name, numbers!, DateFormat ?? DateFormats.Date),
        _ => DataColumn.Numeric(Name, numbers!, IsInteger),
    };
}

/// <summary>One copula of a conditioned fit: the rows whose conditioning value is one of <see cref="Values"/>.</summary>
public sealed class CopulaGroup
{
    /// <summary>The conditioning values this copula covers (null is the missing value).</summary>
    public List<string?> Values { get; set; } = [];

    public int Rows { get; set; }

    public CopulaModel Model { get; set; } = new();
}

/// <summary>The value combinations of a column group seen in the input, which synthetic rows must reuse.</summary>
public sealed class FixedCombination
{
    public List<string> Columns { get; set; } = [];

    /// <summary>Allowed combinations, values joined by U+001F.</summary>
    public List<string> Allowed { get; set; } = [];
}

/// <summary>
/// A fitted synthesizer with everything needed to sample again: the input schema, the copula or MST model, the
/// constraints and (for MST) the privacy accounting. Saved as JSON; same model and seed give the same rows.
/// </summary>
public sealed class SynthModel
{
    public const string CurrentFormat = "moa-synth-model/1";

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Format { get; set; } = CurrentFormat;

    /// <summary><c>copula</c>, <c>mst</c> or <c>privbayes</c>.</summary>
    public string Synthesizer { get; set; } = "copula";

    public int Seed { get; set; }

    public int TrainingRows { get; set; }

    public List<ColumnSchema> Columns { get; set; } = [];

    public CopulaModel? Copula { get; set; }

    /// <summary>The column a conditioned copula fit is split by, and one copula per value group (see <see cref="SynthSpec.ConditionOn"/>).</summary>
    public string? ConditionOn { get; set; }

    public List<CopulaGroup>? CopulaGroups { get; set; }

    public MstModel? Mst { get; set; }

    public PrivBayesModel? PrivBayes { get; set; }

    public ConstraintSpec Constraints { get; set; } = new();

    public List<FixedCombination> FixedCombinations { get; set; } = [];

    /// <summary>The privacy accounting of a differentially private fit (null for the copula, which promises none).</summary>
    public PrivacyAccounting? Privacy => Mst?.Accounting ?? PrivBayes?.Accounting;

    /// <summary>Fits the synthesizer named by <paramref name="spec"/> to <paramref name="table"/>.</summary>
    public static SynthModel Fit(ColumnTable table, SynthSpec spec)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(spec);
        if (table.RowCount == 0 || table.Columns.Count == 0)
        {
            throw new MoaException("the input table is empty: a synthesizer needs at least one row and one column.");
        }

        foreach (var name in spec.Columns.Keys)
        {
            _ = table[name];
        }

        var keys = new HashSet<string>(spec.Constraints.Unique, StringComparer.Ordinal);
        var derived = spec.Constraints.Derived.ToDictionary(d => d.Column, d => Formula.Parse(d.Formula, $"constraints.derived '{d.Column}'"), StringComparer.Ordinal);
        foreach (var name in keys.Concat(derived.Keys).Concat(spec.Constraints.Ranges.Select(r => r.Column)).Concat(spec.Constraints.FixedCombinations.SelectMany(g => g)))
        {
            _ = table[name];
        }

        foreach (var (name, formula) in derived)
        {
            foreach (var input in formula.Columns)
            {
                var column = table[input];
                if (column.Kind == ColumnKind.Categorical || derived.ContainsKey(input) || keys.Contains(input))
                {
                    throw new MoaException($"constraints.derived '{name}': input '{input}' must be a modelled numeric or date-time column.");
                }
            }
        }

        foreach (var range in spec.Constraints.Ranges)
        {
            if (table[range.Column].Kind == ColumnKind.Categorical)
            {
                throw new MoaException($"constraints.ranges: column '{range.Column}' is categorical; ranges apply to numeric and date-time columns.");
            }
        }

        var schema = table.Columns.Select(c => new ColumnSchema
        {
            Name = c.Name,
            Kind = c.Kind,
            IsInteger = c.IsInteger,
            DateFormat = c.DateFormat,
            Role = keys.Contains(c.Name) ? "key" : derived.ContainsKey(c.Name) ? "derived" : "modelled",
        }).ToList();
        var modelled = new ColumnTable([.. table.Columns.Where(c => !keys.Contains(c.Name) && !derived.ContainsKey(c.Name))]);
        if (modelled.Columns.Count == 0)
        {
            throw new MoaException("every column is a key or derived: nothing is left to model.");
        }

        var model = new SynthModel
        {
            Synthesizer = spec.Synthesizer,
            Seed = spec.Seed,
            TrainingRows = table.RowCount,
            Columns = schema,
            Constraints = spec.Constraints,
        };
        foreach (var group in spec.Constraints.FixedCombinations)
        {
            var cols = group.Select(g => table[g]).ToArray();
            var allowed = new SortedSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < table.RowCount; i++)
            {
                allowed.Add(Join(cols, i));
            }

            model.FixedCombinations.Add(new FixedCombination { Columns = [.. group], Allowed = [.. allowed] });
        }

        if (spec.Synthesizer is "mst" or "privbayes")
        {
            var accounting = spec.Synthesizer == "mst"
                ? (model.Mst = MstModel.Fit(modelled, spec)).Accounting
                : (model.PrivBayes = PrivBayesModel.Fit(modelled, spec)).Accounting;
            foreach (var fc in model.FixedCombinations)
            {
                accounting.PublicDomain.Add($"fixed combinations of [{string.Join(", ", fc.Columns)}]: {fc.Allowed.Count} combinations taken from the data");
            }
        }
        else if (spec.ConditionOn is { } on)
        {
            model.ConditionOn = on;
            model.CopulaGroups = FitGroups(modelled, on, spec.Seed);
        }
        else
        {
            model.Copula = CopulaModel.Fit(modelled, spec.Seed);
        }

        return model;
    }

    /// <summary>Draws <paramref name="rows"/> rows satisfying every constraint; same model and seed, same table.</summary>
    public ColumnTable Sample(int rows, int? seed = null)
    {
        if (rows <= 0)
        {
            throw new MoaException($"the number of rows to sample must be positive (got {rows}).");
        }

        var s = seed ?? Seed;
        var constraints = new ConstraintChecker(this);
        var parts = new List<ColumnTable>();
        var accepted = 0;
        long drawn = 0;
        for (var batch = 0; accepted < rows; batch++)
        {
            var want = rows - accepted;
            var rate = drawn == 0 ? 1.0 : Math.Max(0.01, accepted / (double)drawn);
            var draw = (int)Math.Min(int.MaxValue / 2, Math.Max(1024, want / rate * 1.1));
            var table = DrawModelled(draw, Seeds.Mix(s, batch));
            drawn += draw;
            var keep = constraints.Accepted(table, want);
            accepted += keep.Count;
            parts.Add(table.Take(keep));
            if (batch >= 50 && accepted < rows)
            {
                throw new MoaException($"the constraints reject almost every sampled row ({accepted} of {drawn} accepted): check the ranges and fixed combinations in the spec.");
            }
        }

        var modelled = Concat(parts);
        var columns = new List<DataColumn>();
        foreach (var c in Columns)
        {
            columns.Add(c.Role switch
            {
                "key" => FreshKeys(c, rows),
                "derived" => constraints.Derive(c, modelled),
                _ => modelled[c.Name],
            });
        }

        return new ColumnTable(columns);
    }

    private ColumnTable DrawModelled(int count, int seed) =>
        Mst is not null ? Mst.Sample(count, seed, Columns)
        : PrivBayes is not null ? PrivBayes.Sample(count, seed, Columns)
        : CopulaGroups is not null ? DrawGroups(count, seed)
        : Copula!.Sample(count, seed, Columns);

    /// <summary>Smallest group of rows that gets its own copula; rarer values share one.</summary>
    private const int MinGroupRows = 50;

    private static List<CopulaGroup> FitGroups(ColumnTable table, string on, int seed)
    {
        var column = table[on];
        if (column.Values is not { } values)
        {
            throw new MoaException($"condition_on: column '{on}' is {column.Kind.ToString().ToLowerInvariant()}; the copula conditions on a categorical column.");
        }

        var byValue = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            var key = values[i] ?? "\u0000";
            if (!byValue.TryGetValue(key, out var rows))
            {
                byValue[key] = rows = [];
            }

            rows.Add(i);
        }

        var groups = new List<(List<string?> Values, List<int> Rows)>();
        var rare = (Values: new List<string?>(), Rows: new List<int>());
        foreach (var (key, rows) in byValue.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var value = key == "\u0000" ? null : key;
            if (rows.Count >= MinGroupRows)
            {
                groups.Add(([value], rows));
            }
            else
            {
                rare.Values.Add(value);
                rare.Rows.AddRange(rows);
            }
        }

        if (rare.Rows.Count > 0)
        {
            rare.Rows.Sort();
            groups.Add(rare);
        }

        return [.. groups.Select((g, k) => new CopulaGroup { Values = g.Values, Rows = g.Rows.Count, Model = CopulaModel.Fit(table.Take(g.Rows), Seeds.Mix(seed, k)) })];
    }

    /// <summary>Group sizes drawn from the groups' shares (multinomial), each group's rows from its copula, then the rows shuffled.</summary>
    private ColumnTable DrawGroups(int count, int seed)
    {
        var groups = CopulaGroups!;
        var rng = new Random(seed);
        var total = (double)groups.Sum(g => g.Rows);
        var counts = new int[groups.Count];
        for (var i = 0; i < count; i++)
        {
            var u = rng.NextDouble() * total;
            var k = 0;
            for (var acc = (double)groups[0].Rows; u >= acc && k < groups.Count - 1; acc += groups[++k].Rows)
            {
            }

            counts[k]++;
        }

        var parts = new List<ColumnTable>();
        for (var k = 0; k < groups.Count; k++)
        {
            if (counts[k] > 0)
            {
                parts.Add(groups[k].Model.Sample(counts[k], Seeds.Mix(seed, k + 1), Columns));
            }
        }

        var order = Enumerable.Range(0, count).ToArray();
        rng.Shuffle(order);
        return Concat(parts).Take(order);
    }

    private static DataColumn FreshKeys(ColumnSchema c, int rows) => c.Kind == ColumnKind.Categorical
        ? DataColumn.Categorical(c.Name, [.. Enumerable.Range(1, rows).Select(i => "syn-" + i.ToString("D7", CultureInfo.InvariantCulture))])
        : DataColumn.Numeric(c.Name, [.. Enumerable.Range(1, rows).Select(i => (double)i)], true);

    private static ColumnTable Concat(List<ColumnTable> parts)
    {
        var first = parts[0];
        var columns = new List<DataColumn>();
        for (var c = 0; c < first.Columns.Count; c++)
        {
            var col = first.Columns[c];
            columns.Add(col.Values is not null
                ? col.With(null, [.. parts.SelectMany(p => p.Columns[c].Values!)])
                : col.With([.. parts.SelectMany(p => p.Columns[c].Numbers!)], null));
        }

        return new ColumnTable(columns);
    }

    internal static string Join(DataColumn[] columns, int row) => string.Join('\u001f', columns.Select(c => c.Format(row)));

    public void Save(string path)
    {
        try
        {
            using var stream = File.Create(path);
            JsonSerializer.Serialize(stream, this, s_json);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MoaException($"{path}: cannot write the model ({ex.Message}).", ex);
        }
    }

    public static SynthModel Load(string path)
    {
        SynthModel? model;
        try
        {
            using var stream = File.OpenRead(path);
            model = JsonSerializer.Deserialize<SynthModel>(stream, s_json);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MoaException($"{path}: cannot read the model ({ex.Message}).", ex);
        }
        catch (JsonException ex)
        {
            throw new MoaException($"{path}: not a Moa synthesis model (line {ex.LineNumber + 1}: {ex.Message}).", ex);
        }

        if (model is null || model.Format != CurrentFormat || (model.Copula is null && model.CopulaGroups is null && model.Mst is null && model.PrivBayes is null))
        {
            throw new MoaException($"{path}: not a Moa synthesis model (expected format {CurrentFormat} written by `moa synth fit`).");
        }

        return model;
    }
}
