using System.Globalization;
using Moa.Privacy.Names;
using Moa.Testing;
using Xunit.Abstractions;

namespace Moa.Privacy.Tests.Names;

public class DevPersonTests(ITestOutputHelper output)
{
    [Fact]
    public void Dev_RealTuningHalf()
    {
        var tune = PersonEvaluationTests.LoadReal().Where(s => PersonEvaluation.Fold(s.Id, 2) == 0).ToList();
        var analyzer = new PiiAnalyzer([PiiTypes.Person]);
        var total = default(PersonScore);
        foreach (var s in tune)
        {
            var found = analyzer.Analyze(s.Text);
            total += new PersonScore(s.Persons.Count, found.Count, found.Count(f => s.Persons.Contains((f.Start, f.End))));
            foreach (var f in found.Where(f => !s.Persons.Contains((f.Start, f.End))))
            {
                output.WriteLine($"FP '{s.Text[f.Start..f.End]}' {f.Score:F2} in {s.Text[..Math.Min(60, s.Text.Length)]}");
            }

            foreach (var p in s.Persons.Where(p => !found.Any(f => f.Start == p.Start && f.End == p.End)))
            {
                output.WriteLine($"FN '{s.Text[p.Start..p.End]}' in {s.Text[..Math.Min(60, s.Text.Length)]}");
            }
        }

        output.WriteLine($"tuning half: gold {total.Gold} found {total.Found} P {total.Precision:F3} R {total.Recall:F3}");
    }

    [Fact]
    public void Dev_TuningQuarters()
    {
        var all = KlueNer.Read(TestPaths.Data("ner", "klue-ner-v1.1_dev_part1.tsv"));
        var epochs = int.Parse(Environment.GetEnvironmentVariable("DEV_EPOCHS") ?? "10", CultureInfo.InvariantCulture);
        var copies = int.Parse(Environment.GetEnvironmentVariable("DEV_COPIES") ?? "2", CultureInfo.InvariantCulture);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var model = PersonTrainer.Train([.. all.Where(s => PersonEvaluation.Fold(s.Id, 4) == 0)], new PersonTrainingOptions { Epochs = epochs, AugmentedCopies = copies });
        output.WriteLine($"train {watch.Elapsed.TotalSeconds:F1}s");
        var tune = all.Where(s => PersonEvaluation.Fold(s.Id, 4) == 2).ToList();
        foreach (var min in new[] { 0.3, 0.4, 0.5, 0.6, 0.7 })
        {
            foreach (var (k, v) in PersonEvaluation.Score(tune, model, min))
            {
                output.WriteLine($"min {min} {k}: gold {v.Gold} found {v.Found} P {v.Precision:F3} R {v.Recall:F3} F {v.F1:F3}");
            }
        }

        var margins = new List<(float M, bool Ok)>();
        var gold = 0;
        foreach (var s in tune)
        {
            var names = new List<TaggedName>();
            model.Find(s.Text, names);
            gold += s.Persons.Count;
            margins.AddRange(names.Select(n => (n.Margin, s.Persons.Contains((n.Start, n.End)))));
        }

        foreach (var t in new[] { 0f, 2, 4, 6, 8, 10, 12, 15, 20, 25, 30 })
        {
            var sel = margins.Where(m => m.M >= t).ToList();
            output.WriteLine($"margin>={t}: found {sel.Count} P {sel.Count(m => m.Ok) / (double)sel.Count:F3} R {sel.Count(m => m.Ok) / (double)gold:F3}");
        }

        if (Environment.GetEnvironmentVariable("DEV_ERRORS") is not null)
        {
            var a = new PiiAnalyzer([PiiTypes.Person], 0.5, model);
            foreach (var s in tune.Take(300))
            {
                var f = a.Analyze(s.Text).Select(x => (x.Start, x.End)).ToHashSet();
                var g = s.Persons.ToHashSet();
                if (!f.SetEquals(g))
                {
                    output.WriteLine($"{s.Source} | {s.Text}\n   gold: {string.Join(", ", g.Select(x => s.Text[x.Start..x.End]))}\n   found: {string.Join(", ", f.Select(x => s.Text[x.Start..x.End]))}");
                }
            }
        }

        if (Environment.GetEnvironmentVariable("DEV_SAVE") is { } path)
        {
            PersonTrainer.Train(all, new PersonTrainingOptions { Epochs = epochs, AugmentedCopies = copies }).Save(path);
        }
    }
}
