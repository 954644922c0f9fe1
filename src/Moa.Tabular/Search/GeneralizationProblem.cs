using Moa.Tabular.Hierarchies;
using Moa.Tabular.Models;
using Moa.Tabular.Risk;
using Moa.Tabular.Tables;

namespace Moa.Tabular.Search;

/// <summary>The utility loss a search minimises.</summary>
public enum UtilityMetric
{
    /// <summary>ARX's "Loss": per cell (leaves under the generalised value − 1)/(domain − 1), 1 for a suppressed cell; mean over cells.</summary>
    Loss,

    /// <summary>Non-uniform entropy: per cell −log2(count(original)/count(generalised)), −log2(count(original)/n) when suppressed; summed.</summary>
    NonUniformEntropy,

    /// <summary>Discernibility (DM*): Σ over kept classes of size², plus n for each suppressed record.</summary>
    Discernibility,

    /// <summary>
    /// ARX's "Loss" with ARX's default aggregate (<c>MetricMDNMLoss</c>, geometric mean): the per-cell costs of
    /// <see cref="Loss"/> averaged per quasi-identifier into l_q, then (Π (1 + l_q))^(1/Q) − 1.
    /// </summary>
    LossGeometric,
}

/// <summary>The outcome of one lattice node (one generalisation level per quasi-identifier).</summary>
/// <param name="Levels">The level of each quasi-identifier.</param>
/// <param name="Anonymous">Whether the models hold after suppressing failing classes within the limit.</param>
/// <param name="Suppressed">Records in classes that fail the models (suppressed when the node is anonymous).</param>
/// <param name="Classes">Equivalence classes holding sample records.</param>
/// <param name="MinClassSize">Smallest class among those kept (0 when all are suppressed).</param>
/// <param name="Utility">The metric's value (lower is better), suppression included.</param>
public sealed record NodeResult(int[] Levels, bool Anonymous, int Suppressed, int Classes, int MinClassSize, double Utility);

/// <summary>One quasi-identifier and the hierarchy that generalises it.</summary>
/// <param name="Column">The column name.</param>
/// <param name="Hierarchy">Its hierarchy.</param>
public sealed record QuasiIdentifier(string Column, Hierarchy Hierarchy);

/// <summary>
/// A full-domain generalisation problem: a table, its quasi-identifiers with hierarchies, privacy models, a suppression
/// limit and a utility metric. The table is reduced once to its distinct cells (quasi-identifier codes plus sensitive
/// codes, with counts), so evaluating a lattice node costs a pass over the cells, not the rows.
/// </summary>
public sealed class GeneralizationProblem
{
    private readonly ColumnGeneralization[] _qis;
    private readonly int[][] _cellCodes;
    private readonly int[][] _cellSensitive;
    private readonly int[] _cellCount;
    private readonly int[] _cellPopulation;
    private readonly int[] _cellOfRow;
    private readonly PrivacyModel[] _models;
    private readonly int[] _modelSensitive;
    private readonly int[] _sensitiveCardinality;
    private readonly double[][] _lowerBoundParts;
    private readonly int _limitRecords;
    private readonly bool _needHistograms;
    private readonly Table _table;
    private LongCounter? _counter;
    private readonly bool _rollup;
    private readonly int[][][][] _up = [];
    private readonly double[][][] _genLoss = [];
    private readonly List<Summary> _cache = [];
    private readonly List<Summary> _free = [];
    private Summary? _cells;
    private long _cachedClasses;
    private readonly long _cacheClassLimit;
    private readonly int _minK;
    private readonly bool _kOnly;
    private readonly bool _hasPopulation;
    private const int CacheSize = 256;
    private const int DirectSlots = 1 << 16;
    private long[] _keys = [];
    private int[] _classOf = [];
    private int[] _first = [];
    private int[]? _direct;
    private int[]? _stamp;
    private int _generation;

