using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Moa.Hub.Web;

/// <summary>
/// Headers on every response: a Content-Security-Policy that allows only the hub's own scripts and styles and no
/// framing, <c>X-Content-Type-Options: nosniff</c>, no referrer to other sites, and HSTS when the request came over
/// HTTPS (directly, or through a trusted proxy's <c>X-Forwarded-Proto</c>) or the hub runs with <c>--https</c>.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, HubOptions options)
{
    internal const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext ctx)
    {
        if (options.Https)
        {
            // With --https the hub is reached over HTTPS (a proxy terminates TLS): requests count as HTTPS, so cookies
            // are Secure, antiforgery accepts them and links use https.
            ctx.Request.Scheme = "https";
        }

        ctx.Response.OnStarting(static state =>
        {
            var (ctx, https) = ((HttpContext, bool))state;
            var h = ctx.Response.Headers;
            // An endpoint may only tighten the policy, to a sandbox (the provider's HTML reports of /api/deid).
            if (!h.ContentSecurityPolicy.ToString().StartsWith("sandbox;", StringComparison.Ordinal))
            {
                h.ContentSecurityPolicy = ContentSecurityPolicy;
            }
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "same-origin";
            if (https || ctx.Request.IsHttps)
            {
                h.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            return Task.CompletedTask;
        }, (ctx, options.Https));
        return next(ctx);
    }
}

/// <summary>
/// Request limits applied before sign-in and model binding: each endpoint's largest body (document uploads get the
/// document limit, everything else a small JSON/form limit), refused with 413 from <c>Content-Length</c> alone and
/// enforced while streaming for chunked bodies; JSON nesting depth is capped by the serializer options.
/// </summary>
internal sealed class RequestLimits(RequestDelegate next, HubOptions options)
{
    /// <summary>Deepest JSON nesting any request type needs is 3; 32 leaves room and stops stack-deep bodies.</summary>
    public const int MaxJsonDepth = 32;

    private const long MultipartOverhead = 64 * 1024;

    public Task InvokeAsync(HttpContext ctx)
    {
        if (HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method))
        {
            return next(ctx);
        }

        var limit = Limit(options, ctx.Request.Path);
        if (ctx.Request.ContentLength > limit)
        {
            throw new HubException(HubErrorKind.TooLarge, $"body: {ctx.Request.ContentLength} bytes is more than this endpoint accepts ({limit} bytes).");
        }

        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(ctx);
    }

    internal static long Limit(HubOptions options, PathString path)
    {
        var segments = path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (segments is ["api", "applications", _, "documents", _])
        {
            return options.MaxDocumentBytes + MultipartOverhead;
        }

        if (segments is ["api", "leaderboard", "phases", _, "runs"] or ["api", "leaderboard", "phases", _, "sealed", _, "items" or "submissions"])
        {
            // A benchmark run (run.json + items.jsonl) or a sealed item list is a document-sized upload.
            return options.MaxDocumentBytes + MultipartOverhead;
        }

        if (segments is ["calls", _, "apply"])
        {
            return (3 * options.MaxDocumentBytes) + MultipartOverhead;
        }

        return options.MaxJsonBodyBytes;
    }

    internal static long LargestBody(HubOptions options) => (3 * options.MaxDocumentBytes) + MultipartOverhead;

    /// <summary>The only state-changing requests allowed before sign-in: signing in (and signing out).</summary>
    internal static bool IsAnonymousWrite(PathString path) =>
        path.Equals("/api/auth/token", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/login", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/logout", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Where a redirect after sign-in may go: only a path of this site.</summary>
internal static class LocalUrl
{
    /// <summary>
    /// True for <c>/path?query</c> on this site. Refuses <c>//host</c>, <c>/\host</c> (browsers read a backslash as a
    /// slash), any backslash or control character, absolute URLs and anything not starting with one slash.
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c))
        && url.Length <= 2048;

    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}

/// <summary>
/// Stores the data-protection keys (which protect session and antiforgery cookies) in the hub's data folder, readable
/// by the hub's OS user only (folder 0700, files 0600), so each hub instance has its own keys and no other hub or user
/// on the machine shares them.
/// </summary>
internal sealed class PrivateKeyRepository(string directory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.GetFiles(directory, "*.xml").Order(StringComparer.Ordinal).Select(f => XElement.Load(f)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        FilePermissions.CreatePrivateDirectory(directory);
        var name = string.Concat((friendlyName ?? "key").Where(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
        var path = Path.Combine(directory, (name.Length == 0 ? Guid.NewGuid().ToString("N") : name) + ".xml");
        var temp = path + ".tmp";
        using (var stream = FilePermissions.CreatePrivateFile(temp))
        {
            element.Save(stream);
        }

        File.Move(temp, path, overwrite: true);
    }
}

/// <summary>Creates folders (0700) and files (0600) that only the hub's OS user can read.</summary>
internal static class FilePermissions
{
    public const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, PrivateDirectory);
        }
        else
        {
            File.SetUnixFileMode(path, PrivateDirectory);
        }
    }

    public static FileStream CreatePrivateFile(string path, FileMode mode = FileMode.Create)
    {
        var o = new FileStreamOptions { Mode = mode, Access = mode == FileMode.Append ? FileAccess.Write : FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 81920, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            o.UnixCreateMode = PrivateFile;
        }

        return new FileStream(path, o);
    }

    /// <summary>Restricts an existing file to its owner (no-op where it does not exist or on Windows).</summary>
    public static void RestrictFile(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            File.SetUnixFileMode(path, PrivateFile);
        }
    }
}
