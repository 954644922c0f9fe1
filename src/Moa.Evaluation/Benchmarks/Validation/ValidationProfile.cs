namespace Moa.Evaluation.Benchmarks.Validation;

/// <summary>
/// Size rules a programme sets for a benchmark: how many sub-items (세부 측정 항목) and how many items each.
/// The NIA 2024 call asks for at least 10 sub-items with at least 1,000 items each.
/// </summary>
/// <param name="Name">Profile name as given on the command line.</param>
/// <param name="MinSubsets">Minimum number of sub-items.</param>
/// <param name="MinItemsPerSubset">Minimum number of items in every sub-item.</param>
public sealed record ValidationProfile(string Name, int MinSubsets, int MinItemsPerSubset)
{
    /// <summary>The 2024 call: ≥ 10 sub-items with ≥ 1,000 items each.</summary>
    public static ValidationProfile Nia2024 { get; } = new("nia-2024", 10, 1000);

    /// <summary>No size rules: only the data-quality checks run.</summary>
    public static ValidationProfile None { get; } = new("none", 0, 0);

    /// <summary>The profile names <see cref="Parse"/> knows.</summary>
    public static IReadOnlyList<string> Known { get; } = [Nia2024.Name, None.Name];

    /// <summary>Finds a profile by name.</summary>
    /// <exception cref="MoaException">The name is unknown.</exception>
    public static ValidationProfile Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "nia-2024" => Nia2024,
        "none" => None,
        _ => throw new MoaException($"unknown validation profile '{name}'; known profiles: {string.Join(", ", Known)}."),
    };

    /// <summary>A copy with other minimums (command-line overrides).</summary>
    public ValidationProfile With(int? minSubsets, int? minItemsPerSubset)
    {
        if (minSubsets is < 0 || minItemsPerSubset is < 0)
        {
            throw new MoaException("--min-subsets and --min-items must be zero or positive.");
        }

        return this with { MinSubsets = minSubsets ?? MinSubsets, MinItemsPerSubset = minItemsPerSubset ?? MinItemsPerSubset };
    }
}
