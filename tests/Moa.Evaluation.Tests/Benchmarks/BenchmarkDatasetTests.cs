using System.Security.Cryptography;
using Moa.Evaluation.Benchmarks;
using static Moa.Evaluation.Tests.Benchmarks.BenchmarkFixtures;

namespace Moa.Evaluation.Tests.Benchmarks;

public class BenchmarkDatasetTests
{
    [Fact]
    public void Load_WrittenBenchmark_RoundTripsItemsCardAndHash()
    {
        var items = new[]
        {
            Item("a", "s1", "한국의 수도는?", ["서울", "부산"], 0, context: "지문 \"따옴표\"\n둘째 줄"),
            new BenchmarkItem("b", "s2", "요약하시오.", null, [], BenchmarkItemJson.Text("짧은 요약"),
                new Dictionary<string, System.Text.Json.JsonElement> { ["source_line"] = BenchmarkItemJson.Index(7) }),
        };
        var dir = Write(Card("round", "s1", "s2"), items);

        var loaded = BenchmarkDataset.Load(dir);

        loaded.Card.Name.ShouldBe("round");
        loaded.Card.Subsets.ShouldBe(["s1", "s2"]);
        loaded.Items.Count.ShouldBe(2);
        loaded.Items[0].Context.ShouldBe("지문 \"따옴표\"\n둘째 줄");
        loaded.Items[0].AnswerIndex.ShouldBe(0);
        loaded.Items[0].AnswerText.ShouldBe("서울");
        loaded.Items[1].AnswerIndex.ShouldBe(-1);
        loaded.Items[1].AnswerText.ShouldBe("짧은 요약");
        loaded.Items[1].Meta!["source_line"].GetInt32().ShouldBe(7);
        var expected = Convert.ToHexStringLower(SHA256.HashData([.. File.ReadAllBytes(Path.Combine(dir, "items.jsonl")), .. File.ReadAllBytes(Path.Combine(dir, "benchmark.yaml"))]));
        loaded.ContentHash.ShouldBe(expected);
        loaded.Split.ShouldBeNull();
        loaded.IsSealed.ShouldBeFalse();
    }

    [Fact]
    public void Write_Items_AreCanonicalUtf8LinesWithoutEscapedHangul()
    {
        var dir = Write(Card("c", "s"), [Item("a", "s", "질문", ["예", "아니요"], 1)]);

        File.ReadAllText(Path.Combine(dir, "items.jsonl")).ShouldBe("{\"id\":\"a\",\"subset\":\"s\",\"question\":\"질문\",\"choices\":[\"예\",\"아니요\"],\"answer\":1}\n");
    }

    [Fact]
    public void Load_MissingFolder_SaysWhatAFolderNeeds()
    {
        var ex = Should.Throw<MoaException>(() => BenchmarkDataset.Load("/nonexistent/bench"));
        ex.Message.ShouldContain("/nonexistent/bench");
        ex.Message.ShouldContain("benchmark.yaml");
    }

    [Fact]
    public void Load_MissingItemsFile_NamesTheFile()
    {
        var dir = WriteRaw("");
        File.Delete(Path.Combine(dir, "items.jsonl"));
        Should.Throw<MoaException>(() => BenchmarkDataset.Load(dir)).Message.ShouldContain("items.jsonl: file not found");
    }

    [Fact]
    public void Load_MissingCard_NamesTheFile()
    {
        var dir = WriteRaw("{\"id\":\"a\",\"subset\":\"s\",\"question\":\"q\",\"answer\":\"x\"}\n");
        File.Delete(Path.Combine(dir, "benchmark.yaml"));
        Should.Throw<MoaException>(() => BenchmarkDataset.Load(dir)).Message.ShouldContain("benchmark.yaml: file not found");
    }

