using System.Globalization;

namespace Moa.Synthesis.Data;

/// <summary>How a column is modelled: numbers, categories, or instants (held as days since 1970-01-01).</summary>
public enum ColumnKind
{
    Numeric,
    Categorical,
    DateTime,
}

/// <summary>
/// One column of a table as the synthesizers see it: numbers (<see cref="double.NaN"/> = missing) for numeric and
/// date-time columns, strings (<c>null</c> = missing) for categorical ones.
/// </summary>
public sealed class DataColumn
{
    private DataColumn(string name, ColumnKind kind, double[]? numbers, string?[]? values, bool isInteger, string? dateFormat)
    {
        Name = name;
        Kind = kind;
        Numbers = numbers;
        Values = values;
        IsInteger = isInteger;
        DateFormat = dateFormat;
    }

    public string Name { get; }

    public ColumnKind Kind { get; }

    /// <summary>Values of a numeric or date-time column; NaN marks a missing value.</summary>
    public double[]? Numbers { get; }

    /// <summary>Values of a categorical column; null marks a missing value.</summary>
    public string?[]? Values { get; }

    /// <summary>Every present value of a numeric column is a whole number (so samples are rounded).</summary>
    public bool IsInteger { get; }

    /// <summary>The format date-time values are written back in (<c>yyyy-MM-dd</c> or <c>yyyy-MM-ddTHH:mm:ss</c>).</summary>
    public string? DateFormat { get; }

    public int Length => Numbers?.Length ?? Values!.Length;

    public static DataColumn Numeric(string name, double[] numbers, bool? isInteger = null) =>
        new(name, ColumnKind.Numeric, numbers, null, isInteger ?? numbers.All(v => double.IsNaN(v) || v == Math.Round(v)), null);

    public static DataColumn DateTime(string name, double[] days, string dateFormat = DateFormats.Date) =>
        new(name, ColumnKind.DateTime, days, null, false, dateFormat);

    public static DataColumn Categorical(string name, string?[] values) => new(name, ColumnKind.Categorical, null, values, false, null);

    /// <summary>A column of the same name, kind and format holding new values.</summary>
    public DataColumn With(double[]? numbers, string?[]? values) => Kind switch
    {
        ColumnKind.Categorical => Categorical(Name, values ?? throw new ArgumentNullException(nameof(values))),
        ColumnKind.DateTime => DateTime(Name, numbers ?? throw new ArgumentNullException(nameof(numbers)), DateFormat ?? DateFormats.Date),
        _ => new DataColumn(Name, ColumnKind.Numeric, numbers ?? throw new ArgumentNullException(nameof(numbers)), null, IsInteger, null),
    };

    /// <summary>True when row <paramref name="row"/> holds no value.</summary>
    public bool IsMissing(int row) => Numbers is not null ? double.IsNaN(Numbers[row]) : Values![row] is null;

    /// <summary>The value of a row as text, the way it is written out ("" for missing).</summary>
    public string Format(int row)
    {
        if (Values is not null)
        {
            return Values[row] ?? "";
        }

        var v = Numbers![row];
        if (double.IsNaN(v))
        {
            return "";
        }

        return Kind == ColumnKind.DateTime
            ? System.DateTime.UnixEpoch.AddDays(v).ToString(DateFormat ?? DateFormats.Date, CultureInfo.InvariantCulture)
            : IsInteger ? Math.Round(v).ToString("0", CultureInfo.InvariantCulture) : v.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>A new column with the rows at <paramref name="rows"/>, in that order.</summary>
    public DataColumn Take(IReadOnlyList<int> rows)
    {
        if (Values is not null)
        {
            var v = new string?[rows.Count];
            for (var i = 0; i < v.Length; i++)
            {
                v[i] = Values[rows[i]];
            }

            return With(null, v);
        }

        var n = new double[rows.Count];
        for (var i = 0; i < n.Length; i++)
        {
            n[i] = Numbers![rows[i]];
        }

        return With(n, null);
    }
}

/// <summary>Formats date-time columns are read and written in.</summary>
public static class DateFormats
{
    public const string Date = "yyyy-MM-dd";
    public const string DateTime = "yyyy-MM-dd'T'HH:mm:ss";
}

/// <summary>A table as named columns of equal length: the input and output of the synthesizers and of the evaluation.</summary>
public sealed class ColumnTable
{
    private readonly Dictionary<string, int> _index;

