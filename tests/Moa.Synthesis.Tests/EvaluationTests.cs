using Moa.Synthesis.Data;
using Moa.Synthesis.Evaluation;
using Moa.Tabular.Tables;

namespace Moa.Synthesis.Tests;

public class EvaluationTests
{
    private static readonly ColumnTable s_all = TestTables.Mixed(12_000, 21);
    private static readonly ColumnTable s_train = s_all.Take([.. Enumerable.Range(0, 8_000)]);
    private static readonly ColumnTable s_holdout = s_all.Take([.. Enumerable.Range(8_000, 4_000)]);

    private const string PrivacyGate = """
        max_exact_match_excess: 0.05
        max_dcr_memorisation: 0.2
        max_membership_auc: 0.6
        """;

    private static EvaluationOptions Options() => new() { Queries = 500, Attacks = 200, Target = "region", QuasiIdentifiers = ["age", "region"] };

    [Fact]
    public void Gate_SyntheticTableThatCopiesInputRows_Fails()
    {
        var copy = s_train.Take([.. Enumerable.Range(0, 4_000)]);
        var report = SynthEvaluator.Evaluate(s_train, s_holdout, copy, Options());
        var result = ReleaseGate.Parse(PrivacyGate).Check(report);
        result.Passed.ShouldBeFalse();
        result.Reasons.ShouldContain(r => r.StartsWith("exact-match rate above the holdout baseline"));
        result.Reasons.ShouldContain(r => r.StartsWith("DCR memorisation"));
        report.Privacy.DcrMemorisation.ShouldBe(1.0);
        result.Reasons.ShouldContain(r => r.StartsWith("membership-inference AUC"));
        report.Privacy.ExactMatchRate.ShouldBe(1.0);
    }

    [Fact]
    public void Gate_CopulaSample_PassesThePrivacyGate_AndReportIsComplete()
    {
        var model = SynthModel.Fit(s_train, SynthSpec.Parse("seed: 4"));
        var synthetic = model.Sample(4_000);
        var report = SynthEvaluator.Evaluate(s_train, s_holdout, synthetic, Options(), model);
        report.Gate = ReleaseGate.Parse(PrivacyGate + "\nmin_column_fidelity: 0.9\nmin_pair_fidelity: 0.9").Check(report);
        report.Gate.Reasons.ShouldBeEmpty();
        report.Gate.Checked.ShouldBe(5);
        report.Privacy.MembershipAuc.ShouldBeInRange(0.4, 0.6);
        report.Utility!.TrainRealAccuracy.ShouldBeGreaterThan(0);
        report.Deid!.Synthetic.Records.ShouldBe(4_000);
        var html = ReportHtml.Render(report);
        html.ShouldContain("합성 데이터 평가 · Synthetic data evaluation");
        html.ShouldContain("<svg");
        html.ShouldContain("재식별 위험");
        report.ToJson().ShouldContain("\"membership_auc\"");

        // The hub reads the report back through FromJson: every figure and the gate survive the round trip.
        var back = SynthReport.FromJson(report.ToJson());
        back.Synthesizer.ShouldBe(report.Synthesizer);
        back.ColumnFidelity.ShouldBe(report.ColumnFidelity);
        back.Privacy.MembershipAuc.ShouldBe(report.Privacy.MembershipAuc);
        back.Columns.Select(c => c.Column).ShouldBe(report.Columns.Select(c => c.Column));
        back.Gate!.Passed.ShouldBeTrue();
        back.Gate.Checked.ShouldBe(5);
    }

    [Theory]
    [InlineData("{\"synthesizer\": ", "report: not well-formed JSON (line 1")]
    [InlineData("[]", "report: expected a JSON object")]
    [InlineData("{\"synthesizer\": \"mst\"}", "report.train_rows: missing")]
    [InlineData("{\"synthesizer\": \"mst\", \"train_rows\": 1, \"synthetic_rows\": 1, \"column_fidelity\": 1, \"pair_fidelity\": null, \"columns\": [], \"privacy\": {}}", "report.pair_fidelity: missing")]
    [InlineData("{\"synthesizer\": \"mst\", \"train_rows\": 1, \"synthetic_rows\": 1, \"column_fidelity\": 1, \"pair_fidelity\": 1, \"columns\": [], \"privacy\": {\"membership_auc\": \"x\"}}", "report.privacy.membership_auc: null or of the wrong type")]
    public void Report_FromJson_NamesTheBadField(string json, string expected) =>
        Should.Throw<MoaException>(() => SynthReport.FromJson(json)).Message.ShouldStartWith(expected);

