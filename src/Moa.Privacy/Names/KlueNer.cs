namespace Moa.Privacy.Names;

/// <summary>One sentence of a character-tagged NER file: its id, source (<c>wikitree</c> news or <c>nsmc</c> reviews), text and person spans.</summary>
public sealed record NerSentence(string Id, string Source, string Text, IReadOnlyList<(int Start, int End)> Persons);

/// <summary>
/// Reads the KLUE-NER character-tagged format (<c>## id\tannotated sentence</c>, then one <c>char\tBIO-tag</c> line per
/// character, sentences separated by a blank line). Only <c>PS</c> (person) spans are kept; other entity types are text.
/// </summary>
public static class KlueNer
{
    /// <summary>Reads every sentence; a malformed line throws a <see cref="MoaException"/> naming the file and line.</summary>
    public static List<NerSentence> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new MoaException($"{path}: file not found (expected KLUE-NER character-tagged TSV).");
        }

        var result = new List<NerSentence>();
        string? id = null;
        var text = new System.Text.StringBuilder();
        var persons = new List<(int, int)>();
        var start = -1;
        var lineNo = 0;

        void Close()
        {
            if (start >= 0)
            {
                persons.Add((start, text.Length));
                start = -1;
            }
        }

        void Flush()
        {
            Close();
            if (id is not null && text.Length > 0)
            {
                var dash = id.LastIndexOf('-');
                result.Add(new NerSentence(id, dash >= 0 ? id[(dash + 1)..] : "", text.ToString(), [.. persons]));
            }

            id = null;
            text.Clear();
            persons.Clear();
        }

        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                if (tab > 3 && line.AsSpan(3).StartsWith("klue", StringComparison.Ordinal))
                {
                    Flush();
                    id = line[3..tab];
                }

                continue;
            }

            var sep = line.LastIndexOf('\t');
            if (sep <= 0 || id is null)
            {
                throw new MoaException($"{path}:{lineNo}: expected 'character<TAB>tag' inside a sentence, got '{Truncate(line)}'.");
            }

            var tag = line.AsSpan(sep + 1);
            var isPerson = tag.EndsWith("-PS", StringComparison.Ordinal);
            if (tag is not "O" && !(tag.Length > 2 && tag[1] == '-' && tag[0] is 'B' or 'I'))
            {
                throw new MoaException($"{path}:{lineNo}: tag '{tag}' is not O, B-TYPE or I-TYPE.");
            }

            if (!isPerson || tag[0] == 'B')
            {
                Close();
            }

            if (isPerson && (tag[0] == 'B' || start < 0))
            {
                start = text.Length;
            }

            text.Append(line.AsSpan(0, sep));
        }

        Flush();
        if (result.Count == 0)
        {
            throw new MoaException($"{path}: no sentences found (expected '## klue-...' id lines followed by 'character<TAB>tag' lines).");
        }

        return result;
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
