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

    /// <summary>
    /// Unlabelled Korean texts (<c>--unlabelled</c>, the NSMC reviews): the stem-frequency table, hard negatives and
    /// self-training come from them. Empty: none of the three.
    /// </summary>
    public IReadOnlyList<string> Unlabelled { get; init; } = [];

    /// <summary>
    /// Use the stem-frequency features (needs <see cref="Unlabelled"/>; off by default: with hard negatives they cost
    /// precision in cross-validation and let common words through).
    /// </summary>
    public bool FrequencyFeatures { get; init; }

    /// <summary>
    /// Hard negatives: a span the first model tags in unlabelled text whose stem occurs at least this often there but is
    /// tagged in at most a fifth of its occurrences (a common word taken for a name in an odd context) is taught as not
    /// a name in a second round. 0: off.
    /// </summary>
    public int HardNegativeMinCount { get; init; } = 5;

    /// <summary>Self-training: at most this many unlabelled sentences whose tagged spans are all confident (score 0.97 or more) are added, their spans as names. 0: off.</summary>
    public int SelfTrainSentences { get; init; } = 3000;

    /// <summary>Margin subtracted from tagged spans without name evidence (<see cref="PersonFeatures.HasEvidence"/>); stored in the model.</summary>
    public float NoEvidenceMargin { get; init; } = 25;

    /// <summary>
    /// Hand-labelled sentences added to every training set (<c>--labelled-extra</c>, such as the NSMC reviews of
    /// <c>Names/Data/person-labelled-nsmc.jsonl</c>, <see cref="PersonEvaluation.ReadLabelledJsonl"/>). They are trained on
    /// like the labelled sentences passed to <see cref="PersonTrainer.Train"/> but never scored, and their texts are left
    /// out of <see cref="Unlabelled"/> (hard negatives and self-training) so they are not used twice.
    /// </summary>
    public IReadOnlyList<NerSentence> LabelledExtra { get; init; } = [];

    /// <summary>Times each sentence of <see cref="LabelledExtra"/> (with its augmented copies) is added: its weight in training.</summary>
    public int LabelledExtraWeight { get; init; } = 1;

    /// <summary>Augmented copies of each extra sentence with a person; null: <see cref="AugmentedCopies"/>.</summary>
    public int? LabelledExtraCopies { get; init; }

    /// <summary>
    /// Percent of the generated Korean names whose given name is one of the training names' own given names (drawn as
    /// often as it occurs there) rather than two syllables of <see cref="NameGazetteer.GivenSyllables"/>: the short list
    /// alone teaches the tagger that a name's syllables must be on it (고병두, 라용팔, 원소리 are not).
    /// </summary>
    public int GivenFromTrainingShare { get; init; } = 50;
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

        if (options.HardNegativeMinCount < 0 || options.SelfTrainSentences < 0 || !float.IsFinite(options.NoEvidenceMargin) || options.NoEvidenceMargin < 0)
        {
            throw new MoaException($"train-person: hard-negative count, self-training sentences and no-evidence margin must be 0 or more (got {options.HardNegativeMinCount}, {options.SelfTrainSentences}, {options.NoEvidenceMargin}).");
        }

        if (options.GivenFromTrainingShare is < 0 or > 100)
        {
            throw new MoaException($"train-person: the share of given names from the training names (--given-from-training) must be 0..100 percent (got {options.GivenFromTrainingShare}).");
        }

        if (options.LabelledExtraWeight is < 1 or > 20 || options.LabelledExtraCopies is < 0 or > 20)
        {
            throw new MoaException($"train-person: the labelled-extra weight must be 1..20 and its copies 0..20 (got {options.LabelledExtraWeight}, {options.LabelledExtraCopies}).");
        }

        options = options with { Unlabelled = UnlabelledPool(options) };
        var counts = options.Unlabelled.Count > 0 ? StemFrequency.Count(options.Unlabelled) : StemFrequency.Empty;
        var frequency = options.FrequencyFeatures ? counts : StemFrequency.Empty;
        var rng = new Random(options.Seed);
        var segments = Labelled(sentences, options, rng, frequency);
        var model = Fit(segments, options.Epochs, rng, frequency, options.NoEvidenceMargin);
        if (options.Unlabelled.Count > 0 && (options.HardNegativeMinCount > 0 || options.SelfTrainSentences > 0))
        {
            segments.AddRange(FromUnlabelled(model, options, counts, frequency));
            model = Fit(segments, options.Epochs, new Random(options.Seed + 1), frequency, options.NoEvidenceMargin);
        }

        return model;
    }

    /// <summary>
    /// The hand-labelled sentences the shipped model is trained with, relative to the repository root: NSMC reviews (CC0)
    /// and KoBEST BoolQ sentences (Korean Wikipedia, CC BY-SA 4.0), both drawn by <c>scripts/nsmc-person-select.py</c>, and
    /// the lines of institutional documents and the news and review sentences written for the project
    /// (<c>scripts/person-docs-train</c>), and the lines of the planted documents of the private-context set's tuning
    /// batches (<c>scripts/person-planted-train.py</c>; never the held-out batch); the default of
    /// <c>--labelled-extra</c>, chosen by cross-validation on the KLUE tuning half and on the tuning batches of the
    /// private-context set (docs/privacy/person-model.md).
    /// </summary>
    public static readonly string[] ShippedLabelledExtra =
    [
        Path.Combine("src", "Moa.Privacy", "Names", "Data", "person-labelled-nsmc.jsonl"),
        Path.Combine("src", "Moa.Privacy", "Names", "Data", "person-labelled-kobest.jsonl"),
        Path.Combine("src", "Moa.Privacy", "Names", "Data", "person-labelled-docs.jsonl"),
        Path.Combine("src", "Moa.Privacy", "Names", "Data", "person-labelled-news.jsonl"),
        Path.Combine("src", "Moa.Privacy", "Names", "Data", "person-labelled-planted.jsonl"),
    ];

    /// <summary>Reads the hand-labelled JSONL files of <c>--labelled-extra</c>, in order, into one list.</summary>
    public static List<NerSentence> ReadLabelledExtra(IEnumerable<string> paths) =>
        [.. paths.SelectMany(p => PersonEvaluation.ReadLabelledJsonl(p, requireIdAndSource: false))];

    /// <summary>Score of a confident tagged span, kept as a name when self-training.</summary>
    private const double ConfidentScore = 0.97;

    /// <summary>
    /// Unlabelled sentences tagged by <paramref name="model"/>: those with a hard negative (its span taught as O) and up
    /// to <see cref="PersonTrainingOptions.SelfTrainSentences"/> whose spans are all confident (taught as names).
    /// A sentence with any other tagged span is left out (its labels would be guesses).
    /// </summary>
    private static List<Segment> FromUnlabelled(PersonModel model, PersonTrainingOptions options, StemFrequency counts, StemFrequency frequency)
    {
        var texts = options.Unlabelled;
        var tagged = new List<TaggedName>[texts.Count];
        var taggedCounts = new Dictionary<ulong, int>();
        for (var i = 0; i < texts.Count; i++)
        {
            tagged[i] = [];
            var list = tagged[i];
            model.Find(texts[i], list);
            foreach (var n in list)
            {
                var h = PersonFeatures.WordHash(texts[i].AsSpan(n.Start, n.End - n.Start));
                taggedCounts[h] = taggedCounts.GetValueOrDefault(h) + 1;
            }
        }

        var result = new List<Segment>();
        var selfTrained = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i];
            var names = new List<(int, int)>();
            var hardNegative = false;
            var unsure = false;
            foreach (var n in tagged[i])
            {
                var h = PersonFeatures.WordHash(text.AsSpan(n.Start, n.End - n.Start));
                var seen = counts.Counts.GetValueOrDefault(h);
                if (options.HardNegativeMinCount > 0 && seen >= options.HardNegativeMinCount && taggedCounts.GetValueOrDefault(h) * 5 <= seen)
                {
                    hardNegative = true;
                }
                else if (Recognizers.Person.ModelScore(n.Margin) >= ConfidentScore)
                {
                    names.Add((n.Start, n.End));
                }
                else
                {
                    unsure = true;
                }
            }

            if (unsure)
            {
                continue;
            }

            if (hardNegative || (names.Count > 0 && selfTrained < options.SelfTrainSentences))
            {
                selfTrained += hardNegative ? 0 : 1;
                AddSegments(text, names, result, frequency);
            }
        }

        return result;
    }

    private static List<Segment> Labelled(IReadOnlyList<NerSentence> sentences, PersonTrainingOptions options, Random rng, StemFrequency frequency)
    {
        var segments = new List<Segment>();

        // Names that are not Korean-shaped (foreign names in Hangul, nicknames) are swapped among themselves.
        var names = sentences.Concat(options.LabelledExtra).SelectMany(s => s.Persons.Select(p => s.Text[p.Start..p.End])).ToList();
        var pool = names.Where(n => n.Length >= 2 && IsHangul(n.Replace(" ", "", StringComparison.Ordinal)) && !IsKoreanShaped(n))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

        // The given names of the training names of a Korean name's shape, as often as they occur.
        var givenPool = options.GivenFromTrainingShare == 0 ? [] : names.Where(n => n.Length == 3 && IsKoreanShaped(n)).Select(n => n[1..]).Order(StringComparer.Ordinal).ToArray();
        var givenShare = givenPool.Length == 0 ? 0 : options.GivenFromTrainingShare;
        void Add(NerSentence s, int copies)
        {
            AddSegments(s.Text, s.Persons, segments, frequency);
            for (var k = 0; k < copies && s.Persons.Count > 0; k++)
            {
                var (text, persons) = Augment(s, pool, givenPool, givenShare, rng);
                if (text is not null)
                {
                    AddSegments(text, persons, segments, frequency);
                }
            }
        }

        foreach (var s in sentences)
        {
            Add(s, options.AugmentedCopies);
        }

        for (var w = 0; w < options.LabelledExtraWeight && options.LabelledExtra.Count > 0; w++)
        {
            foreach (var s in options.LabelledExtra)
            {
                Add(s, options.LabelledExtraCopies ?? options.AugmentedCopies);
            }
        }

        return segments;
    }

    /// <summary>
    /// The unlabelled texts hard negatives and self-training are drawn from: <see cref="PersonTrainingOptions.Unlabelled"/>
    /// without the texts of <see cref="PersonTrainingOptions.LabelledExtra"/> (compared without spaces), which are trained
    /// on with their hand labels and must not come back with the model's own.
    /// </summary>
    internal static IReadOnlyList<string> UnlabelledPool(PersonTrainingOptions options)
    {
        if (options.LabelledExtra.Count == 0 || options.Unlabelled.Count == 0)
        {
            return options.Unlabelled;
        }

        var skip = options.LabelledExtra.Select(s => StemFrequency.Squeeze(s.Text)).ToHashSet(StringComparer.Ordinal);
        return [.. options.Unlabelled.Where(t => !skip.Contains(StemFrequency.Squeeze(t)))];
    }

    /// <summary>The averaged structured perceptron over <paramref name="segments"/>.</summary>
    private static PersonModel Fit(List<Segment> segments, int epochs, Random rng, StemFrequency frequency, float noEvidenceMargin)
    {

        var size = (1 << PersonFeatures.Bits) * PersonModel.Tags;
        var w = new float[size];
        var acc = new double[size];
        var trans = new float[(PersonModel.Tags + 1) * PersonModel.Tags];
        var transAcc = new double[trans.Length];
        var order = Enumerable.Range(0, segments.Count).ToArray();
        var emissions = new float[1024 * PersonModel.Tags];
        var tags = new byte[1024 * (PersonModel.Tags + 1)];
        long step = 1;
        for (var epoch = 0; epoch < epochs; epoch++)
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

        return new PersonModel(w, trans, frequency, noEvidenceMargin);
    }

    /// <summary>Trains on a KLUE-NER file and writes the model; returns the number of sentences used.</summary>
    public static int TrainFile(string kluePath, string outPath, PersonTrainingOptions options, string? unlabelledPath = null)
    {
        var sentences = KlueNer.Read(kluePath);
        Train(sentences, WithUnlabelled(options, unlabelledPath, sentences)).Save(outPath);
        return sentences.Count;
    }

    /// <summary>
    /// <paramref name="options"/> with the texts of an unlabelled JSONL file (none when the path is null), leaving out
    /// any text that is also one of the labelled <paramref name="sentences"/> (KLUE's reviews come from NSMC too).
    /// </summary>
    public static PersonTrainingOptions WithUnlabelled(PersonTrainingOptions options, string? unlabelledPath, IEnumerable<NerSentence> sentences) =>
        unlabelledPath is null ? options : options with { Unlabelled = StemFrequency.ReadTexts(unlabelledPath, sentences.Concat(options.LabelledExtra).Select(s => s.Text)) };

    private static void AddSegments(string text, IReadOnlyList<(int Start, int End)> persons, List<Segment> sink, StemFrequency frequency)
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
            PersonModel.Featurize(span, s, e, feats, frequency);
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

    private static (string? Text, List<(int, int)> Persons) Augment(NerSentence s, string[] pool, string[] givenPool, int givenShare, Random rng)
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
                var surname = NameGazetteer.RandomSurname(rng);
                replacement = string.Concat(surname, givenShare > 0 && rng.Next(100) < givenShare ? givenPool[rng.Next(givenPool.Length)] : NameGazetteer.RandomGiven(rng));
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
