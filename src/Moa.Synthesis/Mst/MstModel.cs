using System.Globalization;
using System.Text.Json.Serialization;
using MathNet.Numerics.Distributions;
using Moa.Synthesis.Copula;
using Moa.Synthesis.Data;

namespace Moa.Synthesis.Mst;

/// <summary>The public, discretised domain of one column and how its codes map back to values.</summary>
public sealed class MstColumn
{
    public string Name { get; set; } = "";

    /// <summary>Categories of a categorical column (null is the missing value), one code each.</summary>
    public List<string?>? Categories { get; set; }

    /// <summary>Bin edges of a numeric or date-time column (bins = edges - 1), then one code for missing when <see cref="HasMissing"/>.</summary>
    public List<double>? Edges { get; set; }

    public bool HasMissing { get; set; }

    public bool IsInteger { get; set; }

    /// <summary>For each code of the compressed domain, the original codes it stands for (rare codes are merged).</summary>
    public List<int[]> Compressed { get; set; } = [];

    internal int Size => Categories?.Count ?? (Edges!.Count - 1 + (HasMissing ? 1 : 0));
}

/// <summary>One measured 2-way marginal of the tree, made consistent with its nodes (counts, a x b row-major).</summary>
public sealed class MstEdge
{
    public int A { get; set; }

    public int B { get; set; }

    public double[] Table { get; set; } = [];
}

/// <summary>
/// A fitted MST synthesizer (McKenna, Miklau and Sheldon 2021): noisy 1-way marginals of every column, the 2-way marginals
/// of a maximum spanning tree chosen privately by how far each pair is from independence, and the tree-shaped graphical
/// model consistent with them, from which rows are sampled. Everything after the noisy measurements is post-processing.
/// </summary>
public sealed class MstModel
{
    public List<MstColumn> Columns { get; set; } = [];

    /// <summary>Estimated counts of each column's compressed codes.</summary>
    public List<double[]> Nodes { get; set; } = [];

    public List<MstEdge> Edges { get; set; } = [];

    public double EstimatedRows { get; set; }

    public PrivacyAccounting Accounting { get; set; } = new();

    /// <summary>Noise drawn in this fit (noisy minus true count, every cell of every measurement), kept for tests of the accounting; not saved.</summary>
    [JsonIgnore]
    internal (List<double> OneWay, List<double> TwoWay) Noise { get; } = ([], []);

    /// <summary>Fits the model with the (ε, δ) of <paramref name="spec"/> on the modelled columns of <paramref name="table"/>.</summary>
    public static MstModel Fit(ColumnTable table, SynthSpec spec)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(spec);
        var d = table.Columns.Count;
        var n = table.RowCount;
        var rng = new Random(spec.Seed);
        var accounting = PrivacyAccounting.Plan(spec.Epsilon, spec.Delta, d);
        var columns = new MstColumn[d];
        var codes = new int[d][];
        for (var c = 0; c < d; c++)
        {
            (columns[c], codes[c]) = Discretise(table.Columns[c], spec.Columns.GetValueOrDefault(table.Columns[c].Name), accounting.PublicDomain);
        }

        // 1-way marginals, measured with Gaussian noise, then rare codes (noisy count under 3 sigma) merged as in MST.
        var nodes = new double[d][];
        var noise = (OneWay: new List<double>(), TwoWay: new List<double>());
        for (var c = 0; c < d; c++)
        {
            var truth = Histogram(codes[c], columns[c].Size);
            var y = Measure(truth, accounting.SigmaOneWay, rng);
            noise.OneWay.AddRange(y.Zip(truth, (a, b) => a - b));
            var keep = Enumerable.Range(0, y.Length).Where(k => y[k] >= 3 * accounting.SigmaOneWay).ToList();
            var rare = Enumerable.Range(0, y.Length).Where(k => y[k] < 3 * accounting.SigmaOneWay).ToArray();
            var groups = keep.Select(k => new[] { k }).ToList();
            if (rare.Length > 0)
            {
                groups.Add(rare);
            }

            columns[c].Compressed = groups;
            nodes[c] = [.. groups.Select(g => g.Sum(k => y[k]))];
            var map = new int[columns[c].Size];
            for (var g = 0; g < groups.Count; g++)
            {
                foreach (var k in groups[g])
                {
                    map[k] = g;
                }
            }

            var code = codes[c];
            for (var i = 0; i < n; i++)
            {
                code[i] = map[code[i]];
            }
        }

