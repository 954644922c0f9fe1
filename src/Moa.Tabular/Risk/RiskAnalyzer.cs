using Moa.Tabular.Tables;

namespace Moa.Tabular.Risk;

/// <summary>Settings of a re-identification risk analysis.</summary>
public sealed record RiskOptions
{
    /// <summary>A record whose risk exceeds this is "at risk" (PIPC's examples and ARX use 0.2, i.e. classes under 5).</summary>
    public double Threshold { get; init; } = 0.2;

    /// <summary>
    /// The population the table was sampled from, with the same quasi-identifier columns. Gives the journalist and
    /// marketer risk against real population class sizes and counts population uniques exactly.
    /// </summary>
    public Table? Population { get; init; }

    /// <summary>The sampling fraction n/N when no population table is given (for the journalist estimate and population uniques).</summary>
    public double? SamplingFraction { get; init; }

    /// <summary>Largest subset size searched for minimal sample uniques (SUDA); 0 turns SUDA off.</summary>
    public int SudaMaxSize { get; init; } = 3;

    /// <summary>Rows whose every quasi-identifier is this value were suppressed and are left out of the analysis.</summary>
    public string SuppressedValue { get; init; } = "*";
}

/// <summary>Maximum, average and count above the threshold of one attacker model's per-record risk.</summary>
/// <param name="Max">Highest record risk.</param>
/// <param name="Average">Mean record risk (the expected share of records re-identified when every record is targeted).</param>
/// <param name="RecordsAboveThreshold">Records whose risk is above <see cref="RiskOptions.Threshold"/>.</param>
/// <param name="FractionAboveThreshold">The same as a share of the records analysed.</param>
public sealed record RiskFigures(double Max, double Average, int RecordsAboveThreshold, double FractionAboveThreshold);

/// <summary>How much one quasi-identifier drives the risk.</summary>
/// <param name="Column">The quasi-identifier.</param>
/// <param name="SudaShare">Share of the total SUDA score carried by minimal sample uniques that contain the column.</param>
/// <param name="UniquesWithout">Sample uniques left when the column is removed from the quasi-identifiers.</param>
/// <param name="AverageRiskWithout">Average prosecutor risk when the column is removed.</param>
public sealed record ColumnContribution(string Column, double SudaShare, int UniquesWithout, double AverageRiskWithout);

/// <summary>The re-identification risk of a table over its quasi-identifiers, summarised and per record.</summary>
public sealed class RiskReport
{
    /// <summary>The quasi-identifiers analysed.</summary>
    public required IReadOnlyList<string> QuasiIdentifiers { get; init; }

    /// <summary>Records analysed (suppressed ones left out).</summary>
    public required int Records { get; init; }

    /// <summary>Records left out because every quasi-identifier was suppressed.</summary>
    public required int Suppressed { get; init; }

    /// <summary>Equivalence classes among the records analysed.</summary>
    public required int Classes { get; init; }

    /// <summary>The smallest class size (the table's k).</summary>
    public required int MinClassSize { get; init; }

    /// <summary>The threshold used for "records above".</summary>
    public required double Threshold { get; init; }

    /// <summary>Prosecutor model (the attacker knows the person is in the table): record risk 1/f, f its class size.</summary>
    public required RiskFigures Prosecutor { get; init; }

    /// <summary>
    /// Journalist model (the attacker links to a wider population): record risk 1/F, F the population class size
    /// (from the population table; else estimated as f/π from the sampling fraction; else equal to the prosecutor's).
    /// </summary>
    public required RiskFigures Journalist { get; init; }

    /// <summary>How the journalist figures were obtained: <c>population</c>, <c>sampling-fraction</c> or <c>prosecutor-bound</c>.</summary>
    public required string JournalistBasis { get; init; }

    /// <summary>Marketer model: the expected share of all records re-identified when all are linked at once (classes / n, or Σ f/F / n).</summary>
    public required double Marketer { get; init; }

    /// <summary>Records alone in their class.</summary>
    public required int SampleUniques { get; init; }

    /// <summary>Population uniques among the records: exact with a population table, else Zayatz's estimate from the sampling fraction; null when neither is given.</summary>
    public required double? PopulationUniques { get; init; }

    /// <summary>How <see cref="PopulationUniques"/> was obtained: <c>population</c>, <c>zayatz</c> or <c>none</c>.</summary>
    public required string PopulationUniquesBasis { get; init; }

