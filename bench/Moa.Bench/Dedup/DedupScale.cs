using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Moa.Curation.Configuration;
using Moa.Curation.Dedup;
using Moa.Curation.Output;
using Moa.Curation.Pipeline;
using Moa.Text.Hashing;

namespace Moa.Bench.Dedup;

/// <summary>
/// The scaled-out dedup (<see cref="ScaledDedup"/>) on a synthetic corpus of short documents, one process per task so
/// that each task's peak memory (VmHWM) is its own (bench/dedup-scale.sh):
/// <c>build DIR DOCS SHARDS</c> writes map-phase shards (untimed), <c>single DIR</c> runs the single-process dedup,
/// <c>exact|buckets|near DIR RANK TASKS [MAX_MB]</c> run one task, <c>merge DIR TASKS</c> the merge. Each prints one line:
/// wall seconds, CPU seconds, peak resident MB and, for single and merge, a digest of every document's fate.
/// </summary>
internal static class DedupScale
{
    private static readonly string[] Syllables = [.. "가나다라마바사아자차카타파하고노도로모보소오조초코토포호구누두루무부수우주추쿠투푸후기니디리미비시이지치키티피히"
        .Select(c => c.ToString())];

    public static int Run(string[] args)
    {
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var dir = args[1];
        var layout = new OutputLayout(dir);
        var config = new CurationConfig();
        var shards = Directory.Exists(Path.Combine(layout.WorkDir, "shards"))
            ? Directory.EnumerateFiles(Path.Combine(layout.WorkDir, "shards"), "*.sig").Count()
            : 0;
        var bands = new MinHasher(config.Dedup.Near).BandCount;
        string digest = string.Empty;
        switch (args[0])
        {
            case "build":
                Build(layout, long.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), config);
                break;
            case "single":
                digest = Digest(DedupPhase.Run(layout.WorkDir, shards, config, null));
                break;
            case "exact":
                ScaledDedup.ExactTask(layout, shards, bands, int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
                break;
            case "buckets":
                var maxMb = args.Length > 4 ? long.Parse(args[4], CultureInfo.InvariantCulture) : 4096;
                ScaledDedup.BucketTask(layout, shards, bands, int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), maxMb << 20);
                break;
            case "near":
                DedupPhase.NearTask(layout, shards, config, int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
                break;
            case "merge":
                digest = Digest(DedupPhase.MergeScaled(layout.WorkDir, shards, config, int.Parse(args[2], CultureInfo.InvariantCulture)));
                break;
            default:
                Console.Error.WriteLine("usage: dedup-scale build|single|exact|buckets|near|merge DIR ...");
                return 2;
        }

        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{args[0]} {string.Join(' ', args.Skip(2))}\twall_s={clock.Elapsed.TotalSeconds:0.0}\tcpu_s={cpuSeconds:0.0}\tpeak_mb={PeakMb():0}{(digest.Length > 0 ? "\t" + digest : string.Empty)}"));
        return 0;
    }

