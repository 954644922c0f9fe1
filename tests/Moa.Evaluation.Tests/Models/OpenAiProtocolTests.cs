using System.Text;
using System.Text.Json;
using Moa.Evaluation.Models;

namespace Moa.Evaluation.Tests.Models;

public class OpenAiProtocolTests
{
    private static byte[] Response(string[] tokens, double?[] logprobs, int[] offsets, string? top = null) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        choices = new[] { new { text = string.Concat(tokens), logprobs = new { tokens, token_logprobs = logprobs, text_offset = offsets, top_logprobs = top is null ? null : JsonSerializer.Deserialize<object[]>(top) } } },
    }));

    [Fact]
    public void ParseLogLikelihood_SumsOnlyContinuationTokens_MultiCharTokens()
    {
        // context "새로 산 바지" (7 code points) + continuation " 허리" (3) + one generated token.
        string[] tokens = ["새로", " 산", " 바지", " 허", "리", "가"];
        double?[] lps = [null, -1.5, -2.0, -0.25, -0.5, -3.0];
        int[] offsets = [0, 2, 4, 7, 9, 10];
        var ll = OpenAiProtocol.ParseLogLikelihood(Response(tokens, lps, offsets), 7, 10);
        ll.Sum.ShouldBe(-0.75);
        ll.Tokens.ShouldBe(2);
    }

    [Fact]
    public void ParseLogLikelihood_TokenStraddlingTheBoundary_CountsAsContinuation()
    {
        // context "ab", continuation "cd": the server tokenised "bc" together.
        string[] tokens = ["a", "bc", "d"];
        double?[] lps = [null, -1.0, -2.0];
        var ll = OpenAiProtocol.ParseLogLikelihood(Response(tokens, lps, [0, 1, 3]), 2, 4);
        ll.Sum.ShouldBe(-3.0);
        ll.Tokens.ShouldBe(2);
    }

    [Fact]
    public void ParseLogLikelihood_IsGreedy_FromTopLogprobs()
    {
        string[] tokens = ["가", "나", "다"];
        double?[] lps = [null, -0.1, -0.2];
        var top = """[null, {"나": -0.1, "라": -2.0}, {"마": -0.05, "다": -0.2}]""";
        OpenAiProtocol.ParseLogLikelihood(Response(tokens, lps, [0, 1, 2], top), 1, 2).IsGreedy.ShouldBeTrue();
        OpenAiProtocol.ParseLogLikelihood(Response(tokens, lps, [0, 1, 2], top), 1, 3).IsGreedy.ShouldBeFalse();
    }

    [Fact]
    public void ParseLogLikelihood_NoPromptLogprobs_IsMissingLogprobs()
    {
        // A server that ignores echo: only the generated token, at the end of the prompt.
        var ex = Should.Throw<RequestFailedException>(() => OpenAiProtocol.ParseLogLikelihood(Response(["!"], [-0.5], [4]), 2, 4));
        ex.Kind.ShouldBe(RequestErrorKind.MissingLogprobs);

        var noLogprobs = """{"choices":[{"text":"x","logprobs":null}]}"""u8.ToArray();
        Should.Throw<RequestFailedException>(() => OpenAiProtocol.ParseLogLikelihood(noLogprobs, 1, 2)).Kind.ShouldBe(RequestErrorKind.MissingLogprobs);

        var nulls = Response(["a", "b", "c"], [null, null, null], [0, 1, 2]);
        Should.Throw<RequestFailedException>(() => OpenAiProtocol.ParseLogLikelihood(nulls, 1, 3)).Kind.ShouldBe(RequestErrorKind.MissingLogprobs);
    }

    [Fact]
    public void ParseLogLikelihood_NoChoices_IsInvalidOperation()
    {
        Should.Throw<InvalidOperationException>(() => OpenAiProtocol.ParseLogLikelihood("""{"choices":[]}"""u8.ToArray(), 1, 2));
        Should.Throw<JsonException>(() => OpenAiProtocol.ParseLogLikelihood(Encoding.UTF8.GetBytes("{\"choices\":["), 1, 2));
    }

    [Fact]
    public void LogLikelihoodRequest_IsWhatTheHarnessSends()
    {
        using var doc = JsonDocument.Parse(OpenAiProtocol.LogLikelihoodRequest("m", "안녕"));
        var r = doc.RootElement;
        r.GetProperty("echo").GetBoolean().ShouldBeTrue();
        r.GetProperty("logprobs").GetInt32().ShouldBe(1);
        r.GetProperty("max_tokens").GetInt32().ShouldBe(1);
        r.GetProperty("temperature").GetInt32().ShouldBe(0);
        r.GetProperty("prompt").GetString().ShouldBe("안녕");
    }

    [Theory]
    [InlineData("""{"choices": [{"te""", true)]
    [InlineData("""{"a": [1, 2""", true)]
    [InlineData("", true)]
    [InlineData("""{"a": oops}""", false)]
    [InlineData("""<html>502 Bad Gateway</html>""", false)]
    public void IsTruncatedJson_TellsCutBodiesFromGarbage(string body, bool truncated)
    {
        ModelClient.IsTruncatedJson(Encoding.UTF8.GetBytes(body)).ShouldBe(truncated);
    }

    [Fact]
    public void RequestCache_KeyDependsOnModel()
    {
        var body = "{}"u8.ToArray();
        RequestCache.Key("http://h/v1", "a", "d", "/completions", body).ShouldNotBe(RequestCache.Key("http://h/v1", "b", "d", "/completions", body));
        RequestCache.Key("http://h/v1", "a", "sha256:1", "/completions", body).ShouldNotBe(RequestCache.Key("http://h/v1", "a", "sha256:2", "/completions", body));
        RequestCache.Key("http://h/v1", "a", "d", "/completions", body).ShouldBe(RequestCache.Key("http://h/v1", "a", "d", "/completions", body));
    }
}

public class RequestCacheTests
{
    [Fact]
    public void Cache_SurvivesReopen_AndIgnoresATornTail()
    {
        var dir = TestPaths.NewTempDir();
        var k1 = RequestCache.Key("e", "m", "d", "/p", "1"u8);
        var k2 = RequestCache.Key("e", "m", "d", "/p", "2"u8);
        using (var cache = new RequestCache(dir))
        {
            cache.Put(k1, "{\"a\":1}"u8);
            cache.Put(k2, "{\"b\":\"둘\"}"u8);
            cache.TryGet(k1, out var b1).ShouldBeTrue();
            b1.ShouldBe("{\"a\":1}"u8.ToArray());
        }

        // A kill in the middle of a record leaves a torn tail.
        var seg = Directory.GetFiles(dir).Single();
        File.AppendAllText(seg, RequestCache.Key("e", "m", "d", "/p", "3"u8) + " 500\n{\"partial");

        using var reopened = new RequestCache(dir);
        reopened.Count.ShouldBe(2);
        reopened.TryGet(k2, out var b2).ShouldBeTrue();
        System.Text.Encoding.UTF8.GetString(b2).ShouldBe("{\"b\":\"둘\"}");
        reopened.TryGet(RequestCache.Key("e", "m", "d", "/p", "3"u8), out _).ShouldBeFalse();
        reopened.Put(RequestCache.Key("e", "m", "d", "/p", "4"u8), "{}"u8);
        Directory.GetFiles(dir).Length.ShouldBe(2); // each process appends its own segment
    }
}
