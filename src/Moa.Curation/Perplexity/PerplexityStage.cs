using System.Collections.Concurrent;
using Moa.Curation.Filters;

namespace Moa.Curation.Perplexity;

/// <summary>A document's perplexity and its bucket.</summary>
internal readonly record struct PerplexityScore(double Perplexity, string Bucket);

/// <summary>
/// Scores documents for the quality stage with the configured <see cref="QualityLanguageModel"/>. Only Korean text is
/// scored: documents identified as <c>ko</c>, or, when language identification is off, documents whose letters are
/// at least half Hangul; others get no score. Models are loaded once per process and path.
/// </summary>
internal sealed class PerplexityStage
{
    /// <summary>Rule name of removals, as in <c>quality:perplexity.max_perplexity</c>.</summary>
    public const string Rule = "perplexity.max_perplexity";

    private static readonly ConcurrentDictionary<string, Lazy<QualityLanguageModel>> s_models = new(StringComparer.Ordinal);

    private PerplexityStage(QualityLanguageModel model, double? maxPerplexity, int maxChars)
    {
        Model = model;
        MaxPerplexity = maxPerplexity;
        MaxChars = maxChars;
    }

    public QualityLanguageModel Model { get; }

    public double? MaxPerplexity { get; }

    public int MaxChars { get; }

    /// <summary>
    /// The stage for a quality config, or null when the quality stage or the perplexity signal is off. Validates the
    /// settings and loads the model, so a bad value or a missing or damaged model file stops a run before any work.
    /// </summary>
    public static PerplexityStage? Create(QualityOptions quality)
    {
        ArgumentNullException.ThrowIfNull(quality);
        var options = quality.Perplexity
            ?? throw new MoaException("quality.perplexity is empty in the pipeline configuration: give it settings (e.g. 'enabled: false') or remove the key to use the defaults.");
        Validate(options);
        if (!quality.Enabled || !options.Enabled)
        {
            return null;
        }

        return new PerplexityStage(LoadModel(options.Model), options.MaxPerplexity, options.MaxChars);
    }

    /// <summary>Checks the settings, naming the key at fault.</summary>
    public static void Validate(PerplexityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxPerplexity is { } max && (double.IsNaN(max) || max <= 1))
        {
            throw new MoaException(FormattableString.Invariant(
                $"quality.perplexity.max_perplexity is {max}; expected a perplexity above 1 (or ~ to only tag documents). Fix the pipeline configuration."));
        }

        if (options.MaxChars < 0)
        {
            throw new MoaException(FormattableString.Invariant(
                $"quality.perplexity.max_chars is {options.MaxChars}; expected a number of characters of 0 or more (0 scores whole documents). Fix the pipeline configuration."));
        }

        if (options.Model is { } path && string.IsNullOrWhiteSpace(path))
        {
            throw new MoaException("quality.perplexity.model is empty; give the path of a model built by 'moa curate train-lm', or ~ for the model shipped with Moa.");
        }
    }

    /// <summary>The score of a document, or null when it is not Korean text.</summary>
    public PerplexityScore? Score(string text, string language)
    {
        if (language != "ko" && !(language == "und" && MostlyHangul(text)))
        {
            return null;
        }

        return Model.Perplexity(text, MaxChars) is { } ppl ? new PerplexityScore(ppl, Model.Bucket(ppl)) : null;
    }

    private static QualityLanguageModel LoadModel(string? path)
    {
        if (path is null)
        {
            return QualityLanguageModel.Embedded;
        }

        var full = Path.GetFullPath(path);
        var lazy = s_models.GetOrAdd(full, p => new Lazy<QualityLanguageModel>(() => QualityLanguageModel.Load(p)));
        try
        {
            return lazy.Value;
        }
        catch (MoaException)
        {
            s_models.TryRemove(full, out _);
            throw;
        }
    }

    private static bool MostlyHangul(string text)
    {
        long hangul = 0, letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (c is >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F')
                {
                    hangul++;
                }
            }
        }

        return letters > 0 && hangul * 2 >= letters;
    }
}
