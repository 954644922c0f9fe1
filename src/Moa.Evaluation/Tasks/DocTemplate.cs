using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Moa.Evaluation.Tasks;

/// <summary>
/// The part of Jinja that lm-evaluation-harness task YAMLs use for prompts: literal text with <c>{{ field }}</c>,
/// <c>{{ field.key }}</c>, <c>{{ field[0] }}</c> and <c>{{ field['key'] }}</c> over a document's fields. Anything else
/// (<c>{% … %}</c> blocks, filters, calls, arithmetic) is refused when the template is read, naming where it is, instead
/// of being rendered differently from Jinja.
/// </summary>
public sealed class DocTemplate
{
    private readonly object[] _parts; // string literals and Path (string[] segments, ints for indexes)

    private DocTemplate(string source, object[] parts)
    {
        Source = source;
        _parts = parts;
    }

    /// <summary>The template as written.</summary>
    public string Source { get; }

    /// <summary>True when the template is exactly one <c>{{ … }}</c> expression (its value may then be a list).</summary>
    public bool IsSingleExpression => _parts is [object[]];

    /// <summary>Reads <paramref name="text"/>; <paramref name="where"/> (file, line, key) names it in errors.</summary>
    /// <exception cref="MoaException">The template uses Jinja that Moa does not render.</exception>
    public static DocTemplate Parse(string text, string where)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<object>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '{' && i + 1 < text.Length && text[i + 1] is '%' or '#')
            {
                throw new MoaException($"{where}: '{text.Substring(i, Math.Min(12, text.Length - i))}…' is a Jinja statement or comment; Moa reads only {{{{ field }}}}, {{{{ field.key }}}} and {{{{ field[0] }}}} (see docs/evaluation/tasks.md).");
            }

            if (text[i] == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var close = text.IndexOf("}}", i + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    throw new MoaException($"{where}: '{{{{' at character {i} is never closed with '}}}}'.");
                }

                if (literal.Length > 0)
                {
                    parts.Add(literal.ToString());
                    literal.Clear();
                }

                parts.Add(ParsePath(text[(i + 2)..close], where));
                i = close + 2;
                continue;
            }

            literal.Append(text[i]);
            i++;
        }

        if (literal.Length > 0)
        {
            parts.Add(literal.ToString());
        }

        return new DocTemplate(text, [.. parts]);
    }

    /// <summary>The template filled from <paramref name="doc"/>, values printed as Jinja prints Python values.</summary>
    public string Render(IReadOnlyDictionary<string, JsonElement> doc, string where)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var sb = new StringBuilder();
        foreach (var part in _parts)
        {
            if (part is string s)
            {
                sb.Append(s);
            }
            else
            {
                sb.Append(Print(Evaluate((object[])part, doc, where)));
            }
        }

        return sb.ToString();
    }

    /// <summary>The value of a single-expression template (see <see cref="IsSingleExpression"/>).</summary>
    public JsonElement Value(IReadOnlyDictionary<string, JsonElement> doc, string where)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return IsSingleExpression ? Evaluate((object[])_parts[0], doc, where) : throw new InvalidOperationException("not a single expression");
    }

    /// <summary>A value as Jinja prints it: strings as they are, True/False/None, lists as Python's repr.</summary>
    public static string Print(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.Null or JsonValueKind.Undefined => "None",
        JsonValueKind.Array => "[" + string.Join(", ", value.EnumerateArray().Select(Repr)) + "]",
        _ => value.GetRawText(),
    };

    private static string Repr(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? "'" + value.GetString()!.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'"
        : Print(value);

    private static JsonElement Evaluate(object[] path, IReadOnlyDictionary<string, JsonElement> doc, string where)
    {
        var name = (string)path[0];
        if (!doc.TryGetValue(name, out var value))
        {
            throw new MoaException($"{where}: the document has no field '{name}' (it has {string.Join(", ", doc.Keys.Order(StringComparer.Ordinal))}).");
        }

        for (var k = 1; k < path.Length; k++)
        {
            switch (path[k])
            {
                case int index when value.ValueKind == JsonValueKind.Array:
                    var n = value.GetArrayLength();
                    var at = index < 0 ? n + index : index;
                    value = at >= 0 && at < n ? value[at] : throw new MoaException($"{where}: index [{index}] is outside '{name}', which has {n} elements.");
                    break;
                case string key when value.ValueKind == JsonValueKind.Object:
                    value = value.TryGetProperty(key, out var v) ? v : throw new MoaException($"{where}: '{name}' has no key '{key}'.");
                    break;
                default:
                    throw new MoaException($"{where}: '{name}' is a {value.ValueKind.ToString().ToLowerInvariant()} and cannot be indexed by {path[k]}.");
            }
        }

        return value;
    }

    private static object[] ParsePath(string expression, string where)
    {
        var e = expression.Trim();
        var path = new List<object>();
        var i = 0;
        string Name()
        {
            var start = i;
            while (i < e.Length && (char.IsLetterOrDigit(e[i]) || e[i] == '_'))
            {
                i++;
            }

            return i > start && !char.IsDigit(e[start]) ? e[start..i] : throw Unsupported(expression, where);
        }

        path.Add(Name());
        while (i < e.Length)
        {
            if (e[i] == '.')
            {
                i++;
                path.Add(Name());
            }
            else if (e[i] == '[')
            {
                var close = e.IndexOf(']', i);
                if (close < 0)
                {
                    throw Unsupported(expression, where);
                }

                var inner = e[(i + 1)..close].Trim();
                if (int.TryParse(inner, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
                {
                    path.Add(index);
                }
                else if (inner.Length >= 2 && inner[0] is '\'' or '"' && inner[^1] == inner[0])
                {
                    path.Add(inner[1..^1]);
                }
                else
                {
                    throw Unsupported(expression, where);
                }

                i = close + 1;
            }
            else
            {
                throw Unsupported(expression, where);
            }
        }

        return [.. path];
    }

    private static MoaException Unsupported(string expression, string where) => new(
        $"{where}: '{{{{{expression}}}}}' uses more of Jinja than Moa renders; write field names, .key and [index] only, or use a task Moa defines (--task).");
}
