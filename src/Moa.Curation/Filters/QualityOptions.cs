using Moa.Curation.Perplexity;
using YamlDotNet.Serialization;

namespace Moa.Curation.Filters;

/// <summary>
/// Settings of the quality-filter stage, bound from the pipeline YAML (<c>quality:</c>). Every group and
/// every rule can be switched: a group by <c>enabled: false</c>, a threshold rule by setting it to null (<c>~</c>).
/// Defaults were measured on clean Korean/English prose against generated junk (docs/curation/filters.md).
/// </summary>
public sealed class QualityOptions
{
    /// <summary>Whether the quality stage runs at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The filter profile for every document: <c>auto</c> (chosen per document: <see cref="ProfileByInput"/>, then
    /// <see cref="ProfileByProvider"/>, then <see cref="ProfileByFormat"/>, then the document's genre: technical and code →
    /// technical, conversation → conversation, else web) or a name in <see cref="Profiles"/>. The input and provider
    /// mappings win over a fixed profile too.
    /// </summary>
    public string Profile { get; set; } = "auto";

    /// <summary>Input path pattern (a file or folder path, or a pattern with * and ?) → profile, for every document read from it.</summary>
    public Dictionary<string, string> ProfileByInput { get; set; } = [];

    /// <summary>Provider (<c>input.provider</c> / <c>--provider</c>) → profile.</summary>
    public Dictionary<string, string> ProfileByProvider { get; set; } = [];

    /// <summary>Reader format (pdf, hwp, hwpx, docx, xlsx, html, jsonl, csv, text) → profile, under <c>auto</c>.</summary>
    public Dictionary<string, string> ProfileByFormat { get; set; } = new(StringComparer.Ordinal)
    {
        ["pdf"] = "documents",
        ["hwp"] = "documents",
        ["hwpx"] = "documents",
        ["docx"] = "documents",
    };

    /// <summary>
    /// Named profiles: each a set of rule overrides ("group.key": value, <c>~</c> switches the rule off) on top of
    /// the thresholds below. Built in: web (none), documents, technical, conversation; a profile given here adds to
    /// or replaces keys of the built-in one of the same name; a new name adds a profile.
    /// </summary>
    public Dictionary<string, Dictionary<string, object?>> Profiles { get; set; } = QualityProfiles.BuiltIn();

    /// <summary>Gopher repetition rules (Rae et al. 2021): duplicated lines, paragraphs and n-grams.</summary>
    public GopherRepetitionOptions GopherRepetition { get; set; } = new();

    /// <summary>Gopher quality rules: word counts, word length, symbols, bullets, alphabetic words, stopwords.</summary>
    public GopherQualityOptions GopherQuality { get; set; } = new();

    /// <summary>Korean rules (particles, Hangul share, symbol noise, laughter runs) and mojibake detection.</summary>
    public KoreanOptions Korean { get; set; } = new();

    /// <summary>C4 rules (Raffel et al. 2020): line removal and document rules.</summary>
    public C4Options C4 { get; set; } = new();

    /// <summary>FineWeb rules (Penedo et al. 2024): line punctuation, short lines, duplicated characters, lists. YAML key <c>fineweb</c>, as in the rule names.</summary>
    [YamlMember(Alias = "fineweb")]
    public FineWebOptions FineWeb { get; set; } = new();

    /// <summary>Prose rules: how much of a document must be prose lines (not code, markup, tables or links).</summary>
    public ProseOptions Prose { get; set; } = new();

    /// <summary>Perplexity under a Korean character n-gram model (CCNet-style): tags every Korean document, filters only with a maximum.</summary>
    public PerplexityOptions Perplexity { get; set; } = new();
}

/// <summary>Prose rules. A document's lines are classified as prose, code, markup, table or link (URLs, e-mail addresses).</summary>
public sealed class ProseOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Minimum share of non-space characters on prose lines (catches tables of numbers, link farms, menus, bare code).</summary>
    public double? MinProseShare { get; set; } = 0.4;
}

