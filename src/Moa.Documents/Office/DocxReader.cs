using System.Globalization;
using System.Xml;
using Moa.Documents.Packaging;

namespace Moa.Documents.Office;

/// <summary>
/// Reads Word documents (DOCX, WordprocessingML) into one document per file: body paragraphs on lines,
/// tables as tab-separated rows, text boxes included, deleted text and field codes left out. Headers,
/// footers, footnotes and comments are not read.
/// </summary>
public sealed class DocxReader : IDocumentReader
{
    private static readonly MarkupVocabulary s_vocabulary = new()
    {
        Namespaces = ["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"],
        InlineScope = "r",
        Tabs = ["tab", "ptab"],
        Breaks = ["br", "cr"],
        Hyphens = ["noBreakHyphen"],

        // mc:Fallback repeats the content of mc:Choice (text boxes would appear twice).
        Skip = ["Fallback"],
    };

    /// <inheritdoc />
    public string Format => "docx";

    /// <inheritdoc />
    public bool CanRead(string path, ReadOnlySpan<byte> head) =>
        path.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".docm", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public IEnumerable<SourceDocument> Read(string path, ReadContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(context);
        return DocumentFailure.Guard(path, context, "DOCX", () => ReadFile(path, context, cancellationToken));
    }

    private IReadOnlyList<SourceDocument> ReadFile(string path, ReadContext context, CancellationToken cancellationToken)
    {
        using var package = ZipPackage.Open(path, "DOCX");
        var main = OpcRelationships.MainPart(package, "word/document.xml");
        var lines = new TextLines();
        using (var xml = package.OpenXml(main))
        {
            MarkupText.Walk(xml, lines, s_vocabulary, cancellationToken);
        }

        var text = lines.ToString();
        if (text.Length == 0)
        {
            context.Report(new ReadIssue(path, 0, "empty-text", "the DOCX document body holds no text"));
            return [];
        }

        var extra = new Dictionary<string, string>
        {
            ["paragraphs"] = lines.Lines.ToString(CultureInfo.InvariantCulture),
        };
        if (AppProperty(package, "Pages") is { } pages)
        {
            extra["pages"] = pages;
        }

        if (context.Options.Provider is { } provider)
        {
            extra["provider"] = provider;
        }

        return [new SourceDocument(ReadContext.DerivedId(path, 0), text, new DocumentOrigin(path, 0, Format), extra)];
    }

    /// <summary>A number from <c>docProps/app.xml</c> (as the writing application last counted it), if present.</summary>
    internal static string? AppProperty(ZipPackage package, string name)
    {
        if (!package.Contains("docProps/app.xml"))
        {
            return null;
        }

        try
        {
            using var xml = package.OpenXml("docProps/app.xml");
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == name)
                {
                    var value = xml.ReadElementContentAsString().Trim();
                    return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? value : null;
                }
            }
        }
        catch (XmlException)
        {
            // Extended properties are a detail; a damaged part does not stop the text.
        }

        return null;
    }
}
