using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Moa.Evaluation.Models;
using Moa.Evaluation.Tasks;

namespace Moa.Evaluation.Runs;

/// <summary>The facts of a run (<c>run.json</c>): model, endpoint, benchmark and its hash, config and its hash, times, and request counts.</summary>
public sealed record RunManifest
{
    public required string MoaVersion { get; init; }
    public required string Model { get; init; }

    /// <summary>What identified the weights (declared or reported by the server), or null when nothing did.</summary>
    public string? ModelDigest { get; init; }
    public required string Endpoint { get; init; }
    public required string Mode { get; init; }
    public required string BenchmarkName { get; init; }
    public required string BenchmarkVersion { get; init; }
    public required string BenchmarkHash { get; init; }
    public required string ConfigHash { get; init; }
    public required IReadOnlyDictionary<string, object?> Config { get; init; }
    public required string PrimaryMetric { get; init; }
    public required DateTimeOffset StartedUtc { get; init; }
    public required DateTimeOffset FinishedUtc { get; init; }
    public required double DurationSeconds { get; init; }
    public required long Requests { get; init; }
    public required long RequestsSent { get; init; }
    public required long RequestsCached { get; init; }
    public required long Retries { get; init; }
    public required long RequestErrors { get; init; }
    public required IReadOnlyDictionary<string, long> ErrorsByKind { get; init; }
    public required IReadOnlyDictionary<string, long> RetriesByKind { get; init; }
    public required int Items { get; init; }
    public required int ItemsScored { get; init; }
    public required int ItemErrors { get; init; }

    /// <summary>Items whose requests lost their oldest tokens to <c>--max-length</c> (left truncation); 0 when text is sent.</summary>
    public int ItemsTruncated { get; init; }

    internal static RunManifest Create(ModelClient client, EvalInput input, EvalOptions options, PromptTemplate template, string primary, DateTimeOffset started, DateTimeOffset finished, TimeSpan elapsed, IReadOnlyList<ItemResult> items)
    {
        var config = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["mode"] = options.Mode == EvalMode.LogLikelihood ? "loglikelihood" : "generate",
            ["fewshot"] = options.FewShot,
            ["fewshot_pool"] = input.FewShotPool is { Count: > 0 } pool ? PoolHash(pool) : null,
            ["seed"] = options.Seed,
            ["prompt_template"] = template.Prompt,
            ["choice_template"] = template.Choice,
            ["generation_instruction"] = template.GenerationInstruction,
            ["fewshot_separator"] = template.FewShotSeparator,
            ["max_tokens"] = options.MaxTokens,
            ["max_context_chars"] = options.MaxContextChars,
            ["metric"] = primary,
            ["system_prompt"] = options.SystemPrompt,
            ["bootstrap_resamples"] = options.BootstrapResamples,
            ["items"] = input.Items.Count,
            ["lm_eval_task"] = options.Task?.Name,
            ["lm_eval_task_source"] = options.Task?.Source,
            ["fewshot_sampler"] = options.Task is { } t ? "lm-eval:" + t.FewShotSampler : "moa",
            ["generate_until"] = options.Task?.Generation is { } g ? string.Join("\u0001", g.Until) + "|" + g.MaxGenToks.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            ["tokenizer"] = options.Tokens?.TokenizerName,
            ["bos_token_id"] = options.Tokens?.BosTokenId,
            ["max_length"] = options.Tokens?.MaxLength,
        };
        var c = client.Counters;
        return new RunManifest
        {
            MoaVersion = typeof(RunManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
            Model = client.Options.Model,
            ModelDigest = client.ModelDigest,
            Endpoint = client.Options.NormalizedBaseUrl,
            Mode = (string)config["mode"]!,
            BenchmarkName = input.Card.Name,
            BenchmarkVersion = input.Card.Version,
            BenchmarkHash = input.BenchmarkHash,
            ConfigHash = Hash(config),
            Config = config,
            PrimaryMetric = primary,
            StartedUtc = started,
            FinishedUtc = finished,
            DurationSeconds = elapsed.TotalSeconds,
            Requests = c.Succeeded + c.Failed,
            RequestsSent = c.Sent,
            RequestsCached = c.Cached,
            Retries = c.Retries,
            RequestErrors = c.Failed,
            ErrorsByKind = c.ErrorsByKind,
            RetriesByKind = c.RetriesByKind,
            Items = items.Count,
            ItemsScored = items.Count(i => !i.Failed),
            ItemErrors = items.Count(i => i.Failed),
            ItemsTruncated = items.Count(i => i.Truncated),
        };
    }

    /// <summary>SHA-256 of the config written as sorted compact JSON.</summary>
    public static string Hash(IReadOnlyDictionary<string, object?> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            foreach (var (k, v) in config.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WritePropertyName(k);
                JsonSerializer.Serialize(w, v);
            }

            w.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(ms.ToArray()));
    }

    private static string PoolHash(IReadOnlyList<Benchmarks.BenchmarkItem> pool)
    {
        var sb = new StringBuilder();
        foreach (var i in pool)
        {
            sb.Append(i.Id).Append('\u001f').Append(i.Question).Append('\u001f').Append(string.Join('\u001e', i.Choices)).Append('\u001f').Append(i.Answer.GetRawText()).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16].ToString(CultureInfo.InvariantCulture);
    }
}
