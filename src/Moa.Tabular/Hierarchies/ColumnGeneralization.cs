using Moa.Tabular.Tables;

namespace Moa.Tabular.Hierarchies;

/// <summary>
/// A hierarchy applied to one column's dictionary: for each level, the generalised code of every original code, the
/// generalised strings, and the per-value costs the utility metrics need (ARX's Loss share and the non-uniform entropy
/// cost). Built once per column; every lattice node then generalises by array lookups.
/// </summary>
internal sealed class ColumnGeneralization
{
    private ColumnGeneralization(string column, int height, int[][] map, string[][] values, double[][] loss, double[][] entropy, int[] counts, double[] suppressedEntropy)
    {
        Column = column;
        Height = height;
        Map = map;
        Values = values;
        Loss = loss;
        Entropy = entropy;
        Counts = counts;
        SuppressedEntropy = suppressedEntropy;
    }

    public string Column { get; }

    public int Height { get; }

    /// <summary>[level][original code] → generalised code at that level.</summary>
    public int[][] Map { get; }

    /// <summary>[level][generalised code] → value.</summary>
    public string[][] Values { get; }

    /// <summary>[level][original code] → (leaves under the generalised value − 1) / (domain − 1): ARX's Loss for one cell.</summary>
    public double[][] Loss { get; }

    /// <summary>[level][original code] → −log2(count(original) / count(generalised)): non-uniform entropy for one cell.</summary>
    public double[][] Entropy { get; }

    /// <summary>Rows per original code.</summary>
    public int[] Counts { get; }

    /// <summary>[original code] → −log2(count(original) / n): the entropy cost of a suppressed cell.</summary>
    public double[] SuppressedEntropy { get; }

    /// <summary>Generalises <paramref name="column"/> of <paramref name="table"/>; a value outside the hierarchy names its row.</summary>
    public static ColumnGeneralization Build(Table table, string column, Hierarchy hierarchy)
    {
        var col = table[column];
        var height = hierarchy.Height;
        var cardinality = col.Cardinality;
        var map = new int[height][];
        var values = new string[height][];
        var generalized = new string[height][];
        for (var level = 0; level < height; level++)
        {
            generalized[level] = new string[cardinality];
        }

        for (var code = 0; code < cardinality; code++)
        {
            for (var level = 0; level < height; level++)
            {
                if (!hierarchy.TryGeneralize(col.Values[code], level, out var g, out var problem))
                {
                    var row = col.FirstRowOf(code);
                    throw new MoaException($"{table.Locate(Math.Max(row, 0), column)}: {problem}. Add it to the hierarchy or correct the value.");
                }

                generalized[level][code] = g;
            }
        }

        // Domain for the Loss metric: the hierarchy's leaves when it lists them, else the values in the data.
        var leafGroups = new Dictionary<string, int>[height];
        IReadOnlyCollection<string> leaves = hierarchy.Leaves ?? col.Values;
        for (var level = 0; level < height; level++)
        {
            leafGroups[level] = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        foreach (var leaf in leaves)
        {
            for (var level = 0; level < height; level++)
            {
                if (hierarchy.TryGeneralize(leaf, level, out var g, out _))
                {
                    leafGroups[level][g] = leafGroups[level].GetValueOrDefault(g) + 1;
                }
            }
        }

        var domain = Math.Max(leaves.Count, 1);
        var counts = col.Counts();
        var n = (double)Math.Max(col.RowCount, 1);
        var loss = new double[height][];
        var entropy = new double[height][];
        for (var level = 0; level < height; level++)
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            map[level] = new int[cardinality];
            var genCounts = new List<int>();
            for (var code = 0; code < cardinality; code++)
            {
                if (!index.TryGetValue(generalized[level][code], out var g))
                {
                    g = index.Count;
                    index.Add(generalized[level][code], g);
                    genCounts.Add(0);
                }

                map[level][code] = g;
                genCounts[g] += counts[code];
            }

            values[level] = [.. index.OrderBy(kv => kv.Value).Select(kv => kv.Key)];
            loss[level] = new double[cardinality];
            entropy[level] = new double[cardinality];
            for (var code = 0; code < cardinality; code++)
            {
                var under = level == 0 ? 1 : leafGroups[level].GetValueOrDefault(generalized[level][code], 1);
                loss[level][code] = domain <= 1 ? 0 : (Math.Min(under, domain) - 1.0) / (domain - 1.0);
                var gc = genCounts[map[level][code]];
                entropy[level][code] = counts[code] == 0 || gc == 0 ? 0 : -Math.Log2((double)counts[code] / gc);
            }
        }

        var suppressed = new double[cardinality];
        for (var code = 0; code < cardinality; code++)
        {
            suppressed[code] = counts[code] == 0 ? 0 : -Math.Log2(counts[code] / n);
        }

        return new ColumnGeneralization(column, height, map, values, loss, entropy, counts, suppressed);
    }
}
