using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Moa.Text.Tokens;

/// <summary>
/// A byte-level BPE tokenizer loaded from a Hugging Face <c>tokenizer.json</c> (GPT-2, Llama 3, Qwen and most Korean
/// foundation-model tokenizers): splits text with the file's pre-tokenizer regex (or GPT-2's), maps UTF-8 bytes to the
/// GPT-2 byte alphabet and applies merges by rank. Gives exact token counts for corpus statistics. Thread-safe.
/// </summary>
/// <remarks>
/// Supported: <c>model.type</c> <c>BPE</c> with <c>vocab</c> and <c>merges</c> (as <c>"a b"</c> strings or <c>["a","b"]</c>
/// pairs), <c>ignore_merges</c>, <c>byte_fallback</c> (<c>&lt;0xXX&gt;</c> tokens) and <c>unk_token</c>; pre-tokenizers
/// <c>ByteLevel</c> and <c>Split</c> (regex) alone or in a <c>Sequence</c>; added tokens matched verbatim. Normalizers
/// other than none are not applied (byte-level BPE tokenizers have none).
/// </remarks>
public sealed class ByteLevelBpeTokenizer : ITokenCounter
{
    private const int MaxCachedWords = 100_000;
    private static readonly char[] s_byteToChar = BuildByteAlphabet();
    private static readonly Dictionary<char, byte> s_charToByte = BuildReverseAlphabet();

    private readonly Dictionary<string, int> _vocab;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _vocabLookup;
    private readonly string[] _idToToken;
    private readonly Dictionary<long, (int Rank, int Merged)> _merges;
    private readonly Regex _pattern;
    private readonly bool _addPrefixSpace;
    private readonly bool _ignoreMerges;
    private readonly int[] _byteIds;
    private readonly (string Content, int Id)[] _added;
    private readonly ConcurrentDictionary<string, int[]> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _cacheLookup;

    private ByteLevelBpeTokenizer(
        string name, Dictionary<string, int> vocab, Dictionary<long, (int, int)> merges, Regex pattern, bool addPrefixSpace,
        bool ignoreMerges, int[] byteIds, (string, int)[] added)
    {
        Name = name;
        _vocab = vocab;
        _vocabLookup = vocab.GetAlternateLookup<ReadOnlySpan<char>>();
        _merges = merges;
        _pattern = pattern;
        _addPrefixSpace = addPrefixSpace;
        _ignoreMerges = ignoreMerges;
        _byteIds = byteIds;
        _added = added;
        _cacheLookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
        var max = 0;
        foreach (var id in vocab.Values)
        {
            max = Math.Max(max, id);
        }

        foreach (var (_, id) in added)
        {
            max = Math.Max(max, id);
        }

        _idToToken = new string[max + 1];
        foreach (var (token, id) in vocab)
        {
            _idToToken[id] = token;
        }

        foreach (var (content, id) in added)
        {
            _idToToken[id] = content;
        }
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Number of entries in the vocabulary (without added tokens).</summary>
    public int VocabularySize => _vocab.Count;

    /// <summary>Loads <paramref name="tokenizerJsonPath"/>; throws <see cref="MoaException"/> for files it cannot use.</summary>
    public static ByteLevelBpeTokenizer Load(string tokenizerJsonPath)
    {
        ArgumentNullException.ThrowIfNull(tokenizerJsonPath);
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(tokenizerJsonPath);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MoaException($"Cannot read tokenizer file {tokenizerJsonPath}: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new MoaException($"{tokenizerJsonPath} is not valid JSON ({ex.Message}). Give the tokenizer.json of a Hugging Face tokenizer.", ex);
        }

        using (document)
        {
            return Build(tokenizerJsonPath, document.RootElement);
        }
    }

    /// <summary>Token ids of <paramref name="text"/>.</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>();
        var count = 0;
        EncodeCore(text, ids, ref count);
        return [.. ids];
    }

