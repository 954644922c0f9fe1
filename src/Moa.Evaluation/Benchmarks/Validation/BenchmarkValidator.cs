using System.Globalization;
using System.Text.Json;
using Moa.Evaluation.Analysis;

namespace Moa.Evaluation.Benchmarks.Validation;

/// <summary>Settings of <see cref="BenchmarkValidator"/>.</summary>
public sealed record ValidationOptions
{
    /// <summary>Size rules; <see cref="ValidationProfile.None"/> checks data quality only.</summary>
    public ValidationProfile Profile { get; init; } = ValidationProfile.None;

    /// <summary>Character 5-gram Jaccard similarity at or above which two items are reported as near duplicates.</summary>
    public double NearDuplicateThreshold { get; init; } = 0.9;

    /// <summary>Items whose length is beyond the quartiles by this many inter-quartile ranges are length outliers.</summary>
    public double LengthOutlierIqr { get; init; } = 3.0;

    /// <summary>How far (in percentage points) the most or least frequent answer position may drift from an even share before it is reported.</summary>
    public double PositionTolerancePoints { get; init; } = 10.0;

    /// <summary>How many item ids a finding lists at most (the count is always complete).</summary>
    public int MaxListedIds { get; init; } = 50;
}

/// <summary>
/// Checks a benchmark against the programme's rules (a <see cref="ValidationProfile"/>) and data-quality rules:
/// unique ids, valid answers, no empty fields, exact and near-duplicate items, answer-position balance, length outliers and encoding damage.
/// </summary>
public static class BenchmarkValidator
{
    /// <summary>Validates a loaded benchmark.</summary>
    public static ValidationReport Validate(LoadedBenchmark benchmark, ValidationOptions options)
    {
        var findings = new List<ValidationFinding>();
        var items = benchmark.Items;
        var subsetCounts = CountSubsets(benchmark, options.Profile);

        CheckProfile(options, subsetCounts, findings);
        CheckCardSubsets(benchmark, options, findings);
        CheckIds(items, options, findings);
        CheckFields(items, options, findings);
        CheckAnswers(benchmark, options, findings);
        CheckEncoding(items, options, findings);
        CheckDuplicates(items, options, findings);
        CheckPositionBalance(items, options, findings);
        CheckLengths(items, options, findings);

        var ordered = findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Rule, StringComparer.Ordinal).ToList();
        return new ValidationReport(benchmark.Card.Name, benchmark.Directory, options.Profile.Name, items.Count, subsetCounts, ordered);
    }

    private static List<SubsetCount> CountSubsets(LoadedBenchmark benchmark, ValidationProfile profile)
    {
        var counts = benchmark.Items.GroupBy(i => i.Subset, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var order = benchmark.Card.Subsets.Where(counts.ContainsKey).Concat(counts.Keys.Where(k => !benchmark.Card.Subsets.Contains(k)).Order(StringComparer.Ordinal));
        return [.. order.Distinct(StringComparer.Ordinal).Select(s => new SubsetCount(s, counts[s], counts[s] >= profile.MinItemsPerSubset))];
    }

    private static void CheckProfile(ValidationOptions options, List<SubsetCount> subsets, List<ValidationFinding> findings)
    {
        var profile = options.Profile;
        if (subsets.Count < profile.MinSubsets)
        {
            findings.Add(new ValidationFinding(
                "profile.subsets",
                FindingSeverity.Error,
                $"{subsets.Count} sub-items ({string.Join(", ", subsets.Select(s => s.Subset))}); profile {profile.Name} needs at least {profile.MinSubsets}.",
                $"Add {profile.MinSubsets - subsets.Count} more sub-items (field 'subset' of the items, listed under 'subsets' in {BenchmarkFiles.Card}).",
                [],
                0));
        }

        var small = subsets.Where(s => !s.MeetsProfile).ToList();
        if (small.Count > 0)
        {
            var list = string.Join(", ", small.Select(s => $"{s.Subset} ({s.Items.ToString("N0", CultureInfo.InvariantCulture)})"));
            findings.Add(new ValidationFinding(
                "profile.items-per-subset",
                FindingSeverity.Error,
                $"{small.Count} of {subsets.Count} sub-items have fewer than {profile.MinItemsPerSubset.ToString("N0", CultureInfo.InvariantCulture)} items, as profile {profile.Name} requires: {list}.",
                $"Add items to those sub-items until each has at least {profile.MinItemsPerSubset.ToString("N0", CultureInfo.InvariantCulture)}, or merge small sub-items.",
                [],
                small.Sum(s => s.Items)));
        }

    }

    private static void CheckCardSubsets(LoadedBenchmark benchmark, ValidationOptions options, List<ValidationFinding> findings)
    {
        var listed = benchmark.Card.Subsets;
        if (listed.Count == 0)
        {
            findings.Add(new ValidationFinding("card.subsets", FindingSeverity.Warning,
                $"{BenchmarkFiles.Card} lists no sub-items.", "List the sub-items under 'subsets:' in display order.", [], 0));
            return;
        }

        var listedSet = new HashSet<string>(listed, StringComparer.Ordinal);
        var unlisted = benchmark.Items.Where(i => !listedSet.Contains(i.Subset)).ToList();
        if (unlisted.Count > 0)
        {
            var names = string.Join(", ", unlisted.Select(i => i.Subset).Distinct(StringComparer.Ordinal).Take(20));
            findings.Add(Finding("card.subsets", FindingSeverity.Error,
                $"{unlisted.Count} items belong to sub-items not listed in {BenchmarkFiles.Card}: {names}.",
                $"Add the sub-items to 'subsets:' in {BenchmarkFiles.Card}, or fix the items' 'subset' field.",
                unlisted.Select(i => i.Id), options));
        }

        var used = new HashSet<string>(benchmark.Items.Select(i => i.Subset), StringComparer.Ordinal);
        var empty = listed.Where(s => !used.Contains(s)).ToList();
        if (empty.Count > 0)
        {
            findings.Add(new ValidationFinding("card.subsets", FindingSeverity.Error,
                $"{BenchmarkFiles.Card} lists sub-items with no items: {string.Join(", ", empty)}.",
                $"Remove them from 'subsets:' or add their items.", [], 0));
        }
    }

    private static void CheckIds(IReadOnlyList<BenchmarkItem> items, ValidationOptions options, List<ValidationFinding> findings)
    {
        var duplicates = items.GroupBy(i => i.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        if (duplicates.Count > 0)
        {
            findings.Add(Finding("ids.unique", FindingSeverity.Error,
                $"{duplicates.Count} ids are used by more than one item ({duplicates.Sum(g => g.Count())} items).",
                "Give every item its own id (e.g. append the source row number).",
                duplicates.Select(g => g.Key), options));
        }
    }

    private static void CheckFields(IReadOnlyList<BenchmarkItem> items, ValidationOptions options, List<ValidationFinding> findings)
    {
        var empty = new List<string>();
        var emptyFields = new SortedSet<string>(StringComparer.Ordinal);
        var duplicateChoices = new List<string>();
        for (var n = 0; n < items.Count; n++)
        {
            var item = items[n];
            var label = string.IsNullOrWhiteSpace(item.Id) ? $"#{n + 1}" : item.Id;
            var bad = false;
            foreach (var (field, value) in (ReadOnlySpan<(string, string?)>)[("id", item.Id), ("subset", item.Subset), ("question", item.Question)])
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    emptyFields.Add(field);
                    bad = true;
                }
            }

            if (item.Context is not null && string.IsNullOrWhiteSpace(item.Context))
            {
                emptyFields.Add("context");
                bad = true;
            }

            if (item.Choices.Any(string.IsNullOrWhiteSpace))
            {
                emptyFields.Add("choices");
                bad = true;
            }

            if (bad)
            {
                empty.Add(label);
            }

            if (item.Choices.Select(c => c.Trim()).Distinct(StringComparer.Ordinal).Count() < item.Choices.Count)
            {
                duplicateChoices.Add(label);
            }
        }

        if (empty.Count > 0)
        {
            findings.Add(Finding("fields.empty", FindingSeverity.Error,
                $"{empty.Count} items have empty fields ({string.Join(", ", emptyFields)}).",
                "Fill the fields, drop 'context' when there is none, or remove the items.", empty, options));
        }

        if (duplicateChoices.Count > 0)
        {
            findings.Add(Finding("choices.distinct", FindingSeverity.Error,
                $"{duplicateChoices.Count} items offer the same choice twice.",
                "Make every choice of an item different; two equal choices cannot both be wrong and right.", duplicateChoices, options));
        }
    }

    private static void CheckAnswers(LoadedBenchmark benchmark, ValidationOptions options, List<ValidationFinding> findings)
    {
        var multipleChoice = string.Equals(benchmark.Card.TaskType, "multiple_choice", StringComparison.Ordinal);
        var invalid = new List<string>();
        var reasons = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in benchmark.Items)
        {
            string? reason = null;
            if (multipleChoice && item.Choices.Count < 2)
            {
                reason = "multiple-choice items need at least 2 choices";
            }
            else if (item.IsMultipleChoice)
            {
                if (item.Answer.ValueKind == JsonValueKind.String)
                {
                    var text = item.Answer.GetString();
                    var at = item.Choices.ToList().IndexOf(text ?? string.Empty);
                    reason = at >= 0 ? $"answer is the text of a choice; write its 0-based index ({at})" : "answer is text that matches no choice";
                }
                else if (!item.Answer.TryGetInt32(out var index) || index < 0 || index >= item.Choices.Count)
                {
                    reason = $"answer {item.Answer.GetRawText()} is not a choice index 0..{item.Choices.Count - 1}";
                }
            }
            else if (item.Answer.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.Answer.GetString()))
            {
                reason = "items without choices need a non-empty answer text";
            }

            if (reason is not null)
            {
                invalid.Add(item.Id);
                reasons.Add(reason);
            }
        }

        if (invalid.Count > 0)
        {
            findings.Add(Finding("answers.valid", FindingSeverity.Error,
                $"{invalid.Count} items have an invalid answer: {string.Join("; ", reasons.Take(5))}.",
                "Set 'answer' to the 0-based index of the right choice (multiple choice) or to the reference text.", invalid, options));
        }
    }

    private static void CheckEncoding(IReadOnlyList<BenchmarkItem> items, ValidationOptions options, List<ValidationFinding> findings)
    {
        var damaged = new List<string>();
        string? first = null;
        foreach (var item in items)
        {
            var problem = EncodingDamage.Find(item.Question)
                ?? (item.Context is null ? null : EncodingDamage.Find(item.Context))
                ?? item.Choices.Select(EncodingDamage.Find).FirstOrDefault(p => p is not null)
                ?? (item.Answer.ValueKind == JsonValueKind.String ? EncodingDamage.Find(item.Answer.GetString()!) : null);
            if (problem is not null)
            {
                damaged.Add(item.Id);
                first ??= $"{item.Id}: {problem}";
            }
        }

        if (damaged.Count > 0)
        {
            findings.Add(Finding("encoding.damage", FindingSeverity.Error,
                $"{damaged.Count} items show encoding damage; first: {first}.",
                "Re-import the source with the right encoding (Korean sources are often EUC-KR/CP949) instead of repairing the text by hand.", damaged, options));
        }
    }

    private static void CheckDuplicates(IReadOnlyList<BenchmarkItem> items, ValidationOptions options, List<ValidationFinding> findings)
    {
        var texts = items.Select(ItemText.Normalized).ToList();
        var exactGroups = Enumerable.Range(0, items.Count).GroupBy(i => texts[i], StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        if (exactGroups.Count > 0)
        {
            var example = string.Join(" = ", exactGroups[0].Take(3).Select(i => items[i].Id));
            findings.Add(Finding("duplicates.exact", FindingSeverity.Error,
                $"{exactGroups.Count} groups of items have the same context, question and choices ({exactGroups.Sum(g => g.Count())} items; e.g. {example}).",
                "Keep one item of each group; duplicates inflate a sub-item and leak between public and held-out parts.",
                exactGroups.SelectMany(g => g.Select(i => items[i].Id)), options));
        }

        var exact = new HashSet<int>(exactGroups.SelectMany(g => g.Skip(1)));
        var pairs = NearDuplicateItems.Find(texts, options.NearDuplicateThreshold)
            .Where(p => !exact.Contains(p.First) && !exact.Contains(p.Second) && !string.Equals(texts[p.First], texts[p.Second], StringComparison.Ordinal))
            .ToList();
        if (pairs.Count > 0)
        {
            var example = pairs.OrderByDescending(p => p.Jaccard).First();
            findings.Add(Finding("duplicates.near", FindingSeverity.Warning,
                $"{pairs.Count} pairs of items are near duplicates (character 5-gram Jaccard ≥ {options.NearDuplicateThreshold.ToString("0.##", CultureInfo.InvariantCulture)}; e.g. {items[example.First].Id} ~ {items[example.Second].Id} at {example.Jaccard.ToString("0.00", CultureInfo.InvariantCulture)}).",
                "Check the pairs: keep one of each when they test the same thing; paired items by design (minimal pairs) can stay.",
                pairs.SelectMany(p => (string[])[items[p.First].Id, items[p.Second].Id]).Distinct(StringComparer.Ordinal), options));
        }
    }

    private static void CheckPositionBalance(IReadOnlyList<BenchmarkItem> items, ValidationOptions options, List<ValidationFinding> findings)
    {
        foreach (var group in items.Where(i => i.IsMultipleChoice && i.AnswerIndex >= 0 && i.AnswerIndex < i.Choices.Count).GroupBy(i => i.Choices.Count).OrderBy(g => g.Key))
        {
            var k = group.Key;
            var n = group.Count();
            if (n < 10 * k)
            {
                continue; // Too few items for a share to mean anything.
            }

            var counts = new int[k];
            foreach (var item in group)
            {
                counts[item.AnswerIndex]++;
            }

            var even = 100.0 / k;
            var shares = counts.Select(c => 100.0 * c / n).ToArray();
            var worst = shares.Select(s => Math.Abs(s - even)).Max();
            var p = ItemStatistics.ChiSquareUniformPValue(counts);
            if (worst > options.PositionTolerancePoints && p < 0.001)
            {
                var table = string.Join(", ", shares.Select((s, j) => $"{PositionLabel(j)} {s.ToString("0.0", CultureInfo.InvariantCulture)}%"));
                var heavy = Array.IndexOf(shares, shares.Max());
                findings.Add(Finding("answers.position-balance", FindingSeverity.Warning,
                    $"Answers of the {n} items with {k} choices are unbalanced: {table} (even: {even.ToString("0.0", CultureInfo.InvariantCulture)}%; chi-square p = {p.ToString("0.###E0", CultureInfo.InvariantCulture)}).",
                    $"Shuffle the choices (or rebalance) so the answer is not guessable by position; {PositionLabel(heavy)} is over-used.",
                    group.Where(i => i.AnswerIndex == heavy).Select(i => i.Id), options));
            }
        }
    }

    private static void CheckLengths(IReadOnlyList<BenchmarkItem> items, ValidationOptions options, List<ValidationFinding> findings)
    {
        var outliers = new List<string>();
        var details = new List<string>();
        foreach (var subset in items.GroupBy(i => i.Subset, StringComparer.Ordinal))
        {
            var lengths = subset.Select(i => (Item: i, Length: i.Question.Length + (i.Context?.Length ?? 0))).ToList();
            if (lengths.Count < 20)
            {
                continue;
            }

            var sorted = lengths.Select(l => (double)l.Length).Order().ToArray();
            var q1 = ItemStatistics.Quantile(sorted, 0.25);
            var q3 = ItemStatistics.Quantile(sorted, 0.75);
            var iqr = Math.Max(q3 - q1, 1);
            var low = Math.Max(q1 - (options.LengthOutlierIqr * iqr), 0);
            var high = q3 + (options.LengthOutlierIqr * iqr);
            var hits = lengths.Where(l => l.Length < low || l.Length > high).ToList();
            if (hits.Count > 0)
            {
                outliers.AddRange(hits.Select(h => h.Item.Id));
                details.Add($"{subset.Key}: {hits.Count} outside {low.ToString("0", CultureInfo.InvariantCulture)}..{high.ToString("0", CultureInfo.InvariantCulture)} characters");
            }
        }

        if (outliers.Count > 0)
        {
            findings.Add(Finding("length.outliers", FindingSeverity.Warning,
                $"{outliers.Count} items are unusually short or long for their sub-item ({string.Join("; ", details.Take(10))}).",
                "Look for truncated text, merged rows or pasted boilerplate in these items.", outliers, options));
        }
    }

    private static string PositionLabel(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"#{index + 1}";

    private static ValidationFinding Finding(string rule, FindingSeverity severity, string message, string fix, IEnumerable<string> ids, ValidationOptions options)
    {
        var all = ids.ToList();
        return new ValidationFinding(rule, severity, message, fix, [.. all.Take(options.MaxListedIds)], all.Count);
    }
}
