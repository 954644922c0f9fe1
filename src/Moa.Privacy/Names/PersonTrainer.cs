using System.Text;

namespace Moa.Privacy.Names;

/// <summary>How the person tagger is trained (<c>moa pii train-person</c>).</summary>
public sealed record PersonTrainingOptions
{
    /// <summary>Passes over the training sentences.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Extra copies of each sentence with a person, its Korean names swapped for generated ones.</summary>
    public int AugmentedCopies { get; init; } = 4;

    /// <summary>Seed of the shuffling and the generated names: same data and seed give the same model.</summary>
    public int Seed { get; init; } = 20261203;
}

/// <summary>
/// Trains the <see cref="PersonModel"/> with the averaged structured perceptron (Collins 2002): decode each training
/// segment with the current weights and, where the best path differs from the gold one, add the gold path's features
/// and subtract the predicted path's. Training data are character-tagged sentences (<see cref="KlueNer"/>) plus copies
/// in which Korean names are replaced by names generated from <see cref="NameGazetteer"/>.
/// </summary>
public static class PersonTrainer
{
    private sealed record Segment(string Text, int[] Features, byte[] Gold);

    /// <summary>Trains a model on <paramref name="sentences"/>; deterministic for a given seed.</summary>
    internal static PersonModel Train(IReadOnlyList<NerSentence> sentences, PersonTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (options.Epochs is < 1 or > 100 || options.AugmentedCopies is < 0 or > 20)
        {
            throw new MoaException($"train-person: epochs must be 1..100 and augmented copies 0..20 (got {options.Epochs}, {options.AugmentedCopies}).");
        }

        var rng = new Random(options.Seed);
        var segments = new List<Segment>();

        // Names that are not Korean-shaped (foreign names in Hangul, nicknames) are swapped among themselves.
        var pool = sentences.SelectMany(s => s.Persons.Select(p => s.Text[p.Start..p.End]))
            .Where(n => n.Length >= 2 && IsHangul(n.Replace(" ", "", StringComparison.Ordinal)) && !IsKoreanShaped(n))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        foreach (var s in sentences)
        {
            AddSegments(s.Text, s.Persons, segments);
            for (var k = 0; k < options.AugmentedCopies && s.Persons.Count > 0; k++)
            {
                var (text, persons) = Augment(s, pool, rng);
                if (text is not null)
                {
                    AddSegments(text, persons, segments);
                }
            }
        }

        var size = (1 << PersonFeatures.Bits) * PersonModel.Tags;
        var w = new float[size];
        var acc = new double[size];
        var trans = new float[(PersonModel.Tags + 1) * PersonModel.Tags];
        var transAcc = new double[trans.Length];
        var order = Enumerable.Range(0, segments.Count).ToArray();
        var emissions = new float[1024 * PersonModel.Tags];
        var tags = new byte[1024 * (PersonModel.Tags + 1)];
        long step = 1;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            foreach (var index in order)
            {
                var seg = segments[index];
                var n = seg.Text.Length;
                if (emissions.Length < n * PersonModel.Tags)
                {
                    emissions = new float[n * PersonModel.Tags];
                    tags = new byte[n * (PersonModel.Tags + 1)];
                }

                PersonModel.Decode(seg.Text, seg.Features, w, trans, emissions, tags);
                var prevGold = PersonModel.Tags;
                var prevPred = PersonModel.Tags;
                for (var j = 0; j < n; j++)
                {
                    int gold = seg.Gold[j], pred = tags[j];
                    if (gold != pred)
                    {
                        for (var f = j * PersonFeatures.Count; f < (j + 1) * PersonFeatures.Count; f++)
                        {
                            var k = seg.Features[f] * PersonModel.Tags;
                            w[k + gold] += 1;
                            acc[k + gold] += step;
                            w[k + pred] -= 1;
                            acc[k + pred] -= step;
                        }
                    }

                    if (gold != pred || prevGold != prevPred)
                    {
                        trans[(prevGold * PersonModel.Tags) + gold] += 1;
                        transAcc[(prevGold * PersonModel.Tags) + gold] += step;
                        trans[(prevPred * PersonModel.Tags) + pred] -= 1;
                        transAcc[(prevPred * PersonModel.Tags) + pred] -= step;
                    }

                    (prevGold, prevPred) = (gold, pred);
                }

                step++;
            }
        }

