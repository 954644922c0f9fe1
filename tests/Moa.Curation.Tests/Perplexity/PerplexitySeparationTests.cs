using Moa.Curation.Perplexity;

namespace Moa.Curation.Tests.Perplexity;

/// <summary>
/// What docs/curation/perplexity.md promises about the shipped model, asserted on the test halves (the model was
/// trained on tuning halves only, and the suggested <c>max_perplexity</c> of 500 was chosen on the tuning halves).
/// </summary>
public sealed class PerplexitySeparationTests
{
    private const double SuggestedMax = 500;

    private static readonly Lazy<Dictionary<string, (bool Clean, double[] Values)>> s_test = new(() =>
        PerplexityCorpus.Sets.ToDictionary(
            s => s.Name,
            s => (s.Clean, s.Documents.Where(d => !d.Tuning).Select(d => QualityLanguageModel.Embedded.Perplexity(d.Text, new PerplexityOptions().MaxChars)).OfType<double>().ToArray())));

    private static double[] Clean => [.. s_test.Value.Where(s => s.Value.Clean && s.Key != "clean.ko.kobest_boolq").SelectMany(s => s.Value.Values)];

    [Theory]
    [InlineData("junk.mojibake_utf8_as_cp949", 0.99)]
    [InlineData("junk.laugh_flood", 0.99)]
    [InlineData("junk.symbol_noise", 0.98)]
    [InlineData("junk.menu_spam", 0.88)]
    [InlineData("junk.keyword_spam", 0.75)]
    public void TestHalf_JunkKindScoresAboveCleanKorean(string kind, double minAuc)
    {
        PerplexityCorpus.Auc(Clean, s_test.Value[kind].Values).ShouldBeGreaterThanOrEqualTo(minAuc);
    }

    [Fact]
    public void TestHalf_AllJunkTogether_SeparatesOnlyPartly()
    {
        var junk = s_test.Value.Where(s => !s.Value.Clean).SelectMany(s => s.Value.Values).ToArray();
        // With the harder web junk made of real sentences (SEO pages, listings, machine-translated garble) in the sets,
        // the pooled figure fell from 0.72 to about 0.60: fluent-looking junk is not the language model's to catch.
        PerplexityCorpus.Auc(Clean, junk).ShouldBeInRange(0.55, 0.70);
    }

    [Fact]
    public void TestHalf_RepeatedRealParagraphs_AreNotCaught()
    {
        // Fluent text repeated is still fluent: repetition is the Gopher rules' job, not the language model's.
        PerplexityCorpus.Auc(Clean, s_test.Value["junk.repeated_paragraph"].Values).ShouldBeLessThan(0.2);
    }

    [Fact]
    public void TestHalf_ReferenceGenresAreHeadOrMiddle_ConversationAndTechnicalAreTail()
    {
        var model = QualityLanguageModel.Embedded;
        foreach (var genre in new[] { "genre.wiki_korquad", "genre.news_ko" })
        {
            Median(s_test.Value[genre].Values).ShouldBeLessThanOrEqualTo(model.Info.TailCutoff, genre);
        }

        foreach (var genre in new[] { "genre.chat_qa_pairs", "genre.tech_python_docs_ko", "clean.ko.nsmc_thread" })
        {
            var values = s_test.Value[genre].Values;
            (values.Count(v => model.Bucket(v) == "tail") / (double)values.Length).ShouldBeGreaterThanOrEqualTo(0.97, genre);
        }
    }

    [Fact]
    public void TestHalf_SuggestedMaximum_KeepsCleanKoreanAndRemovesGarbledText()
    {
        foreach (var (name, (clean, values)) in s_test.Value.Where(s => s.Value.Clean))
        {
            (values.Count(v => v <= SuggestedMax) / (double)values.Length).ShouldBeGreaterThanOrEqualTo(0.99, name);
        }

        foreach (var kind in new[] { "junk.mojibake_utf8_as_cp949", "junk.laugh_flood" })
        {
            var values = s_test.Value[kind].Values;
            (values.Count(v => v > SuggestedMax) / (double)values.Length).ShouldBeGreaterThanOrEqualTo(0.95, kind);
        }
    }

    private static double Median(double[] values) => values.Order().ElementAt(values.Length / 2);
}