    [Fact]
    public void Gate_EpsilonLimit_FailsANonPrivateSynthesizer()
    {
        var report = new SynthReport();
        ReleaseGate.Parse("max_epsilon: 2").Check(report).Reasons.ShouldContain(r => r.Contains("no differential-privacy guarantee"));
    }

    [Fact]
    public void Evaluate_MissingColumn_NamesIt()
    {
        var synthetic = new ColumnTable([.. s_train.Columns.Where(c => c.Name != "score")]);
        Should.Throw<MoaException>(() => SynthEvaluator.Evaluate(s_train, s_holdout, synthetic, Options()))
            .Message.ShouldBe("column 'score' of the real table is missing from the synthetic table.");
    }

    [Fact]
    public void Evaluate_EmptySynthetic_IsAClearError()
    {
        var empty = s_train.Take([]);
        Should.Throw<MoaException>(() => SynthEvaluator.Evaluate(s_train, s_holdout, empty, Options())).Message.ShouldContain("synthetic table is empty");
    }

    [Fact]
    public void Fit_EmptyTable_IsAClearError() =>
        Should.Throw<MoaException>(() => SynthModel.Fit(s_train.Take([]), new SynthSpec())).Message.ShouldContain("input table is empty");

    [Theory]
    [InlineData("synthesizer: gan", "synthesizer 'gan' is unknown")]
    [InlineData("synthesizer: mst\nepsilon: -1", "epsilon must be a positive number")]
    [InlineData("synthesizer: mst\ndelta: 2", "delta must lie strictly between 0 and 1")]
    [InlineData("seed: 1\nepsilonn: 1", "synth.yaml:2:1: unknown key 'epsilonn'")]
    [InlineData("columns:\n  age: { type: text }", "columns.age.type 'text' is unknown")]
    public void Parse_BadSpec_NamesTheProblem(string yaml, string expected) =>
        Should.Throw<MoaException>(() => SynthSpec.Parse(yaml)).Message.ShouldContain(expected);

    [Fact]
    public void Gate_BadValue_IsAClearError() =>
        Should.Throw<MoaException>(() => ReleaseGate.Parse("max_membership_auc: -0.5", "gate.yaml")).Message.ShouldContain("gate.yaml: MaxMembershipAuc must be a number of at least 0");

    [Fact]
    public void TableBridge_FixedNumericColumnWithText_NamesRowAndColumn()
    {
        var table = Table.FromRows(["age", "city"], [["31", "서울"], ["서른", "부산"]]);
        Should.Throw<MoaException>(() => TableBridge.ToColumns(table, new Dictionary<string, ColumnKind> { ["age"] = ColumnKind.Numeric }))
            .Message.ShouldContain("row 2 (line 3), column 'age': '서른' is not a number");
        var typed = TableBridge.ToColumns(Table.FromRows(["age", "day"], [["31", "2024-01-02"], ["", "2024-03-04"]]));
        typed["age"].Kind.ShouldBe(ColumnKind.Numeric);
        typed["age"].IsMissing(1).ShouldBeTrue();
        typed["day"].Kind.ShouldBe(ColumnKind.DateTime);
        TableBridge.ToTable(typed)["day"][1].ShouldBe("2024-03-04");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Nearest_TransposedSearch_EqualsBruteForce(bool skipSame)
    {
        // 2,500 reference rows (not a multiple of the chunk or the lane count), 800 of them exact twins, so ties are common.
        var reference = s_train.Take([.. Enumerable.Range(0, 2_500).Select(i => i % 1_700)]);
        var enc = new RowEncoding(reference, [.. reference.Names]);
        var refRows = enc.Encode(reference);
        var queryRows = skipSame ? refRows : enc.Encode(s_holdout, [.. Enumerable.Range(0, 300)]);
        var (distance, index) = enc.Nearest(queryRows, refRows, skipSame);
        var q = queryRows.Length / enc.Stride;
        for (var i = 0; i < q; i++)
        {
            var bestD = float.PositiveInfinity;
            var bestI = -1;
            for (var r = 0; r < reference.RowCount; r++)
            {
                if (skipSame && r == i)
                {
                    continue;
                }

                var d = enc.Distance(queryRows.AsSpan(i * enc.Stride, enc.Stride), refRows.AsSpan(r * enc.Stride, enc.Stride));
                if (d < bestD - 1e-4f)
                {
                    (bestD, bestI) = (d, r);
                }
            }

            distance[i].ShouldBe(bestD / enc.Columns, 1e-5f);
            enc.Distance(queryRows.AsSpan(i * enc.Stride, enc.Stride), refRows.AsSpan(index[i] * enc.Stride, enc.Stride)).ShouldBe(bestD, 1e-4f);
            if (skipSame)
            {
                index[i].ShouldNotBe(i);
            }
        }
    }
}
