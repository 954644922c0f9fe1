namespace Moa.Text.Languages;

/// <summary>The most likely language of a text.</summary>
/// <param name="Code">ISO 639-1 code (<c>ko</c>, <c>en</c>, <c>ja</c>, <c>zh</c>, ...) or <c>other</c>.</param>
/// <param name="Score">Confidence in [0, 1]; 0 for empty text, lower for short or mixed text.</param>
public readonly record struct LanguageGuess(string Code, double Score);
