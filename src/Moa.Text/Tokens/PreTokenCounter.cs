using Moa.Text.Languages;

namespace Moa.Text.Tokens;

/// <summary>
/// Counts GPT-style pre-tokens without a vocabulary: a quick, allocation-free estimate of what a byte-level BPE
/// tokenizer would produce, for corpus statistics when no <c>tokenizer.json</c> is at hand.
/// </summary>
/// <remarks>
/// What is counted, scanning code points left to right:
/// <list type="bullet">
/// <item>a run of letters of an alphabetic script (Latin, Cyrillic, Greek, ...): 1;</item>
/// <item>a run of Hangul syllables or jamo: one per 2 characters, rounded up (typical Korean BPE vocabularies hold
/// frequent syllable pairs; an approximation, not a vocabulary look-up);</item>
/// <item>each Han ideograph or kana character: 1;</item>
/// <item>a run of digits: one per 3 digits, rounded up (as GPT-4-style pre-tokenizers split numbers);</item>
/// <item>a run of other characters (punctuation, symbols, emoji and any other supplementary-plane character): 1;</item>
/// <item>whitespace: a single space or tab belongs to the next token (0); a longer run of spaces, or any run holding a
/// line break, is 1.</item>
/// </list>
/// It never counts more than the text has code points and is a lower bound for byte-level BPE on rare words.
/// </remarks>
public sealed class PreTokenCounter : ITokenCounter
{
    private PreTokenCounter()
    {
    }

    /// <summary>The shared instance (stateless, thread-safe).</summary>
    public static PreTokenCounter Default { get; } = new();

    /// <inheritdoc />
    public string Name => "pretokens";

    /// <inheritdoc />
    public int Count(ReadOnlySpan<char> text)
    {
        var table = s_kinds;
        var count = 0;
        var i = 0;
        var n = text.Length;
        while (i < n)
        {
            var kind = (TokenKind)table[text[i]];
            var start = i;
            i++;
            switch (kind)
            {
                case TokenKind.HanKana:
                    count++;
                    break;
                case TokenKind.Whitespace:
                    var newline = text[start] == '\n';
                    while (i < n && (TokenKind)table[text[i]] == TokenKind.Whitespace)
                    {
                        newline |= text[i] == '\n';
                        i++;
                    }

                    if (newline || i - start > 1)
                    {
                        count++;
                    }

                    break;
                default:
                    while (i < n && (TokenKind)table[text[i]] == kind)
                    {
                        i++;
                    }

                    var length = i - start;
                    count += kind switch
                    {
                        TokenKind.Hangul => (length + 1) / 2,
                        TokenKind.Digits => (length + 2) / 3,
                        _ => 1,
                    };
                    break;
            }
        }

        return count;
    }

    // The token kind of every UTF-16 code unit (one look-up per character; a switch on the script class per character was
    // a call the JIT did not inline, a sixth of the write phase's token counting).
    private static readonly byte[] s_kinds = BuildKinds();

    private static byte[] BuildKinds()
    {
        var script = LanguageIdentifier.ScriptTable;
        var kinds = new byte[script.Length];
        for (var c = 0; c < kinds.Length; c++)
        {
            kinds[c] = (byte)Kind(script[c]);
        }

        return kinds;
    }

    private static TokenKind Kind(byte scriptClass) => scriptClass switch
    {
        LanguageIdentifier.HangulClass => TokenKind.Hangul,
        LanguageIdentifier.HanClass or LanguageIdentifier.KanaClass => TokenKind.HanKana,
        LanguageIdentifier.LatinClass or LanguageIdentifier.CyrillicClass or LanguageIdentifier.OtherLetterClass => TokenKind.Letters,
        LanguageIdentifier.DigitClass => TokenKind.Digits,
        LanguageIdentifier.WhitespaceClass => TokenKind.Whitespace,
        _ => TokenKind.Other,
    };

    private enum TokenKind : byte
    {
        Letters,
        Hangul,
        HanKana,
        Digits,
        Whitespace,
        Other,
    }
}
