using System.Text.RegularExpressions;

namespace Moa.Text.Tokens;

/// <summary>Pre-tokenizer patterns used by byte-level BPE tokenizers.</summary>
internal static partial class PreTokenizerPatterns
{
    /// <summary>The GPT-2 pattern, which Hugging Face's <c>ByteLevel</c> pre-tokenizer applies when <c>use_regex</c> is true.</summary>
    [GeneratedRegex(@"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+", RegexOptions.CultureInvariant)]
    public static partial Regex Gpt2();

    /// <summary>The whole text as one piece (a <c>ByteLevel</c> pre-tokenizer with <c>use_regex</c> false and no split).</summary>
    [GeneratedRegex(@"(?s).+", RegexOptions.CultureInvariant)]
    public static partial Regex Whole();
}
