using System.Text;
using System.Text.Json;
using Moa.Text.Tokens;

namespace Moa.Text.Tests.Tokens;

public sealed class HuggingFaceTokenizerTests
{
    /// <summary>GPT-2's byte alphabet, written from its definition (independent of the code under test).</summary>
    private static readonly string[] Alphabet = BuildAlphabet();

    private static string[] BuildAlphabet()
    {
        var map = new string[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            map[b] = (b is >= 33 and <= 126 or >= 161 and <= 172 or >= 174 and <= 255) ? ((char)b).ToString() : ((char)next++).ToString();
        }

        return map;
    }

    private static string Mapped(string text) => string.Concat(Encoding.UTF8.GetBytes(text).Select(b => Alphabet[b]));

    private static string WriteTokenizer(bool mergesAsPairs = false, object? preTokenizer = null, string modelType = "BPE")
    {
        var vocab = new Dictionary<string, int>();
        for (var b = 0; b < 256; b++)
        {
            vocab[Alphabet[b]] = b;
        }

        var han = Mapped("한");
        string[][] merges =
        [
            ["Ġ", "t"],
            ["h", "e"],
            ["Ġt", "he"],
            ["t", "h"],
            [han[..1], han[1..2]],
            [han[..2], han[2..]],
        ];
        var id = 256;
        foreach (var m in merges)
        {
            vocab.TryAdd(m[0] + m[1], id++);
        }

        var json = new
        {
            version = "1.0",
            added_tokens = new[] { new { id = 300, content = "<|endoftext|>", special = true } },
            normalizer = (object?)null,
            pre_tokenizer = preTokenizer ?? new { type = "ByteLevel", add_prefix_space = false, trim_offsets = true, use_regex = true },
            decoder = new { type = "ByteLevel", add_prefix_space = true, trim_offsets = true, use_regex = true },
            model = new
            {
                type = modelType,
                unk_token = (string?)null,
                vocab,
                merges = mergesAsPairs ? (object)merges : merges.Select(m => m[0] + " " + m[1]).ToArray(),
            },
        };
        var path = Path.Combine(TestPaths.NewTempDir(), "tokenizer.json");
        File.WriteAllText(path, JsonSerializer.Serialize(json));
        return path;
    }

    [Fact]
    public void Encode_AppliesMergesByRankNotByPosition()
    {
        var tokenizer = HuggingFaceTokenizer.Load(WriteTokenizer());

        // "t h" (rank 4) comes first in the word, but "h e" (rank 2) wins.
        tokenizer.Encode("the").ShouldBe(['t', 257]);
        tokenizer.Encode(" the").ShouldBe([258]);
        tokenizer.Encode("the the").ShouldBe(['t', 257, 258]);
        tokenizer.Encode("th").ShouldBe([259]);
    }

    [Fact]
    public void Encode_KoreanMergesAndByteFallback()
    {
        var tokenizer = HuggingFaceTokenizer.Load(WriteTokenizer(mergesAsPairs: true));

        tokenizer.Encode("한").ShouldBe([261]);
        var guk = tokenizer.Encode("국");
        guk.ShouldBe(Encoding.UTF8.GetBytes("국").Select(b => (int)b).ToArray());
        tokenizer.Encode("한국 😀").Count.ShouldBe(1 + 3 + 5);
    }

    [Fact]
    public void Encode_AddedTokensAreMatchedWhole()
    {
        var tokenizer = HuggingFaceTokenizer.Load(WriteTokenizer());

        tokenizer.Encode("hi<|endoftext|>the").ShouldBe(['h', 'i', 300, 't', 257]);
    }

    [Theory]
    [InlineData("한국어 텍스트, English words and 123 numbers!\n\n  end 😀")]
    [InlineData("")]
    [InlineData("   ")]
    public void Decode_RoundTrips_AndCountMatchesEncode(string text)
    {
        var tokenizer = HuggingFaceTokenizer.Load(WriteTokenizer());

        var ids = tokenizer.Encode(text);

        tokenizer.Tokenizer.Decode(ids).ShouldBe(text);
        tokenizer.Count(text).ShouldBe(ids.Count);
        tokenizer.Name.ShouldEndWith("/tokenizer.json");
    }

