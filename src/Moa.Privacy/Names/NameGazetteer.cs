using System.Collections.Frozen;
using System.Reflection;
using System.Runtime.CompilerServices;
using Moa.Privacy.Analysis;

namespace Moa.Privacy.Names;

/// <summary>
/// Public statistics used as features and to generate training names: Korean surnames in order of frequency
/// (Statistics Korea, 2015 census: 김 21.5%, 이 14.7%, 박 8.4%, 최 4.7%, 정 4.3% ... of the population) and the
/// syllables most often found in given names. Facts, not data copied from any source.
/// </summary>
internal static class NameGazetteer
{
    /// <summary>Single-syllable surnames, most frequent first.</summary>
    public const string Surnames =
        "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감음빈동온호범좌팽승간상시갈";

    /// <summary>
    /// Rarer single-syllable surnames (옹, 라, 궉, 견, 빙; Statistics Korea's 2015 census lists each) that the context
    /// rules and document passes accept in a name's slot (a label's value, a table's cell, before a title). They are not
    /// in <see cref="Surnames"/>, whose order is the tagger's surname-rank feature: adding them there changes the model's
    /// input and needs a retrained model.
    /// </summary>
    public const string RareSurnames = "옹라궉견빙탄묵화판곡망";

    /// <summary>
    /// Surnames that the rules take alone before a title in 님 or 어르신 (추 소장님, 심 영감님, 인 권사님), beside the press's
    /// lone surnames (김 군): only there, since most are also everyday words (빈 empty, 편 side, 반 class, 준 given).
    /// </summary>
    public const string LoneBeforeHonorificSurnames = "추심인옹국용봉옥라맹육감계공기배복빙손승은좌팽평포풍피필함왕견묘묵범춘흥";

    /// <summary>Whether <paramref name="c"/> is a surname for the rules: one of <see cref="Surnames"/> or <see cref="RareSurnames"/>.</summary>
    public static bool IsRuleSurname(char c) => SurnameRank(c) > 0 || RareSurnames.Contains(c, StringComparison.Ordinal);

    /// <summary>Two-syllable surnames.</summary>
    public static readonly string[] CompoundSurnames = ["남궁", "황보", "제갈", "선우", "독고", "사공", "서문"];

    /// <summary>Syllables common in Korean given names (both sexes, births from the 1950s to the 2010s).</summary>
    public const string GivenSyllables =
        "민서지준현수영우진은하윤동성호혜경연정주재희승유원상태석철미선숙순자옥훈혁빈아예채다나소가도시건규한용기종명광남식환범균일완열인찬형길애란향진영순덕복춘화봉근섭욱웅제창필표효휘희율린결담별솔슬";

    /// <summary>
    /// Syllables of given names of Koreans born before the 1960s, beside <see cref="GivenSyllables"/> (말례, 간난, 옥분, 쌍례,
    /// 끝순, 점녀): facts of usage, written from knowledge. Not a feature of the tagger; the rules read it.
    /// </summary>
    public const string ElderGivenSyllables = "례분녀말련쌍간난점귀막끝금임심월매단";

    /// <summary>Whether <paramref name="c"/> is a syllable of <see cref="GivenSyllables"/> or <see cref="ElderGivenSyllables"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAnyGivenSyllable(char c) => (uint)(c - '\uAC00') < (uint)s_syllables.Length && (s_syllables[c - '\uAC00'] & 12) != 0;

    /// <summary>
    /// Frequent Western, Japanese and Chinese given names and family names as Korean media transliterate them (facts
    /// of usage, written from knowledge), for generating foreign names in training copies.
    /// </summary>
    public static readonly string[] ForeignGiven =
    [
        "존", "제임스", "마이클", "데이비드", "로버트", "윌리엄", "리처드", "토머스", "찰스", "조지", "폴", "피터", "앤드루", "마크", "스티븐",
        "크리스", "케빈", "브라이언", "에릭", "라이언", "제이슨", "매튜", "대니얼", "톰", "잭", "해리", "벤", "샘", "알렉스", "닉", "프랭크",
        "메리", "엘리자베스", "제니퍼", "린다", "사라", "제시카", "에밀리", "엠마", "올리비아", "소피아", "안나", "케이트", "줄리아", "니콜",
        "레이첼", "로라", "앨리스", "클레어", "나탈리", "스칼렛", "앤젤리나", "메릴", "레오나르도", "브래드", "조니", "휴", "키아누", "빈",
        "다나카", "히로시", "유키", "하루키", "켄지", "사토시", "아키라", "다쿠야", "유이", "사쿠라", "나오미", "쯔양", "웨이", "리밍", "샤오",
    ];

