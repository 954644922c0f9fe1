using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moa.Evaluation.Independence;

/// <summary>A tensor of the candidate paired with one of the reference: by name, or (when renamed) by shape and order.</summary>
public sealed record TensorMatch(string Name, string ReferenceName, string Shape, bool Matrix, bool ByName, double Cosine);

/// <summary>Vocabulary and merge overlap of two tokenizers.</summary>
/// <param name="VocabularyCandidate">Distinct tokens of the candidate's tokenizer.</param>
/// <param name="VocabularyReference">Distinct tokens of the reference's tokenizer.</param>
/// <param name="SharedTokens">Tokens in both vocabularies.</param>
/// <param name="Jaccard">Shared tokens over tokens in either.</param>
/// <param name="SameIdShare">Share of the shared tokens that have the same id in both (a copied tokenizer keeps ids).</param>
/// <param name="SharedMerges">BPE merges in both.</param>
/// <param name="MergeJaccard">Shared merges over merges in either (0 without merges).</param>
public sealed record TokenizerOverlap(int VocabularyCandidate, int VocabularyReference, int SharedTokens, double Jaccard, double SameIdShare, int SharedMerges, double MergeJaccard);

/// <summary>The candidate compared with one registered checkpoint, with the verdict of the rule in <see cref="IndependenceAudit"/>.</summary>
public sealed record AuditComparison(
    string Reference,
    int TensorsCandidate,
    int TensorsReference,
    int SharedNames,
    int Paired,
    int MatricesCompared,
    int MatricesSimilar,
    double MedianCosine,
    double MaxCosine,
    bool WeightsDerived,
    bool TokenizerShared,
    TokenizerOverlap? Tokenizer,
    IReadOnlyList<TensorMatch> Tensors);

/// <summary>The audit of a candidate against the registry: every comparison and the overall verdict.</summary>
public sealed record AuditReport(string Candidate, string Verdict, string Reason, IReadOnlyList<AuditComparison> Comparisons)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The report as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, s_json);
}

/// <summary>
/// The independence (독자성) audit: a released checkpoint is compared with every registered open checkpoint. The rule:
/// a tensor pair is <b>similar</b> when the cosine of the two tensors (exact up to <see cref="CheckpointFingerprint.SketchSize"/>
/// elements, otherwise of their fixed random projections) is at least <see cref="SimilarCosine"/>; only matrices (2 or more
/// dimensions) count, because norms and biases start from the same constants in every model. The weights are
/// <b>derived</b> from a reference when at least <see cref="DerivedShare"/> of the paired matrices are similar. The
/// tokenizer is <b>shared</b> when the vocabulary Jaccard is at least <see cref="SharedVocabulary"/>. Verdicts:
/// <c>derived</c> (weights derived from some reference), <c>tokenizer-shared</c> (only the tokenizer), <c>independent</c>.
/// </summary>
public static class IndependenceAudit
{
    /// <summary>Cosine from which a tensor pair counts as similar. Independent initialisations give |cos| near 0 (±1/√1024 ≈ 0.03 for sketches).</summary>
    public const double SimilarCosine = 0.5;

    /// <summary>Share of similar matrices from which the weights count as derived.</summary>
    public const double DerivedShare = 0.25;

    /// <summary>Vocabulary Jaccard from which the tokenizer counts as shared.</summary>
    public const double SharedVocabulary = 0.9;

    /// <summary>Compares <paramref name="candidate"/> with every reference.</summary>
    /// <exception cref="MoaException">A reference was fingerprinted with another sketch size or seed.</exception>
    public static AuditReport Run(CheckpointFingerprint candidate, IReadOnlyList<CheckpointFingerprint> references)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(references);
        var comparisons = references.Select(r => Compare(candidate, r)).ToList();
        var derived = comparisons.Where(c => c.WeightsDerived).OrderByDescending(c => (double)c.MatricesSimilar / c.MatricesCompared).ToList();
        var tokenizer = comparisons.Where(c => c.TokenizerShared).ToList();
        string verdict, reason;
        if (derived.Count > 0)
        {
            var d = derived[0];
            verdict = "derived";
            reason = string.Create(CultureInfo.InvariantCulture, $"{d.MatricesSimilar} of {d.MatricesCompared} weight matrices have cosine >= {SimilarCosine} with {d.Reference} (median {d.MedianCosine:0.000})");
        }
        else if (tokenizer.Count > 0)
        {
            verdict = "tokenizer-shared";
            reason = string.Create(CultureInfo.InvariantCulture, $"weights independent of every registered checkpoint, but the tokenizer vocabulary matches {tokenizer[0].Reference} (Jaccard {tokenizer[0].Tokenizer!.Jaccard:0.000})");
        }
        else
        {
            verdict = "independent";
            reason = references.Count == 0 ? "no checkpoint is registered to compare with" : $"no weights or tokenizer match any of {references.Count} registered checkpoint(s)";
        }

