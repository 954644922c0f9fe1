using System.Buffers;
using System.Text.Json;

namespace Moa.Evaluation.Models;

/// <summary>Log-likelihood of a continuation given its context, read from an echoed completions response.</summary>
/// <param name="Sum">Sum of the continuation tokens' log-probabilities (natural log).</param>
/// <param name="IsGreedy">Whether every continuation token was the server's top-1 token (needs <c>top_logprobs</c>).</param>
/// <param name="Tokens">How many tokens the continuation spanned.</param>
public readonly record struct LogLikelihood(double Sum, bool IsGreedy, int Tokens);

/// <summary>
/// Request bodies and response parsing for the OpenAI-compatible protocol. Log-likelihoods use <c>/completions</c> with
/// <c>echo: true</c>, <c>logprobs: 1</c>, <c>max_tokens: 1</c> and <c>temperature: 0</c> (lm-evaluation-harness's request);
/// the continuation's tokens are found with <c>text_offset</c>, since the server's tokenizer is unknown here.
/// </summary>
public static class OpenAiProtocol
{
    public const string CompletionsPath = "/completions";
    public const string ChatPath = "/chat/completions";

    /// <summary>Body of a scoring request for the whole text (context followed by continuation).</summary>
    public static byte[] LogLikelihoodRequest(string model, string prompt) => Write(w =>
    {
        w.WriteString("model", model);
        w.WriteString("prompt", prompt);
        w.WriteNumber("max_tokens", 1);
        w.WriteNumber("temperature", 0);
        w.WriteBoolean("echo", true);
        w.WriteNumber("logprobs", 1);
    });

    /// <summary>Body of a scoring request in token ids (context ids followed by continuation ids), sent as <c>prompt: [ids]</c>.</summary>
    public static byte[] LogLikelihoodRequest(string model, IReadOnlyList<int> prompt) => Write(w =>
    {
        w.WriteString("model", model);
        w.WriteStartArray("prompt");
        foreach (var id in prompt)
        {
            w.WriteNumberValue(id);
        }

        w.WriteEndArray();
        w.WriteNumber("max_tokens", 1);
        w.WriteNumber("temperature", 0);
        w.WriteBoolean("echo", true);
        w.WriteNumber("logprobs", 1);
    });

    /// <summary>
    /// Sums the log-probabilities of prompt tokens <paramref name="contextLength"/> to <paramref name="promptLength"/> - 1 of an
    /// echoed token-id request, as lm-evaluation-harness does (<c>token_logprobs[ctxlen:-1]</c>, the last one being generated).
    /// </summary>
    public static LogLikelihood ParseTokenLogLikelihood(byte[] body, int contextLength, int promptLength)
    {
        using var doc = JsonDocument.Parse(body);
        var choice = FirstChoice(doc.RootElement);
        if (!choice.TryGetProperty("logprobs", out var lp) || lp.ValueKind != JsonValueKind.Object
            || !lp.TryGetProperty("token_logprobs", out var tlp) || tlp.ValueKind != JsonValueKind.Array)
        {
            throw new RequestFailedException(RequestErrorKind.MissingLogprobs, "the completions response has no logprobs.token_logprobs: the server does not return prompt logprobs for echo=true.");
        }

        if (tlp.GetArrayLength() < promptLength)
        {
            throw new RequestFailedException(RequestErrorKind.MissingLogprobs, $"the response has {tlp.GetArrayLength()} token logprobs for a prompt of {promptLength} tokens: the server did not echo the prompt's logprobs.");
        }

        var hasTop = lp.TryGetProperty("top_logprobs", out var top) && top.ValueKind == JsonValueKind.Array && top.GetArrayLength() >= promptLength;
        var hasTokens = lp.TryGetProperty("tokens", out var tokens) && tokens.ValueKind == JsonValueKind.Array && tokens.GetArrayLength() >= promptLength;
        var greedy = hasTop && hasTokens;
        double sum = 0;
        for (var i = contextLength; i < promptLength; i++)
        {
            var t = tlp[i];
            if (t.ValueKind != JsonValueKind.Number)
            {
                throw new RequestFailedException(RequestErrorKind.MissingLogprobs, $"token {i} of the continuation has no logprob (null): the server does not score prompt tokens.");
            }

            var value = t.GetDouble();
            sum += value;
            if (greedy)
            {
                greedy = IsTopToken(top[i], tokens[i].GetString(), value);
            }
        }

        return new LogLikelihood(sum, greedy, promptLength - contextLength);
    }

    /// <summary>Body of a greedy chat request with one user message.</summary>
    public static byte[] ChatRequest(string model, string prompt, int maxTokens, string? system = null) => Write(w =>
    {
        w.WriteString("model", model);
        w.WriteStartArray("messages");
        if (!string.IsNullOrEmpty(system))
        {
            w.WriteStartObject();
            w.WriteString("role", "system");
            w.WriteString("content", system);
            w.WriteEndObject();
        }

        w.WriteStartObject();
        w.WriteString("role", "user");
        w.WriteString("content", prompt);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteNumber("max_tokens", maxTokens);
        w.WriteNumber("temperature", 0);
    });

