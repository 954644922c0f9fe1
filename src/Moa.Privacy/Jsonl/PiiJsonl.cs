using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Moa.Documents.Jsonl;

namespace Moa.Privacy.Jsonl;

/// <summary>Settings shared by the JSONL commands.</summary>
public sealed record PiiJsonlOptions
{
    /// <summary>Name of the top-level string field holding the text.</summary>
    public string TextField { get; init; } = "text";

    /// <summary>Name of the top-level field holding the document id (string or number); absent ids become FILE:LINE.</summary>
    public string IdField { get; init; } = "id";

    /// <summary>Worker threads; 0 means one per processor. Output order never depends on it.</summary>
    public int Threads { get; init; }
}

/// <summary>What a JSONL run saw: documents, bytes and findings per type.</summary>
public sealed class PiiRunSummary
{
    // Indexed by PiiTypes.Priority: one array slot per type instead of a string-keyed look-up per finding.
    private readonly long[] _perType = new long[PiiTypes.All.Count];

    public long Documents { get; internal set; }

    public long DocumentsWithPii { get; internal set; }

    public long Bytes { get; internal set; }

    public long Findings { get; internal set; }

    /// <summary>Findings per type, in <see cref="PiiTypes.All"/> order, types with none left out.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> PerType =>
        [.. PiiTypes.All.Select((t, i) => new KeyValuePair<string, long>(t, _perType[i])).Where(p => p.Value > 0)];

    internal void Merge(PiiRunSummary other)
    {
        Documents += other.Documents;
        DocumentsWithPii += other.DocumentsWithPii;
        Bytes += other.Bytes;
        Findings += other.Findings;
        for (var i = 0; i < _perType.Length; i++)
        {
            _perType[i] += other._perType[i];
        }
    }

    internal void Add(IReadOnlyList<PiiFinding> findings, long bytes)
    {
        Documents++;
        Bytes += bytes;
        if (findings.Count == 0)
        {
            return;
        }

        DocumentsWithPii++;
        Findings += findings.Count;
        for (var i = 0; i < findings.Count; i++)
        {
            // Names outside PiiTypes.All (tokens read back by reveal) count as findings but have no per-type entry.
            var type = PiiTypes.Priority(findings[i].Type);
            if (type >= 0)
            {
                _perType[type]++;
            }
        }
    }
}

/// <summary>
/// <c>moa pii scan|redact|reveal</c> over JSONL files: each line a JSON object whose text field is scanned or rewritten.
/// Lines are validated (UTF-8, JSON object, string text field) with errors that name the file and line; batches are
/// processed in parallel and written in input order, so output is byte-identical whatever the thread count.
/// </summary>
public static class PiiJsonl
{
    private const int BatchBytes = 4 << 20;
    private const int ChunkBytes = 1 << 20;

    // Korean stays readable and only what JSON requires is escaped: these are data files, not HTML.
    private static readonly JsonSerializerOptions s_write = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one JSON object per finding (<c>{"doc","start","end","type","score"}</c>) to <paramref name="output"/>.</summary>
    public static PiiRunSummary Scan(IReadOnlyList<string> inputs, PiiAnalyzer analyzer, PiiJsonlOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(options);
        var summary = new PiiRunSummary();
        foreach (var input in inputs)
        {
            var scanner = new JsonlScanner(input, analyzer, options);
            ProcessChunks(input, options, scanner.Scan, result =>
            {
                summary.Merge(result.Summary);
                output.Write(result.Output.WrittenSpan);
            });
        }

        output.Flush();
        return summary;
    }

    /// <summary>Writes each input file to <paramref name="outputDir"/> under its own name with the text field scrubbed.</summary>
    public static PiiRunSummary Redact(IReadOnlyList<string> inputs, PiiScrubber scrubber, PiiJsonlOptions options, string outputDir)
    {
        ArgumentNullException.ThrowIfNull(scrubber);
        var records = new JsonlRecordReader(options.TextField, options.IdField);
        return Rewrite(inputs, options, outputDir, (input, line) =>
        {
            var (_, text) = ReadDocument(input, line, records);
            var result = scrubber.Scrub(text);
            return (result.Findings, ReferenceEquals(result.Text, text) ? null : result.Text);
        });
    }

    /// <summary>Restores values encrypted by the <c>encrypt</c> operator, for the holder of <paramref name="key"/>.</summary>
    public static PiiRunSummary Reveal(IReadOnlyList<string> inputs, PiiKey key, PiiJsonlOptions options, string outputDir)
    {
        ArgumentNullException.ThrowIfNull(key);
        var records = new JsonlRecordReader(options.TextField, options.IdField);
        return Rewrite(inputs, options, outputDir, (input, line) =>
        {
            var (_, text) = ReadDocument(input, line, records);
            string revealed;
            int count;
            try
            {
                revealed = EncryptOperator.Reveal(text, key, out count);
            }
            catch (MoaException ex)
            {
                throw new MoaException($"{input}:{line.Number}: {ex.Message}", ex);
            }

            IReadOnlyList<PiiFinding> marks = [.. Enumerable.Repeat(new PiiFinding(0, 0, "REVEALED", 1), count)];
            return (marks, count == 0 ? null : revealed);
        });
    }

