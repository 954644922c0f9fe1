using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Moa.Hub.Tests.Infrastructure;

/// <summary>Writes a small `moa curate` output folder (manifest, stats, report, gzip JSONL parts) from the shared NSMC sample.</summary>
internal static class CurateFolder
{
    public static string Create(string dir, int parts = 2, int perPart = 40, string? extraFirstLine = null)
    {
        Directory.CreateDirectory(Path.Combine(dir, "data"));
        var lines = File.ReadLines(TestPaths.Data("text", "nsmc_reviews_sample.jsonl")).Take(parts * perPart).ToList();
        var files = new List<object>();
        long bytesOut = 0;
        for (var p = 0; p < parts; p++)
        {
            var rel = $"data/part-{p:00000}.jsonl.gz";
            var path = Path.Combine(dir, rel);
            using (var fs = File.Create(path))
            using (var gz = new GZipStream(fs, CompressionLevel.Fastest))
            using (var w = new StreamWriter(gz, new UTF8Encoding(false)))
            {
                if (p == 0 && extraFirstLine is not null)
                {
                    w.Write(JsonSerializer.Serialize(new { id = "pii-1", text = extraFirstLine, meta = new { } }) + "\n");
                }

                foreach (var line in lines.Skip(p * perPart).Take(perPart))
                {
                    using var doc = JsonDocument.Parse(line);
                    w.Write(JsonSerializer.Serialize(new { id = doc.RootElement.GetProperty("id").GetString(), text = doc.RootElement.GetProperty("text").GetString(), meta = new { source = "nsmc" } }) + "\n");
                }
            }

            var bytes = new FileInfo(path).Length;
            bytesOut += bytes;
            files.Add(new { path = rel, sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), documents = perPart + (p == 0 && extraFirstLine is not null ? 1 : 0), bytes });
        }

        File.WriteAllText(Path.Combine(dir, "manifest.json"), JsonSerializer.Serialize(new { tool = "moa", version = "0.1.0", config_hash = "c0ffee" + parts, config = new { stages = new[] { "normalise", "quality", "dedup", "pii" } }, files }));
        File.WriteAllText(Path.Combine(dir, "stats.json"), JsonSerializer.Serialize(new
        {
            documents_in = 120,
            documents_out = parts * perPart,
            bytes_in = 50000,
            bytes_out = bytesOut,
            stages = new[]
            {
                new { name = "quality", documents_in = 120, documents_out = 100, bytes_in = 50000, bytes_out = 42000 },
                new { name = "dedup", documents_in = 100, documents_out = parts * perPart, bytes_in = 42000, bytes_out = 40000 },
                new { name = "pii", documents_in = parts * perPart, documents_out = parts * perPart, bytes_in = 40000, bytes_out = 39000 },
            },
            reasons = new Dictionary<string, int> { ["quality.too_short"] = 20, ["dedup.exact"] = 100 - (parts * perPart) },
            languages = new Dictionary<string, int> { ["ko"] = parts * perPart - 2, ["en"] = 2 },
            files,
            tokens_out = 12345,
        }));
        File.WriteAllText(Path.Combine(dir, "report.html"), "<html><body>report</body></html>");
        return dir;
    }
}
