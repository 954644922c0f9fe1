using System.Buffers;
using Moa.Privacy.Names;
using Moa.Privacy.Recognizers;

namespace Moa.Privacy.Analysis;

/// <summary>
/// Judges whether a person found in a text is in a private context, for the <see cref="PersonPolicy.Private"/> policy.
/// The judgement is a reason carried by the finding. Private: <c>sensitive dataset</c>, <c>anonymised 씨</c> (a surname
/// or initial with 씨/모 씨, the press's form for a private individual), <c>near KR_RRN</c> (another identifier in the same
/// sentence or line), <c>role:환자</c>, <c>label:성명</c>, <c>form field:받는 분</c> (the value of a <c>label:</c> field),
/// <c>signature:드림</c>, <c>contact line</c>. Public (prefixed <see cref="PersonPolicies.PublicPrefix"/>): <c>public:office
/// 사무관</c> (a civil-service rank next to the name, checked before other identifiers so that an official's office line
/// stays public), <c>public:title 장관</c>, <c>public:public life 영화</c> (a word of screen, sport, politics, business or
/// history on the person's line). A person with neither is private (<see cref="NoPublicContext"/>). The rules were changed
/// looking only at the tuning data of the private-context set (tests/Moa.Privacy.Tests/EvalSet/person-private.jsonl).
/// </summary>
public static class PrivateContext
{
    /// <summary>How far (UTF-16 code units) around a name its sentence is looked at.</summary>
    public const int Window = 40;

    /// <summary>Roles of private persons (환자, 신청인, 민원인 …): also what the person rules read a name after.</summary>
    internal static ReadOnlySpan<string> Roles => s_roles;

    /// <summary>Relations right before a name (친구, 남편, 옆집 …): also what the person rules read a name after (남편 한정수).</summary>
    internal static ReadOnlySpan<string> Relations => s_relations;

    /// <summary>Kinship words (엄마, 할머니 …): also what the person rules read a name after (엄마 권다솜).</summary>
    internal static ReadOnlySpan<string> Kin => s_kin;

    /// <summary>Labels of a person's own record (성명, 받는 분 …): also what the person rules read a name after.</summary>
    internal static ReadOnlySpan<string> Labels => s_labels;

