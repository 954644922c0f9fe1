using System.Text;

namespace Moa.Privacy;

/// <summary>
/// Finds personal information and replaces it with the configured operator: the PII stage of curation and
/// <c>moa pii redact</c>. Built once from <see cref="PiiStageOptions"/>, then thread-safe.
/// </summary>
public sealed class PiiScrubber
{
    private PiiScrubber(PiiAnalyzer analyzer, PiiOperator op, PiiKey? key)
    {
        Analyzer = analyzer;
        Operator = op;
        Key = key;
    }

    /// <summary>The analyzer (types and minimum score) in use.</summary>
    public PiiAnalyzer Analyzer { get; }

    /// <summary>The replacement operator in use.</summary>
    public PiiOperator Operator { get; }

    /// <summary>The key (pseudonym and encrypt operators), else null.</summary>
    public PiiKey? Key { get; }

    /// <summary>
    /// Validates the options and builds a scrubber. Unknown types or operators, a minimum score outside [0, 1], a
    /// missing key file for pseudonym/encrypt, or a key file that is malformed or readable by others throw a
    /// <see cref="MoaException"/> that says what to fix.
    /// </summary>
    public static PiiScrubber Create(PiiStageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var analyzer = new PiiAnalyzer(options.Types, options.MinScore, Names.PersonPolicies.Parse(options.PersonPolicy, "person_policy"), options.Sensitive);
        PiiKey? key = null;
        if (PiiOperator.NeedsKeyFile(options.Operator ?? ""))
        {
            if (string.IsNullOrWhiteSpace(options.KeyFile))
            {
                throw new MoaException(
                    $"the '{options.Operator}' operator needs a key file (key_file in the pii stage config, or --key-file); create one with `moa pii keygen --out FILE`.");
            }

            key = PiiKey.Load(options.KeyFile);
        }

        return new PiiScrubber(analyzer, PiiOperator.Create(options.Operator ?? "", key), key);
    }

    /// <summary>Replaces every finding; returns the same string instance and no findings when there is nothing to replace.</summary>
    public ScrubResult Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var findings = Analyzer.Analyze(text);
        if (findings.Count == 0)
        {
            return new ScrubResult(text, findings);
        }

        var sb = new StringBuilder(text.Length + (findings.Count * 16));
        var last = 0;
        foreach (var f in findings)
        {
            sb.Append(text, last, f.Start - last);
            Operator.Append(sb, f.Type, text.AsSpan(f.Start, f.Length));
            last = f.End;
        }

        sb.Append(text, last, text.Length - last);
        return new ScrubResult(sb.ToString(), findings);
    }
}
