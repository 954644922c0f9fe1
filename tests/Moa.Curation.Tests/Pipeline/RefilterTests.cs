using System.Text.Json;
using Moa.Curation.Configuration;
using Moa.Curation.Filters;
using Moa.Curation.Pipeline;
using Moa.Curation.Tests.Filters;

namespace Moa.Curation.Tests.Pipeline;

/// <summary>Tag, then decide: every record carries its signals, genre and profile; refilter re-decides from them.</summary>
public sealed class RefilterTests
{
    private static (string Input, string Output) CurateMixed(string dir)
    {
        var input = Path.Combine(dir, "in.jsonl");
        var docs = FilterCorpus.Genres.Where(d => d.IsTest).Take(120)
            .Concat(FilterCorpus.Junk.Where(d => d.IsTest && d.Set.StartsWith("junk.web.", StringComparison.Ordinal)).Take(60))
            .Select(d => (d.Id, d.Text));
        CurationFixture.WriteJsonl(input, docs);
        var output = Path.Combine(dir, "out");
        CurationFixture.Run([input], output);
        return (input, output);
    }

    [Fact]
    public void Curate_EveryRecord_CarriesSignalsGenreProfile_AndRemovedCarryFilter()
    {
        var dir = TestPaths.NewTempDir();
        var (_, output) = CurateMixed(dir);
        var kept = CurationFixture.ReadParts(Path.Combine(output, "data"));
        var removed = CurationFixture.ReadParts(Path.Combine(output, "removed"));
        kept.Count.ShouldBeGreaterThan(50);
        foreach (var r in kept)
        {
            var meta = r.GetProperty("meta");
            meta.GetProperty("quality").EnumerateObject().Select(p => p.Name).ShouldBe(DocumentSignals.Names);
            meta.GetProperty("genre").GetString().ShouldBeOneOf("prose", "technical", "code", "conversation", "table", "list");
            meta.GetProperty("profile").GetString().ShouldNotBeNullOrEmpty();
        }

        var byQuality = removed.Where(r => r.GetProperty("reason").GetString()!.StartsWith("quality:", StringComparison.Ordinal)).ToList();
        byQuality.Count.ShouldBeGreaterThan(20);
        foreach (var r in byQuality)
        {
            var meta = r.GetProperty("meta");
            meta.GetProperty("quality").EnumerateObject().Count().ShouldBe(DocumentSignals.Names.Count);
            var filter = meta.GetProperty("filter");
            filter.GetProperty("profile").GetString().ShouldBe(meta.GetProperty("profile").GetString());
            ("quality:" + filter.GetProperty("rule").GetString()).ShouldBe(r.GetProperty("reason").GetString());
            filter.GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Number);
            filter.GetProperty("threshold").ValueKind.ShouldBe(JsonValueKind.Number);
        }
    }

    [Fact]
    public void Refilter_SameConfig_ReproducesTheRunsDecisions()
    {
        var dir = TestPaths.NewTempDir();
        var (_, output) = CurateMixed(dir);
        var target = Path.Combine(dir, "same");
        var result = Refilter.Run(output, new CurationConfig(), target);
        result.NewlyKept.ShouldBe(0);
        result.NewlyRemoved.ShouldBe(0);
        var before = CurationFixture.ReadParts(Path.Combine(output, "data")).Select(r => r.GetProperty("id").GetString()).Order(StringComparer.Ordinal);
        var after = CurationFixture.ReadParts(Path.Combine(target, "data")).Select(r => r.GetProperty("id").GetString()).Order(StringComparer.Ordinal);
        after.ShouldBe(before);
    }

    [Fact]
    public void Refilter_StricterAndLooserConfig_ChangesDecisionsFromStoredSignals()
    {
        var dir = TestPaths.NewTempDir();
        var (_, output) = CurateMixed(dir);

        var strict = CurationConfigLoader.Parse("quality:\n  korean:\n    min_particle_ratio: 0.9\n");
        var tight = Refilter.Run(output, strict, Path.Combine(dir, "strict"));
        tight.NewlyRemoved.ShouldBeGreaterThan(0);
        foreach (var r in CurationFixture.ReadParts(Path.Combine(dir, "strict", "removed")).Where(r => r.GetProperty("reason").GetString() == "quality:korean.particle_ratio"))
        {
            r.GetProperty("meta").GetProperty("filter").GetProperty("threshold").GetDouble().ShouldBe(0.9);
        }

        var loose = CurationConfigLoader.Parse("quality:\n  profile: web\n  prose:\n    enabled: false\n  korean:\n    enabled: false\n  gopher_quality:\n    enabled: false\n  gopher_repetition:\n    enabled: false\n  fineweb:\n    enabled: false\n  c4:\n    filter_curly_bracket: false\n    filter_lorem_ipsum: false\n");
        var open = Refilter.Run(output, loose, Path.Combine(dir, "loose"));
        open.NewlyKept.ShouldBeGreaterThan(0);
        CurationFixture.ReadParts(Path.Combine(dir, "loose", "data")).Count.ShouldBe((int)open.Kept);
    }

    [Fact]
    public void Refilter_NewPerplexityMaximum_IsDecidedFromStoredScores_AlsoFromParquetParts()
    {
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "in.jsonl");
        CurationFixture.WriteJsonl(input, FilterCorpus.Genres.Where(d => d.IsTest).Take(150).Select(d => (d.Id, d.Text)));
        var parquet = CurationConfigLoader.Parse("output:\n  format: parquet\n");
        var output = Path.Combine(dir, "out");
        CurationFixture.Run([input], output, parquet);
        var scores = Directory.GetFiles(Path.Combine(output, "data"), "*.parquet")
            .SelectMany(f => Moa.Documents.Jsonl.CorpusPart.Read(f))
            .Select(r => JsonDocument.Parse(r.MetaJson).RootElement)
            .Where(m => m.TryGetProperty("perplexity", out _))
            .Select(m => m.GetProperty("perplexity").GetDouble())
            .Order()
            .ToList();
        scores.Count.ShouldBeGreaterThan(50);
        var max = scores[scores.Count / 2];

        var strict = CurationConfigLoader.Parse($"output:\n  format: parquet\nquality:\n  perplexity:\n    max_perplexity: {max.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n");
        var result = Refilter.Run(output, strict, Path.Combine(dir, "strict"));

        result.NewlyRemoved.ShouldBe(scores.Count(s => s > max));
        var removed = CurationFixture.ReadParts(Path.Combine(dir, "strict", "removed")).Where(r => r.GetProperty("reason").GetString() == "quality:perplexity.max_perplexity").ToList();
        removed.Count.ShouldBe((int)result.NewlyRemoved);
        foreach (var r in removed)
        {
            var filter = r.GetProperty("meta").GetProperty("filter");
            filter.GetProperty("threshold").GetDouble().ShouldBe(max);
            filter.GetProperty("value").GetDouble().ShouldBeGreaterThan(max);
        }
    }

    [Fact]
    public void Refilter_ChangedLineRemoval_IsRefusedWithTheKey()
    {
        var dir = TestPaths.NewTempDir();
        var (_, output) = CurateMixed(dir);
        var changed = CurationConfigLoader.Parse("quality:\n  c4:\n    max_word_length: 50\n");
        Should.Throw<MoaException>(() => Refilter.Run(output, changed, Path.Combine(dir, "x"))).Message.ShouldContain("c4.max_word_length");
        Should.Throw<MoaException>(() => Refilter.Run(Path.Combine(dir, "missing"), new CurationConfig(), Path.Combine(dir, "y"))).Message.ShouldContain("manifest.json");
        Should.Throw<MoaException>(() => Refilter.Run(output, new CurationConfig(), output)).Message.ShouldContain("run folder itself");
    }
}

