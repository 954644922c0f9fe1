using Moa.Synthesis.Data;

namespace Moa.Synthesis.Evaluation;

/// <summary>Privacy figures of a synthetic table against the real rows it was fitted on and a real holdout it never saw.</summary>
public sealed class PrivacyScores
{
    /// <summary>Median distance (Gower, 0..1) from a synthetic row to its closest training row.</summary>
    public double DcrSyntheticMedian { get; set; }

    /// <summary>The same for holdout rows: how close unseen real rows come to the training rows (the baseline).</summary>
    public double DcrHoldoutMedian { get; set; }

    /// <summary>Share of synthetic rows whose closest real row is a training row rather than a holdout row (ties count at the expected share).</summary>
    public double DcrCloserToTrainShare { get; set; }

    /// <summary>The share expected when nothing is memorised: training rows / (training + holdout rows).</summary>
    public double DcrCloserToTrainExpected { get; set; }

    /// <summary>(share - expected) / (1 - expected), at least 0: 0 = synthetic rows sit no closer to training rows than unseen rows do, 1 = every one is closest to a training row.</summary>
    public double DcrMemorisation { get; set; }

    /// <summary>Share of synthetic rows identical to a training row.</summary>
    public double ExactMatchRate { get; set; }

    /// <summary>Share of holdout rows identical to a training row (what identical rows cost in this data anyway).</summary>
    public double ExactMatchBaseline { get; set; }

    /// <summary>Share of synthetic rows at most one attribute's worth of distance from a training row.</summary>
    public double NearMatchRate { get; set; }

    public double NearMatchBaseline { get; set; }

    /// <summary>AUC of telling training rows from holdout rows by their distance to the closest synthetic row (0.5 = chance).</summary>
    public double MembershipAuc { get; set; }

    public AttackResult SinglingOut { get; set; } = new();

    public AttackResult Linkability { get; set; } = new();

    /// <summary>Rows used as queries for the distance figures (a seeded sample).</summary>
    public int Queries { get; set; }

    /// <summary>CPU seconds (all threads) of each phase, for the bench's profile; not part of the report.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public List<(string Phase, double CpuSeconds)> Profile { get; } = [];
}

/// <summary>An anonymeter-style attack: success on training rows, on control (holdout) rows, and the risk (main - control) / (1 - control).</summary>
public sealed class AttackResult
{
    public int Attacks { get; set; }

    public double MainSuccess { get; set; }

    public double ControlSuccess { get; set; }

    public double Risk { get; set; }

    public string Detail { get; set; } = "";
}

