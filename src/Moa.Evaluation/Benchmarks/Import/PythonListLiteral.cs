using System.Globalization;
using System.Text;

namespace Moa.Evaluation.Benchmarks.Import;

/// <summary>Parses a Python list of string literals as pandas writes it into a cell: <c>['손자', '할머니', "알 수 없음"]</c>.</summary>
public static class PythonListLiteral
{
    /// <summary>Parses the list; <paramref name="where"/> names the file and line in errors.</summary>
    /// <exception cref="MoaException">The text is not a list of quoted strings.</exception>
    public static List<string> Parse(string text, string where)
    {
        var s = text.AsSpan().Trim();
        if (s.Length < 2 || s[0] != '[' || s[^1] != ']')
        {
            throw Bad(text, where, "expected a list like ['a', 'b']");
        }

        var values = new List<string>();
        var i = 1;
        var end = s.Length - 1;
        while (true)
        {
            while (i < end && char.IsWhiteSpace(s[i]))
            {
                i++;
            }

            if (i >= end)
            {
                break;
            }

            var quote = s[i];
            if (quote is not ('\'' or '"'))
            {
                throw Bad(text, where, $"expected a quoted string at character {i}");
            }

            i++;
            var value = new StringBuilder();
            while (i < end && s[i] != quote)
            {
                if (s[i] == '\\' && i + 1 < end)
                {
                    i++;
                    switch (s[i])
                    {
                        case 'n': value.Append('\n'); break;
                        case 't': value.Append('\t'); break;
                        case 'r': value.Append('\r'); break;
                        case 'u' when i + 4 < end:
                            value.Append((char)int.Parse(s.Slice(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                            i += 4;
                            break;
                        default: value.Append(s[i]); break;
                    }
                }
                else
                {
                    value.Append(s[i]);
                }

                i++;
            }

            if (i >= end)
            {
                throw Bad(text, where, "a string is never closed");
            }

            values.Add(value.ToString());
            i++;
            while (i < end && char.IsWhiteSpace(s[i]))
            {
                i++;
            }

            if (i < end)
            {
                if (s[i] != ',')
                {
                    throw Bad(text, where, $"expected ',' between strings at character {i}");
                }

                i++;
            }
        }

        return values;
    }

    private static MoaException Bad(string text, string where, string what) =>
        new($"{where}: {what}, found {(text.Length > 60 ? text[..60] + "..." : text)}.");
}
