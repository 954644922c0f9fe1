using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Moa.Evaluation.Models;

/// <summary>Counts of what a client did, for the run manifest.</summary>
public sealed class RequestCounters
{
    private long _sent, _cached, _retries, _succeeded, _failed;
    private readonly long[] _errorsByKind = new long[Enum.GetValues<RequestErrorKind>().Length];
    private readonly long[] _retriesByKind = new long[Enum.GetValues<RequestErrorKind>().Length];

    /// <summary>HTTP requests sent (attempts, retries included).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Requests answered from the disk cache.</summary>
    public long Cached => Interlocked.Read(ref _cached);

    public long Retries => Interlocked.Read(ref _retries);

    public long Succeeded => Interlocked.Read(ref _succeeded);

    /// <summary>Requests that failed for good.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    public IReadOnlyDictionary<string, long> ErrorsByKind => ByKind(_errorsByKind);

    public IReadOnlyDictionary<string, long> RetriesByKind => ByKind(_retriesByKind);

    internal void OnSent() => Interlocked.Increment(ref _sent);

    internal void OnCached() => Interlocked.Increment(ref _cached);

    internal void OnSucceeded() => Interlocked.Increment(ref _succeeded);

    internal void OnRetry(RequestErrorKind kind)
    {
        Interlocked.Increment(ref _retries);
        Interlocked.Increment(ref _retriesByKind[(int)kind]);
    }

    internal void OnFailed(RequestErrorKind kind)
    {
        Interlocked.Increment(ref _failed);
        Interlocked.Increment(ref _errorsByKind[(int)kind]);
    }

    private static Dictionary<string, long> ByKind(long[] counts)
    {
        var d = new Dictionary<string, long>();
        for (var i = 0; i < counts.Length; i++)
        {
            var n = Interlocked.Read(ref counts[i]);
            if (n > 0)
            {
                d[RequestFailedException.KindName((RequestErrorKind)i)] = n;
            }
        }

        return d;
    }
}

