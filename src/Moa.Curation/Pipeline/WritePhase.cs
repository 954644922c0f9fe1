using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using Moa.Curation.Output;
using Moa.Curation.Reporting;
using Moa.Curation.Statistics;
using Moa.Privacy;
using Moa.Text.Tokens;

namespace Moa.Curation.Pipeline;

/// <summary>
/// Phase 3: cuts the canonical document sequence into parts of about <c>output.part_bytes</c>, and writes each part
/// (in parallel, each part a pure function of the shards and the dedup result): kept documents go through the PII
/// stage into <c>data/part-NNNNN.jsonl.gz</c>; removed ones into <c>removed/part-NNNNN.jsonl.gz</c>. A part is
/// finished when its marker exists, so a resumed run skips it.
/// </summary>
internal sealed class WritePhase
{
    private readonly CurationRequest _request;
    private readonly OutputLayout _layout;
    private readonly DedupResult _dedup;
    private readonly PiiScrubber? _pii;
    private readonly PiiScrubber _exampleScrubber;
    private readonly IReadOnlyList<ITokenCounter> _tokens;
    private readonly PartSettings _parts;
    private long _documents;

    public WritePhase(CurationRequest request, OutputLayout layout, DedupResult dedup, WriteTools tools)
    {
        _request = request;
        _layout = layout;
        _dedup = dedup;
        _pii = tools.Pii;
        _exampleScrubber = tools.Examples;
        _tokens = tools.Tokens;
        _parts = PartSettings.From(request.Config.Output);
    }

