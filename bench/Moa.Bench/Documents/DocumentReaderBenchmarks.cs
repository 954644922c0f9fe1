using BenchmarkDotNet.Attributes;
using Moa.Documents;
using Moa.Documents.Hwp;
using Moa.Documents.Hwpx;

namespace Moa.Bench.Documents;

/// <summary>
/// Text extraction speed of the HWP 5.0 and HWPX readers over every real file in shared/data/providers
/// (DRM files excluded). MB/s = total input bytes (printed at setup) / mean time of one pass.
/// Run: dotnet run -c Release --project bench/Moa.Bench -- --filter '*DocumentReaderBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class DocumentReaderBenchmarks
{
    private readonly HwpReader _hwp = new();
    private readonly HwpxReader _hwpx = new();
    private readonly ReadContext _context = new(new ReaderOptions(), _ => { });
    private string[] _hwpFiles = [];
    private string[] _hwpxFiles = [];

    [GlobalSetup]
    public void Setup()
    {
        var providers = Path.Combine(BenchData.SharedData(), "providers");
        _hwpFiles = [.. Directory.GetFiles(Path.Combine(providers, "hwp"), "*.hwp", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("drm_", StringComparison.Ordinal)).Order()];
        _hwpxFiles = [.. Directory.GetFiles(Path.Combine(providers, "hwpx"), "*.hwpx").Order()];
        Console.WriteLine($"// HWP: {_hwpFiles.Length} files, {_hwpFiles.Sum(f => new FileInfo(f).Length):N0} bytes");
        Console.WriteLine($"// HWPX: {_hwpxFiles.Length} files, {_hwpxFiles.Sum(f => new FileInfo(f).Length):N0} bytes");
    }

    [Benchmark]
    public long Hwp() => ReadAll(_hwp, _hwpFiles);

    [Benchmark]
    public long Hwpx() => ReadAll(_hwpx, _hwpxFiles);

    private long ReadAll(IDocumentReader reader, string[] files)
    {
        long chars = 0;
        foreach (var file in files)
        {
            foreach (var document in reader.Read(file, _context))
            {
                chars += document.Text.Length;
            }
        }

        return chars;
    }
}
