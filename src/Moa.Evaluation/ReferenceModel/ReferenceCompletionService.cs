using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Moa.Evaluation.ReferenceModel;

/// <summary>A JSON reply of the reference model: HTTP status code and UTF-8 body.</summary>
public readonly record struct ProtocolReply(int Status, byte[] Body);

/// <summary>
/// The OpenAI-compatible protocol over a <see cref="CharNgramModel"/>, without any web framework: <c>/v1/completions</c>
/// (prompt as a string or a list, <c>echo</c> with prompt logprobs, <c>logprobs</c> = number of <c>top_logprobs</c>,
/// character tokens, <c>text_offset</c> in code points, greedy continuation up to <c>max_tokens</c> that ends before the first
/// <c>stop</c> string), a minimal
/// <c>/v1/chat/completions</c> (greedy continuation of the last user message) and <c>/v1/models</c>.
/// Errors come back as OpenAI-style <c>{"error": {...}}</c> bodies with status 400 or 404.
/// </summary>
public sealed class ReferenceCompletionService
{
    private readonly CharNgramModel _model;
    private readonly int _maxContext;
    private readonly Moa.Text.Tokens.LibraryTokenCounter? _tokenizer;

    /// <param name="model">The trained model.</param>
    /// <param name="modelName">The name clients send as <c>model</c>.</param>
    /// <param name="maxContext">Largest prompt plus completion, in characters (tokens for token-id prompts); longer requests get the OpenAI context-length error.</param>
    /// <param name="tokenizer">
    /// The tokenizer whose ids the server accepts as <c>prompt</c> (a list of ints, or a list of such lists). A token's
    /// log-probability is that of the characters it adds to the decoded prefix, so ids are scored on the same character model.
    /// Null: token-id prompts are refused.
    /// </param>
    public ReferenceCompletionService(CharNgramModel model, string modelName, int maxContext = 4096, Moa.Text.Tokens.LibraryTokenCounter? tokenizer = null)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        ModelName = modelName;
        _maxContext = maxContext;
        _tokenizer = tokenizer;
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
        List<int[]> idPrompts = [];
        int maxTokens = 16, topK = -1;
        var echo = false;
        List<string> stop = [];
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
                        else if (p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() > 0 && p.Value[0].ValueKind == JsonValueKind.Number)
                        {
                            idPrompts.Add(Ids(p.Value));
                        }
                        else if (p.Value.ValueKind == JsonValueKind.Array)
                        {
                            foreach (var e in p.Value.EnumerateArray())
                            {
                                if (e.ValueKind == JsonValueKind.Array) idPrompts.Add(Ids(e));
                                else if (e.ValueKind == JsonValueKind.String) prompts.Add(e.GetString()!);
                                else return Error(400, "prompt: a list must hold strings, token ids or lists of token ids");
                            }
                        }
                        else return Error(400, "prompt must be a string or a list of strings");
                        break;
                    case "max_tokens": if (p.Value.ValueKind == JsonValueKind.Number) maxTokens = p.Value.GetInt32(); break;
                    case "echo": echo = p.Value.ValueKind == JsonValueKind.True; break;
                    case "logprobs": if (p.Value.ValueKind == JsonValueKind.Number) topK = p.Value.GetInt32(); break;
                    case "stop":
                        if (p.Value.ValueKind == JsonValueKind.String) stop.Add(p.Value.GetString()!);
                        else if (p.Value.ValueKind == JsonValueKind.Array) stop.AddRange(p.Value.EnumerateArray().Select(e => e.GetString() ?? string.Empty).Where(e => e.Length > 0));
                        break;
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

        if (stop.Count > 0 && (echo || topK >= 0))
        {
            return Error(400, "stop is supported for plain generation only (without echo and logprobs)");
        }

        if (idPrompts.Count > 0)
        {
            return prompts.Count > 0 ? Error(400, "prompt: do not mix text and token ids") : TokenCompletions(idPrompts, maxTokens, echo, topK);
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
                var text = string.Concat(generated.Select(g => _model.TokenText(g.Id)));

                // Like vLLM: the text ends before the first stop string the model produced.
                var cut = stop.Select(s => text.IndexOf(s, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
                w.WriteString("text", (echo ? prompts[c] : string.Empty) + (cut >= 0 ? text[..cut] : text));
                if (topK >= 0)
                {
                    WriteLogprobs(w, prompts[c], ids, generated, echo, topK);
                }
                else
                {
                    w.WriteNull("logprobs");
                }

                w.WriteString("finish_reason", cut >= 0 ? "stop" : "length");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteUsage(w, promptTokens, completionTokens);
        });
    }

    private static int[] Ids(JsonElement list)
    {
        var ids = new int[list.GetArrayLength()];
        var i = 0;
        foreach (var e in list.EnumerateArray())
        {
            ids[i++] = e.GetInt32();
        }

        return ids;
    }

