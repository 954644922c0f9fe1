using System.IO.Compression;

namespace Moa.Hub.Programme;

/// <summary>
/// Checks an uploaded document before it is stored: size limit, type by magic bytes (never by name or declared type),
/// and for ZIP containers (HWPX, DOCX, XLSX) entry names (no traversal) and real inflated sizes (no zip bombs).
/// </summary>
public static class DocumentInspector
{
    /// <summary>Sniffs the type of <paramref name="head"/> (the first bytes of a file): a MIME type, or null when not an accepted type.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return "application/x-hwp"; // OLE compound file: HWP 5.0 (or legacy Office)
        }

        if (head.StartsWith("PK\x03\x04"u8))
        {
            return "application/zip";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        return null;
    }

    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="destination"/> (at most <c>maxBytes</c>) and checks it;
    /// returns the sniffed content type. Throws <see cref="HubException"/> (400/413) with the reason.
    /// </summary>
    public static async Task<string> CopyAndCheckAsync(Stream source, Stream destination, string fieldName, HubOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(options);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > options.MaxDocumentBytes)
            {
                throw new HubException(HubErrorKind.TooLarge, $"{fieldName}: the file is larger than the limit of {options.MaxDocumentBytes / (1024 * 1024)} MiB.");
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }

        if (total == 0)
        {
            throw HubException.Invalid($"{fieldName}: the file is empty.");
        }

        destination.Position = 0;
        var head = new byte[16];
        var n = await destination.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        var type = Sniff(head.AsSpan(0, n))
            ?? throw HubException.Invalid($"{fieldName}: the file is not a PDF, HWP, HWPX/DOCX (ZIP), PNG or JPEG (checked by its first bytes, not its name).");
        if (type == "application/zip")
        {
            destination.Position = 0;
            CheckZip(destination, fieldName, options);
            type = "application/zip";
        }

        destination.Position = 0;
        return type;
    }

    /// <summary>Rejects ZIPs with unsafe entry names, too many entries, or entries that inflate past the limits (measured, not declared).</summary>
    internal static void CheckZip(Stream stream, string fieldName, HubOptions options)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw HubException.Invalid($"{fieldName}: the ZIP container is damaged ({ex.Message}).");
        }

        using (zip)
        {
            if (zip.Entries.Count > 10_000)
            {
                throw HubException.Invalid($"{fieldName}: the ZIP container has {zip.Entries.Count} entries (limit 10,000).");
            }

            long inflatedTotal = 0;
            var buffer = new byte[65536];
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                if (name.StartsWith('/') || name.Contains("../", StringComparison.Ordinal) || name == ".." || name.EndsWith("/..", StringComparison.Ordinal)
                    || (name.Length > 1 && name[1] == ':') || name.Contains('\0', StringComparison.Ordinal))
                {
                    throw HubException.Invalid($"{fieldName}: ZIP entry '{entry.FullName}' points outside the archive (path traversal).");
                }

                long inflated = 0;
                try
                {
                    using var s = entry.Open();
                    int r;
                    while ((r = s.Read(buffer)) > 0)
                    {
                        inflated += r;
                        inflatedTotal += r;
                        var compressed = Math.Max(entry.CompressedLength, 1);
                        if (inflatedTotal > options.MaxUncompressedBytes || (inflated > 1_000_000 && inflated / compressed > options.MaxCompressionRatio))
                        {
                            throw HubException.Invalid(
                                $"{fieldName}: ZIP entry '{entry.FullName}' inflates beyond the limits ({options.MaxCompressionRatio}:1 ratio, {options.MaxUncompressedBytes / (1024 * 1024)} MiB in all); refusing a possible zip bomb.");
                        }
                    }
                }
                catch (InvalidDataException ex)
                {
                    throw HubException.Invalid($"{fieldName}: ZIP entry '{entry.FullName}' is damaged ({ex.Message}).");
                }
            }
        }
    }

    /// <summary>A display-safe file name: last path segment only, control and separator characters removed, at most 120 characters.</summary>
    public static string SafeFileName(string? name)
    {
        var n = (name ?? "").Replace('\\', '/');
        n = n[(n.LastIndexOf('/') + 1)..];
        var chars = n.Where(c => !char.IsControl(c) && c is not ('/' or ':' or '*' or '?' or '"' or '<' or '>' or '|')).ToArray();
        var s = new string(chars).Trim().TrimStart('.');
        if (s.Length == 0)
        {
            s = "document";
        }

        return s.Length > 120 ? s[..120] : s;
    }
}
