using Moa.Text.Tokens;

namespace Moa.Evaluation.Models;

/// <summary>One log-likelihood request in token ids: what is sent, and where the continuation starts in it.</summary>
/// <param name="Prompt">Context and continuation ids, cut on the left to the maximum length.</param>
/// <param name="ContextLength">How many leading ids of <paramref name="Prompt"/> are context (the rest are scored).</param>
/// <param name="Truncated">Whether ids were cut from the left.</param>
public readonly record struct TokenRequest(int[] Prompt, int ContextLength, bool Truncated);

/// <summary>
/// Tokenises requests locally with the model's tokenizer and sends token ids, as lm-evaluation-harness does for API models:
/// trailing white space of the context moves to the continuation; the continuation's ids are those of context + continuation
/// after the context's own ids; no beginning-of-sequence token unless one is configured (then it leads the context); and
/// when context + continuation exceed the model's length the oldest ids are cut (left truncation).
/// </summary>
public sealed class TokenRequests
{
    private readonly LibraryTokenCounter _tokenizer;

    /// <param name="tokenizer">A tokenizer with ids (tiktoken, SentencePiece, tokenizer.json).</param>
    /// <param name="bosTokenId">Beginning-of-sequence id to put before every context; null: none (lm-eval's default for API models).</param>
    /// <param name="maxLength">The model's length in tokens; longer requests lose their oldest ids. Null: no limit.</param>
    public TokenRequests(LibraryTokenCounter tokenizer, int? bosTokenId = null, int? maxLength = null)
    {
        _tokenizer = tokenizer ?? throw new ArgumentNullException(nameof(tokenizer));
        if (maxLength is < 2)
        {
            throw new MoaException($"--max-length {maxLength} is too small: the context needs at least one token before the continuation.");
        }

        if (bosTokenId is < 0)
        {
            throw new MoaException($"--bos-token-id {bosTokenId} is negative.");
        }

        BosTokenId = bosTokenId;
        MaxLength = maxLength;

        // Microsoft.ML.Tokenizers 3.0 gives the byte-fallback pieces of SentencePiece Unigram models ids 255 too high; such
        // ids name other pieces, so the model would score another text. A character no model has in its vocabulary shows it.
        const string probe = "";
        var ids = tokenizer.Encode(probe);
        if (ids.Count >= 3 && tokenizer.Tokenizer.Decode(ids) is { } back && !back.Contains(probe, StringComparison.Ordinal))
        {
            throw new MoaException($"--tokenizer {tokenizer.Name}: the tokenizer library gives this model's byte-fallback pieces wrong ids (a known fault of SentencePiece Unigram models in Microsoft.ML.Tokenizers 3.0), so the server would score other text; send text instead (leave out --tokenizer).");
        }
    }

    /// <summary>Opens a tokenizer by the names <c>stats.tokenizers</c> uses (cl100k, o200k, gpt2, a .model or tokenizer.json path).</summary>
    public static TokenRequests Open(string spec, int? bosTokenId = null, int? maxLength = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return TokenCounters.Create(spec) is LibraryTokenCounter library
            ? new TokenRequests(library, bosTokenId, maxLength)
            : throw new MoaException($"--tokenizer {spec} counts pre-tokens and has no token ids; give the model's tokenizer (cl100k, o200k, gpt2, a SentencePiece .model or a tokenizer.json).");
    }

    /// <summary>The tokenizer's name, for the run's record.</summary>
    public string TokenizerName => _tokenizer.Name;

    /// <summary>The library tokenizer.</summary>
    public LibraryTokenCounter Tokenizer => _tokenizer;

    public int? BosTokenId { get; }

    public int? MaxLength { get; }

    /// <summary>lm-eval's split of a (context, continuation) pair into ids.</summary>
    public (int[] Context, int[] Continuation) EncodePair(string context, string continuation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        var kept = context.TrimEnd();
        if (kept.Length < context.Length)
        {
            continuation = context[kept.Length..] + continuation;
            context = kept;
        }

        int[] prefix = BosTokenId is { } bos ? [bos] : [];
        var whole = Encode(prefix, context + continuation);
        var ctx = context.Length == 0 ? prefix : Encode(prefix, context);
        if (ctx.Length == 0)
        {
            throw new MoaException("the context is empty and there is no beginning-of-sequence token to condition on: give --bos-token-id.");
        }

        var cont = ctx.Length <= whole.Length ? whole[ctx.Length..] : [];
        return (ctx, cont);
    }

    /// <summary>The ids to send and the context length after left truncation.</summary>
    public TokenRequest Build(string context, string continuation)
    {
        var (ctx, cont) = EncodePair(context, continuation);
        if (cont.Length == 0)
        {
            throw new MoaException($"the continuation '{continuation}' adds no token after the context; the tokenizer merges it into the context.");
        }

        var total = ctx.Length + cont.Length;
        int[] all = [.. ctx, .. cont];
        if (MaxLength is not { } max || total <= max)
        {
            return new TokenRequest(all, ctx.Length, false);
        }

        var cut = total - max;
        return new TokenRequest(all[cut..], ctx.Length - cut, true);
    }

    private int[] Encode(int[] prefix, string text) => [.. prefix, .. _tokenizer.Encode(text)];
}
