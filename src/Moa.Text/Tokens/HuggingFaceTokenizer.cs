using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace Moa.Text.Tokens;

/// <summary>
/// Loads a Hugging Face <c>tokenizer.json</c> into a Microsoft.ML.Tokenizers tokenizer: byte-level BPE (GPT-2, Llama 3,
/// Qwen and most Korean foundation-model tokenizers) with its pre-tokenizer regex, or a Unigram model. What the file
/// describes and the library cannot do is refused with a message naming the file, not silently counted wrong.
/// </summary>
public static class HuggingFaceTokenizer
{
    /// <summary>Loads <paramref name="path"/>; throws <see cref="MoaException"/> for files it cannot use.</summary>
    public static LibraryTokenCounter Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MoaException($"Cannot read tokenizer file {path}: {ex.Message}", ex);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            throw new MoaException($"{path} is not valid JSON ({ex.Message}). Give the tokenizer.json of a Hugging Face tokenizer.", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.Object)
            {
                throw new MoaException($"{path} has no 'model' object; give the tokenizer.json of a Hugging Face tokenizer.");
            }

            var type = model.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : "BPE";
            var name = TokenCounters.FileName(path);
            return type switch
            {
                "BPE" => new LibraryTokenCounter(name, ByteLevelBpe(path, root, model)),
                "Unigram" => new LibraryTokenCounter(name, Unigram(path, bytes)),
                _ => throw new MoaException($"{path}: model.type is '{type}'; token counts support byte-level BPE and Unigram tokenizer.json files."),
            };
        }
    }

    private static SentencePieceTokenizer Unigram(string path, byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return SentencePieceTokenizer.CreateFromTokenizerJson(stream, addBeginningOfSentence: false, addEndOfSentence: false);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or NotSupportedException or JsonException)
        {
            throw new MoaException($"{path}: the Unigram model cannot be loaded ({ex.Message}).", ex);
        }
    }

    private static BpeTokenizer ByteLevelBpe(string path, JsonElement root, JsonElement model)
    {
        foreach (var unsupported in new[] { "continuing_subword_prefix", "end_of_word_suffix" })
        {
            if (model.TryGetProperty(unsupported, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0)
            {
                throw new MoaException($"{path}: model.{unsupported} is set; this is a word-piece style BPE, not byte-level BPE, and is not supported.");
            }
        }

        if (!model.TryGetProperty("vocab", out var vocabElement) || vocabElement.ValueKind != JsonValueKind.Object)
        {
            throw new MoaException($"{path}: model.vocab is missing or not an object of token -> id.");
        }

        var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in vocabElement.EnumerateObject())
        {
            if (!entry.Value.TryGetInt32(out var id))
            {
                throw new MoaException($"{path}: model.vocab['{entry.Name}'] is not an integer id.");
            }

            vocab[entry.Name] = id;
        }

        var merges = new List<string>();
        if (model.TryGetProperty("merges", out var mergesElement) && mergesElement.ValueKind == JsonValueKind.Array)
        {
            foreach (var merge in mergesElement.EnumerateArray())
            {
                if (merge.ValueKind == JsonValueKind.String && merge.GetString()!.Split(' ') is { Length: 2 })
                {
                    merges.Add(merge.GetString()!);
                }
                else if (merge.ValueKind == JsonValueKind.Array && merge.GetArrayLength() == 2
                    && merge[0].ValueKind == JsonValueKind.String && merge[1].ValueKind == JsonValueKind.String)
                {
                    merges.Add(merge[0].GetString() + " " + merge[1].GetString());
                }
                else
                {
                    throw new MoaException($"{path}: merge #{merges.Count + 1} is neither \"a b\" nor [\"a\", \"b\"].");
                }
            }
        }

        if (!IsByteLevel(root))
        {
            throw new MoaException($"{path}: the BPE model has no ByteLevel pre-tokenizer or decoder; only byte-level BPE tokenizer.json files are supported (give a SentencePiece .model for SentencePiece BPE).");
        }

        var special = new Dictionary<string, int>(StringComparer.Ordinal);
        if (root.TryGetProperty("added_tokens", out var added) && added.ValueKind == JsonValueKind.Array)
        {
            foreach (var token in added.EnumerateArray())
            {
                if (token.TryGetProperty("content", out var c) && c.GetString() is { Length: > 0 } content && token.TryGetProperty("id", out var i) && i.TryGetInt32(out var id))
                {
                    special[content] = id;
                }
            }
        }

        var unk = model.TryGetProperty("unk_token", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        var options = new BpeOptions(vocab)
        {
            Merges = merges,
            ByteLevel = true,
            PreTokenizer = new RegexPreTokenizer(PreTokenizerRegex(path, root), special.Count == 0 ? null : special),
            SpecialTokens = special.Count == 0 ? null : special,
            UnknownToken = unk,
        };
        try
        {
            return BpeTokenizer.Create(options);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            throw new MoaException($"{path}: the BPE model cannot be loaded ({ex.Message}).", ex);
        }
    }

    private static bool IsByteLevel(JsonElement root)
    {
        static bool Has(JsonElement e) => e.ValueKind == JsonValueKind.Object
            && ((e.TryGetProperty("type", out var t) && t.GetString() == "ByteLevel")
                || (e.TryGetProperty("pretokenizers", out var list) && list.ValueKind == JsonValueKind.Array && list.EnumerateArray().Any(Has))
                || (e.TryGetProperty("decoders", out var decoders) && decoders.ValueKind == JsonValueKind.Array && decoders.EnumerateArray().Any(Has)));
        return (root.TryGetProperty("pre_tokenizer", out var pre) && Has(pre)) || (root.TryGetProperty("decoder", out var dec) && Has(dec));
    }

    /// <summary>The file's <c>Split</c> regex, or GPT-2's when a <c>ByteLevel</c> step uses its built-in regex.</summary>
    private static Regex PreTokenizerRegex(string path, JsonElement root)
    {
        if (!root.TryGetProperty("pre_tokenizer", out var pre) || pre.ValueKind != JsonValueKind.Object)
        {
            return PreTokenizerPatterns.Whole();
        }

        var steps = pre.TryGetProperty("type", out var pt) && pt.GetString() == "Sequence" && pre.TryGetProperty("pretokenizers", out var list)
            ? [.. list.EnumerateArray()]
            : new[] { pre };
        Regex? split = null;
        var byteLevelRegex = false;
        foreach (var step in steps)
        {
            var stepType = step.TryGetProperty("type", out var st) ? st.GetString() : null;
            if (stepType == "ByteLevel")
            {
                if (step.TryGetProperty("add_prefix_space", out var aps) && aps.ValueKind == JsonValueKind.True)
                {
                    throw new MoaException($"{path}: a ByteLevel pre-tokenizer with add_prefix_space true is not supported by the token counter.");
                }

                byteLevelRegex |= !step.TryGetProperty("use_regex", out var ur) || ur.ValueKind != JsonValueKind.False;
            }
            else if (stepType == "Split" && split is null)
            {
                var behavior = step.TryGetProperty("behavior", out var be) ? be.GetString() : "Isolated";
                var invert = step.TryGetProperty("invert", out var inv) && inv.ValueKind == JsonValueKind.True;
                if (behavior != "Isolated" || invert || !step.TryGetProperty("pattern", out var source))
                {
                    throw new MoaException(
                        $"{path}: only Split pre-tokenizers with behavior 'Isolated', invert false and a pattern are supported (found '{behavior}', invert {invert}).");
                }

                var pattern = source.TryGetProperty("Regex", out var r) ? r.GetString()! : Regex.Escape(source.GetProperty("String").GetString()!);

                // Split "Isolated" keeps the text between matches as pieces too; the library's regex pre-tokenizer keeps
                // only matches, so the gaps become matches of their own.
                var regex = $"(?:{pattern})|(?:[\\s\\S]+?(?=(?:{pattern})|\\z))";
                try
                {
                    split = new Regex(regex, RegexOptions.Compiled | RegexOptions.CultureInvariant);
                }
                catch (ArgumentException ex)
                {
                    throw new MoaException($"{path}: the pre-tokenizer pattern cannot be used by .NET regex ({ex.Message}): {regex}", ex);
                }
            }
            else if (stepType is not null and not "Split")
            {
                throw new MoaException($"{path}: pre-tokenizer '{stepType}' is not supported by the token counter (ByteLevel and Split are).");
            }
        }

        return split ?? (byteLevelRegex ? PreTokenizerPatterns.Gpt2() : PreTokenizerPatterns.Whole());
    }
}
