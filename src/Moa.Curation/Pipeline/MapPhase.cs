using System.Security.Cryptography;
using System.Text.Json;
using Moa.Curation.Output;
using Moa.Curation.Statistics;
using Moa.Documents;

namespace Moa.Curation.Pipeline;

/// <summary>
/// Phase 1: each input file becomes a shard of processed records and dedup keys. Files run in parallel, and the
/// batches of one file run in parallel when there are fewer files than workers; records keep input order. A shard is
/// complete when its <c>.done</c> file exists, so a killed run resumes at the first unfinished file.
/// </summary>
internal sealed class MapPhase
{
    private readonly CurationRequest _request;
    private readonly OutputLayout _layout;
    private readonly ReaderOptions _readerOptions;
    private readonly DocumentProcessor _processor;
    private long _documents;
    private long _bytes;
    private long _totalBytes;

    public MapPhase(CurationRequest request, OutputLayout layout)
    {
        _request = request;
        _layout = layout;
        var input = request.Config.Input;
        _readerOptions = new ReaderOptions
        {
            TextField = input.TextField,
            IdField = input.IdField,
            CsvTextColumns = input.CsvTextColumns,
            CsvIdColumn = input.CsvIdColumn,
        };
        _processor = new DocumentProcessor(request.Config);
    }

    public void Run(IReadOnlyList<InputFile> files, CancellationToken cancellationToken)
    {
        var pending = files.Where(f => !File.Exists(ShardFiles.Done(_layout.WorkDir, f.Index))).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        _totalBytes = pending.Sum(f => f.Bytes);
        var outer = Math.Min(_request.Workers, pending.Count);
        var inner = Math.Max(1, _request.Workers / outer);
        try
        {
            Parallel.ForEach(
                pending,
                new ParallelOptions { MaxDegreeOfParallelism = outer, CancellationToken = cancellationToken },
                file => MapShard(file, inner, cancellationToken));
        }
        catch (AggregateException ex)
        {
            throw Unwrap(ex);
        }
    }

    /// <summary>Reads a finished shard's marker.</summary>
    public static ShardDone LoadDone(string workDir, int shard)
    {
        var path = ShardFiles.Done(workDir, shard);
        try
        {
            return JsonSerializer.Deserialize<ShardDone>(File.ReadAllText(path), OutputJson.Options)
                ?? throw new InvalidDataException("empty marker");
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidDataException)
        {
            throw new MoaException($"{path}: the intermediate file of input #{shard} is missing or damaged ({ex.Message}); run again with --overwrite to start over.", ex);
        }
    }

    internal static Exception Unwrap(AggregateException ex)
    {
        var flat = ex.Flatten();
        return flat.InnerExceptions.FirstOrDefault(e => e is MoaException)
            ?? flat.InnerExceptions.FirstOrDefault(e => e is OperationCanceledException)
            ?? flat.InnerExceptions[0];
    }

