using System.Text.Json.Serialization;
using Moa.Synthesis.Data;
using Moa.Synthesis.Mst;

namespace Moa.Synthesis.PrivBayes;

/// <summary>One node of the Bayesian network: a column, its parents, and P(column | parents) row-major over the parents' joint codes.</summary>
public sealed class PrivBayesNode
{
    public int Column { get; set; }

    public int[] Parents { get; set; } = [];

    /// <summary>Conditional probabilities: (parent code combination) × (column code), each row summing to 1.</summary>
    public double[] Conditional { get; set; } = [];
}

/// <summary>
/// The budget of a PrivBayes fit (pure ε-DP, add/remove one record): ε/2 for the network, spent in d − 1 rounds of the
/// exponential mechanism on mutual information, ε/2 for the d − k noisy joint distributions, Laplace noise on counts.
/// </summary>
public sealed class PrivBayesBudget
{
    public int Degree { get; set; }

    public double EpsilonNetwork { get; set; }

    public double EpsilonConditionals { get; set; }

    public int SelectionRounds { get; set; }

    /// <summary>ε of each selection round: ε_network / (d − 1).</summary>
    public double EpsilonPerRound { get; set; }

    /// <summary>Sensitivity of the mutual information of a non-binary candidate (PrivBayes Lemma 1), natural logs.</summary>
    public double Sensitivity { get; set; }

    /// <summary>Sensitivity when the child or a single parent is binary (PrivBayes Lemma 1).</summary>
    public double SensitivityBinary { get; set; }

    /// <summary>Noisy joint distributions measured: the first k + 1 columns together, then one per later column.</summary>
    public int Measurements { get; set; }

    /// <summary>Scale b of the Laplace noise on every count: measurements / ε_conditionals (L1 sensitivity 1 per count vector).</summary>
    public double LaplaceScale { get; set; }

    /// <summary>The network as "column ← parent, parent" in sampling order.</summary>
    public List<string> Network { get; set; } = [];
}

/// <summary>
/// A fitted PrivBayes synthesizer (Zhang, Cormode, Procopiuc, Srivastava and Xiao 2017) in the form DataSynthesizer's
/// correlated-attribute mode uses: a random root, then greedily the (column, parents) pair of highest mutual information,
/// chosen by the exponential mechanism, with at most k parents; then noisy joint counts of each column with its parents
/// (Laplace), clipped at 0 and normalised into conditionals; rows are sampled in network order. Moa's own implementation
/// of the published algorithm, not DataSynthesizer itself.
/// </summary>
public sealed class PrivBayesModel
{
    /// <summary>Largest joint domain (cells) of one measured marginal.</summary>
    private const long MaxCells = 20_000_000;

    public List<MstColumn> Columns { get; set; } = [];

    /// <summary>Nodes in sampling order; the first is the root (no parents).</summary>
    public List<PrivBayesNode> Nodes { get; set; } = [];

    public PrivacyAccounting Accounting { get; set; } = new();

    /// <summary>Laplace noise drawn in this fit (noisy minus true count, every cell), kept for tests of the accounting; not saved.</summary>
    [JsonIgnore]
    internal List<double> Noise { get; } = [];

    /// <summary>Fits the network and its noisy conditionals with the ε of <paramref name="spec"/>.</summary>
    public static PrivBayesModel Fit(ColumnTable table, SynthSpec spec)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(spec);
        var d = table.Columns.Count;
        var n = table.RowCount;
        var k = Math.Max(1, Math.Min(spec.Degree, Math.Max(1, d - 1)));
        var rng = new Random(spec.Seed);
        var budget = Plan(spec.Epsilon, d, n, k);
        var accounting = new PrivacyAccounting
        {
            Mechanism = $"PrivBayes (degree {k}): greedy Bayesian network chosen by the exponential mechanism on mutual information, Laplace noise on the counts of each column with its parents; pure epsilon-DP",
            Epsilon = spec.Epsilon,
            Delta = 0,
            Conversion = "pure epsilon-DP by sequential composition (no zCDP conversion): epsilon/2 network + epsilon/2 conditionals",
            PrivBayes = budget,
        };
        var columns = new MstColumn[d];
        var codes = new int[d][];
        for (var c = 0; c < d; c++)
        {
            (columns[c], codes[c]) = MstModel.Discretise(table.Columns[c], spec.Columns.GetValueOrDefault(table.Columns[c].Name), accounting.PublicDomain);
            columns[c].Compressed = [.. Enumerable.Range(0, columns[c].Size).Select(x => new[] { x })];
        }

        var sizes = columns.Select(c => c.Size).ToArray();

