using Moa.Documents.Hwpx;

namespace Moa.Documents.Tests;

public sealed class ScratchDump
{
    [Fact]
    public void DumpHwpx()
    {
        foreach (var f in Directory.GetFiles(TestPaths.Data("providers", "hwpx"), "*.hwpx").Order())
        {
            var (docs, issues) = BinaryReaderTestKit.ReadAll(new HwpxReader(), f);
            var t = docs.Count > 0 ? docs[0].Text : "";
            File.AppendAllText("/tmp/hwpxdump.txt", $"=== {Path.GetFileName(f)} docs={docs.Count} len={t.Length} issues={string.Join(";", issues)} extra={(docs.Count > 0 ? string.Join(",", docs[0].Extra!) : "")}\n{t[..Math.Min(t.Length, 2500)]}\n");
        }
    }
}