    private GeneralizationProblem(Table table, ColumnGeneralization[] qis, int[][] cellCodes, int[][] cellSensitive, int[] cellCount, int[] cellPopulation, int[] cellOfRow,
        PrivacyModel[] models, int[] modelSensitive, int[] sensitiveCardinality, int records, double suppressionLimit, UtilityMetric metric)
    {
        _table = table;
        _qis = qis;
        _cellCodes = cellCodes;
        _cellSensitive = cellSensitive;
        _cellCount = cellCount;
        _cellPopulation = cellPopulation;
        _cellOfRow = cellOfRow;
        _models = models;
        _modelSensitive = modelSensitive;
        _sensitiveCardinality = sensitiveCardinality;
        Records = records;
        SuppressionLimit = suppressionLimit;
        Metric = metric;
        _limitRecords = (int)Math.Floor((suppressionLimit * records) + 1e-9);
        _needHistograms = modelSensitive.Any(s => s >= 0);
        _minK = models.OfType<KAnonymity>().Select(m => m.K).DefaultIfEmpty(0).Max();
        _kOnly = models.All(m => m is KAnonymity);
        _hasPopulation = cellPopulation.Any(p => p > 0);
        _cacheClassLimit = Math.Max(1L << 18, 16L * cellCount.Length);
        Heights = [.. qis.Select(q => q.Height)];
        QuasiIdentifiers = [.. qis.Select(q => q.Column)];
        _lowerBoundParts = new double[qis.Length][];
        for (var q = 0; q < qis.Length; q++)
        {
            var perCode = new long[qis[q].Counts.Length];
            for (var c = 0; c < cellCount.Length; c++)
            {
                perCode[cellCodes[q][c]] += cellCount[c];
            }

            _lowerBoundParts[q] = new double[qis[q].Height];
            for (var level = 0; level < qis[q].Height; level++)
            {
                var cost = metric == UtilityMetric.NonUniformEntropy ? qis[q].Entropy[level] : qis[q].Loss[level];
                var sum = 0.0;
                for (var code = 0; code < perCode.Length; code++)
                {
                    sum += perCode[code] * cost[code];
                }

                _lowerBoundParts[q][level] = sum;
            }
        }

        // Roll-up (evaluating a node from a cached, less general node's classes) needs tree hierarchies, additive class
        // statistics (no sensitive histograms) and a per-class metric (Loss or discernibility).
        _rollup = !_needHistograms && metric != UtilityMetric.NonUniformEntropy;
        _up = new int[qis.Length][][][];
        _genLoss = new double[qis.Length][][];
        for (var q = 0; q < qis.Length && _rollup; q++)
        {
            var g = qis[q];
            _genLoss[q] = new double[g.Height][];
            for (var level = 0; level < g.Height; level++)
            {
                _genLoss[q][level] = new double[g.Values[level].Length];
                for (var code = 0; code < g.Counts.Length; code++)
                {
                    _genLoss[q][level][g.Map[level][code]] = g.Loss[level][code];
                }
            }

            _up[q] = new int[g.Height][][];
            for (var from = 0; from < g.Height && _rollup; from++)
            {
                _up[q][from] = new int[g.Height][];
                for (var to = from; to < g.Height && _rollup; to++)
                {
                    var up = new int[g.Values[from].Length];
                    Array.Fill(up, -1);
                    for (var code = 0; code < g.Counts.Length; code++)
                    {
                        var a = g.Map[from][code];
                        var b = g.Map[to][code];
                        if (up[a] >= 0 && up[a] != b)
                        {
                            _rollup = false; // not a tree: one value at a lower level has two parents
                            break;
                        }

                        up[a] = b;
                    }

                    _up[q][from][to] = up;
                }
            }
        }
    }

    /// <summary>Quasi-identifier names, in lattice order.</summary>
    public IReadOnlyList<string> QuasiIdentifiers { get; }

    /// <summary>Levels per quasi-identifier (level 0 included).</summary>
    public IReadOnlyList<int> Heights { get; }