    /// <summary>
    /// Body of a greedy text completion as lm-evaluation-harness sends a <c>generate_until</c> request to an
    /// OpenAI-compatible server: the prompt, <c>max_tokens</c> (the task's <c>max_gen_toks</c>), temperature 0 and the
    /// task's <c>until</c> strings as <c>stop</c>.
    /// </summary>
    public static byte[] GenerateUntilRequest(string model, string prompt, int maxTokens, IReadOnlyList<string> stop) => Write(w =>
    {
        w.WriteString("model", model);
        w.WriteString("prompt", prompt);
        w.WriteNumber("max_tokens", maxTokens);
        w.WriteNumber("temperature", 0);
        if (stop.Count > 0)
        {
            w.WriteStartArray("stop");
            foreach (var s in stop)
            {
                w.WriteStringValue(s);
            }

            w.WriteEndArray();
        }
    });

    /// <summary>
    /// Sums the log-probabilities of the tokens that cover the continuation: tokens whose span [text_offset, next offset) ends after
    /// <paramref name="contextLength"/> and starts before <paramref name="promptLength"/> (both in code points; a token straddling the
    /// boundary counts as continuation, and the one generated token after the prompt is ignored).
    /// </summary>
    public static LogLikelihood ParseLogLikelihood(byte[] body, int contextLength, int promptLength)
    {
        using var doc = JsonDocument.Parse(body);
        var choice = FirstChoice(doc.RootElement);
        if (!choice.TryGetProperty("logprobs", out var lp) || lp.ValueKind != JsonValueKind.Object
            || !lp.TryGetProperty("token_logprobs", out var tlp) || tlp.ValueKind != JsonValueKind.Array
            || !lp.TryGetProperty("text_offset", out var offs) || offs.ValueKind != JsonValueKind.Array)
        {
            throw new RequestFailedException(RequestErrorKind.MissingLogprobs, "the completions response has no logprobs.token_logprobs/text_offset: the server does not return prompt logprobs for echo=true.");
        }

        var n = tlp.GetArrayLength();
        if (offs.GetArrayLength() != n || n == 0)
        {
            throw new RequestFailedException(RequestErrorKind.MissingLogprobs, $"the completions response has {n} token logprobs but {offs.GetArrayLength()} text offsets.");
        }

        var offsets = new int[n + 1];
        var i = 0;
        foreach (var o in offs.EnumerateArray())
        {
            offsets[i++] = o.GetInt32();
        }

        if (offsets[0] != 0)
        {
            throw new RequestFailedException(RequestErrorKind.MissingLogprobs, "the response's logprobs do not start at the prompt (text_offset[0] != 0): the server did not echo the prompt's logprobs.");
        }

        offsets[n] = int.MaxValue;
        JsonElement top = default;
        var hasTop = lp.TryGetProperty("top_logprobs", out top) && top.ValueKind == JsonValueKind.Array && top.GetArrayLength() == n;
        JsonElement tokens = default;
        var hasTokens = lp.TryGetProperty("tokens", out tokens) && tokens.ValueKind == JsonValueKind.Array && tokens.GetArrayLength() == n;

        double sum = 0;
        int count = 0;
        var greedy = hasTop && hasTokens;

        // Walk the arrays in lockstep: JsonElement indexing of arrays holding objects is linear, enumeration is not.
        var topIt = hasTop ? top.EnumerateArray() : default;
        var tokIt = hasTokens ? tokens.EnumerateArray() : default;
        i = 0;
        foreach (var t in tlp.EnumerateArray())
        {
            if (greedy)
            {
                topIt.MoveNext();
                tokIt.MoveNext();
            }

            var start = offsets[i];
            var end = offsets[i + 1];
            if (start >= promptLength)
            {
                break;
            }

            if (end > contextLength)
            {
                if (t.ValueKind != JsonValueKind.Number)
                {
                    throw new RequestFailedException(RequestErrorKind.MissingLogprobs, $"token {i} of the continuation has no logprob (null): the server does not score prompt tokens.");
                }

                var value = t.GetDouble();
                sum += value;
                count++;
                if (greedy)
                {
                    greedy = IsTopToken(topIt.Current, tokIt.Current.GetString(), value);
                }
            }

            i++;
        }

        if (count == 0)
        {
            throw new RequestFailedException(RequestErrorKind.MissingLogprobs, $"no token of the response covers the continuation (characters {contextLength} to {promptLength}): the server echoed too few prompt logprobs.");
        }

        return new LogLikelihood(sum, greedy, count);
    }

    /// <summary>The assistant's text from a chat completions response (empty when the model returned no content).</summary>
    public static string ParseChatContent(byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        var choice = FirstChoice(doc.RootElement);
        if (!choice.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException("choices[0].message is missing");
        }

        return message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String ? content.GetString()! : string.Empty;
    }

    /// <summary>Text of a completions response's first choice.</summary>
    public static string ParseCompletionText(byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        var choice = FirstChoice(doc.RootElement);
        return choice.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : string.Empty;
    }

    /// <summary>Length in code points, the unit of <c>text_offset</c> on Python servers.</summary>
    public static int CodePoints(string text) => Scoring.MultipleChoiceScore.CharLength(text);

    private static JsonElement FirstChoice(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException("the response is not a JSON object");
        }

        if (root.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
        {
            throw new InvalidOperationException("the response carries an error: " + error.ToString());
        }

        if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
        {
            throw new InvalidOperationException("the response has no choices");
        }

        return choices[0];
    }

    private static bool IsTopToken(JsonElement top, string? token, double logprob)
    {
        if (top.ValueKind != JsonValueKind.Object || token is null)
        {
            return false;
        }

        var best = double.NegativeInfinity;
        string? bestToken = null;
        foreach (var p in top.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Number && p.Value.GetDouble() > best)
            {
                best = p.Value.GetDouble();
                bestToken = p.Name;
            }
        }

        return bestToken == token || (bestToken is not null && logprob >= best);
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
