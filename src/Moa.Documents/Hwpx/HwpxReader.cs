using System.Globalization;
using System.Xml;
using Moa.Documents.Packaging;

namespace Moa.Documents.Hwpx;

/// <summary>
/// Reads HWPX (OWPML, KS X 6101) documents: the zip package's section XMLs in manifest order (or
/// <c>Contents/sectionN.xml</c> in number order when there is no manifest), one document per file with
/// paragraphs on lines, table rows as tab-separated cells and sections separated by a blank line.
/// </summary>
public sealed class HwpxReader : IDocumentReader
{
    private const string ContentManifest = "Contents/content.hpf";

    /// <summary>
    /// OWPML paragraph markup: <c>hp:p</c> paragraphs, <c>hp:t</c> runs holding tab, line break and special-space
    /// elements, <c>hp:tbl</c> tables (1x1 tables are layout boxes, not grids); hidden comments are not text.
    /// </summary>
    private static readonly MarkupVocabulary s_vocabulary = new()
    {
        Namespaces = ["http://www.hancom.co.kr/hwpml/"],
        InlineScope = "t",
        Breaks = ["lineBreak"],
        Spaces = ["nbSpace", "fwSpace"],
        Hyphens = ["hyphen"],
        Skip = ["hiddenComment"],
        IsGrid = static x => !(x.GetAttribute("rowCnt") == "1" && x.GetAttribute("colCnt") == "1"),
    };

    private static ReadOnlySpan<byte> MimeMarker => "application/hwp+zip"u8;

    /// <inheritdoc />
    public string Format => "hwpx";

    /// <inheritdoc />
    public bool CanRead(string path, ReadOnlySpan<byte> head) =>
        path.EndsWith(".hwpx", StringComparison.OrdinalIgnoreCase)
        || (ZipPackage.HasSignature(head) && head[..Math.Min(head.Length, 128)].IndexOf(MimeMarker) >= 0);

    /// <inheritdoc />
    public IEnumerable<SourceDocument> Read(string path, ReadContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(context);
        return DocumentFailure.Guard(path, context, "HWPX", () => ReadFile(path, context, cancellationToken));
    }

    private IReadOnlyList<SourceDocument> ReadFile(string path, ReadContext context, CancellationToken cancellationToken)
    {
        using var package = ZipPackage.Open(path, "HWPX");
        var (text, sections, fromManifest) = Extract(package, cancellationToken);
        if (text.Length == 0)
        {
            context.Report(new ReadIssue(path, 0, "empty-text", $"the HWPX document's {sections} section(s) hold no text"));
            return [];
        }

        var extra = new Dictionary<string, string>
        {
            ["format_detail"] = VersionOf(package),
            ["sections"] = sections.ToString(CultureInfo.InvariantCulture),
        };
        if (!fromManifest)
        {
            extra["section_order"] = "file names (no manifest)";
        }

        if (context.Options.Provider is { } provider)
        {
            extra["provider"] = provider;
        }

        return [new SourceDocument(ReadContext.DerivedId(path, 0), text, new DocumentOrigin(path, 0, Format), extra)];
    }

    internal static (string Text, int Sections, bool FromManifest) Extract(ZipPackage package, CancellationToken cancellationToken)
    {
        var names = package.Contains(ContentManifest) ? ManifestSections(package) : [];
        var fromManifest = names.Count > 0;
        if (!fromManifest)
        {
            names = NumberedSections(package);
        }

        if (names.Count == 0)
        {
            throw new DocumentFormatException("corrupt-container", "the HWPX package has no section XML (Contents/sectionN.xml)");
        }

        var lines = new TextLines();
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var xml = package.OpenXml(name);
            MarkupText.Walk(xml, lines, s_vocabulary, cancellationToken);
            lines.EndBlock();
        }

        return (lines.ToString(), names.Count, fromManifest);
    }

    /// <summary>Section parts in the order of the OPF spine (else the manifest), resolved against the package.</summary>
    private static List<string> ManifestSections(ZipPackage package)
    {
        var items = new List<(string Id, string Href)>();
        var spine = new List<string>();
        using (var xml = package.OpenXml(ContentManifest))
        {
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (xml.LocalName == "item" && xml.GetAttribute("href") is { } href)
                {
                    items.Add((xml.GetAttribute("id") ?? "", href));
                }
                else if (xml.LocalName == "itemref" && xml.GetAttribute("idref") is { } idref)
                {
                    spine.Add(idref);
                }
            }
        }

        var ordered = new List<string>();
        foreach (var idref in spine)
        {
            var item = items.Find(i => i.Id == idref);
            if (item.Href is not null)
            {
                ordered.Add(item.Href);
            }
        }

        if (!ordered.Exists(IsSectionName))
        {
            ordered = items.ConvertAll(i => i.Href);
        }

        var result = new List<string>();
        foreach (var href in ordered)
        {
            if (!IsSectionName(href))
            {
                continue;
            }

            var resolved = package.Contains(href) ? href : package.Contains("Contents/" + href) ? "Contents/" + href : null;
            if (resolved is not null && !result.Contains(resolved))
            {
                result.Add(resolved);
            }
        }

        return result;
    }

    private static List<string> NumberedSections(ZipPackage package)
    {
        var found = new List<(int Number, string Name)>();
        foreach (var name in package.Names)
        {
            if (name.StartsWith("Contents/section", StringComparison.OrdinalIgnoreCase)
                && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(name.AsSpan(16, name.Length - 20), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                found.Add((n, name));
            }
        }

        found.Sort((a, b) => a.Number.CompareTo(b.Number));
        return found.ConvertAll(f => f.Name);
    }

    private static bool IsSectionName(string href)
    {
        var file = href.AsSpan(href.LastIndexOf('/') + 1);
        return file.StartsWith("section", StringComparison.OrdinalIgnoreCase) && file.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);
    }

    private static string VersionOf(ZipPackage package)
    {
        if (!package.Contains("version.xml"))
        {
            return "HWPX";
        }

        try
        {
            using var xml = package.OpenXml("version.xml");
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.GetAttribute("major") is { } major)
                {
                    return string.Create(CultureInfo.InvariantCulture,
                        $"HWPX {major}.{xml.GetAttribute("minor")}.{xml.GetAttribute("micro")}.{xml.GetAttribute("buildNumber")}");
                }
            }
        }
        catch (XmlException)
        {
            // The version is a detail; a damaged version.xml does not stop the text.
        }

        return "HWPX";
    }
}
