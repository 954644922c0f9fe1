using System.Globalization;

namespace Moa.Tabular.Models;

/// <summary>
/// A syntactic privacy model checked on each equivalence class of the generalised table. A class that fails is
/// suppressed when the suppression limit allows. Every model here has the merge property: two classes that pass give a
/// class that passes (so "no class fails" carries from a node to all more general nodes); k-anonymity and distinct
/// l-diversity are also monotone under suppression (records in failing classes never increase with generalisation).
/// </summary>
public abstract class PrivacyModel
{
    /// <summary>A short name with parameters, e.g. <c>k-anonymity (k=5)</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The sensitive attribute the model protects, or null (k-anonymity, δ-presence).</summary>
    public virtual string? SensitiveAttribute => null;

    /// <summary>Whether records in failing classes can only decrease as the generalisation rises.</summary>
    public virtual bool MonotoneUnderSuppression => false;

    /// <summary>Whether the model needs a population table (δ-presence).</summary>
    public virtual bool NeedsPopulation => false;

    /// <summary>Called once with the whole table's histogram of the sensitive attribute and its value order.</summary>
    internal virtual void Prepare(ReadOnlySpan<int> overall, ReadOnlySpan<int> rank)
    {
    }

    /// <summary>
    /// Whether a class with <paramref name="size"/> sample records, <paramref name="population"/> population records and
    /// the sensitive-value <paramref name="histogram"/> (counts by code; may be empty for models without one) passes.
    /// </summary>
    internal abstract bool Accepts(int size, int population, ReadOnlySpan<int> histogram);

    /// <summary>Invariant text of a number for names.</summary>
    protected static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>k-anonymity: every class holds at least k records.</summary>
public sealed class KAnonymity(int k) : PrivacyModel
{
    /// <summary>The minimum class size.</summary>
    public int K { get; } = k >= 1 ? k : throw new MoaException($"k must be at least 1, got {k}.");

    /// <inheritdoc />
    public override string Name => $"k-anonymity (k={K})";

    /// <inheritdoc />
    public override bool MonotoneUnderSuppression => true;

    internal override bool Accepts(int size, int population, ReadOnlySpan<int> histogram) => size >= K;
}

/// <summary>Distinct l-diversity: every class holds at least l different sensitive values.</summary>
public sealed class DistinctLDiversity(string attribute, int l) : PrivacyModel
{
    /// <summary>The number of distinct values required.</summary>
    public int L { get; } = l >= 1 ? l : throw new MoaException($"l must be at least 1, got {l}.");

    /// <inheritdoc />
    public override string SensitiveAttribute => attribute;

    /// <inheritdoc />
    public override string Name => $"distinct l-diversity (l={L}, {attribute})";

    /// <inheritdoc />
    public override bool MonotoneUnderSuppression => true;

    internal override bool Accepts(int size, int population, ReadOnlySpan<int> histogram)
    {
        var distinct = 0;
        foreach (var c in histogram)
        {
            distinct += c > 0 ? 1 : 0;
        }

        return distinct >= L;
    }
}

/// <summary>Entropy l-diversity: the entropy of every class's sensitive values is at least log(l).</summary>
public sealed class EntropyLDiversity(string attribute, double l) : PrivacyModel
{
    /// <summary>The l whose logarithm bounds the entropy.</summary>
    public double L { get; } = l >= 1 ? l : throw new MoaException($"l must be at least 1, got {l}.");

    /// <inheritdoc />
    public override string SensitiveAttribute => attribute;

    /// <inheritdoc />
    public override string Name => $"entropy l-diversity (l={N(L)}, {attribute})";

    internal override bool Accepts(int size, int population, ReadOnlySpan<int> histogram)
    {
        var entropy = 0.0;
        foreach (var c in histogram)
        {
            if (c > 0)
            {
                var p = (double)c / size;
                entropy -= p * Math.Log(p);
            }
        }

        return entropy >= Math.Log(L) - 1e-12;
    }
}

/// <summary>Recursive (c,l)-diversity: r1 &lt; c·(r_l + … + r_m) for the class's value counts sorted descending.</summary>
public sealed class RecursiveCLDiversity(string attribute, double c, int l) : PrivacyModel
{
    /// <summary>The constant c.</summary>
    public double C { get; } = c > 0 ? c : throw new MoaException($"c must be positive, got {c}.");