        // Averaged weights: w - acc / step (the sum of every intermediate weight vector, divided by their number).
        for (var i = 0; i < size; i++)
        {
            w[i] = (float)(w[i] - (acc[i] / step));
        }

        for (var i = 0; i < trans.Length; i++)
        {
            trans[i] = (float)(trans[i] - (transAcc[i] / step));
        }

        return new PersonModel(w, trans);
    }

    /// <summary>Trains on a KLUE-NER file and writes the model; returns the number of sentences used.</summary>
    public static int TrainFile(string kluePath, string outPath, PersonTrainingOptions options)
    {
        var sentences = KlueNer.Read(kluePath);
        Train(sentences, options).Save(outPath);
        return sentences.Count;
    }

    private static void AddSegments(string text, IReadOnlyList<(int Start, int End)> persons, List<Segment> sink)
    {
        var gold = new byte[text.Length];
        foreach (var (start, end) in persons)
        {
            // Spans the tagger cannot produce (digits, Latin letters, two spaces) stay O rather than teach half a name.
            if (start >= end || PersonModel.SegmentEnd(text, start) < end || !PersonFeatures.IsTagged(text[start]))
            {
                continue;
            }

            gold[start] = PersonModel.B;
            for (var i = start + 1; i < end; i++)
            {
                gold[i] = PersonModel.I;
            }
        }

        var span = text.AsSpan();
        for (var s = 0; s < text.Length; s++)
        {
            if (!PersonFeatures.IsTagged(text[s]))
            {
                continue;
            }

            var e = PersonModel.SegmentEnd(span, s);
            var feats = new int[(e - s) * PersonFeatures.Count];
            PersonModel.Featurize(span, s, e, feats);
            var g = gold[s..e];
            if (g[0] == PersonModel.I)
            {
                g[0] = PersonModel.B;
            }

            sink.Add(new Segment(text[s..e], feats, g));
            s = e - 1;
        }
    }

    /// <summary>
    /// A copy of the sentence with each Korean name (surname alone, or surname + one or two syllables) replaced by a
    /// generated one of the same shape; null when the sentence has no such name.
    /// </summary>
    private static bool IsKoreanShaped(string name) =>
        (name.Length == 1 && NameGazetteer.SurnameRank(name[0]) > 0) || (name.Length == 3 && NameGazetteer.SurnameRank(name[0]) > 0 && IsHangul(name));

    /// <summary>Percent of the non-Korean-shaped names replaced by a generated foreign name rather than another training name (chosen by cross-validation on the tuning half).</summary>
    private const int ForeignShare = 60;

    private static (string? Text, List<(int, int)> Persons) Augment(NerSentence s, string[] pool, Random rng)
    {
        var sb = new StringBuilder(s.Text.Length + 8);
        var persons = new List<(int, int)>();
        var last = 0;
        var changed = false;
        foreach (var (start, end) in s.Persons)
        {
            var name = s.Text.AsSpan(start, end - start);
            string? replacement = null;
            if (name.Length == 1 && NameGazetteer.SurnameRank(name[0]) > 0)
            {
                replacement = NameGazetteer.RandomSurname(rng);
                if (replacement.Length > 1)
                {
                    replacement = replacement[..1];
                }
            }
            else if (name.Length is 3 && NameGazetteer.SurnameRank(name[0]) > 0 && IsHangul(name))
            {
                replacement = string.Concat(NameGazetteer.RandomSurname(rng), NameGazetteer.RandomGiven(rng));
            }
            else if (name.Length >= 2 && IsHangul(name.ToString().Replace(" ", "", StringComparison.Ordinal)))
            {
                replacement = pool.Length == 0 || rng.Next(100) < ForeignShare ? NameGazetteer.RandomForeign(rng) : pool[rng.Next(pool.Length)];
            }

            sb.Append(s.Text, last, start - last);
            var at = sb.Length;
            if (replacement is null)
            {
                sb.Append(name);
            }
            else
            {
                sb.Append(replacement);
                changed = true;
            }

            persons.Add((at, sb.Length));
            last = end;
        }

        sb.Append(s.Text, last, s.Text.Length - last);
        return (changed ? sb.ToString() : null, persons);
    }

    private static bool IsHangul(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!PersonFeatures.IsTagged(c))
            {
                return false;
            }
        }

        return true;
    }
}