    /// <summary>Peak resident set of this process (VmHWM), MB.</summary>
    private static double PeakMb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return double.NaN;
    }

    /// <summary>Documents kept, exact and near duplicates, clusters, and an XxHash64 of every fate and kind.</summary>
    private static string Digest(DedupResult result)
    {
        var hash = TextHash.XxHash64(MemoryMarshal.AsBytes(result.Fate.AsSpan()), TextHash.XxHash64(result.Kind, TextHash.XxHash64(MemoryMarshal.AsBytes(result.Similarity.AsSpan()))));
        var kept = result.Fate.Count(f => f == DedupPhase.KeptFate);
        return string.Create(CultureInfo.InvariantCulture, $"docs={result.Fate.Length}\tkept={kept}\texact={result.Kind.Count(k => k == 1)}\tnear={result.Kind.Count(k => k == 2)}\tclusters={result.Stats.DuplicateClusters.Values.Sum()}\tverified={result.Stats.NearDedup.CandidatesVerified}\tfates={hash:x16}");
    }

    /// <summary>
    /// Short synthetic documents (12-40 words of 2-3 syllables): 80 % new, 12 % near copies (1-2 word edits) and 8 %
    /// exact copies of an earlier document, written as map-phase shards (<c>.sig</c> and <c>.docs</c>).
    /// </summary>
    private static void Build(OutputLayout layout, long documents, int shards, CurationConfig config)
    {
        layout.Create();
        var perShard = (documents + shards - 1) / shards;
        Parallel.For(0, shards, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, s =>
        {
            var hasher = new MinHasher(config.Dedup.Near);
            var bands = new ulong[hasher.BandCount];
            var entry = new byte[ShardFiles.EntryBytes(hasher.BandCount)];
            var first = s * perShard;
            var end = Math.Min(documents, first + perShard);
            using var docs = new FileStream(ShardFiles.Docs(layout.WorkDir, s), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
            using var sig = new FileStream(ShardFiles.Signatures(layout.WorkDir, s), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
            var record = new MemoryStream();
            for (var i = first; i < end; i++)
            {
                var text = Text(i);
                record.SetLength(0);
                using (var writer = new Utf8JsonWriter(record))
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", i.ToString(CultureInfo.InvariantCulture));
                    writer.WriteString("text", text);
                    writer.WriteEndObject();
                }

                record.WriteByte((byte)'\n');
                hasher.ComputeBandHashes(text, bands);
                var length = (int)record.Length;
                var processed = new ProcessedBatch.Entry(ProcessedBatch.Kept, 0, length, ContentHash.Of(text), Encoding.UTF8.GetByteCount(text), text.Length);
                ShardFiles.WriteEntry(entry, processed, docs.Position, bands);
                docs.Write(record.GetBuffer(), 0, length);
                sig.Write(entry);
            }

            sig.Dispose();
            ShardFiles.WriteBandMajor(ShardFiles.Signatures(layout.WorkDir, s), ShardFiles.Bands(layout.WorkDir, s), hasher.BandCount);
            File.WriteAllText(ShardFiles.Done(layout.WorkDir, s), "{}");
        });
    }

    /// <summary>Document <paramref name="i"/>: a function of its index only, so copies can regenerate their original.</summary>
    private static string Text(long i)
    {
        var kind = Mix(i, 1) % 100;
        if (i > 0 && kind < 20)
        {
            var original = (long)(Mix(i, 2) % (ulong)i);
            var text = Original(original);
            if (kind < 8)
            {
                return text;
            }

            var words = text.Split(' ');
            var edits = 1 + (int)(Mix(i, 3) % 2);
            for (var e = 0; e < edits; e++)
            {
                words[(int)(Mix(i, 10 + e) % (ulong)words.Length)] = Word(Mix(i, 20 + e));
            }

            return string.Join(' ', words);
        }

        return Original(i);
    }

    private static string Original(long i)
    {
        var count = 12 + (int)(Mix(i, 4) % 29);
        var builder = new StringBuilder(count * 4);
        for (var w = 0; w < count; w++)
        {
            if (w > 0)
            {
                builder.Append(' ');
            }

            builder.Append(Word(Mix(i, 100 + w)));
        }

        return builder.ToString();
    }

    private static string Word(ulong h)
    {
        var length = 2 + (int)(h % 2);
        var word = new StringBuilder(length);
        for (var k = 0; k < length; k++)
        {
            h /= 7;
            word.Append(Syllables[(int)(h % (ulong)Syllables.Length)]);
            h = (h * 0x9E3779B97F4A7C15UL) + 1;
        }

        return word.ToString();
    }

    private static ulong Mix(long i, int salt)
    {
        Span<byte> bytes = stackalloc byte[12];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, i);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[8..], salt);
        return TextHash.XxHash64(bytes);
    }
}
