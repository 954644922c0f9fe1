namespace Moa.Synthesis.Mst;

/// <summary>
/// The privacy accounting of an MST fit, written into the model and the report: the (ε, δ) promise, the zCDP budget ρ it
/// converts to, how ρ is split, the noise of every measurement, and which parts of the domain were taken from the data.
/// </summary>
public sealed class PrivacyAccounting
{
    public string Mechanism { get; set; } = "MST: noisy 1-way marginals, 2-way marginals chosen by a private maximum spanning tree, Gaussian noise, zero-concentrated DP";

    public double Epsilon { get; set; }

    public double Delta { get; set; }

    /// <summary>Total zCDP budget ρ.</summary>
    public double Rho { get; set; }

    public string Conversion { get; set; } = "rho = (sqrt(ln(1/delta) + epsilon) - sqrt(ln(1/delta)))^2, the inverse of rho-zCDP => (rho + 2 sqrt(rho ln(1/delta)), delta)-DP (Bun and Steinke 2016, Prop. 1.3)";

    /// <summary>L2 sensitivity of one count vector (a marginal) when one record is added or removed.</summary>
    public double L2Sensitivity { get; set; } = 1;

    public int OneWayMeasurements { get; set; }

    public double RhoOneWay { get; set; }

    /// <summary>Standard deviation of the Gaussian noise on every cell of a 1-way marginal: sqrt(k / (2 rho_1)).</summary>
    public double SigmaOneWay { get; set; }

    public int SelectionRounds { get; set; }

    public double RhoSelection { get; set; }

    /// <summary>ε of each exponential-mechanism round; a round costs ε²/8 of ρ (Cesar and Rogers 2021).</summary>
    public double SelectionEpsilonPerRound { get; set; }

    /// <summary>Sensitivity of the selection score (L1 distance of the 2-way counts from the independent estimate).</summary>
    public double SelectionSensitivity { get; set; } = 1;

    public int TwoWayMeasurements { get; set; }

    public double RhoTwoWay { get; set; }

    /// <summary>Standard deviation of the Gaussian noise on every cell of a 2-way marginal: sqrt(k / (2 rho_2)).</summary>
    public double SigmaTwoWay { get; set; }

    /// <summary>The 2-way marginals measured (pairs of column names).</summary>
    public List<string[]> SelectedPairs { get; set; } = [];

    /// <summary>What is assumed public: value domains taken from the data (category lists, numeric bounds).</summary>
    public List<string> PublicDomain { get; set; } = [];

    /// <summary>The budget of a PrivBayes fit (pure ε-DP; the zCDP fields above are then unused and zero).</summary>
    public PrivBayes.PrivBayesBudget? PrivBayes { get; set; }

    /// <summary>ρ spent, summed over every measurement and selection round (equals <see cref="Rho"/>; 0 for PrivBayes).</summary>
    public double RhoSpent => OneWayMeasurements == 0 ? 0 : (OneWayMeasurements / (2 * SigmaOneWay * SigmaOneWay))
        + (SelectionRounds * SelectionEpsilonPerRound * SelectionEpsilonPerRound / 8)
        + (TwoWayMeasurements == 0 ? 0 : TwoWayMeasurements / (2 * SigmaTwoWay * SigmaTwoWay));

    /// <summary>The zCDP ρ that gives (ε, δ)-DP.</summary>
    public static double RhoFor(double epsilon, double delta)
    {
        var l = Math.Log(1 / delta);
        var x = Math.Sqrt(l + epsilon) - Math.Sqrt(l);
        return x * x;
    }

    /// <summary>The ε that ρ-zCDP gives at δ.</summary>
    public static double EpsilonFor(double rho, double delta) => rho + (2 * Math.Sqrt(rho * Math.Log(1 / delta)));

    /// <summary>Splits ρ in thirds (1-way, selection, 2-way) for <paramref name="columns"/> columns, as MST does.</summary>
    public static PrivacyAccounting Plan(double epsilon, double delta, int columns)
    {
        var rho = RhoFor(epsilon, delta);
        var a = new PrivacyAccounting { Epsilon = epsilon, Delta = delta, Rho = rho, OneWayMeasurements = columns };
        var rounds = Math.Max(0, columns - 1);
        a.RhoOneWay = rounds == 0 ? rho : rho / 3;
        a.SigmaOneWay = Math.Sqrt(columns / (2 * a.RhoOneWay));
        if (rounds > 0)
        {
            a.SelectionRounds = rounds;
            a.RhoSelection = rho / 3;
            a.SelectionEpsilonPerRound = Math.Sqrt(8 * a.RhoSelection / rounds);
            a.TwoWayMeasurements = rounds;
            a.RhoTwoWay = rho / 3;
            a.SigmaTwoWay = Math.Sqrt(rounds / (2 * a.RhoTwoWay));
        }

        return a;
    }
}
