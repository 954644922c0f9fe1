using System.Text.RegularExpressions;

namespace Moa.Evaluation.Tasks;

/// <summary>
/// How an lm-evaluation-harness <c>generate_until</c> task generates and scores: greedy generation up to <c>max_gen_toks</c>
/// that stops at the first <c>until</c> string, the task's filter pipelines (<c>regex</c>, <c>take_first</c>) applied to the
/// generated text, and <c>exact_match</c> of each pipeline's answer against the target.
/// </summary>
public sealed record LmEvalGeneration
{
    /// <summary>Stop strings (<c>generation_kwargs.until</c>); the text is cut before the first one the model produced.</summary>
    public IReadOnlyList<string> Until { get; init; } = [];

    /// <summary><c>generation_kwargs.max_gen_toks</c> (lm-eval's default 256), sent as <c>max_tokens</c>.</summary>
    public int MaxGenToks { get; init; } = 256;

    /// <summary>The filter pipelines (<c>filter_list</c>); lm-eval's default is one pipeline <c>none</c> = <c>take_first</c>.</summary>
    public IReadOnlyList<LmEvalFilter> Filters { get; init; } = [LmEvalFilter.None];

    /// <summary>The <c>exact_match</c> options of <c>metric_list</c>.</summary>
    public ExactMatchOptions ExactMatch { get; init; } = new();

    /// <summary>The metric name of a pipeline: <c>exact_match</c> for a single pipeline, else <c>exact_match,NAME</c> as lm-eval reports it.</summary>
    public string MetricName(LmEvalFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Filters.Count == 1 ? "exact_match" : "exact_match," + filter.Name;
    }

    /// <summary>The generated text cut before the first occurrence of any <see cref="Until"/> string (as lm-eval's <c>s.split(term)[0]</c> for each term).</summary>
    public string Cut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var term in Until)
        {
            if (term.Length > 0 && text.IndexOf(term, StringComparison.Ordinal) is var at and >= 0)
            {
                text = text[..at];
            }
        }

        return text;
    }
}

/// <summary>One lm-eval filter step: <c>regex</c> (with <c>regex_pattern</c>, <c>group_select</c>, <c>fallback</c>) or <c>take_first</c>.</summary>
public sealed record LmEvalFilterStep
{
    private readonly Regex? _regex;

    /// <summary>A <c>take_first</c> step: with one generation per item it keeps the text as it is.</summary>
    public LmEvalFilterStep()
    {
        Function = "take_first";
    }

    /// <summary>A <c>regex</c> step. Python's <c>(?P&lt;name&gt;…)</c> groups are read as .NET named groups.</summary>
    public LmEvalFilterStep(string pattern, int groupSelect = 0, string fallback = "[invalid]")
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Function = "regex";
        Pattern = pattern;
        GroupSelect = groupSelect;
        Fallback = fallback;
        _regex = new Regex(pattern.Replace("(?P<", "(?<", StringComparison.Ordinal), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
    }

    public string Function { get; }

    public string? Pattern { get; }

    public int GroupSelect { get; }

    public string Fallback { get; } = "[invalid]";

    /// <summary>
    /// As lm-eval's <c>RegexFilter</c>: <c>findall</c> (the whole match without groups, group 1 with one group, the first
    /// non-empty group with several), the <c>group_select</c>-th result (negative counts from the end), stripped; the
    /// fallback when nothing matches (or the selected result does not exist).
    /// </summary>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_regex is null)
        {
            return text;
        }

        var matches = _regex.Matches(text);
        var index = GroupSelect < 0 ? matches.Count + GroupSelect : GroupSelect;
        if (matches.Count == 0 || index < 0 || index >= matches.Count)
        {
            return Fallback;
        }

        var match = matches[index];
        var groups = _regex.GetGroupNumbers().Length - 1;
        var found = groups switch
        {
            0 => match.Value,
            1 => match.Groups[1].Value,
            _ => Enumerable.Range(1, groups).Select(g => match.Groups[g].Value).FirstOrDefault(v => v.Length > 0),
        };
        return found is null ? Fallback : found.Trim();
    }
}

/// <summary>A named filter pipeline of <c>filter_list</c>.</summary>
public sealed record LmEvalFilter(string Name, IReadOnlyList<LmEvalFilterStep> Steps)
{
    /// <summary>lm-eval's pipeline when a task has no <c>filter_list</c>.</summary>
    public static LmEvalFilter None { get; } = new("none", [new LmEvalFilterStep()]);

    public string Apply(string text) => Steps.Aggregate(text, (t, step) => step.Apply(t));
}

/// <summary>
/// lm-eval's <c>exact_match</c> (Hugging Face <c>evaluate</c>'s): each <c>regexes_to_ignore</c> pattern removed from both
/// texts, then lower case (<c>ignore_case</c>), ASCII punctuation removed (<c>ignore_punctuation</c>, Python's
/// <c>string.punctuation</c>), digits removed (<c>ignore_numbers</c>), then 1 when equal, else 0.
/// </summary>
public sealed record ExactMatchOptions
{
    private const string AsciiPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public bool IgnoreCase { get; init; }

    public bool IgnorePunctuation { get; init; }

    public bool IgnoreNumbers { get; init; }

    public IReadOnlyList<string> RegexesToIgnore { get; init; } = [];

    public double Score(string prediction, string reference)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(reference);
        return string.Equals(Normalize(prediction), Normalize(reference), StringComparison.Ordinal) ? 1.0 : 0.0;
    }

    private string Normalize(string text)
    {
        foreach (var pattern in RegexesToIgnore)
        {
            text = Regex.Replace(text, pattern, string.Empty, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
        }

        if (IgnoreCase)
        {
            text = text.ToLowerInvariant();
        }

        if (IgnorePunctuation)
        {
            text = string.Concat(text.Where(c => !AsciiPunctuation.Contains(c, StringComparison.Ordinal)));
        }

        if (IgnoreNumbers)
        {
            text = string.Concat(text.Where(c => !char.IsAsciiDigit(c)));
        }

        return text;
    }
}