    /// <summary>The l.</summary>
    public int L { get; } = l >= 2 ? l : throw new MoaException($"l must be at least 2 for recursive (c,l)-diversity, got {l}.");

    /// <inheritdoc />
    public override string SensitiveAttribute => attribute;

    /// <inheritdoc />
    public override string Name => $"recursive (c,l)-diversity (c={N(C)}, l={L}, {attribute})";

    internal override bool Accepts(int size, int population, ReadOnlySpan<int> histogram)
    {
        var counts = new List<int>();
        foreach (var v in histogram)
        {
            if (v > 0)
            {
                counts.Add(v);
            }
        }

        if (counts.Count < L)
        {
            return false;
        }

        counts.Sort((a, b) => b.CompareTo(a));
        var tail = 0L;
        for (var i = L - 1; i < counts.Count; i++)
        {
            tail += counts[i];
        }

        return counts[0] < C * tail;
    }
}

/// <summary>
/// t-closeness: the earth mover's distance between a class's sensitive distribution and the whole table's is at most t;
/// equal ground distance (half the L1 distance) or ordered distance (values in numeric, else text, order).
/// </summary>
public sealed class TCloseness(string attribute, double t, bool ordered) : PrivacyModel
{
    private double[] _overall = [];
    private int[] _byRank = [];

    /// <summary>The largest distance allowed.</summary>
    public double T { get; } = t is >= 0 and <= 1 ? t : throw new MoaException($"t must be between 0 and 1, got {t}.");

    /// <summary>Ordered distance (else equal distance).</summary>
    public bool Ordered { get; } = ordered;

    /// <inheritdoc />
    public override string SensitiveAttribute => attribute;

    /// <inheritdoc />
    public override string Name => $"t-closeness ({(Ordered ? "ordered" : "equal")} distance, t={N(T)}, {attribute})";

    internal override void Prepare(ReadOnlySpan<int> overall, ReadOnlySpan<int> rank)
    {
        var total = 0L;
        foreach (var c in overall)
        {
            total += c;
        }

        _overall = new double[overall.Length];
        for (var i = 0; i < overall.Length; i++)
        {
            _overall[i] = total == 0 ? 0 : (double)overall[i] / total;
        }

        _byRank = new int[rank.Length];
        for (var code = 0; code < rank.Length; code++)
        {
            _byRank[rank[code]] = code;
        }
    }

    internal override bool Accepts(int size, int population, ReadOnlySpan<int> histogram) => Distance(size, histogram) <= T + 1e-12;

    internal double Distance(int size, ReadOnlySpan<int> histogram)
    {
        var m = _overall.Length;
        if (!Ordered)
        {
            var sum = 0.0;
            for (var i = 0; i < m; i++)
            {
                sum += Math.Abs(((double)histogram[i] / size) - _overall[i]);
            }

            return sum / 2;
        }

        if (m <= 1)
        {
            return 0;
        }

        var cumulative = 0.0;
        var distance = 0.0;
        for (var r = 0; r < m - 1; r++)
        {
            var code = _byRank[r];
            cumulative += ((double)histogram[code] / size) - _overall[code];
            distance += Math.Abs(cumulative);
        }

        return distance / (m - 1);
    }
}

/// <summary>
/// δ-presence: for every class holding sample records, the share of its population records that are in the sample lies
/// in [δmin, δmax], so an attacker with the population table cannot be sure whether a person is in the data.
/// </summary>
public sealed class DeltaPresence(double deltaMin, double deltaMax) : PrivacyModel
{
    /// <summary>The lower bound.</summary>
    public double DeltaMin { get; } = deltaMin is >= 0 and <= 1 ? deltaMin : throw new MoaException($"δmin must be in [0,1], got {deltaMin}.");

    /// <summary>The upper bound.</summary>
    public double DeltaMax { get; } = deltaMax is >= 0 and <= 1 && deltaMax >= deltaMin ? deltaMax : throw new MoaException($"δmax must be in [δmin,1], got {deltaMax}.");

    /// <inheritdoc />
    public override string Name => $"δ-presence (δmin={N(DeltaMin)}, δmax={N(DeltaMax)})";

    /// <inheritdoc />
    public override bool NeedsPopulation => true;

    internal override bool Accepts(int size, int population, ReadOnlySpan<int> histogram)
    {
        if (population <= 0)
        {
            return false;
        }

        var delta = (double)size / population;
        return delta >= DeltaMin - 1e-12 && delta <= DeltaMax + 1e-12;
    }
}
