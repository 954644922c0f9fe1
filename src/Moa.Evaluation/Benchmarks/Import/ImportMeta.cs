using System.Text.Json;

namespace Moa.Evaluation.Benchmarks.Import;

/// <summary>Builds the <c>meta</c> object of imported items: where each came from and fields kept from the source.</summary>
internal static class ImportMeta
{
    public static Dictionary<string, JsonElement> Source(string root, string file, int line)
    {
        var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        return new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            ["source_file"] = BenchmarkItemJson.Text(relative == "." ? Path.GetFileName(file) : relative),
            ["source_line"] = BenchmarkItemJson.Index(line),
        };
    }

    public static Dictionary<string, JsonElement> With(this Dictionary<string, JsonElement> meta, string key, string value)
    {
        meta[key] = BenchmarkItemJson.Text(value);
        return meta;
    }

    public static Dictionary<string, JsonElement> With(this Dictionary<string, JsonElement> meta, string key, int value)
    {
        meta[key] = BenchmarkItemJson.Index(value);
        return meta;
    }

    public static string RootOf(string source) => File.Exists(source) ? Path.GetDirectoryName(Path.GetFullPath(source))! : source;

    public static MoaException Bad(string file, int line, string what) => new($"{file} line {line}: {what}.");
}
