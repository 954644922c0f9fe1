using System.Text;
using System.Text.Json;

using Moa.Documents.Jsonl;

namespace Moa.Evaluation.Contamination;

/// <summary>A corpus document: the corpus it belongs to (folder name) and its id.</summary>
/// <param name="Corpus">Name of the corpus folder or file given.</param>
/// <param name="Id">The document's <c>id</c> (or <c>file:line</c> when it has none).</param>
public sealed record CorpusDocument(string Corpus, string Id);

/// <summary>What one corpus file contributed: documents hitting each item (first few in file order) and counts.</summary>
public sealed class FileHits
{
    internal FileHits(string path) => Path = path;

    /// <summary>The file scanned.</summary>
    public string Path { get; }

    /// <summary>Item index → the first documents (file order) with an n-gram of the item.</summary>
    public Dictionary<int, List<CorpusDocument>> Examples { get; } = [];

    /// <summary>Item index → number of documents with an n-gram of the item.</summary>
    public Dictionary<int, long> DocumentCounts { get; } = [];

    /// <summary>Documents scanned.</summary>
    public long Documents { get; internal set; }

    /// <summary>Uncompressed JSONL bytes scanned.</summary>
    public long Bytes { get; internal set; }
}

/// <summary>
/// Scans corpus documents for the n-grams of a <see cref="ContaminationIndex"/>. One scanner per thread: it keeps which
/// n-grams were seen (<see cref="GramSeen"/>) and, per file, which documents hit which items. The per-character loop allocates nothing.
/// </summary>
public sealed class CorpusScanner
{
    private readonly ContaminationIndex _index;
    private readonly bool[] _gramSeen;
    private readonly long[] _lastDocument;
    private readonly int _maxExamples;
    private readonly JsonlRecordReader _records = new();
    private char[] _chars = new char[1 << 16];
    private long _document;
    private FileHits? _file;
    private string _corpus = string.Empty;
    private byte[] _idBytes = new byte[256];
    private int _idLength = -1;
    private bool _idEscaped;
    private int _lineNumber;
    private CorpusDocument? _currentDocument;

    /// <summary>Creates a scanner over <paramref name="index"/> that lists at most <paramref name="maxExamples"/> documents per item and file.</summary>
    public CorpusScanner(ContaminationIndex index, int maxExamples = 20)
    {
        _index = index;
        _gramSeen = new bool[index.GramCount];
        _lastDocument = new long[index.Items.Count];
        Array.Fill(_lastDocument, -1);
        _maxExamples = maxExamples;
    }

    /// <summary>Per n-gram slot: whether some scanned document contained it.</summary>
    public ReadOnlySpan<bool> GramSeen => _gramSeen;

    /// <summary>Scans a corpus part: <c>.jsonl</c>, <c>.jsonl.gz</c> or <c>.jsonl.zst</c> lines of <c>{"id", "text", "meta"}</c>, or Parquet.</summary>
    /// <exception cref="MoaException">A line fails <see cref="JsonlRecordReader"/> (the message names file, line and field), or the file is damaged.</exception>
    public FileHits ScanFile(string path, string corpus)
    {
        var hits = new FileHits(path);
        if (CorpusPart.IsParquet(path))
        {
            foreach (var record in CorpusPart.Read(path))
            {
                ScanDocument(record.Text, new CorpusDocument(corpus, record.Id), hits);
            }

            return hits;
        }

        using var stream = CorpusPart.OpenJsonLines(path);
        try
        {
            ScanStream(stream, path, corpus, hits);
        }
        catch (Exception ex) when (ex is InvalidDataException or ZstdSharp.ZstdException)
        {
            throw new MoaException($"{path}: damaged compressed stream ({ex.Message}); re-run the curation that wrote it.", ex);
        }

        return hits;
    }

    /// <summary>Scans JSONL bytes held in memory (one document a line).</summary>
    public FileHits ScanJsonl(ReadOnlySpan<byte> jsonl, string name, string corpus)
    {
        var hits = new FileHits(name);
        Begin(hits, corpus);
        ScanLines(jsonl, name);
        _file = null;
        return hits;
    }

