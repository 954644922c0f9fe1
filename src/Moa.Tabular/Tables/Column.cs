namespace Moa.Tabular.Tables;

/// <summary>
/// One column of a <see cref="Table"/>, dictionary-encoded: the distinct values (<see cref="Values"/>, code = index,
/// in order of first appearance) and one code per row. Grouping and counting work on the integer codes, never on strings.
/// Immutable; transformations build new columns.
/// </summary>
public sealed class Column
{
    private readonly string[] _values;
    private readonly int[] _codes;
    private Dictionary<string, int>? _index;

    private Column(string name, string[] values, int[] codes)
    {
        Name = name;
        _values = values;
        _codes = codes;
    }

    /// <summary>The column's header name.</summary>
    public string Name { get; }

    /// <summary>The distinct values; a row's code indexes this list. The empty string stands for an empty cell.</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>One code per row (an index into <see cref="Values"/>).</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>Number of distinct values.</summary>
    public int Cardinality => _values.Length;

    /// <summary>Number of rows.</summary>
    public int RowCount => _codes.Length;

    /// <summary>The value in row <paramref name="row"/>.</summary>
    public string this[int row] => _values[_codes[row]];

    internal int[] CodeArray => _codes;

    internal string[] ValueArray => _values;

    /// <summary>A column from one value per row (null is read as the empty string).</summary>
    public static Column FromValues(string name, IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        var builder = new ColumnBuilder(name, values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            builder.Add(values[i] ?? string.Empty);
        }

        return builder.Build();
    }

    /// <summary>
    /// A column from a dictionary and codes (taken as they are, not copied). Every code must index
    /// <paramref name="values"/>; values need not be distinct (grouping then treats equal strings as different codes).
    /// </summary>
    public static Column FromCodes(string name, string[] values, int[] codes)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(codes);
        foreach (var code in codes)
        {
            if ((uint)code >= (uint)values.Length)
            {
                throw new ArgumentException($"code {code} is outside the dictionary of {values.Length} values", nameof(codes));
            }
        }

        return new Column(name, values, codes);
    }

    internal static Column Trusted(string name, string[] values, int[] codes) => new(name, values, codes);

    /// <summary>The code of <paramref name="value"/>, or -1 when the column never holds it.</summary>
    public int IndexOf(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_index is null)
        {
            var index = new Dictionary<string, int>(_values.Length, StringComparer.Ordinal);
            for (var i = 0; i < _values.Length; i++)
            {
                index.TryAdd(_values[i], i);
            }

            _index = index;
        }

        return _index.TryGetValue(value, out var code) ? code : -1;
    }

    /// <summary>How many rows hold each code.</summary>
    public int[] Counts()
    {
        var counts = new int[_values.Length];
        foreach (var code in _codes)
        {
            counts[code]++;
        }

        return counts;
    }

    /// <summary>The first row holding <paramref name="code"/>, or -1.</summary>
    public int FirstRowOf(int code) => Array.IndexOf(_codes, code);

    /// <summary>The same data under another name.</summary>
    public Column Rename(string name) => new(name, _values, _codes);

    /// <summary>Maps every distinct value once through <paramref name="map"/> (rows keep their codes, re-encoded if values merge).</summary>
    public Column MapValues(Func<string, string> map, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var mapped = new string[_values.Length];
        for (var i = 0; i < mapped.Length; i++)
        {
            mapped[i] = map(_values[i]);
        }

        return Recode(name ?? Name, mapped, _codes);
    }

    /// <summary>Builds a column whose row i holds <c>dictionary[codes[i]]</c>, merging equal strings into one code.</summary>
    internal static Column Recode(string name, string[] dictionary, ReadOnlySpan<int> codes)
    {
        var remap = new int[dictionary.Length];
        var distinct = new Dictionary<string, int>(dictionary.Length, StringComparer.Ordinal);
        var values = new List<string>(dictionary.Length);
        var used = new bool[dictionary.Length];
        foreach (var code in codes)
        {
            used[code] = true;
        }

        // First-appearance order over rows keeps the output deterministic and independent of unused dictionary entries.
        Array.Fill(remap, -1);
        var result = new int[codes.Length];
        for (var r = 0; r < codes.Length; r++)
        {
            var code = codes[r];
            var target = remap[code];
            if (target < 0)
            {
                var value = dictionary[code];
                if (!distinct.TryGetValue(value, out target))
                {
                    target = values.Count;
                    distinct.Add(value, target);
                    values.Add(value);
                }

                remap[code] = target;
            }

            result[r] = target;
        }

        return new Column(name, [.. values], result);
    }

    /// <summary>The rows where <paramref name="keep"/> is true, in order.</summary>
    internal Column Filter(ReadOnlySpan<bool> keep, int kept)
    {
        var codes = new int[kept];
        var k = 0;
        for (var r = 0; r < _codes.Length; r++)
        {
            if (keep[r])
            {
                codes[k++] = _codes[r];
            }
        }

        return Recode(Name, _values, codes);
    }
}

/// <summary>Builds a dictionary-encoded <see cref="Column"/> one value at a time.</summary>
public sealed class ColumnBuilder
{
    private readonly string _name;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];
    private int[] _codes;
    private int _count;

    /// <summary>A builder for column <paramref name="name"/>; <paramref name="capacity"/> rows are reserved.</summary>
    public ColumnBuilder(string name, int capacity = 16)
    {
        _name = name;
        _codes = new int[Math.Max(capacity, 4)];
    }

    /// <summary>Rows added so far.</summary>
    public int Count => _count;

    /// <summary>Appends one row's value.</summary>
    public void Add(string value)
    {
        if (!_index.TryGetValue(value, out var code))
        {
            code = _values.Count;
            _index.Add(value, code);
            _values.Add(value);
        }

        if (_count == _codes.Length)
        {
            Array.Resize(ref _codes, _codes.Length * 2);
        }

        _codes[_count++] = code;
    }

    /// <summary>The finished column (the builder must not be used afterwards).</summary>
    public Column Build()
    {
        if (_codes.Length != _count)
        {
            Array.Resize(ref _codes, _count);
        }

        return Column.Trusted(_name, [.. _values], _codes);
    }
}
