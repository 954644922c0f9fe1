using Moa.Documents;

namespace Moa.Curation.Pipeline;

/// <summary>One input file, its position in the run's canonical order and its reader.</summary>
/// <param name="Index">Position in the canonical order (argument order, then ordinal path order inside folders).</param>
/// <param name="Path">Path as the user gave it (folder path joined with the relative file path).</param>
/// <param name="Bytes">File size in bytes.</param>
/// <param name="Reader">The reader chosen by extension and magic bytes.</param>
public sealed record InputFile(int Index, string Path, long Bytes, IDocumentReader Reader);

/// <summary>
/// Resolves the user's input paths into the ordered list of files a run reads. The order is canonical
/// (argument order, then ordinal order of relative paths inside each folder), which makes document
/// indexes, dedup winners and output parts independent of thread count and machine.
/// </summary>
public sealed class InputPlan
{
    private InputPlan(IReadOnlyList<InputFile> files, IReadOnlyList<ReadIssue> skipped)
    {
        Files = files;
        Skipped = skipped;
    }

    /// <summary>Readable input files in canonical order.</summary>
    public IReadOnlyList<InputFile> Files { get; }

    /// <summary>Files found in folders that no reader handles (recorded in the stats).</summary>
    public IReadOnlyList<ReadIssue> Skipped { get; }

    /// <summary>Total bytes of the readable inputs.</summary>
    public long TotalBytes => Files.Sum(f => f.Bytes);

    /// <summary>Resolves paths; missing paths and folders with nothing readable are user errors.</summary>
    public static InputPlan Resolve(IReadOnlyList<string> inputs, ReaderRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(registry);
        if (inputs.Count == 0)
        {
            throw new MoaException("no input given: pass at least one file or folder with --input.");
        }

        var files = new List<InputFile>();
        var skipped = new List<ReadIssue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (File.Exists(input))
            {
                var reader = registry.Find(input)
                    ?? throw new MoaException($"{input}: no reader for this file type. Moa reads {DescribeFormats(registry)}.");
                if (seen.Add(System.IO.Path.GetFullPath(input)))
                {
                    files.Add(new InputFile(files.Count, input, new FileInfo(input).Length, reader));
                }
            }
            else if (Directory.Exists(input))
            {
                var found = 0;
                var relative = Directory.EnumerateFiles(input, "*", new EnumerationOptions
                    {
                        RecurseSubdirectories = true,
                        IgnoreInaccessible = false,
                        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
                    })
                    .Select(f => System.IO.Path.GetRelativePath(input, f))
                    .Where(r => !r.Split(System.IO.Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                foreach (var rel in relative)
                {
                    var path = System.IO.Path.Combine(input, rel);
                    var reader = registry.Find(path);
                    if (reader is null)
                    {
                        skipped.Add(new ReadIssue(path, 0, "unsupported-format", $"{path}: skipped: no reader for this file type."));
                        continue;
                    }

                    found++;
                    if (seen.Add(System.IO.Path.GetFullPath(path)))
                    {
                        files.Add(new InputFile(files.Count, path, new FileInfo(path).Length, reader));
                    }
                }

                if (found == 0)
                {
                    throw new MoaException($"{input}: the folder has nothing Moa can read ({relative.Count} file(s) looked at). Moa reads {DescribeFormats(registry)}.");
                }
            }
            else
            {
                throw new MoaException($"{input}: no such file or folder.");
            }
        }

        return new InputPlan(files, skipped);
    }

    private static string DescribeFormats(ReaderRegistry registry) =>
        string.Join(", ", registry.Readers.Select(r => r.Format).Distinct(StringComparer.Ordinal));
}