    // Token-id prompts: each token scores the characters it adds to the decoded prefix (the first token has no logprob).
    private ProtocolReply TokenCompletions(List<int[]> prompts, int maxTokens, bool echo, int topK)
    {
        if (_tokenizer is null)
        {
            return Error(400, "prompt: this server takes token ids only when started with --tokenizer");
        }

        if (maxTokens < 0 || topK > 20)
        {
            return Error(400, "max_tokens must be >= 0 and logprobs at most 20");
        }

        var scored = new List<(string[] Pieces, double[] LogProbs, int[] Offsets, string Text)>(prompts.Count);
        foreach (var ids in prompts)
        {
            if (ids.Length == 0 || ids.Length + maxTokens > _maxContext)
            {
                return Error(400, $"This model's maximum context length is {_maxContext} tokens. However, you requested {ids.Length + maxTokens} tokens ({ids.Length} in the messages, {maxTokens} in the completion). Please reduce the length of the messages or completion.", "context_length_exceeded");
            }

            try
            {
                scored.Add(ScoreIds(ids, maxTokens));
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException or KeyNotFoundException)
            {
                return Error(400, "prompt: token ids this tokenizer cannot decode (" + ex.Message + ")");
            }
        }

        return Write(200, w =>
        {
            WriteHeader(w, "cmpl", "text_completion");
            w.WriteStartArray("choices");
            for (var c = 0; c < scored.Count; c++)
            {
                var (pieces, lps, offsets, text) = scored[c];
                var first = echo ? 0 : prompts[c].Length;
                w.WriteStartObject();
                w.WriteNumber("index", c);
                w.WriteString("text", echo ? text : string.Concat(pieces[prompts[c].Length..]));
                if (topK >= 0)
                {
                    w.WriteStartObject("logprobs");
                    w.WriteStartArray("tokens");
                    for (var i = first; i < pieces.Length; i++) w.WriteStringValue(pieces[i]);
                    w.WriteEndArray();
                    w.WriteStartArray("token_logprobs");
                    for (var i = first; i < pieces.Length; i++)
                    {
                        if (i == 0) w.WriteNullValue();
                        else w.WriteNumberValue(Round(lps[i]));
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("top_logprobs");
                    for (var i = first; i < pieces.Length; i++) w.WriteNullValue(); // no top-k over the tokenizer's vocabulary
                    w.WriteEndArray();
                    w.WriteStartArray("text_offset");
                    for (var i = first; i < pieces.Length; i++) w.WriteNumberValue(offsets[i]);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("logprobs");
                }

                w.WriteString("finish_reason", "length");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteUsage(w, prompts.Sum(p => p.Length), maxTokens * prompts.Count);
        });
    }

    private (string[] Pieces, double[] LogProbs, int[] Offsets, string Text) ScoreIds(int[] ids, int maxTokens)
    {
        var n = ids.Length + maxTokens;
        var pieces = new string[n];
        var lps = new double[n];
        var offsets = new int[n];
        var chars = new List<int>();
        var cum = new List<double> { 0 };
        var previous = string.Empty;
        var previousTotal = 0.0;

        // cum[k]: log-probability of the first k characters (the first one unconditioned, so 0).
        double Total(string text)
        {
            var encoded = _model.Encode(text);
            var common = 0;
            while (common < encoded.Length && common < chars.Count && encoded[common] == chars[common])
            {
                common++;
            }

            chars.RemoveRange(common, chars.Count - common);
            cum.RemoveRange(common + 1, cum.Count - common - 1);
            for (var j = common; j < encoded.Length; j++)
            {
                chars.Add(encoded[j]);
                cum.Add(cum[j] + (j == 0 ? 0 : _model.LogProbability(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(chars)[..j], encoded[j])));
            }

            return cum[encoded.Length];
        }

        for (var i = 0; i < ids.Length; i++)
        {
            var text = _tokenizer!.Tokenizer.Decode(ids.AsSpan(0, i + 1).ToArray()) ?? string.Empty;
            var total = Total(text);
            pieces[i] = text.StartsWith(previous, StringComparison.Ordinal) ? text[previous.Length..] : _tokenizer.Tokenizer.Decode([ids[i]]) ?? string.Empty;
            lps[i] = total - previousTotal;
            offsets[i] = OpenAiCodePoints(previous);
            previous = text;
            previousTotal = total;
        }

        // Greedy completion: the likeliest next characters, one token each.
        var history = new List<int>(_model.Encode(previous));
        var generated = new System.Text.StringBuilder();
        for (var g = 0; g < maxTokens; g++)
        {
            var best = _model.TopK(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(history), 1)[0];
            history.Add(best.Id);
            pieces[ids.Length + g] = _model.TokenText(best.Id);
            lps[ids.Length + g] = best.LogProb;
            offsets[ids.Length + g] = OpenAiCodePoints(previous) + g;
            generated.Append(pieces[ids.Length + g]);
        }

        return (pieces, lps, offsets, previous + generated);
    }

    private static int OpenAiCodePoints(string text)
    {
        var n = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            n++;
        }

        return n;
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
