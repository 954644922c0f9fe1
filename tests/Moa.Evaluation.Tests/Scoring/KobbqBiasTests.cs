using System.Text;
using System.Text.Json;
using Moa.Evaluation.Benchmarks;
using Moa.Evaluation.Benchmarks.Import;
using Moa.Evaluation.Models;
using Moa.Evaluation.Runs;
using Moa.Evaluation.Scoring;
using Moa.Evaluation.Tests.Fixtures;

namespace Moa.Evaluation.Tests.Scoring;

/// <summary>
/// KoBBQ's accuracy and diff-bias scores (Jin et al., TACL 2024): equal to <c>scripts/kobbq-bias-golden.py</c>, a Python
/// implementation written from the paper's definitions apart from this code, on all 2,280 released test items.
/// </summary>
[Collection(NgramServerCollection.Name)]
public class KobbqBiasTests(NgramServerFixture server)
{
    private static readonly Lazy<IReadOnlyList<BenchmarkItem>> s_items =
        new(() => KobbqImporter.Import(TestPaths.Data("benchmarks", "kobbq", "KoBBQ_test_samples.tsv")).Items);

    // The golden script's pseudo-prediction: (sum over the UTF-8 bytes b_i of the id of (i + 1) * b_i) mod 4; 3 = no choice read.
    private static int PseudoPrediction(string id)
    {
        var bytes = Encoding.UTF8.GetBytes(id);
        long sum = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            sum += (i + 1) * bytes[i];
        }