    public WriteResult Run(CancellationToken cancellationToken)
    {
        var parts = PlanParts();
        var results = new PartDone[parts.Count];
        try
        {
            Parallel.For(
                0,
                parts.Count,
                new ParallelOptions { MaxDegreeOfParallelism = _request.Workers, CancellationToken = cancellationToken },
                k => results[k] = LoadOrWrite(k, parts[k].Start, parts[k].End));
        }
        catch (AggregateException ex)
        {
            throw MapPhase.Unwrap(ex);
        }

        var stats = new CurationStats { TokenCounter = _tokens[0].Name };
        var files = new List<FileEntry>();
        var keptPerShard = new Dictionary<int, long>();
        foreach (var part in results)
        {
            stats.Add(part.Stats);
            files.AddRange(part.Files);
            foreach (var (shard, kept) in part.KeptPerShard)
            {
                keptPerShard[shard] = keptPerShard.GetValueOrDefault(shard) + kept;
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new WriteResult(files, stats, keptPerShard);
    }

    /// <summary>Part boundaries over the canonical sequence, cut when the records reach <c>part_bytes</c>.</summary>
    private List<(int Start, int End)> PlanParts()
    {
        var parts = new List<(int, int)>();
        var limit = _request.Config.Output.PartBytes;
        var n = _dedup.Fate.Length;
        var start = 0;
        long size = 0;
        for (var i = 0; i < n; i++)
        {
            size += _dedup.RecordLength[i];
            if (size >= limit)
            {
                parts.Add((start, i + 1));
                start = i + 1;
                size = 0;
            }
        }

        if (start < n)
        {
            parts.Add((start, n));
        }

        return parts;
    }

    private PartDone LoadOrWrite(int part, int start, int end)
    {
        var marker = Path.Combine(_layout.WorkDir, "parts", $"{part:D5}.done");
        if (File.Exists(marker))
        {
            try
            {
                var done = JsonSerializer.Deserialize<PartDone>(File.ReadAllText(marker), OutputJson.Options);
                if (done is not null && done.Files.All(f => File.Exists(Path.Combine(_layout.Root, f.Path))))
                {
                    return done;
                }
            }
            catch (JsonException)
            {
                // A damaged marker: the part is written again.
            }
        }

        var result = WritePart(part, start, end);
        _layout.WriteAtomically(marker, s => JsonSerializer.Serialize(s, result, OutputJson.Options));
        return result;
    }

    private PartDone WritePart(int part, int start, int end)
    {
        var stats = new CurationStats();
        var piiStage = stats.Stage("pii");
        var writeStage = stats.Stage("write");
        var keptPerShard = new Dictionary<int, long>();
        var name = $"part-{part:D5}{_parts.DataExtension}";
        var removedName = $"part-{part:D5}{_parts.RemovedExtension}";
        using var data = new PartWriter(Path.Combine(_layout.DataDir, name), $"data/{name}", "data", _parts);
        using var removed = new PartWriter(Path.Combine(_layout.RemovedDir, removedName), $"removed/{removedName}", "removed", _parts, jsonLines: true);
        var recordBuffer = new ArrayBufferWriter<byte>(64 * 1024);
        var piiBuffer = new ArrayBufferWriter<byte>(256);
        using var writer = new Utf8JsonWriter(recordBuffer, DocumentProcessor.RecordJson);
        var handles = new Dictionary<int, SafeFileHandle>();
        var piiTicks = 0L;
        try
        {
            var g = start;
            while (g < end)
            {
                var shard = _dedup.ShardOf(g);
                var shardEnd = Math.Min(end, _dedup.ShardStart[shard + 1]);
                var segmentStart = g;
                using var docs = new FileStream(ShardFiles.Docs(_layout.WorkDir, shard), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
                docs.Seek(_dedup.RecordOffset[g], SeekOrigin.Begin);
                for (; g < shardEnd; g++)
                {
                    var length = _dedup.RecordLength[g];
                    var record = ArrayPool<byte>.Shared.Rent(length);
                    try
                    {
                        docs.ReadExactly(record, 0, length);
                        var bytes = record.AsSpan(0, length);
                        var fate = _dedup.Fate[g];
                        if (fate == DedupPhase.FilteredFate)
                        {
                            removed.Write(bytes);
                            OfferFiltered(stats, record.AsMemory(0, length));
                            continue;
                        }

                        recordBuffer.ResetWrittenCount();
                        writer.Reset();
                        if (fate >= 0)
                        {
                            using var json = JsonDocument.Parse(record.AsMemory(0, length));
                            var root = json.RootElement;
                            var id = root.GetProperty("id").GetString() ?? string.Empty;
                            var duplicateText = root.GetProperty("text").GetString() ?? string.Empty;
                            var reason = _dedup.Kind[g] == 1 ? "dedup_exact:duplicate" : "dedup_near:duplicate";
                            var keptId = KeptId(fate, handles);
                            var similarity = Math.Round(_dedup.Similarity[g], 4);
                            WriteDuplicate(writer, id, duplicateText, root.GetProperty("meta"), reason, keptId, similarity);
                            var hash = RemovalExamples.HashOf(id);
                            if (RemovalExamples.Wants(stats.Examples, reason, id, hash))
                            {
                                var (snippet, truncated) = _request.Config.Output.RemovedText ? RemovalExamples.Snippet(duplicateText, _exampleScrubber) : (string.Empty, false);
                                RemovalExamples.Offer(stats.Examples, reason, new RemovalExample
                                {
                                    Id = id, Hash = hash, Text = snippet, Truncated = truncated, DuplicateOf = keptId, Similarity = similarity,
                                });
                            }

                            writer.Flush();
                            recordBuffer.Write("\n"u8);
                            removed.Write(recordBuffer.WrittenSpan);
                            continue;
                        }

                        var (text, language, provider, recordId, meta) = KeptRecord.Read(bytes, columns: data.IsParquet, out var metaStart, out var metaEnd);
                        var t0 = Stopwatch.GetTimestamp();
                        var textBytes = Encoding.UTF8.GetByteCount(text);
                        IReadOnlyList<PiiFinding> findings = [];
                        if (_pii is not null)
                        {
                            var scrubbed = _pii.Scrub(text);
                            findings = scrubbed.Findings;
                            text = scrubbed.Text;
                        }

                        piiTicks += Stopwatch.GetTimestamp() - t0;
                        var outBytes = findings.Count == 0 ? textBytes : Encoding.UTF8.GetByteCount(text);
                        if (_pii is not null)
                        {
                            piiStage.Count(textBytes, true, outBytes);
                        }

                        var tokens = 0L;
                        for (var c = 0; c < _tokens.Count; c++)
                        {
                            var counter = _tokens[c];
                            var counted = counter.Count(text);
                            tokens = c == 0 ? counted : tokens;
                            if (!stats.Tokens.TryGetValue(counter.Name, out var counts))
                            {
                                stats.Tokens[counter.Name] = counts = new TokenCounts();
                            }

                            counts.Count(counted, language, provider);
                        }
                        if (findings.Count == 0)
                        {
                            // Nothing changed since the map phase wrote the record: copy its bytes (or its fields, read above).
                            if (data.IsParquet)
                            {
                                data.WriteRow(recordId ?? string.Empty, text, meta!, bytes.Length);
                            }
                            else
                            {
                                data.Write(bytes);
                            }
                        }
                        else
                        {
                            WriteKept(writer, piiBuffer, recordId ?? string.Empty, text, metaStart < 0 ? throw new InvalidDataException("kept record without meta") : bytes[metaStart..metaEnd], findings, stats);
                            writer.Flush();
                            recordBuffer.Write("\n"u8);
                            data.Write(recordBuffer.WrittenSpan);
                        }

                        writeStage.Count(outBytes, true, outBytes);
                        stats.DocumentsOut++;
                        stats.BytesOut += outBytes;
                        stats.TokensOut += tokens;
                        stats.Lengths.Out[LengthHistograms.Bin(text.Length)]++;
                        keptPerShard[shard] = keptPerShard.GetValueOrDefault(shard) + 1;
                        if (language is not null)
                        {
                            CurationStats.Increment(stats.LanguagesOut, language);
                            CurationStats.Increment(stats.TokensByLanguage, language, tokens);
                        }
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(record);
                    }
                }

                var done = Interlocked.Add(ref _documents, shardEnd - segmentStart);
                _request.Progress?.Report(new CurationProgress("write", done, done, _dedup.Fate.Length));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw OutputErrors.CannotWrite(data.FinalPath, ex);
        }
        finally
        {
            foreach (var h in handles.Values)
            {
                h.Dispose();
            }
        }

        piiStage.Seconds = piiTicks / (double)Stopwatch.Frequency;
        var files = new List<FileEntry>();
        if (data.Complete() is { } dataEntry)
        {
            files.Add(dataEntry);
        }

        if (removed.Complete() is { } removedEntry)
        {
            files.Add(removedEntry);
        }

        return new PartDone { Files = files, Stats = stats, KeptPerShard = keptPerShard };
    }

    private void WriteDuplicate(Utf8JsonWriter writer, string id, string text, JsonElement meta, string reason, string keptId, double similarity)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("reason", reason);
        writer.WriteString("duplicate_of", keptId);
        writer.WriteNumber("similarity", similarity);
        if (_request.Config.Output.RemovedText)
        {
            writer.WriteString("text", text);
        }

        writer.WritePropertyName("meta");
        meta.WriteTo(writer);
        writer.WriteEndObject();
    }

    /// <summary>Offers a record removed by a per-document stage as a report example (parsed only when it would rank).</summary>
    private void OfferFiltered(CurationStats stats, ReadOnlyMemory<byte> record)
    {
        var (id, reason) = RemovedRecordHead(record.Span);
        if (id is null || reason is null)
        {
            return;
        }

        var hash = RemovalExamples.HashOf(id);
        if (!RemovalExamples.Wants(stats.Examples, reason, id, hash))
        {
            return;
        }

        using var json = JsonDocument.Parse(record);
        var root = json.RootElement;
        var example = new RemovalExample { Id = id, Hash = hash };
        if (root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
        {
            (example.Text, example.Truncated) = RemovalExamples.Snippet(text.GetString() ?? string.Empty, _exampleScrubber);
        }

        if (root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
            && meta.TryGetProperty("filter", out var filter) && filter.ValueKind == JsonValueKind.Object)
        {
            example.Profile = filter.TryGetProperty("profile", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            example.Value = filter.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
            example.Threshold = filter.TryGetProperty("threshold", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : null;
        }

        RemovalExamples.Offer(stats.Examples, reason, example);
    }

    /// <summary>The <c>id</c> and <c>reason</c> of a removed record, read without building a DOM.</summary>
    private static (string? Id, string? Reason) RemovedRecordHead(ReadOnlySpan<byte> record)
    {
        var reader = new Utf8JsonReader(record);
        string? id = null;
        string? reason = null;
        reader.Read();
        while ((id is null || reason is null) && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("id"u8);
            var isReason = !isId && reader.ValueTextEquals("reason"u8);
            reader.Read();
            if (isId && reader.TokenType == JsonTokenType.String)
            {
                id = reader.GetString();
            }
            else if (isReason && reader.TokenType == JsonTokenType.String)
            {
                reason = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return (id, reason);
    }

    private string KeptId(int index, Dictionary<int, SafeFileHandle> handles)
    {
        var shard = _dedup.ShardOf(index);
        if (!handles.TryGetValue(shard, out var handle))
        {
            handle = File.OpenHandle(ShardFiles.Docs(_layout.WorkDir, shard));
            handles[shard] = handle;
        }

        return ShardFiles.ReadId(handle, _dedup.RecordOffset[index], _dedup.RecordLength[index]);
    }

    /// <summary>
    /// A kept record whose text the PII stage changed: its id, the new text, and its <c>meta</c> object (the record's own
    /// bytes, as the map phase wrote them) with the finding counts appended as <c>meta.pii</c>. The meta bytes are spliced
    /// in rather than parsed and written again property by property, which gave the same bytes (one writer, one encoder).
    /// </summary>
    private static void WriteKept(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, string id, string text, ReadOnlySpan<byte> meta, IReadOnlyList<PiiFinding> findings, CurationStats stats)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("text", text);
        writer.WritePropertyName("meta");
        if (findings.Count == 0)
        {
            writer.WriteRawValue(meta, skipInputValidation: true);
        }
        else
        {
            var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var f in findings)
            {
                CurationStats.Increment(counts, f.Type);
                CurationStats.Increment(stats.Pii, f.Type);
            }

            // meta without its closing brace, then "pii":{...} as the writer writes it, then the brace.
            buffer.ResetWrittenCount();
            buffer.Write(meta[..^1]);
            using (var pii = new Utf8JsonWriter(buffer, DocumentProcessor.RecordJson))
            {
                if (meta.Length > 2)
                {
                    buffer.Write(","u8);
                }

                pii.WritePropertyName("pii");
                pii.WriteStartObject();
                foreach (var (type, count) in counts)
                {
                    pii.WriteNumber(type, count);
                }

                pii.WriteEndObject();
            }

            buffer.Write("}"u8);
            writer.WriteRawValue(buffer.WrittenSpan, skipInputValidation: true);
        }

        writer.WriteEndObject();
    }
}

/// <summary>
/// The PII scrubber and token counter of the write phase, built when a run starts so that a missing key file or
/// tokenizer is reported before hours of work, not after; and the masking scrubber of the report's examples, which
/// runs whether or not the PII stage does.
/// </summary>
internal sealed record WriteTools(PiiScrubber? Pii, IReadOnlyList<ITokenCounter> Tokens, PiiScrubber Examples)
{
    public static WriteTools Create(Configuration.CurationConfig config) => new(
        config.Pii.Enabled ? PiiScrubber.Create(config.Pii) : null,
        [.. config.Stats.Tokenizers.Select(t => TokenCounters.Create(t))],
        PiiScrubber.Create(new PiiStageOptions { Operator = "mask" }));
}

/// <summary>
/// Reads what the write phase needs from a kept record (<c>text</c>, <c>meta.lang</c>, <c>meta.provider</c>; with
/// <c>columns</c> also <c>id</c> and the <c>meta</c> object's JSON as written) without building a DOM.
/// </summary>
internal static class KeptRecord
{
    public static (string Text, string? Language, string? Provider) Read(ReadOnlySpan<byte> record)
    {
        var (text, language, provider, _, _) = Read(record, columns: false);
        return (text, language, provider);
    }

    /// <summary>The fields, and with <paramref name="columns"/> the id and the meta object's JSON (exactly its bytes in the record; "{}" when absent).</summary>
    public static (string Text, string? Language, string? Provider, string? Id, string? Meta) Read(ReadOnlySpan<byte> record, bool columns) =>
        Read(record, columns, out _, out _);

    /// <summary>
    /// <see cref="Read(ReadOnlySpan{byte}, bool)"/>, also giving where the meta object's bytes are in the record
    /// (<paramref name="metaStart"/> -1 when it has none) and the id whatever <paramref name="columns"/> says.
    /// </summary>
    public static (string Text, string? Language, string? Provider, string? Id, string? Meta) Read(ReadOnlySpan<byte> record, bool columns, out int metaStart, out int metaEnd)
    {
        metaStart = metaEnd = -1;
        var reader = new Utf8JsonReader(record);
        string? text = null;
        string? language = null;
        string? provider = null;
        string? id = null;
        string? meta = columns ? "{}" : null;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                text = reader.GetString();
            }
            else if (reader.ValueTextEquals("meta"u8))
            {
                reader.Read();
                metaStart = (int)reader.TokenStartIndex;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isLang = reader.ValueTextEquals("lang"u8);
                    var isProvider = !isLang && reader.ValueTextEquals("provider"u8);
                    reader.Read();
                    if (isLang && reader.TokenType == JsonTokenType.String)
                    {
                        language = reader.GetString();
                    }
                    else if (isProvider && reader.TokenType == JsonTokenType.String)
                    {
                        provider = reader.GetString();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                metaEnd = (int)reader.BytesConsumed;
                if (columns)
                {
                    meta = Encoding.UTF8.GetString(record[metaStart..metaEnd]);
                }
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = reader.GetString();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return (text ?? throw new InvalidDataException("kept record without text"), language, provider, id, meta);
    }
}

/// <summary>What the write phase produced.</summary>
internal sealed record WriteResult(List<FileEntry> Files, CurationStats Stats, Dictionary<int, long> KeptPerShard);

/// <summary>The marker of a finished output part.</summary>
internal sealed class PartDone
{
    public List<FileEntry> Files { get; set; } = [];

    public CurationStats Stats { get; set; } = new();

    public Dictionary<int, long> KeptPerShard { get; set; } = [];
}
