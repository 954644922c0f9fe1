namespace Moa.Privacy.Tests.EvalSet;

/// <summary>A labelled span: [Start, End) in UTF-16 code units of the document text.</summary>
public sealed record GoldSpan(int Start, int End, string Type);

/// <summary>One evaluation document: real carrier text with inserted (or, for CSV rows, native) labelled PII.</summary>
public sealed record EvalDocument(string Id, string Source, string Text, IReadOnlyList<GoldSpan> Spans);
