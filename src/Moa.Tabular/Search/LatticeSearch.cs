using System.Diagnostics;

namespace Moa.Tabular.Search;

/// <summary>What a search found and what it cost.</summary>
/// <param name="Best">The best anonymous node, or null when none satisfies the models within the suppression limit.</param>
/// <param name="Method"><c>optimal</c> (exact) or <c>heuristic</c>.</param>
/// <param name="NodesTotal">Nodes in the lattice.</param>
/// <param name="NodesEvaluated">Nodes whose classes were computed.</param>
/// <param name="NodesPruned">Nodes decided without computing their classes (by monotonicity or the lower bound).</param>
/// <param name="Elapsed">Wall-clock time of the search.</param>
public sealed record SearchResult(NodeResult? Best, string Method, long NodesTotal, long NodesEvaluated, long NodesPruned, TimeSpan Elapsed);

/// <summary>
/// Searches the generalisation lattice. <see cref="Optimal"/> is exact: nodes are visited in order of a lower bound on
/// the metric that is monotone in every level (the metric with nothing suppressed), the search stops as soon as the
/// bound reaches the best value found, and, as in ARX's FLASH, monotonicity decides nodes without computing them: every
/// node above an anonymous node that suppressed nothing is anonymous with nothing suppressed (its value is its bound),
/// and, for models monotone under suppression, every node below a failed node fails.
/// <see cref="Heuristic"/> climbs greedily for lattices too large to order (≥ 20 quasi-identifiers).
/// </summary>
public static class LatticeSearch
{
    /// <summary>Lattices larger than this go to the heuristic by default.</summary>
    public const long MaxExactNodes = 2_000_000;

    /// <summary>The optimal node when the lattice is small enough, else the heuristic's.</summary>
    public static SearchResult Run(GeneralizationProblem problem) =>
        (problem ?? throw new ArgumentNullException(nameof(problem))).NodeCount <= MaxExactNodes && problem.QuasiIdentifiers.Count < 20
            ? Optimal(problem)
            : Heuristic(problem);

    /// <summary>The globally optimal full-domain generalisation (see the class summary).</summary>
    public static SearchResult Optimal(GeneralizationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var watch = Stopwatch.StartNew();
        var total = problem.NodeCount;
        if (total > MaxExactNodes)
        {
            throw new MoaException($"the lattice has {total:N0} nodes, more than the exact search handles ({MaxExactNodes:N0}); use the heuristic search.");
        }

        var heights = problem.Heights.ToArray();
        var count = (int)total;
        var bounds = new double[count];
        var levelSums = new int[count];
        var levels = new int[heights.Length];
        for (var i = 0; i < count; i++)
        {
            Decode(i, heights, levels);
            bounds[i] = problem.LowerBound(levels);
            levelSums[i] = levels.Sum();
        }

        var order = Enumerable.Range(0, count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var c = bounds[a].CompareTo(bounds[b]);
            return c != 0 ? c : levelSums[a] != levelSums[b] ? levelSums[a].CompareTo(levelSums[b]) : a.CompareTo(b);
        });

        var shortcut = problem.Metric != UtilityMetric.Discernibility;
        var clean = new List<int[]>();
        var failed = new List<int[]>();
        var monotone = problem.Monotone;
        var best = double.PositiveInfinity;
        var bestNode = -1;
        long evaluated = 0;
        long pruned = 0;
        var visited = 0;
        foreach (var index in order)
        {
            if (bounds[index] >= best - 1e-12 && problem.Metric != UtilityMetric.Discernibility)
            {
                break;
            }

            visited++;
            Decode(index, heights, levels);
            if (shortcut && clean.Exists(p => Below(p, levels)))
            {
                pruned++;
                if (bounds[index] < best)
                {
                    best = bounds[index];
                    bestNode = index;
                }

                continue;
            }

            if (monotone && failed.Exists(f => Below(levels, f)))
            {
                pruned++;
                continue;
            }

            var result = problem.Evaluate([.. levels]);
            evaluated++;
            if (result.Anonymous)
            {
                if (result.Utility < best - 1e-12)
                {
                    best = result.Utility;
                    bestNode = index;
                }

                if (result.Suppressed == 0)
                {
                    clean.RemoveAll(p => Below(levels, p));
                    clean.Add([.. levels]);
                }
            }
            else if (monotone)
            {
                failed.RemoveAll(f => Below(f, levels));
                failed.Add([.. levels]);
            }
        }

