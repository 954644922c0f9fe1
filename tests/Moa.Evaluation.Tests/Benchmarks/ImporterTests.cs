using System.Text.Json;
using Moa.Evaluation.Benchmarks;
using Moa.Evaluation.Benchmarks.Import;

namespace Moa.Evaluation.Tests.Benchmarks;

public class ImporterTests
{
    private static string Kobest => TestPaths.Data("benchmarks", "kobest");

    [Fact]
    public void Kobest_TestSplit_ImportsEveryTaskWithTheRightCounts()
    {
        var imported = KobestImporter.Import(Kobest);

        var counts = imported.Items.GroupBy(i => i.Subset).ToDictionary(g => g.Key, g => g.Count());
        counts["BoolQ"].ShouldBe(1404);
        counts["COPA"].ShouldBe(1000);
        counts["HellaSwag"].ShouldBe(500);
        counts["SentiNeg"].ShouldBe(397);
        counts["WiC"].ShouldBe(1260);
        imported.Card.Subsets.ShouldBe(["BoolQ", "COPA", "HellaSwag", "SentiNeg", "WiC"]);
        imported.Items.ShouldAllBe(i => i.AnswerIndex >= 0 && i.AnswerIndex < i.Choices.Count);
        imported.Items.Select(i => i.Id).Distinct().Count().ShouldBe(imported.Items.Count);
    }

    [Fact]
    public void Kobest_BoolQ_AnswersMatchTheSourceLabels()
    {
        var imported = KobestImporter.Import(Path.Combine(Kobest, "BoolQ"));
        var lines = File.ReadAllLines(Path.Combine(Kobest, "BoolQ", "test.tsv")).Skip(1).ToList();

        imported.Items.Count.ShouldBe(1404);
        var trueInSource = lines.Count(l => l.Split('\t')[^1].Equals("true", StringComparison.OrdinalIgnoreCase));
        imported.Items.Count(i => i.AnswerIndex == 1).ShouldBe(trueInSource);
        imported.Items[0].Question.ShouldBe("콜라독립 815는 코카콜라에서 만들었나요?");
        imported.Items[0].AnswerText.ShouldBe("아니요");
        imported.Items[0].Meta!["source_line"].GetInt32().ShouldBe(2);
    }

    [Fact]
    public void Kobest_CsvQuotedTsvField_IsUnquoted()
    {
        var hellaswag = KobestImporter.Import(Path.Combine(Kobest, "HellaSwag")).Items;

        var item = hellaswag.Single(i => i.Choices.Any(c => c.Contains("빙고")));
        item.Choices.ShouldContain(c => c.StartsWith("누군가 \"빙고\"를 외치고"));
    }

    [Fact]
    public void Kobest_FieldStartingWithAQuote_IsKeptAsWritten()
    {
        var train = KobestImporter.Import(Path.Combine(Kobest, "BoolQ"), "train").Items;

        train.ShouldContain(i => i.Question == "\"뷰티 인사이드\"는 외적인 요소를 중시하는 이야기인가?");
    }

    [Fact]
    public void Kobest_CopaAndWic_BecomeMultipleChoice()
    {
        var items = KobestImporter.Import(Kobest).Items;

        var copa = items.First(i => i.Subset == "COPA");
        copa.Context.ShouldBe("새로 산 바지의 허리가 컸다.");
        copa.Question.ShouldBe("이 일의 결과로 알맞은 것은?");
        copa.AnswerText.ShouldBe("벨트를 바지에 끼워 사이즈를 조절했다.");
        var wic = items.First(i => i.Subset == "WiC");
        wic.Question.ShouldContain("'양분'");
        wic.AnswerText.ShouldBe("예");
    }