    /// <summary>Sample uniques with a minimal sample unique of at most <see cref="RiskOptions.SudaMaxSize"/> columns (SUDA's special uniques).</summary>
    public required int SpecialUniques { get; init; }

    /// <summary>Per quasi-identifier: how much it drives the risk (largest first).</summary>
    public required IReadOnlyList<ColumnContribution> Contributions { get; init; }

    /// <summary>Prosecutor risk per table row (0 for suppressed rows).</summary>
    public required double[] RecordRisk { get; init; }

    /// <summary>SUDA score per table row (0 unless the row is a sample unique with a minimal sample unique).</summary>
    public required double[] SudaScore { get; init; }
}

/// <summary>
/// Re-identification risk over a table and its quasi-identifiers: prosecutor, journalist and marketer risk (max, average,
/// records above a threshold), sample and population uniques, SUDA special uniques and which columns drive the risk.
/// </summary>
public static class RiskAnalyzer
{
    /// <summary>Analyses <paramref name="table"/> over <paramref name="quasiIdentifiers"/>.</summary>
    public static RiskReport Analyze(Table table, IReadOnlyList<string> quasiIdentifiers, RiskOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(quasiIdentifiers);
        options ??= new RiskOptions();
        foreach (var q in quasiIdentifiers)
        {
            table.Require(q, "quasi-identifier");
        }

        var (kept, suppressed) = Unsuppressed(table, quasiIdentifiers, options.SuppressedValue);
        var work = suppressed == 0 ? table : table.Where(kept);
        var classes = EquivalenceClasses.Of(work, quasiIdentifiers);
        var n = work.RowCount;
        var sizes = classes.Sizes;
        var prosecutor = new double[n];
        for (var r = 0; r < n; r++)
        {
            prosecutor[r] = 1.0 / classes.SizeOfRow(r);
        }

        var uniques = 0;
        foreach (var s in sizes)
        {
            uniques += s == 1 ? 1 : 0;
        }

        // Journalist and marketer against the population.
        double[] journalist;
        string basis;
        double marketer;
        double? popUniques;
        string popBasis;
        if (options.Population is { } population)
        {
            var popSizes = PopulationSizes(work, population, quasiIdentifiers, classes);
            journalist = new double[n];
            marketer = 0;
            var exactUniques = 0;
            for (var r = 0; r < n; r++)
            {
                var f = popSizes[classes.ClassOfRow[r]];
                journalist[r] = 1.0 / f;
                marketer += 1.0 / f;
                exactUniques += f == 1 ? 1 : 0;
            }

            marketer = n == 0 ? 0 : marketer / n;
            basis = "population";
            popUniques = exactUniques;
            popBasis = "population";
        }
        else if (options.SamplingFraction is { } pi && pi is > 0 and <= 1)
        {
            journalist = new double[n];
            marketer = 0;
            for (var r = 0; r < n; r++)
            {
                journalist[r] = Math.Min(1.0, pi / classes.SizeOfRow(r));
                marketer += journalist[r];
            }

            marketer = n == 0 ? 0 : marketer / n;
            basis = "sampling-fraction";
            popUniques = Zayatz(sizes, pi) * uniques;
            popBasis = "zayatz";
        }
        else
        {
            journalist = prosecutor;
            marketer = n == 0 ? 0 : (double)classes.ClassCount / n;
            basis = "prosecutor-bound";
            popUniques = null;
            popBasis = "none";
        }

        var suda = options.SudaMaxSize > 0 ? Suda.Compute(work, quasiIdentifiers, classes, options.SudaMaxSize) : Suda.Empty(n, quasiIdentifiers.Count);
        var contributions = new List<ColumnContribution>();
        if (quasiIdentifiers.Count > 1)
        {
            for (var q = 0; q < quasiIdentifiers.Count; q++)
            {
                var rest = quasiIdentifiers.Where((_, i) => i != q).ToArray();
                var without = EquivalenceClasses.Of(work, rest);
                var u = 0;
                foreach (var s in without.Sizes)
                {
                    u += s == 1 ? 1 : 0;
                }

                contributions.Add(new ColumnContribution(quasiIdentifiers[q], suda.ColumnShare[q], u, n == 0 ? 0 : (double)without.ClassCount / n));
            }

            contributions.Sort((a, b) => a.UniquesWithout != b.UniquesWithout ? a.UniquesWithout.CompareTo(b.UniquesWithout) : b.SudaShare.CompareTo(a.SudaShare));
        }

        return new RiskReport
        {
            QuasiIdentifiers = [.. quasiIdentifiers],
            Records = n,
            Suppressed = suppressed,
            Classes = classes.ClassCount,
            MinClassSize = classes.MinSize,
            Threshold = options.Threshold,
            Prosecutor = Figures(prosecutor, options.Threshold),
            Journalist = Figures(journalist, options.Threshold),
            JournalistBasis = basis,
            Marketer = marketer,
            SampleUniques = uniques,
            PopulationUniques = popUniques,
            PopulationUniquesBasis = popBasis,
            SpecialUniques = suda.SpecialUniques,
            Contributions = contributions,
            RecordRisk = Expand(prosecutor, kept, table.RowCount),
            SudaScore = Expand(suda.Scores, kept, table.RowCount),
        };
    }