        return new AuditReport(candidate.Name, verdict, reason, comparisons);
    }

    /// <summary>Compares two fingerprints: tensors paired by name, then the rest by shape and order; tokenizers by vocabulary and merges.</summary>
    public static AuditComparison Compare(CheckpointFingerprint candidate, CheckpointFingerprint reference)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(reference);
        if (candidate.SketchSize != reference.SketchSize || candidate.Seed != reference.Seed)
        {
            throw new MoaException($"{reference.Name}: fingerprinted with sketch size {reference.SketchSize} and seed {reference.Seed}, the candidate with {candidate.SketchSize} and {candidate.Seed}; fingerprint both with the same settings.");
        }

        var refByName = reference.Tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var matches = new List<TensorMatch>();
        var leftCandidate = new List<TensorFingerprint>();
        var usedReference = new HashSet<string>(StringComparer.Ordinal);
        var sharedNames = 0;
        foreach (var t in candidate.Tensors)
        {
            if (refByName.TryGetValue(t.Name, out var r))
            {
                sharedNames++;
                usedReference.Add(r.Name);
                if (t.Shape.SequenceEqual(r.Shape) && t.Sketch is not null && r.Sketch is not null)
                {
                    matches.Add(new TensorMatch(t.Name, r.Name, t.ShapeText, t.IsMatrix, true, Cosine(t, r)));
                }
            }
            else
            {
                leftCandidate.Add(t);
            }
        }

        // Renamed tensors: pair the k-th remaining tensor of a shape with the reference's k-th remaining tensor of that shape.
        var refByShape = reference.Tensors.Where(r => !usedReference.Contains(r.Name) && r.Sketch is not null).GroupBy(r => r.ShapeText).ToDictionary(g => g.Key, g => new Queue<TensorFingerprint>(g));
        foreach (var t in leftCandidate.Where(t => t.Sketch is not null))
        {
            if (refByShape.TryGetValue(t.ShapeText, out var q) && q.TryDequeue(out var r))
            {
                matches.Add(new TensorMatch(t.Name, r.Name, t.ShapeText, t.IsMatrix, false, Cosine(t, r)));
            }
        }

        var matrices = matches.Where(m => m.Matrix).ToList();
        var similar = matrices.Count(m => m.Cosine >= SimilarCosine);
        var cosines = matrices.Select(m => m.Cosine).Order().ToList();
        var tokenizer = candidate.Tokenizer is { } a && reference.Tokenizer is { } b ? Overlap(a, b) : null;
        return new AuditComparison(
            reference.Name,
            candidate.Tensors.Count,
            reference.Tensors.Count,
            sharedNames,
            matches.Count,
            matrices.Count,
            similar,
            cosines.Count == 0 ? double.NaN : cosines[cosines.Count / 2],
            cosines.Count == 0 ? double.NaN : cosines[^1],
            matrices.Count > 0 && similar >= DerivedShare * matrices.Count,
            tokenizer is not null && tokenizer.Jaccard >= SharedVocabulary,
            tokenizer,
            [.. matches.OrderByDescending(m => m.Cosine).ThenBy(m => m.Name, StringComparer.Ordinal)]);
    }

    /// <summary>The cosine of two tensors of one shape from their fingerprints (0 when either is all zeros).</summary>
    public static double Cosine(TensorFingerprint a, TensorFingerprint b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Sketch is null || b.Sketch is null || a.Sketch.Length != b.Sketch.Length)
        {
            return double.NaN;
        }

        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Sketch.Length; i++)
        {
            dot += (double)a.Sketch[i] * b.Sketch[i];
            na += (double)a.Sketch[i] * a.Sketch[i];
            nb += (double)b.Sketch[i] * b.Sketch[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    /// <summary>Vocabulary Jaccard, same-id share and merge Jaccard of two tokenizers.</summary>
    public static TokenizerOverlap Overlap(TokenizerFingerprint a, TokenizerFingerprint b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var idsA = IdsByToken(a);
        var idsB = IdsByToken(b);
        var shared = 0;
        var sameId = 0;
        foreach (var (token, id) in idsA)
        {
            if (idsB.TryGetValue(token, out var other))
            {
                shared++;
                sameId += id == other ? 1 : 0;
            }
        }

        var union = idsA.Count + idsB.Count - shared;
        var mergesA = a.Merges.ToHashSet(StringComparer.Ordinal);
        var mergesB = b.Merges.ToHashSet(StringComparer.Ordinal);
        var sharedMerges = mergesA.Count(mergesB.Contains);
        var mergeUnion = mergesA.Count + mergesB.Count - sharedMerges;
        return new TokenizerOverlap(idsA.Count, idsB.Count, shared, union == 0 ? 0 : (double)shared / union, shared == 0 ? 0 : (double)sameId / shared, sharedMerges, mergeUnion == 0 ? 0 : (double)sharedMerges / mergeUnion);
    }

    private static Dictionary<string, long> IdsByToken(TokenizerFingerprint t)
    {
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < t.Vocabulary.Count; i++)
        {
            ids.TryAdd(t.Vocabulary[i], i < t.Ids.Count ? t.Ids[i] : i);
        }

        return ids;
    }
}