    /// <summary>Records in the table (the population's are not counted).</summary>
    public int Records { get; }

    /// <summary>Share of records that may be suppressed.</summary>
    public double SuppressionLimit { get; }

    /// <summary>The metric minimised.</summary>
    public UtilityMetric Metric { get; }

    /// <summary>The privacy models.</summary>
    public IReadOnlyList<PrivacyModel> Models => _models;

    /// <summary>Distinct cells the table was reduced to.</summary>
    public int Cells => _cellCount.Length;

    /// <summary>Number of lattice nodes (product of heights), saturating at long.MaxValue.</summary>
    public long NodeCount
    {
        get
        {
            var n = 1L;
            foreach (var h in Heights)
            {
                n = n > long.MaxValue / h ? long.MaxValue : n * h;
            }

            return n;
        }
    }

    /// <summary>Whether failing records can only decrease upward for every model (enables pruning below failed nodes).</summary>
    public bool Monotone => _models.All(m => m.MonotoneUnderSuppression);

    /// <summary>Builds a problem; hierarchies are applied to every value (a value outside its hierarchy is an error naming its row).</summary>
    public static GeneralizationProblem Create(Table table, IReadOnlyList<QuasiIdentifier> quasiIdentifiers, IReadOnlyList<PrivacyModel> models,
        double suppressionLimit, UtilityMetric metric = UtilityMetric.Loss, Table? population = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(quasiIdentifiers);
        ArgumentNullException.ThrowIfNull(models);
        if (table.RowCount == 0)
        {
            throw new MoaException($"{table.Source.Path ?? "the table"}: the table has no rows; there is nothing to de-identify.");
        }

        if (suppressionLimit is < 0 or > 1)
        {
            throw new MoaException($"the suppression limit must be between 0 and 1, got {suppressionLimit}.");
        }

        if (quasiIdentifiers.Count == 0)
        {
            throw new MoaException("no quasi-identifiers: give at least one column the role 'quasi' with a hierarchy.");
        }

        foreach (var q in quasiIdentifiers)
        {
            table.Require(q.Column, "quasi-identifier");
        }

        var sensitive = models.Select(m => m.SensitiveAttribute).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        foreach (var s in sensitive)
        {
            table.Require(s, "sensitive attribute");
        }

        var needsPopulation = models.Any(m => m.NeedsPopulation);
        if (needsPopulation && population is null)
        {
            throw new MoaException("δ-presence needs a population table (privacy.delta_presence.population).");
        }

        var records = table.RowCount;
        var work = table;
        if (needsPopulation)
        {
            work = Combine(table, population!, [.. quasiIdentifiers.Select(q => q.Column), .. sensitive]);
        }

        var qis = quasiIdentifiers.Select(q => ColumnGeneralization.Build(work, q.Column, q.Hierarchy)).ToArray();
        var keyColumns = qis.Select(q => (work[q.Column].CodeArray, work[q.Column].Cardinality))
            .Concat(sensitive.Select(s => (work[s].CodeArray, work[s].Cardinality))).ToList();
        var (cellOfRow, cells) = EquivalenceClasses.Group(keyColumns, work.RowCount);
        var cellCodes = qis.Select(_ => new int[cells]).ToArray();
        var cellSensitive = sensitive.Select(_ => new int[cells]).ToArray();
        var cellCount = new int[cells];
        var cellPopulation = new int[cells];
        var seen = new bool[cells];
        for (var r = 0; r < work.RowCount; r++)
        {
            var c = cellOfRow[r];
            if (r < records)
            {
                cellCount[c]++;
            }
            else
            {
                cellPopulation[c]++;
            }

            if (!seen[c])
            {
                seen[c] = true;
                for (var q = 0; q < qis.Length; q++)
                {
                    cellCodes[q][c] = work[qis[q].Column].CodeArray[r];
                }

                for (var s = 0; s < sensitive.Length; s++)
                {
                    cellSensitive[s][c] = work[sensitive[s]].CodeArray[r];
                }
            }
        }

        var modelSensitive = models.Select(m => m.SensitiveAttribute is { } a ? Array.IndexOf(sensitive, a) : -1).ToArray();
        var sensitiveCardinality = sensitive.Select(s => work[s].Cardinality).ToArray();
        for (var m = 0; m < models.Count; m++)
        {
            if (modelSensitive[m] < 0)
            {
                continue;
            }

            var column = work[sensitive[modelSensitive[m]]];
            var overall = new int[column.Cardinality];
            for (var r = 0; r < records; r++)
            {
                overall[column.CodeArray[r]]++;
            }

            models[m].Prepare(overall, Ranks(column.Values));
        }

        return new GeneralizationProblem(work, qis, cellCodes, cellSensitive, cellCount, cellPopulation, [.. cellOfRow.AsSpan(0, records)],
            [.. models], modelSensitive, sensitiveCardinality, records, suppressionLimit, metric);
    }

