using System.Globalization;
using Moa.Tabular.Tables;

namespace Moa.Synthesis.Data;

/// <summary>Converts between the project's text tables (<see cref="Table"/>, read and written by Moa.Tabular) and typed column tables.</summary>
public static class TableBridge
{
    /// <summary>
    /// Types each column of <paramref name="table"/> (numeric when every non-empty value is a number, date-time when every
    /// one is an ISO date, else categorical; <paramref name="kinds"/> overrides); empty cells are missing. Each distinct
    /// value is parsed once. A value that does not fit a fixed kind is an error naming the file, row and column.
    /// </summary>
    public static ColumnTable ToColumns(Table table, IReadOnlyDictionary<string, ColumnKind>? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = new DataColumn[table.Columns.Count];
        try
        {
            Parallel.For(0, columns.Length, c => columns[c] = Convert(table, table.Columns[c], kinds));
        }
        catch (AggregateException ex) when (ex.InnerExceptions[0] is MoaException user)
        {
            // A user error from one column reads the same as from a sequential loop.
            throw new MoaException(user.Message, user);
        }

        return new ColumnTable(columns);
    }

    private static DataColumn Convert(Table table, Column column, IReadOnlyDictionary<string, ColumnKind>? kinds)
    {
        var values = column.Values;
        var codes = column.Codes;
        var kind = kinds is not null && kinds.TryGetValue(column.Name, out var k) ? k : ColumnTable.Infer(values);
        if (kind == ColumnKind.Categorical)
        {
            var strings = new string?[codes.Length];
            for (var i = 0; i < strings.Length; i++)
            {
                var v = values[codes[i]];
                strings[i] = v.Length == 0 ? null : v;
            }

            return DataColumn.Categorical(column.Name, strings);
        }

        var parsed = new double[values.Count];
        var hasTime = false;
        for (var v = 0; v < parsed.Length; v++)
        {
            var s = values[v];
            if (string.IsNullOrWhiteSpace(s))
            {
                parsed[v] = double.NaN;
                continue;
            }

            if (kind == ColumnKind.Numeric)
            {
                if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out parsed[v]) || !double.IsFinite(parsed[v]))
                {
                    throw new MoaException($"{table.Locate(column.FirstRowOf(v), column.Name)}: '{s}' is not a number (the column is numeric).");
                }
            }
            else if (ColumnTable.TryParseDate(s, out var date, out var t))
            {
                parsed[v] = (date - DateTime.UnixEpoch).TotalDays;
                hasTime |= t;
            }
            else
            {
                throw new MoaException($"{table.Locate(column.FirstRowOf(v), column.Name)}: '{s}' is not a date (expected yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss).");
            }
        }

        var numbers = new double[codes.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = parsed[codes[i]];
        }

        return kind == ColumnKind.DateTime
            ? DataColumn.DateTime(column.Name, numbers, hasTime ? DateFormats.DateTime : DateFormats.Date)
            : DataColumn.Numeric(column.Name, numbers);
    }

    /// <summary>The columns as a text table (missing values as empty cells), ready for <see cref="TableWriter"/>.</summary>
    public static Table ToTable(ColumnTable columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var result = new Column[columns.Columns.Count];
        Parallel.For(0, result.Length, c =>
        {
            var col = columns.Columns[c];
            var builder = new ColumnBuilder(col.Name, col.Length);
            for (var i = 0; i < col.Length; i++)
            {
                builder.Add(col.Format(i));
            }

            result[c] = builder.Build();
        });
        return new Table(result);
    }
}
