using System.Buffers;
using System.Runtime.CompilerServices;
using Moa.Privacy.Analysis;
using Moa.Privacy.Names;
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

    // Bytes without which MayFind is false for a JSON string value: ASCII digits, '@', ')' and ']' (e-mail), '\' (an
    // escape may encode any of them) and 0xEF, the lead byte of every full-width form (U+F000-U+FFFF in UTF-8).
    private static readonly SearchValues<byte> s_utf8Triggers = SearchValues.Create([.. "0123456789@)]\\"u8, 0xEF]);

    private readonly uint _mask;
    private readonly PersonModel? _personModel;
    private readonly PersonReranker? _personReranker;

    // Candidate buffer reused per thread: the analyzer allocates only when it finds something.
    [ThreadStatic]
    private static List<PiiFinding>? t_candidates;

    /// <summary>An analyzer with every type enabled and the default minimum score 0.5.</summary>
    public static PiiAnalyzer Default { get; } = new();

    /// <param name="types">Types to report (names from <see cref="PiiTypes"/>); null or empty means all.</param>
    /// <param name="minScore">Findings scoring below this are dropped (0..1).</param>
    /// <param name="personPolicy">Which persons are reported; under <c>All</c> and <c>Private</c> each carries its reason.</param>
    /// <param name="sensitive">The dataset is marked sensitive: every person is private.</param>
    public PiiAnalyzer(IEnumerable<string>? types = null, double minScore = 0.5, PersonPolicy personPolicy = PersonPolicy.All, bool sensitive = false)
        : this(types, minScore, null, personPolicy, sensitive, PersonReranker.Default)
    {
    }

    /// <summary>
    /// An analyzer that uses <paramref name="personModel"/> instead of the shipped person tagger and
    /// <paramref name="reranker"/> (null: none) to score its person candidates (evaluation of trained models).
    /// </summary>
    internal PiiAnalyzer(IEnumerable<string>? types, double minScore, PersonModel? personModel, PersonPolicy personPolicy = PersonPolicy.All, bool sensitive = false, PersonReranker? reranker = null)
    {
        _personModel = personModel;
        _personReranker = reranker;
        PersonPolicy = personPolicy;
        Sensitive = sensitive;
        if (double.IsNaN(minScore) || minScore is < 0 or > 1)
        {
            throw new MoaException($"min score must be between 0 and 1, got {minScore}.");
        }

        _mask = PiiTypes.ParseMask(types);
        if (personPolicy == PersonPolicy.None)
        {
            _mask &= ~s_personBit;
        }

        MinScore = minScore;
        Types = [.. PiiTypes.All.Where(t => (_mask & PiiTypes.Bit(t)) != 0)];
    }

    /// <summary>Which persons are reported.</summary>
    public PersonPolicy PersonPolicy { get; }

    /// <summary>Whether the dataset is marked sensitive (every person private).</summary>
    public bool Sensitive { get; }

    /// <summary>The minimum score a finding needs to be reported.</summary>
    public double MinScore { get; }

    /// <summary>The enabled types, in priority order.</summary>
    public IReadOnlyList<string> Types { get; }

    /// <summary>Non-overlapping findings ordered by start offset (UTF-16 code units).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<PiiFinding> Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var candidates = t_candidates ??= new List<PiiFinding>(16);
        candidates.Clear();
        Collect(text, candidates);
        if (candidates.Count == 0)
        {
            return [];
        }

        var result = OverlapResolution.Resolve(candidates, MinScore);
        candidates.Clear();
        return (_mask & s_personBit) != 0 ? ApplyPersonPolicy(text, result) : result;
    }

    /// <summary>
    /// False when <see cref="Analyze"/> is certain to find nothing in <paramref name="text"/> (no digit, ASCII or full
    /// width, no '@' or spelled-out "[at]", and no context word for the enabled types), so callers holding a span can
    /// skip making a string of it.
    /// </summary>
    internal bool MayFind(ReadOnlySpan<char> text) =>
        text.ContainsAnyInRange('0', '9')
        || text.ContainsAnyInRange(FullWidth.FirstDigit, FullWidth.LastDigit)
        || ((_mask & s_emailBit) != 0 && (Email.MayMatch(text) || text.Contains(FullWidth.AtSign)))
        || ((_mask & s_personBit) != 0 && Person.MayMatch(text));

    /// <summary>
    /// False when <see cref="MayFind"/> is certain to be false for the text whose JSON string value (UTF-8, escapes not
    /// decoded) is <paramref name="utf8"/>, so callers can skip decoding it: no person type is enabled, and the bytes hold
    /// no ASCII digit, '@', escape, spelled-out at sign ("(at)", "[at]") or full-width digit or '＠'. A vectorised search
    /// for the trigger bytes; a ')' or ']' is then checked by its three bytes before (ASCII, so the same as the three
    /// characters <see cref="Email.MayMatch"/> checks), and a full-width lead byte by its two bytes after, so full-width
    /// punctuation (？, ！, ～) and ordinary brackets do not make a text be decoded.
    /// </summary>
    internal bool MayFindUtf8(ReadOnlySpan<byte> utf8)
    {
        if ((_mask & s_personBit) != 0)
        {
            return true;
        }

        for (var k = utf8.IndexOfAny(s_utf8Triggers); k >= 0;)
        {
            var b = utf8[k];
            if (b == 0xEF)
            {
                // U+FF10-U+FF19 (full-width digits) are EF BC 90-99, U+FF20 ('＠') is EF BC A0.
                if (k + 2 < utf8.Length && utf8[k + 1] == 0xBC && (utf8[k + 2] is >= 0x90 and <= 0x99 or 0xA0))
                {
                    return true;
                }
            }
            else if (b is (byte)')' or (byte)']')
            {
                if (k >= 3 && utf8[k - 3] == (b == ')' ? '(' : '[') && (utf8[k - 2] | 0x20) == 'a' && (utf8[k - 1] | 0x20) == 't')
                {
                    return true;
                }
            }
            else
            {
                return true; // a digit, '@' or an escape
            }

            var next = utf8[(k + 1)..].IndexOfAny(s_utf8Triggers);
            k = next < 0 ? -1 : k + 1 + next;
        }

        return false;
    }

    /// <summary>Gives every person its private/public reason and, under <see cref="PersonPolicy.Private"/>, drops the public ones.</summary>
    private IReadOnlyList<PiiFinding> ApplyPersonPolicy(string text, IReadOnlyList<PiiFinding> findings)
    {
        List<PiiFinding>? judged = null;
        var (previousEnd, previousReason) = (-1, "");
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            if (f.Type != PiiTypes.Person)
            {
                judged?.Add(f);
                continue;
            }

            judged ??= [.. findings.Take(i)];

            // The same person written another way in the brackets that give the name's age takes the name's reason (비카스
            // 라이(Bikash Rai·34) 씨는: a private person's age).
            var alias = previousEnd >= 0 && f.Start == previousEnd + 1 && text[previousEnd] == '(' && previousReason == "age in brackets";
            var reason = alias ? previousReason : PrivateContext.Judge(text, f, findings, Sensitive);
            (previousEnd, previousReason) = (f.End, reason);
            if (PersonPolicy == PersonPolicy.All || PersonPolicies.IsPrivate(reason))
            {
                judged.Add(f with { Reason = reason });
            }
        }

        return judged ?? findings;
    }

    /// <summary>Every candidate of an enabled type before score filtering and overlap resolution (for diagnostics and tests).</summary>
    /// <remarks>
    /// These are the re-ranker's input: the document-level person passes (<see cref="PersonLayout"/>), which run after
    /// the re-ranker in <see cref="Analyze"/>, are left out; <see cref="PersonLayout.Propagate"/> adds them.
    /// </remarks>
    internal List<PiiFinding> Candidates(string text)
    {
        var candidates = new List<PiiFinding>();
        Collect(text, candidates, layout: false);
        return candidates;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Collect(string text, List<PiiFinding> candidates, bool layout = true)
    {
        // Full-width forms (０１０－１２３４) are folded to ASCII one for one, so offsets stay those of the original text.
        var folded = FullWidth.Fold(text);
        var span = folded.AsSpan();
        if (span.ContainsAnyInRange('0', '9'))
        {
            NumberScanner.Scan(folded, _mask, candidates);
        }

        if ((_mask & s_emailBit) != 0)
        {
            if (span.Contains('@'))
            {
                Email.Scan(folded, candidates);
            }

            if (span.IndexOfAny(')', ']') >= 0)
            {
                Email.ScanSpelled(folded, candidates);
            }
        }

        if ((_mask & s_personBit) != 0)
        {
            var before = candidates.Count;
            Person.Scan(text, candidates, _personModel ?? PersonModel.Default);
            _personReranker?.Rescore(text, candidates, before);
            if (layout)
            {
                PersonLayout.Propagate(text, candidates, before);
            }
        }

        // Recognisers that emit several types (13-digit numbers) may produce a disabled one.
        for (var i = candidates.Count - 1; i >= 0; i--)
        {
            if ((_mask & PiiTypes.Bit(candidates[i].Type)) == 0)
            {
                candidates.RemoveAt(i);
            }
        }
    }
}