    /// <summary>The metric's value at <paramref name="levels"/> if nothing were suppressed: a lower bound, monotone in every level (Loss and entropy; 0 for discernibility).</summary>
    public double LowerBound(ReadOnlySpan<int> levels)
    {
        if (Metric == UtilityMetric.Discernibility)
        {
            return Records;
        }

        if (Metric == UtilityMetric.LossGeometric)
        {
            return Geometric(levels, []);
        }

        var sum = 0.0;
        for (var q = 0; q < _qis.Length; q++)
        {
            sum += _lowerBoundParts[q][levels[q]];
        }

        return Metric == UtilityMetric.Loss ? sum / ((double)Records * _qis.Length) : sum;
    }

    /// <summary>Whether the metric is one of ARX's Loss aggregates (per-cell costs from the hierarchy's leaf counts).</summary>
    private bool IsLoss => Metric is UtilityMetric.Loss or UtilityMetric.LossGeometric;

    /// <summary>
    /// ARX's geometric aggregate: per quasi-identifier the mean cell cost l_q (generalisation at <paramref name="levels"/>
    /// plus <paramref name="extra"/>[q], the added cost of suppressed cells; empty for none), then (Π (1 + l_q))^(1/Q) − 1.
    /// </summary>
    private double Geometric(ReadOnlySpan<int> levels, ReadOnlySpan<double> extra)
    {
        var product = 1.0;
        for (var q = 0; q < _qis.Length; q++)
        {
            var perRecord = (_lowerBoundParts[q][levels[q]] + (extra.IsEmpty ? 0 : extra[q])) / Records;
            product *= 1.0 + perRecord;
        }

        return Math.Pow(product, 1.0 / _qis.Length) - 1.0;
    }

    /// <summary>The Loss of a node whose suppressed cells add <paramref name="extra"/>[q] per quasi-identifier.</summary>
    private double LossWith(ReadOnlySpan<int> levels, ReadOnlySpan<double> extra)
    {
        if (Metric == UtilityMetric.LossGeometric)
        {
            return Geometric(levels, extra);
        }

        var sum = 0.0;
        foreach (var e in extra)
        {
            sum += e;
        }

        return LowerBound(levels) + (sum / ((double)Records * _qis.Length));
    }

    /// <summary>Evaluates one node: groups the cells, checks every model per class, counts suppression and the metric.</summary>
    public NodeResult Evaluate(int[] levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        return _rollup ? EvaluateRollup(levels) : Evaluate(levels, out _, out _);
    }

    /// <summary>
    /// Class statistics of an evaluated node, kept to evaluate more general nodes from: <see cref="Count"/> classes, their
    /// generalised codes per quasi-identifier, sample sizes and population sizes (arrays may be longer than the count).
    /// </summary>
    private sealed record Summary(int[] Levels, int Count, int[][] Codes, int[] Size, int[] Population, bool Pooled);

