namespace Moa.Hub;

/// <summary>What kind of refusal a <see cref="HubException"/> is; maps to an HTTP status.</summary>
public enum HubErrorKind
{
    /// <summary>Bad input (400).</summary>
    Invalid,

    /// <summary>Not signed in (401).</summary>
    Unauthenticated,

    /// <summary>Signed in but not allowed (403).</summary>
    Forbidden,

    /// <summary>No such thing (404).</summary>
    NotFound,

    /// <summary>The request conflicts with the current state (409).</summary>
    Conflict,

    /// <summary>Too large (413).</summary>
    TooLarge,

    /// <summary>Too many attempts (429).</summary>
    TooManyRequests,
}

/// <summary>A refusal of the hub with a message that says why and what to do; the web layer turns it into a problem response.</summary>
public sealed class HubException : MoaException
{
    public HubException()
    {
    }

    public HubException(string message) : base(message)
    {
    }

    public HubException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public HubException(HubErrorKind kind, string message) : base(message)
    {
        Kind = kind;
    }

    /// <summary>The kind of refusal.</summary>
    public HubErrorKind Kind { get; }

    /// <summary>The HTTP status for <see cref="Kind"/>.</summary>
    public int StatusCode => Kind switch
    {
        HubErrorKind.Unauthenticated => 401,
        HubErrorKind.Forbidden => 403,
        HubErrorKind.NotFound => 404,
        HubErrorKind.Conflict => 409,
        HubErrorKind.TooLarge => 413,
        HubErrorKind.TooManyRequests => 429,
        _ => 400,
    };

    internal static HubException Invalid(string message) => new(HubErrorKind.Invalid, message);

    internal static HubException Forbidden(string message) => new(HubErrorKind.Forbidden, message);

    internal static HubException NotFound(string message) => new(HubErrorKind.NotFound, message);

    internal static HubException Conflict(string message) => new(HubErrorKind.Conflict, message);

    /// <summary>Refuses a list with a null item (JSON <c>[null]</c>), naming the field and index.</summary>
    internal static void NoNullItems<T>(IReadOnlyList<T?>? items, string field)
    {
        if (items is null)
        {
            throw Invalid($"{field}: a list is required.");
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                throw Invalid($"{field}[{i}]: null is not allowed here.");
            }
        }
    }
}
