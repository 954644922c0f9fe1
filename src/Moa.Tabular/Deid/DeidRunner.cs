using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Moa.Privacy;
using Moa.Tabular.Hierarchies;
using Moa.Tabular.Models;
using Moa.Tabular.Reporting;
using Moa.Tabular.Risk;
using Moa.Tabular.Search;
using Moa.Tabular.Tables;

namespace Moa.Tabular.Deid;

/// <summary>Everything one de-identification run produced, before anything is written.</summary>
public sealed class DeidOutcome
{
    /// <summary>The spec run.</summary>
    public required DeidSpec Spec { get; init; }

    /// <summary>The input as read.</summary>
    public required Table Input { get; init; }

    /// <summary>The de-identified table.</summary>
    public required Table Output { get; init; }

    /// <summary>Resolved output path.</summary>
    public required string OutputPath { get; init; }

    /// <summary>Resolved mapping (추가정보) path, or null.</summary>
    public required string? MappingPath { get; init; }

    /// <summary>Resolved key path, or null.</summary>
    public required string? KeyPath { get; init; }

    /// <summary>What was done to each column.</summary>
    public required IReadOnlyList<TechniqueRecord> Techniques { get; init; }

    /// <summary>The quasi-identifiers.</summary>
    public required IReadOnlyList<string> QuasiIdentifiers { get; init; }

    /// <summary>The privacy models enforced.</summary>
    public required IReadOnlyList<PrivacyModel> Models { get; init; }

    /// <summary>The search's outcome (null without quasi-identifiers).</summary>
    public required SearchResult? Search { get; init; }

    /// <summary>Chosen level per quasi-identifier with the generalised example, for the report.</summary>
    public required IReadOnlyList<(string Column, string Hierarchy, int Level, int Height)> Generalisation { get; init; }

    /// <summary>Risk of the input over the quasi-identifiers.</summary>
    public required RiskReport? RiskBefore { get; init; }

    /// <summary>Risk of the output.</summary>
    public required RiskReport? RiskAfter { get; init; }

    /// <summary>Utility figures.</summary>
    public required UtilityReport Utility { get; init; }

    /// <summary>Pseudonym → original pairs (the 추가정보).</summary>
    public required IReadOnlyDictionary<string, string> Mapping { get; init; }

    /// <summary>sha256 of the input file.</summary>
    public required string InputSha256 { get; init; }

    /// <summary>When the run happened (UTC).</summary>
    public required DateTimeOffset When { get; init; }
}

/// <summary>
/// Runs a <see cref="DeidSpec"/>: reads the table, applies each column's technique, finds the optimal generalisation
/// of the quasi-identifiers under the privacy models, measures risk before and after and the utility, and (in
/// <see cref="Write"/>) writes the output, the 추가정보 mapping and the adequacy-review report. Every figure is computed
/// before the first byte is written, and each file is written atomically, so a bad input leaves nothing half-written.
/// </summary>
public static class DeidRunner
{
    /// <summary>Runs the spec; relative paths resolve against <paramref name="baseDirectory"/>.</summary>
    public static DeidOutcome Run(DeidSpec spec, string baseDirectory, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        string Resolve(string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory, path));
        var inputPath = Resolve(spec.Input);
        var input = TableReader.Read(inputPath);
        if (input.RowCount == 0)
        {
            throw new MoaException($"{inputPath}: the table has a header but no rows; there is nothing to de-identify.");
        }

        for (var i = 0; i < spec.Columns.Count; i++)
        {
            input.Require(spec.Columns[i].Name, $"named by the spec's columns[{i}]");
        }

        var hierarchyCache = new Dictionary<string, Hierarchy>(StringComparer.Ordinal);
        Hierarchy LoadHierarchy(string name) =>
            hierarchyCache.TryGetValue(name, out var h) ? h : hierarchyCache[name] = name.StartsWith("builtin:", StringComparison.Ordinal)
                ? KoreanHierarchies.Get(name["builtin:".Length..])
                : Hierarchy.FromArxCsv(Resolve(name));

        var qiSpecs = spec.Columns.Where(c => c.Role == "quasi").ToList();
        var qiNames = qiSpecs.Select(c => c.Name).ToList();
        var riskOptions = new RiskOptions { Threshold = spec.Risk.Threshold, SamplingFraction = spec.Risk.SamplingFraction, SudaMaxSize = spec.Risk.SudaMaxSize };
        var riskBefore = qiNames.Count > 0 ? RiskAnalyzer.Analyze(input, qiNames, riskOptions) : null;

        var keyPath = spec.KeyFile is null ? null : Resolve(spec.KeyFile);
        var key = keyPath is null ? null : PiiKey.Load(keyPath);
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        var records = new List<TechniqueRecord>();
        var table = input;

