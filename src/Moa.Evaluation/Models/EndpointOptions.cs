namespace Moa.Evaluation.Models;

/// <summary>
/// Where a model is served and how hard to push it: an OpenAI-compatible base URL (vLLM, llama.cpp, TGI, Ollama, a commercial API),
/// the model name, the API key's environment variable, concurrency, rate limit, timeout and retries with exponential backoff.
/// </summary>
public sealed record EndpointOptions
{
    /// <summary>Base URL including <c>/v1</c>, e.g. <c>http://127.0.0.1:8000/v1</c>.</summary>
    public required string BaseUrl { get; init; }

    public required string Model { get; init; }

    /// <summary>
    /// What identifies the model's weights (e.g. <c>sha256:…</c> of the safetensors, or a release tag the operator vouches for).
    /// Part of every cache key, so that new weights served under an old name never reuse old answers. When null, the client
    /// asks the server (<see cref="ModelClient.ResolveModelDigestAsync"/>).
    /// </summary>
    public string? ModelDigest { get; init; }

    /// <summary>Name of the environment variable holding the API key; the key itself never reaches a file.</summary>
    public string? ApiKeyEnvironmentVariable { get; init; }

    /// <summary>Requests in flight at once.</summary>
    public int Concurrency { get; init; } = 16;

    /// <summary>Requests started per second; 0 for no limit.</summary>
    public double RequestsPerSecond { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Retries after the first attempt for retryable failures (429, 5xx, timeouts, cut or garbled bodies, refused connections).</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>First backoff delay; doubles each retry, with full jitter, capped by <see cref="MaxRetryDelay"/>; a Retry-After header wins.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The base URL without a trailing slash: the form used in cache keys and manifests.</summary>
    public string NormalizedBaseUrl => BaseUrl.TrimEnd('/');

    /// <summary>Checks the values a user typed; throws <see cref="MoaException"/> naming the option.</summary>
    public void Validate()
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new MoaException($"--base-url '{BaseUrl}' is not an http(s) URL; give the server's OpenAI-compatible base, e.g. http://127.0.0.1:8000/v1.");
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            throw new MoaException("--model is empty; give the model name the server expects (see its /v1/models).");
        }

        if (ModelDigest is not null && (string.IsNullOrWhiteSpace(ModelDigest) || ModelDigest.Length > 256 || ModelDigest.Any(char.IsControl)))
        {
            throw new MoaException("--model-digest must be 1-256 printable characters, e.g. sha256:<hex of the weights>.");
        }

        if (Concurrency is < 1 or > 4096)
        {
            throw new MoaException($"--concurrency {Concurrency} is out of range: use 1 to 4096.");
        }

        if (RequestsPerSecond < 0 || MaxRetries < 0 || Timeout <= TimeSpan.Zero)
        {
            throw new MoaException("--rate-limit and --retries must be >= 0 and --timeout > 0.");
        }

        if (ApiKeyEnvironmentVariable is { Length: > 0 } env && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(env)))
        {
            throw new MoaException($"--api-key-env {env}: the environment variable is not set; export it with the API key, or leave the option out for servers without keys.");
        }
    }
}