        pruned += count - visited;
        NodeResult? bestResult = null;
        if (bestNode >= 0)
        {
            Decode(bestNode, heights, levels);
            bestResult = problem.Evaluate([.. levels]);
        }

        return new SearchResult(bestResult, "optimal", total, evaluated, pruned, watch.Elapsed);
    }

    /// <summary>Evaluates every node (for tests and small lattices): the reference the optimal search must match.</summary>
    public static SearchResult Exhaustive(GeneralizationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var watch = Stopwatch.StartNew();
        var heights = problem.Heights.ToArray();
        var levels = new int[heights.Length];
        NodeResult? best = null;
        var total = problem.NodeCount;
        for (var i = 0; i < total; i++)
        {
            Decode(i, heights, levels);
            var result = problem.Evaluate([.. levels]);
            if (result.Anonymous && (best is null || result.Utility < best.Utility - 1e-12))
            {
                best = result;
            }
        }

        return new SearchResult(best, "exhaustive", total, total, 0, watch.Elapsed);
    }

    /// <summary>
    /// Greedy search for large lattices: from the bottom, raise the one quasi-identifier whose step leaves the fewest
    /// records in failing classes (ties: lower metric) until the node is anonymous; then lower single levels while the node
    /// stays anonymous and the metric improves. Not guaranteed optimal; evaluates at most a few nodes per level step.
    /// </summary>
    public static SearchResult Heuristic(GeneralizationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var watch = Stopwatch.StartNew();
        var heights = problem.Heights.ToArray();
        var levels = new int[heights.Length];
        var current = problem.Evaluate([.. levels]);
        long evaluated = 1;
        while (!current.Anonymous)
        {
            NodeResult? step = null;
            for (var q = 0; q < heights.Length; q++)
            {
                if (current.Levels[q] + 1 >= heights[q])
                {
                    continue;
                }

                var next = (int[])current.Levels.Clone();
                next[q]++;
                var candidate = problem.Evaluate(next);
                evaluated++;
                if (step is null || candidate.Suppressed < step.Suppressed || (candidate.Suppressed == step.Suppressed && candidate.Utility < step.Utility))
                {
                    step = candidate;
                }
            }

            if (step is null)
            {
                return new SearchResult(null, "heuristic", problem.NodeCount, evaluated, 0, watch.Elapsed);
            }

            current = step;
        }

        var improved = true;
        while (improved)
        {
            improved = false;
            NodeResult? bestStep = null;
            for (var q = 0; q < heights.Length; q++)
            {
                if (current.Levels[q] == 0)
                {
                    continue;
                }

                var next = (int[])current.Levels.Clone();
                next[q]--;
                var candidate = problem.Evaluate(next);
                evaluated++;
                if (candidate.Anonymous && candidate.Utility < (bestStep?.Utility ?? current.Utility) - 1e-12)
                {
                    bestStep = candidate;
                }
            }

            if (bestStep is not null)
            {
                current = bestStep;
                improved = true;
            }
        }

        return new SearchResult(current, "heuristic", problem.NodeCount, evaluated, 0, watch.Elapsed);
    }

    /// <summary>Whether <paramref name="a"/> is at or below <paramref name="b"/> in every level.</summary>
    private static bool Below(int[] a, int[] b)
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

    private static void Decode(long index, int[] heights, int[] levels)
    {
        for (var q = heights.Length - 1; q >= 0; q--)
        {
            levels[q] = (int)(index % heights[q]);
            index /= heights[q];
        }
    }
}
