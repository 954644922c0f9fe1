using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace Moa.Curation.Perplexity;

/// <summary>
/// A character n-gram language model of Korean reference prose (interpolated modified Kneser-Ney, stored in backoff
/// form in one hashed table of quantised log-probabilities), used the way CCNet uses its KenLM models: a document's
/// perplexity says how far its text is from the reference, and the 33rd/66th percentiles of the reference text's own
/// perplexities cut the scores into <c>head</c>, <c>middle</c> and <c>tail</c>. Thread-safe: scoring reads only.
/// Built by <see cref="QualityLanguageModelTrainer"/>; see docs/curation/perplexity.md.
/// </summary>
public sealed class QualityLanguageModel
{
    /// <summary>Name of the model shipped inside Moa.Curation (built by scripts/train-quality-lm.sh).</summary>
    public const string EmbeddedName = "ko-char-lm.bin.gz";

    internal static readonly byte[] Magic = "MOALM\u0001"u8.ToArray();

    private static readonly Lazy<QualityLanguageModel> s_embedded = new(LoadEmbedded);

    private readonly uint[] _slots;
    private readonly int _shift;
    private readonly int _mask;
    private readonly int _order;
    private readonly float[] _prob = new float[256];
    private readonly float[] _bow = new float[256];
    private readonly float _unk;
    private readonly ulong _bosHash;

