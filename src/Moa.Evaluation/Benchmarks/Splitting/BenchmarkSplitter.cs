using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Moa.Evaluation.Benchmarks.Validation;

namespace Moa.Evaluation.Benchmarks.Splitting;

/// <summary>Settings of <see cref="BenchmarkSplitter"/>.</summary>
/// <param name="Holdout">Fraction of every sub-item to hold out, strictly between 0 and 1 (0.1 for the leaderboard's 10%).</param>
/// <param name="Seed">Seed of the deterministic selection.</param>
public sealed record SplitOptions(double Holdout, long Seed)
{
    /// <summary>The profile the benchmark must pass before it may be split.</summary>
    public ValidationProfile Profile { get; init; } = ValidationProfile.Nia2024;

    /// <summary>Split even when validation fails or a split already exists.</summary>
    public bool Force { get; init; }
}

/// <summary>The outcome of a split: the manifest written and the validation report that was checked first.</summary>
public sealed record SplitResult(SplitManifest Manifest, ValidationReport Validation, string ManifestPath);

/// <summary>
/// Chooses the held-out part of a benchmark: stratified per sub-item and, inside it, per answer, so every sub-item and answer
/// keeps its share; deterministic for a seed whatever the file order (items are ranked by SHA-256 of seed and id).
/// </summary>
public static class BenchmarkSplitter
{
    /// <summary>Validates, splits and writes <c>split.json</c> into <paramref name="dir"/>.</summary>
    /// <exception cref="MoaException">Bad holdout, sealed benchmark, existing split, or a benchmark failing validation (unless forced).</exception>
    public static SplitResult Run(string dir, SplitOptions options)
    {
        CheckHoldout(options.Holdout);
        var benchmark = BenchmarkDataset.Load(dir);
        if (benchmark.IsSealed)
        {
            throw new MoaException($"{Path.Combine(dir, BenchmarkFiles.Sealed)} exists: the benchmark is sealed. Split the unsealed copy ('moa bench unseal') instead.");
        }

        var manifestPath = Path.Combine(dir, BenchmarkFiles.Split);
        if (benchmark.Split is not null && !options.Force)
        {
            throw new MoaException($"{manifestPath} exists (seed {benchmark.Split.Seed}); splitting again would publish items that were held out. Pass --force to replace it.");
        }

        var validation = BenchmarkValidator.Validate(benchmark, new ValidationOptions { Profile = options.Profile });
        var duplicateIds = validation.Findings.FirstOrDefault(f => f.Rule == "ids.unique");
        if (duplicateIds is not null)
        {
            throw new MoaException($"{dir}: {duplicateIds.Message} A split needs unique ids; fix them first (e.g. {string.Join(", ", duplicateIds.ItemIds.Take(5))}).");
        }

        if (!validation.Passed && !options.Force)
        {
            var errors = validation.Findings.Where(f => f.Severity == FindingSeverity.Error).Select(f => $"[{f.Rule}] {f.Message}");
            throw new MoaException($"{dir} fails validation (profile {options.Profile.Name}), so it is not split:\n  {string.Join("\n  ", errors)}\nFix it (see 'moa bench validate {dir}') or pass --force.");
        }

        var manifest = Choose(benchmark.Items, options.Holdout, options.Seed) with
        {
            ItemsSha256 = FileSha256(Path.Combine(dir, BenchmarkFiles.Items)),
        };
        manifest.Write(manifestPath);
        return new SplitResult(manifest, validation, manifestPath);
    }

    /// <summary>Picks the held-out items (pure function of items, fraction and seed).</summary>
    public static SplitManifest Choose(IReadOnlyList<BenchmarkItem> items, double holdout, long seed)
    {
        CheckHoldout(holdout);
        var held = new List<string>();
        var counts = new SortedDictionary<string, SplitCount>(StringComparer.Ordinal);
        foreach (var subset in items.GroupBy(i => i.Subset, StringComparer.Ordinal))
        {
            var members = subset.ToList();
            var quota = (int)Math.Round(members.Count * holdout, MidpointRounding.AwayFromZero);
            if (quota == 0 && members.Count >= 2)
            {
                quota = 1; // Every sub-item is represented on the leaderboard.
            }

            quota = Math.Min(quota, members.Count - 1);
            var strata = members.GroupBy(AnswerKey, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
            var takes = Allocate(strata.Select(s => s.Count).ToArray(), quota, members.Count);
            for (var s = 0; s < strata.Count; s++)
            {
                held.AddRange(strata[s]
                    .Select(i => (Item: i, Rank: Rank(seed, i.Id)))
                    .OrderBy(x => x.Rank)
                    .ThenBy(x => x.Item.Id, StringComparer.Ordinal)
                    .Take(takes[s])
                    .Select(x => x.Item.Id));
            }

            counts[subset.Key] = new SplitCount(members.Count, takes.Sum());
        }

        held.Sort(StringComparer.Ordinal);
        return new SplitManifest { Format = SplitManifest.FormatTag, Seed = seed, HoldoutFraction = holdout, Subsets = counts, HoldoutIdList = held };
    }

    /// <summary>Lower-case hex SHA-256 of a file.</summary>
    public static string FileSha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static void CheckHoldout(double holdout)
    {
        if (double.IsNaN(holdout) || holdout <= 0 || holdout >= 1)
        {
            throw new MoaException($"--holdout must be a fraction strictly between 0 and 1 (e.g. 0.1 for 10%), got {holdout.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    // Largest-remainder (Hamilton) allocation of the quota over strata in proportion to their sizes.
    private static int[] Allocate(int[] sizes, int quota, int total)
    {
        var takes = new int[sizes.Length];
        var remainders = new (double Remainder, int Index)[sizes.Length];
        var given = 0;
        for (var s = 0; s < sizes.Length; s++)
        {
            var exact = (double)quota * sizes[s] / total;
            takes[s] = (int)Math.Floor(exact);
            given += takes[s];
            remainders[s] = (exact - takes[s], s);
        }

        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take(quota - given))
        {
            takes[index]++;
        }

        return takes;
    }

    private static string AnswerKey(BenchmarkItem item) =>
        item.AnswerIndex >= 0 ? item.AnswerIndex.ToString(CultureInfo.InvariantCulture) : "text";

    private static ulong Rank(long seed, string id)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{seed.ToString(CultureInfo.InvariantCulture)}\0{id}"), digest);
        return BinaryPrimitives.ReadUInt64BigEndian(digest);
    }
}