    /// <summary>Frequent foreign family names in Korean transliteration.</summary>
    public static readonly string[] ForeignFamily =
    [
        "스미스", "존슨", "윌리엄스", "브라운", "존스", "밀러", "데이비스", "윌슨", "앤더슨", "테일러", "토머스", "무어", "잭슨", "마틴", "톰슨",
        "화이트", "해리스", "클라크", "루이스", "워커", "홀", "영", "킹", "라이트", "힐", "그린", "애덤스", "베이커", "넬슨", "카터", "로버츠",
        "필립스", "에번스", "터너", "파커", "콜린스", "에드워즈", "스튜어트", "모리스", "머피", "쿡", "로저스", "피터슨", "쿠퍼", "리드",
        "베일리", "켈리", "하워드", "워드", "콕스", "리처드슨", "우드", "브룩스", "그레이", "제임스", "와트슨", "헤이즈", "포스터", "크루즈",
        "다나카", "스즈키", "사토", "다카하시", "와타나베", "이토", "야마모토", "나카무라", "고바야시", "가토", "왕", "리", "장", "류", "천",
    ];

    /// <summary>
    /// Family names of the largest foreign-resident groups in Korea written first, as Vietnamese names are (<c>응우옌 티
    /// 란</c>, <c>쩐 반 남</c>): facts of usage, written from knowledge. Chinese residents' names read as Korean surnames
    /// and are found as such.
    /// </summary>
    public static readonly string[] ResidentFamilyFirst = ["응우옌", "호앙", "부이", "응오", "즈엉", "쩐", "팜", "레티"];

    /// <summary>
    /// Family names of foreign residents written last, after a given name (<c>마리아 산토스</c>, <c>알리 카리모프</c>, <c>람
    /// 구룽</c>): the Philippines, Latin America, Central Asia, Nepal. Facts of usage, written from knowledge.
    /// </summary>
    public static readonly string[] ResidentFamilyLast =
    [
        "산토스", "레예스", "크루즈", "가르시아", "멘도사", "바우티스타", "곤살레스", "로드리게스", "카리모프", "라시도프", "유수포프",
        "이브라기모프", "구룽", "타파", "셰르파",
    ];

    /// <summary>Kind bit of <see cref="GazetteerKind"/>: mainly a given name (마이클, 요헤이).</summary>
    public const int ForeignGivenKind = 1;

    /// <summary>Kind bit of <see cref="GazetteerKind"/>: mainly a family name (스미스, 하세가와).</summary>
    public const int ForeignFamilyKind = 2;

    /// <summary>Kind bit of <see cref="GazetteerKind"/>: a whole name written as one word (시진핑, 류더화).</summary>
    public const int ForeignFullKind = 4;

    /// <summary>
    /// Kind bit of <see cref="GazetteerKind"/>: the whole name of a known person, group or fictional character, written
    /// as one word (송강호, 방탄소년단, 해리포터); from <c>Names/known-names.tsv</c>.
    /// </summary>
    public const int KnownKind = 8;

    /// <summary>The kind bits of <see cref="GazetteerKind"/>.</summary>
    public const int KindBits = 4;

    private const string CommonWordsResource = "Moa.Privacy.Names.common-words.txt";

    // Declared before the name gazetteer, whose loading reads it.
    // Common words the tagger takes for names (Names/common-words.txt: one word per line), looked up by span.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_commonWords = LoadCommonWords().GetAlternateLookup<ReadOnlySpan<char>>();

    private const string ForeignResource = "Moa.Privacy.Names.foreign-names.tsv";

    private const string KnownResource = "Moa.Privacy.Names.known-names.tsv";

