using Moa.Privacy;

namespace Moa.Privacy.Tests.Recognizers;

/// <summary>Small helpers: run the default analyzer and look at what it found.</summary>
internal static class Scan
{
    public static IReadOnlyList<PiiFinding> All(string text, double minScore = 0.5) => new PiiAnalyzer(null, minScore).Analyze(text);

    public static string[] Spans(string text, string type) =>
        [.. All(text).Where(f => f.Type == type).Select(f => text[f.Start..f.End])];

    public static void ShouldFind(string text, string type, string span)
    {
        var found = All(text);
        var match = found.Where(f => f.Type == type && text[f.Start..f.End] == span).ToList();
        match.Count.ShouldBe(1, $"expected {type} '{span}' in '{text}', found: {Describe(text, found)}");
        match[0].Score.ShouldBeInRange(0.5, 1.0);
    }

    public static void ShouldFindNothing(string text, string? type = null)
    {
        var found = All(text).Where(f => type is null || f.Type == type).ToList();
        found.ShouldBeEmpty($"expected no {type ?? "PII"} in '{text}', found: {Describe(text, found)}");
    }

    /// <summary>No finding of any type but <c>PERSON</c> (the person tagger judges words, not numbers).</summary>
    public static void ShouldFindNoIdentifier(string text)
    {
        var found = All(text).Where(f => f.Type != PiiTypes.Person).ToList();
        found.ShouldBeEmpty($"expected no identifier in '{text}', found: {Describe(text, found)}");
    }

    public static string Describe(string text, IEnumerable<PiiFinding> found) =>
        string.Join("; ", found.Select(f => $"{f.Type} '{text[f.Start..f.End]}' {f.Score:0.00}"));
}
