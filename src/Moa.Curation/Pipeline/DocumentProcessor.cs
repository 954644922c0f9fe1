using System.Buffers;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text;
using Moa.Curation.Configuration;
using Moa.Curation.Dedup;
using Moa.Curation.Filters;
using Moa.Curation.Perplexity;
using Moa.Curation.Statistics;
using Moa.Documents;
using Moa.Text.Hashing;
using Moa.Text.Languages;
using Moa.Text.Normalization;

namespace Moa.Curation.Pipeline;

/// <summary>
/// The per-document stages of a run: normalisation, language identification, quality filters, and the
/// keys the global stages need (exact hash, MinHash band hashes). Thread-safe: workers share one instance.
/// </summary>
internal sealed class DocumentProcessor
{
    /// <summary>JSON writer settings for every record Moa writes: Korean stays readable, not \uXXXX.</summary>
    internal static readonly JsonWriterOptions RecordJson = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    private readonly CurationConfig _config;
    private readonly TextNormalizer _normalizer;
    private readonly QualityStage _filters;
    private readonly MinHasher _minHasher;
    private readonly HashSet<string> _keepLanguages;
    private readonly PerplexityStage? _perplexity;

    public DocumentProcessor(CurationConfig config)
    {
        _config = config;
        _normalizer = new TextNormalizer(config.Normalize);
        _filters = new QualityStage(config.Quality);
        _minHasher = new MinHasher(config.Dedup.Near);
        _keepLanguages = new HashSet<string>(config.Language.Keep, StringComparer.Ordinal);
        _perplexity = PerplexityStage.Create(config.Quality);
        Bands = config.Dedup.Near.Enabled ? _minHasher.BandCount : 0;
    }

    /// <summary>Band hashes stored per document (0 when near dedup is off).</summary>
    public int Bands { get; }

