using Microsoft.ML.Tokenizers;

namespace Moa.Text.Tokens;

/// <summary>
/// Counts tokens with a tokenizer of Microsoft.ML.Tokenizers (tiktoken, byte-level BPE, SentencePiece): the exact counts a
/// model team's tokenizer gives, without beginning- or end-of-sentence tokens. Thread-safe (the library's tokenizers are).
/// </summary>
public sealed class LibraryTokenCounter : ITokenCounter
{
    private readonly Tokenizer _tokenizer;
    private readonly bool _nfkc;

    /// <param name="name">The name recorded in statistics.</param>
    /// <param name="tokenizer">The library tokenizer.</param>
    /// <param name="nfkc">
    /// Apply Unicode NFKC first: SentencePiece models trained with the <c>nmt_nfkc</c> rule (the default) normalise so, and
    /// Microsoft.ML.Tokenizers 3.0 does not apply the model's precompiled character map (①, full-width forms and other
    /// compatibility characters then fell back to bytes; see the reference tests).
    /// </param>
    internal LibraryTokenCounter(string name, Tokenizer tokenizer, bool nfkc = false)
    {
        Name = name;
        _tokenizer = tokenizer;
        _nfkc = nfkc;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The library tokenizer behind the counter.</summary>
    public Tokenizer Tokenizer => _tokenizer;

    /// <inheritdoc />
    public int Count(ReadOnlySpan<char> text)
    {
        if (_nfkc && !text.IsNormalized(System.Text.NormalizationForm.FormKC))
        {
            return Count(text.ToString().Normalize(System.Text.NormalizationForm.FormKC));
        }

        return _tokenizer switch
        {
            SentencePieceTokenizer sp => sp.CountTokens(text, addBeginningOfSentence: false, addEndOfSentence: false),
            _ => _tokenizer.CountTokens(text),
        };
    }

    /// <summary>Token ids of <paramref name="text"/> (no beginning- or end-of-sentence tokens).</summary>
    public IReadOnlyList<int> Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_nfkc)
        {
            text = text.Normalize(System.Text.NormalizationForm.FormKC);
        }

        return _tokenizer switch
        {
            SentencePieceTokenizer sp => sp.EncodeToIds(text, addBeginningOfSentence: false, addEndOfSentence: false),
            _ => _tokenizer.EncodeToIds(text),
        };
    }
}
