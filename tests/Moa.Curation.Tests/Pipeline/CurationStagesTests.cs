using Moa.Curation.Configuration;

namespace Moa.Curation.Tests.Pipeline;

public sealed class CurationStagesTests
{
    [Fact]
    public void Run_PiiStage_TagsFindingsAndCountsThemInMetaAndStats()
    {
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "p.jsonl");
        var thread = CurationFixture.Threads(1)[0];
        CurationFixture.WriteJsonl(input, [("with-phone", thread + "\n예매 문의는 010-2345-6789 또는 fan@example.com 으로 연락 주세요.")]);

        var result = CurationFixture.Run([input], Path.Combine(dir, "out"));

        var record = CurationFixture.ReadParts(Path.Combine(dir, "out", "data")).Single();
        var text = record.GetProperty("text").GetString()!;
        text.ShouldNotContain("010-2345-6789");
        text.ShouldContain("[PHONE]");
        text.ShouldContain("[EMAIL]");
        record.GetProperty("meta").GetProperty("pii").GetProperty("PHONE").GetInt64().ShouldBe(1);
        result.Stats.Pii["EMAIL"].ShouldBe(1);
    }

    [Fact]
    public void Run_PiiStageOff_LeavesTextAlone()
    {
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "p.jsonl");
        CurationFixture.WriteJsonl(input, [("a", CurationFixture.Threads(1)[0] + "\n연락처 010-2345-6789")]);
        var config = new CurationConfig();
        config.Pii.Enabled = false;

        CurationFixture.Run([input], Path.Combine(dir, "out"), config);

        CurationFixture.ReadParts(Path.Combine(dir, "out", "data")).Single().GetProperty("text").GetString()!.ShouldContain("010-2345-6789");
    }

    [Fact]
    public void Run_MissingTokenizerOrKey_FailsBeforeAnyWork()
    {
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "p.jsonl");
        CurationFixture.WriteJsonl(input, [("a", CurationFixture.Threads(1)[0])]);
        var tokenizer = new CurationConfig();
        tokenizer.Stats.Tokenizers = ["pretokens", Path.Combine(dir, "no-tokenizer.json")];
        var pseudonym = new CurationConfig();
        pseudonym.Pii.Operator = "pseudonym";

        Should.Throw<MoaException>(() => CurationFixture.Run([input], Path.Combine(dir, "t"), tokenizer)).Message.ShouldContain("no-tokenizer.json");
        Should.Throw<MoaException>(() => CurationFixture.Run([input], Path.Combine(dir, "k"), pseudonym));
        Directory.Exists(Path.Combine(dir, "t")).ShouldBeFalse();
        Directory.Exists(Path.Combine(dir, "k")).ShouldBeFalse();
    }

    [Fact]
    public void Run_StageSwitchedOff_RemovesNothingForThatStage()
    {
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "p.jsonl");
        var threads = CurationFixture.Threads(4);
        CurationFixture.WriteJsonl(input, [("a", threads[0]), ("a-copy", threads[0]), ("short", "굿"), ("b", threads[1])]);
        var config = new CurationConfig();
        config.Dedup.Exact.Enabled = false;
        config.Dedup.Near.Enabled = false;
        config.Quality.Enabled = false;
        config.Language.Enabled = false;

        var result = CurationFixture.Run([input], Path.Combine(dir, "out"), config);

        result.Stats.DocumentsOut.ShouldBe(4);
        result.Stats.Reasons.ShouldBeEmpty();
    }
}