/// <summary>
/// A client for OpenAI-compatible endpoints built on one pooled <see cref="HttpClient"/>: bounded concurrency, an optional
/// rate limit, per-request timeouts, retries with exponential backoff and full jitter (honouring Retry-After), a disk cache,
/// and a classification of every failure (<see cref="RequestErrorKind"/>). A response is cached only after it parsed.
/// </summary>
public sealed class ModelClient : IDisposable
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json");
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _slots;
    private readonly RateLimiter _rate;
    private readonly RequestCache? _cache;
    private readonly string _endpoint;

    public ModelClient(EndpointOptions options, RequestCache? cache = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        ModelDigest = options.ModelDigest;
        _cache = cache;
        _endpoint = options.NormalizedBaseUrl;
        _slots = new SemaphoreSlim(options.Concurrency, options.Concurrency);
        _rate = new RateLimiter(options.RequestsPerSecond);
        handler ??= new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Concurrency,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(Math.Min(30, options.Timeout.TotalSeconds)),
            AutomaticDecompression = DecompressionMethods.All,
            UseProxy = false,
        };
        _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        if (options.ApiKeyEnvironmentVariable is { Length: > 0 } env && Environment.GetEnvironmentVariable(env) is { Length: > 0 } key)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
    }

    public EndpointOptions Options { get; }

    public RequestCounters Counters { get; } = new();

    /// <summary>
    /// What identifies the served weights: the operator's <see cref="EndpointOptions.ModelDigest"/>, else what the server
    /// reported in <see cref="ResolveModelDigestAsync"/>. Null means unknown, and then the cache is not used: answers of
    /// unidentified weights are never stored or reused.
    /// </summary>
    public string? ModelDigest { get; private set; }

    /// <summary>Why the cache is not used, or null when it is.</summary>
    public string? CacheBypassReason => _cache is null ? "no cache" : ModelDigest is null
        ? "the model's weights are not identified: pass --model-digest (e.g. sha256 of the weights) or serve a 'digest' in /v1/models"
        : null;

    /// <summary>
    /// Settles <see cref="ModelDigest"/>: the declared digest when there is one; otherwise the <c>digest</c> (or
    /// <c>sha256</c>) field of this model's entry in <c>GET /models</c>, which some servers report. Never throws for a
    /// server without the endpoint; the digest then stays unknown.
    /// </summary>
    public async Task<string?> ResolveModelDigestAsync(CancellationToken cancellationToken = default)
    {
        if (Options.ModelDigest is { } declared)
        {
            return ModelDigest = declared;
        }

        try
        {
            var body = await GetAsync("/models", cancellationToken).ConfigureAwait(false);
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in data.EnumerateArray())
                {
                    if (entry.ValueKind == JsonValueKind.Object
                        && entry.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == Options.Model)
                    {
                        foreach (var name in (ReadOnlySpan<string>)["digest", "sha256"])
                        {
                            if (entry.TryGetProperty(name, out var d) && d.ValueKind == JsonValueKind.String && d.GetString() is { Length: > 0 and <= 256 } value)
                            {
                                return ModelDigest = value;
                            }
                        }
                    }
                }
            }
        }
        catch (Exception ex) when (ex is RequestFailedException or JsonException)
        {
            // No model list: the weights stay unidentified and the cache is bypassed.
        }

        return null;
    }

    /// <summary>
    /// POSTs <paramref name="body"/> to <paramref name="path"/> (e.g. <c>/completions</c>), parses the reply with <paramref name="parse"/>
    /// (which throws <see cref="RequestFailedException"/> or <see cref="JsonException"/> on a bad body), retries what can be retried and
    /// throws <see cref="RequestFailedException"/> when the request fails for good.
    /// </summary>
    public async Task<(T Value, bool FromCache)> PostAsync<T>(string path, byte[] body, Func<byte[], T> parse, CancellationToken cancellationToken = default, int? maxRetries = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(parse);
        string? key = null;
        if (_cache is not null && ModelDigest is { } digest)
        {
            key = RequestCache.Key(_endpoint, Options.Model, digest, path, body);
            if (_cache.TryGet(key, out var cached))
            {
                try
                {
                    var value = parse(cached);
                    Counters.OnCached();
                    Counters.OnSucceeded();
                    return (value, true);
                }
                catch (Exception ex) when (ex is JsonException or RequestFailedException)
                {
                    // A damaged cache entry is refetched, never trusted.
                }
            }
        }

        for (var attempt = 0; ; attempt++)
        {
            RequestFailedException failure;
            try
            {
                var bytes = await SendOnceAsync(path, body, cancellationToken).ConfigureAwait(false);
                var value = Parse(bytes, parse);
                if (key is not null)
                {
                    _cache!.Put(key, bytes);
                }

                Counters.OnSucceeded();
                return (value, false);
            }
            catch (RequestFailedException ex)
            {
                failure = ex;
            }

            if (!failure.IsRetryable || attempt >= (maxRetries ?? Options.MaxRetries))
            {
                Counters.OnFailed(failure.Kind);
                var tries = attempt + 1;
                throw new RequestFailedException(failure.Kind, tries > 1 ? $"{failure.Message} (after {tries} attempts)" : failure.Message, failure.InnerException);
            }

            Counters.OnRetry(failure.Kind);
            await Task.Delay(Backoff(attempt, failure.RetryAfter), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>GET a path (e.g. <c>/models</c>) once, without cache or retries; for the preflight.</summary>
    public async Task<byte[]> GetAsync(string path, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        try
        {
            using var response = await _http.GetAsync(new Uri(_endpoint + path), HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            ThrowForStatus(response, bytes, path);
            return bytes;
        }
        catch (Exception ex) when (Classify(ex, cancellationToken, path) is { } failure)
        {
            throw failure;
        }
    }

    private async Task<byte[]> SendOnceAsync(string path, byte[] body, CancellationToken cancellationToken)
    {
        await _rate.WaitAsync(cancellationToken).ConfigureAwait(false);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        try
        {
            Counters.OnSent();
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = s_json;
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint + path)) { Content = content };
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            byte[] bytes;
            try
            {
                bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
                throw new RequestFailedException(RequestErrorKind.TruncatedResponse, $"POST {path}: the response body was cut off ({ex.Message}).", ex);
            }

            ThrowForStatus(response, bytes, path);
            return bytes;
        }
        catch (Exception ex) when (Classify(ex, cancellationToken, path) is { } failure)
        {
            throw failure;
        }
        finally
        {
            _slots.Release();
        }
    }

    private RequestFailedException? Classify(Exception ex, CancellationToken caller, string path)
    {
        if (ex is RequestFailedException)
        {
            return null; // already classified: rethrow as is
        }

        if (ex is OperationCanceledException && !caller.IsCancellationRequested)
        {
            return new RequestFailedException(RequestErrorKind.Timeout, $"{path}: no complete response within {Options.Timeout.TotalSeconds:0.#} s (--timeout).", ex);
        }

        if (ex is HttpRequestException http)
        {
            var refused = http.InnerException is SocketException || http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
            return refused
                ? new RequestFailedException(RequestErrorKind.Unreachable, $"cannot reach {_endpoint}{path}: {http.Message.TrimEnd('.')}. Is the server running and is --base-url right?", ex)
                : new RequestFailedException(RequestErrorKind.TruncatedResponse, $"{path}: the response was cut off, the connection broke ({http.Message}).", ex);
        }

        if (ex is IOException io)
        {
            return new RequestFailedException(RequestErrorKind.TruncatedResponse, $"{path}: the response was cut off, the connection broke ({io.Message}).", ex);
        }

        return null;
    }

    private void ThrowForStatus(HttpResponseMessage response, byte[] bytes, string path)
    {
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return;
        }

        var detail = ErrorMessage(bytes);
        var where = $"{_endpoint}{path} answered HTTP {status}";
        var retryAfter = response.Headers.RetryAfter is { } ra
            ? ra.Delta ?? (ra.Date is { } date ? date - DateTimeOffset.UtcNow : null)
            : null;
        throw status switch
        {
            429 => new RequestFailedException(RequestErrorKind.RateLimited, $"{where} (rate limited): {detail}. Lower --concurrency or set --rate-limit.", retryAfter: retryAfter),
            408 => new RequestFailedException(RequestErrorKind.Timeout, $"{where} (request timeout): {detail}", retryAfter: retryAfter),
            401 or 403 => new RequestFailedException(RequestErrorKind.Unauthorized, $"{where} (not authorised): {detail}. Check --api-key-env."),
            404 => new RequestFailedException(RequestErrorKind.NotFound, $"{where} (not found): {detail}. Check --base-url (it usually ends in /v1) and --model."),
            >= 500 => new RequestFailedException(RequestErrorKind.ServerError, $"{where} (server error): {detail}", retryAfter: retryAfter),
            _ when IsContextOverflow(detail) => new RequestFailedException(RequestErrorKind.ContextOverflow, $"{where} (prompt longer than the model's context): {detail}. Lower --fewshot or set --max-context."),
            _ => new RequestFailedException(RequestErrorKind.ClientError, $"{where}: {detail}"),
        };
    }

    private static bool IsContextOverflow(string detail) =>
        detail.Contains("context length", StringComparison.OrdinalIgnoreCase)
        || detail.Contains("context_length", StringComparison.OrdinalIgnoreCase)
        || detail.Contains("context window", StringComparison.OrdinalIgnoreCase)
        || detail.Contains("too many tokens", StringComparison.OrdinalIgnoreCase)
        || detail.Contains("exceeds the context", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>error.message</c> of an OpenAI-style error body, else the body's first 300 characters.</summary>
    internal static string ErrorMessage(byte[] bytes)
    {
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String) return error.GetString() ?? string.Empty;
                if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m)) return m.ToString();
            }
        }
        catch (JsonException)
        {
            // not JSON: fall through to the raw text
        }

        var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 300)).ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? "(empty body)" : text;
    }

    private static T Parse<T>(byte[] bytes, Func<byte[], T> parse)
    {
        try
        {
            return parse(bytes);
        }
        catch (JsonException ex)
        {
            throw IsTruncatedJson(bytes)
                ? new RequestFailedException(RequestErrorKind.TruncatedResponse, $"the response body ends in the middle of its JSON ({bytes.Length} bytes).", ex)
                : new RequestFailedException(RequestErrorKind.MalformedJson, $"the response is not valid JSON: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or KeyNotFoundException or IndexOutOfRangeException)
        {
            throw new RequestFailedException(RequestErrorKind.MalformedJson, $"the response JSON lacks the expected fields: {ex.Message}", ex);
        }
    }

    /// <summary>True when the bytes are a valid but unfinished JSON prefix (the body was cut off).</summary>
    internal static bool IsTruncatedJson(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Trim(" \r\n\t"u8).IsEmpty)
        {
            return true;
        }

        var reader = new Utf8JsonReader(bytes, isFinalBlock: false, default);
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return reader.CurrentDepth > 0 || reader.BytesConsumed < bytes.Length;
    }

    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } ra && ra > TimeSpan.Zero)
        {
            return ra < Options.MaxRetryDelay ? ra : Options.MaxRetryDelay;
        }

        var cap = Math.Min(Options.MaxRetryDelay.TotalMilliseconds, Options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * cap);
    }

    /// <summary>Releases the HTTP client and the cache handed to the constructor (the client owns it).</summary>
    public void Dispose()
    {
        _http.Dispose();
        _slots.Dispose();
        _cache?.Dispose();
    }
}
