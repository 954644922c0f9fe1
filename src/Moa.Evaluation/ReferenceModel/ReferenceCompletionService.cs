using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Moa.Evaluation.ReferenceModel;

/// <summary>A JSON reply of the reference model: HTTP status code and UTF-8 body.</summary>
public readonly record struct ProtocolReply(int Status, byte[] Body);

/// <summary>
/// The OpenAI-compatible protocol over a <see cref="CharNgramModel"/>, without any web framework: <c>/v1/completions</c>
/// (prompt as a string or a list, <c>echo</c> with prompt logprobs, <c>logprobs</c> = number of <c>top_logprobs</c>,
/// character tokens, <c>text_offset</c> in code points, greedy continuation up to <c>max_tokens</c>), a minimal
/// <c>/v1/chat/completions</c> (greedy continuation of the last user message) and <c>/v1/models</c>.
/// Errors come back as OpenAI-style <c>{"error": {...}}</c> bodies with status 400 or 404.
/// </summary>
public sealed class ReferenceCompletionService
{
    private readonly CharNgramModel _model;
    private readonly int _maxContext;

    /// <param name="model">The trained model.</param>
    /// <param name="modelName">The name clients send as <c>model</c>.</param>
    /// <param name="maxContext">Largest prompt plus completion, in characters; longer requests get the OpenAI context-length error.</param>
    public ReferenceCompletionService(CharNgramModel model, string modelName, int maxContext = 4096)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        ModelName = modelName;
        _maxContext = maxContext;
    }

    public string ModelName { get; }

    /// <summary>Answers <c>GET /v1/models</c>.</summary>
    public ProtocolReply Models() => Write(200, w =>
    {
        w.WriteString("object", "list");
        w.WriteStartArray("data");
        w.WriteStartObject();
        w.WriteString("id", ModelName);
        w.WriteString("object", "model");
        w.WriteString("owned_by", "moa");
        w.WriteString("digest", _model.Digest);
        w.WriteString("description", _model.ToString());
        w.WriteNumber("max_model_len", _maxContext);
        w.WriteEndObject();
        w.WriteEndArray();
    });

    /// <summary>Answers <c>POST /v1/completions</c>.</summary>
    public ProtocolReply Completions(ReadOnlySpan<byte> body)
    {
        List<string> prompts = [];
        int maxTokens = 16, topK = -1;
        var echo = false;
        string? model = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Error(400, "the request body must be a JSON object");
            }

            foreach (var p in root.EnumerateObject())
            {
                switch (p.Name)
                {
                    case "model": model = p.Value.GetString(); break;
                    case "prompt":
                        if (p.Value.ValueKind == JsonValueKind.String) prompts.Add(p.Value.GetString()!);
                        else if (p.Value.ValueKind == JsonValueKind.Array)
                        {
                            foreach (var e in p.Value.EnumerateArray())
                            {
                                if (e.ValueKind != JsonValueKind.String) return Error(400, "prompt: only strings and lists of strings are supported (no token ids)");
                                prompts.Add(e.GetString()!);
                            }
                        }
                        else return Error(400, "prompt must be a string or a list of strings");
                        break;
                    case "max_tokens": if (p.Value.ValueKind == JsonValueKind.Number) maxTokens = p.Value.GetInt32(); break;
                    case "echo": echo = p.Value.ValueKind == JsonValueKind.True; break;
                    case "logprobs": if (p.Value.ValueKind == JsonValueKind.Number) topK = p.Value.GetInt32(); break;
                    default: break;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return Error(400, "invalid JSON body: " + ex.Message);
        }

        if (model is not null && model != ModelName)
        {
            return Error(404, $"The model `{model}` does not exist. This server serves `{ModelName}`.", "model_not_found");
        }

        if (prompts.Count == 0)
        {
            return Error(400, "prompt is required");
        }

        if (maxTokens < 0 || topK > 20)
        {
            return Error(400, "max_tokens must be >= 0 and logprobs at most 20");
        }

        var encoded = new List<int[]>(prompts.Count);
        foreach (var prompt in prompts)
        {
            var ids = _model.Encode(prompt);
            if (ids.Length + maxTokens > _maxContext)
            {
                return Error(400, $"This model's maximum context length is {_maxContext} tokens. However, you requested {ids.Length + maxTokens} tokens ({ids.Length} in the messages, {maxTokens} in the completion). Please reduce the length of the messages or completion.", "context_length_exceeded");
            }

            encoded.Add(ids);
        }

        var promptTokens = 0;
        var completionTokens = 0;
        return Write(200, w =>
        {
            WriteHeader(w, "cmpl", "text_completion");
            w.WriteStartArray("choices");
            for (var c = 0; c < encoded.Count; c++)
            {
                var ids = encoded[c];
                var generated = Generate(ids, maxTokens);
                promptTokens += ids.Length;
                completionTokens += generated.Count;
                w.WriteStartObject();
                w.WriteNumber("index", c);
                w.WriteString("text", (echo ? prompts[c] : string.Empty) + string.Concat(generated.Select(g => _model.TokenText(g.Id))));
                if (topK >= 0)
                {
                    WriteLogprobs(w, prompts[c], ids, generated, echo, topK);
                }
                else
                {
                    w.WriteNull("logprobs");
                }

                w.WriteString("finish_reason", "length");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteUsage(w, promptTokens, completionTokens);
        });
    }

    /// <summary>Answers <c>POST /v1/chat/completions</c> with a greedy continuation of the last user message.</summary>
    public ProtocolReply ChatCompletions(ReadOnlySpan<byte> body)
    {
        string? content = null, model = null;
        var maxTokens = 32;
        try
        {
            var reader = new Utf8JsonReader(body);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
            {
                return Error(400, "messages (a list) is required");
            }

            foreach (var m in messages.EnumerateArray())
            {
                if (m.TryGetProperty("role", out var role) && role.GetString() == "user" && m.TryGetProperty("content", out var c))
                {
                    content = c.GetString();
                }
            }

            if (root.TryGetProperty("model", out var mo)) model = mo.GetString();
            if (root.TryGetProperty("max_tokens", out var mt) && mt.ValueKind == JsonValueKind.Number) maxTokens = mt.GetInt32();
            if (root.TryGetProperty("max_completion_tokens", out var mct) && mct.ValueKind == JsonValueKind.Number) maxTokens = mct.GetInt32();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return Error(400, "invalid JSON body: " + ex.Message);
        }

        if (model is not null && model != ModelName)
        {
            return Error(404, $"The model `{model}` does not exist. This server serves `{ModelName}`.", "model_not_found");
        }

        if (content is null)
        {
            return Error(400, "no user message with string content");
        }

        var ids = _model.Encode(content);
        if (ids.Length + maxTokens > _maxContext)
        {
            return Error(400, $"This model's maximum context length is {_maxContext} tokens. However, you requested {ids.Length + maxTokens} tokens.", "context_length_exceeded");
        }

        var generated = Generate(ids, Math.Max(0, maxTokens));
        var text = string.Concat(generated.Select(g => _model.TokenText(g.Id)));
        return Write(200, w =>
        {
            WriteHeader(w, "chatcmpl", "chat.completion");
            w.WriteStartArray("choices");
            w.WriteStartObject();
            w.WriteNumber("index", 0);
            w.WriteStartObject("message");
            w.WriteString("role", "assistant");
            w.WriteString("content", text);
            w.WriteEndObject();
            w.WriteString("finish_reason", "length");
            w.WriteEndObject();
            w.WriteEndArray();
            WriteUsage(w, ids.Length, generated.Count);
        });
    }

    /// <summary>An OpenAI-style error reply.</summary>
    public static ProtocolReply Error(int status, string message, string code = "invalid_request_error") => Write(status, w =>
    {
        w.WriteStartObject("error");
        w.WriteString("message", message);
        w.WriteString("type", status == 404 ? "not_found_error" : "invalid_request_error");
        w.WriteString("code", code);
        w.WriteEndObject();
    });

    private List<(int Id, double LogProb)> Generate(int[] prompt, int maxTokens)
    {
        var generated = new List<(int Id, double LogProb)>(maxTokens);
        if (maxTokens == 0)
        {
            return generated;
        }

        var history = new List<int>(prompt);
        for (var i = 0; i < maxTokens; i++)
        {
            var best = _model.TopK(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(history), 1)[0];
            generated.Add(best);
            history.Add(best.Id);
        }

        return generated;
    }

    private void WriteLogprobs(Utf8JsonWriter w, string prompt, int[] ids, List<(int Id, double LogProb)> generated, bool echo, int topK)
    {
        var all = new int[ids.Length + generated.Count];
        ids.CopyTo(all, 0);
        for (var g = 0; g < generated.Count; g++)
        {
            all[ids.Length + g] = generated[g].Id;
        }

        var first = echo ? 0 : ids.Length;
        var runeTexts = new List<string>(ids.Length);
        foreach (var r in prompt.EnumerateRunes())
        {
            runeTexts.Add(r.ToString());
        }

        w.WriteStartObject("logprobs");
        w.WriteStartArray("tokens");
        for (var i = first; i < all.Length; i++)
        {
            w.WriteStringValue(i < ids.Length ? runeTexts[i] : _model.TokenText(all[i]));
        }

        w.WriteEndArray();
        w.WriteStartArray("token_logprobs");
        for (var i = first; i < all.Length; i++)
        {
            if (i == 0)
            {
                w.WriteNullValue(); // nothing conditions the first token, as with OpenAI-compatible servers
            }
            else
            {
                w.WriteNumberValue(Round(_model.LogProbability(all.AsSpan(0, i), all[i])));
            }
        }

        w.WriteEndArray();
        w.WriteStartArray("top_logprobs");
        for (var i = first; i < all.Length; i++)
        {
            if (i == 0 || topK == 0)
            {
                w.WriteNullValue();
                continue;
            }

            w.WriteStartObject();
            foreach (var (id, lp) in _model.TopK(all.AsSpan(0, i), topK))
            {
                w.WriteNumber(_model.TokenText(id), Round(lp));
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("text_offset");
        var offset = 0;
        for (var i = 0; i < all.Length; i++)
        {
            if (i >= first)
            {
                w.WriteNumberValue(offset);
            }

            offset++;
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    // Keeps bodies short and byte-identical across platforms.
    private static double Round(double x) => Math.Round(x, 6);

    private void WriteHeader(Utf8JsonWriter w, string prefix, string objectName)
    {
        w.WriteString("id", prefix + "-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12]);
        w.WriteString("object", objectName);
        w.WriteNumber("created", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        w.WriteString("model", ModelName);
    }

    private static void WriteUsage(Utf8JsonWriter w, int prompt, int completion)
    {
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", prompt);
        w.WriteNumber("completion_tokens", completion);
        w.WriteNumber("total_tokens", prompt + completion);
        w.WriteEndObject();
    }

    private static ProtocolReply Write(int status, Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return new ProtocolReply(status, buffer.WrittenSpan.ToArray());
    }
}