/// <summary>Distance, membership, singling-out and linkability attacks on a synthetic table.</summary>
internal static class PrivacyAttacks
{
    public static PrivacyScores Run(ColumnTable train, ColumnTable holdout, ColumnTable synthetic, EvaluationOptions options)
    {
        var columns = train.Columns.Select(c => c.Name).ToList();
        var enc = new RowEncoding(train, columns);
        var rng = new Random(options.Seed);
        var q = options.Queries;
        var trainAll = enc.Encode(train);
        var synAll = enc.Encode(synthetic);
        var scores = new PrivacyScores();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        void Phase(string name)
        {
            var now = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            scores.Profile.Add((name, (now - cpu).TotalSeconds));
            cpu = now;
        }


        // Exact matches over every row, by hash of the encoded row.
        var trainHashes = new HashSet<ulong>(enc.Hashes(trainAll));
        scores.ExactMatchRate = enc.Hashes(synAll).Count(trainHashes.Contains) / (double)Math.Max(1, synthetic.RowCount);
        var holdAll = enc.Encode(holdout);
        scores.ExactMatchBaseline = enc.Hashes(holdAll).Count(trainHashes.Contains) / (double)Math.Max(1, holdout.RowCount);
        Phase("encode + exact matches");

        // Distance to closest record: sampled synthetic and holdout queries against every training row.
        var synQ = Sample(synthetic.RowCount, q, rng);
        var holdQ = Sample(holdout.RowCount, q, rng);
        var synQueries = Rows(synAll, enc.Stride, synQ);
        var holdQueries = Rows(holdAll, enc.Stride, holdQ);
        var dSyn = enc.Nearest(synQueries, trainAll).Distance;
        var dHold = enc.Nearest(holdQueries, trainAll).Distance;
        scores.Queries = synQ.Length;
        scores.DcrSyntheticMedian = Median(dSyn);
        scores.DcrHoldoutMedian = Median(dHold);
        var oneAttribute = 1.0 / Math.Max(1, enc.Columns) + 1e-6;
        scores.NearMatchRate = dSyn.Count(d => d <= oneAttribute) / (double)Math.Max(1, dSyn.Length);
        scores.NearMatchBaseline = dHold.Count(d => d <= oneAttribute) / (double)Math.Max(1, dHold.Length);
        Phase("DCR vs training");

        // Closer to train or to holdout: the closest real row of each sampled synthetic row, against the share expected by size.
        var toHold = enc.Nearest(synQueries, holdAll).Distance;
        var expected = train.RowCount / (double)(train.RowCount + holdout.RowCount);
        var closer = 0.0;
        for (var i = 0; i < dSyn.Length; i++)
        {
            closer += dSyn[i] < toHold[i] ? 1 : dSyn[i] == toHold[i] ? expected : 0;
        }

        scores.DcrCloserToTrainShare = closer / Math.Max(1, dSyn.Length);
        scores.DcrCloserToTrainExpected = expected;
        scores.DcrMemorisation = Math.Max(0, (scores.DcrCloserToTrainShare - expected) / (1 - expected));
        Phase("DCR vs holdout");

        // Membership inference: members (training rows) vs non-members (holdout rows) scored by closeness to the synthetic rows.
        var m = Math.Min(q, Math.Min(train.RowCount, holdout.RowCount));
        var members = Rows(trainAll, enc.Stride, Sample(train.RowCount, m, rng));
        var nonMembers = Rows(holdAll, enc.Stride, Sample(holdout.RowCount, m, rng));
        var dm = enc.Nearest(members, synAll).Distance;
        var dn = enc.Nearest(nonMembers, synAll).Distance;
        scores.MembershipAuc = Auc([.. dm.Select(d => -(double)d)], [.. dn.Select(d => -(double)d)]);
        Phase("membership inference");

        // Anonymeter-style attacks on same-size training and control sets, against a capped synthetic sample.
        var size = Math.Min(holdout.RowCount, options.AttackRows);
        var trainT = train.Take(Sample(train.RowCount, size, rng));
        var controlT = holdout.Take(Sample(holdout.RowCount, size, rng));
        var synT = synthetic.Take(Sample(synthetic.RowCount, Math.Min(synthetic.RowCount, options.AttackRows), rng));
        scores.SinglingOut = SinglingOut(trainT, controlT, synT, options.Attacks, rng);
        Phase("singling out");
        scores.Linkability = Linkability(train, trainT, controlT, synT, options.Attacks, rng);
        Phase("linkability");
        return scores;
    }

    /// <summary>
    /// Multivariate singling out: predicates on three columns of a synthetic row (equality for categories; ≥ or ≤ for
    /// numbers on the side away from the median) that match exactly one synthetic row; success when one matches exactly
    /// one training row. The same predicates on the control set give the baseline.
    /// </summary>
    private static AttackResult SinglingOut(ColumnTable train, ColumnTable control, ColumnTable synthetic, int attacks, Random rng)
    {
        var cols = synthetic.Columns.Select(c => c.Name).ToArray();
        var k = Math.Min(3, cols.Length);
        var medians = synthetic.Columns.ToDictionary(c => c.Name, c => c.Numbers is null ? 0 : MedianOf(c.Numbers), StringComparer.Ordinal);
        var predicates = new List<Predicate>();
        for (var tries = 0; predicates.Count < attacks && tries < attacks * 20; tries++)
        {
            var row = rng.Next(synthetic.RowCount);
            var chosen = cols.OrderBy(_ => rng.Next()).Take(k).ToArray();
            var terms = chosen.Select(name =>
            {
                var c = synthetic[name];
                return c.Values is not null
                    ? new Term(name, c.Values[row], double.NaN, 0)
                    : new Term(name, null, c.Numbers![row], double.IsNaN(c.Numbers[row]) ? 0 : c.Numbers[row] >= medians[name] ? 1 : -1);
            }).ToArray();
            var p = new Predicate(terms);
            if (p.CountUpTo(synthetic, 2) == 1)
            {
                predicates.Add(p);
            }
        }

        var main = predicates.Count(p => p.CountUpTo(train, 2) == 1);
        var ctrl = predicates.Count(p => p.CountUpTo(control, 2) == 1);
        return Result(predicates.Count, main, ctrl, $"{predicates.Count} predicates on {k} columns that single out one synthetic row");
    }

