using Moa.Documents;
using Moa.Documents.Csv;
using Moa.Documents.Jsonl;
using Moa.Documents.PlainText;

namespace Moa.Documents.Tests;

public sealed class ReaderRegistryTests
{
    [Fact]
    public void Default_FindsTextReadersForRealFiles()
    {
        var registry = ReaderRegistry.Default;

        registry.Find(TestPaths.Data("text", "nsmc_reviews_sample.jsonl")).ShouldBeOfType<JsonlReader>();
        registry.Find(TestPaths.Data("providers", "csv", "전국도시공원정보표준데이터.csv")).ShouldBeOfType<CsvReader>();
        registry.Find("notes.md", "# 제목"u8).ShouldBeOfType<PlainTextReader>();
        registry.Find("data.tsv", "a\tb"u8).ShouldBeOfType<CsvReader>();
        registry.Find("shard-0001.jsonl.gz", [0x1F, 0x8B, 0x08, 0]).ShouldBeOfType<JsonlReader>();
        registry.Find("items.json", "[{\"a\":1}]"u8).ShouldBeNull();
        registry.Find("image.png", [0x89, 0x50, 0x4E, 0x47]).ShouldBeNull();
    }
}
