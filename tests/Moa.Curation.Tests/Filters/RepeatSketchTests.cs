using Moa.Curation.Filters;

namespace Moa.Curation.Tests.Filters;

/// <summary>
/// <see cref="RepeatSketch"/> promises that a hash added twice or more always may repeat (so n-gram repetition and keyword
/// pairs may skip the others), and that most hashes added once do not (the skip is worth it).
/// </summary>
public sealed class RepeatSketchTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(20_000)]
    public void MayRepeat_EveryRepeatedHash_IsTrue_FewSingleOnesAre(int count)
    {
        var random = new Random(count);
        var hashes = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            hashes[i] = (ulong)random.NextInt64() | 1;
        }

        var sketch = new RepeatSketch();
        sketch.Begin(count + (count / 4));
        foreach (var h in hashes)
        {
            sketch.Add(h);
        }

        // A quarter of them again: those must always answer true.
        for (var i = 0; i < count / 4; i++)
        {
            sketch.Add(hashes[i * 4]);
        }

        var singleTrue = 0;
        for (var i = 0; i < count; i++)
        {
            var repeated = i % 4 == 0 && i / 4 < count / 4;
            if (repeated)
            {
                sketch.MayRepeat(hashes[i]).ShouldBeTrue();
            }
            else if (sketch.MayRepeat(hashes[i]))
            {
                singleTrue++;
            }
        }

        // About eight bits per hash: a single hash shares its bit with another about one time in eight.
        singleTrue.ShouldBeLessThanOrEqualTo(Math.Max(1, count / 5));
    }

    [Fact]
    public void Begin_ForgetsEarlierHashes()
    {
        var sketch = new RepeatSketch();
        sketch.Begin(10);
        sketch.Add(42);
        sketch.Add(42);
        sketch.MayRepeat(42).ShouldBeTrue();

        sketch.Begin(10);
        sketch.MayRepeat(42).ShouldBeFalse();
        sketch.Add(42);
        sketch.MayRepeat(42).ShouldBeFalse();
    }
}