    /// <summary>
    /// Linkability: the attacker holds two halves of a target's columns; the target is linked when the closest synthetic
    /// row on the first half is also the closest on the second. Targets are training rows; control targets holdout rows.
    /// </summary>
    private static AttackResult Linkability(ColumnTable reference, ColumnTable train, ColumnTable control, ColumnTable synthetic, int attacks, Random rng)
    {
        var cols = synthetic.Columns.Select(c => c.Name).ToList();
        if (cols.Count < 2)
        {
            return new AttackResult { Detail = "needs at least two columns" };
        }

        var half = cols.Count / 2;
        var a = new RowEncoding(reference, cols[..half]);
        var b = new RowEncoding(reference, cols[half..]);
        var n = Math.Min(attacks, Math.Min(train.RowCount, control.RowCount));
        var synA = a.Encode(synthetic);
        var synB = b.Encode(synthetic);
        int Linked(ColumnTable targets, int[] rows)
        {
            var ia = a.Nearest(a.Encode(targets, rows), synA).Index;
            var ib = b.Nearest(b.Encode(targets, rows), synB).Index;
            return ia.Zip(ib).Count(p => p.First == p.Second);
        }

        var main = Linked(train, Sample(train.RowCount, n, rng));
        var ctrl = Linked(control, Sample(control.RowCount, n, rng));
        return Result(n, main, ctrl, $"columns [{string.Join(", ", cols[..half])}] linked to [{string.Join(", ", cols[half..])}]");
    }

    private static AttackResult Result(int attacks, int main, int control, string detail)
    {
        var rm = attacks == 0 ? 0 : main / (double)attacks;
        var rc = attacks == 0 ? 0 : control / (double)attacks;
        var risk = rc >= 1 ? 0 : Math.Max(0, (rm - rc) / (1 - rc));
        return new AttackResult { Attacks = attacks, MainSuccess = rm, ControlSuccess = rc, Risk = risk, Detail = detail };
    }

    private sealed record Term(string Column, string? Category, double Value, int Direction);

    private sealed class Predicate(Term[] terms)
    {
        /// <summary>How many rows match, counting no further than <paramref name="limit"/>.</summary>
        public int CountUpTo(ColumnTable table, int limit)
        {
            var columns = terms.Select(t => table[t.Column]).ToArray();
            var count = 0;
            for (var i = 0; i < table.RowCount; i++)
            {
                var ok = true;
                for (var t = 0; t < terms.Length && ok; t++)
                {
                    var term = terms[t];
                    var c = columns[t];
                    if (c.Values is not null)
                    {
                        ok = string.Equals(c.Values[i], term.Category, StringComparison.Ordinal);
                    }
                    else
                    {
                        var v = c.Numbers![i];
                        ok = term.Direction switch
                        {
                            0 => double.IsNaN(term.Value) ? double.IsNaN(v) : v == term.Value,
                            > 0 => v >= term.Value,
                            _ => v <= term.Value,
                        };
                    }
                }

                if (ok && ++count >= limit)
                {
                    return count;
                }
            }

            return count;
        }
    }

    /// <summary>A seeded sample of <paramref name="k"/> distinct indices below <paramref name="n"/> (all of them when k ≥ n).</summary>
    internal static int[] Sample(int n, int k, Random rng)
    {
        if (k >= n)
        {
            return [.. Enumerable.Range(0, n)];
        }

        var chosen = new HashSet<int>();
        while (chosen.Count < k)
        {
            chosen.Add(rng.Next(n));
        }

        return [.. chosen.Order()];
    }

    private static float[] Rows(float[] data, int stride, int[] rows)
    {
        var result = new float[rows.Length * stride];
        for (var i = 0; i < rows.Length; i++)
        {
            Array.Copy(data, (long)rows[i] * stride, result, (long)i * stride, stride);
        }

        return result;
    }

    private static double Median(float[] values)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static double MedianOf(double[] values)
    {
        var present = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return present.Length == 0 ? 0 : present[present.Length / 2];
    }

    /// <summary>Area under the ROC curve: the chance a positive scores above a negative (ties count half).</summary>
    internal static double Auc(double[] positive, double[] negative)
    {
        if (positive.Length == 0 || negative.Length == 0)
        {
            return 0.5;
        }

        var all = positive.Select(v => (V: v, P: true)).Concat(negative.Select(v => (V: v, P: false))).OrderBy(x => x.V).ToArray();
        var rankSum = 0.0;
        for (int i = 0, j; i < all.Length; i = j)
        {
            j = i;
            while (j < all.Length && all[j].V == all[i].V)
            {
                j++;
            }

            var rank = (i + 1 + j) / 2.0;
            for (var t = i; t < j; t++)
            {
                if (all[t].P)
                {
                    rankSum += rank;
                }
            }
        }

        return (rankSum - (positive.Length * (positive.Length + 1) / 2.0)) / (positive.Length * (double)negative.Length);
    }
}
