using System.Net;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moa.Evaluation.Models;

namespace Moa.Bench.Evaluation;

/// <summary>
/// Harness overhead per request against a fast local server (Kestrel answering a canned echo+logprobs completion in-process):
/// raw HttpClient POSTs versus <see cref="ModelClient"/> (request building, rate/concurrency gates, retries wrapper, parsing of the
/// continuation log-likelihood), without cache, with a cold cache (every response written) and with a warm cache (every request a hit).
/// 2,048 requests per operation at concurrency 64; time per request = mean / 2048. Overhead = harness - raw.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class EvalHarnessBenchmarks
{
    private const int Requests = 2048;
    private const int Concurrency = 64;
    private const string Context = "새로 산 바지의 허리가 컸다. 그래서";
    private const string Continuation = " 벨트를 바지에 끼워 사이즈를 조절했다.";

    private WebApplication _app = null!;
    private string _baseUrl = null!;
    private HttpClient _raw = null!;
    private ModelClient _noCache = null!;
    private ModelClient _warm = null!;
    private string _cacheRoot = null!;
    private byte[][] _bodies = null!;
    private int _ctxLen;
    private int _promptLen;

    [GlobalSetup]
    public async Task Setup()
    {
        var prompt = Context + Continuation;
        _ctxLen = OpenAiProtocol.CodePoints(Context);
        _promptLen = OpenAiProtocol.CodePoints(prompt);
        var canned = Encoding.UTF8.GetBytes(Canned(prompt));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/v1/completions", async (HttpContext ctx) =>
        {
            await ctx.Request.Body.CopyToAsync(Stream.Null);
            ctx.Response.ContentType = "application/json";
            ctx.Response.ContentLength = canned.Length;
            await ctx.Response.Body.WriteAsync(canned);
        });
        await _app.StartAsync();
        _baseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1";

        // Distinct bodies (as in a real run) so cache keys differ; the server ignores the prompt.
        _bodies = [.. Enumerable.Range(0, Requests).Select(i => OpenAiProtocol.LogLikelihoodRequest("bench", prompt + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)))];
        _raw = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency, UseProxy = false });
        _noCache = new ModelClient(Options());
        _cacheRoot = Path.Combine(Path.GetTempPath(), "moa-bench-eval-" + Guid.NewGuid().ToString("N"));
        _warm = new ModelClient(Options(), new RequestCache(Path.Combine(_cacheRoot, "warm")));
        await RunAsync(i => _warm.PostAsync(OpenAiProtocol.CompletionsPath, _bodies[i], Parse));
    }

    private EndpointOptions Options() => new() { BaseUrl = _baseUrl, Model = "bench", Concurrency = Concurrency };

    private LogLikelihood Parse(byte[] b) => OpenAiProtocol.ParseLogLikelihood(b, _ctxLen, _promptLen);

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public Task RawHttpClient() => RunAsync(async i =>
    {
        using var content = new ByteArrayContent(_bodies[i]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var r = await _raw.PostAsync(new Uri(_baseUrl + "/completions"), content);
        await r.Content.ReadAsByteArrayAsync();
    });

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task HarnessNoCache() => RunAsync(i => _noCache.PostAsync(OpenAiProtocol.CompletionsPath, _bodies[i], Parse));

    [Benchmark(OperationsPerInvoke = Requests)]
    public async Task HarnessColdCache()
    {
        using var client = new ModelClient(Options(), new RequestCache(Path.Combine(_cacheRoot, Guid.NewGuid().ToString("N"))));
        await RunAsync(i => client.PostAsync(OpenAiProtocol.CompletionsPath, _bodies[i], Parse));
    }

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task HarnessWarmCache() => RunAsync(i => _warm.PostAsync(OpenAiProtocol.CompletionsPath, _bodies[i], Parse));

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _raw.Dispose();
        _noCache.Dispose();
        _warm.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { Directory.Delete(_cacheRoot, recursive: true); } catch (IOException) { }
    }

    private static Task RunAsync<T>(Func<int, Task<T>> send) => Parallel.ForEachAsync(
        Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, _) => await send(i));

    private static Task RunAsync(Func<int, Task> send) => Parallel.ForEachAsync(
        Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, _) => await send(i));

    private static string Canned(string prompt)
    {
        var runes = prompt.EnumerateRunes().Select(r => r.ToString()).ToList();
        var tokens = runes.Append("!").ToList();
        var lps = runes.Select((_, i) => i == 0 ? (double?)null : -1.25).Append(-0.5).ToList();
        var offsets = Enumerable.Range(0, runes.Count + 1).ToList();
        var top = tokens.Select((t, i) => i == 0 ? null : new Dictionary<string, double> { [t] = -1.25 }).ToList();
        return JsonSerializer.Serialize(new
        {
            id = "cmpl-bench",
            @object = "text_completion",
            model = "bench",
            choices = new[] { new { index = 0, text = prompt + "!", logprobs = new { tokens, token_logprobs = lps, top_logprobs = top, text_offset = offsets }, finish_reason = "length" } },
        });
    }
}
