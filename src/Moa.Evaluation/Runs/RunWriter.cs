using System.Text.Encodings.Web;
using System.Text.Json;
using Moa.Evaluation.Scoring;
using Moa.Evaluation.Statistics;

namespace Moa.Evaluation.Runs;

/// <summary>Writes a run folder: <c>run.json</c> (manifest), <c>items.jsonl</c> (one item a line), <c>scores.json</c>. Each file is written to a temporary name and renamed.</summary>
public static class RunWriter
{
    private static readonly JsonWriterOptions s_compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions s_indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static void Write(string dir, RunManifest manifest, RunScores scores, IReadOnlyList<ItemResult> items)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(items);
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (IOException ex)
        {
            throw new MoaException($"{dir}: cannot create the run folder ({ex.Message}); give a writable --out.", ex);
        }

        WriteAtomically(Path.Combine(dir, "items.jsonl"), s =>
        {
            foreach (var item in items)
            {
                using (var w = new Utf8JsonWriter(s, s_compact))
                {
                    WriteItem(w, item);
                }

                s.WriteByte((byte)'\n');
            }
        });
        WriteAtomically(Path.Combine(dir, "scores.json"), s =>
        {
            using var w = new Utf8JsonWriter(s, s_indented);
            WriteScores(w, manifest, scores);
        });
        WriteAtomically(Path.Combine(dir, "run.json"), s =>
        {
            using var w = new Utf8JsonWriter(s, s_indented);
            WriteManifest(w, manifest);
        });
    }

    private static void WriteItem(Utf8JsonWriter w, ItemResult item)
    {
        w.WriteStartObject();
        w.WriteString("id", item.Id);
        w.WriteString("subset", item.Subset);
        w.WriteBoolean("correct", item.Correct);
        w.WriteNumber("predicted", item.Predicted);
        w.WriteNumber("answer", item.Answer);
        Number(w, "score", item.Score);
        w.WriteStartObject("metrics");
        foreach (var (k, v) in item.Metrics)
        {
            Number(w, k, v);
        }

        w.WriteEndObject();
        w.WriteString("prompt", item.Prompt);
        if (item.Continuations is not null)
        {
            w.WriteStartArray("continuations");
            foreach (var c in item.Continuations) w.WriteStringValue(c);
            w.WriteEndArray();
        }

        w.WritePropertyName("logprobs");
        if (item.LogLikelihoods is null)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteStartArray();
            foreach (var ll in item.LogLikelihoods) w.WriteNumberValue(ll);
            w.WriteEndArray();
        }

        if (item.TokenCounts is not null)
        {
            w.WriteStartArray("tokens");
            foreach (var n in item.TokenCounts) w.WriteNumberValue(n);
            w.WriteEndArray();
            w.WriteBoolean("truncated", item.Truncated);
        }

        if (item.IsGreedy is not null)
        {
            w.WriteStartArray("is_greedy");
            foreach (var g in item.IsGreedy) w.WriteBooleanValue(g);
            w.WriteEndArray();
        }

        if (item.Response is null) w.WriteNull("response");
        else w.WriteString("response", item.Response);
        if (item.Reference is not null) w.WriteString("reference", item.Reference);
        if (item.Extraction is not null) w.WriteString("extraction", item.Extraction);
        if (item.Filtered is not null)
        {
            w.WriteStartObject("filtered");
            foreach (var (name, answer) in item.Filtered) w.WriteString(name, answer);
            w.WriteEndObject();
        }

        w.WriteStartArray("fewshot_ids");
        foreach (var id in item.FewShotIds) w.WriteStringValue(id);
        w.WriteEndArray();
        w.WriteBoolean("cached", item.Cached);
        if (item.Failed)
        {
            w.WriteStartObject("error");
            w.WriteString("kind", item.ErrorKind);
            w.WriteString("message", item.ErrorMessage);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("error");
        }

        w.WriteEndObject();
    }

    private static void WriteScores(Utf8JsonWriter w, RunManifest manifest, RunScores scores)
    {
        w.WriteStartObject();
        w.WriteString("benchmark", manifest.BenchmarkName);
        w.WriteString("benchmark_hash", manifest.BenchmarkHash);
        w.WriteString("model", manifest.Model);
        w.WriteString("mode", manifest.Mode);
        w.WriteString("primary_metric", scores.PrimaryMetric);
        w.WriteBoolean("complete", scores.Complete);
        w.WritePropertyName("overall");
        WriteGroup(w, scores.Overall);
        w.WriteStartObject("macro");
        foreach (var (k, v) in scores.Macro) Number(w, k, v);
        w.WriteEndObject();
        w.WriteStartObject("subsets");
        foreach (var (name, group) in scores.Subsets)
        {
            w.WritePropertyName(name);
            WriteGroup(w, group);
        }

        w.WriteEndObject();
        if (scores.Bias is { } bias)
        {
            WriteBias(w, bias);
        }

        w.WriteEndObject();
    }

    private static void WriteBias(Utf8JsonWriter w, KobbqBias bias)
    {
        w.WriteStartObject("kobbq_bias");
        w.WriteString("unknown_choice", bias.UnknownChoice);
        w.WritePropertyName("overall");
        WriteBiasGroup(w, bias.Overall);
        w.WriteStartObject("categories");
        foreach (var (name, group) in bias.ByCategory)
        {
            w.WritePropertyName(name);
            WriteBiasGroup(w, group);
        }

        w.WriteEndObject();
        w.WriteStartObject("labels");
        foreach (var (name, group) in bias.ByLabel)
        {
            w.WritePropertyName(name);
            WriteBiasGroup(w, group);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteBiasGroup(Utf8JsonWriter w, KobbqBiasGroup g)
    {
        w.WriteStartObject();
        w.WriteNumber("items", g.Items);
        w.WriteNumber("out_of_choice", g.OutOfChoice);
        Number(w, "out_of_choice_ratio", g.OutOfChoiceRatio);
        Number(w, "acc_ambiguous", g.AccuracyAmbiguous);
        Number(w, "acc_disambiguated", g.AccuracyDisambiguated);
        Number(w, "diff_bias_ambiguous", g.DiffBiasAmbiguous);
        Number(w, "diff_bias_disambiguated", g.DiffBiasDisambiguated);
        w.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter w, GroupScores g)
    {
        w.WriteStartObject();
        w.WriteNumber("items", g.Items);
        w.WriteNumber("scored", g.Scored);
        w.WriteNumber("errors", g.Errors);
        w.WriteStartObject("metrics");
        foreach (var (name, e) in g.Metrics)
        {
            WriteEstimate(w, name, e);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteEstimate(Utf8JsonWriter w, string name, MetricEstimate e)
    {
        w.WriteStartObject(name);
        Number(w, "value", e.Mean);
        Number(w, "stderr", e.StdErr);
        Number(w, "ci_low", e.CiLow);
        Number(w, "ci_high", e.CiHigh);
        w.WriteNumber("n", e.Count);
        w.WriteEndObject();
    }

    private static void WriteManifest(Utf8JsonWriter w, RunManifest m)
    {
        w.WriteStartObject();
        w.WriteString("moa_version", m.MoaVersion);
        w.WriteString("model", m.Model);
        w.WriteString("endpoint", m.Endpoint);
        w.WriteString("mode", m.Mode);
        w.WriteStartObject("benchmark");
        w.WriteString("name", m.BenchmarkName);
        w.WriteString("version", m.BenchmarkVersion);
        w.WriteString("hash", m.BenchmarkHash);
        w.WriteEndObject();
        w.WriteString("primary_metric", m.PrimaryMetric);
        w.WriteString("config_hash", m.ConfigHash);
        w.WritePropertyName("config");
        JsonSerializer.Serialize(w, m.Config);
        w.WriteString("started_utc", m.StartedUtc);
        w.WriteString("finished_utc", m.FinishedUtc);
        w.WriteNumber("duration_s", Math.Round(m.DurationSeconds, 3));
        w.WriteStartObject("requests");
        w.WriteNumber("total", m.Requests);
        w.WriteNumber("sent", m.RequestsSent);
        w.WriteNumber("cached", m.RequestsCached);
        w.WriteNumber("retries", m.Retries);
        w.WriteNumber("errors", m.RequestErrors);
        w.WriteStartObject("errors_by_kind");
        foreach (var (k, v) in m.ErrorsByKind) w.WriteNumber(k, v);
        w.WriteEndObject();
        w.WriteStartObject("retries_by_kind");
        foreach (var (k, v) in m.RetriesByKind) w.WriteNumber(k, v);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("items");
        w.WriteNumber("total", m.Items);
        w.WriteNumber("scored", m.ItemsScored);
        w.WriteNumber("errors", m.ItemErrors);
        w.WriteNumber("truncated", m.ItemsTruncated);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static void WriteAtomically(string path, Action<Stream> write)
    {
        var tmp = path + ".tmp";
        using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            write(fs);
        }

        File.Move(tmp, path, overwrite: true);
    }
}
