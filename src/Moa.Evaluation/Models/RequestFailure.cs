namespace Moa.Evaluation.Models;

/// <summary>Why a request to a model endpoint failed; counted per kind in the run manifest.</summary>
public enum RequestErrorKind
{
    Unreachable,
    Timeout,
    RateLimited,
    ServerError,
    ClientError,
    Unauthorized,
    NotFound,
    ContextOverflow,
    MalformedJson,
    TruncatedResponse,
    MissingLogprobs,
}

/// <summary>A request that failed for good (after retries where they make sense), with a message a person can act on.</summary>
public sealed class RequestFailedException : Exception
{
    public RequestFailedException()
    {
        Kind = RequestErrorKind.ClientError;
    }

    public RequestFailedException(string message) : base(message)
    {
        Kind = RequestErrorKind.ClientError;
    }

    public RequestFailedException(string message, Exception innerException) : base(message, innerException)
    {
        Kind = RequestErrorKind.ClientError;
    }

    public RequestFailedException(RequestErrorKind kind, string message, Exception? inner = null, TimeSpan? retryAfter = null)
        : base(message, inner)
    {
        Kind = kind;
        RetryAfter = retryAfter;
    }

    public RequestErrorKind Kind { get; }

    /// <summary>The server's Retry-After, if it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Whether trying again may succeed.</summary>
    public bool IsRetryable => Kind is RequestErrorKind.Unreachable or RequestErrorKind.Timeout or RequestErrorKind.RateLimited
        or RequestErrorKind.ServerError or RequestErrorKind.MalformedJson or RequestErrorKind.TruncatedResponse;

    /// <summary>snake_case name used in manifests and items.jsonl.</summary>
    public static string KindName(RequestErrorKind kind) => kind switch
    {
        RequestErrorKind.Unreachable => "unreachable",
        RequestErrorKind.Timeout => "timeout",
        RequestErrorKind.RateLimited => "rate_limited",
        RequestErrorKind.ServerError => "server_error",
        RequestErrorKind.ClientError => "client_error",
        RequestErrorKind.Unauthorized => "unauthorized",
        RequestErrorKind.NotFound => "not_found",
        RequestErrorKind.ContextOverflow => "context_overflow",
        RequestErrorKind.MalformedJson => "malformed_json",
        RequestErrorKind.TruncatedResponse => "truncated_response",
        RequestErrorKind.MissingLogprobs => "missing_logprobs",
        _ => kind.ToString(),
    };
}

/// <summary>The endpoint cannot be used for this evaluation at all (unreachable, refuses the model, returns no prompt logprobs).</summary>
public sealed class EndpointException : MoaException
{
    public EndpointException()
    {
    }

    public EndpointException(string message) : base(message)
    {
    }

    public EndpointException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
