namespace Moa.Documents;

/// <summary>
/// A problem found while reading one input: bad JSON on a line, invalid UTF-8, a missing
/// field, a truncated archive. The run records it and goes on unless asked to fail fast.
/// </summary>
/// <param name="File">The input file.</param>
/// <param name="Line">1-based line or record, or 0 for the file as a whole.</param>
/// <param name="Code">Short stable code, e.g. <c>malformed-json</c>, <c>missing-field</c>, <c>truncated-gzip</c>.</param>
/// <param name="Message">What is wrong and what to do, written for a person.</param>
public sealed record ReadIssue(string File, long Line, string Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>Thrown when a reader cannot go on with a file at all, or when the run fails fast.</summary>
public sealed class DocumentReadException : MoaException
{
    public DocumentReadException(ReadIssue issue) : base(issue.ToString()) => Issue = issue;

    public DocumentReadException(ReadIssue issue, Exception inner) : base(issue.ToString(), inner) => Issue = issue;

    /// <summary>The problem, with file and line.</summary>
    public ReadIssue Issue { get; }
}