    // Name words in Hangul (Names/foreign-names.tsv and Names/known-names.tsv), looked up by span.
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> s_names = LoadNames().GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The kinds (<see cref="ForeignGivenKind"/>, <see cref="ForeignFamilyKind"/>, <see cref="ForeignFullKind"/>,
    /// <see cref="KnownKind"/>, or'd) of a Hangul word in the name gazetteer; 0 when it is not there. The gazetteer lists
    /// foreign personal-name words as Korean media transliterate them and the whole names of known people, groups and
    /// characters, two syllables or more, written from knowledge (see <c>docs/privacy/person-model.md</c>); a feature of
    /// the tagger (<see cref="PersonFeatures"/>, feature 32).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GazetteerKind(ReadOnlySpan<char> word) =>
        word.Length >= 2 && (s_nameEnds[EndsBit(word) >> 6] & (1UL << EndsBit(word))) != 0 && s_names.TryGetValue(word, out var kind) ? kind : 0;

    // A 64K-bit filter on a word's first and last syllables: most words of running text are turned away by one load.
    private static readonly ulong[] s_nameEnds = BuildEnds(s_names.Dictionary.Keys);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EndsBit(ReadOnlySpan<char> word) => (int)(((uint)word[0] * 0x9E37u) ^ word[^1]) & 0xFFFF;

    private static ulong[] BuildEnds(IEnumerable<string> words)
    {
        var bits = new ulong[1 << 10];
        foreach (var word in words)
        {
            bits[EndsBit(word) >> 6] |= 1UL << EndsBit(word);
        }

        return bits;
    }

    private const string ResidentResource = "Moa.Privacy.Names.resident-names.tsv";

    // Foreign residents' name words in Hangul (Names/resident-names.tsv), for the rules only.
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> s_residents = LoadResidents().GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, int> LoadResidents()
    {
        using var reader = Resource(ResidentResource);
        return ParseForeign(reader, ResidentResource);
    }

    /// <summary>
    /// Whether a Hangul word is a foreign resident's given or family name of <c>Names/resident-names.tsv</c> (바트도르지,
    /// 셰르조드, 빌랄, 소펙): read by the rules, not a feature of the tagger.
    /// </summary>
    public static bool IsResidentName(ReadOnlySpan<char> word) => word.Length >= 2 && s_residents.ContainsKey(word);

    // The readings of Chinese characters in Korean (Sino-Korean syllables), from knowledge: a word with a syllable outside
    // them is native or transliterated (무뇨즈, 더하멜, 캄메노스), never a Sino-Korean office or noun (검시관, 대사, 가문).
    private static readonly System.Buffers.SearchValues<char> s_sinoKorean = System.Buffers.SearchValues.Create(
        "가각간갈감갑강개객갱거건걸검겁게격견결겸경계고곡곤골공곶과곽관괄광괘괴굉교구국군굴궁권궐궤귀규균귤극근글금급긍기긴길김끽나낙난날남납낭내녀녁년념녕노녹논농뇌뇨누눈눌뉴뉵능니닉다단달담답당대댁덕도독돈돌동두둔득등라락란랄람랍랑래랭략량려력련렬렴렵령례로록론롱뢰료룡루류륙륜률륭륵름릉리린림립마막만말망매맥맹멱면멸명몌모목몰몽묘무묵문물미민밀박반발방배백번벌범법벽변별병보복본봉부북분불붕비빈빙사삭산살삼삽상새색생서석선설섬섭성세소속손솔송쇄쇠수숙순술숭쉬슬습승시식신실심십쌍씨아악안알암압앙애액앵야약양어억언얼엄업여역연열염엽영예오옥온올옹와완왈왕왜외요욕용우욱운울웅원월위유육윤율융은을음읍응의이익인일임입잉자작잔잠잡장재쟁저적전절점접정제조족존졸종좌죄주죽준줄중즉즐즙증지직진질짐집징차착찬찰참창채책처척천철첨첩청체초촉촌총촬최추축춘출충췌취측층치칙친칠침칩칭쾌타탁탄탈탐탑탕태택탱터토통퇴투특틈파판팔패팽퍅편폄평폐포폭표품풍피필핍하학한할함합항해핵행향허헌헐험혁현혈혐협형혜호혹혼홀홍화확환활황회획횡효후훈훙훤훼휘휴휼흉흑흔흘흠흡흥희힐");

    /// <summary>Whether <paramref name="word"/> has a syllable that no Chinese character reads as in Korean (무뇨즈, 캄메노스; not 대사).</summary>
    public static bool HasNonSinoSyllable(ReadOnlySpan<char> word) => word.ContainsAnyExcept(s_sinoKorean);

    /// <summary>Number of words in the name gazetteer.</summary>
    public static int GazetteerCount => s_names.Dictionary.Count;

    private static FrozenDictionary<string, int> LoadNames()
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var reader = Resource(ForeignResource))
        {
            ParseForeign(reader, ForeignResource, words);
        }