/// <summary>Gopher repetition thresholds; fractions of the document's characters or lines. Null disables a rule.</summary>
public sealed class GopherRepetitionOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Maximum share of lines that repeat an earlier line.</summary>
    public double? MaxDupLineFrac { get; set; } = 0.374;

    /// <summary>Maximum share of paragraphs (blocks split by blank lines) that repeat an earlier one.</summary>
    public double? MaxDupParaFrac { get; set; } = 0.3;

    /// <summary>Maximum share of characters inside repeated lines.</summary>
    public double? MaxDupLineCharFrac { get; set; } = 0.2;

    /// <summary>Maximum share of characters inside repeated paragraphs.</summary>
    public double? MaxDupParaCharFrac { get; set; } = 0.2;

    /// <summary>Maximum share of characters covered by the most frequent word 2-gram (counted only when it occurs twice or more).</summary>
    public double? MaxTop2GramFrac { get; set; } = 0.282;

    public double? MaxTop3GramFrac { get; set; } = 0.228;

    public double? MaxTop4GramFrac { get; set; } = 0.185;

    /// <summary>Maximum share of characters inside duplicated word 5-grams.</summary>
    public double? MaxDup5GramFrac { get; set; } = 0.201;

    public double? MaxDup6GramFrac { get; set; } = 0.186;

    public double? MaxDup7GramFrac { get; set; } = 0.171;

    public double? MaxDup8GramFrac { get; set; } = 0.156;

    public double? MaxDup9GramFrac { get; set; } = 0.142;

    public double? MaxDup10GramFrac { get; set; } = 0.127;

    /// <summary>
    /// The n-gram rules (top 2-4-gram, duplicated 5-10-gram) apply only to documents with at least this many words.
    /// Below it one restated sentence (a ruling's summary repeating its answer) already passes the thresholds;
    /// the line and paragraph rules still apply. Measured on the NTS rulings in docs/curation/filters.md.
    /// </summary>
    public int MinWordsForNgramRules { get; set; } = 150;
}

/// <summary>Gopher quality thresholds. A "word" is a whitespace-separated token (a Korean eojeol); Chinese and Japanese count each Han/kana character as a word.</summary>
public sealed class GopherQualityOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Minimum number of words with a letter or digit (languages other than Korean).</summary>
    public int? MinWords { get; set; } = 50;

    /// <summary>Minimum number of eojeol with a letter or digit in Korean documents.</summary>
    public int? MinWordsKo { get; set; } = 12;

    public int? MaxWords { get; set; } = 100_000;

    /// <summary>Mean word length range, in characters (languages other than Korean, Chinese, Japanese).</summary>
    public double? MinMeanWordLength { get; set; } = 3;

    public double? MaxMeanWordLength { get; set; } = 10;

    /// <summary>Mean eojeol length range for Korean, in characters.</summary>
    public double? MinMeanWordLengthKo { get; set; } = 1.5;

    public double? MaxMeanWordLengthKo { get; set; } = 6;

    /// <summary>Maximum number of '#' per word.</summary>
    public double? MaxHashWordRatio { get; set; } = 0.1;

    /// <summary>Maximum number of ellipses ("..." or "…") per word.</summary>
    public double? MaxEllipsisWordRatio { get; set; } = 0.1;

    /// <summary>Korean override of <see cref="MaxEllipsisWordRatio"/>: Korean comments trail off with "..." far more often.</summary>
    public double? MaxEllipsisWordRatioKo { get; set; } = 0.2;

    /// <summary>Maximum share of lines starting with a bullet (• or -).</summary>
    public double? MaxBulletLineRatio { get; set; } = 0.9;

    /// <summary>Maximum share of lines ending with an ellipsis.</summary>
    public double? MaxEllipsisLineRatio { get; set; } = 0.3;

    /// <summary>Korean override of <see cref="MaxEllipsisLineRatio"/>.</summary>
    public double? MaxEllipsisLineRatioKo { get; set; } = 0.5;

    /// <summary>Minimum share of words containing a letter.</summary>
    public double? MinAlphaWordRatio { get; set; } = 0.8;

    /// <summary>
    /// Korean override of <see cref="MinAlphaWordRatio"/>: Korean official documents write dates, article and
    /// code numbers as separate words ("1982. 8. 26.", "[ 제 목 ]"), which puts clean rulings at 0.73-0.79.
    /// </summary>
    public double? MinAlphaWordRatioKo { get; set; } = 0.7;

    /// <summary>Minimum number of English stopwords (the, be, to, of, and, that, have, with); English only.</summary>
    public int? MinStopwordsEn { get; set; } = 2;
}