    private NodeResult EvaluateRollup(int[] levels)
    {
        if (levels.Length != _qis.Length)
        {
            throw new ArgumentException($"{levels.Length} levels for {_qis.Length} quasi-identifiers", nameof(levels));
        }

        // Roll up from the cached node with the fewest classes at or below this one (the table's cells when none is).
        Summary? source = null;
        foreach (var candidate in _cache)
        {
            if ((source is null || candidate.Count < source.Count) && AtOrBelow(candidate.Levels, levels))
            {
                source = candidate;
            }
        }

        source ??= _cells ??= new Summary(new int[_qis.Length], _cellCount.Length, _cellCodes, _cellCount, _cellPopulation, Pooled: false);
        var n = source.Count;
        if (_keys.Length < n)
        {
            _keys = new long[_cellCount.Length];
            _classOf = new int[_cellCount.Length];
            _first = new int[_cellCount.Length];
        }

        var keys = _keys;
        var multiplier = 1L;
        var fits = true;
        var ups = new int[_qis.Length][];
        for (var q = 0; q < _qis.Length; q++)
        {
            var up = ups[q] = _up[q][source.Levels[q]][levels[q]];
            var codes = source.Codes[q];
            if (q == 0)
            {
                for (var i = 0; i < n; i++)
                {
                    keys[i] = up[codes[i]];
                }
            }
            else
            {
                for (var i = 0; i < n; i++)
                {
                    keys[i] += up[codes[i]] * multiplier;
                }
            }

            var card = Math.Max(_qis[q].Values[levels[q]].Length, 1);
            fits &= multiplier <= (long.MaxValue / 4) / card;
            multiplier *= card;
        }

        if (!fits)
        {
            return Evaluate(levels, out _, out _);
        }

        var classOf = _classOf;
        int classes;
        if (multiplier <= DirectSlots)
        {
            // Small key space: direct addressing with a generation stamp instead of hashing; the table grows to the
            // key space it meets (a power of two up to DirectSlots), so small lattices never touch a large array.
            if (_direct is null || _direct.Length < multiplier)
            {
                var slots = (int)Math.Min(DirectSlots, Math.Max(1024, System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)multiplier)));
                _direct = new int[slots];
                _stamp = new int[slots];
            }

