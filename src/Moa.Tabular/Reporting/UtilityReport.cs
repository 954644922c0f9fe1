using Moa.Tabular.Search;
using Moa.Tabular.Tables;

namespace Moa.Tabular.Reporting;

/// <summary>How one column's values are distributed before and after (the most frequent values).</summary>
/// <param name="Column">The column.</param>
/// <param name="DistinctBefore">Distinct values in the input.</param>
/// <param name="DistinctAfter">Distinct values in the output (0 when the column was dropped).</param>
/// <param name="TopBefore">Most frequent input values with counts.</param>
/// <param name="TopAfter">Most frequent output values with counts.</param>
public sealed record ColumnDistribution(string Column, int DistinctBefore, int DistinctAfter, IReadOnlyList<ValueCount> TopBefore, IReadOnlyList<ValueCount> TopAfter);

/// <summary>A value and how many rows hold it.</summary>
/// <param name="Value">The value.</param>
/// <param name="Count">Rows.</param>
public sealed record ValueCount(string Value, int Count);

/// <summary>
/// Distortion of the count queries over one pair of quasi-identifiers: the counts per (a, b) group of the output against
/// the same groups before suppression (relative error = Σ|difference| / records).
/// </summary>
/// <param name="A">First quasi-identifier.</param>
/// <param name="B">Second quasi-identifier.</param>
/// <param name="Groups">Groups in the reference.</param>
/// <param name="RelativeError">Σ |output count − reference count| / records.</param>
/// <param name="MaxAbsoluteError">Largest count difference of one group.</param>
public sealed record QueryDistortion(string A, string B, int Groups, double RelativeError, int MaxAbsoluteError);

/// <summary>Utility of a de-identified table: the search metric, suppression, distributions and query distortion.</summary>
public sealed class UtilityReport
{
    /// <summary>The metric the search minimised.</summary>
    public required string Metric { get; init; }

    /// <summary>Its value at the chosen node (null without a search).</summary>
    public required double? Value { get; init; }

    /// <summary>Records suppressed.</summary>
    public required int SuppressedRecords { get; init; }

    /// <summary>Per-column distributions (quasi-identifiers and changed columns).</summary>
    public required IReadOnlyList<ColumnDistribution> Distributions { get; init; }

    /// <summary>Count-query distortion per quasi-identifier pair (at most 15 pairs).</summary>
    public required IReadOnlyList<QueryDistortion> Queries { get; init; }

    /// <summary>Measures utility; <paramref name="generalised"/> is the output before suppression.</summary>
    public static UtilityReport Measure(Table input, Table generalised, Table output, IReadOnlyList<string> quasiIdentifiers, NodeResult? best, string metric)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(generalised);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(quasiIdentifiers);
        var distributions = new List<ColumnDistribution>();
        foreach (var column in input.Columns)
        {
            var after = output.IndexOf(column.Name) is var i and >= 0 ? output[i] : null;
            if (after is not null && after.Cardinality == column.Cardinality && after.Values.SequenceEqual(column.Values) && !quasiIdentifiers.Contains(column.Name))
            {
                continue;
            }

            distributions.Add(new ColumnDistribution(column.Name, column.Cardinality, after?.Cardinality ?? 0, Top(column), after is null ? [] : Top(after)));
        }

        var queries = new List<QueryDistortion>();
        for (var a = 0; a < quasiIdentifiers.Count && queries.Count < 15; a++)
        {
            for (var b = a + 1; b < quasiIdentifiers.Count && queries.Count < 15; b++)
            {
                queries.Add(Distortion(generalised, output, quasiIdentifiers[a], quasiIdentifiers[b]));
            }
        }

        return new UtilityReport
        {
            Metric = metric,
            Value = best?.Utility,
            SuppressedRecords = best?.Suppressed ?? 0,
            Distributions = distributions,
            Queries = queries,
        };
    }

    private static QueryDistortion Distortion(Table reference, Table output, string a, string b)
    {
        var expected = Counts(reference, a, b);
        var actual = Counts(output, a, b);
        var error = 0L;
        var max = 0;
        foreach (var key in expected.Keys.Union(actual.Keys))
        {
            var d = Math.Abs(expected.GetValueOrDefault(key) - actual.GetValueOrDefault(key));
            error += d;
            max = Math.Max(max, d);
        }

        return new QueryDistortion(a, b, expected.Count, reference.RowCount == 0 ? 0 : (double)error / reference.RowCount, max);
    }

    private static Dictionary<(string, string), int> Counts(Table table, string a, string b)
    {
        var ca = table[a];
        var cb = table[b];
        var counts = new Dictionary<(string, string), int>();
        for (var r = 0; r < table.RowCount; r++)
        {
            var key = (ca[r], cb[r]);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    private static List<ValueCount> Top(Column column)
    {
        var counts = column.Counts();
        return [.. Enumerable.Range(0, column.Cardinality).OrderByDescending(c => counts[c]).ThenBy(c => column.Values[c], StringComparer.Ordinal)
            .Take(8).Select(c => new ValueCount(column.Values[c], counts[c]))];
    }
}