        var k = (int)(sum % 4);
        return k == 3 ? -1 : k;
    }

    private static ItemResult[] Results(IReadOnlyList<BenchmarkItem> items, Func<BenchmarkItem, int> predict) =>
        [.. items.Select(i => new ItemResult { Id = i.Id, Subset = i.Subset, Answer = i.AnswerIndex, Predicted = predict(i) })];

    [Fact]
    public void EveryGroup_EqualsThePythonGolden()
    {
        var items = s_items.Value;
        var bias = KobbqBias.Compute(items, Results(items, i => PseudoPrediction(i.Id))).ShouldNotBeNull();

        using var golden = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Evaluation.Tests", "Fixtures", "kobbq-bias-golden.json")));
        var root = golden.RootElement;
        bias.UnknownChoice.ShouldBe(root.GetProperty("unknown_choice").GetString());
        Same(bias.Overall, root.GetProperty("overall"));
        var categories = root.GetProperty("categories").EnumerateObject().ToList();
        bias.ByCategory.Keys.Order(StringComparer.Ordinal).ShouldBe(categories.Select(c => c.Name).Order(StringComparer.Ordinal));
        foreach (var c in categories)
        {
            Same(bias.ByCategory[c.Name], c.Value);
        }

        var labels = root.GetProperty("labels").EnumerateObject().ToList();
        bias.ByLabel.Keys.Order(StringComparer.Ordinal).ShouldBe(labels.Select(c => c.Name).Order(StringComparer.Ordinal));
        foreach (var l in labels)
        {
            Same(bias.ByLabel[l.Name], l.Value);
        }

        bias.Overall.Items.ShouldBe(2280);
        bias.Overall.OutOfChoice.ShouldBeGreaterThan(0);
    }

    private static void Same(KobbqBiasGroup actual, JsonElement expected)
    {
        actual.Items.ShouldBe(expected.GetProperty("items").GetInt32());
        actual.OutOfChoice.ShouldBe(expected.GetProperty("out_of_choice").GetInt32());
        Near(actual.OutOfChoiceRatio, expected.GetProperty("out_of_choice_ratio"));
        Near(actual.AccuracyAmbiguous, expected.GetProperty("acc_ambiguous"));
        Near(actual.AccuracyDisambiguated, expected.GetProperty("acc_disambiguated"));
        Near(actual.DiffBiasAmbiguous, expected.GetProperty("diff_bias_ambiguous"));
        Near(actual.DiffBiasDisambiguated, expected.GetProperty("diff_bias_disambiguated"));
    }

    private static void Near(double actual, JsonElement expected)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            double.IsNaN(actual).ShouldBeTrue();
            return;
        }

        actual.ShouldBe(expected.GetDouble(), 1e-12);
    }

    [Fact]
    public void AModelThatAlwaysFollowsTheStereotype_ScoresFullBias()
    {
        var items = s_items.Value;
        var bias = KobbqBias.Compute(items, Results(items, i => i.Meta!["biased_answer"].GetInt32()))!;

        bias.Overall.AccuracyAmbiguous.ShouldBe(0);
        bias.Overall.DiffBiasAmbiguous.ShouldBe(1);
        bias.Overall.DiffBiasDisambiguated.ShouldBe(1); // right in every biased context, wrong in every counter-biased one
        bias.Overall.AccuracyDisambiguated.ShouldBe(0.5);
        bias.Overall.OutOfChoiceRatio.ShouldBe(0);
    }

    [Fact]
    public void AModelThatAlwaysSaysUnknown_IsRightWhenAmbiguous_AndShowsNoBias()
    {
        var items = s_items.Value;
        var bias = KobbqBias.Compute(items, Results(items, i => i.Choices.ToList().IndexOf(KobbqBias.DefaultUnknownChoice)))!;

        bias.Overall.AccuracyAmbiguous.ShouldBe(1);
        bias.Overall.DiffBiasAmbiguous.ShouldBe(0);
        bias.Overall.AccuracyDisambiguated.ShouldBe(0);
        bias.Overall.DiffBiasDisambiguated.ShouldBe(0);
    }

    [Fact]
    public void FailedItems_AreLeftOut_AndOtherBenchmarksGetNone()
    {
        var items = s_items.Value.Take(8).ToList();
        var results = Results(items, i => i.AnswerIndex);
        results[0].ErrorKind = "http_error";
        var bias = KobbqBias.Compute(items, results)!;
        bias.Overall.Items.ShouldBe(7);

        var (card, copa) = TestBenchmarks.KobestCopa();
        KobbqBias.Compute(copa, Results(copa, i => i.AnswerIndex)).ShouldBeNull();
        KobbqBias.Compute(items, results.Take(3).ToList()).ShouldBeNull(); // results not aligned with the items
        card.Name.ShouldNotBe("kobbq");
    }

    [Fact]
    public async Task ARun_WritesTheBiasScoresIntoScoresJson()
    {
        var imported = KobbqImporter.Import(TestPaths.Data("benchmarks", "kobbq", "KoBBQ_test_samples.tsv"));
        var items = imported.Items.Take(96).ToList();
        var dir = TestPaths.NewTempDir();
        using var client = new ModelClient(new EndpointOptions { BaseUrl = server.BaseUrl, Model = NgramServerFixture.ModelName, Concurrency = 8, RetryBaseDelay = TimeSpan.FromMilliseconds(5) }, null);

        var run = await new EvalRunner(client).RunAsync(new EvalInput(imported.Card, items, "kobbq-hash"), new EvalOptions { BootstrapResamples = 0 }, dir);

        var expected = KobbqBias.Compute(items, run.Items).ShouldNotBeNull();
        run.Scores.Bias.ShouldNotBeNull().Overall.ShouldBe(expected.Overall);
        using var scores = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "scores.json")));
        var overall = scores.RootElement.GetProperty("kobbq_bias").GetProperty("overall");
        overall.GetProperty("items").GetInt32().ShouldBe(96);
        overall.GetProperty("acc_ambiguous").GetDouble().ShouldBe(expected.Overall.AccuracyAmbiguous, 1e-12);
        overall.GetProperty("diff_bias_disambiguated").GetDouble().ShouldBe(expected.Overall.DiffBiasDisambiguated, 1e-12);
        scores.RootElement.GetProperty("kobbq_bias").GetProperty("categories").EnumerateObject().Count().ShouldBeGreaterThan(0);
    }
}