        // Techniques of non-quasi columns, and pre-search techniques of quasi columns (e.g. rounding before banding).
        foreach (var column in spec.Columns)
        {
            if (column.Role == "quasi" && column.Technique is "keep" or "generalize")
            {
                continue;
            }

            (table, var record) = ColumnTechniques.Apply(table, column, key, mapping, LoadHierarchy);
            records.Add(record);
        }

        var qis = new List<QuasiIdentifier>();
        var fixedLevels = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in qiSpecs)
        {
            if (column.Technique == "drop")
            {
                continue;
            }

            var hierarchy = column.Hierarchy is null ? FlatHierarchy(table, column.Name) : LoadHierarchy(column.Hierarchy);
            if (column.Level is { } level)
            {
                (table, var record) = ColumnTechniques.Apply(table, new ColumnSpec { Name = column.Name, Role = "quasi", Technique = "generalize", Hierarchy = column.Hierarchy, Level = level }, key, mapping, LoadHierarchy);
                records.Add(record);
                fixedLevels[column.Name] = level;
                hierarchy = FlatHierarchy(table, column.Name);
            }

            qis.Add(new QuasiIdentifier(column.Name, hierarchy));
        }

        var models = Models(spec, table, Resolve, out var population);
        SearchResult? search = null;
        var generalisation = new List<(string, string, int, int)>();
        var output = table;
        var generalisedOnly = table;
        if (qis.Count > 0)
        {
            var metric = spec.Privacy.Metric switch
            {
                "loss-geometric" => UtilityMetric.LossGeometric,
                "entropy" => UtilityMetric.NonUniformEntropy,
                "discernibility" => UtilityMetric.Discernibility,
                _ => UtilityMetric.Loss,
            };
            var problem = GeneralizationProblem.Create(table, qis, models, spec.Privacy.SuppressionLimit, metric, population);
            search = spec.Privacy.Search switch
            {
                "optimal" => LatticeSearch.Optimal(problem),
                "heuristic" => LatticeSearch.Heuristic(problem),
                _ => LatticeSearch.Run(problem),
            };
            if (search.Best is null)
            {
                throw new MoaException(
                    $"no generalisation of {string.Join(", ", qiNames)} satisfies {string.Join(" + ", models.Select(m => m.Name))} with at most {spec.Privacy.SuppressionLimit:P1} of records suppressed. Raise privacy.suppression_limit, lower the model parameters, or add hierarchy levels. Nothing was written.");
            }

            output = problem.Apply(table, search.Best.Levels, out _);
            generalisedOnly = problem.Generalize(table, search.Best.Levels);
            for (var q = 0; q < qis.Count; q++)
            {
                var name = qis[q].Column;
                var spec0 = qiSpecs.First(c => c.Name == name);
                var hierarchyName = spec0.Hierarchy ?? "(flat: value → *)";
                generalisation.Add(fixedLevels.TryGetValue(name, out var fixedLevel)
                    ? (name, hierarchyName, fixedLevel + search.Best.Levels[q], LoadOrFlatHeight(spec0, LoadHierarchy))
                    : (name, hierarchyName, search.Best.Levels[q], qis[q].Hierarchy.Height));
                records.Add(new TechniqueRecord(name, "quasi", "generalize",
                    new Dictionary<string, string>
                    {
                        ["hierarchy"] = hierarchyName,
                        ["level"] = search.Best.Levels[q].ToString(CultureInfo.InvariantCulture),
                        ["levels"] = qis[q].Hierarchy.Height.ToString(CultureInfo.InvariantCulture),
                    },
                    $"level chosen by the {search.Method} search"));
            }

            if (search.Best.Suppressed > 0)
            {
                records.Add(new TechniqueRecord("(records)", "quasi", "suppress_records",
                    new Dictionary<string, string> { ["limit"] = spec.Privacy.SuppressionLimit.ToString("0.####", CultureInfo.InvariantCulture) },
                    $"{search.Best.Suppressed:N0} records in classes failing the models had every quasi-identifier suppressed (*)"));
            }
        }

        var riskAfter = qis.Count > 0 ? RiskAnalyzer.Analyze(output, [.. qis.Select(q => q.Column)], riskOptions) : null;
        var utility = UtilityReport.Measure(input, generalisedOnly, output, [.. qis.Select(q => q.Column)], search?.Best, spec.Privacy.Metric);
        return new DeidOutcome
        {
            Spec = spec,
            Input = input,
            Output = output,
            OutputPath = Resolve(spec.Output),
            MappingPath = spec.MappingFile is null ? null : Resolve(spec.MappingFile),
            KeyPath = keyPath,
            Techniques = records,
            QuasiIdentifiers = [.. qis.Select(q => q.Column)],
            Models = models,
            Search = search,
            Generalisation = generalisation,
            RiskBefore = riskBefore,
            RiskAfter = riskAfter,
            Utility = utility,
            Mapping = mapping,
            InputSha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(inputPath))),
            When = now ?? DateTimeOffset.UtcNow,
        };
    }

    /// <summary>
    /// Writes the output table, the mapping (owner-only permissions, refused inside the output's folder) and the
    /// report (<c>STEM.deid-report.json</c> and <c>.html</c> in <paramref name="reportDirectory"/>, default the output's folder).
    /// Every folder is checked before the first file is written; each file is written atomically.
    /// </summary>
    public static IReadOnlyList<string> Write(DeidOutcome outcome, string? reportDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var outputDir = Path.GetDirectoryName(outcome.OutputPath)!;
        var reportDir = Path.GetFullPath(reportDirectory ?? outputDir);
        var stem = Path.GetFileNameWithoutExtension(outcome.OutputPath);
        var jsonPath = Path.Combine(reportDir, stem + ".deid-report.json");
        var htmlPath = Path.Combine(reportDir, stem + ".deid-report.html");
        foreach (var dir in new[] { outputDir, reportDir, outcome.MappingPath is null ? null : Path.GetDirectoryName(outcome.MappingPath) })
        {
            if (dir is not null && !Directory.Exists(dir))
            {
                throw new MoaException($"{dir}: folder does not exist; create it first. Nothing was written.");
            }
        }

        if (outcome.MappingPath is not null && Path.GetDirectoryName(outcome.MappingPath) == outputDir)
        {
            throw new MoaException($"{outcome.MappingPath}: the 추가정보 (mapping) must be kept apart from the pseudonymised data; choose another folder than {outputDir}. Nothing was written.");
        }

        var report = AdequacyReport.Build(outcome);
        _ = AdequacyReport.ToHtml(report);
        var mapping = outcome.MappingPath is null ? null : MappingCsv(outcome.Mapping);
        var written = new List<string>();
        TableWriter.Write(outcome.Output, outcome.OutputPath, outcome.Input.Source);
        written.Add(outcome.OutputPath);

        // The report names the table file it describes by its SHA-256 (the hub checks an uploaded table against it).
        using (var stream = File.OpenRead(outcome.OutputPath))
        {
            report = report with { OutputSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream)) };
        }

        var json = AdequacyReport.ToJson(report);
        var html = AdequacyReport.ToHtml(report);
        if (mapping is not null)
        {
            AtomicFile.WriteText(outcome.MappingPath!, mapping, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            written.Add(outcome.MappingPath!);
        }

        AtomicFile.WriteText(jsonPath, json);
        AtomicFile.WriteText(htmlPath, html);
        written.Add(jsonPath);
        written.Add(htmlPath);
        return written;
    }

    private static string MappingCsv(IReadOnlyDictionary<string, string> mapping)
    {
        var sb = new StringBuilder("pseudonym,original\n");
        foreach (var (token, original) in mapping.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var quoted = original.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + original.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : original;
            sb.Append(token).Append(',').Append(quoted).Append('\n');
        }

        return sb.ToString();
    }

    private static int LoadOrFlatHeight(ColumnSpec spec, Func<string, Hierarchy> load) => spec.Hierarchy is null ? 2 : load(spec.Hierarchy).Height;

    /// <summary>A two-level hierarchy (value → *) for a quasi-identifier without one.</summary>
    private static Hierarchy FlatHierarchy(Table table, string column) =>
        Hierarchy.FromRows("flat:" + column, [.. table[column].Values.Select(v => new[] { v, "*" })]);

    private static List<PrivacyModel> Models(DeidSpec spec, Table table, Func<string, string> resolve, out Table? population)
    {
        var models = new List<PrivacyModel>();
        population = null;
        var p = spec.Privacy;
        if (p.K > 1)
        {
            models.Add(new KAnonymity(p.K));
        }

        if (p.LDiversity is { } l)
        {
            table.Require(l.Attribute, "privacy.l_diversity.attribute");
            models.Add(l.Variant switch
            {
                "entropy" => new EntropyLDiversity(l.Attribute, l.L),
                "recursive" => new RecursiveCLDiversity(l.Attribute, l.C, (int)l.L),
                _ => new DistinctLDiversity(l.Attribute, (int)l.L),
            });
        }

        if (p.TCloseness is { } t)
        {
            table.Require(t.Attribute, "privacy.t_closeness.attribute");
            models.Add(new TCloseness(t.Attribute, t.T, t.Distance == "ordered"));
        }

        if (p.DeltaPresence is { } d)
        {
            population = TableReader.Read(resolve(d.Population));
            models.Add(new DeltaPresence(d.Min, d.Max));
        }

        if (models.Count == 0)
        {
            models.Add(new KAnonymity(1));
        }

        return models;
    }
}
