using System.IO.Enumeration;

namespace Moa.Curation.Filters;

/// <summary>Where a document came from, as far as choosing its filter profile goes.</summary>
/// <param name="Format">The reader's format (jsonl, pdf, hwp, ...).</param>
/// <param name="Provider">The provider, if the run names one.</param>
/// <param name="Source">The input file path.</param>
public readonly record struct DocumentContext(string? Format, string? Provider, string? Source);

/// <summary>
/// The quality stage with profiles: measures every signal once (with the top-level settings), tags the document's
/// genre, chooses its profile and decides with that profile's thresholds. Thread-safe, one instance per run.
/// </summary>
public sealed class QualityStage
{
    private readonly QualityOptions _options;
    private readonly QualityFilterSet _measure;
    private readonly Dictionary<string, QualityFilterSet> _profiles;

    /// <exception cref="MoaException">An option, profile or mapping is invalid; the message names the YAML key.</exception>
    public QualityStage(QualityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _measure = new QualityFilterSet(options);
        _profiles = QualityProfiles.Resolve(options).ToDictionary(kv => kv.Key, kv => new QualityFilterSet(kv.Value), StringComparer.Ordinal);
    }

    /// <summary>The names of the profiles this stage knows.</summary>
    public IEnumerable<string> ProfileNames => _profiles.Keys;

    /// <summary>Measures, tags and decides one NFC-normalised document.</summary>
    public FilterOutcome Evaluate(string text, string language, DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        language ??= "other";
        var signals = DocumentSignals.ForCurrentThread();
        var finalText = _measure.Measure(text, language, signals);
        var profile = ChooseProfile(context, signals.Genre);
        var hit = _profiles[profile].Decide(signals, language);
        return new FilterOutcome(hit is null, hit?.Rule, finalText, signals.All())
        {
            Value = hit?.Value ?? 0,
            Threshold = hit?.Threshold ?? 0,
            Genre = signals.Genre,
            Profile = profile,
        };
    }

    /// <summary>Decides from stored signals (for <c>moa curate refilter</c>): the profile chosen and the rule that fired, if any.</summary>
    internal (string Profile, RuleHit? Hit) Decide(DocumentSignals signals, string language, DocumentContext context)
    {
        var profile = ChooseProfile(context, signals.Genre);
        return (profile, _profiles[profile].Decide(signals, language));
    }

    /// <summary>
    /// The profile for a document: the input mapping, then the provider mapping, then a fixed <c>quality.profile</c>,
    /// then (under auto) the format mapping, then the genre (technical and code → technical, conversation → conversation, else web).
    /// </summary>
    public string ChooseProfile(DocumentContext context, Genre genre)
    {
        if (context.Source is { } source)
        {
            foreach (var (pattern, profile) in _options.ProfileByInput)
            {
                if (MatchesInput(pattern, source))
                {
                    return profile;
                }
            }
        }

        if (context.Provider is { } provider && _options.ProfileByProvider.TryGetValue(provider, out var byProvider))
        {
            return byProvider;
        }

        if (_options.Profile != QualityProfiles.Auto)
        {
            return _options.Profile;
        }

        if (context.Format is { } format && _options.ProfileByFormat.TryGetValue(format, out var byFormat))
        {
            return byFormat;
        }

        return genre switch
        {
            Genre.Technical or Genre.Code => QualityProfiles.Technical,
            Genre.Conversation => QualityProfiles.Conversation,
            _ => QualityProfiles.Web,
        };
    }

    private static bool MatchesInput(string pattern, string source)
    {
        var p = pattern.Replace('\\', '/').TrimEnd('/');
        var s = source.Replace('\\', '/');
        return s == p || s.StartsWith(p + "/", StringComparison.Ordinal)
            || FileSystemName.MatchesSimpleExpression(p, s, ignoreCase: false)
            || FileSystemName.MatchesSimpleExpression(p, Path.GetFileName(s), ignoreCase: false);
    }
}
