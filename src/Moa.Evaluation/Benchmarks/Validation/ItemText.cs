using System.Text;

namespace Moa.Evaluation.Benchmarks.Validation;

/// <summary>Normalised item text used to compare items: letters and digits lower-cased, any other run of characters one space.</summary>
public static class ItemText
{
    /// <summary>Question, context and choices of <paramref name="item"/>, normalised and joined by <c>" | "</c>.</summary>
    public static string Normalized(BenchmarkItem item)
    {
        var builder = new StringBuilder(item.Question.Length + (item.Context?.Length ?? 0) + 64);
        Append(builder, item.Context);
        builder.Append(" | ");
        Append(builder, item.Question);
        foreach (var choice in item.Choices)
        {
            builder.Append(" | ");
            Append(builder, choice);
        }

        return builder.ToString();
    }

    /// <summary>Appends <paramref name="text"/> normalised (lower-case letters and digits; other runs become one space).</summary>
    public static void Append(StringBuilder builder, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }
    }
}
