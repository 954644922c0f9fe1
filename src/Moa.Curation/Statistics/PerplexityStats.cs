namespace Moa.Curation.Statistics;

/// <summary>
/// Perplexity of the documents that reached the quality stage (kept or removed there): documents per bucket, documents
/// not scored (not Korean), and a histogram with bins of half a power of two (bin <c>i</c> holds [2^(i/2), 2^((i+1)/2))).
/// </summary>
public sealed class PerplexityStats
{
    public const int Bins = 40;

    /// <summary>Where the model came from (a path, or <c>embedded:</c> and its name); empty when the signal was off.</summary>
    public string Model { get; set; } = string.Empty;

    public double HeadCutoff { get; set; }

    public double TailCutoff { get; set; }

    /// <summary>Documents per bucket: <c>head</c>, <c>middle</c>, <c>tail</c>.</summary>
    public SortedDictionary<string, long> Buckets { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Documents that reached the stage but were not scored (not Korean text).</summary>
    public long Unscored { get; set; }

    public long[] Histogram { get; set; } = new long[Bins];

    /// <summary>CPU seconds spent scoring, summed over workers (included in the quality stage's time).</summary>
    public double Seconds { get; set; }

    /// <summary>The histogram bin of a perplexity.</summary>
    public static int Bin(double perplexity) =>
        perplexity <= 1 ? 0 : Math.Min(Bins - 1, (int)(2 * Math.Log2(perplexity)));

    /// <summary>The lower edge of a bin.</summary>
    public static double BinStart(int bin) => Math.Pow(2, bin / 2.0);

    public void Add(PerplexityStats other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Model.Length == 0)
        {
            Model = other.Model;
            HeadCutoff = other.HeadCutoff;
            TailCutoff = other.TailCutoff;
        }

        foreach (var (k, v) in other.Buckets)
        {
            Buckets[k] = Buckets.GetValueOrDefault(k) + v;
        }

        Unscored += other.Unscored;
        for (var i = 0; i < Bins; i++)
        {
            Histogram[i] += other.Histogram[i];
        }

        Seconds += other.Seconds;
    }
}