        // Greedy network: every candidate's mutual information is a property of the data, so it is computed once.
        var order = new List<int> { rng.Next(d) };
        var parentsOf = new Dictionary<int, int[]>();
        var rest = Enumerable.Range(0, d).Where(c => c != order[0]).ToList();
        var cache = new Dictionary<(int, string), double>();
        while (rest.Count > 0)
        {
            var m = Math.Min(order.Count, k);
            var candidates = new List<(int Child, int[] Parents)>();
            foreach (var child in rest)
            {
                foreach (var parents in Subsets(order, m))
                {
                    candidates.Add((child, parents));
                }
            }

            var scores = new double[candidates.Count];
            Parallel.For(0, candidates.Count, i =>
            {
                var (child, parents) = candidates[i];
                var key = (child, string.Join(',', parents));
                lock (cache)
                {
                    if (cache.TryGetValue(key, out var known))
                    {
                        scores[i] = known;
                        return;
                    }
                }

                var mi = MutualInformation(codes, sizes, child, parents, n);
                lock (cache)
                {
                    cache[key] = mi;
                }

                scores[i] = mi;
            });

            // Exponential mechanism by the Gumbel-max trick: P(i) ∝ exp(ε_round · MI_i / (2 S_i)).
            var best = 0;
            var bestKey = double.NegativeInfinity;
            for (var i = 0; i < candidates.Count; i++)
            {
                var (child, parents) = candidates[i];
                var binary = sizes[child] <= 2 || (parents.Length == 1 && sizes[parents[0]] <= 2);
                var s = binary ? budget.SensitivityBinary : budget.Sensitivity;
                var gumbel = -Math.Log(-Math.Log(Math.Max(rng.NextDouble(), double.Epsilon)));
                var keyI = (budget.EpsilonPerRound * scores[i] / (2 * s)) + gumbel;
                if (keyI > bestKey)
                {
                    (bestKey, best) = (keyI, i);
                }
            }

            var chosen = candidates[best];
            order.Add(chosen.Child);
            parentsOf[chosen.Child] = chosen.Parents;
            rest.Remove(chosen.Child);
        }

        // Noisy joints: the first k + 1 columns in one measurement (root and the first k children), then each later
        // column with its parents. Negative counts are clipped at 0 before conditionals are formed.
        var nodes = new List<PrivBayesNode>();
        var noise = new List<double>();
        var first = order.Take(Math.Min(k + 1, d)).ToArray();
        var firstJoint = NoisyJoint(codes, sizes, first, budget.LaplaceScale, rng, noise, columns);
        for (var j = 0; j < d; j++)
        {
            var c = order[j];
            var parents = j == 0 ? [] : parentsOf[c];
            var attrs = parents.Append(c).ToArray();
            var counts = j < first.Length
                ? Marginalise(firstJoint, first, sizes, attrs)
                : NoisyJoint(codes, sizes, attrs, budget.LaplaceScale, rng, noise, columns);
            nodes.Add(new PrivBayesNode { Column = c, Parents = parents, Conditional = Conditionals(counts, sizes[c]) });
            budget.Network.Add(j == 0 ? $"{columns[c].Name} (root)" : $"{columns[c].Name} <- {string.Join(", ", parents.Select(p => columns[p].Name))}");
        }

