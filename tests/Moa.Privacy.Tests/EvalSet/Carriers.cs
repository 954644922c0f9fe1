using System.Text;
using System.Text.Json;

namespace Moa.Privacy.Tests.EvalSet;

/// <summary>Real sentences from ../shared/data used as carriers for the evaluation set.</summary>
internal static class Carriers
{
    public static List<string> NsmcReviews()
    {
        var list = new List<string>();
        foreach (var line in File.ReadLines(TestPaths.Data("text", "nsmc_reviews_sample.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var text = doc.RootElement.GetProperty("text").GetString();
            if (!string.IsNullOrWhiteSpace(text) && text.Length >= 10)
            {
                list.Add(text);
            }
        }

        return list;
    }

    public static List<string> NewsComments() =>
        [.. ReadCsv(TestPaths.Data("providers", "csv", "news_comment_utf8.csv"), Encoding.UTF8).Skip(1)
            .Where(r => r.Count > 1 && r[1].Length >= 8).Select(r => r[1])];

    public static List<string> KobestParagraphs()
    {
        var list = new List<string>();
        foreach (var line in File.ReadLines(TestPaths.Data("benchmarks", "kobest", "BoolQ", "dev.tsv")).Skip(1))
        {
            var cols = line.Split('\t');
            if (cols.Length > 1)
            {
                var text = cols[1];
                var cut = text.Length > 120 && text.IndexOf(". ", 120, StringComparison.Ordinal) is var i and > 0 ? i + 1 : Math.Min(text.Length, 240);
                list.Add(text[..Math.Min(cut, text.Length)]);
            }
        }

        foreach (var line in File.ReadLines(TestPaths.Data("benchmarks", "kobest", "COPA", "dev.tsv")).Skip(1))
        {
            var cols = line.Split('\t');
            if (cols.Length > 3)
            {
                list.Add(cols[1] + " " + cols[3]);
            }
        }

        return list;
    }

    public static List<string> ClickTexts()
    {
        var list = new List<string>();
        var root = TestPaths.Data("benchmarks", "click", "Dataset");
        foreach (var file in Directory.GetFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                var text = item.TryGetProperty("paragraph", out var p) && p.GetString() is { Length: > 20 } para ? para : item.GetProperty("question").GetString() ?? "";
                text = text.Replace('\n', ' ');
                if (text.Length > 300)
                {
                    text = text[..300];
                }

                if (text.Length >= 10)
                {
                    list.Add(text);
                }
            }
        }

        return list;
    }

    /// <summary>A minimal RFC 4180 reader (quotes, doubled quotes, CRLF) for the shared CSV files.</summary>
    public static List<List<string>> ReadCsv(string path, Encoding encoding)
    {
        var text = File.ReadAllText(path, encoding);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }

    public static Encoding EucKr()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(949);
    }
}
