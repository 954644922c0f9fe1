using System.Xml;
using Moa.Documents.Packaging;

namespace Moa.Documents.Office;

/// <summary>One relationship of an Open Packaging Conventions part: id, type URI and the resolved target part name.</summary>
internal readonly record struct OpcRelationship(string Id, string Type, string Target);

/// <summary>Reads OPC relationship parts (<c>_rels/*.rels</c>) and resolves their targets to part names.</summary>
internal static class OpcRelationships
{
    /// <summary>The relationships of <paramref name="partName"/> (empty for the package when null).</summary>
    public static List<OpcRelationship> Read(ZipPackage package, string? partName)
    {
        var folder = partName is null ? "" : partName[..(partName.LastIndexOf('/') + 1)];
        var file = partName is null ? "" : partName[(partName.LastIndexOf('/') + 1)..];
        var relsName = folder + "_rels/" + file + ".rels";
        var result = new List<OpcRelationship>();
        if (!package.Contains(relsName))
        {
            return result;
        }

        using var xml = package.OpenXml(relsName);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship"
                && xml.GetAttribute("TargetMode") != "External"
                && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Target") is { } target)
            {
                result.Add(new OpcRelationship(id, xml.GetAttribute("Type") ?? "", Resolve(folder, target)));
            }
        }

        return result;
    }

    /// <summary>The package's main document part (the <c>officeDocument</c> relationship), else <paramref name="fallback"/>.</summary>
    public static string MainPart(ZipPackage package, string fallback)
    {
        foreach (var rel in Read(package, null))
        {
            if (rel.Type.EndsWith("/officeDocument", StringComparison.Ordinal) && package.Contains(rel.Target))
            {
                return rel.Target;
            }
        }

        return fallback;
    }

    /// <summary>Resolves a relative target against the source part's folder, normalising <c>..</c> segments.</summary>
    public static string Resolve(string folder, string target)
    {
        target = Uri.UnescapeDataString(target.Replace('\\', '/'));
        var path = target.StartsWith('/') ? target[1..] : folder + target;
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment.Length > 0 && segment != ".")
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }
}