        using (var reader = Resource(KnownResource))
        {
            ParseKnown(reader, KnownResource, words);
        }

        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>An embedded word list of this assembly.</summary>
    private static StreamReader Resource(string name) =>
        new(Assembly.GetExecutingAssembly().GetManifestResourceStream(name) ?? throw new MoaException($"{name}: the word list is missing from the build."));

    /// <summary>The lines of a word list with their numbers, leaving out empty lines and '#' comments.</summary>
    private static IEnumerable<(int Number, string Line)> Entries(TextReader reader)
    {
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length > 0 && line[0] != '#')
            {
                yield return (number, line);
            }
        }
    }

    private static bool IsHangulWord(string word) => word.Length >= 2 && word.All(Context.IsHangulSyllable);

    /// <summary>Reads <c>kind TAB word</c> lines (kind: given, family or full); a bad line throws, naming the line.</summary>
    internal static FrozenDictionary<string, int> ParseForeign(TextReader reader, string origin)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        ParseForeign(reader, origin, words);
        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void ParseForeign(TextReader reader, string origin, Dictionary<string, int> words) =>
        ParseKindWords(reader, origin, words, ("full", ForeignGivenKind, ForeignFamilyKind, ForeignFullKind), IsHangulWord, "a Hangul word of two syllables or more");

    /// <summary>
    /// Reads <c>kind TAB word</c> lines into <paramref name="words"/> (kind: given, family or the list's third kind; each
    /// kind a bit, or'd for a word listed twice); a bad kind or word throws, naming the line.
    /// </summary>
    private static void ParseKindWords(TextReader reader, string origin, Dictionary<string, int> words,
        (string Third, int Given, int Family, int ThirdBit) kinds, Func<string, bool> isWord, string wordExpected)
    {
        foreach (var (number, line) in Entries(reader))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var name = tab < 0 ? "" : line[..tab];
            var kind = name == "given" ? kinds.Given : name == "family" ? kinds.Family : name == kinds.Third ? kinds.ThirdBit : 0;
            var word = tab < 0 ? "" : line[(tab + 1)..];
            if (kind == 0 || !isWord(word))
            {
                throw new MoaException($"{origin}:{number}: expected 'given', 'family' or '{kinds.Third}', a tab and {wordExpected}; got '{line}'.");
            }

            words[word] = words.GetValueOrDefault(word) | kind;
        }
    }

    /// <summary>
    /// Reads <c>kind TAB name</c> lines (kind: korean, group, foreign or character; the name one to four Hangul words
    /// joined by single spaces); a bad line throws, naming the line. A name is entered as one word without its spaces
    /// (<see cref="KnownKind"/>: 송강호, 해리포터). The words of a name of several words are not entered on their own:
    /// too many are everyday words (프란츠 리스트, 메이슨 마운트, 데이지 덕); the foreign gazetteer holds name words.
    /// </summary>
    internal static FrozenDictionary<string, int> ParseKnown(TextReader reader, string origin)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        ParseKnown(reader, origin, words);
        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void ParseKnown(TextReader reader, string origin, Dictionary<string, int> words)
    {
        foreach (var (_, name) in KnownEntries(reader, origin))
        {
            var whole = name.Replace(" ", "", StringComparison.Ordinal);
            words[whole] = words.GetValueOrDefault(whole) | KnownKind;
        }
    }

    /// <summary>The <c>kind TAB name</c> lines of the known-names list; a bad line throws, naming the line.</summary>
    private static IEnumerable<(KnownName Kind, string Name)> KnownEntries(TextReader reader, string origin)
    {
        foreach (var (number, line) in Entries(reader))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var kind = tab < 0 ? "" : line[..tab];
            var parts = tab < 0 ? [] : line[(tab + 1)..].Split(' ');
            if (kind is not ("korean" or "group" or "foreign" or "character") || parts.Length is 0 or > 4
                || parts.Any(p => p.Length == 0 || !p.All(Context.IsHangulSyllable)) || !IsHangulWord(string.Concat(parts)))
            {
                throw new MoaException($"{origin}:{number}: expected 'korean', 'group', 'foreign' or 'character', a tab and a name of one to four Hangul words (single spaces, two syllables or more in all); got '{line}'.");
            }

            yield return (kind switch { "korean" => KnownName.Korean, "group" => KnownName.Group, "foreign" => KnownName.Foreign, _ => KnownName.Character }, line[(tab + 1)..]);
        }
    }

    // The known names by their kind, as listed (with their spaces) and without their spaces, for the rules.
    private static readonly FrozenDictionary<string, KnownName>.AlternateLookup<ReadOnlySpan<char>> s_knownNames = LoadKnownNames().GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, KnownName> LoadKnownNames()
    {
        using var reader = Resource(KnownResource);
        var names = new Dictionary<string, KnownName>(StringComparer.Ordinal);
        foreach (var (kind, name) in KnownEntries(reader, KnownResource))
        {
            // Siblings named together (코엔 형제, 워쇼스키 남매) are left to the tagger: the person is the name before the kin word.
            if (name.EndsWith("형제", StringComparison.Ordinal) || name.EndsWith("자매", StringComparison.Ordinal) || name.EndsWith("남매", StringComparison.Ordinal))
            {
                continue;
            }

            names.TryAdd(name, kind);
            names.TryAdd(name.Replace(" ", "", StringComparison.Ordinal), kind);
        }

        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// The kind of a known person, group or character of <c>Names/known-names.tsv</c>, written as listed (<c>히스 레저</c>)
    /// or without its spaces (<c>히스레저</c>); <see cref="KnownName.None"/> when it is not there, and for siblings named
    /// together (<c>코엔 형제</c>). Read by the rules.
    /// </summary>
    public static KnownName KnownNameKind(ReadOnlySpan<char> name) =>
        name.Length >= 2 && (s_knownEnds[EndsBit(name) >> 6] & (1UL << EndsBit(name))) != 0 && s_knownNames.TryGetValue(name, out var kind) ? kind : KnownName.None;

    // The first/last-syllable filter of the known names by kind (as s_nameEnds for the gazetteer).
    private static readonly ulong[] s_knownEnds = BuildEnds(s_knownNames.Dictionary.Keys);

    /// <summary>Kind bit of <see cref="LatinKind"/>: a given name in Latin letters (Maria, Haruto, Rahul).</summary>
    public const int LatinGivenKind = 1;

    /// <summary>Kind bit of <see cref="LatinKind"/>: a family name in Latin letters (Nguyen, Sharma, Karimov).</summary>
    public const int LatinFamilyKind = 2;

    /// <summary>
    /// Kind bit of <see cref="LatinKind"/>: an element inside names that is no name alone (Van, Thi, Dela, Bin, Von).
    /// </summary>
    public const int LatinMiddleKind = 4;

    private const string LatinResource = "Moa.Privacy.Names.latin-names.tsv";

    // Personal-name words in Latin letters (Names/latin-names.tsv), any case, looked up by span.
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> s_latin = LoadLatin().GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The kinds (<see cref="LatinGivenKind"/>, <see cref="LatinFamilyKind"/>, <see cref="LatinMiddleKind"/>, or'd) of a
    /// word in Latin letters, in any case (<c>NGUYEN</c>, <c>Nguyen</c>); 0 when it is not in the list. The list holds
    /// given and family names of the people who live, work and study in Korea and of the wider world, without words that
    /// are also common English words, places or brands (see <c>docs/privacy/person-model.md</c>).
    /// </summary>
    public static int LatinKind(ReadOnlySpan<char> word) =>
        word.Length < 2 ? 0
        : s_latin.TryGetValue(word, out var kind) ? kind
        : word.ContainsAnyExceptInRange('\0', '\u007F') && s_latin.TryGetValue(WithoutDiacritics(word), out kind) ? kind : 0;

    /// <summary>
    /// The kinds of a name word in Cyrillic letters (<c>Дильшод</c>, <c>Энхжаргал</c>, <c>Ольга</c>), looked up in the list of
    /// names in Latin letters through its romanisation: ж as <c>zh</c> or <c>j</c> (Russian and Mongolian use), х as <c>kh</c>
    /// or <c>h</c>, й as <c>y</c> or <c>i</c>, the other letters as passports of Russia and Central Asia write them; 0 when no
    /// romanisation is listed.
    /// </summary>
    public static int CyrillicKind(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || word.Length > 24)
        {
            return 0;
        }

        Span<char> buffer = stackalloc char[word.Length * 4];
        for (var variant = 0; variant < 8; variant++)
        {
            var n = 0;
            var uses = 0;
            foreach (var c in word)
            {
                var lower = char.ToLowerInvariant(c);
                var latin = lower switch
                {
                    'ж' => (variant & 1) == 0 ? "zh" : "j",
                    'х' or 'һ' => (variant & 2) == 0 ? "kh" : "h",
                    'й' => (variant & 4) == 0 ? "y" : "i",
                    _ => CyrillicLetter(lower),
                };
                uses |= lower switch { 'ж' => 1, 'х' or 'һ' => 2, 'й' => 4, _ => 0 };
                if (latin is null)
                {
                    return 0;
                }

                latin.AsSpan().CopyTo(buffer[n..]);
                n += latin.Length;
            }

            if ((variant & ~uses) != 0)
            {
                // (A variant that changes a letter the word does not have repeats an earlier lookup.)
                continue;
            }

            if (n >= 2)
            {
                buffer[0] = char.ToUpperInvariant(buffer[0]);
                if (s_latin.TryGetValue(buffer[..n], out var kind))
                {
                    return kind;
                }
            }
        }

        return 0;

        static string? CyrillicLetter(char c) => c switch
        {
            'а' or 'ә' => "a", 'б' => "b", 'в' => "v", 'г' or 'ғ' => "g", 'д' => "d", 'е' or 'э' or 'є' => "e", 'ё' => "yo", 'з' => "z",
            'и' or 'і' => "i", 'ї' => "yi", 'к' or 'қ' => "k", 'л' => "l", 'м' => "m", 'н' => "n", 'ң' => "ng", 'о' or 'ө' => "o", 'п' => "p",
            'р' => "r", 'с' => "s", 'т' => "t", 'у' or 'ү' or 'ұ' or 'ў' => "u", 'ф' => "f", 'ц' => "ts", 'ч' => "ch", 'ш' => "sh",
            'щ' => "shch", 'ъ' or 'ь' => "", 'ы' => "y", 'ю' => "yu", 'я' => "ya", _ => null,
        };
    }

    /// <summary>The word with its diacritics taken off as the list writes names (Léa → Lea, Nguyễn → Nguyen, Đặng → Dang).</summary>
    internal static string WithoutDiacritics(ReadOnlySpan<char> word)
    {
        var decomposed = word.ToString().Normalize(System.Text.NormalizationForm.FormD);
        var folded = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c switch { 'đ' => 'd', 'Đ' => 'D', 'ø' => 'o', 'Ø' => 'O', 'ł' => 'l', 'Ł' => 'L', _ => c });
            }
        }

        return folded.ToString();
    }

    /// <summary>Number of words in the Latin-letter name list.</summary>
    public static int LatinCount => s_latin.Dictionary.Count;

    private static FrozenDictionary<string, int> LoadLatin()
    {
        using var reader = Resource(LatinResource);
        return ParseLatin(reader, LatinResource);
    }

    /// <summary>
    /// Reads <c>kind TAB word</c> lines (kind: given, family or middle; the word ASCII letters, an apostrophe or hyphen
    /// inside); a bad line throws, naming the line. Look-ups ignore case.
    /// </summary>
    internal static FrozenDictionary<string, int> ParseLatin(TextReader reader, string origin)
    {
        var words = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        ParseKindWords(reader, origin, words, ("middle", LatinGivenKind, LatinFamilyKind, LatinMiddleKind), IsLatinWord,
            "a word of two ASCII letters or more (an apostrophe or hyphen may join two parts)");
        return words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsLatinWord(string word) =>
        word.Length >= 2 && Context.IsAsciiLetter(word[0]) && Context.IsAsciiLetter(word[^1])
        && word.All(c => Context.IsAsciiLetter(c) || c is '\'' or '-') && !word.Contains("--", StringComparison.Ordinal);

    /// <summary>
    /// Whether a Hangul word is a common word that the tagger takes for a name: a Korean word with a name's shape (문자열,
    /// 정규식, 이상형) or a loanword (헤더, 클라이언트). The tagger's spans that are exactly such a word are dropped (<c>Person.Scan</c>); a rule (a title, an honorific, a label) still
    /// finds it. The list is written from knowledge (see <c>docs/privacy/person-model.md</c>).
    /// </summary>
    public static bool IsCommonWord(ReadOnlySpan<char> word) => word.Length >= 2 && s_commonWords.Contains(word);

    private static FrozenSet<string> LoadCommonWords()
    {
        using var reader = Resource(CommonWordsResource);
        return ParseCommonWords(reader, CommonWordsResource);
    }

    /// <summary>Reads one Hangul word per line ('#' starts a comment line); a bad line throws, naming the line.</summary>
    internal static FrozenSet<string> ParseCommonWords(TextReader reader, string origin)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (number, line) in Entries(reader))
        {
            if (!IsHangulWord(line))
            {
                throw new MoaException($"{origin}:{number}: expected one Hangul word of two syllables or more; got '{line}'.");
            }

            words.Add(line);
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Approximate population shares (per mille) of the ten most frequent surnames; the rest share the remainder.</summary>
    private static readonly int[] s_topShares = [215, 147, 84, 47, 43, 24, 21, 21, 20, 17];

    // Per Hangul syllable (U+AC00..U+D7A3): bits 0-1 the surname rank, bit 2 a given-name syllable, bit 3 an old given-name
    // syllable (read by the rules only). One load per look-up.
    private static readonly byte[] s_syllables = BuildTable();

    /// <summary>0 = not a surname, 1 = one of the five most frequent, 2 = top 20, 3 = other surname.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SurnameRank(char c) => (uint)(c - '\uAC00') < (uint)s_syllables.Length ? s_syllables[c - '\uAC00'] & 3 : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsGivenSyllable(char c) => (uint)(c - '\uAC00') < (uint)s_syllables.Length && (s_syllables[c - '\uAC00'] & 4) != 0;

    private static byte[] BuildTable()
    {
        var table = new byte['\uD7A3' - '\uAC00' + 1];
        for (var i = Surnames.Length - 1; i >= 0; i--)
        {
            table[Surnames[i] - '\uAC00'] = (byte)(i < 5 ? 1 : i < 20 ? 2 : 3);
        }

        foreach (var c in GivenSyllables)
        {
            table[c - '\uAC00'] |= 4;
        }

        foreach (var c in ElderGivenSyllables)
        {
            table[c - '\uAC00'] |= 8;
        }

        return table;
    }

    /// <summary>A surname drawn with (roughly) its population frequency.</summary>
    public static string RandomSurname(Random rng)
    {
        if (rng.Next(100) == 0)
        {
            return CompoundSurnames[rng.Next(CompoundSurnames.Length)];
        }

        var r = rng.Next(1000);
        for (var i = 0; i < s_topShares.Length; i++)
        {
            if (r < s_topShares[i])
            {
                return Surnames[i].ToString();
            }

            r -= s_topShares[i];
        }

        return Surnames[s_topShares.Length + rng.Next(Surnames.Length - s_topShares.Length)].ToString();
    }

    /// <summary>A foreign name: a given name alone, a family name alone, or both with a space or (rarely) without.</summary>
    public static string RandomForeign(Random rng) => rng.Next(6) switch
    {
        0 => ForeignGiven[rng.Next(ForeignGiven.Length)],
        1 => ForeignFamily[rng.Next(ForeignFamily.Length)],
        2 => string.Concat(ForeignGiven[rng.Next(ForeignGiven.Length)], ForeignFamily[rng.Next(ForeignFamily.Length)]),
        _ => string.Concat(ForeignGiven[rng.Next(ForeignGiven.Length)], " ", ForeignFamily[rng.Next(ForeignFamily.Length)]),
    };

    /// <summary>A given name of one (rarely) or two syllables.</summary>
    public static string RandomGiven(Random rng) =>
        rng.Next(20) == 0
            ? GivenSyllables[rng.Next(GivenSyllables.Length)].ToString()
            : string.Concat(GivenSyllables[rng.Next(GivenSyllables.Length)], GivenSyllables[rng.Next(GivenSyllables.Length)]);
}

/// <summary>What a name of <c>Names/known-names.tsv</c> names (<see cref="NameGazetteer.KnownNameKind"/>).</summary>
public enum KnownName : byte
{
    /// <summary>Not a known name.</summary>
    None,

    /// <summary>A Korean person (송강호).</summary>
    Korean,

    /// <summary>A group, band or duo (원더걸스).</summary>
    Group,

    /// <summary>A foreign person (히스 레저).</summary>
    Foreign,

    /// <summary>A fictional character (다스베이더).</summary>
    Character,
}
