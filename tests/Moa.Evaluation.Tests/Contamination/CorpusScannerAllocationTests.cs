using System.Text;
using System.Text.Json;
using Moa.Evaluation.Contamination;
using static Moa.Evaluation.Tests.Benchmarks.BenchmarkFixtures;

namespace Moa.Evaluation.Tests.Contamination;

/// <summary><see cref="CorpusScanner"/> promises that its per-line, per-character loop allocates nothing.</summary>
public sealed class CorpusScannerAllocationTests
{
    private static byte[] Jsonl(int lines) => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, lines).Select(i =>
        JsonSerializer.Serialize(new { id = $"d{i}", text = $"국가 인공지능 말뭉치 {i} 번째 문서 \"인용\" 입니다", meta = new { source = "test" } }) + "\n")));

    private static long Allocated(CorpusScanner scanner, byte[] jsonl)
    {
        return Allocations.Least(() => scanner.ScanJsonl(jsonl, "part.jsonl", "c"));
    }

    [Theory]
    [InlineData(NGramUnit.Word, 3)]
    [InlineData(NGramUnit.Character, 13)]
    public void ScanJsonl_MoreLines_NoMoreAllocation(NGramUnit unit, int n)
    {
        var index = ContaminationIndex.Build([Item("q", "s", "전혀 겹치지 않는 벤치마크 문항의 질문 문장", ["하나", "둘"], 0)], unit, n);
        var scanner = new CorpusScanner(index);

        // Each scan allocates its FileHits; the 2,000 lines on top of the one must add nothing.
        Allocated(scanner, Jsonl(2_000)).ShouldBe(Allocated(scanner, Jsonl(1)));
    }
}
