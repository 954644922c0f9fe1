namespace Moa.Privacy.Analysis;

/// <summary>
/// A run of digit groups joined by single separators (<c>-</c>, <c>.</c> or a space), e.g. <c>010-1234-5678</c>,
/// as seen by the numeric recognisers: digit values, group lengths and separators, with its span in the text.
/// </summary>
internal readonly ref struct NumberView
{
    public NumberView(string text, int start, int end, ReadOnlySpan<byte> digits, ReadOnlySpan<int> lengths, ReadOnlySpan<char> separators)
    {
        Text = text;
        Start = start;
        End = end;
        Digits = digits;
        Lengths = lengths;
        Separators = separators;
    }

    public string Text { get; }

    /// <summary>Index of the first digit.</summary>
    public int Start { get; }

    /// <summary>Index after the last digit.</summary>
    public int End { get; }

    public ReadOnlySpan<byte> Digits { get; }

    public ReadOnlySpan<int> Lengths { get; }

    /// <summary>Separators between groups (one fewer than groups).</summary>
    public ReadOnlySpan<char> Separators { get; }

    public int Groups => Lengths.Length;

    public int DigitCount => Digits.Length;

    public bool IsContiguous => Lengths.Length == 1;

    public bool HasShape(ReadOnlySpan<int> lengths) => Lengths.SequenceEqual(lengths);

    /// <summary>True when every separator is <paramref name="c"/> (vacuously true for a single group).</summary>
    public bool SeparatorsAre(char c)
    {
        foreach (var s in Separators)
        {
            if (s != c)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when all separators are the same character.</summary>
    public bool UniformSeparators => Separators.Length == 0 || SeparatorsAre(Separators[0]);

    /// <summary>The number formed by digits [from, from+count).</summary>
    public int Value(int from, int count)
    {
        var v = 0;
        for (var i = from; i < from + count; i++)
        {
            v = (v * 10) + Digits[i];
        }

        return v;
    }

    public bool StartsWith(ReadOnlySpan<byte> prefix) => Digits.StartsWith(prefix);
}
