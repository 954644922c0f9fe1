using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Moa.Documents.Cfb;
using Moa.Documents.Packaging;

namespace Moa.Documents.Hwp;

/// <summary>Text of one HWP file and what was counted on the way.</summary>
internal readonly record struct HwpExtraction(string Text, string Version, int Sections, int Paragraphs);

/// <summary>
/// HWP 5.0 text extraction (Hancom's published "HWP 5.0 file format" document): the <c>FileHeader</c>
/// stream's flags, then each <c>BodyText/SectionN</c> stream (raw deflate when compressed) as a flat list of
/// records whose <c>HWPTAG_PARA_TEXT</c> payloads hold UTF-16LE text with embedded control characters.
/// </summary>
internal static class HwpExtractor
{
    /// <summary>HWP 3.0 files start with this signature (not a compound file).</summary>
    public static ReadOnlySpan<byte> Hwp3Signature => "HWP Document File V3"u8;

    private const int TagBegin = 16;
    private const int TagParaText = TagBegin + 51;
    private const int TagCtrlHeader = TagBegin + 55;
    private const int TagListHeader = TagBegin + 56;
    private const int TagTable = TagBegin + 61;

    // Control ids are four ASCII letters packed big-endian: 'tcmt' is a hidden comment (not shown, not text).
    private const uint CtrlHiddenComment = ('t' << 24) | ('c' << 16) | ('m' << 8) | 't';
    private const uint CtrlTable = ('t' << 24) | ('b' << 16) | ('l' << 8) | ' ';

    private const uint FlagCompressed = 1 << 0;
    private const uint FlagPassword = 1 << 1;
    private const uint FlagDistribution = 1 << 2;
    private const uint FlagDrm = 1 << 4;
    private const uint FlagCertificateEncrypted = 1 << 8;
    private const uint FlagCertificateDrm = 1 << 10;

    private static readonly string[] s_drmMarkers = ["MARKANY", "DOCUMENTSAFER", "SCDSA", "FASOO", "DRM"];

    public static HwpExtraction Extract(byte[] file, int maxSectionBytes, CancellationToken cancellationToken)
    {
        RefuseForeignFormats(file);
        var cfb = CompoundFile.Open(file);
        var (version, flags) = ReadFileHeader(cfb);
        if ((flags & (FlagDrm | FlagCertificateDrm)) != 0)
        {
            throw new DocumentFormatException("hwp-drm",
                "the HWP document is DRM-protected (FileHeader DRM flag); export an unprotected copy from the DRM client");
        }

        if ((flags & (FlagPassword | FlagCertificateEncrypted)) != 0)
        {
            throw new DocumentFormatException("hwp-password",
                "the HWP document is password-protected or certificate-encrypted; save an unprotected copy in Hancom Office");
        }

        var sections = SectionStreams(cfb, "BodyText");
        if ((flags & FlagDistribution) != 0 || (sections.Count == 0 && SectionStreams(cfb, "ViewText").Count > 0))
        {
            throw new DocumentFormatException("hwp-distribution",
                "the HWP document is a distribution document (배포용 문서, encrypted ViewText sections); ask the provider for the editable original");
        }

        if (sections.Count == 0)
        {
            throw new DocumentFormatException("corrupt-container", "the HWP file has no BodyText/SectionN streams");
        }

        var compressed = (flags & FlagCompressed) != 0;
        var text = new StringBuilder();
        var paragraphs = 0;
        long inflatedTotal = 0;
        foreach (var entry in sections)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var raw = cfb.ReadStream(entry);
            byte[]? rented = null;
            try
            {
                ReadOnlySpan<byte> records;
                if (compressed)
                {
                    rented = Inflate(raw, maxSectionBytes, entry.Path, out var length);
                    records = rented.AsSpan(0, length);
                    inflatedTotal += length;
                    if (inflatedTotal > 2L * maxSectionBytes)
                    {
                        throw new DocumentFormatException("file-too-large",
                            $"the body sections inflate to more than {2L * maxSectionBytes:N0} bytes together (a deflate bomb or a damaged file)");
                    }
                }
                else
                {
                    records = raw;
                }

                var before = text.Length;
                if (before > 0)
                {
                    text.Append("\n\n");
                }

                paragraphs += AppendSection(records, text, entry.Path, cancellationToken);

                // An empty section (or one ending in an empty table) leaves only separators: drop them.
                while (text.Length > 0 && char.IsWhiteSpace(text[^1]))
                {
                    text.Length--;
                }
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
            }
        }