        var total = Math.Max(1, nodes.Average(y => y.Sum()));
        var estimates = nodes.Select(y => Normalise(y, total)).ToArray();

        // Private maximum spanning tree: Kruskal where each round picks an edge by the exponential mechanism on
        // the L1 distance between the pair's true counts and the independent estimate from the noisy 1-way marginals.
        var selected = new List<(int A, int B)>();
        if (d > 1)
        {
            var pairs = new List<(int A, int B)>();
            for (var a = 0; a < d; a++)
            {
                for (var b = a + 1; b < d; b++)
                {
                    pairs.Add((a, b));
                }
            }

            var scores = new double[pairs.Count];
            Parallel.For(0, pairs.Count, p =>
            {
                var (a, b) = pairs[p];
                var h = Histogram2(codes[a], codes[b], estimates[a].Length, estimates[b].Length);
                var s = 0.0;
                for (var x = 0; x < estimates[a].Length; x++)
                {
                    for (var yv = 0; yv < estimates[b].Length; yv++)
                    {
                        s += Math.Abs(h[(x * estimates[b].Length) + yv] - (estimates[a][x] * estimates[b][yv] / total));
                    }
                }

                scores[p] = s;
            });

            var parent = Enumerable.Range(0, d).ToArray();
            int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
            for (var round = 0; round < d - 1; round++)
            {
                var best = -1;
                var bestKey = double.NegativeInfinity;
                for (var p = 0; p < pairs.Count; p++)
                {
                    if (Find(pairs[p].A) == Find(pairs[p].B))
                    {
                        continue;
                    }

                    var gumbel = -Math.Log(-Math.Log(Math.Max(rng.NextDouble(), double.Epsilon)));
                    var key = (accounting.SelectionEpsilonPerRound * scores[p] / (2 * accounting.SelectionSensitivity)) + gumbel;
                    if (key > bestKey)
                    {
                        (bestKey, best) = (key, p);
                    }
                }

                var (ea, eb) = pairs[best];
                parent[Find(ea)] = Find(eb);
                selected.Add((ea, eb));
            }
        }

        // 2-way marginals of the tree, measured with Gaussian noise.
        var measured = new List<double[]>();
        foreach (var (a, b) in selected)
        {
            var truth = Histogram2(codes[a], codes[b], estimates[a].Length, estimates[b].Length);
            var y = Measure(truth, accounting.SigmaTwoWay, rng);
            noise.TwoWay.AddRange(y.Zip(truth, (p, q) => p - q));
            measured.Add(y);
        }

        // Node estimates: inverse-variance average of the 1-way measurement and the margins of the incident 2-way ones.
        var fittedNodes = new double[d][];
        for (var c = 0; c < d; c++)
        {
            var size = nodes[c].Length;
            var sum = nodes[c].Select(v => v / (accounting.SigmaOneWay * accounting.SigmaOneWay)).ToArray();
            var weight = 1 / (accounting.SigmaOneWay * accounting.SigmaOneWay);
            for (var e = 0; e < selected.Count; e++)
            {
                var (a, b) = selected[e];
                if (a != c && b != c)
                {
                    continue;
                }

                var other = a == c ? estimates[b].Length : estimates[a].Length;
                var w = 1 / (other * accounting.SigmaTwoWay * accounting.SigmaTwoWay);
                var margin = Margin(measured[e], estimates[a].Length, estimates[b].Length, a == c);
                for (var k = 0; k < size; k++)
                {
                    sum[k] += w * margin[k];
                }

                weight += w;
            }

            fittedNodes[c] = Normalise([.. sum.Select(v => v / weight)], total);
        }