        var model = new PrivBayesModel { Columns = [.. columns], Nodes = nodes, Accounting = accounting };
        model.Noise.AddRange(noise);
        return model;
    }

    /// <summary>Splits ε in halves as DataSynthesizer does and derives every noise scale.</summary>
    internal static PrivBayesBudget Plan(double epsilon, int columns, int rows, int degree)
    {
        var n = Math.Max(2, rows);
        var rounds = Math.Max(0, columns - 1);
        var b = new PrivBayesBudget
        {
            Degree = degree,
            EpsilonNetwork = epsilon / 2,
            EpsilonConditionals = epsilon / 2,
            SelectionRounds = rounds,
            EpsilonPerRound = rounds == 0 ? 0 : epsilon / 2 / rounds,
            Sensitivity = (2.0 / n * Math.Log((n + 1) / 2.0)) + ((1 - (1.0 / n)) * Math.Log(1 + (2.0 / (n - 1)))),
            SensitivityBinary = (Math.Log(n) / n) + ((n - 1.0) / n * Math.Log(n / (n - 1.0))),
            Measurements = Math.Max(1, columns - degree),
        };
        b.LaplaceScale = b.Measurements / b.EpsilonConditionals;
        return b;
    }

    private static IEnumerable<int[]> Subsets(List<int> items, int size)
    {
        if (size == 0)
        {
            yield return [];
            yield break;
        }

        for (var i = 0; i <= items.Count - size; i++)
        {
            foreach (var tail in Subsets(items[(i + 1)..], size - 1))
            {
                yield return [items[i], .. tail];
            }
        }
    }

    /// <summary>I(child; parents) of the empirical distribution, natural logs.</summary>
    private static double MutualInformation(int[][] codes, int[] sizes, int child, int[] parents, int n)
    {
        var cs = sizes[child];
        var joint = new Dictionary<long, int>();
        var px = new Dictionary<long, int>();
        var py = new int[cs];
        var childCodes = codes[child];
        for (var i = 0; i < n; i++)
        {
            long x = 0;
            foreach (var p in parents)
            {
                x = (x * sizes[p]) + codes[p][i];
            }

            var y = childCodes[i];
            var key = (x * cs) + y;
            joint[key] = joint.GetValueOrDefault(key) + 1;
            px[x] = px.GetValueOrDefault(x) + 1;
            py[y]++;
        }

        var mi = 0.0;
        foreach (var (key, count) in joint)
        {
            var x = key / cs;
            var y = (int)(key % cs);
            mi += count / (double)n * Math.Log(count * (double)n / (px[x] * (double)py[y]));
        }

        return Math.Max(0, mi);
    }

    /// <summary>Counts of the joint codes of <paramref name="attrs"/> (row-major, last fastest) with Laplace noise, clipped at 0.</summary>
    private static double[] NoisyJoint(int[][] codes, int[] sizes, int[] attrs, double scale, Random rng, List<double> noise, MstColumn[] columns)
    {
        long cells = 1;
        foreach (var a in attrs)
        {
            cells *= sizes[a];
        }

        if (cells > MaxCells)
        {
            throw new MoaException($"privbayes: the joint domain of [{string.Join(", ", attrs.Select(a => columns[a].Name))}] has {cells:N0} cells (at most {MaxCells:N0}): give fewer bins (columns.NAME.bins) or a lower degree.");
        }

        var counts = new double[cells];
        var n = codes[0].Length;
        for (var i = 0; i < n; i++)
        {
            long x = 0;
            foreach (var a in attrs)
            {
                x = (x * sizes[a]) + codes[a][i];
            }

            counts[x]++;
        }

        for (var i = 0; i < counts.Length; i++)
        {
            var u = rng.NextDouble() - 0.5;
            var e = -scale * Math.Sign(u) * Math.Log(1 - (2 * Math.Abs(u)));
            noise.Add(e);
            counts[i] = Math.Max(0, counts[i] + e);
        }

        return counts;
    }

    /// <summary>Sums a joint over <paramref name="all"/> down to the columns <paramref name="keep"/> (in that order).</summary>
    private static double[] Marginalise(double[] joint, int[] all, int[] sizes, int[] keep)
    {
        long cells = 1;
        foreach (var a in keep)
        {
            cells *= sizes[a];
        }

        var result = new double[cells];
        var digits = new int[all.Length];
        var position = keep.Select(a => Array.IndexOf(all, a)).ToArray();
        for (long i = 0; i < joint.Length; i++)
        {
            var rem = i;
            for (var t = all.Length - 1; t >= 0; t--)
            {
                digits[t] = (int)(rem % sizes[all[t]]);
                rem /= sizes[all[t]];
            }

            long x = 0;
            for (var t = 0; t < keep.Length; t++)
            {
                x = (x * sizes[keep[t]]) + digits[position[t]];
            }

            result[x] += joint[i];
        }

        return result;
    }

    /// <summary>Each row of (parents) × (child) counts normalised to probabilities; an all-zero row becomes uniform.</summary>
    private static double[] Conditionals(double[] counts, int childSize)
    {
        var result = new double[counts.Length];
        for (var r = 0; r < counts.Length; r += childSize)
        {
            var sum = 0.0;
            for (var y = 0; y < childSize; y++)
            {
                sum += counts[r + y];
            }

            for (var y = 0; y < childSize; y++)
            {
                result[r + y] = sum > 0 ? counts[r + y] / sum : 1.0 / childSize;
            }
        }

        return result;
    }

    /// <summary>Draws rows in network order: the root from its marginal, each later column given its parents' codes.</summary>
    internal ColumnTable Sample(int count, int seed, IReadOnlyList<ColumnSchema> schema)
    {
        var sizes = Columns.Select(c => c.Size).ToArray();
        var cumulative = Nodes.Select(node =>
        {
            var rows = node.Conditional.Length / sizes[node.Column];
            return Enumerable.Range(0, rows).Select(r => MstModel.Cumulative(node.Conditional[(r * sizes[node.Column])..((r + 1) * sizes[node.Column])])).ToArray();
        }).ToArray();

        // Every PrivBayes column's compression groups are single codes, so the shared sampler maps codes as they are.
        return MstModel.SampleRows(Columns, schema, count, seed, (code, rng) =>
        {
            for (var j = 0; j < Nodes.Count; j++)
            {
                var node = Nodes[j];
                var x = 0;
                foreach (var p in node.Parents)
                {
                    x = (x * sizes[p]) + code[p];
                }

                code[node.Column] = MstModel.Pick(cumulative[j][x], rng.NextDouble());
            }
        });
    }
}