        return new HwpExtraction(text.ToString(), version, sections.Count, paragraphs);
    }

    private static void RefuseForeignFormats(byte[] file)
    {
        if (CompoundFile.HasSignature(file))
        {
            return;
        }

        if (file.AsSpan().StartsWith(Hwp3Signature))
        {
            throw new DocumentFormatException("hwp-unsupported-version",
                "this is an HWP 3.0 file (pre-2002 format); open it in Hancom Office and save it as HWP 5.0 or HWPX");
        }

        var head = Encoding.ASCII.GetString(file.AsSpan(0, Math.Min(file.Length, 64)));
        foreach (var marker in s_drmMarkers)
        {
            if (head.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                throw new DocumentFormatException("hwp-drm",
                    $"the HWP file is wrapped by a DRM product (header mentions '{marker}'), not an HWP 5.0 compound file; export an unprotected copy from the DRM client");
            }
        }

        throw new DocumentFormatException("corrupt-container",
            "the file is not an HWP 5.0 document: no OLE compound file signature (D0 CF 11 E0) at offset 0");
    }

    private static (string Version, uint Flags) ReadFileHeader(CompoundFile cfb)
    {
        var entry = cfb.Find("FileHeader");
        if (entry is null || !entry.IsStream)
        {
            throw new DocumentFormatException("corrupt-container", "the compound file has no FileHeader stream, so it is not an HWP 5.0 document");
        }

        var header = cfb.ReadStream(entry);
        if (header.Length < 40 || !header.AsSpan().StartsWith("HWP Document File"u8))
        {
            throw new DocumentFormatException("corrupt-container", "the FileHeader stream lacks the 'HWP Document File' signature");
        }

        var v = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(32));
        var version = string.Create(CultureInfo.InvariantCulture, $"{v >> 24}.{(v >> 16) & 0xFF}.{(v >> 8) & 0xFF}.{v & 0xFF}");
        if (v >> 24 != 5)
        {
            throw new DocumentFormatException("hwp-unsupported-version", $"HWP version {version} is not 5.x; save the file as HWP 5.0 or HWPX");
        }

        return (version, BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(36)));
    }

    private static List<CompoundFileEntry> SectionStreams(CompoundFile cfb, string storage)
    {
        var prefix = storage + "/Section";
        var found = new List<(int Number, CompoundFileEntry Entry)>();
        foreach (var entry in cfb.Entries)
        {
            if (entry.IsStream && entry.Path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && int.TryParse(entry.Path.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                found.Add((n, entry));
            }
        }

        found.Sort((a, b) => a.Number.CompareTo(b.Number));
        return found.ConvertAll(f => f.Entry);
    }

    /// <summary>Inflates a raw-deflate section into a pooled buffer, refusing more than <paramref name="maxBytes"/>.</summary>
    private static byte[] Inflate(byte[] compressed, int maxBytes, string name, out int length)
    {
        using var inflater = new DeflateStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp((long)compressed.Length * 4, Math.Min(4096, maxBytes), maxBytes));
        length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length || length >= maxBytes)
                {
                    if (length >= maxBytes)
                    {
                        throw new DocumentFormatException("file-too-large",
                            $"section '{name}' inflates to more than {maxBytes:N0} bytes (a deflate bomb or a damaged stream)");
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, maxBytes));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var n = inflater.Read(buffer, length, Math.Min(buffer.Length, maxBytes) - length);
                if (n == 0)
                {
                    return buffer;
                }

                length += n;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>
    /// Walks one section's records and appends each paragraph's text as a line; returns the paragraphs added.
    /// A table (control <c>tbl </c>) with more than one cell is rendered by <see cref="TableText"/>: each cell's
    /// <c>LIST_HEADER</c> gives its row address, so data tables become rows of tab-separated cells. A record at
    /// or above the table control's level ends the table.
    /// </summary>
    internal static int AppendSection(ReadOnlySpan<byte> records, StringBuilder text, string name, CancellationToken cancellationToken)
    {
        var paragraphs = 0;
        var position = 0;
        var skipAboveLevel = -1;
        var count = 0;
        var tables = new List<TableState>();
        var grids = 0;
        while (position < records.Length)
        {
            if ((++count & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (records.Length - position < 4)
            {
                throw new DocumentFormatException("corrupt-container", $"section '{name}' ends inside a record header at byte {position}");
            }

            var header = BinaryPrimitives.ReadUInt32LittleEndian(records[position..]);
            position += 4;
            var tag = (int)(header & 0x3FF);
            var level = (int)((header >> 10) & 0x3FF);
            long size = header >> 20;
            if (size == 0xFFF)
            {
                if (records.Length - position < 4)
                {
                    throw new DocumentFormatException("corrupt-container", $"section '{name}' ends inside an extended record size at byte {position}");
                }

                size = BinaryPrimitives.ReadUInt32LittleEndian(records[position..]);
                position += 4;
            }

            if (size > records.Length - position)
            {
                throw new DocumentFormatException("corrupt-container",
                    $"section '{name}': record (tag {tag}) at byte {position} declares {size:N0} bytes but only {records.Length - position:N0} remain");
            }

            var payload = records.Slice(position, (int)size);
            position += (int)size;

            while (tables.Count > 0 && level <= tables[^1].Level)
            {
                grids -= CloseTable(tables, text);
            }

            if (skipAboveLevel >= 0)
            {
                if (level > skipAboveLevel)
                {
                    continue;
                }

                skipAboveLevel = -1;
            }

            switch (tag)
            {
                case TagCtrlHeader when payload.Length >= 4:
                    var control = BinaryPrimitives.ReadUInt32LittleEndian(payload);
                    if (control == CtrlHiddenComment)
                    {
                        skipAboveLevel = level;
                    }
                    else if (control == CtrlTable && tables.Count < 64)
                    {
                        tables.Add(new TableState { Level = level });
                    }

                    break;
                case TagTable when tables.Count > 0 && tables[^1].Level == level - 1 && !tables[^1].SeenTable && payload.Length >= 8:
                    var table = tables[^1];
                    table.SeenTable = true;
                    var rows = BinaryPrimitives.ReadUInt16LittleEndian(payload[4..]);
                    var columns = BinaryPrimitives.ReadUInt16LittleEndian(payload[6..]);
                    table.Grid = grids == 0 && rows > 0 && columns > 0 && !(rows == 1 && columns == 1);
                    if (table.Grid)
                    {
                        grids++;
                        NewLine(text);
                        table.Start = text.Length;
                    }

                    break;
                case TagListHeader when tables.Count > 0 && tables[^1] is { Grid: true, SeenTable: true } cellTable
                                        && cellTable.Level == level - 1 && payload.Length >= 12:
                    var row = BinaryPrimitives.ReadUInt16LittleEndian(payload[10..]);
                    NewLine(text);
                    text.Append(row != cellTable.Row ? TableText.RowMarker : TableText.CellMarker);
                    cellTable.Row = row;
                    break;
                case TagParaText when AppendParagraph(payload, text):
                    paragraphs++;
                    break;
            }
        }

        while (tables.Count > 0)
        {
            CloseTable(tables, text);
        }

        return paragraphs;
    }

    /// <summary>Ends the innermost table; a grid table's marked region is rendered as rows or lines. Returns 1 for a grid.</summary>
    private static int CloseTable(List<TableState> tables, StringBuilder text)
    {
        var table = tables[^1];
        tables.RemoveAt(tables.Count - 1);
        if (!table.Grid)
        {
            return 0;
        }

        var region = text.ToString(table.Start, text.Length - table.Start);
        text.Length = table.Start;
        text.Append(TableText.Render(region));
        return 1;
    }

    private static void NewLine(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }
    }

    /// <summary>
    /// Decodes one <c>HWPTAG_PARA_TEXT</c> payload onto a new line. Control codes below 32: char controls take
    /// one code unit (line break, paragraph end, hyphen, fixed spaces); inline and extended controls take eight
    /// (code, six units of payload, code again) and carry no text of their own.
    /// </summary>
    /// <returns>Whether the paragraph held any visible text (whitespace-only paragraphs are dropped).</returns>
    internal static bool AppendParagraph(ReadOnlySpan<byte> payload, StringBuilder text)
    {
        var start = text.Length;
        if (start > 0 && text[start - 1] != '\n')
        {
            text.Append('\n');
        }

        var lineStart = text.Length;
        var units = payload.Length / 2;
        var i = 0;
        var visible = false;
        while (i < units)
        {
            var c = (char)BinaryPrimitives.ReadUInt16LittleEndian(payload[(i * 2)..]);
            if (c >= 32)
            {
                if (char.IsSurrogate(c))
                {
                    if (char.IsHighSurrogate(c) && i + 1 < units
                        && char.IsLowSurrogate((char)BinaryPrimitives.ReadUInt16LittleEndian(payload[((i + 1) * 2)..])))
                    {
                        text.Append(c).Append((char)BinaryPrimitives.ReadUInt16LittleEndian(payload[((i + 1) * 2)..]));
                        i += 2;
                    }
                    else
                    {
                        text.Append('\uFFFD');
                        i++;
                    }

                    visible = true;
                    continue;
                }

                if (c != ' ' && c != '\u3000' && c != '\u00A0')
                {
                    visible = true;
                }

                text.Append(c);
                i++;
                continue;
            }

            switch (c)
            {
                case '\r':
                    i = units;
                    break;
                case '\n':
                    text.Append('\n');
                    i++;
                    break;
                case '\t':
                    // Tab is an inline control: eight units, shown as a tab.
                    text.Append('\t');
                    i += 8;
                    break;
                case (char)24:
                    text.Append('-');
                    i++;
                    break;
                case (char)30 or (char)31:
                    text.Append(' ');
                    i++;
                    break;
                case (char)0 or (char)25 or (char)26 or (char)27 or (char)28 or (char)29:
                    i++;
                    break;
                default:
                    // 1-9 (except 9 above), 11-23 (except 13): inline or extended controls of eight units.
                    i += 8;
                    break;
            }
        }

        // Trim trailing spaces and line breaks so blank lines do not pile up.
        var end = text.Length;
        while (end > lineStart && text[end - 1] is ' ' or '\n' or '\t' or '\u3000')
        {
            end--;
        }

        if (!visible)
        {
            text.Length = start;
            return false;
        }

        text.Length = end;
        return true;
    }

    /// <summary>An open table control while walking records.</summary>
    private sealed class TableState
    {
        public int Level { get; init; }

        public bool SeenTable { get; set; }

        public bool Grid { get; set; }

        public int Row { get; set; } = -1;

        /// <summary>Where the grid table's marked region starts in the text.</summary>
        public int Start { get; set; }
    }
}
