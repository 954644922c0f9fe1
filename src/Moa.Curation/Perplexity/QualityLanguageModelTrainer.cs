using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace Moa.Curation.Perplexity;

/// <summary>Settings of a training run; the defaults are those of the shipped model (chosen in docs/curation/perplexity.md).</summary>
public sealed class QualityLanguageModelTrainingOptions
{
    /// <summary>N-gram order in characters.</summary>
    public int Order { get; set; } = 3;

    /// <summary>Highest-order n-grams seen fewer times than this are left out of the table (1 keeps all).</summary>
    public int PruneHighestOrderBelow { get; set; } = 1;

    /// <summary>Most entries per slot of the hash table (open addressing, linear probing).</summary>
    public double MaxLoad { get; set; } = 0.5;
}

/// <summary>
/// Builds a <see cref="QualityLanguageModel"/> from reference documents: counts character n-grams per line, computes
/// interpolated modified Kneser-Ney probabilities (Chen and Goodman 1998: three discounts per order from the
/// count-of-counts, continuation counts for the lower orders), writes them in backoff form with 8-bit quantised
/// log10 values into one hash table, and sets the head/middle/tail cut-offs at the 33rd and 66th percentiles of the
/// reference documents' perplexities. Deterministic: the same documents give the same bytes.
/// </summary>
public static class QualityLanguageModelTrainer
{
    /// <summary>Trains on the tuning halves of <paramref name="training"/>, sets cut-offs on the tuning half of <paramref name="cutoffReference"/>, returns the model file (gzip).</summary>
    public static byte[] Build(IReadOnlyList<ReferenceSet> training, ReferenceSet cutoffReference, QualityLanguageModelTrainingOptions options)
    {
        var payload = BuildPayload(training, cutoffReference, options);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(payload);
        }

