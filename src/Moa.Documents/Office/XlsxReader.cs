using System.Globalization;
using System.Text;
using System.Xml;
using Moa.Documents.Packaging;

namespace Moa.Documents.Office;

/// <summary>
/// Reads Excel workbooks (XLSX, SpreadsheetML) into one document per sheet. The first non-empty row is the
/// header; every later row becomes <c>header: value</c> lines (one per non-empty cell, line breaks kept inside
/// the value) and rows are separated by a blank line. Shared and inline strings, numbers, booleans and dates
/// (rendered ISO-style when the cell's number format is a date format) are read.
/// </summary>
public sealed class XlsxReader : IDocumentReader
{
    private const string RelationshipNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Most characters of text accepted for one sheet.</summary>
    public int MaxSheetChars { get; init; } = 256 * 1024 * 1024;

    /// <inheritdoc />
    public string Format => "xlsx";

    /// <inheritdoc />
    public bool CanRead(string path, ReadOnlySpan<byte> head) =>
        path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xlsm", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public IEnumerable<SourceDocument> Read(string path, ReadContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(context);
        return DocumentFailure.Guard(path, context, "XLSX", () => ReadFile(path, context, cancellationToken));
    }

    private IReadOnlyList<SourceDocument> ReadFile(string path, ReadContext context, CancellationToken cancellationToken)
    {
        using var package = ZipPackage.Open(path, "XLSX");
        var workbookPart = OpcRelationships.MainPart(package, "xl/workbook.xml");
        if (!package.Contains(workbookPart))
        {
            throw new DocumentFormatException("corrupt-container", $"the XLSX package has no workbook part ({workbookPart})");
        }

        var rels = OpcRelationships.Read(package, workbookPart);
        var (sheets, date1904) = ReadWorkbook(package, workbookPart, rels);
        var strings = ReadSharedStrings(package, rels.Find(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target ?? "xl/sharedStrings.xml");
        var dateStyles = ReadDateStyles(package, rels.Find(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)).Target ?? "xl/styles.xml");

        var documents = new List<SourceDocument>();
        for (var i = 0; i < sheets.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (name, part) = sheets[i];
            var sheetPart = $"sheet {name}";
            if (!package.Contains(part))
            {
                context.Report(new ReadIssue(path, i + 1, "missing-part", $"sheet '{name}' points to '{part}', which the package lacks; the sheet is skipped"));
                continue;
            }

            var sheetText = new SheetText(MaxSheetChars, name);
            using (var xml = package.OpenXml(part))
            {
                new SheetCells(strings, dateStyles, date1904).Read(xml, sheetText.AddRow, cancellationToken);
            }

            var text = sheetText.ToString();
            var (dataRows, columns) = (sheetText.DataRows, sheetText.Columns);
            if (text.Length == 0)
            {
                context.Report(new ReadIssue(path, i + 1, "empty-text", $"sheet '{name}' holds no values"));
                continue;
            }

            var extra = new Dictionary<string, string>
            {
                ["sheet"] = name,
                ["sheets"] = sheets.Count.ToString(CultureInfo.InvariantCulture),
                ["rows"] = dataRows.ToString(CultureInfo.InvariantCulture),
                ["columns"] = columns.ToString(CultureInfo.InvariantCulture),
            };
            if (context.Options.Provider is { } provider)
            {
                extra["provider"] = provider;
            }

            documents.Add(new SourceDocument(ReadContext.DerivedId(path, i + 1, sheetPart), text, new DocumentOrigin(path, i + 1, Format, sheetPart), extra));
        }

        return documents;
    }

    /// <summary>
    /// Streams the rows of the first sheet (or the sheet named <paramref name="sheetName"/>) as (column, shown value)
    /// pairs, for tabular tools that need cells rather than text. Format errors surface as <see cref="DocumentFormatException"/>.
    /// </summary>
    internal static string ReadSheetRows(string path, string? sheetName, Action<List<(int Column, string Value)>> onRow, CancellationToken cancellationToken = default)
    {
        using var package = ZipPackage.Open(path, "XLSX");
        var workbookPart = OpcRelationships.MainPart(package, "xl/workbook.xml");
        if (!package.Contains(workbookPart))
        {
            throw new DocumentFormatException("corrupt-container", $"the XLSX package has no workbook part ({workbookPart})");
        }

        var rels = OpcRelationships.Read(package, workbookPart);
        var (sheets, date1904) = ReadWorkbook(package, workbookPart, rels);
        var index = sheetName is null ? (sheets.Count > 0 ? 0 : -1) : sheets.FindIndex(s => s.Name == sheetName);
        if (index < 0)
        {
            throw new DocumentFormatException("missing-part", sheetName is null
                ? "the workbook has no sheets"
                : $"the workbook has no sheet '{sheetName}'; it has: {string.Join(", ", sheets.Select(s => s.Name))}");
        }

        var (name, part) = sheets[index];
        if (!package.Contains(part))
        {
            throw new DocumentFormatException("missing-part", $"sheet '{name}' points to '{part}', which the package lacks");
        }

        var strings = ReadSharedStrings(package, rels.Find(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target ?? "xl/sharedStrings.xml");
        var dateStyles = ReadDateStyles(package, rels.Find(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)).Target ?? "xl/styles.xml");
        using var xml = package.OpenXml(part);
        new SheetCells(strings, dateStyles, date1904).Read(xml, onRow, cancellationToken);
        return name;
    }

    private static (List<(string Name, string Part)> Sheets, bool Date1904) ReadWorkbook(ZipPackage package, string workbookPart, List<OpcRelationship> rels)
    {
        var sheets = new List<(string, string)>();
        var date1904 = false;
        using var xml = package.OpenXml(workbookPart);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "workbookPr")
            {
                date1904 = xml.GetAttribute("date1904") is "1" or "true";
            }
            else if (xml.LocalName == "sheet" && xml.GetAttribute("id", RelationshipNs) is { } rid)
            {
                var rel = rels.Find(r => r.Id == rid);
                if (rel.Target is not null)
                {
                    sheets.Add((xml.GetAttribute("name") ?? rid, rel.Target));
                }
            }
        }

        return (sheets, date1904);
    }

    private static List<string> ReadSharedStrings(ZipPackage package, string part)
    {
        var strings = new List<string>();
        if (!package.Contains(part))
        {
            return strings;
        }

        using var xml = package.OpenXml(part);
        var sb = new StringBuilder();
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si" && !xml.IsEmptyElement)
            {
                sb.Clear();
                ReadStringItem(xml, sb);
                strings.Add(sb.ToString());
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                strings.Add("");
            }
        }

        return strings;
    }

    /// <summary>Reads an <c>si</c> or <c>is</c> element's text: its <c>t</c> runs, leaving out phonetic (<c>rPh</c>) runs.</summary>
    internal static void ReadStringItem(XmlReader xml, StringBuilder sb)
    {
        var depth = xml.Depth;
        var inText = false;
        xml.Read();
        while (!xml.EOF && xml.Depth > depth)
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element when xml.LocalName == "rPh":
                    xml.Skip();
                    continue;
                case XmlNodeType.Element when xml.LocalName == "t" && !xml.IsEmptyElement:
                    inText = true;
                    break;
                case XmlNodeType.EndElement when xml.LocalName == "t":
                    inText = false;
                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA when inText:
                    sb.Append(xml.Value);
                    break;
            }

            xml.Read();
        }
    }

    /// <summary>Which cell style indexes (<c>cellXfs</c>) carry a date or time number format.</summary>
    private static List<bool> ReadDateStyles(ZipPackage package, string part)
    {
        var result = new List<bool>();
        if (!package.Contains(part))
        {
            return result;
        }

        var custom = new Dictionary<int, string>();
        var formats = new List<int>();
        using var xml = package.OpenXml(part);
        var inCellXfs = false;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element)
            {
                switch (xml.LocalName)
                {
                    case "numFmt" when int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                        custom[id] = xml.GetAttribute("formatCode") ?? "";
                        break;
                    case "cellXfs":
                        inCellXfs = !xml.IsEmptyElement;
                        break;
                    case "xf" when inCellXfs:
                        formats.Add(int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0);
                        break;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs")
            {
                inCellXfs = false;
            }
        }

        foreach (var id in formats)
        {
            result.Add(custom.TryGetValue(id, out var code) ? IsDateFormat(code) : IsBuiltInDate(id));
        }

        return result;
    }

    /// <summary>Built-in date/time formats (ECMA-376 18.8.30), including the East Asian ones (27-36, 50-58).</summary>
    private static bool IsBuiltInDate(int id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    /// <summary>Whether a custom format code shows a date or time: y, m, d, h or s outside quotes, escapes and brackets.</summary>
    internal static bool IsDateFormat(string code)
    {
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (quoted)
            {
                quoted = c != '"';
                continue;
            }

            if (bracket)
            {
                // [h], [mm], [ss] are elapsed-time formats; [$-412], [Red] are locale and colour.
                if (c is 'h' or 'H' or 'm' or 'M' or 's' or 'S' && i > 0 && code[i - 1] == '[')
                {
                    return true;
                }

                bracket = c != ']';
                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case '[':
                    bracket = true;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case ';':
                    // Only the first (positive) section decides.
                    return false;
                case 'y' or 'Y' or 'd' or 'D' or 'm' or 'M' or 'h' or 'H' or 's' or 'S':
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Header-aware text of one sheet, built row by row as the sheet streams in: the first non-empty row is the
    /// header, later rows become <c>header: value</c> lines separated by blank lines.
    /// </summary>
    internal sealed class SheetText(int maxChars, string sheet)
    {
        private readonly StringBuilder _text = new();
        private Dictionary<int, string>? _header;
        private List<(int Column, string Value)>? _headerRow;

        public int DataRows { get; private set; }

        public int Columns { get; private set; }

        public void AddRow(List<(int Column, string Value)> row)
        {
            if (!row.Exists(c => !c.Value.AsSpan().IsWhiteSpace()))
            {
                return;
            }

            Columns = Math.Max(Columns, row.Max(c => c.Column) + 1);
            if (_header is null)
            {
                _headerRow = row;
                _header = [];
                foreach (var (column, value) in row)
                {
                    var name = value.ReplaceLineEndings(" ").Trim();
                    if (name.Length > 0)
                    {
                        _header[column] = name;
                    }
                }

                return;
            }

            if (_text.Length > 0)
            {
                _text.Append("\n\n");
            }

            var first = true;
            foreach (var (column, value) in row)
            {
                if (value.AsSpan().IsWhiteSpace())
                {
                    continue;
                }

                if (!first)
                {
                    _text.Append('\n');
                }

                first = false;
                _text.Append(_header.TryGetValue(column, out var name) ? name : ColumnName(column)).Append(": ").Append(value.ReplaceLineEndings("\n").Trim());
            }

            DataRows++;
            if (_text.Length > maxChars)
            {
                throw new DocumentFormatException("file-too-large", $"sheet '{sheet}' renders to more than {maxChars:N0} characters; split the workbook");
            }
        }

        public override string ToString() =>
            DataRows > 0 || _headerRow is null
                ? _text.ToString()
                : string.Join('\t', _headerRow.Select(c => c.Value.ReplaceLineEndings("\n").Trim())).Trim(); // a single row is the content
    }

    /// <summary>Excel column letters for a 0-based index (0 = A, 26 = AA).</summary>
    internal static string ColumnName(int column)
    {
        var sb = new StringBuilder();
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            sb.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return sb.ToString();
    }

    /// <summary>Streams a worksheet's <c>sheetData</c> into rows of (column, shown value).</summary>
    private sealed class SheetCells(List<string> strings, List<bool> dateStyles, bool date1904)
    {
        private const int MaxColumns = 16_384;

        public void Read(XmlReader xml, Action<List<(int Column, string Value)>> onRow, CancellationToken cancellationToken)
        {
            List<(int, string)>? row = null;
            var nextColumn = 0;
            var count = 0;
            var sb = new StringBuilder();
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "row")
                {
                    if (row is not null)
                    {
                        onRow(row);
                    }

                    row = null;
                    continue;
                }

                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (xml.LocalName == "row")
                {
                    if ((++count & 0x3FF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    row = xml.IsEmptyElement ? null : [];
                    nextColumn = 0;
                }
                else if (xml.LocalName == "c" && row is not null)
                {
                    var column = ColumnOf(xml.GetAttribute("r")) ?? nextColumn;
                    nextColumn = column + 1;
                    var type = xml.GetAttribute("t");
                    var style = int.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
                    if (xml.IsEmptyElement)
                    {
                        continue;
                    }

                    var value = ReadCell(xml, type, style, sb);
                    if (value.Length > 0)
                    {
                        row.Add((column, value));
                    }
                }
            }
        }

        private string ReadCell(XmlReader xml, string? type, int style, StringBuilder sb)
        {
            var depth = xml.Depth;
            string? raw = null;
            string? inline = null;
            xml.Read();
            while (!xml.EOF && xml.Depth > depth)
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "v")
                {
                    raw = xml.ReadElementContentAsString();
                    continue;
                }

                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "is" && !xml.IsEmptyElement)
                {
                    sb.Clear();
                    ReadStringItem(xml, sb);
                    inline = sb.ToString();
                }

                xml.Read();
            }

            return type switch
            {
                "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count ? strings[index] : "",
                "inlineStr" => inline ?? raw ?? "",
                "b" => raw == "1" ? "TRUE" : raw == "0" ? "FALSE" : raw ?? "",
                "str" or "e" or "d" => raw ?? "",
                _ => raw is null ? inline ?? "" : Number(raw, style),
            };
        }

        private string Number(string raw, int style)
        {
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return raw;
            }

            if (style < dateStyles.Count && dateStyles[style] && value is >= 0 and < 2958466)
            {
                var date = DateTime.FromOADate(value + (date1904 ? 1462 : 0));
                if (value < 1)
                {
                    return date.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
                }

                return date.TimeOfDay == TimeSpan.Zero
                    ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            }

            // Excel shows 15 significant digits; stored binary noise (0.30000000000000004) is not content.
            return raw.Length > 15 && raw.AsSpan().IndexOfAny('.', 'E', 'e') >= 0
                ? value.ToString("G15", CultureInfo.InvariantCulture)
                : raw;
        }

        private static int? ColumnOf(string? reference)
        {
            if (string.IsNullOrEmpty(reference))
            {
                return null;
            }

            var column = 0;
            var i = 0;
            while (i < reference.Length && char.IsAsciiLetter(reference[i]))
            {
                column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
                if (column > MaxColumns)
                {
                    return null;
                }

                i++;
            }

            return i == 0 ? null : column - 1;
        }
    }
}
