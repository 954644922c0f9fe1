namespace Moa.Documents;

/// <summary>
/// One document as a reader found it: its id, its text, where it came from and any
/// extra fields the source carried (kept in the output's <c>meta</c>).
/// </summary>
/// <param name="Id">Stable id: the source's own, or one derived from file and position.</param>
/// <param name="Text">The text exactly as read (normalisation is a later stage).</param>
/// <param name="Origin">File, line and part of the source.</param>
/// <param name="Extra">Other scalar fields of the source record, or <see langword="null"/>.</param>
public sealed record SourceDocument(string Id, string Text, DocumentOrigin Origin, IReadOnlyDictionary<string, string>? Extra = null);

/// <summary>Where a document came from.</summary>
/// <param name="File">Path of the input file as given by the user.</param>
/// <param name="Line">1-based line (JSONL, text, CSV) or record number; 0 when it does not apply.</param>
/// <param name="Format">Reader format name, e.g. <c>jsonl</c>, <c>csv</c>, <c>hwp</c>.</param>
/// <param name="Part">Page, sheet or section inside the file (e.g. <c>page 3</c>, <c>sheet Data</c>), or <see langword="null"/>.</param>
public readonly record struct DocumentOrigin(string File, long Line, string Format, string? Part = null);