    [Fact]
    public void Load_SplitPreTokenizer_UsesFilePattern()
    {
        var pre = new
        {
            type = "Sequence",
            pretokenizers = new object[]
            {
                new { type = "Split", pattern = new { Regex = "." }, behavior = "Isolated", invert = false },
                new { type = "ByteLevel", add_prefix_space = false, trim_offsets = false, use_regex = false },
            },
        };
        var tokenizer = HuggingFaceTokenizer.Load(WriteTokenizer(preTokenizer: pre));

        tokenizer.Encode("the").ShouldBe(['t', 'h', 'e']);
    }

    [Fact]
    public void Load_SplitPatternWithGaps_KeepsTheGapsAsPieces()
    {
        var pre = new { type = "Split", pattern = new { Regex = "e" }, behavior = "Isolated", invert = false };
        var tokenizer = HuggingFaceTokenizer.Load(WriteTokenizer(preTokenizer: pre));

        // Pieces "th" and "e": "t h" merges inside the first piece, "h e" cannot cross pieces.
        tokenizer.Encode("the").ShouldBe([259, 'e']);
        tokenizer.Tokenizer.Decode(tokenizer.Encode("the tree")).ShouldBe("the tree");
    }

    [Fact]
    public void Load_UnsupportedSplitBehaviour_Throws()
    {
        var pre = new { type = "Split", pattern = new { Regex = "e" }, behavior = "MergedWithPrevious", invert = false };
        Should.Throw<MoaException>(() => HuggingFaceTokenizer.Load(WriteTokenizer(preTokenizer: pre))).Message.ShouldContain("MergedWithPrevious");
    }

    [Fact]
    public void Load_WordPieceModel_ThrowsNamingTheType()
    {
        var ex = Should.Throw<MoaException>(() => HuggingFaceTokenizer.Load(WriteTokenizer(modelType: "WordPiece")));
        ex.Message.ShouldContain("WordPiece");
    }

    [Fact]
    public void Load_MetaspacePreTokenizer_ThrowsRatherThanCountingWrong()
    {
        var pre = new { type = "Metaspace", replacement = "▁", prepend_scheme = "first" };
        var ex = Should.Throw<MoaException>(() => HuggingFaceTokenizer.Load(WriteTokenizer(preTokenizer: pre)));
        ex.Message.ShouldContain("Metaspace");
    }

    [Fact]
    public void Load_BpeWithoutByteLevel_ThrowsRatherThanCountingWrong()
    {
        var path = WriteTokenizer();
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json.Remove("decoder");
        json["pre_tokenizer"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "Whitespace" };
        File.WriteAllText(path, json.ToJsonString());

        Should.Throw<MoaException>(() => HuggingFaceTokenizer.Load(path)).Message.ShouldContain("byte-level");
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingIt()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "missing", "tokenizer.json");
        Should.Throw<MoaException>(() => HuggingFaceTokenizer.Load(path)).Message.ShouldContain(path);
    }

    [Fact]
    public void Load_InvalidJson_Throws()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "tokenizer.json");
        File.WriteAllText(path, "{ not json");

        Should.Throw<MoaException>(() => HuggingFaceTokenizer.Load(path)).Message.ShouldContain("not valid JSON");
    }

    [Fact]
    public void Count_IsThreadSafe()
    {
        var tokenizer = HuggingFaceTokenizer.Load(WriteTokenizer());
        var texts = NsmcTexts.All.Take(2000).ToArray();
        var expected = texts.Select(t => tokenizer.Encode(t).Count).ToArray();

        var counts = new int[texts.Length];
        Parallel.For(0, texts.Length, i => counts[i] = tokenizer.Count(texts[i]));

        counts.ShouldBe(expected);
    }
}
