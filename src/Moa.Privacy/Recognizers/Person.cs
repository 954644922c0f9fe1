using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Moa.Privacy.Analysis;
using Moa.Privacy.Names;
using Moa.Text.Languages;

namespace Moa.Privacy.Recognizers;

/// <summary>
/// Person names (<c>PERSON</c>): every Hangul name the learned tagger (<see cref="PersonModel"/>) finds, plus names found
/// through context rules: a Korean name (common surname + given name) before a title or
/// honorific (김민준 씨, 이서연님, 박지훈 교수, 봉준호 감독) or after a label (성명: 홍길동, 담당자 최유진), and English names
/// after an honorific or label (Mr. John Smith, Name: Jane Doe). All context words are found in one multi-string search.
/// </summary>
internal static class Person
{
    /// <summary>Titles and honorifics that follow a name (also the tagger's evidence, <see cref="PersonFeatures.HasEvidence"/>).</summary>
    internal static ReadOnlySpan<string> Titles => s_titles;

    private static readonly string[] s_titles =
    [
        "씨", "님", "교수", "기자", "대표", "사장", "회장", "원장", "의원", "장관", "박사", "선생", "변호사", "감독", "작가", "팀장",
        "과장", "부장", "차장", "대리", "주무관", "사무관", "국장", "총장", "이사", "사원", "주임", "연구원", "간호사", "의사",
        "드림", "올림", "배상", "대통령", "총리", "후보", "선수", "위원장", "의장", "대변인", "원내대표", "코치", "여사", "총재", "주석", "학생",
        "매니저", "플래너", "지배인", "교무", "공장장",
    ];

    // Labels before a name: the person rules' own, the private-context judge's labels of a person's record and its roles
    // of private persons (신청인, 환자, 민원인, 예약자 …), one list for both.
    private static readonly string[] s_formLabels =
    [
        "성명", "이름", "담당자", "작성자", "신청인", "피고인", "원고", "고객명", "수령인", "예금주", "환자명", "보호자", "대표자", "성함",
        "받는 사람", "보내는 사람", "연락 담당",
    ];

    // Titles that also stand before a name (대표 길성자, 딜러 한기철, 관련학생 계도현): read as loose labels.
    private static readonly string[] s_titlesBefore =
    [
        "대표", "사장", "원장", "팀장", "과장", "부장", "차장", "대리", "주임", "간호사", "의사", "교사", "딜러", "학생", "통역",
        "변호사", "세무사", "노무사", "중개사", "기사", "담임", "신랑", "신부", "상주", "이장", "주무관", "순경", "경장",
        "소방사", "소방교", "소방장", "소방위", "소방경", "소방령", "경위", "대위", "중위", "일병", "이병", "상병", "병장", "매니저", "센터장", "총무", "동장", "라이더",
    ];

    private static readonly string[] s_labels =
    [
        .. s_formLabels.Concat(["예약자", "질의자", "주문자", "구매자", "판매자", "작성인", "참석자", "참가자", "발신인", "수신인", "신고자", "의뢰자",
                "진정인", "고소인", "근무자", "확인자", "산모"])
            .Concat(PrivateContext.Labels.ToArray()).Concat(PrivateContext.Roles.ToArray()).Concat(PrivateContext.Staff.ToArray())
            .Concat(PrivateContext.Relations.ToArray()).Concat(PrivateContext.Kin.ToArray()).Concat(s_titlesBefore)
            .Where(w => w.Length > 1).Distinct(StringComparer.Ordinal),
    ];

    // Every label but the form labels above is also a word of running text (서명 정보, 환자 상태, 이름 설명): a name after
    // it without a colon must have a name's shape (NameShaped).
    private static readonly HashSet<string> s_loose = new(s_labels.Except(s_formLabels), StringComparer.Ordinal);

    // Staff words (상담원, 강사, 총무) are everyday nouns of running text: a name after one only with a colon or in a form cell.
    private static readonly HashSet<string> s_staffLabels = new(PrivateContext.Staff.ToArray().Except(s_formLabels), StringComparer.Ordinal);

    private static readonly string[] s_englishLabels = ["Mr. ", "Mrs. ", "Ms. ", "Dr. ", "Prof. ", "Mr ", "Mrs ", "Ms ", "Dr ", "Name: ", "name: ", "Contact: ", "Dear ", "Attn: ", "From: ", "To: ", "Cc: ", "CC: ", "Bcc: ",
        "real name ", "real name: ", "Real name: ", "call me ", "full name: ", "Full name: ", "legal name: ", "Legal name: "];

    // Single-character honorifics get a vectorised char search; the longer words a multi-string (Teddy) search.
    private static readonly SearchValues<char> s_honorifics = SearchValues.Create("씨님");

    private static readonly SearchValues<char> s_initialHonorifics = SearchValues.Create("군양");

    // Honorific forms of address after a name (도빛나 회원님, 황보다솜 어머님, 차옥분 권사님): general Korean, written from
    // knowledge; not among the tagger's titles (PersonFeatures), so the model is unchanged.
    private static readonly string[] s_addressTitles =
    [
        "회원님", "고객님", "어머님", "아버님", "어머니", "아버지", "집사님", "권사님", "장로님", "선생님", "학생", "환자분", "어르신", "보호자님",
        "원장님", "과장님", "팀장님", "대표님", "사장님", "기사님", "간호사님", "수녀님", "목사님", "할머니", "할아버지", "산모님", "선배님", "후배님",
        "소장님", "실장님", "부장님", "지배인님", "자매님", "형제님",
    ];

    private static readonly WordFinder s_words = new([.. s_titles.Where(t => t.Length > 1), .. s_addressTitles, .. s_labels, .. s_englishLabels,
        .. NameGazetteer.ResidentFamilyFirst.Where(n => n.Length > 1), .. NameGazetteer.ResidentFamilyLast]);

    private static readonly SearchValues<char> s_surnames = SearchValues.Create(NameGazetteer.Surnames + NameGazetteer.RareSurnames);
    private static readonly string[] s_compoundSurnames = NameGazetteer.CompoundSurnames;

    // Names the tagger found, reused per thread.
    [ThreadStatic]
    private static List<TaggedName>? t_tagged;

    private static readonly HashSet<string> s_notNames = new(StringComparer.Ordinal)
    {
        "하나님", "하느님", "부처님", "예수", "예수님", "성모", "성모님", "시어머", "시아버", "주인공", "공주", "왕자", "고객", "손님", "선배", "후배", "여러분", "조카", "사모", "트레이너",
        "도련", "장모", "장인", "부모", "사위", "며느리", "아기", "우리", "여자", "남자", "주인", "감독", "배우", "작가", "기자", "교수",
        "이번", "이분", "그분", "저분", "이사람", "여자인", "남자인", "주인공인", "신인", "무명", "유명",
        "정말", "진짜", "하긴", "역시", "그냥", "너무", "완전", "아주", "제일", "가장", "다시", "최고", "모두", "이건", "이런", "그런", "저런",
        "장난아", "장난이", "양부모", "시부모", "주지사", "도지사", "대한민국", "정부", "국민", "시민", "고인", "이름", "성명",
        "자기", "담임", "별난", "미녀", "선녀", "소녀", "상담", "간호", "소금", "주임", "친정", "시댁", "동네", "옆집", "이웃",
        "지점장", "부지점장", "반대표", "조정장", "셀리더", "신원미상", "가즈아", "위생사", "심판정", "빌리루빈", "초보", "영감", "경기도", "계약서", "레이드",
        "주니어", "시니어", "소유주", "함장", "부함장", "선장", "기관장", "갑판장", "전산",
    };

    // Final syllables that end no Korean name: of modifiers and particles ("표현한 감독", "최고의 배우") and of parties,
    // shops and agencies ("민주당 대변인", "가맹점", "경찰청"); none of the 11,672 hand-labelled persons ends with one. And of
    // teams ("인사팀 매니저"), added later: none of the 23,468 labelled persons of two syllables or more in Names/Data ends with 팀.
    private static readonly SearchValues<char> s_nonNameEndings = SearchValues.Create("의던된할될는을를했적한에고서며면게로와과랑께당점청팀");

    private static readonly SearchValues<char> s_particles = SearchValues.Create("님은는이가의께에과와를을도로만랑");

    /// <summary>Whether <paramref name="c"/> opens a particle (or is 님) after a name: 은, 는, 이, 가, 의, 께, 에 …</summary>
    internal static bool IsParticle(char c) => s_particles.Contains(c);

    /// <summary>
    /// False when <see cref="Scan"/> cannot find anything: no Hangul syllable (the tagger's input), no honorific, no
    /// context word, no Cyrillic letter and no letter of Vietnamese in the text.
    /// </summary>
    public static bool MayMatch(ReadOnlySpan<char> text) =>
        text.ContainsAnyInRange('\uAC00', '\uD7A3') || text.ContainsAny(s_honorifics) || s_words.Next(text, 0) >= 0 || text.ContainsAnyInRange('\u0400', '\u04FF')
        || IsVietnamese(text) || text.ContainsAny(s_chineseTitles);

    /// <summary>Whether <paramref name="text"/> holds a letter only Vietnamese writes (ă, ơ, ư, đ, or a tone-marked vowel: ạ, ế, ữ).</summary>
    private static bool IsVietnamese(ReadOnlySpan<char> text) => text.ContainsAny(s_vietnameseLetters) || text.ContainsAnyInRange('\u1EA0', '\u1EF9');

    /// <summary>Maps the tagger's mean margin to a score: 0.5 at the decision boundary, rising with the margin.</summary>
    internal static double ModelScore(float margin) => 1 / (1 + Math.Exp(-margin / MarginScale));

    /// <summary>
    /// Margin (in averaged-perceptron units) that moves the score from 0.5 to 0.73; chosen on the tuning quarter of the
    /// KLUE part so that min_score 0.5 keeps the tagger's decisions and 0.88 (margin 30) trades recall for precision.
    /// </summary>
    internal const double MarginScale = 15.0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scan(string text, List<PiiFinding> sink, PersonModel model)
    {
        // Context rules first: where a rule and the tagger disagree on the same name, the rule's boundaries win; a
        // tagged span that overlaps an identifier already found (an address, a number) is not a name either.
        var first = sink.Count;
        ScanRules(text, sink);
        var before = sink.Count;

        // A foreign name word that a rule found (예이츠 before 감독, 마모루 before 님) takes the foreign name words before it.
        for (var i = first; i < before; i++)
        {
            var f = sink[i];
            if (f.Type == PiiTypes.Person && (f.Start == 0 || !Context.IsHangulSyllable(text[f.Start - 1])) && IsForeignNameWord(text.AsSpan(f.Start, f.End - f.Start))
                && ForeignWordsBefore(text, f.Start, -1) is var start && start < f.Start)
            {
                sink[i] = f with { Start = start };
            }
        }
        var tagged = t_tagged ??= new List<TaggedName>(8);
        tagged.Clear();
        model.Find(text, tagged);
        JoinForeignNames(text, tagged);
        foreach (var n in tagged)
        {
            var overlapsFound = false;
            for (var i = 0; i < before && !overlapsFound; i++)
            {
                overlapsFound = sink[i].Start < n.End && n.Start < sink[i].End && sink[i].Score >= 0.5;

                // A rule and the tagger that agree on the same span: the name keeps the higher of the two scores.
                if (overlapsFound && sink[i].Start == n.Start && sink[i].End == n.End && sink[i].Type == PiiTypes.Person && ModelScore(n.Margin) > sink[i].Score)
                {
                    sink[i] = sink[i] with { Score = ModelScore(n.Margin) };
                }
            }

            // A role or label word taken for a name (민원인, 보호자, 연락처) names no one, nor does a field label whose value
            // is a number (방문일: 2025-06-08), nor a common word of a name's shape (문자열, 정규식) that only the tagger
            // finds, alone or after a syllable that is a surname (빈 문자열: an empty string); nor a word of two syllables glued
            // to a number, a unit (시정 2해리; a full name may be glued so in reviews, 시즌2홍선희); nor a place's office in one
            // word, 괴산군수, 부산시장, nor a word of three syllables or more that names no one, 주니어, 소유주 (초보 may be a
            // member's handle, 초보님).
            var name = text.AsSpan(n.Start, n.End - n.Start);
            if (!overlapsFound && !(n.Start > 0 && Context.IsDigit(text[n.Start - 1]) && name.Length <= 2) && !PlaceOffice(name)
                && !(name.Length >= 3 && s_notNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
                && !PrivateContext.IsContextWord(name) && !PrivateContext.IsFieldWord(name) && !IsInflectedCommonWord(name)
                && !(name.Length > 3 && name[1] == ' ' && NameGazetteer.SurnameRank(name[0]) > 0 && NameGazetteer.IsCommonWord(name[2..]))
                && !NumberFieldLabel(text, n.End) && (name.Length > 1 || SurnameBeforeTitle(text, n.Start)) && !ParticleAfterJamo(text, n.Start, name))
            {
                sink.Add(new PiiFinding(n.Start, n.End, PiiTypes.Person, ModelScore(n.Margin)));
            }
        }

        AddKnownNames(text, sink, before);

        // The name in Chinese characters in brackets right after it is the same person: 홍길동(洪吉童), 시진핑(習近平),
        // 가오쯔치(高梓淇-고재기), as official documents and the press write names; so is the Hangul rendering after a name
        // in Latin letters, whichever rule found it (Daniel Seo(서대니), Rahim Uddin (라힘 우딘)).
        for (int i = first, n = sink.Count; i < n; i++)
        {
            if (sink[i].Type != PiiTypes.Person)
            {
                continue;
            }

            if (HanjaNameAfter(text, sink[i].End) is var hanjaEnd and > 0)
            {
                sink.Add(new PiiFinding(sink[i].End + 1, hanjaEnd, PiiTypes.Person, sink[i].Score));
            }
            else if (Context.IsAsciiLetter(text[sink[i].End - 1]) || Context.IsCyrillicLetter(text[sink[i].End - 1]))
            {
                AddRendering(text, sink[i].Start, sink[i].End, sink[i].Score, sink);
            }
            else if (EnglishNameInBrackets(text, sink[i].End) is { } english)
            {
                // The English name a person goes by, in brackets after the name (정시우 (Leo), 단비(Luna)), as academies and
                // international offices write them.
                sink.Add(new PiiFinding(english.Start, english.End, PiiTypes.Person, sink[i].Score));
            }

            // So is the name in its own script in brackets after the name in Latin letters or Hangul, as registers of
            // foreign residents write it (Abdullah Al-Harbi (عبدالله الحربي), Imran Qureshi (عمران قریشی), 바트 (Батбаяр)).
            if (OwnScriptNameInBrackets(text, sink[i].End) is { } own)
            {
                sink.Add(new PiiFinding(own.Start, own.End, PiiTypes.Person, sink[i].Score));
            }
        }

        // No name is cut out of a common word, whichever rule or the tagger found it: 정형외 of 정형외과, 장기자 of 장기자랑.
        for (var i = sink.Count - 1; i >= first; i--)
        {
            if (sink[i].Type == PiiTypes.Person && CutFromCommonWord(text, sink[i].Start, sink[i].End))
            {
                sink.RemoveAt(i);
            }
        }
    }

    /// <summary>Whether a tagged span is the particle after consonant initials (<c>ㅈㅎ이한테</c>: 이한테 is no name).</summary>
    private static bool ParticleAfterJamo(string text, int start, ReadOnlySpan<char> name) =>
        start > 0 && IsJamoConsonant(text[start - 1]) && name.Length > 1 && name[0] == '이'
        && name[1..] is "한테" or "가" or "는" or "랑" or "도" or "에게" or "네" or "한테서" or "한테는";

    /// <summary>Whether the span ends inside a Hangul word that is a common word, with or without a particle (정형외 of 정형외과).</summary>
    /// <summary>A place's office written as one word of four syllables or more: 괴산군수, 부산시장, 강남구청장, 경기도지사.</summary>
    private static bool PlaceOffice(ReadOnlySpan<char> name) =>
        name.Length >= 4 && (name.EndsWith("군수") || name.EndsWith("시장") || name.EndsWith("구청장") || name.EndsWith("도지사") || name.EndsWith("교육감")
            || name.EndsWith("군의원") || name.EndsWith("시의원") || name.EndsWith("도의원") || name.EndsWith("구의원"));

    internal static bool CutFromCommonWord(string text, int start, int end) =>
        end - start >= 2 && Context.IsHangulSyllable(Context.At(text, end)) && Context.IsHangulSyllable(text[end - 1])
        && IsInflectedCommonWord(text.AsSpan(start, Context.HangulEnd(text, end) - start));

    /// <summary>
    /// Foreign names of two or three words (<c>드류 베리모어</c>, <c>하세가와 요헤이</c>, <c>이노세 나오키</c>), of which the tagger
    /// often finds one word: a tagged span that is a whole word grows over the next word when that word's stem is a
    /// foreign given or family name of the gazetteer (<see cref="NameGazetteer.GazetteerKind"/>), or when the next word
    /// starts another tagged span and one of the two is such a name; it grows over the word before when that whole word is
    /// one. Korean names stay as they are: a word after them is a name only when the gazetteer says so.
    /// </summary>
    private static void JoinForeignNames(string text, List<TaggedName> tagged)
    {
        for (var k = 0; k < tagged.Count; k++)
        {
            var (start, end, margin) = tagged[k];
            if (start > 0 && (Context.IsHangulSyllable(text[start - 1]) || Context.IsAsciiLetter(text[start - 1])))
            {
                continue;
            }

            start = ForeignWordsBefore(text, start, k == 0 ? -1 : tagged[k - 1].End);

            // The words after, while the span ends its word and the next word's stem is a foreign name word or starts a
            // tagged span.
            while (Context.At(text, end) == ' ' && Context.IsHangulSyllable(Context.At(text, end + 1)))
            {
                var q = Context.HangulEnd(text, end + 1);
                if (q < text.Length && (Context.IsAsciiLetter(text[q]) || Context.IsDigit(text[q])))
                {
                    break;
                }

                var stemEnd = PersonFeatures.StemEnd(text, end + 1, q);
                var next = k + 1 < tagged.Count && tagged[k + 1].Start == end + 1 ? tagged[k + 1] : default;
                if (next.End > end && (IsForeignNameWord(text.AsSpan(end + 1, next.End - end - 1)) || IsForeignNameWord(LastWord(text, start, end))))
                {
                    end = next.End;
                    margin = Math.Max(margin, next.Margin);
                    tagged.RemoveAt(k + 1);
                }
                else if (IsForeignNameWord(text.AsSpan(end + 1, stemEnd - end - 1))
                    || end - start == LastWord(text, start, end).Length && UnlistedFamilyAfterGiven(text, start, end, stemEnd))
                {
                    end = stemEnd;
                }
                else
                {
                    break;
                }

                if (end < q)
                {
                    break;
                }
            }

            tagged[k] = new TaggedName(start, end, margin);
        }
    }

    /// <summary>
    /// Whether the word <c>[end + 1, stemEnd)</c> after a tagged foreign given name of one word <c>[start, end)</c> reads as
    /// its unlisted family name (<c>마크 무뇨즈</c>, <c>조쉬 더하멜도</c>, <c>디미트리스 캄메노스</c>): two to five syllables,
    /// one of them no reading of a Chinese character (not <c>윌리엄 검시관</c>, <c>아바스 수반</c>), no common word, title,
    /// role or context word, no Korean name's shape; a case particle follows it in its word, or a comma, a bracket, 등 or a
    /// word that says who a person is follows the word (not <c>레이첼 팬이라면</c>, <c>마이클 귀여워요</c>).
    /// </summary>
    private static bool UnlistedFamilyAfterGiven(string text, int start, int end, int stemEnd)
    {
        var given = text.AsSpan(start, end - start);
        var word = text.AsSpan(end + 1, stemEnd - end - 1);
        var b = Context.HangulEnd(text, end + 1);
        var after = Context.At(text, b);
        var closes = stemEnd < b ? text.AsSpan(stemEnd, b - stemEnd) is "은" or "는" or "이" or "가" or "을" or "를" or "의" or "와" or "과" or "도" or "에게"
            : after is ',' or '(' or '·' || after == ' ' && (Context.At(text, b + 1) == '등' && !Context.IsHangulSyllable(Context.At(text, b + 2)) || PersonWordAt(text, b + 1));
        return closes && word[^1] != '서' && (NameGazetteer.GazetteerKind(given) & NameGazetteer.ForeignGivenKind) != 0 && word.Length is >= 2 and <= 5
            && NameGazetteer.HasNonSinoSyllable(word) && !NameGazetteer.IsCommonWord(word) && !IsTitleOrRole(word) && !PrivateContext.IsContextWord(word) && !PrivateContext.IsFieldWord(word)
            && NameGazetteer.KnownNameKind(word) == KnownName.None && !PersonLayout.KoreanNameShaped(text, end + 1, stemEnd);
    }

    /// <summary>
    /// A common word of <c>common-words.txt</c>, or one with a particle after it (<c>이것은</c>, <c>공간을</c>, <c>함수나</c>,
    /// <c>공간으로</c>), or its words written apart (<c>폴 백</c>, <c>페이 로드</c>): the tagger's spans and colon-less labels'
    /// values that are such words name no one.
    /// </summary>
    internal static bool IsInflectedCommonWord(ReadOnlySpan<char> word) =>
        NameGazetteer.IsCommonWord(word) || word.Length >= 3 && (s_particles.Contains(word[^1]) || word[^1] == '나') && NameGazetteer.IsCommonWord(word[..^1])
        || word.Length >= 4 && word[^2..] is "으로" or "이나" or "에서" or "에게" or "까지" or "부터" or "처럼" or "보다" or "에는" && NameGazetteer.IsCommonWord(word[..^2])
        || word.Length is >= 3 and <= 16 && word.IndexOf(' ') > 0 && IsCommonWordWithoutSpaces(word);

    /// <summary>Whether the words of <paramref name="words"/> written together are a common word (폴 백, 페이 로드: 폴백, 페이로드).</summary>
    private static bool IsCommonWordWithoutSpaces(ReadOnlySpan<char> words)
    {
        Span<char> joined = stackalloc char[words.Length];
        return NameGazetteer.IsCommonWord(joined[..WithoutSpaces(words, joined)]);
    }

    /// <summary>Copies <paramref name="words"/> without its spaces into <paramref name="joined"/>; returns the length.</summary>
    private static int WithoutSpaces(ReadOnlySpan<char> words, Span<char> joined)
    {
        var n = 0;
        foreach (var c in words)
        {
            if (c != ' ')
            {
                joined[n++] = c;
            }
        }

        return n;
    }

    /// <summary>
    /// The start of the whole foreign name words right before <paramref name="start"/>, one space apart (<c>데이빗</c> before
    /// <c>예이츠</c>), none of them at or before <paramref name="limit"/>; <paramref name="start"/> when there is none.
    /// </summary>
    private static int ForeignWordsBefore(string text, int start, int limit)
    {
        while (start >= 3 && start - 1 > limit && text[start - 1] == ' ' && Context.IsHangulSyllable(text[start - 2]))
        {
            var p = Context.HangulStart(text, start - 1);
            if ((p > 0 && (Context.IsAsciiLetter(text[p - 1]) || Context.IsDigit(text[p - 1]))) || !IsForeignNameWord(text.AsSpan(p, start - 1 - p)))
            {
                break;
            }

            start = p;
        }

        return start;
    }

    /// <summary>
    /// A foreign given name and family name written as one word, as reviews and chats write them (<c>니콜키드먼</c>,
    /// <c>더스틴호프만의</c>, <c>토비맥과이어</c>): a Hangul word whose stem splits into a given name and a family name of the
    /// foreign gazetteer, two syllables or more each. The span is the stem.
    /// </summary>
    private static void TryGluedForeignNames(string text, List<PiiFinding> sink)
    {
        var span = text.AsSpan();
        for (var a = span.IndexOfAnyInRange('\uAC00', '\uD7A3'); a >= 0 && a < text.Length;)
        {
            var b = Context.HangulEnd(text, a);
            if (b - a >= 4 && (a == 0 || !Context.IsAsciiLetter(text[a - 1])))
            {
                // The whole word first: a family name may end in what reads as a particle (호프만, 할스만, 코엔도).
                var stemEnd = PersonFeatures.StemEnd(text, a, b);
                var end = GluedForeignName(span, a, b);
                end = end > 0 || stemEnd == b ? end : GluedForeignName(span, a, stemEnd);

                // A Vietnamese name may end in 이 or 란 (마이, 투이, 란), which the stem takes for a particle.
                var whole = b - stemEnd == 1 && text[stemEnd] is '이' or '란' ? GluedVietnameseName(text, a, b) : 0;
                end = end > 0 ? end : whole > 0 ? whole : GluedVietnameseName(text, a, stemEnd);
                if (end > 0)
                {
                    sink.Add(new PiiFinding(a, end, PiiTypes.Person, 0.7));
                }
            }

            var next = b < text.Length ? span[b..].IndexOfAnyInRange('\uAC00', '\uD7A3') : -1;
            a = next < 0 ? -1 : b + next;
        }
    }

    /// <summary>
    /// <paramref name="end"/> when <c>span[a..end]</c>, four syllables or more and no common word (nor one that holds
    /// one: 제이야기, 할리우드), splits into a foreign given name and a foreign family name of two syllables or more each;
    /// otherwise 0.
    /// </summary>
    private static int GluedForeignName(ReadOnlySpan<char> span, int a, int end)
    {
        if (end - a < 4 || NameGazetteer.IsCommonWord(span[a..end]))
        {
            return 0;
        }

        for (var k = a + 2; k <= end - 2; k++)
        {
            if ((NameGazetteer.GazetteerKind(span[a..k]) & NameGazetteer.ForeignGivenKind) != 0
                && (NameGazetteer.GazetteerKind(span[k..end]) & NameGazetteer.ForeignFamilyKind) != 0
                && !NameGazetteer.IsCommonWord(span[k..end]))
            {
                return end;
            }
        }

        return 0;
    }

    // Vietnamese family names as Korean institutions write them (Nguyễn 응우옌, Trần 쩐, Lê 레, Phạm 팜, Bùi 부이, Võ 보,
    // Đặng 당, Huỳnh 후인, Dương 즈엉). From knowledge.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_vietnameseFamilies = FrozenSet.Create(
        StringComparer.Ordinal,
        ["응우옌", "부이", "호앙", "후인", "즈엉", "다오", "브엉", "응오", "쩐", "레", "팜", "판", "부", "보", "당", "도", "호", "딘", "찐", "뜨", "럼"]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The span of a listed given name in Latin letters, in title case and alone in brackets right after
    /// <paramref name="end"/> (<c>(Leo)</c>, <c> (Chloe)</c>); null when there is none.
    /// </summary>
    private static (int Start, int End)? EnglishNameInBrackets(string text, int end)
    {
        var open = OpenBracketAfter(text, end);
        if (open < 0)
        {
            return null;
        }

        var close = open + 1;
        while (close < text.Length && Context.IsAsciiLetter(text[close]) && close - open <= 12)
        {
            close++;
        }

        var word = text.AsSpan(open + 1, close - open - 1);
        return Context.At(text, close) == ')' && word.Length >= 2 && IsTitleCase(word) && (NameGazetteer.LatinKind(word) & NameGazetteer.LatinGivenKind) != 0
            ? (open + 1, close) : null;
    }

    /// <summary>
    /// The span of one to four words in a script of their own (Arabic, Cyrillic, Thai, Devanagari, Sinhala, Khmer, Georgian:
    /// letters and their marks, not Latin, Hangul, Chinese characters or kana) alone in brackets right after
    /// <paramref name="end"/>; null when there is none.
    /// </summary>
    private static (int Start, int End)? OwnScriptNameInBrackets(string text, int end)
    {
        var open = OpenBracketAfter(text, end);
        var close = open < 0 ? -1 : text.IndexOf(')', open + 1, Math.Min(40, text.Length - open - 1));
        if (close < 0)
        {
            return null;
        }

        var (start, stop) = (open + 1, close);
        while (start < stop && text[start] == ' ')
        {
            start++;
        }

        while (stop > start && text[stop - 1] == ' ')
        {
            stop--;
        }

        var (letters, words) = (0, stop > start ? 1 : 0);
        for (var k = start; k < stop; k++)
        {
            var c = text[k];
            if (c == ' ')
            {
                words++;
                continue;
            }

            // (Kana and the scripts of East Asia above U+3000 are read by the Chinese and Japanese rules.)
            if (c >= '\u3000' || !PersonLayout.IsOtherScriptLetterOrMark(c))
            {
                return null;
            }

            letters += char.IsLetter(c) ? 1 : 0;
        }

        return letters >= 2 && words <= 4 ? (start, stop) : null;
    }

    /// <summary>The position of a <c>(</c> right after <paramref name="end"/> or after one space, or -1.</summary>
    internal static int OpenBracketAfter(string text, int end) =>
        Context.At(text, end) == '(' ? end : Context.At(text, end) == ' ' && Context.At(text, end + 1) == '(' ? end + 1 : -1;

    /// <summary>
    /// <paramref name="end"/> when <c>text[a..end]</c> is a Vietnamese name written as one word, as forms and notes about
    /// residents write them (<c>팜티응옥</c>, <c>응우옌반득</c>, <c>부이티마이</c>): a family name
    /// (<see cref="s_vietnameseFamilies"/>), the middle name 티 (Thị) or 반 (Văn), then a given name of one to three
    /// syllables that is a foreign given name or that an honorific follows (<c>응우옌반득 씨</c>), or any after 티 and a
    /// family name of two syllables or more (<c>부이티마이 조합원</c>); otherwise 0.
    /// </summary>
    private static int GluedVietnameseName(string text, int a, int end)
    {
        var span = text.AsSpan(a, end - a);
        if (span.Length is < 4 or > 7 || NameGazetteer.IsCommonWord(span))
        {
            return 0;
        }

        for (var k = 1; k <= span.Length - 2 && k <= 3; k++)
        {
            var family = span[..k];
            if (span[k] is not ('티' or '반')
                || !s_vietnameseFamilies.Contains(family))
            {
                continue;
            }

            var given = span[(k + 1)..];
            if (given.Length <= 3 && (IsForeignNameWord(given) || PersonSuffixAfter(text, end) || k >= 2 && span[k] == '티'))
            {
                return end;
            }
        }

        return 0;
    }

    private static ReadOnlySpan<char> LastWord(string text, int start, int end)
    {
        var space = text.AsSpan(start, end - start).LastIndexOf(' ');
        return text.AsSpan(start + space + 1, end - start - space - 1);
    }

    internal static bool IsForeignNameWord(ReadOnlySpan<char> word) =>
        NameGazetteer.GazetteerKind(word) is var kind && (kind & (NameGazetteer.ForeignGivenKind | NameGazetteer.ForeignFamilyKind)) != 0 && (kind & NameGazetteer.ForeignFullKind) == 0
        || kind == 0 && NameGazetteer.IsResidentName(word);

    /// <summary>
    /// The end of two to six Chinese characters right after an opening bracket at <paramref name="open"/>, followed by a
    /// closing bracket or a separator (<c>-</c>, <c>,</c>, <c>·</c>, <c>/</c>, a space); 0 when there is none.
    /// </summary>
    private static int HanjaNameAfter(string text, int open)
    {
        if (Context.At(text, open) != '(')
        {
            return 0;
        }

        var e = open + 1;
        while (e < text.Length && e - open <= 7 && ScriptProfile.IsHan(text[e]))
        {
            e++;
        }

        return e - open - 1 is >= 2 and <= 6 && Context.At(text, e) is ')' or '-' or ',' or '·' or '/' or ' ' ? e : 0;
    }


    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ScanRules(string text, List<PiiFinding> sink)
    {
        var span = text.AsSpan();
        for (var i = 0; i < text.Length;)
        {
            var rel = span[i..].IndexOfAny(s_honorifics);
            if (rel < 0)
            {
                break;
            }

            var at = i + rel;
            TryTitle(text, at, text[at] == '씨' ? "씨" : "님", sink);
            if (text[at] == '씨')
            {
                TryInitial(text, at, sink);
            }

            TryHanNameBeforeHonorific(text, at, sink);

            i = at + 1;
        }

        // Initials of minors and parties as the press writes them: A군, B(3)군, C양.
        for (var i = 1; i < text.Length;)
        {
            var rel = span[i..].IndexOfAny(s_initialHonorifics);
            if (rel < 0)
            {
                break;
            }

            var at = i + rel;
            if (text[at - 1] is (>= 'A' and <= 'Z') or ')')
            {
                TryInitial(text, at, sink);
            }

            i = at + 1;
        }

        if (text.AsSpan().IndexOfAny(s_japaneseHonorificStarts) >= 0)
        {
            TryJapaneseHonorifics(text, sink);
        }

        TryChatSpeakers(text, sink);
        TryPersonFieldValues(text, sink);
        TrySelfIntroductions(text, sink);
        TryNamesCalled(text, sink);
        TryFamiliarNames(text, sink);
        if (text.Contains("si ", StringComparison.OrdinalIgnoreCase) || text.Contains("ni ", StringComparison.Ordinal) || text.Contains("kay ", StringComparison.Ordinal)
            || text.Contains("ate ", StringComparison.OrdinalIgnoreCase) || text.Contains("kuya ", StringComparison.OrdinalIgnoreCase))
        {
            TryTagalogPersonMarkers(text, sink);
        }

        TrySouthAsianKin(text, sink);
        if (text.Contains("พี่", StringComparison.Ordinal) || text.Contains("น้อง", StringComparison.Ordinal))
        {
            TryThaiKin(text, sink);
        }

        if (text.AsSpan().ContainsAnyInRange('\u1000', '\u109F'))
        {
            TryBurmeseHonorifics(text, sink);
        }

        TryLatinNames(text, sink);
        if (text.Contains('씨', StringComparison.Ordinal))
        {
            TryLatinNamesWithSsi(text, sink);
        }

        TryEnglishAddress(text, sink);
        TryIndonesianAddress(text, sink);
        TryUzbekKin(text, sink);

        TryPassengerNames(text, sink);
        TryHandles(text, sink);
        TryLetterSpacedNames(text, sink);
        TryLoneSurnames(text, sink);
        TryGluedSurnameTitles(text, sink);
        TryJamoInitials(text, sink);
        TryCyrillicNames(text, sink);
        TryChineseTitles(text, sink);
        TryHanNamesWithReading(text, sink);
        TryScriptNamesWithReading(text, sink);
        TryVietnameseNames(text, sink);
        TryGivenNamesInEnglish(text, sink);
        TryInitialsBeforeTitles(text, sink);
        TryGluedForeignNames(text, sink);
        TryVocatives(text, sink);
        TryOneSyllableGivenNames(text, sink);
        TryOneSyllableForeignNames(text, sink);
        TryNameAndOthers(text, sink);
        TrySsaem(text, sink);
        TryGivenNamesBeforeKin(text, sink);
        if (text.Contains("입금자", StringComparison.Ordinal) || text.Contains("예금주", StringComparison.Ordinal))
        {
            TryDepositorNames(text, sink);
        }

        for (var open = text.IndexOf('(', StringComparison.Ordinal); open > 0; open = text.IndexOf('(', open + 1))
        {
            TryAgeInBrackets(text, open, sink);
            TryNameInBrackets(text, open, sink);
        }

        for (var i = 0; i < text.Length;)
        {
            var at = s_words.Next(span, i);
            if (at < 0)
            {
                return;
            }

            var next = at + 1;
            foreach (var title in s_titles)
            {
                if (title.Length > 1 && span[at..].StartsWith(title, StringComparison.Ordinal))
                {
                    TryTitle(text, at, title, sink);
                    next = at + title.Length;
                }
            }

            foreach (var title in s_addressTitles)
            {
                if (span[at..].StartsWith(title, StringComparison.Ordinal) && Context.At(text, at - 1) == ' ')
                {
                    TryTitle(text, at, title, sink);
                    next = Math.Max(next, at + title.Length);
                }
            }

            foreach (var label in s_labels)
            {
                // A title before a name starts its word (대표 길성자, not 국가대표 선수촌).
                if (span[at..].StartsWith(label, StringComparison.Ordinal)
                    && !(at > 0 && Context.IsHangulSyllable(text[at - 1]) && Array.IndexOf(s_titlesBefore, label) >= 0))
                {
                    TryLabel(text, at, at + label.Length, s_loose.Contains(label), s_staffLabels.Contains(label), sink);
                }
            }

            foreach (var family in NameGazetteer.ResidentFamilyFirst)
            {
                if (family.Length > 1 && span[at..].StartsWith(family, StringComparison.Ordinal) && (at == 0 || !Context.IsHangulSyllable(text[at - 1])))
                {
                    TryResidentName(text, at, 0.8, sink);
                }
            }

            foreach (var family in NameGazetteer.ResidentFamilyLast)
            {
                if (span[at..].StartsWith(family, StringComparison.Ordinal))
                {
                    TryGivenBeforeFamily(text, at, family.Length, sink);
                }
            }

            foreach (var label in s_englishLabels)
            {
                if (span[at..].StartsWith(label, StringComparison.Ordinal))
                {
                    TryEnglish(text, at, at + label.Length, label[0] is 'N' or 'n' or 'C' or 'A' ? 0.9 : 0.85, sink);
                }
            }

            i = Math.Max(next, at + 1);
        }
    }

    // Surnames that stand alone before a title in the press (김 군, 서 교수, 박 당선인, 성 전 회장), as KLUE-NER annotates them:
    // not those that are also everyday words before a title (이 this, 한 one, 전 former, 양 both, 두 two, 남 male, 모 some …).
    private static readonly SearchValues<char> s_loneSurnames = SearchValues.Create("김박최정강조윤장임오서신권황안송류유홍백허노하곽성차주우구민진지엄채원천방변염석설마길연표문탁");

    // Titles after a lone surname: the rules' titles and titles before names, and offices of the press (general Korean).
    private static readonly string[] s_loneSurnameTitles =
    [
        .. s_titles.Where(t => t is not ("님" or "드림" or "올림" or "배상")), .. s_titlesBefore,
        "군", "양", "당선인", "당선자", "내정자", "후보자", "부회장", "총괄회장", "명예회장", "상무", "전무", "부사장", "실장", "본부장", "비서",
        "비서관", "비서실장", "수석", "점장", "지사", "도지사", "시장", "군수", "구청장", "청장", "처장", "차관", "판사", "검사", "경감",
        "경정", "총경", "경사", "중사", "하사", "상사", "소위", "소령", "중령", "대령", "준장", "소장", "중장", "대장", "훈련병", "목사",
        "스님", "선생님", "단장", "위원", "사무총장", "최고위원", "이사장", "관장", "교육감", "모씨", "모 씨",
        // (A bank's and an office's ranks, a branch's head, an office's manager: 곽 계장, 탁 지사장님.)
        "계장", "지사장", "지점장", "사무장",
    ];

    // Titles after a lone surname only, not after a full word taken for a name (연락은 집사): church titles, a pharmacist,
    // guards, auctioneers, cooks, a crew's or a site's foreman, a pastor's or a boss's wife, a boat's officers (general
    // Korean, from knowledge).
    private static readonly string[] s_loneOnlyTitles = ["약사", "집사", "권사", "장로", "요원", "경비원", "경매사", "수간호사", "조리사", "미화원", "반장", "사모",
        // (A boat's captain, chief engineer and boatswain: 조 선장님.)
        "선장", "기관장", "갑판장"];

    /// <summary>
    /// A name before a title after one space that the title rules leave: a surname alone (<c>김 군은</c>, <c>서 교수는</c>, the
    /// span is the surname, as KLUE-NER annotates it), a name before an office of the press (<c>신격호 총괄회장</c>,
    /// <c>지창구 판사</c>), and either with <c>전</c> or <c>현</c> between (<c>성 전 회장의</c>, <c>노회찬 전 의원</c>). The title
    /// ends its word or takes a particle.
    /// </summary>
    private static void TryLoneSurnames(string text, List<PiiFinding> sink)
    {
        for (var i = text.IndexOf(' ', StringComparison.Ordinal); i > 0; i = text.IndexOf(' ', i + 1))
        {
            if (!Context.IsHangulSyllable(text[i - 1]))
            {
                continue;
            }

            // (A particle glued to a closing bracket is no surname: 인증(1365)은 관장님 ….)
            var alone = i < 2 || !(Context.IsHangulSyllable(text[i - 2]) || Context.IsAsciiLetter(text[i - 2]) || Context.IsDigit(text[i - 2])
                || text[i - 2] is ')' or ']' or '』' or '」');
            var lone = s_loneSurnames.Contains(text[i - 1]) && alone;
            if (!lone && alone && s_rareLoneSurnames.Contains(text[i - 1]) && HonorificTitleAt(text, i + 1))
            {
                sink.Add(new PiiFinding(i - 1, i, PiiTypes.Person, 0.6));
                continue;
            }

            // Otherwise a word of three or four syllables with a surname first (what NameBefore checks in full).
            if (!lone && !(i >= 3 && Context.IsHangulSyllable(text[i - 2]) && Context.IsHangulSyllable(text[i - 3])
                && (s_surnames.Contains(text[i - 3]) || (i >= 4 && s_surnames.Contains(text[i - 4])))))
            {
                continue;
            }

            // A full name before a title of the title rules is theirs (TryTitle); here only with 전/현 between.
            var at = AfterFormer(text, i + 1);
            var titles = lone || at > i + 1 ? s_loneSurnameTitlesByFirst : s_pressTitlesByFirst;
            if (!TitleAt(text, at, titles, endsWord: true))
            {
                continue;
            }

            if (lone)
            {
                sink.Add(new PiiFinding(i - 1, i, PiiTypes.Person, 0.6));
            }
            // (A post ending with 장 before the rank is the person's post, no name: 3009함 부함장 경감 하도겸.)
            else if (NameBefore(text, i, false) is var start and >= 0 && !IsLabel(text.AsSpan(start, i - start)) && !PrivateContext.IsContextWord(text.AsSpan(start, i - start))
                && !NameGazetteer.IsCommonWord(text.AsSpan(start, i - start)) && text[i - 1] != '장')
            {
                sink.Add(new PiiFinding(start, i, PiiTypes.Person, 0.75));
            }
        }
    }

    // Particles glued to a foreign name that say a person (with, to, also, subject, topic), and honorifics.
    private static readonly string[] s_personParticlesAfterName = ["한테", "에게", "이랑", "랑", "씨", "님", "가", "는", "도", "와", "과", " 씨", " 님"];

    /// <summary>
    /// Names in Cyrillic letters, as residents from Russia, Central Asia and Mongolia write them in messages and as their
    /// employers and teachers copy them (<c>Дильшод upal</c>, <c>[19:05] Энхжаргал:</c>, <c>Ольга Ким</c>): one to three
    /// capitalised words of which one romanises to a name of the Latin list (<see cref="NameGazetteer.CyrillicKind"/>), or a
    /// word that is not listed after a role, relation or kinship word (<c>친구 Баходир도</c>) or before a particle of a person
    /// or an honorific (<c>Азамат 씨가</c>).
    /// </summary>
    private static void TryCyrillicNames(string text, List<PiiFinding> sink)
    {
        var span = text.AsSpan();
        if (!span.ContainsAnyInRange('\u0400', '\u04FF'))
        {
            return;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!Context.IsCyrillicUpper(text[i]) || i > 0 && (Context.IsCyrillicLetter(text[i - 1]) || Context.IsLatinLetter(text[i - 1]) || Context.IsDigit(text[i - 1])))
            {
                continue;
            }

            var (words, listed, end, p, first) = (0, 0, i, i, -1);
            while (words < 3 && p < text.Length && Context.IsCyrillicUpper(text[p]))
            {
                var q = p + 1;
                while (q < text.Length && Context.IsCyrillicLetter(text[q]) && char.IsLower(text[q]))
                {
                    q++;
                }

                if (q - p < 2 || q < text.Length && (Context.IsCyrillicLetter(text[q]) || Context.IsLatinLetter(text[q]) || Context.IsDigit(text[q])))
                {
                    break;
                }

                if (q - p >= 3 && (NameGazetteer.CyrillicKind(span[p..q]) & (NameGazetteer.LatinGivenKind | NameGazetteer.LatinFamilyKind)) != 0
                    && !s_russianFunctionWords.Contains(span[p..q]))
                {
                    // (The name starts at its first listed word: Сегодня Вера is "today Vera".)
                    listed++;
                    first = first < 0 ? p : first;
                }

                words++;
                end = q;
                if (Context.At(text, q) != ' ' || !Context.IsCyrillicUpper(Context.At(text, q + 1)))
                {
                    break;
                }

                p = q + 1;
            }

            if (words == 0)
            {
                continue;
            }

            // A Korean surname as Russian spells it before a second word (Ким Сора, Ян Дончхоль, Чон Хёну): a Korean
            // colleague or official named in a Russian-speaking chat.
            var surname = i;
            while (surname < end && Context.IsCyrillicLetter(text[surname]))
            {
                surname++;
            }

            // (Or after the given name, as Russian orders a name: Карина Пак, Виктор Цой.)
            var lastWord = span[i..end].LastIndexOf(' ') + 1;
            var person = listed > 0 || words >= 2 && s_cyrillicKoreanSurnames.Contains(span[i..surname])
                || words == 2 && surname - i >= 3 && s_cyrillicKoreanSurnames.Contains(span[(i + lastWord)..end]);
            if (person && listed == 0)
            {
                (listed, first) = (1, i);
            }
            if (!person && words == 1 && end - i >= 3)
            {
                foreach (var particle in s_personParticlesAfterName)
                {
                    if (span[end..].StartsWith(particle, StringComparison.Ordinal) && (particle[0] == ' ' || particle.Length > 1 || !Context.IsHangulSyllable(Context.At(text, end + 1))))
                    {
                        person = true;
                        break;
                    }
                }

                person |= RoleOrKinBefore(text, i) || RussianAddressBefore(text, i) || CyrillicKinAfter(text, i, end);
            }

            // (A form of address or a kin word capitalised at a sentence's start before the name: Мама Гулнора из Ташкента.)
            if (!person && words == 2 && s_russianAddress.Contains(span[i..(i + lastWord - 1)]) && end - i - lastWord >= 3)
            {
                sink.Add(new PiiFinding(i + lastWord, end, PiiTypes.Person, 0.7));
            }

            // (After a kin word in lower case, the first of two capitalised words is the name, the second perhaps a place's
            // case: ээж Оюунчимэг Улаанбаатараас "mother O. from Ulaanbaatar".)
            else if (!person && words == 2 && lastWord >= 4 && RussianAddressBefore(text, i))
            {
                sink.Add(new PiiFinding(i, i + lastWord - 1, PiiTypes.Person, 0.7));
            }

            if (person)
            {
                sink.Add(new PiiFinding(listed > 0 ? first : i, end, PiiTypes.Person, listed > 0 ? 0.8 : 0.7));
            }

            i = end;
        }
    }

