using System.Globalization;
using System.Text;
using Moa.Curation.Filters;
using Xunit.Abstractions;

namespace Moa.Curation.Tests.Filters;

/// <summary>
/// The promise of the default settings on real-data sets: clean Korean prose is kept (≥ 97 %), each kind of
/// generated junk is removed (≥ 90 % per kind). Prints the per-set table with the rules that fired.
/// </summary>
public sealed class CorpusAcceptanceTests(ITestOutputHelper output)
{
    private static readonly QualityFilterSet Filters = new(new QualityOptions());

    private static Dictionary<string, (int Total, int Kept, Dictionary<string, int> Rules)> Evaluate(IEnumerable<CorpusDoc> docs)
    {
        var result = new Dictionary<string, (int Total, int Kept, Dictionary<string, int> Rules)>(StringComparer.Ordinal);
        foreach (var doc in docs)
        {
            var outcome = Filters.Evaluate(doc.Text, doc.Language);
            if (!result.TryGetValue(doc.Set, out var entry))
            {
                entry = (0, 0, new Dictionary<string, int>(StringComparer.Ordinal));
            }

            entry.Total++;
            if (outcome.Keep)
            {
                entry.Kept++;
            }
            else
            {
                entry.Rules[outcome.Rule!] = entry.Rules.GetValueOrDefault(outcome.Rule!) + 1;
            }

            result[doc.Set] = entry;
        }

        return result;
    }

    private void Print(string title, Dictionary<string, (int Total, int Kept, Dictionary<string, int> Rules)> table)
    {
        var sb = new StringBuilder();
        sb.AppendLine(title);
        sb.AppendLine("| set | docs | kept | removed % | rules (count) |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var (set, (total, kept, rules)) in table.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var removed = 100.0 * (total - kept) / total;
            var top = string.Join(", ", rules.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Take(4).Select(r => $"{r.Key} ({r.Value})"));
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {set} | {total} | {kept} | {removed:0.0} | {top} |");
        }

        output.WriteLine(sb.ToString());
    }

    [Fact]
    public void Defaults_CleanKoreanProse_KeptAtLeast97Percent()
    {
        var table = Evaluate(FilterCorpus.Clean);
        Print("Clean sets", table);
        var korean = table.Where(kv => kv.Key.StartsWith("clean.ko.", StringComparison.Ordinal)).ToList();
        var total = korean.Sum(kv => kv.Value.Total);
        var kept = korean.Sum(kv => kv.Value.Kept);
        output.WriteLine($"Clean Korean kept: {kept}/{total} = {100.0 * kept / total:0.00}%");
        ((double)kept / total).ShouldBeGreaterThanOrEqualTo(0.97);
        foreach (var (set, (t, k, _)) in korean.Where(kv => kv.Value.Total >= 100))
        {
            // Each sizeable source on its own, so one source cannot hide behind the others.
            ((double)k / t).ShouldBeGreaterThanOrEqualTo(0.95, $"{set} keeps {k}/{t}");
        }
    }

    [Fact]
    public void Defaults_EachJunkKind_RemovedAtLeast90Percent()
    {
        var table = Evaluate(FilterCorpus.Junk);
        Print("Junk sets", table);
        table.Count.ShouldBeGreaterThanOrEqualTo(12);
        foreach (var (set, (total, kept, _)) in table)
        {
            var removed = (double)(total - kept) / total;
            removed.ShouldBeGreaterThanOrEqualTo(0.9, $"{set}: removed {total - kept}/{total}");
        }
    }
}
