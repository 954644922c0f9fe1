using System.Globalization;

namespace Moa.Tabular.Tables;

/// <summary>
/// An immutable table of text cells stored by column, each column dictionary-encoded (<see cref="Column"/>).
/// Rows keep the line (CSV) or row (XLSX) they were read from so errors can name it. Read one with
/// <see cref="TableReader.Read(string, TableReadOptions?)"/>, write it with <see cref="TableWriter"/>.
/// </summary>
public sealed class Table
{
    private readonly Column[] _columns;
    private readonly Dictionary<string, int> _byName;
    private readonly long[]? _lines;

    /// <summary>A table of <paramref name="columns"/> (all of one length, names unique).</summary>
    public Table(IReadOnlyList<Column> columns, TableSource? source = null)
        : this([.. columns ?? throw new ArgumentNullException(nameof(columns))], source ?? TableSource.InMemory, null)
    {
    }

    internal Table(Column[] columns, TableSource source, long[]? lines)
    {
        _columns = columns;
        Source = source;
        RowCount = columns.Length == 0 ? 0 : columns[0].RowCount;
        _byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i].RowCount != RowCount)
            {
                throw new ArgumentException($"column '{columns[i].Name}' has {columns[i].RowCount} rows, the first column {RowCount}", nameof(columns));
            }

            if (!_byName.TryAdd(columns[i].Name, i))
            {
                throw new ArgumentException($"column name '{columns[i].Name}' appears twice", nameof(columns));
            }
        }

        _lines = lines is not null && lines.Length == RowCount ? lines : null;
    }

    /// <summary>Number of rows (the header not counted).</summary>
    public int RowCount { get; }

    /// <summary>The columns in file order.</summary>
    public IReadOnlyList<Column> Columns => _columns;

    /// <summary>Column names in file order.</summary>
    public IReadOnlyList<string> ColumnNames => [.. _columns.Select(c => c.Name)];

    /// <summary>Where the table came from (format, encoding, delimiter), used to write the output in the same shape.</summary>
    public TableSource Source { get; }

    /// <summary>The column at <paramref name="index"/>.</summary>
    public Column this[int index] => _columns[index];

    /// <summary>The column named <paramref name="name"/>; a missing name is a <see cref="MoaException"/> listing the header.</summary>
    public Column this[string name] => _columns[Require(name)];

    /// <summary>The index of column <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => _byName.TryGetValue(name, out var i) ? i : -1;

    /// <summary>Whether the table has a column <paramref name="name"/>.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>The index of column <paramref name="name"/>; a missing one is a user error naming the file and the header.</summary>
    public int Require(string name, string? context = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_byName.TryGetValue(name, out var i))
        {
            return i;
        }

        var where = Source.Path is null ? "the table" : Source.Path;
        throw new MoaException(
            $"{where}: column '{name}'{(context is null ? "" : $" ({context})")} is not in the table. Its columns are: {string.Join(", ", _columns.Select(c => c.Name))}.");
    }

    /// <summary>
    /// The source line (CSV: physical line, counting the header as line 1; XLSX: sheet row) of <paramref name="row"/>,
    /// or row + 2 when unknown (header on line 1).
    /// </summary>
    public long SourceLine(int row) => _lines is not null ? _lines[row] : row + 2L;

    /// <summary>"file, row N (line L), column C" for messages.</summary>
    public string Locate(int row, string? column = null)
    {
        var where = Source.Path is null ? "" : $"{Source.Path}, ";
        var col = column is null ? "" : $", column '{column}'";
        return string.Create(CultureInfo.InvariantCulture, $"{where}row {row + 1:N0} (line {SourceLine(row):N0}){col}");
    }

    /// <summary>The cells of one row in column order.</summary>
    public string[] Row(int row)
    {
        var cells = new string[_columns.Length];
        for (var c = 0; c < cells.Length; c++)
        {
            cells[c] = _columns[c][row];
        }

        return cells;
    }

    /// <summary>This table with <paramref name="column"/> replacing the one of the same name, or appended.</summary>
    public Table WithColumn(Column column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var columns = (Column[])_columns.Clone();
        var i = IndexOf(column.Name);
        if (i >= 0)
        {
            columns[i] = column;
        }
        else
        {
            columns = [.. columns, column];
        }

        return new Table(columns, Source, _lines);
    }

    /// <summary>This table without column <paramref name="name"/> (unchanged when absent).</summary>
    public Table Without(string name)
    {
        var i = IndexOf(name);
        return i < 0 ? this : new Table([.. _columns.Where((_, j) => j != i)], Source, _lines);
    }

    /// <summary>The columns named, in the order given.</summary>
    public Table Select(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return new Table([.. names.Select(n => _columns[Require(n)])], Source, _lines);
    }

    /// <summary>The rows where <paramref name="keep"/> is true (source lines kept).</summary>
    public Table Where(ReadOnlySpan<bool> keep)
    {
        if (keep.Length != RowCount)
        {
            throw new ArgumentException($"{keep.Length} flags for {RowCount} rows", nameof(keep));
        }

        var kept = 0;
        foreach (var k in keep)
        {
            kept += k ? 1 : 0;
        }

        var columns = new Column[_columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = _columns[c].Filter(keep, kept);
        }

        long[]? lines = null;
        if (_lines is not null)
        {
            lines = new long[kept];
            var k = 0;
            for (var r = 0; r < keep.Length; r++)
            {
                if (keep[r])
                {
                    lines[k++] = _lines[r];
                }
            }
        }

        return new Table(columns, Source, lines);
    }

    /// <summary>A table from a header and rows of cells (short rows are padded with empty cells).</summary>
    public static Table FromRows(IReadOnlyList<string> names, IEnumerable<IReadOnlyList<string>> rows, TableSource? source = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(rows);
        var builders = names.Select(n => new ColumnBuilder(n)).ToArray();
        foreach (var row in rows)
        {
            for (var c = 0; c < builders.Length; c++)
            {
                builders[c].Add(c < row.Count ? row[c] ?? string.Empty : string.Empty);
            }
        }

        return new Table([.. builders.Select(b => b.Build())], source ?? TableSource.InMemory, null);
    }

    /// <summary>This table labelled with another source (e.g. the output path and format).</summary>
    public Table WithSource(TableSource source) => new(_columns, source ?? throw new ArgumentNullException(nameof(source)), _lines);
}
