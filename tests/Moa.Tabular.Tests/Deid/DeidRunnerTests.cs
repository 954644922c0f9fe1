using System.Text.Json;
using Moa.Privacy;
using Moa.Tabular.Deid;
using Moa.Tabular.Reporting;
using Moa.Tabular.Risk;
using Moa.Tabular.Tables;

namespace Moa.Tabular.Tests.Deid;

public sealed class DeidRunnerTests
{
    private static readonly string[] s_sido = ["서울특별시 종로구 청운동", "서울특별시 강남구 역삼동", "경기도 수원시 장안구 정자동", "부산광역시 사하구 다대동"];

    /// <summary>A folder with data/people.csv (200 rows), keys/deid.key and out/.</summary>
    private static string Workspace(int rows = 200, Action<List<string[]>>? edit = null)
    {
        var root = TestPaths.NewTempDir();
        foreach (var d in new[] { "data", "keys", "out" })
        {
            Directory.CreateDirectory(Path.Combine(root, d));
        }

        var random = new Random(42);
        var data = new List<string[]>();
        for (var r = 0; r < rows; r++)
        {
            var birth = new DateOnly(1950 + random.Next(50), 1 + random.Next(12), 1 + random.Next(28));
            data.Add(
            [
                $"사람{r}", $"010-{1000 + random.Next(9000)}-{1000 + random.Next(9000)}", (2024 - birth.Year).ToString(),
                random.Next(2) == 0 ? "남" : "여", s_sido[random.Next(s_sido.Length)] + $" {random.Next(1, 200)}", birth.ToString("yyyy-MM-dd"),
                "질병" + random.Next(4), (2000 + random.Next(8000)).ToString(),
            ]);
        }

        edit?.Invoke(data);
        var table = Table.FromRows(["이름", "전화번호", "나이", "성별", "주소", "생년월일", "진단", "소득"], data);
        TableWriter.Write(table, Path.Combine(root, "data", "people.csv"));
        PiiKey.Generate(Path.Combine(root, "keys", "deid.key"));
        return root;
    }

    private const string SpecYaml = """
        dataset: 테스트 명부
        input: people.csv
        output: ../out/people.deid.csv
        purpose: 통계작성
        legal_basis: 개인정보 보호법 제28조의2
        conditions_of_use: 재식별 시도 금지, 제3자 제공 금지
        key_file: ../keys/deid.key
        mapping_file: ../keys/people.mapping.csv
        key_custodian: 정보보호팀
        columns:
          - { name: 이름, role: identifier, technique: drop }
          - { name: 전화번호, role: identifier, technique: pseudonym }
          - { name: 나이, role: quasi, hierarchy: "builtin:age" }
          - { name: 성별, role: quasi }
          - { name: 주소, role: quasi, hierarchy: "builtin:address" }
          - { name: 생년월일, role: quasi, hierarchy: "builtin:date" }
          - { name: 진단, role: sensitive }
          - { name: 소득, role: sensitive, technique: round, base: 1000 }
        privacy:
          k: 3
          l_diversity: { attribute: 진단, variant: distinct, l: 2 }
          suppression_limit: 0.1
        """;

    private static DeidSpec Spec(string root, string yaml = SpecYaml)
    {
        var path = Path.Combine(root, "data", "deid.yaml");
        File.WriteAllText(path, yaml);
        return DeidSpecLoader.Load(path);
    }

