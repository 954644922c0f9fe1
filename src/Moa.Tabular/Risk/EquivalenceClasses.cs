using Moa.Tabular.Tables;

namespace Moa.Tabular.Risk;

/// <summary>
/// The equivalence classes of a table over a list of quasi-identifiers: rows with equal values in every one of them
/// share a class. Class ids are dense, in order of first appearance. Computed on the dictionary codes in one pass when
/// the product of the columns' cardinalities fits in 63 bits, else column by column.
/// </summary>
public sealed class EquivalenceClasses
{
    private readonly int[] _classOfRow;
    private readonly int[] _sizes;

    private EquivalenceClasses(int[] classOfRow, int[] sizes)
    {
        _classOfRow = classOfRow;
        _sizes = sizes;
    }

    /// <summary>Number of rows grouped.</summary>
    public int RowCount => _classOfRow.Length;

    /// <summary>Number of classes.</summary>
    public int ClassCount => _sizes.Length;

    /// <summary>The class id of each row.</summary>
    public ReadOnlySpan<int> ClassOfRow => _classOfRow;

    /// <summary>The size of each class.</summary>
    public ReadOnlySpan<int> Sizes => _sizes;

    /// <summary>The size of the class row <paramref name="row"/> belongs to.</summary>
    public int SizeOfRow(int row) => _sizes[_classOfRow[row]];

    /// <summary>The smallest class size (the k the table is k-anonymous for); 0 for an empty table.</summary>
    public int MinSize => _sizes.Length == 0 ? 0 : _sizes.Min();

    /// <summary>Groups <paramref name="table"/>'s rows by the columns named in <paramref name="quasiIdentifiers"/>.</summary>
    public static EquivalenceClasses Of(Table table, IReadOnlyList<string> quasiIdentifiers)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(quasiIdentifiers);
        var columns = quasiIdentifiers.Select(q => table[q]).ToArray();
        var (classOfRow, count) = Group(columns.Select(c => (c.CodeArray, c.Cardinality)).ToArray(), table.RowCount);
        var sizes = new int[count];
        foreach (var c in classOfRow)
        {
            sizes[c]++;
        }

        return new EquivalenceClasses(classOfRow, sizes);
    }

    /// <summary>Dense class ids for rows keyed by several code arrays (one per column, with its cardinality).</summary>
    internal static (int[] ClassOfRow, int Count) Group(IReadOnlyList<(int[] Codes, int Cardinality)> columns, int rows)
    {
        var classOfRow = new int[rows];
        if (columns.Count == 0 || rows == 0)
        {
            return (classOfRow, rows == 0 ? 0 : 1);
        }

        // Fold columns into one mixed-radix key while it fits; start a new fold from the class ids when it would not.
        var map = new LongCounter(Math.Min(rows, 1 << 16));
        var keys = new long[rows];
        var radix = 1L;
        var first = true;
        foreach (var (codes, cardinality) in columns)
        {
            var card = Math.Max(cardinality, 1);
            if (!first && radix > long.MaxValue / card / 2)
            {
                map.Clear();
                for (var r = 0; r < rows; r++)
                {
                    keys[r] = map.IdOf(keys[r]);
                }

                radix = map.Count;
            }

            for (var r = 0; r < rows; r++)
            {
                keys[r] = (keys[r] * card) + codes[r];
            }

            radix = first ? card : radix * card;
            first = false;
        }

        map.Clear();
        for (var r = 0; r < rows; r++)
        {
            classOfRow[r] = map.IdOf(keys[r]);
        }

        return (classOfRow, map.Count);
    }
}