    /// <summary>Runs the per-document stages over a batch, appending one record per document to <paramref name="batch"/>.</summary>
    public void Process(IReadOnlyList<SourceDocument> documents, ProcessedBatch batch)
    {
        var stats = batch.Stats;
        var ticks = new long[4];
        using var writer = new Utf8JsonWriter(batch.Records, RecordJson);
        Span<ulong> bands = stackalloc ulong[Math.Max(1, Bands)];
        if (_perplexity is not null)
        {
            stats.Perplexity.Model = _perplexity.Model.Source;
            stats.Perplexity.HeadCutoff = _perplexity.Model.Info.HeadCutoff;
            stats.Perplexity.TailCutoff = _perplexity.Model.Info.TailCutoff;
        }

        foreach (var doc in documents)
        {
            var bytesIn = Encoding.UTF8.GetByteCount(doc.Text);
            stats.DocumentsIn++;
            stats.BytesIn += bytesIn;
            stats.Stage("read").Count(bytesIn, true, bytesIn);
            CurationStats.Increment(stats.Formats, doc.Origin.Format);
            stats.Lengths.In[LengthHistograms.Bin(doc.Text.Length)]++;

            // 1. normalise
            var t0 = Stopwatch.GetTimestamp();
            var text = _config.Normalize.Enabled ? _normalizer.Normalize(doc.Text) : doc.Text;
            var bytesNorm = ReferenceEquals(text, doc.Text) ? bytesIn : Encoding.UTF8.GetByteCount(text);
            var t1 = Stopwatch.GetTimestamp();
            ticks[0] += t1 - t0;
            var emptied = string.IsNullOrWhiteSpace(text);
            stats.Stage("normalize").Count(bytesIn, !emptied, bytesNorm);
            if (emptied)
            {
                Remove(batch, writer, doc, text, "normalize:empty", null, null);
                continue;
            }

            // 2. language
            var language = "und";
            var languageScore = 0.0;
            if (_config.Language.Enabled)
            {
                var guess = LanguageIdentifier.Default.Identify(text);
                var reason = LanguageReason(guess);
                if (reason is not null && _config.Quality.Enabled)
                {
                    // Code, markup and identifiers can outweigh the sentences of a manual: judge its prose instead.
                    var prose = ProseText.Of(text);
                    if (prose.Length > 0 && LanguageIdentifier.Default.Identify(prose) is var second && LanguageReason(second) is null)
                    {
                        guess = second;
                        reason = null;
                    }
                }

                language = guess.Code;
                languageScore = guess.Score;
                CurationStats.Increment(stats.Languages, language);

                var t2 = Stopwatch.GetTimestamp();
                ticks[1] += t2 - t1;
                t1 = t2;
                stats.Stage("language").Count(bytesNorm, reason is null, bytesNorm);
                if (reason is not null)
                {
                    Remove(batch, writer, doc, text, reason, language, null);
                    continue;
                }
            }

            // 3. quality
            FilterOutcome? quality = null;
            PerplexityScore? perplexity = null;
            if (_config.Quality.Enabled)
            {
                var outcome = _filters.Evaluate(text, language, new DocumentContext(doc.Origin.Format, _config.Input.Provider, doc.Origin.File));
                quality = outcome;
                perplexity = ScorePerplexity(text, language, stats);
                var overMax = outcome.Keep && perplexity is { } p && _perplexity!.MaxPerplexity is { } max && p.Perplexity > max;
                var t3 = Stopwatch.GetTimestamp();
                ticks[2] += t3 - t1;
                t1 = t3;
                var bytesQuality = ReferenceEquals(outcome.Text, text) ? bytesNorm : Encoding.UTF8.GetByteCount(outcome.Text);
                stats.Stage("quality").Count(bytesNorm, outcome.Keep && !overMax, bytesQuality);
                if (!outcome.Keep)
                {
                    Remove(batch, writer, doc, text, "quality:" + (outcome.Rule ?? "rejected"), language, outcome, perplexity);
                    continue;
                }

                if (overMax)
                {
                    Remove(batch, writer, doc, text, "quality:" + PerplexityStage.Rule, language, outcome, perplexity, _perplexity!.MaxPerplexity);
                    continue;
                }

                text = outcome.Text;
                bytesNorm = bytesQuality;
            }

            // keys for the global stages
            var exact = _config.Dedup.Exact.Enabled ? ContentHash.Of(text) : default;
            if (Bands > 0)
            {
                _minHasher.ComputeBandHashes(text, bands);
            }

            ticks[3] += Stopwatch.GetTimestamp() - t1;
            var start = batch.Records.WrittenCount;
            WriteKept(writer, doc, text, language, languageScore, quality, perplexity);
            batch.Records.Write("\n"u8);
            batch.Add(ProcessedBatch.Kept, start, batch.Records.WrittenCount - start, exact, bands[..Bands], bytesNorm, doc.Text.Length);
        }

        var f = 1.0 / Stopwatch.Frequency;
        stats.Stage("normalize").Seconds += ticks[0] * f;
        stats.Stage("language").Seconds += ticks[1] * f;
        stats.Stage("quality").Seconds += ticks[2] * f;
        stats.Stage("dedup_near").Seconds += ticks[3] * f;
    }

    private string? LanguageReason(LanguageGuess guess) =>
        _keepLanguages.Count > 0 && !_keepLanguages.Contains(guess.Code) ? "language:not_kept"
        : guess.Score < _config.Language.MinScore ? "language:low_score"
        : null;

    /// <summary>Scores a document's perplexity (null when the signal is off or the text is not Korean) and counts it in the statistics.</summary>
    private PerplexityScore? ScorePerplexity(string text, string language, CurationStats stats)
    {
        if (_perplexity is null)
        {
            return null;
        }

        var start = Stopwatch.GetTimestamp();
        var score = _perplexity.Score(text, language);
        var counts = stats.Perplexity;
        if (score is { } s)
        {
            CurationStats.Increment(counts.Buckets, s.Bucket);
            counts.Histogram[PerplexityStats.Bin(s.Perplexity)]++;
        }
        else
        {
            counts.Unscored++;
        }

        counts.Seconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
        return score;
    }

    /// <summary><c>meta.perplexity</c> and <c>meta.ppl_bucket</c>, for kept and removed documents alike.</summary>
    private static void WritePerplexity(Utf8JsonWriter writer, PerplexityScore? perplexity)
    {
        if (perplexity is { } p)
        {
            writer.WriteNumber("perplexity", Math.Round(p.Perplexity, 2));
            writer.WriteString("ppl_bucket", p.Bucket);
        }
    }

