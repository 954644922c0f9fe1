using System.Globalization;
using System.Xml;
using Moa.Documents.Packaging;

namespace Moa.Documents.Office;

/// <summary>
/// Reads PowerPoint decks (PPTX) into one document per file: each slide's text frames and tables in
/// presentation order, slides separated by a blank line. Speaker notes are not read.
/// </summary>
public sealed class PptxReader : IDocumentReader
{
    private static readonly MarkupVocabulary s_vocabulary = new()
    {
        Namespaces = ["http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"],
        InlineScope = "p",
        Tabs = [],
        Breaks = ["br"],
        Skip = ["Fallback"],
    };

    /// <inheritdoc />
    public string Format => "pptx";

    /// <inheritdoc />
    public bool CanRead(string path, ReadOnlySpan<byte> head) => path.EndsWith(".pptx", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public IEnumerable<SourceDocument> Read(string path, ReadContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(context);
        return DocumentFailure.Guard(path, context, "PPTX", () => ReadFile(path, context, cancellationToken));
    }

    private IReadOnlyList<SourceDocument> ReadFile(string path, ReadContext context, CancellationToken cancellationToken)
    {
        using var package = ZipPackage.Open(path, "PPTX");
        var slides = SlideParts(package);
        var lines = new TextLines();
        foreach (var slide in slides)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!package.Contains(slide))
            {
                continue;
            }

            using var xml = package.OpenXml(slide);
            MarkupText.Walk(xml, lines, s_vocabulary, cancellationToken);
            lines.EndBlock();
        }

        var text = lines.ToString();
        if (text.Length == 0)
        {
            context.Report(new ReadIssue(path, 0, "empty-text", $"the PPTX deck's {slides.Count} slide(s) hold no text"));
            return [];
        }

        var extra = new Dictionary<string, string> { ["slides"] = slides.Count.ToString(CultureInfo.InvariantCulture) };
        if (context.Options.Provider is { } provider)
        {
            extra["provider"] = provider;
        }

        return [new SourceDocument(ReadContext.DerivedId(path, 0), text, new DocumentOrigin(path, 0, Format), extra)];
    }

    /// <summary>Slide parts in the order of <c>p:sldIdLst</c>, else by slide number in the part name.</summary>
    private static List<string> SlideParts(ZipPackage package)
    {
        var main = OpcRelationships.MainPart(package, "ppt/presentation.xml");
        var result = new List<string>();
        if (package.Contains(main))
        {
            var rels = OpcRelationships.Read(package, main);
            using var xml = package.OpenXml(main);
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sldId"
                    && xml.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships") is { } rid
                    && rels.Find(r => r.Id == rid) is { Target: not null } rel && !result.Contains(rel.Target))
                {
                    result.Add(rel.Target);
                }
            }
        }

        if (result.Count > 0)
        {
            return result;
        }

        var numbered = new List<(int Number, string Name)>();
        foreach (var name in package.Names)
        {
            if (name.StartsWith("ppt/slides/slide", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(name.AsSpan(16, name.Length - 20), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                numbered.Add((n, name));
            }
        }

        numbered.Sort((a, b) => a.Number.CompareTo(b.Number));
        return numbered.ConvertAll(x => x.Name);
    }
}