    private void MapShard(InputFile file, int inner, CancellationToken cancellationToken)
    {
        var stats = new CurationStats();
        var fileStats = new FileStats { Path = SourceName(file.Path), Format = file.Reader.Format, Bytes = file.Bytes };
        var context = new ReadContext(_readerOptions, issue =>
        {
            stats.Issues.Record(issue.File, issue.Line, issue.Code, issue.Message);
            fileStats.Issues++;
            if (_request.FailFast)
            {
                throw new DocumentReadException(issue);
            }
        });

        var docsPath = ShardFiles.Docs(_layout.WorkDir, file.Index);
        var sigPath = ShardFiles.Signatures(_layout.WorkDir, file.Index);
        var entries = 0L;
        try
        {
            using (var docs = new FileStream(docsPath + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            using (var sig = new FileStream(sigPath + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                var entryBytes = new byte[ShardFiles.EntryBytes(_processor.Bands)];
                var batches = Batches(ReadSafely(file, context, SourceName(file.Path), cancellationToken), _request.Config.Output.BatchDocuments);
                IEnumerable<ProcessedBatch> processed = inner == 1
                    ? batches.Select(Process)
                    : batches.AsParallel().AsOrdered().WithDegreeOfParallelism(inner)
                        .WithMergeOptions(ParallelMergeOptions.NotBuffered).WithCancellation(cancellationToken).Select(Process);
                foreach (var batch in processed)
                {
                    var records = batch.Records.WrittenSpan;
                    for (var i = 0; i < batch.Entries.Count; i++)
                    {
                        var entry = batch.Entries[i];
                        ShardFiles.WriteEntry(entryBytes, entry, docs.Position, entry.Status == ProcessedBatch.Kept ? batch.BandsOf(i) : default);
                        docs.Write(records.Slice(entry.Offset, entry.Length));
                        sig.Write(entryBytes);
                    }

                    entries += batch.Entries.Count;
                    stats.Add(batch.Stats);
                    Interlocked.Add(ref _documents, batch.Entries.Count);
                    Interlocked.Add(ref _bytes, Math.Min(batch.Stats.BytesIn, file.Bytes));
                    _request.Progress?.Report(new CurationProgress("map", Interlocked.Read(ref _documents), Math.Min(Interlocked.Read(ref _bytes), _totalBytes), _totalBytes));
                    cancellationToken.ThrowIfCancellationRequested();
                }

                docs.Flush(flushToDisk: true);
                sig.Flush(flushToDisk: true);
            }

            File.Move(docsPath + ".tmp", docsPath, overwrite: true);
            File.Move(sigPath + ".tmp", sigPath, overwrite: true);
            if (_processor.Bands > 0)
            {
                ShardFiles.WriteBandMajor(sigPath, ShardFiles.Bands(_layout.WorkDir, file.Index), _processor.Bands);
            }
        }
        catch (AggregateException ex)
        {
            throw Unwrap(ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw OutputErrors.CannotWrite(docsPath, ex);
        }

        fileStats.DocumentsIn = stats.DocumentsIn;
        fileStats.DocumentsFiltered = stats.DocumentsIn - stats.Reasons.Values.Sum();
        stats.Files.Add(fileStats);
        var done = new ShardDone
        {
            Input = new InputEntry { Path = SourceName(file.Path), Format = file.Reader.Format, Bytes = file.Bytes, Sha256 = Sha256Of(file.Path) },
            Entries = entries,
            Stats = stats,
        };
        _layout.WriteAtomically(ShardFiles.Done(_layout.WorkDir, file.Index), s => JsonSerializer.Serialize(s, done, OutputJson.Options));
    }

    private ProcessedBatch Process(List<SourceDocument> documents)
    {
        var batch = new ProcessedBatch(_processor.Bands, documents.Count);
        _processor.Process(documents, batch);
        return batch;
    }

    private static IEnumerable<List<SourceDocument>> Batches(IEnumerable<SourceDocument> documents, int size)
    {
        var batch = new List<SourceDocument>(size);
        foreach (var doc in documents)
        {
            batch.Add(doc);
            if (batch.Count == size)
            {
                yield return batch;
                batch = new List<SourceDocument>(size);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>The name a file goes by in records and the manifest (<see cref="CurationRequest.SourceNames"/>).</summary>
    private string SourceName(string path)
    {
        foreach (var (local, name) in _request.SourceNames)
        {
            if (path == local)
            {
                return name;
            }

            if (path.StartsWith(local + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return name + "/" + path[(local.Length + 1)..].Replace(Path.DirectorySeparatorChar, '/');
            }
        }

        return path;
    }

    /// <summary>Reads a file; an I/O failure in the middle becomes one recorded problem and ends the file, keeping what was read.</summary>
    private static IEnumerable<SourceDocument> ReadSafely(InputFile file, ReadContext context, string source, CancellationToken cancellationToken)
    {
        IEnumerator<SourceDocument> e;
        try
        {
            e = file.Reader.Read(file.Path, context, cancellationToken).GetEnumerator();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            context.Report(new ReadIssue(file.Path, 0, "unreadable-file", $"{file.Path}: cannot read the file ({ex.Message})."));
            yield break;
        }

        using (e)
        {
            while (true)
            {
                SourceDocument doc;
                try
                {
                    if (!e.MoveNext())
                    {
                        break;
                    }

                    doc = e.Current;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    context.Report(new ReadIssue(file.Path, 0, "unreadable-file", $"{file.Path}: reading stopped early ({ex.Message}); documents read before this point are kept."));
                    break;
                }

                yield return source == file.Path ? doc : doc with { Origin = doc.Origin with { File = source } };
            }
        }
    }

    private static string Sha256Of(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}

/// <summary>The marker of a finished shard: its input's provenance, entry count and statistics.</summary>
internal sealed class ShardDone
{
    public InputEntry Input { get; set; } = new();

    public long Entries { get; set; }

    public CurationStats Stats { get; set; } = new();
}