    /// <summary>Whether <paramref name="word"/> is one of the judge's roles, labels, relations or kinship words (남편, 변호인 …), not a name.</summary>
    internal static bool IsContextWord(ReadOnlySpan<char> word)
    {
        foreach (var list in (ReadOnlySpan<string[]>)[s_roles, s_labels, s_relations, s_kin, s_publicTitles, s_offices, s_staff])
        {
            foreach (var w in list)
            {
                if (word.SequenceEqual(w))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Roles of private persons in civil complaints, counselling and medical notes, contracts, court papers and deliveries.
    private static readonly string[] s_roles =
    [
        "환자", "보호자", "신청인", "민원인", "피해자", "피의자", "피고인", "피고", "원고", "당사자", "수령인", "수취인", "고객", "상담자",
        "내담자", "의뢰인", "예금주", "계약자", "임차인", "임대인", "세입자", "채무자", "채권자", "진정인", "고소인", "피고소인", "청구인",
        "납세자", "가입자", "신고인", "신고자", "제보자", "참고인", "증인", "수강생", "학부모", "유족", "배우자", "신청자", "지원자", "응시자",
        "수급자", "주민", "간병인", "요양보호사", "질의인", "질의자", "청원인", "진술인", "면회인", "수용자", "피보험자", "수험생", "원생",
        "입소자", "이용자", "세대주", "실종자", "조합원", "집주인", "구매자", "주문자", "탄원인",

        // Parties of contracts, sales and references, and members of residents' and private groups (issue 11, documents).
        "양도인", "양수인", "매도인", "매수인", "상대방", "추천인", "보증인", "연대보증인", "위임인", "수임인", "판매자", "관람객",
        "기탁자", "발제자", "입주자", "동대표", "근로자", "피추천인", "후원자", "기부자", "가맹점주", "피신청인", "피진정인",
        "전대인", "전차인", "조정인", "질문자", "답변자",
    ];

    // Whether a window holds any role at all: one search instead of one per role for the many names near none.
    private static readonly SearchValues<string> s_anyRole = SearchValues.Create(s_roles, StringComparison.Ordinal);

    /// <summary>
    /// Staff and office-bearers named in a record (상담사, 담임교사, 인계자, 총무 …): labels before a name for the person
    /// rules, and words that are not names themselves; they do not by themselves make a person private or public. General
    /// Korean, written from knowledge.
    /// </summary>
    internal static ReadOnlySpan<string> Staff => s_staff;

    private static readonly string[] s_staff =
    [
        "상담사", "상담원", "상담인", "상담교사", "담임교사", "담임", "강사", "조사자", "인계자", "인수자", "방문자", "결재자", "검토자",
        "접수자", "처리자", "관리소장", "총무", "반장", "통장", "이장", "집사", "권사", "동료", "직원", "사업주", "원아", "담당의",
        "주치의", "의뢰의", "간호사", "요양사", "사회복지사", "통역사", "통역인", "작성인", "확인인", "입회인", "참관인", "회원",
        "라이더", "주임신부", "보좌신부", "판독의",
    ];

    // Labels of a record's other fields (contact, dates, amounts, departments): never a name.
    private static readonly string[] s_fieldWords =
    [
        "연락처", "주소", "전화", "휴대폰", "이메일", "생년월일", "방문일", "상담일", "작성일", "신청일", "접수일", "계약일", "입원일", "퇴원일",
        "일시", "장소", "내용", "요지", "사유", "비고", "소속", "직위", "직급", "부서", "금액", "기탁금", "회비", "잔액", "번호", "제목",
        "안건", "결과", "의결", "증상", "진단", "처방", "기간", "시간", "담당", "성별", "나이", "직업", "학년", "반", "국적", "관계", "메모",
        "사건명", "의견", "상호", "소재지", "주소지", "거주지", "상정일", "경위서", "예약서", "계약서", "신청서", "확인서", "진술서", "결제", "상가", "목적물", "약정서",
    ];

    /// <summary>Whether <paramref name="word"/> names a person by a relation (딸, 아동, 생모): a kinship word or a child in a record.</summary>
    /// <summary>
    /// Whether <paramref name="word"/> says who a person is rather than naming one: a role, label, relation, kinship,
    /// title, office or staff word (<see cref="IsContextWord"/>), a family member (<see cref="IsStaffOrKin"/>) or a private
    /// form of address (어르신, 고객님), bare or before one particle (어머님이, 손녀가, 학생은).
    /// </summary>
    internal static bool IsPersonWord(ReadOnlySpan<char> word)
    {
        if (word.Length >= 3 && "은는이가의을를도".Contains(word[^1], StringComparison.Ordinal) && IsPersonWord(word[..^1]))
        {
            return true;
        }

        if (IsContextWord(word) || IsStaffOrKin(word))
        {
            return true;
        }

        foreach (var w in s_privateAddress)
        {
            if (w.Length >= 2 && word.SequenceEqual(w))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsStaffOrKin(ReadOnlySpan<char> word)
    {
        foreach (var w in (ReadOnlySpan<string>)["딸", "아들", "아동", "생모", "생부", "모친", "부친", "자녀", "손자", "손녀", "형제", "자매", "장남", "장녀", "차남", "차녀"])
        {
            if (word.SequenceEqual(w))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="word"/> is the label of a record's field that is not a person (연락처, 방문일, 기탁금) or a
    /// department (편집부, 인사팀, 총무과, 연락처: a three-syllable word ending in 팀, 부, 과, 처 or 청).
    /// </summary>
    internal static bool IsFieldWord(ReadOnlySpan<char> word)
    {
        foreach (var w in s_fieldWords)
        {
            if (word.SequenceEqual(w))
            {
                return true;
            }
        }

        return word.Length == 3 && word[2] is '팀' or '부' or '과' or '처' or '청';
    }

    // Relations right before a name (친구 홍길동, 우리 반 홍길동, 부인 홍길동 씨): a person of someone's private life.
    // A child's place among siblings, as parents write it before the name (general Korean).
    private static readonly string[] s_familyOrder = ["첫째", "둘째", "셋째", "넷째", "막내", "큰애", "작은애", "큰딸", "작은딸", "큰아들", "작은아들"];

    private static readonly string[] s_relations =
    [
        "친구", "지인", "동생", "언니", "오빠", "형", "누나", "남편", "아내", "부인", "딸", "아들", "조카", "이웃", "손자", "손녀", "며느리",
        "사위", "우리 반", "짝꿍", "남자친구", "여자친구", "남친", "여친", "애인", "옆집", "동기", "동료", "사촌", "이모", "고모",
        "삼촌", "외삼촌", "버디", "손주", "외손자", "외손녀", "증손자", "증손녀", "큰아이", "작은아이",

        // Parents and grandparents (함께 온 아버지 류정택(43) 씨는, 어머니 권점례 님): a member of the public named through the
        // family, as the press names a child's or a victim's parents.
        "아버지", "어머니", "엄마", "아빠", "할머니", "할아버지", "외할머니", "외할아버지", "시어머니", "시아버지", "장인", "장모",

        // In-laws (남편 한도윤이랑 시누 한미래가, 형부 차민석).
        "시누", "시누이", "올케", "형부", "처제", "처형", "매형", "매제", "제부", "시동생", "새언니", "동서",

        // Someone's wife as a neighbour or a congregation calls her (할아버지 사모님 연복순 여사님이).
        "사모님",
    ];

    // Second-person words after a name that opens its line (홍길동, 너 어제 …): the name is a vocative in a private message.
    private static readonly string[] s_secondPerson = ["너", "니가", "넌", "당신", "자기"];

    // Labels that introduce a person's own record (forms, minutes, signatures); they count only right before the name.
    private static readonly string[] s_labels =
    [
        "성명", "이름", "성함", "담당자", "작성자", "대표자", "대리인", "받는 사람", "보내는 사람", "받는 분", "서명", "확인자", "입금자명", "입금자",
        "송금인", "받는분", "받는사람", "보낸 사람", "보낸사람", "보내는 분",
    ];

    private static readonly SearchValues<string> s_anyLabel = SearchValues.Create(s_labels, StringComparison.Ordinal);

    // Kinship words right after a name, or after its 학생/씨/님 (홍길동 엄마, 홍길동 학생 어머니, 홍길동 할머니 댁): the name
    // belongs to a family, not to public life.
    private static readonly string[] s_kin = ["엄마", "아빠", "어머니", "아버지", "어머님", "아버님", "할머니", "할아버지", "보호자", "가족"];

    // How people introduce themselves in chats and calls.
    private static readonly string[] s_selfIntroductions = ["저는", "제 이름은", "제 이름", "저"];

    // Contact labels; they count only as labels (followed by ':', a digit or a bracket), not inside a word such as 전화받을때.
    private static readonly string[] s_contact = ["연락처", "전화", "휴대폰", "핸드폰", "주소", "이메일", "E-mail", "email", "Tel", "TEL", "H.P", "HP", "내선"];

    private static readonly SearchValues<string> s_anyContact = SearchValues.Create(s_contact, StringComparison.Ordinal);

    // Letter closings after a signature.
    private static readonly string[] s_closings = ["드림", "올림", "배상"];

    // Civil-service ranks: a name next to one of these is an official acting in office, public even on a contact line.
    private static readonly string[] s_offices =
    [
        "사무관", "주무관", "서기관", "부이사관", "이사관", "연구관", "연구사", "담당관", "정책관", "담당과장", "경사", "경위",
        "경감", "경정", "순경", "부장판사", "경장", "근로감독관", "수사관", "조사관", "집행관",
    ];

    // Titles of public roles: a name followed by one of these, with no private context, is judged public.
    private static readonly string[] s_publicTitles =
    [
        "대통령", "총리", "장관", "차관", "의원", "위원장", "대표", "회장", "사장", "총장", "시장", "지사", "구청장", "군수", "청장",
        "감독", "배우", "가수", "선수", "작가", "기자", "앵커", "교수", "박사", "대변인", "판사", "검사", "변호사", "후보", "전 대표", "구단주", "이사장", "국장", "부회장", "총괄회장", "셰프", "아나운서",
        "국회의원", "시의원", "도의원", "구의원", "군의원", "서장",
    ];

    // Words of public life: a person named in a sentence about a film, a match, an election or a company's leadership is
    // a public figure (or a character) unless the sentence also shows a private context. Written from how Korean news and
    // reviews speak of public figures; measured on the tuning half of the private-context set.
    private static readonly string[] s_publicLifeWords =
    [
        // screen, stage, music, broadcasting, fiction
        "영화", "드라마", "배우", "연기", "출연", "주연", "조연", "배역", "캐릭터", "주인공", "악역", "연출", "개봉", "관객", "흥행", "시청률",
        "방송", "예능", "앨범", "데뷔", "가수", "공연", "콘서트", "뮤지컬", "연극", "아이돌", "걸그룹", "소속사", "뮤직비디오", "컴백", "시상식",
        "원작", "소설", "만화", "애니", "시리즈", "장면", "개그맨", "아나운서", "리포터", "셰프", "스타", "명작", "OST", "작품", "극장",
        "스토리", "줄거리", "결말", "스릴러", "멜로", "액션", "명대사", "대사", "키스신", "1인2역", "평점", "극중", "촬영", "관람", "연기자",
        "엔딩", "캐스팅", "실화", "속편", "시나리오", "각본", "예고편", "방영", "에피소드", "시트콤", "감독",
        "결승", "역전승", "실점", "완투", "선발", "마운드", "타석", "라운드", "골든골", "안타", "수비", "공격권", "강 진출", "러브라인", "하차",
        "별점", "비추",
        // sport
        "선수", "경기", "득점", "시즌", "리그", "구단", "우승", "대표팀", "국가대표", "올림픽", "월드컵", "메달", "홈런", "투수", "타자", "축구",
        "야구", "농구", "배구", "골프", "테니스", "역도", "LPGA", "PGA", "이적", "챔피언",
        // politics and government
        "대통령", "총리", "장관", "국회", "의원", "정당", "여당", "야당", "선거", "후보", "청와대", "정부", "외교", "회담", "취임", "내각",
        "도지사", "주지사", "비서관", "대변인", "총재", "주석", "국왕", "황제", "왕비", "왕자", "공주", "공천", "친박", "비박", "검찰", "기소",
        "인터뷰", "매체", "신문", "기자회견", "언론", "외신",
        // business leadership
        "회장", "부회장", "사장", "대표이사", "CEO", "창업자", "재벌", "그룹", "주주",
        // letters, science, history
        "작가", "소설가", "시인", "저자", "교수", "학자", "조선", "고려", "왕조", "장군", "독립운동",
    ];

    private static readonly WordFinder s_publicLife = new(s_publicLifeWords);

    /// <summary>
    /// Why <paramref name="person"/> is private, or (prefixed <see cref="PersonPolicies.PublicPrefix"/>) why it is judged
    /// public. <paramref name="findings"/> are every finding in the same text (other identifiers make a name private).
    /// </summary>
    public static string Judge(string text, PiiFinding person, IReadOnlyList<PiiFinding> findings, bool sensitive)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(findings);
        if (sensitive)
        {
            return "sensitive dataset";
        }

        if (Anonymised(text, person) is { } suffix)
        {
            return "anonymised " + suffix;
        }

        if (Speaker(text, person) || SpeaksElsewhere(text, person))
        {
            return "chat speaker";
        }

        // A handle of one word with digits (해바라기맘0712, sushi_lover77) names a member of a board or a chat: public figures
        // are not named so (an official account is, @BTS_twt, and an initial's dot is no handle's, W. Dijkstra).
        if (person.End - person.Start >= 3 && text.AsSpan(person.Start, person.End - person.Start) is var handle && handle.IndexOf(' ') < 0
            && handle.ContainsAnyInRange('0', '9') && PersonLayout.IsHandle(handle))
        {
            return "handle";
        }

        var (lo, hi) = Sentence(text, person);
        var before = text.AsSpan(lo, person.Start - lo);
        var after = text.AsSpan(person.End, hi - person.End);
        if (Office(before, after) is { } office)
        {
            // (Officials talking among themselves, in a chat whose speakers carry the title, name colleagues in an internal
            // record, no official document: [09:14] 주무관 용재석: … 정보보호팀 권도윤 주무관한테 물어봤어요.)
            return office == "주무관" && OfficialsChat(text) ? "colleague in an officials' chat" : PersonPolicies.PublicPrefix + "office " + office;
        }

        foreach (var f in findings)
        {
            if (f.Type != PiiTypes.Person && f.End > lo && f.Start < hi)
            {
                return "near " + f.Type;
            }
        }

        var near = after[..Math.Min(after.Length, 12)];
        if (before.ContainsAny(s_anyRole) || near.ContainsAny(s_anyRole))
        {
            foreach (var role in s_roles)
            {
                if (before.Contains(role, StringComparison.Ordinal) || near.Contains(role, StringComparison.Ordinal))
                {
                    return "role:" + role;
                }
            }
        }

        if (before.ContainsAny(s_anyLabel) || after.StartsWith(' '))
        {
            foreach (var label in s_labels)
            {
                if (LabelBefore(before, label) || (after.StartsWith(' ') && after[1..].StartsWith(label, StringComparison.Ordinal)))
                {
                    return "label:" + label;
                }
            }
        }

        if (FormField(text, person) is { } field && !ProfessionAfter(after))
        {
            return "form field:" + field;
        }

        if (LabelAbove(text, person, lo, hi) is { } above)
        {
            return "label:" + above;
        }

        if (PersonLayout.ColumnLabel(text, person.Start) is { } column)
        {
            return "table column:" + column;
        }

        var previousWord = before.TrimEnd(' ');
        foreach (var relation in s_relations)
        {
            if (previousWord.EndsWith(relation, StringComparison.Ordinal) && previousWord.Length < before.Length
                && (previousWord.Length == relation.Length || !char.IsLetter(previousWord[^(relation.Length + 1)])) && !PublicTitleNear(near))
            {
                return "relation:" + relation;
            }

            // (Or the name in brackets glued to the relation: 남편(차건우)이 집에 있을 거예요.)
            if (before.EndsWith("(", StringComparison.Ordinal) && before[..^1].EndsWith(relation, StringComparison.Ordinal)
                && (before.Length - 1 == relation.Length || !char.IsLetter(before[^(relation.Length + 2)])) && !PublicTitleNear(near))
            {
                return "relation:" + relation;
            }
        }

        // (Or a child's place in the family after a possessive, as a parent writes it: 우리 셋째 라온이, 저희 막내 준서가; a
        // story's or a history's 막내 has none.)
        foreach (var order in s_familyOrder)
        {
            if (previousWord.EndsWith(order, StringComparison.Ordinal) && previousWord.Length < before.Length
                && previousWord[..^order.Length].TrimEnd(' ') is var owner && owner.Length < previousWord.Length - order.Length
                && (owner.EndsWith("우리", StringComparison.Ordinal) || owner.EndsWith("저희", StringComparison.Ordinal) || owner.EndsWith(" 제", StringComparison.Ordinal) || owner.EndsWith(" 울", StringComparison.Ordinal))
                && !PublicTitleNear(near))
            {
                return "relation:" + order;
            }
        }

        if (Vocative(text, person, after))
        {
            return "vocative";
        }

        foreach (var intro in s_selfIntroductions)
        {
            if (previousWord.EndsWith(intro, StringComparison.Ordinal) && previousWord.Length < before.Length
                && (previousWord.Length == intro.Length || !char.IsLetter(previousWord[^(intro.Length + 1)])))
            {
                return "self-introduction";
            }
        }

        var next = after.TrimStart(" \t");
        if (next.StartsWith("(서명)", StringComparison.Ordinal) || next.StartsWith("(인)", StringComparison.Ordinal))
        {
            return "signature:" + next[1..next.IndexOf(')')].ToString();
        }

        var kinWindow = next;
        foreach (var between in (ReadOnlySpan<string>)["학생", "씨", "님", "군", "양"])
        {
            if (kinWindow.StartsWith(between, StringComparison.Ordinal))
            {
                kinWindow = kinWindow[between.Length..].TrimStart(' ');
                break;
            }
        }

        foreach (var kin in s_kin)
        {
            if (kinWindow.StartsWith(kin, StringComparison.Ordinal))
            {
                return "family:" + kin;
            }
        }

        if (AgeRecord(next))
        {
            return "age record";
        }

        // The press gives a private person's age in brackets after the name (추말례(84) 할머니는, 편하람(11) 양은); a public
        // figure is named by an office or a fame word, which the age does not displace (오세진(58) 의원, 박도윤(71) 민주당
        // 의원, 배우 한지석(45), 야구선수 구민혁(22)씨, an institution's head: 염상훈(70) 원장은); a Korean name's shape only
        // (호크(37), 머레이(21): world news), or any name where 씨 follows, as the press writes a resident from abroad
        // (비카스 라이(Bikash Rai·34) 씨는).
        if (AgeInBrackets(next) is var aged and > 0 && person.End - person.Start >= 3 && next[aged..].TrimStart(' ') is var rest
            && ((PersonLayout.KoreanNameShaped(text, person.Start, person.End) && !next.StartsWith("(당시", StringComparison.Ordinal)) || rest.StartsWith("씨", StringComparison.Ordinal))
            && !StartsWithOffice(rest)
            && !(rest.IndexOf(' ') is var bodyEnd and > 0 && StartsWithOffice(rest[(bodyEnd + 1)..]))
            && !EndsWithPublicWord(previousWord))
        {
            return "age in brackets";
        }

        foreach (var closing in s_closings)
        {
            if (next.StartsWith(closing, StringComparison.Ordinal))
            {
                return "signature:" + closing;
            }
        }

        if (before.ContainsAny(s_anyContact) || after.ContainsAny(s_anyContact))
        {
            foreach (var word in s_contact)
            {
                if (ContactLabel(before, word) || ContactLabel(after, word))
                {
                    return "contact line";
                }
            }
        }

        if (PrivateAddress(next) is { } address)
        {
            return address;
        }

        if (PrivateHonorific(next) is { } honorific)
        {
            return "honorific:" + honorific;
        }

        var record = IsRecord(findings) || PersonLayout.IsRecordLayout(text) || IsCommunityText(text);
        var titled = next.StartsWith("전 ", StringComparison.Ordinal) || next.StartsWith("前 ", StringComparison.Ordinal) ? next[2..] : next;
        foreach (var title in s_publicTitles)
        {
            if (titled.StartsWith(title, StringComparison.Ordinal) && !LookAlike(titled, 0, title) && !(record && Array.IndexOf(s_officesOfState, title) < 0)
                && !AddressedByTitle(titled, title))
            {
                return PersonPolicies.PublicPrefix + "title " + title;
            }
        }

        // An office of state after the body it serves (윤세라 보건복지부 장관은, 김성훈 국립공원공단 이사장의).
        if (AfterPublicBody(titled) is { } stateOffice)
        {
            return PersonPolicies.PublicPrefix + "title " + stateOffice;
        }

        if (before.TrimEnd(' ').EndsWith("故)", StringComparison.Ordinal) || before.TrimEnd(' ').EndsWith("故", StringComparison.Ordinal))
        {
            return "deceased 故";
        }

        // A record that carries other identifiers (a form, a roster, a log with phone numbers or accounts), or is laid out
        // as one (a table, a form of labelled lines, a transcript), names private persons: words of public life around a
        // name there are the record's own business (촬영 일정, 교수 면담), not a sign that the name is a public figure's.
        // Only a title of state office right after the name (above) still counts.
        // A singer's song or concert, in a record too (아이유 노래 틀어 주세요, 나훈아 콘서트 표): a public figure's work.
        if (FameAfter(next) is { } work)
        {
            return PersonPolicies.PublicPrefix + "public life " + work;
        }

        if (record)
        {
            return FameBefore(previousWord) is { } fame ? PersonPolicies.PublicPrefix + "title " + fame : NoPublicContext;
        }

        var (paragraphStart, paragraphEnd) = Paragraph(text, person);
        return PublicSphere(text.AsSpan(paragraphStart, paragraphEnd - paragraphStart), lo - paragraphStart, hi - paragraphStart) is { } sphere
            ? PersonPolicies.PublicPrefix + "public life " + sphere
            : NoPublicContext;
    }

    /// <summary>
    /// The title is followed by 님: someone addressed by a title of everyday life (태웅 사장님, 김 대표님, 박 교수님), which is
    /// how a chat, a letter or a shop speaks to a private person; the press writes 사장은, 교수는.
    /// </summary>
    private static bool AddressedByTitle(ReadOnlySpan<char> titled, string title) =>
        titled.Length > title.Length && titled[title.Length] == '님' && Array.IndexOf(s_everydayTitles, title) >= 0;

    // Titles of business, a school or a clinic that a private person is addressed by; not those of the screen, the stage,
    // sport or letters, whose fans write 감독님, 작가님, 선수님 to the public figure.
    private static readonly string[] s_everydayTitles = ["사장", "대표", "회장", "부회장", "이사장", "국장", "교수", "박사", "변호사", "원장"];

    // Words of fame written before a name (배우 로버트 다우니 주니어, 국가대표 강태윤 선수, 의병장 박희문 장군): a record that
    // mentions a famous person still names one. General Korean, from knowledge.
    private static readonly string[] s_fame = ["배우", "가수", "국가대표", "장군", "의병장", "소설가", "시인", "화가", "대통령", "개그맨", "아이돌", "문신"];

    /// <summary>The word of fame (<see cref="s_fame"/>) that ends <paramref name="before"/> as a word of its own, or null.</summary>
    private static string? FameBefore(ReadOnlySpan<char> before)
    {
        foreach (var fame in s_fame)
        {
            if (before.EndsWith(fame, StringComparison.Ordinal) && (before.Length == fame.Length || !char.IsLetter(before[^(fame.Length + 1)])))
            {
                return fame;
            }
        }

        return null;
    }

    // A performer's works and events written right after the name (아이유 노래, 김광석의 노래, 나훈아 콘서트, 임영웅 팬미팅): how
    // chats and notes of private persons mention public ones. General Korean, from knowledge.
    private static readonly string[] s_works = ["노래", "신곡", "콘서트", "팬미팅", "사인회", "앨범", "팬클럽"];

    /// <summary>The performer's work (<see cref="s_works"/>) that <paramref name="next"/> opens with, after 의 or not, as a word of its own; or null.</summary>
    private static string? FameAfter(ReadOnlySpan<char> next)
    {
        next = next.StartsWith("의 ", StringComparison.Ordinal) ? next[2..] : next;
        foreach (var work in s_works)
        {
            if (next.StartsWith(work, StringComparison.Ordinal) && (next.Length == work.Length || !char.IsLetter(next[work.Length]) || Person.IsParticle(next[work.Length])
                || next[work.Length..].StartsWith("로", StringComparison.Ordinal)))
            {
                return work;
            }
        }

        return null;
    }

    // Small communities whose own offices and activities a text names (the 회장 of a senior centre, the 감독 of a club's
    // team, a choir's 공연): a text about one of them names its members. General Korean, from knowledge.
    private static readonly SearchValues<string> s_communities = SearchValues.Create(
        ["경로당", "노인회", "부녀회", "동호회", "산악회", "동창회", "반상회", "입주자", "계모임", "조기축구", "봉사단", "자치회", "친목회", "향우회",
         "학부모", "동아리", "학급", "청년부", "구역장", "합창단", "독서회", "사회인 야구", "조합원"], StringComparison.Ordinal);

    /// <summary>
    /// Whether the text names a small community (<see cref="s_communities"/>) and is not written in the press's or an
    /// encyclopedia's plain style: a notice, minutes or a log of the community, whose 회장 and 공연 are its own. An article
    /// that mentions a 산악회 or 봉사단 (민주산악회는 이민우를 회장으로 선출하고) still speaks of public figures.
    /// </summary>
    private static bool IsCommunityText(string text) => text.AsSpan().ContainsAny(s_communities) && !PlainStyle(text);

    /// <summary>Whether at least two sentences end in the plain declarative <c>…다.</c> (했다., 이다.), not <c>…니다.</c>.</summary>
    private static bool PlainStyle(string text)
    {
        var count = 0;
        for (var at = text.IndexOf("다.", StringComparison.Ordinal); at > 0; at = text.IndexOf("다.", at + 2, StringComparison.Ordinal))
        {
            if (text[at - 1] != '니' && ++count >= 2)
            {
                return true;
            }
        }

        return false;
    }

    // Endings of the names of ministries, agencies, public corporations and local governments (보건복지부, 경찰청,
    // 국립공원공단, 서울시, 강남구); general Korean.
    private static readonly string[] s_publicBodyEndings = ["부", "처", "청", "공단", "공사", "위원회", "시", "도", "구", "군", "원"];

    /// <summary>
    /// The office of state (<see cref="s_officesOfState"/>, or 이사장 and 교육감) after one word that names a public body,
    /// at the start of <paramref name="next"/>; null when there is none.
    /// </summary>
    private static string? AfterPublicBody(ReadOnlySpan<char> next)
    {
        var space = next.IndexOf(' ');
        if (space < 2 || space > 12 || !PersonLayout.EndsWithAny(next[..space], s_publicBodyEndings))
        {
            return null;
        }

        var rest = next[(space + 1)..];
        foreach (var office in (ReadOnlySpan<string>)[.. s_officesOfState, "이사장", "교육감"])
        {
            if (rest.StartsWith(office, StringComparison.Ordinal) && (rest.Length == office.Length || !Context.IsHangulSyllable(rest[office.Length]) || Person.IsParticle(rest[office.Length])))
            {
                return office;
            }
        }

        return null;
    }

    // Titles of state office and elected posts: in a record they still make the name public (a 장관 thanked in a tenants'
    // chat); the other titles (교수, 변호사, 대표) there name the record's own parties.
    private static readonly string[] s_officesOfState = ["대통령", "총리", "장관", "차관", "의원", "시장", "지사", "구청장", "군수", "청장", "후보", "대변인", "국회의원", "시의원", "도의원", "구의원", "군의원"];

    /// <summary>
    /// Whether the text is a record: it carries an identifier other than a person or an e-mail address (a news article
    /// signs with its reporter's e-mail; a form, a roster or a log holds phone numbers, accounts, addresses or ID numbers).
    /// </summary>
    private static bool IsRecord(IReadOnlyList<PiiFinding> findings)
    {
        foreach (var f in findings)
        {
            if (f.Type is not (PiiTypes.Person or PiiTypes.Email))
            {
                return true;
            }
        }

        return false;
    }

    // Longer everyday words that hold a word of public life (배우자 is a spouse, 감독관 an exam proctor or a labour
    // inspector, 대의원 a union delegate, 무대감독 a stage manager, 방송부 a school's broadcasting club, 스타트 a start and
    // 스타트업 a start-up, 감사장 a letter of thanks, the 회장 of a market's merchants, a village's women's or elders'
    // association, 부서장 a department's head; 조선소 and 조선업 build ships and 조선족 are Korean-Chinese residents, not the
    // Joseon dynasty; 상하차 and 승하차 load a truck and board a bus, no one leaves a show): a match inside one of them is
    // not that word. (Not 스토리지, storage: 스토리지만 is a story in reviews.) (Not 스타일: reviews that say 강남스타일 are
    // about public figures as a rule, measured on NSMC.)
    private static readonly string[] s_lookAlikes = ["배우자", "감독관", "부감독", "대의원", "선수금", "장관급", "무대감독", "현장감독", "시험감독", "방송부", "안타깝", "안타까", "스타트",
        "감사장", "상인회장", "부녀회장", "노인회장", "부서장", "조선소", "조선업", "조선족", "상하차", "승하차", "지사장",
        // (An apartment's or a school's announcements over its speakers: 안내방송, 교내방송, 구내방송, 방송실.)
        "안내방송", "교내방송", "구내방송", "단지방송", "방송실",
        // (배우 the verb, to learn: 한국어를 배우러 왔다; 경기 the province before a city: 경기 안산에서.)
        "배우러", "배우고", "배우는", "배우며", "배우면", "배우기", "배우던", "배우지", "배우게", "배우니", "배우려", "배우시", "배우셨", "배우겠",
        // (A newspaper read at home is no public life: 신문을 본다, 신문 읽는.)
        "신문을 보", "신문을 읽", "신문 보", "신문 읽",
        "경기도", "경기지역", "경기북부", "경기남부", "경기 안산", "경기 수원", "경기 화성", "경기 평택", "경기 김포", "경기 고양", "경기 성남",
        "경기 용인", "경기 부천", "경기 시흥", "경기 남양주", "경기 의정부", "경기 파주", "경기 광주", "경기 이천", "경기 포천", "경기 안성",
        "경기 오산", "경기 양주", "경기 하남", "경기 구리", "경기 군포", "경기 의왕", "경기 광명", "경기 안양", "경기 여주", "경기 양평", "경기 가평",
        "경기 연천", "경기 동두천", "경기 과천"];

    /// <summary>Whether the public-life <paramref name="word"/> found at <paramref name="at"/> is part of a longer everyday word.</summary>
    private static bool LookAlike(ReadOnlySpan<char> window, int at, string word)
    {
        foreach (var longer in s_lookAlikes)
        {
            var inside = longer.IndexOf(word, StringComparison.Ordinal);
            if (inside >= 0 && at - inside >= 0 && window[(at - inside)..].StartsWith(longer, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The reason of a person with neither private nor public evidence around it. Such a person is private: what
    /// providers hand over (complaints, counselling and medical notes, minutes, contracts) names private individuals far
    /// more often than public ones, and replacing a public person costs a name, while keeping a private one leaks it.
    /// </summary>
    public const string NoPublicContext = "no public context";

    /// <summary>The person's line, up to <see cref="ParagraphReach"/> characters each side: what public life is looked for in.</summary>
    private static (int From, int To) Paragraph(string text, PiiFinding person)
    {
        var from = Math.Max(0, person.Start - ParagraphReach);
        var lineStart = text.LastIndexOf('\n', Math.Max(0, person.Start - 1), person.Start - from);
        from = lineStart >= 0 ? lineStart + 1 : from;
        var to = Math.Min(text.Length, person.End + ParagraphReach);
        var lineEnd = text.IndexOf('\n', person.End, to - person.End);
        return (from, lineEnd >= 0 ? lineEnd : to);
    }

    // Words of public life that are also everyday words of private documents (the 회장 and 감사 of a residents' meeting or a
    // club, a 사장 of a small shop, a 의원 that is a clinic): they count only in the name's own sentence.
    private static readonly string[] s_nearOnly = ["회장", "부회장", "사장", "대표이사", "주주", "의원", "그룹", "CEO"];

    /// <summary>How far (UTF-16 code units) around a name its line is searched for words of public life.</summary>
    public const int ParagraphReach = 200;

    /// <summary>The first word of public life (screen, stage, sport, politics, business, letters, history) in the window, if any.</summary>
    private static string? PublicSphere(ReadOnlySpan<char> window, int sentenceFrom, int sentenceTo)
    {
        for (var at = s_publicLife.Next(window, 0); at >= 0; at = s_publicLife.Next(window, at + 1))
        {
            foreach (var word in s_publicLifeWords)
            {
                if (window[at..].StartsWith(word, StringComparison.Ordinal) && !LookAlike(window, at, word)
                    && !AddressedByTitle(window[at..], word)
                    && (at >= sentenceFrom && at < sentenceTo || Array.IndexOf(s_nearOnly, word) < 0))
                {
                    return word;
                }
            }
        }

        return null;
    }

    // Titles of a profession in public life: a name listed in a form field with one of these after it (참석 위원: 나승윤
    // 변호사, 오동근 의원) is judged by the title, not by the field.
    private static readonly string[] s_professions = ["의원", "교수", "변호사", "장관", "차관", "박사", "기자", "감독", "배우", "선수", "작가", "판사", "검사", "대변인"];

    private static bool ProfessionAfter(ReadOnlySpan<char> after)
    {
        var next = after.TrimStart(' ');
        foreach (var p in s_professions)
        {
            if (next.StartsWith(p, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A public title within the few characters after a name (홍길동 영남제분 회장): a relation word before it does not make it private.</summary>
    private static bool PublicTitleNear(ReadOnlySpan<char> near)
    {
        foreach (var title in s_publicTitles)
        {
            if (near.Contains(title, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name opens its line, then a comma and a second-person word: <c>홍길동, 너 어제 …</c>.</summary>
    private static bool Vocative(string text, PiiFinding person, ReadOnlySpan<char> after)
    {
        if (person.Start > 0 && text[person.Start - 1] != '\n' || !after.StartsWith(",", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = after[1..].TrimStart(' ');
        foreach (var word in s_secondPerson)
        {
            if (rest.StartsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The name speaks on another line of the same transcript (<c>[나리달려] [오후 9:04] …</c> above <c>CP3은 나리달려랑 경수</c>):
    /// a participant of a chat is a private individual wherever the chat names them, whatever the talk is about (a race's
    /// final, a shop's owner).
    /// </summary>
    private static bool SpeaksElsewhere(string text, PiiFinding person)
    {
        var name = text.AsSpan(person.Start, person.End - person.Start);
        if (name.Length < 2)
        {
            return false;
        }

        for (var at = text.AsSpan().IndexOf(name, StringComparison.Ordinal); at >= 0;)
        {
            if (at != person.Start && Speaker(text, new PiiFinding(at, at + name.Length, person.Type, person.Score)))
            {
                return true;
            }

            var next = text.AsSpan(at + name.Length).IndexOf(name, StringComparison.Ordinal);
            at = next < 0 ? -1 : at + name.Length + next;
        }

        return false;
    }

    /// <summary>The name opens its line as the speaker of a transcript: <c>[홍길동] …</c> or <c>홍길동: …</c>.</summary>
    private static bool Speaker(string text, PiiFinding person)
    {
        var lineStart = person.Start == 0 ? 0 : text.LastIndexOf('\n', person.Start - 1) + 1;
        var lead = text.AsSpan(lineStart, person.Start - lineStart).Trim(' ');
        var rest = text.AsSpan(person.End);
        if (lead is "[" && rest.StartsWith("]", StringComparison.Ordinal))
        {
            return true;
        }

        // A time or tag in brackets may open the line (카카오톡 exports: [오후 9:02] 다운: …), a kinship word may follow the name.
        if (lead.Length > 2 && lead[0] == '[' && lead[^1] == ']' && lead.Length <= 24)
        {
            lead = [];
        }

        // The line reader knows the layouts of transcripts and messenger exports (times, dates, channels before the name).
        var lineEnd = text.IndexOf('\n', person.Start);
        return PersonLayout.SpeakerAt(text, lineStart, lineEnd < 0 ? text.Length : lineEnd) is { } s && s.Start == person.Start
            || lead.IsEmpty && rest.StartsWith(":", StringComparison.Ordinal);
    }

    // Forms of address for a private person right after the name (표경자 어르신, 어준상 군, 하지완 산모님): general Korean,
    // written from knowledge. 씨 and 님 are not among them (the press and fans use them for public figures too), nor 형제
    // (코엔 형제), nor an age in brackets before 씨 (개그맨 남희석(44) 씨).
    private static readonly string[] s_privateAddress =
    [
        "어르신", "선배님", "후배님", "산모님", "고객님", "회원님", "어머님", "아버님", "환자분", "보호자님", "학생", "군", "양",
    ];

    // How a person names themselves in a message (구나현입니다, 진보람이에요).
    private static readonly string[] s_selfNaming = ["입니다", "이에요", "예요", "인데요", "이고요"];

    /// <summary>
    /// A private form of address right after the name (<c>어르신</c>, <c>군</c>, <c>산모님</c>) or the name followed by the
    /// copula of a self-introduction (<c>구나현입니다</c>): the reason, or null.
    /// </summary>
    private static string? PrivateAddress(ReadOnlySpan<char> next)
    {
        foreach (var word in s_privateAddress)
        {
            if (next.StartsWith(word, StringComparison.Ordinal) && (next.Length == word.Length || !Context.IsHangulSyllable(next[word.Length])
                || word.Length > 1 && "은는이가의을를과와도께에".Contains(next[word.Length], StringComparison.Ordinal)
                || word.Length == 1 && "은는이가의을를과와도".Contains(next[word.Length], StringComparison.Ordinal) && (next.Length == 2 || !Context.IsHangulSyllable(next[2]))))
            {
                return "address:" + word;
            }
        }

        foreach (var word in s_selfNaming)
        {
            if (next.StartsWith(word, StringComparison.Ordinal))
            {
                return "self-introduction";
            }
        }

        return null;
    }

    // What a member, a customer or an elder of a care home is called right after the name (길하람 회원, 탁분이 어르신): no
    // public figure is. Not 씨 and 님, which the press and reviewers write after actors (배우 김수로 씨, 연걸님), nor 형제
    // and 자매, which name siblings (코엔 형제). General Korean, from knowledge.
    private static readonly string[] s_privateHonorifics = ["회원", "고객님", "회원님", "어르신"];

    /// <summary>A private form of address right after the name, an age in brackets allowed between (<c>길하람 (30) 회원</c>).</summary>
    private static string? PrivateHonorific(ReadOnlySpan<char> next)
    {
        if (next.StartsWith('(') && next.IndexOf(')') is var close and > 1 and <= 5 && !next[1..close].ContainsAnyExceptInRange('0', '9'))
        {
            next = next[(close + 1)..].TrimStart(' ');
        }

        foreach (var word in s_privateHonorifics)
        {
            if (next.StartsWith(word, StringComparison.Ordinal) && (next.Length == word.Length || !Context.IsHangulSyllable(next[word.Length]) || Person.IsParticle(next[word.Length])))
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>
    /// The end of an age in brackets that opens <paramref name="next"/> (<c>(84)</c>: one to three digits alone, or after the
    /// name in its own letters and a middle dot or a comma, <c>(Bikash Rai·34)</c>), or 0.
    /// </summary>
    private static int AgeInBrackets(ReadOnlySpan<char> next)
    {
        if (next.Length > 4 && next[0] == '(' && next[..Math.Min(next.Length, 40)].IndexOf(')') is var close and > 3
            && next[1..close].LastIndexOfAny('·', ',') is var dot and > 0 && next[(dot + 2)..close].TrimStart(' ') is { Length: >= 1 and <= 3 } years
            && !years.ContainsAnyExceptInRange('0', '9') && next[1..(dot + 1)] is var own && Context.IsLatinLetter(own[0]) && LatinName(own))
        {
            return close + 1;
        }

        // (The press writes an age at death or a past event with 당시 and 세: 카순 반다라(당시 27세) 씨; a history names its
        // figures so too, 김경숙(당시 21세)이, so this form counts only before 씨.)
        if (next.StartsWith("(당시 ") && next.Length > 6 && next[4..].IndexOf(')') is var at and >= 1 and <= 4 && next[4..(4 + at)].TrimEnd('세') is { Length: >= 1 and <= 3 } age
            && !age.ContainsAnyExceptInRange('0', '9'))
        {
            return 4 + at + 1;
        }

        var n = 1;
        while (n < next.Length && n <= 3 && char.IsAsciiDigit(next[n]))
        {
            n++;
        }

        return next.Length > 2 && next[0] == '(' && n > 1 && n < next.Length && next[n] == ')' ? n + 1 : 0;
    }

    /// <summary>Whether <paramref name="name"/> holds only Latin letters (with diacritics), spaces, hyphens, apostrophes and dots.</summary>
    private static bool LatinName(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!(Context.IsLatinLetter(c) || c is ' ' or '-' or '\'' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    // Words of public life written before a name, beside the titles and the fame words: a model, a band's member.
    private static readonly string[] s_publicBefore = ["모델", "멤버", "선수", "개그맨", "개그우먼", "방송인", "아나운서", "의사"];

    /// <summary>
    /// Whether the word before a name ends with a public title, a fame word or another word of public life (<c>야구선수</c>,
    /// <c>모델</c>, <c>가수</c>): the age after the name is then a public figure's.
    /// </summary>
    private static bool EndsWithPublicWord(ReadOnlySpan<char> previousWord) =>
        PersonLayout.EndsWithAny(previousWord, s_publicTitles) || PersonLayout.EndsWithAny(previousWord, s_fame)
        || PersonLayout.EndsWithAny(previousWord, s_professions) || PersonLayout.EndsWithAny(previousWord, s_publicBefore);

    // Heads of an institution the press names by the office after the age (염상훈(70) 원장은, 김도성(54) ○○센터 소장은).
    private static readonly string[] s_heads = ["원장", "소장", "센터장", "관장", "교장"];

    /// <summary>Whether <paramref name="next"/> opens with a public title (<see cref="s_publicTitles"/>) or an institution head's office (<see cref="s_heads"/>).</summary>
    private static bool StartsWithOffice(ReadOnlySpan<char> next)
    {
        foreach (var offices in (ReadOnlySpan<string[]>)[s_heads, s_publicTitles])
        {
            foreach (var office in offices)
            {
                if (next.StartsWith(office, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A record's age right after the name: <c>홍길동 님, 만 30세</c>, <c>홍길동(만 30세)</c>.</summary>
    private static bool AgeRecord(ReadOnlySpan<char> next)
    {
        var at = next.IndexOf("만 ", StringComparison.Ordinal);
        if (at < 0 || at > 6)
        {
            return false;
        }

        var digits = next[(at + 2)..];
        var n = 0;
        while (n < digits.Length && char.IsAsciiDigit(digits[n]))
        {
            n++;
        }

        return n is 1 or 2 or 3 && digits[n..].StartsWith("세", StringComparison.Ordinal);
    }

    /// <summary>
    /// A form cell: the name is alone on its line (or its table cell) and the line above is a label such as 성명 or 대리인
    /// (<c>성명\n홍길동</c>, as a reader gives a two-row form table).
    /// </summary>
    private static string? LabelAbove(string text, PiiFinding person, int lo, int hi)
    {
        if (!text.AsSpan(lo, person.Start - lo).Trim(" \t").IsEmpty || !text.AsSpan(person.End, hi - person.End).Trim(" \t").IsEmpty || lo < 2)
        {
            return null;
        }

        var end = text[lo - 1] == '\n' && lo >= 2 && text[lo - 2] == '\r' ? lo - 2 : lo - 1;
        var start = end == 0 ? 0 : text.LastIndexOf('\n', end - 1) + 1;
        var above = text.AsSpan(start, end - start).Trim(" \t:：");
        foreach (var label in s_labels)
        {
            if (above.SequenceEqual(label) || (above.EndsWith(label, StringComparison.Ordinal) && above.Length <= label.Length + 4))
            {
                return label;
            }
        }

        return null;
    }

    /// <summary>
    /// A surname (or a Latin initial) alone, followed by 씨, 군 or 양, possibly with 모 and an age in brackets between
    /// (김모(33)씨, A(57)씨, 김 군), or an initial before a title or another word for a person (A 원사, K기자): how the press
    /// names a private person. Returns the suffix or word found.
    /// </summary>
    private static string? Anonymised(string text, PiiFinding person)
    {
        var name = text.AsSpan(person.Start, person.Length);
        if (name.Length == 2 && name[1] == '모')
        {
            name = name[..1];
        }

        if (name.Length != 1 || !(char.IsAsciiLetterUpper(name[0]) || NameGazetteer.SurnameRank(name[0]) > 0))
        {
            return null;
        }

        if (person.Length == 1 && char.IsAsciiLetterUpper(name[0]) && Person.InitialBeforeTitle(text, person.Start) is { } word)
        {
            // An initial before a word that says who the person is (A 원사, K기자는): no public person is written so.
            return word;
        }

        var rest = text.AsSpan(person.Start + name.Length).TrimStart(' ');
        if (rest.StartsWith("모", StringComparison.Ordinal))
        {
            rest = rest[1..];
        }

        if (rest.StartsWith("(", StringComparison.Ordinal) && rest.IndexOf(')') is > 1 and < 12 and var close && char.IsAsciiDigit(rest[1]))
        {
            rest = rest[(close + 1)..];
        }

        rest = rest.TrimStart(' ');
        foreach (var suffix in (ReadOnlySpan<string>)["씨", "군", "양"])
        {
            if (rest.StartsWith(suffix, StringComparison.Ordinal) && (suffix == "씨" || rest.Length == 1 || !char.IsLetter(rest[1]) || "은는이가의을를과와도에".Contains(rest[1], StringComparison.Ordinal)))
            {
                return suffix;
            }
        }

        return null;
    }

    /// <summary>A civil-service rank right after the name, or right before it with only spaces or tabs between.</summary>
    private static string? Office(ReadOnlySpan<char> before, ReadOnlySpan<char> after)
    {
        var next = after.TrimStart(" \t");
        var previous = before.TrimEnd(" \t");
        foreach (var office in s_offices)
        {
            if (next.StartsWith(office, StringComparison.Ordinal) || (previous.EndsWith(office, StringComparison.Ordinal) && previous.Length < before.Length))
            {
                return office;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a line of the text opens with a speaker who carries the title 주무관, before or after the name, perhaps after
    /// a time in brackets, then a colon or a bracket (<c>[09:14] 주무관 용재석: …</c>, <c>권도윤 주무관: …</c>, <c>[권도윤 주무관]
    /// [오전 9:12] …</c>): officials talking among themselves.
    /// </summary>
    private static bool OfficialsChat(string text)
    {
        for (var at = text.IndexOf("주무관", StringComparison.Ordinal); at >= 0; at = text.IndexOf("주무관", at + 3, StringComparison.Ordinal))
        {
            var lineStart = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
            var p = lineStart;
            while (p < at && text[p] is ' ' or '\t')
            {
                p++;
            }

            // (A time in brackets before the speaker: [09:14], [오전 9:12].)
            if (p < at && text[p] == '[' && text.IndexOf(']', p, at - p) is var close and > 0 && close - p <= 12 && Context.IsDigit(text[close - 1]))
            {
                p = close + 1;
                while (p < at && text[p] == ' ')
                {
                    p++;
                }
            }

            p += p < at && text[p] == '[' ? 1 : 0;

            // (The name before the title, 권도윤 주무관:, or after it, 주무관 용재석:.)
            var (nameStart, nameEnd, end) = (p, p, at + 3);
            if (at == p)
            {
                nameStart = end;
                while (nameStart < text.Length && text[nameStart] == ' ')
                {
                    nameStart++;
                }

                nameEnd = nameStart;
                while (nameEnd < text.Length && Context.IsHangulSyllable(text[nameEnd]))
                {
                    nameEnd++;
                }

                end = nameEnd;
            }
            else
            {
                nameEnd = text.AsSpan(p, at - p).TrimEnd(' ').Length + p;
            }

            if (nameEnd - nameStart is >= 2 and <= 4 && !text.AsSpan(nameStart, nameEnd - nameStart).ContainsAnyExceptInRange('\uAC00', '\uD7A3')
                && Context.At(text, end) is ':' or ']')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The label ends right before the name, with at most a colon, a topic particle and spaces between.</summary>
    private static bool LabelBefore(ReadOnlySpan<char> before, string label)
    {
        var at = before.LastIndexOf(label, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var gap = before[(at + label.Length)..];
        return gap.Length <= 4 && gap.Trim(" \t:：은는이가").IsEmpty;
    }

    /// <summary>A contact word used as a label: followed by a colon, a bracket, a digit or the end of its cell.</summary>
    private static bool ContactLabel(ReadOnlySpan<char> window, string word)
    {
        for (var at = window.IndexOf(word, StringComparison.Ordinal); at >= 0;)
        {
            var rest = window[(at + word.Length)..].TrimStart(' ');
            if (rest.IsEmpty || rest[0] is ':' or '：' or '(' or ')' or '\t' or '☎' || char.IsAsciiDigit(rest[0]))
            {
                return true;
            }

            var next = window[(at + word.Length)..].IndexOf(word, StringComparison.Ordinal);
            at = next < 0 ? -1 : at + word.Length + next;
        }

        return false;
    }

    /// <summary>
    /// The name is the value of a <c>label: value</c> field on its line (<c>받는 분: 홍길동</c>, <c>참석자: 김○○, 홍길동</c>,
    /// <c>(작성: 홍길동, …)</c>): a short label, a colon, then only spaces or earlier list items before the name.
    /// </summary>
    private static string? FormField(string text, PiiFinding person)
    {
        var lineStart = person.Start == 0 ? 0 : text.LastIndexOf('\n', person.Start - 1) + 1;
        var line = text.AsSpan(lineStart, person.Start - lineStart);
        var colon = line.LastIndexOfAny(':', '：');
        if (colon <= 0 || line.Length - colon > 120)
        {
            return null;
        }

        // The value so far: nothing, or earlier items of a list (split by ',', '·' or '/') and at most a short role word
        // before the name (참석자: 회장 정병호, 감사 류경애, 동대표 마성진·탁은영).
        var value = line[(colon + 1)..];
        var lastSeparator = value.LastIndexOfAny(",·/");
        var item = value[(lastSeparator + 1)..].Trim(' ');
        if (value.IndexOfAny(".!?") >= 0 || item.Length > 6 || item.IndexOf(' ') >= 0 || item.ContainsAnyExceptInRange('\uAC00', '\uD7A3')
            || (!item.IsEmpty && "은는이가을를도의에요".Contains(item[^1], StringComparison.Ordinal)))
        {
            return null;
        }

        var label = line[..colon].TrimEnd(' ');
        var from = label.LastIndexOfAny("(\t/[");
        label = label[(from + 1)..].Trim(' ');
        return label.Length is >= 1 and <= 12 && label.IndexOfAny("0123456789") < 0 ? label.ToString() : null;
    }

    /// <summary>
    /// The window around a name that counts as its context: up to <see cref="Window"/> characters each side, cut at a
    /// line break or at the end of a sentence (., ? or ! followed by a space).
    /// </summary>
    private static (int From, int To) Sentence(string text, PiiFinding person)
    {
        var from = Math.Max(0, person.Start - Window);
        for (var i = person.Start - 1; i >= from; i--)
        {
            if (text[i] is '\n' or '\r' || (text[i] is '.' or '?' or '!' && i + 1 < text.Length && text[i + 1] == ' '))
            {
                from = i + 1;
                break;
            }
        }

        var to = Math.Min(text.Length, person.End + Window);
        for (var i = person.End; i < to; i++)
        {
            if (text[i] is '\n' or '\r' || (text[i] is '.' or '?' or '!' && (i + 1 == text.Length || text[i + 1] == ' ')))
            {
                to = i;
                break;
            }
        }

        return (from, to);
    }
}
