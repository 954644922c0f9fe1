using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Moa.Evaluation.Tests.Fixtures;

/// <summary>What the fake server does with one request.</summary>
public enum FakeBehaviour
{
    Ok,
    ServerError,
    RateLimited,
    MalformedJson,
    TruncatedBody,
    NoPromptLogprobs,
    Slow,
    ContextOverflow,
}

/// <summary>
/// A real HTTP server on a free loopback port (Kestrel) speaking just enough of the OpenAI protocol: every character is a token
/// with log-probability -1 (or -2 for characters listed as "unlikely"), so the right answer is predictable. A policy decides per
/// request (by prompt text and attempt number) whether to answer or to fail in a chosen way.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private int _requests;

    private FakeOpenAiServer(WebApplication app, Func<string, int, FakeBehaviour> policy)
    {
        _app = app;
        Policy = policy;
    }

    public Func<string, int, FakeBehaviour> Policy { get; set; }

    /// <summary>Characters scored -2 instead of -1.</summary>
    public string Unlikely { get; set; } = "✗";

    public string BaseUrl { get; private set; } = string.Empty;

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<FakeOpenAiServer> StartAsync(Func<string, int, FakeBehaviour> policy)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeOpenAiServer(app, policy);
        app.MapPost("/v1/completions", server.HandleAsync);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1";
        return server;
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        Interlocked.Increment(ref _requests);
        using var ms = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(ms);
        using var doc = JsonDocument.Parse(ms.ToArray());
        var chat = ctx.Request.Path.Value!.EndsWith("chat/completions", StringComparison.Ordinal);
        var prompt = chat
            ? doc.RootElement.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString()!
            : doc.RootElement.GetProperty("prompt").GetString()!;
        var attempt = _attempts.AddOrUpdate(prompt, 1, (_, n) => n + 1);
        var behaviour = Policy(prompt, attempt);
        switch (behaviour)
        {
            case FakeBehaviour.ServerError:
                await Reply(ctx, 500, """{"error":{"message":"CUDA out of memory","type":"server_error"}}""");
                return;
            case FakeBehaviour.RateLimited:
                ctx.Response.Headers.RetryAfter = "0";
                await Reply(ctx, 429, """{"error":{"message":"Rate limit reached","type":"rate_limit"}}""");
                return;
            case FakeBehaviour.MalformedJson:
                await Reply(ctx, 200, """{"choices": [ {"text": "x", oops}] }""");
                return;
            case FakeBehaviour.ContextOverflow:
                await Reply(ctx, 400, """{"error":{"message":"This model's maximum context length is 16 tokens. However, you requested 99 tokens.","code":"context_length_exceeded"}}""");
                return;
            case FakeBehaviour.TruncatedBody:
            {
                var full = Encoding.UTF8.GetBytes(Completion(prompt, withPromptLogprobs: true));
                ctx.Response.StatusCode = 200;
                ctx.Response.ContentType = "application/json";
                ctx.Response.ContentLength = full.Length;
                await ctx.Response.Body.WriteAsync(full.AsMemory(0, full.Length / 2));
                await ctx.Response.Body.FlushAsync();
                ctx.Abort();
                return;
            }

            case FakeBehaviour.Slow:
                await Task.Delay(TimeSpan.FromSeconds(5), ctx.RequestAborted).ContinueWith(_ => { });
                return;
            default:
                await Reply(ctx, 200, chat ? Chat("정답: 2") : Completion(prompt, behaviour != FakeBehaviour.NoPromptLogprobs));
                return;
        }
    }

    private static Task Reply(HttpContext ctx, int status, string body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(body);
    }

    private string Completion(string prompt, bool withPromptLogprobs)
    {
        var runes = prompt.EnumerateRunes().Select(r => r.ToString()).ToList();
        var tokens = new List<string>();
        var lps = new List<double?>();
        var offsets = new List<int>();
        var start = withPromptLogprobs ? 0 : runes.Count;
        for (var i = start; i < runes.Count; i++)
        {
            tokens.Add(runes[i]);
            lps.Add(i == 0 ? null : Unlikely.Contains(runes[i], StringComparison.Ordinal) ? -2.0 : -1.0);
            offsets.Add(i);
        }

        tokens.Add("!");
        lps.Add(-0.5);
        offsets.Add(runes.Count);
        var body = new
        {
            id = "cmpl-fake",
            @object = "text_completion",
            choices = new[]
            {
                new { index = 0, text = prompt + "!", logprobs = new { tokens, token_logprobs = lps, text_offset = offsets }, finish_reason = "length" },
            },
        };
        return JsonSerializer.Serialize(body);
    }

    private static string Chat(string content) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-fake",
        @object = "chat.completion",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
