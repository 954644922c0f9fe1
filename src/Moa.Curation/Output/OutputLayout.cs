using System.Text.Encodings.Web;
using System.Text.Json;

namespace Moa.Curation.Output;

/// <summary>
/// The output folder of a run: <c>data/</c>, <c>removed/</c>, <c>stats.json</c>, <c>manifest.json</c>, <c>report.html</c>
/// and the intermediate <c>.work/</c>. Every file is written to a temporary name and renamed into place, so a crash
/// never leaves a half-written file under a final name.
/// </summary>
public sealed class OutputLayout
{
    public OutputLayout(string root)
    {
        Root = root;
        WorkDir = Path.Combine(root, ".work");
    }

    public string Root { get; }

    public string WorkDir { get; }

    public string DataDir => Path.Combine(Root, "data");

    public string RemovedDir => Path.Combine(Root, "removed");

    public string StatsPath => Path.Combine(Root, "stats.json");

    public string ManifestPath => Path.Combine(Root, "manifest.json");

    public string ReportPath => Path.Combine(Root, "report.html");

    /// <summary>The dataset card (Hugging Face <c>README.md</c> with YAML front matter).</summary>
    public string CardPath => Path.Combine(Root, "README.md");

    /// <summary>Creates the folders; an unwritable location is a user error.</summary>
    public void Create()
    {
        try
        {
            Directory.CreateDirectory(Root);
            Directory.CreateDirectory(Path.Combine(WorkDir, "shards"));
            Directory.CreateDirectory(Path.Combine(WorkDir, "parts"));
            Directory.CreateDirectory(DataDir);
            Directory.CreateDirectory(RemovedDir);
            var probe = Path.Combine(WorkDir, $".probe-{Environment.ProcessId}");
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw OutputErrors.CannotWrite(Root, ex);
        }
    }

    /// <summary>Writes a file through a temporary name, flushes it to disk, then renames it into place.</summary>
    public void WriteAtomically(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        // Per process: ranks of one run on several nodes may write the same file (run.json) at once.
        var tmp = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(tmp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(tmp);
            throw OutputErrors.CannotWrite(path, ex);
        }
    }

    /// <summary>Removes the intermediate files after a finished run.</summary>
    public void DeleteWork()
    {
        try
        {
            Directory.Delete(WorkDir, recursive: true);
        }
        catch (IOException)
        {
            // Leftover work files do not harm a finished run; a later run with --overwrite removes them.
        }
    }

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>User-facing messages for output problems (full disk, permissions).</summary>
public static class OutputErrors
{
    private const int DiskFull = 28; // ENOSPC
    private const int DiskQuota = 122; // EDQUOT

    public static MoaException CannotWrite(string path, Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var code = ex.HResult & 0xFFFF;
        var why = ex is UnauthorizedAccessException
            ? "permission denied"
            : code is DiskFull or DiskQuota || ex.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase)
                ? "the disk is full"
                : ex.Message;
        return new MoaException(
            $"cannot write {path}: {why}. Free space or choose another --output; files already finished are kept, and running the same command again resumes.",
            ex);
    }
}

/// <summary>JSON settings of Moa's output files: snake_case, indented, Korean unescaped.</summary>
public static class OutputJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
