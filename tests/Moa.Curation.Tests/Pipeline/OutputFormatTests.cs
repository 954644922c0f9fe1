using System.Security.Cryptography;
using System.Text.Json;
using DuckDB.NET.Data;
using Moa.Curation.Configuration;
using Moa.Documents.Jsonl;

namespace Moa.Curation.Tests.Pipeline;

/// <summary><c>output.format</c>: the same corpus as gzip JSON lines, Zstandard JSON lines or Parquet, readable by DuckDB.</summary>
public sealed class OutputFormatTests
{
    private static (string Dir, string Input) Corpus()
    {
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "reviews.jsonl");
        var threads = CurationFixture.Threads(300);
        CurationFixture.WriteJsonl(input, threads.Select((t, i) => ($"doc-{i}", t)));
        return (dir, input);
    }

    private static List<CorpusRecord> Records(string dataDir) =>
        [.. Directory.GetFiles(dataDir).Where(CorpusPart.IsPart).Order(StringComparer.Ordinal).SelectMany(f => CorpusPart.Read(f))];

    [Theory]
    [InlineData("jsonl.zst", ".jsonl.zst")]
    [InlineData("parquet", ".parquet")]
    public void Format_HoldsTheSameRecordsAsGzip_AndTheManifestHashesTheFiles(string format, string extension)
    {
        var (dir, input) = Corpus();
        var config = new CurationConfig();
        config.Output.Format = format;
        config.Output.PartBytes = 256 * 1024; // several parts
        config.Output.ParquetRowGroupBytes = 65536; // several row groups per part

        CurationFixture.Run([input], Path.Combine(dir, "gz"));
        CurationFixture.Run([input], Path.Combine(dir, "out"), config);

        var data = Path.Combine(dir, "out", "data");
        var files = Directory.GetFiles(data);
        files.Length.ShouldBeGreaterThan(1);
        files.ShouldAllBe(f => f.EndsWith(extension, StringComparison.Ordinal));
        var expected = Records(Path.Combine(dir, "gz", "data"));
        var actual = Records(data);
        actual.Count.ShouldBe(expected.Count);
        actual.Count.ShouldBeGreaterThan(200);
        for (var i = 0; i < expected.Count; i++)
        {
            actual[i].Id.ShouldBe(expected[i].Id);
            actual[i].Text.ShouldBe(expected[i].Text);
            actual[i].MetaJson.ShouldBe(expected[i].MetaJson); // the meta object exactly as written, whether or not its record was parsed again
        }

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "manifest.json")));
        var entries = manifest.RootElement.GetProperty("files").EnumerateArray().Where(f => f.GetProperty("kind").GetString() == "data").ToList();
        entries.Count.ShouldBe(files.Length);
        foreach (var entry in entries)
        {
            var path = Path.Combine(dir, "out", entry.GetProperty("path").GetString()!);
            Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))).ShouldBe(entry.GetProperty("sha256").GetString());
        }

        // Same bytes for any worker count.
        CurationFixture.Run([input], Path.Combine(dir, "one"), config, workers: 1);
        CurationFixture.DataBytes(Path.Combine(dir, "one")).ShouldBe(CurationFixture.DataBytes(Path.Combine(dir, "out")));
    }

    /// <summary>
    /// Parquet pages are compressed at the run's <c>output.compression</c> level (Parquet.Net's own default is zstd 19, which
    /// cost several times the CPU of the whole rest of a run): <c>optimal</c> and <c>fastest</c> give larger files than
    /// <c>smallest</c>, with the same records.
    /// </summary>
    [Fact]
    public void Parquet_CompressionLevelFollowsTheConfig()
    {
        var (dir, input) = Corpus();
        var sizes = new Dictionary<string, long>();
        List<CorpusRecord>? first = null;
        foreach (var level in new[] { "fastest", "optimal", "smallest" })
        {
            var config = new CurationConfig();
            config.Output.Format = "parquet";
            config.Output.Compression = level;
            CurationFixture.Run([input], Path.Combine(dir, level), config);
            var data = Path.Combine(dir, level, "data");
            sizes[level] = Directory.GetFiles(data).Sum(f => new FileInfo(f).Length);
            var records = Records(data);
            first ??= records;
            records.Select(r => (r.Id, r.Text, r.MetaJson)).ShouldBe(first.Select(r => (r.Id, r.Text, r.MetaJson)));
        }

        sizes["optimal"].ShouldBeGreaterThan(sizes["smallest"]);
        sizes["fastest"].ShouldBeGreaterThanOrEqualTo(sizes["optimal"]);
    }

    [Fact]
    public void ParquetAndZstdParts_AreReadByDuckDb()
    {
        var (dir, input) = Corpus();
        var parquet = new CurationConfig();
        parquet.Output.Format = "parquet";
        var zstd = new CurationConfig();
        zstd.Output.Format = "jsonl.zst";
        CurationFixture.Run([input], Path.Combine(dir, "pq"), parquet);
        CurationFixture.Run([input], Path.Combine(dir, "zs"), zstd);
        var expected = Records(Path.Combine(dir, "pq", "data"));

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*), sum(strlen(text))::BIGINT, min(id), count(DISTINCT json_extract_string(meta, '$.lang')) FROM read_parquet('{Path.Combine(dir, "pq", "data")}/*.parquet')";
        using (var reader = command.ExecuteReader())
        {
            reader.Read().ShouldBeTrue();
            reader.GetInt64(0).ShouldBe(expected.Count);
            reader.GetInt64(1).ShouldBe(expected.Sum(r => (long)System.Text.Encoding.UTF8.GetByteCount(r.Text)), "UTF-8 bytes of text");
            reader.GetString(2).ShouldBe(expected.Select(r => r.Id).Min(StringComparer.Ordinal));
            reader.GetInt64(3).ShouldBeGreaterThanOrEqualTo(1);
        }

        command.CommandText = $"SELECT count(*) FROM read_json('{Path.Combine(dir, "zs", "data")}/*.jsonl.zst', format = 'newline_delimited', compression = 'zstd')";
        Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected.Count);
    }

    [Fact]
    public void DamagedParts_AreReportedByFile()
    {
        var dir = TestPaths.NewTempDir();
        var zst = Path.Combine(dir, "part-00000.jsonl.zst");
        File.WriteAllBytes(zst, [0x28, 0xB5, 0x2F, 0xFD, 1, 2, 3, 4, 5]);
        Should.Throw<Moa.Documents.DocumentReadException>(() => CorpusPart.Read(zst).ToList()).Message.ShouldContain("part-00000.jsonl.zst");
        var pq = Path.Combine(dir, "part-00000.parquet");
        File.WriteAllText(pq, "not parquet");
        Should.Throw<Moa.Documents.DocumentReadException>(() => CorpusPart.Read(pq).ToList()).Message.ShouldContain("part-00000.parquet");
        var bad = Path.Combine(dir, "bad.jsonl");
        File.WriteAllText(bad, "{\"id\":\"a\",\"text\":\"ok\"}\n{broken\n");
        Should.Throw<Moa.Documents.DocumentReadException>(() => CorpusPart.Read(bad).ToList()).Message.ShouldContain("bad.jsonl:2");
    }
}
