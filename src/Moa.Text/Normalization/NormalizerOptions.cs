namespace Moa.Text.Normalization;

/// <summary>
/// Settings for <see cref="TextNormalizer"/>; a plain object so pipeline YAML binds to it.
/// </summary>
public sealed class NormalizerOptions
{
    /// <summary>When <see langword="false"/>, <see cref="TextNormalizer.Normalize"/> returns its input unchanged.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Unicode normalisation form: <c>NFC</c> (default) or <c>NFKC</c>.</summary>
    public string Form { get; set; } = "NFC";

    /// <summary>
    /// Removes C0/C1 control characters (except <c>\n</c> and <c>\t</c>), lone surrogates and U+FFFE (always replaced by U+FFFD, whatever this option),
    /// and stray zero-width characters (U+200B, U+2060, U+FEFF; U+200D unless it joins two non-ASCII characters as in emoji sequences).
    /// </summary>
    public bool RemoveControlCharacters { get; set; } = true;

    /// <summary>
    /// Unifies whitespace: <c>\r\n</c>, <c>\r</c>, U+2028, U+0085, form feed and vertical tab become <c>\n</c>; NBSP, ideographic and
    /// other Unicode spaces and tabs become a space; runs of spaces become one; spaces at line ends are trimmed; three or more
    /// newlines become two; the text is trimmed at both ends.
    /// </summary>
    public bool NormalizeWhitespace { get; set; } = true;
}
