using System.Globalization;
using System.Reflection;
using System.Text;
using Moa.Curation.Filters;
using Moa.Documents;
using Moa.Text.Languages;
using Moa.Text.Normalization;
using Xunit.Abstractions;

namespace Moa.Curation.Tests.Filters;

/// <summary>
/// The default quality filters over every readable real public-sector document in /work/shared/data/providers:
/// which rules fire on which document (all of them, not only the first), with score and threshold.
/// </summary>
public sealed class ProviderDocumentTests(ITestOutputHelper output)
{
    internal sealed record Row(string Kind, string Name, int Chars, string Language, IReadOnlyList<string> Fired)
    {
        public bool Kept => Fired.Count == 0;
    }

    private static readonly Lazy<IReadOnlyList<Row>> s_rows = new(Measure);

    /// <summary>
    /// Not prose: a report template (placeholder text repeated on purpose) and a data-standard specification that is
    /// one long field table. They are measured and printed, but the defaults may remove them.
    /// </summary>
    private static readonly string[] s_templatesAndTables = ["basicsReport.hwp", "public_data_standard.hwpx"];

    /// <summary>Prose-like public documents: NTS rulings, press releases, notices, the RFP, the statute, the paper.</summary>
    private static bool IsProse(Row r) => r.Kind is "hwp" or "hwpx" or "pdf" && !s_templatesAndTables.Contains(r.Name);

    [Fact]
    public void Prose_like_public_documents_are_kept_by_the_defaults()
    {
        var rows = s_rows.Value;
        Print(rows);
        var prose = rows.Where(IsProse).ToList();
        prose.Count.ShouldBeGreaterThanOrEqualTo(35, "28+ readable NTS rulings, a press release, 3 HWPX with text, 2 PDF");
        rows.Count(r => r.Name.StartsWith("nts_rulings/", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(28);
        var kept = prose.Count(r => r.Kept);
        var dropped = string.Join("; ", prose.Where(r => !r.Kept).Select(r => r.Name + ": " + r.Fired[0]));
        ((double)kept / prose.Count).ShouldBeGreaterThanOrEqualTo(0.9, $"kept {kept}/{prose.Count}; removed: {dropped}");
    }

    private void Print(IReadOnlyList<Row> rows)
    {
        foreach (var group in rows.GroupBy(r => r.Kind))
        {
            output.WriteLine($"{group.Key}: kept {group.Count(r => r.Kept)}/{group.Count()}");
        }

        foreach (var r in rows.Where(r => r.Kind != "csv"))
        {
            output.WriteLine($"{r.Kind,-5} {r.Name,-48} {r.Chars,7} {r.Language,-3} {(r.Kept ? "kept" : string.Join(" | ", r.Fired))}");
        }

        // CSV rows: one line per file and first rule.
        foreach (var g in rows.Where(r => r.Kind == "csv").GroupBy(r => (File: r.Name[..r.Name.IndexOf('#', StringComparison.Ordinal)], Rule: r.Kept ? "kept" : RuleName(r.Fired[0]))))
        {
            output.WriteLine($"csv   {g.Key.File,-36} {g.Key.Rule,-40} {g.Count(),6} rows");
        }
    }

    private static string RuleName(string fired) => fired[..fired.IndexOf(' ', StringComparison.Ordinal)];

    private static List<Row> Measure()
    {
        var rows = new List<Row>();
        var normalizer = new TextNormalizer(new NormalizerOptions());
        var root = TestPaths.Data("providers");
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var kind = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
            var reader = ReaderRegistry.Default.Find(path);
            if (reader is null)
            {
                continue;
            }

            var context = new ReadContext(new ReaderOptions(), _ => { });
            var name = Path.GetRelativePath(Path.Combine(root, kind), path).Replace('\\', '/');
            var part = 0;
            foreach (var doc in reader.Read(path, context))
            {
                var text = normalizer.Normalize(doc.Text);
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                var language = LanguageIdentifier.Default.Identify(text).Code;
                var label = kind is "xlsx" or "csv" ? $"{name}#{part}" : name;
                part++;
                rows.Add(new Row(kind, label, text.Length, language, FiredRules(text, language)));
            }
        }

        return rows;
    }

    /// <summary>Every default rule that fires: evaluate, switch the fired rule off, repeat.</summary>
    internal static List<string> FiredRules(string text, string language)
    {
        var options = new QualityOptions();
        var defaults = new QualityFilterSet(new QualityOptions());
        var fired = new List<string>();
        for (var round = 0; round < 20; round++)
        {
            var outcome = new QualityFilterSet(options).Evaluate(text, language);
            if (outcome.Keep)
            {
                break;
            }

            var rule = outcome.Rule!;
            var (score, threshold) = Explain(defaults, text, language, rule);
            fired.Add(string.Create(CultureInfo.InvariantCulture, $"{rule} {score} vs {threshold}"));
            if (!Disable(options, rule))
            {
                break;
            }
        }

        return fired;
    }

    private static (string Score, string Threshold) Explain(QualityFilterSet set, string text, string language, string rule)
    {
        var signals = set.Measure(text, language);
        var leaf = rule[(rule.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var value = signals.All().FirstOrDefault(kv => string.Equals(kv.Key.Replace("_", "", StringComparison.Ordinal), leaf.Replace("_", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
        var score = value.Key is null ? "?" : Math.Round(value.Value, 4).ToString(CultureInfo.InvariantCulture);
        var threshold = "?";
        foreach (var (group, prop) in Candidates(new QualityOptions(), rule))
        {
            var v = prop.GetValue(group);
            if (v is not null)
            {
                threshold = Convert.ToString(v, CultureInfo.InvariantCulture) ?? "?";
                break;
            }
        }
        return (score, threshold);
    }

    private static bool Disable(QualityOptions options, string rule)
    {
        var any = false;
        foreach (var (group, prop) in Candidates(options, rule))
        {
            if (Nullable.GetUnderlyingType(prop.PropertyType) is not null || !prop.PropertyType.IsValueType)
            {
                prop.SetValue(group, null);
                any = true;
            }
            else if (prop.PropertyType == typeof(bool))
            {
                prop.SetValue(group, false);
                any = true;
            }
        }

        return any;
    }

    private static IEnumerable<(object Group, PropertyInfo Prop)> Candidates(QualityOptions options, string rule)
    {
        var dot = rule.IndexOf('.', StringComparison.Ordinal);
        var groupName = Pascal(rule[..dot]).ToUpperInvariant();
        var leaf = Pascal(rule[(dot + 1)..]);
        var groupProp = typeof(QualityOptions).GetProperties().FirstOrDefault(p => p.Name.ToUpperInvariant() == groupName);
        if (groupProp?.GetValue(options) is not { } group)
        {
            yield break;
        }

        string[] names = [leaf, "Max" + leaf, "Min" + leaf, leaf + "Ko", "Max" + leaf + "Ko", "Min" + leaf + "Ko", "Filter" + leaf];
        foreach (var p in group.GetType().GetProperties())
        {
            if (names.Contains(p.Name, StringComparer.OrdinalIgnoreCase) && p.PropertyType != typeof(List<string>))
            {
                yield return (group, p);
            }
        }
    }

    private static string Pascal(string snake)
    {
        var sb = new StringBuilder();
        foreach (var part in snake.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            sb.Append(char.ToUpperInvariant(part[0])).Append(part[1..]);
        }

        return sb.ToString();
    }
}
