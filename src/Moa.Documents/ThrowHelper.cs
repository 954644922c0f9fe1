using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Moa.Documents.Jsonl;

namespace Moa.Documents;

/// <summary>
/// The throws of the readers' per-line methods, kept out of them so those stay small and their loops tight; the message
/// (file, line, what to do) is built here, only when a line is bad. Hidden from stack traces.
/// </summary>
[StackTraceHidden]
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void BadJsonlLine(JsonlLines lines, JsonlRecordReader records, in JsonlLineError error, ReadOnlySpan<byte> line) =>
        throw new DocumentReadException(new ReadIssue(lines.Path, lines.LineNumber, JsonlRecordReader.Code(error.Problem), records.Describe(error, line) + "."));

    [DoesNotReturn]
    public static void DamagedStream(JsonlLines lines, Exception inner) =>
        throw new DocumentReadException(
            new ReadIssue(lines.Path, lines.LineNumber + 1, "damaged-file", $"The compressed stream is damaged ({inner.Message}); write the part again."), inner);
}
