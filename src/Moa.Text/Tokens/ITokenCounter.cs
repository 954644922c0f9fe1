namespace Moa.Text.Tokens;

/// <summary>Counts tokens in a text for corpus statistics (token budgets, documents per token).</summary>
public interface ITokenCounter
{
    /// <summary>Name recorded in statistics, e.g. <c>pretokens</c> or a tokenizer file name.</summary>
    string Name { get; }

    /// <summary>Number of tokens in <paramref name="text"/>.</summary>
    int Count(ReadOnlySpan<char> text);
}
