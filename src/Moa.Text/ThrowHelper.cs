using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Moa.Text;

/// <summary>
/// The throws of Moa.Text's per-document methods (MinHash, band tables), kept out of them so the checking methods stay
/// small and their loops tight; hidden from stack traces.
/// </summary>
[StackTraceHidden]
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void SpanLength(string parameter, int expected, int actual) =>
        throw new ArgumentException($"Expected a span of {expected} values, got {actual}.", parameter);

    [DoesNotReturn]
    public static void UnequalSignatures(int a, int b) =>
        throw new ArgumentException($"Signatures must be non-empty and of equal length (got {a} and {b}).", nameof(b));

    [DoesNotReturn]
    public static void BandTableFull() => throw new InvalidOperationException("Near-dedup band table is full.");
}