/// <summary>Korean rules (for documents identified as Korean) and mojibake rules (for every language by default).</summary>
public sealed class KoreanOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Minimum share of Hangul eojeol ending in a common particle or verbal ending; catches menus and keyword lists.</summary>
    public double? MinParticleRatio { get; set; } = 0.3;

    /// <summary>The particle rule is applied only when the document has at least this many Hangul eojeol.</summary>
    public int MinEojeolForParticleRatio { get; set; } = 8;

    /// <summary>Minimum share of Hangul among letters.</summary>
    public double? MinHangulShare { get; set; } = 0.4;

    /// <summary>Maximum share of symbol characters (not letters, digits, spaces or common punctuation) among non-space characters.</summary>
    public double? MaxSymbolRatio { get; set; } = 0.1;

    /// <summary>Maximum share of non-space characters inside runs of 3+ bare compatibility jamo (ㅋㅋㅋ, ㅎㅎㅎ, ㅠㅠㅠ).</summary>
    public double? MaxJamoRunRatio { get; set; } = 0.2;

    /// <summary>
    /// Maximum rate of machine-translation anomalies per Hangul eojeol (a case particle standing alone, a short word
    /// doubled, an English function word between Hangul words, a declarative sentence ending on a case particle).
    /// Applied from <see cref="MinEojeolForParticleRatio"/> Hangul eojeol.
    /// </summary>
    public double? MaxMtAnomalyRatio { get; set; } = 0.03;

    /// <summary>Keyword stuffing: the rule looks at sentence coherence only when the most repeated stem pair occurs at least this often.</summary>
    public int MinKeywordRepeats { get; set; } = 8;

    /// <summary>Keyword stuffing: minimum share of adjacent sentence pairs sharing a content stem (the repeated phrase left out) in a document whose phrase repeats <see cref="MinKeywordRepeats"/> times.</summary>
    public double? MinSentenceCoherence { get; set; } = 0.25;

    /// <summary>Apply the mojibake rules to every language (mojibake is rarely identified as Korean).</summary>
    public bool MojibakeAllLanguages { get; set; } = true;

    /// <summary>Maximum share of U+FFFD replacement characters among non-space characters.</summary>
    public double? MaxReplacementCharRatio { get; set; } = 0.001;

    /// <summary>Maximum share of non-space characters that are adjacent Latin-1 supplement letters/signs (CP949 or UTF-8 bytes read as Latin-1/Windows-1252, e.g. "ÇÑ±¹").</summary>
    public double? MaxLatin1MojibakeRatio { get; set; } = 0.1;

    /// <summary>Maximum rate of Hangul↔Han switches inside words, per Hangul or Han character (UTF-8 bytes read as CP949).</summary>
    public double? MaxHangulHanSwitchRatio { get; set; } = 0.05;
}

/// <summary>C4 rules. Line rules remove lines (the document is kept when enough remains); document rules reject.</summary>
public sealed class C4Options
{
    public bool Enabled { get; set; } = true;

    /// <summary>Reject documents containing "lorem ipsum".</summary>
    public bool FilterLoremIpsum { get; set; } = true;

    /// <summary>Reject documents containing '{' (code, templates).</summary>
    public bool FilterCurlyBracket { get; set; } = true;

    /// <summary>Remove lines mentioning "javascript".</summary>
    public bool RemoveJavascriptLines { get; set; } = true;

    /// <summary>Remove lines about terms of use, privacy or cookie policies (English and Korean phrases).</summary>
    public bool RemovePolicyLines { get; set; } = true;

    /// <summary>Remove lines not ending in terminal punctuation.</summary>
    public bool RemoveNoTerminalPunctLines { get; set; } = true;

    /// <summary>Languages exempt from terminal-punctuation line removal (Korean bulleted 개조식 lines and forum posts end without punctuation).</summary>
    public List<string> TerminalPunctExemptLanguages { get; set; } = ["ko"];

    /// <summary>Remove lines with fewer words than this; null keeps them.</summary>
    public int? MinWordsPerLine { get; set; }

    /// <summary>Remove lines holding a word longer than this many characters.</summary>
    public int? MaxWordLength { get; set; } = 1000;

    /// <summary>Reject documents with fewer sentences than this (after line removal).</summary>
    public int? MinSentences { get; set; }
}

/// <summary>FineWeb rules over non-blank lines.</summary>
public sealed class FineWebOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Minimum share of lines ending in terminal punctuation.</summary>
    public double? MinLinePunctRatio { get; set; } = 0.12;

    /// <summary>Languages exempt from the line-punctuation rule.</summary>
    public List<string> LinePunctExemptLanguages { get; set; } = ["ko"];

    /// <summary>A line this long or shorter (characters) is short.</summary>
    public int ShortLineLength { get; set; } = 30;

    /// <summary>Short-line length for Korean: a Korean character carries about two and a half Latin letters' worth, so 30 would flag whole forum posts.</summary>
    public int ShortLineLengthKo { get; set; } = 12;

    /// <summary>Maximum share of short lines.</summary>
    public double? MaxShortLineRatio { get; set; } = 0.67;

    /// <summary>Maximum share of characters (newlines excluded) inside lines that repeat an earlier line.</summary>
    public double? MaxCharDupRatio { get; set; } = 0.1;

    /// <summary>Maximum number of newlines per word (list-like documents).</summary>
    public double? MaxNewlineWordRatio { get; set; } = 0.3;
}
