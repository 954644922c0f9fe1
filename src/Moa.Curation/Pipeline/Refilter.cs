using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Moa.Curation.Configuration;
using Moa.Curation.Filters;
using Moa.Curation.Output;
using Moa.Curation.Perplexity;
using Moa.Documents.Jsonl;
using Moa.Privacy;

namespace Moa.Curation.Pipeline;

/// <summary>What <see cref="Refilter"/> did.</summary>
/// <param name="Documents">Records read (kept and removed).</param>
/// <param name="Kept">Documents kept after re-deciding.</param>
/// <param name="NewlyKept">Documents removed by quality before and kept now.</param>
/// <param name="NewlyRemoved">Documents kept before and removed by quality now.</param>
/// <param name="Seconds">Wall time.</param>
public sealed record RefilterResult(long Documents, long Kept, long NewlyKept, long NewlyRemoved, double Seconds);

/// <summary>
/// <c>moa curate refilter</c>: re-decides the quality stage of a finished run from the signals stored in every record's
/// <c>meta.quality</c>, with a new config's thresholds and profiles, without normalising, identifying languages,
/// measuring or deduplicating again. A document removed before and kept now gets its text back from <c>removed/</c>
/// (C4 line removal and the PII scrub are applied to it as in a full run); it is not deduplicated against the rest.
/// Settings that change what is measured (C4 line removal, short-line lengths) need a full run and are refused.
/// </summary>
public static class Refilter
{
    public static RefilterResult Run(string runDir, CurationConfig config, string outputDir)
    {
        ArgumentNullException.ThrowIfNull(config);
        var watch = Stopwatch.StartNew();
        var source = new OutputLayout(runDir);
        var old = ReadConfig(source.ManifestPath);
        CheckComparable(old, config, source.ManifestPath);
        if (Path.GetFullPath(runDir).TrimEnd('/') == Path.GetFullPath(outputDir).TrimEnd('/'))
        {
            throw new MoaException($"refilter writes a new folder: --output {outputDir} is the run folder itself. Choose another folder.");
        }

        var stage = new QualityStage(config.Quality);
        var pii = config.Pii.Enabled ? PiiScrubber.Create(config.Pii) : null;
        var target = new OutputLayout(outputDir);
        try
        {
            Directory.CreateDirectory(target.DataDir);
            Directory.CreateDirectory(target.RemovedDir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw OutputErrors.CannotWrite(outputDir, ex);
        }

        var counts = new Counts();
        using var data = new GZipStream(File.Create(Path.Combine(target.DataDir, "part-00000.jsonl.gz")), CompressionLevel.Fastest);
        using var removed = new GZipStream(File.Create(Path.Combine(target.RemovedDir, "part-00000.jsonl.gz")), CompressionLevel.Fastest);
        foreach (var (file, wasKept) in Parts(source))
        {
            foreach (var (line, lineNo) in ReadLines(file))
            {
                counts.Documents++;
                Decide(line, wasKept, file, lineNo, stage, config.Quality.Perplexity, pii, old.Output.RemovedText, data, removed, counts);
            }
        }

        var result = new RefilterResult(counts.Documents, counts.Kept, counts.NewlyKept, counts.NewlyRemoved, watch.Elapsed.TotalSeconds);
        var summary = JsonSerializer.Serialize(new
        {
            from = Path.GetFullPath(runDir),
            config_hash = CurationConfigLoader.Hash(config),
            documents = result.Documents,
            kept = result.Kept,
            newly_kept = result.NewlyKept,
            newly_removed = result.NewlyRemoved,
            reasons = counts.Reasons,
            seconds = Math.Round(result.Seconds, 3),
        }, new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(Path.Combine(outputDir, "refilter.json"), summary);
        return result;
    }

    private sealed class Counts
    {
        public long Documents;
        public long Kept;
        public long NewlyKept;
        public long NewlyRemoved;
        public SortedDictionary<string, long> Reasons { get; } = new(StringComparer.Ordinal);
    }

    private static CurationConfig ReadConfig(string manifestPath)
    {
        if (!File.Exists(manifestPath))
        {
            throw new MoaException($"{manifestPath} not found: refilter needs the folder of a finished moa curate run.");
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
            return doc.RootElement.TryGetProperty("config", out var config)
                ? CurationConfigLoader.FromJsonElement(config)
                : throw new MoaException($"{manifestPath}: no 'config' field; it was not written by moa curate.");
        }
        catch (JsonException ex)
        {
            throw new MoaException($"{manifestPath}: not valid JSON ({ex.Message}).", ex);
        }
    }

    private static void CheckComparable(CurationConfig old, CurationConfig now, string manifestPath)
    {
        if (!now.Quality.Enabled)
        {
            throw new MoaException("quality.enabled is false in the new config: there is nothing to re-decide (run moa curate again instead).");
        }

        var (a, b) = (old.Quality, now.Quality);
        var differs = new List<string>();
        void Same<T>(T x, T y, string key)
        {
            if (!EqualityComparer<T>.Default.Equals(x, y))
            {
                differs.Add(key);
            }
        }

        Same(a.C4.Enabled, b.C4.Enabled, "c4.enabled");
        Same(a.C4.RemoveJavascriptLines, b.C4.RemoveJavascriptLines, "c4.remove_javascript_lines");
        Same(a.C4.RemovePolicyLines, b.C4.RemovePolicyLines, "c4.remove_policy_lines");
        Same(a.C4.RemoveNoTerminalPunctLines, b.C4.RemoveNoTerminalPunctLines, "c4.remove_no_terminal_punct_lines");
        Same(string.Join(',', a.C4.TerminalPunctExemptLanguages ?? []), string.Join(',', b.C4.TerminalPunctExemptLanguages ?? []), "c4.terminal_punct_exempt_languages");
        Same(a.C4.MinWordsPerLine, b.C4.MinWordsPerLine, "c4.min_words_per_line");
        Same(a.C4.MaxWordLength, b.C4.MaxWordLength, "c4.max_word_length");
        Same(a.FineWeb.ShortLineLength, b.FineWeb.ShortLineLength, "fineweb.short_line_length");
        Same(a.FineWeb.ShortLineLengthKo, b.FineWeb.ShortLineLengthKo, "fineweb.short_line_length_ko");
        if (differs.Count > 0)
        {
            throw new MoaException(
                $"The new config changes what is measured (quality.{string.Join(", quality.", differs)}) compared with {manifestPath}; stored signals cannot answer that. Run moa curate again.");
        }
    }

    private static IEnumerable<(string File, bool Kept)> Parts(OutputLayout layout)
    {
        foreach (var (dir, kept) in new[] { (layout.DataDir, true), (layout.RemovedDir, false) })
        {
            if (!Directory.Exists(dir))
            {
                throw new MoaException($"{dir} not found: refilter needs the folder of a finished moa curate run.");
            }

            var files = Directory.GetFiles(dir).Where(CorpusPart.IsPart).ToArray();
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var f in files)
            {
                yield return (f, kept);
            }
        }
    }

    private static IEnumerable<(byte[] Line, int LineNo)> ReadLines(string file)
    {
        if (CorpusPart.IsParquet(file))
        {
            // Parquet parts hold id, text and meta as columns: rebuild each record as the JSON line the decision reads.
            var row = 0;
            foreach (var record in CorpusPart.Read(file))
            {
                using var buffer = new MemoryStream();
                using (var w = new Utf8JsonWriter(buffer, DocumentProcessor.RecordJson))
                {
                    w.WriteStartObject();
                    w.WriteString("id", record.Id);
                    w.WriteString("text", record.Text);
                    w.WritePropertyName("meta");
                    w.WriteRawValue(record.MetaJson, skipInputValidation: false);
                    w.WriteEndObject();
                }

                yield return (buffer.ToArray(), ++row);
            }

            yield break;
        }

        using var lines = new JsonlLines(CorpusPart.OpenJsonLines(file), file);
        var batch = new List<RawLine>();
        while (lines.ReadBatch(batch, 1 << 20))
        {
            foreach (var line in batch)
            {
                if (line.Bytes.Length > 0)
                {
                    yield return (line.Bytes, checked((int)line.Number));
                }
            }
        }
    }

    private static void Decide(byte[] line, bool wasKept, string file, int lineNo, QualityStage stage, PerplexityOptions perplexity, PiiScrubber? pii, bool removedText,
        Stream data, Stream removed, Counts counts)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new MoaException($"{file}:{lineNo}: not a JSON record ({ex.Message}).", ex);
        }

