namespace Moa.Privacy;

/// <summary>
/// Turns overlapping candidates into one deterministic, non-overlapping list. Candidates below the minimum score are
/// dropped first; the rest are ranked by higher score, then longer span, then type priority (<see cref="PiiTypes.All"/>
/// order), then earlier start; each is kept unless it overlaps one already kept. The result is ordered by start.
/// </summary>
public static class OverlapResolution
{
    public static IReadOnlyList<PiiFinding> Resolve(List<PiiFinding> candidates, double minScore)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        candidates.RemoveAll(c => c.Score < minScore);
        if (candidates.Count <= 1)
        {
            return candidates.Count == 0 ? [] : [candidates[0]];
        }

        candidates.Sort(static (a, b) =>
        {
            var c = b.Score.CompareTo(a.Score);
            if (c == 0)
            {
                c = b.Length.CompareTo(a.Length);
            }

            if (c == 0)
            {
                c = PiiTypes.Priority(a.Type).CompareTo(PiiTypes.Priority(b.Type));
            }

            return c != 0 ? c : a.Start.CompareTo(b.Start);
        });

        var kept = new List<PiiFinding>(candidates.Count);
        foreach (var c in candidates)
        {
            var overlaps = false;
            foreach (var k in kept)
            {
                if (c.Start < k.End && k.Start < c.End)
                {
                    overlaps = true;
                    break;
                }
            }

            if (!overlaps)
            {
                kept.Add(c);
            }
        }

        kept.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }
}