/// <summary>Profiles: choice per document, per input and provider, and clear errors.</summary>
public sealed class QualityProfileTests
{
    private static readonly string TechDoc = FilterCorpus.Genres.First(d => d.Set.EndsWith("tech_python_docs_ko", StringComparison.Ordinal) && d.IsTest).Text;

    [Fact]
    public void Auto_ChoosesByFormatThenGenre()
    {
        var stage = new QualityStage(new QualityOptions());
        stage.ChooseProfile(new DocumentContext("hwp", null, null), Genre.Prose).ShouldBe("documents");
        stage.ChooseProfile(new DocumentContext("jsonl", null, null), Genre.Technical).ShouldBe("technical");
        stage.ChooseProfile(new DocumentContext("jsonl", null, null), Genre.Code).ShouldBe("technical");
        stage.ChooseProfile(new DocumentContext("jsonl", null, null), Genre.Conversation).ShouldBe("conversation");
        stage.ChooseProfile(new DocumentContext("csv", null, null), Genre.Prose).ShouldBe("web");
    }

    [Fact]
    public void Mappings_InputThenProviderThenFixedProfile()
    {
        var config = CurationConfigLoader.Parse(
            "quality:\n  profile: web\n  profile_by_input:\n    /data/manuals: technical\n  profile_by_provider:\n    NIA: documents\n");
        var stage = new QualityStage(config.Quality);
        stage.ChooseProfile(new DocumentContext("jsonl", "NIA", "/data/manuals/a.jsonl"), Genre.Prose).ShouldBe("technical");
        stage.ChooseProfile(new DocumentContext("jsonl", "NIA", "/data/other.jsonl"), Genre.Prose).ShouldBe("documents");
        stage.ChooseProfile(new DocumentContext("hwp", null, "/data/other.hwp"), Genre.Technical).ShouldBe("web");
    }

