using Moa.Synthesis.Data;

namespace Moa.Synthesis.Constraints;

/// <summary>Applies a model's constraints to sampled rows: ranges and fixed combinations reject rows; formulas fill derived columns.</summary>
internal sealed class ConstraintChecker
{
    private readonly SynthModel _model;
    private readonly List<(string[] Columns, HashSet<string> Allowed)> _combinations;

    public ConstraintChecker(SynthModel model)
    {
        _model = model;
        _combinations = [.. model.FixedCombinations.Select(f => (f.Columns.ToArray(), new HashSet<string>(f.Allowed, StringComparer.Ordinal)))];
    }

    /// <summary>Indices of the first <paramref name="limit"/> rows that satisfy every range and fixed combination.</summary>
    public List<int> Accepted(ColumnTable table, int limit)
    {
        var ranges = _model.Constraints.Ranges.Select(r => (Column: table[r.Column].Numbers!, Min: r.Min ?? double.NegativeInfinity, Max: r.Max ?? double.PositiveInfinity)).ToArray();
        var combos = _combinations.Select(c => (Columns: c.Columns.Select(n => table[n]).ToArray(), c.Allowed)).ToArray();
        var keep = new List<int>(Math.Min(limit, table.RowCount));
        for (var i = 0; i < table.RowCount && keep.Count < limit; i++)
        {
            var ok = true;
            foreach (var (column, min, max) in ranges)
            {
                var v = column[i];
                if (!double.IsNaN(v) && (v < min || v > max))
                {
                    ok = false;
                    break;
                }
            }

            if (ok)
            {
                foreach (var (columns, allowed) in combos)
                {
                    if (!allowed.Contains(SynthModel.Join(columns, i)))
                    {
                        ok = false;
                        break;
                    }
                }
            }

            if (ok)
            {
                keep.Add(i);
            }
        }

        return keep;
    }

    /// <summary>The derived column computed row by row from the modelled columns.</summary>
    public DataColumn Derive(ColumnSchema column, ColumnTable modelled)
    {
        var spec = _model.Constraints.Derived.First(d => d.Column == column.Name);
        var formula = Formula.Parse(spec.Formula, $"constraints.derived '{column.Name}'");
        var inputs = formula.Columns.ToDictionary(n => n, n => modelled[n].Numbers!, StringComparer.Ordinal);
        var result = new double[modelled.RowCount];
        for (var i = 0; i < result.Length; i++)
        {
            var row = i;
            var v = formula.Evaluate(n => inputs[n][row]);
            result[i] = column.IsInteger && double.IsFinite(v) ? Math.Round(v) : v;
        }

        return column.Kind == ColumnKind.DateTime
            ? DataColumn.DateTime(column.Name, result, column.DateFormat ?? DateFormats.Date)
            : DataColumn.Numeric(column.Name, result, column.IsInteger);
    }
}
