using System.Text.Json;
using Moa.Hub.Accounts;
using Moa.Hub.Agreements;

namespace Moa.Hub.Catalogue;

/// <summary>Tokens of one tokenizer: in all and per provider.</summary>
public sealed record TokenTotal(string Tokenizer, long Total, IReadOnlyDictionary<string, long> ByProvider);

/// <summary>The token counts of an agreement: per tokenizer, summed over the current versions of the datasets it covers.</summary>
public sealed record AgreementTokens(long AgreementId, IReadOnlyList<string> Datasets, IReadOnlyList<TokenTotal> Tokens);

/// <summary>
/// Token counts as <c>moa curate</c> records them in <c>stats.json</c> (<c>tokens</c>: per tokenizer of
/// <c>stats.tokenizers</c>, with <c>by_provider</c>), for dataset pages and per agreement.
/// </summary>
public static class TokenTotals
{
    /// <summary>The tokenizers' totals of a version's statistics, in name order; empty for output without per-tokenizer counts.</summary>
    public static IReadOnlyList<TokenTotal> FromStats(JsonElement stats)
    {
        var list = new List<TokenTotal>();
        if (stats.ValueKind != JsonValueKind.Object || !stats.TryGetProperty("tokens", out var tokens) || tokens.ValueKind != JsonValueKind.Object)
        {
            return list;
        }

        foreach (var t in tokens.EnumerateObject().OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var total = t.Value.TryGetProperty("total", out var tt) && tt.TryGetInt64(out var n) ? n : 0;
            var byProvider = new SortedDictionary<string, long>(StringComparer.Ordinal);
            if (t.Value.TryGetProperty("by_provider", out var bp) && bp.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in bp.EnumerateObject())
                {
                    byProvider[p.Name] = p.Value.TryGetInt64(out var v) ? v : 0;
                }
            }

            list.Add(new TokenTotal(t.Name, total, byProvider));
        }

        return list;
    }

    /// <summary>
    /// The tokens of the datasets an agreement covers (their shown versions), per tokenizer, for whoever may see the
    /// agreement (<see cref="AgreementService.GetAsync"/> decides).
    /// </summary>
    public static async Task<AgreementTokens> ForAgreementAsync(HubUser actor, long agreementId, AgreementService agreements, CatalogueService catalogue)
    {
        ArgumentNullException.ThrowIfNull(agreements);
        ArgumentNullException.ThrowIfNull(catalogue);
        var agreement = await agreements.GetAsync(actor, agreementId).ConfigureAwait(false) ?? throw HubException.NotFound($"agreement {agreementId} does not exist.");
        var sums = new SortedDictionary<string, (long Total, SortedDictionary<string, long> ByProvider)>(StringComparer.Ordinal);
        foreach (var slug in agreement.DatasetSlugs.Order(StringComparer.Ordinal))
        {
            if (await catalogue.GetAsync(slug).ConfigureAwait(false) is not { } detail)
            {
                continue;
            }

            foreach (var t in FromStats(detail.Stats))
            {
                var (total, byProvider) = sums.TryGetValue(t.Tokenizer, out var s) ? s : (0, new SortedDictionary<string, long>(StringComparer.Ordinal));
                foreach (var (p, v) in t.ByProvider)
                {
                    byProvider[p] = byProvider.GetValueOrDefault(p) + v;
                }

                sums[t.Tokenizer] = (total + t.Total, byProvider);
            }
        }

        return new AgreementTokens(agreement.Id, [.. agreement.DatasetSlugs.Order(StringComparer.Ordinal)], [.. sums.Select(s => new TokenTotal(s.Key, s.Value.Total, s.Value.ByProvider))]);
    }
}