    [Fact]
    public void TechnicalDocument_TaggedTechnical_AndRemovalNamesProfile()
    {
        var stage = new QualityStage(new QualityOptions());
        var outcome = stage.Evaluate(TechDoc, "ko", new DocumentContext("jsonl", null, null));
        outcome.Genre.ShouldBeOneOf(Genre.Technical, Genre.Code);
        outcome.Profile.ShouldBe("technical");

        var strict = CurationConfigLoader.Parse("quality:\n  profiles:\n    technical:\n      korean.min_particle_ratio: 0.99\n");
        var removed = new QualityStage(strict.Quality).Evaluate(TechDoc, "ko", new DocumentContext("jsonl", null, null));
        removed.Keep.ShouldBeFalse();
        removed.Profile.ShouldBe("technical");
        removed.Rule.ShouldBe("korean.particle_ratio");
        removed.Threshold.ShouldBe(0.99);
    }

    [Theory]
    [InlineData("quality:\n  profile: techincal\n", "quality.profile is 'techincal'")]
    [InlineData("quality:\n  profile_by_provider:\n    NIA: nope\n", "profile_by_provider['NIA']")]
    [InlineData("quality:\n  profiles:\n    technical:\n      korean.max_symbol_rati: 0.2\n", "has no key 'max_symbol_rati'")]
    [InlineData("quality:\n  profiles:\n    technical:\n      symbol_ratio: 0.2\n", "not a rule key")]
    [InlineData("quality:\n  profiles:\n    technical:\n      korean.max_symbol_ratio: lots\n", "'lots' is not a number")]
    [InlineData("quality:\n  profiles:\n    technical:\n      korean.max_symbol_ratio: 2\n", "quality.profiles.technical")]
    [InlineData("quality:\n  profiles:\n    technical:\n      c4.max_word_length: 20\n", "changes what is measured")]
    [InlineData("quality:\n  profiles:\n    auto:\n      korean.max_symbol_ratio: 0.2\n", "reserved")]
    public void BadProfileConfig_ClearErrorNamingTheKey(string yaml, string expected)
    {
        Should.Throw<MoaException>(() => CurationConfigLoader.Parse(yaml)).Message.ShouldContain(expected);
    }

    [Fact]
    public void ConfiguredProfile_AddsToBuiltIn_KeyByKey()
    {
        var config = CurationConfigLoader.Parse("quality:\n  profiles:\n    technical:\n      korean.max_symbol_ratio: 0.3\n    manuals:\n      prose.min_prose_share: ~\n");
        var resolved = QualityProfiles.Resolve(config.Quality);
        resolved["technical"].Korean.MaxSymbolRatio.ShouldBe(0.3);
        resolved["technical"].C4.FilterCurlyBracket.ShouldBeFalse();
        resolved["manuals"].Prose.MinProseShare.ShouldBeNull();
        resolved["web"].Korean.MaxSymbolRatio.ShouldBe(new QualityOptions().Korean.MaxSymbolRatio);
    }
}

/// <summary>Line kinds, genres and the prose text the language stage falls back to.</summary>
public sealed class LineKindTests
{
    private static Genre GenreOf(string text) => new QualityFilterSet(new QualityOptions()).Measure(text, "ko").Genre;

    [Fact]
    public void Genre_FromLineShares()
    {
        GenreOf("Q: 12시 땡!\nA: 하루가 또 가네요.\nQ: 1지망 학교 떨어졌어\nA: 위로해 드립니다.").ShouldBe(Genre.Conversation);
        GenreOf("구분 | 2019 | 2020 | 2021\n1 | 3.5 | 4.1 | 2.2\n2 | 1.0 | 7.7 | 9.3").ShouldBe(Genre.Table);
        GenreOf("https://www.example.com/a\nhttp://b.example.co.kr/view.php?id=3\n문의: help@example.com").ShouldBe(Genre.List);
        GenreOf("import asyncio\nasync def main():\n    await asyncio.sleep(0)\nasyncio.run(main())").ShouldBe(Genre.Code);
        GenreOf("이 함수는 :func:`len`\\과 같습니다. 자세한 내용은 ``len()`` 설명을 참고하십시오.\n다음 예제를 보십시오:\nprint(len([1, 2]))").ShouldBe(Genre.Technical);
        GenreOf("서울은 대한민국의 수도이다. 한강이 도시를 가로질러 흐른다. 인구는 약 천만 명이다.").ShouldBe(Genre.Prose);
    }

    [Fact]
    public void ProseText_DropsCodeLinesAndTechnicalTokens()
    {
        var prose = ProseText.Of("객체의 :c:member:`tp_flags` 필드를 설정합니다.\nint x = f(a, b);\n| a | b |\nhttps://example.com/x");
        prose.ShouldContain("객체의");
        prose.ShouldContain("필드를 설정합니다.");
        prose.ShouldNotContain("tp_flags");
        prose.ShouldNotContain("int x");
        prose.ShouldNotContain("example.com");
        ProseText.Of("").ShouldBe("");
    }
}