        using (doc)
        {
            var root = doc.RootElement;
            var reason = wasKept ? null : root.TryGetProperty("reason", out var r) ? r.GetString() : null;
            var hasMeta = root.TryGetProperty("meta", out var meta);
            var qualityDecided = wasKept || (reason?.StartsWith("quality:", StringComparison.Ordinal) ?? false);
            if (!qualityDecided || !hasMeta || !meta.TryGetProperty("quality", out var quality))
            {
                // Removed before the quality stage (normalisation, language) or after it (dedup): unchanged.
                if (wasKept)
                {
                    throw new MoaException($"{file}:{lineNo}: kept record without meta.quality; it was written by a moa version that did not store signals. Run moa curate again.");
                }

                Count(counts, reason ?? "removed");
                removed.Write(line);
                removed.WriteByte((byte)'\n');
                return;
            }

            var signals = new DocumentSignals();
            foreach (var p in quality.EnumerateObject())
            {
                signals.TrySet(p.Name, p.Value.GetDouble());
            }

            signals.Genre = Enum.TryParse<Genre>(Str(meta, "genre"), ignoreCase: true, out var genre) ? genre : QualityFilterSet.GenreOf(signals);
            var language = Str(meta, "lang") ?? "und";
            var context = new DocumentContext(Str(meta, "format"), Str(meta, "provider"), Str(meta, "source"));
            var (profile, hit) = stage.Decide(signals, language, context);
            if (hit is null && perplexity.Enabled && perplexity.MaxPerplexity is { } max
                && meta.TryGetProperty("perplexity", out var ppl) && ppl.ValueKind == JsonValueKind.Number && ppl.GetDouble() > max)
            {
                // The stored perplexity answers a new maximum as the signals answer new thresholds.
                hit = new RuleHit(PerplexityStage.Rule, ppl.GetDouble(), max);
            }
            if (hit is null)
            {
                counts.Kept++;
                string text;
                if (wasKept && Str(meta, "profile") == profile)
                {
                    // Kept before and now, under the same profile: the record is copied as it is.
                    data.Write(line);
                    data.WriteByte((byte)'\n');
                    return;
                }

                if (wasKept)
                {
                    text = root.GetProperty("text").GetString() ?? "";
                }
                else
                {
                    if (!removedText || !root.TryGetProperty("text", out var stored))
                    {
                        throw new MoaException($"{file}:{lineNo}: the new config keeps this removed document but the run did not store removed text (output.removed_text: false). Run moa curate again.");
                    }

                    counts.NewlyKept++;
                    text = stage.Evaluate(stored.GetString() ?? "", language, context).Text;
                    if (pii is not null)
                    {
                        text = pii.Scrub(text).Text;
                    }
                }

                WriteRecord(data, root, text, null, meta, profile, null, signals.Genre);
                return;
            }

            var newReason = "quality:" + hit.Rule;
            if (wasKept)
            {
                counts.NewlyRemoved++;
            }

            Count(counts, newReason);
            var keepText = root.TryGetProperty("text", out var t) ? t.GetString() : null;
            WriteRecord(removed, root, keepText, newReason, meta, profile, hit, signals.Genre);
        }
    }

    private static void Count(Counts counts, string reason) => counts.Reasons[reason] = counts.Reasons.GetValueOrDefault(reason) + 1;

    private static string? Str(JsonElement meta, string name) =>
        meta.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static void WriteRecord(Stream stream, JsonElement root, string? text, string? reason, JsonElement meta, string profile, RuleHit? hit, Genre genre)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, DocumentProcessor.RecordJson))
        {
            w.WriteStartObject();
            w.WriteString("id", root.TryGetProperty("id", out var id) ? id.GetString() : "");
            if (reason is not null)
            {
                w.WriteString("reason", reason);
            }

            if (text is not null)
            {
                w.WriteString("text", text);
            }

            w.WriteStartObject("meta");
            foreach (var p in meta.EnumerateObject())
            {
                if (p.Name is not ("profile" or "filter" or "genre"))
                {
                    p.WriteTo(w);
                }
            }

            w.WriteString("genre", DocumentProcessor.GenreNames[(int)genre]);
            w.WriteString("profile", profile);
            if (hit is not null)
            {
                w.WriteStartObject("filter");
                w.WriteString("profile", profile);
                w.WriteString("rule", hit.Rule);
                w.WriteNumber("value", Math.Round(hit.Value, 4));
                w.WriteNumber("threshold", hit.Threshold);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        stream.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
