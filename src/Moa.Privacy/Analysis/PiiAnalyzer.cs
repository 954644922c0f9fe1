using Moa.Privacy.Analysis;
using Moa.Privacy.Recognizers;

namespace Moa.Privacy;

/// <summary>
/// Finds personal information in text with every enabled recogniser and resolves overlaps (see
/// <see cref="OverlapResolution"/>). Immutable and thread-safe: build one and share it.
/// Text without digits, '@' or a context word costs three vectorised passes.
/// </summary>
public sealed class PiiAnalyzer
{
    private static readonly uint s_emailBit = PiiTypes.Bit(PiiTypes.Email);
    private static readonly uint s_personBit = PiiTypes.Bit(PiiTypes.Person);
    private readonly uint _mask;

    /// <summary>An analyzer with every type enabled and the default minimum score 0.5.</summary>
    public static PiiAnalyzer Default { get; } = new();

    /// <param name="types">Types to report (names from <see cref="PiiTypes"/>); null or empty means all.</param>
    /// <param name="minScore">Findings scoring below this are dropped (0..1).</param>
    public PiiAnalyzer(IEnumerable<string>? types = null, double minScore = 0.5)
    {
        if (double.IsNaN(minScore) || minScore is < 0 or > 1)
        {
            throw new MoaException($"min score must be between 0 and 1, got {minScore}.");
        }

        _mask = PiiTypes.ParseMask(types);
        MinScore = minScore;
        Types = [.. PiiTypes.All.Where(t => (_mask & PiiTypes.Bit(t)) != 0)];
    }

    /// <summary>The minimum score a finding needs to be reported.</summary>
    public double MinScore { get; }

    /// <summary>The enabled types, in priority order.</summary>
    public IReadOnlyList<string> Types { get; }

    /// <summary>Non-overlapping findings ordered by start offset (UTF-16 code units).</summary>
    public IReadOnlyList<PiiFinding> Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<PiiFinding>? candidates = null;
        Collect(text, ref candidates);
        if (candidates is null || candidates.Count == 0)
        {
            return [];
        }

        return OverlapResolution.Resolve(candidates, MinScore);
    }

    /// <summary>Every candidate of an enabled type before score filtering and overlap resolution (for diagnostics and tests).</summary>
    internal List<PiiFinding> Candidates(string text)
    {
        List<PiiFinding>? candidates = null;
        Collect(text, ref candidates);
        return candidates ?? [];
    }

    private void Collect(string text, ref List<PiiFinding>? candidates)
    {
        var span = text.AsSpan();
        if (span.ContainsAnyInRange('0', '9'))
        {
            candidates ??= [];
            NumberScanner.Scan(text, _mask, candidates);
        }

        if ((_mask & s_emailBit) != 0 && span.Contains('@'))
        {
            candidates ??= [];
            Email.Scan(text, candidates);
        }

        if ((_mask & s_personBit) != 0)
        {
            candidates ??= [];
            Person.Scan(text, candidates);
        }

        if (candidates is not null)
        {
            var mask = _mask;
            candidates.RemoveAll(c => (mask & PiiTypes.Bit(c.Type)) == 0);
        }
    }
}