    [Fact]
    public void Kobest_BadLabel_NamesFileAndLine()
    {
        var dir = Path.Combine(TestPaths.NewTempDir(), "COPA");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "test.tsv"), "ID\tsentence\tquestion\t1\t2\tAnswer\n1\t문장\t결과\t가\t나\t2\n2\t문장\t결과\t가\t나\t3\n");

        var ex = Should.Throw<MoaException>(() => KobestImporter.Import(dir));

        ex.Message.ShouldContain("test.tsv line 3");
        ex.Message.ShouldContain("'Answer' must be a whole number 1..2, found '3'");
    }

    [Fact]
    public void Kobest_MissingColumnOrSplitOrFolder_AreExplained()
    {
        var dir = Path.Combine(TestPaths.NewTempDir(), "BoolQ");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "test.tsv"), "ID\tText\tQ\tAnswer\n1\tt\tq\tTrue\n");

        Should.Throw<MoaException>(() => KobestImporter.Import(dir)).Message.ShouldContain("missing column 'Question'");
        Should.Throw<MoaException>(() => KobestImporter.Import(dir, "dev")).Message.ShouldContain("dev.tsv: file not found");
        Should.Throw<MoaException>(() => KobestImporter.Import(dir, "valid")).Message.ShouldContain("--split must be train, dev or test");
        Should.Throw<MoaException>(() => KobestImporter.Import(TestPaths.NewTempDir())).Message.ShouldContain("no KoBEST task folder");
    }

    [Fact]
    public void Kobest_RowWithWrongFieldCount_NamesLine()
    {
        var dir = Path.Combine(TestPaths.NewTempDir(), "BoolQ");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "test.tsv"), "ID\tText\tQuestion\tAnswer\n1\tt\tq\tTrue\n2\tt\tq\n");

        Should.Throw<MoaException>(() => KobestImporter.Import(dir)).Message.ShouldContain("test.tsv line 3: 3 tab-separated fields, but the header has 4");
    }

    [Fact]
    public void Click_ImportsAll1995ItemsIn11SubItems_WithAnswerTextMappedToIndex()
    {
        var source = TestPaths.Data("benchmarks", "click");
        var imported = ClickImporter.Import(source);

        imported.Items.Count.ShouldBe(1995);
        imported.Card.Subsets.Count.ShouldBe(11);
        imported.Card.Subsets.ShouldContain("History");
        imported.Card.Subsets.ShouldContain("Grammar");
        var byId = imported.Items.ToDictionary(i => i.Id);
        byId.Count.ShouldBe(1995);
        foreach (var file in Directory.EnumerateFiles(source, "*.json", SearchOption.AllDirectories))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            var stem = Path.GetFileNameWithoutExtension(file);
            foreach (var element in doc.RootElement.EnumerateArray())
            {
                var item = byId[$"{stem}-{element.GetProperty("id").GetString()}"];
                item.AnswerText.ShouldBe(element.GetProperty("answer").GetString());
            }
        }
    }

    [Fact]
    public void Click_AnswerThatIsNoChoice_NamesFileAndItem()
    {
        var dir = TestPaths.NewTempDir();
        var file = Path.Combine(dir, "Law_X.json");
        File.WriteAllText(file, "[{\"id\":\"ok\",\"paragraph\":\"\",\"question\":\"q\",\"choices\":[\"a\",\"b\"],\"answer\":\"a\"},{\"id\":\"bad\",\"paragraph\":\"\",\"question\":\"q\",\"choices\":[\"a\",\"b\"],\"answer\":\"c\"}]");

        var ex = Should.Throw<MoaException>(() => ClickImporter.Import(dir));

        ex.Message.ShouldContain($"{file} item 2 ('bad'): answer 'c' is not one of its choices");
    }

    [Fact]
    public void Click_InvalidJson_NamesLine()
    {
        var dir = TestPaths.NewTempDir();
        File.WriteAllText(Path.Combine(dir, "a.json"), "[\n{\"id\": \"x\",\n}\n]");

        Should.Throw<MoaException>(() => ClickImporter.Import(dir)).Message.ShouldContain("a.json line 3: not valid JSON");
        Should.Throw<MoaException>(() => ClickImporter.Import(TestPaths.NewTempDir())).Message.ShouldContain("no .json files");
    }

    [Fact]
    public void Kobbq_Imports2280ItemsIn12Categories_WithValidAnswers()
    {
        var imported = KobbqImporter.Import(TestPaths.Data("benchmarks", "kobbq", "KoBBQ_test_samples.tsv"));

        imported.Items.Count.ShouldBe(2280);
        imported.Card.Subsets.Count.ShouldBe(12);
        imported.Items.ShouldAllBe(i => i.Choices.Count == 3 && i.AnswerIndex >= 0 && i.AnswerIndex < 3);
        var first = imported.Items[0];
        first.Id.ShouldBe("age-001a-002-amb-bsd");
        first.Subset.ShouldBe("age");
        first.Choices.ShouldBe(["손자", "할머니", "알 수 없음"]);
        first.AnswerText.ShouldBe("알 수 없음");
        first.Meta!["biased_answer"].GetInt32().ShouldBe(1);
        first.Meta["context_condition"].GetString().ShouldBe("amb");
    }

    [Fact]
    public void Kobbq_BadChoicesList_NamesLine()
    {
        var file = Path.Combine(TestPaths.NewTempDir(), "k.tsv");
        File.WriteAllText(file, "sample_id\tcontext\tquestion\tchoices\tanswer\nage-1\tc\tq\t['a', 'b']\ta\nage-2\tc\tq\t['a', 'b'\ta\n");

        Should.Throw<MoaException>(() => KobbqImporter.Import(file)).Message.ShouldContain("k.tsv line 3 column 'choices'");
    }

    [Fact]
    public void Kmmlu_Csv_ImportsQuotedFieldsAndOneBasedAnswers()
    {
        var file = Path.Combine(TestPaths.NewTempDir(), "Law-test.csv");
        File.WriteAllText(file,
            "question,A,B,C,D,answer,Category,Human Accuracy\n" +
            "\"다음 중, 헌법상 기본권이 아닌 것은?\",평등권,참정권,\"청구권, 사회권\",통치권,4,Law,0.5\n" +
            "\"여러 줄\n질문 \"\"인용\"\"\",가,나,다,라,1,Law,0.3\r\n" +
            "형법의 목적은?,가,나,다,라,2,,0.1\n");

        var imported = KmmluImporter.Import(file);

        imported.Items.Count.ShouldBe(3);
        imported.Items[0].Question.ShouldBe("다음 중, 헌법상 기본권이 아닌 것은?");
        imported.Items[0].Choices[2].ShouldBe("청구권, 사회권");
        imported.Items[0].AnswerIndex.ShouldBe(3);
        imported.Items[1].Question.ShouldBe("여러 줄\n질문 \"인용\"");
        imported.Items[1].AnswerIndex.ShouldBe(0);
        imported.Items[2].Subset.ShouldBe("Law");
        imported.Items[2].Meta!["source_line"].GetInt32().ShouldBe(5);
        imported.Card.Subsets.ShouldBe(["Law"]);
    }

    [Theory]
    [InlineData("question,A,B,C,D,answer,Category\nq,a,b,c,d,5,X\n", "line 2: column 'answer' must be 1..4")]
    [InlineData("question,A,B,C,D,answer,Category\n\"q\nq\",a,b,c,d,1,X\nq,a,b,c,d,0,X\n", "line 4: column 'answer' must be 1..4")]
    [InlineData("question,A,B,C,D,answer,Category\n\"q,a,b,c,d,1,X\n", "line 2: a quoted field is never closed")]
    [InlineData("question,A,B,C,D,Category\nq,a,b,c,d,X\n", "missing column 'answer'")]
    [InlineData("question,A,B,C,D,answer,Category\nq,a,b,c,d,1\n", "line 2: 6 comma-separated fields, but the header has 7")]
    public void Kmmlu_BadCsv_NamesFileAndLine(string csv, string expected)
    {
        var file = Path.Combine(TestPaths.NewTempDir(), "bad.csv");
        File.WriteAllText(file, csv);

        var ex = Should.Throw<MoaException>(() => KmmluImporter.Import(file));

        ex.Message.ShouldContain("bad.csv");
        ex.Message.ShouldContain(expected);
    }

    [Fact]
    public void ImportedBenchmark_Write_RefusesToReplaceUnlessForced()
    {
        var dir = TestPaths.NewTempDir();
        var imported = KobestImporter.Import(Path.Combine(Kobest, "SentiNeg"));
        imported.Write(dir);

        Should.Throw<MoaException>(() => imported.Write(dir)).Message.ShouldContain("--force");
        imported.Write(dir, force: true);
        BenchmarkDataset.Load(dir).Items.Count.ShouldBe(397);
    }

    [Theory]
    [InlineData("['손자', '할머니', '알 수 없음']", new[] { "손자", "할머니", "알 수 없음" })]
    [InlineData("[\"it's\", 'say \"hi\"', 'a\\'b']", new[] { "it's", "say \"hi\"", "a'b" })]
    [InlineData("[]", new string[0])]
    public void PythonListLiteral_ParsesQuotedStrings(string text, string[] expected) =>
        PythonListLiteral.Parse(text, "here").ShouldBe(expected);

    [Theory]
    [InlineData("'a', 'b'")]
    [InlineData("['a' 'b']")]
    [InlineData("['a', b]")]
    [InlineData("['a")]
    public void PythonListLiteral_Malformed_Throws(string text) =>
        Should.Throw<MoaException>(() => PythonListLiteral.Parse(text, "f.tsv line 9")).Message.ShouldStartWith("f.tsv line 9:");
}