    private void Remove(ProcessedBatch batch, Utf8JsonWriter writer, SourceDocument doc, string text, string reason, string? language, FilterOutcome? quality, PerplexityScore? perplexity = null, double? maxPerplexity = null)
    {
        CurationStats.Increment(batch.Stats.Reasons, reason);
        var start = batch.Records.WrittenCount;
        writer.Reset();
        writer.WriteStartObject();
        writer.WriteString("id", doc.Id);
        writer.WriteString("reason", reason);
        if (_config.Output.RemovedText)
        {
            writer.WriteString("text", text);
        }

        writer.WriteStartObject("meta");
        WriteOrigin(writer, doc);
        if (language is not null)
        {
            writer.WriteString("lang", language);
        }

        if (quality is { } q)
        {
            WriteQuality(writer, q);
        }

        WritePerplexity(writer, perplexity);
        if (maxPerplexity is { } threshold && perplexity is { } removedFor)
        {
            // Same schema as the heuristic rules' removals.
            writer.WriteStartObject("filter");
            writer.WriteString("profile", quality?.Profile ?? "default");
            writer.WriteString("rule", PerplexityStage.Rule);
            writer.WriteNumber("value", Math.Round(removedFor.Perplexity, 2));
            writer.WriteNumber("threshold", threshold);
            writer.WriteEndObject();
        }
        else if (quality is { Keep: false } rejected)
        {
            writer.WriteStartObject("filter");
            writer.WriteString("profile", rejected.Profile);
            writer.WriteString("rule", rejected.Rule);
            writer.WriteNumber("value", Math.Round(rejected.Value, 4));
            writer.WriteNumber("threshold", rejected.Threshold);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
        batch.Records.Write("\n"u8);
        batch.Add(ProcessedBatch.Removed, start, batch.Records.WrittenCount - start, default, [], 0, doc.Text.Length);
    }

    private void WriteKept(Utf8JsonWriter writer, SourceDocument doc, string text, string language, double languageScore, FilterOutcome? quality, PerplexityScore? perplexity)
    {
        writer.Reset();
        writer.WriteStartObject();
        writer.WriteString("id", doc.Id);
        writer.WriteString("text", text);
        writer.WriteStartObject("meta");
        WriteOrigin(writer, doc);
        if (_config.Language.Enabled)
        {
            writer.WriteString("lang", language);
            writer.WriteNumber("lang_score", Math.Round(languageScore, 4));
        }

        if (quality is { } q)
        {
            WriteQuality(writer, q);
        }

        WritePerplexity(writer, perplexity);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>Tag, then decide: every signal, the genre and the profile, for kept and removed documents alike.</summary>
    private static void WriteQuality(Utf8JsonWriter writer, FilterOutcome q)
    {
        writer.WriteStartObject("quality");
        foreach (var (name, value) in q.Scores)
        {
            writer.WriteNumber(name, value);
        }

        writer.WriteEndObject();
        writer.WriteString("genre", GenreNames[(int)q.Genre]);
        writer.WriteString("profile", q.Profile);
    }

    /// <summary>The <c>meta.genre</c> values, by <see cref="Genre"/>.</summary>
    internal static readonly string[] GenreNames = ["prose", "technical", "code", "conversation", "table", "list"];

    private void WriteOrigin(Utf8JsonWriter writer, SourceDocument doc)
    {
        writer.WriteString("source", doc.Origin.File);
        if (doc.Origin.Line > 0)
        {
            writer.WriteNumber("line", doc.Origin.Line);
        }

        writer.WriteString("format", doc.Origin.Format);
        if (doc.Origin.Part is not null)
        {
            writer.WriteString("part", doc.Origin.Part);
        }

        var provider = _config.Input.Provider;
        if (!string.IsNullOrEmpty(provider))
        {
            writer.WriteString("provider", provider);
        }

        if (doc.Extra is { Count: > 0 } extra)
        {
            writer.WriteStartObject("fields");
            foreach (var (key, value) in extra)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }
    }
}
