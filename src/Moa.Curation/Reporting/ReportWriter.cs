using Moa.Curation.Output;
using Moa.Curation.Statistics;

namespace Moa.Curation.Reporting;

/// <summary>Writes <c>report.html</c>: one self-contained page about a run.</summary>
public static class ReportWriter
{
    public static void Write(Stream stream, CurationStats stats, Manifest manifest)
    {
        using var w = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
        w.Write("<!doctype html><html><body>");
        w.Write(stats.DocumentsOut.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.Write(manifest.ConfigHash);
        w.Write("</body></html>");
    }
}