            var direct = _direct;
            var stamp = _stamp!;
            var first = _first;
            var generation = ++_generation;
            classes = 0;
            for (var i = 0; i < n; i++)
            {
                var key = (int)keys[i];
                if (stamp[key] != generation)
                {
                    stamp[key] = generation;
                    first[classes] = i;
                    direct[key] = classes++;
                }

                classOf[i] = direct[key];
            }
        }
        else
        {
            var counter = _counter ??= new LongCounter(_cellCount.Length);
            counter.Clear();
            var first = _first;
            classes = 0;
            for (var i = 0; i < n; i++)
            {
                // Ids are handed out in order of first appearance: a new class gets the next id.
                var k = counter.IdOf(keys[i]);
                classOf[i] = k;
                if (k == classes)
                {
                    first[classes++] = i;
                }
            }
        }

        var summary = Rent(levels, classes);
        var size = summary.Size;
        var population = summary.Population;
        var newCodes = summary.Codes;
        var sourceSize = source.Size;
        Array.Clear(size, 0, classes);
        for (var i = 0; i < n; i++)
        {
            size[classOf[i]] += sourceSize[i];
        }

        if (_hasPopulation)
        {
            var sourcePopulation = source.Population;
            Array.Clear(population, 0, classes);
            for (var i = 0; i < n; i++)
            {
                population[classOf[i]] += sourcePopulation[i];
            }
        }
        else
        {
            Array.Clear(population, 0, classes);
        }

        // Each class's generalised codes, read at its first member.
        var firstOf = _first;
        for (var q = 0; q < _qis.Length; q++)
        {
            var up = ups[q];
            var codes = source.Codes[q];
            var target = newCodes[q];
            for (var k = 0; k < classes; k++)
            {
                target[k] = up[codes[firstOf[k]]];
            }
        }

        var suppressed = 0;
        var kept = 0;
        var minSize = int.MaxValue;
        var dm = 0.0;
        Span<double> extra = stackalloc double[_qis.Length];
        extra.Clear();
        var minK = _minK;
        var genLoss = new double[_qis.Length][];
        for (var q = 0; q < _qis.Length; q++)
        {
            genLoss[q] = _genLoss[q][levels[q]];
        }

        for (var k = 0; k < classes; k++)
        {
            var sk = size[k];
            if (sk == 0)
            {
                continue;
            }

            var fails = sk < minK;
            if (!fails && !_kOnly)
            {
                foreach (var model in _models)
                {
                    if (!model.Accepts(sk, population[k], []))
                    {
                        fails = true;
                        break;
                    }
                }
            }

            if (fails)
            {
                suppressed += sk;
                for (var q = 0; q < _qis.Length; q++)
                {
                    extra[q] += sk * (1.0 - genLoss[q][newCodes[q][k]]);
                }
            }
            else
            {
                kept++;
                if (sk < minSize)
                {
                    minSize = sk;
                }

                dm += (double)sk * sk;
            }
        }

        Remember(summary);
        var utility = Metric == UtilityMetric.Discernibility
            ? dm + ((double)suppressed * Records)
            : LossWith(levels, extra);
        return new NodeResult([.. levels], suppressed <= _limitRecords, suppressed, kept + (suppressed > 0 ? 1 : 0), kept == 0 ? 0 : minSize, utility);
    }

    /// <summary>A summary for <paramref name="classes"/> classes, reusing the arrays of an evicted one when they are large enough.</summary>
    private Summary Rent(int[] levels, int classes)
    {
        for (var i = _free.Count - 1; i >= 0; i--)
        {
            var f = _free[i];
            if (f.Size.Length >= classes)
            {
                _free.RemoveAt(i);
                return f with { Levels = [.. levels], Count = classes };
            }
        }

        var capacity = Math.Min(_cellCount.Length, Math.Max(classes, Math.Min(_cellCount.Length, classes * 2)));
        var codes = new int[_qis.Length][];
        for (var q = 0; q < codes.Length; q++)
        {
            codes[q] = new int[capacity];
        }

        return new Summary([.. levels], classes, codes, new int[capacity], new int[capacity], Pooled: true);
    }

    /// <summary>Caches <paramref name="summary"/>, evicting the oldest when the cache holds too many classes in all.</summary>
    private void Remember(Summary summary)
    {
        _cache.Add(summary);
        _cachedClasses += summary.Count;
        while (_cache.Count > 1 && (_cache.Count > CacheSize || _cachedClasses > _cacheClassLimit))
        {
            var evicted = _cache[0];
            _cache.RemoveAt(0);
            _cachedClasses -= evicted.Count;
            if (_free.Count < 8)
            {
                _free.Add(evicted);
            }
        }
    }

    private static bool AtOrBelow(int[] a, int[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] > b[i])
            {
                return false;
            }
        }

        return true;
    }

    internal NodeResult Evaluate(int[] levels, out int[] classOfCell, out bool[] failing)
    {
        if (levels.Length != _qis.Length)
        {
            throw new ArgumentException($"{levels.Length} levels for {_qis.Length} quasi-identifiers", nameof(levels));
        }

        var cells = _cellCount.Length;
        int classes;
        var radix = 1L;
        var fits = true;
        for (var q = 0; q < _qis.Length && fits; q++)
        {
            var card = _qis[q].Values[levels[q]].Length;
            fits = radix <= (long.MaxValue / 4) / Math.Max(card, 1);
            radix *= Math.Max(card, 1);
        }

        if (fits)
        {
            // One pass: the generalised codes folded into one mixed-radix key per cell.
            var keys = new long[cells];
            var multiplier = 1L;
            for (var q = 0; q < _qis.Length; q++)
            {
                var map = _qis[q].Map[levels[q]];
                var source = _cellCodes[q];
                for (var c = 0; c < cells; c++)
                {
                    keys[c] += map[source[c]] * multiplier;
                }

                multiplier *= Math.Max(_qis[q].Values[levels[q]].Length, 1);
            }

            var counter = _counter ??= new LongCounter(cells);
            counter.Clear();
            classOfCell = new int[cells];
            for (var c = 0; c < cells; c++)
            {
                classOfCell[c] = counter.IdOf(keys[c]);
            }

            classes = counter.Count;
        }
        else
        {
            var columns = new List<(int[] Codes, int Cardinality)>(_qis.Length);
            for (var q = 0; q < _qis.Length; q++)
            {
                var map = _qis[q].Map[levels[q]];
                var codes = new int[cells];
                var source = _cellCodes[q];
                for (var c = 0; c < cells; c++)
                {
                    codes[c] = map[source[c]];
                }

                columns.Add((codes, _qis[q].Values[levels[q]].Length));
            }

            (classOfCell, classes) = EquivalenceClasses.Group(columns, cells);
        }

        var size = new int[classes];
        var population = new int[classes];
        for (var c = 0; c < cells; c++)
        {
            size[classOfCell[c]] += _cellCount[c];
            population[classOfCell[c]] += _cellPopulation[c];
        }

        failing = new bool[classes];
        if (_needHistograms)
        {
            CheckWithHistograms(classOfCell, size, population, failing);
        }
        else
        {
            for (var k = 0; k < classes; k++)
            {
                if (size[k] == 0)
                {
                    continue;
                }

                foreach (var model in _models)
                {
                    if (!model.Accepts(size[k], population[k], []))
                    {
                        failing[k] = true;
                        break;
                    }
                }
            }
        }

        var suppressed = 0;
        var kept = 0;
        var minSize = int.MaxValue;
        var dm = 0.0;
        for (var k = 0; k < classes; k++)
        {
            if (size[k] == 0)
            {
                continue;
            }

            if (failing[k])
            {
                suppressed += size[k];
            }
            else
            {
                kept++;
                minSize = Math.Min(minSize, size[k]);
                dm += (double)size[k] * size[k];
            }
        }

        double utility;
        if (Metric == UtilityMetric.Discernibility)
        {
            utility = dm + ((double)suppressed * Records);
        }
        else
        {
            var extra = new double[_qis.Length];
            if (suppressed > 0)
            {
                for (var c = 0; c < cells; c++)
                {
                    if (_cellCount[c] == 0 || !failing[classOfCell[c]])
                    {
                        continue;
                    }

                    for (var q = 0; q < _qis.Length; q++)
                    {
                        var code = _cellCodes[q][c];
                        extra[q] += _cellCount[c] * (IsLoss
                            ? 1.0 - _qis[q].Loss[levels[q]][code]
                            : _qis[q].SuppressedEntropy[code] - _qis[q].Entropy[levels[q]][code]);
                    }
                }
            }

            utility = IsLoss ? LossWith(levels, extra) : LowerBound(levels) + extra.Sum();
        }

        return new NodeResult([.. levels], suppressed <= _limitRecords, suppressed, kept + (suppressed > 0 ? 1 : 0), kept == 0 ? 0 : minSize, utility);
    }

    private void CheckWithHistograms(int[] classOfCell, int[] size, int[] population, bool[] failing)
    {
        var classes = size.Length;
        var cells = classOfCell.Length;
        var start = new int[classes + 1];
        foreach (var k in classOfCell)
        {
            start[k + 1]++;
        }

        for (var k = 0; k < classes; k++)
        {
            start[k + 1] += start[k];
        }

        var order = new int[cells];
        var fill = (int[])start.Clone();
        for (var c = 0; c < cells; c++)
        {
            order[fill[classOfCell[c]]++] = c;
        }

        var histograms = _sensitiveCardinality.Select(n => new int[n]).ToArray();
        for (var k = 0; k < classes; k++)
        {
            if (size[k] == 0)
            {
                continue;
            }

            for (var i = start[k]; i < start[k + 1]; i++)
            {
                var c = order[i];
                for (var s = 0; s < histograms.Length; s++)
                {
                    histograms[s][_cellSensitive[s][c]] += _cellCount[c];
                }
            }

            for (var m = 0; m < _models.Length; m++)
            {
                var s = _modelSensitive[m];
                if (!_models[m].Accepts(size[k], population[k], s < 0 ? [] : histograms[s]))
                {
                    failing[k] = true;
                    break;
                }
            }

            for (var i = start[k]; i < start[k + 1]; i++)
            {
                var c = order[i];
                for (var s = 0; s < histograms.Length; s++)
                {
                    histograms[s][_cellSensitive[s][c]] = 0;
                }
            }
        }
    }

    /// <summary>
    /// The table generalised at <paramref name="levels"/>: quasi-identifiers replaced by their generalised values and the
    /// records of failing classes suppressed (every quasi-identifier <c>*</c>); other columns untouched.
    /// </summary>
    public Table Apply(Table table, int[] levels, out NodeResult result) => Apply(table, levels, suppress: true, out result);

    /// <summary>The table generalised at <paramref name="levels"/> without suppressing anything (the reference for query distortion).</summary>
    public Table Generalize(Table table, int[] levels) => Apply(table, levels, suppress: false, out _);

    private Table Apply(Table table, int[] levels, bool suppress, out NodeResult result)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(levels);
        if (table.RowCount != Records)
        {
            throw new ArgumentException("the table is not the one the problem was built from", nameof(table));
        }

        result = Evaluate(levels, out var classOfCell, out var failing);
        var output = table;
        for (var q = 0; q < _qis.Length; q++)
        {
            var g = _qis[q];
            var values = g.Values[levels[q]];
            var star = Array.IndexOf(values, "*");
            var dictionary = star >= 0 ? values : [.. values, "*"];
            star = star >= 0 ? star : values.Length;
            var codes = new int[Records];
            var map = g.Map[levels[q]];
            var source = _table[g.Column].CodeArray;
            for (var r = 0; r < Records; r++)
            {
                codes[r] = suppress && failing[classOfCell[_cellOfRow[r]]] ? star : map[source[r]];
            }

            output = output.WithColumn(Column.Recode(g.Column, dictionary, codes));
        }

        return output;
    }

    private static int[] Ranks(IReadOnlyList<string> values)
    {
        var numeric = values.All(v => double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));
        var order = Enumerable.Range(0, values.Count).ToArray();
        if (numeric)
        {
            Array.Sort(order, (a, b) => double.Parse(values[a], System.Globalization.CultureInfo.InvariantCulture)
                .CompareTo(double.Parse(values[b], System.Globalization.CultureInfo.InvariantCulture)));
        }
        else
        {
            Array.Sort(order, (a, b) => string.CompareOrdinal(values[a], values[b]));
        }

        var rank = new int[values.Count];
        for (var i = 0; i < order.Length; i++)
        {
            rank[order[i]] = i;
        }

        return rank;
    }

    private static Table Combine(Table sample, Table population, string[] columns)
    {
        foreach (var c in columns)
        {
            population.Require(c, "needed in the population table");
        }

        var rows = new List<string[]>(sample.RowCount + population.RowCount);
        var s = sample.Select(columns);
        var p = population.Select(columns);
        for (var r = 0; r < s.RowCount; r++)
        {
            rows.Add(s.Row(r));
        }

        for (var r = 0; r < p.RowCount; r++)
        {
            rows.Add(p.Row(r));
        }

        return Table.FromRows(columns, rows, sample.Source);
    }
}
