using Moa.Curation.Filters;
using Xunit.Abstractions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using static Moa.Curation.Tests.Filters.FilterTestText;

namespace Moa.Curation.Tests.Filters;

public sealed class QualityFilterSetTests(ITestOutputHelper output)
{
    private static readonly QualityFilterSet Defaults = new(new QualityOptions());

    public static TheoryData<string> Groups => new() { "gopher_repetition", "gopher_quality", "korean", "c4", "fineweb" };

    private static QualityOptions AllBut(string group)
    {
        var o = new QualityOptions();
        switch (group)
        {
            case "gopher_repetition": o.GopherRepetition.Enabled = false; break;
            case "gopher_quality": o.GopherQuality.Enabled = false; break;
            case "korean": o.Korean.Enabled = false; break;
            case "c4": o.C4.Enabled = false; break;
            case "fineweb": o.FineWeb.Enabled = false; break;
            default: throw new ArgumentOutOfRangeException(nameof(group));
        }

        return o;
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void DisabledGroup_NeverRemovesOrEditsAnything(string group)
    {
        var filters = new QualityFilterSet(AllBut(group));
        foreach (var doc in FilterCorpus.Junk.Concat(FilterCorpus.Clean))
        {
            var outcome = filters.Evaluate(doc.Text, doc.Language);
            if (outcome.Rule is { } rule)
            {
                rule.ShouldNotStartWith(group + ".", customMessage: doc.Set);
            }

            if (group == "c4")
            {
                outcome.Text.ShouldBeSameAs(doc.Text);
            }
        }
    }

    [Fact]
    public void AllGroupsDisabled_KeepsEverythingUntouched()
    {
        var filters = new QualityFilterSet(Only(_ => { }));
        foreach (var doc in FilterCorpus.Junk)
        {
            var outcome = filters.Evaluate(doc.Text, doc.Language);
            outcome.Keep.ShouldBeTrue();
            outcome.Rule.ShouldBeNull();
            outcome.Text.ShouldBeSameAs(doc.Text);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \n\n\t \r\n ")]
    public void EmptyOrWhitespace_RejectedAsTooShort(string text)
    {
        foreach (var language in new[] { "ko", "en", "ja", "other" })
        {
            var outcome = Defaults.Evaluate(text, language);
            outcome.Keep.ShouldBeFalse();
            outcome.Rule.ShouldBe("gopher_quality.min_words");
            outcome.Scores.ShouldContain(kv => kv.Key == "words" && kv.Value == 0);
        }
    }

    [Fact]
    public void EmptyText_AllGroupsDisabled_Kept()
    {
        new QualityFilterSet(Only(_ => { })).Evaluate("", "ko").Keep.ShouldBeTrue();
    }

    [Fact]
    public void NullArguments_Throw()
    {
        Should.Throw<ArgumentNullException>(() => new QualityFilterSet(null!));
        Should.Throw<ArgumentNullException>(() => Defaults.Evaluate(null!, "ko"));
    }

    [Fact]
    public void KeptProse_ReturnsSameInstanceAndEveryRoundedSignal()
    {
        var text = KoProse(5);
        var outcome = Defaults.Evaluate(text, "ko");
        outcome.Keep.ShouldBeTrue();
        outcome.Rule.ShouldBeNull();
        outcome.Text.ShouldBeSameAs(text);
        outcome.Scores.Select(kv => kv.Key).ShouldBe(DocumentSignals.Names);
        outcome.Scores.ShouldContain(kv => kv.Key == "particle_ratio");
        foreach (var (_, value) in outcome.Scores)
        {
            Math.Round(value, 4).ShouldBe(value);
        }

        Defaults.Evaluate(EnText(80), "en").Scores.ShouldContain(kv => kv.Key == "stopwords" && kv.Value == 2);
    }

    [Fact]
    public void Japanese_CountsEachKanaAndHanAsAWord()
    {
        var text = string.Concat(Enumerable.Repeat("今日は天気がいいので、公園へ散歩に行きました。", 3));
        var signals = Defaults.Measure(text, "ja");
        signals.Words.ShouldBeGreaterThan(50);
        Defaults.Measure(text, "other").Words.ShouldBe(1);
    }

    [Fact]
    public void Parallel_SameOutcomesAsSequential()
    {
        var docs = FilterCorpus.Clean.Concat(FilterCorpus.Junk).ToArray();
        var sequential = docs.Select(d => Defaults.Evaluate(d.Text, d.Language)).ToArray();
        var parallel = new FilterOutcome[docs.Length];
        Parallel.For(0, docs.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = Defaults.Evaluate(docs[i].Text, docs[i].Language));
        for (var i = 0; i < docs.Length; i++)
        {
            parallel[i].Rule.ShouldBe(sequential[i].Rule);
            parallel[i].Text.ShouldBe(sequential[i].Text);
            parallel[i].Scores.ShouldBe(sequential[i].Scores);
        }
    }

    [Fact]
    public void Yaml_UnderscoredNames_BindEveryGroup()
    {
        const string Yaml = """
            gopher_repetition:
              enabled: false
              max_dup_line_frac: 0.5
              max_top2_gram_frac: ~
            gopher_quality:
              min_words_ko: 20
            korean:
              min_particle_ratio: 0.25
              mojibake_all_languages: false
            c4:
              terminal_punct_exempt_languages: [ko, ja]
              min_sentences: 3
            fineweb:
              short_line_length_ko: 10
            """;
        var options = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
            .Deserialize<QualityOptions>(Yaml);
        options.GopherRepetition.Enabled.ShouldBeFalse();
        options.GopherRepetition.MaxDupLineFrac.ShouldBe(0.5);
        options.GopherRepetition.MaxTop2GramFrac.ShouldBeNull();
        options.GopherRepetition.MaxTop3GramFrac.ShouldBe(0.228);
        options.GopherQuality.MinWordsKo.ShouldBe(20);
        options.Korean.MinParticleRatio.ShouldBe(0.25);
        options.Korean.MojibakeAllLanguages.ShouldBeFalse();
        options.C4.TerminalPunctExemptLanguages.ShouldBe(["ko", "ja"]);
        options.C4.MinSentences.ShouldBe(3);
        options.FineWeb.ShortLineLengthKo.ShouldBe(10);

        var defaults = new SerializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Serialize(new QualityOptions());
        output.WriteLine(defaults);
    }
}

public sealed class QualityOptionsValidationTests
{
    [Fact]
    public void NegativeFraction_ThrowsNamingTheKey()
    {
        var o = new QualityOptions();
        o.GopherRepetition.MaxDupLineFrac = -0.1;
        Should.Throw<MoaException>(() => new QualityFilterSet(o)).Message.ShouldContain("quality.gopher_repetition.max_dup_line_frac");
    }

    [Fact]
    public void FractionAboveOne_Throws()
    {
        var o = new QualityOptions();
        o.Korean.MinParticleRatio = 30;
        Should.Throw<MoaException>(() => new QualityFilterSet(o)).Message.ShouldContain("korean.min_particle_ratio is 30; expected a fraction");
    }

    [Fact]
    public void MinAboveMax_Throws()
    {
        var o = new QualityOptions();
        o.GopherQuality.MinMeanWordLengthKo = 7;
        Should.Throw<MoaException>(() => new QualityFilterSet(o)).Message.ShouldContain("min_mean_word_length_ko (7) is above quality.gopher_quality.max_mean_word_length_ko (6)");
    }

    [Fact]
    public void EmptyGroupFromYaml_Throws()
    {
        var options = new YamlDotNet.Serialization.DeserializerBuilder()
            .WithNamingConvention(YamlDotNet.Serialization.NamingConventions.UnderscoredNamingConvention.Instance).Build()
            .Deserialize<QualityOptions>("korean: ~\n");
        Should.Throw<MoaException>(() => new QualityFilterSet(options)).Message.ShouldContain("quality.korean is empty");
    }

    [Fact]
    public void MaxWordLengthZero_Throws()
    {
        var o = new QualityOptions();
        o.C4.MaxWordLength = 0;
        Should.Throw<MoaException>(() => new QualityFilterSet(o)).Message.ShouldContain("c4.max_word_length");
    }

    [Fact]
    public void NullThresholds_AreValidAndSwitchRulesOff()
    {
        var o = new QualityOptions();
        o.GopherQuality.MinWords = null;
        o.GopherQuality.MinWordsKo = null;
        new QualityFilterSet(o).Evaluate("짧은 글", "ko").Rule.ShouldNotBe("gopher_quality.min_words");
    }
}