    /// <summary>
    /// Zayatz's estimate of P(population unique | sample unique): the population's class-size distribution is taken to
    /// be the sample's, and a population class of size i yields a sample unique with probability i·π·(1−π)^(i−1).
    /// </summary>
    internal static double Zayatz(ReadOnlySpan<int> sizes, double pi)
    {
        if (pi >= 1)
        {
            return 1;
        }

        var bySize = new Dictionary<int, int>();
        foreach (var s in sizes)
        {
            bySize[s] = bySize.GetValueOrDefault(s) + 1;
        }

        var numerator = bySize.GetValueOrDefault(1) * pi;
        var denominator = 0.0;
        foreach (var (size, count) in bySize)
        {
            denominator += count * size * pi * Math.Pow(1 - pi, size - 1);
        }

        return denominator == 0 ? 0 : numerator / denominator;
    }

    internal static RiskFigures Figures(double[] risk, double threshold)
    {
        if (risk.Length == 0)
        {
            return new RiskFigures(0, 0, 0, 0);
        }

        var max = 0.0;
        var sum = 0.0;
        var above = 0;
        foreach (var r in risk)
        {
            max = Math.Max(max, r);
            sum += r;
            above += r > threshold ? 1 : 0;
        }

        return new RiskFigures(max, sum / risk.Length, above, (double)above / risk.Length);
    }

    private static (bool[] Kept, int Suppressed) Unsuppressed(Table table, IReadOnlyList<string> quasiIdentifiers, string suppressedValue)
    {
        var kept = new bool[table.RowCount];
        Array.Fill(kept, true);
        if (quasiIdentifiers.Count == 0)
        {
            return (kept, 0);
        }

        var columns = quasiIdentifiers.Select(q => table[q]).ToArray();
        var star = columns.Select(c => c.IndexOf(suppressedValue)).ToArray();
        if (star.Any(s => s < 0))
        {
            return (kept, 0);
        }

        var suppressed = 0;
        for (var r = 0; r < kept.Length; r++)
        {
            var all = true;
            for (var c = 0; c < columns.Length && all; c++)
            {
                all = columns[c].Codes[r] == star[c];
            }

            if (all)
            {
                kept[r] = false;
                suppressed++;
            }
        }

        return (kept, suppressed);
    }

    /// <summary>Population class size for each sample class (at least the sample class size).</summary>
    private static int[] PopulationSizes(Table sample, Table population, IReadOnlyList<string> quasiIdentifiers, EquivalenceClasses classes)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var popColumns = quasiIdentifiers.Select(q => population[population.Require(q, "quasi-identifier in the population table")]).ToArray();
        for (var r = 0; r < population.RowCount; r++)
        {
            var key = string.Join('\u001f', popColumns.Select(c => c[r]));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        var columns = quasiIdentifiers.Select(q => sample[q]).ToArray();
        var sizes = new int[classes.ClassCount];
        for (var r = 0; r < sample.RowCount; r++)
        {
            var c = classes.ClassOfRow[r];
            if (sizes[c] == 0)
            {
                var key = string.Join('\u001f', columns.Select(col => col[r]));
                sizes[c] = Math.Max(counts.GetValueOrDefault(key), classes.Sizes[c]);
            }
        }

        return sizes;
    }

    private static double[] Expand(double[] values, bool[] kept, int rows)
    {
        if (values.Length == rows)
        {
            return values;
        }

        var result = new double[rows];
        var k = 0;
        for (var r = 0; r < rows; r++)
        {
            if (kept[r])
            {
                result[r] = values[k++];
            }
        }

        return result;
    }
}