    [Theory]
    [InlineData("{\"id\":\"a\",\"subset\":\"s\",\"question\":\"q\",\"answer\":0,", "line 3: not valid JSON")]
    [InlineData("[1,2]", "line 3: expected a JSON object, found array")]
    [InlineData("{\"id\":\"c\",\"subset\":\"s\",\"question\":\"q\"}", "line 3: item 'c' has no field 'answer'")]
    [InlineData("{\"subset\":\"s\",\"question\":\"q\",\"answer\":1}", "line 3: missing field 'id'")]
    [InlineData("{\"id\":\"c\",\"subset\":\"s\",\"question\":\"q\",\"answer\":1,\"label\":2}", "line 3: unknown field 'label'")]
    [InlineData("{\"id\":\"c\",\"subset\":\"s\",\"question\":\"q\",\"choices\":[\"a\",3],\"answer\":1}", "line 3: choice 1 must be a string")]
    [InlineData("{\"id\":\"c\",\"subset\":\"s\",\"question\":[\"q\"],\"answer\":1}", "line 3: field 'question' must be a string")]
    [InlineData("{\"id\":\"c\",\"subset\":\"s\",\"question\":\"q\",\"answer\":true}", "line 3: field 'answer' must be a 0-based choice index")]
    [InlineData("{\"id\":\"c\",\"question\":\"q\",\"answer\":1}", "line 3: item 'c' has no field 'subset'")]
    [InlineData("{\"id\":\"c\",\"subset\":\"s\",\"question\":\"q\",\"answer\":1} {}", "line 3: not valid JSON")]
    public void Load_MalformedRow_NamesFileAndLine(string badLine, string expected)
    {
        // Line 2 is blank: line numbers count it.
        var dir = WriteRaw("\uFEFF{\"id\":\"a\",\"subset\":\"s\",\"question\":\"q\",\"answer\":\"x\"}\n\n" + badLine + "\n");

        var ex = Should.Throw<MoaException>(() => BenchmarkDataset.Load(dir));

        ex.Message.ShouldContain(Path.Combine(dir, "items.jsonl"));
        ex.Message.ShouldContain(expected);
    }

    [Fact]
    public void Load_CrLfLinesAndBom_AreAccepted()
    {
        var dir = WriteRaw("\uFEFF{\"id\":\"a\",\"subset\":\"s\",\"question\":\"q\",\"answer\":\"x\"}\r\n{\"id\":\"b\",\"subset\":\"s\",\"question\":\"q2\",\"answer\":\"y\"}\r\n");
        BenchmarkDataset.Load(dir).Items.Select(i => i.Id).ShouldBe(["a", "b"]);
    }

    [Theory]
    [InlineData("name: x\nlicence: MIT\n", "line 2")]
    [InlineData("name: x\nsubsets: [a, b\n", "line")]
    [InlineData("version: 2\n", "'name' is missing")]
    [InlineData("", "empty card")]
    public void Load_BadCard_NamesFileAndProblem(string yaml, string expected)
    {
        var dir = WriteRaw("{\"id\":\"a\",\"subset\":\"s\",\"question\":\"q\",\"answer\":\"x\"}\n", yaml);

        var ex = Should.Throw<MoaException>(() => BenchmarkDataset.Load(dir));

        ex.Message.ShouldContain("benchmark.yaml");
        ex.Message.ShouldContain(expected);
    }

    [Fact]
    public void Card_AllDocumentedKeys_AreRead()
    {
        var card = BenchmarkCardYaml.Parse(
            "name: kobest\nversion: '1.1'\nlicense: CC-BY-SA-4.0\nlanguage: ko\ntask_type: multiple_choice\nmetric: acc_norm\n" +
            "prompt_template: \"{context}\\n{question}\"\nchoice_template: ' {choice}'\ndescription: d\nsource: s\nsubsets: [BoolQ, COPA]\n", "card");

        card.Version.ShouldBe("1.1");
        card.Metric.ShouldBe("acc_norm");
        card.PromptTemplate.ShouldBe("{context}\n{question}");
        card.Subsets.ShouldBe(["BoolQ", "COPA"]);
    }
}