        var edges = new List<MstEdge>();
        for (var e = 0; e < selected.Count; e++)
        {
            var (a, b) = selected[e];
            edges.Add(new MstEdge { A = a, B = b, Table = Rake(measured[e], fittedNodes[a], fittedNodes[b]) });
        }

        accounting.SelectedPairs = [.. selected.Select(e => new[] { columns[e.A].Name, columns[e.B].Name })];
        var model = new MstModel { Columns = [.. columns], Nodes = [.. fittedNodes], Edges = edges, EstimatedRows = total, Accounting = accounting };
        model.Noise.OneWay.AddRange(noise.OneWay);
        model.Noise.TwoWay.AddRange(noise.TwoWay);
        return model;
    }

    /// <summary>Adds independent N(0, sigma^2) noise to every cell: the Gaussian mechanism on a count vector.</summary>
    internal static double[] Measure(double[] counts, double sigma, Random rng)
    {
        var noisy = new double[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            noisy[i] = counts[i] + Normal.Sample(rng, 0, sigma);
        }

        return noisy;
    }

    internal static (MstColumn Column, int[] Codes) Discretise(DataColumn column, ColumnSpec? spec, List<string> publicDomain)
    {
        var n = column.Length;
        var codes = new int[n];
        if (column.Values is { } values)
        {
            var cats = values.Where(v => v is not null).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Cast<string?>().ToList();
            if (values.Any(v => v is null))
            {
                cats.Add(null);
            }

            publicDomain.Add($"{column.Name}: {cats.Count} categories taken from the data");
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var k = 0; k < cats.Count; k++)
            {
                if (cats[k] is { } s)
                {
                    index[s] = k;
                }
            }

            for (var i = 0; i < n; i++)
            {
                codes[i] = values[i] is { } s ? index[s] : cats.Count - 1;
            }

            return (new MstColumn { Name = column.Name, Categories = cats }, codes);
        }

        var numbers = column.Numbers!;
        var present = numbers.Where(v => !double.IsNaN(v)).ToArray();
        double lo, hi;
        if (spec?.Min is { } smin && spec.Max is { } smax)
        {
            (lo, hi) = (smin, smax);
        }
        else
        {
            lo = spec?.Min ?? (present.Length == 0 ? 0 : present.Min());
            hi = spec?.Max ?? (present.Length == 0 ? 1 : present.Max());
            publicDomain.Add(string.Create(CultureInfo.InvariantCulture, $"{column.Name}: bounds [{lo}, {hi}] taken from the data (set columns.{column.Name}.min/max to make them public knowledge instead)"));
        }

        var bins = spec?.Bins ?? 32;
        List<double> edges;
        if (column.IsInteger && hi - lo + 1 <= bins)
        {
            edges = [.. Enumerable.Range(0, (int)(hi - lo) + 2).Select(k => lo - 0.5 + k)];
        }
        else
        {
            var width = hi > lo ? (hi - lo) / bins : 1;
            edges = [.. Enumerable.Range(0, bins + 1).Select(k => lo + (k * width))];
        }

        var binCount = edges.Count - 1;
        var hasMissing = present.Length < n;
        for (var i = 0; i < n; i++)
        {
            var v = numbers[i];
            codes[i] = double.IsNaN(v) ? binCount : Math.Clamp((int)Math.Floor((v - edges[0]) / (edges[1] - edges[0])), 0, binCount - 1);
        }

        return (new MstColumn { Name = column.Name, Edges = edges, HasMissing = hasMissing, IsInteger = column.IsInteger }, codes);
    }

    internal static double[] Histogram(int[] codes, int size)
    {
        var h = new double[size];
        foreach (var c in codes)
        {
            h[c]++;
        }

        return h;
    }

    private static double[] Histogram2(int[] a, int[] b, int sizeA, int sizeB)
    {
        var h = new double[sizeA * sizeB];
        for (var i = 0; i < a.Length; i++)
        {
            h[(a[i] * sizeB) + b[i]]++;
        }

        return h;
    }

    private static double[] Margin(double[] table, int sizeA, int sizeB, bool ofA)
    {
        var m = new double[ofA ? sizeA : sizeB];
        for (var x = 0; x < sizeA; x++)
        {
            for (var y = 0; y < sizeB; y++)
            {
                m[ofA ? x : y] += table[(x * sizeB) + y];
            }
        }

        return m;
    }

    private static double[] Normalise(double[] y, double total)
    {
        var clipped = y.Select(v => Math.Max(0, v)).ToArray();
        var s = clipped.Sum();
        return s <= 0 ? [.. clipped.Select(_ => total / clipped.Length)] : [.. clipped.Select(v => v * total / s)];
    }

    /// <summary>Non-negative table closest in spirit to the noisy one whose margins equal the node estimates (iterative proportional fitting).</summary>
    private static double[] Rake(double[] noisy, double[] rows, double[] cols)
    {
        var (ra, cb) = (rows.Length, cols.Length);
        var total = rows.Sum();
        var floor = 1e-6 * total / noisy.Length;
        var t = noisy.Select(v => Math.Max(v, 0) + floor).ToArray();
        for (var iter = 0; iter < 100; iter++)
        {
            for (var x = 0; x < ra; x++)
            {
                var s = 0.0;
                for (var y = 0; y < cb; y++)
                {
                    s += t[(x * cb) + y];
                }

                var f = s > 0 ? rows[x] / s : 0;
                for (var y = 0; y < cb; y++)
                {
                    t[(x * cb) + y] *= f;
                }
            }

            var maxGap = 0.0;
            for (var y = 0; y < cb; y++)
            {
                var s = 0.0;
                for (var x = 0; x < ra; x++)
                {
                    s += t[(x * cb) + y];
                }

                maxGap = Math.Max(maxGap, Math.Abs(s - cols[y]));
                var f = s > 0 ? cols[y] / s : 0;
                for (var x = 0; x < ra; x++)
                {
                    t[(x * cb) + y] *= f;
                }
            }

            if (maxGap < 1e-6 * total)
            {
                break;
            }
        }

        return t;
    }

    /// <summary>Draws rows from the tree model: the root from its marginal, each other column given its parent in the tree.</summary>
    internal ColumnTable Sample(int count, int seed, IReadOnlyList<ColumnSchema> schema)
    {
        var d = Columns.Count;
        var order = new List<int>();
        var parentOf = new int[d];
        var edgeOf = new int[d];
        Array.Fill(parentOf, -1);
        var seen = new bool[d];
        for (var start = 0; start < d; start++)
        {
            if (seen[start])
            {
                continue;
            }

            var queue = new Queue<int>([start]);
            seen[start] = true;
            while (queue.Count > 0)
            {
                var v = queue.Dequeue();
                order.Add(v);
                for (var e = 0; e < Edges.Count; e++)
                {
                    var other = Edges[e].A == v ? Edges[e].B : Edges[e].B == v ? Edges[e].A : -1;
                    if (other >= 0 && !seen[other])
                    {
                        seen[other] = true;
                        parentOf[other] = v;
                        edgeOf[other] = e;
                        queue.Enqueue(other);
                    }
                }
            }
        }

        // Cumulative conditionals: cond[c][parentCode][code].
        var rootCum = Nodes.Select(Cumulative).ToArray();
        var cond = new double[d][][];
        for (var c = 0; c < d; c++)
        {
            if (parentOf[c] < 0)
            {
                continue;
            }

            var edge = Edges[edgeOf[c]];
            var sb = Nodes[edge.B].Length;
            var p = parentOf[c];
            var sp = Nodes[p].Length;
            cond[c] = new double[sp][];
            for (var pv = 0; pv < sp; pv++)
            {
                var row = new double[Nodes[c].Length];
                for (var cv = 0; cv < row.Length; cv++)
                {
                    row[cv] = edge.A == p ? edge.Table[(pv * sb) + cv] : edge.Table[(cv * sb) + pv];
                }

                cond[c][pv] = row.Sum() > 0 ? Cumulative(row) : rootCum[c];
            }
        }

        return SampleRows(Columns, schema, count, seed, (code, rng) =>
        {
            foreach (var c in order)
            {
                var cum = parentOf[c] < 0 ? rootCum[c] : cond[c][code[parentOf[c]]];
                code[c] = Pick(cum, rng.NextDouble());
            }
        });
    }

    /// <summary>
    /// Draws <paramref name="count"/> rows in parallel chunks of 8,192, each chunk with its own generator seeded from
    /// <paramref name="seed"/> and the chunk number: <paramref name="drawCodes"/> fills a row's codes (one per column,
    /// in the columns' compressed code space), and each code becomes a value through its column's compression groups
    /// (a category, or a number inside its bin).
    /// MST and PrivBayes share it.
    /// </summary>
    internal static ColumnTable SampleRows(IReadOnlyList<MstColumn> columns, IReadOnlyList<ColumnSchema> schema, int count, int seed, Action<int[], Random> drawCodes)
    {
        var d = columns.Count;
        var kinds = columns.Select(c => schema.First(s => s.Name == c.Name)).ToArray();
        var numbers = new double[d][];
        var values = new string?[d][];
        for (var c = 0; c < d; c++)
        {
            if (columns[c].Categories is not null)
            {
                values[c] = new string?[count];
            }
            else
            {
                numbers[c] = new double[count];
            }
        }

        const int chunk = 8192;
        Parallel.For(0, (count + chunk - 1) / chunk, k =>
        {
            var rng = new Random(Seeds.Mix(seed, k));
            var code = new int[d];
            var end = Math.Min(count, (k + 1) * chunk);
            for (var i = k * chunk; i < end; i++)
            {
                drawCodes(code, rng);
                for (var c = 0; c < d; c++)
                {
                    var col = columns[c];
                    var group = col.Compressed[code[c]];
                    var original = group.Length == 1 ? group[0] : group[rng.Next(group.Length)];

                    if (values[c] is { } v)
                    {
                        v[i] = col.Categories![original];
                        continue;
                    }

                    numbers[c]![i] = DecodeNumber(col, original, rng);
                }
            }
        });

        return new ColumnTable([.. Enumerable.Range(0, d).Select(c => kinds[c].Build(numbers[c], values[c]))]);
    }

    /// <summary>A number for bin <paramref name="code"/> of a numeric or date-time column: uniform inside the bin (whole for integers), NaN for the missing code.</summary>
    internal static double DecodeNumber(MstColumn col, int code, Random rng)
    {
        var bins = col.Edges!.Count - 1;
        if (code >= bins)
        {
            return double.NaN;
        }

        var x = col.Edges[code] + (rng.NextDouble() * (col.Edges[code + 1] - col.Edges[code]));
        return col.IsInteger ? Math.Clamp(Math.Round(x), Math.Ceiling(col.Edges[0]), Math.Floor(col.Edges[^1])) : x;
    }

    internal static double[] Cumulative(double[] weights)
    {
        var cum = new double[weights.Length];
        var total = weights.Sum();
        var run = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            run += Math.Max(0, weights[i]);
            cum[i] = total > 0 ? run / total : (i + 1.0) / weights.Length;
        }

        cum[^1] = 1;
        return cum;
    }

    internal static int Pick(double[] cum, double u)
    {
        int lo = 0, hi = cum.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (cum[mid] > u)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }
}
