using System.Text.Json;

namespace Moa.Evaluation.Models;

/// <summary>
/// Checks an endpoint before a run: that it answers at all, and, for log-likelihood scoring, that <c>echo</c> returns real
/// prompt logprobs. Some servers (several llama.cpp builds among them) accept <c>echo</c> but return logprobs only for generated
/// tokens, which would silently score every item at chance; the probe refuses such a server with a clear message.
/// </summary>
public static class LogprobProbe
{
    /// <summary>A short Korean prompt; its context/continuation split is checked like a real item's.</summary>
    public const string ProbeContext = "모아 평가 도구가 서버를 확인합니다.";
    public const string ProbeContinuation = " 잠시만 기다려 주세요.";

    /// <summary>Throws <see cref="EndpointException"/> when the server cannot score log-likelihoods.</summary>
    public static async Task EnsurePromptLogprobsAsync(ModelClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var prompt = ProbeContext + ProbeContinuation;
        var body = OpenAiProtocol.LogLikelihoodRequest(client.Options.Model, prompt);
        var ctx = OpenAiProtocol.CodePoints(ProbeContext);
        var len = OpenAiProtocol.CodePoints(prompt);
        try
        {
            var (ll, _) = await client.PostAsync(OpenAiProtocol.CompletionsPath, body, b => (OpenAiProtocol.ParseLogLikelihood(b, ctx, len), CountPromptLogprobs(b)), cancellationToken, maxRetries: 1).ConfigureAwait(false);
            if (ll.Item2 < 2 || !double.IsFinite(ll.Item1.Sum) || ll.Item1.Sum > 0)
            {
                throw new RequestFailedException(RequestErrorKind.MissingLogprobs, "the prompt logprobs are empty or not valid log-probabilities.");
            }
        }
        catch (RequestFailedException ex) when (ex.Kind == RequestErrorKind.MissingLogprobs)
        {
            throw new EndpointException(
                $"{client.Options.NormalizedBaseUrl}{OpenAiProtocol.CompletionsPath} returns no prompt logprobs for echo=true ({ex.Message}) " +
                "Log-likelihood scores from it would be at chance. Use a server that echoes prompt logprobs (vLLM, TGI, or 'moa serve-model'), " +
                "or evaluate with --mode generate.", ex);
        }
        catch (RequestFailedException ex)
        {
            throw new EndpointException($"the endpoint check failed: {ex.Message}", ex);
        }
    }

    /// <summary>Throws <see cref="EndpointException"/> when a one-token chat request fails.</summary>
    public static async Task EnsureChatAsync(ModelClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = OpenAiProtocol.ChatRequest(client.Options.Model, "안녕하세요", 1);
        try
        {
            await client.PostAsync(OpenAiProtocol.ChatPath, body, OpenAiProtocol.ParseChatContent, cancellationToken, maxRetries: 1).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            throw new EndpointException($"the endpoint check failed: {ex.Message}", ex);
        }
    }

    private static int CountPromptLogprobs(byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        var n = 0;
        foreach (var t in doc.RootElement.GetProperty("choices")[0].GetProperty("logprobs").GetProperty("token_logprobs").EnumerateArray())
        {
            if (t.ValueKind == JsonValueKind.Number) n++;
        }

        return n;
    }
}