    /// <summary>Scans one document's text.</summary>
    public void ScanDocument(ReadOnlySpan<char> text, CorpusDocument document, FileHits hits)
    {
        _file = hits;
        _corpus = document.Corpus;
        _document++;
        _currentDocument = document;
        hits.Documents++;
        var sink = new HitSink(this);
        NGramHasher.Hash(text, _index.Unit, _index.N, ref sink);
        _file = null;
    }

    private void Begin(FileHits hits, string corpus)
    {
        _file = hits;
        _corpus = corpus;
        _lineNumber = 0;
    }

    private void ScanStream(Stream stream, string path, string corpus, FileHits hits)
    {
        Begin(hits, corpus);
        try
        {
            using var lines = new JsonlLines(stream, path);
            while (lines.TryReadLine(out var line))
            {
                _lineNumber = checked((int)lines.LineNumber);
                ScanLine(line, path);
            }
        }
        finally
        {
            _file = null;
        }
    }

    // Scans the lines of in-memory JSONL (the last may lack its line break).
    private void ScanLines(ReadOnlySpan<byte> data, string path)
    {
        while (!data.IsEmpty)
        {
            var length = data.IndexOf((byte)'\n');
            var line = length < 0 ? data : data[..length];
            data = length < 0 ? default : data[(length + 1)..];
            _lineNumber++;
            if (_lineNumber == 1)
            {
                line = JsonlRecordReader.SkipBom(line);
            }

            ScanLine(line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line, path);
        }
    }

    private void ScanLine(ReadOnlySpan<byte> line, string path)
    {
        if (JsonlRecordReader.IsBlank(line))
        {
            return;
        }

        _file!.Bytes += line.Length + 1;
        if (_records.Validate(line, out var fields, out var error) != JsonlProblem.None)
        {
            throw _records.Error(path, _lineNumber, error, line);
        }

        var textLength = JsonlRecordReader.CopyText(line, fields, ref _chars);
        _idLength = -1;
        if (fields.HasId)
        {
            // Kept as raw bytes; a string is made only when the document hits an item.
            var id = line.Slice(fields.IdStart, fields.IdLength);
            if (_idBytes.Length < id.Length)
            {
                _idBytes = new byte[Math.Max(id.Length, _idBytes.Length * 2)];
            }

            id.CopyTo(_idBytes);
            _idLength = id.Length;
            _idEscaped = fields.IdEscaped;
        }

        _file.Documents++;
        _document++;
        _currentDocument = null;
        var sink = new HitSink(this);
        NGramHasher.Hash(_chars.AsSpan(0, textLength), _index.Unit, _index.N, ref sink);
    }

    private CorpusDocument CurrentDocument()
    {
        if (_currentDocument is not null)
        {
            return _currentDocument;
        }

        string id;
        if (_idLength < 0)
        {
            id = $"{Path.GetFileName(_file!.Path)}:{_lineNumber}";
        }
        else if (!_idEscaped)
        {
            id = Encoding.UTF8.GetString(_idBytes, 0, _idLength);
        }
        else
        {
            id = JsonSerializer.Deserialize<string>([(byte)'"', .. _idBytes.AsSpan(0, _idLength), (byte)'"'])!;
        }

        return _currentDocument = new CorpusDocument(_corpus, id);
    }

    private void OnHit(int slot)
    {
        _gramSeen[slot] = true;
        for (var posting = _index.FirstPosting(slot); posting >= 0; posting = _index.NextPosting(posting))
        {
            var item = _index.PostingItem(posting);
            if (_lastDocument[item] == _document)
            {
                continue;
            }

            _lastDocument[item] = _document;
            var file = _file!;
            file.DocumentCounts[item] = file.DocumentCounts.GetValueOrDefault(item) + 1;
            if (!file.Examples.TryGetValue(item, out var examples))
            {
                file.Examples[item] = examples = [];
            }

            if (examples.Count < _maxExamples)
            {
                examples.Add(CurrentDocument());
            }
        }
    }

    private readonly struct HitSink(CorpusScanner scanner) : IGramSink
    {
        public void OnGram(ulong hash)
        {
            var slot = scanner._index.Find(hash);
            if (slot >= 0)
            {
                scanner.OnHit(slot);
            }
        }
    }
}
