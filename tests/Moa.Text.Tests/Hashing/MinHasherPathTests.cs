using System.Runtime.Intrinsics;
using Moa.Text.Hashing;

namespace Moa.Text.Tests.Hashing;

public class MinHasherPathTests
{
    private static readonly string[] s_texts =
    [
        "",
        "한 단어",
        "국가 인공지능 파운데이션 모델 말뭉치 정제 파이프라인은 중복 문서를 제거하고 개인정보를 가린다",
        string.Join(' ', Enumerable.Range(0, 400).Select(i => $"단어{i % 97} word{i % 13}")),
    ];

    [Theory]
    [InlineData("oph", 20, 5)]
    [InlineData("classic", 20, 5)]
    [InlineData("cminhash", 20, 5)]
    [InlineData("classic", 3, 5)]
    [InlineData("cminhash", 7, 3)]
    [InlineData("oph", 64, 4)]
    public void ForcedScalarAndVector256Paths_EqualVectorPath(string method, int bands, int rows)
    {
        var options = new MinHashOptions { Method = method, Bands = bands, Rows = rows, ShingleWords = 2 };
        var vector = new MinHasher(options);
        var scalar = new MinHasher(options) { ForceScalar = true };
        var scalarWalk = new MinHasher(options) { ForceScalar = true, ForceWalkDensification = true };
        var vector256 = new MinHasher(options) { ForceVector256 = true };
        var length = bands * rows;
        foreach (var text in s_texts)
        {
            var a = new ulong[length];
            var b = new ulong[length];
            var c = new ulong[length];
            var d = new ulong[length];
            vector.ComputeSignature(text, a);
            vector256.ComputeSignature(text, d);
            scalar.ComputeSignature(text, b);
            scalarWalk.ComputeSignature(text, c);
            b.ShouldBe(a, $"{method}: '{text[..Math.Min(20, text.Length)]}'");
            c.ShouldBe(a);
            d.ShouldBe(a);
            var bandsA = new ulong[bands];
            var bandsB = new ulong[bands];
            vector.ComputeBandHashes(text, bandsA);
            scalar.ComputeBandHashes(text, bandsB);
            bandsB.ShouldBe(bandsA);
        }
    }

    [Fact]
    public void VectorPath_IsTheOneTestedHere()
    {
        // The comparison above is only meaningful where the default path is vectorised; on this project's machines it is.
        (Vector256.IsHardwareAccelerated || Vector512.IsHardwareAccelerated).ShouldBeTrue();
    }
}
