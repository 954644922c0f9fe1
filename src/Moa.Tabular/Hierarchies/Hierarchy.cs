using System.Globalization;
using System.Text;
using Moa.Text.Encodings;

namespace Moa.Tabular.Hierarchies;

/// <summary>
/// A generalisation hierarchy: level 0 is the original value, each higher level coarser, the top usually <c>*</c>.
/// Either a table (one row per original value, column i the value at level i — ARX's CSV format) or a rule
/// (the built-in Korean hierarchies for dates, ages, addresses, postcodes and resident-number prefixes).
/// </summary>
public abstract class Hierarchy
{
    /// <summary>The hierarchy's name (the file or the built-in's id).</summary>
    public abstract string Name { get; }

    /// <summary>Number of levels, level 0 included.</summary>
    public abstract int Height { get; }

    /// <summary>
    /// The original values the hierarchy knows (its leaves), used as the domain for the Loss metric; null for a rule
    /// hierarchy, whose domain is the values found in the data.
    /// </summary>
    public abstract IReadOnlyCollection<string>? Leaves { get; }

    /// <summary>
    /// <paramref name="value"/> generalised to <paramref name="level"/>; false with a reason when the value is outside
    /// the hierarchy (not listed, or not parseable for a rule).
    /// </summary>
    public abstract bool TryGeneralize(string value, int level, out string result, out string? problem);

    /// <summary>Reads an ARX CSV hierarchy (comma, semicolon or tab separated; no header; UTF-8 or CP949).</summary>
    public static Hierarchy FromArxCsv(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new MoaException($"{path}: hierarchy file not found.");
        }

        var bytes = File.ReadAllBytes(path);
        var detected = TextEncodingDetector.Detect(bytes);
        string text;
        try
        {
            text = detected.Encoding.GetString(bytes, detected.PreambleLength, bytes.Length - detected.PreambleLength);
        }
        catch (DecoderFallbackException ex)
        {
            throw new MoaException($"{path}: the hierarchy is neither UTF-8 nor CP949 text.", ex);
        }

        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var first = lines.FirstOrDefault(l => l.Length > 0) ?? throw new MoaException($"{path}: the hierarchy file is empty.");
        var delimiter = first.Contains(';', StringComparison.Ordinal) ? ';' : first.Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
        var rows = new List<string[]>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var cells = lines[i].Split(delimiter).Select(c => c.Trim()).ToArray();
            if (rows.Count > 0 && cells.Length != rows[0].Length)
            {
                throw new MoaException(string.Create(CultureInfo.InvariantCulture,
                    $"{path}: line {i + 1} has {cells.Length} levels, line 1 has {rows[0].Length}; every row of an ARX hierarchy lists the same number of levels."));
            }

            rows.Add(cells);
        }

        return new TableHierarchy(Path.GetFileName(path), rows, path);
    }

    /// <summary>A hierarchy from rows (value, level 1, level 2, …).</summary>
    public static Hierarchy FromRows(string name, IReadOnlyList<string[]> rows) => new TableHierarchy(name, rows, name);
}

/// <summary>A hierarchy given as a table (ARX's CSV format).</summary>
internal sealed class TableHierarchy : Hierarchy
{
    private readonly Dictionary<string, string[]> _rows = new(StringComparer.Ordinal);

    public TableHierarchy(string name, IReadOnlyList<string[]> rows, string source)
    {
        Name = name;
        if (rows.Count == 0)
        {
            throw new MoaException($"{source}: the hierarchy has no rows.");
        }

        Height = rows[0].Length;
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != Height)
            {
                throw new MoaException(string.Create(CultureInfo.InvariantCulture, $"{source}: row {i + 1} has {rows[i].Length} levels, expected {Height}."));
            }

            if (!_rows.TryAdd(rows[i][0], rows[i]))
            {
                throw new MoaException(string.Create(CultureInfo.InvariantCulture, $"{source}: value '{rows[i][0]}' is listed twice (row {i + 1})."));
            }
        }

        Leaves = _rows.Keys;
    }

    public override string Name { get; }

    public override int Height { get; }

    public override IReadOnlyCollection<string>? Leaves { get; }

    public override bool TryGeneralize(string value, int level, out string result, out string? problem)
    {
        if (_rows.TryGetValue(value, out var row))
        {
            result = row[level];
            problem = null;
            return true;
        }

        result = string.Empty;
        problem = $"value '{value}' is not in hierarchy {Name}";
        return false;
    }
}

/// <summary>A hierarchy computed by a rule from each value.</summary>
internal sealed class RuleHierarchy(string name, int height, Func<string, int, string?> rule, string expected) : Hierarchy
{
    public override string Name => name;

    public override int Height => height;

    public override IReadOnlyCollection<string>? Leaves => null;

    public override bool TryGeneralize(string value, int level, out string result, out string? problem)
    {
        var generalized = rule(value, level);
        if (generalized is null)
        {
            result = string.Empty;
            return Fail(value, out problem);
        }

        result = generalized;
        problem = null;
        return true;
    }

    private bool Fail(string value, out string? problem)
    {
        problem = $"'{value}' is not {expected} (hierarchy {name})";
        return false;
    }
}
