using Microsoft.ML.Tokenizers;

namespace Moa.Text.Tokens;

/// <summary>
/// The token counters that <c>stats.tokenizers</c> names: <c>pretokens</c> (no vocabulary), the tiktoken encodings
/// <c>cl100k</c> (GPT-4), <c>o200k</c> (GPT-4o) and <c>gpt2</c> (whose ranks ship in NuGet packages), or a model file the
/// user points at: a SentencePiece <c>.model</c> or a Hugging Face <c>tokenizer.json</c>. Nothing is downloaded.
/// </summary>
public static class TokenCounters
{
    /// <summary>The built-in names, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = ["pretokens", "cl100k", "o200k", "gpt2"];

    private static readonly Dictionary<string, Lazy<ITokenCounter>> s_builtIn = new(StringComparer.Ordinal)
    {
        ["pretokens"] = new(() => PreTokenCounter.Default),
        ["cl100k"] = new(() => new LibraryTokenCounter("cl100k", TiktokenTokenizer.CreateForEncoding("cl100k_base"))),
        ["o200k"] = new(() => new LibraryTokenCounter("o200k", TiktokenTokenizer.CreateForEncoding("o200k_base"))),
        ["gpt2"] = new(() => new LibraryTokenCounter("gpt2", TiktokenTokenizer.CreateForModel("gpt2"))),
    };

    /// <summary>
    /// The counter named by <paramref name="spec"/>: a built-in name, or a path (relative to
    /// <paramref name="baseDirectory"/>) of a <c>.model</c> or <c>.json</c> file. Throws <see cref="MoaException"/>
    /// naming the entry and what is accepted.
    /// </summary>
    public static ITokenCounter Create(string spec, string? baseDirectory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        if (s_builtIn.TryGetValue(spec, out var builtIn))
        {
            return builtIn.Value;
        }

        var path = baseDirectory is null ? spec : Path.Combine(baseDirectory, spec);
        if (spec.EndsWith(".model", StringComparison.OrdinalIgnoreCase))
        {
            return LoadSentencePiece(path);
        }

        if (spec.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return HuggingFaceTokenizer.Load(path);
        }

        throw new MoaException(
            $"tokenizer '{spec}': give one of {string.Join(", ", BuiltIn)}, a SentencePiece .model file or a Hugging Face tokenizer.json.");
    }

    /// <summary>The name a model file is recorded under: its folder and file name (<c>llama/tokenizer.model</c>).</summary>
    internal static string FileName(string path)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)));
        return string.IsNullOrEmpty(folder) ? Path.GetFileName(path) : folder + "/" + Path.GetFileName(path);
    }

    private static LibraryTokenCounter LoadSentencePiece(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            using var stream = new MemoryStream(bytes, writable: false);
            var tokenizer = SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false);
            return new LibraryTokenCounter(FileName(path), tokenizer, SentencePieceModel.NormalizesNfkc(bytes));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MoaException($"Cannot read tokenizer file {path}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or NotSupportedException or IndexOutOfRangeException or InvalidDataException)
        {
            throw new MoaException($"{path} is not a SentencePiece model this library reads ({ex.Message}). Give the tokenizer.model of a SentencePiece BPE or Unigram tokenizer.", ex);
        }
    }
}
