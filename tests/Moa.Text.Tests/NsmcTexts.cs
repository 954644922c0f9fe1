using System.Text.Json;

namespace Moa.Text.Tests;

/// <summary>The review texts of the real NSMC sample, loaded once.</summary>
internal static class NsmcTexts
{
    private static readonly Lazy<string[]> s_all = new(() =>
        [.. File.ReadLines(TestPaths.Data("text", "nsmc_reviews_sample.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!)]);

    public static IReadOnlyList<string> All => s_all.Value;
}
