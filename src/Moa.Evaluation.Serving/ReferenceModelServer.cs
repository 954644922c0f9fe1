using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Moa.Evaluation.ReferenceModel;

namespace Moa.Evaluation.Serving;

/// <summary>
/// Hosts a <see cref="ReferenceCompletionService"/> on 127.0.0.1 with Kestrel: <c>GET /v1/models</c>, <c>POST /v1/completions</c>,
/// <c>POST /v1/chat/completions</c> and <c>GET /health</c>. Loopback only: it is a baseline and a test fixture, not a public service.
/// </summary>
public sealed class ReferenceModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReferenceModelServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The OpenAI-compatible base, e.g. <c>http://127.0.0.1:8000/v1</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Starts serving; port 0 picks a free port (see <see cref="BaseUrl"/>).</summary>
    public static async Task<ReferenceModelServer> StartAsync(ReferenceCompletionService service, int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.Limits.MaxRequestBodySize = 16 * 1024 * 1024;
        });
        var app = builder.Build();
        MapOpenAiApi(app, service);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new MoaException($"cannot listen on 127.0.0.1:{port} ({ex.Message}); choose another --port.", ex);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ReferenceModelServer(app, new Uri(address.TrimEnd('/') + "/v1"));
    }

    /// <summary>Maps the OpenAI-compatible endpoints of <paramref name="service"/>.</summary>
    public static void MapOpenAiApi(IEndpointRouteBuilder routes, ReferenceCompletionService service)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(service);
        var v1 = routes.MapGroup("/v1");
        v1.MapGet("/models", (HttpContext ctx) => Send(ctx, service.Models()));
        v1.MapPost("/completions", async (HttpContext ctx) => await Send(ctx, service.Completions(await ReadBody(ctx).ConfigureAwait(false))).ConfigureAwait(false));
        v1.MapPost("/chat/completions", async (HttpContext ctx) => await Send(ctx, service.ChatCompletions(await ReadBody(ctx).ConfigureAwait(false))).ConfigureAwait(false));
        routes.MapGet("/health", () => Results.Text("ok"));
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadBody(HttpContext ctx)
    {
        using var ms = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(ms, ctx.RequestAborted).ConfigureAwait(false);
        return ms.ToArray();
    }

    private static Task Send(HttpContext ctx, ProtocolReply reply)
    {
        ctx.Response.StatusCode = reply.Status;
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength = reply.Body.Length;
        return ctx.Response.Body.WriteAsync(reply.Body, ctx.RequestAborted).AsTask();
    }
}
