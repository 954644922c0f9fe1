using System.Globalization;
using System.Text;
using Moa.Evaluation.Benchmarks;

namespace Moa.Evaluation.Tasks;

/// <summary>
/// Korean prompt templates for one benchmark: the item prompt (<c>{context}</c>, <c>{question}</c>, <c>{choices}</c>), the
/// continuation scored for each choice in log-likelihood mode (<c>{choice}</c>), and the instruction added in generation mode.
/// Defaults come from the benchmark card; every part can be overridden from the command line.
/// </summary>
public sealed record PromptTemplate
{
    /// <summary>The default instruction for multiple choice by generation.</summary>
    public const string DefaultGenerationInstruction = "위 질문에 알맞은 답을 보기에서 골라 번호만 답하세요.";

    public string Prompt { get; init; } = "{question}";

    public string Choice { get; init; } = " {choice}";

    /// <summary>Appended (on a new line) to multiple-choice prompts in generation mode when the prompt does not list the choices itself.</summary>
    public string GenerationInstruction { get; init; } = DefaultGenerationInstruction;

    /// <summary>Between few-shot examples and before the item.</summary>
    public string FewShotSeparator { get; init; } = "\n\n";

    /// <summary>The card's templates.</summary>
    public static PromptTemplate FromCard(BenchmarkCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new PromptTemplate
        {
            Prompt = string.IsNullOrWhiteSpace(card.PromptTemplate) ? "{question}" : card.PromptTemplate,
            Choice = string.IsNullOrEmpty(card.ChoiceTemplate) ? " {choice}" : card.ChoiceTemplate,
        };
    }

    /// <summary>The item's prompt for log-likelihood scoring (no numbered choices unless the template asks for them).</summary>
    public string RenderPrompt(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var text = Prompt
            .Replace("{context}", item.Context ?? string.Empty, StringComparison.Ordinal)
            .Replace("{question}", item.Question, StringComparison.Ordinal)
            .Replace("{choices}", NumberedChoices(item.Choices), StringComparison.Ordinal);
        return Tidy(text);
    }

    /// <summary>The continuation scored for choice <paramref name="index"/>.</summary>
    public string RenderChoice(BenchmarkItem item, int index)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Choice.Replace("{choice}", item.Choices[index], StringComparison.Ordinal);
    }

    /// <summary>The item's prompt for generation: numbered choices and the instruction are added when the template lacks them.</summary>
    public string RenderGenerationPrompt(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var text = RenderPrompt(item);
        if (item.IsMultipleChoice && !Prompt.Contains("{choices}", StringComparison.Ordinal))
        {
            text = text.TrimEnd() + "\n" + NumberedChoices(item.Choices);
            if (GenerationInstruction.Length > 0)
            {
                text += "\n" + GenerationInstruction;
            }
        }

        return text;
    }

    /// <summary>The gold answer as generation mode expects it ("2" for the second choice, else the reference text).</summary>
    public static string GenerationAnswer(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.IsMultipleChoice && item.AnswerIndex >= 0
            ? (item.AnswerIndex + 1).ToString(CultureInfo.InvariantCulture)
            : item.AnswerText;
    }

    /// <summary>"1. 첫째\n2. 둘째" (1-based, one a line).</summary>
    public static string NumberedChoices(IReadOnlyList<string> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var sb = new StringBuilder();
        for (var i = 0; i < choices.Count; i++)
        {
            if (i > 0) sb.Append('\n');
            sb.Append(i + 1).Append(". ").Append(choices[i]);
        }

        return sb.ToString();
    }

    // Empty placeholders (no context) leave blank lines: drop them at the start and collapse runs of them.
    private static string Tidy(string text)
    {
        text = text.TrimStart('\n', '\r', ' ');
        while (text.Contains("\n\n\n", StringComparison.Ordinal))
        {
            text = text.Replace("\n\n\n", "\n\n", StringComparison.Ordinal);
        }

        return text;
    }
}