        return buffer.ToArray();
    }

    /// <summary>The uncompressed model (header and table): what the committed model is compared with.</summary>
    public static byte[] BuildPayload(IReadOnlyList<ReferenceSet> training, ReferenceSet cutoffReference, QualityLanguageModelTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(cutoffReference);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Order is < 1 or > 8)
        {
            throw new MoaException($"order must be 1..8, not {options.Order}.");
        }

        var order = options.Order;
        var counts = new Dictionary<string, int>[order + 1];
        for (var k = 1; k <= order; k++)
        {
            counts[k] = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        var info = new QualityLanguageModelInfo
        {
            Order = order,
            PruneHighestOrderBelow = options.PruneHighestOrderBelow,
            Split = "tuning half = first byte of SHA-256(UTF-8 id) < 128 (BoolQ: the id is the paragraph text)",
        };
        foreach (var set in training)
        {
            var tuning = set.Documents.Where(d => d.Tuning).ToList();
            foreach (var doc in tuning)
            {
                foreach (var line in LmText.Lines(doc.Text))
                {
                    var t = LmText.Bos + line + LmText.Eos;
                    for (var j = 1; j < t.Length; j++)
                    {
                        for (var k = 1; k <= Math.Min(order, j + 1); k++)
                        {
                            var g = t.Substring(j - k + 1, k);
                            counts[k][g] = counts[k].GetValueOrDefault(g) + 1;
                        }
                    }
                }
            }

            info.Training.Add(Describe(set, tuning));
        }

        var (entries, unknown) = Estimate(counts, order, options.PruneHighestOrderBelow);
        var table = Pack(entries, options.MaxLoad, info);
        info.UnknownLog10 = unknown;
        info.EntriesPerOrder = [.. Enumerable.Range(1, order).Select(k => (long)entries.Keys.Count(g => g.Length == k))];

        // Cut-offs: score the reference documents with the finished table.
        var reference = cutoffReference.Documents.Where(d => d.Tuning).ToList();
        info.CutoffReference.Add(Describe(cutoffReference, reference));
        var draft = QualityLanguageModel.FromPayload(Serialise(info, table), "training");
        // Scored as the quality stage scores them by default (the first quality.perplexity.max_chars characters).
        info.CutoffMaxChars = new PerplexityOptions().MaxChars;
        var perplexities = reference.Select(d => draft.Perplexity(d.Text, info.CutoffMaxChars)).OfType<double>().Order().ToList();
        if (perplexities.Count == 0)
        {
            throw new MoaException($"{cutoffReference.File}: no tuning-half document to set the perplexity cut-offs.");
        }

        info.HeadCutoff = Math.Round(Percentile(perplexities, 1.0 / 3), 3);
        info.TailCutoff = Math.Round(Percentile(perplexities, 2.0 / 3), 3);
        return Serialise(info, table);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    internal static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static QualityLanguageModelSource Describe(ReferenceSet set, List<ReferenceDocument> used) => new()
    {
        File = set.File,
        Licence = set.Licence,
        FileSha256 = set.Sha256,
        Documents = used.Count,
        Characters = used.Sum(d => (long)d.Text.Length),
    };

    /// <summary>Interpolated modified Kneser-Ney: log10 probability and log10 backoff weight of every kept n-gram.</summary>
    private static (SortedDictionary<string, (double Prob, double Bow)> Entries, double Unknown) Estimate(Dictionary<string, int>[] counts, int order, int pruneBelow)
    {
        // Adjusted counts: raw at the highest order and for n-grams starting a line; elsewhere the number of distinct left extensions.
        var adjusted = new Dictionary<string, int>[order + 1];
        adjusted[order] = counts[order];
        for (var k = order - 1; k >= 1; k--)
        {
            var left = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var g in counts[k + 1].Keys)
            {
                var suffix = g[1..];
                left[suffix] = left.GetValueOrDefault(suffix) + 1;
            }

            adjusted[k] = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (g, c) in counts[k])
            {
                adjusted[k][g] = g[0] == LmText.Bos ? c : left.GetValueOrDefault(g, c);
            }
        }

        var probs = new Dictionary<string, double>[order + 1];
        var gammas = new Dictionary<string, double>(StringComparer.Ordinal);
        double unknown = 0;
        for (var k = 1; k <= order; k++)
        {
            var (d1, d2, d3) = Discounts(adjusted[k].Values);
            var totals = new Dictionary<string, (long Sum, long N1, long N2, long N3)>(StringComparer.Ordinal);
            foreach (var (g, a) in adjusted[k])
            {
                var h = g[..^1];
                var t = totals.GetValueOrDefault(h);
                totals[h] = (t.Sum + a, t.N1 + (a == 1 ? 1 : 0), t.N2 + (a == 2 ? 1 : 0), t.N3 + (a >= 3 ? 1 : 0));
            }

            foreach (var (h, t) in totals)
            {
                gammas[h] = ((d1 * t.N1) + (d2 * t.N2) + (d3 * t.N3)) / t.Sum;
            }

            probs[k] = new Dictionary<string, double>(StringComparer.Ordinal);
            var vocabulary = adjusted[1].Count + 1;
            foreach (var (g, a) in adjusted[k])
            {
                var h = g[..^1];
                var discount = a switch { 1 => d1, 2 => d2, _ => d3 };
                var lower = k == 1 ? 1.0 / vocabulary : probs[k - 1][g[1..]];
                probs[k][g] = (Math.Max(a - discount, 0) / totals[h].Sum) + (gammas[h] * lower);
            }

            if (k == 1)
            {
                unknown = Math.Log10(gammas[string.Empty] / vocabulary);
            }
        }

        var entries = new SortedDictionary<string, (double, double)>(StringComparer.Ordinal);
        for (var k = 1; k <= order; k++)
        {
            foreach (var (g, p) in probs[k])
            {
                if (k == order && k > 1 && counts[k][g] < pruneBelow)
                {
                    continue;
                }

                entries[g] = (Math.Log10(p), gammas.TryGetValue(g, out var gamma) ? Math.Log10(gamma) : 0);
            }
        }

        // The line start is a context only: no probability of its own, but a backoff weight.
        entries[LmText.Bos.ToString()] = (double.NaN, Math.Log10(gammas.GetValueOrDefault(LmText.Bos.ToString(), 1.0)));
        return (entries, unknown);
    }

    /// <summary>Chen and Goodman's D1, D2, D3+ from the count-of-counts of one order.</summary>
    private static (double D1, double D2, double D3) Discounts(IEnumerable<int> adjustedCounts)
    {
        long n1 = 0, n2 = 0, n3 = 0, n4 = 0;
        foreach (var c in adjustedCounts)
        {
            switch (c)
            {
                case 1: n1++; break;
                case 2: n2++; break;
                case 3: n3++; break;
                case 4: n4++; break;
            }
        }

        if (n1 == 0 || n2 == 0 || n3 == 0 || n4 == 0)
        {
            return (0.5, 1.0, 1.5);
        }

        var y = n1 / (double)(n1 + (2 * n2));
        return (1 - (2 * y * n2 / n1), 2 - (3 * y * n3 / n2), 3 - (4 * y * n4 / n3));
    }

    /// <summary>Quantises the entries to 8 bits each and places them in a power-of-two table by their n-gram hash.</summary>
    private static uint[] Pack(SortedDictionary<string, (double Prob, double Bow)> entries, double maxLoad, QualityLanguageModelInfo info)
    {
        var probs = entries.Values.Select(e => e.Prob).Where(p => !double.IsNaN(p)).ToList();
        info.ProbLow = Math.Floor(probs.Min() * 100) / 100;
        info.ProbHigh = Math.Ceiling(probs.Max() * 100) / 100;
        info.BowLow = Math.Floor(entries.Values.Min(e => e.Bow) * 100) / 100;
        info.BowHigh = 0;
        var slots = 1;
        while (slots * maxLoad < entries.Count)
        {
            slots <<= 1;
        }

        var table = new uint[slots];
        var shift = 64 - System.Numerics.BitOperations.Log2((uint)slots);
        foreach (var (g, (prob, bow)) in entries)
        {
            var hash = LmText.Hash(g);
            var qp = double.IsNaN(prob) ? 0 : Quantise(prob, info.ProbLow, info.ProbHigh);
            var qb = Quantise(bow, info.BowLow, info.BowHigh);
            var entry = (QualityLanguageModel.Fingerprint(hash) << 16) | (uint)(qp << 8) | (uint)qb;
            var index = (int)(hash >> shift);
            while (table[index] != 0)
            {
                index = (index + 1) & (slots - 1);
            }

            table[index] = entry;
        }

        info.Slots = slots;
        info.Entries = entries.Count;
        return table;
    }

    private static int Quantise(double value, double low, double high) =>
        high <= low ? 0 : Math.Clamp((int)Math.Round((value - low) / (high - low) * 255), 0, 255);

    private static byte[] Serialise(QualityLanguageModelInfo info, uint[] table)
    {
        var tableBytes = new byte[table.Length * 4];
        for (var i = 0; i < table.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(tableBytes.AsSpan(i * 4), table[i]);
        }

        info.TableSha256 = Convert.ToHexStringLower(SHA256.HashData(tableBytes));
        var meta = JsonSerializer.SerializeToUtf8Bytes(info, QualityLanguageModelInfo.Json);
        var magic = QualityLanguageModel.Magic;
        var result = new byte[magic.Length + 4 + meta.Length + 4 + tableBytes.Length];
        magic.CopyTo(result, 0);
        BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(magic.Length), meta.Length);
        meta.CopyTo(result, magic.Length + 4);
        BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(magic.Length + 4 + meta.Length), table.Length);
        tableBytes.CopyTo(result, magic.Length + 8 + meta.Length);
        return result;
    }
}