    /// <inheritdoc />
    public int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        EncodeCore(text, null, ref count);
        return count;
    }

    /// <summary>The text of <paramref name="ids"/> (bytes that do not form valid UTF-8 become U+FFFD).</summary>
    public string Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var bytes = new List<byte>();
        foreach (var id in ids)
        {
            var token = id >= 0 && id < _idToToken.Length ? _idToToken[id] : null;
            if (token is null)
            {
                continue;
            }

            if (Array.Exists(_added, a => a.Id == id))
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(token));
            }
            else if (token.Length == 6 && token.StartsWith("<0x", StringComparison.Ordinal) && token[5] == '>'
                && byte.TryParse(token.AsSpan(3, 2), System.Globalization.NumberStyles.HexNumber, null, out var raw))
            {
                bytes.Add(raw);
            }
            else
            {
                foreach (var c in token)
                {
                    if (s_charToByte.TryGetValue(c, out var b))
                    {
                        bytes.Add(b);
                    }
                }
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private void EncodeCore(ReadOnlySpan<char> text, List<int>? ids, ref int count)
    {
        if (_added.Length == 0)
        {
            EncodeSegment(text, ids, ref count, first: true);
            return;
        }

        var first = true;
        while (!text.IsEmpty)
        {
            int at = -1, which = -1;
            for (var k = 0; k < _added.Length; k++)
            {
                var i = text.IndexOf(_added[k].Content, StringComparison.Ordinal);
                if (i >= 0 && (at < 0 || i < at || (i == at && _added[k].Content.Length > _added[which].Content.Length)))
                {
                    at = i;
                    which = k;
                }
            }

            if (at < 0)
            {
                EncodeSegment(text, ids, ref count, first);
                return;
            }

            EncodeSegment(text[..at], ids, ref count, first);
            ids?.Add(_added[which].Id);
            count++;
            text = text[(at + _added[which].Content.Length)..];
            first = false;
        }
    }

    private void EncodeSegment(ReadOnlySpan<char> text, List<int>? ids, ref int count, bool first)
    {
        if (text.IsEmpty)
        {
            return;
        }

        if (_addPrefixSpace && first && text[0] != ' ')
        {
            var prefixed = string.Concat(" ", text);
            EncodeSegment(prefixed, ids, ref count, first: false);
            return;
        }

        // Matches and the text between them are pieces ("Isolated" split behaviour); the GPT-2 pattern leaves no gaps.
        var done = 0;
        foreach (var match in _pattern.EnumerateMatches(text))
        {
            if (match.Index > done)
            {
                AddWord(text[done..match.Index], ids, ref count);
            }

            AddWord(text.Slice(match.Index, match.Length), ids, ref count);
            done = match.Index + match.Length;
        }

        if (done < text.Length)
        {
            AddWord(text[done..], ids, ref count);
        }
    }

    private void AddWord(ReadOnlySpan<char> piece, List<int>? ids, ref int count)
    {
        if (piece.IsEmpty)
        {
            return;
        }

        var word = EncodeWord(piece);
        ids?.AddRange(word);
        count += word.Length;
    }

    private int[] EncodeWord(ReadOnlySpan<char> piece)
    {
        // Map the UTF-8 bytes of the piece to the byte alphabet.
        var maxBytes = Encoding.UTF8.GetMaxByteCount(piece.Length);
        Span<byte> bytes = maxBytes <= 512 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var n = Encoding.UTF8.GetBytes(piece, bytes);
        Span<char> mapped = n <= 512 ? stackalloc char[n] : new char[n];
        for (var i = 0; i < n; i++)
        {
            mapped[i] = s_byteToChar[bytes[i]];
        }

        if (_cacheLookup.TryGetValue(mapped, out var cached))
        {
            return cached;
        }

        int[] result;
        if (_ignoreMerges && _vocabLookup.TryGetValue(mapped, out var whole))
        {
            result = [whole];
        }
        else
        {
            result = MergeBytes(bytes[..n]);
        }

        if (_cache.Count < MaxCachedWords)
        {
            _cache.TryAdd(mapped.ToString(), result);
        }

        return result;
    }

    /// <summary>Starts from one symbol per byte and merges the adjacent pair of lowest rank until none is left.</summary>
    private int[] MergeBytes(ReadOnlySpan<byte> bytes)
    {
        var symbols = new List<int>(bytes.Length);
        foreach (var b in bytes)
        {
            symbols.Add(_byteIds[b]);
        }

        while (symbols.Count > 1)
        {
            var bestRank = int.MaxValue;
            var bestAt = -1;
            var bestMerged = 0;
            for (var i = 0; i + 1 < symbols.Count; i++)
            {
                if (_merges.TryGetValue(Pair(symbols[i], symbols[i + 1]), out var merge) && merge.Rank < bestRank)
                {
                    bestRank = merge.Rank;
                    bestAt = i;
                    bestMerged = merge.Merged;
                }
            }

            if (bestAt < 0)
            {
                break;
            }

            symbols[bestAt] = bestMerged;
            symbols.RemoveAt(bestAt + 1);
        }

        return [.. symbols];
    }

    private static long Pair(int left, int right) => ((long)left << 32) | (uint)right;

    private static ByteLevelBpeTokenizer Build(string path, JsonElement root)
    {
        if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.Object)
        {
            throw new MoaException($"{path} has no 'model' object; give the tokenizer.json of a Hugging Face tokenizer.");
        }

        var type = model.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type is not null && type != "BPE")
        {
            throw new MoaException($"{path}: model.type is '{type}', but only byte-level BPE tokenizers are supported. Use the pre-token counter for this model.");
        }

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
            vocab[entry.Name] = entry.Value.GetInt32();
        }

        var merges = new Dictionary<long, (int, int)>();
        if (model.TryGetProperty("merges", out var mergesElement) && mergesElement.ValueKind == JsonValueKind.Array)
        {
            var rank = 0;
            foreach (var merge in mergesElement.EnumerateArray())
            {
                string left, right;
                if (merge.ValueKind == JsonValueKind.String)
                {
                    var parts = merge.GetString()!.Split(' ');
                    if (parts.Length != 2)
                    {
                        throw new MoaException($"{path}: merge #{rank + 1} '{merge.GetString()}' is not two tokens separated by one space.");
                    }

                    (left, right) = (parts[0], parts[1]);
                }
                else if (merge.ValueKind == JsonValueKind.Array && merge.GetArrayLength() == 2)
                {
                    (left, right) = (merge[0].GetString()!, merge[1].GetString()!);
                }
                else
                {
                    throw new MoaException($"{path}: merge #{rank + 1} is neither \"a b\" nor [\"a\", \"b\"].");
                }

                if (vocab.TryGetValue(left, out var l) && vocab.TryGetValue(right, out var r) && vocab.TryGetValue(left + right, out var m))
                {
                    merges.TryAdd(Pair(l, r), (rank, m));
                }

                rank++;
            }
        }

        var byteFallback = model.TryGetProperty("byte_fallback", out var bf) && bf.ValueKind == JsonValueKind.True;
        var ignoreMerges = model.TryGetProperty("ignore_merges", out var im) && im.ValueKind == JsonValueKind.True;
        int? unk = model.TryGetProperty("unk_token", out var u) && u.ValueKind == JsonValueKind.String && vocab.TryGetValue(u.GetString()!, out var unkId)
            ? unkId
            : null;
        var byteIds = new int[256];
        for (var b = 0; b < 256; b++)
        {
            if (vocab.TryGetValue(s_byteToChar[b].ToString(), out var id)
                || (byteFallback && vocab.TryGetValue($"<0x{b:X2}>", out id)))
            {
                byteIds[b] = id;
            }
            else if (unk is { } unkToken)
            {
                byteIds[b] = unkToken;
            }
            else
            {
                throw new MoaException(
                    $"{path}: the vocabulary has no token for byte 0x{b:X2} ('{s_byteToChar[b]}') and no unk_token; this is not a byte-level BPE tokenizer.");
            }
        }

        var (pattern, addPrefixSpace) = ReadPreTokenizer(path, root);
        var added = new List<(string, int)>();
        if (root.TryGetProperty("added_tokens", out var addedElement) && addedElement.ValueKind == JsonValueKind.Array)
        {
            foreach (var token in addedElement.EnumerateArray())
            {
                var content = token.GetProperty("content").GetString();
                if (!string.IsNullOrEmpty(content))
                {
                    added.Add((content, token.GetProperty("id").GetInt32()));
                }
            }
        }

        var directory = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)));
        var name = "bpe:" + (string.IsNullOrEmpty(directory) ? Path.GetFileNameWithoutExtension(path) : directory);
        return new ByteLevelBpeTokenizer(name, vocab, merges, pattern, addPrefixSpace, ignoreMerges, byteIds, [.. added]);
    }

    private static (Regex Pattern, bool AddPrefixSpace) ReadPreTokenizer(string path, JsonElement root)
    {
        Regex? split = null;
        var addPrefixSpace = false;
        var byteLevelRegex = false;
        if (root.TryGetProperty("pre_tokenizer", out var pre) && pre.ValueKind == JsonValueKind.Object)
        {
            var steps = pre.TryGetProperty("type", out var pt) && pt.GetString() == "Sequence" && pre.TryGetProperty("pretokenizers", out var list)
                ? [.. list.EnumerateArray()]
                : new[] { pre };
            foreach (var step in steps)
            {
                var stepType = step.TryGetProperty("type", out var st) ? st.GetString() : null;
                switch (stepType)
                {
                    case "ByteLevel":
                        addPrefixSpace |= step.TryGetProperty("add_prefix_space", out var aps) && aps.ValueKind == JsonValueKind.True;
                        byteLevelRegex |= !step.TryGetProperty("use_regex", out var ur) || ur.ValueKind != JsonValueKind.False;
                        break;
                    case "Split" when split is null:
                        var behavior = step.TryGetProperty("behavior", out var be) ? be.GetString() : "Isolated";
                        var invert = step.TryGetProperty("invert", out var inv) && inv.ValueKind == JsonValueKind.True;
                        if (behavior != "Isolated" || invert || !step.TryGetProperty("pattern", out var source))
                        {
                            throw new MoaException(
                                $"{path}: only Split pre-tokenizers with behavior 'Isolated', invert false and a pattern are supported (found '{behavior}', invert {invert}).");
                        }

                        var regex = source.TryGetProperty("Regex", out var r) ? r.GetString()!
                            : Regex.Escape(source.GetProperty("String").GetString()!);
                        try
                        {
                            split = new Regex(regex, RegexOptions.Compiled | RegexOptions.CultureInvariant);
                        }
                        catch (ArgumentException ex)
                        {
                            throw new MoaException($"{path}: the pre-tokenizer pattern cannot be used by .NET regex ({ex.Message}): {regex}", ex);
                        }

                        break;
                    default:
                        break;
                }
            }
        }

        // Without a Split step and with use_regex false, the whole text is one piece.
        return (split ?? (byteLevelRegex ? PreTokenizerPatterns.Gpt2() : PreTokenizerPatterns.Whole()), addPrefixSpace);
    }

    /// <summary>GPT-2's reversible map from bytes to printable characters (printable Latin-1 stays, the rest moves to U+0100 and up).</summary>
    private static char[] BuildByteAlphabet()
    {
        var map = new char[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is (>= 33 and <= 126) or (>= 161 and <= 172) or (>= 174 and <= 255);
            map[b] = printable ? (char)b : (char)next++;
        }

        return map;
    }

    private static Dictionary<char, byte> BuildReverseAlphabet()
    {
        var reverse = new Dictionary<char, byte>();
        for (var b = 0; b < 256; b++)
        {
            reverse[s_byteToChar[b]] = (byte)b;
        }

        return reverse;
    }
}