    internal QualityLanguageModel(QualityLanguageModelInfo info, uint[] slots, string source)
    {
        Info = info;
        Source = source;
        _slots = slots;
        _order = info.Order;
        _mask = slots.Length - 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)slots.Length);
        for (var q = 0; q < 256; q++)
        {
            _prob[q] = (float)Dequantise(q, info.ProbLow, info.ProbHigh);
            _bow[q] = (float)Dequantise(q, info.BowLow, info.BowHigh);
        }

        _unk = (float)info.UnknownLog10;
        _bosHash = LmText.Hash([LmText.Bos]);
    }

    /// <summary>What the model is, what it was trained on, and its bucket cut-offs.</summary>
    public QualityLanguageModelInfo Info { get; }

    /// <summary>Where it was loaded from (a path, or <c>embedded:</c> and the resource name).</summary>
    public string Source { get; }

    /// <summary>Bytes held in memory by the loaded model (the slot table).</summary>
    public long MemoryBytes => _slots.LongLength * sizeof(uint);

    /// <summary>The model shipped with Moa (loaded once per process).</summary>
    public static QualityLanguageModel Embedded => s_embedded.Value;

    /// <summary>Loads a model file; a missing, unreadable or damaged file is a <see cref="MoaException"/> naming it.</summary>
    public static QualityLanguageModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MoaException($"{path}: cannot read the perplexity model (quality.perplexity.model): {ex.Message}", ex);
        }

        return FromBytes(bytes, path);
    }

    /// <summary>Reads a model from the bytes of a model file (gzip-compressed); <paramref name="source"/> names it in errors.</summary>
    public static QualityLanguageModel FromBytes(byte[] file, string source)
    {
        ArgumentNullException.ThrowIfNull(file);
        byte[] raw;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(file), CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            gzip.CopyTo(buffer);
            raw = buffer.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw Damaged(source, "not gzip data", ex);
        }

        return FromPayload(raw, source);
    }

    /// <summary>Reads a model from its uncompressed payload (what <see cref="QualityLanguageModelTrainer"/> produces before gzip).</summary>
    internal static QualityLanguageModel FromPayload(byte[] raw, string source)
    {
        if (raw.Length < Magic.Length + 8 || !raw.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw Damaged(source, "it does not start with the Moa language-model header", null);
        }

        var metaLength = BinaryPrimitives.ReadInt32LittleEndian(raw.AsSpan(Magic.Length));
        var tableStart = Magic.Length + 4 + metaLength;
        if (metaLength <= 0 || tableStart + 4 > raw.Length)
        {
            throw Damaged(source, "the header is truncated", null);
        }

        QualityLanguageModelInfo info;
        try
        {
            info = JsonSerializer.Deserialize<QualityLanguageModelInfo>(raw.AsSpan(Magic.Length + 4, metaLength), QualityLanguageModelInfo.Json)
                ?? throw new JsonException("empty metadata");
        }
        catch (JsonException ex)
        {
            throw Damaged(source, "its metadata is not valid JSON (" + ex.Message + ")", ex);
        }

        if (info.Format != QualityLanguageModelInfo.CurrentFormat)
        {
            throw Damaged(source, $"format {info.Format} is not the supported format {QualityLanguageModelInfo.CurrentFormat}", null);
        }

        var slotCount = BinaryPrimitives.ReadInt32LittleEndian(raw.AsSpan(tableStart));
        var table = raw.AsSpan(tableStart + 4);
        if (slotCount <= 0 || (slotCount & (slotCount - 1)) != 0 || slotCount != info.Slots || table.Length != (long)slotCount * 4
            || info.Order is < 1 or > 8)
        {
            throw Damaged(source, "the table size does not match its header", null);
        }

        if (Convert.ToHexStringLower(SHA256.HashData(table)) != info.TableSha256)
        {
            throw Damaged(source, "the table's sha256 does not match its header (the file was changed or truncated)", null);
        }

        var slots = new uint[slotCount];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = BinaryPrimitives.ReadUInt32LittleEndian(table.Slice(i * 4));
        }

        return new QualityLanguageModel(info, slots, source);
    }

    /// <summary>
    /// Perplexity of a text: every line (paragraph) is scored from its own start to its end marker, and the
    /// document's value is 10 to the minus mean log10-probability over all its units, which weights each paragraph
    /// by its length (CCNet's document perplexity). With <paramref name="maxUnits"/> above 0 only the text's first
    /// units are scored (whole lines, the last one cut), which bounds the cost of long documents. Null when the text
    /// has no unit to score.
    /// </summary>
    public double? Perplexity(string text, int maxUnits = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (log10, units) = Log10Probability(text, maxUnits);
        return units == 0 ? null : Math.Pow(10, -log10 / units);
    }

    /// <summary><c>head</c>, <c>middle</c> or <c>tail</c> by the model's own cut-offs.</summary>
    public string Bucket(double perplexity) =>
        perplexity <= Info.HeadCutoff ? "head" : perplexity <= Info.TailCutoff ? "middle" : "tail";

    /// <summary>Sum of log10 probabilities of a text's units (line ends included) and how many there were.</summary>
    internal (double Log10, long Units) Log10Probability(string text, int maxUnits = 0)
    {
        var budget = maxUnits > 0 ? maxUnits : long.MaxValue;
        Span<uint> a = stackalloc uint[9];
        Span<uint> b = stackalloc uint[9];
        var state = new LineState(this, a, b);
        var lineOpen = false;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                if (lineOpen)
                {
                    state.Step(LmText.Eos);
                    lineOpen = false;
                }

                pendingSpace = false;
                continue;
            }

            var u = LmText.Unit(c);
            if (u == '\0')
            {
                continue;
            }

            if (u == ' ')
            {
                pendingSpace = lineOpen;
                continue;
            }

            if (state.Units >= budget)
            {
                return (state.Total, state.Units);
            }

            if (!lineOpen)
            {
                lineOpen = true;
                state.StartLine();
            }
            else if (pendingSpace)
            {
                state.Step(' ');
            }

            pendingSpace = false;
            state.Step(u);
        }

        if (lineOpen)
        {
            state.Step(LmText.Eos);
        }

        return (state.Total, state.Units);
    }

    /// <summary>
    /// Scoring state within one line. Every order's n-gram ending at the current unit is looked up (the lookups do not
    /// depend on each other, so the processor overlaps them); the longest one found gives the probability, and the
    /// backoff weights of the longer contexts come from the previous unit's lookups, which found those same n-grams.
    /// </summary>
    private ref struct LineState(QualityLanguageModel model, Span<uint> current, Span<uint> previous)
    {
        public readonly QualityLanguageModel Model = model;
        public Span<uint> Current = current;
        public Span<uint> Previous = previous;
        public double Total;
        public long Units;
        private ulong _h0, _h1, _h2, _h3, _h4, _h5, _h6, _h7;
        private int _position;

        /// <summary>A line starts: the start marker is the whole context.</summary>
        public void StartLine()
        {
            _position = 0;
            Previous.Clear();
            Previous[1] = Model.Find(Model._bosHash);
            Push(LmText.Bos);
            _position = 1;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Step(char u)
        {
            var model = Model;
            Push(u);
            var kmax = Math.Min(model._order, _position + 1);
            var h = LmText.Empty;
            var cur = Current;
            for (var k = 1; k <= kmax; k++)
            {
                h = LmText.Extend(h, Unit(_position - k + 1));
                cur[k] = model.Find(LmText.Finish(h));
            }

            var found = kmax;
            while (found > 0 && cur[found] == 0)
            {
                found--;
            }

            double lp = found > 0 ? model._prob[(cur[found] >> 8) & 0xFF] : model._unk;
            var prev = Previous;
            for (var k = Math.Max(found + 1, 2); k <= kmax; k++)
            {
                var ctx = prev[k - 1];
                if (ctx != 0)
                {
                    lp += model._bow[ctx & 0xFF];
                }
            }

            Total += lp;
            Units++;
            Previous = cur;
            Current = prev;
            _position++;
        }

        private void Push(char u)
        {
            // The last eight units, newest in _h0 (only their chars matter; kept in fields so the state stays a ref struct without arrays).
            _h7 = _h6;
            _h6 = _h5;
            _h5 = _h4;
            _h4 = _h3;
            _h3 = _h2;
            _h2 = _h1;
            _h1 = _h0;
            _h0 = u;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private readonly char Unit(int position) => (_position - position) switch
        {
            0 => (char)_h0,
            1 => (char)_h1,
            2 => (char)_h2,
            3 => (char)_h3,
            4 => (char)_h4,
            5 => (char)_h5,
            6 => (char)_h6,
            _ => (char)_h7,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint Find(ulong hash)
    {
        var index = (int)(hash >> _shift);
        var fingerprint = Fingerprint(hash);
        var slots = _slots;
        while (true)
        {
            var e = slots[index];
            if (e == 0 || (e >> 16) == fingerprint)
            {
                return e;
            }

            index = (index + 1) & _mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Fingerprint(ulong hash)
    {
        var f = (uint)(hash >> 8) & 0xFFFF;
        return f == 0 ? 1u : f;
    }

    internal static double Dequantise(int q, double low, double high) => low + ((high - low) * q / 255.0);

    private static QualityLanguageModel LoadEmbedded()
    {
        var name = "embedded:" + EmbeddedName;
        using var stream = typeof(QualityLanguageModel).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new MoaException($"{name}: the perplexity model is missing from Moa.Curation (rebuild with scripts/train-quality-lm.sh).");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return FromBytes(buffer.ToArray(), name);
    }

    private static MoaException Damaged(string source, string why, Exception? inner) =>
        new($"{source}: not a usable perplexity model (quality.perplexity.model): {why}. Rebuild it with scripts/train-quality-lm.sh.", inner!);
}

/// <summary>The header of a model file: what it is, how it was built, from what, and its bucket cut-offs.</summary>
public sealed class QualityLanguageModelInfo
{
    public const int CurrentFormat = 1;

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public int Format { get; set; } = CurrentFormat;

    public string Unit { get; set; } = "character (UTF-16 unit): ASCII digits to 0, ASCII letters lower-cased, whitespace runs to one space; one line = one paragraph";

    public string Smoothing { get; set; } = "interpolated modified Kneser-Ney (3 discounts per order), stored in backoff form";

    public int Order { get; set; }

    /// <summary>N-grams of the highest order seen fewer times than this are left out (their probability backs off).</summary>
    public int PruneHighestOrderBelow { get; set; }

    public int Slots { get; set; }

    public long Entries { get; set; }

    public long[] EntriesPerOrder { get; set; } = [];

    public double ProbLow { get; set; }

    public double ProbHigh { get; set; }

    public double BowLow { get; set; }

    public double BowHigh { get; set; }

    public double UnknownLog10 { get; set; }

    /// <summary>Perplexity at or below which a document is <c>head</c> (33rd percentile of the reference documents).</summary>
    public double HeadCutoff { get; set; }

    /// <summary>Perplexity above which a document is <c>tail</c> (66th percentile of the reference documents).</summary>
    public double TailCutoff { get; set; }

    /// <summary>Characters scored per reference document when the cut-offs were set (the default of <c>quality.perplexity.max_chars</c>).</summary>
    public int CutoffMaxChars { get; set; }

    public string Split { get; set; } = string.Empty;

    public List<QualityLanguageModelSource> Training { get; set; } = [];

    public List<QualityLanguageModelSource> CutoffReference { get; set; } = [];

    public string TableSha256 { get; set; } = string.Empty;
}

/// <summary>One file the model was trained on (or whose documents set its cut-offs).</summary>
public sealed class QualityLanguageModelSource
{
    public string File { get; set; } = string.Empty;

    public string Licence { get; set; } = string.Empty;

    public string FileSha256 { get; set; } = string.Empty;

    public int Documents { get; set; }

    public long Characters { get; set; }
}