    public ColumnTable(IReadOnlyList<DataColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = columns;
        RowCount = columns.Count == 0 ? 0 : columns[0].Length;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Length != RowCount)
            {
                throw new ArgumentException($"column '{columns[i].Name}' has {columns[i].Length} rows, expected {RowCount}", nameof(columns));
            }

            if (!_index.TryAdd(columns[i].Name, i))
            {
                throw new MoaException($"column '{columns[i].Name}' appears twice.");
            }
        }
    }

    public IReadOnlyList<DataColumn> Columns { get; }

    public int RowCount { get; }

    public IEnumerable<string> Names => Columns.Select(c => c.Name);

    public bool Contains(string name) => _index.ContainsKey(name);

    /// <summary>The column named <paramref name="name"/>; a user error naming the column when it is absent.</summary>
    public DataColumn this[string name] => _index.TryGetValue(name, out var i)
        ? Columns[i]
        : throw new MoaException($"column '{name}' is not in the table (columns: {string.Join(", ", Names)}).");

    /// <summary>The rows at <paramref name="rows"/>, in that order.</summary>
    public ColumnTable Take(IReadOnlyList<int> rows) => new([.. Columns.Select(c => c.Take(rows))]);

    /// <summary>
    /// Builds a table from text cells, inferring each column's kind unless <paramref name="kinds"/> fixes it: numeric when
    /// every non-empty cell is a number, date-time when every one is an ISO date, else categorical. Empty cells are missing.
    /// </summary>
    public static ColumnTable FromText(IReadOnlyList<string> names, IReadOnlyList<string?[]> cells, IReadOnlyDictionary<string, ColumnKind>? kinds = null, string source = "table")
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(cells);
        var columns = new DataColumn[names.Count];
        for (var c = 0; c < names.Count; c++)
        {
            var raw = cells[c];
            ColumnKind? fixedKind = kinds is not null && kinds.TryGetValue(names[c], out var k) ? k : null;
            columns[c] = ParseColumn(names[c], raw, fixedKind, source);
        }

        return new ColumnTable(columns);
    }

    private static DataColumn ParseColumn(string name, string?[] raw, ColumnKind? fixedKind, string source)
    {
        var kind = fixedKind ?? Infer(raw);
        switch (kind)
        {
            case ColumnKind.Numeric:
            {
                var numbers = new double[raw.Length];
                for (var i = 0; i < raw.Length; i++)
                {
                    var s = raw[i];
                    if (string.IsNullOrWhiteSpace(s))
                    {
                        numbers[i] = double.NaN;
                    }
                    else if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]))
                    {
                        throw new MoaException($"{source}: row {i + 1}, column '{name}': '{s}' is not a number (the column is numeric).");
                    }
                }

                return DataColumn.Numeric(name, numbers);
            }

            case ColumnKind.DateTime:
            {
                var days = new double[raw.Length];
                var hasTime = false;
                for (var i = 0; i < raw.Length; i++)
                {
                    var s = raw[i];
                    if (string.IsNullOrWhiteSpace(s))
                    {
                        days[i] = double.NaN;
                    }
                    else if (TryParseDate(s, out var d, out var t))
                    {
                        days[i] = (d - System.DateTime.UnixEpoch).TotalDays;
                        hasTime |= t;
                    }
                    else
                    {
                        throw new MoaException($"{source}: row {i + 1}, column '{name}': '{s}' is not a date (expected yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss).");
                    }
                }

                return DataColumn.DateTime(name, days, hasTime ? DateFormats.DateTime : DateFormats.Date);
            }

            default:
                return DataColumn.Categorical(name, [.. raw.Select(s => string.IsNullOrEmpty(s) ? null : s)]);
        }
    }

    internal static ColumnKind Infer(IEnumerable<string?> raw)
    {
        bool numeric = true, date = true, any = false;
        foreach (var s in raw)
        {
            if (string.IsNullOrWhiteSpace(s))
            {
                continue;
            }

            any = true;
            numeric = numeric && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v);
            date = date && !numeric && TryParseDate(s, out _, out _);
            if (!numeric && !date)
            {
                return ColumnKind.Categorical;
            }
        }

        return !any ? ColumnKind.Categorical : numeric ? ColumnKind.Numeric : ColumnKind.DateTime;
    }

    private static readonly string[] s_dateFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm"];

    internal static bool TryParseDate(string s, out System.DateTime value, out bool hasTime)
    {
        hasTime = s.Length > 10;
        return System.DateTime.TryParseExact(s.Trim(), s_dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value);
    }
}
