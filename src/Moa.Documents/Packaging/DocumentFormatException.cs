namespace Moa.Documents.Packaging;

/// <summary>
/// A binary document cannot be read: it is damaged, protected or of an unsupported kind. Readers turn it
/// into one <see cref="ReadIssue"/> for the file (its <see cref="Code"/> and message) and yield nothing more.
/// </summary>
internal sealed class DocumentFormatException(string code, string message) : Exception(message)
{
    /// <summary>Stable issue code, e.g. <c>hwp-drm</c>, <c>corrupt-container</c>.</summary>
    public string Code { get; } = code;
}

/// <summary>Turns what a binary reader throws on bad input into one issue for the file.</summary>
internal static class DocumentFailure
{
    /// <summary>
    /// Runs <paramref name="parse"/>; bad input (format, zip, XML, I/O, size errors) becomes one reported issue and
    /// an empty result. Cancellation and programming errors still propagate.
    /// </summary>
    public static IReadOnlyList<SourceDocument> Guard(string path, ReadContext context, string format, Func<IReadOnlyList<SourceDocument>> parse)
    {
        string code;
        string message;
        try
        {
            return parse();
        }
        catch (DocumentFormatException e)
        {
            (code, message) = (e.Code, e.Message);
        }
        catch (Cfb.CompoundFileException e)
        {
            (code, message) = ("corrupt-container", $"the {format} container (OLE compound file) is damaged: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            (code, message) = ("corrupt-container", $"the {format} container is damaged: {e.Message}");
        }
        catch (System.Xml.XmlException e)
        {
            (code, message) = ("corrupt-container", $"the {format} file holds malformed XML: {e.Message}");
        }
        catch (EndOfStreamException e)
        {
            (code, message) = ("corrupt-container", $"the {format} file ends early: {e.Message}");
        }
        catch (IOException e)
        {
            (code, message) = ("read-error", $"cannot read the {format} file: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            (code, message) = ("read-error", $"cannot open the {format} file: {e.Message}");
        }

        context.Report(new ReadIssue(path, 0, code, message));
        return [];
    }

    /// <summary>Refuses files larger than <paramref name="maxBytes"/> before reading them whole.</summary>
    public static byte[] ReadAllBytesCapped(string path, long maxBytes, string format)
    {
        var length = new FileInfo(path).Length;
        if (length > maxBytes)
        {
            throw new DocumentFormatException("file-too-large",
                $"the {format} file is {length:N0} bytes, above the {maxBytes:N0}-byte limit for one document; split it or raise the limit");
        }

        return File.ReadAllBytes(path);
    }
}