    // Korean surnames as they are spelled in Russian (the Koryo-saram's spellings and the ones the Russian press uses),
    // from knowledge; left out are those that are Russian words too (Но, Со, Ко, О, Нам, Им, Ха, Он).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_cyrillicKoreanSurnames = FrozenSet.Create(StringComparer.Ordinal,
        ["Ким", "Ли", "Пак", "Цой", "Чхве", "Чой", "Чве", "Чон", "Чжон", "Тен", "Кан", "Хан", "Юн", "Шин", "Син", "Хван", "Квон", "Ан", "Пэ", "Пэк",
         "Мун", "Лим", "Хон", "Сон", "Ян", "Тхак", "Мин", "Чо", "Чжо", "Хо", "Хэ", "Пён", "Нох", "Ку", "Гу", "Сун", "Рю", "Чан", "Чха"])
        .GetAlternateLookup<ReadOnlySpan<char>>();

    // Russian words that begin a sentence and romanise to a name of the Latin list (Там "there" is Tam, Это Eto): general
    // Russian, from knowledge.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_russianFunctionWords = FrozenSet.Create(StringComparer.Ordinal,
        ["Там", "Тут", "Это", "Эта", "Этот", "Оно", "Она", "Они", "Так", "Как", "Вот", "Все", "Всё", "Кто", "Что", "Где", "Уже", "Еще", "Ещё", "Мир"])
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether a kin word follows the Cyrillic word from <paramref name="start"/> to <paramref name="end"/> (Mongolian
    /// <c>Оюунаа эгч</c>, <c>Энхжин дүү</c>, <c>Батаа ах</c>; Russian <c>Дархан брат</c>), the word no greeting or thanks
    /// (<c>Баярлалаа ах</c> is "thank you, brother").
    /// </summary>
    private static bool CyrillicKinAfter(string text, int start, int end)
    {
        // (Nor a word in the genitive, which names whose teacher or brother: Байрны багш "the dormitory's teacher".)
        if (Context.At(text, end) != ' ' || s_cyrillicNotNamesBeforeKin.Contains(text.AsSpan(start, end - start))
            || end - start >= 5 && text.AsSpan(start, end - start) is [.., 'н', 'ы'] or [.., 'н', 'и', 'й'] or [.., 'и', 'й', 'н'] or [.., 'ы', 'н'])
        {
            return false;
        }

        foreach (var kin in (ReadOnlySpan<string>)["эгч", "дүү", "ах", "багш", "брат", "сестра", "сестрёнка", "апа", "ака", "эже", "байке", "апай", "ага", "аға"])
        {
            if (text.AsSpan(end + 1).StartsWith(kin, StringComparison.Ordinal) && end + 1 + kin.Length is var after
                && (!Context.IsCyrillicLetter(Context.At(text, after)) || kin is "эгч" or "дүү" or "ах" or "багш" && MongolianCaseEnding(text, after)))
            {
                return true;
            }
        }

        return false;

        // (Mongolian puts the case after the kin word or the teacher's title: Болд ахаас "from brother Bold", Ганаа ахын,
        // Оюунаа эгчид, Карина багшийн.)
        static bool MongolianCaseEnding(string text, int at)
        {
            var q = at;
            while (q < text.Length && Context.IsCyrillicLetter(text[q]))
            {
                q++;
            }

            return s_mongolianCaseEndings.Contains(text.AsSpan(at, q - at));
        }
    }

    // Mongolian case endings after a kin word or a title (ablative -аас/-ээс, genitive -ын/-ийн, dative -ад/-ид/-д,
    // comitative -тай/-тэй, accusative -ыг/-ийг/-г, with their vowel harmony): general Mongolian grammar.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_mongolianCaseEndings = FrozenSet.Create(StringComparer.Ordinal,
        ["аас", "ээс", "оос", "өөс", "гаас", "гээс", "ын", "ийн", "гийн", "ад", "ид", "д", "тай", "тэй", "той", "ыг", "ийг", "г"])
        .GetAlternateLookup<ReadOnlySpan<char>>();

    // Greetings, thanks, answers, possessives and adjectives that stand before a kin word in Mongolian and Russian chats
    // (Баярлалаа ах, Спасибо брат, За эгч "OK, sister", Мой брат "my brother", Шинэ эгч "a new sister", Монгол эгч нар
    // "Mongolian sisters"): general knowledge.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_cyrillicNotNamesBeforeKin = FrozenSet.Create(StringComparer.Ordinal,
        ["Баярлалаа", "Спасибо", "Привет", "Сайн", "Сайнуу", "Ок", "Окей", "Да", "Нет", "Тийм", "Үгүй", "Мэнд", "Здравствуй", "Пока", "Ладно", "Хорошо", "Давай", "Братан", "Слушай",
         "Админ", "Менежер", "Уучлаарай", "Мой", "Моя", "Мои", "Наш", "Наша", "Твой", "Твоя", "Ваш", "Ваша", "Манай", "Миний", "Чиний", "Хайрт", "Шинэ", "Монгол", "Их", "Бага", "Том", "Ахмад"])
        .GetAlternateLookup<ReadOnlySpan<char>>();

    // Russian forms of address before a surname or name (господин Пак, госпоже Ким, г-н Ли), in their cases: general
    // Russian, from knowledge.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_russianAddress = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        ["господин", "господина", "господину", "господином", "госпожа", "госпожи", "госпоже", "госпожу", "госпожой", "г-н", "г-жа", "мистер", "миссис", "мисс",
         // Kin and companions before a name (мой муж Костя, моя дочь Алина; general Russian).
         "муж", "жена", "сын", "дочь", "дочка", "брат", "сестра", "мама", "папа", "мать", "отец", "бабушка", "дедушка", "внук", "внучка",
         "друг", "подруга", "сосед", "соседка", "коллега",
         // Mongolian kin before a name (Манай ээж Оюунчимэг "our mother O.", миний нөхөр Бат): general Mongolian.
         "ээж", "аав", "эхнэр", "нөхөр", "охин", "хүү"])
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether a Russian form of address or a kin word (<c>господин</c>, <c>госпоже</c>, <c>муж</c>) is the word before
    /// <paramref name="start"/>, one space between.
    /// </summary>
    private static bool RussianAddressBefore(string text, int start)
    {
        if (Context.At(text, start - 1) != ' ')
        {
            return false;
        }

        var w = start - 1;
        while (w > 0 && (Context.IsCyrillicLetter(text[w - 1]) || text[w - 1] == '-'))
        {
            w--;
        }

        return w < start - 1 && s_russianAddress.Contains(text.AsSpan(w, start - 1 - w));
    }

    // Vietnamese words that say who a person is to the speaker and stand before the name (chị Hương, anh Tuấn, em Lan, ông
    // Kim Sang-ho, bà Hoa, cô Mai, chú Ba, bác Hai, bạn Linh, thầy Minh), and 'chủ' after one of them (ông chủ Kim: the
    // boss): general Vietnamese, from knowledge.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_vietnameseAddress = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        ["anh", "chị", "em", "ông", "bà", "cô", "chú", "bác", "bạn", "thầy", "cậu", "dì", "mợ", "cháu", "bé"]).GetAlternateLookup<ReadOnlySpan<char>>();

    // Capitalised words after such a word that name no person: God, Heaven, Buddha.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_vietnameseNotNames = FrozenSet.Create(StringComparer.Ordinal,
        ["Trời", "Chúa", "Phật", "Thánh"]).GetAlternateLookup<ReadOnlySpan<char>>();

    // Letters only Vietnamese writes among the Latin scripts (with the tone-marked vowels of U+1EA0-U+1EF9).
    private static readonly SearchValues<char> s_vietnameseLetters = SearchValues.Create("ăâđêôơưĂÂĐÊÔƠƯ");

    // Titles and forms of address that follow a surname in Chinese (崔先生, 朴阿姨, 王老师), general knowledge.
    private static readonly SearchValues<string> s_chineseTitles = SearchValues.Create(
        ["先生", "女士", "小姐", "阿姨", "老师", "老師", "大叔", "叔叔", "师傅", "師傅", "大爷", "大妈", "奶奶", "爷爷", "经理", "經理", "医生", "醫生", "律师", "律師", "教授", "同学", "同學", "老板", "老闆", "社长", "社長", "部长", "部長"],
        StringComparison.Ordinal);

    /// <summary>
    /// A surname in Chinese characters right before a Chinese title or form of address, as residents from China write
    /// their landlord or neighbour (<c>房东朴阿姨说</c>, <c>跟崔先生道个歉</c>): the surname alone is the person, as KLUE marks
    /// <c>김 씨</c>. Not 于 and 向, which are also prepositions (向老师请教), and not a surname after another surname's
    /// character, where the two may be a given name (金石先生).
    /// </summary>
    private static void TryChineseTitles(string text, List<PiiFinding> sink)
    {
        var span = text.AsSpan();
        for (var i = 1; i < text.Length;)
        {
            var rel = span[i..].IndexOfAny(s_chineseTitles);
            if (rel < 0)
            {
                break;
            }

            var at = i + rel;
            var surname = text[at - 1];
            if (PersonLayout.IsHanSurname(surname) && surname is not ('于' or '向') && !(at >= 2 && PersonLayout.IsHanSurname(text[at - 2])))
            {
                sink.Add(new PiiFinding(at - 1, at, PiiTypes.Person, 0.7));
            }

            i = at + 2;
        }
    }

    /// <summary>
    /// A Chinese name in Chinese characters with its Mandarin reading in Hangul in brackets after it, as Korean offices and
    /// residents write a Chinese person's name (<c>王俊杰 (왕쥔제)</c>, <c>卢美玲(루메이링)</c>): two to four characters standing
    /// alone, the first a surname's, and a reading of two to seven syllables (spaces allowed) with a syllable that is no
    /// Sino-Korean reading or more syllables than characters (<c>李浩然(리하오란)</c>: a Sino-Korean reading has one syllable
    /// a character), so that a word in Chinese characters with its Korean reading (<c>金融(금융)</c>) is left. A
    /// Japanese name's characters may start otherwise where its reading is a Japanese one (<c>佐藤陽菜(사토 히나)</c>,
    /// <see cref="JapaneseReading"/>).
    /// Both the characters and the reading are the person.
    /// </summary>
    private static void TryHanNamesWithReading(string text, List<PiiFinding> sink)
    {
        Span<char> squeezed = stackalloc char[12];
        for (var open = text.IndexOf('(', StringComparison.Ordinal); open > 1; open = text.IndexOf('(', open + 1))
        {
            var end = text[open - 1] == ' ' ? open - 1 : open;
            var start = end;
            while (start > 0 && end - start < 5 && ScriptProfile.IsHan(text[start - 1]))
            {
                start--;
            }

            if (end - start is < 2 or > 4 || start > 0 && (ScriptProfile.IsHan(text[start - 1]) || Context.IsHangulSyllable(text[start - 1]) || Context.IsAsciiLetter(text[start - 1])))
            {
                continue;
            }

            // The reading: Hangul syllables and single spaces up to the closing bracket.
            var (a, b) = (open + 1, open + 1);
            while (b < text.Length && b - a < 12 && (Context.IsHangulSyllable(text[b]) || text[b] == ' ' && b > a && text[b - 1] != ' '))
            {
                b++;
            }

            // (A note may follow the reading after a comma: 林志强(린즈창, 중국 국적).)
            if (Context.At(text, b) is not (')' or ',') || b == a || text[b - 1] == ' ')
            {
                continue;
            }

            var n = WithoutSpaces(text.AsSpan(a, b - a), squeezed);
            if (n is >= 2 and <= 7 && (NameGazetteer.HasNonSinoSyllable(squeezed[..n]) || n > end - start)
                && (PersonLayout.IsHanSurname(text[start]) || JapaneseReading(text.AsSpan(a, b - a))))
            {
                sink.Add(new PiiFinding(start, end, PiiTypes.Person, 0.8));
                sink.Add(new PiiFinding(a, b, PiiTypes.Person, 0.8));
            }
        }
    }

    /// <summary>
    /// Whether a reading in brackets after Chinese characters is a Japanese name's: two words, the first a Japanese
    /// family name of the name gazetteer (사토 히나, 야마구치 미즈키, 다카하시 렌), the second no common word nor a syllable
    /// that names a place (오사카 성: a castle; 역, 시, 산, 섬 …).
    /// </summary>
    private static bool JapaneseReading(ReadOnlySpan<char> reading)
    {
        var space = reading.IndexOf(' ');
        if (space < 2 || reading[(space + 1)..].IndexOf(' ') >= 0)
        {
            return false;
        }

        var given = reading[(space + 1)..];
        return (NameGazetteer.GazetteerKind(reading[..space]) & NameGazetteer.ForeignFamilyKind) != 0
            && !NameGazetteer.IsCommonWord(given) && !PersonLayout.IsFormWord(given) && !(given.Length == 1 && "성역시현섬산강항만궁사탑교문관점동정촌".Contains(given[0], StringComparison.Ordinal));
    }

    /// <summary>
    /// A name in Thai, Myanmar, Khmer, Arabic, Devanagari or Cyrillic letters with its Hangul reading in brackets after it,
    /// as offices, farms and landlords write the names of residents from Thailand, Myanmar, Cambodia, Pakistan, Nepal,
    /// Russia, Central Asia and Mongolia (<c>สมชาย ใจดี (솜차이)</c>, <c>ဇော်ဝင်း(조윈)</c>,
    /// <c>Оюунчимэг (어윤치멕)</c>, <c>Тэмүүлэн (테무운, 8세)</c>, <c>សុខ ចាន់ធី(속 짠티)</c>): one to three words of the script
    /// standing alone (Cyrillic ones capitalised) and a reading of two to six syllables (up to eight in up to three words
    /// after a name of several words), closed by the bracket or a comma, that is no common word,
    /// field or country and, after Cyrillic, starts with a sound of the name's first letter. Both are the person.
    /// </summary>
    private static void TryScriptNamesWithReading(string text, List<PiiFinding> sink)
    {
        var span = text.AsSpan();
        // (One scan for Cyrillic and one from Arabic to Khmer, which holds the other scripts: the loop below reads the letters.)
        if (!span.ContainsAnyInRange('\u0400', '\u04FF') && !span.ContainsAnyInRange('\u0620', '\u17FF'))
        {
            return;
        }

        Span<char> latin = stackalloc char[8];
        for (var open = text.IndexOf('(', StringComparison.Ordinal); open > 1; open = text.IndexOf('(', open + 1))
        {
            var end = text[open - 1] == ' ' ? open - 1 : open;
            var (start, uncased) = ScriptWordsBefore(text, end);
            // The reading: Hangul syllables, single spaces between words where the name has several (속 짠티).
            var (a, b, spaces) = (open + 1, open + 1, 0);
            while (b < text.Length && b - a - spaces < 9 && (Context.IsHangulSyllable(text[b]) || text[b] == ' ' && b > a && text[b - 1] != ' ' && ++spaces < 3))
            {
                b++;
            }

            if (start < 0 || b - a - spaces is < 2 or > 8 || b - a - spaces > 6 && spaces == 0 || text[b - 1] == ' ' || spaces > 0 && span[start..end].IndexOf(' ') < 0
                || Context.At(text, b) is not (')' or ',') || IsLayoutRendering(span[a..b]) || s_scriptCities.Contains(span[a..b])
                || !uncased && !SoundsLike(latin[..CyrillicInitial(text[start], latin)], text[a]))
            {
                continue;
            }

            sink.Add(new PiiFinding(start, end, PiiTypes.Person, 0.8));
            sink.Add(new PiiFinding(a, b, PiiTypes.Person, 0.8));

            // The same person again by either form alone (니파가 아파요, นิภา 이름), which no Korean name's shape seeds later.
            ScriptNameAgain(text, span[start..end], start, sink);
            ScriptNameAgain(text, span[a..b], a, sink);
        }

        static void ScriptNameAgain(string text, ReadOnlySpan<char> name, int found, List<PiiFinding> sink)
        {
            for (var at = text.AsSpan().IndexOf(name, StringComparison.Ordinal); at >= 0;)
            {
                var end = at + name.Length;
                var before = at > 0 ? text[at - 1] : ' ';
                if (at != found && !(Context.IsHangulSyllable(before) || Context.IsCyrillicLetter(before) || IsUncasedScriptLetter(before) || Context.IsLatinLetter(before))
                    && !(Context.IsCyrillicLetter(Context.At(text, end)) || IsUncasedScriptLetter(Context.At(text, end))) && PersonLayout.FreeAfter(text, end))
                {
                    sink.Add(new PiiFinding(at, end, PiiTypes.Person, 0.75));
                }

                var next = text.AsSpan(end).IndexOf(name, StringComparison.Ordinal);
                at = next < 0 ? -1 : end + next;
            }
        }
    }

    // Cities of these scripts' countries, whose names come with a Hangul reading too (Москва (모스크바)): from knowledge.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_scriptCities = FrozenSet.Create(StringComparer.Ordinal,
        ["모스크바", "블라디보스토크", "하바롭스크", "이르쿠츠크", "사할린", "알마티", "아스타나", "타슈켄트", "사마르칸트", "비슈케크", "두샨베",
         "울란바토르", "방콕", "치앙마이", "푸껫", "푸켓", "파타야", "키이우", "키예프", "민스크", "야쿠츠크", "카잔"]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A letter of a script without capitals that residents' names are written in: Thai, Myanmar, Khmer, Arabic, Devanagari.</summary>
    private static bool IsUncasedScriptLetter(char c) =>
        c is >= '\u0E01' and <= '\u0E4E' or >= '\u1000' and <= '\u109F' or >= '\u1780' and <= '\u17FF' or >= '\u0620' and <= '\u06FF' or >= '\u0900' and <= '\u097F';

    /// <summary>
    /// The start of one to three words of a script without capitals (<see cref="IsUncasedScriptLetter"/>), or of capitalised
    /// Cyrillic words, single spaces between, that end at <paramref name="end"/> and stand alone (no letter before them), and
    /// whether they are of a script without capitals; -1 where there are none.
    /// </summary>
    private static (int Start, bool Uncased) ScriptWordsBefore(string text, int end)
    {
        var uncased = end > 0 && IsUncasedScriptLetter(text[end - 1]);
        var (start, words) = (-1, 0);
        for (var p = end; words < 3 && p > 0;)
        {
            var q = p;
            while (q > 0 && (uncased ? IsUncasedScriptLetter(text[q - 1]) : Context.IsCyrillicLetter(text[q - 1])))
            {
                q--;
            }

            if (p - q < 2 || !uncased && !(Context.IsCyrillicUpper(text[q]) && !text.AsSpan(q + 1, p - q - 1).ContainsAnyExceptInRange('\u0430', '\u04FF')))
            {
                break;
            }

            (start, words) = (q, words + 1);
            if (q < 2 || text[q - 1] != ' ' || !(uncased ? IsUncasedScriptLetter(text[q - 2]) : Context.IsCyrillicLetter(text[q - 2])))
            {
                break;
            }

            p = q - 1;
        }

        var before = start > 0 ? text[start - 1] : ' ';
        return start < 0 || Context.IsHangulSyllable(before) || Context.IsLatinLetter(before) || Context.IsCyrillicLetter(before) || IsUncasedScriptLetter(before) || Context.IsDigit(before)
            ? (-1, false) : (start, uncased);
    }

    /// <summary>
    /// The words of a name in Cyrillic letters as Latin ones enough for <see cref="SoundsLike"/>: each word's first letter
    /// spelt (<c>Пак</c> P, <c>Цой</c> Ts), the rest of the word as lower-case filler.
    /// </summary>
    private static string CyrillicWordInitials(ReadOnlySpan<char> name)
    {
        Span<char> latin = stackalloc char[name.Length * 4 + 4];
        var n = 0;
        for (var p = 0; p < name.Length; p++)
        {
            if (Context.IsCyrillicUpper(name[p]) && (p == 0 || !Context.IsCyrillicLetter(name[p - 1])))
            {
                n += CyrillicInitial(name[p], latin[n..]);
            }
            else
            {
                latin[n++] = Context.IsCyrillicLetter(name[p]) ? 'x' : name[p];
            }
        }

        return latin[..n].ToString();
    }

    /// <summary>The Latin spelling of a Cyrillic first letter (<c>Ц</c> Ts, <c>Э</c> E), written to <paramref name="latin"/>; its length.</summary>
    private static int CyrillicInitial(char c, Span<char> latin)
    {
        var spelling = char.ToUpperInvariant(c) switch
        {
            'А' or 'Ә' => "A", 'Б' => "B", 'В' => "V", 'Г' or 'Ғ' => "G", 'Д' => "D", 'Е' or 'Э' => "E", 'Ё' => "Yo", 'Ж' => "Zh", 'З' => "Z",
            'И' or 'І' => "I", 'Й' => "Y", 'К' or 'Қ' => "K", 'Л' => "L", 'М' => "M", 'Н' or 'Ң' => "N", 'О' or 'Ө' => "O", 'П' => "P",
            'Р' => "R", 'С' => "S", 'Т' => "T", 'У' or 'Ү' or 'Ұ' => "U", 'Ф' => "F", 'Х' or 'Һ' => "Kh", 'Ц' => "Ts", 'Ч' => "Ch",
            'Ш' => "Sh", 'Щ' => "Shch", 'Ю' => "Yu", 'Я' => "Ya",
            _ => "",
        };
        spelling.CopyTo(latin);
        return spelling.Length;
    }

    /// <summary>
    /// In Vietnamese text, a name of one to three capitalised words after a word that says who the person is to the writer
    /// (<c>chị Hương</c>, <c>ông chủ Kim Sang-ho</c>, <c>Anh Tuấn ơi</c>), one space between, as Vietnamese residents' chats
    /// and notes write people.
    /// </summary>
    private static void TryVietnameseNames(string text, List<PiiFinding> sink)
    {
        var span = text.AsSpan();
        if (!IsVietnamese(span))
        {
            return;
        }

        for (var i = 1; i < text.Length; i++)
        {
            if (text[i - 1] != ' ' || !Context.IsLatinUpper(text[i]) || !VietnameseAddressBefore(text, i - 1))
            {
                continue;
            }

            var end = i;
            for (var (p, words) = (i, 0); words < 3 && p < text.Length && Context.IsLatinUpper(text[p]); words++)
            {
                var q = p + 1;
                while (q < text.Length && (Context.IsLatinLower(text[q]) || text[q] == '-' && Context.IsLatinLetter(Context.At(text, q + 1))))
                {
                    q++;
                }

                if (q < text.Length && (Context.IsLatinUpper(text[q]) || Context.IsDigit(text[q])) || s_vietnameseNotNames.Contains(span[p..q]) || s_vietnameseAddress.Contains(span[p..q]))
                {
                    break;
                }

                end = q;
                if (Context.At(text, q) != ' ')
                {
                    break;
                }

                p = q + 1;
            }

            if (end > i)
            {
                sink.Add(new PiiFinding(i, end, PiiTypes.Person, 0.8));
                i = end;
            }
        }

        // A name called with the vocative ơi after it (Ánh ơi em nộp giúp chị nhé): one capitalised word that is no word of
        // address or exclamation (Trời ơi, Mẹ ơi, Anh ơi).
        for (var at = text.IndexOf(" ơi", StringComparison.Ordinal); at > 0; at = text.IndexOf(" ơi", at + 1, StringComparison.Ordinal))
        {
            var start = at;
            while (start > 0 && Context.IsLatinLetter(text[start - 1]))
            {
                start--;
            }

            if (at - start >= 2 && Context.IsLatinUpper(text[start]) && !text.AsSpan(start + 1, at - start - 1).ContainsAny(s_upperLatin)
                && (start == 0 || !Context.IsLatinLetter(text[start - 1]) && !Context.IsDigit(text[start - 1]))
                && !Context.IsLatinLetter(Context.At(text, at + 3)) && !s_vietnameseNotNames.Contains(span[start..at]) && !s_vietnameseAddress.Contains(span[start..at])
                && !s_vietnameseCalls.Contains(span[start..at]))
            {
                sink.Add(new PiiFinding(start, at, PiiTypes.Person, 0.75));
            }
        }
    }

    // Words called with ơi that name no one by name (Trời ơi "oh heavens", Mẹ ơi "mum", mọi người ơi "everyone"): general
    // Vietnamese, from knowledge.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_vietnameseCalls = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        ["Trời", "Mẹ", "Má", "Mạ", "Bố", "Ba", "Cha", "Người", "Ôi", "Con", "Cháu", "Nội", "Ngoại", "Vợ", "Chồng", "Sếp", "Bác", "Dì", "Cậu", "Mợ", "Thím",
         "Chú", "Cô", "Ông", "Bà", "Anh", "Chị", "Em", "Bạn", "Thầy", "Các", "Mọi", "Hỡi"]).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> s_upperLatin = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>Whether the word ending at <paramref name="end"/> is a Vietnamese word of address (<c>chị</c>, or <c>chủ</c> after one).</summary>
    private static bool VietnameseAddressBefore(string text, int end)
    {
        var w = end;
        while (w > 0 && Context.IsLatinLetter(text[w - 1]))
        {
            w--;
        }

        if (w == end || w > 0 && Context.IsDigit(text[w - 1]))
        {
            return false;
        }

        var word = text.AsSpan(w, end - w);
        return s_vietnameseAddress.Contains(word) || word.Equals("chủ", StringComparison.OrdinalIgnoreCase) && w > 1 && text[w - 1] == ' ' && VietnameseAddressBefore(text, w - 1);
    }

    // Japanese honorifics after a name: さん, ちゃん, くん, さま and 様 (general Japanese).
    private static readonly string[] s_japaneseHonorifics = ["さん", "ちゃん", "くん", "さま", "様", "先生"];

    private static readonly SearchValues<char> s_japaneseHonorificStarts = SearchValues.Create("さちく様先");

    // Words that take a Japanese honorific without being a name: posts, trades, relations and roles (店長さん, 大家さん,
    // 運転手さん, 担当者様, 会員様, 祖母ちゃん, スタッフさん; general Japanese).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_japaneseNotNames = FrozenSet.Create(StringComparer.Ordinal,
    [
        "店長", "社長", "部長", "課長", "係長", "大家", "担当", "担当者", "会員", "先生", "先輩", "後輩", "運転手", "店員", "看護師", "医者", "警察",
        "近所", "友達", "皆様", "お客", "客", "祖母", "祖父", "叔母", "伯母", "叔父", "伯父", "義母", "義父", "息子", "娘", "兄", "姉", "弟", "妹",
        "奥", "旦那", "管理人", "配達員", "職員", "隣", "皆",
        "スタッフ", "オーナー", "ドライバー", "マネージャー", "ママ", "パパ", "ガイド", "シェフ", "コーチ", "ナース", "ヘルパー",
    ]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A Japanese name before さん, ちゃん, くん, さま, 様 or 先生 (<c>さすが由紀さん！</c>, <c>山本さんが</c>, <c>マリアちゃん</c>): two to four
    /// Chinese characters standing alone in Japanese text, no post, trade or relation, not after お or ご (お母さん); or two
    /// to eight katakana of a foreign name.
    /// </summary>
    private static void TryJapaneseHonorifics(string text, List<PiiFinding> sink)
    {
        foreach (var honorific in s_japaneseHonorifics)
        {
            for (var at = text.IndexOf(honorific, StringComparison.Ordinal); at > 0; at = text.IndexOf(honorific, at + honorific.Length, StringComparison.Ordinal))
            {
                // (A Korean name in Hangul before a Japanese honorific, as Japanese speakers write their Korean friends:
                // 지원ちゃん, 지원さん: two or three syllables after no letter, no common word.)
                if (Context.IsHangulSyllable(text[at - 1]))
                {
                    var hangul = Context.HangulStart(text, at);
                    if (at - hangul is 2 or 3 && (hangul == 0 || !char.IsLetterOrDigit(text[hangul - 1]) || PersonLayout.IsKana(text[hangul - 1]) || ScriptProfile.IsHan(text[hangul - 1]))
                        && !NameGazetteer.IsCommonWord(text.AsSpan(hangul, at - hangul)) && !PrivateContext.IsPersonWord(text.AsSpan(hangul, at - hangul)))
                    {
                        sink.Add(new PiiFinding(hangul, at, PiiTypes.Person, 0.75));
                    }

                    continue;
                }

                var han = ScriptProfile.IsHan(text[at - 1]);
                var start = at;
                // (A Korean name in katakana keeps its middle dot: チョン・ミギョン先生.)
                while (start > 0 && at - start < 10 && (han ? ScriptProfile.IsHan(text[start - 1]) && at - start < 8
                    : PersonLayout.IsKatakana(text[start - 1]) || text[start - 1] == '・' && start > 1 && PersonLayout.IsKatakana(text[start - 2]) && start < at))
                {
                    start--;
                }

                // (A relation or post glued before the name is left out: 友達由衣ちゃん.)
                for (var cut = 2; han && cut >= 1; cut--)
                {
                    if (at - start - cut >= 2 && s_japaneseNotNames.Contains(text.AsSpan(start, cut)))
                    {
                        start += cut;
                        break;
                    }
                }

                var name = text.AsSpan(start, at - start);
                var before = Context.At(text, start - 1);
                if (han ? name.Length is >= 2 and <= 4 && before is not ('お' or 'ご') && !s_japaneseNotNames.Contains(name)
                    : name.Length >= 2 && !s_japaneseNotNames.Contains(name) && name[0] != 'ー')
                {
                    sink.Add(new PiiFinding(start, at, PiiTypes.Person, 0.75));
                }
            }
        }
    }

    /// <summary>
    /// A name in Chinese characters before the 씨 or 님 at <paramref name="at"/>, as Korean staff write customers and guides
    /// from China, Taiwan and Japan (<c>가이드는 林志豪 씨</c>, <c>단골 田中美咲 님이</c>): two to four characters standing alone,
    /// the first a surname's (<see cref="PersonLayout.IsHanSurname"/>) or four of them (a Japanese family and given name),
    /// then the honorific that ends its word or takes a particle.
    /// </summary>
    private static void TryHanNameBeforeHonorific(string text, int at, List<PiiFinding> sink)
    {
        var after = Context.At(text, at + 1);
        if (at < 2 || Context.IsHangulSyllable(after) && !s_particles.Contains(after))
        {
            return;
        }

        var end = text[at - 1] == ' ' ? at - 1 : at;
        var start = end;
        while (start > 0 && end - start <= 4 && ScriptProfile.IsHan(text[start - 1]))
        {
            start--;
        }

        var length = end - start;
        if (length is >= 2 and <= 4 && (start == 0 || !(Context.IsHangulSyllable(text[start - 1]) || Context.IsLatinLetter(text[start - 1]) || Context.IsDigit(text[start - 1])))
            && (PersonLayout.IsHanSurname(text[start]) || length == 4))
        {
            sink.Add(new PiiFinding(start, end, PiiTypes.Person, 0.75));
        }
    }

    // Consonant abbreviations of chat that are words, not a person's initials (OK, thanks, well done, congratulations,
    // sorry, crazy, hi, agreed, for real, wait, please, where, dunno, shut up, huh, aha, fine, no, meh, recommended,
    // swear words …; general Korean, from knowledge).
    private static readonly HashSet<string> s_jamoWords = new(
    [
        "ㅇㅋ", "ㄱㅅ", "ㅅㄱ", "ㅊㅋ", "ㅈㅅ", "ㅁㅊ", "ㅎㅇ", "ㅇㅈ", "ㄹㅇ", "ㅈㄴ", "ㅅㅂ", "ㄱㄷ", "ㅈㅂ", "ㅇㄷ", "ㅁㄹ", "ㄷㅊ", "ㅎㄹ",
        "ㅈㄱ", "ㅇㅎ", "ㄱㅊ", "ㅇㄴ", "ㅂㄹ", "ㅊㅊ", "ㅂㅅ", "ㄲㅈ", "ㅃㄹ", "ㅂㄱ", "ㄱㅂ", "ㅈㅇ", "ㅎㅂ", "ㅁㅈ", "ㄱㄴ", "ㅇㅂ", "ㄷㅈ",
        "ㅈㄹ", "ㅂㄷ", "ㅇㄱ", "ㄴㅇ", "ㅅㅌ", "ㅎㅌ", "ㅍㅌ", "ㄱㅇ", "ㅁㅇ", "ㅇㅅ", "ㅅㄹ", "ㄱㄹ", "ㅌㅌ", "ㅂㅂ", "ㅅㅌㅊ", "ㅎㅌㅊ",
        "ㅍㅌㅊ", "ㅇㄱㄹㅇ", "ㅈㅂㅈㅇ", "ㄱㅇㄷ", "ㅎㄷㄷ", "ㄴㅇㄱ", "ㅇㅅㅇ", "ㅍㅇㅌ", "ㄱㄱㅆ", "ㅈㅈ", "ㄱㅁ", "ㅊㄱ", "ㅁㅎ", "ㅎㄱ",
    ], StringComparer.Ordinal);

    // What follows a person's consonant initials in chat: a particle of a person (to, with, subject, topic), an honorific.
    private static readonly string[] s_afterJamoInitials = ["이한테", "이에게", "한테", "에게", "이랑", "이가", "이는", "이도", "이네", "이 ", "가 ", "님", " 님", "씨", " 씨", "쌤"];

    private static bool IsJamoConsonant(char c) => c is >= 'ㄱ' and <= 'ㅎ';

    /// <summary>
    /// A person's initials in Hangul consonants, as pupils and friends write a name in chat and notes (<c>ㅈㅎ한테 고백함</c>,
    /// <c>ㅈㅎ이한테는 내가 연락해볼게</c>, <c>길드원 ㅈㅎ 님께도</c>): two or three consonants, not all the same (<c>ㅋㅋ</c>), not an
    /// abbreviation that is a word (<c>ㅇㅋ</c>, <c>ㄹㅇ</c>, <c>ㅈㄴ</c>), before a particle of a person or an honorific; then every
    /// other place the same initials stand alone in the text (<c>ㅈㅎ 답 기다림</c>).
    /// </summary>
    private static void TryJamoInitials(string text, List<PiiFinding> sink)
    {
        var span = text.AsSpan();

        // Every run of initials once; the initials that a person's particle or an honorific follows somewhere.
        List<(int Start, int End)>? runs = null;
        HashSet<string>? found = null;
        for (var i = span.IndexOfAnyInRange('ㄱ', 'ㅎ'); i >= 0; i = Context.IndexOfAnyInRange(span, 'ㄱ', 'ㅎ', i + 1))
        {
            var end = JamoInitialsEnd(text, i);
            if (end < 0)
            {
                continue;
            }

            (runs ??= []).Add((i, end));
            foreach (var next in s_afterJamoInitials)
            {
                if (span[end..].StartsWith(next, StringComparison.Ordinal)
                    && (next[^1] == ' ' || !Context.IsHangulSyllable(Context.At(text, end + next.Length)) || next is "이한테" or "한테" or "이랑" or "이가" or "이는" or "이도" or "님" or " 님"))
                {
                    (found ??= new(StringComparer.Ordinal)).Add(text[i..end]);
                    break;
                }
            }

            i = end - 1;
        }

        if (found is null)
        {
            return;
        }

        foreach (var (start, end) in runs!)
        {
            if (found.GetAlternateLookup<ReadOnlySpan<char>>().Contains(span[start..end]))
            {
                sink.Add(new PiiFinding(start, end, PiiTypes.Person, 0.7));
            }
        }

        // The end of two or three consonants that stand alone at i (a run of its own, not all one letter, not a word), or -1.
        static int JamoInitialsEnd(string text, int i)
        {
            var before = Context.At(text, i - 1);
            if (IsJamoConsonant(before) || Context.IsHangulSyllable(before) || Context.IsAsciiLetter(before) || Context.IsDigit(before) || before is >= 'ㅏ' and <= 'ㅣ')
            {
                return -1;
            }

            var end = i;
            while (end < text.Length && IsJamoConsonant(text[end]))
            {
                end++;
            }

            var after = Context.At(text, end);
            return end - i is 2 or 3 && text.AsSpan(i, end - i).ContainsAnyExcept(text[i]) && !(after is >= 'ㅏ' and <= 'ㅣ') && !Context.IsAsciiLetter(after) && !Context.IsDigit(after)
                && !s_jamoWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(i, end - i)) ? end : -1;
        }
    }

    // Surnames glued to an office in workplace and church speech (김대리, 박과장님, 정팀장이): the lone surnames and the
    // commonest ones that are also everyday words when a space follows (이, 고, 한); not 지 and 구, which also open a
    // branch's or a district's office (지국장, 지사장, 구의원).
    private static readonly SearchValues<char> s_gluedSurnames = SearchValues.Create("김박최정강조윤장임오서신권황안송류유홍백허노하곽성차주우민진엄채원천방변염석설마길연표문탁이고한");

    // Offices and church titles said glued to a surname (general Korean, from knowledge); 원장, 기자 and 의원 only with 님
    // (주원장 a Ming emperor, 연기자 an actor, 민의원 a chamber).
    private static readonly Dictionary<char, string[]> s_gluedTitlesByFirst = ByFirst(
    [
        "대리", "과장", "부장", "차장", "팀장", "실장", "주임", "계장", "반장", "소장", "국장", "사장", "교수", "선생", "선배", "집사",
        "권사", "장로", "목사", "간호사", "약사", "작가", "감독", "코치", "대표", "회장", "변호사", "상무", "전무", "이사", "세무사",
        "노무사", "매니저", "책임", "수석", "선임", "원장", "기자", "의원",
    ]);

    private static readonly HashSet<string> s_gluedTitlesWithHonorific = new(["원장", "기자", "의원"], StringComparer.Ordinal);

    // Words of a surname's and an office's shape that are something else (a parking lot, a complaint, an exam hall, a full
    // or assistant professor, a chief proctor, a banquet hall, an archangel, an animal pen, "all clear", an original author).
    private static readonly HashSet<string> s_notGluedTitles = new(
    [
        "주차장", "하차장", "정차장", "고사장", "고소장", "정교수", "조교수", "정감독", "연회장", "한약사", "이상무", "천사장", "감사장",
        "설계장", "주사장", "성과장", "문과장", "방과장", "조사장", "이사장", "방사장", "한선배", "이책임", "원작가", "이선임", "이수석",
    ], StringComparer.Ordinal);

    // Kitchen cabinets and a bride's word unless 님 follows (하부장님 is a person).
    private static readonly HashSet<string> s_gluedTitlesNeedingHonorific = new(["하부장", "상부장", "신부장"], StringComparer.Ordinal);

    /// <summary>
    /// A surname glued to an office or a church title, as colleagues and congregations speak of each other (<c>김대리(마케팅)</c>,
    /// <c>신대리님이</c>, <c>박과장님 계세요</c>, <c>정팀장이</c>, <c>하부장님</c>): the surname starts its word, the title ends it, takes
    /// 님 or a particle; the span is the surname, as the press's <c>김 대리</c> (<see cref="TryLoneSurnames"/>). Not a word of
    /// that shape that is something else (<c>주차장</c>, <c>고소장</c>, <c>정교수</c>, <c>이기자</c>; <c>하부장</c> only with 님).
    /// </summary>
    private static void TryGluedSurnameTitles(string text, List<PiiFinding> sink)
    {
        var span = text.AsSpan();
        for (var i = span.IndexOfAny(s_gluedSurnames); i >= 0; i = Context.IndexOfAny(span, s_gluedSurnames, i + 1))
        {
            if (i > 0 && (Context.IsHangulSyllable(text[i - 1]) || Context.IsAsciiLetter(text[i - 1]) || Context.IsDigit(text[i - 1]) || text[i - 1] == '_')
                || !s_gluedTitlesByFirst.TryGetValue(Context.At(text, i + 1), out var titles))
            {
                continue;
            }

            foreach (var title in titles)
            {
                var end = i + 1 + title.Length;
                if (!span[(i + 1)..].StartsWith(title, StringComparison.Ordinal))
                {
                    continue;
                }

                var honorific = Context.At(text, end) == '님';
                if (!honorific && s_gluedTitlesWithHonorific.Contains(title))
                {
                    break;
                }

                var after = Context.At(text, honorific ? end + 1 : end);
                if (Context.IsHangulSyllable(after) && !s_particles.Contains(after) && after is not ('한' or '께')
                    || s_notGluedTitles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(span[i..end])
                    || !honorific && s_gluedTitlesNeedingHonorific.GetAlternateLookup<ReadOnlySpan<char>>().Contains(span[i..end])
                    || NameGazetteer.IsCommonWord(span[i..end]))
                {
                    break;
                }

                sink.Add(new PiiFinding(i, i + 1, PiiTypes.Person, 0.6));
                break;
            }
        }
    }

    private static readonly SearchValues<char> s_latinUpper = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>
    /// A capital initial standing for a person before a word that says who the person is, glued or after one space, as the
    /// press and case notes anonymise a private person (<c>A 원사의</c>, <c>K기자는</c>, <c>B 일병을</c>, <c>K 선배가</c>,
    /// <c>A 선생님은</c>, <c>A 여성을</c>): the initial alone, as KLUE-NER annotates it (<see cref="TryInitial"/> does 씨, 군 and 양).
    /// The letter is a word of its own (not <c>B.J.</c>, <c>H&amp;M</c>, <c>K-2</c>, <c>S병원</c>, <c>A형</c>: a type is no person).
    /// </summary>
    private static void TryInitialsBeforeTitles(string text, List<PiiFinding> sink)
    {
        var span = text.AsSpan();
        for (var i = span.IndexOfAny(s_latinUpper); i >= 0 && i + 2 < text.Length; i = Context.IndexOfAny(span, s_latinUpper, i + 1))
        {
            if (InitialBeforeTitle(text, i) is { } word && word[0] is not ('씨' or '군' or '양')
                || StandaloneInitial(text, i) && (RoleBefore(text, i) || AgeBracketAfter(text, i + 1) || InCountOfPeople(text, i)))
            {
                sink.Add(new PiiFinding(i, i + 1, PiiTypes.Person, 0.75));
            }
        }
    }

    /// <summary>Whether <paramref name="c"/> joins a capital after it to a word, a number or an abbreviation (<c>B.J.</c>, <c>H&amp;M</c>, <c>K-2</c>).</summary>
    private static bool JoinedBeforeInitial(char c) =>
        Context.IsLatinLetter(c) || Context.IsDigit(c) || c is '.' or '&' or '-' or '/' or '+' or '_' or '@' or '\'';

    /// <summary>
    /// Whether the capital at <paramref name="at"/> is a word of its own that a particle, a bracket or punctuation may
    /// follow (<c>A는</c>, <c>B(여, 32세)에게</c>, <c>A, B가</c>), not a type or a part (<c>A형</c>, <c>B반</c>, <c>C조</c>, <c>K-2</c>, <c>B.J.</c>)
    /// and not O or X, a form's marks for yes and no; not glued after Hangul (<c>인문A</c>, a class).
    /// </summary>
    internal static bool StandaloneInitial(string text, int at)
    {
        if (text[at] is 'O' or 'X')
        {
            // Marks of a form (O/X for yes and no), not initials.
            return false;
        }

        var before = Context.At(text, at - 1);
        var after = Context.At(text, at + 1);
        return !(JoinedBeforeInitial(before) || Context.IsHangulSyllable(before) || before == '#')
            && !(Context.IsLatinLetter(after) || Context.IsDigit(after) || after is '.' or '&' or '-' or '/' or '+' or '_' or '\'' or ':' or '@')
            && (!Context.IsHangulSyllable(after) || "은는이가의을를에와과도만랑께한".Contains(after, StringComparison.Ordinal));
    }

    // Roles of the press and of case records before a capital that stands for a person (피고인 A, 피해자 B, 가해 학생 C),
    // beside the judge's roles, relations and kinship words.
    private static readonly HashSet<string> s_initialRoles = new(
        ["가해자", "학생", "손님", "목격자", "가해학생", "피해학생", "운전자", "교사", "직원", "용의자",
            .. PrivateContext.Roles, .. PrivateContext.Relations, .. PrivateContext.Kin],
        StringComparer.Ordinal);

    /// <summary>
    /// A role, relation or kinship word right before the capital at <paramref name="at"/>, with spaces or a colon between
    /// (<c>피고인 A</c>, <c>피해 학생: B</c>); not across a tab (a table's cell of a relation beside a cell of O/X marks).
    /// </summary>
    private static bool RoleBefore(string text, int at)
    {
        var p = at - 1;
        while (p >= 0 && text[p] is ' ' or ':' or '：' && at - p <= 3)
        {
            p--;
        }

        if (p == at - 1 || p < 1 || !Context.IsHangulSyllable(text[p]))
        {
            return false;
        }

        var start = Context.HangulStart(text, p + 1);
        return s_initialRoles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(start, p + 1 - start));
    }

    /// <summary>
    /// An age, a sex or a school year in brackets at <paramref name="open"/> (<c>(1학년)</c>, <c>(여, 32세)</c>, <c>(27·남)</c>,
    /// <c>(중2)</c>): what case notes write after a person.
    /// </summary>
    internal static bool AgeBracketAfter(string text, int open)
    {
        if (Context.At(text, open) != '(' || text.IndexOf(')', open) is var close && (close < 0 || close - open > 14))
        {
            return false;
        }

        var inside = text.AsSpan(open + 1, close - open - 1);
        foreach (var range in inside.SplitAny(",·/ "))
        {
            var part = inside[range];
            if (part is "여" or "남" or "여성" or "남성" or "여자" or "남자"
                || part.Length >= 2 && Context.IsDigit(part[0]) && (part.EndsWith("세") || part.EndsWith("살") || part.EndsWith("학년")) && !part[..^(part.EndsWith("학년") ? 2 : 1)].ContainsAnyExceptInRange('0', '9')
                || part.Length is 2 or 3 && part[0] is '초' or '중' or '고' && Context.IsDigit(part[^1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the capital at <paramref name="at"/> is one of a list of capitals in brackets after a count of people (<c>손님 3명(A, B, C)이</c>).</summary>
    private static bool InCountOfPeople(string text, int at)
    {
        var p = at - 1;
        while (p > 0 && (text[p] is ',' or ' ' or '·' || text[p] is >= 'A' and <= 'Z' && !Context.IsLatinLetter(text[p - 1])))
        {
            p--;
        }

        var close = text.IndexOf(')', at);
        return p >= 2 && text[p] == '(' && text[p - 1] == '명' && Context.IsDigit(text[p - 2]) && close > at && close - at < 16
            && !text.AsSpan(at, close - at).ContainsAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZ ,·");
    }

    /// <summary>
    /// The word that says who the capital initial at <paramref name="initial"/> is (<c>A 원사</c>, <c>K기자</c>, <c>C씨</c>):
    /// the letter is a word of its own and such a word follows, glued or after one space; null otherwise.
    /// </summary>
    internal static string? InitialBeforeTitle(string text, int initial)
    {
        if (JoinedBeforeInitial(Context.At(text, initial - 1)))
        {
            return null;
        }

        var at = Context.At(text, initial + 1) == ' ' ? initial + 2 : initial + 1;
        if (!Context.IsHangulSyllable(Context.At(text, at)) || text[at] == '형' && Context.At(text, at + 1) != '사')
        {
            return null;
        }

        if (text[at] is '씨' or '군' or '양' && (!Context.IsHangulSyllable(Context.At(text, at + 1)) || s_particles.Contains(text[at + 1])))
        {
            return text[at].ToString();
        }

        if (!PersonWordAt(text, at) && !WordEndingAt(text, at, s_initialPersonWordsByFirst))
        {
            return null;
        }

        // The word without the particle after it (일병을 → 일병).
        var end = Context.HangulEnd(text, at);
        return text[at..(end - at > 2 && s_particles.Contains(text[end - 1]) && text[end - 1] != '님' ? end - 1 : end)];
    }

    // Words of the press for an anonymised adult (A 여성, A 원사), beside PersonWordAt's titles, ranks and kinship words.
    private static readonly Dictionary<char, string[]> s_initialPersonWordsByFirst = ByFirst(["여성", "남성", "원사", "병사", "군인", "강사", "직원", "친구", "동료"]);

    private static readonly SearchValues<char> s_rareLoneSurnames = SearchValues.Create(NameGazetteer.LoneBeforeHonorificSurnames);

    // Titles of churches, elders and private address that take 님 after a lone surname (general Korean, from knowledge).
    private static readonly Dictionary<char, string[]> s_honorificTitlesByFirst = ByFirst([.. s_loneSurnameTitles, "권사", "집사", "장로", "여사", "사모", "영감", "반장"]);

    /// <summary>Whether a title in 님 (<c>소장님</c>, <c>권사님</c>) or <c>어르신</c> starts at <paramref name="at"/> and ends its word or takes a particle.</summary>
    private static bool HonorificTitleAt(string text, int at)
    {
        if (text.AsSpan(at).StartsWith("어르신", StringComparison.Ordinal))
        {
            return !Context.IsHangulSyllable(Context.At(text, at + 3)) || s_particles.Contains(text[at + 3]);
        }

        if (!s_honorificTitlesByFirst.TryGetValue(Context.At(text, at), out var titles))
        {
            return false;
        }

        foreach (var title in titles)
        {
            var end = at + title.Length;
            if (text.AsSpan(at).StartsWith(title, StringComparison.Ordinal) && Context.At(text, end) == '님'
                && (!Context.IsHangulSyllable(Context.At(text, end + 1)) || s_particles.Contains(text[end + 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a word that says who a person is (<see cref="s_personWordsByFirst"/>) starts at <paramref name="at"/> and
    /// ends its word, takes 님 or takes a particle: what makes a given name or a surname repeated from a name found in the
    /// same text (<c>윤서후 … 서후 어린이는</c>, <c>추영만 … 추 소장이</c>) that person.
    /// </summary>
    internal static bool PersonWordAt(string text, int at) => WordEndingAt(text, at, s_personWordsByFirst);

    /// <summary>Whether one of <paramref name="byFirst"/>'s words starts at <paramref name="at"/> and ends its word, takes 님 or takes a particle (한테 too).</summary>
    private static bool WordEndingAt(string text, int at, Dictionary<char, string[]> byFirst)
    {
        if (!byFirst.TryGetValue(Context.At(text, at), out var words))
        {
            return false;
        }

        foreach (var word in words)
        {
            if (text.AsSpan(at).StartsWith(word, StringComparison.Ordinal) && Context.At(text, at + word.Length) is var next
                && (!Context.IsHangulSyllable(next) || next == '님' || s_particles.Contains(next)
                    || text.AsSpan(at + word.Length).StartsWith("한테", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Past <c>전 </c> or <c>현 </c> (former, current) at <paramref name="at"/>, if there.</summary>
    private static int AfterFormer(string text, int at) =>
        text.AsSpan(at).StartsWith("전 ", StringComparison.Ordinal) || text.AsSpan(at).StartsWith("현 ", StringComparison.Ordinal) ? at + 2 : at;

    /// <summary>
    /// Whether one of <paramref name="titlesByFirst"/> starts at <paramref name="at"/>; with <paramref name="endsWord"/>, one
    /// that ends its word or takes a particle (longest first).
    /// </summary>
    private static bool TitleAt(string text, int at, Dictionary<char, string[]> titlesByFirst, bool endsWord)
    {
        if (!titlesByFirst.TryGetValue(Context.At(text, at), out var candidates))
        {
            return false;
        }

        foreach (var title in candidates)
        {
            if (text.AsSpan(at).StartsWith(title, StringComparison.Ordinal)
                && (!endsWord || !Context.IsHangulSyllable(Context.At(text, at + title.Length)) || s_particles.Contains(text[at + title.Length])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the single syllable at <paramref name="at"/> is a surname followed by an honorific or bound noun (<c>김씨</c>,
    /// <c>박모</c>) or, after a space, by a title (<c>김 군</c>, <c>신 전 회장</c>): the only way a one-syllable person is
    /// written in running text. Everyday one-syllable words the tagger takes for names (<c>장 보러</c>, <c>썸이</c>, <c>휴</c>)
    /// are not.
    /// </summary>
    /// <summary>
    /// A numeral that is also a surname (한 one, 두 two, 세, 네) before a word for people in general rather than an office
    /// (<c>한 선수가</c> a player, <c>두 학생은</c>): no surname alone, whatever the tagger says.
    /// </summary>
    private static bool NumeralBeforePeople(string text, int at)
    {
        if (text[at] is not ('한' or '두' or '세' or '네') || Context.At(text, at + 1) != ' ')
        {
            return false;
        }

        var rest = text.AsSpan(at + 2);
        foreach (var word in s_peopleInGeneral)
        {
            if (rest.StartsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Words for people in general that a numeral counts (general Korean, from knowledge).
    private static readonly string[] s_peopleInGeneral = ["선수", "학생", "환자", "직원", "회원", "주민", "시민", "남성", "여성", "관계자", "사람", "누리꾼", "네티즌", "아이", "어린이", "청년", "노인"];

    private static bool SurnameBeforeTitle(string text, int at)
    {
        if (!s_surnames.Contains(text[at]) || NumeralBeforePeople(text, at))
        {
            return false;
        }

        var next = Context.At(text, at + 1);
        if (next is '씨' or '님' or '군' or '양' or '모')
        {
            return true;
        }

        return next == ' ' && TitleAt(text, AfterFormer(text, at + 2), s_loneSurnameTitlesByFirst, endsWord: false);
    }

    // The titles above by first syllable (every one, and those the title rules do not have), longest first.
    private static readonly Dictionary<char, string[]> s_loneSurnameTitlesByFirst = ByFirst([.. s_loneSurnameTitles, .. s_loneOnlyTitles]);
    // Titles and posts that follow a foreign name of two or three words in Latin letters in Korean text (Tsering Dolma
    // 간호사, Angela Merkel 총리): not those that follow a job or a company as well (Senior Data Analyst 후보, 상사).
    private static readonly Dictionary<char, string[]> s_titlesAfterLatinByFirst = ByFirst(
    [
        "간호사", "선생님", "선생", "교수", "교수님", "기사", "기사님", "대리", "과장", "팀장", "주임", "사원", "매니저", "강사", "코치", "감독",
        "선수", "총리", "대통령", "장관", "대사", "통역사", "박사", "목사", "신부", "수녀", "원장", "원장님", "사장", "사장님", "대표님", "의원",
        "작가", "기자", "셰프", "연구원", "학생", "씨", "님",
    ]);

    private static readonly Dictionary<char, string[]> s_pressTitlesByFirst = ByFirst(s_loneSurnameTitles.Where(t => Array.IndexOf(s_titles, t) < 0));

    private static Dictionary<char, string[]> ByFirst(IEnumerable<string> words) =>
        words.Distinct(StringComparer.Ordinal).GroupBy(w => w[0]).ToDictionary(g => g.Key, g => g.OrderByDescending(w => w.Length).ToArray());

    private static void TryTitle(string text, int at, string title, List<PiiFinding> sink)
    {
        var after = Context.At(text, at + title.Length);
        if (Context.IsHangulSyllable(after) && !s_particles.Contains(after) || title == "차장" && at > 0 && text[at - 1] == '주')
        {
            // (지하주차장, 공영주차장: a parking lot, not 지하주 and the title 차장 glued to it.)
            return;
        }

        var honorific = title is "씨" or "님";
        var spaced = Context.At(text, at - 1) == ' ';
        var end = spaced ? at - 1 : at;
        // (A common word of a name's shape before a title is no name either: 유효성 검사, 이진 검색.)
        if (NameBefore(text, end, spaced && IsStrongTitle(title)) is var start and >= 0 && !NameGazetteer.IsCommonWord(text.AsSpan(start, end - start)))
        {
            double score = (end - start, honorific, spaced) switch
            {
                (2, _, _) => 0.55,
                (_, false, true) => 0.85,
                (_, false, false) => 0.75,
                (_, true, true) => 0.75,
                _ => 0.6,
            };
            sink.Add(new PiiFinding(start, end, PiiTypes.Person, score));
        }
        else if ((honorific || Array.IndexOf(s_addressTitles, title) >= 0) && ForeignWordBefore(text, end) is var foreign and >= 0)
        {
            // A foreign name word before an honorific or a form of address (빌랄 씨와, 올가 님, 다와 선생님께, 볼로르마 학생
            // 말로는); the foreign words before it join it (Scan). Not before the press's titles (클린턴 후보, 벵거 감독): the
            // tagger finds those names whole (힐러리 클린턴), and a rule's span would cut them.
            sink.Add(new PiiFinding(foreign, end, PiiTypes.Person, 0.7));
        }
    }

    /// <summary>The start of a foreign name word (<see cref="IsForeignNameWord"/>) of two to six syllables standing alone and ending at <paramref name="end"/>, or -1.</summary>
    private static int ForeignWordBefore(string text, int end)
    {
        var start = end;
        while (start > 0 && Context.IsHangulSyllable(text[start - 1]) && end - start < 7)
        {
            start--;
        }

        return end - start is >= 2 and <= 6 && (start == 0 || !(Context.IsHangulSyllable(text[start - 1]) || Context.IsAsciiLetter(text[start - 1]) || Context.IsDigit(text[start - 1])))
            && IsForeignNameWord(text.AsSpan(start, end - start)) && !NameGazetteer.IsCommonWord(text.AsSpan(start, end - start)) ? start : -1;
    }

    /// <summary>
    /// The start of a Korean name that ends at <paramref name="end"/> right before a title: a whole Hangul word of three
    /// syllables with a surname first, four with a compound surname, or two before a strong title
    /// (<paramref name="strongTitle"/>); not a word that ends with a role or an inflection. -1 when there is none.
    /// </summary>
    private static int NameBefore(string text, int end, bool strongTitle)
    {
        var start = end;
        while (start > 0 && Context.IsHangulSyllable(text[start - 1]))
        {
            start--;
        }

        if (start > 0 && (Context.IsAsciiLetter(text[start - 1]) || Context.IsDigit(text[start - 1])))
        {
            return -1;
        }

        var length = end - start;
        var ok = length switch
        {
            3 => s_surnames.Contains(text[start]),
            4 => IsCompoundSurname(text, start),
            2 => strongTitle && s_surnames.Contains(text[start]),
            _ => false,
        };
        if (!ok)
        {
            return -1;
        }

        var name = text.AsSpan(start, length);
        return s_notNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name) || EndsWithTitle(name) || s_nonNameEndings.Contains(name[^1]) ? -1 : start;
    }

    /// <summary>
    /// News-style anonymised persons before 씨: an initial (A씨, B(42)씨), a surname with 모 (김모 씨, 최모(32)씨) or a
    /// surname glued to 씨 (김씨는, 전씨와). The span is the initial or the surname, as KLUE-NER annotates them.
    /// </summary>
    private static void TryInitial(string text, int at, List<PiiFinding> sink)
    {
        var p = at - 1;
        if (Context.At(text, p) == ' ')
        {
            p--;
        }

        if (Context.At(text, p) == ')')
        {
            // An age, sex or both in brackets (A(27)씨, A(27·여)씨, B(3)군).
            var q = p - 1;
            while (p - q <= 10 && (Context.IsDigit(Context.At(text, q)) || Context.At(text, q) is '·' or ',' or ' ' or '세' or '여' or '남'))
            {
                q--;
            }

            if (q == p - 1 || Context.At(text, q) != '(')
            {
                return;
            }

            p = q - 1;
        }

        var c = Context.At(text, p);
        var before = Context.At(text, p - 1);
        if (c is >= 'A' and <= 'Z' && !Context.IsAsciiLetter(before) && !Context.IsDigit(before))
        {
            sink.Add(new PiiFinding(p, p + 1, PiiTypes.Person, 0.8));
        }
        else if (c == '모' && s_surnames.Contains(before) && !Context.IsHangulSyllable(Context.At(text, p - 2)))
        {
            sink.Add(new PiiFinding(p - 1, p, PiiTypes.Person, 0.8));
        }
        else if (c == '모' && Context.IsHangulSyllable(before) && Context.HangulStart(text, p - 1) is var family && p - family is >= 2 and <= 5
            && NameGazetteer.GazetteerKind(text.AsSpan(family, p - family)) is var kind && (kind & NameGazetteer.ForeignFamilyKind) != 0)
        {
            // A foreign family name in Hangul glued to 모, as the press writes a foreign worker (응우옌모(31)씨): the family name.
            sink.Add(new PiiFinding(family, p, PiiTypes.Person, 0.8));
        }
        else if (c == '모' && before == ' ' && s_surnames.Contains(Context.At(text, p - 2)) && !Context.IsHangulSyllable(Context.At(text, p - 3))
            && !Context.IsHangulSyllable(Context.At(text, p + 1)))
        {
            // The surname written apart from 모 (맹 모(77) 씨, 김 모 씨), as some papers write it.
            sink.Add(new PiiFinding(p - 2, p - 1, PiiTypes.Person, 0.8));
        }
        else if (p == at - 1 && c is not ('모' or '화') && s_surnames.Contains(c) && !Context.IsHangulSyllable(before) && !Context.IsAsciiLetter(before) && !Context.IsDigit(before)
            && Array.IndexOf(s_afterGluedSsi, text[(at + 1)..Context.HangulEnd(text, at)]) >= 0 && !IsClan(text, p, at))
        {
            // A surname glued to 씨 and what may follow a name (김씨는, 전씨와, 임씨로부터): the surname, as KLUE-NER annotates it
            // (화씨 is Fahrenheit).
            sink.Add(new PiiFinding(p, at, PiiTypes.Person, 0.8));
        }
    }

    // Clan seats (본관) that history and genealogy write before a surname and 씨: 경주 이씨, 안동 김씨 name a clan, not a person.
    private static readonly string[] s_clanSeats =
    [
        "김해", "밀양", "전주", "경주", "안동", "청송", "파평", "광산", "남양", "여흥", "풍양", "연안", "동래", "진주", "해주", "평산", "한산", "나주",
        "청주", "순흥", "창녕", "남평", "반남", "의령", "달성", "문화", "능성", "광주", "수원", "덕수", "은진", "초계", "함안", "영일", "제주", "성주",
        "고령", "진양", "인동", "평해", "창원", "양천", "봉화", "곡산", "상주", "충주", "원주", "강릉", "진천", "죽산", "한양", "장수", "인천", "개성",
    ];

    // Words after a surname and 씨 that make it a clan or a house: 정씨 왕국, 왕씨 왕조, 이씨 가문.
    private static readonly string[] s_clanWords = ["왕국", "왕조", "왕가", "가문", "일가", "문중", "종친", "종친회", "집안", "성씨", "족보"];

    /// <summary>
    /// Whether the surname at <paramref name="surname"/> glued to 씨 at <paramref name="ssi"/> names a clan: a clan seat
    /// before it (경주 이씨), Chinese characters in brackets after it (이씨(李氏)), or a word of clans after it (정씨 왕국).
    /// </summary>
    private static bool IsClan(string text, int surname, int ssi)
    {
        if (surname >= 3 && text[surname - 1] == ' ' && Array.IndexOf(s_clanSeats, text[Context.HangulStart(text, surname - 1)..(surname - 1)]) >= 0)
        {
            return true;
        }

        var end = Context.HangulEnd(text, ssi);
        if (Context.At(text, end) == '(' && HanjaNameAfter(text, end) > 0)
        {
            return true;
        }

        if (Context.At(text, end) != ' ')
        {
            return false;
        }

        var next = text.AsSpan(end + 1, Context.HangulEnd(text, end + 1) - end - 1);
        foreach (var word in s_clanWords)
        {
            if (next.StartsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // What follows 씨 in the word of a surname glued to it: nothing, or a particle.
    private static readonly string[] s_afterGluedSsi =
    [
        "", "가", "는", "를", "와", "의", "도", "만", "에게", "에게서", "에게는", "한테", "로부터", "측", "등", "와의", "와는", "에", "께", "랑", "하고",
        "처럼", "부터", "까지", "마저", "조차",
    ];

    /// <summary>
    /// A name with an age in brackets, as news and case records write a private person (<c>홍길동(79세, 무직)은</c>,
    /// <c>홍길동(26·회사원)</c>, <c>홍길동(45)</c>): a word of a name's shape right before the bracket, then one to three digits
    /// and 세, a closing bracket, a middle dot or a comma.
    /// </summary>
    private static void TryAgeInBrackets(string text, int open, List<PiiFinding> sink)
    {
        var q = open + 1;
        while (Context.IsDigit(Context.At(text, q)) && q - open <= 3)
        {
            q++;
        }

        if (q == open + 1 || q - open > 4 || Context.At(text, q) is not ('세' or ')' or '·' or ',') || (Context.At(text, q) == ',' && Context.At(text, q + 1) != ' '))
        {
            return;
        }

        var end = open;
        var start = end;
        while (start > 0 && Context.IsHangulSyllable(text[start - 1]) && end - start < 5)
        {
            start--;
        }

        var length = end - start;

        // A foreign name in Hangul with the age and 씨 after it, as the press writes a migrant (토시풀라토프(33) 씨, 자말리딘
        // 토시풀라토프(33) 씨는): the word before the bracket, and the word before that too when it is no common, role, label,
        // country, place or relation word, nor a modifier (총무 라크말 피리스, 일하는 자말리딘 토시풀라토프; 동료 쇼흐루흐);
        // not the press's masked name, 김모(75)씨.
        var ssi = Context.At(text, q + 1) == '씨' ? q + 1 : Context.At(text, q + 1) == ' ' && Context.At(text, q + 2) == '씨' ? q + 2 : -1;
        if (Context.At(text, q) == ')' && ssi > 0 && (!Context.IsHangulSyllable(Context.At(text, ssi + 1)) || s_particles.Contains(text[ssi + 1]))
            && Context.HangulStart(text, open) is var word && open - word is >= 2 and <= 8 && (word == 0 || !Context.IsHangulSyllable(text[word - 1]))
            && !(open - word == 2 && text[open - 1] == '모')
            && !NameGazetteer.IsCommonWord(text.AsSpan(word, open - word)) && !IsTitleOrRole(text.AsSpan(word, open - word)) && !PrivateContext.IsContextWord(text.AsSpan(word, open - word))
            && !PrivateContext.IsStaffOrKin(text.AsSpan(word, open - word)) && !s_notNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(word, open - word))
            && (length is < 3 or > 4 || !s_surnames.Contains(text[start]) || !NameShaped(text, start, length)))
        {
            var first = word;
            if (word >= 2 && text[word - 1] == ' ' && Context.HangulStart(text, word - 1) is var before && word - 1 - before is >= 2 and <= 6
                && !s_nonNameEndings.Contains(text[word - 2]) && text[word - 2] is not ('리' or '동' or '면' or '읍' or '군' or '시' or '구' or '도')
                && text.AsSpan(before, word - 1 - before) is var given
                && !NameGazetteer.IsCommonWord(given) && !IsInflectedCommonWord(given) && !IsTitleOrRole(given) && !PrivateContext.IsContextWord(given)
                && !PrivateContext.IsStaffOrKin(given) && !PrivateContext.IsFieldWord(given) && !IsCountry(given) && !IsLabel(given) && !IsRelation(given))
            {
                first = before;
            }

            // (A Korean name is the tagger's and the rule's below; a foreign one has two words or three syllables at least.)
            if (first < word || open - word >= 3 && !PersonLayout.KoreanNameShaped(text, word, open))
            {
                sink.Add(new PiiFinding(first, open, PiiTypes.Person, 0.8));
                return;
            }
        }

        if (length is < 3 or > 4 || (start > 0 && Context.IsHangulSyllable(text[start - 1])) || !s_surnames.Contains(text[start])
            || (length == 4 && !IsCompoundSurname(text, start)) || !NameShaped(text, start, length)
            || s_notNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(start, length)) || EndsWithTitle(text.AsSpan(start, length)))
        {
            return;
        }

        sink.Add(new PiiFinding(start, end, PiiTypes.Person, 0.8));
    }

    /// <summary>
    /// A name inside brackets, as case notes write the person a word stands for (<c>아동(홍길동, 7세)은</c>, <c>딸(홍길순)에게</c>,
    /// <c>보호자(홍길동·모)</c>): a Hangul word of a Korean name's shape right after the bracket, then a closing bracket, a
    /// comma or a middle dot; with a comma or dot, an age, sex or relation must follow (<c>7세</c>, <c>68</c>, <c>여</c>,
    /// <c>모</c>), with a closing bracket the word before the bracket must be a role, relation or kinship word.
    /// </summary>
    private static void TryNameInBrackets(string text, int open, List<PiiFinding> sink)
    {
        var start = open + 1;
        var end = start;
        while (end < text.Length && Context.IsHangulSyllable(text[end]) && end - start < 5)
        {
            end++;
        }

        if (!PersonLayout.KoreanNameShaped(text, start, end) || NameGazetteer.IsCommonWord(text.AsSpan(start, end - start)))
        {
            return;
        }

        var next = Context.At(text, end);
        if (next is ',' or '·')
        {
            var q = end + 1;
            while (Context.At(text, q) == ' ')
            {
                q++;
            }

            var c = Context.At(text, q);
            if (!(Context.IsDigit(c) || (c is '남' or '여' or '모' or '부' && !Context.IsHangulSyllable(Context.At(text, q + 1))) || text.AsSpan(q).StartsWith("만 ", StringComparison.Ordinal)))
            {
                return;
            }
        }
        else if (next == ')')
        {
            var w = open;
            while (w > 0 && Context.IsHangulSyllable(text[w - 1]))
            {
                w--;
            }

            var before = text.AsSpan(w, open - w);
            var title = before.EndsWith('님') ? before[..^1] : before;

            // The full name after a surname and a title (옹 위원(옹대현), 경 선생(경재만)): the surname is the person too.
            if (w >= 2 && text[w - 1] == ' ' && text[w - 2] == text[start] && (w == 2 || !Context.IsHangulSyllable(text[w - 3]))
                && !title.IsEmpty && IsTitleOrRole(title) && end - start is 3)
            {
                sink.Add(new PiiFinding(w - 2, w - 1, PiiTypes.Person, 0.8));
            }
            else if (before.IsEmpty || !(PrivateContext.IsContextWord(before) || PrivateContext.IsStaffOrKin(before)))
            {
                return;
            }
        }
        else
        {
            return;
        }

        sink.Add(new PiiFinding(start, end, PiiTypes.Person, 0.8));
    }

    // Labels whose last syllable makes them a person (근무자, 발신인, 상주, 예금주) and labels that name a person outright
    // (담임, 신랑, 원아): general Korean, written from knowledge. Labels ending in 명 name a person only when what comes
    // before 명 does (원아명, 신청인명), not 학교명 or 업체명.
    private static readonly HashSet<string> s_personLabelWords = new(StringComparer.Ordinal)
    {
        "담임", "담당", "작성", "발신", "수신", "참석", "신랑", "신부", "원아", "아동", "학생", "원생", "산모", "회원", "주민", "직원", "상주",
        "확인", "서명", "날인", "본인", "가족", "배우자", "세대원", "동거인", "트레이너", "펫시터", "시터", "코치", "감독", "통역", "디자이너",
        "매니저", "대리인", "강사", "교사", "의사", "목사", "집도", "마취", "주치의", "전공의", "집도의", "마취의", "담당의", "전문의",
    };

    // Words ending in 원 that name a member or a staff member (general Korean, written from knowledge).
    private static readonly HashSet<string> s_personMemberWords = new(StringComparer.Ordinal)
    {
        "계원", "회원", "직원", "조합원", "대원", "단원", "사원", "교원", "팀원", "부원", "조원", "반원", "구성원", "세대원", "선원", "승무원",
        "상담원", "안내원", "경비원", "미화원", "요원", "연구원", "사무원", "집배원", "배달원", "판매원", "종업원", "당원", "위원", "임원",
    };

    internal static bool IsPersonLabel(ReadOnlySpan<char> label)
    {
        if (label.Length > 2 && label[^1] == '명')
        {
            label = label[..^1];
        }

        if (label.Length < 2)
        {
            return false;
        }

        if (s_personLabelWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(label))
        {
            return true;
        }

        // 근무자, 참가자, 발신인, 보증인, 상주, 예금주, 세대주: not 일자, 문자, 숫자, 원인, 확인서.
        return label[^1] switch
        {
            '자' => !(label.EndsWith("일자") || label.EndsWith("문자") || label.EndsWith("숫자") || label.EndsWith("글자") || label.EndsWith("액자")),
            '인' => !(label.EndsWith("원인") || label.EndsWith("요인") || label.EndsWith("승인") || label.EndsWith("기인")),
            // 수의사, 간호사, 상담사, 복지사, 요양보호사: not 회사, 검사, 조사, 감사, 행사, 기사.
            '사' => label.Length >= 3 && (label.EndsWith("통역사") || label.EndsWith("번역사") || !(label.EndsWith("회사") || label.EndsWith("검사") || label.EndsWith("조사") || label.EndsWith("감사") || label.EndsWith("행사") || label.EndsWith("기사") || label.EndsWith("역사") || label.EndsWith("지사"))),
            // 계원, 조합원, 상담원, 경비원: members and staff, not 병원, 공원, 학원 or 만원.
            '원' => s_personMemberWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(label),
            // 수강생, 교육생, 실습생, 연수생: not 발생, 인생, 위생, 출생.
            '생' => label.EndsWith("수강생") || label.EndsWith("교육생") || label.EndsWith("훈련생") || label.EndsWith("실습생") || label.EndsWith("연수생")
                || label.EndsWith("재학생") || label.EndsWith("신입생") || label.EndsWith("수험생") || label.EndsWith("유학생") || label.EndsWith("연습생"),
            '주' => label.EndsWith("상주") || label.EndsWith("예금주") || label.EndsWith("세대주") || label.EndsWith("사업주") || label.EndsWith("건물주") || label.EndsWith("차주"),
            _ => false,
        };
    }

    /// <summary>
    /// The whole value of a <c>label: value</c> field whose label names a person (<c>근무자: 편동술</c>, <c>원아명: 제갈우주
    /// (햇님반)</c>, <c>상주: 함보람</c>): a word of a Korean name's shape (three syllables with a surname, or a compound
    /// surname; a native given name such as 보람 counts, no given-name syllable is needed in a cell labelled as a person),
    /// standing alone in its cell (then a line end, a tab, a bracket, a list separator, a run of spaces, or 귀하/님), and the
    /// other items of the list it may open.
    /// </summary>
    private static void TryPersonFieldValues(string text, List<PiiFinding> sink)
    {
        for (var colon = text.IndexOf(':', StringComparison.Ordinal); colon >= 0; colon = text.IndexOf(':', colon + 1))
        {
            // (A colon at the text's start ends no value's label; the later ones are still read.)
            if (colon <= 1)
            {
                continue;
            }

            var e = colon;
            var s = e;
            while (s > 0 && Context.IsHangulSyllable(text[s - 1]) && e - s < 7)
            {
                s--;
            }

            // (A label glued to a handle is the handle's title, no label: Rustam_대리: ….)
            if (s > 0 && (Context.IsHangulSyllable(text[s - 1]) || text[s - 1] == '_') || !IsPersonLabel(text.AsSpan(s, e - s)))
            {
                continue;
            }

            var p = colon + 1;
            while (Context.At(text, p) == ' ')
            {
                p++;
            }

            // The value may be a list (참가자: 임소망, 권기쁨, 한아름 / 참석: 도하나·국가람): every item a name of that shape.
            while (true)
            {
                var q = p;
                while (q < text.Length && Context.IsHangulSyllable(text[q]) && q - p < 5)
                {
                    q++;
                }

                // In a cell labelled as a person a native given name (함보람, 빈나라) counts too: no given-name syllable needed.
                if (q - p is < 3 or > 4 || !WholeCell(text, q) || !PersonLayout.KoreanNameShaped(text, p, q) || s_nonNameEndings.Contains(text[q - 1])
                    || s_notNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(p, q - p)) || NameGazetteer.IsCommonWord(text.AsSpan(p, q - p)))
                {
                    break;
                }

                sink.Add(new PiiFinding(p, q, PiiTypes.Person, 0.85));
                p = q;
                while (Context.At(text, p) == ' ')
                {
                    p++;
                }

                if (Context.At(text, p) is not (',' or '/' or '·'))
                {
                    break;
                }

                p++;
                while (Context.At(text, p) == ' ')
                {
                    p++;
                }
            }
        }
    }

    /// <summary>
    /// A person who names themselves: <c>주민 신우주입니다</c>, <c>105동 1402호 함보람입니다</c>, <c>저 빈나라이에요</c>, a line
    /// that opens with <c>홍길동입니다</c>. The name has a Korean name's shape with name syllables after the surname; after a
    /// unit or a floor any Korean name's shape or a foreign name word (<c>302호 천여름인데요</c>, <c>1층 러스탐입니다</c>).
    /// </summary>
    private static void TrySelfIntroductions(string text, List<PiiFinding> sink)
    {
        foreach (var ending in (ReadOnlySpan<string>)["입니다", "이에요", "이예요", "이고요", "인데요", "인데"])
        {
            for (var at = text.IndexOf(ending, StringComparison.Ordinal); at >= 3; at = text.IndexOf(ending, at + 1, StringComparison.Ordinal))
            {
                // (인데 alone before a space or a mark: 연보름인데 10분 늦어요; 인데요 is read as itself.)
                if (ending == "인데" && Context.IsHangulSyllable(Context.At(text, at + 2)))
                {
                    continue;
                }

                var s = at;
                while (s > 0 && Context.IsHangulSyllable(text[s - 1]) && at - s < 5)
                {
                    s--;
                }

                if (at - s is < 3 or > 4 || s > 0 && Context.IsHangulSyllable(text[s - 1]))
                {
                    continue;
                }

                // What stands before the name: a line start (every syllable after the surname a name syllable), 저/저는/제
                // 이름은 (not a word of an occupation or status: 공무원, 신입생, 한국인), a unit number (1402호), or a word
                // naming a member of a place (주민, 회원, 학생, 엄마, 아빠).
                var before = text.AsSpan(0, s).TrimEnd(' ');
                var ok = before.IsEmpty || before[^1] is '\n' or '\r' or '.' or '!' or '?' or ')' or ']'
                    ? GivenNameShaped(text, s, at, strict: true)
                    : before.EndsWith("저") || before.EndsWith("저는") || before.EndsWith("이름은")
                        ? GivenNameShaped(text, s, at, strict: true) || GivenNameShaped(text, s, at, strict: false) && !"원생인가사부자".Contains(text[at - 1], StringComparison.Ordinal)
                        : (before.EndsWith("호") || before.EndsWith("주민") || before.EndsWith("회원") || before.EndsWith("학생") || before.EndsWith("엄마")
                            || before.EndsWith("아빠")) && GivenNameShaped(text, s, at, strict: false)
                        // (After a unit or a floor, any Korean name's shape or a foreign name word: 302호 천여름인데요, 1층 러스탐입니다;
                        // so after the booking, 11시 예약한 은가을인데요, 저 17시 연보름인데.)
                        || (UnitBefore(before) || before.EndsWith("예약한") || before.EndsWith("예약자") || TimeAfterSelf(before))
                            && (PersonLayout.KoreanNameShaped(text, s, at) || IsForeignNameWord(text.AsSpan(s, at - s)))
                            && !PersonLayout.IsFormWord(text.AsSpan(s, at - s));
                if (!ok)
                {
                    continue;
                }

                sink.Add(new PiiFinding(s, at, PiiTypes.Person, 0.8));
            }
        }
    }

    /// <summary>
    /// Whether the text before a self-introduction ends with 저 and a booking's hour (<c>저 17시 연보름인데요</c>, <c>저 오후 3시</c>),
    /// as a customer names themselves by the booking.
    /// </summary>
    private static bool TimeAfterSelf(ReadOnlySpan<char> before)
    {
        if (before.Length < 4 || before[^1] != '시' || !Context.IsDigit(before[^2]))
        {
            return false;
        }

        var q = before.Length - 2;
        while (q > 0 && Context.IsDigit(before[q - 1]))
        {
            q--;
        }

        var rest = before[..q].TrimEnd(' ');
        rest = rest.EndsWith("오전") || rest.EndsWith("오후") ? rest[..^2].TrimEnd(' ') : rest;
        return rest.EndsWith("저") && (rest.Length == 1 || !Context.IsHangulSyllable(rest[^2]));
    }

    /// <summary>Whether the text before a self-introduction ends with a unit or a floor's number (<c>302호</c>, <c>1층</c>).</summary>
    private static bool UnitBefore(ReadOnlySpan<char> before) =>
        before.Length >= 2 && before[^1] is '호' or '층' && Context.IsDigit(before[^2]);

    // Particles after a given name's familiar 이 that no noun takes after an 이 of its own (하늘이가, 솔이는, 보람이한테); not
    // 랑, 네 or 와, which make a particle or an ending with 이 (책이랑, 사람이네, 사람이와).
    private static readonly string[] s_afterFamiliar = ["가", "는", "도", "를", "한테", "에게", "의", "만", "처럼", "까지", "하고"];

    // Native Korean given names that are also everyday words and end with a consonant (순우리말 이름; general knowledge, not
    // from any list of the evaluation sets): the tagger and the common-word filter leave them, and a noun takes no 이 before
    // another particle, so with one they are the name. Not 별, 봄, 콩 and the like, which pets are called as often.
    private static readonly string[] s_wordNameList =
    [
        "하늘", "보람", "한결", "솔", "새봄", "가을", "새벽", "진솔", "다솜", "아름", "한별", "초롱", "한솔", "해솔", "다온", "라온", "은혜", "사랑",
        "믿음", "소망", "여름", "겨울", "은별", "샛별", "새롬", "가람", "하람", "한빛", "한울", "예솔", "다운", "나빛", "단결", "온결",
    ];

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_wordNames = FrozenSet.Create(StringComparer.Ordinal, s_wordNameList)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<string> s_wordNameValues = SearchValues.Create(s_wordNameList, StringComparison.Ordinal);

    /// <summary>
    /// A native given name that is also a word, said with the familiar 이 before a particle (하늘이가, 솔이는, 보람이한테,
    /// <see cref="s_wordNames"/>): a noun that ends with a consonant takes no 이 before another particle, so the word is the
    /// name there (하늘이 맑다 stays the sky: no particle after 이), and so it is before a word that says who a person is
    /// (솔이 엄마); not in a question of the dialects (학생이가?).
    /// </summary>
    private static void TryFamiliarNames(string text, List<PiiFinding> sink)
    {
        // (The listed names are looked for, not every 이: they are far rarer.)
        for (var hit = text.AsSpan().IndexOfAny(s_wordNameValues); hit >= 0;)
        {
            var start = hit;
            var length = Context.At(text, start + 2) == '이' && s_wordNames.Contains(text.AsSpan(start, 2)) ? 2
                : Context.At(text, start + 1) == '이' && s_wordNames.Contains(text.AsSpan(start, 1)) ? 1 : 0;
            var at = start + length;
            if (length > 0 && !(start > 0 && (Context.IsHangulSyllable(text[start - 1]) || char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '_' or '@'))
                && FamiliarParticleEnd(text, at) is var particleEnd and > 0 && Context.At(text, particleEnd) != '?')
            {
                sink.Add(new PiiFinding(start, at, PiiTypes.Person, 0.8));
            }

            var next = hit + 1 < text.Length ? text.AsSpan(hit + 1).IndexOfAny(s_wordNameValues) : -1;
            hit = next < 0 ? -1 : hit + 1 + next;
        }

        // Past the particle after the familiar 이 at at, or past 이 before a space and a word that says who a person is
        // (솔이 엄마, 하늘이 담임); -1 otherwise.
        static int FamiliarParticleEnd(string text, int at)
        {
            foreach (var particle in s_afterFamiliar)
            {
                if (text.AsSpan(at + 1).StartsWith(particle, StringComparison.Ordinal) && !Context.IsHangulSyllable(Context.At(text, at + 1 + particle.Length)))
                {
                    return at + 1 + particle.Length;
                }
            }

            return Context.At(text, at + 1) == ' ' && PersonWordAt(text, at + 2) ? at + 1 : -1;
        }
    }

    /// <summary>
    /// A name a sentence says someone has or is called by: after <c>이름은</c>, <c>이름을</c> or <c>이름이</c> and a space, a word
    /// closed by <c>(이)라고</c> (<c>아이 이름을 Sasha라고 계속 불러서</c>), or after <c>이름은</c> one a comma closes (<c>이름은
    /// 배마이클, 다들 …</c>); the name's owner a person or unsaid; and a word in Latin letters before <c>라고 부르</c>/<c>불러</c>/
    /// <c>부름</c> (<c>다들 Mike라고 부름</c>). The word is one Hangul word of two to six syllables that is no role or form word
    /// (nor a common word unless 라고 says it), or a capitalised Latin word.
    /// </summary>
    private static void TryNamesCalled(string text, List<PiiFinding> sink)
    {
        if (!text.Contains("이름", StringComparison.Ordinal) && !text.Contains("라고 ", StringComparison.Ordinal))
        {
            return;
        }

        foreach (var cue in (ReadOnlySpan<string>)["이름은 ", "이름을 ", "이름이 "])
        {
            for (var at = text.IndexOf(cue, StringComparison.Ordinal); at >= 0; at = text.IndexOf(cue, at + 1, StringComparison.Ordinal))
            {
                var p = at + cue.Length;
                var end = WordEnd(text, p);
                var word = text.AsSpan(p, end - p);
                var sayEnd = word.EndsWith("이라고") ? 3 : word.EndsWith("라고") ? 2 : 0;
                // (Without 라고, only a name the topic introduces and a comma closes, no predicate's ending: 이름은 배마이클, 다들 …;
                // not 내 이름이 없어, 이름이 지정되면.)
                var closed = sayEnd > 0 || cue == "이름은 " && Context.At(text, end) == ',' && end > p && !s_predicateEndings.Contains(text[end - 1]);
                end -= sayEnd;
                // (Said with 라고, a common word is the name too: 딸 이름은 하늘이라고 지었어요.)
                if (closed && !Context.IsHangulSyllable(Context.At(text, at - 1)) && PersonBeforeName(text, at) && CalledName(text, p, end, said: sayEnd > 0))
                {
                    sink.Add(new PiiFinding(p, end, PiiTypes.Person, 0.75));
                }
            }
        }

        for (var at = text.IndexOf("라고 ", StringComparison.Ordinal); at > 1; at = text.IndexOf("라고 ", at + 1, StringComparison.Ordinal))
        {
            var rest = text.AsSpan(at + 3);
            if (SelfIntroduced(text, at) is { } self)
            {
                sink.Add(new PiiFinding(self.Start, self.End, PiiTypes.Person, 0.75));
                continue;
            }

            if (!(rest.StartsWith("부르") || rest.StartsWith("불러") || rest.StartsWith("부름") || rest.StartsWith("불렀") || rest.StartsWith("부른")))
            {
                continue;
            }

            var start = at;
            while (start > 0 && Context.IsLatinLetter(text[start - 1]))
            {
                start--;
            }

            if (at - start >= 2 && Context.IsLatinUpper(text[start]) && (start == 0 || !(Context.IsLatinLetter(text[start - 1]) || Context.IsDigit(text[start - 1]))))
            {
                sink.Add(new PiiFinding(start, at, PiiTypes.Person, 0.75));
            }
            else if (CalledInHangul(text, at) is { } called)
            {
                sink.Add(new PiiFinding(called.Start, called.End, PiiTypes.Person, 0.75));
            }
        }

        // A Hangul name before (이)라고 부르 that people are said to call someone by, or that the writer asks to be called
        // (레이라고 불러 주세요, 한국 친구들은 초고라고 불러요): a word of two to five syllables that is no common, role or form
        // word, at a sentence's start or after 저를, 다들, 친구들은 and the like (not 이걸 떡볶이라고 부르는: a thing's name).
        static (int Start, int End)? CalledInHangul(string text, int at)
        {
            var start = at;
            while (start > 0 && Context.IsHangulSyllable(text[start - 1]))
            {
                start--;
            }

            var stem = at - start > 2 && text[at - 1] == '이' && (text[at - 2] - '\uAC00') % 28 != 0 ? at - 1 : at;
            var word = text.AsSpan(start, stem - start);
            if (word.Length is < 2 or > 5 || NameGazetteer.IsCommonWord(word) || IsInflectedCommonWord(word) || PersonLayout.IsFormWord(word) || PrivateContext.IsStaffOrKin(word)
                || s_epithets.Contains(word))
            {
                return null;
            }

            var before = text.AsSpan(0, start).TrimEnd(' ');
            var w = before.Length;
            while (w > 0 && Context.IsHangulSyllable(before[w - 1]))
            {
                w--;
            }

            var cue = before[w..];
            // (At a sentence's start only a request to be called so: 레이라고 불러 주세요, not 공포영화라고 부르기엔.)
            var rest = text.AsSpan(at + 3);
            var asked = rest.StartsWith("불러 주") || rest.StartsWith("불러주") || rest.StartsWith("불러 줘") || rest.StartsWith("불러요") || rest.StartsWith("부르세요")
                || rest.StartsWith("불러도") || rest.StartsWith("부르면 돼");
            var cued = cue.IsEmpty ? asked && (before.IsEmpty || before[^1] is '.' or '\n' or '!' or '?' or ',' or ')' or ':')
                : cue is "저를" or "절" or "저는" or "나를" or "날" or "나는" or "다들" or "모두" or "그냥" or "편하게" or "친구들은" or "친구들이" or "사람들은" or "사람들이" or "동료들은" or "가족들은";
            return cued ? (start, stem) : null;
        }

        // The name the writer introduces themselves by (저는 미나라고 해요, 전 하늘이라고 합니다): a Hangul word of two to five
        // syllables after 저는, 전, 나는 or 난, before (이)라고 and 해요, 합니다 or 하는데, no role, form or kinship word (a
        // common word is a name there: the sentence says so).
        static (int Start, int End)? SelfIntroduced(string text, int at)
        {
            var rest = text.AsSpan(at + 3);
            if (!(rest.StartsWith("해요") || rest.StartsWith("합니다") || rest.StartsWith("하는데") || rest.StartsWith("해.") || rest.StartsWith("해!")))
            {
                return null;
            }

            var start = at;
            while (start > 0 && Context.IsHangulSyllable(text[start - 1]))
            {
                start--;
            }

            var stem = at - start > 2 && text[at - 1] == '이' && (text[at - 2] - '\uAC00') % 28 != 0 ? at - 1 : at;
            var word = text.AsSpan(start, stem - start);
            var before = text.AsSpan(0, start);
            return word.Length is >= 2 and <= 5 && !PersonLayout.IsFormWord(word) && !PrivateContext.IsStaffOrKin(word)
                && (before.EndsWith("저는 ") || before.EndsWith("전 ") || before.EndsWith("나는 ") || before.EndsWith("난 "))
                ? (start, stem) : null;
        }

        // Whose name it is: none said (a sentence's start), or a person (아이 이름을, 제 이름은, 환자 이름이), not a shop's or a file's.
        static bool PersonBeforeName(string text, int at)
        {
            var before = text.AsSpan(0, at).TrimEnd(' ');
            var w = before.Length;
            while (w > 0 && Context.IsHangulSyllable(before[w - 1]))
            {
                w--;
            }

            var word = before[w..];
            return word.IsEmpty ? before.IsEmpty || before[^1] is '.' or '\n' or '!' or '?' or ',' or ')' or ':'
                : word is "제" or "내" or "저의" or "나의" or "그" or "그녀" or "그분" or "본인" or "아이" or "아기" or "애기" or "애" or "사람"
                    || PrivateContext.IsStaffOrKin(word) || PrivateContext.IsContextWord(word) || s_relationsAndKin.Contains(word.ToString());
        }

        static int WordEnd(string text, int p)
        {
            while (p < text.Length && (Context.IsHangulSyllable(text[p]) || Context.IsLatinLetter(text[p])))
            {
                p++;
            }

            return p;
        }

        static bool CalledName(string text, int start, int end, bool said)
        {
            var word = text.AsSpan(start, end - start);
            return word.Length >= 2 && (Context.IsLatinUpper(word[0]) && !word.ContainsAnyInRange('\uAC00', '\uD7A3')
                || word.Length <= 6 && !word.ContainsAnyExceptInRange('\uAC00', '\uD7A3') && (said || !NameGazetteer.IsCommonWord(word) && !IsInflectedCommonWord(word))
                    && !PersonLayout.IsFormWord(word) && !PrivateContext.IsStaffOrKin(word));
        }
    }

    // Last syllables of predicates and clauses (없어, 똑같아, 뭐야, 존재하고, 지정되면): general Korean, from knowledge.
    private static readonly SearchValues<char> s_predicateEndings = SearchValues.Create("어아야요다지고면서며니네죠게함음됨");

    // Kinship words and elders' forms of address that follow a given name alone (옥분 할머니, 말선 어르신, 금희 언니, 기철
    // 아재); general Korean, written from knowledge. Not 선생님 or 점장님: subjects and branches stand there (수영 선생님).
    private static readonly string[] s_kinAfterGivenName =
    [
        "어르신", "할머니", "할아버지", "할매", "할배", "이모", "고모", "삼촌", "언니", "오빠", "누나", "형님", "아지매", "아재",
        "어머님", "아버님", "권사님", "집사님", "장로님", "여사님", "자매님", "형제님", "보살님", "거사님",
    ];

    /// <summary>Whether <paramref name="word"/> is a kinship word or an elder's form of address (할매, 아재, 언니, 권사님).</summary>
    internal static bool IsKinAfterGivenName(ReadOnlySpan<char> word)
    {
        foreach (var kin in s_kinAfterGivenName)
        {
            if (word.SequenceEqual(kin))
            {
                return true;
            }
        }

        return word is "할매" or "할배" or "아재" or "아지매";
    }

    /// <summary>
    /// A given name alone, two syllables, right before a kinship word or an elder's form of address after one space
    /// (<c>옥분 할머니</c>, <c>말선 어르신이</c>, <c>금희 언니</c>): each syllable one of given names, old ones included
    /// (<see cref="NameGazetteer.IsAnyGivenSyllable"/>), the word standing alone and no common word, role or relation
    /// (<c>담임</c>, <c>동네</c>, <c>자기</c>); the kinship word ends its word or takes a particle.
    /// </summary>
    private static void TryGivenNamesBeforeKin(string text, List<PiiFinding> sink)
    {
        // One pass over the spaces: a two-syllable word of given-name syllables before one, then a kinship word after it.
        for (var at = text.IndexOf(' ', StringComparison.Ordinal); at >= 0; at = text.IndexOf(' ', at + 1))
        {
            var s = at - 2;
            if (s < 0 || !NameGazetteer.IsAnyGivenSyllable(text[s]) || !NameGazetteer.IsAnyGivenSyllable(text[s + 1])
                || s > 0 && (Context.IsHangulSyllable(text[s - 1]) || Context.IsAsciiLetter(text[s - 1]) || Context.IsDigit(text[s - 1])))
            {
                continue;
            }

            foreach (var kin in s_kinAfterGivenName)
            {
                if (!text.AsSpan(at + 1).StartsWith(kin, StringComparison.Ordinal))
                {
                    continue;
                }

                var after = Context.At(text, at + 1 + kin.Length);
                var word = text.AsSpan(s, 2);
                if (!(Context.IsHangulSyllable(after) && !s_particles.Contains(after) && after is not ('한' or '께'))
                    && !NameGazetteer.IsCommonWord(word) && !s_notNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
                    && !PersonLayout.IsFormWord(word) && !PrivateContext.IsStaffOrKin(word))
                {
                    sink.Add(new PiiFinding(s, s + 2, PiiTypes.Person, 0.65));
                }

                break;
            }
        }
    }

    /// <summary>
    /// The end of one or two initials and a family name of the list of names in Latin letters at <paramref name="at"/>
    /// (<c>M. Oliveira</c>, <c>J. K. Rowling</c>, <c>J.Smith</c>), a given name of the list may stand before the initials
    /// (<c>Allen B. Downey</c>); 0 otherwise. The family name is capitalised and ends its word.
    /// </summary>
    private static int InitialledLatinNameEnd(string text, int at)
    {
        var p = at;
        if (Context.At(text, p + 1) is >= 'a' and <= 'z')
        {
            // A given name of the list before the initial (Allen B. Downey, John A. Macdonald).
            while (Context.At(text, p + 1) is >= 'a' and <= 'z')
            {
                p++;
            }

            if (Context.At(text, p + 1) != ' ' || (NameGazetteer.LatinKind(text.AsSpan(at, p + 1 - at)) & NameGazetteer.LatinGivenKind) == 0)
            {
                return 0;
            }

            p += 2;
        }
        var initials = 0;
        for (; initials < 2 && Context.At(text, p) is >= 'A' and <= 'Z' && Context.At(text, p + 1) == '.'; initials++)
        {
            p += Context.At(text, p + 2) == ' ' ? 3 : 2;
        }

        if (initials == 0 || Context.At(text, p) is < 'A' or > 'Z' || !Context.IsAsciiLetter(Context.At(text, p + 1)) || Context.At(text, p + 1) is >= 'A' and <= 'Z')
        {
            return 0;
        }

        var end = p + 1;
        while (Context.IsLatinLetter(Context.At(text, end)))
        {
            end++;
        }

        return end - p >= 2 && !Context.IsDigit(Context.At(text, end)) && (NameGazetteer.LatinKind(text.AsSpan(p, end - p)) & NameGazetteer.LatinFamilyKind) != 0 ? end : 0;
    }

    /// <summary>
    /// A name in Latin letters inside Korean text, as documents about foreign residents and bilingual e-mails write them:
    /// two or three capitalised words right after a Korean role, relation or label (<c>임차인 Daniel Okafor</c>, <c>동료
    /// Sohel Mia</c>, <c>내담자: Rahim Uddin</c>), with the name's Hangul rendering in brackets after it
    /// as a second span (<c>Rahim Uddin (라힘 우딘)</c>). A term with its Korean gloss (<c>Data Loader (데이터 로더)</c>) is
    /// not a name.
    /// </summary>
    private static void TryLatinNames(string text, List<PiiFinding> sink)
    {
        if (!text.AsSpan().ContainsAnyInRange('A', 'Z'))
        {
            return;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!Context.IsLatinUpper(text[i]) || i > 0 && (Context.IsLatinLetter(text[i - 1]) || Context.IsDigit(text[i - 1]) || text[i - 1] is '.' or '@' or '_' or '/' or '-'))
            {
                continue;
            }

            // A Korean name romanised, in capitals as passports write it (CHOI DAEL, LEE HANA) or with a given name of
            // either kind (Kim Jiseok, Daniel Seo), is a name wherever it stands in Korean text.
            if (RomanisedKoreanName(text, i) is var romanised and > 0)
            {
                sink.Add(new PiiFinding(i, romanised, PiiTypes.Person, 0.8));
                i = romanised;
                continue;
            }

            // A Korean given name romanised with a hyphen (Seo-ah, Chae-won) is a name alone too, when no capitalised word
            // stands beside it (Dong-A Ilbo).
            if (HyphenatedGivenNameEnd(text, i) is var given and > 0
                && (!PersonLayout.CapitalisedWordBeside(text, i, given) || AddressedAfter(text, i) && !(Context.At(text, given) == ' ' && Context.At(text, given + 1) is >= 'A' and <= 'Z')))
            {
                sink.Add(new PiiFinding(i, given, PiiTypes.Person, 0.75));
                i = given;
                continue;
            }

            // Initials before a family name of the list (M. Oliveira, J. K. Rowling, J.Smith), as English rosters and
            // references write a person.
            if (InitialledLatinNameEnd(text, i) is var initialled and > 0)
            {
                sink.Add(new PiiFinding(i, initialled, PiiTypes.Person, 0.8));
                i = initialled;
                continue;
            }

            // A name whose words are in the list of names in Latin letters (NGUYEN VAN HUNG, Maria Dela Cruz, Sato
            // Haruto), or one listed word glued to a particle (Pablo도, Sophie가), is a name wherever it stands too.
            if (ListedLatinName(text, i) is { End: > 0 } listed)
            {
                sink.Add(new PiiFinding(i, listed.End, PiiTypes.Person, listed.Score));
                i = listed.End;
                continue;
            }

            // Two or three words (Okafor, Xiaoyu, O'Neil), not glued to a letter or digit; one word only before a form of
            // address (Karimova 님, Sanjay 씨가).
            var (words, end) = LatinWords(text, i);

            // (A Japanese or Korean form of address joined with a hyphen, Tanabe-san, Minjun-ssi: the name before it; of three
            // letters a listed one, Ito-san. Not in brackets, where it stands for the name before them, 宮本茂 (Miyamoto-san),
            // as the rules of aliases read it.)
            if (words == 1 && text.AsSpan(i, end - i).LastIndexOf('-') is var joined and >= 3 && text.AsSpan(i + joined + 1, end - i - joined - 1) is "san" or "sama" or "kun" or "chan" or "ssi" or "nim"
                && !IsEnglishNotName(text.AsSpan(i, joined)) && (joined >= 4 || NameGazetteer.LatinKind(text.AsSpan(i, joined)) != 0) && Context.At(text, i - 1) != '(')
            {
                sink.Add(new PiiFinding(i, i + joined, PiiTypes.Person, 0.8));
                i = end;
                continue;
            }

            if (words == 1 && end - i >= 3 && !Context.IsAsciiLetter(Context.At(text, end))
                && (PersonSuffixAfter(text, end) || ForeignHonorificAfter(text, i, end) || KinBeforeBracket(text, i, end)))
            {
                sink.Add(new PiiFinding(i, end, PiiTypes.Person, 0.8));
                i = end;
                continue;
            }

            // Two or three words before the country in brackets, as rosters of foreign residents write it (Amara Nwosu
            // (나이지리아), Thapa Anish (네팔)).
            if (words is 2 or 3 && CountryInBrackets(text, end) && NotAName(text, i, end) < 0 && RosterPlace(text, i))
            {
                sink.Add(new PiiFinding(i, end, PiiTypes.Person, 0.8));
                i = end;
                continue;
            }

            // One listed or romanised given name after a kinship or role word (사촌 Bekzod, 딸 Svetlana); after a kinship
            // word, any capitalised word with a person's particle glued to it or its name said after it (아들 Arjun이, 딸
            // Anisha 이름은) is the child's or the spouse's name, as a brand or a place takes other particles (남편 Samsung에).
            if (words == 1 && end - i >= 3 && !Context.IsAsciiLetter(Context.At(text, end)) && (RoleOrKinBefore(text, i) || KinBefore(text, i))
                && (GivenNameWord(text.AsSpan(i, end - i))
                    || KinBefore(text, i) && IsTitleCase(text.AsSpan(i, end - i)) && !s_englishNotNames.Contains(text.AsSpan(i, end - i)) && NotAName(text, i, end) < 0
                        && PersonParticleAt(text, end)))
            {
                sink.Add(new PiiFinding(i, end, PiiTypes.Person, 0.75));
                i = end;
                continue;
            }

            // (Not past the words: a later one may start a listed name, as in Dear Maria Santos.)
            if (words < 2 || Context.IsAsciiLetter(Context.At(text, end)) || Context.IsDigit(Context.At(text, end)))
            {
                continue;
            }

            // (A list separator alone is not enough: lists of contributors, products and bands are the common case. A title
            // after the name is: Tsering Dolma 간호사, Angela Merkel 총리; so is a family word before it: 내 와이프 Fathima Rinoza.)
            if (!RoleOrKinBefore(text, i) && !(KinBefore(text, i) && NotAName(text, i, end) < 0) && !PersonSuffixAfter(text, end)
                && !(Context.At(text, end) == ' ' && TitleAt(text, end + 1, s_titlesAfterLatinByFirst, endsWord: true) && NotAName(text, i, end) < 0)
                && !(EnglishRoleBefore(text, i) && NotAName(text, i, end) < 0))
            {
                continue;
            }

            sink.Add(new PiiFinding(i, end, PiiTypes.Person, 0.8));
            i = end;
        }
    }

    /// <summary>
    /// The name a payment will come in or go out under, said in a sentence (<c>입금자명은 김보라로 들어갑니다</c>, <c>예금주는
    /// 탁미선이에요</c>): after 입금자(명) or 예금주(명) with a topic or subject particle, a Korean name's shape (a surname and one or two
    /// given-name syllables) closed by 로/으로, the copula or a comma.
    /// </summary>
    private static void TryDepositorNames(string text, List<PiiFinding> sink)
    {
        foreach (var cue in (ReadOnlySpan<string>)["입금자명은 ", "입금자명이 ", "입금자는 ", "입금자가 ", "예금주는 ", "예금주가 ", "예금주명은 ", "예금주명이 "])
        {
            for (var at = text.IndexOf(cue, StringComparison.Ordinal); at >= 0; at = text.IndexOf(cue, at + 1, StringComparison.Ordinal))
            {
                var (p, end) = (at + cue.Length, at + cue.Length);
                while (end < text.Length && Context.IsHangulSyllable(text[end]))
                {
                    end++;
                }

                var word = text.AsSpan(p, end - p);
                var close = 0;
                foreach (var ending in (ReadOnlySpan<string>)["으로", "로", "이에요", "예요", "입니다", "이고", "이요", ""])
                {
                    if (word.Length - ending.Length is 2 or 3 && word.EndsWith(ending, StringComparison.Ordinal) && (ending.Length > 0 || Context.At(text, end) == ','))
                    {
                        close = ending.Length;
                        break;
                    }
                }

                var nameEnd = end - close;
                if ((close > 0 || Context.At(text, end) == ',') && !Context.IsHangulSyllable(Context.At(text, at - 1)) && GivenNameShaped(text, p, nameEnd, strict: false)
                    && !NameGazetteer.IsCommonWord(text.AsSpan(p, nameEnd - p)))
                {
                    sink.Add(new PiiFinding(p, nameEnd, PiiTypes.Person, 0.75));
                }
            }
        }
    }

    /// <summary>
    /// Whether the word from <paramref name="start"/> to <paramref name="end"/> stands alone in brackets after an English
    /// kinship word (<c>Mom (Patricia) is not well</c>, <c>my brother (Daniel)</c>): the family member's name.
    /// </summary>
    private static bool KinBeforeBracket(string text, int start, int end)
    {
        if (Context.At(text, start - 1) != '(' || Context.At(text, end) != ')' || Context.At(text, start - 2) != ' ' || IsEnglishNotName(text.AsSpan(start, end - start)))
        {
            return false;
        }

        var begin = EnglishWordStart(text, start - 2, hyphens: false);
        return s_englishKin.Contains(text.AsSpan(begin, start - 2 - begin));
    }

    /// <summary>The start of the word of ASCII letters (and hyphens, with <paramref name="hyphens"/>) that ends at <paramref name="end"/>.</summary>
    private static int EnglishWordStart(string text, int end, bool hyphens)
    {
        var begin = end;
        while (begin > 0 && (Context.IsAsciiLetter(text[begin - 1]) || hyphens && text[begin - 1] == '-'))
        {
            begin--;
        }

        return begin;
    }

    // Family words an English text writes before a relative's name (general English).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_englishKin = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        ["mom", "mum", "mother", "dad", "father", "wife", "husband", "son", "daughter", "brother", "sister", "grandma", "grandpa", "grandmother",
         "grandfather", "uncle", "aunt", "nephew", "niece", "cousin", "grandson", "granddaughter"]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether an English role or kinship word is the word before <paramref name="start"/>, one space between: an
    /// officer's acronym (<c>CTO Adetunde Bello</c>) or a role after a possessive or an article (<c>our engineer Kwame
    /// Mensah</c>, <c>my wife Ifeoma Obi</c>).
    /// </summary>
    private static bool EnglishRoleBefore(string text, int start)
    {
        if (Context.At(text, start - 1) != ' ')
        {
            return false;
        }

        var (end, begin) = (start - 1, EnglishWordStart(text, start - 1, hyphens: true));
        var word = text.AsSpan(begin, end - begin);
        if (s_officerAcronyms.Contains(word))
        {
            return true;
        }

        if (!s_englishRolesBefore.Contains(word) || Context.At(text, begin - 1) != ' ')
        {
            return false;
        }

        var determinerStart = EnglishWordStart(text, begin - 1, hyphens: false);
        return s_possessives.Contains(text.AsSpan(determinerStart, begin - 1 - determinerStart));
    }

    // Officers named by their acronym before the name (general English business usage).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_officerAcronyms = FrozenSet.Create(StringComparer.Ordinal,
        ["CEO", "CTO", "CFO", "COO", "CPO", "CMO", "CIO", "CSO", "VP", "PM"]).GetAlternateLookup<ReadOnlySpan<char>>();

    // Roles and kin a name follows after a possessive or an article (our engineer, my wife, the founder): general English.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_englishRolesBefore = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        ["founder", "co-founder", "cofounder", "colleague", "coworker", "co-worker", "engineer", "developer", "designer", "manager", "intern",
         "assistant", "lawyer", "accountant", "advisor", "adviser", "mentor", "tutor", "nanny", "caregiver", "landlord", "tenant", "roommate",
         "flatmate", "neighbour", "neighbor", "classmate", "friend", "wife", "husband", "son", "daughter", "brother", "sister", "mother",
         "father", "mom", "mum", "dad", "cousin", "uncle", "aunt", "nephew", "niece", "grandson", "granddaughter", "grandmother",
         "grandfather", "boyfriend", "girlfriend", "fiancé", "fiancee", "fiance", "partner", "supervisor", "coordinator", "translator",
         "interpreter", "driver", "teammate", "client", "customer", "producer", "director", "editor", "agent", "teacher", "coach", "doctor",
         "nurse", "representative", "contact", "dispatcher"]).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_possessives = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        ["my", "our", "your", "his", "her", "their", "the", "a", "an"]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether a particle that follows a person's name ends a word at <paramref name="at"/> (이, 가, 는, 은, 한테, 에게, 랑, and
    /// the familiar 이 before them), or a space and 이름 (the name's own word).
    /// </summary>
    private static bool PersonParticleAt(string text, int at)
    {
        if (text.AsSpan(at).StartsWith(" 이름", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var particle in (ReadOnlySpan<string>)["이가", "이는", "이랑", "이도", "이한테", "한테", "에게", "랑", "이", "가", "는", "은"])
        {
            if (text.AsSpan(at).StartsWith(particle, StringComparison.Ordinal) && !Context.IsHangulSyllable(Context.At(text, at + particle.Length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the word right before <paramref name="start"/>, one space between, is a family member's (딸, 아들, 남편, 아내, 조카).</summary>
    private static bool KinBefore(string text, int start)
    {
        if (start < 2 || text[start - 1] != ' ')
        {
            return false;
        }

        var w = Context.HangulStart(text, start - 1);
        var word = text.AsSpan(w, start - 1 - w);
        return word is "딸" or "아들" or "남편" or "아내" or "부인" or "조카" or "손자" or "손녀" or "사촌" or "동생" or "처" or "형" or "누나" or "언니" or "오빠" or "며느리" or "사위"
            or "큰아이" or "작은아이" or "큰딸" or "작은딸" or "큰아들" or "작은아들" or "막내" or "와이프" or "남자친구" or "여자친구" or "남친" or "여친"
            or "약혼자" or "약혼녀" or "엄마" or "아빠";
    }

    /// <summary>
    /// Whether the word right before <paramref name="start"/> (a colon and spaces between allowed) is a role, relation or
    /// label (임차인, 동료, 내담자:), or a kinship word of one syllable (딸, 형, 처).
    /// </summary>
    private static bool RoleOrKinBefore(string text, int start)
    {
        var before = text.AsSpan(0, start).TrimEnd(' ').TrimEnd(':').TrimEnd(' ');
        var w = before.Length;
        while (w > 0 && Context.IsHangulSyllable(before[w - 1]))
        {
            w--;
        }

        var role = before[w..];
        return before.Length >= start - 3 && (role.Length >= 2 && (IsLabel(role) || PrivateContext.IsContextWord(role) || PrivateContext.IsStaffOrKin(role))
            || role is "딸" or "형" or "처");
    }

    /// <summary>
    /// Whether <paramref name="start"/> opens an entry of a roster: a line, a cell (after | or a tab), an item after its
    /// number (1-5 Thapa Anish, 3) …) or after a list separator; not a label's value (제품: Galaxy Note (미국)).
    /// </summary>
    private static bool RosterPlace(string text, int start)
    {
        var p = start - 1;
        while (p >= 0 && text[p] == ' ')
        {
            p--;
        }

        return p < 0 || text[p] is '\n' or '\r' or '\t' or '|' or ',' or '·' or '/' or ')' or '.' || Context.IsDigit(text[p]);
    }

    /// <summary>Whether a country or a people in Hangul stands in brackets right after <paramref name="end"/> (Amara Nwosu (나이지리아)).</summary>
    private static bool CountryInBrackets(string text, int end)
    {
        var open = OpenBracketAfter(text, end);
        if (open < 0)
        {
            return false;
        }

        var q = Context.HangulEnd(text, open + 1);
        return q > open + 1 && Context.At(text, q) is ')' or ',' or '·' or ' ' or '/' && s_countries.Contains(text.AsSpan(open + 1, q - open - 1));
    }

    // Countries and peoples as Korean rosters of foreign residents, workers and students write them (general Korean,
    // written from knowledge).
    /// <summary>Whether <paramref name="word"/> is one of the relations a private person is named after (동료, 아내, 친구).</summary>
    private static bool IsRelation(ReadOnlySpan<char> word)
    {
        foreach (var relation in PrivateContext.Relations)
        {
            if (word.SequenceEqual(relation))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="word"/> is a country or a people's name in Hangul (나이지리아, 조선족).</summary>
    internal static bool IsCountry(ReadOnlySpan<char> word) => s_countries.Contains(word);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_countries = FrozenSet.Create(StringComparer.Ordinal,
    [
        "중국", "베트남", "필리핀", "태국", "캄보디아", "미얀마", "라오스", "인도네시아", "말레이시아", "몽골", "우즈베키스탄", "우즈벡", "카자흐스탄",
        "키르기스스탄", "키르기스", "타지키스탄", "투르크메니스탄", "러시아", "우크라이나", "벨라루스", "네팔", "스리랑카", "방글라데시", "파키스탄",
        "인도", "아프가니스탄", "이란", "이라크", "시리아", "예멘", "튀르키예", "터키", "이집트", "나이지리아", "가나", "케냐", "에티오피아",
        "남아공", "콩고", "카메룬", "수단", "우간다", "탄자니아", "미국", "캐나다", "멕시코", "브라질", "아르헨티나", "페루", "칠레", "콜롬비아",
        "영국", "프랑스", "독일", "이탈리아", "스페인", "포르투갈", "네덜란드", "벨기에", "스위스", "스웨덴", "노르웨이", "덴마크", "핀란드",
        "폴란드", "체코", "헝가리", "루마니아", "그리스", "호주", "뉴질랜드", "일본", "대만", "홍콩", "싱가포르", "동티모르", "부탄", "사우디",
        "요르단", "모로코", "튀니지", "알제리", "세네갈", "조선족", "고려인",
    ]).GetAlternateLookup<ReadOnlySpan<char>>();

    // How English mail and messages open and close (general English, written from knowledge): a greeting before the
    // name (Hi Hyunsoo,), a closing on its own line above the signature (Best,⏎Minji Oh), thanks to a person (Thank you,
    // Daniel.), a self-introduction (I'm Rahul from …) and a relation before a name (my husband Daniel).
    private static readonly string[] s_englishGreetings = ["Hi ", "Hello ", "Hey ", "Good morning ", "Good afternoon ", "Good evening ", "Welcome ", "Morning "];

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_englishClosings = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "Best", "Best regards", "Best wishes", "Regards", "Kind regards", "Warm regards", "Warmest regards", "Many thanks", "Thanks",
        "Thank you", "Thanks again", "Cheers", "Sincerely", "Sincerely yours", "Yours sincerely", "Yours truly", "Yours", "All the best",
        "Take care", "Respectfully", "With thanks", "Love", "Talk soon", "See you",
    ]).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] s_englishThanks = ["Thank you, ", "Thanks, ", "thank you, ", "thanks, ", "Thank you ", "Thanks ", "thank you ", "thanks "];

    private static readonly string[] s_englishIntroductions = ["I'm ", "I am ", "My name is ", "my name is ", "This is ", "this is ",
        // (And the same in the languages of the migrants' chats: Indonesian's namanya and nama saya, Vietnamese's tên là.)
        "namanya ", "Namanya ", "nama saya ", "Nama saya ", "tên là ", "Tên là "];

    private static readonly string[] s_englishRelations =
    [
        "husband ", "wife ", "son ", "daughter ", "mother ", "mom ", "mum ", "father ", "dad ", "brother ", "sister ", "friend ",
        "sister-in-law ", "brother-in-law ", "mother-in-law ", "father-in-law ", "son-in-law ", "daughter-in-law ", "stepmother ",
        "stepfather ", "stepson ", "stepdaughter ", "tenant ", "housemate ", "flatmate ",
        "colleague ", "boss ", "partner ", "cousin ", "uncle ", "aunt ", "grandmother ", "grandma ", "grandfather ", "grandpa ",
        "roommate ", "neighbor ", "neighbour ", "boyfriend ", "girlfriend ", "fiancé ", "fiancee ", "fiance ", "coworker ", "manager ",
        "co-host ", "host ", "teacher ", "co-teacher ", "tutor ", "coach ", "classmate ", "nephew ", "niece ", "grandson ",
        "granddaughter ", "buddy ", "landlord ", "landlady ", "supervisor ", "assistant ", "mentor ", "caregiver ",
        "nurse ", "doctor ", "interpreter ", "translator ", "coordinator ", "driver ", "student ", "intern ", "secretary ", "nanny ",
        "babysitter ", "baby ", "therapist ", "counselor ", "counsellor ", "pharmacist ", "lawyer ", "agent ",
    ];

    // Capitalised words after a greeting, thanks or a relation that address no one by name.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_englishNotNames = FrozenSet.Create(StringComparer.Ordinal,
    [
        "All", "Team", "Everyone", "Everybody", "There", "Sir", "Sirs", "Madam", "Guys", "Folks", "Both", "Colleagues", "Friends", "Members",
        "Customer", "Customers", "Parents", "Students", "Teachers", "Manager", "Hiring", "Admin", "Support", "Again", "So", "Very", "For",
        "World", "Mr", "Mrs", "Ms", "Dr", "Prof", "Professor", "The", "This", "That", "We", "You", "It", "Is", "And", "But", "Yes", "No",
        "Ok", "Okay", "Please", "Korea", "Korean", "Korea's", "English", "Seoul", "Busan", "Sorry", "Fine", "Good", "Happy", "Glad",
        "Here", "Back", "Home", "Aboard", "Sure", "Not", "Just", "Still", "Also", "Really", "Done", "Ready", "Free", "Busy", "Late", "Monday",
        "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December", "Python", "Java", "Google", "Apple", "Kakao", "Naver",
        "Uncle", "Aunt", "Auntie", "Grandma", "Grandpa", "Granny", "Mom", "Mum", "Dad", "Mommy", "Daddy", "Sis", "Bro", "Honey", "Dear",
        "His", "Her", "My", "Our", "Your", "Their", "Coach",
        // (Scripts, named in texts about names: names in Cyrillic and Latin letters.)
        "Latin", "Cyrillic", "Greek", "Arabic", "Hangul", "Devanagari",
    ]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="word"/> is an English word that a name's slot holds instead of a name (All, Team, Uncle).</summary>
    internal static bool IsEnglishNotName(ReadOnlySpan<char> word) => s_englishNotNames.Contains(word);

    /// <summary>
    /// Names in English mail and messages, by how they are addressed (<c>Hi Hyunsoo,</c>, <c>Thank you, Daniel.</c>),
    /// signed (a closing alone on its line, <c>Best,</c>, then the name alone on the next: <c>Minji Oh</c>), introduced
    /// (<c>I'm Rahul from …</c>: a listed name, or any name before <c>from</c>) or related (<c>my husband Daniel</c>). The
    /// name is one to three capitalised words, no word of <see cref="s_englishNotNames"/> or of places and organisations,
    /// ending before a comma, a full stop, an exclamation mark or the line's end (a relation's name before any word).
    /// </summary>
    private static void TryEnglishAddress(string text, List<PiiFinding> sink)
    {
        // Every name here is a capital and lower-case letters (LatinWords): no English words, nothing to look for.
        if (!text.AsSpan().ContainsAnyInRange('A', 'Z') || !text.AsSpan().ContainsAnyInRange('a', 'z'))
        {
            return;
        }

        var (closing, found) = (false, sink.Count);
        for (var lineStart = 0; lineStart < text.Length;)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.Length : lineEnd;
            var line = text.AsSpan(lineStart, lineEnd - lineStart).TrimEnd("\r ");
            var p = lineStart + (line.Length - line.TrimStart(' ').Length);
            line = line.TrimStart(' ');
            if (line.IsEmpty)
            {
                lineStart = lineEnd + 1;
                continue;
            }

            // The name alone on the line under a closing (Best,⏎Minji Oh), or before a title after a comma (Minji Oh, CPA).
            if (closing && AddressedName(text, p, lineEnd, alone: true) is > 0 and var signed)
            {
                sink.Add(new PiiFinding(p, signed, PiiTypes.Person, 0.8));
            }

            closing = s_englishClosings.Contains(line.TrimEnd(",!.")) && line.Length < 24;

            // A closing and the name on one line (Love, Grace; See you soon, Grace), perhaps after the last sentence
            // (… 070-9205-3297. Best wishes, Amara).
            var comma = line.LastIndexOf(", ");
            var opening = comma > 0 ? line[..comma].LastIndexOf(". ") is var stop and >= 0 ? stop + 2 : 0 : 0;
            var closingWords = comma > 0 ? line[opening..comma] : [];
            if (!closing && comma > 0 && closingWords.Length < 24 && (s_englishClosings.Contains(closingWords) || closingWords is "See you soon" or "With love" or "Hugs")
                && AddressedName(text, p + comma + 2, lineEnd, alone: true) is > 0 and var closed)
            {
                sink.Add(new PiiFinding(p + comma + 2, closed, PiiTypes.Person, 0.8));
            }

            foreach (var greeting in s_englishGreetings)
            {
                // At the line's start, after the quote marks of a reply (> Hi Sarah,) or after a speaker (Oliver: Hi Jieun!).
                var at = line.IndexOf(greeting, StringComparison.Ordinal);
                if (at >= 0 && GreetingOpens(line[..at]) && AddressedName(text, p + at + greeting.Length, lineEnd, alone: false) is > 0 and var end)
                {
                    sink.Add(new PiiFinding(p + at + greeting.Length, end, PiiTypes.Person, 0.8));
                }
            }

            lineStart = lineEnd + 1;
        }

        // One search for every cue of the passes below (thanks, introductions, relations, person-taking words, forms of
        // address, parents); the hits are then read cue by cue, each cue's occurrences in order.
        var hits = t_englishHits ??= new List<(int Cue, int At)>(8);
        hits.Clear();
        var span = text.AsSpan();
        for (var at = span.IndexOfAny(s_englishCueValues); at >= 0;)
        {
            for (var c = 0; c < s_englishCues.Length; c++)
            {
                if (span[at..].StartsWith(s_englishCues[c].Text, StringComparison.Ordinal))
                {
                    hits.Add((c, at));
                }
            }

            var next = span[(at + 1)..].IndexOfAny(s_englishCueValues);
            at = next < 0 ? -1 : at + 1 + next;
        }

        hits.Sort();
        foreach (var (c, at) in hits)
        {
            var (cue, pass) = s_englishCues[c];
            pass(text, at, cue, sink);
        }

        // A one-word name found so is the same person wherever the word stands alone in the text (Lily … - Lily is a huge
        // fan), not next to another capitalised word (a place, another person's name).
        for (int i = found, n = sink.Count; i < n; i++)
        {
            var f = sink[i];
            var word = text.AsSpan(f.Start, f.End - f.Start);
            if (word.Length < 3 || word.Contains(' '))
            {
                continue;
            }

            for (var at = text.AsSpan().IndexOf(word, StringComparison.Ordinal); at >= 0;)
            {
                var end = at + word.Length;
                if (at != f.Start && !Context.IsAsciiLetter(Context.At(text, at - 1)) && !Context.IsAsciiLetter(Context.At(text, end)) && !Context.IsDigit(Context.At(text, end))
                    && Context.At(text, at - 1) is not ('@' or '_' or '.' or '/') && Context.At(text, end) is not ('_' or '@')
                    && !PersonLayout.CapitalisedWordBeside(text, at, end))
                {
                    sink.Add(new PiiFinding(at, end, PiiTypes.Person, 0.7));
                }

                var next = text.AsSpan(end).IndexOf(word, StringComparison.Ordinal);
                at = next < 0 ? -1 : end + next;
            }
        }
    }

    // Thanks to a person (Thank you, Daniel.; without a comma, only a given name: Thank you Yeseul!, not Thank you All.).
    private static void EnglishThanks(string text, int at, string thanks, List<PiiFinding> sink)
    {
        var lineEnd = text.IndexOf('\n', at) is var n and >= 0 ? n : text.Length;
        if (AddressedName(text, at + thanks.Length, lineEnd, alone: false) is > 0 and var end
            && (thanks[^2] == ',' || GivenNameWord(text.AsSpan(at + thanks.Length, end - at - thanks.Length))))
        {
            sink.Add(new PiiFinding(at + thanks.Length, end, PiiTypes.Person, 0.75));
        }
    }

    // A self-introduction (I'm Rahul from …): a listed given name, a romanised Korean name, or any name before "from".
    private static void EnglishIntroduction(string text, int at, string intro, List<PiiFinding> sink)
    {
        var start = at + intro.Length;
        if (at > 0 && Context.IsAsciiLetter(text[at - 1]) || Context.At(text, start) is < 'A' or > 'Z')
        {
            return;
        }

        var lineEnd = text.IndexOf('\n', at) is var n and >= 0 ? n : text.Length;
        var (words, end) = LatinWords(text, start);
        var from = text.AsSpan(end).StartsWith(" from ", StringComparison.Ordinal);
        var first = text.IndexOf(' ', start, end - start) is var space and >= 0 ? space : end;
        if (words is >= 1 and <= 2 && (from || (NameGazetteer.LatinKind(text.AsSpan(start, first - start)) & NameGazetteer.LatinGivenKind) != 0
                || RomanisedKoreanName(text, start) == end)
            && (from || AddressedName(text, start, lineEnd, alone: false) == end))
        {
            sink.Add(new PiiFinding(start, end, PiiTypes.Person, 0.75));
        }
    }

    // A relation after a possessive (my husband Daniel, their tutor Mina).
    private static void EnglishRelation(string text, int at, string relation, List<PiiFinding> sink)
    {
        if (at < 3 || !PossessiveBefore(text, at))
        {
            return;
        }

        var start = at + relation.Length;
        var (words, end) = LatinWords(text, start);

        // (After a listed given name the second word is the family name even where it is also a word of places: my
        // sister-in-law Linda Hall; after another word it ends the name.)
        if (words == 2 && NotAName(text, start, end) is var place && place > start + 1)
        {
            if ((NameGazetteer.LatinKind(text.AsSpan(start, place - 1 - start)) & NameGazetteer.LatinGivenKind) != 0 && !s_englishNotNames.Contains(text.AsSpan(place, end - place)))
            {
                sink.Add(new PiiFinding(start, end, PiiTypes.Person, 0.75));
                return;
            }

            (words, end) = (1, place - 1);
        }

        if (words is 1 or 2 && !Context.IsAsciiLetter(Context.At(text, end)) && NotAName(text, start, end) < 0)
        {
            sink.Add(new PiiFinding(start, end, PiiTypes.Person, 0.75));
        }
    }

    // A given name after a word that takes a person in an English sentence (came in with Chloé, written by Ayaka, if
    // Seongho covers, I will call Aziz): a listed given name or a Korean one romanised only, not any capitalised word.
    private static void EnglishPersonTaker(string text, int at, string verb, List<PiiFinding> sink)
    {
        var start = at + verb.Length;
        if (at > 0 && Context.IsLatinLetter(text[at - 1]))
        {
            return;
        }

        var (words, end) = LatinWords(text, start);
        if (words is 1 or 2 && !Context.IsLatinLetter(Context.At(text, end))
            && GivenNameWord(text.AsSpan(start, end - start)) && NotAName(text, start, end) < 0)
        {
            sink.Add(new PiiFinding(start, end, PiiTypes.Person, 0.75));
        }
    }

    /// <summary>
    /// Whether a romanised word of two syllables is a place or firm of Korea rather than a given name: a city, district or
    /// neighbourhood (Busan, Gimhae, Pangyo, Jamsil), a word ending like one (-dong, -gu, -ro, -gil, -san, -gang, -cheon,
    /// -do), or a firm, food or holiday (Hanwha, Kimchi, Chuseok).
    /// </summary>
    internal static bool IsRomanisedPlace(ReadOnlySpan<char> word)
    {
        foreach (var ending in (ReadOnlySpan<string>)["dong", "gu", "ro", "gil", "san", "gang", "cheon", "do", "gun", "eup", "myeon"])
        {
            if (word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return s_romanisedPlaceLookup.Contains(word);
    }

    /// <summary>
    /// Whether <paramref name="word"/> is two syllables of Korean given names as families romanise them (Min+jun, Seok+jin,
    /// Chae+yoon, Seul+gi): each one of the common syllables below, so that English words of a romanisable shape (Latin,
    /// Token, Chosen) are not taken.
    /// </summary>
    internal static bool IsCommonRomanisedGiven(ReadOnlySpan<char> word)
    {
        if (word.Length is < 4 or > 12 || !Context.IsLatinUpper(word[0]) || word[1..].ContainsAnyExceptInRange('a', 'z'))
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        for (var cut = 1; cut < lower.Length; cut++)
        {
            if (s_givenSyllableLookup.Contains(lower[..cut]) && s_givenSyllableLookup.Contains(lower[cut..]))
            {
                return true;
            }
        }

        return false;
    }

    // Syllables of Korean given names as they are commonly romanised (Revised Romanisation and the older spellings families
    // keep): general knowledge.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_givenSyllableLookup = new HashSet<string>(StringComparer.Ordinal)
    {
        "min", "jun", "joon", "seok", "suk", "jin", "dong", "ji", "jee", "woo", "woon", "do", "yoon", "yun", "chae", "seo", "yeon", "yeong",
        "young", "seul", "gi", "ki", "soon", "sun", "rye", "jae", "hwan", "ho", "mi", "ran", "hyun", "hyeon", "su", "soo", "eun", "hye", "hee",
        "won", "ha", "na", "kyung", "gyeong", "jeong", "jung", "sang", "seung", "tae", "hoon", "hun", "woong", "yong", "gyu", "kyu", "bin",
        "bom", "da", "hae", "hwa", "ja", "sook", "ok", "ae", "il", "nam", "bo", "ram", "ye", "rin", "seon", "sol", "ah", "yu", "yul",
        "han", "gyeol", "kyeol", "hyuk", "hyeok", "cheol", "chul", "sik", "shik", "beom", "bum", "byung", "byeong", "chan", "chang", "dae",
        "deok", "duk", "geon", "gun", "hak", "heon", "hong", "hyo", "hyung", "hyeong", "jo", "ju", "joo", "geun", "keun", "kwang", "gwang",
        "moon", "mun", "myung", "myeong", "pil", "se", "seob", "seop", "si", "sin", "shin", "so", "song", "uk", "wook", "yeol", "rim", "lim",
        "gyeom", "kyeom", "wan", "ryeong", "ryung", "rok", "hwi", "eum", "eon", "in", "a", "o", "i", "yeop", "jeon", "heum", "seong", "sung",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    // Places, firms, foods and holidays of Korea romanised in two syllables that read like a given name, and words of Korean
    // that English text borrows (Oppa, Hagwon), and a template engine (Jinja): general knowledge.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_romanisedPlaceLookup = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Busan", "Daegu", "Gwangju", "Daejeon", "Ulsan", "Suwon", "Jeonju", "Gimhae", "Pangyo", "Sejong", "Mapo", "Jongno", "Gangnam", "Hongdae",
        "Sinchon", "Jamsil", "Bundang", "Ilsan", "Anyang", "Cheonan", "Cheongju", "Pohang", "Gumi", "Jeju", "Gimpo", "Yongin", "Hwaseong",
        "Paju", "Siheung", "Gimcheon", "Mokpo", "Yeosu", "Suncheon", "Gyeongju", "Andong", "Wonju", "Sokcho", "Tongyeong", "Geoje",
        "Changwon", "Masan", "Jinju", "Iksan", "Gunsan", "Namwon", "Osan", "Hanam", "Guri", "Yeoju", "Naju", "Gongju", "Sangju", "Chungju",
        "Gwacheon", "Seongnam", "Seongsu", "Jinhae", "Goyang", "Gunpo", "Uiwang", "Hwasun", "Boryeong", "Dangjin", "Seosan", "Asan", "Gyeonggi", "Gangwon",
        "Jeolla", "Chungcheong", "Gyeongsang", "Hallyu", "Samsung", "Hyundai", "Daewoo", "Hanwha", "Kakao", "Coupang", "Hanjin", "Nongshim",
        "Lotte", "Kimchi", "Hanbok", "Hanok", "Soju", "Chuseok", "Seollal", "Hangul", "Hangeul", "Gimbap", "Kimbap", "Tteok", "Bibim",
        "Jjigae", "Ramyeon", "Ramyun", "Sundae", "Mandu", "Banchan", "Noraebang", "Hagwon", "Sunbae", "Hoobae", "Oppa", "Unnie", "Eonni",
        "Hyung", "Noona", "Ajumma", "Ajussi", "Halmoni", "Harabeoji", "Seonsaeng", "Daebak", "Aigoo", "Hwaiting", "Fighting", "Jinja",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A given name of the Latin list inside an English sentence, as parents, tutors and colleagues write in English
    /// (<c>talk about Luca's reading</c>, <c>Do-hee mentioned Brian got that</c>, <c>At home Luca reads</c>): after a word in
    /// lower case (or a dash after one) or a word that opens a chat's sentence (<c>Also Ngozi lands</c>,
    /// <see cref="OpenerBefore"/>), before <c>'s</c>, a word in lower case, a comma or full stop or a chat's emoji; one word,
    /// not a word that names no one (<see cref="NotAName"/>). A Korean given name romanised from common syllables
    /// (<c>Minjun</c>) needs no word before it, in a text with Korean.
    /// </summary>
    private static void TryGivenNamesInEnglish(string text, List<PiiFinding> sink)
    {
        var span = text.AsSpan();
        bool? hangul = null;
        for (var i = span.IndexOfAnyInRange('A', 'Z'); i >= 0; i = Context.IndexOfAnyInRange(span, 'A', 'Z', i + 1))
        {
            if (i < 3 || text[i - 1] != ' ')
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && text[end] is >= 'a' and <= 'z')
            {
                end++;
            }

            // A Korean given name romanised from two common given-name syllables, five letters or more (Minjun, Seokjin),
            // that is no place or firm of Korea (Busan, Hanwha), in a text that has Korean in it, is no English word: it may
            // open a sentence (Dongmin will file …, Is Seokjin picking …) or stand before its Hangul in brackets (Minjun
            // (민준) looks …). (Any syllables would take Latin, Token, Genre.)
            hangul ??= span.ContainsAnyInRange('\uAC00', '\uD7A3');
            var romanised = end - i >= 5 && hangul == true && IsCommonRomanisedGiven(span[i..end]) && !IsRomanisedPlace(span[i..end]);

            // The word before, past a dash between spaces (request – Luca's).
            var p = i - 1;
            if (text[p - 1] is '–' or '—' && Context.At(text, p - 2) == ' ')
            {
                p -= 2;
            }

            var q = p;
            while (q > 0 && text[q - 1] is >= 'a' and <= 'z')
            {
                q--;
            }

            // (After a surname the whole name is the other rules': Ko Minseok.)
            if (romanised && q > 0 && Context.IsLatinUpper(text[q - 1]) && text.AsSpan(q - 1, p - q + 1) is var before
                && (IsRomanisedSurname(before) || s_shortSurnames.Contains(before)))
            {
                continue;
            }

            // (Or a word that opens a chat's sentence before it, Also Ngozi lands …, Wife Divya and …, Yes Venkatesh uncle ….)
            if (!romanised && (p - q < 2 || q > 0 && (Context.IsLatinLetter(text[q - 1]) || Context.IsDigit(text[q - 1]) || text[q - 1] is '.' or '_' or '-' or '\'' or '@' or '/'))
                && !OpenerBefore(text, p))
            {
                continue;
            }

            var after = Context.At(text, end);
            var next = Context.At(text, end + 1);
            var fits = after == '\'' && next == 's' && !Context.IsLatinLetter(Context.At(text, end + 2))
                || after == ' ' && next is >= 'a' and <= 'z'
                || after is ',' or '!' or '?' || after == '.' && !Context.IsLatinLetter(next)
                || romanised && after == ' ' && next == '(' && Context.IsHangulSyllable(Context.At(text, end + 2))
                // (A chat's emoji after the name: Salamat Tess ❤️, Thank you Ailyn 😘.)
                || after == ' ' && char.IsSurrogate(next) || after == ' ' && next is >= '\u2600' and <= '\u27BF';
            // (Three letters only for a name that is given alone: Han, Jin are family names too, and words of Han script.)
            var kind = NameGazetteer.LatinKind(span[i..end]);
            if (fits && (end - i >= 4 && (kind & NameGazetteer.LatinGivenKind) != 0 || end - i == 3 && kind == NameGazetteer.LatinGivenKind || romanised)
                && NotAName(text, i, end) < 0)
            {
                sink.Add(new PiiFinding(i, end, PiiTypes.Person, 0.7));
            }
        }
    }

    /// <summary>
    /// Whether the word that ends at <paramref name="p"/> (a space) is one that opens a sentence of a chat or a letter before
    /// a name (Also, Wife, Yes, Salamat) and itself opens its sentence: the line's start, or a full stop, a colon or
    /// an exclamation before it.
    /// </summary>
    private static bool OpenerBefore(string text, int p)
    {
        var q = p;
        while (q > 0 && Context.IsAsciiLetter(text[q - 1]))
        {
            q--;
        }

        if (p - q < 2 || !s_englishOpeners.Contains(text.AsSpan(q, p - q)))
        {
            return false;
        }

        var b = q - 1;
        while (b >= 0 && text[b] == ' ')
        {
            b--;
        }

        return b < 0 || text[b] is '\n' or '.' or '!' or '?' or ':' or '(' or '"' || char.IsSurrogate(text[b]);
    }

    // Words that open a chat's or a letter's sentence right before a name (Also Ngozi …, Wife Divya and …, Salamat Tess):
    // general English, Filipino's thanks.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_englishOpeners = new HashSet<string>(StringComparer.Ordinal)
    {
        "Also", "Wife", "Husband", "Yes", "Yeah", "Thanks", "Sorry", "And", "But", "So", "Salamat", "Congrats", "Okay", "Ok", "Oh",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    // Indonesian and Malay forms of address and relations before a given name (Kak Rizky, Mbak Nabila, Mas Fajar, Pak
    // Hendra, Bu Siti, Bang Dedi, Dek Ayu, istrinya Dewi), and words only Indonesian or Malay text holds, which tell the
    // language: Pak and Bang are Korean surnames romanised too (Pak Svetlana, Bang Sooyeon). General knowledge of
    // Indonesian.
    private static readonly string[] s_indonesianAddress =
    [
        "Kak ", "Mbak ", "Mas ", "Pak ", "Bu ", "Bang ", "Dek ", "Bapak ", "Ibu ",
        // (And the relations before a name: Istrinya Dewi, suaminya Hendra, adiknya Rina.)
        "istrinya ", "Istrinya ", "suaminya ", "Suaminya ", "istri ", "suami ", "adiknya ", "kakaknya ", "anaknya ", "temannya ",
        // (With the first person's -ku, and Javanese bojo "spouse": anakku Rafa, istriku Sari, bojoku Siti.)
        "anakku ", "istriku ", "suamiku ", "adikku ", "kakakku ", "bojoku ",
    ];
    private static readonly string[] s_indonesianWords = [" yang ", " aku ", " sama ", " tapi ", " bisa ", " nanti ", " sudah ", " belum ", " kalau ", " untuk ", " dengan ", " kita ", " saya ", " juga ", " tidak ", " ga "];
    private static readonly SearchValues<string> s_indonesianWordValues = SearchValues.Create(s_indonesianWords, StringComparison.Ordinal);

    /// <summary>
    /// A given name after an Indonesian or Malay form of address (<c>Kak Rizky</c>, <c>Mbak Nabila</c>, <c>Pak Hendra</c>), in
    /// a text that holds two different words only Indonesian or Malay has: the name without the form of address, which a
    /// finding of the whole (<c>Mas Fajar</c> as two listed words) loses too.
    /// </summary>
    private static void TryIndonesianAddress(string text, List<PiiFinding> sink)
    {
        if (HoldsTwoOf(text, s_indonesianWords, s_indonesianWordValues, StringComparison.Ordinal))
        {
            NamesAfterCues(text, s_indonesianAddress, sink);
        }
    }

    /// <summary>
    /// Whether <paramref name="text"/> holds two different words of <paramref name="words"/>, which tell its language (one
    /// search over the text with <paramref name="values"/>, made of the same words, not one per word).
    /// </summary>
    private static bool HoldsTwoOf(string text, string[] words, SearchValues<string> values, StringComparison comparison)
    {
        var first = -1;
        for (var at = text.AsSpan().IndexOfAny(values); at >= 0;)
        {
            var word = 0;
            while (!text.AsSpan(at).StartsWith(words[word], comparison))
            {
                word++;
            }

            if (first >= 0 && word != first)
            {
                return true;
            }

            first = first < 0 ? word : first;
            var next = text.AsSpan(at + 1).IndexOfAny(values);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }

    // Uzbek kin words with the possessive, before a name (Ukam Aziz, Amakim Rustam, Onam Dilorom): general knowledge of Uzbek.
    private static readonly string[] s_uzbekKin =
        ["Ukam ", "ukam ", "Akam ", "akam ", "Opam ", "opam ", "Onam ", "onam ", "Otam ", "otam ", "Amakim ", "amakim ", "Singlim ", "singlim ", "Xolam ", "xolam ",
         // (A spouse's and a child's: erim "my husband", xotinim "my wife", o'g'lim "my son", qizim "my daughter".)
         "Erim ", "erim ", "Xotinim ", "xotinim ", "O'g'lim ", "o'g'lim ", "Qizim ", "qizim "];

    private static readonly SearchValues<string> s_uzbekKinValues = SearchValues.Create(s_uzbekKin, StringComparison.Ordinal);

    /// <summary>A name in Latin letters after an Uzbek kin word with the possessive (<c>Ukam Aziz</c>, <c>Amakim Rustam</c>).</summary>
    private static void TryUzbekKin(string text, List<PiiFinding> sink)
    {
        if (text.AsSpan().IndexOfAny(s_uzbekKinValues) >= 0)
        {
            NamesAfterCues(text, s_uzbekKin, sink);
        }
    }

    /// <summary>
    /// One or two capitalised Latin words after each cue (a form of address or a kin word) that no letter precedes: the
    /// name without the cue, which a finding of the whole that opens at the cue loses too.
    /// </summary>
    private static void NamesAfterCues(string text, string[] cues, List<PiiFinding> sink)
    {
        foreach (var cue in cues)
        {
            for (var at = text.IndexOf(cue, StringComparison.Ordinal); at >= 0; at = text.IndexOf(cue, at + cue.Length, StringComparison.Ordinal))
            {
                if (at > 0 && Context.IsLatinLetter(text[at - 1]))
                {
                    continue;
                }

                var start = at + cue.Length;
                for (var i = 0; i < sink.Count; i++)
                {
                    if (sink[i].Start == at && sink[i].End > start && sink[i].Type == PiiTypes.Person)
                    {
                        sink[i] = sink[i] with { Start = start };
                    }
                }

                var (words, end) = LatinWords(text, start);
                if (words is 1 or 2 && end - start >= 3 && !Context.IsLatinLetter(Context.At(text, end)) && NotAName(text, start, end) < 0)
                {
                    sink.Add(new PiiFinding(start, end, PiiTypes.Person, 0.75));
                }
            }
        }
    }

    // A Filipino or Malay form of address before a name (Ate Lyn, Kuya Jun, Ustaz Hafiz), or a family's (Grandma Ok-ja:
    // a Korean given name romanised with a hyphen is one word).
    private static void EnglishFormOfAddress(string text, int at, string title, List<PiiFinding> sink)
    {
        var start = at + title.Length;
        var (words, end) = HyphenatedGivenNameEnd(text, start) is var hyphenated and > 0 ? (1, hyphenated) : LatinWords(text, start);
        if ((at == 0 || !Context.IsLatinLetter(text[at - 1])) && words is 1 or 2 && !Context.IsLatinLetter(Context.At(text, end)) && NotAName(text, start, end) < 0)
        {
            sink.Add(new PiiFinding(start, end, PiiTypes.Person, 0.75));
        }
    }

    // A parent or grandparent named by the child, as Korean parents write in English (Noah mom, Lily's dad, Jason grandma).
    private static void EnglishParent(string text, int at, string parent, List<PiiFinding> sink)
    {
        if (at == 0)
        {
            return;
        }

        var stop = at + parent.Length;
        var start = at;
        while (start > 0 && text[start - 1] is >= 'a' and <= 'z')
        {
            start--;
        }

        if (start > 0 && text[start - 1] is >= 'A' and <= 'Z' && !Context.IsAsciiLetter(Context.At(text, stop)) && !Context.IsAsciiLetter(Context.At(text, start - 2))
            && at - start >= 2 && NotAName(text, start - 1, at) < 0 && !s_placeWordLookup.Contains(text.AsSpan(start - 1, at - start + 1)))
        {
            sink.Add(new PiiFinding(start - 1, at, PiiTypes.Person, 0.75));
        }
    }

    /// <summary>
    /// A full name in Latin letters with 씨 after it, as Korean records and chats call a foreign resident (<c>습득자
    /// Tserenbat Bold 씨한테</c>, <c>Ana Lucía Torres 씨는</c>): two or three capitalised words of three letters or more
    /// (diacritics allowed), the honorific apart or glued, and no syllable after it but a particle's.
    /// </summary>
    private static void TryLatinNamesWithSsi(string text, List<PiiFinding> sink)
    {
        for (var at = text.IndexOf('씨', StringComparison.Ordinal); at > 0; at = text.IndexOf('씨', at + 1))
        {
            var end = text[at - 1] == ' ' ? at - 1 : at;
            if (end == 0 || !Context.IsLatinLower(text[end - 1]) || Context.IsHangulSyllable(Context.At(text, at + 1)) && !s_particles.Contains(Context.At(text, at + 1)) && Context.At(text, at + 1) is not ('한' or '에'))
            {
                continue;
            }

            var (start, words, q) = (end, 0, end);
            while (words < 3)
            {
                var w = q;
                while (w > 0 && Context.IsLatinLower(text[w - 1]))
                {
                    w--;
                }

                if (w == 0 || !Context.IsLatinUpper(text[w - 1]) || q - w < 2)
                {
                    break;
                }

                (start, words) = (w - 1, words + 1);
                if (start < 2 || text[start - 1] != ' ' || !Context.IsLatinLower(text[start - 2]))
                {
                    break;
                }

                q = start - 1;
            }

            if (words >= 2 && !Context.IsAsciiLetter(Context.At(text, start - 1)) && NotAName(text, start, end) < 0 && !text.AsSpan(start).StartsWith("The ", StringComparison.Ordinal))
            {
                sink.Add(new PiiFinding(start, end, PiiTypes.Person, 0.8));
            }
        }
    }

    [ThreadStatic]
    private static List<(int Cue, int At)>? t_englishHits;

    // Words of an English sentence that a person's name follows (general English, from knowledge).
    private static readonly string[] s_englishPersonTakers = ["with ", "by ", "if ", "If ", "call ", "ask ", "tell ", "told ", "met ", "and ", "asked ", "called "];

    // After a child's name, the parent who writes (general English as Korean parents write it in class chats).
    private static readonly string[] s_englishParents = [" mom", " dad", " mum", "'s mom", "'s dad", "'s mum", " grandma", " grandpa", "'s grandma", "'s grandpa"];

    // Forms of address before a Filipino or Malay name, and the family's before a first name (Grandma Ok-ja, Uncle Minsoo).
    private static readonly string[] s_formsOfAddress = ["Ate ", "Kuya ", "Tita ", "Tito ", "Ustaz ", "Ustadz ", "Grandma ", "Grandpa ", "Auntie ", "Aunt ", "Uncle ",
        // (And a coach called so by parents and players: Hello coach Taeo, Coach Marcus; German's Herr and Frau: Herr Yilmaz;
        // Spanish, French and Italian forms as host families and parents write them: Estimada señora Chae, Madame Lefèvre.)
        "Coach ", "coach ", "Herr ", "Frau ", "señora ", "Señora ", "señor ", "Señor ", "Sra. ", "Srta. ", "Madame ", "Monsieur ", "Mme ",
        "Signora ", "signora "];

    // Every cue of TryEnglishAddress's passes in the order the passes run (their findings keep that order).
    private static readonly (string Text, Action<string, int, string, List<PiiFinding>> Pass)[] s_englishCues =
    [
        .. Cues(s_englishThanks, EnglishThanks),
        .. Cues(s_englishIntroductions, EnglishIntroduction),
        .. Cues(s_englishRelations, EnglishRelation),
        .. Cues(s_englishPersonTakers, EnglishPersonTaker),
        .. Cues(s_formsOfAddress, EnglishFormOfAddress),
        .. Cues(s_englishParents, EnglishParent),
    ];

    private static IEnumerable<(string, Action<string, int, string, List<PiiFinding>>)> Cues(string[] cues, Action<string, int, string, List<PiiFinding>> pass) =>
        cues.Select(c => (c, pass));

    private static readonly SearchValues<string> s_englishCueValues = SearchValues.Create(s_englishCues.Select(c => c.Text).Distinct().ToArray(), StringComparison.Ordinal);

    /// <summary>
    /// The end of a given name of the Latin lists from <paramref name="start"/> (each part of a hyphenated one: Marc-André),
    /// three letters or more, that no letter, digit, bracket or dotted word follows; 0 otherwise.
    /// </summary>
    private static int MentionedGivenNameEnd(string text, int start)
    {
        var end = start;
        while (true)
        {
            var part = end;
            while (end < text.Length && Context.IsLatinLetter(text[end]))
            {
                end++;
            }

            if (end - part < 2 || !char.IsUpper(text[part]) || text.AsSpan(part + 1, end - part - 1).ContainsAnyInRange('A', 'Z')
                || (NameGazetteer.LatinKind(text.AsSpan(part, end - part)) & NameGazetteer.LatinGivenKind) == 0)
            {
                return 0;
            }

            if (Context.At(text, end) == '-' && Context.IsLatinUpper(Context.At(text, end + 1)))
            {
                end++;
                continue;
            }

            // (A capitalised word after it may be the surname, which the rules of full names take: @Priya Raman.)
            return end - start >= 3 && !Context.IsDigit(Context.At(text, end)) && Context.At(text, end) is not ('(' or '_' or '@')
                && !(Context.At(text, end) == '.' && Context.IsAsciiLetter(Context.At(text, end + 1)))
                && !(Context.At(text, end) == ' ' && Context.IsLatinUpper(Context.At(text, end + 1)) && Context.IsLatinLower(Context.At(text, end + 2))) ? end : 0;
        }
    }

    /// <summary>
    /// A person's handle in Latin letters where a handle is written: after <c>@</c> in running text or a cell (<c>(@mino_b)</c>,
    /// <c>| @bori_daily |</c>; not a decorator opening its line, not an address's domain, not a path's <c>[@attrib]</c>), or
    /// before 님 (<c>Luka_Kim 님</c>, <c>woodpecker_0님</c>). A handle is three to thirty letters, digits, <c>_</c> or <c>.</c>
    /// with a lower-case letter and an underscore, a digit or a dot (a plain word, <c>@url</c>, is left alone unless 님 or 씨
    /// follows the mention: <c>@seungwoo 님</c>). After <c>@</c> a display name in Hangul is a person too, at a line's start
    /// as well (<c>@한밤의고양이</c>; not <c>@모두</c>).
    /// </summary>
    private static void TryHandles(string text, List<PiiFinding> sink)
    {

        // The end of a mention's display name in Hangul (digits and '_' allowed) at p, an honorific glued to it left out
        // (@하늘님); -1 for a word cut by a letter or too long, and for a mention addressed to everyone (@모두, @전체).
        static int HangulMentionEnd(string text, int p)
        {
            var end = p;
            while (end < text.Length && end - p <= 12 && (Context.IsHangulSyllable(text[end]) || Context.IsDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            if (end - p > 12 || Context.IsLatinLetter(Context.At(text, end)))
            {
                return -1;
            }

            end -= end - p >= 3 && text[end - 1] is '님' or '씨' ? 1 : 0;
            var word = text.AsSpan(p, end - p);
            return word.Length < 2 || word is "모두" or "전체" or "여러분" or "다들" or "모두들" or "전원" or "관리자" or "운영자" || NameGazetteer.IsCommonWord(word) ? -1 : end;
        }

        for (var at = text.IndexOf('@', StringComparison.Ordinal); at >= 0; at = text.IndexOf('@', at + 1))
        {
            var before = Context.At(text, at - 1);
            if (at > 0 && !(before is ' ' or '(' or '|' or ',' or '/' or '\t' or '·' or '\n'))
            {
                continue;
            }

            // A mention of a display name in Hangul, as messengers and boards write it (@목소리장인, @한밤의고양이 님): a
            // handle of a comment's writer's kind (PersonLayout.CommentHandle), a word standing alone.
            if (Context.IsHangulSyllable(Context.At(text, at + 1)))
            {
                if (HangulMentionEnd(text, at + 1) is var mentioned and > 0 && PersonLayout.CommentHandle(text, at + 1, mentioned) is { } display)
                {
                    sink.Add(new PiiFinding(display.Start, display.End, PiiTypes.Person, 0.75));
                }

                continue;
            }

            // (Or in kana, as a Japanese viewer's handle in a stream's chat: @たこやきパパ: ….)
            if (PersonLayout.IsKana(Context.At(text, at + 1)))
            {
                var kana = at + 1;
                while (kana < text.Length && kana - at <= 16 && (PersonLayout.IsKana(text[kana]) || ScriptProfile.IsHan(text[kana]) || Context.IsDigit(text[kana]) || Context.IsAsciiLetter(text[kana])))
                {
                    kana++;
                }

                if (kana - at - 1 >= 2 && kana - at <= 16 && Context.At(text, kana) is ':' or '：' or ' ' or ')')
                {
                    sink.Add(new PiiFinding(at + 1, kana, PiiTypes.Person, 0.75));
                }

                continue;
            }

            if (LineOpensWith(text, at))
            {
                continue;
            }

            // A workplace messenger's mention of a full name (@Priya Sharma 책임님): a name of the Latin lists of two words or more.
            if (Context.IsLatinUpper(Context.At(text, at + 1)) && ListedLatinName(text, at + 1) is { End: > 0 } mention
                && text.AsSpan(at + 1, mention.End - at - 1).Contains(' '))
            {
                sink.Add(new PiiFinding(at + 1, mention.End, PiiTypes.Person, mention.Score));
                continue;
            }

            // (Or a Korean name romanised: @Jae-won Seo, @Kim Jiseok.)
            if (Context.IsLatinUpper(Context.At(text, at + 1)) && RomanisedKoreanName(text, at + 1) is var romanised and > 0)
            {
                sink.Add(new PiiFinding(at + 1, romanised, PiiTypes.Person, 0.8));
                continue;
            }

            // (Or a given name alone, as a workspace's members mention each other: @Olivier, @Marc-André; not an annotation,
            // @Override, nor a word of the lists that is no given name.)
            if (Context.IsLatinUpper(Context.At(text, at + 1)) && MentionedGivenNameEnd(text, at + 1) is var given and > 0)
            {
                sink.Add(new PiiFinding(at + 1, given, PiiTypes.Person, 0.75));
                continue;
            }

            var end = HandleEnd(text, at + 1);
            var handle = text.AsSpan(at + 1, end - at - 1);

            // (A plain word is a handle too where 님 or 씨 follows the mention, as a workspace's members are addressed:
            // @seungwoo 님, @dami님.)
            var honorific = Context.At(text, end) == ' ' ? end + 1 : end;
            var honoured = Context.At(text, honorific) is '님' or '씨'
                && (!Context.IsHangulSyllable(Context.At(text, honorific + 1)) || s_particles.Contains(Context.At(text, honorific + 1)));
            // (A handle in capitals joined by an underscore is one too: @BORA_EATS.)
            if (handle.Length is >= 3 and <= 30 && (PersonLayout.LatinHandle(handle) || honoured && Context.IsAsciiLetter(handle[0])
                    || handle.IndexOf('_') > 0 && handle[^1] != '_' && !handle.ContainsAnyInRange('a', 'z') && handle.ContainsAnyInRange('A', 'Z'))
                && Context.At(text, end) is not ('(' or '@') && (!Context.IsHangulSyllable(Context.At(text, end)) || honoured)
                && !IsDomain(handle))
            {
                sink.Add(new PiiFinding(at + 1, end, PiiTypes.Person, 0.75));
            }
        }

        for (var at = text.IndexOf('님', StringComparison.Ordinal); at >= 0; at = text.IndexOf('님', at + 1))
        {
            if (at < 3)
            {
                continue;
            }

            var end = text[at - 1] == ' ' ? at - 1 : at;
            var start = end;
            while (start > 0 && (Context.IsAsciiLetter(text[start - 1]) || Context.IsDigit(text[start - 1]) || text[start - 1] is '_' or '.'))
            {
                start--;
            }

            var handle = text.AsSpan(start, end - start);
            if (handle.Length is >= 3 and <= 30 && Context.IsAsciiLetter(handle[0]) && PersonLayout.LatinHandle(handle)
                && handle[^1] != '.' && !Context.IsHangulSyllable(Context.At(text, start - 1)) && Context.At(text, start - 1) != '@')
            {
                sink.Add(new PiiFinding(start, end, PiiTypes.Person, 0.75));
            }
            else if (HangulHandleBefore(text, end) is var hangul and >= 0)
            {
                // (A handle of Hangul and two to four digits before 님: 먹구름99님, 해피맘22 님.)
                sink.Add(new PiiFinding(hangul, end, PiiTypes.Person, 0.75));
            }
        }

        // A handle named as "someone called …": 카메라매니아88이라는 분이, jjiny_0912라는 사람 (a handle of Hangul and digits or
        // of Latin letters, digits and marks, then (이)라는 and a word for a person).
        for (var at = text.IndexOf("라는 ", StringComparison.Ordinal); at >= 0; at = text.IndexOf("라는 ", at + 3, StringComparison.Ordinal))
        {
            var next = text.AsSpan(at + 3);
            if (!(next.StartsWith("분") || next.StartsWith("사람") || next.StartsWith("닉네임") || next.StartsWith("유저") || next.StartsWith("회원")
                || next.StartsWith("아이디") || next.StartsWith("계정")))
            {
                continue;
            }

            var end = at > 0 && text[at - 1] == '이' && Context.IsDigit(Context.At(text, at - 2)) ? at - 1 : at;
            if (HangulHandleBefore(text, end) is var hangul and >= 0)
            {
                sink.Add(new PiiFinding(hangul, end, PiiTypes.Person, 0.75));
                continue;
            }

            var start = end;
            while (start > 0 && (Context.IsAsciiLetter(text[start - 1]) || Context.IsDigit(text[start - 1]) || text[start - 1] is '_' or '.'))
            {
                start--;
            }

            if (end - start is >= 4 and <= 30 && Context.IsAsciiLetter(text[start]) && PersonLayout.LatinHandle(text.AsSpan(start, end - start))
                && (start == 0 || !Context.IsHangulSyllable(text[start - 1]) && text[start - 1] != '@'))
            {
                sink.Add(new PiiFinding(start, end, PiiTypes.Person, 0.75));
            }
        }

        // The start of a handle of Hangul and digits (PersonLayout.IsHandle) with two to four digits ending at end, standing
        // alone; -1 if none.
        static int HangulHandleBefore(string text, int end)
        {
            var digits = end;
            while (digits > 0 && Context.IsDigit(text[digits - 1]))
            {
                digits--;
            }

            var start = digits;
            while (start > 0 && Context.IsHangulSyllable(text[start - 1]))
            {
                start--;
            }

            return end - digits is >= 2 and <= 4 && start < digits && PersonLayout.IsHandle(text.AsSpan(start, end - start))
                && (start == 0 || !(Context.IsLatinLetter(text[start - 1]) || Context.IsDigit(text[start - 1])))
                && !PersonLayout.IsFormWord(text.AsSpan(start, digits - start)) ? start : -1;
        }

        static int HandleEnd(string text, int p)
        {
            while (p < text.Length && (Context.IsAsciiLetter(text[p]) || Context.IsDigit(text[p]) || text[p] == '_' || text[p] == '.' && Context.IsAsciiLetter(Context.At(text, p + 1))))
            {
                p++;
            }

            return p;
        }

        // Whether only spaces stand between the line's start and the position (a Python decorator: @property).
        static bool LineOpensWith(string text, int at)
        {
            var p = at - 1;
            while (p >= 0 && text[p] is ' ' or '\t')
            {
                p--;
            }

            return p < 0 || text[p] is '\n' or '\r';
        }

        // A web or mail domain after @ (@example.com, @naver.com) is no handle.
        static bool IsDomain(ReadOnlySpan<char> handle)
        {
            var dot = handle.LastIndexOf('.');
            return dot > 0 && handle[(dot + 1)..] is "com" or "net" or "org" or "kr" or "io" or "co" or "jp" or "cn" or "edu" or "gov";
        }
    }

    /// <summary>
    /// A name as airlines and passports write it, the family name and the given names in capitals split by a slash
    /// (<c>PARK/JIHOON MR</c>, <c>YEOM/GAEUN</c>): the family name a Korean surname's spelling or a listed family name.
    /// </summary>
    private static void TryPassengerNames(string text, List<PiiFinding> sink)
    {
        for (var slash = text.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = text.IndexOf('/', slash + 1))
        {
            var start = slash;
            while (start > 0 && text[start - 1] is >= 'A' and <= 'Z')
            {
                start--;
            }

            var end = slash + 1;
            while (end < text.Length && text[end] is >= 'A' and <= 'Z')
            {
                end++;
            }

            var family = text.AsSpan(start, slash - start);
            if (slash - start >= 2 && end - slash > 3 && !Context.IsLatinLetter(Context.At(text, start - 1)) && !Context.IsDigit(Context.At(text, start - 1))
                && !Context.IsLatinLetter(Context.At(text, end)) && Context.At(text, end) is not ('/' or '_' or '.' or '-')
                && (s_romanisedSurnameLookup.Contains(family) || (NameGazetteer.LatinKind(family) & NameGazetteer.LatinFamilyKind) != 0))
            {
                sink.Add(new PiiFinding(start, end, PiiTypes.Person, 0.85));
            }
        }
    }

    /// <summary>
    /// Names written letter by letter in typed forms whose labels are spaced the same way (<c>성   명 : 방 만 수</c>, <c>| 하 지 안
    /// | 자 |</c>): a surname and two syllables one space apart, one of them a given-name syllable, standing alone and not
    /// before a colon (a label: 주 소 지 :), in a text that spaces a label so (성 명, 이 름, 생 년 월 일); not a common, field
    /// or context word once joined.
    /// </summary>
    private static void TryLetterSpacedNames(string text, List<PiiFinding> sink)
    {
        if (!(text.Contains("생 년 월 일", StringComparison.Ordinal) || text.Contains("성 명", StringComparison.Ordinal) || text.Contains("성  명", StringComparison.Ordinal)
            || text.Contains("성   명", StringComparison.Ordinal) || text.Contains("이 름 ", StringComparison.Ordinal)))
        {
            return;
        }

        Span<char> joined = stackalloc char[3];
        for (var i = 0; i + 5 <= text.Length; i++)
        {
            if (!s_surnames.Contains(text[i]) || text[i + 1] != ' ' || text[i + 3] != ' ' || !Context.IsHangulSyllable(text[i + 2]) || !Context.IsHangulSyllable(text[i + 4])
                || Context.IsHangulSyllable(Context.At(text, i - 1)) || Context.At(text, i - 2) is var b && Context.IsHangulSyllable(b) && Context.At(text, i - 1) == ' ' && Context.At(text, i - 3) is ' '
                || Context.IsHangulSyllable(Context.At(text, i + 5)) || Context.At(text, i + 5) == ' ' && Context.IsHangulSyllable(Context.At(text, i + 6)) && Context.At(text, i + 7) is ' ' or '\0' or '\n')
            {
                continue;
            }

            // (A label is followed by its colon: 주 소 지 :.)
            var after = text.AsSpan(i + 5).TrimStart(' ');
            (joined[0], joined[1], joined[2]) = (text[i], text[i + 2], text[i + 4]);
            if ((NameGazetteer.IsGivenSyllable(joined[1]) || NameGazetteer.IsGivenSyllable(joined[2])) && !after.StartsWith(':') && !after.StartsWith('：')
                && !NameGazetteer.IsCommonWord(joined)
                && !PrivateContext.IsFieldWord(joined) && !PrivateContext.IsContextWord(joined) && !IsTitleOrRole(joined))
            {
                sink.Add(new PiiFinding(i, i + 5, PiiTypes.Person, 0.8));
                i += 4;
            }
        }
    }

    /// <summary>
    /// Whether a form of address of the residents' own languages follows a name (Dilshod aka, Nilufar opa, Hari dai, Sita
    /// didi, Suresh aiya, Dilani akka, Tanaka-san): Uzbek, Nepali, Hindi, Sinhala, Tamil, Turkish and Japanese words, from
    /// knowledge.
    /// </summary>
    internal static bool ForeignHonorificAfter(string text, int start, int end)
    {
        if (Context.At(text, end) is not (' ' or '-'))
        {
            return false;
        }

        var q = end + 1;
        if (Context.At(text, q) is >= '\u1000' and <= '\u109F')
        {
            // (Burmese calls a person with ရေ after the name, or an elder sister's or brother's word: Thandar ရေ, Thandar မမ.)
            while (q < text.Length && text[q] is >= '\u1000' and <= '\u109F')
            {
                q++;
            }

            return text[end] == ' ' && text.AsSpan(end + 1, q - end - 1) is "ရေ" or "မမ" or "အစ်မ" or "အမ" or "ညီမ" or "အကို" or "ကိုကို";
        }

        while (q < text.Length && text[q] is >= 'a' and <= 'z')
        {
            q++;
        }

        // (aka is also English, 'also known as': only after a listed name there.)
        var word = text.AsSpan(end + 1, q - end - 1);
        // (Nor is a word of assent a name before a Sinhala one: Hari aiya is "OK, brother", where Hari dai is a Nepali name.)
        return q > end + 1 && !Context.IsLatinLetter(Context.At(text, q)) && s_foreignHonorifics.Contains(word)
            && (word is not "aka" || NameGazetteer.LatinKind(text.AsSpan(start, end - start)) != 0)
            && !(word is "aiya" or "akka" or "akki" or "malli" or "nangi" && IsAssentWord(text.AsSpan(start, end - start)));
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_foreignHonorifics = FrozenSet.Create(StringComparer.Ordinal,
        ["aka", "opa", "dai", "didi", "bhai", "bhaiya", "ji", "san", "kun", "chan", "sama", "apa", "abla", "bey", "hanim", "ssi",
            "aiya", "akka", "akki", "malli", "nangi", "ayya", "bhabhi", "bahini",
            // (Tamil's elder and younger brother after the name: Selva anna, Kumar thambi.)
            "anna", "thambi",
            // (Sinhala puts the case after the word: ayyata "to brother", ayyage, akkata, akkage, mallita.)
            "ayyata", "ayyage", "aiyata", "aiyage", "akkata", "akkage", "mallita", "mallige", "nangita", "nangige"]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether the word before <paramref name="at"/> (one space between) is a possessive: my, our, your, his, her, their, in
    /// any case, or one word after it (<c>my Korean friend</c>).
    /// </summary>
    private static bool PossessiveBefore(string text, int at)
    {
        if (at < 3 || text[at - 1] != ' ')
        {
            return false;
        }

        var end = at - 1;
        var start = end;
        while (start > 0 && Context.IsAsciiLetter(text[start - 1]))
        {
            start--;
        }

        var word = text.AsSpan(start, end - start);
        if (IsPossessive(word))
        {
            return true;
        }

        // (One word may stand between: my Korean friend Jiho, our new tutor Mina, her best friend Ola.)
        var before = start - 1;
        var first = before;
        while (first > 0 && Context.IsAsciiLetter(text[first - 1]))
        {
            first--;
        }

        return word.Length >= 2 && start >= 2 && text[before] == ' ' && !s_englishNotAdjectives.Contains(word)
            && IsPossessive(text.AsSpan(first, before - first)) && (first == 0 || !Context.IsAsciiLetter(text[first - 1]));

        static bool IsPossessive(ReadOnlySpan<char> word) =>
            word.Equals("my", StringComparison.OrdinalIgnoreCase) || word.Equals("our", StringComparison.OrdinalIgnoreCase) || word.Equals("your", StringComparison.OrdinalIgnoreCase)
            || word.Equals("his", StringComparison.OrdinalIgnoreCase) || word.Equals("her", StringComparison.OrdinalIgnoreCase) || word.Equals("their", StringComparison.OrdinalIgnoreCase);
    }

    // Words that are no adjective between a possessive and a relation (her is a friend, my and your friend).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_englishNotAdjectives = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        ["is", "was", "and", "or", "the", "a", "an", "to", "of"]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether the first word of <paramref name="name"/> is a listed given name or a Korean given name romanised (no place: Gimhae).</summary>
    private static bool GivenNameWord(ReadOnlySpan<char> name)
    {
        var word = name.IndexOf(' ') is var space and > 0 ? name[..space] : name;
        return (NameGazetteer.LatinKind(word) & NameGazetteer.LatinGivenKind) != 0 || IsRomanisedGivenName(word) && !IsRomanisedPlace(word);
    }

    /// <summary>What a line holds before a greeting that opens a message: nothing, a reply's quote marks, or a speaker and a colon or bracket.</summary>
    private static bool GreetingOpens(ReadOnlySpan<char> before)
    {
        before = before.TrimEnd(' ');
        return before.IsEmpty || !before.ContainsAnyExcept("> ") || before[^1] is ':' or ']' && before.Length <= 40;
    }

    /// <summary>
    /// The end of a name of one to three capitalised words at <paramref name="start"/> that ends before a comma, a full
    /// stop, an exclamation mark or <paramref name="lineEnd"/> (with <paramref name="alone"/>, only before the line's end,
    /// a comma, a bracket or a separator), no word of it a word that addresses no one; else 0.
    /// </summary>
    private static int AddressedName(string text, int start, int lineEnd, bool alone)
    {
        var (words, end) = LatinWords(text, start);
        if (words == 0 || NotAName(text, start, end) >= 0)
        {
            return 0;
        }

        var after = end < lineEnd ? text[end] : '\n';
        var next = Context.At(text, end + 1);
        return alone
            ? after is '\n' or '\r' or ',' || after == ' ' && (next is '(' or '|' or '/' or '<' or '–' or '-' || end + 1 >= lineEnd) ? end : 0
            : after is ',' or '!' or '\n' or '\r' || after == '.' && !Context.IsAsciiLetter(next) || after == ' ' && end + 1 >= lineEnd ? end : 0;
    }

    /// <summary>The start of the first word between <paramref name="start"/> and <paramref name="end"/> that names no one (All, Team, Seoul), or -1.</summary>
    private static int NotAName(string text, int start, int end)
    {
        for (var p = start; p < end;)
        {
            var q = text.IndexOf(' ', p, end - p);
            q = q < 0 ? end : q;
            var word = text.AsSpan(p, q - p);
            if (s_englishNotNames.Contains(word) || s_placeWordLookup.Contains(word))
            {
                return p;
            }

            p = q + 1;
        }

        return -1;
    }

    /// <summary>
    /// The Hangul rendering in brackets right after a name in Latin letters (<c>Rahim Uddin (라힘 우딘)</c>) is the same
    /// person: a rendering starts with the sound one of the name's words starts with (R and 라), which a note in brackets
    /// does not (<c>Rina Dewi (인도네시아)</c>, <c>Le Van Minh(배우자)</c>, <c>Daniel Okafor (서명)</c>).
    /// </summary>
    private static void AddRendering(string text, int start, int end, double score, List<PiiFinding> sink)
    {
        // (Forms may put two spaces before the bracket: Pham Thi Hoa  ( 팜 티 호 아 ); an honorific may stand between:
        // Kairat 씨(카이라트, 양돈농장).)
        var h = Context.At(text, end) == ' ' ? end + 1 : end;
        var honoured = Context.At(text, h) is '씨' or '님' && Context.At(text, h + 1) is '(' or ' ';
        var after = honoured ? h + 1 : end;
        var open = OpenBracketAfter(text, after) is var o && o < 0 && Context.At(text, after) == ' ' ? OpenBracketAfter(text, after + 1) : o;
        var close = open < 0 ? -1 : text.IndexOf(')', open);
        if (close < 0 || close - open > 24)
        {
            return;
        }

        // A note may come before or after the rendering, split by a comma (Temirlan Abenov(테미를란, 1학년), Bina Shrestha
        // (네팔 새댁, 비나)); the rendering may be spaced syllable by syllable (Pham Thi Hoa ( 팜 티 호 아 )); the sound test
        // reads the name without its diacritics (Lê Văn Thành(탄)).
        // (A name in Cyrillic letters is heard by its words' first letters spelt in Latin ones: Сергей Пак (박세르게이).)
        var latin = Context.IsCyrillicLetter(text[end - 1]) ? CyrillicWordInitials(text.AsSpan(start, end - start)) : NameGazetteer.WithoutDiacritics(text.AsSpan(start, end - start));
        for (var item = open + 1; item < close;)
        {
            var comma = text.IndexOf(',', item, close - item);
            var itemEnd = comma < 0 ? close : comma;
            var (a, b) = (item, itemEnd);
            while (a < b && text[a] == ' ')
            {
                a++;
            }

            while (b > a && text[b - 1] == ' ')
            {
                b--;
            }

            // (A label says the rest is the person's other name, whatever its sound: Santos Maricel (한국명 심마리).)
            var labelled = NameLabelAt(text, a, b);
            a += labelled;
            var rendering = text.AsSpan(a, b - a);
            // (One syllable renders a one-syllable given name, Thành 탄, but is no gender's note: (남), (여).)
            if (b - a >= (labelled > 0 || honoured ? 2 : 1) && b - a <= 12 && (b - a == 1 ? Context.IsHangulSyllable(text[a]) && text[a] is not ('남' or '여') && !s_notOneSyllableNames.Contains(text[a]) : IsHangulWords(rendering))
                && (labelled > 0 || SoundsLike(latin, text[a])) && !IsLayoutRendering(rendering))
            {
                sink.Add(new PiiFinding(a, b, PiiTypes.Person, score));
                return;
            }

            // (After an honorific the brackets hold notes more often, Kim Andrei 씨(고려인, 귀화): the first item only.)
            item = honoured ? close : itemEnd + 1;
        }

        // The length of a label that names the person's other name (한국명, 한국 이름, 애칭, 별명) and its space or colon at
        // a, or 0.
        static int NameLabelAt(string text, int a, int b)
        {
            foreach (var label in s_otherNameLabels)
            {
                if (text.AsSpan(a, b - a).StartsWith(label, StringComparison.Ordinal) && a + label.Length < b && text[a + label.Length] is ' ' or ':')
                {
                    var q = a + label.Length;
                    while (q < b && text[q] is ' ' or ':')
                    {
                        q++;
                    }

                    return q - a;
                }
            }

            return 0;
        }
    }

    /// <summary>
    /// Whether a bracket's Hangul after a name is a form's note rather than the name's rendering: a country, a context,
    /// field or label word or a common word, whole or as one of its words (Sarnai Ganbold (서명), Daniel Okafor (본인),
    /// Yamada Haruko (일본 친구, 한국 회사 기숙사)), perhaps with a particle (Siriporn Wongsa (차남은 해외 출장 중)).
    /// </summary>
    private static bool IsLayoutRendering(ReadOnlySpan<char> rendering)
    {
        foreach (var range in rendering.Split(' '))
        {
            var word = rendering[range];
            if (s_countries.Contains(word) || PrivateContext.IsContextWord(word) || PrivateContext.IsFieldWord(word) || IsLabel(word) || NameGazetteer.IsCommonWord(word)
                || word.Length >= 3 && word[^1] is '은' or '는' or '이' or '가' && word[..^1] is var stem
                    && (PrivateContext.IsStaffOrKin(stem) || PrivateContext.IsContextWord(stem) || NameGazetteer.IsCommonWord(stem)))
            {
                return true;
            }
        }

        return s_countries.Contains(rendering) || PrivateContext.IsContextWord(rendering) || PrivateContext.IsFieldWord(rendering) || IsLabel(rendering) || NameGazetteer.IsCommonWord(rendering);
    }

    // Epithets people are called by that name no one (다들 바보라고 불러): general Korean, from knowledge.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_epithets = FrozenSet.Create(StringComparer.Ordinal,
    [
        "바보", "멍청이", "돼지", "꼬맹이", "울보", "겁쟁이", "천재", "막내", "공주", "왕자", "대장", "짱", "아기", "애기", "먹보", "잠꾸러기",
        "꼴찌", "여신", "요정", "귀요미", "호구", "찐따", "괴물", "악마", "천사", "거지", "바람둥이", "고집쟁이", "수다쟁이", "깍쟁이", "선배님",
    ]).GetAlternateLookup<ReadOnlySpan<char>>();

    // Labels before a person's other name in brackets (Santos Maricel (한국명 심마리)): general Korean, from knowledge.
    private static readonly string[] s_otherNameLabels = ["한국명", "한국 이름", "한국이름", "한글명", "한글 이름", "한글이름", "애칭", "별명", "예명", "통칭", "세례명"];

    /// <summary>
    /// Whether the Hangul syllable <paramref name="first"/> starts with a consonant that a word of <paramref name="name"/>
    /// (Latin letters) may be transliterated with: R and L as ㄹ, a vowel, Y or W as ㅇ, Tr as ㅉ (Tran 쩐), Ng as ㅇ
    /// (Nguyen 응우옌), Ch as ㅊ or ㅉ, J as ㅈ or ㅎ (Jose 호세), V as ㅂ (Van 반), X as ㅅ or ㅈ (Xiao 샤오), and the
    /// romanised Korean surnames' sounds (Park 박, Chung 정, Lee 이).
    /// </summary>
    internal static bool SoundsLike(ReadOnlySpan<char> name, char first)
    {
        if (!Context.IsHangulSyllable(first))
        {
            return false;
        }

        // The initial consonant's index: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ.
        var initial = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"[(first - '\uAC00') / 588];

        // The first word or the last (a rendering starts with the given name or, in Korean order, the family name), not
        // a middle word (Van, Thi: Nguyen Van Phuc (배우자의 아버지) is no rendering).
        var (firstWord, lastWord) = (name.IndexOfAnyExcept(' '), name.TrimEnd(' ').LastIndexOf(' ') + 1);
        for (var p = 0; p < name.Length; p++)
        {
            if (!Context.IsAsciiLetter(name[p]) || p > 0 && Context.IsAsciiLetter(name[p - 1]) || name[p] is >= 'a' and <= 'z' && p > 0
                || p != firstWord && p != lastWord)
            {
                continue;
            }

            var sounds = char.ToUpperInvariant(name[p]) switch
            {
                'A' or 'E' or 'I' or 'O' or 'U' or 'Y' => "ㅇ",
                'B' => "ㅂㅃ",
                'C' => "ㅋㅊㅅㅆㄲㅉㅈ",
                'D' => "ㄷㄸㅈ",
                'F' => "ㅍㅎ",
                'G' => "ㄱㄲㅈㅎ",
                'H' => "ㅎㅇ",
                'J' => "ㅈㅉㅎㅇ",
                'K' => "ㅋㄱㄲ",
                'L' => "ㄹㅇ",
                'M' => "ㅁ",
                'N' => "ㄴㅇ",
                'P' => "ㅍㅃㅂ",
                'Q' => "ㅋㄲㅊ",
                'R' => "ㄹ",
                'S' => "ㅅㅆㅈㅊ",
                'T' => "ㅌㄸㅉㅊ",
                'V' => "ㅂㅍ",
                'W' => "ㅇㅂ",
                'X' => "ㅅㅆㅈㅊ",
                'Z' => "ㅈㅉㅊ",
                _ => "",
            };
            if (sounds.Contains(initial, StringComparison.Ordinal) && VowelFits(name[p..], first))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the vowel of <paramref name="syllable"/> may render the first vowel of <paramref name="word"/> (Latin
    /// letters): Seo 서, Cho 초, Kang 강, Vu 부, Hyun 현, a cluster's inserted ㅡ (Grace 그, Nguyen 응), a W's glide (Kwak
    /// 곽, Wang 왕). A note in brackets after a name rarely fits (Kim Seoyeon (주간조), Julie Han (영어), Brian Cho (성인반)).
    /// </summary>
    private static bool VowelFits(ReadOnlySpan<char> word, char syllable)
    {
        var medial = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"[(syllable - '\uAC00') % 588 / 28];
        var q = "AEIOUaeiou".Contains(word[0], StringComparison.Ordinal) ? 0 : 1;
        if (q == 1 && q < word.Length && (word[1] == 'h' || word[0] is 'N' && word[1] == 'g'))
        {
            q++;
        }

        if (q < word.Length && word[q] == 'w')
        {
            return "ㅘㅝㅙㅞㅟㅚㅜ".Contains(medial, StringComparison.Ordinal);
        }

        var glide = word[0] is 'Y' || q < word.Length && word[q] == 'y';
        if (word[0] is 'Y' or 'W' || q > 0 && word[q - 1] == 'g' || q < word.Length && !"aeiouy".Contains(word[q], StringComparison.Ordinal))
        {
            // Two consonants open the word (Grace 그, Nguyen 응, Tran 쩐): the inserted ㅡ or the vowel after them.
            if (medial == 'ㅡ' && word[0] is not ('Y' or 'W'))
            {
                return true;
            }

            if (word[0] == 'W')
            {
                return "ㅘㅝㅙㅞㅟㅚㅜ".Contains(medial, StringComparison.Ordinal);
            }
        }

        while (q < word.Length && !"aeiou".Contains(char.ToLowerInvariant(word[q]), StringComparison.Ordinal))
        {
            q++;
        }

        if (q == word.Length)
        {
            return true;
        }

        var vowels = (glide, char.ToLowerInvariant(word[q])) switch
        {
            (true, 'a') => "ㅑㅏ",
            (true, 'e') => "ㅖㅕㅔ",
            (true, 'i') => "ㅣ",
            (true, 'o') => "ㅛㅠㅗ",
            (true, _) => "ㅠㅕ",
            (_, 'a') => "ㅏㅐㅔㅑㅓㅘㅙ",
            (_, 'e') => "ㅔㅐㅓㅖㅡㅣㅕ",
            (_, 'i') => "ㅣㅏㅐㅢㅟㅑ",
            (_, 'o') when q == 0 => "ㅗㅜㅘㅛㅚㅓ",
            (_, 'o') => "ㅗㅜㅘㅛㅚ",
            _ => "ㅜㅓㅠㅡㅝㅟ",
        };
        return vowels.Contains(medial, StringComparison.Ordinal);
    }

    // Particles, copulas and vocatives glued to a one-word name in Latin letters (Pablo도, Sophie가, Kevin이랑, Noah한테,
    // Hannah입니다, Pablo야).
    private static readonly string[] s_latinNameParticles =
    [
        "이랑", "이가", "이는", "이도", "이의", "이한테", "이에게", "한테", "에게", "께서", "이", "가", "은", "는", "을", "를", "도", "의", "와",
        "과", "랑", "입니다", "이에요", "예요", "이고", "이며", "이라고", "라고", "이야", "야", "아",
    ];

    /// <summary>
    /// A name in Latin letters at <paramref name="start"/> known by the list of name words (<see cref="NameGazetteer.LatinKind"/>):
    /// two to four words in capitals or in title case, one case throughout (particles such as <c>de</c> or <c>bin</c> in
    /// lower case between them), none a word of places or organisations, with either every word a listed name word, a
    /// listed element (Van, Thi, Dela) or a Korean surname's spelling and at least two names among them (<c>NGUYEN VAN
    /// HUNG</c>, <c>Maria Dela Cruz</c>, <c>Olivia Park</c>), or two words of which the first is a listed given name
    /// (<c>Michael Grant</c>, score 0.7; not <c>Apache Kafka</c>); or three words or more with a listed name, a listed element and one other word (<c>NGUYEN VAN HUNG</c>:
    /// Vietnamese given names are often English words); or one listed given name in title case glued to a particle
    /// (<c>Pablo도</c>, <c>Hannah입니다</c>, score 0.7; not a family name alone: <c>Kafka는</c>), before a title (<c>Kevin
    /// 원장</c>, 0.75) or before a bracket of Hangul (<c>Bekzod(우즈벡)</c>, 0.7). Its end
    /// and score; an end of 0 when there is none.
    /// </summary>
    private static (int End, double Score) ListedLatinName(string text, int start)
    {
        const int Name = NameGazetteer.LatinGivenKind | NameGazetteer.LatinFamilyKind;
        var (n, p, named, korean, middle, unknown, caps, givenFirst) = (0, start, 0, 0, 0, 0, -1, false);
        var (familyFirst, middleSecond) = (false, false);
        var end = start;
        while (n < 4)
        {
            // (A possessive 's ends the word: Hussein's.)
            var q = p;
            while (q < text.Length && (Context.IsLatinLetter(text[q]) || text[q] is '\'' or '-' && q > p && Context.IsAsciiLetter(Context.At(text, q + 1))
                && !(text[q] == '\'' && Context.At(text, q + 1) is 's' or 'S' && !Context.IsAsciiLetter(Context.At(text, q + 2)))))
            {
                q++;
            }

            var word = text.AsSpan(p, q - p);
            if (word.Length < 2)
            {
                break;
            }

            var kind = NameGazetteer.LatinKind(word);
            if (Context.IsLatinLower(word[0]))
            {
                // A particle between two words of the name (Maria dela Cruz, Ahmad bin Ismail).
                if (n == 0 || (kind & NameGazetteer.LatinMiddleKind) == 0 || Context.At(text, q) != ' ' || Context.At(text, q + 1) is < 'A' or > 'Z')
                {
                    break;
                }

                middle++;
            }
            else
            {
                var allCaps = !HasLower(word);
                if (!allCaps && !IsTitleCase(word) || caps >= 0 && caps != (allCaps ? 1 : 0))
                {
                    break;
                }

                caps = allCaps ? 1 : 0;
                var surname = s_romanisedSurnameLookup.Contains(word);
                if (!surname && s_placeWordLookup.Contains(word))
                {
                    return default;
                }

                familyFirst |= n == 0 && (kind & NameGazetteer.LatinFamilyKind) != 0;
                middleSecond |= n == 1 && (kind & NameGazetteer.LatinMiddleKind) != 0;
                if ((kind & Name) != 0)
                {
                    named++;
                    givenFirst |= n == 0 && (kind & NameGazetteer.LatinGivenKind) != 0;
                }
                else if (surname)
                {
                    korean++;
                }
                else if ((kind & NameGazetteer.LatinMiddleKind) != 0)
                {
                    middle++;
                }
                else
                {
                    // An unlisted word in the plural is no name (Beverly Hills, Robin Guitars).
                    unknown += word.Length > 3 && word[^1] is 's' or 'S' ? 2 : 1;
                }
            }

            n++;
            end = q;
            if (Context.At(text, q) != ' ' || !Context.IsLatinLetter(Context.At(text, q + 1)))
            {
                break;
            }

            p = q + 1;
        }

        var after = Context.At(text, end);
        if (n == 0 || Context.IsLatinLetter(after) || Context.IsDigit(after) || after is '_' or '@' || after is '.' or '-' && Context.IsAsciiLetter(Context.At(text, end + 1)))
        {
            return default;
        }

        if (n >= 2)
        {
            // (Vietnamese given names are often English words, so a listed family name and element vouch for the third
            // word: NGUYEN VAN HUNG, Tran Thi Mai.)
            // (A Vietnamese family name and element first vouch for every word after them: Lê Thị Thu Hà.)
            return unknown == 0 && named >= 1 && named + korean >= 2 || n >= 3 && unknown == 1 && named >= 1 && middle >= 1
                || n >= 3 && familyFirst && middleSecond ? (end, 0.8)
                : n == 2 && named == 1 && unknown == 1 && givenFirst ? (end, 0.7)
                : default;
        }

        // One word: a listed given or family name in title case, three letters or more, before a title or form of address
        // (Kevin 원장, Lina 여사님, Morrison 교수); a listed given name also glued to a particle that ends its word or before
        // a bracket of Hangul (Bekzod(우즈벡), Fatima (결혼이민자)).
        if (named == 0 || caps != 0 || end - start < 3)
        {
            return default;
        }

        if (after == ' ' && Context.IsHangulSyllable(Context.At(text, end + 1)))
        {
            foreach (var title in s_titles)
            {
                if (text.AsSpan(end + 1).StartsWith(title, StringComparison.Ordinal))
                {
                    return (end, 0.75);
                }
            }
        }

        if (!givenFirst)
        {
            return default;
        }

        var open = after == ' ' ? end + 1 : end;
        if (Context.At(text, open) == '(' && Context.IsHangulSyllable(Context.At(text, open + 1)))
        {
            return (end, 0.7);
        }

        if (!Context.IsHangulSyllable(after))
        {
            // A listed given name alone among Korean words and marks (Lucas 저희 조, 음향 Carlos, 인수자 Tuvshin⏎): no Latin
            // word on either side, so it is no part of an English phrase, a title or a program's text.
            return LoneLatinWord(text, start, end) && !s_loneLatinNotNames.Contains(text.AsSpan(start, end - start)) ? (end, 0.65) : default;
        }

        var tail = text.AsSpan(end, Context.HangulEnd(text, end) - end);
        foreach (var particle in s_latinNameParticles)
        {
            if (tail.SequenceEqual(particle))
            {
                return (end, 0.7);
            }
        }

        return default;
    }

    // Given names that alone in Korean text are more often something else: an optimiser, a pipeline library, an award,
    // the spelling alphabet (Adam 옵티마이저, Oscar 시상식, Romeo 코드).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_loneLatinNotNames =
        FrozenSet.Create(StringComparer.Ordinal, "Adam", "Luigi", "Oscar", "Victor", "Romeo", "Juliet", "Charlie", "Stella", "Luna", "Polly").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether the Latin word [<paramref name="start"/>, <paramref name="end"/>) stands alone in Korean text: the nearest
    /// other character on each side (spaces skipped) is a Hangul syllable, a line or cell break, a separator, an opening
    /// bracket before it or a closing one after it, or the text's edge (never a Latin letter, digit or a mark of code, mail
    /// or paths such as <c>/</c>, <c>.</c>, <c>@</c>, <c>(</c> after it); and one side is Hangul or a break.
    /// </summary>
    private static bool LoneLatinWord(string text, int start, int end)
    {
        var b = start - 1;
        while (b >= 0 && text[b] == ' ')
        {
            b--;
        }

        var a = end;
        while (a < text.Length && text[a] == ' ')
        {
            a++;
        }

        static bool Break(char c) => c is '\0' or '\n' or '\r' or '\t' or ',' or ':' or '|';
        var before = b < 0 ? '\0' : text[b];
        var after = Context.At(text, a);
        // (A list mark that opens its line counts as a break: - Kenta: …, • Fatima.)
        var listMark = before is '-' or '•' or '*' && (b == 0 || text[b - 1] is '\n' or ' ' && text.AsSpan(0, b).TrimEnd(' ') is var head && (head.IsEmpty || head[^1] == '\n'));
        // (A sentence's end or a dash before it, a dash or a count of Hangul after it, a space between: 말 있음. Jasur
        // 말로는, 청년 Bilal — 파키스탄, Dilshod 3층 말고.)
        var spaced = (b < start - 1, a > end);
        var beforeFree = Break(before) || listMark || before is '·' or '(' or '[' or '!' or '?' or '~' || Context.IsHangulSyllable(before)
            || spaced.Item1 && before is '.' or '—' or '–';
        var afterFree = Break(after) || after is '·' or ')' or ']' or '!' or '?' or '~' || Context.IsHangulSyllable(after)
            || spaced.Item2 && (after is '—' or '–' || Context.IsDigit(after) && CountOfHangul(text, a));
        return beforeFree && afterFree && (Context.IsHangulSyllable(before) || Context.IsHangulSyllable(after) || Break(before) || listMark || Break(after)
            || before == '.' && Context.IsHangulSyllable(Context.At(text, b - 1)) || Context.IsDigit(after));

        // Digits and a Hangul syllable right after them (3층, 2호선).
        static bool CountOfHangul(string text, int a)
        {
            while (a < text.Length && Context.IsDigit(text[a]))
            {
                a++;
            }

            return Context.IsHangulSyllable(Context.At(text, a));
        }
    }

    /// <summary>Whether <paramref name="word"/> holds a lower-case letter (with diacritics too).</summary>
    private static bool HasLower(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (Context.IsLatinLower(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A capital, then lower-case letters, a capital allowed after an apostrophe or hyphen (O'Neil, Al-Sayed).</summary>
    private static bool IsTitleCase(ReadOnlySpan<char> word)
    {
        for (var k = 1; k < word.Length; k++)
        {
            if (Context.IsLatinUpper(word[k]) && word[k - 1] is not ('\'' or '-'))
            {
                return false;
            }
        }

        return Context.IsLatinUpper(word[0]);
    }

    // How Korean addresses a person right after the name (Ivan Petrov 군, Maria 님, Julien Moreau 고객님).
    private static readonly string[] s_personSuffixes =
    [
        "님", "씨", "군", "양", "학생", "선생님", "고객님", "산모님", "환자", "어린이", "어르신", "회원",

        // Kinship and church words after a resident's name in records and notes (Aisha 어머니, Grace 자매가); general Korean.
        "어머니", "어머님", "아버지", "아버님", "할머니", "할아버지", "자매", "형제", "엄마", "아빠",
    ];

    // Words that say who a person is when they follow a name: titles and offices, church and honorific titles, forms of
    // address and kinship words (소장이, 권사님, 어르신, 언니, 할머니, 형님). General Korean, from knowledge.
    private static readonly Dictionary<char, string[]> s_personWordsByFirst = ByFirst(
    [
        .. s_loneSurnameTitles, .. s_personSuffixes, "권사", "집사", "장로", "사모", "영감", "언니", "오빠", "누나", "형", "형님", "이모",
        "고모", "삼촌", "어른", "아지매", "아줌마", "아저씨", "할매", "할배", "선배", "후배", "요원", "점장", "반장", "기사",
    ]);

    /// <summary>
    /// A form of address right after a name, glued or after one space, ending its word or followed by a particle; a
    /// rendering of the name in brackets may stand between (<c>Sergei Volkov (세르게이 볼코프) 님</c>).
    /// </summary>
    private static bool PersonSuffixAfter(string text, int end)
    {
        var p = Context.At(text, end) == ' ' ? end + 1 : end;
        if (Context.At(text, p) == '(' && text.IndexOf(')', p) is var close and > 0 && close - p <= 16)
        {
            // An age alone in the brackets (Malika(9세), Amir(7) 초등 …) is a person's, as the press writes 김모(33)씨; a
            // number in brackets before code or symbols is a call (Decimal(10)``).
            var inside = text.AsSpan(p + 1, close - p - 1);
            var aged = inside.Length > 1 && inside[^1] is '세' or '살';
            inside = aged ? inside[..^1] : inside;
            var next = Context.At(text, close + 1) == ' ' ? Context.At(text, close + 2) : Context.At(text, close + 1);
            if (inside.Length is 1 or 2 && !inside.ContainsAnyExceptInRange('0', '9') && end - p <= 1 && (aged || Context.IsHangulSyllable(next)))
            {
                return true;
            }

            p = Context.At(text, close + 1) == ' ' ? close + 2 : close + 1;
        }

        foreach (var suffix in s_personSuffixes)
        {
            if (text.AsSpan(p).StartsWith(suffix, StringComparison.Ordinal))
            {
                var next = Context.At(text, p + suffix.Length);
                return !Context.IsHangulSyllable(next) || s_particles.Contains(next) || suffix.Length == 1 && next is '께' or '이';
            }
        }

        return false;
    }

    // Korean surnames as they are romanised (three letters or more: Oh, An, Im, So and Do are English words too), written
    // from knowledge of the common spellings.
    private static readonly HashSet<string> s_romanisedSurnames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Kim", "Lee", "Rhee", "Park", "Choi", "Choe", "Jung", "Jeong", "Chung", "Kang", "Cho", "Yoon", "Jang", "Chang", "Lim",
        "Han", "Seo", "Suh", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Jeon", "Hong", "Moon", "Yang", "Son", "Bae", "Baek", "Paik",
        "Heo", "Huh", "Nam", "Noh", "Roh", "Kwak", "Sung", "Seong", "Cha", "Joo", "Woo", "Koo", "Min", "Ryu", "Yoo", "Jin",
        "Chae", "Won", "Chun", "Cheon", "Bang", "Gong", "Hyun", "Ham", "Byun", "Yeom", "Yeo", "Choo", "Seok", "Maeng", "Tak",
        "Pyo", "Myung", "Wang", "Geum", "Yook", "Eom", "Bong", "Seol", "Sul", "Yeon", "Pyun", "Byeon", "Ryoo", "Hur", "Uhm", "Yuk",
        "Chu", "Kook", "Sunwoo", "Seonwoo", "Namgung", "Namkoong", "Namgoong", "Jegal", "Dokgo", "Hwangbo", "Sagong", "Seomun",
    };

    // Words that follow or precede a surname's spelling in names of places and organisations (Han River, Park Hotel,
    // Lee Group): such a pair is no person.
    private static readonly HashSet<string> s_placeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "River", "Station", "Avenue", "Street", "Road", "Hotel", "Park", "Square", "Bridge", "Tower", "Mall", "Center", "Centre",
        "Group", "Bank", "Motors", "Airlines", "Air", "Line", "Studio", "Studios", "Company", "Corp", "Inc", "University",
        "College", "School", "Hospital", "Church", "Market", "Cafe", "Shop", "Store", "Building", "Hall", "Gate", "Island",
        "Mountain", "Lake", "Beach", "Garden", "Gardens", "Plaza", "Village", "City", "Town", "Club", "Team", "Museum",
        "Library", "Office", "Fund", "Foundation", "Institute", "Lab", "Labs", "Tech", "Systems", "Software", "Service",
        "Services", "Design", "House", "Home", "Book", "Books", "List", "The", "Dear", "Hello", "From", "And", "With", "For",
        "Korea", "Korean", "Seoul", "Busan", "Dynasty", "Province", "Festival", "Award", "Prize", "Law", "Act", "Kong",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_romanisedSurnameLookup = s_romanisedSurnames.GetAlternateLookup<ReadOnlySpan<char>>();

    // Korean surnames romanised in two letters, which are English words or syllables too (Do, Oh, An, Im, Jo): a surname
    // only before a given name joined by a hyphen.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_shortSurnames =
        new HashSet<string>(["Do", "Oh", "An", "Im", "Jo", "Ko", "Go", "Yu", "So", "Ha", "Na", "Ma", "No", "Ra", "Ok", "Ju", "Gu", "Ku", "Ye", "Ki", "Gi", "Bu", "Uh", "Eo"], StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="word"/> is a Korean surname as it is romanised (Kim, Park, Seo), in any case.</summary>
    internal static bool IsRomanisedSurname(ReadOnlySpan<char> word) => s_romanisedSurnameLookup.Contains(word);

    // The sounds of a Korean syllable as names are romanised (Revised Romanisation and the spellings families keep:
    // Hyunsoo, Sunhee, Young, Gunwoo), from knowledge of the system: initials longest first, then vowels, then finals.
    private static readonly string[] s_romanInitials = ["kk", "tt", "pp", "ss", "jj", "ch", "g", "k", "n", "d", "t", "r", "l", "m", "b", "p", "s", "j", "h", ""];
    private static readonly string[] s_romanVowels =
    [
        "yae", "yeo", "wae", "eui", "yoo", "you", "woo", "ae", "ya", "eo", "ye", "wa", "oe", "yo", "wo", "we", "wi", "yu", "eu", "ui", "oo", "ee",
        "ou", "ah", "a", "e", "o", "u", "i",
    ];
    private static readonly string[] s_romanFinals = ["ng", "k", "n", "t", "l", "m", "p", ""];

    /// <summary>
    /// Whether <paramref name="word"/> is a Korean given name romanised: two syllables, glued (<c>Jieun</c>, <c>Seongho</c>,
    /// <c>Gunwoo</c>) or joined by a hyphen (<c>Jeom-rye</c>), in title case or in capitals. One syllable is never enough
    /// (Jin, Bin, Han are English or other words too). English words of that shape exist (Tango, Hello), so callers
    /// take it only where a name is expected.
    /// </summary>
    internal static bool IsRomanisedGivenName(ReadOnlySpan<char> word)
    {
        if (word.Length is < 4 or > 12 || word[0] is < 'A' or > 'Z')
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        var caps = !word.ContainsAnyInRange('a', 'z');
        for (var k = 0; k < word.Length; k++)
        {
            var c = word[k];
            if (!(Context.IsAsciiLetter(c) || c == '-' && k > 0) || k > 0 && !caps && c is >= 'A' and <= 'Z' && word[k - 1] != '-')
            {
                return false;
            }

            lower[k] = char.ToLowerInvariant(c);
        }

        var hyphen = lower.IndexOf('-');
        return hyphen < 0 ? Syllables(lower, 2) : lower[(hyphen + 1)..].IndexOf('-') < 0 && Syllables(lower[..hyphen], 1) && Syllables(lower[(hyphen + 1)..], 1);

        // Whether the letters split into exactly the given number of syllables, an initial, a vowel and a final each.
        static bool Syllables(ReadOnlySpan<char> s, int count)
        {
            if (s.IsEmpty || count == 0)
            {
                return s.IsEmpty && count == 0;
            }

            foreach (var initial in s_romanInitials)
            {
                if (!s.StartsWith(initial, StringComparison.Ordinal))
                {
                    continue;
                }

                var afterInitial = s[initial.Length..];
                foreach (var vowel in s_romanVowels)
                {
                    if (!afterInitial.StartsWith(vowel, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var afterVowel = afterInitial[vowel.Length..];
                    foreach (var final in s_romanFinals)
                    {
                        if (afterVowel.StartsWith(final, StringComparison.Ordinal) && Syllables(afterVowel[final.Length..], count - 1))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
    }
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_placeWordLookup = s_placeWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A Korean name romanised at <paramref name="start"/>: two or three words in capitals whose first is a surname's
    /// spelling (<c>CHOI DAEL</c>, <c>HEO YUNGYEOM</c>), or two capitalised words with a surname's spelling first or last
    /// (<c>Kim Jiseok</c>, <c>Daniel Seo</c>), none a word of places or organisations. Its end, or 0.
    /// </summary>
    internal static int RomanisedKoreanName(string text, int start)
    {
        Span<(int Start, int End)> words = stackalloc (int, int)[3];
        var (n, p, caps) = (0, start, true);
        while (n < 3 && Context.At(text, p) is >= 'A' and <= 'Z')
        {
            var q = p + 1;
            while (q < text.Length && Context.IsAsciiLetter(text[q]))
            {
                caps &= text[q] is >= 'A' and <= 'Z';
                q++;
            }

            // A given name joined by a hyphen (Kim Joo-young, YOON SEO-AH) is one word.
            if (HyphenatedGivenNameEnd(text, p) is var hyphenated and > 0)
            {
                caps &= !text.AsSpan(p, hyphenated - p).ContainsAnyInRange('a', 'z');
                q = hyphenated;
            }

            if (q - p < 2 || Context.IsDigit(Context.At(text, q)) || Context.At(text, q) is '_' or '@' or '-' or '.' && Context.IsAsciiLetter(Context.At(text, q + 1)))
            {
                return 0;
            }

            words[n++] = (p, q);
            if (Context.At(text, q) != ' ' || Context.At(text, q + 1) is < 'A' or > 'Z')
            {
                break;
            }

            p = q + 1;
        }

        if (n < 2)
        {
            return 0;
        }

        var (lookup, places) = (s_romanisedSurnameLookup, s_placeWordLookup);
        for (var k = 0; k < n; k++)
        {
            var w = text.AsSpan(words[k].Start, words[k].End - words[k].Start);
            if (places.Contains(w) && !(n == 2 && lookup.Contains(w) && GivenBesideSurname(text.AsSpan(words[1 - k].Start, words[1 - k].End - words[1 - k].Start)))
                || !caps && w.Length > 1 && w[1..].ContainsAnyInRange('A', 'Z') && !w.Contains('-'))
            {
                return 0;
            }
        }

        var first = text.AsSpan(words[0].Start, words[0].End - words[0].Start);
        var last = text.AsSpan(words[n - 1].Start, words[n - 1].End - words[n - 1].Start);

        // A surname of two letters (also an English word: Do, Oh, An) before a given name with a hyphen (Do Ji-geon).
        if (n == 2 && !caps && s_shortSurnames.Contains(first) && last.Contains('-'))
        {
            return words[1].End;
        }

        // (Or after it, as names are written in English: Seo-yeon Ha, Dong-gyu Ma.)
        if (n == 2 && !caps && s_shortSurnames.Contains(last) && first.Contains('-'))
        {
            return words[1].End;
        }

        // Or before a given name of two syllables written as one word of six letters or more (Oh Jaehwan, Ko Eunbi), but
        // for the surnames that are English verbs or adverbs before a word (Go Gangnam, So Beautiful, Do Something).
        if (n == 2 && !caps && s_shortSurnames.Contains(first) && first is not ("Go" or "So" or "Do" or "No") && last.Length >= 6 && IsRomanisedGivenName(last) && !s_placeWordLookup.Contains(last)
            && !s_englishNotNames.Contains(last) && (NameGazetteer.LatinKind(last) & NameGazetteer.LatinGivenKind) == 0)
        {
            return words[1].End;
        }

        if (caps)
        {
            return lookup.Contains(first) ? words[n - 1].End : 0;
        }

        return n == 2 && (lookup.Contains(first) || lookup.Contains(last)) ? words[1].End : 0;
    }

    /// <summary>
    /// Whether the word beside a surname that is also a word of places (Park) is a given name, so that the pair is a
    /// person (<c>Minsu Park</c>, <c>Aiden Park</c>) and not a place (<c>Olympic Park</c>, <c>Namsan Park</c>): a listed
    /// given name, a Korean given name joined by a hyphen (<c>Ji-ho Park</c>: the caller took the word by
    /// <see cref="HyphenatedGivenNameEnd"/>), or one romanised whose last syllable is not one of places (-gang, -san).
    /// </summary>
    private static bool GivenBesideSurname(ReadOnlySpan<char> word) =>
        (NameGazetteer.LatinKind(word) & NameGazetteer.LatinGivenKind) != 0 && !s_placeWordLookup.Contains(word)
        || word.Contains('-')
        || IsRomanisedGivenName(word) && !word.EndsWith("gang", StringComparison.OrdinalIgnoreCase) && !word.EndsWith("san", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The end of a Korean given name romanised with a hyphen at <paramref name="start"/> (<c>Seo-ah</c>, <c>Joo-young</c>,
    /// <c>MIN-JAE</c>), or 0: two syllables by <see cref="IsRomanisedGivenName"/>, not glued to a letter, digit, <c>_</c>,
    /// <c>@</c>, another hyphen or a dot before a letter; not a word repeated with another vowel (<c>Ping-pong</c>,
    /// <c>Hip-hop</c>, <c>Bye-bye</c>) and not a place (<c>Jung-gu</c>, <c>Jeju-do</c>, <c>Seo-ro</c>).
    /// </summary>
    internal static int HyphenatedGivenNameEnd(string text, int start)
    {
        var hyphen = start;
        while (hyphen < text.Length && Context.IsAsciiLetter(text[hyphen]))
        {
            hyphen++;
        }

        var end = hyphen + 1;
        while (end < text.Length && Context.IsAsciiLetter(text[end]))
        {
            end++;
        }

        if (hyphen == start || Context.At(text, hyphen) != '-' || end == hyphen + 1 || Context.IsDigit(Context.At(text, end))
            || Context.At(text, end) is '_' or '@' or '-' || Context.At(text, end) == '.' && Context.IsAsciiLetter(Context.At(text, end + 1))
            || !IsRomanisedGivenName(text.AsSpan(start, end - start)))
        {
            return 0;
        }

        var first = text.AsSpan(start, hyphen - start);
        var second = text.AsSpan(hyphen + 1, end - hyphen - 1);
        var echo = char.ToLowerInvariant(first[0]) == char.ToLowerInvariant(second[0]) && char.ToLowerInvariant(first[^1]) == char.ToLowerInvariant(second[^1]);
        return echo || s_placeSyllableLookup.Contains(second) || s_englishPrefixLookup.Contains(first) ? 0 : end;
    }

    // English prefixes before a hyphen that spell a romanised syllable (Re-run, Co-host, Un-do).
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_englishPrefixLookup =
        new HashSet<string>(["re", "de", "un", "non", "co", "pro", "semi", "bi", "pre"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Whether the word before start is one that a name follows in English (Hi, Dear, Thanks, Ms.).
    private static bool AddressedAfter(string text, int start) => s_addressWords.Contains(LatinWordBefore(text, start, skipPunctuation: true));

    /// <summary>
    /// The word of ASCII letters that ends one character (a space) before <paramref name="start"/>, after a full stop or a
    /// comma there too when <paramref name="skipPunctuation"/> (<c>Dear Minji</c>, <c>Ms. Park</c>); empty when there is none.
    /// </summary>
    internal static ReadOnlySpan<char> LatinWordBefore(string text, int start, bool skipPunctuation)
    {
        var end = start - 1;
        while (skipPunctuation && end > 0 && text[end - 1] is '.' or ',')
        {
            end--;
        }

        var begin = end;
        while (begin > 0 && Context.IsAsciiLetter(text[begin - 1]))
        {
            begin--;
        }

        return end > 0 ? text.AsSpan(begin, end - begin) : default;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_addressWords = new HashSet<string>(
        ["Hi", "Hello", "Hey", "Dear", "Thanks", "Thank", "you", "Ms", "Mr", "Mrs", "Miss", "Dr", "Prof", "Professor", "Teacher", "Coach", "Director"],
        StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    // Romanised last syllables of Korean places and addresses after a hyphen (Jung-gu, Jeju-do, Sejong-ro, Insadong-gil,
    // Gapyeong-gun): a word ending so is no given name. General Korean, from the Revised Romanisation of addresses. Not
    // -ho: a lake's name before it has two syllables or more (Soyang-ho), which no hyphenated given name has, and Ji-ho,
    // Min-ho, Jun-ho are common names.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_placeSyllableLookup = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "gu", "do", "si", "dong", "ro", "gil", "gun", "eup", "myeon", "ri", "ga", "san", "gang", "daero", "sa",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsHangulWords(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!(c == ' ' || Context.IsHangulSyllable(c)))
            {
                return false;
            }
        }

        return span.Trim(' ').Length >= 2;
    }

    /// <summary>A value that fills its cell: then the end, a line end, a tab, a bracket, a list separator, or 귀하/님.</summary>
    private static bool WholeCell(string text, int end)
    {
        var c = Context.At(text, end);
        if (c is '\0' or '\n' or '\r' or '\t' or '(' or ',' or '/' or '·')
        {
            return true;
        }

        var rest = text.AsSpan(end);
        return c == ' ' && (Context.At(text, end + 1) is ' ' or '(' or '\n' or '\r' or '\0' or '/' || rest.StartsWith(" 귀하", StringComparison.Ordinal)
            || rest.StartsWith(" 님", StringComparison.Ordinal));
    }

    /// <summary>
    /// Three syllables with a surname, or a compound surname and one or two more, and not a context, field or title word
    /// (참석자 and 담당자 fail); after the surname every syllable (<paramref name="strict"/>: 한국어 fails) or at least one
    /// (편동술, 함보람) a given-name syllable.
    /// </summary>
    private static bool GivenNameShaped(string text, int start, int end, bool strict)
    {
        if (!PersonLayout.KoreanNameShaped(text, start, end))
        {
            return false;
        }

        var (given, syllables) = (0, 0);
        for (var i = start + (IsCompoundSurname(text, start) ? 2 : 1); i < end; i++)
        {
            given += NameGazetteer.IsGivenSyllable(text[i]) ? 1 : 0;
            syllables++;
        }

        return (strict ? given == syllables : given > 0) && !s_nonNameEndings.Contains(text[end - 1]) && !s_notNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(start, end - start));
    }

    /// <summary>
    /// A person called by name (<c>"종훈아 가자"</c>, <c>다솜아 아빠 오늘…</c>, <c>"진우야"라고</c>): a given name of two
    /// syllables, both common given-name syllables, then the vocative 아 after a closed syllable, or 야 after an open one,
    /// ending the word. 야 is also the casual copula (<c>이건 영화야</c>), so 야 counts only at the start
    /// of a line or quotation. Not a common word (<c>친구야</c>, <c>사랑아</c>), title or role.
    /// </summary>
    private static void TryVocatives(string text, List<PiiFinding> sink)
    {
        for (var at = text.AsSpan().IndexOfAny('아', '야'); at > 0; at = text.AsSpan(at + 1).IndexOfAny('아', '야') is var next and >= 0 ? at + 1 + next : -1)
        {
            var start = at;
            while (start > 0 && Context.IsHangulSyllable(text[start - 1]))
            {
                start--;
            }

            var after = Context.At(text, at + 1);
            if (at - start != 2 || Context.IsHangulSyllable(after) || !(after is '\0' or ' ' or ',' or '!' or '~' or '.' or '?' or '"' or '”' or '\'' or '’' or '\n' or '\r' or 'ㅋ' or 'ㅎ' or 'ㅠ' or 'ㅜ'))
            {
                continue;
            }

            var before = start == 0 ? '\n' : text[start - 1];
            var closed = (text[at - 1] - '\uAC00') % 28 != 0;
            if (Context.IsAsciiLetter(before) || Context.IsDigit(before) || (text[at] == '아' ? !closed : closed || !(before is '\n' or '"' or '“' or '\'' or '‘' or '「')))
            {
                continue;
            }

            // After a frequent surname, 아 may end a full name (윤승아, 한지아), not call one.
            var name = text.AsSpan(start, at - start);
            if (text[at] == '아' && NameGazetteer.SurnameRank(name[0]) is 1 or 2)
            {
                continue;
            }

            if (NameGazetteer.IsGivenSyllable(name[0]) && NameGazetteer.IsGivenSyllable(name[1])
                && !NameGazetteer.IsCommonWord(name) && !NameGazetteer.IsCommonWord(text.AsSpan(start, at + 1 - start)) && !IsTitleOrRole(name)
                && !PrivateContext.IsContextWord(name) && !PrivateContext.IsFieldWord(name))
            {
                sink.Add(new PiiFinding(start, at, PiiTypes.Person, 0.7));
            }
        }
    }

    // One-syllable words that stand before 씨 without being a name: demonstratives, numerals and determiners, and seeds
    // (꽃 씨, 콩 씨), and first halves of words in 씨 written apart (글 씨, 날 씨, 솜 씨). General Korean, from knowledge.
    private static readonly SearchValues<char> s_notOneSyllableNames = SearchValues.Create("그이저요조각전현고두세네몇새헌온옛본귀모제한첫별꽃콩깨팥씨무배감박밤잣쌀벼솜참뭐누글맘말날불홀맵");

    /// <summary>
    /// A one-syllable given name before 씨, as Korean writes the names of Vietnamese, Thai or Chinese residents (<c>롱 씨가</c>,
    /// <c>투 씨와</c>, <c>꽝 씨도</c>): a Hangul syllable standing alone that is not a surname (those are the lone-surname
    /// rule's) nor a demonstrative, numeral or seed, then a space and 씨 ending its word or taking a particle.
    /// </summary>
    private static void TryOneSyllableGivenNames(string text, List<PiiFinding> sink)
    {
        for (var at = text.IndexOf(" 씨", StringComparison.Ordinal); at >= 0; at = text.IndexOf(" 씨", at + 2, StringComparison.Ordinal))
        {
            if (at == 0)
            {
                continue;
            }

            var c = text[at - 1];
            var before = at >= 2 ? text[at - 2] : '\n';
            var after = Context.At(text, at + 2);
            if (Context.IsHangulSyllable(c) && !(Context.IsHangulSyllable(before) || Context.IsAsciiLetter(before) || Context.IsDigit(before))
                && NameGazetteer.SurnameRank(c) == 0 && !s_notOneSyllableNames.Contains(c)
                && (!Context.IsHangulSyllable(after) || s_particles.Contains(after) || after == '한'))
            {
                sink.Add(new PiiFinding(at - 1, at, PiiTypes.Person, 0.6));
            }
        }
    }

    /// <summary>
    /// The whole name of a known foreign person, group or character of the gazetteer (<see cref="NameGazetteer.KnownNameKind"/>:
    /// <c>원더걸스는</c>, <c>바이든 부통령</c>, <c>히스 레저</c>, <c>리처드 기어와</c>, <c>다스베이더가</c>), written as listed or
    /// without its spaces, starting a word and ending in its last word or before a particle there; not a common word nor
    /// one with a particle. The tagger reads the gazetteer as one feature among many and lets well-known names without
    /// context through; a reader knows them. Korean people are left to the tagger: their names are too often everyday
    /// words with an ending (이상이, 지대한, 이동하). Read after the rules and the tagger (the rules' findings end at
    /// <paramref name="rulesEnd"/>): a known name is added where nothing was found, and takes the
    /// place of a tagged span that cuts it (<c>테레사</c> of <c>테레사 수녀</c>) or runs from inside its word over what follows
    /// (<c>아나킨이 다스베이더</c>); a longer name around it stays (<c>토마스 제퍼슨</c>, <c>사담 후세인</c>), and so does a rule's
    /// finding or another identifier.
    /// </summary>
    private static void AddKnownNames(string text, List<PiiFinding> sink, int rulesEnd)
    {
        var span = text.AsSpan();
        for (var a = span.IndexOfAnyInRange('\uAC00', '\uD7A3'); a >= 0; a = Context.IndexOfAnyInRange(span, '\uAC00', '\uD7A3', Context.HangulEnd(text, a)))
        {
            if (a > 0 && (Context.IsAsciiLetter(text[a - 1]) || Context.IsDigit(text[a - 1])))
            {
                continue;
            }

            var end = KnownNameAt(text, a);
            if (end == 0 || EponymAfter(text, end))
            {
                continue;
            }

            var add = true;
            for (var i = 0; i < sink.Count && add; i++)
            {
                var f = sink[i];
                if (f.Start >= end || a >= f.End)
                {
                    continue;
                }

                // A tagged span that cuts the name or runs from inside its word over what follows gives way to it.
                var tagged = i >= rulesEnd && f.Type == PiiTypes.Person;
                var around = f.Start <= a && end <= f.End && !(end < f.End && Context.IsHangulSyllable(text[end]));
                if (tagged && !around)
                {
                    sink.RemoveAt(i--);
                    continue;
                }

                add = false;
            }

            if (add)
            {
                sink.Add(new PiiFinding(a, end, PiiTypes.Person, 0.6));
                a = end - 1;
            }
        }
    }

    // Words that make a name an eponym, no mention of the person (유클리드 거리, 피타고라스 정리, 가우스 분포): mathematics
    // and science, from knowledge.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_eponymHeads = FrozenSet.Create(StringComparer.Ordinal,
        ["거리", "정리", "법칙", "방정식", "공식", "상수", "함수", "분포", "변환", "기하학", "알고리즘", "공간", "급수", "수열", "효과", "부등식", "원리", "역설", "좌표"])
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether the word after a name ending at <paramref name="end"/> makes it an eponym (<c>유클리드 거리를</c>).</summary>
    private static bool EponymAfter(string text, int end)
    {
        if (Context.At(text, end) != ' ' || !Context.IsHangulSyllable(Context.At(text, end + 1)))
        {
            return false;
        }

        var b = Context.HangulEnd(text, end + 1);
        return s_eponymHeads.Contains(text.AsSpan(end + 1, PersonFeatures.StemEnd(text, end + 1, b) - end - 1)) || s_eponymHeads.Contains(text.AsSpan(end + 1, b - end - 1));
    }

    /// <summary>
    /// The end of the longest known name (not a Korean person's) that starts at word start <paramref name="a"/> and runs
    /// over up to four words one space apart, ending in the last word or before a particle there; 0 when there is none.
    /// </summary>
    private static int KnownNameAt(string text, int a)
    {
        var found = 0;
        for (int w = a, words = 0; words < 4 && w < text.Length && Context.IsHangulSyllable(text[w]); words++)
        {
            var b = Context.HangulEnd(text, w);
            if (b < text.Length && (Context.IsAsciiLetter(text[b]) || Context.IsDigit(text[b])))
            {
                break;
            }

            var stemEnd = PersonFeatures.StemEnd(text, w, b);
            foreach (var end in stemEnd < b ? (ReadOnlySpan<int>)[b, stemEnd] : [b])
            {
                var name = text.AsSpan(a, end - a);
                if (name.Length >= 3 && NameGazetteer.KnownNameKind(name) is not (KnownName.None or KnownName.Korean) && !IsInflectedCommonWord(name))
                {
                    found = end;
                    break;
                }
            }

            if (Context.At(text, b) != ' ')
            {
                break;
            }

            w = b + 1;
        }

        return found;
    }

    // One-syllable given names of Vietnamese residents and short English given names as Korean writes them (Quang, Hùng,
    // Thu, Đức, Long, Linh, Lan; Tom, Jack, John, Paul, Bill, Ben, Ken): facts of usage, from knowledge. Not words that
    // are everyday Korean on their own (남 Nam, 빈 Bình, 안 An, 팀 Tim, 짐 Jim; 탄 Thành, a verb: 차를 탄 변호사).
    private static readonly SearchValues<char> s_oneSyllableForeignNames = SearchValues.Create("꽝훙투득롱린란톰잭존폴빌벤켄");

    private static readonly HashSet<string> s_relationsAndKin = new([.. PrivateContext.Relations, .. PrivateContext.Kin], StringComparer.Ordinal);

    /// <summary>
    /// A one-syllable foreign given name of <see cref="s_oneSyllableForeignNames"/> standing alone after a relation or
    /// kinship word (<c>남편 꽝</c>, <c>친구 꽝도</c>) or before a word that says who a person is (<c>훙 반장이</c>, <c>톰
    /// 강사에게</c>), one space between; the name ends its word or takes a particle.
    /// </summary>
    private static void TryOneSyllableForeignNames(string text, List<PiiFinding> sink)
    {
        var span = text.AsSpan();
        for (var at = span.IndexOfAny(s_oneSyllableForeignNames); at >= 0; at = Context.IndexOfAny(span, s_oneSyllableForeignNames, at + 1))
        {
            var before = Context.At(text, at - 1);
            var after = Context.At(text, at + 1);
            if (Context.IsHangulSyllable(before) || Context.IsAsciiLetter(before) || Context.IsDigit(before)
                || Context.IsHangulSyllable(after) && !s_particles.Contains(after))
            {
                continue;
            }

            var relation = false;
            if (before == ' ' && at >= 3 && Context.IsHangulSyllable(text[at - 2]))
            {
                var start = Context.HangulStart(text, at - 1);
                var word = text.AsSpan(start, at - 1 - start);
                relation = s_relationsAndKin.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
            }

            // (After a relation the name ends there: in 남편 존 다윈은 a longer name goes on.)
            if (relation && !(after == ' ' && Context.IsHangulSyllable(Context.At(text, at + 2))) || after == ' ' && PersonWordAt(text, at + 2))
            {
                sink.Add(new PiiFinding(at, at + 1, PiiTypes.Person, 0.6));
            }
        }
    }

    // Words before 쌤 (teacher, in speech) that say what the teacher teaches or is, not who: subjects and offices.
    private static readonly HashSet<string> s_notBeforeSsaem = new(
        ["가정", "국어", "수학", "한문", "미술", "음악", "보건", "과학", "영어", "담임", "상담", "원장", "부장", "교감", "교장", "주임", "책임", "실장", "코치", "사감", "수"],
        StringComparer.Ordinal);

    /// <summary>
    /// A person before 쌤 or 샘, the spoken forms of 선생님 in schools, hospitals and academies (<c>슬기쌤</c>, <c>다연쌤이</c>,
    /// <c>채쌤한테</c>, <c>김슬기쌤</c>, <c>경희 샘</c>): a surname alone (glued to 쌤), a given name of common given-name
    /// syllables (glued or a space apart) or a full name of a Korean name's shape glued to it, which ends its word or takes a
    /// particle; not a subject or an office (<c>영어쌤</c>, <c>담임쌤</c>, <c>수쌤</c> the head nurse).
    /// </summary>
    private static void TrySsaem(string text, List<PiiFinding> sink)
    {
        for (var k = text.AsSpan().IndexOfAny('쌤', '샘'); k >= 0; k = text.AsSpan(k + 1).IndexOfAny('쌤', '샘') is var next and >= 0 ? k + 1 + next : -1)
        {
            var after = Context.At(text, k + 1);
            if (k == 0 || Context.IsHangulSyllable(after) && !s_particles.Contains(after) && after is not ('한' or '께'))
            {
                continue;
            }

            // (샘 is written for 쌤 too, and either may stand a space after a given name: 경희 샘 차 타고 가면.)
            var spaced = text[k - 1] == ' ' && k >= 3 && Context.IsHangulSyllable(text[k - 2]);
            var wordEnd = spaced ? k - 1 : k;
            var start = Context.HangulStart(text, wordEnd);
            var word = text.AsSpan(start, wordEnd - start);
            if (word.IsEmpty || start > 0 && (Context.IsAsciiLetter(text[start - 1]) || Context.IsDigit(text[start - 1])) || s_notBeforeSsaem.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
                || spaced && word.Length != 2)
            {
                continue;
            }

            var person = word.Length switch
            {
                1 => NameGazetteer.SurnameRank(word[0]) > 0 && text[k] == '쌤',
                2 => NameGazetteer.IsGivenSyllable(word[0]) && NameGazetteer.IsGivenSyllable(word[1]) && !NameGazetteer.IsCommonWord(word) && !IsTitleOrRole(word) && !PrivateContext.IsContextWord(word),
                3 or 4 => PersonLayout.KoreanNameShaped(text, start, k) && !NameGazetteer.IsCommonWord(word),
                _ => false,
            };
            if (person)
            {
                sink.Add(new PiiFinding(start, wordEnd, PiiTypes.Person, 0.75));
            }
        }
    }

    /// <summary>
    /// A name before <c>외 N명</c> (and N others), as lists of applicants, attendees and signatories write it (<c>딜쇼드 외
    /// 2명</c>, <c>추하린 외 6분</c>): a Hangul word of two to five syllables standing alone, of a Korean name's shape or a
    /// name word of the gazetteers, no title, role, label or common word (<c>반장 외 1명</c>, <c>지역민 외 2명</c>).
    /// </summary>
    private static void TryNameAndOthers(string text, List<PiiFinding> sink)
    {
        for (var at = text.IndexOf(" 외 ", StringComparison.Ordinal); at > 0; at = text.IndexOf(" 외 ", at + 3, StringComparison.Ordinal))
        {
            var p = at + 3;
            while (Context.IsDigit(Context.At(text, p)))
            {
                p++;
            }

            if (p == at + 3)
            {
                continue;
            }

            // (The count's word may stand apart: 외 2 명.)
            p += Context.At(text, p) == ' ' ? 1 : 0;
            if (Context.At(text, p) is not ('명' or '인' or '분')
                || Context.IsHangulSyllable(Context.At(text, p + 1)) && !s_particles.Contains(text[p + 1]) && text[p + 1] != '이')
            {
                continue;
            }

            var start = Context.HangulStart(text, at);
            var word = text.AsSpan(start, at - start);
            if (word.Length is >= 2 and <= 5 && !(start > 0 && (Context.IsAsciiLetter(text[start - 1]) || Context.IsDigit(text[start - 1])))
                && !IsTitleOrRole(word) && !PrivateContext.IsContextWord(word) && !PrivateContext.IsFieldWord(word) && !IsLabel(word)
                && !NameGazetteer.IsCommonWord(word) && !s_particles.Contains(word[^1])
                && (PersonLayout.KoreanNameShaped(text, start, at) || NameGazetteer.IsResidentName(word) || NameGazetteer.GazetteerKind(word) != 0))
            {
                sink.Add(new PiiFinding(start, at, PiiTypes.Person, 0.7));
            }
        }
    }

    /// <summary>Chat logs: a line that starts with a Korean full name and a colon (<c>김민수: 내일 봐요</c>), not a common word or role noun (<c>위임자:</c>).</summary>
    private static void TryChatSpeakers(string text, List<PiiFinding> sink)
    {
        for (var colon = text.IndexOf(':', StringComparison.Ordinal); colon > 0; colon = text.IndexOf(':', colon + 1))
        {
            var end = Context.At(text, colon - 1) == ' ' ? colon - 1 : colon;
            var start = end;
            while (start > 0 && Context.IsHangulSyllable(text[start - 1]))
            {
                start--;
            }

            var lineStart = start == 0 || text[start - 1] is '\n' or '\r';
            var length = end - start;

            // (A form of address speaks for no one by name: 사장님: 네 어머님~.)
            if (lineStart && length is 3 && !NumberFieldLabel(text, end) && !PrivateContext.IsContextWord(text.AsSpan(start, length))
                && !PrivateContext.IsFieldWord(text.AsSpan(start, length)) && s_surnames.Contains(text[start]) && !s_notNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(start, length))
                && !EndsWithTitle(text.AsSpan(start, length)) && !s_labels.Contains(text[start..end]) && !IsInflectedCommonWord(text.AsSpan(start, length))
                && !IsTitleOrRole(text.AsSpan(start, length)))
            {
                sink.Add(new PiiFinding(start, end, PiiTypes.Person, 0.7));
            }

            if (colon + 1 >= text.Length)
            {
                break;
            }
        }
    }

    /// <summary>
    /// The end of a name in capitals at <paramref name="at"/> as passports write it: two to four words of two to fifteen
    /// capitals split by one space, then the end of the line or a separator (<c>/</c>, <c>,</c>, a tab, a bracket, an arrow);
    /// 0 otherwise.
    /// </summary>
    internal static int CapitalNameEnd(string text, int at)
    {
        // The run of capitals and single spaces, then what a capital name is (PersonLayout.IsCapitalName).
        var end = at;
        while (Context.At(text, end) is >= 'A' and <= 'Z' || end > at && text[end - 1] != ' ' && Context.At(text, end) == ' ' && Context.At(text, end + 1) is >= 'A' and <= 'Z')
        {
            end++;
        }

        var next = Context.At(text, end) == ' ' ? Context.At(text, end + 1) : Context.At(text, end);
        return next is '\0' or '\n' or '\r' or '\t' or '/' or ',' or '(' or ')' or '→' or '|' or '·' && PersonLayout.IsCapitalName(text.AsSpan(at, end - at)) ? end : 0;
    }

    private static void TryLabel(string text, int labelStart, int p, bool loose, bool staff, List<PiiFinding> sink)
    {
        // (A label glued to a handle is the handle's title, no label: Rustam_대리: 형님들 ….)
        if (labelStart > 0 && text[labelStart - 1] == '_')
        {
            return;
        }

        var label = text.AsSpan(labelStart, p - labelStart);
        var colon = false;
        var skipped = 0;
        while (p < text.Length && text[p] is ' ' or ':' or '：' or '\t' && skipped < 4)
        {
            colon |= text[p] is ':' or '：';
            p++;
            skipped++;
        }

        // A form laid out one cell per line (성명\n홍길동): a label alone on its line is followed by its value.
        var cell = false;
        if (skipped == 0 && (labelStart == 0 || text[labelStart - 1] == '\n') && Context.At(text, p) is '\n' or '\r')
        {
            p += Context.At(text, p) == '\r' && Context.At(text, p + 1) == '\n' ? 2 : 1;
            skipped = 1;
            loose = true;
            cell = true;
        }

        if (skipped == 0)
        {
            return;
        }

        // A staff word without a colon is an everyday noun (상담원 교육, 총무 업무): a name after it only when it is a
        // Korean name's shape that ends its line or cell ([사고 접수] 상담원 이루리⏎, 보건교사 임가온⏎).
        if (staff && !colon && !cell)
        {
            if (p + 3 <= text.Length && Context.At(text, p + 3) is '\0' or '\n' or '\r' or '\t' && GivenNameShaped(text, p, p + 3, strict: false))
            {
                sink.Add(new PiiFinding(p, p + 3, PiiTypes.Person, 0.8));
            }

            return;
        }

        // A title between the label and the name (담당자 사무관 이기태, 책임자 과장 정태경) is skipped once.
        foreach (var title in s_titles)
        {
            if (title.Length > 1 && text.AsSpan(p).StartsWith(title, StringComparison.Ordinal) && Context.At(text, p + title.Length) == ' ')
            {
                p += title.Length + 1;
                break;
            }
        }

        var start = p;
        if (label is "성명" or "이름" or "성함" && CapitalNameEnd(text, p) is var capitals and > 0)
        {
            // 성명 AZIZOV NURBEK, 이름: PAN DONGGIL: a name in capitals as a passport writes it, after a name's label.
            sink.Add(new PiiFinding(p, capitals, PiiTypes.Person, 0.85));
            return;
        }

        if (colon && Context.At(text, p) is >= 'A' and <= 'Z')
        {
            // 보낸 사람: Jiwon Ahn <…>: a name in Latin letters after a Korean label.
            TryEnglish(text, labelStart, p, 0.85, sink);
            return;
        }

        if (colon && ScriptProfile.IsHan(Context.At(text, p)))
        {
            // 환자명: 刘雨桐 (LIU YUTONG): a name in Chinese characters after the label, two to four of them and no more.
            var han = p;
            while (han < text.Length && ScriptProfile.IsHan(text[han]) && han - p <= 4)
            {
                han++;
            }

            if (han - p is >= 2 and <= 4 && !Context.IsHangulSyllable(Context.At(text, han)) && !char.IsLetterOrDigit(Context.At(text, han)))
            {
                sink.Add(new PiiFinding(p, han, PiiTypes.Person, 0.85));
            }

            return;
        }

        while (p < text.Length && Context.IsHangulSyllable(text[p]) && p - start < 5)
        {
            p++;
        }

        if (TryResidentName(text, start, colon ? 0.9 : 0.8, sink) || (colon && TryFieldValue(text, start, sink)))
        {
            return;
        }

        var length = p - start;
        if (length is < 2 or > 4 || !s_surnames.Contains(Context.At(text, start)))
        {
            return;
        }

        // After a role word without a colon (환자 정보를, 보호자 동의서) a common noun is as likely as a name: only a name
        // of the usual shape counts (a frequent surname and a given-name syllable, no particle or modifier ending).
        if (loose && !colon && !NameShaped(text, start, length))
        {
            // 임대인 황보람은: the name with its particle left out.
            if (length < 3 || !s_particles.Contains(text[start + length - 1]) || !NameShaped(text, start, length - 1))
            {
                return;
            }

            length--;
        }

        if (length == 4 && !IsCompoundSurname(text, start))
        {
            // A four-syllable word after a label is usually a name plus a particle (홍길동이): keep the name.
            if (!s_particles.Contains(text[start + 3]))
            {
                return;
            }

            length = 3;
        }

        // (Without a colon a common word, or one with its particle, is no value: 이름 공간을 is a namespace.)
        var name = text.AsSpan(start, length);
        // (Nor is a title or a form of address, which a message opens with after its sender: 어머님: 선생님 안녕하세요.)
        if (s_notNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name) || PrivateContext.IsFieldWord(name) || PrivateContext.IsContextWord(name)
            || !colon && IsInflectedCommonWord(name) || IsLabelWithParticle(name) || IsTitleOrRole(name) || TitleEndingLength(name) == name.Length
            || NameGazetteer.IsCommonWord(name) && name[^1] == '님'
            // (Nor a noun with 하다's forms, as a message opens after its sender's title: 과장: 조회해 보니 ….)
            || length == 3 && name[^1] is '해' or '했' or '함' && (NameGazetteer.IsCommonWord(name[..2])
                || name[^1] == '해' && Context.At(text, start + 3) == ' ' && "보봐봤주줘드놓둬야버볼".Contains(Context.At(text, start + 4), StringComparison.Ordinal))
            // (A common word of two syllables that a sentence goes on from is the talk's first word: 주치의: 최근 1주 ….)
            || length == 2 && NameGazetteer.IsCommonWord(name) && Context.At(text, start + 2) == ' ' && (Context.IsHangulSyllable(Context.At(text, start + 3)) || Context.IsDigit(Context.At(text, start + 3))))
        {
            return;
        }

        var score = length == 2 ? (colon ? 0.6 : 0.45) : (colon ? 0.95 : 0.85);
        sink.Add(new PiiFinding(start, start + length, PiiTypes.Person, score));
    }

    /// <summary>A label or field word with a particle (<c>성함이</c>, <c>성명은</c>, <c>연락처가</c>): what a question asks for, no name.</summary>
    private static bool IsLabelWithParticle(ReadOnlySpan<char> word) =>
        word.Length >= 3 && s_particles.Contains(word[^1]) && (IsLabel(word[..^1]) || PrivateContext.IsFieldWord(word[..^1]) || PrivateContext.IsContextWord(word[..^1]));

    /// <summary>
    /// A surname among the 20 most frequent (or a compound surname), then given-name syllables, the word ending in neither
    /// a particle nor a modifier: 구본철, 이말순 and 최수아 but not 정보를, 동의서 or 상태가.
    /// </summary>
    internal static bool NameShaped(string text, int start, int length)
    {
        var compound = IsCompoundSurname(text, start);
        var given = text.AsSpan(start + (compound ? 2 : 1), length - (compound ? 2 : 1));
        var after = Context.At(text, start + length) == ' ' ? Context.At(text, start + length + 1) : Context.At(text, start + length);
        var delimited = after is '(' or ')' or ',' or '/' or '·' or '\t' or '\n' or '\r' or '\0';
        if (given.IsEmpty || !(compound || NameGazetteer.SurnameRank(text[start]) is 1 or 2 || (delimited && NameGazetteer.SurnameRank(text[start]) > 0)))
        {
            return false;
        }

        var givenSyllables = 0;
        foreach (var c in given)
        {
            givenSyllables += NameGazetteer.IsGivenSyllable(c) ? 1 : 0;
        }

        var last = given[^1];
        return (compound || givenSyllables >= (given.Length == 1 ? 1 : given.Length - 1)) && !s_nonNameEndings.Contains(last) && !s_particles.Contains(last);
    }

    /// <summary>
    /// A foreign resident's name after a role or label, family name first as the documents write them (<c>응우옌 티 란</c>,
    /// <c>산토스 마리아</c>): a family name of <see cref="NameGazetteer.ResidentFamilyFirst"/>, then up to three short Hangul
    /// words; a particle on the last word is left out.
    /// </summary>
    private static bool TryResidentName(string text, int start, double score, List<PiiFinding> sink)
    {
        var p = start;
        while (p < text.Length && Context.IsHangulSyllable(text[p]))
        {
            p++;
        }

        if (Array.IndexOf(NameGazetteer.ResidentFamilyFirst, text[start..p]) < 0)
        {
            return false;
        }

        var end = p;
        for (var words = 0; words < 3 && Context.At(text, end) == ' ' && Context.IsHangulSyllable(Context.At(text, end + 1)); words++)
        {
            var q = end + 1;
            while (q < text.Length && Context.IsHangulSyllable(text[q]) && q - end <= 4)
            {
                q++;
            }

            if (q - end - 1 > 3 || Context.IsHangulSyllable(Context.At(text, q)))
            {
                break;
            }

            // The last word may carry a particle (응우옌 티 란의, 응우옌 반 남은): drop it when the word is longer than one syllable.
            end = q - end - 1 > 1 && s_particles.Contains(text[q - 1]) && (Context.At(text, q) != ' ' || words == 2) ? q - 1 : q;
            if (end == q - 1)
            {
                break;
            }
        }

        if (end == p)
        {
            return false;
        }

        sink.Add(new PiiFinding(start, end, PiiTypes.Person, score));
        return true;
    }

    /// <summary>
    /// A given name right before a family name of <see cref="NameGazetteer.ResidentFamilyLast"/> (<c>마리아 산토스</c>): one
    /// Hangul word of two to four syllables, a space, the family name; a particle after the family name is left out.
    /// </summary>
    private static void TryGivenBeforeFamily(string text, int at, int familyLength, List<PiiFinding> sink)
    {
        var end = at + familyLength;
        if (Context.IsHangulSyllable(Context.At(text, end)) && !(s_particles.Contains(text[end]) && !Context.IsHangulSyllable(Context.At(text, end + 1))))
        {
            return;
        }

        if (Context.At(text, at - 1) != ' ')
        {
            return;
        }

        var start = at - 1;
        while (start > 0 && Context.IsHangulSyllable(text[start - 1]) && at - 1 - start < 5)
        {
            start--;
        }

        var given = at - 1 - start;
        if (given is < 2 or > 4 || (start > 0 && Context.IsHangulSyllable(text[start - 1])) || s_particles.Contains(text[at - 2])
            || PrivateContext.IsContextWord(text.AsSpan(start, given)))
        {
            return;
        }

        sink.Add(new PiiFinding(start, end, PiiTypes.Person, 0.8));
    }

    /// <summary>
    /// The whole value of a <c>label: value</c> field (<c>받는 분: 마리아 산토스</c>): one to four Hangul words of at most five
    /// syllables, nothing else before the end of the line or cell.
    /// </summary>
    private static bool TryFieldValue(string text, int start, List<PiiFinding> sink)
    {
        var end = start;
        var words = 0;
        while (end < text.Length && Context.IsHangulSyllable(text[end]))
        {
            var q = end;
            while (q < text.Length && Context.IsHangulSyllable(text[q]))
            {
                q++;
            }

            if (q - end > 5)
            {
                return false;
            }

            words++;
            end = q;
            if (Context.At(text, end) == ' ' && Context.IsHangulSyllable(Context.At(text, end + 1)) && words < 4)
            {
                end++;
                continue;
            }

            break;
        }

        var next = Context.At(text, end);
        for (var q = end; next == ' '; next = Context.At(text, ++q))
        {
        }

        if (words < 2 || !(end == text.Length || next is '\n' or '\r' or '\t' or '/' or '|' or '(' or ','))
        {
            return false;
        }

        // A role or title around a Korean name (전 사업주 도정구, 공익법무관 조경민, 표재석 고객님) is not part of it: a word
        // ending in 님 or 씨, 귀하 or 앞 (of a letter's addressee), or a role word, is cut from the end; before a last word of a Korean name's shape, the rest.
        var (s, e) = (start, end);
        while (e > s)
        {
            var wordStart = text.LastIndexOf(' ', e - 1, e - s) + 1;
            var word = text.AsSpan(Math.Max(wordStart, s), e - Math.Max(wordStart, s));
            if (wordStart <= s || !(word[^1] is '님' or '씨' || word is "귀하" or "앞" || PrivateContext.IsContextWord(word) || IsTitleOrRole(word)))
            {
                break;
            }

            e = wordStart - 1;
        }

        var lastStart = text.LastIndexOf(' ', e - 1, e - s) + 1;
        if (lastStart > s && PersonLayout.KoreanNameShaped(text, lastStart, e))
        {
            s = lastStart;
        }

        if (text.AsSpan(s, e - s).IndexOf(' ') < 0 && !PersonLayout.KoreanNameShaped(text, s, e))
        {
            return e < end;
        }

        // A value of several words is a name when one of its words is a name word of the gazetteer (마리아 산토스, 누르잔
        // 토크타예바): a line of talk after a role is not (고객: 택배가 안 왔어요, 상담원: 확인해 보겠습니다).
        if (text.AsSpan(s, e - s).IndexOf(' ') >= 0 && !HasNameWord(text, s, e))
        {
            return e < end;
        }

        sink.Add(new PiiFinding(s, e, PiiTypes.Person, 0.9));
        return true;
    }

    /// <summary>Whether a word of <c>text[start..end]</c> (its stem for the last) is in the name gazetteer or is a family name of foreign residents.</summary>
    private static bool HasNameWord(string text, int start, int end)
    {
        for (var a = start; a < end;)
        {
            var b = Math.Min(Context.HangulEnd(text, a), end);
            var word = text.AsSpan(a, b - a);
            if (NameGazetteer.GazetteerKind(word) != 0 || NameGazetteer.GazetteerKind(text.AsSpan(a, PersonFeatures.StemEnd(text, a, b) - a)) != 0
                || Array.IndexOf(NameGazetteer.ResidentFamilyFirst, word.ToString()) >= 0 || Array.IndexOf(NameGazetteer.ResidentFamilyLast, word.ToString()) >= 0)
            {
                return true;
            }

            a = b + 1;
        }

        return false;
    }

    // Tagalog's articles of personal names (si, ni, kay and their plurals) and words that only Tagalog text holds, which
    // tell the language; the kin titles that may stand between the article and the name (si Ate Lorna, ni Tita Baby), with
    // the English ones Filipinos use so (si misis Cherry, si Sir Park).
    // General knowledge of Filipino grammar.
    private static readonly string[] s_tagalogArticles = [" si ", " ni ", " kay ", " sina ", " nina ", "Si ", "Ni "];
    private static readonly string[] s_tagalogWords = [" ng ", " ang ", " mga ", " ko ", " po ", " naman ", " lang ", " yung ", " kasi ", " talaga ", " salamat "];
    private static readonly SearchValues<string> s_tagalogWordValues = SearchValues.Create(s_tagalogWords, StringComparison.OrdinalIgnoreCase);
    private static readonly string[] s_tagalogKin = ["Ate ", "Kuya ", "Tita ", "Tito ", "Lola ", "Lolo ", "Mang ", "Aling ", "Manang ", "Manong ", "Misis ", "Mister ", "Sir "];
    private static readonly string[] s_tagalogKinLower = [.. s_tagalogKin.Select(k => k.ToLowerInvariant())];

    /// <summary>
    /// A name after Tagalog's article of personal names, as Filipino writes every person (<c>Si Jun (asawa ko)</c>, <c>Birthday
    /// ni Princess</c>, <c>si Ate Lorna</c>): capitalised words after the article (and a kin title), in a text that holds
    /// other Tagalog words; not a word that names no one (si All, ni Lord) or a place.
    /// </summary>
    private static void TryTagalogPersonMarkers(string text, List<PiiFinding> sink)
    {
        // (Two different Tagalog words tell the language.)
        if (!HoldsTwoOf(text, s_tagalogWords, s_tagalogWordValues, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        foreach (var article in s_tagalogArticles)
        {
            for (var at = text.IndexOf(article, StringComparison.Ordinal); at >= 0; at = text.IndexOf(article, at + 1, StringComparison.Ordinal))
            {
                // (Si or Ni opens a sentence: at the text's or a line's start, after a quote mark, or after a sentence's end
                // or a speaker's colon and a space.)
                var opens = at == 0 || text[at - 1] is '\n' or '"' || text[at - 1] == ' ' && at >= 2 && text[at - 2] is '.' or '!' or '?' or ':';
                if (article[0] != ' ' && !opens)
                {
                    continue;
                }

                var p = at + article.Length;
                foreach (var kin in s_tagalogKin)
                {
                    if (text.AsSpan(p).StartsWith(kin, StringComparison.Ordinal))
                    {
                        p += kin.Length;
                        break;
                    }
                }

                var (words, end) = LatinWords(text, p);
                if (words > 0 && NotAName(text, p, end) < 0 && !IsRomanisedPlaceWord(text.AsSpan(p, end - p)) && !IsCountry(text.AsSpan(p, end - p)))
                {
                    sink.Add(new PiiFinding(p, end, PiiTypes.Person, 0.8));
                }
            }
        }

        // A kin title alone before a name, as Filipinos address each other (salamat ate Weng, kuya Bong magkano?).
        for (var k = 0; k < s_tagalogKin.Length; k++)
        {
            foreach (var title in (ReadOnlySpan<string>)[s_tagalogKin[k], s_tagalogKinLower[k]])
            {
                for (var at = text.IndexOf(title, StringComparison.Ordinal); at >= 0; at = text.IndexOf(title, at + 1, StringComparison.Ordinal))
                {
                    if (at > 0 && (Context.IsLatinLetter(text[at - 1]) || Context.IsDigit(text[at - 1])))
                    {
                        continue;
                    }

                    var p = at + title.Length;
                    var (words, end) = LatinWords(text, p);
                    if (words is 1 or 2 && NotAName(text, p, end) < 0 && !IsRomanisedPlaceWord(text.AsSpan(p, end - p)) && !IsCountry(text.AsSpan(p, end - p))
                        && !Context.IsLatinLetter(Context.At(text, end)))
                    {
                        sink.Add(new PiiFinding(p, end, PiiTypes.Person, 0.75));
                    }
                }
            }
        }

        static bool IsRomanisedPlaceWord(ReadOnlySpan<char> words) => words.IndexOf(' ') < 0 && IsRomanisedPlace(words);
    }

    // Kin words that Nepali, Hindi and Sinhala speakers put after a given name, in their own scripts (रमेश दाइ, राहुल भाई,
    // චමින්ද අයියේ): general knowledge; romanised, they are forms of address after a Latin name (ForeignHonorificAfter).
    // जी is left out: it also says yes (हाँ जी); so is Mongolian's ах: Баярлалаа ах is "thank you, brother".
    private static readonly string[] s_southAsianKin =
        [" दाइ", " भाई", " भाइ", " दीदी", " दिदी", " बहिनी", " भैया", " भाउजु", " අයියා", " අයියේ", " අක්කා", " අක්කේ", " මල්ලි", " නංගි",
            // (Bengali and Urdu: brother, elder sister, sister-in-law.)
            " ভাই", " ভাইয়া", " আপা", " দিদি", " দাদা", " ভাবি", " بھائی", " باجی", " آپا", " بھابھی"];

    // Words of Nepali, Hindi and Sinhala talk that stand before a kin word without being a name (ओके दाइ, धन्यवाद दिदी, हजुर
    // दाइ), in their scripts or romanised; Sinhala's හරි (hari, "all right"): Hari aiya is "OK, brother".
    private static readonly string[] s_assentWords =
    [
        "ओके", "हाँ", "हो", "ठिक", "ठीक", "नमस्ते", "नमस्कार", "धन्यवाद", "अरे", "हजुर", "जी", "मेरो", "तपाईं", "आप", "मेरा", "හරි", "ඔව්",
        "Hari", "Ok", "Okay", "Yes", "No", "Thanks", "Sorry", "Hello", "Hi", "Haan", "Thik", "Theek", "Namaste", "Ayubowan", "Good", "Bro",
        // (Bengali and Urdu: my, your, our, his, elder, younger, yes, thanks, all right, OK, peace, and the language's name.)
        "আমার", "তোমার", "আপনার", "আমাদের", "তার", "ওর", "বড়", "ছোট", "হ্যাঁ", "ধন্যবাদ", "আচ্ছা", "ঠিক", "ওকে", "সালাম", "আসসালাম", "বাংলা",
        "میرے", "میرا", "میری", "تمہارے", "آپ", "ہمارے", "اس", "ان", "بڑے", "چھوٹے", "جی", "شکریہ", "ٹھیک", "ہاں", "اوکے", "سلام",
    ];

    // The same words, found by one search over the text.
    private static readonly System.Buffers.SearchValues<string> s_southAsianKinValues = System.Buffers.SearchValues.Create(s_southAsianKin, StringComparison.Ordinal);

    /// <summary>
    /// A given name before a kin word in an Indic script (<c>रमेश दाइ</c>, <c>राहुल भाई</c>, <c>චමින්ද අයියේ</c>, <c>Bikash
    /// भाइ</c>): the word before it, in that script or one capitalised Latin word, no word of assent (ओके दाइ), is a person.
    /// </summary>
    private static void TrySouthAsianKin(string text, List<PiiFinding> sink)
    {
        for (var at = text.AsSpan().IndexOfAny(s_southAsianKinValues); at >= 0;)
        {
            var kin = 0;
            while (!text.AsSpan(at).StartsWith(s_southAsianKin[kin], StringComparison.Ordinal))
            {
                kin++;
            }

            var after = at + s_southAsianKin[kin].Length;
            if (at > 0 && !(after < text.Length && (char.IsLetter(text[after]) || text[after] is >= '\u0900' and <= '\u0DFF' or >= '\u0620' and <= '\u06D3')))
            {
                // (The word before, in an Indic script, Devanagari to Sinhala, in the Arabic script as Urdu writes it, or a
                // capitalised romanised one: Bikash भाइ, شفیق بھائی.)
                var start = at;
                while (start > 0 && (text[start - 1] is >= '\u0900' and <= '\u0DFF' && text[start - 1] is not ('\u0964' or '\u0965') || text[start - 1] is >= '\u0620' and <= '\u06D3'
                    || Context.IsAsciiLetter(text[start - 1])))
                {
                    start--;
                }

                var word = text.AsSpan(start, at - start);
                var indic = word.Length >= 2 && (!word.ContainsAnyExceptInRange('\u0900', '\u0DFF') || !word.ContainsAnyExceptInRange('\u0620', '\u06D3'));
                var latin = word.Length >= 3 && Context.IsLatinUpper(word[0]) && !word[1..].ContainsAnyExceptInRange('a', 'z');
                // (A polite verb is no name either: Bengali's ends in -েন, কেউ জানেন ভাই? "does anyone know, brother?", and Urdu's
                // in -یں.)
                if ((indic || latin) && !IsAssentWord(word) && (start == 0 || !char.IsLetter(text[start - 1])) && !word.EndsWith("েন") && !word.EndsWith("یں"))
                {
                    sink.Add(new PiiFinding(start, at, PiiTypes.Person, 0.8));
                }
            }

            var next = text.AsSpan(at + 1).IndexOfAny(s_southAsianKinValues);
            at = next < 0 ? -1 : at + 1 + next;
        }
    }

    // Thai words that end a name written glued after พี่ or น้อง, Thai writing no spaces between words: polite and sentence
    // particles, the commonest verbs and prepositions after a name. General Thai, from knowledge.
    private static readonly string[] s_thaiAfterName =
    [
        "ครับ", "คับ", "ค่ะ", "คะ", "ค่า", "นะ", "จ้า", "จ้ะ", "จ๋า", "ด้วย", "มา", "ไป", "ก็", "ว่า", "ที่", "จะ", "ได้", "มี", "เป็น", "ของ", "กับ",
        "และ", "เลย", "แล้ว", "สู้", "ล่ะ", "บอก", "โทร", "ส่ง", "ให้", "อยู่", "ไม่", "เอง", "ทำ", "ช่วย", "เมื่อ", "วัน", "พรุ่งนี้",
    ];

    // Words that follow พี่ or น้อง and are no name: older sister and brother, siblings, the plural's mark, all of you.
    private static readonly string[] s_thaiKinWords = ["สาว", "ชาย", "น้อง", "ๆ", "เขย", "สะใภ้", "ทุกคน", "พี่"];

    /// <summary>
    /// A Thai name glued after the kin word it is called by, พี่ (older) or น้อง (younger): <c>พี่สมชายครับ</c>, <c>ขอบคุณค่ะ
    /// พี่เล็ก</c>. The name runs to a space, a character that is no Thai letter, or a particle or common word after a name
    /// (<see cref="s_thaiAfterName"/>), two to ten letters; พี่สาว, พี่ชาย and พี่น้อง are kin, no name.
    /// </summary>
    private static void TryThaiKin(string text, List<PiiFinding> sink)
    {
        foreach (var kin in (ReadOnlySpan<string>)["พี่", "น้อง"])
        {
            for (var at = text.IndexOf(kin, StringComparison.Ordinal); at >= 0; at = text.IndexOf(kin, at + kin.Length, StringComparison.Ordinal))
            {
                var start = at + kin.Length;
                if (at > 0 && IsThai(text[at - 1]) && !ThaiWordEndsBefore(text, at) || !IsThai(Context.At(text, start)) || PersonLayout.StartsWithAny(text, start, s_thaiKinWords)
                    || PersonLayout.StartsWithAny(text, start, s_thaiAfterName))
                {
                    continue;
                }

                var end = start;
                while (end < text.Length && IsThai(text[end]) && (end == start || !PersonLayout.StartsWithAny(text, end, s_thaiAfterName)) && end - start <= 10)
                {
                    end++;
                }

                // (The vowels and tone marks of a syllable stay with it: ไป may not start inside a word's marks.)
                if (end - start is >= 2 and <= 10 && !IsThaiMark(Context.At(text, end)) && !(end < text.Length && IsThai(text[end]) && !PersonLayout.StartsWithAny(text, end, s_thaiAfterName)))
                {
                    sink.Add(new PiiFinding(start, end, PiiTypes.Person, 0.8));
                }
            }
        }

        static bool IsThai(char c) => c is >= '\u0E01' and <= '\u0E4E';

        static bool IsThaiMark(char c) => c is '\u0E31' or >= '\u0E34' and <= '\u0E3A' or >= '\u0E47' and <= '\u0E4E';

        // (A kin word glued to what comes before is one where a polite word or an everyday word ends there: ขอบคุณพี่…, โอเคค่ะพี่….)
        static bool ThaiWordEndsBefore(string text, int at) =>
            PersonLayout.EndsWithAny(text.AsSpan(0, at), ["ค่ะ", "คะ", "ครับ", "คับ", "ขอบคุณ", "วันเกิด", "ของ", "ให้", "กับ", "ถึง", "นะ", "สู้ๆ", "โทรหา", "บอก", "ถาม"]);
    }

    /// <summary>Whether a word before a kin word says yes, thanks or hello rather than naming someone (<see cref="s_assentWords"/>).</summary>
    private static bool IsAssentWord(ReadOnlySpan<char> word)
    {
        foreach (var w in s_assentWords)
        {
            if (word.SequenceEqual(w))
            {
                return true;
            }
        }

        return false;
    }

    // The same in Myanmar letters, glued to the name: ကို (Ko), မ (Ma), ဒေါ် (Daw), ဦး (U), မောင် (Maung), ညီ (Nyi, a younger
    // man), အစ်ကို and အမ (elder brother, sister). General knowledge of Burmese.
    private static readonly string[] s_burmeseScriptHonorifics = ["အစ်ကို", "ကို", "ဒေါ်", "ဦး", "မောင်", "ညီ", "အမ", "မ"];

    // Particles of Burmese verbs and sentences (ပါ polite, ဘူး negation's end, တယ် and မယ် tense, နဲ့ "with/don't", တို့
    // plural, လား and လဲ questions, ရင် "if", ပြီ "done", သည် formal): a word holding one is no name.
    private static readonly System.Buffers.SearchValues<string> s_burmeseParticleValues = System.Buffers.SearchValues.Create(
        ["ပါ", "ဘူး", "တယ်", "မယ်", "နဲ့", "လား", "လဲ", "ရင်", "ပြီ", "သည်", "နေ", "ချင်", "တို့"], StringComparison.Ordinal);

    // Stems that မ negates (မသိ "not know", မလာ "not come") and words that open with မ (မနက် morning, မနေ့ yesterday).
    private static readonly string[] s_burmeseVerbStems =
        ["နက်", "နေ့", "နှစ်", "လုပ်", "သိ", "ရ", "လာ", "ဟုတ်", "ကြာ", "တတ်", "သွား", "စား", "ရှိ", "တင်", "ပြော", "ကောင်း", "လို", "ဖြစ်", "ပေး", "ယူ"];

    // Burmese honorifics before a given name (Ko Phyo, Ma Thida, Daw Khin, Maung Aye, Mg Mg): general knowledge.
    private static readonly string[] s_burmeseHonorifics = ["Ko ", "Ma ", "Daw ", "Maung ", "Mg "];

    /// <summary>
    /// A romanised Burmese name after its honorific (<c>Ko Phyo</c>, <c>Ma Thida</c>), in a text that holds Myanmar letters
    /// (elsewhere Ko may be a Thai island's word, Ko Samui): the capitalised words after it are a person.
    /// </summary>
    private static void TryBurmeseHonorifics(string text, List<PiiFinding> sink)
    {
        // In Myanmar letters the honorific is glued to the name, which runs to the next space or other script (ကိုဇော်မင်း,
        // မသီတာ, ဒေါ်ခင်မာဝင်း): the name has one to four syllables, opens with a consonant (not a vowel sign: ကိုယ် is
        // "self") and holds no particle of a verb (မတင်ပါနဲ့ is "don't post").
        foreach (var honorific in s_burmeseScriptHonorifics)
        {
            for (var at = text.IndexOf(honorific, StringComparison.Ordinal); at >= 0; at = text.IndexOf(honorific, at + 1, StringComparison.Ordinal))
            {
                if (at > 0 && IsMyanmar(text[at - 1]))
                {
                    continue;
                }

                var (p, end) = (at + honorific.Length, at + honorific.Length);
                while (end < text.Length && IsMyanmar(text[end]))
                {
                    end++;
                }

                var name = text.AsSpan(p, end - p);
                if (name.Length is >= 2 and <= 16 && name[0] is >= '\u1000' and <= '\u102A' && !name.ContainsAny(s_burmeseParticleValues)
                    && !(honorific == "မ" && StartsWithAny(name, s_burmeseVerbStems)))
                {
                    sink.Add(new PiiFinding(p, end, PiiTypes.Person, 0.75));
                }
            }
        }

        static bool IsMyanmar(char c) => c is >= '\u1000' and <= '\u109F';

        static bool StartsWithAny(ReadOnlySpan<char> name, string[] stems)
        {
            foreach (var stem in stems)
            {
                if (name.StartsWith(stem, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var honorific in s_burmeseHonorifics)
        {
            for (var at = text.IndexOf(honorific, StringComparison.Ordinal); at >= 0; at = text.IndexOf(honorific, at + 1, StringComparison.Ordinal))
            {
                if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
                {
                    continue;
                }

                var p = at + honorific.Length;
                var (words, end) = LatinWords(text, p);
                if (words > 0 && NotAName(text, p, end) < 0 && !IsCountry(text.AsSpan(p, end - p)))
                {
                    sink.Add(new PiiFinding(p, end, PiiTypes.Person, 0.8));
                }
            }
        }
    }

    /// <summary>
    /// Capitalised Latin words from <paramref name="p"/> (<c>Jiwon Ahn</c>, <c>O'Neil</c>, <c>Jae-won</c>): at most three, each a
    /// capital and at least one lower-case letter (a hyphen before lower-case letters too, as Korean given names are
    /// romanised), one space apart. Their count and the end of the last.
    /// </summary>
    private static (int Words, int End) LatinWords(string text, int p)
    {
        var (words, end) = (0, p);
        while (words < 3 && Context.IsLatinUpper(Context.At(text, p)))
        {
            var q = p + 1;
            // (An apostrophe inside a name, O'Neil, not the possessive after it: Nguyen's.)
            while (q < text.Length && (Context.IsLatinLower(text[q]) || (text[q] == '\'' && Context.IsAsciiLetter(Context.At(text, q + 1))
                    && !(Context.At(text, q + 1) == 's' && !Context.IsAsciiLetter(Context.At(text, q + 2))))
                || text[q] == '-' && q > p + 1 && Context.IsLatinLower(text[q - 1]) && Context.IsLatinLower(Context.At(text, q + 1))))
            {
                q++;
            }

            if (q - p < 2)
            {
                break;
            }

            (words, end) = (words + 1, q);
            if (Context.At(text, q) != ' ' || !Context.IsLatinUpper(Context.At(text, q + 1)))
            {
                break;
            }

            p = q + 1;
        }

        return (words, end);
    }

    private static void TryEnglish(string text, int labelStart, int p, double score, List<PiiFinding> sink)
    {
        if (labelStart > 0 && Context.IsAsciiLetter(text[labelStart - 1]))
        {
            return;
        }

        var (words, end) = LatinWords(text, p);
        if (words == 0 || words == 1 && Context.At(text, end) == '.' && text.AsSpan(p, end - p) is "Mr" or "Mrs" or "Ms" or "Dr" or "Prof" or "Miss")
        {
            // (Dear Mr. Mori: the form of address is no name; its own label takes the name after it.)
            return;
        }

        sink.Add(new PiiFinding(p, end, PiiTypes.Person, words == 1 ? score - 0.2 : score));
    }

    /// <summary>
    /// A word ending at <paramref name="end"/> that labels a field whose value is a number: a colon, then (after spaces) a
    /// digit (<c>방문일: 2025-06-08</c>, <c>연락처: 010-…</c>).
    /// </summary>
    internal static bool NumberFieldLabel(string text, int end)
    {
        var p = Context.At(text, end) == ' ' ? end + 1 : end;
        if (Context.At(text, p) is not (':' or '：'))
        {
            return false;
        }

        p++;
        while (Context.At(text, p) == ' ')
        {
            p++;
        }

        // A date, a phone number or an amount (2025-06-08, 010-…, 2025년, 500만원), not a chat reply (10시요).
        var digits = 0;
        while (Context.IsDigit(Context.At(text, p + digits)))
        {
            digits++;
        }

        return digits >= 3 || (digits > 0 && Context.At(text, p + digits) is '-' or '.' or '/' or '년');
    }

    /// <summary>Whether a word is a title, a role or a word the person rules know is no name (선배, 감독, 주인공 …).</summary>
    /// <summary>Whether <paramref name="word"/> is one of the labels and roles a name may follow (구매자, 상담사, 보호자).</summary>
    internal static bool IsLabel(ReadOnlySpan<char> word) => s_labelSet.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static readonly HashSet<string> s_labelSet = new(s_labels, StringComparer.Ordinal);

    internal static bool IsTitleOrRole(ReadOnlySpan<char> word) =>
        s_notNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || EndsWithTitle(word) || word is "씨" or "님"
        || word.Length >= 3 && word[^1] == '님' && (s_addressTitleSet.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
            || EndsWithTitle(word[..^1]));

    // The forms of address in 님 (선생님, 어머님, 회원님) and a title with 님 (감독님, 주임님): titles too, not names (학생지원팀 구성태 선생님).
    private static readonly HashSet<string> s_addressTitleSet = new(s_addressTitles.Where(t => t.EndsWith('님')), StringComparer.Ordinal);

    /// <summary>Titles specific enough to accept a two-syllable name before them (이황 선생, 허준 교수).</summary>
    private static bool IsStrongTitle(string title) => title is "교수" or "기자" or "선생" or "의원" or "장관" or "박사" or "변호사";

    private static bool IsCompoundSurname(string text, int start)
    {
        foreach (var c in s_compoundSurnames)
        {
            if (text.AsSpan(start).StartsWith(c, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] s_roles =
    [
        "형사", "검사", "판사", "부모", "지사", "반장", "실장", "소장", "대장", "병장", "중사", "하사", "상사", "경사", "경위", "선배", "후배",
        "형님", "언니", "오빠", "누나", "동생", "아빠", "엄마", "배우", "주연", "조연", "작품",
    ];

    private static bool EndsWithTitle(ReadOnlySpan<char> name) => TitleEndingLength(name) > 0;

    /// <summary>The length of the longest role or title that <paramref name="name"/> ends with (태산코치: 2), or 0.</summary>
    internal static int TitleEndingLength(ReadOnlySpan<char> name)
    {
        var longest = 0;
        foreach (var r in s_roles)
        {
            if (r.Length > longest && name.EndsWith(r, StringComparison.Ordinal))
            {
                longest = r.Length;
            }
        }

        foreach (var t in s_titles)
        {
            if (t.Length >= 2 && t.Length > longest && name.EndsWith(t, StringComparison.Ordinal))
            {
                longest = t.Length;
            }
        }

        return longest;
    }
}
