using System.Globalization;

namespace Moa.Synthesis.Evaluation;

/// <summary>
/// The release gate (<c>gate.yaml</c>): the least fidelity and the most risk a synthetic release may have. A key left
/// out is not checked. <c>moa synth evaluate --gate</c> exits non-zero with every failed rule.
/// </summary>
public sealed class ReleaseGate
{
    public double? MinColumnFidelity { get; set; }

    public double? MinPairFidelity { get; set; }

    /// <summary>Least TSTR / TRTR accuracy ratio (needs a target column).</summary>
    public double? MinUtilityRatio { get; set; }

    /// <summary>Least share of the real classifier's gain over the majority class that the synthetic one keeps (needs a target column).</summary>
    public double? MinUtilityLift { get; set; }

    public double? MaxExactMatchRate { get; set; }

    /// <summary>Most the exact-match rate may exceed the holdout baseline.</summary>
    public double? MaxExactMatchExcess { get; set; }

    public double? MaxNearMatchExcess { get; set; }

    /// <summary>Most DCR memorisation: how much more often synthetic rows sit closest to training rows than unseen rows would (0..1).</summary>
    public double? MaxDcrMemorisation { get; set; }

    public double? MaxMembershipAuc { get; set; }

    public double? MaxSinglingOutRisk { get; set; }

    public double? MaxLinkabilityRisk { get; set; }

    /// <summary>Largest prosecutor risk (max over records, as in <c>moa deid</c>) of the synthetic table.</summary>
    public double? MaxProsecutorRisk { get; set; }

    public double? MaxJournalistRisk { get; set; }

    public double? MaxMarketerRisk { get; set; }

    /// <summary>Largest ε a differentially private release may spend; a synthesizer without a DP promise fails it.</summary>
    public double? MaxEpsilon { get; set; }

    public static ReleaseGate Load(string path)
    {
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MoaException($"{path}: cannot read the release gate ({ex.Message}).", ex);
        }

        return Parse(yaml, path);
    }

    public static ReleaseGate Parse(string yaml, string sourceName = "gate.yaml")
    {
        var gate = YamlFile.Parse<ReleaseGate>(yaml, sourceName) ?? new ReleaseGate();
        foreach (var p in typeof(ReleaseGate).GetProperties())
        {
            if (p.GetValue(gate) is double v && (!double.IsFinite(v) || v < 0))
            {
                throw new MoaException($"{sourceName}: {p.Name} must be a number of at least 0.");
            }
        }

        return gate;
    }

    /// <summary>Checks a report; every failed rule is one reason in the result.</summary>
    public GateResult Check(SynthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var reasons = new List<string>();
        var checks = 0;
        void Min(double? limit, double value, string what)
        {
            if (limit is { } l)
            {
                checks++;
                if (value < l)
                {
                    reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{what} {value:0.####} is below the minimum {l:0.####}"));
                }
            }
        }

        void Max(double? limit, double value, string what)
        {
            if (limit is { } l)
            {
                checks++;
                if (value > l)
                {
                    reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{what} {value:0.####} is above the maximum {l:0.####}"));
                }
            }
        }

        Min(MinColumnFidelity, report.ColumnFidelity, "column fidelity");
        Min(MinPairFidelity, report.PairFidelity, "pair fidelity");
        if ((MinUtilityRatio ?? MinUtilityLift) is not null && report.Utility is null)
        {
            checks++;
            reasons.Add("the gate needs a utility ratio but no target column was evaluated (pass --target)");
        }
        else if (report.Utility is { } u)
        {
            Min(MinUtilityRatio, u.Ratio, "TSTR/TRTR accuracy ratio");
            Min(MinUtilityLift, u.Lift, "TSTR lift over the majority class (share of TRTR's)");
        }

        var p = report.Privacy;
        Max(MaxExactMatchRate, p.ExactMatchRate, "exact-match rate");
        Max(MaxExactMatchExcess, p.ExactMatchRate - p.ExactMatchBaseline, "exact-match rate above the holdout baseline");
        Max(MaxNearMatchExcess, p.NearMatchRate - p.NearMatchBaseline, "near-match rate above the holdout baseline");
        Max(MaxDcrMemorisation, p.DcrMemorisation, "DCR memorisation (synthetic rows closest to a training rather than a holdout row, beyond the share expected by size)");
        Max(MaxMembershipAuc, p.MembershipAuc, "membership-inference AUC");
        Max(MaxSinglingOutRisk, p.SinglingOut.Risk, "singling-out risk");
        Max(MaxLinkabilityRisk, p.Linkability.Risk, "linkability risk");
        if ((MaxProsecutorRisk ?? MaxJournalistRisk ?? MaxMarketerRisk) is not null && report.Deid is null)
        {
            checks++;
            reasons.Add("the gate limits re-identification risk but no quasi-identifiers were given (pass --quasi-identifiers)");
        }
        else if (report.Deid is { } deid)
        {
            Max(MaxProsecutorRisk, deid.Synthetic.ProsecutorMax, "prosecutor risk of the synthetic table");
            Max(MaxJournalistRisk, deid.Synthetic.JournalistMax, "journalist risk of the synthetic table");
            Max(MaxMarketerRisk, deid.Synthetic.Marketer, "marketer risk of the synthetic table");
        }

        if (MaxEpsilon is { } eps)
        {
            checks++;
            if (report.Accounting is null)
            {
                reasons.Add("the gate limits epsilon but the synthesizer gives no differential-privacy guarantee");
            }
            else
            {
                Max(eps, report.Accounting.Epsilon, "epsilon");
                checks--;
            }
        }

        return new GateResult(reasons.Count == 0, checks, reasons);
    }
}

/// <summary>The gate's verdict: passed, how many rules were checked, and why it failed.</summary>
public sealed record GateResult(bool Passed, int Checked, IReadOnlyList<string> Reasons);
