using System.Numerics;
using Moa.Tabular.Tables;

namespace Moa.Tabular.Risk;

/// <summary>
/// SUDA (Elliot et al.): for each sample unique, its minimal sample uniques (MSUs) — sets of quasi-identifiers, up to a
/// size limit, on which the record is unique while it is not unique on any proper subset. A record's score sums, over its
/// MSUs of size k among M quasi-identifiers, (M − k)!: small MSUs weigh most. Only sample uniques on the full set can have
/// MSUs (uniqueness is inherited by supersets), so only they are tracked.
/// </summary>
internal sealed class Suda
{
    private Suda(double[] scores, int specialUniques, double[] columnShare)
    {
        Scores = scores;
        SpecialUniques = specialUniques;
        ColumnShare = columnShare;
    }

    public double[] Scores { get; }

    public int SpecialUniques { get; }

    public double[] ColumnShare { get; }

    public static Suda Empty(int rows, int columns) => new(new double[rows], 0, new double[columns]);

    public static Suda Compute(Table table, IReadOnlyList<string> quasiIdentifiers, EquivalenceClasses full, int maxSize)
    {
        var m = quasiIdentifiers.Count;
        var rows = table.RowCount;
        var scores = new double[rows];
        var share = new double[m];
        if (m == 0 || m > 30)
        {
            return new Suda(scores, 0, share);
        }

        var uniqueRows = new List<int>();
        for (var r = 0; r < rows; r++)
        {
            if (full.SizeOfRow(r) == 1)
            {
                uniqueRows.Add(r);
            }
        }

        var columns = quasiIdentifiers.Select(q => (table[q].CodeArray, table[q].Cardinality)).ToArray();
        var limit = Math.Min(maxSize, m);

        // Subsets by size; for each, which sample uniques are unique on it.
        var uniqueOn = new Dictionary<int, HashSet<int>>();
        var subsets = Enumerable.Range(1, (1 << m) - 1).Where(s => BitOperations.PopCount((uint)s) <= limit)
            .OrderBy(s => BitOperations.PopCount((uint)s)).ThenBy(s => s).ToArray();
        var special = new bool[rows];
        var totalScore = 0.0;
        foreach (var subset in subsets)
        {
            var picked = new List<(int[], int)>();
            for (var c = 0; c < m; c++)
            {
                if ((subset & (1 << c)) != 0)
                {
                    picked.Add(columns[c]);
                }
            }

            var (classOfRow, count) = EquivalenceClasses.Group(picked, rows);
            var sizes = new int[count];
            foreach (var c in classOfRow)
            {
                sizes[c]++;
            }

            var set = new HashSet<int>();
            foreach (var r in uniqueRows)
            {
                if (sizes[classOfRow[r]] == 1)
                {
                    set.Add(r);
                }
            }

            uniqueOn[subset] = set;
            var k = BitOperations.PopCount((uint)subset);
            var weight = Factorial(m - k);
            foreach (var r in set)
            {
                var minimal = true;
                for (var c = 0; c < m && minimal; c++)
                {
                    var smaller = subset & ~(1 << c);
                    if ((subset & (1 << c)) != 0 && smaller != 0 && uniqueOn[smaller].Contains(r))
                    {
                        minimal = false;
                    }
                }

                if (!minimal)
                {
                    continue;
                }

                scores[r] += weight;
                special[r] = true;
                totalScore += weight;
                for (var c = 0; c < m; c++)
                {
                    if ((subset & (1 << c)) != 0)
                    {
                        share[c] += weight;
                    }
                }
            }
        }

        if (totalScore > 0)
        {
            for (var c = 0; c < m; c++)
            {
                share[c] /= totalScore;
            }
        }

        return new Suda(scores, special.Count(s => s), share);
    }

    private static double Factorial(int n)
    {
        var f = 1.0;
        for (var i = 2; i <= n; i++)
        {
            f *= i;
        }

        return f;
    }
}
