using System.Text;
using System.Text.Json;
using Moa.Evaluation.ReferenceModel;

namespace Moa.Evaluation.Tests.ReferenceModel;

public class CharNgramModelTests
{
    private static readonly CharNgramModel s_model = CharNgramModel.Train(
        CorpusReader.Read(TestPaths.Data("text", "nsmc_reviews_sample.jsonl")).Take(1500), 4);

    [Theory]
    [InlineData("")]
    [InlineData("영화")]
    [InlineData("정말 재밌")]
    [InlineData("ㅋㅋㅋㅋ")]
    [InlineData("외계어★☆")]
    public void Probability_SumsToOneOverTheVocabulary(string history)
    {
        var h = s_model.Encode(history);
        var sum = 0.0;
        for (var id = CharNgramModel.UnknownId; id < s_model.VocabularySize + CharNgramModel.UnknownId; id++)
        {
            sum += s_model.Probability(h, id);
        }

        sum.ShouldBe(1.0, 1e-9);
    }

    [Fact]
    public void TopK_EqualsBruteForceRanking()
    {
        var h = s_model.Encode("이 영화 정말");
        var brute = Enumerable.Range(CharNgramModel.UnknownId, s_model.VocabularySize)
            .Select(id => (Id: id, Lp: s_model.LogProbability(h, id)))
            .OrderByDescending(t => t.Lp).ThenBy(t => t.Id).Take(5).ToList();
        var top = s_model.TopK(h, 5);
        top.Select(t => t.Id).ShouldBe(brute.Select(t => t.Id));
        top[0].LogProb.ShouldBe(brute[0].Lp, 1e-12);
    }

    [Fact]
    public void Probability_PrefersSeenContinuations()
    {
        // "재미있" is common in reviews; "재미겼" is not.
        var h = s_model.Encode("재미");
        s_model.Probability(h, s_model.Encode("있")[0]).ShouldBeGreaterThan(s_model.Probability(h, s_model.Encode("겼")[0]) * 10);
    }

    [Fact]
    public void Encode_UnseenCharacter_IsUnknownWithNonZeroProbability()
    {
        var ids = s_model.Encode("𝔘");
        ids.ShouldBe([CharNgramModel.UnknownId]);
        s_model.Probability([], CharNgramModel.UnknownId).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Train_EmptyCorpus_IsAUserError()
    {
        Should.Throw<MoaException>(() => CharNgramModel.Train(["", ""], 3)).Message.ShouldContain("no text");
        Should.Throw<MoaException>(() => CharNgramModel.Train(["가"], 9)).Message.ShouldContain("order");
    }

    [Fact]
    public void CorpusReader_MalformedJsonl_NamesFileAndLine()
    {
        var dir = TestPaths.NewTempDir();
        var file = Path.Combine(dir, "bad.jsonl");
        File.WriteAllText(file, "{\"text\": \"좋아요\"}\n{\"text\": \"망가진\n", Encoding.UTF8);
        var ex = Should.Throw<MoaException>(() => CorpusReader.Read(file).ToList());
        ex.Message.ShouldContain("bad.jsonl:2");
        Should.Throw<MoaException>(() => CorpusReader.Read(Path.Combine(dir, "missing.jsonl")).ToList()).Message.ShouldContain("not found");
    }
}

public class ReferenceCompletionServiceTests
{
    private static readonly ReferenceCompletionService s_service = new(
        CharNgramModel.Train(CorpusReader.Read(TestPaths.Data("text", "nsmc_reviews_sample.jsonl")).Take(800), 3), "tiny", maxContext: 64);

    [Fact]
    public void Completions_Echo_ReturnsOneTokenPerCharacterWithOffsetsAndNullFirst()
    {
        var reply = s_service.Completions("""{"model":"tiny","prompt":"좋은 영화😀","max_tokens":2,"echo":true,"logprobs":3}"""u8);
        reply.Status.ShouldBe(200);
        using var doc = JsonDocument.Parse(reply.Body);
        var choice = doc.RootElement.GetProperty("choices")[0];
        choice.GetProperty("text").GetString()!.ShouldStartWith("좋은 영화😀");
        var lp = choice.GetProperty("logprobs");
        var tokens = lp.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()).ToList();
        tokens.Count.ShouldBe(6 + 2);
        tokens.Take(6).ShouldBe(["좋", "은", " ", "영", "화", "😀"]);
        lp.GetProperty("text_offset").EnumerateArray().Select(o => o.GetInt32()).ShouldBe([0, 1, 2, 3, 4, 5, 6, 7]);
        lp.GetProperty("token_logprobs")[0].ValueKind.ShouldBe(JsonValueKind.Null);
        lp.GetProperty("token_logprobs")[1].GetDouble().ShouldBeLessThan(0);
        lp.GetProperty("top_logprobs")[1].EnumerateObject().Count().ShouldBe(3);
        // The generated token is the top-1 of its position.
        var top = lp.GetProperty("top_logprobs")[6].EnumerateObject().First();
        top.Name.ShouldBe(tokens[6]);
    }

    [Fact]
    public void Completions_WithoutEcho_ReturnsOnlyGeneratedTokens()
    {
        var reply = s_service.Completions("""{"prompt":"재밌","max_tokens":3,"logprobs":0}"""u8);
        using var doc = JsonDocument.Parse(reply.Body);
        var lp = doc.RootElement.GetProperty("choices")[0].GetProperty("logprobs");
        lp.GetProperty("tokens").GetArrayLength().ShouldBe(3);
        lp.GetProperty("text_offset")[0].GetInt32().ShouldBe(2);
    }

    [Theory]
    [InlineData("""{"prompt": 5}""", 400, "prompt")]
    [InlineData("""not json""", 400, "invalid JSON")]
    [InlineData("""{"model":"other","prompt":"가"}""", 404, "does not exist")]
    [InlineData("""{"prompt":"가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하"}""", 400, "maximum context length")]
    public void Completions_BadRequests_GetOpenAiErrors(string body, int status, string message)
    {
        var reply = s_service.Completions(Encoding.UTF8.GetBytes(body));
        reply.Status.ShouldBe(status);
        using var doc = JsonDocument.Parse(reply.Body);
        doc.RootElement.GetProperty("error").GetProperty("message").GetString()!.ShouldContain(message);
    }

    [Fact]
    public void ChatCompletions_ContinuesTheLastUserMessage()
    {
        var reply = s_service.ChatCompletions("""{"messages":[{"role":"system","content":"x"},{"role":"user","content":"이 영화"}],"max_tokens":4}"""u8);
        reply.Status.ShouldBe(200);
        using var doc = JsonDocument.Parse(reply.Body);
        doc.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!.EnumerateRunes().Count().ShouldBe(4);
        s_service.ChatCompletions("""{"model":"tiny"}"""u8).Status.ShouldBe(400);
    }
}
