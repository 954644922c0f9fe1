using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Moa.Evaluation.Benchmarks;

/// <summary>Reads and writes <c>benchmark.yaml</c> (snake_case keys), with errors that name the file and line.</summary>
public static class BenchmarkCardYaml
{
    private static readonly IDeserializer s_deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private static readonly ISerializer s_serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDefaultScalarStyle(ScalarStyle.Any)
        .Build();

    /// <summary>Reads a card file.</summary>
    /// <exception cref="MoaException">The file is missing, is not YAML, has an unknown key or lacks a name.</exception>
    public static BenchmarkCard ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new MoaException($"{path}: file not found. A benchmark folder needs {BenchmarkFiles.Card} (name, version, license, language, task_type, metric, prompt_template, subsets); see docs/benchmarks/format.md.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses card YAML; <paramref name="file"/> only names the source in errors.</summary>
    public static BenchmarkCard Parse(string yaml, string file)
    {
        BenchmarkCard? card;
        try
        {
            card = s_deserializer.Deserialize<BenchmarkCard?>(yaml);
        }
        catch (YamlException ex)
        {
            var reason = (ex.InnerException?.Message ?? ex.Message).Split('\n')[0];
            if (reason.Contains("not found on type", StringComparison.Ordinal))
            {
                reason = "unknown key (allowed: name, version, license, language, task_type, metric, prompt_template, choice_template, description, source, subsets)";
            }

            throw new MoaException($"{file} line {ex.Start.Line.ToString(CultureInfo.InvariantCulture)}: {reason}.", ex);
        }

        if (card is null)
        {
            throw new MoaException($"{file}: empty card; write at least 'name:' and 'subsets:'.");
        }

        if (string.IsNullOrWhiteSpace(card.Name))
        {
            throw new MoaException($"{file}: 'name' is missing or empty; every benchmark needs a name.");
        }

        card.Subsets ??= [];
        return card;
    }

    /// <summary>Writes a card file.</summary>
    public static void WriteFile(string path, BenchmarkCard card) => File.WriteAllText(path, s_serializer.Serialize(card));
}