    [Fact]
    public void Run_WritesAKAnonymousOutputMappingAndBilingualReport()
    {
        var root = Workspace();
        var outcome = DeidRunner.Run(Spec(root), Path.Combine(root, "data"));
        var written = DeidRunner.Write(outcome);
        written.Count.ShouldBe(4);

        var output = TableReader.Read(Path.Combine(root, "out", "people.deid.csv"));
        output.Contains("이름").ShouldBeFalse();
        output.RowCount.ShouldBe(200);
        output["전화번호"][0].Length.ShouldBe(16);
        var risk = RiskAnalyzer.Analyze(output, ["나이", "성별", "주소", "생년월일"]);
        risk.MinClassSize.ShouldBeGreaterThanOrEqualTo(3);
        risk.Suppressed.ShouldBeLessThanOrEqualTo(20);
        foreach (var v in output["소득"].Values)
        {
            (double.Parse(v) % 1000).ShouldBe(0);
        }

        var mapping = File.ReadAllLines(Path.Combine(root, "keys", "people.mapping.csv"));
        mapping[0].ShouldBe("pseudonym,original");
        mapping.Length.ShouldBe(1 + outcome.Mapping.Count);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(root, "keys", "people.mapping.csv")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "out", "people.deid.deid-report.json")));
        var checklist = json.RootElement.GetProperty("checklist");
        checklist.GetArrayLength().ShouldBe(11);
        json.RootElement.GetProperty("risk_after").GetProperty("min_class_size").GetInt32().ShouldBeGreaterThanOrEqualTo(3);
        json.RootElement.GetProperty("risk_before").GetProperty("sample_uniques").GetInt32().ShouldBeGreaterThan(0);
        var html = File.ReadAllText(Path.Combine(root, "out", "people.deid.deid-report.html"));
        html.ShouldContain("가명처리 적정성 검토 보고서");
        html.ShouldContain("Pseudonymisation adequacy review");
        html.ShouldContain("k-anonymity (k=3)");
        AdequacyReport.Build(outcome).Checklist.Single(c => c.Id == "direct-identifiers").Passed.ShouldBeTrue();

        // The report names the output file by its SHA-256 and reads back through its own type.
        var text = File.ReadAllText(Path.Combine(root, "out", "people.deid.deid-report.json"));
        var read = AdequacyReport.FromJson(text);
        read.OutputSha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(outcome.OutputPath))));
        read.RiskAfter!.Prosecutor.Max.ShouldBe(json.RootElement.GetProperty("risk_after").GetProperty("prosecutor").GetProperty("max").GetDouble());
        read.Checklist.Count.ShouldBe(11);
        read.RowsOut.ShouldBe(outcome.Output.RowCount);
        AdequacyReport.ToJson(read).ShouldBe(text);

        // Bad reports name the field.
        var node = System.Text.Json.Nodes.JsonNode.Parse(text)!.AsObject();
        node["risk_before"]!["prosecutor"]!.AsObject().Remove("average");
        Should.Throw<MoaException>(() => AdequacyReport.FromJson(node.ToJsonString())).Message.ShouldStartWith("report.risk_before.prosecutor.average: missing");
        node = System.Text.Json.Nodes.JsonNode.Parse(text)!.AsObject();
        node["checklist"]![1]!["passed"] = "yes";
        Should.Throw<MoaException>(() => AdequacyReport.FromJson(node.ToJsonString())).Message.ShouldStartWith("report.checklist[1].passed: null or of the wrong type");
        Should.Throw<MoaException>(() => AdequacyReport.FromJson("{\"dataset\": ")).Message.ShouldStartWith("report: not well-formed JSON (line 1");
        Should.Throw<MoaException>(() => AdequacyReport.FromJson("[1]")).Message.ShouldStartWith("report: expected a JSON object");
    }

    [Fact]
    public void Pseudonym_IsStableUnderOneKeyAndDiffersUnderAnother()
    {
        var a = PiiKey.FromBytes(new byte[32]);
        var b = PiiKey.FromBytes(Enumerable.Repeat((byte)7, 32).ToArray());
        ColumnTechniques.Pseudonym(a, "010-1234-5678").ShouldBe(ColumnTechniques.Pseudonym(a, "010-1234-5678"));
        ColumnTechniques.Pseudonym(a, "010-1234-5678").ShouldNotBe(ColumnTechniques.Pseudonym(b, "010-1234-5678"));
        ColumnTechniques.Pseudonym(a, "010-1234-5678").ShouldNotBe(ColumnTechniques.Pseudonym(a, "010-1234-5679"));
    }

    [Fact]
    public void Run_MissingColumn_NamesItAndWritesNothing()
    {
        var root = Workspace();
        var spec = Spec(root, SpecYaml.Replace("name: 성별", "name: 성"));
        var ex = Should.Throw<MoaException>(() => DeidRunner.Run(spec, Path.Combine(root, "data")));
        ex.Message.ShouldContain("'성'");
        ex.Message.ShouldContain("columns[3]");
        Directory.GetFiles(Path.Combine(root, "out")).ShouldBeEmpty();
    }

    [Fact]
    public void Run_UnparseableDate_NamesColumnAndRow()
    {
        var root = Workspace(edit: rows => rows[6][5] = "1990-02-31");
        var ex = Should.Throw<MoaException>(() => DeidRunner.Run(Spec(root), Path.Combine(root, "data")));
        ex.Message.ShouldContain("column '생년월일'");
        ex.Message.ShouldContain("row 7");
        ex.Message.ShouldContain("line 8");
        ex.Message.ShouldContain("1990-02-31");
    }

    [Fact]
    public void Run_ValueOutsideArxHierarchy_NamesColumnAndRow()
    {
        var root = Workspace(edit: rows => rows[3][3] = "기타");
        File.WriteAllText(Path.Combine(root, "data", "sex.csv"), "남;*\n여;*\n");
        var ex = Should.Throw<MoaException>(() => DeidRunner.Run(Spec(root, SpecYaml.Replace("{ name: 성별, role: quasi }", "{ name: 성별, role: quasi, hierarchy: sex.csv }")), Path.Combine(root, "data")));
        ex.Message.ShouldContain("column '성별'");
        ex.Message.ShouldContain("row 4");
        ex.Message.ShouldContain("'기타'");
    }

    [Fact]
    public void Run_EmptyTable_IsAClearError()
    {
        var root = Workspace(rows: 0);
        Should.Throw<MoaException>(() => DeidRunner.Run(Spec(root), Path.Combine(root, "data"))).Message.ShouldContain("no rows");
    }

    [Fact]
    public void Write_MappingBesideTheOutput_IsRefusedAndNothingWritten()
    {
        var root = Workspace();
        var outcome = DeidRunner.Run(Spec(root, SpecYaml.Replace("../keys/people.mapping.csv", "../out/people.mapping.csv")), Path.Combine(root, "data"));
        Should.Throw<MoaException>(() => DeidRunner.Write(outcome)).Message.ShouldContain("apart");
        Directory.GetFiles(Path.Combine(root, "out")).ShouldBeEmpty();
    }

    [Fact]
    public void Run_NoFeasibleGeneralisation_SaysWhatToChange()
    {
        var root = Workspace(rows: 20);
        var yaml = SpecYaml.Replace("k: 3", "k: 50").Replace("suppression_limit: 0.1", "suppression_limit: 0");
        var ex = Should.Throw<MoaException>(() => DeidRunner.Run(Spec(root, yaml), Path.Combine(root, "data")));
        ex.Message.ShouldContain("suppression_limit");
        Directory.GetFiles(Path.Combine(root, "out")).ShouldBeEmpty();
    }

    [Fact]
    public void Spec_UnknownTechnique_NamesTheField()
    {
        var root = Workspace(rows: 5);
        Should.Throw<MoaException>(() => Spec(root, SpecYaml.Replace("technique: drop", "technique: shred")))
            .Message.ShouldContain("columns[0] (이름).technique");
    }

    [Fact]
    public void Techniques_PartialMaskRoundTopBottomNoiseAggregateSuppress()
    {
        var table = Table.FromRows(["id", "amount", "group"],
        [
            ["AB12345", "1234", "x"], ["CD67890", "98765", "x"], ["EF11111", "-20", "y"], ["GH22222", "5000", "z"],
        ]);
        var mapping = new Dictionary<string, string>();
        Moa.Tabular.Hierarchies.Hierarchy None(string _) => throw new InvalidOperationException();
        string[] Values(Table t, string c) => [.. Enumerable.Range(0, t.RowCount).Select(r => t[c][r])];

        var (partial, _) = ColumnTechniques.Apply(table, new ColumnSpec { Name = "id", Technique = "partial", KeepPrefix = 2 }, null, mapping, None);
        Values(partial, "id").ShouldBe(["AB", "CD", "EF", "GH"]);
        var (mask, _) = ColumnTechniques.Apply(table, new ColumnSpec { Name = "id", Technique = "mask", KeepPrefix = 2, KeepSuffix = 1 }, null, mapping, None);
        Values(mask, "id")[0].ShouldBe("AB****5");
        var (round, _) = ColumnTechniques.Apply(table, new ColumnSpec { Name = "amount", Technique = "round", Base = 1000 }, null, mapping, None);
        Values(round, "amount").ShouldBe(["1000", "99000", "0", "5000"]);
        var (coded, record) = ColumnTechniques.Apply(table, new ColumnSpec { Name = "amount", Technique = "top_bottom", Top = 5000, Bottom = 0 }, null, mapping, None);
        Values(coded, "amount").ShouldBe(["1234", "≥5000", "≤0", "≥5000"]);
        record.Detail.ShouldContain("3");
        var spec = new ColumnSpec { Name = "amount", Technique = "noise", Scale = 10, Seed = 3 };
        var (noise1, noiseRecord) = ColumnTechniques.Apply(table, spec, null, mapping, None);
        var (noise2, _) = ColumnTechniques.Apply(table, spec, null, mapping, None);
        Values(noise1, "amount").ShouldBe(Values(noise2, "amount"));
        noiseRecord.Parameters["scale"].ShouldBe("10");
        noiseRecord.Parameters["seed"].ShouldBe("3");
        noiseRecord.Detail.ShouldContain("realised mean absolute change");
        var (aggregate, _) = ColumnTechniques.Apply(table, new ColumnSpec { Name = "amount", Technique = "aggregate", GroupBy = ["group"] }, null, mapping, None);
        Values(aggregate, "amount").ShouldBe(["50000", "50000", "-20", "5000"]);
        var (rare, _) = ColumnTechniques.Apply(table, new ColumnSpec { Name = "group", Technique = "suppress_rare", MinCount = 2 }, null, mapping, None);
        Values(rare, "group").ShouldBe(["x", "x", "*", "*"]);
        var bad = Table.FromRows(["amount"], [["12"], ["열둘"]]);
        Should.Throw<MoaException>(() => ColumnTechniques.Apply(bad, new ColumnSpec { Name = "amount", Technique = "round", Base = 10 }, null, mapping, None))
            .Message.ShouldContain("row 2");
    }

    [Fact]
    public void SpecInit_SuggestsRolesFromNamesAndValues()
    {
        var root = Workspace(rows: 60);
        var table = TableReader.Read(Path.Combine(root, "data", "people.csv"));
        var profiles = SpecInit.Profile(table).ToDictionary(p => p.Name);
        profiles["이름"].Role.ShouldBe("identifier");
        profiles["전화번호"].Role.ShouldBe("identifier");
        profiles["나이"].Hierarchy.ShouldBe("builtin:age");
        profiles["생년월일"].Hierarchy.ShouldBe("builtin:date");
        profiles["주소"].Hierarchy.ShouldBe("builtin:address");
        profiles["성별"].Role.ShouldBe("quasi");
        profiles["진단"].Role.ShouldBe("sensitive");
        var yaml = SpecInit.ToYaml(SpecInit.Starter("people.csv", [.. profiles.Values]), [.. profiles.Values]);
        var spec = DeidSpecLoader.Parse(yaml);
        spec.Columns.Count.ShouldBe(8);
        spec.Input.ShouldBe("people.csv");
    }
}
