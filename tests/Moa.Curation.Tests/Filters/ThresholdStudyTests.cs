using System.Globalization;
using System.Text;
using Moa.Curation.Filters;
using Xunit.Abstractions;

namespace Moa.Curation.Tests.Filters;

/// <summary>
/// The measurement behind the default thresholds: every signal's percentiles on each clean and junk set
/// (printed; docs/curation/filters.md quotes these tables). Run with
/// <c>dotnet test tests/Moa.Curation.Tests --filter ThresholdStudy --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class ThresholdStudyTests(ITestOutputHelper output)
{
    [Fact]
    public void ThresholdStudy_PrintsSignalPercentilesPerSet()
    {
        var set = new QualityFilterSet(new QualityOptions());
        var bySet = new SortedDictionary<string, List<Dictionary<string, double>>>(StringComparer.Ordinal);
        foreach (var doc in FilterCorpus.Clean.Concat(FilterCorpus.Junk))
        {
            var signals = set.Measure(doc.Text, doc.Language).All().ToDictionary(kv => kv.Key, kv => kv.Value);
            if (!bySet.TryGetValue(doc.Set, out var list))
            {
                bySet[doc.Set] = list = [];
            }

            list.Add(signals);
        }

        var names = bySet.First().Value[0].Keys.ToList();
        var sb = new StringBuilder();
        foreach (var name in names)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"### {name}");
            sb.AppendLine("| set | n | p1 | p5 | p50 | p95 | p99 |");
            sb.AppendLine("|---|---|---|---|---|---|---|");
            foreach (var (setName, docs) in bySet)
            {
                var values = docs.Select(d => d[name]).Order().ToArray();
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"| {setName} | {values.Length} | {P(values, 1)} | {P(values, 5)} | {P(values, 50)} | {P(values, 95)} | {P(values, 99)} |");
            }

            sb.AppendLine();
        }

        output.WriteLine(sb.ToString());
        var dump = Environment.GetEnvironmentVariable("MOA_FILTER_STUDY_OUT");
        if (!string.IsNullOrEmpty(dump))
        {
            File.WriteAllText(dump, sb.ToString());
        }

        bySet.Count.ShouldBeGreaterThan(10);
    }

    private static string P(double[] sorted, double percentile)
    {
        var index = (int)Math.Round(percentile / 100.0 * (sorted.Length - 1));
        return sorted[index].ToString("0.####", CultureInfo.InvariantCulture);
    }
}