    private static PiiRunSummary Rewrite(
        IReadOnlyList<string> inputs, PiiJsonlOptions options, string outputDir,
        Func<string, RawLine, (IReadOnlyList<PiiFinding> Findings, string? NewText)> transform)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(outputDir);
        Directory.CreateDirectory(outputDir);
        var summary = new PiiRunSummary();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var target = Path.Combine(outputDir, Path.GetFileName(input));
            if (string.Equals(Path.GetFullPath(target), Path.GetFullPath(input), StringComparison.Ordinal))
            {
                throw new MoaException($"{input}: the output folder is the input's own folder; the input would be overwritten. Choose another --output.");
            }

            if (!seen.Add(target))
            {
                throw new MoaException($"{input}: two inputs are named {Path.GetFileName(input)}; their outputs would collide in {outputDir}.");
            }

            var temp = target + ".partial";
            using (var output = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Process(input, options, line =>
                {
                    var (findings, newText) = transform(input, line);
                    var bytes = newText is null ? line.Bytes : ReplaceText(line, newText, options.TextField);
                    return (findings, bytes, line.Bytes.Length);
                }, results =>
                {
                    foreach (var (findings, bytes, size) in results)
                    {
                        summary.Add(findings, size);
                        output.Write(bytes);
                        output.WriteByte((byte)'\n');
                    }
                });
            }

            File.Move(temp, target, overwrite: true);
        }

        return summary;
    }

    private static byte[] ReplaceText(RawLine line, string newText, string field)
    {
        var node = JsonNode.Parse(line.Bytes)!.AsObject();
        node[field] = newText;
        return Encoding.UTF8.GetBytes(node.ToJsonString(s_write));
    }

    /// <summary>
    /// Reads blocks of lines, runs <paramref name="work"/> on each (on up to <see cref="PiiJsonlOptions.Threads"/> blocks
    /// at once, the calling thread included) and hands results to <paramref name="write"/> in input order; a bad line in
    /// an earlier block is reported first.
    /// </summary>
    private static void ProcessChunks<T>(string input, PiiJsonlOptions options, Func<JsonlChunk, T> work, Action<T> write)
    {
        if (!File.Exists(input))
        {
            throw new MoaException($"{input}: input file not found.");
        }

        var threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
        using var chunks = new JsonlChunks(input, ChunkBytes);
        using var pipeline = new OrderedPipeline<T>(chunks, work, write, threads);
        pipeline.Run();
    }

    /// <summary>Reads batches, runs <paramref name="work"/> on every non-blank line in parallel, hands results back in order.</summary>
    private static void Process<T>(string input, PiiJsonlOptions options, Func<RawLine, T> work, Action<T[]> write)
    {
        if (!File.Exists(input))
        {
            throw new MoaException($"{input}: input file not found.");
        }

        var threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
        using var lines = new JsonlLines(input);
        var batch = new List<RawLine>();
        while (lines.ReadBatch(batch, BatchBytes))
        {
            var items = batch.Where(l => !JsonlRecordReader.IsBlank(l.Bytes)).ToArray();
            var results = new T[items.Length];
            if (threads == 1 || items.Length < 64)
            {
                for (var i = 0; i < items.Length; i++)
                {
                    results[i] = work(items[i]);
                }
            }
            else
            {
                try
                {
                    Parallel.For(0, items.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => results[i] = work(items[i]));
                }
                catch (AggregateException ex) when (ex.InnerExceptions.OfType<MoaException>().FirstOrDefault() is { } first)
                {
                    // Report the earliest bad line, as a serial run would.
                    var earliest = ex.InnerExceptions.OfType<LineException>().OrderBy(e => e.Line).FirstOrDefault();
                    throw earliest ?? first;
                }
            }

            write(results);
        }
    }

    /// <summary>Validates a line with the shared JSONL validator and returns its id and text; a bad line stops the run, naming file and line.</summary>
    private static (string Id, string Text) ReadDocument(string input, RawLine line, JsonlRecordReader records)
    {
        if (records.Validate(line.Bytes, out var fields, out var error) != JsonlProblem.None)
        {
            throw new LineException(line.Number, records.Error(input, line.Number, error, line.Bytes).Message);
        }

        return (JsonlRecordReader.Id(line.Bytes, fields) ?? $"{Path.GetFileName(input)}:{line.Number}", JsonlRecordReader.Text(line.Bytes, fields));
    }

    /// <summary>The shared validator's error for a line the fused scanner rejected, or null when the validator accepts it.</summary>
    internal static LineException? Invalid(string input, long number, ReadOnlySpan<byte> line, PiiJsonlOptions options)
    {
        var records = new JsonlRecordReader(options.TextField, options.IdField);
        return records.Validate(line, out _, out var error) == JsonlProblem.None
            ? null
            : new LineException(number, records.Error(input, number, error, line).Message);
    }

    internal sealed class LineException(long line, string message) : MoaException(message)
    {
        public long Line { get; } = line;
    }
}
