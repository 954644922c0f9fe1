using System.Globalization;
using Moa.Privacy.Analysis;
using Moa.Privacy.Names;
using Xunit.Abstractions;

namespace Moa.Privacy.Tests.EvalSet;

/// <summary>
/// The private-context set by batch (1–12; each batch tuning data once it was scored): the <c>private</c> policy's recall
/// and public rate (<see cref="PrivateContextTests.Score"/>) and the detector's recall and precision under <c>all</c>. A
/// <c>PERSON</c> finding covering no gold person counts against precision; only the KLUE sentences and batch 4's planted
/// documents label every person mention, so the precision of the constructed items of batches 1–3 (real carriers with
/// unlabelled names in them) is a lower bound.
/// </summary>
public class PrivateContextBatchTests(ITestOutputHelper output)
{
    private static readonly Lazy<List<PrivateItem>> s_items = new(() => PrivateContextSet.Load(PrivateContextSet.StoredPath));
    private static readonly PiiAnalyzer s_all = new(null, 0.5, PersonPolicy.All);

    internal sealed record DetectorScore(int Gold, int Hit, int Found, int Correct)
    {
        public double Recall => Gold == 0 ? 1 : (double)Hit / Gold;

        public double Precision => Found == 0 ? 1 : (double)Correct / Found;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"detector gold {Gold} found {Found} recall {Recall:F3} precision {Precision:F3}");
    }

    internal static DetectorScore Detect(IEnumerable<PrivateItem> items, List<string>? errors = null)
    {
        int gold = 0, hit = 0, found = 0, correct = 0;
        foreach (var item in items)
        {
            var persons = s_all.Analyze(item.Text).Where(f => f.Type == PiiTypes.Person).ToList();
            gold += item.Persons.Count;
            hit += item.Persons.Count(p => persons.Any(x => Covers(x, p)));
            found += persons.Count;
            correct += persons.Count(x => item.Persons.Any(p => Covers(x, p)));
            foreach (var x in persons.Where(x => !item.Persons.Any(p => Covers(x, p))))
            {
                errors?.Add($"detector false positive '{item.Text[x.Start..x.End]}' in {item.Id}");
            }
        }

        return new DetectorScore(gold, hit, found, correct);
    }

    private static bool Covers(PiiFinding f, PersonLabel p) => Math.Min(f.End, p.End) - Math.Max(f.Start, p.Start) >= (p.End - p.Start + 1) / 2;

    internal static string PartOf(PrivateItem item) => item.Id.StartsWith("planted", StringComparison.Ordinal) ? "planted" : item.Part;

    /// <summary>
    /// Prints every batch's figures, by part, with every error; asserts the measured level. Batches 4–10 were written blind
    /// and each was scored once while wholly held out, before it became tuning data (docs/privacy/pii.md):
    /// <list type="table">
    /// <item>batch 4, after the private-context round (tuned on 1–3): private recall 0.712, gold spans 0.923, public
    /// replaced 0.350; detector on its planted documents R 0.799 P 0.858, short constructed items 0.633 / 0.809;</item>
    /// <item>batch 5, after the documents round and the NSMC-trained tagger (tuned on 1–4): 0.691, 0.940, 0.364; planted
    /// 0.769 / 0.926, short constructed 0.617 / 0.787;</item>
    /// <item>batch 6, after the batch-5 round (tuned on 1–5): 0.796, 0.980, 0.344; planted 0.806 / 0.870;</item>
    /// <item>batch 7, after the batch-6 round (tuned on 1–6): 0.732, 0.929, 0.284; planted 0.794 / 0.893;</item>
    /// <item>batch 8, after the batch-7 round (tuned on 1–7): 0.788, 0.933, 0.329; planted 0.843 / 0.908;</item>
    /// <item>batches 9 and 10, both written blind during the batch-8 round (rules tuned on 1–8, the tagger retrained with
    /// the round's hand-labelled and written training sets) and scored once after it: batch 9 0.784, 0.960, 0.348,
    /// planted 0.829 / 0.967; batch 10 0.833, 0.975, 0.351, planted 0.852 / 0.929;</item>
    /// <item>batch 11, written blind during the batch-10 round (Latin and romanised names, chat channels; tuned on 1–10)
    /// and scored once after it: 0.770, 0.976, 0.333; planted 0.799 / 0.939;</item>
    /// <item>batch 12, written blind during the Latin-names round (planted documents only; tuned on 1–11) and scored once
    /// after that round and the training round that followed it, the held-out figure now: 0.798, 0.957, 0.667 (20 of 30
    /// public persons replaced); planted 0.843 / 0.958.</item>
    /// <item>batch 13 (tuned on 1–12) 0.910, detector 0.922 / 0.972; batch 14 (tuned on 1–13) 0.895, detector 0.906 /
    /// 0.938; batch 15, written blind during the given-name repeats of record layouts (tuned on 1–14) and scored once
    /// after the speed and handles round: 0.891, 1.000 on gold spans, 19 of 32 public persons replaced; detector 0.894 /
    /// 0.950 (the tree of the round's start gave the same findings on it);</item>
    /// <item>batch 16, written blind during the handles and role-nouns work (tuned on 1–15) and scored once after it, the
    /// figure then: 0.902, 0.993 on gold spans, 26 of 33 public persons replaced; detector 0.912 / 0.952 (0.943 and 0.947 /
    /// 0.953 after the messenger-export round, whose rules were tuned on it);</item>
    /// <item>batch 17, written blind during the messenger-export round (phone and app chat exports, called given names,
    /// rarer lone surnames; tuned on 1–16) and asked to be harder than 13–16, scored once after it: 0.829, 0.983 on gold
    /// spans, 21 of 35 public persons replaced; detector 0.845 / 0.960 (0.867 and 0.880 / 0.962 after the round that was
    /// tuned on it);</item>
    /// <item>batch 18, written blind during the conversations-of-handles round (Latin and once-speaking handles, names
    /// beside identifiers, one-syllable given names before 씨, rarer surnames for the rules, Latin names before kinship
    /// words; tuned on 1–17) and scored once after it: 0.937, 0.979 on gold spans, 17 of 34 public persons replaced;
    /// detector 0.950 / 0.965 (0.941 and 0.954 / 0.973 after the round that was tuned on it);</item>
    /// <item>batch 19, written blind at the end of that round for the next and wired at the end of the next (pipe tables,
    /// handles with digits, English mail, attendance lines, old given names before kinship words, review writers,
    /// nicknames after their labels, foreign residents' names; tuned on 1–18), scored once after it: 0.965, 0.988 on gold
    /// spans, 19 of 31 public persons replaced; detector 0.969 / 0.957 (unchanged by the round that was tuned on it);</item>
    /// <item>batch 20, written blind at the end of that round for a later one and wired at the end of the next (names
    /// repeated from a name found in the same text before words that say who a person is, conversations with times and
    /// numbers, handle columns, small communities in the judge; tuned on 1–19), scored once after it: 0.868, 0.986 on gold
    /// spans, 17 of 32 public persons replaced; detector 0.870 / 0.955 (the round's start tree 0.862; 0.899 and 0.901 /
    /// 0.975 after the work that was tuned on it);</item>
    /// <item>batch 21, written blind at the start of that round and wired at its end (tuned on 1–20), scored once after
    /// it: 0.881, 0.964 on gold spans, 19 of 33 public persons replaced; detector 0.918 / 0.972 (the round's start tree
    /// 0.872 by the analysis script, the round's tree 0.883 by the same script);</item>
    /// <item>batch 22, written blind at the end of that round for a later one and wired at the end of the next (logs as
    /// records for the judge, renderings after any name in Latin letters, Vietnamese names written as one word, person
    /// columns of tables, the tagger trained with the planted documents of batches 4–21; tuned on 1–21), scored once after
    /// it: 0.923, 0.994 on gold spans, 19 of 33 public persons replaced; detector 0.931 / 0.938 (by the analysis script:
    /// the round's start tree 0.896, its rules before the retraining 0.902, the round's tree 0.931);</item>
    /// <item>batch 23, written blind at the start of the same round and wired at its end, after batch 22 was scored and
    /// with no change in between, scored once, the held-out figure now: 0.938, 0.998 on gold spans, 31 of 42 public
    /// persons replaced; detector 0.945 / 0.940 (by the analysis script: the round's start tree 0.923, its rules before
    /// the retraining 0.931, the round's tree 0.940);</item>
    /// <item>batch 24, written blind at the end of that round for a later one and wired at the end of the next (English in
    /// replies, chats and class groups, names in Latin letters in rosters, with diacritics and in text without Hangul,
    /// speakers by relation, the tagger trained with the planted documents of batches 4–22; tuned on 1–23), scored once
    /// after it, the held-out figure now: 0.867, 1.000 on gold spans, 20 of 35 public persons replaced; detector 0.872 /
    /// 0.948 (by the analysis script: the round's start tree 0.849, its English rules alone 0.849, the round's tree
    /// 0.873);</item>
    /// <item>batch 25, written blind at the start of the same round and wired at its end, after batch 24 was scored and
    /// the rules tuned on it too (handles, airline names, letter-spaced forms, residents' forms of address, WhatsApp
    /// exports), scored once, the held-out figure now: 0.914, 1.000 on gold spans, 22 of 38 public persons replaced;
    /// detector 0.910 / 0.962 (by the analysis script: the round's start tree 0.913, the tree that scored batch 24
    /// 0.916, the round's tree 0.916: the round's rules barely reach a new batch);</item>
    /// <item>batch 26, written blind at the end of that round for a later one and wired at the start of the next, scored
    /// once with that round's final tree before any change, the held-out figure now: 0.905, 0.998 on gold spans, 28 of 40
    /// public persons replaced; detector 0.901 / 0.957;</item>
    /// <item>batch 27, written blind at the start of that round and wired at its end, after the rules were tuned on
    /// batches 1–26 (names romanised with a hyphen, full Latin names as speakers and their given names alone, other names
    /// in brackets), scored once, the held-out figure now: 0.918, 1.000 on gold spans, 22 of 36 public persons replaced;
    /// detector 0.921 / 0.973 (by the analysis script: the round's start tree 0.912, the round's tree 0.919);</item>
    /// <item>batch 28, written blind at the end of that round and wired in the same session after the rules were tuned on
    /// batch 27 too (Telegram and dash-header speakers, names in Chinese characters, Latin names of several words in
    /// brackets), scored once, the held-out figure now: 0.952, 0.996 on gold spans, 26 of 45 public persons replaced;
    /// detector 0.952 / 0.981 (by the analysis script: the session's start tree 0.945, the tree that scored batch 27
    /// 0.952, the final tree 0.952);</item>
    /// <item>batch 29, written blind at the end of that round for the next one and wired at the end of the next, after the
    /// rules were tuned on batches 1–28 (capitals that stand for persons, bracketed column notes, names in capitals, handles
    /// before a real name, one-syllable foreign names, fewer labels taken for names), scored once, the held-out figure:
    /// 0.884, 0.988 on gold spans, 20 of 35 public persons replaced; detector 0.897 / 0.973 (by the analysis script: the
    /// session's start tree 0.884 too: the round's rules found none of its misses). Rules tuned on it afterwards (쌤 after
    /// a name, English-time workspace headers, no capital glued after Hangul) moved it to 0.902, detector 0.914 / 0.977.</item>
    /// <item>batch 31, written blind at the start of the round that scored batch 30 for a later one and wired at the end of
    /// the next, after the rules were tuned on batches 1–30 (known foreign people, groups and characters, unlisted family
    /// names after a foreign given name), scored once, the held-out figure: 0.884, 0.995 on gold spans, 26 of 43 public
    /// persons replaced; detector 0.896 / 0.982 (by the analysis script: the session's start tree the same). Rules tuned on
    /// it afterwards (residents' languages, export display names, comment writers, handles after their labels, other names
    /// in brackets after a Latin name) moved it to 0.928, detector 0.936 / 0.982.</item>
    /// <item>batch 32, written blind by a helper and committed unread a round earlier, wired at the end of the round that
    /// tuned the rules on batches 1–31 (those rules), scored once, the held-out figure:
    /// 0.942, 0.983 on gold spans, 17 of 41 public persons replaced; detector 0.955 / 0.979 (by the analysis script: the
    /// session's start tree the same, 25 detector misses each: the round's rules found none of its misses). A second round
    /// tuned on it in the same session (parents as a relation, chat blocks, game handle columns, names a sentence says
    /// someone is called by) moved it to 0.967, detector 0.972 / 0.979.</item>
    /// <item>batch 33, written blind by a helper at the start of that session and committed unread, wired at its end after
    /// the second round (tuned on batches 1–32), scored once, the held-out figure: 0.972, 0.998 on gold spans, 31 of 47
    /// public persons replaced; detector 0.971 / 0.958 (by the analysis script: 17 detector misses, the session's start
    /// tree 24).</item>
    /// <item>batch 34, written blind by a helper at the end of that session and committed unread, wired at the end of the
    /// next round (speakers in brackets with a title, ranks and places that are no names, words of technical writing,
    /// Chinese titles; tuned on batches 1–33), scored once, the held-out figure: 0.867, 0.986 on gold spans, 23 of 41
    /// public persons replaced; detector 0.883 / 0.920 (by the analysis script: 51 detector misses, the session's start
    /// tree the same). A rule pass tuned on it afterwards (a game's chat log: the channel in brackets after the time,
    /// handles with an underscore tail or a decoration) moved it to 0.890, detector 0.904 / 0.920.</item>
    /// <item>batch 35, written blind by a helper at the start of that session and committed unread, wired at its end after
    /// the rule pass tuned on batch 34, scored once, the held-out figure: 0.885, 0.984 on gold spans, 24 of 46 public
    /// persons replaced; detector 0.885 / 0.956 (by the analysis script: 64 detector misses, the session's start tree the
    /// same).</item>
    /// <item>batch 36, written blind by a helper in that session and committed unread, wired at its end after a pass tuned
    /// on batch 35 (Discord and LINE exports, Chinese family chat headers), scored once, the held-out figure: 0.893, 0.975
    /// on gold spans, 17 of 43 public persons replaced; detector 0.906 / 0.960 (by the analysis script: 49 detector misses,
    /// the session's start tree 54). A pass tuned on it afterwards (Chinese names with their Mandarin reading in brackets)
    /// moved it to 0.900, detector 0.916 / 0.960.</item>
    /// <item>batch 37, written blind by a helper in that session and committed unread, wired at its end after the pass
    /// tuned on batch 36, scored once, the held-out figure: 0.872, 0.995 on gold spans, 21 of 44 public persons replaced;
    /// detector 0.878 / 0.980 (by the analysis script: 71 detector misses, the session's start tree the same). A pass tuned
    /// on it afterwards (names in Thai and Cyrillic letters with their reading, rarer surnames, speakers with roles in
    /// brackets, lists in table cells, chats read as records) moved it to 0.963, detector 0.962 / 0.982.</item>
    /// <item>batch 38, written blind by two helpers at the start of the next session and committed unread, wired after the
    /// pass tuned on batch 37, scored once, the held-out figure: 0.938, 0.998 on gold spans, 25 of 45 public persons
    /// replaced; detector 0.938 / 0.975 (by the analysis script: 34 detector misses, the session's start tree 35). A pass
    /// tuned on it afterwards (handles joining Latin letters and Hangul, the familiar 이, bots, names people are called by,
    /// foreign names before a title) moved it to 0.955, detector 0.954 / 0.993.</item>
    /// <item>batch 39, written blind by two helpers in that session and committed unread, wired at its end after the pass
    /// tuned on batch 38, scored once, the held-out figure: 0.922, 0.990 on gold spans, 22 of 50 public persons replaced;
    /// detector 0.920 / 0.980 (by the analysis script: 42 detector misses, the session's start tree 43). A pass tuned on it
    /// afterwards (parents' and siblings' handles under a post, board tags, teams before a title) moved it to 0.927,
    /// detector 0.925 / 0.997.</item>
    /// <item>batch 40, written blind by two helpers in that session and committed unread, wired at its end after the pass
    /// tuned on batch 39, scored once, the held-out figure: 0.926, 0.990 on gold spans, 28 of 50 public persons replaced;
    /// detector 0.928 / 0.986 (by the analysis script: 37 detector misses, the session's start tree 43). A pass tuned on it
    /// afterwards (names in Myanmar, Khmer, Arabic and Devanagari letters with their reading, press surnames apart from 모)
    /// moved it to 0.938, detector 0.939 / 0.995.</item>
    /// <item>batch 41, written blind by two helpers in that session and committed unread, wired at its end after the pass
    /// tuned on batch 40, scored once, the held-out figure: 0.926, 1.000 on gold spans, 29 of 46 public persons replaced;
    /// detector 0.930 / 0.986 (by the analysis script: 43 detector misses, the session's start tree 45). A pass tuned on it
    /// in the next session (game chat channels, kin handles in an export's slot, Hangul mentions, Japanese names with their
    /// reading, baptismal names) moved it to 0.960, detector 0.962 / 0.998.</item>
    /// <item>batch 42, written blind by two helpers at the end of that session and committed unread, wired in the next after
    /// the pass tuned on batch 41, scored once, the held-out figure: 0.910, 0.979 on gold spans, 25 of 47 public persons
    /// replaced; detector 0.920 / 0.980 (by the analysis script: 41 detector misses, the session's start tree 41). A pass
    /// tuned on it afterwards (a chat's speakers private wherever the chat names them, Mandarin readings longer than the
    /// name, Japanese and Chinese display names, WhatsApp exports of Korean phones) moved it to 0.938, detector 0.938 / 0.993.</item>
    /// <item>batch 43, written blind by two helpers at the start of that session and committed unread, wired after the pass
    /// tuned on batch 42, scored once, the held-out figure: 0.944, 0.998 on gold spans, 23 of 42 public persons replaced;
    /// detector 0.948 / 0.977 (by the analysis script: 28 detector misses, the session's start tree 28: the two passes
    /// of that session found none of its misses). A pass tuned on it afterwards (a relation with a name in brackets,
    /// in-laws, self-introductions, English closings with the name on one line, a name before a bracketed time) moved it
    /// to 0.960, detector 0.962 / 0.978.</item>
    /// <item>batch 44, written blind by two helpers in that session and committed unread, wired after the pass tuned on
    /// batch 43, scored once, the held-out figure: 0.943, 0.997 on gold spans, 22 of 45 public persons replaced; detector
    /// 0.945 / 0.957 (by the analysis script: 32 detector misses, the session's start tree 32; the policy found two more
    /// private persons than the start tree's). A pass tuned on it afterwards (Chinese names in Hangul with their
    /// characters, a Latin name's name in characters, Japanese chats copied with the time, titles after a sender's label)
    /// moved it to 0.965, detector 0.966 / 0.981.</item>
    /// <item>batch 45, written blind by two helpers in that session and committed unread, wired after the pass tuned on
    /// batch 44, scored once, the held-out figure: 0.939, 0.998 on gold spans, 21 of 45 public persons replaced; detector
    /// 0.944 / 0.966 (by the analysis script: 35 detector misses, the session's start tree 37). A pass tuned on it
    /// afterwards (boards copied with a bar after each comment's writer, handles keeping a relation's syllables, two
    /// syllables in an export's slot, self-introductions after a unit's number) moved it to 0.961, detector 0.964 / 0.987.</item>
    /// <item>batch 46, written blind by two helpers in that session and committed unread, wired after the pass tuned on
    /// batch 45, scored once, the held-out figure: 0.968, 0.993 on gold spans, 21 of 41 public persons replaced; detector
    /// 0.971 / 0.939 (by the analysis script: 15 detector misses, the session's start tree 19; 41 false spans on both). A
    /// pass tuned on it afterwards (a message log's directions are no speakers, ledger words are common words) moved its
    /// detector precision to 0.973.</item>
    /// <item>batch 47, written blind by two helpers in that session and committed unread, wired after the pass tuned on
    /// batch 46, scored once, the held-out figure: 0.952, 0.981 on gold spans, 25 of 46 public persons replaced; detector
    /// 0.965 / 0.978 (by the analysis script: 17 detector misses, the session's start tree 18). A pass tuned on it
    /// afterwards (Telegram copied with the talk on the line, 안타깝게 no word of sport) moved it to 0.961, detector
    /// 0.968 / 0.985.</item>
    /// <item>batch 48, written blind by two helpers in that session and committed unread, wired after the pass tuned on
    /// batch 47, scored once, the held-out figure: 0.934, 0.993 on gold spans, 15 of 40 public persons replaced; detector
    /// 0.943 / 0.982 (by the analysis script: 34 detector misses against the session's start tree's 30: one Discord chat
    /// whose speakers all have handles of five syllables or more is lost, since a handle now keeps 장인; the policy found
    /// four private persons more).</item>
    /// <item>batch 30, written blind at the start of that round for the next one and wired at the end of the next, after
    /// the rules were tuned on batches 1–29 (surnames glued to an office, consonant initials, names in Cyrillic letters,
    /// given names inside English sentences, plain handles of workspace headers), scored once, the held-out figure: 0.960,
    /// 0.993 on gold spans, 21 of 38 public persons replaced; detector 0.965 / 0.954 (by the analysis script: the session's
    /// start tree 0.954). Rules tuned on it afterwards (messenger nicknames that are common words or end with a title,
    /// Chinese-character names before 씨/님, Vietnamese names of four words, @ before a romanised Korean name, dated
    /// message logs by a name) moved it to 0.974, detector 0.979 / 0.955, and batch 29 to 0.927.</item>
    /// </list>
    /// The foreign-name gazetteer round (2^20 buckets, the gazetteer feature, Chinese-character names in brackets, the
    /// list of name-shaped common words; tuned on the KLUE tuning half, not on these batches) moved private recall by
    /// −0.006..+0.014 (batch 9 0.820 → 0.834, 10 0.873 → 0.879, 11 0.770 → 0.767, 7 0.897 → 0.891) and the share of
    /// public persons replaced by up to +0.014; the rows are at the new levels. The press-title round (surnames alone and
    /// full names before press titles, foreign names of two or three words joined, 18 common words out of the gazetteer;
    /// tuned on the KLUE tuning half only) moved them by −0.009..+0.003: private recall batch 4 0.916, 5 0.862, 6 0.943,
    /// 7 0.894, 8 0.891, 9 0.832, 10 0.879, 11 0.758 (was 0.767); detector recall batch 1 0.959, 2 0.967, 3 0.959, 6
    /// 0.954, 9 0.868 (one-syllable names now need a surname before a title); public share replaced batch 4 0.416;
    /// planted recall batch 4 0.939. Rows 1, 2, 3, 4, 6, 9 and 11 are at the new levels. The known-names round (whole
    /// names of known people as a fourth gazetteer kind, 65 more common words; tuned on the KLUE tuning half and the
    /// genre documents, not on these batches) moved private recall by −0.020..+0.008: batch 5 0.862 → 0.842, 7 0.894 →
    /// 0.888, 8 0.891 → 0.888, 9 0.832 → 0.822, 6 0.943 → 0.951, 11 0.758 → 0.761; detector recall batch 5 0.910 →
    /// 0.896. Rows 5, 7, 8 and 9 are at the new levels. The Latin-names round (names in Latin letters known by a list of
    /// name words, batch 11's misses looked at, so batch 11 is tuning data now; then a single listed given name before a
    /// title or a bracket, speakers in Latin letters, and no field value of several words without a name word) moved
    /// private recall batch 11 0.761 → 0.845, 10 0.879 → 0.907, 9 0.822 → 0.844, 7 0.888 → 0.900, 8 0.888 → 0.906, 6
    /// 0.951 → 0.955, 4 0.916 → 0.923; detector recall batch 11 0.813 → 0.883, 10 0.909 → 0.935, 9 0.864 → 0.883; rows 4
    /// and 6–11 are at the new levels.
    /// With the training round that followed (200 more written documents, 1,600 written news and review sentences)
    /// private recall moved batch 4 0.923 → 0.947, 5 0.842 → 0.855, 8 0.906 → 0.924, 10 0.907 → 0.915, 11 0.845 → 0.855.
    /// Since the planted-training round the lines of batches 4–21 are training sentences of the tagger
    /// (<c>person-labelled-planted.jsonl</c>): their rows measure fit, not generalisation; the public persons the retrained
    /// tagger finds in them raised the share replaced (batch 7 0.39 → 0.40, 10 0.38 → 0.40, 12 0.77 → 0.80, 17 0.61 →
    /// 0.66, 18 0.53 → 0.56, 19 0.62 → 0.68, 20 0.54 → 0.63), and those rows are at the new levels.
    /// The rows for batches 1–11 are tuning data (the figures after the rules and the tagger were changed on them);
    /// batch 12's row is the held-out measurement. A zero bound is not asserted (batches 1–3 hold no planted documents).
    /// </summary>
    [Theory]
    // Batches 1-3 fell by 0.01-0.02 (from 0.988 / 0.981 / 0.976) with the NSMC-trained tagger: names of short
    // constructed lines it no longer finds (docs/privacy/person-model.md). Batch 1's public share 0.20 -> 0.21 when names
    // in Latin letters were read in text without Hangul: a paper's English byline (four authors) is found and judged private.
    [InlineData(1, 0.98, 0.21, 0.95, 0.99, 0, 0)]
    [InlineData(2, 0.98, 0.27, 0.96, 0.99, 0, 0)]
    [InlineData(3, 0.97, 0.25, 0.95, 0.97, 0, 0)]
    [InlineData(4, 0.95, 0.43, 0.95, 0.99, 0.96, 0.94)]
    [InlineData(5, 0.88, 0.41, 0.91, 0.97, 0.91, 0.96)]
    // (Batch 6's public ceiling raised 0.39 → 0.40 by pass 46: a reader's letter signed 조병태 (68·경기 부천시) lost its
    // only public evidence, 경기 read as sport, when 경기 before a city became the province.)
    [InlineData(6, 0.97, 0.40, 0.97, 0.99, 0.98, 0.92)]
    [InlineData(7, 0.94, 0.40, 0.96, 0.97, 0.96, 0.93)]
    [InlineData(8, 0.96, 0.35, 0.97, 0.97, 0.98, 0.94)]
    [InlineData(9, 0.90, 0.44, 0.91, 0.98, 0.92, 0.96)]
    [InlineData(10, 0.94, 0.40, 0.95, 0.98, 0.95, 0.92)]
    // (Public ceiling 0.43 -> 0.44 in the twenty-third pass: a foundation's chair addressed as 이사장님 in a letter is no
    // longer judged public by the title, one of the 49 persons that pass made private across batches 1-58 against 5
    // public ones.)
    [InlineData(11, 0.88, 0.44, 0.90, 0.98, 0.90, 0.95)]
    // Batch 12's planted precision went 0.950 -> 0.948 with the handles before a name in brackets (한글 병기(박명자) read
    // as a handle); that pass and the transcript speakers' handles found 17 more mentions on batches 4-14.
    [InlineData(12, 0.84, 0.80, 0.86, 0.98, 0.86, 0.94)]
    [InlineData(13, 0.92, 0.49, 0.92, 0.99, 0.92, 0.97)]
    // (Batch 14's public ceiling 0.66 -> 0.69 with a surname alone before 반장: a detectives' squad leader in a police
    // canvass log, 윤 반장님, is now found and, with no public life in the log, replaced.)
    [InlineData(14, 0.89, 0.69, 0.90, 0.98, 0.90, 0.93)]
    [InlineData(15, 0.89, 0.60, 0.89, 0.99, 0.89, 0.94)]
    [InlineData(16, 0.90, 0.79, 0.91, 0.99, 0.90, 0.95)]
    // Batch 17 was asked to be harder than 13-16 (case notes in prose, chats by handles and given names alone, rare
    // surnames alone before titles, foreign residents' names); scored once, after the messenger-export round.
    [InlineData(17, 0.82, 0.66, 0.84, 0.98, 0.82, 0.95)]
    // Batch 18, written blind during the conversations-of-handles round (tuned on 1-17), scored once after it. One more
    // public person replaced (18 of 34) since the small-community judge, which batches 1-19 were tuned with.
    [InlineData(18, 0.93, 0.56, 0.94, 0.97, 0.93, 0.96)]
    // Batch 19, written blind at the end of the conversations-of-handles round and wired at the end of the next (tuned on
    // 1-18), scored once after it.
    [InlineData(19, 0.96, 0.68, 0.96, 0.98, 0.96, 0.95)]
    // Batch 20, written blind at the end of the layouts round and wired at the end of the next (tuned on 1-19), scored once
    // after it.
    [InlineData(20, 0.86, 0.63, 0.86, 0.98, 0.86, 0.95)]
    // Batch 21, written blind at the start of the community round and wired at its end (tuned on 1-20), scored once after
    // it.
    [InlineData(21, 0.88, 0.58, 0.91, 0.96, 0.91, 0.97)]
    // Batch 22, written blind at the end of the community round for a later one and wired at the end of the next (tuned
    // on 1-21, the tagger trained with the planted documents of 4-21), scored once after it.
    [InlineData(22, 0.92, 0.61, 0.93, 0.99, 0.93, 0.93)]
    // Batch 23, written blind at the start of the planted-training round and wired at its end, after batch 22 was scored
    // and with no change in between, scored once.
    [InlineData(23, 0.93, 0.74, 0.94, 0.99, 0.94, 0.93)]
    // Batch 24, written blind at the end of the planted-training round for a later one and wired at the end of the next
    // (tuned on 1-23, the tagger trained with the planted documents of 4-22), scored once after it.
    [InlineData(24, 0.86, 0.58, 0.87, 0.99, 0.86, 0.94)]
    // Batch 25, written blind at the start of the round that scored batch 24 and wired at its end (tuned on 1-24), scored
    // once.
    [InlineData(25, 0.91, 0.58, 0.90, 0.99, 0.90, 0.96)]
    // Batch 26, written blind at the end of the round that scored batches 24 and 25 for a later one, wired at the start of
    // the next and scored once with that round's final tree, before any change.
    [InlineData(26, 0.90, 0.70, 0.90, 0.99, 0.90, 0.95)]
    // Batch 27, written blind at the start of the round that scored batch 26 and wired at its end (tuned on 1-26), scored
    // once.
    [InlineData(27, 0.91, 0.62, 0.92, 0.99, 0.92, 0.97)]
    // Batch 28, written blind at the end of the round that scored batches 26 and 27 and wired in the same session after
    // tuning on 27 (tuned on 1-27), scored once.
    // (Public rate 0.58 -> 0.63 when known foreign names were found by a rule: a pianist's name on a recital programme
    // that lists an account holder, missed before, is now found and judged private with the document.)
    [InlineData(28, 0.95, 0.63, 0.95, 0.99, 0.95, 0.98)]
    // Batch 29, written blind at the end of the round that scored batch 28 for the next one, wired at the end of the next
    // after tuning on 1-28, scored once (0.884); one rule round tuned on it since (0.902 now).
    [InlineData(29, 0.88, 0.61, 0.89, 0.98, 0.88, 0.97)]
    // Batch 30, written blind at the start of the round that scored batch 29 for the next one, wired at the end of the
    // next after tuning on 1-29, scored once (0.960; the session's start tree 0.954 by the analysis script); one rule
    // round tuned on it since (0.974 now).
    [InlineData(30, 0.95, 0.58, 0.96, 0.99, 0.96, 0.95)]
    // Batch 31, written blind at the start of the round that scored batch 30 for a later one, wired at the end of the next
    // after tuning on 1-30, scored once (0.884; the session's start tree the same by the analysis script).
    // One rule round tuned on it since (0.928 now).
    [InlineData(31, 0.92, 0.61, 0.93, 0.99, 0.93, 0.98)]
    // Batch 32, written blind and committed unread a round earlier, wired at the end of the round that tuned on 1-31,
    // scored once (0.942; the session's start tree the same by the analysis script).
    // A second round tuned on it since (0.967 now).
    [InlineData(32, 0.96, 0.42, 0.97, 0.98, 0.97, 0.97)]
    // Batch 33, written blind at the start of the session that scored batch 32 and committed unread, wired at the end of
    // that session's second round (tuned on 1-32), scored once (0.972; 17 detector misses, the session's start tree 24).
    // (Public rate 0.702 since the thirteenth pass: a reading club's record names its book's character 미루 twice more.)
    [InlineData(33, 0.97, 0.71, 0.97, 0.99, 0.97, 0.95)]
    // Batch 34, written blind at the end of the session that scored batches 32 and 33 and committed unread, wired at the
    // end of the next round (tuned on 1-33), scored once (0.867; 51 detector misses by the analysis script, the session's
    // start tree the same: the round's rules found none of them). One rule pass tuned on it since (game chat logs: 0.890 now).
    [InlineData(34, 0.88, 0.57, 0.90, 0.98, 0.90, 0.91)]
    // Batch 35, written blind at the start of the session that scored batch 34 and committed unread, wired at its end
    // after the rule pass tuned on batch 34, scored once (0.885; 64 detector misses by the analysis script, the session's
    // start tree the same).
    // (Public rate 0.543 since the fourteenth pass: chats copied with the time after the name are records, where a
    // public figure named in passing is replaced too.)
    [InlineData(35, 0.88, 0.55, 0.88, 0.98, 0.88, 0.95)]
    // Batch 36, written blind in the session that scored batches 34 and 35 and committed unread, wired at its end after a
    // pass tuned on batch 35, scored once (0.893; 49 detector misses by the analysis script, the session's start tree 54).
    // One pass tuned on it since (Chinese names with their Mandarin reading: 0.900 now).
    [InlineData(36, 0.89, 0.47, 0.91, 0.97, 0.91, 0.95)]
    // Batch 37, written blind in the session that scored batches 34 to 36 and committed unread, wired at its end after a
    // pass tuned on batch 36, scored once (0.872; 71 detector misses by the analysis script, the session's start tree the
    // same). One pass tuned on it since (names in Thai and Cyrillic letters with their Hangul reading, rarer surnames,
    // roles in brackets after a speaker, lists in a table's cell, chat lines opening with a bracketed time: 0.963 now;
    // chats read as records replace a few more public persons).
    [InlineData(37, 0.96, 0.51, 0.96, 0.99, 0.96, 0.98)]
    // Batch 38, written blind by two helpers at the start of the session that tuned on batch 37 and committed unread,
    // wired after that pass, scored once (0.938; 34 detector misses by the analysis script, the session's start tree 35).
    // One pass tuned on it since (handles joining Latin letters and Hangul, the familiar 이, bots, names people are
    // called by: 0.955 now).
    // (Public ceiling 0.56 -> 0.58 in the twenty-third pass: a district head named after his title and a singer on TV had
    // been judged public only by a 사장 inside 감사장, a letter of thanks, and a 교수님 nearby.)
    [InlineData(38, 0.95, 0.58, 0.95, 0.99, 0.95, 0.99)]
    // Batch 39, written blind by two helpers in that session and committed unread, wired at its end after the pass tuned
    // on batch 38, scored once (0.922; 42 detector misses by the analysis script, the session's start tree 43). One pass
    // tuned on it since (parents' and siblings' handles under a post, board tags, teams before a title: 0.927 now).
    [InlineData(39, 0.92, 0.44, 0.92, 0.98, 0.92, 0.99)]
    // Batch 40, written blind by two helpers in that session and committed unread, wired at its end after the pass tuned
    // on batch 39, scored once (0.926; 37 detector misses by the analysis script, the session's start tree 43). One pass
    // tuned on it since (names in Myanmar, Khmer, Arabic and Devanagari letters, press surnames apart from 모: 0.938 now).
    // Public ceiling 0.57 → 0.58 with the pass tuned on batch 67: replies timed with a colon after the clock make a
    // class's reply thread a chat, where three more private persons are now replaced (548 → 551 of 578) and a poet
    // whose work the class reads (public) is no longer judged public (28 → 29 of 50).
    [InlineData(40, 0.93, 0.58, 0.93, 0.98, 0.93, 0.99)]
    // Batch 41, written blind by two helpers in that session and committed unread, wired at its end after the pass tuned
    // on batch 40, scored once (0.926; 43 detector misses by the analysis script, the session's start tree 45). One pass
    // tuned on it since (game chat channels, kin handles, Hangul mentions, Japanese names with their reading: 0.960 now).
    [InlineData(41, 0.96, 0.64, 0.96, 0.99, 0.96, 0.99)]
    // Batch 42, written blind by two helpers in the session before and committed unread, wired in the next after the pass
    // tuned on batch 41, scored once (0.910; 41 detector misses by the analysis script, the session's start tree 41). One
    // pass tuned on it since (a chat's speakers private wherever named, Mandarin readings, WhatsApp on Korean phones: 0.938).
    [InlineData(42, 0.93, 0.54, 0.93, 0.98, 0.93, 0.99)]
    // Batch 43, written blind by two helpers in that session and committed unread, wired after the pass tuned on batch 42,
    // scored once (0.944; 28 detector misses by the analysis script, the session's start tree 28). One pass tuned on it
    // since (relations with a name in brackets, in-laws, self-introductions, English closings: 0.960 now).
    [InlineData(43, 0.95, 0.55, 0.96, 0.99, 0.96, 0.97)]
    // Batch 44, written blind by two helpers in that session and committed unread, wired after the pass tuned on batch 43,
    // scored once (0.943; 32 detector misses by the analysis script, the session's start tree 32). One pass tuned on it
    // since (Chinese names in Hangul with their characters, Japanese chats copied with the time, titles: 0.965 now).
    // (Planted precision floor 0.98 → 0.97 by pass 48: 지향 in 쾌유 지향 자매님, a prayer intention, is read as a name
    // before 자매님; 지향 stays off the common words, since a movie review's 지향이 사건 names a child.)
    [InlineData(44, 0.96, 0.49, 0.96, 0.99, 0.96, 0.97)]
    // Batch 45, written blind by two helpers in that session and committed unread, wired after the pass tuned on batch 44,
    // scored once (0.939; 35 detector misses by the analysis script, the session's start tree 37). One pass tuned on it
    // since (boards with a bar after each writer, handles keeping a relation's syllables, units' self-introductions: 0.961).
    // (Public rate 0.489 since the fourteenth pass, as for batch 35.)
    [InlineData(45, 0.96, 0.49, 0.96, 0.99, 0.96, 0.98)]
    // Batch 46, written blind by two helpers in that session and committed unread, wired after the pass tuned on batch 45,
    // scored once (0.968; 15 detector misses by the analysis script, the session's start tree 19). One pass tuned on it
    // since (a message log's directions are no speakers, ledger words: detector precision 0.939 -> 0.973).
    [InlineData(46, 0.96, 0.52, 0.97, 0.99, 0.97, 0.97)]
    // Batch 47, written blind by two helpers in that session and committed unread, wired after the pass tuned on batch 46,
    // scored once (0.952; 17 detector misses by the analysis script, the session's start tree 18). One pass tuned on it
    // since (Telegram lines with the talk, 안타깝게 no sport word: 0.961 now).
    [InlineData(47, 0.96, 0.55, 0.96, 0.98, 0.96, 0.98)]
    // Batch 48, written blind by two helpers in that session and committed unread, wired after the pass tuned on batch 47,
    // scored once (0.934; 34 detector misses by the analysis script, the session's start tree 30: a Discord chat of long
    // handles lost, see the doc). One pass tuned on it since (handles of five or six syllables speaking twice: 0.949 now).
    [InlineData(48, 0.94, 0.38, 0.95, 0.99, 0.95, 0.98)]
    // Batch 49, written blind by two helpers in that session and committed unread, wired after the pass tuned on batch 48,
    // scored once (0.961; 19 detector misses by the analysis script, the start tree the same: no pass came between). One
    // pass tuned on it since (Latin names with diacritics, readings in brackets, names repeated in records: 0.968 now).
    [InlineData(49, 0.96, 0.55, 0.97, 0.99, 0.97, 0.96)]
    // Batch 50, written blind by two helpers in that session and committed unread, wired after the pass tuned on batch 49,
    // scored once (0.919; 43 detector misses by the analysis script, the session's start tree 46). One pass tuned on it
    // since (workspace copies with the talk after the time, board replies with a time, 스타트 no 스타: 0.954 now; public rate
    // 0.537 -> 0.610, the chats' public figures named in passing now replaced with their private persons).
    [InlineData(50, 0.95, 0.62, 0.95, 0.99, 0.95, 0.96)]
    // Batch 51, written blind by two helpers in that session and committed unread, wired after the pass tuned on batch 50,
    // scored once (0.943; 32 detector misses by the analysis script, the session's start tree 34). One pass tuned on it
    // since (WhatsApp's Korean dates, decorated and initialled names before the colon, a name then a trade in the slot: 0.959).
    // Its public ceiling 0.43 -> 0.45 with Tagalog's article of personal names: a boxer in a Filipino chat, ni Pacquiao,
    // is found and replaced.
    [InlineData(51, 0.95, 0.45, 0.94, 0.99, 0.94, 0.96)]
    // Batch 52, written blind by two helpers in that session and committed unread, wired after the pass tuned on batch 51,
    // scored once (0.940; 34 detector misses by the analysis script, the session's start tree 36). One pass tuned on it
    // since (WeChat with the day before the time, an organisation's account no speaker: 0.969 now).
    [InlineData(52, 0.96, 0.54, 0.96, 0.99, 0.96, 0.96)]
    // Batch 53, written blind by two helpers in that session and committed unread, wired after the pass tuned on batch 52,
    // scored once (0.896; 48 detector misses by the analysis script, the session's start tree 60). One pass tuned on it
    // since (24-hour chats, Japanese honorifics, band comments without a colon: 0.907 now). Public ceiling 0.48 -> 0.50 in
    // the fifty-second pass: a labour inspector named in Cyrillic after 노동청 감독관 is found now and, like the same name
    // in Hangul, judged private (no office of the judge's lists).
    [InlineData(53, 0.90, 0.50, 0.91, 0.99, 0.91, 0.94)]
    // Batch 54, written blind by two helpers in that session and committed unread, wired after the pass tuned on batch 53,
    // scored once (0.866; 69 detector misses by the analysis script, the session's start tree 73). One pass tuned on it
    // since (handles before a middle dot, slot names in two scripts or in Cyrillic: 0.901 now).
    [InlineData(54, 0.90, 0.44, 0.90, 0.98, 0.90, 0.95)]
    // Batch 55, written blind by two helpers in the session before and committed unread, wired at the start of the next
    // session after the pass tuned on batch 54, scored once (0.893; 63 detector misses by the analysis script). One pass
    // tuned on it since (boards' dated comments and bylines, Discord with a bar, LINE's decorated names, initials and
    // double-barrelled names in an export's slot, 양 after a child's given name: 0.949; 0.954 after the next pass). The public ceiling is raised
    // from 0.65 to 0.70: the game team's channel is a conversation now, and two public names in it (a character, a
    // composer) are replaced with its members.
    [InlineData(55, 0.95, 0.70, 0.95, 0.99, 0.95, 0.97)]
    // Batch 56, written blind by two helpers in that session and committed unread, wired after the pass tuned on
    // batch 55, scored once (0.925; 40 detector misses by the analysis script, the session's start tree 40 too). One pass
    // tuned on it since (replies with a date, labelled writers, a wife's handle, a table's timed rows no talk, Korean given
    // names romanised in English: 0.939 now).
    [InlineData(56, 0.93, 0.56, 0.94, 0.99, 0.94, 0.94)]
    // Batch 57, written blind by two helpers in that session and committed unread, wired after the pass tuned on
    // batch 56, scored once (0.904; 55 detector misses by the analysis script, the session's start tree 56). One pass
    // tuned on it since (bylines after a tag, comments whose writer opens a reply or carries digits, Discord's talk one
    // space after the time, a market chat's nicknames before the time, handles with digits private: 0.920 now).
    [InlineData(57, 0.91, 0.49, 0.91, 0.99, 0.91, 0.96)]
    // Batch 58, written blind by two helpers at the previous session's end and committed unread, wired at this session's
    // start after the passes tuned on batch 57 and on the misses of batches 55-57, scored once (0.916; 39 detector
    // misses by the analysis script, the session's start tree the same). One pass tuned on it since (an export's slot
    // holding any display name, a direct message's direction, two-word speakers after a time, titles of address with 님:
    // 0.947 now).
    [InlineData(58, 0.91, 0.57, 0.92, 0.99, 0.92, 0.96)]
    // Batch 59, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 58,
    // scored once (0.895; 50 detector misses by the analysis script, the session's start tree 50 too). One pass tuned on
    // it since (Chinese talk after a colon, comments with how long ago, slots in Thai or initials, apps' names no speakers,
    // a child's place after a possessive: 0.946 now).
    [InlineData(59, 0.89, 0.49, 0.89, 0.99, 0.89, 0.93)]
    // Batch 60, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 59,
    // scored once (0.914; 42 detector misses by the analysis script, the session's start tree 42 too). One pass tuned on
    // it since (a live stream's seconds, a bracketed handle before a bare time, replies with a date in brackets or a month
    // and a day: 0.949 now).
    [InlineData(60, 0.91, 0.69, 0.92, 0.98, 0.92, 0.97)]
    // Batch 61, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 60,
    // scored once (0.914; 45 detector misses by the analysis script, the session's start tree 45 too). One pass tuned on
    // it since (a streaming log's emoji and donations, a role before a name after a time, kana and Latin in a slot: 0.928
    // now).
    [InlineData(61, 0.91, 0.62, 0.90, 0.99, 0.90, 0.95)]
    // Batch 62, written blind by two helpers at the previous session's end and committed unread, wired at this session's
    // start after the pass tuned on batch 61, scored once (0.915; 42 detector misses by the analysis script, the session's
    // start tree the same). One pass tuned on it since (posts in brackets before the colon, Discord's dated colon, a phone
    // export's Cyrillic slot, decorated comment writers, a parent's handle naming the child: 0.951 now).
    [InlineData(62, 0.91, 0.56, 0.91, 0.99, 0.91, 0.95)]
    // Batch 63, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 62,
    // scored once (0.925; 46 detector misses by the analysis script, the session's start tree 48). One pass tuned on it
    // since (word-like given names with the familiar 이, a stream's alerts, a band's reply runs, an app's tag before the
    // slot, Telegram's talk after the time, masters' nicknames: 0.946 now).
    [InlineData(63, 0.92, 0.52, 0.91, 0.99, 0.91, 0.96)]
    // Batch 64, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 63,
    // scored once (0.912; 49 detector misses by the analysis script, the session's start tree 50). One pass tuned on it
    // since (a foreman's surname, Tagalog's article of names, a Korean name before a Japanese honorific, a workspace's
    // slot before an English time, a stream replay's viewers: 0.941 now).
    [InlineData(64, 0.91, 0.45, 0.90, 0.99, 0.90, 0.94)]
    // Batch 65, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 64,
    // scored once (0.905; 42 detector misses by the analysis script, the session's start tree 46). One pass tuned on it
    // since (a stream's roles and spaced alerts, a booking app's writers, 사모님, Morning, Russian kin, hyphenated
    // romanised given names: 0.933 now).
    [InlineData(65, 0.90, 0.54, 0.89, 0.99, 0.89, 0.94)]
    // Batch 66, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 65,
    // scored once (0.885; 67 detector misses by the analysis script, the session's start tree 71). One pass tuned on it
    // since (a Chinese chat's dated speakers, long handles after a time, gift alerts, a moderator's tag: 0.922 now).
    [InlineData(66, 0.88, 0.49, 0.87, 0.99, 0.87, 0.97)]
    // Batch 67, written blind by two helpers at the previous session's end and committed unread, wired at this session's
    // start after the pass tuned on batch 66, scored once (0.881; 64 detector misses by the analysis script, the session's
    // start tree the same: no pass between). One pass tuned on it since (a colon after a speaker's time, times in
    // parentheses, a chat's date lines, decorated Chinese speakers, join and invite notices, band comments after a date,
    // Indic and South-East Asian scripts, a desk before a name: 0.950 now).
    [InlineData(67, 0.88, 0.59, 0.87, 0.99, 0.87, 0.94)]
    // Batch 68, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 67,
    // scored once (0.900; 43 detector misses by the analysis script, the session's start tree 43). One pass tuned on it
    // since (the exporter's own lines, scripts of their own without a time, paid messages and member alerts, family names
    // first with a comma, South Asian kin words and Burmese honorifics: 0.931 now).
    [InlineData(68, 0.90, 0.54, 0.89, 0.99, 0.89, 0.94)]
    // Batch 69, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 68,
    // scored once (0.932; 35 detector misses by the analysis script, the session's start tree 35). One pass tuned on it
    // since (stream alerts in corner brackets, decorated workspace handles, 小 or 老 and a surname, Sinhala kin words, more
    // titles that are no names: 0.946 now).
    [InlineData(69, 0.93, 0.50, 0.92, 0.99, 0.92, 0.96)]
    // Batch 70, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 69,
    // scored once (0.931; 35 detector misses by the analysis script, the session's start tree 35). One pass tuned on it
    // since (Cyrillic and other scripts in WhatsApp's export, mixed-script Discord handles, romanised and script kin words
    // after a name: 0.942 now).
    [InlineData(70, 0.93, 0.54, 0.92, 0.99, 0.92, 0.96)]
    // Batch 71, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 70,
    // scored once (0.914; 48 detector misses by the analysis script, the session's start tree 48). One pass tuned on it
    // since (handles before two spaces and a time, WhatsApp's slot as any messenger's, WhatsApp adding people in Korean,
    // alerts that say late what was given: 0.940 now).
    [InlineData(71, 0.91, 0.65, 0.91, 0.99, 0.91, 0.95)]
    // Batch 72, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 71,
    // scored once (0.860; 67 detector misses by the analysis script, the session's start tree 77). One pass tuned on it
    // since (dated replies with a time, a channel's tag before Discord's header, amounts before a paid message's handle,
    // membership alerts: 0.894 now).
    [InlineData(72, 0.86, 0.57, 0.86, 0.99, 0.86, 0.95)]
    // Batch 73, written blind by two helpers at the end of the session before and committed unread, wired after the pass
    // tuned on batch 72, scored once at this session's start (0.923; 32 detector misses by the analysis script, the start
    // tree of that session's pass 37). One pass tuned on it since (romanised Korean speakers, a stream's alerts and roles
    // in square brackets, decorated Chinese display names, native given names of a full name, days, shops and notes that
    // stand where a speaker does: 0.939 now).
    [InlineData(73, 0.92, 0.67, 0.92, 0.99, 0.92, 0.95)]
    // Batch 74, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 73,
    // scored once (0.903; 43 detector misses by the analysis script, the session's start tree 45). One pass tuned on it
    // since (market handles, a time in a speaker's bracket, WhatsApp's dotted times, direct messages' tags, unlisted Latin
    // names after kin, shops' phones, fields and offices that stand where a name does: 0.933 now). Its public ceiling was
    // raised 0.55 -> 0.57 in that pass: a professor named inside a speaker's talk (Eric Han [오후 2:05]: 오늘 기사에 ○○대
    // 노재림 교수 코멘트 …) is judged as a chat's talk once its speaker is found.
    [InlineData(74, 0.90, 0.57, 0.90, 0.98, 0.90, 0.93)]
    // Batch 75, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 74,
    // scored once (0.922; 32 detector misses by the analysis script, the session's start tree 32 too). One pass tuned on it
    // since (Thai names after พี่ and น้อง, a record's field labels, a booking app's name in the guest's bracket, everyday
    // words the tagger took for names: 0.927 now).
    [InlineData(75, 0.92, 0.52, 0.91, 0.99, 0.91, 0.93)]
    // Batch 76, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 75,
    // scored once (0.916; 45 detector misses by the analysis script, the session's start tree 46). One pass tuned on it
    // since (Discord's day and 24-hour time, a paid message's amount and the staff's role and name in a bracket after a
    // live stream's time, Korean names in katakana before 先生, priests' posts: 0.938 now).
    [InlineData(76, 0.91, 0.58, 0.91, 0.99, 0.91, 0.96)]
    // Batch 77, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 76,
    // scored once (0.909; 47 detector misses by the analysis script, the session's start tree 50). One pass tuned on it
    // since (a stream's role after the speaker's name, alerts with the amount first or a muted chat, an app's direct
    // messages, Discord's two-syllable handles, 교무, a sublease's parties and fields: 0.934 now).
    [InlineData(77, 0.90, 0.66, 0.91, 0.99, 0.90, 0.95)]
    // Batch 78, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 77,
    // scored once (0.906; 39 detector misses by the analysis script, the session's start tree 41). One pass tuned on it
    // since (a board's comments dated without brackets, handles joined by an underscore, a workspace's family name first,
    // masked organisations, words after labels in records: 0.931 now).
    [InlineData(78, 0.90, 0.52, 0.91, 0.98, 0.90, 0.94)]
    // Batch 79, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 78,
    // scored once (0.928; 33 detector misses by the analysis script, the session's start tree 33 too). One pass tuned on
    // it since (댓글 after a band's writer, a trainer in a slot, a reading physician, a party's claim: 0.936 now).
    [InlineData(79, 0.92, 0.58, 0.92, 0.99, 0.92, 0.93)]
    // Batch 80, written blind by two helpers at the previous session's end and committed unread, wired at this session's
    // start after the pass tuned on batch 79, scored once (0.897; 45 detector misses by the analysis script, the
    // session's start tree the same). One pass tuned on it since (a server's dated brackets, rules and bar roles, Chinese
    // chats with an ASCII colon, the exporter's own lines, roles alone, a performer's song, officers' ranks: 0.938 now).
    [InlineData(80, 0.93, 0.39, 0.93, 0.99, 0.93, 0.94)]
    // Batch 81, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 80,
    // scored once (0.907; 42 detector misses by the analysis script, the session's start tree 42 too). One pass tuned on
    // it since (a streaming site's nickname and id, a channel's customers in brackets beside a business, 배우 the verb and
    // 경기 the province: 0.936 now).
    [InlineData(81, 0.93, 0.55, 0.93, 0.99, 0.93, 0.95)]
    // Batch 82, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 81,
    // scored once (0.908; 47 detector misses by the analysis script, the session's start tree 47 too). One pass tuned on
    // it since (a market's name and time in one bracket, a Latin name with an English one in brackets, a name in Chinese
    // characters after a label: 0.934 now).
    [InlineData(82, 0.93, 0.48, 0.93, 0.99, 0.93, 0.95)]
    // Batch 83, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 82,
    // scored once (0.935; 36 detector misses by the analysis script, the session's start tree 36 too). One pass tuned on
    // it since (a parish's forms of address, English titles without a dot, Chinese chats with an ASCII colon: 0.951 now).
    [InlineData(83, 0.95, 0.54, 0.94, 0.99, 0.94, 0.98)]
    // Batch 84, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 83,
    // scored once (0.919; 34 detector misses by the analysis script, the session's start tree 44). One pass tuned on it
    // since (balloon-marked comments, system speakers, a form of address before a colon, 지사장: 0.932 now).
    [InlineData(84, 0.93, 0.56, 0.93, 0.98, 0.93, 0.96)]
    // Batch 85, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 84,
    // scored once (0.875; 57 detector misses by the analysis script, the session's start tree 59). One pass tuned on it
    // since (timed handles ending with a capital, replies with the time alone, board tags: 0.900), and a second (a dated
    // line's clock followed by AM or PM: 0.905 now).
    [InlineData(85, 0.90, 0.60, 0.90, 0.99, 0.90, 0.93)]
    // Batch 86, written blind by two helpers at the end of the session before and committed unread, wired after the two
    // passes tuned on batch 85, scored once (0.939; 27 detector misses by the analysis script). One pass tuned on it since
    // (a bracketed name before an unbracketed clock, Korean surnames in Cyrillic, shortened handles with 님: 0.960 now).
    [InlineData(86, 0.96, 0.57, 0.95, 0.99, 0.95, 0.96)]
    // Batch 87, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 86,
    // scored once (0.931; 48 detector misses by the analysis script, the session's start tree 48 too). One pass tuned on it
    // since (Burmese honorifics in Myanmar letters, Tagalog kin titles, cafe replies with dates: 0.961 now); its public
    // ceiling 0.48 -> 0.49 then: a politician named after ဒေါ် in a workers' chat is found and, no public context, judged private.
    [InlineData(87, 0.96, 0.49, 0.95, 0.99, 0.95, 0.96)]
    // Batch 88, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 87,
    // scored once (0.903; 68 detector misses by the analysis script, the session's start tree 69). One mark mended before
    // its first score, as the builder asked: «별님» split across «한별»님 became «별»님. One pass tuned on it since (Chinese
    // halves of the day, a market's time in brackets after the name, English stream alerts: 0.941 now).
    [InlineData(88, 0.94, 0.63, 0.93, 0.99, 0.93, 0.96)]
    // Batch 89, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 88,
    // scored once (0.918; 51 detector misses by the analysis script, the session's start tree 54). One pass tuned on it
    // since (Discord role tags after the name, an app's role between middle dots: 0.938 now).
    [InlineData(89, 0.93, 0.60, 0.92, 0.99, 0.92, 0.96)]
    // Batch 90, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 89,
    // scored once (0.923; 48 detector misses by the analysis script, the session's start tree 51). One pass tuned on it
    // since (a dated seller in brackets, a neighbourhood app's comments, common words of records: 0.927, precision 0.946 ->
    // 0.967), and a second (a handle repeated in a dated log, Vietnamese vocatives: 0.933 now).
    [InlineData(90, 0.93, 0.48, 0.92, 0.99, 0.92, 0.96)]
    // Batch 91, written blind by two helpers in this session and committed unread, wired after the two passes tuned on
    // batch 90, scored once (0.924; 58 detector misses by the analysis script, the session's start tree 76). One pass tuned
    // on it since (fans' ranks before a stream's viewers, CSV exports, kin words after Cyrillic names: 0.949 now).
    [InlineData(91, 0.94, 0.67, 0.93, 0.99, 0.93, 0.96)]
    // Batch 92, written blind by two helpers at the end of the session before and committed unread, wired first in the
    // next session after the pass tuned on batch 91, scored once (0.939, detector 0.933 / 0.961, 43 of 68 public persons
    // replaced; 37 detector misses by the analysis script). One pass tuned on it since (Messenger's weekday lines, Indonesian
    // forms of address, a speaker's given name, sure names elsewhere in the text: 0.950, detector 0.943 / 0.976 now).
    [InlineData(92, 0.95, 0.64, 0.94, 0.99, 0.94, 0.97)]
    // Batch 93, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 92,
    // scored once (0.935, detector 0.921 / 0.948, 40 of 69 public persons replaced; 36 detector misses by the analysis
    // script, the session's start tree 38). One pass tuned on it since (titled nicknames in a stream's alerts, Uzbek kin
    // words, common words of records: 0.941, detector 0.927 / 0.964 now).
    [InlineData(93, 0.94, 0.59, 0.92, 0.99, 0.92, 0.96)]
    // Batch 94, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 93,
    // scored once (0.936, detector 0.934 / 0.935, 51 of 80 public persons replaced; 35 detector misses by the analysis
    // script, the session's start tree 35). One pass tuned on it since (nicknames before a masked id, a clinic's channel,
    // a stream's fan-club tag, common words of records: 0.951, detector 0.948 / 0.951 now). Precision 0.949 after the pass
    // tuned on batch 102: a Telegram writer shown as "Rustam 🇺🇿 Trucker" is now found as Rustam (his Cyrillic name is
    // confirmed in the chat), which covers less than half the marked span and so counts as a false find here.
    [InlineData(94, 0.95, 0.64, 0.94, 0.99, 0.94, 0.94)]
    // Batch 95, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 94,
    // scored once (0.928, detector 0.922 / 0.948, 45 of 75 public persons replaced; 44 detector misses by the analysis
    // script, the session's start tree 44). One pass tuned on it since (a Chinese name after a time in brackets in a
    // WeChat copy: 0.951, detector 0.942 / 0.949 now).
    [InlineData(95, 0.95, 0.60, 0.94, 0.99, 0.94, 0.94)]
    // Batch 96, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 95,
    // scored once (0.874, detector 0.873 / 0.931, 46 of 83 public persons replaced; 70 detector misses by the analysis
    // script, the session's start tree 70). One pass tuned on it since (a board's dated comment with a bar: 0.885, detector
    // 0.883 / 0.933 now).
    [InlineData(96, 0.88, 0.56, 0.88, 0.99, 0.88, 0.93)]
    // Batch 97, written blind by two helpers at the last session's end and committed unread, wired at this session's start
    // after the pass tuned on batch 96, scored once (0.917, detector 0.909 / 0.966, 37 of 82 public persons replaced; 51 detector misses by the analysis
    // script, the session's start tree 51). One pass tuned on it since (a server's badges and initials, a message log's
    // kind and arrows, a slot's name and job, dated comments, ages in brackets in the news: 0.952, detector 0.935 / 0.983 now).
    [InlineData(97, 0.95, 0.46, 0.93, 0.99, 0.93, 0.98)]
    // Batch 98, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 97,
    // scored once (0.935, detector 0.934 / 0.964, 41 of 72 public persons replaced; 35 detector misses by the analysis
    // script, the session's start tree 35). One pass tuned on it since (a shop's own side of copied messages, comment
    // blocks' writers, handles that end with 형, a stream's badged role: 0.947, detector 0.947 / 0.965 now).
    [InlineData(98, 0.94, 0.57, 0.94, 0.98, 0.94, 0.96)]
    // Batch 99, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 98,
    // scored once (0.927, detector 0.921 / 0.969, 49 of 80 public persons replaced; 56 detector misses by the analysis
    // script, the session's start tree 56). One pass tuned on it since (WhatsApp's dotted times without a comma, a stream's
    // BJ and anonymous viewers, a reply's single space after the time, a cafe byline's rank: 0.963, detector 0.954 / 0.970 now).
    [InlineData(99, 0.96, 0.62, 0.95, 0.99, 0.95, 0.97)]
    // Batch 100, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 99,
    // scored once (0.941, detector 0.930 / 0.972, 55 of 93 public persons replaced; 44 detector misses by the analysis
    // script, the session's start tree 47). One pass tuned on it since (Instagram's handles before a time and a colon, Teams'
    // family-comma-given names after a month and day, names in their own script in brackets: 0.961, detector 0.948 / 0.972 now).
    [InlineData(100, 0.96, 0.60, 0.94, 0.99, 0.94, 0.97)]
    // Batch 101, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 100,
    // scored once (0.938, detector 0.924 / 0.959, 50 of 93 public persons replaced; 38 detector misses by the analysis
    // script, the session's start tree 44). One pass tuned on it since (a writer after a message's tag and a dated time:
    // 0.942, detector 0.928 / 0.960 now).
    [InlineData(101, 0.94, 0.54, 0.92, 0.99, 0.92, 0.95)]
    // Batch 102, written blind by two helpers at the end of the session before and committed unread, wired at this
    // session's start after the pass tuned on batch 101, scored once (0.925, detector 0.930 / 0.951, 49 of 84 public
    // persons replaced; 47 detector misses by the analysis script, no pass between). One pass tuned on it since (Discord's
    // channel before the dash, a licensed trade after a name in a slot, names in Cyrillic and Latin letters found both ways,
    // Mongolian kin words' cases, Burmese names and calls, hyphenated Korean given names: 0.962, detector 0.963 / 0.957 now).
    [InlineData(102, 0.96, 0.59, 0.96, 0.99, 0.96, 0.95)]
    // Batch 103, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 102,
    // scored once (0.947, detector 0.939 / 0.967, 53 of 85 public persons replaced; 30 detector misses by the analysis
    // script, the session's start tree 32). One pass tuned on it since (Japanese names in Chinese characters in brackets after
    // the Latin name, a name before -san, an Instagram handle before a time and a middle dot, a name in brackets after an
    // English kin word, an interpreter's language before the name in a slot: 0.962, detector 0.952 / 0.968 now).
    [InlineData(103, 0.96, 0.63, 0.95, 0.99, 0.95, 0.96)]
    // Batch 104, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 103,
    // scored once (0.896, detector 0.895 / 0.938, 53 of 95 public persons replaced; 50 detector misses by the analysis
    // script, the session's start tree 51). One pass tuned on it since (a WeChat copy's month and day before the time, a
    // message log's direction and arrow before the other side, a stream's VIP and 열혈 tags, "real name" and "call me":
    // 0.917, detector 0.913 / 0.945 now).
    [InlineData(104, 0.91, 0.56, 0.91, 0.99, 0.91, 0.94)]
    // Batch 105, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 104,
    // scored once (0.941, detector 0.928 / 0.966, 52 of 86 public persons replaced; 40 detector misses by the analysis
    // script, the session's start tree 40). One pass tuned on it since (a byline's writer after the title and a dash, a phone
    // log's direction after the time, a customer naming themselves by the booking, Sinhala kin words' cases: 736 of 775, 0.9497,
    // detector 0.936 / 0.968 now).
    [InlineData(105, 0.94, 0.61, 0.93, 0.99, 0.93, 0.96)]
    // Batch 106, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 105,
    // scored once (0.946, detector 0.940 / 0.963, 45 of 79 public persons replaced; 39 detector misses by the analysis
    // script, the session's start tree 40). One pass tuned on it since (a Teams header's day of the week and role in
    // brackets, Russian case forms of a confident name, a cafe's ranks after the writer: 0.958, detector 0.952 / 0.964 now).
    [InlineData(106, 0.95, 0.57, 0.95, 0.99, 0.95, 0.96)]
    // Batch 107, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 106,
    // scored once (0.920, detector 0.914 / 0.962, 57 of 83 public persons replaced; 51 detector misses by the analysis
    // script, the session's start tree 55). One pass tuned on it since (a cafe comment's writer before the member's rank and
    // a middle dot, a workspace's header after a reply mark: 0.944, detector 0.936 / 0.963 now).
    [InlineData(107, 0.94, 0.69, 0.93, 0.99, 0.93, 0.96)]
    // Batch 108, written blind by two helpers at the end of the session before and committed unread, wired at this session's
    // start after the pass tuned on batch 107, scored once (0.959, detector 0.956 / 0.976, 54 of 93 public persons replaced;
    // 26 detector misses by the analysis script). One pass tuned on it since (a speaker in the Arabic script, Bengali and
    // Urdu kin words, Ukrainian vocatives and Russian short forms, digit handles, a board's role before the writer, a
    // resident's age with the own spelling: 0.981, detector 0.972 / 0.991 now).
    [InlineData(108, 0.98, 0.59, 0.97, 0.99, 0.97, 0.99)]
    // Batch 109, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 108,
    // scored once (0.931, detector 0.924 / 0.950, 40 of 79 public persons replaced; 50 detector misses by the analysis
    // script, the session's start tree 50). One pass tuned on it since (WeChat's one-line headers, names across Latin and
    // Indic letters, a mothers' cafe's ranks, a portal comment's dash, officials' chats, a common-word nickname called
    // with 님: 0.966, detector 0.954 / 0.963 now).
    [InlineData(109, 0.96, 0.51, 0.95, 0.99, 0.95, 0.96)]
    // Batch 110, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 109,
    // scored once (0.933, detector 0.925 / 0.958, 51 of 91 public persons replaced; 39 detector misses by the analysis
    // script, the session's start tree 39). One pass tuned on it since (an open chat's slashed nicknames, a band comment's
    // date and dash, a captain by the surname, pinned tags and beginners' ranks: 0.938, detector 0.929 / 0.966 now).
    [InlineData(110, 0.93, 0.57, 0.92, 0.99, 0.92, 0.96)]
    // Batch 111, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 110,
    // scored once (0.881, detector 0.883 / 0.926, 41 of 70 public persons replaced; 69 detector misses by the analysis
    // script, the session's start tree 69). One pass tuned on it since (a stream's or an exporter's timed slot with " : "
    // or a dash, a bracketed speaker with the title, a bracketed writer before the year's date, an age at the time before
    // 씨: 0.911, detector 0.910 / 0.928 now).
    [InlineData(111, 0.91, 0.59, 0.91, 0.98, 0.91, 0.92)]
    // Batch 112, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 111,
    // scored once (0.896, detector 0.898 / 0.957, 49 of 94 public persons replaced; 57 detector misses by the analysis
    // script, the session's start tree 57). One pass tuned on it since (a word for the day before the time, a cafe's
    // manager rank: 0.916, detector 0.911 / 0.960 now).
    [InlineData(112, 0.91, 0.53, 0.91, 0.99, 0.91, 0.96)]
    // Batch 113, written blind by two helpers at the previous session's end and committed unread, wired at this session's
    // start after the pass tuned on batch 112, scored once (0.948, detector 0.930 / 0.968, 49 of 89 public persons
    // replaced; 36 detector misses by the analysis script). One pass tuned on it since (a speaker in brackets or not before
    // the time and a dash, a speaker written surname first, a stream log's bracketed handle after the time, a name in its own
    // script with the Latin one in brackets, migrants' kin words, a Cyrillic name's Hangul rendering: 0.975, detector
    // 0.955 / 0.970 now).
    [InlineData(113, 0.97, 0.56, 0.95, 0.99, 0.95, 0.96)]
    // Batch 114, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 113,
    // scored once (0.906, detector 0.899 / 0.972, 54 of 101 public persons replaced; 56 detector misses by the analysis
    // script, the session's start tree 56). One pass tuned on it since (a lone surname before a bank's or an office's rank,
    // a foreign name with the age and 씨, a doubles pair joined by a middle dot, 샘 for 쌤, a coach and a producer before a
    // name, Indonesian kin with -ku, a nickname and a surname in an export's slot, a weekday's or a day-month time in
    // brackets: 0.929, detector 0.919 / 0.972 now).
    [InlineData(114, 0.92, 0.54, 0.91, 0.98, 0.91, 0.97)]
    // Batch 115, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 114,
    // scored once (0.917, detector 0.922 / 0.957, 61 of 96 public persons replaced; 39 detector misses by the analysis
    // script, the session's start tree 43). One pass tuned on it since (a social network group's comment with the writer's
    // full name and how long ago, a portal's or a cafe's comment with how long ago or the date and a dash, German's Herr and
    // Frau: 0.932, detector 0.935 / 0.958 then; after the eighty-third, a speaker's Jr. and a Chinese given name before 姐,
    // 0.936, detector 0.939 / 0.958).
    [InlineData(115, 0.93, 0.64, 0.93, 0.98, 0.93, 0.95)]
    // Batch 116, written blind by two helpers at the end of the session before and committed unread, wired first in the
    // next session after the two passes tuned on batch 115, scored once (0.947, detector 0.935 / 0.954, 50 of 85 public
    // persons replaced). One pass tuned on it since (a confident foreign name's word found again in Hangul as it sounds,
    // a table's and a record's everyday words, a title with 님, a best comment's badge, Spanish and French forms of
    // address: 0.953, detector 0.941 / 0.972).
    [InlineData(116, 0.95, 0.59, 0.94, 0.99, 0.94, 0.97)]
    // Batch 117, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 116,
    // scored once (0.934, detector 0.920 / 0.967, 55 of 91 public persons replaced; 44 detector misses by the analysis
    // script, the session's start tree 44). One pass tuned on it since (a board's comment with its votes, a workspace's
    // mention of a given name, a romanised name with the surname after it, a handle in brackets after a speaker, a
    // Vietnamese name of four words, a one-syllable name in Hangul before an elder's word, Polish short forms, a baby's
    // name: 0.959, detector 0.942 / 0.974).
    [InlineData(117, 0.95, 0.61, 0.94, 0.99, 0.94, 0.97)]
    // Batch 118, written blind by two helpers in this session and committed unread, wired after the pass tuned on batch 117,
    // scored once (0.940, detector 0.939 / 0.960, 56 of 97 public persons replaced; 36 detector misses by the analysis
    // script, the session's start tree 37). One pass tuned on it since (a cafe's comment with two spaces after the rank, a
    // Japanese handle in kana and a handle in capitals after @, a full name in Latin letters before 씨, Indonesian
    // namanya, a record's words: 0.951, detector 0.949 / 0.984; after the eighty-seventh, a parent's handle naming the
    // child wherever the handle stands, 0.956, detector 0.952 / 0.984).
    [InlineData(118, 0.95, 0.58, 0.94, 0.99, 0.94, 0.98)]
    public void Batch_PrivatePolicyAndDetector_Figures(int batch, double minRecall, double maxPublicRate, double minDetectorRecall, double minGoldRecall, double minPlantedRecall, double minPlantedPrecision)
    {
        var items = s_items.Value.Where(i => i.Batch == batch).ToList();
        var errors = new List<string>();
        var score = PrivateContextTests.Score(items, errors);
        var detector = Detect(items, errors);
        output.WriteLine($"batch {batch}: {score}");
        output.WriteLine($"batch {batch}: {detector}");
        foreach (var part in new[] { "planted", "real", "constructed" })
        {
            var some = items.Where(i => PartOf(i) == part).ToList();
            if (some.Count > 0)
            {
                output.WriteLine($"  {part}: {PrivateContextTests.Score(some)}; {Detect(some)}");
            }
        }

        foreach (var e in errors)
        {
            output.WriteLine(e);
        }

        score.Recall.ShouldBeGreaterThanOrEqualTo(minRecall);
        score.GoldRecall.ShouldBeGreaterThanOrEqualTo(minGoldRecall);
        score.PublicRate.ShouldBeLessThanOrEqualTo(maxPublicRate);
        detector.Recall.ShouldBeGreaterThanOrEqualTo(minDetectorRecall);
        var planted = Detect(items.Where(i => PartOf(i) == "planted"));
        planted.Recall.ShouldBeGreaterThanOrEqualTo(minPlantedRecall);
        planted.Precision.ShouldBeGreaterThanOrEqualTo(minPlantedPrecision);
    }

    /// <summary>
    /// Every analyser pass reads a line up to its end and a text up to its last character without reading past them: the
    /// planted documents of batches 60 on, cut off a few characters into each line (mid-time, mid-handle, mid-amount, as a
    /// file cut short or a field truncated would leave them), are analysed under both policies without an exception.
    /// </summary>
    [Fact]
    public void Analyze_NeverReadsPastTheText_OnDocumentsCutShort()
    {
        var privateAnalyzer = new PiiAnalyzer(null, 0.5, PersonPolicy.Private);
        var (texts, failures) = (0, new List<string>());
        foreach (var item in s_items.Value.Where(i => i.Batch >= 60 && PartOf(i) == "planted"))
        {
            var text = item.Text;
            for (var lineStart = 0; lineStart < text.Length; lineStart = text.IndexOf('\n', lineStart) is var n and >= 0 ? n + 1 : text.Length)
            {
                foreach (var cut in (ReadOnlySpan<int>)[3, 9, 16])
                {
                    if (lineStart + cut >= text.Length)
                    {
                        continue;
                    }

                    var prefix = text[..(lineStart + cut)];
                    texts++;
                    try
                    {
                        s_all.Analyze(prefix);
                        privateAnalyzer.Analyze(prefix);
                    }
                    catch (Exception e) when (failures.Count < 5)
                    {
                        failures.Add($"{item.Id} cut at {lineStart + cut}: {e.GetType().Name}");
                    }
                }
            }
        }

        texts.ShouldBeGreaterThan(10_000);
        failures.ShouldBeEmpty();
    }
}
