using Moa.Privacy.Analysis;
using Moa.Privacy.Names;
using Moa.Privacy.Recognizers;

namespace Moa.Privacy.Tests.Recognizers;

/// <summary>
/// The document-level person passes (<c>PersonLayout</c>) and the rules of issue 11's documents round: names in tables,
/// transcripts, lists, repeated by given name, after staff labels and titles; and what they must leave alone. The names
/// and texts are written for these tests.
/// </summary>
public class PersonLayoutTests
{
    private static string[] Persons(string text, PersonPolicy policy = PersonPolicy.All) =>
        [.. new PiiAnalyzer([PiiTypes.Person], 0.5, policy).Analyze(text).Select(f => text[f.Start..f.End])];

    // What the context rules alone find (Person.ScanRules), without the tagger.
    private static string[] RuleSpans(string text)
    {
        var sink = new List<PiiFinding>();
        Person.ScanRules(text, sink);
        return [.. sink.Select(f => text[f.Start..f.End])];
    }

    private static string Reason(string text, string name)
    {
        var finding = PiiAnalyzer.Default.Analyze(text).First(f => f.Type == PiiTypes.Person && text[f.Start..f.End] == name);
        return finding.Reason!;
    }

    [Theory]
    [InlineData("번호\t성명\t연락처\t비고\n1\t위성희\t010-2345-6789\t보청기\n2\t탁민철\t010-3456-7890", "위성희", "탁민철")]
    [InlineData("참석자: 회장 위성희, 총무 탁민철, 위원 변상훈·염지현\n안건: 주차장 보수", "탁민철", "염지현")]
    [InlineData("[오후 2:01] 나은: 어디야?\n[오후 2:02] 솔이: 집이야\n[오후 2:03] 나은: 알았어 갈게\n[오후 2:04] 솔이: ㅇㅋ", "나은", "솔이")]
    [InlineData("상담 기록\n내담자: 고은비 (여, 24세)\n은비 씨는 최근 잠을 못 잔다고 했다.", "고은비", "은비")]
    [InlineData("보낸 사람: Minji Park <minji@example.com>\n제목: 휴가 신청", "Minji Park", "Minji Park")]
    [InlineData("도영미 회원님, 예약이 확인되었습니다. 담당 강사: 변상훈", "도영미", "변상훈")]
    [InlineData("회사: ○○상사 (대표 채동국)\n업종: 도소매", "채동국", "채동국")]
    // In a record's layout a confident name's given name is repeated even off the common-syllable list (후).
    [InlineData("| 반 | 원아 | 특이 |\n| 해님 | 윤서후 | 우유 |\n서후 어린이는 오늘 낮잠을 잘 잤어요.", "윤서후", "서후")]
    public void Document_NamesInLayout_AreFound(string text, string first, string second)
    {
        var found = Persons(text);
        found.ShouldContain(first);
        found.ShouldContain(second);
    }

    [Theory]
    [InlineData("방문일: 2025-06-08\n상담일: 2025-06-09\n연락처: 010-2345-6789")]
    [InlineData("모듈: :mod:`logging`\n설명: 로깅 설정을 다룹니다.\n함수 목록은 아래와 같습니다.\n예제는 다음 절에 있습니다.")]
    [InlineData("기탁금: 500만원\n편집부: 3층")]
    public void FieldLabels_AreNotNames(string text) => Persons(text).ShouldBeEmpty();

    [Fact]
    public void Lists_Repeats_AndTitles_LeaveOtherWordsAlone()
    {
        // A title inside a longer word (국가대표) is no label; the other items of the list are no names.
        Persons("장미란 제2차관, 진천 국가대표 선수촌, 이천 선수촌 방문").ShouldNotContain("선수촌");

        // Outside a record's layout a given name off the common-syllable list is not repeated (장타율 … 타율).
        Persons("그해 장타율 0.612를 기록했다. 타율 역시 리그 2위였다.").ShouldNotContain("타율");

        // A given name inside another word is not a mention (은비녀).
        Persons("고은비 씨가 왔다. 은비녀를 샀다고 했다.").ShouldNotContain("은비");

        // A transcript: at least half of the lines open with a speaker; label lines in a manual's prose do not make one.
        Persons("설명: 주석과 같은 어휘 이벤트\n이 처리기는 선택 사항입니다.\n다음 표는 기능 목록입니다.\n각 기능은 아래에 설명합니다.\n설명: 표기법\n끝.").ShouldNotContain("설명");
    }

    [Theory]
    [InlineData("참석자: 회장 위성희, 감사 탁민철, 동대표 변상훈·염지현", "탁민철", "role:동대표")]
    [InlineData("참석자: 회장 위성희, 감사 탁민철, 동대표 변상훈·염지현", "위성희", "form field:참석자")]
    [InlineData("출석부\n번호\t성명\t비고\n1\t위성희\t결석\n2\t탁민철\t", "위성희", "table column:성명")]
    [InlineData("[오후 2:01] 위성희: 내일 몇 시?\n[오후 2:02] 탁민철: 열 시", "위성희", "chat speaker")]
    [InlineData("— 실관람객 위성희 님의 후기", "위성희", "role:관람객")]
    [InlineData("우리 과 동기 위성희 평점임 ㅋㅋ 영화 좋았다", "위성희", "relation:동기")]
    public void Judge_DocumentLayouts_ArePrivate(string text, string name, string reason) => Reason(text, name).ShouldBe(reason);

    [Theory]
    [InlineData("방문 결과 아동(탁서윤, 7세)은 건강 상태가 양호했다.", "탁서윤")]
    [InlineData("보호자인 딸(위은정)에게 결과를 알렸다.", "위은정")]
    [InlineData("동거인: 할머니(염순자·모)와 둘이 산다.", "염순자")]
    public void Brackets_NameOfTheWordBefore_IsFound(string text, string name) => Persons(text).ShouldContain(name);

    [Theory]
    [InlineData("회의실(대회의실)에서 열린다.")]
    [InlineData("서울(강남구, 서초구) 지역에 한한다.")]
    [InlineData("자료(한국은행)에 따르면 그렇다.")]
    [InlineData("딸기(국산)를 샀다.")]
    public void Brackets_WithoutRoleOrAge_AreNotNames(string text) => Persons(text).ShouldBeEmpty();

    [Theory]
    [InlineData("2025. 3. 9. 근무자: 탁동술\n22:10 순찰", "탁동술")]
    [InlineData("투약의뢰서\n원아명: 제갈우주 (햇님반)\n증상: 콧물", "제갈우주")]
    [InlineData("빈소: 2호실\n상주: 위보람\n연락처: 010-2345-6789", "위보람")]
    [InlineData("출석요구서\n수신인: 남궁재인 귀하", "남궁재인")]
    [InlineData("봉사 참가자: 염소망, 위기쁨, 탁아름 (이상 3명)", "위기쁨")]
    [InlineData("참석: 도하나·변가람·탁승철 (3인)", "탁승철")]
    public void PersonLabelledField_AndItsList_AreNames(string text, string name) => Persons(text).ShouldContain(name);

    [Theory]
    [InlineData("[단톡] 친구들\n오후 9:12 꽁치: 내일 몇 시?\n오후 9:13 솔이: 일곱 시\n오후 9:15 꽁치: ㅇㅋ\n오후 9:16 솔이: 굿", "꽁치", "솔이")]
    [InlineData("상담사 보미: 안녕하세요\n고객 탁세라: 물건이 안 왔어요\n상담사 보미: 확인해 볼게요\n고객 탁세라: 네", "보미", "탁세라")]
    [InlineData("판매자 너구리\n구매자 찬호: 책상 있나요?\n판매자 너구리: 네\n구매자 찬호: 입금할게요", "찬호", "찬호")]
    // A messenger's export on a computer: the speaker in brackets before the time, a title after the name left out.
    [InlineData("[권하늘] [오후 9:48] 1차 412,000원 나왔어요\n[석민재 대리] [오후 9:50] 입금했습니다\n[권하늘] [오후 9:51] 감사해요\n[석민재 대리] [오후 9:52] 넵", "권하늘", "석민재")]
    [InlineData("[밤톨이] [오전 7:02] 출첵\n[솔방울] [오전 7:05] 출첵\n[밤톨이] [오전 7:08] 오늘 9시 맞죠?\n[솔방울] [오전 7:10] ㅇㅇ", "밤톨이", "솔방울")]
    // A handle of five or six syllables speaks like a name; a given name that speaks once answers a speaker of several lines.
    [InlineData("판매자 뭉게구름이\n구매자 하람: 책상 있나요?\n판매자 뭉게구름이: 네 있어요\n구매자 하람: 입금할게요\n판매자 뭉게구름이: 네", "뭉게구름이", "하람")]
    [InlineData("소윤: 오늘 몇 시에 봐?\n소윤: 나 7시 가능\n지혁: ㅇㅇ 나도\n소윤: 그럼 홍대", "소윤", "지혁")]
    // A phone's export (date, time, comma, display name, " : "): a handle that speaks once is a person, and so is its every
    // other occurrence; a title and a company after the name are left out.
    [InlineData("2025. 3. 4. 오후 7:01, 별빛산책 : 내일 모임 몇 시예요?\n2025. 3. 4. 오후 7:03, 감자탕러버 : 일곱 시요 별빛산책님", "별빛산책", "감자탕러버")]
    [InlineData("2025년 3월 4일 오전 8:10, 편도윤 과장(○○물류) : 오늘 출고 건 확인 부탁드려요\n오전 8:12, 노을빛바다 : 네 과장님", "편도윤", "노을빛바다")]
    // A chat copied from an app keeps the speakers in brackets before the talk; a comment's reply mark may open a line.
    [InlineData("[솜사탕구름] 안녕하세요 책상 아직 있나요?\n[마포 석태윤 실장] 네 있습니다\n[솜사탕구름] 내일 가지러 갈게요\n[마포 석태윤 실장] 네 오세요", "솜사탕구름", "석태윤")]
    [InlineData("질문 있어요 유모차 어디서 사셨어요?\n└ 포도알맘 : 저는 중고로요\n└ 댓글 하루살이 : 저도요", "포도알맘", "하루살이")]
    // Handles in Latin letters make a conversation of their own; a staff word glued after a given name is left out.
    [InlineData("mori.han: 토요일 2시 되나요?\nlash_by_ara: 3시만 돼요\nmori.han: 그럼 3시요\nlash_by_ara: 네 예약됐어요", "mori.han", "lash_by_ara")]
    [InlineData("지안맘: 오늘 회비 걷어요\n미숙회장: 네 제가 걷을게요\n지안맘: 감사해요\n미숙회장: 내일까지요", "지안맘", "미숙")]
    public void Transcript_SpeakersAfterATimeOrARole_AreFound(string text, string first, string second)
    {
        var found = Persons(text);
        found.ShouldContain(first);
        found.ShouldContain(second);
    }

    [Fact]
    public void Transcript_OnceSpokenWordsAndLongLabels_AreNoNames()
    {
        // A word that opens one line only is no speaker unless it is a given name's; a long word that opens lines with no
        // speaker of a name's length beside it is a label.
        Persons("소윤: 오늘 몇 시에 봐?\n소윤: 나 7시 가능\n결론: 7시\n소윤: 그럼 홍대").ShouldNotContain("결론");
        Persons("민원처리결과: 완료\n민원처리결과: 보류\n진행상황메모: 검토 중").ShouldBeEmpty();
        Persons("[안내] [오전 9:00] 서버 점검\n[알림] [오전 9:30] 점검 완료\n[안내] [오전 10:00] 재시작").ShouldBeEmpty();

        // Notices and an office's own lines tag themselves in brackets the way a copied chat names its speakers.
        Persons("[공지] 이번 주 휴관\n[안내] 주차장 공사\n[공지] 다음 주 개관").ShouldBeEmpty();
        Persons("[선생님] 내일 소풍 도시락 챙겨 주세요\n[선생님] 우천 시 연기합니다").ShouldBeEmpty();
        Persons("[상담] 무엇을 도와드릴까요?\n[상담] 확인해 드릴게요").ShouldBeEmpty();
        Persons("[한빛치과] 내일 오후 3시 예약입니다\n[한빛치과] 변경은 전화 주세요").ShouldBeEmpty();
        Persons("[공지사항] 오후 9:00, 운영진 : 점검합니다").ShouldBeEmpty();
        Persons("[2023년생 엄마아빠들] 오픈채팅\n지안맘: 안녕하세요\n도윤맘: 반가워요\n지안맘: 네").ShouldNotContain("엄마아빠들");
        Persons("Usage: moa scan FILE\nUsage: moa redact FILE\nOptions: --types").ShouldBeEmpty();
    }

    [Theory]
    // A handle right before a confident name in brackets stands for that person wherever it occurs.
    [InlineData("보낸 사람: 햇살고양이 (이서진)\n받는 사람: 윤보람\n내일 10시에 찾으러 갈게요.\n---\n보낸 사람: 햇살고양이 (이서진)", "햇살고양이")]
    [InlineData("#공지 | 길드마스터 붉은달(석민호)\n이번 정모는 붉은달이 진행합니다.", "붉은달")]
    // A handle that speaks in a conversation stands for its speaker where the talk names it too.
    [InlineData("솜뭉치: 오늘 모임 와요?\n바다거북: 네 가요\n솜뭉치: 바다거북님 우산 챙기세요\n바다거북: 고마워요 솜뭉치님", "바다거북")]
    public void Alias_BeforeANameInBrackets_IsAName(string text, string alias)
    {
        Persons(text).Count(p => p == alias).ShouldBe(text.Split(alias).Length - 1);
    }

    [Theory]
    // Role nouns of forms (위임자, 동승자) and common words in a table's cells (정수기) are no names, and a common word the
    // tagger took for a name seeds no repeats of itself (유효성 … 유효성).
    [InlineData("[위임장]\n위임자: 편옥분  (인)\n대리인: 편재석 (위임자와의 관계: 장남)", "위임자", "편옥분")]
    [InlineData("요일\t시간\t고객\t제품\n월\t10:00\t천말순\t정수기\n화\t11:00\t마윤석\t비데\n수\t15:30\t공새롬\t정수기", "정수기", "천말순")]
    [InlineData("사고 경위: 운전자 하서진, 동승자 남궁혜원 모두 경상.", "동승자", "하서진")]
    public void RoleNounsAndCommonWordsInCells_AreNoNames(string text, string word, string name)
    {
        var found = Persons(text);
        found.ShouldNotContain(word);
        found.ShouldContain(name);
    }

    [Theory]
    // Relations, roles, common words and organisations before a name in brackets are not handles.
    [InlineData("식탁은 외할머니(황정란) 댁으로 보내 주세요.", "외할머니")]
    [InlineData("안 되면 1층 편의점 사장님(윤상구)께 맡겨주세요.", "사장님")]
    [InlineData("코디네이터 메모(탁유나): 하율 학생은 적응 중.", "메모")]
    [InlineData("사업 주관: 푸른숲환경연대(소재원)", "푸른숲환경연대")]
    [InlineData("막내 (윤소율): 나 채온이랑 갈게", "막내")]
    public void Alias_RelationsRolesAndOrganisations_AreNoNames(string text, string word) => Persons(text).ShouldNotContain(word);

    [Fact]
    public void Transcript_ClockTimesAndRoleLines_WithoutSpeakers_AreNoNames()
    {
        Persons("09:00 개회\n09:10 안건: 예산\n10:00 폐회").ShouldBeEmpty();
        Persons("상담사 안내: 09:00부터\n고객 문의: 010-2345-6789").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("내담자: Rahim Uddin (라힘 우딘), 방글라데시", "Rahim Uddin", "라힘 우딘")]
    [InlineData("2. 임차인 Daniel Okafor는 잔금일 전까지", "Daniel Okafor", "Daniel Okafor")]
    [InlineData("동료 Sohel Mia도 같은 상황이다.", "Sohel Mia", "Sohel Mia")]
    [InlineData("담당 수의사: 진한울\n메모: 보호자 연락", "진한울", "진한울")]
    [InlineData("담당 트레이너: 표강산   결제: 30회", "표강산", "표강산")]
    public void LatinNamesAndPersonCells_AreFound(string text, string first, string second)
    {
        var found = Persons(text);
        found.ShouldContain(first);
        found.ShouldContain(second);
    }

    [Theory]
    [InlineData("설치는 Python Software Foundation 문서를 따릅니다.")]
    [InlineData("모듈 Data Loader (데이터 로더) 설명")]
    [InlineData("Machine Learning (머신 러닝) 입문, 2판")]
    [InlineData("검사: 혈액검사 (공복)\n회사: 한빛상사")]
    public void LatinWordsAndNonPersonCells_AreNoNames(string text) => Persons(text).ShouldBeEmpty();

    [Theory]
    [InlineData("같은 반 친구 B군과 C군에게 폭행을 당했다.", "B", "C")]
    [InlineData("검찰에 송치된 A(27·여)씨는 최근 죽은 B(3)군 외에", "A", "B")]
    public void Initials_WithAnAgeOrAnHonorific_AreFound(string text, string first, string second)
    {
        var found = Persons(text);
        found.ShouldContain(first);
        found.ShouldContain(second);
    }

    [Theory]
    [InlineData("서울 강남구와 경기 양평군에서 열린다.")]
    [InlineData("PLAN B(2024)안과 A4 용지 50장")]
    public void CountyAndArmyWords_AreNoInitials(string text) => Persons(text).ShouldBeEmpty();

    [Theory]
    [InlineData("안녕하세요. ○○동 주민 탁우주입니다 (010-2345-6789)", "탁우주")]
    [InlineData("[게시판] 105동 1402호 위서진입니다. 층간소음 관련 말씀드립니다.", "위서진")]
    [InlineData("쌤 저 염슬아예요 오늘 못 가요", "염슬아")]
    public void SelfIntroduction_IsAName(string text, string name) => Persons(text).ShouldContain(name);

    [Theory]
    // A name's shape standing alone right before a person's identifier (a room number may stand between) is a name; a
    // place or office word before a number is not (the analyzer with every type on, as curation runs it).
    [InlineData("수강생 명단\n1. 길미령 105-303   010-4877-5980\n2. 표은지 105-1102  010-2222-3333", "길미령", true)]
    [InlineData("품목\t시간\t담당\t연락처\n포장\t09:00\t탁미령\t010 6767 0678", "탁미령", true)]
    [InlineData("문의: 구청 민원실 02-2133-4567", "민원실", false)]
    [InlineData("사무실 02-2133-4567 / 휴대폰 010-2222-3333", "사무실", false)]
    public void NameBeforeAnIdentifier_IsAName(string text, string word, bool person) =>
        new PiiAnalyzer(PiiTypes.All, 0.5, PersonPolicy.All).Analyze(text).Where(f => f.Type == PiiTypes.Person)
            .Select(f => text[f.Start..f.End]).Contains(word).ShouldBe(person);

    [Theory]
    // A given name called by name: 아 after a closed syllable anywhere, 야 after an open one at a line's or quotation's start.
    [InlineData("현관에서 \"도훈아 얼른 타\"라고 부르는 소리가 났다.", "도훈")]
    [InlineData("[문자] 아빠\n예솔아 저녁은 먹었니", "예솔")]
    [InlineData("그 남자는 \"재우야\" 하고 불렀다.", "재우")]
    public void Vocative_GivenName_IsAName(string text, string name) => Persons(text).ShouldContain(name);

    [Theory]
    // The casual copula 야 inside a sentence, full names that end in 아 after a frequent surname, and common words called
    // like a person (친구야, 기형아) are no vocatives of a given name.
    [InlineData("이번 건 진짜 최고의 수작이야 정말", "수작")]
    [InlineData("올해 최고의 영화는 이 영화야 진짜", "영화")]
    [InlineData("윤승아 정말 예쁘다", "윤승")]
    [InlineData("친구야 고마워", "친구")]
    [InlineData("그의 기형아 아들은", "기형")]
    public void Vocative_CopulaFullNamesAndCommonWords_AreNoGivenNames(string text, string word) => Persons(text).ShouldNotContain(word);

    [Theory]
    // Everyday words before a title (반 class, 두 two) are no lone surnames.
    [InlineData("반 선생님께 여쭤보세요.", "반")]
    [InlineData("두 어르신께서 오셨다.", "두")]
    public void RareSurnames_WithoutAnHonorificTitle_AreNoPersons(string text, string word) => Persons(text).ShouldNotContain(word);

    // A surname alone before a title is a person, as the KLUE guideline tags it (최 비서는, 채 총장은); the tagger trained
    // with the planted documents finds it where the rules did not.
    [Fact]
    public void Surname_BeforeATitle_IsAPerson() => Persons("심 소장 체제로 바뀌었다.").ShouldContain("심");

    [Theory]
    // A one-syllable given name before 씨, as Korean writes many residents' names from Vietnam, Thailand or China.
    [InlineData("- 뚜언 씨 동생 훙 씨가 이번 주부터 같이 일함.", "훙", true)]
    [InlineData("통역은 같은 공장 친구 꽝 씨도 도와주기로 했다.", "꽝", true)]
    // Demonstratives, numerals, seeds and the halves of words in 씨 written apart are no names.
    [InlineData("그 씨가 싹을 틔웠다. 꽃 씨도 뿌렸다.", "꽃", false)]
    [InlineData("글 씨가 너무 작아요. 날 씨도 춥고.", "글", false)]
    [InlineData("두 씨앗을 심었다. 세 씨족이 모였다.", "두", false)]
    public void OneSyllableGivenName_BeforeSsi(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    [Theory]
    // Rarer surnames (옹, 궉, 견, 빙, 라) in a name's slot; words that start with the syllable of a surname left out of the
    // rules' list (계약금, 창씨 개명) stay words.
    [InlineData("[신청서]\n성명: 옹태식  생년월일 1957. 3. 2.\n보호자: 옹미선(딸)", "옹태식", true)]
    [InlineData("번호\t성명\t연락처\n1\t궉민호\t010-2345-6789\n2\t견다솜\t010-3456-7890", "궉민호", true)]
    [InlineData("계약일: 2025. 3. 2.\n계약금: 2,000,000원\n잔금: 18,000,000원", "계약금", false)]
    [InlineData("창씨 개명의 역사를 다룬 책이다.", "창", false)]
    public void RareSurnames_InANamesSlot(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    [Theory]
    // One Latin word before a kinship or church word, or with an age alone in brackets, is a resident's name; a call in
    // code with a number in brackets is not.
    [InlineData("- Nilufar 어머니가 통역 없이 오심. 딸 Zarina(8세)는 2학년.", "Nilufar", true)]
    [InlineData("- Zarina(8세)는 2학년.", "Zarina", true)]
    [InlineData("소모임: Esther 자매가 간식 담당.", "Esther", true)]
    [InlineData("진수를 반환하는 ``Decimal(10)`` 을 씁니다. Decimal(1) / Decimal(7)", "Decimal", false)]
    public void LatinWord_BeforeKinshipOrAnAge(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    [Theory]
    [InlineData("처리일자: 2025-03-09\n학교명: 한국고 (공립)")]
    [InlineData("원인: 과로사\n승인: 완료")]
    [InlineData("저는 공무원입니다. 저는 한국인입니다.")]
    [InlineData("한국어입니다.\n정답입니다.")]
    [InlineData("담당: 총무과 / 인사과")]
    public void FieldAndSelfIntroductionRules_LeaveWordsAlone(string text) => Persons(text).ShouldBeEmpty();

    [Fact]
    public void FormField_NameWithAProfessionTitle_IsJudgedByTheTitle()
    {
        const string text = "참석 위원: 탁민철 변호사, 염지현 교수\n안건: 예산";
        PersonPolicies.IsPrivate(Reason(text, "탁민철")).ShouldBeFalse();
        PersonPolicies.IsPrivate(Reason("참석자: 탁민철, 염지현", "탁민철")).ShouldBeTrue();
    }

    [Fact]
    public void Judge_BusinessWordFarFromTheName_IsNotPublicLife()
    {
        // 회장 of a residents' meeting two sentences away does not make a later name public; next to the name it still does.
        const string far = "입주자대표회의 회장 선출 건을 논의함. 이후 주민 의견을 들었다. 위성희 씨는 반대 의견을 냈다.";
        PersonPolicies.IsPrivate(Reason(far, "위성희")).ShouldBeTrue();
        Reason("범인의 전 남편 류원기 영남제분 회장은", "류원기").ShouldBe("public:public life 회장");
    }

    [Theory]
    [InlineData("구역\t봉사자\t연락처\n배식\t편지환\t010-4123-5567\n설거지\tAhmad Karimi\t010-5043-3743", "Ahmad Karimi")]
    [InlineData("번호\t오전\t오후\n02\t남궁철\t변영수\n05\t추혜민\t남궁철\n07\tBakhtiyor\t추혜민", "Bakhtiyor")]
    [InlineData("일자\t호수\t이름\t택배사\n02-26\t105-302\tMaria Lopez\t한진", "Maria Lopez")]
    [InlineData("참석: 윤재희, 봉태민, Li Xiaoyu(리샤오위), 마도경", "Li Xiaoyu")]
    [InlineData("2025-04-24\t3-5\tIvan Petrov 군\t발목 접질림", "Ivan Petrov")]
    [InlineData("선호 디자이너: 담당 Kevin Miller 님께 예약", "Kevin Miller")]
    public void ColumnsListsAndFormsOfAddress_FindLatinAndHeaderlessNames(string text, string name) => Persons(text).ShouldContain(name);

    [Theory]
    [InlineData("품목\t수량\t단가\n사과\t3\t1200\n배추\t2\t3000\n대파\t5\t800")]
    [InlineData("Python Software Foundation 문서와 Data Loader 모듈")]
    [InlineData("모델\t제조사\nGalaxy Tab\t삼성\nSurface Pro\t마이크로소프트")]
    public void ColumnsWithoutNames_AndLatinTerms_AreNoNames(string text) => Persons(text).ShouldBeEmpty();

    [Fact]
    public void Judge_RecordWithIdentifiers_KeepsOnlyTitlesOfStateOffice()
    {
        // A record that carries a phone number: a public-life word on the line (촬영, 교수) no longer makes a name public,
        // and neither does a professional title; an office of state right after the name still does.
        const string record = "가족 사진 촬영 일정 조율 (자원봉사자 나혜원), 연락처 010-2345-6789";
        PersonPolicies.IsPrivate(Reason(record, "나혜원")).ShouldBeTrue();
        const string lab = "책임교수: 봉재원 교수\n연락처: 010-2345-6789";
        PersonPolicies.IsPrivate(Reason(lab, "봉재원")).ShouldBeTrue();
        const string chat = "[오후 8:01] 류승아: 국토부 강명진 장관 브리핑 보셨어요? 010-2345-6789";
        Reason(chat, "강명진").ShouldBe("public:title 장관");

        // Without an identifier the same words still count.
        PersonPolicies.IsPrivate(Reason("가족 사진 촬영 일정 조율 (자원봉사자 나혜원)", "나혜원")).ShouldBeFalse();
    }

    [Fact]
    public void Judge_WordsThatHoldAPublicWord_AreNotIt()
    {
        // 배우자 is a spouse, 대의원 a union delegate, 감독관 a proctor: none is 배우, 의원 or 감독.
        PersonPolicies.IsPrivate(Reason("마리아 산토스 님 배우자 곽성만 님과 상담", "곽성만")).ShouldBeTrue();
        PersonPolicies.IsPrivate(Reason("생산2팀 대의원 엄태용이 질의했다", "엄태용")).ShouldBeTrue();
        Reason("감독관 변주희 교사가 확인함", "변주희").ShouldNotStartWith(PersonPolicies.PublicPrefix + "title");
    }

    [Theory]
    [InlineData("담당 번역사: 주혜령   납기 2025-10-18", "주혜령")]
    [InlineData("[사고 접수] 상담원 변지훈\n고객 문의: 차량 파손", "변지훈")]
    [InlineData("순번\t계원\t수령월\n1\t염순애\t1월\n2\t도말숙\t2월", "도말숙")]
    public void StaffAndMemberLabels_NameTheirValue(string text, string name) => Persons(text).ShouldContain(name);

    [Theory]
    [InlineData("상담원 교육은 다음 주에 진행합니다.")]
    [InlineData("순번\t병원\t진료월\n1\t한빛병원\t1월\n2\t서울의원\t2월")]
    [InlineData("역사: 조선 후기 실학")]
    public void StaffWordsInRunningText_AndPlaceColumns_AreNoNames(string text) => Persons(text).ShouldBeEmpty();

    [Theory]
    [InlineData("○○교회 청년부 새가족: 도하나 자매와 표경자 어르신을 환영합니다. 영화 모임도 있어요.", "표경자", "address:어르신")]
    [InlineData("다음 주 토요일 한채율 콘서트를 예매한 구나현입니다. 환불 문의드려요.", "구나현", "self-introduction")]
    [InlineData("축가: 신랑 친구 어준상 군 — 노래는 가수 채은결의 곡입니다.", "어준상", "address:군")]
    public void Judge_PrivateFormsOfAddress_OutweighPublicLifeWords(string text, string name, string reason) => Reason(text, name).ShouldBe(reason);

    [Fact]
    public void Judge_PublicFigureWithHonorificOrAge_StaysPublic()
    {
        // 씨 after an age and 형제 are how the press and reviews name public figures too.
        PersonPolicies.IsPrivate(Reason("이날 개그맨 남희석(44) 씨가 방송에서 말했다.", "남희석")).ShouldBeFalse();
        PersonPolicies.IsPrivate(Reason("영화는 코엔 형제의 농담 센스가 빛난다.", "코엔")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("번호\t성명\t여권 영문명\n1\t최다은\tCHOI DAEUN\t팀장", "CHOI DAEUN")]
    [InlineData("국제교류팀 담당은 Kim Jiseok 대리입니다.", "Kim Jiseok")]
    [InlineData("2-1 반 대표: Daniel Seo (학부모 동의 완료)", "Daniel Seo")]
    [InlineData("특이사항: Karimova 님 다음 예약 시 통역 요청", "Karimova")]
    [InlineData("10:10 내과 외래 Sergei Volkov (세르게이 볼코프) 님, 위내시경 결과 설명", "Sergei Volkov")]
    [InlineData("하늘반: 장우빈, 은소율, Tran Minh Khoa, 도이현", "Tran Minh Khoa")]
    public void RomanisedAndLatinNames_InKoreanDocuments_AreFound(string text, string name) => Persons(text).ShouldContain(name);

    [Fact]
    public void Transcript_SpeakersAfterAChannel_AreFound()
    {
        const string chat = "#공지 | 운영진: 정모는 토요일입니다\n#잡담 | 여우비: 저 갑니다\n#잡담 | 검은달: 예약했어요\n#잡담 | 여우비: 몇 시예요?\n#잡담 | 검은달: 여섯 시요";
        var found = Persons(chat);
        found.ShouldContain("여우비");
        found.ShouldContain("검은달");
    }

    // Names in Latin letters known by the list of name words (Names/latin-names.tsv), without a role or label before them:
    // passport capitals, title case, particles between the words, one given name glued to a particle.
    [Theory]
    [InlineData("| 11:20 | PHAM VAN DUC | 내과 | 초진 |", "PHAM VAN DUC")]
    [InlineData("제2운전자: SUZUKI HARUTO    국제운전면허 확인", "SUZUKI HARUTO")]
    [InlineData("백팀: 강예린, 문도윤, Maria dela Cruz 외 7명", "Maria dela Cruz")]
    [InlineData("3층 Aziz Karimov 매트리스 수거 요청", "Aziz Karimov")]
    [InlineData("| 5 | Olivia Park | 6 | 우다현 |", "Olivia Park")]
    [InlineData("위 사실을 Michael Grant 도 확인했다.", "Michael Grant")]
    [InlineData("다음 주에는 Pablo도 같이 온대요.", "Pablo")]
    [InlineData("당시 Saddam Hussein's 정권은 무너졌다.", "Saddam Hussein")]
    [InlineData("원장님 안녕하세요, Hannah입니다. 환불 문의드려요.", "Hannah")]
    [InlineData("선호 디자이너: Kevin 원장 (본명 별도 기재)", "Kevin")]
    [InlineData("현장 인원: 천만식, Bekzod(우즈벡), 라용팔", "Bekzod")]
    [InlineData("앨범 보정 담당: Nadia\n앨범 표지: 아크릴", "Nadia")]
    [InlineData("[20:14] 오지현: Lucas 발표 자료 올려 줘", "Lucas")]
    [InlineData("야간 근무 Amir, 주간 근무 노명환", "Amir")]
    [InlineData("인계 하진수 → 인수 Tuvshin", "Tuvshin")]
    public void ListedLatinNames_AreFoundWithoutContext(string text, string name)
    {
        RuleSpans(text).ShouldContain(name);
        Persons(text).ShouldContain(name);
    }

    [Theory]
    [InlineData("Apache Kafka 클러스터와 Python Software Foundation 문서")]
    [InlineData("NEW YORK 지점과 HONG KONG 법인의 USB 재고")]
    [InlineData("Maria Santos Hotel 에서 1박")]
    [InlineData("MariaDB 와 PostgreSQL 을 비교했다.")]
    [InlineData("pablo@example.com 으로 보내고 Sophie_Kim 계정은 정지")]
    [InlineData("THANK YOU 카드와 HAPPY BIRTHDAY 풍선")]
    [InlineData("Beverly Hills 에서 Robin Guitars 를 샀다.")]
    [InlineData("Kafka는 메시지를 보관하고 Dobb's Journal 에 실렸다.")]
    [InlineData("Adam 옵티마이저로 학습하고 Oscar 시상식 영상을 봤다.")]
    [InlineData("import Sarah.utils 와 /home/Emma/data 경로, Carlos() 호출")]
    public void LatinWordsThatAreNoListedNames_AreNoNames(string text) => Persons(text).Where(p => p.Any(char.IsAsciiLetter)).ShouldBeEmpty();

    [Fact]
    public void Transcript_SpeakersInLatinLetters_AreFound_RolesOfDialogueDataAreNot()
    {
        const string chat = "구대성: 오늘 마감 누가 해?\nRafael: 제가 할게요\nlucia_madrid: 저도 가능해요\n구대성: 좋아\nRafael: 이따 봬요\nlucia_madrid: 넵";
        var found = Persons(chat);
        found.ShouldContain("Rafael");
        found.ShouldContain("lucia_madrid");
        Persons("User: 서울의 날씨는?\nAssistant: 맑습니다.\nUser: 내일은?\nAssistant: 비가 옵니다.").ShouldBeEmpty();
        Persons("INFO: 시작\nWARN: 디스크 부족\nINFO: 종료\nWARN: 재시도").ShouldBeEmpty();
    }

    // A field's value of several words is a name only when one of them is a name word: a line of talk after a role is not.
    [Theory]
    [InlineData("고객: 택배가 안 왔어요")]
    [InlineData("[사고 접수] 상담원 안내\n상담원: 확인해 보겠습니다")]
    public void RoleBeforeALineOfTalk_IsNoName(string text) => Persons(text).ShouldBeEmpty();

    [Fact]
    public void LatinNames_BadLines_AreNamed_AndLookupsIgnoreCase()
    {
        var words = NameGazetteer.ParseLatin(new StringReader("# comment\ngiven\tMaria\nfamily\tMaria\nmiddle\tdela\nfamily\tAl-Sayed\n"), "latin.tsv");
        words["MARIA"].ShouldBe(NameGazetteer.LatinGivenKind | NameGazetteer.LatinFamilyKind);
        words["Dela"].ShouldBe(NameGazetteer.LatinMiddleKind);
        words["al-sayed"].ShouldBe(NameGazetteer.LatinFamilyKind);
        Should.Throw<MoaException>(() => NameGazetteer.ParseLatin(new StringReader("given\tMaria\nnick\tMimi\n"), "latin.tsv")).Message.ShouldContain("latin.tsv:2");
        Should.Throw<MoaException>(() => NameGazetteer.ParseLatin(new StringReader("given\tLucía\n"), "latin.tsv")).Message.ShouldContain("latin.tsv:1");
        Should.Throw<MoaException>(() => NameGazetteer.ParseLatin(new StringReader("given\tA\n"), "latin.tsv")).Message.ShouldContain("latin.tsv:1");
        Should.Throw<MoaException>(() => NameGazetteer.ParseLatin(new StringReader("family\t-Sayed\n"), "latin.tsv")).Message.ShouldContain("latin.tsv:1");
        NameGazetteer.LatinCount.ShouldBeGreaterThan(1000);
        (NameGazetteer.LatinKind("NGUYEN") & NameGazetteer.LatinFamilyKind).ShouldNotBe(0);
        NameGazetteer.LatinKind("Python").ShouldBe(0);
    }

    [Theory]
    [InlineData("Han River 공원에서 Park Hotel 까지 걸었다.")]
    [InlineData("Lee Group 본사와 Seoul Station 앞 광장")]
    [InlineData("KTX SRT 요금표와 USB-C 케이블")]
    [InlineData("Excel 파일과 Word 문서를 Google Drive 에 올림")]
    public void PlaceAndProductWords_AreNoRomanisedNames(string text) => Persons(text).Where(p => p.Any(char.IsAsciiLetter)).ShouldBeEmpty();

    [Theory]
    [InlineData("신청인 홍길동(洪吉童)은 2025년 3월 4일 민원을 접수하였다.", "洪吉童")]
    [InlineData("피고 김영식(金永植, 52)은 원고에게 금원을 지급하라.", "金永植")]
    [InlineData("배우 가오쯔치(高梓淇-고재기 33)와 교제 중이라고 밝혔다.", "高梓淇")]
    public void NameInChineseCharacters_AfterTheName_IsTheSamePerson(string text, string hanja) => Persons(text).ShouldContain(hanja);

    [Theory]
    [InlineData("서울특별시(首爾特別市)는 한국의 수도이다.")]
    [InlineData("이 제도는 대학(大學)에서 시작되었다.")]
    [InlineData("홍길동(洪)은 성만 한자로 적었다.")]
    public void ChineseCharacters_AfterOtherWords_AreNoNames(string text) =>
        Persons(text).Where(p => p.Any(c => c >= '\u4E00' && c <= '\u9FFF')).ShouldBeEmpty();

    [Theory]
    [InlineData("경찰에 따르면 김 군은 자전거를 타고 귀가하던 중이었다.", "김")]
    [InlineData("서 교수는 학생들과 함께 답사를 떠났다.", "서")]
    // A rarer surname alone before a title in 님 or 어르신, as private records write it.
    [InlineData("- 302호는 추 소장님이 저녁에 다시 확인하기로 함.", "추")]
    [InlineData("예배 후 인 권사님께 식권을 전달함.", "인")]
    [InlineData("마을회관에서 옹 어르신이 쉬고 계셨다.", "옹")]
    [InlineData("검찰은 성 전 회장의 측근을 소환했다.", "성")]
    [InlineData("당시 임 병장이 근무지를 이탈한 것으로 알려졌다.", "임")]
    [InlineData("변 대표는 사과문을 올렸다.", "변")]
    [InlineData("회의에는 탁영수 총괄회장과 임원들이 참석했다.", "탁영수")]
    [InlineData("재판장인 권도윤 판사는 선고를 미뤘다.", "권도윤")]
    [InlineData("추모식에는 편정민 전 의원도 참석했다.", "편정민")]
    public void SurnameAlone_OrNameBeforeAPressTitle_IsAPerson(string text, string name) => Persons(text).ShouldContain(name);

    [Theory]
    [InlineData("이 간호사는 오늘 야간 근무를 맡는다.")]
    [InlineData("한 선수가 부상으로 빠졌다.")]
    [InlineData("두 후보는 토론회에서 맞붙었다.")]
    [InlineData("세 교수가 공동으로 집필했다.")]
    public void EverydayWordsBeforeATitle_AreNoSurnames(string text) => Persons(text).Where(p => p.Length == 1).ShouldBeEmpty();

    // No name is cut out of a common word, by the tagger or a rule reading a list (정형외 and 과 as 'and'), nor a role word
    // of a form or a filler of a schedule's cell.
    [Theory]
    [InlineData("주치의: ○○병원 정형외과 전상우 교수 소견서", "정형외")]
    [InlineData("18:40 | 주민 장기자랑 1 | 방순애 할머니", "장기자")]
    [InlineData("감시인: 문상호 (탱크 출입 통제)\n- 감시인은 문상호 그대로.", "감시인")]
    public void CommonWords_AndWordsCutFromThem_AreNoNames(string text, string word) => Persons(text).ShouldNotContain(word);

    [Theory]
    [InlineData("팬들은 오랜만에 마이클 베리모어를 공항에서 만났다.", "마이클 베리모어")]
    [InlineData("결승골은 조던 스미스의 발끝에서 나왔다.", "조던 스미스")]
    [InlineData("이번 작품은 하세가와 요헤이가 연출했다.", "하세가와 요헤이")]
    public void ForeignNameOfTwoWords_IsOneSpan(string text, string name) => Persons(text).ShouldContain(name);

    [Theory]
    [InlineData("주연을 맡은 홍서진과 오달수의 호흡이 좋았다.", "홍서진", "오달수")]
    [InlineData("정영달과 홍서진이 만났다.", "홍서진", "정영달")]
    [InlineData("출연: 홍서진, 서인국 외", "홍서진", "서인국")]
    [InlineData("홍서진과 마이클 스미스의 대담", "홍서진", "마이클 스미스")]
    [InlineData("조던 윌리엄스와 홍서진이 만났다.", "홍서진", "조던 윌리엄스")]
    public void NameJoinedToAConfidentName_IsAName(string text, string seed, string joined) => Propagated(text, seed).ShouldContain(joined);

    [Theory]
    [InlineData("홍서진과 사투리로 이야기했다.", "홍서진")]
    [InlineData("개경으로 올라와 홍서진의 문하에 들었다.", "홍서진")]
    [InlineData("도날드 서덜랜드와 홍서진", "홍서진")]
    public void WordsJoinedToAName_ThatAreNoNames_AreNotAdded(string text, string seed) => Propagated(text, seed).ShouldBe([seed]);

    /// <summary>The person candidates after the document passes, given one confident name (score 0.9).</summary>
    private static string[] Propagated(string text, string seed)
    {
        var at = text.IndexOf(seed, StringComparison.Ordinal);
        var candidates = new List<PiiFinding> { new(at, at + seed.Length, PiiTypes.Person, 0.9) };
        PersonLayout.Propagate(text, candidates, 0);
        return [.. candidates.Select(c => text[c.Start..c.End])];
    }

    [Theory]
    [InlineData("니콜키드먼 연기가 정말 좋았다", "니콜키드먼")]
    [InlineData("역시 토비맥과이어의 스파이더맨이 최고", "토비맥과이어")]
    public void ForeignNameWrittenAsOneWord_IsFound(string text, string name) => Persons(text).ShouldContain(name);

    [Theory]
    [InlineData("할리우드 영화는 역시 스케일이 크다", "할리우드")]
    [InlineData("제이야기 좀 들어봐", "제이야기")]
    public void KoreanWordsOfAGluedNamesShape_AreNoNames(string text, string word) => Persons(text).ShouldNotContain(word);

    [Theory]
    [InlineData("경찰은 김씨를 찌른 윤씨를 찾고 있다.", "김")]
    [InlineData("경찰은 김씨를 찌른 윤씨를 찾고 있다.", "윤")]
    [InlineData("왕씨 등은 임씨로부터 사들인 장물을 넘겼다.", "임")]
    [InlineData("사건과 관련해 전씨와 상담을 해준 것으로 알려졌다.", "전")]
    public void SurnameGluedToSsi_IsTheSurname(string text, string name)
    {
        // The rules alone find it (the shipped tagger usually does too; the cross-validated taggers often did not).
        RuleSpans(text).ShouldContain(name);
        Persons(text).ShouldContain(name);
    }

    [Theory]
    [InlineData("마음씨가 고운 아가씨와 솜씨 좋은 친구가 날씨 이야기를 했다.", "가")]
    [InlineData("호박씨를 까는 사람은 없다.", "박")]
    public void WordsEndingInSsi_AreNoSurnames(string text, string notAName)
    {
        RuleSpans(text).ShouldNotContain(notAName);
        Persons(text).ShouldNotContain(notAName);
    }

    [Theory]
    [InlineData("다음은 녹취록 공개 관련 민주당 대변인 논평 전문입니다.", "민주당")]
    [InlineData("박근혜 대통령과 민주당 대표가 만났다.", "민주당")]
    public void PartyBeforeATitle_IsNoName(string text, string notAName) => Persons(text).ShouldNotContain(notAName);

    // A clan, not a person: the rule for a surname glued to 씨 leaves it (the tagger may still take it; not asserted here).
    [Theory]
    [InlineData("본관은 경주 이씨(慶州李氏)이다.", "이")]
    [InlineData("청나라는 타이완 정씨 왕국을 멸망시켰다.", "정")]
    [InlineData("그 뒤 안동 김씨 일가가 권력을 잡았다.", "김")]
    public void ClanBeforeSsi_IsNoRuleFinding(string text, string notAName) => RuleSpans(text).ShouldNotContain(notAName);

    [Theory]
    [InlineData("두 경우 모두, 파일 끝에 즉시 도달하면 빈 문자열이 반환됩니다.", "빈 문자열")]
    [InlineData("시간대 이름 (객체가 나이브하면 빈 문자열).", "빈 문자열")]
    public void SurnameSyllableBeforeACommonWord_IsNoName(string text, string notAName) => Persons(text).ShouldNotContain(notAName);

    [Theory]
    [InlineData("김민준 선수와 스미스 코치가 만났다.", "김민준 선수와 스미스")]
    [InlineData("이건 마이클의 영화다.", "이건 마이클")]
    public void KoreanWordsBeside_AForeignName_StayOutOfIt(string text, string notAName) => Persons(text).ShouldNotContain(notAName);

    [Fact]
    public void ForeignGazetteer_BadLines_AreNamed()
    {
        var words = NameGazetteer.ParseForeign(new StringReader("# comment\ngiven\t마이클\nfamily\t마이클\nfull\t시진핑\n"), "list.tsv");
        words["마이클"].ShouldBe(NameGazetteer.ForeignGivenKind | NameGazetteer.ForeignFamilyKind);
        words["시진핑"].ShouldBe(NameGazetteer.ForeignFullKind);
        Should.Throw<MoaException>(() => NameGazetteer.ParseForeign(new StringReader("given\t마이클\nnick\t톰톰\n"), "list.tsv")).Message.ShouldContain("list.tsv:2");
        Should.Throw<MoaException>(() => NameGazetteer.ParseForeign(new StringReader("given\t톰\n"), "list.tsv")).Message.ShouldContain("list.tsv:1");
        Should.Throw<MoaException>(() => NameGazetteer.ParseForeign(new StringReader("family\tSmith\n"), "list.tsv")).Message.ShouldContain("list.tsv:1");
        NameGazetteer.GazetteerCount.ShouldBeGreaterThan(100);
        NameGazetteer.GazetteerKind("스미스").ShouldBe(NameGazetteer.ForeignFamilyKind);
        NameGazetteer.GazetteerKind("사랑").ShouldBe(0);
    }

    [Fact]
    public void KnownNames_BadLines_AreNamed_AndNamesOfSeveralWordsAreOneWord()
    {
        var words = NameGazetteer.ParseKnown(new StringReader("# comment\nkorean\t송강호\nforeign\t톰 행크스\nforeign\t레오나르도 디카프리오\ncharacter\t해리 포터\ngroup\t장미 여관\n"), "known.tsv");
        words["송강호"].ShouldBe(NameGazetteer.KnownKind);
        words["톰행크스"].ShouldBe(NameGazetteer.KnownKind);
        words["해리포터"].ShouldBe(NameGazetteer.KnownKind);
        words["레오나르도디카프리오"].ShouldBe(NameGazetteer.KnownKind);
        words.ContainsKey("행크스").ShouldBeFalse(); // the words of a name are not names on their own here
        words.ContainsKey("포터").ShouldBeFalse();
        words.ContainsKey("장미").ShouldBeFalse();
        NameGazetteer.GazetteerKind("송강호").ShouldBe(NameGazetteer.KnownKind);
        NameGazetteer.GazetteerKind("리스트").ShouldBe(0); // 프란츠 리스트 gives no word of its own
        Should.Throw<MoaException>(() => NameGazetteer.ParseKnown(new StringReader("korean\t송강호\nactor\t송강호\n"), "known.tsv")).Message.ShouldContain("known.tsv:2");
        Should.Throw<MoaException>(() => NameGazetteer.ParseKnown(new StringReader("foreign\t톰  행크스\n"), "known.tsv")).Message.ShouldContain("known.tsv:1");
        Should.Throw<MoaException>(() => NameGazetteer.ParseKnown(new StringReader("korean\t송\n"), "known.tsv")).Message.ShouldContain("known.tsv:1");
        Should.Throw<MoaException>(() => NameGazetteer.ParseKnown(new StringReader("group\tBTS\n"), "known.tsv")).Message.ShouldContain("known.tsv:1");
    }

    [Fact]
    public void KnownNameKind_ReadsTheListAsWrittenAndWithoutSpaces_AndSinoKoreanSyllablesAreKnown()
    {
        NameGazetteer.KnownNameKind("히스 레저").ShouldBe(KnownName.Foreign);
        NameGazetteer.KnownNameKind("히스레저").ShouldBe(KnownName.Foreign);
        NameGazetteer.KnownNameKind("원더걸스").ShouldBe(KnownName.Group);
        NameGazetteer.KnownNameKind("다스베이더").ShouldBe(KnownName.Character);
        NameGazetteer.KnownNameKind("이상이").ShouldBe(KnownName.Korean);
        NameGazetteer.KnownNameKind("히스  레저").ShouldBe(KnownName.None);
        NameGazetteer.KnownNameKind("사랑").ShouldBe(KnownName.None);
        NameGazetteer.KnownNameKind("").ShouldBe(KnownName.None);
        NameGazetteer.HasNonSinoSyllable("무뇨즈").ShouldBeTrue();
        NameGazetteer.HasNonSinoSyllable("캄메노스").ShouldBeTrue();
        NameGazetteer.HasNonSinoSyllable("검시관").ShouldBeFalse();
        NameGazetteer.HasNonSinoSyllable("대사").ShouldBeFalse();
    }

    // Known foreign people, groups and characters stand alone as names (invented sentences: the KLUE ones are the
    // tagger's training data); a known name that is the start of a longer name keeps the longer one; a Korean person's
    // known name that is an everyday word with an ending and a name made an eponym are no persons.
    [Theory]
    [InlineData("어제 다스베이더가 나오는 장면을 다시 봤다", "다스베이더")]
    [InlineData("히스 레저 주연의 그 영화는 아직도 명작이다", "히스 레저")]
    [InlineData("아나킨이 다스베이더가 되는 과정이 아쉽다", "아나킨")]
    [InlineData("아나킨이 다스베이더가 되는 과정이 아쉽다", "다스베이더")]
    [InlineData("그 콘서트에서 원더걸스는 신곡을 불렀다", "원더걸스")]
    [InlineData("토마스 제퍼슨 전 미국 대통령의 편지", "토마스 제퍼슨")]
    public void KnownNames_AreFound(string text, string name) => Persons(text).ShouldContain(name);

    [Theory]
    [InlineData("검사 결과 이상이 없습니다.", "이상이")]
    [InlineData("지대한 영향을 미쳤다", "지대한")]
    [InlineData("두 점 사이의 유클리드 거리를 반환한다", "유클리드")]
    [InlineData("피타고라스 정리를 사용하여 빗변을 구한다", "피타고라스")]
    [InlineData("토마스 제퍼슨 전 미국 대통령의 편지", "토마스")]
    public void KnownNames_ThatAreWordsEponymsOrPartOfALongerName_AreNotFoundAlone(string text, string word) => Persons(text).ShouldNotContain(word);

    // A foreign given name's family name that no list holds: a case particle, a comma, 등 or a person's word after it;
    // not an office of Sino-Korean syllables, nor a predicate or a noun with a copula in reviews.
    [Theory]
    [InlineData("결승에서 마크 무뇨즈 등을 차례로 꺾었다", "마크 무뇨즈", true)]
    [InlineData("조쉬 더하멜도 좋은 작품을 만나야 할 텐데", "조쉬 더하멜", true)]
    [InlineData("윌리엄 검시관은 기자회견에서 밝혔다", "윌리엄 검시관", false)]
    [InlineData("마이클 귀여워요 ㅋㅋ", "마이클 귀여워요", false)]
    [InlineData("레이첼 팬이라면 꼭 보세요", "레이첼 팬이라면", false)]
    public void UnlistedFamilyNames_AfterAForeignGivenName(string text, string name, bool found) => Persons(text).Contains(name).ShouldBe(found);

    [Fact]
    public void CommonWords_BadLines_AreNamed_AndTheTaggerAloneDoesNotMakeThemNames()
    {
        var words = NameGazetteer.ParseCommonWords(new StringReader("# comment\n문자열\n\n정규식\n"), "nouns.txt");
        words.ShouldBe(["문자열", "정규식"], ignoreOrder: true);
        Should.Throw<MoaException>(() => NameGazetteer.ParseCommonWords(new StringReader("문자열\n문 자열\n"), "nouns.txt")).Message.ShouldContain("nouns.txt:2");
        Should.Throw<MoaException>(() => NameGazetteer.ParseCommonWords(new StringReader("문\n"), "nouns.txt")).Message.ShouldContain("nouns.txt:1");
        NameGazetteer.IsCommonWord("문자열").ShouldBeTrue();
        NameGazetteer.IsCommonWord("김민준").ShouldBeFalse();
        Persons("입력한 문자열을 정규식으로 나누고, 문자열이 비어 있으면 예외를 던진다.").ShouldBeEmpty();
    }

    [Fact]
    public void Layout_NullOrEmptyText_IsHandled()
    {
        Persons("").ShouldBeEmpty();
        Persons("\t\n:\n[]:").ShouldBeEmpty();
        Should.Throw<ArgumentNullException>(() => PiiAnalyzer.Default.Analyze(null!));
    }

    // Tables written with '|' (text and Markdown tables) are read like tab-separated ones: a name column's cells, and a
    // column that holds confident names.
    [Theory]
    [InlineData("| 반 | 이름 | 알레르기 |\n| 1-2 | 위시우 | 우유 |\n| 1-3 | 소이안 | 달걀 |", "소이안", true)]
    [InlineData("호실 | 하숙생 | 학과\n1 | 전태양 | 경영 3\n2 | 육시원 | 컴공 1\n3 | 맹지혁 | 법학 4", "전태양", true)]
    [InlineData("| 좌석 | 이름 |\n| 7 | 남궁태희 |\n| 8 | 비움 |", "비움", false)]
    [InlineData("| 접수 | 환자명 | 수령인 |\n| 10:05 | 도재민 | 본인 |", "본인", false)]
    [InlineData("번호 | 이용자 | 품목\n1 | 남궁순자 | 쌀\n2 | 곽철호 | 김\n3 | 이○○ | 쌀", "이○○", false)]
    [InlineData("#잡담 | 공지: 이름 바꿨어요", "공지", false)]
    public void PipeTables_AreReadLikeTabbedOnes(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A chat of handles of Hangul and digits (해피맘22) is a conversation; a numbered item (사례1:, 질문12:) is no speaker. A
    // workplace messenger's display name of a team, an underscore, a surname and a title (상황실_서실장) is a speaker; a team
    // and a title alone is not.
    [Theory]
    [InlineData("해피맘22: 유모차 아직 있나요?\n솔솔: 네 있어요~\n해피맘22: 좋아요.\n솔솔: 넵.\n해피맘22: 감사합니다", "해피맘22", true)]
    [InlineData("해피맘22: 유모차 아직 있나요?\n솔솔: 네 있어요~\n해피맘22: 좋아요.\n솔솔: 넵.\n해피맘22: 감사합니다", "솔솔", true)]
    [InlineData("질문12: 환불이 되나요?\n답변12: 네 됩니다.\n질문13: 언제요?\n답변13: 내일요.", "질문12", false)]
    [InlineData("사례1: 민원 접수\n사례2: 처리 완료\n사례3: 보류", "사례1", false)]
    public void Transcript_HandlesWithDigits(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // English mail inside Korean documents: greetings, closings with the signature under them, thanks, introductions and
    // relations name a person; the same words before a group, a place or a day do not.
    [Theory]
    [InlineData("회신 드립니다.\nHi Hyunsoo, I'm fine with it.", "Hyunsoo", true)]
    [InlineData("확인했습니다.\nBest,\nMinji Oh\nAssociate", "Minji Oh", true)]
    [InlineData("목요일 3시 어떠세요?\nThank you, Daniel. 제가 전화드릴게요.", "Daniel", true)]
    [InlineData("안녕하세요.\nHi 서윤, I'm Rahul from the lab.", "Rahul", true)]
    [InlineData("회비 건\nMy husband Daniel will transfer our share.", "Daniel", true)]
    [InlineData("참고: 후보자 영문명은 Jaemin Sunwoo입니다.", "Jaemin Sunwoo", true)]
    [InlineData("공지\nHi all, 회의는 내일입니다.\nHello Team, 자료 공유합니다.", "Team", false)]
    [InlineData("예제 출력\nHello World!\n끝.", "World", false)]
    [InlineData("감사합니다.\nThanks, Monday works for me.", "Monday", false)]
    [InlineData("자기소개\nI'm Korean, and this is Seoul.", "Korean", false)]
    [InlineData("메모\nBest,\nthe admissions office", "the admissions office", false)]
    public void EnglishMail_AddressAndSignature(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // The same in replies, chats and class groups: a greeting after a reply's quote marks or a speaker, thanks without a
    // comma before a given name, a relation after "their" or a host, tutor or coach, a child named by the parent (Noah
    // mom), and that name again where it stands alone; Korean given names romanised count as given names, and Park as a
    // surname beside one. Not a greeting inside a word, thanks before a word that names no one, nor parks.
    [Theory]
    [InlineData("회신: 권도윤\n> Hi Sarah, 빠른 회신 감사합니다.", "Sarah", true)]
    [InlineData("단톡방\nOliver Bennett: Hi Jieun! We land at Gimpo.", "Jieun", true)]
    [InlineData("후기\n[Parent] Thank you Yeseul! 정말 감사해요.", "Yeseul", true)]
    [InlineData("예약 메모\nBooking for their daughter Lily (14).\n- Lily is a huge fan of the show", "Lily", true)]
    [InlineData("공지\nMy co-host Gunwoo will be near the gate.", "Gunwoo", true)]
    [InlineData("반 단톡\n[Jenny (Noah mom)] Noah will come! 물통 챙길게요", "Noah", true)]
    [InlineData("명단: Minsu Park and Ayaka Mori 참석", "Minsu Park", true)]
    [InlineData("Dear Professor Yoon,\nI sat in the back row next to Minsu Park and Ayaka Mori.", "Ayaka Mori", true)]
    [InlineData("Dear Professor Yoon,\nI sat in the back row next to Minsu Park and Ayaka Mori.", "Minsu Park", true)]
    [InlineData("Dear team,\nThe Apache Kafka cluster moved to Olympic Park.", "Apache Kafka", false)]
    [InlineData("메모\nI came in with Chloé from the buddy program.", "Chloé", true)]
    [InlineData("메모\nThe sheet was written by Ayaka I think.", "Ayaka", true)]
    [InlineData("근무표\nI can do Saturday if Seongho covers my Wednesday.", "Seongho", true)]
    [InlineData("근무표\nI will call Aziz tonight.", "Aziz", true)]
    [InlineData("메모\nThe file was written by Python scripts with Docker.", "Docker", false)]
    [InlineData("공지\nThey said Hi to everyone, 감사합니다.", "to", false)]
    [InlineData("감사 인사\nThank you All for coming. 다음에 봬요.", "All", false)]
    [InlineData("산책 코스: Namsan Park 그리고 Olympic Park", "Namsan Park", false)]
    [InlineData("산책 코스: Namsan Park 그리고 Olympic Park", "Olympic Park", false)]
    public void EnglishReplies_ChatsAndClassGroups(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A family chat names some speakers by relation ([외할머니], [큰언니 💜]): those lines make the chat a conversation of
    // people (the names after a relation in brackets speak: [형부 박준기]), and the relation alone is no name.
    [Theory]
    [InlineData("[큰언니 💜] 제주 숙소 48만원 내가 냈어\n[막내 똘이] 렌트카 21만원은 내가!\n[형부 박준기] 저녁 회 15만원 제가요\n[큰언니 💜] 셋이 나누자\n[둘째 수연] 오키 나 보낼게", "박준기", true)]
    [InlineData("[큰언니 💜] 제주 숙소 48만원 내가 냈어\n[막내 똘이] 렌트카 21만원은 내가!\n[형부 박준기] 저녁 회 15만원 제가요\n[큰언니 💜] 셋이 나누자\n[둘째 수연] 오키 나 보낼게", "수연", true)]
    [InlineData("[큰언니 💜] 제주 숙소 48만원 내가 냈어\n[막내 똘이] 렌트카 21만원은 내가!\n[형부 박준기] 저녁 회 15만원 제가요\n[큰언니 💜] 셋이 나누자\n[둘째 수연] 오키 나 보낼게", "큰언니", false)]
    [InlineData("[엄마 지윤] [오전 7:12] 다음 주 방학\n[외할머니] [오전 7:20] 월화 오케이.\n[이모 지혜] [오전 7:31] 반차 냈어.", "외할머니", false)]
    [InlineData("[엄마 지윤] [오전 7:12] 다음 주 방학\n[외할머니] [오전 7:20] 월화 오케이.\n[이모 지혜] [오전 7:31] 반차 냈어.", "지혜", true)]
    public void FamilyChats_SpeakersByRelation(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A full name in Latin letters speaks on a chat app's copied lines, with a clock before the colon or not (a listed name
    // word among its words); English labels of the same shape do not, nor a role in a roster of people who speak.
    [Theory]
    [InlineData("단톡\nPhạm Thu Trang 08:22: 네 알겠어요\nLương Văn Minh 08:30: 사장님 오늘 늦어요\nPhạm Thu Trang 11:05: 손님들 많아요", "Phạm Thu Trang", true)]
    [InlineData("단톡\nPham Thu Trang: 네 알겠어요\nPham Thu Trang: 손님들 많아요", "Pham Thu Trang", true)]
    [InlineData("회의록\nAction Items: 다음 주까지 정리\nNext Steps: 예산 검토\nAction Items: 담당자 지정", "Action Items", false)]
    [InlineData("Release Notes\nBug Fixes: 오류 수정\nNew Features: 기능 추가\nBug Fixes: 다른 수정", "Bug Fixes", false)]
    [InlineData("Roster\nChaplain: Fr. Arnel Villanueva\n[1/12/25 8:15 AM] Maricris Santos: Good morning\n[1/12/25 8:16 AM] Maricris Santos: 네", "Chaplain", false)]
    public void ChatCopies_FullLatinNamesSpeak(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // Telegram's copy (the name, a comma, the date and time in brackets alone on the line; Cyrillic names too) and a
    // messenger header with a dash before the time (Discord's copy) name their speakers; a label before a bracket of notes
    // does not.
    [Theory]
    [InlineData("현장 단톡\nЖасур, [2025년 12월 17일 06:10]\nSegodnya ne pridu\nSardor_91, [2025-03-13 06:07]\nOk brat", "Жасур", true)]
    [InlineData("현장 단톡\nЖасур, [2025년 12월 17일 06:10]\nSegodnya ne pridu\nSardor_91, [2025-03-13 06:07]\nOk brat", "Sardor_91", true)]
    [InlineData("#스태프-현장\nkyu_staff — 오후 2:58\nA-07 부스 전원 확인\n모카라떼 — 오후 2:59\n제가 갖다 드릴게요", "모카라떼", true)]
    [InlineData("회의록\n참고, [별첨 1: 10:00 일정]\n내용", "참고", false)]
    public void ChatCopies_TelegramAndDashHeaders(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // Names in Chinese characters: before their Korean reading in brackets, and as the headers of a copied chat (a name
    // and a 24-hour time alone on a line, a message below, another such header in the text); not words and times of a
    // schedule without message lines.
    [Theory]
    [InlineData("추천인: 金美玉(김미옥) 언니", "金美玉", true)]
    [InlineData("요양보호사 단톡방\n李春花 08:02\n各位早上好! 오늘 1번 누가 가요?\n金美玉 08:05\n我去第一个! 1번 제가 가요", "李春花", true)]
    [InlineData("요양보호사 단톡방\n李春花 08:02\n各位早上好! 오늘 1번 누가 가요?\n金美玉 08:05\n我去第一个! 1번 제가 가요", "金美玉", true)]
    [InlineData("회계 메모\n金額 10:00\n安全 11:00", "金額", false)]
    public void HanjaNames_ReadingsAndChatHeaders(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A nickname before its label in brackets, and another name of a confident name in brackets after it (a name of the
    // lists in Latin letters, a foreign name word in Hangul, the rendering of a Latin name); brackets after a name that
    // hold notes, roles, kin or places name no one.
    [Theory]
    [InlineData("B-0047 | 모래성 (닉네임) | 2개 세트", "모래성", true)]
    [InlineData("노쇼 메모\n- sushi_lover77 (본명 기세윤) 이번에도 노쇼. sushi_lover77 님 예약 제한", "sushi_lover77", true)]
    [InlineData("새벽반 | 고라니99(실명 미기재) | 소민재", "고라니99", true)]
    [InlineData("가수 겸 배우 솔비(본명 권지안)가 전시를 열었다.", "솔비", true)]
    [InlineData("계약서 사본(실명확인용)을 보내 주세요.", "사본", false)]
    [InlineData("연습생 평가\n유니(예명) | 고유은 | 한국 | B+", "유니", true)]
    [InlineData("[영어반]\n1위 차민준 (Brian) 90점\n- Brian 발음 좋음", "Brian", true)]
    [InlineData("비상연락: 남편 우상필(요셉) 01091635734", "요셉", true)]
    [InlineData("배달\tBilguun (빌궁)\t22시", "빌궁", true)]
    [InlineData("직원 명단\n성명: 김민수(팀장)\n성명: 최지우(장녀)\n성명: 박민수(퇴사)\n성명: 이영희(서울)", "팀장", false)]
    [InlineData("직원 명단\n성명: 김민수(팀장)\n성명: 최지우(장녀)\n성명: 박민수(퇴사)\n성명: 이영희(서울)", "서울", false)]
    [InlineData("직원 명단\n성명: 김민수(팀장)\n성명: 최지우(장녀)\n성명: 박민수(퇴사)\n성명: 이영희(서울)", "퇴사", false)]
    [InlineData("근무표\n강민호(오전) / 윤서진(오후) / 한지수(야간)", "오전", false)]
    [InlineData("학생: 김하늘 (Vancouver)", "Vancouver", false)]
    [InlineData("성명: 인수경 (Soo Kyung Walker)   생년월일: 1956", "Soo Kyung Walker", true)]
    [InlineData("박지민 (Samsung Electronics) 발표", "Samsung Electronics", false)]
    public void Nicknames_AndOtherNamesInBrackets(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // Handles in Latin letters speak before a clock (seojin_w_ 오후 3:14 …) and after a reply's ㄴ (ㄴ Luka_Kim: …), as
    // Hangul handles with digits do (ㄴ 피노누아르_87: …); a possessive in any case before a relation (His father Ruslan);
    // airline names (PARK/JIHOON MR) with a surname's spelling first, not airport codes; names spaced letter by letter in a
    // typed form whose labels are spaced so, not a label before its colon.
    [Theory]
    [InlineData("DM\nseojin_w_ 오후 3:14 안녕하세요! 예약 문의요\ninkfox_dahye 오후 3:20 안녕하세요 네\nseojin_w_ 오후 3:22 네! 그리고\ninkfox_dahye 오후 3:33 안돼요", "inkfox_dahye", true)]
    [InlineData("댓글\nㄴ 피노누아르_87: 다음에 또 데려가\nㄴ Luka_Kim: 입금했습니다!", "피노누아르_87", true)]
    [InlineData("댓글\nㄴ 피노누아르_87: 다음에 또 데려가\nㄴ Luka_Kim: 입금했습니다!", "Luka_Kim", true)]
    [InlineData("His father Ruslan will come to the meeting. 학부모 상담", "Ruslan", true)]
    [InlineData("Passenger: PARK/JIHOON MR (박지훈)", "PARK/JIHOON", true)]
    [InlineData("경로: ICN/LAX 2025", "ICN/LAX", false)]
    [InlineData("성   명 : 방 만 수          생 년 월 일 : 1950\n대리신청 : 아 들  방 승 원  (서명)\n주 소 지 : 전북", "방 만 수", true)]
    [InlineData("성   명 : 방 만 수          생 년 월 일 : 1950\n대리신청 : 아 들  방 승 원  (서명)\n주 소 지 : 전북", "방 승 원", true)]
    [InlineData("성   명 : 방 만 수          생 년 월 일 : 1950\n대리신청 : 아 들  방 승 원  (서명)\n주 소 지 : 전북", "주 소 지", false)]
    public void Handles_AirlineNames_AndLetterSpacedForms(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // Foreign residents' own forms of address after or before a name (Dilshod aka, Nilufar opa, Ate Lyn) and WhatsApp's
    // export (12/25, 17:05 - Dilshod: …) name their persons; an English word before aka is no name.
    [Theory]
    [InlineData("이프타르 120인분. 밥 Dilshod aka, 수프 Nilufar opa, 샐러드", "Nilufar", true)]
    [InlineData("채팅\n12/25, 17:05 - Dilshod: Xo'p! 쌀 40kg\n12/25, 17:31 - Nilufar: 부엌 가스 불이 약해요.\n12/25, 18:15 - Nilufar: 제 딸도 와요", "Dilshod", true)]
    [InlineData("성가대\nBaltazar: Ate Lyn, what's the reading?", "Lyn", true)]
    [InlineData("메모: the Dollar aka the greenback 환율", "Dollar", false)]
    public void ForeignFormsOfAddress_AndWhatsAppExports(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // Handles in Latin letters after @ or before 님, and after 인스타 or 예명, and a full name of the Latin lists mentioned
    // after @; not a decorator, a path's [@attrib], a plain word after @, a mail domain or a product's name.
    [Theory]
    [InlineData("| 1 | 여소담 | @sodam_knit | 손뜨개 소품 |", "sodam_knit", true)]
    [InlineData("Bae Minho (@mino_b) acknowledged. 확인", "mino_b", true)]
    [InlineData("회비 미입금 — woodpecker_0 님(본명 표건모), Luka_Kim 님 확인", "woodpecker_0", true)]
    [InlineData("예제\n@property\ndef name(self): 값", "property", false)]
    [InlineData("XPath 예제: [@attrib='value'] 또는 -n @url 인자", "url", false)]
    [InlineData("문의: @naver.com 계정으로", "naver.com", false)]
    [InlineData("인사팀 손예나 매니저: @Priya Sharma 책임님, TOPIK도 포함", "Priya Sharma", true)]
    [InlineData("공지: @Apache Kafka 채널로 이동", "Apache Kafka", false)]
    public void Handles_AfterAtOrBeforeNim(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // Names in Latin letters in rosters of foreign residents: before the country in brackets at a roster's entry, one
    // given name after a kinship or role word, a name after a one-syllable kinship word; not a product before a country.
    [Theory]
    [InlineData("| 2 | Amara Nwosu (나이지리아) | 번역문 |", "Amara Nwosu", true)]
    [InlineData("3. 1-5 Thapa Anish (네팔) → 「괜찮아」", "Thapa Anish", true)]
    [InlineData("비상연락처: 사촌 Bekzod 051-362-0674", "Bekzod", true)]
    [InlineData("딸 Pak Svetlana 연락처 0273532811", "Pak Svetlana", true)]
    [InlineData("마케팅팀 | 남궁하람 | Haram Namgoong | 사원", "Haram Namgoong", true)]
    [InlineData("- Tenzin은 주말 혼자 잔류라 식당에", "Tenzin", true)]
    [InlineData("제품: Galaxy Note (미국) 출시", "Galaxy Note", false)]
    // Letters with diacritics, as French, Spanish and Vietnamese names are written (the list holds them without).
    [InlineData("사장님 채윤미 / 스태프 Léa, 문정호", "Léa", true)]
    [InlineData("통역: Nguyễn Văn Hùng 씨", "Nguyễn Văn Hùng", true)]
    [InlineData("Lucía도 온대요", "Lucía", true)]
    // A listed family name alone before a title, as a given name before one (Kevin 원장); not a listed word that is software.
    [InlineData("심사위원 Morrison 교수의 지도학생", "Morrison", true)]
    [InlineData("Johnson 박사 발표", "Johnson", true)]
    [InlineData("Kafka 개발자 모집", "Kafka", false)]
    [InlineData("남편 Đặng Văn Nam (베트남)", "Đặng Văn Nam", true)]
    [InlineData("남편 Đặng Văn Nam (베트남)", "베트남", false)]
    public void LatinNames_InRostersOfForeignResidents(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // Korean names romanised with a hyphen in the given name (Revised Romanisation as many families write it): with a
    // surname on either side, in capitals, or alone where no capitalised word stands beside it but an address (Thanks,
    // Dear). Not words repeated with another vowel, English prefixes, places (-gu, -do, -ro) or a name of a paper.
    [Theory]
    [InlineData("참석자: Kim Joo-young, 이민수", "Kim Joo-young", true)]
    [InlineData("여권 영문: YOON SEO-AH", "YOON SEO-AH", true)]
    [InlineData("학생 Seo-ah Kim 발표", "Seo-ah Kim", true)]
    [InlineData("메일\nThanks Seo-ah, see you.", "Seo-ah", true)]
    [InlineData("Best regards,\nChae-won (Seonwoo)\n사무국", "Chae-won", true)]
    [InlineData("메모: 배우자 So-ra 님 연락", "So-ra", true)]
    [InlineData("행사: Hip-hop 공연, Ping-pong 대회, Bye-bye 인사", "Hip-hop", false)]
    [InlineData("행사: Hip-hop 공연, Ping-pong 대회, Bye-bye 인사", "Ping-pong", false)]
    [InlineData("방송: Re-run 재방송 Yo-yo 요요", "Re-run", false)]
    [InlineData("주소: Jung-gu, Seoul / Jeju-do 제주", "Jung-gu", false)]
    [InlineData("주소: Jung-gu, Seoul / Jeju-do 제주", "Jeju-do", false)]
    [InlineData("주소: Sejong-ro 세종로", "Sejong-ro", false)]
    [InlineData("기사: Dong-A Ilbo 보도", "Dong-A", false)]
    [InlineData("From our side, Do Ji-geon (CTO) will lead 회의", "Do Ji-geon", true)]
    [InlineData("길드: Jo Hyun-woo | 채팅", "Jo Hyun-woo", true)]
    [InlineData("How Do Re-run 재방송", "Do Re-run", false)]
    public void RomanisedNames_WithAHyphen(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // Korean given names as families romanise them: two syllables, glued or hyphenated; not one syllable or other words.
    [Theory]
    [InlineData("Jieun", true)]
    [InlineData("Seongho", true)]
    [InlineData("Gunwoo", true)]
    [InlineData("Jeom-rye", true)]
    [InlineData("Seo-ah", true)]
    [InlineData("CHAEYOUNG", true)]
    [InlineData("Jin", false)]
    [InlineData("Python", false)]
    [InlineData("Street", false)]
    [InlineData("JiEun", false)]
    public void RomanisedGivenNames(string word, bool given) => Person.IsRomanisedGivenName(word).ShouldBe(given);

    // An attendance line names its people, by nickname too, and they are people wherever the minutes name them again;
    // roles, counts and fillers are not.
    [Theory]
    [InlineData("참석: 도토리(이사장), 너구리, 참새, 교사 솔방울(방장 교사)\n- 다음 달 당번: 도토리가 맡기로.", "너구리", true)]
    [InlineData("참석: 도토리(이사장), 너구리, 참새, 교사 솔방울(방장 교사)\n- 다음 달 당번: 도토리가 맡기로.", "솔방울", true)]
    [InlineData("참석: 도토리(이사장), 너구리, 참새, 교사 솔방울(방장 교사)\n- 다음 달 당번: 도토리가 맡기로.", "교사", false)]
    [InlineData("참석: 1리 봉만석, 2리 간성태, 4리 국종팔", "국종팔", true)]
    [InlineData("참석: 관장(자원봉사) 소은정, 위원 채유리·Fatima\n - Fatima: 제가 토요일에 할게요.", "Fatima", true)]
    [InlineData("참석: 위원장, 부위원장, 간사\n안건: 예산", "간사", false)]
    [InlineData("참석: 회장 외 4명, 감사 1명", "회장", false)]
    [InlineData("불참: 없음\n안건: 예산", "없음", false)]
    public void AttendanceLine_NamesItsPeople(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A given name alone before a kinship word or an elder's form of address, old given names included; not a common
    // word, relation or role before the same words.
    [Theory]
    [InlineData("- 옥분 할머니 요즘 무릎 때문에 못 나오심.", "옥분", true)]
    [InlineData("2. 그림 카드 기억하기. 쌍례 어르신이 여섯 장 다 맞히심.", "쌍례", true)]
    [InlineData("옥련 이모가 오후 두 명 봐 주기로 함.", "옥련", true)]
    [InlineData("우리 담임 선생님이 그러셨다.", "담임", false)]
    [InlineData("동네 할머니들이 모였다. 정말 언니 최고.", "정말", false)]
    [InlineData("미녀 언니 짱. 자기 누나 얘기만 한다.", "자기", false)]
    [InlineData("미녀 언니 짱. 자기 누나 얘기만 한다.", "미녀", false)]
    public void GivenName_BeforeKinOrElderTitle(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A review's writer stands after its star rating and before a separator, and is a person where the shop answers them;
    // masked handles, and the review's own words after a rating, are not.
    [Theory]
    [InlineData("★★★★★ 단골할매 · 2025-06-18\n손맛이 좋네.\n└ 사장님: 단골할매 어머님 또 주문해 주셔서 감사해요", "단골할매", 2)]
    [InlineData("★★★★☆ 우리집냥이 | 딸이 너무 좋아해요", "우리집냥이", 1)]
    [InlineData("★★☆☆☆ hye*** | 답이 없네요\n★★★★☆ 김** | 무난해요", "hye", 0)]
    [InlineData("★★★★☆ 최고의 전쟁영화 ㅋㅋ\n★★★★☆ 완전 잼있다!!", "최고의", 0)]
    public void Reviews_WritersAfterTheRating(string text, string word, int count) => Persons(text).Count(p => p.StartsWith(word, StringComparison.Ordinal)).ShouldBe(count);

    // A nickname, handle or account after the word that introduces it, quoted, after a colon, with @ or shaped as a handle,
    // is a person wherever the text names it again; what is done with a nickname (닉네임 설정) is not one.
    [Theory]
    [InlineData("해당 글 작성자는 닉네임 \"라떼맘\"으로 확인됨. 라떼맘이 다시 글을 올림.", "라떼맘", 2)]
    [InlineData("내담자 닉네임: 구름빵   상담사: 다솜쌤", "구름빵", 1)]
    [InlineData("제보자: 함수민 (인스타 DM, 계정 @sumin_walks)", "sumin_walks", 1)]
    [InlineData("친한 친구는 '쭌'(인스타 아이디 jjun_0412, 본명 모름) 한 명뿐.", "jjun_0412", 1)]
    [InlineData("앱에서 닉네임 설정 후 아이디 찾기를 누르세요.", "설정", 0)]
    [InlineData("활동명: 골목 환경정비 및 홀몸어르신 안부 확인", "골목", 0)]
    [InlineData("동물: 개 / 이름 \"두부\" / 품종 말티즈", "두부", 0)]
    public void Nicknames_AfterTheirLabel(string text, string word, int count) => Persons(text).Count(p => p == word).ShouldBe(count);

    // Foreign residents' names (Names/resident-names.tsv, read by the rules only) before an honorific or a form of address;
    // a name the press titles stays whole (the tagger's span, not the rule's last word).
    [Theory]
    [InlineData("졸음쉼터에서 빌랄 씨와 통화하기로 함.", "빌랄", true)]
    [InlineData("- 볼로르마 씨가 배식 때 어르신을 도움.", "볼로르마", true)]
    [InlineData("환자 아내 올가 님 동석, 조직검사 결과 설명.", "올가", true)]
    [InlineData("이번 결과는 힐러리 클린턴 후보에게 큰 충격이 될 전망이다.", "클린턴", false)]
    [InlineData("수박 씨를 뱉었다. 사과 씨도 있다.", "수박", false)]
    public void ResidentNames_BeforeAnHonorific(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    [Fact]
    public void ResidentNames_AreListedAndNoCommonWords()
    {
        NameGazetteer.IsResidentName("볼로르마").ShouldBeTrue();
        NameGazetteer.IsResidentName("빌랄").ShouldBeTrue();
        NameGazetteer.IsResidentName("타인").ShouldBeFalse();
        NameGazetteer.IsResidentName("바").ShouldBeFalse();
    }

    // A Latin name's Hangul rendering in brackets starts with the sound of one of its words; a note in brackets (a country,
    // a relation, a role) is no rendering.
    [Theory]
    [InlineData("상담 통역: Rahim Uddin (라힘 우딘) 님, 10시 방문", "라힘 우딘", true)]
    [InlineData("3. 번역: Nguyen Van Hung (응우옌 반 흥) 담당", "응우옌 반 흥", true)]
    [InlineData("번역 의뢰: Rina Dewi (인도네시아) | 한→영 | 표지", "인도네시아", false)]
    [InlineData("동거인: Dilnoza Karimova(배우자)\t해운대구", "배우자", false)]
    [InlineData("임차인 Daniel Okafor (서명)\n공인중개사 맹주희", "서명", false)]
    [InlineData("관광객 부부: Emily Hartmann 씨와 남편 Daniel Seo(서대니). 영어 해설.", "서대니", true)]
    [InlineData("2. -48kg Temirlan Abenov(테미를란, 1학년) 48.3 통과", "테미를란", true)]
    [InlineData("인턴 Kim Seoyeon (주간조)\n- 1207호 점검", "주간조", false)]
    [InlineData("입양인 상담 통역: Julie Han (영어)\n- 다음 주 재방문", "영어", false)]
    public void LatinName_RenderingInBrackets(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    [Theory]
    [InlineData("Rahim Uddin", '라', true)]
    [InlineData("Tran Thi Mai", '쩐', true)]
    [InlineData("Nguyen Van Hung", '응', true)]
    [InlineData("Jose Garcia", '호', true)]
    [InlineData("Xiao Ming", '샤', true)]
    [InlineData("Park Daniel", '박', true)]
    [InlineData("Chung Mina", '정', true)]
    [InlineData("Lee Sora", '이', true)]
    [InlineData("Rina Dewi", '인', false)]
    [InlineData("Aigerim Bekova", '맞', false)]
    [InlineData("Rahim", 'R', false)]
    [InlineData("Daniel Seo", '서', true)]
    [InlineData("Grace Ahn", '안', true)]
    [InlineData("Robert Choi", '최', true)]
    [InlineData("Grace Sung", '그', true)]
    [InlineData("Kim Hyun", '현', true)]
    [InlineData("Kwak Minji", '곽', true)]
    [InlineData("Kim Seoyeon", '주', false)]
    [InlineData("Brian Cho", '성', false)]
    [InlineData("Julie Han", '영', false)]
    [InlineData("Amy Kwak", '코', false)]
    [InlineData("Yamada Haruko", '일', false)]
    public void SoundsLike_MatchesTheInitialSound(string name, char first, bool expected) => Person.SoundsLike(name, first).ShouldBe(expected);

    // The community round: a name found in the text is repeated where a word that says who a person is follows it (its
    // given name, its surname alone, a word of a foreign name, the given name of a Latin name), and only there.
    [Theory]
    [InlineData("상담 일지\n담당: 복지사 문해담\n오늘은 해담 선생님이 어르신 댁을 방문했다.", "해담")]
    [InlineData("현장 책임자 석도윤이 점검을 마쳤다. 오후에는 석 소장이 자재를 받았다.", "석")]
    [InlineData("접수: 응우옌 티 흐엉 (베트남)\n흐엉 고객님은 다음 주에 다시 오신다.", "흐엉")]
    [InlineData("Guest: Margaret Doyle (2 nights)\n체크인 때 Margaret 님이 늦는다고 연락함.", "Margaret")]
    [InlineData("From: Jiwon Han <jiwon@example.com>\n회신 부탁드립니다. Jiwon 씨 일정 확인.", "Jiwon")]
    // The given name of a name written family first (Vietnamese), diacritics too, and a family name before a title.
    [InlineData("접수: Nguyen Van Hung (베트남)\n- Hung 오늘 야간 근무 가능", "Hung")]
    [InlineData("단톡\nPhạm Thu Trang 08:22: 네 알겠어요\nPhạm Thu Trang 11:05: 손님 많아요\n사장: Trang 오늘 오픈 혼자 가능?", "Trang")]
    [InlineData("이적 동의: Marcus Bell (신소속 코치)\n- 신소속 Bell 감독 요청: 등록증 사진", "Bell")]
    public void Repeats_BeforeAPersonWord_AreNames(string text, string name) => Persons(text).ShouldContain(name);

    [Theory]
    [InlineData("올 시즌 장타율이 높은 선수다. 타율이 오른 이유를 묻자 그는 웃었다.", "타율")]
    [InlineData("두영식 씨가 왔다. 두 어르신이 함께 계셨다.", "두")]
    [InlineData("위재성 님 방문. 위 어르신은 보호자와 동행했다.", "위")]
    [InlineData("Guest: Grace Kim\nGrace Hotel 로비에서 만남.", "Grace Hotel")]
    public void Repeats_WithoutAPersonWord_StayWords(string text, string word) => Persons(text).ShouldNotContain(word);

    // A time before a speaker lets the talk open with a number; a label's line without one does not.
    [Fact]
    public void Conversation_TimedSpeakersWithNumbers_AreNames()
    {
        var text = "[방송 채팅]\n20:01 구름빵: 3,000원 후원 \"응원해요\"\n20:02 치즈라떼: 1등 축하해요\n20:02 구름빵: 감사합니다\n20:03 치즈라떼: 2판 더 해요";
        Persons(text).ShouldContain("구름빵");
        Persons("방문일: 2025-06-08\n상담일: 2025-06-09\n종료일: 2025-06-10").ShouldBeEmpty();
    }

    // A workspace messenger's header line (name, two spaces, time) names its speaker; a name after a dash at a line's end
    // signs it; a decision of minutes after a dash does not.
    [Theory]
    [InlineData("#디자인\n솜사탕곰 (작가)  오후 3:10\n시안 올렸어요\n연다솜  오후 3:12\n확인했어요", "솜사탕곰", true)]
    [InlineData("선생님 1년 동안 감사했어요 - 하윤\n중학교 가도 놀러 올게요 - 지안", "하윤", true)]
    [InlineData("안건 1. 놀이터 바닥 교체 - 가결\n안건 2. 관리비 인상 - 보류", "가결", false)]
    [InlineData("1. 설치 - 완료\n2. 점검 - 진행", "완료", false)]
    public void Headers_AndDashSignatures(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // Account handles under a column of IDs are persons; a masked cell is not.
    [Theory]
    [InlineData("| 번호 | 당첨자 | 응모 ID |\n| 1 | 탁지환 | jihwan_77 |\n| 2 | 위소담 | sodam.w |", "jihwan_77", true)]
    [InlineData("| 번호 | 당첨자 | 응모 ID |\n| 1 | 탁지환 | jih***** |\n| 2 | 위소담 | sod***** |", "jih*****", false)]
    [InlineData("1) DM mango_cake_22 / 주문자 표하람 / 레터링 문구", "mango_cake_22", true)]
    public void HandleColumns_AndDirectMessages(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // The judge: a small community's own offices are its members'; the press's plain style, or an office of state after
    // the body it serves, keeps a name public.
    [Theory]
    [InlineData("○○리 경로당 소식\n회장 곽만석 어르신이 이번 달 회비를 걷습니다.\n총무 엄태칠 님께 문의하세요.", "곽만석", false)]
    [InlineData("산악회 창립 기념식이 열렸다. 회장으로 선출된 곽만석은 인사말을 했다. 행사는 두 시간 이어졌다.", "곽만석", true)]
    [InlineData("민원 처리 결과\n윤세라 보건복지부 장관은 지원 확대를 약속했다.\n담당: 민원실", "윤세라", true)]
    public void Judge_SmallCommunities_AndOfficesOfState(string text, string name, bool publicPerson) =>
        Reason(text, name).StartsWith(PersonPolicies.PublicPrefix, StringComparison.Ordinal).ShouldBe(publicPerson);

    // Vietnamese names written as one word: a family name, 티 or 반, a given name; words of the same shape are not.
    [Theory]
    [InlineData("- 10:00 팜티응옥 님: 남편 말로는 괜찮대요.", "팜티응옥", true)]
    [InlineData("- 응우옌반득 씨 야간 근무라 토요일 오전만 가능.", "응우옌반득", true)]
    [InlineData("- 3안 반대: 부이티마이 조합원 고양이 알레르기 있음.", "부이티마이", true)]
    [InlineData("- 응우옌티란 손님 전화 안되면 남편 조에게", "응우옌티란", true)]
    [InlineData("브루킹스 연구소 및 헤리티지재단 관계자들과 면담을 갖고", "헤리티지재단", false)]
    [InlineData("비슷한 소재인 무간도, 디파티드, 신세계 등과 비교해봤을 때", "디파티드", false)]
    [InlineData("부반장님과 도반들이 왔다.", "부반장", false)]
    public void VietnameseNames_WrittenAsOneWord(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // Records laid out as logs (a line of a date alone, lines that open with a time, a head of fields split by " / ", a
    // table of "|" without the outer bars): words of public life around a name there are the record's own business; a
    // word of fame right before a name still makes it public.
    [Theory]
    [InlineData("일자 2025. 1. 5. / 경매사 방세찬 (A조) / 기록 좌민경\n- 석만복 선주 아드님 석동진 씨가 오늘부터 하역 감독.", "석동진", false)]
    [InlineData("2025-08-17\n- 공사장 주인 맹대호 씨한테 확인 전화함, 맞다고.", "맹대호", false)]
    [InlineData("08:50 초소 도착\n12:00 점심 교대\n15:10 ○○리 이장 방덕구 씨 마을 방송 요청", "방덕구", false)]
    [InlineData("선명 | 선주 | 어종\n제3호 | 마금순 | 갈치\n- 마금순 사장님 대금 입금. 선주 모임 사장단 방송 출연.", "마금순", false)]
    [InlineData("2025-08-17\n- 상담사가 배우 로버트 다우니 주니어의 회복 이야기를 소개함.", "로버트 다우니 주니어", true)]
    [InlineData("감독교사 어상민 / 코치 사공준 / 계체일 12. 10.\n- 금다솜은 국가대표 강태윤 선수 특강 때 시범 조.", "강태윤", true)]
    public void Judge_LogLayouts_AndFameBeforeAName(string text, string name, bool publicPerson) =>
        Reason(text, name).StartsWith(PersonPolicies.PublicPrefix, StringComparison.Ordinal).ShouldBe(publicPerson);

    // Chats copied with the name and the time before the talk, workspace names joined by an underscore, the full name
    // after a surname and a title, and cells under a column headed by a person word.
    [Theory]
    [InlineData("최윤슬 오후 9:02 너 선배 기억나?\n여보민 오후 9:03 키 큰?\n최윤슬 오후 9:03 ㅇㅇ 그 선배\n여보민 오후 9:06 아닌데", "여보민", true)]
    [InlineData("[상황실_민지] [오전 8:02] 오늘 물량 많아요.\n[독고준] [오전 8:03] 넵", "상황실_민지", true)]
    [InlineData("참석: 봉태원, 설미라, 경 선생(경재만) / 기록: 실장", "경재만", true)]
    [InlineData("참석: 봉태원, 설미라, 경 선생(경재만) / 기록: 실장", "경", true)]
    [InlineData("| 방 | 환자 | 집도 | 마취 |\n| OR3 | 제갈순임 | 마태진 | 오세나 |", "오세나", true)]
    [InlineData("시간 | 수강생 | 레벨 | 강사\n10:30 | 도해람 | 중급 | 견우진", "도해람", true)]
    [InlineData("용역계약서\n발주자\t주식회사 다온에듀 대표이사 민준기\n용역명\t초등 수학 영상 콘텐츠 제작", "용역명", false)]
    [InlineData("시간 | 수강생 | 레벨 | 강사\n10:30 | 미정 | 중급 | 휴강", "휴강", false)]
    [InlineData("[상황실_서실장] [오전 8:02] 오늘 물량 많아요\n[독고준] [오전 8:03] 넵\n[상황실_서실장] [오전 8:11] 확인", "상황실_서실장", true)]
    [InlineData("[총무_김과장] [오후 1:02] 회의실 예약했어요\n[독고준] [오후 1:03] 넵", "총무_김과장", true)]
    [InlineData("chaerin.moon  10:02 AM\n팀 배정 끝났어요\nHaru_nk  10:15 AM\n잼 끝나면 회식", "Haru_nk", true)]
    [InlineData("| 반 | 이름 | 누계 |\n| 인문A | 남기윤 | 3 |\n| 인문B | 우태린 | 2 |\nA씨가 전화함", "인문A", false)]
    [InlineData("[상황실_실장] [오전 8:02] 오늘 물량 많아요\n[독고준] [오전 8:03] 넵", "상황실_실장", false)]
    public void Speakers_Brackets_AndPersonColumns(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // Words of a name's shape that name no one: a parking lot before the title 차장, a people in brackets after a name,
    // a kinship word as a chat's display name, a document; a label with its particle after a staff word (성함이), a label
    // before a title (예금주 총무), a form of address after a name (선생님), a log's field and role words opening lines (메모:, 버디:).
    [Theory]
    [InlineData("지난주에도 지하주차장 자전거 거치대가 넘어졌다.", "지하주")]
    [InlineData("3\tOlga Pak (고려인, 74)\t임대아파트", "고려인")]
    [InlineData("[큰이모] [오후 7:02] 끝나고 바로 갑니다\n[엄마] [오후 7:03] 응", "큰이모")]
    [InlineData("맹성우가 운전했다는 사실확인서를 써 주었습니다.", "사실확인서")]
    [InlineData("상담원: 성함이 어떻게 되세요?\n고객: 김민수입니다", "성함이")]
    [InlineData("방문조사 기록지\n신청인: 기복순 (84세)\n동석자: 며느리 안혜선 (주 돌봄자)\n조사자: 곽서영", "동석자")]
    [InlineData("새가족 등록 카드\n성명: 맹하람\n인도자: 구은혜 집사 (직장 동료)\n주소: 광주광역시", "인도자")]
    [InlineData("면회 신청서\n신청인: 남정복 (부)\n동반인: 여동생 남가온 (고1)", "동반인")]
    [InlineData("회비는 농협 351-1234-5678-11 (예금주 총무)로 목요일까지", "예금주")]
    [InlineData("참관: 학생지원팀 구성태 선생님\n1. 기타\n - 구성태 선생님: 소화기 점검 바람.", "선생님")]
    [InlineData("버디: 천재석 (서명)\n메모: 조류 셈.\n버디: 윤슬 (서명)\n메모: 첫 보트 다이빙.", "버디")]
    [InlineData("버디: 천재석 (서명)\n메모: 조류 셈.\n버디: 윤슬 (서명)\n메모: 첫 보트 다이빙.", "메모")]
    public void NameShapedWords_AreNoPersons(string text, string word) => Persons(text).ShouldNotContain(word);

    // The English name a person goes by, in brackets after the name; not a word in brackets that is no listed given name.
    [Theory]
    [InlineData("[Harvard반]\n1위 정시우 (Leo) 96점 / 2위 탁예린 (Chloe) 93점", "Leo", true)]
    [InlineData("1위 어단비 (Luna) 94점 / 2위 남궁윤 (Ryan) 92점", "Ryan", true)]
    [InlineData("담당: 정시우 (Zoom) 96점", "Zoom", false)]
    [InlineData("담당: 정시우 (LEO) 96점", "LEO", false)]
    public void EnglishNames_InBracketsAfterAName(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A column label with a note in brackets or after its script: a name column's (성명 (영문), 본명(보상 지급용), 영문
    // 성명) holds names, names in capitals as passports write them included, and so does a name's label before such a name;
    // a handle column's (제보자(닉네임)) holds handles. Capitals elsewhere and a bracketed note of another label are no persons.
    [Theory]
    [InlineData("연번\t성명 (영문)\t출신국\n1\tRAKHIMOVA GULNORA\t우즈베키스탄\n2\tGURUNG SITA\t네팔", "RAKHIMOVA GULNORA", true)]
    [InlineData("ID | 제보자(닉네임) | 본명(보상 지급용) | 상태\nBUG-1 | 칼바람 | 선태윤 | Fixed\nBUG-2 | xXHyunXx | 조현우 | Fixed", "칼바람", true)]
    [InlineData("ID | 제보자(닉네임) | 본명(보상 지급용) | 상태\nBUG-1 | 칼바람 | 선태윤 | Fixed\nBUG-2 | xXHyunXx | 조현우 | Fixed", "xXHyunXx", true)]
    [InlineData("접수\t신청인\t영문 성명\t구분\n0415\t판동길\tPAN DONGGIL\t재발급", "PAN DONGGIL", true)]
    [InlineData("- 아지즈 씨 귀화 전 성명 AZIZOV NURBEK → 관찰란에 병기.", "AZIZOV NURBEK", true)]
    [InlineData("이름: KIM MINSU (여권과 동일)", "KIM MINSU", true)]
    [InlineData("담당자: IT TEAM", "IT TEAM", false)]
    [InlineData("접수\t영문 표기\t구분\n0415\tNEW YORK\t재발급", "NEW YORK", false)]
    [InlineData("연번\t품목 (영문)\t수량\n1\tRICE CAKE\t3", "RICE CAKE", false)]
    [InlineData("연번\t성명\t비고 (영문)\n1\t추은재\tNOT FOUND", "NOT FOUND", false)]
    [InlineData("ID | 제목(요약) | 상태\nBUG-1 | 무적버그 | Fixed", "무적버그", false)]
    public void ColumnLabels_WithANoteInBrackets(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // Residents' languages: a name after a Vietnamese word of address (chị, anh, ông chủ) in Vietnamese text, and not God
    // or Heaven after one, nor an English word after "em" in a text without Vietnamese letters; a surname after a Russian
    // form of address; the speaker of a Chinese chat's header line with spaces and a date before the time, and that name
    // elsewhere in the chat.
    [Theory]
    [InlineData("Mai: Dạ. Vậy em với chị Hương làm ở kho nhé.", "Hương", true)]
    [InlineData("Sáng nay gió to, ông chủ Kim Sang-ho nói không ra lồng số 3.", "Kim Sang-ho", true)]
    [InlineData("Anh ấy nói chị Lan sẽ đến. Cảm ơn Chúa.", "Lan", true)]
    [InlineData("Anh ấy nói chị Lan sẽ đến. Cảm ơn Chúa. Ông Trời ơi", "Trời", false)]
    [InlineData("Use an em Dash in the title, not a hyphen.", "Dash", false)]
    [InlineData("Начальник смены господин Пак в курсе.", "Пак", true)]
    [InlineData("Начальник смены в курсе. Пак", "Пак", false)]
    [InlineData("王思琪  2025년 6월 23일 21:03\n房东说月底来检查房间。\n刘浩然  21:05\n啊？扣多少？\n王思琪  21:06\n合同上写的是王思琪和刘浩然。", "王思琪", true)]
    [InlineData("王思琪  2025년 6월 23일 21:03\n房东说月底来检查房间。\n刘浩然  21:05\n啊？扣多少？\n王思琪  21:06\n合同上写的是王思琪和刘浩然。", "刘浩然", true)]
    [InlineData("时间表\n王府井  21:05\n天安门  21:30", "王府井", false)]
    public void ResidentsLanguages_FormsOfAddress_AndChineseHeaders(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    [Fact]
    public void ChineseChat_NameInTheTalk_IsTheSpeakersName()
    {
        const string text = "王思琪  2025년 6월 23일 21:03\n房东说月底来检查房间。\n刘浩然  21:05\n合同上写的是王思琪和刘浩然。";
        var talk = text.LastIndexOf("王思琪", StringComparison.Ordinal);
        Scan.All(text).ShouldContain(f => f.Type == PiiTypes.Person && f.Start == talk && f.End == talk + 3);
    }

    // A phone export's speaker decorated with symbols (소라💕): two syllables then name a person; a channel's tag so
    // decorated does not. A workspace mention of a plain word is a member where 님 or 씨 follows it, not where it is a
    // group (@channel 님들) or an address's domain.
    [Theory]
    [InlineData("2024년 3월 28일 오전 9:21, 소라💕 : 아랫집 할머니께 떡 돌렸어요", "소라", true)]
    [InlineData("2024년 3월 28일 오전 9:21, 공지📢 : 내일 정기점검", "공지", false)]
    [InlineData("티켓 3건 남았어요. @seungwoo 님 배송 쪽 확인 부탁드려요.", "seungwoo", true)]
    [InlineData("네 @dami님 세 번째 티켓은 제가 맡을게요.", "dami", true)]
    [InlineData("확인 @channel 님들", "channel", false)]
    [InlineData("확인 부탁드립니다 @seungwoo", "seungwoo", false)]
    public void ExportSpeakers_AndMentions(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // One word between a possessive and a relation (my Korean friend Jiho); not "is" or "and".
    [Theory]
    [InlineData("My Korean friend Jiho can call you.", "Jiho", true)]
    [InlineData("our new tutor Mina will come on Monday.", "Mina", true)]
    [InlineData("Her best friend Ola sent the photos.", "Ola", true)]
    [InlineData("my and your friend Monday", "Monday", false)]
    public void EnglishRelations_WithAWordBetween(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // The person's other name in brackets after a name in Latin letters: spaced syllables, a one-syllable given name read
    // without diacritics, a label's name whatever its sound, a rendering after a note; not a gender, a note or a country.
    [Theory]
    [InlineData("성   명 : Pham Thi Hoa  ( 팜 티 호 아 )", "팜 티 호 아", true)]
    [InlineData("9병동 903호 Oyunchimeg(어용치멕) 님 (몽골, 수술 후)", "어용치멕", true)]
    [InlineData("2번 Lê Văn Thành(탄) 씨 본인이 나와서 바로 납부.", "탄", true)]
    [InlineData("성명: Santos Maricel (한국명 심마리)   외국인등록번호: 670921-6171111", "심마리", true)]
    [InlineData("3. Bina Shrestha (네팔 새댁, 비나) — 아기 요 하나 새로.", "비나", true)]
    [InlineData("Nguyen Van An (남), 조합원", "남", false)]
    [InlineData("2 | Brian Cho (성인반) | 월수금", "성인반", false)]
    [InlineData("4 | Yamada Haruko (일본 친구, 한국 회사 기숙사) | 서울", "한국 회사 기숙사", false)]
    [InlineData("배정 통역: Dilnoza Yusupova (자원봉사 통역인)", "자원봉사 통역인", false)]
    public void OtherNames_InBracketsAfterALatinName(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A community post's comment writers: a reply's handle of letters, digits and Hangul (└ G80드라이버:), the handles of
    // lines under a comments header until a blank line, everyday words included (전기밥솥:); not a label line under the
    // header (주의:), not an anonymous writer, not lines with a colon elsewhere, not a board's name in brackets.
    [Theory]
    [InlineData("정말 감사합니다 쪽지 드렸어요\n└ G80드라이버: 보험사 담당자 이름 받아두세요.", "G80드라이버", true)]
    [InlineData("가보로 삼겠습니다.\n댓글 4\n여름밤산책: 우와 부럽다 저도 신청했는데\n └ 책먹는여우: 여름밤산책님 다음엔 같이 가요!", "여름밤산책", true)]
    [InlineData("충전 시간 제한 안내문\n댓글(2)\n전기밥솥: 구의원 블로그에 충전기 증설 예산 얘기 있던데\nEVtaker: 과태료 대상이죠?", "전기밥솥", true)]
    [InlineData("충전 시간 제한 안내문\n댓글(2)\n전기밥솥: 구의원 블로그에 충전기 증설 예산 얘기 있던데\nEVtaker: 과태료 대상이죠?", "EVtaker", true)]
    [InlineData("댓글\n관리자: 공지 확인 바랍니다\n익명3: 저도요\n주의: 광고 금지", "익명3", false)]
    [InlineData("댓글\n관리자: 공지 확인 바랍니다\n익명3: 저도요\n주의: 광고 금지", "주의", false)]
    [InlineData("회의 결과\n전기밥솥: 3대 구매\n냉장고: 1대", "전기밥솥", false)]
    [InlineData("[자유게시판] 충전구역에 차가 서 있어요\n└ 테슬라아빠: 저도 봤어요.\n└ 코나맘: 알겠어요.\n└ 밤톨이: 네", "자유게시판", false)]
    public void CommentWriters_UnderAHeaderOrInReplies(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A listed given name in Latin letters alone among Korean words after a sentence's end or a dash, or before a dash or a
    // count (3층); not glued to a full stop (a path or code), nor before a bare number or a Latin word.
    [Theory]
    [InlineData("공장 옮겼다는 말 있음. Jasur 말로는 ○○시 쪽.", "Jasur", true)]
    [InlineData("- 외국인 청년 Bilal — 파키스탄, 공장 다님.", "Bilal", true)]
    [InlineData("12층 인원 부족함. Dilshod 3층 말고 12층으로", "Dilshod", true)]
    [InlineData("설정 파일은 config.Jasur 말고 기본값으로", "Jasur", false)]
    [InlineData("인원 부족함. Dilshod 3 말고", "Dilshod", false)]
    public void LoneLatinGivenNames_AfterASentenceOrBeforeACount(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A handle after a label that names one: after a colon, in a topic with a copula, in an operator's bracket; not a
    // placeholder (없음), a channel word (관리자), a role and a name (the name is found instead), a word with a particle
    // after an operator, a speaker's line, nor a nickname label followed by a space only. A handle of Hangul and digits
    // before 님, not a role word's.
    [Theory]
    [InlineData("[후기] 11월 블라인드 테이스팅 — 작성자: 보르도덕후\n장소: ○○동 비스트로", "보르도덕후", true)]
    [InlineData("공지 (운영자 카마로아재): 2025년 9월 12일 정모", "카마로아재", true)]
    [InlineData("판매자 닉네임은 흑룡Z예요. 같은 반 친구한테 비번 알려 준 적 있어요.", "흑룡Z", true)]
    [InlineData("작성자: 105동_코나맘, 2025-05-15", "105동_코나맘", true)]
    [InlineData("닉네임: 없음 / 작성자: 관리자", "없음", false)]
    [InlineData("닉네임: 없음 / 작성자: 관리자", "관리자", false)]
    [InlineData("작성자: 사례관리사 윤해인", "사례관리사", false)]
    [InlineData("운영자 권한을 위임합니다", "권한을", false)]
    [InlineData("운영자: 공지 확인 바랍니다", "공지", false)]
    [InlineData("닉네임 후원, 받는 분 본인", "후원", false)]
    [InlineData("A-03 먹구름99님 오늘 못 오신대요", "먹구름99", true)]
    [InlineData("해피맘22 님 감사합니다", "해피맘22", true)]
    [InlineData("회원2023님 환영합니다", "회원2023", false)]
    [InlineData("2024년 12월 3일 님", "3일", false)]
    public void Handles_AfterALabelThatNamesOne(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A chat copied under a roster in a longer document: four consecutive speaker lines, a speaker coming back after
    // another; a form's labelled lines are no chat. A column of game handles (소환사명). A nickname said in a sentence with
    // a copula (닉네임은 구름빵입니다), not an action on it (닉네임은 바꿨어요).
    [Theory]
    [InlineData("라인\t소환사명\t실명\nTOP\t가나다\t소재윤\nJGL\t라마바\t탁민성\nMID\t사아자\t여지원\n후보\t차카타\t계은채\n[디스코드 #리그-준비]\n겜돌이: 엔트리 제출 마감 금요일.\n은채: 네 학생처 확인했어요\n말랑콩떡: 저 그날 예비군이라 빠져요\n겜돌이: 재윤 탑 고정.", "겜돌이", true)]
    [InlineData("라인\t소환사명\t실명\nTOP\t가나다\t소재윤\nJGL\t라마바\t탁민성\nMID\t사아자\t여지원\n후보\t차카타\t계은채\n[디스코드 #리그-준비]\n겜돌이: 엔트리 제출 마감 금요일.\n은채: 네 학생처 확인했어요\n말랑콩떡: 저 그날 예비군이라 빠져요\n겜돌이: 재윤 탑 고정.", "말랑콩떡", true)]
    [InlineData("라인\t소환사명\t실명\nTOP\t가나다\t소재윤\nJGL\t라마바\t탁민성", "라마바", true)]
    [InlineData("가을 운동회 안내\n올해 운동회는 학교 운동장에서 열립니다.\n학부모님들의 많은 참여를 부탁드립니다.\n비가 오면 체육관에서 진행합니다.\n점심은 학교에서 준비합니다.\n아이들은 체육복을 입고 등교합니다.\n준비물: 물통\n갈아입을옷: 체육복\n간식거리: 과일\n준비물: 수건", "간식거리", false)]
    [InlineData("판매자 닉네임은 흑룡Z예요. 같은 반 친구한테", "흑룡Z", true)]
    [InlineData("닉네임은 구름빵입니다", "구름빵", true)]
    [InlineData("제 닉네임은 바꿨어요", "바꿨어요", false)]
    public void ChatBlocks_HandleColumns_AndNicknameSentences(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A name a sentence says someone has or is called by; not a thing's name, a predicate after 이름이, nor a common noun
    // someone is called.
    [Theory]
    [InlineData("아이 이름을 Sasha라고 계속 불러서 현장대원에게 전달.", "Sasha", true)]
    [InlineData("신병 전입. 이름은 배마이클, 다들 Mike라고 부름.", "배마이클", true)]
    [InlineData("신병 전입. 이름은 배마이클, 다들 Mike라고 부름.", "Mike", true)]
    [InlineData("딸 이름은 하늘이라고 지었어요", "하늘", true)]
    [InlineData("가게 이름은 행복베이커리, 주소는 시청로", "행복베이커리", false)]
    [InlineData("짝남이랑 동생 이름이 똑같아.", "똑같아", false)]
    [InlineData("이름이 지정되면, 섹션에 나타납니다", "지정되면", false)]
    [InlineData("다들 바보라고 불러", "바보", false)]
    public void NamesCalled_InASentence(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A bracketed speaker that opens several lines may be a nickname ending with a title (골목대장, 겜돌이회장), with or without
    // a colon after the bracket; a notice's bracketed tag is still none.
    [Theory]
    [InlineData("[번개박] 넵\n[Bilal] 알겠습니다 사장님\n[골목대장] 저 오늘 2시부터 가능해요\n[번개박] 태민이 병문안 같이 가실 분?\n[골목대장] 저요. 내일 점심", "골목대장", true)]
    [InlineData("[겜돌이회장]: 엔트리 제출 오늘까지\n녹차라떼: 가능요\n재윤: 저 탑 할게요\n[겜돌이회장]: 재윤 탑 가능?\n재윤: 네 가능해요", "겜돌이회장", true)]
    [InlineData("[공지사항] 이번 주 휴무\n[공지사항] 다음 주 정상 영업\n[공지사항] 주차장 공사", "공지사항", false)]
    [InlineData("[자유게시판] 충전구역에 차가 서 있어요\n[자유게시판] 저도 봤어요", "자유게시판", false)]
    public void BracketedSpeakers_NicknamesEndingWithATitle(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A roster's rank or post column (이병, 사단장) holds no name; a city or district of an address beside a name in a list
    // or a row is no name either (충청북도 여수시, 강릉시 교동), while a name of the same shape in a list still is.
    [Theory]
    [InlineData("번호\t계급\t성명\t소속\n1\t이병\t탁한울\t○○연대 2대대\n2\t이병\t마태현\t수송대대", "이병", false)]
    [InlineData("번호\t계급\t성명\t소속\n1\t이병\t탁한울\t○○연대 2대대\n2\t이병\t마태현\t수송대대", "탁한울", true)]
    [InlineData("참석: 사단장 소장 권혁진 (축사)", "사단장", false)]
    [InlineData("염춘자\t충청북도 여수시 연산동 343-70", "여수시", false)]
    [InlineData("염춘자\t충청북도 여수시 연산동 343-70", "염춘자", true)]
    [InlineData("(작성: 손다인, 강릉시 교동 거주)", "강릉시", false)]
    [InlineData("(작성: 손다인, 강릉시 교동 거주)", "손다인", true)]
    [InlineData("참석: 김민수, 박지현, 이수시", "이수시", true)]
    public void RanksAndPlaces_AreNoNames(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // Residents' Chinese: a surname before a Chinese title or form of address (朴阿姨, 崔先生), not a preposition before one
    // (向老师); the given name of a three-character name found elsewhere where it stands alone (浩然，…), not inside a word.
    [Theory]
    [InlineData("我问了朴阿姨，她说如果墙纸坏了要赔。", "朴", true)]
    [InlineData("下次我陪你们去跟崔先生道个歉吧", "崔", true)]
    [InlineData("我想向老师请教一个问题。", "向", false)]
    [InlineData("李敏  21:20\n我问了朴阿姨。\n刘浩然  21:22\n好的\n王思琪  21:23\n浩然，房东说月底来检查房间。", "浩然", true)]
    [InlineData("李敏  21:20\n我问了朴阿姨。\n刘浩然  21:22\n好的\n王思琪  21:23\n他说浩然之气很重要。", "浩然", false)]
    public void ChineseTitles_AndGivenNames(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // Technical writing: a common word before a press title (유효성 검사, 부동산 시장), a line that opens with a common word
    // with a particle before a colon (이것은 :c:func:), a common word with a particle of two syllables (공간으로) or written
    // in two words (폴 백); a name before the same titles, a speaker's line and a spaced name still are.
    [Theory]
    [InlineData("인증서 유효성 검사가 실패했을 때 발생합니다.", "유효성", false)]
    [InlineData("미국 부동산 시장에서 가장 비싼 가격이다.", "부동산", false)]
    [InlineData("서울중앙지검 지창구 검사는 이날 기소했다.", "지창구", true)]
    [InlineData("객체를 반환합니다.\n이것은 :c:func:`PyObject_Init`와 같습니다.", "이것은", false)]
    [InlineData("값을 모듈 공간으로 옮깁니다.", "공간으", false)]
    [InlineData("실패하면 기본값으로 폴 백 합니다.", "폴 백", false)]
    [InlineData("홍 상수 감독의 작품들은 모두 봤다.", "홍 상수", true)]
    [InlineData("오늘 회의\n김민수 : 시작할게요\n박지현 : 네", "김민수", true)]
    public void TechnicalWords_AreNoNames(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A game's chat log: the time and the channel in brackets before the speaker ([21:06][길드] 달빛검객:), and handles with
    // an underscore tail (하얀늑대_Kr) or a decoration (쭈꾸미🐙, the handle without it); a notice's channel alone is none.
    [Theory]
    [InlineData("[21:04] 레이드 시작\n[21:06][길드] 하얀늑대_Kr: 반지 포인트 제가 더 높은데 왜 쭈꾸미님이 먹음?\n[21:06][길드] 달빛검객: 포인트 표 갱신 안 된 거예요\n[21:08][길드] 불곰아재88: 어제 회사 야근이라 반만 했어요\n[21:09][길드] 쭈꾸미🐙: 반지 양보할게요 늑대님\n[21:12][길드] 달빛검객: 공지) 토요일 정모", "달빛검객", true)]
    [InlineData("[21:04] 레이드 시작\n[21:06][길드] 하얀늑대_Kr: 반지 포인트 제가 더 높은데 왜 쭈꾸미님이 먹음?\n[21:06][길드] 달빛검객: 포인트 표 갱신 안 된 거예요\n[21:08][길드] 불곰아재88: 어제 회사 야근이라 반만 했어요\n[21:09][길드] 쭈꾸미🐙: 반지 양보할게요 늑대님\n[21:12][길드] 달빛검객: 공지) 토요일 정모", "하얀늑대_Kr", true)]
    [InlineData("[21:04] 레이드 시작\n[21:06][길드] 하얀늑대_Kr: 반지 포인트 제가 더 높은데 왜 쭈꾸미님이 먹음?\n[21:06][길드] 달빛검객: 포인트 표 갱신 안 된 거예요\n[21:08][길드] 불곰아재88: 어제 회사 야근이라 반만 했어요\n[21:09][길드] 쭈꾸미🐙: 반지 양보할게요 늑대님\n[21:12][길드] 달빛검객: 공지) 토요일 정모", "쭈꾸미", true)]
    [InlineData("[21:04] 레이드 시작\n[21:06][길드] 하얀늑대_Kr: 반지 포인트 제가 더 높은데 왜 쭈꾸미님이 먹음?\n[21:06][길드] 달빛검객: 포인트 표 갱신 안 된 거예요\n[21:08][길드] 불곰아재88: 어제 회사 야근이라 반만 했어요\n[21:09][길드] 쭈꾸미🐙: 반지 양보할게요 늑대님\n[21:12][길드] 달빛검객: 공지) 토요일 정모", "길드", false)]
    [InlineData("[공지][길드] 토요일 정모: 강남역 7시", "토요일", false)]
    public void GameChatLogs_ChannelTagsAndHandles(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // Discord's copy with the day before the time (Rekka — 오늘 오후 10:43), handles joining letters and Hangul with an
    // underscore (Sol_서포터); LINE's saved talk (time, tab, name, tab, talk) in any script; a timetable's rows are none.
    [Theory]
    [InlineData("Rekka — 오늘 오후 10:43\n네 코치님 바텀에서 핑이 안 찍혀서 망설였어요\n뽀삐연우 — 오늘 오후 10:43\n찍었는데 서버 렉이었나\nSol_서포터 — 어제 오후 10:55\n제 와드 탓이에요\nRekka — 오늘 오후 10:58\n네", "Rekka", true)]
    [InlineData("Rekka — 오늘 오후 10:43\n네 코치님 바텀에서 핑이 안 찍혀서 망설였어요\n뽀삐연우 — 오늘 오후 10:43\n찍었는데 서버 렉이었나\nSol_서포터 — 어제 오후 10:55\n제 와드 탓이에요\nRekka — 오늘 오후 10:58\n네", "뽀삐연우", true)]
    [InlineData("Rekka — 오늘 오후 10:43\n네 코치님 바텀에서 핑이 안 찍혀서 망설였어요\n뽀삐연우 — 오늘 오후 10:43\n찍었는데 서버 렉이었나\nSol_서포터 — 어제 오후 10:55\n제 와드 탓이에요\nRekka — 오늘 오후 10:58\n네", "Sol_서포터", true)]
    [InlineData("[LINE] 미사키와의 대화\n08:12\t준호\t오늘 장모님 몇 시 도착이야?\n08:15\tみさき\t14時半! 金浦空港。\n08:20\tみさき\tありがとう\n08:25\t준호\t알겠어", "みさき", true)]
    [InlineData("[LINE] 미사키와의 대화\n08:12\t준호\t오늘 장모님 몇 시 도착이야?\n08:15\tみさき\t14時半! 金浦空港。\n08:20\tみさき\tありがとう\n08:25\t준호\t알겠어", "준호", true)]
    [InlineData("시간\t행사\t장소\n09:00\t개회식\t강당\n10:00\t기조강연\t강당\n11:00\t분과토의\t세미나실\n12:00\t점심\t식당", "개회식", false)]
    [InlineData("시간\t행사\t장소\n09:00\t개회식\t강당\n10:00\t기조강연\t강당\n11:00\t분과토의\t세미나실\n12:00\t점심\t식당", "기조강연", false)]
    public void DiscordAndLineExports_NameTheirSpeakers(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A Chinese family chat's header: the name in brackets, after a kinship word, or with a Latin name after it; the
    // kinship word is not the name.
    [Theory]
    [InlineData("群聊：宝贝成长群 (4)\n[外婆 刘秀英] 07:45\n乐乐今天几点去幼儿园？外公送她。\n[王小雪 Xiaoxue] 07:50\n妈，今天我送。\n윤재호 07:52\n응 알았어.\n[外公 王建国] 08:40\n送到了。", "刘秀英", true)]
    [InlineData("群聊：宝贝成长群 (4)\n[外婆 刘秀英] 07:45\n乐乐今天几点去幼儿园？外公送她。\n[王小雪 Xiaoxue] 07:50\n妈，今天我送。\n윤재호 07:52\n응 알았어.\n[外公 王建国] 08:40\n送到了。", "王小雪", true)]
    [InlineData("群聊：宝贝成长群 (4)\n[外婆 刘秀英] 07:45\n乐乐今天几点去幼儿园？外公送她。\n[王小雪 Xiaoxue] 07:50\n妈，今天我送。\n윤재호 07:52\n응 알았어.\n[外公 王建国] 08:40\n送到了。", "王建国", true)]
    [InlineData("群聊：宝贝成长群 (4)\n[外婆 刘秀英] 07:45\n乐乐今天几点去幼儿园？外公送她。\n[王小雪 Xiaoxue] 07:50\n妈，今天我送。\n윤재호 07:52\n응 알았어.\n[外公 王建国] 08:40\n送到了。", "外婆 刘秀英", false)]
    [InlineData("[外婆] 07:45\n好的", "外婆", false)]
    public void ChineseFamilyChatHeaders_NameTheSpeaker(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A Chinese name in Chinese characters with its Mandarin reading in brackets: both are the person; a word in Chinese
    // characters with its Sino-Korean reading is not.
    [Theory]
    [InlineData("4) 王俊杰 (왕쥔제) – 중국 면허", "王俊杰", true)]
    [InlineData("4) 王俊杰 (왕쥔제) – 중국 면허", "왕쥔제", true)]
    [InlineData("아내 卢美玲 (루메이링) 씨가 서운해 하심.", "루메이링", true)]
    [InlineData("金融(금융) 위기가 왔다", "金融", false)]
    [InlineData("金融(금융) 위기가 왔다", "금융", false)]
    [InlineData("高速道(고속도) 공사", "高速道", false)]
    public void HanNamesWithMandarinReading(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A name in Thai or Cyrillic letters with its Hangul reading in brackets: both are the person, and the reading again
    // alone later; a city with its reading, or a note in brackets, is not.
    [Theory]
    [InlineData("초청 대상: 배우자 Номинзул (노민졸), 자녀 Бат-Эрдэнэ 없음", "Номинзул", true)]
    [InlineData("초청 대상: 배우자 Номинзул (노민졸), 자녀 없음\n- 노민졸 씨 입국 예정일 미정", "노민졸", true)]
    [InlineData("ประเสริฐ ทองดี (쁘라썻): 사장님 내일 일 있어요?\n국대호: 있어. 쁘라썻이 아침 7시까지 와", "ประเสริฐ ทองดี", true)]
    [InlineData("ประเสริฐ ทองดี (쁘라썻): 사장님 내일 일 있어요?\n국대호: 있어. 쁘라썻이 아침 7시까지 와", "쁘라썻", true)]
    [InlineData("출장지: Москва (모스크바) 지사", "모스크바", false)]
    [InlineData("담당: Иванова (담임), 상담 완료", "담임", false)]
    public void ScriptNamesWithHangulReading(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // Rarer surnames (탄, 묵, 화, 판, 곡, 망) in a name's slot; the everyday words they open, and 화씨 (Fahrenheit), are not.
    [Theory]
    [InlineData("참석: 학과장 성윤재, 탄미래, 나경호", "탄미래", true)]
    [InlineData("주민 묵태섭, 예순남 참석", "묵태섭", true)]
    [InlineData("오늘 기온은 화씨 90도까지 오른다", "화", false)]
    [InlineData("법의학, 탄도학 검사를 실시한 결과", "탄도학", false)]
    [InlineData("탄원인: 피고인의 어머니 길명순", "탄원인", false)]
    public void RarerSurnames_InANamesSlot(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A role in brackets between a speaker and the colon (a game server's staff), an English name before the Korean one
    // on a company messenger, and a nickname ending with a title under a post: each is the speaker.
    [Theory]
    [InlineData("[21:10] 돌도끼곰탱 (운영자): 신고 2건 접수\n[21:12] 밤하늘고래 (부운영자): 로그 확인할게요\n[21:13] 초코송이: 제 집 털렸어요\n[21:15] 돌도끼곰탱 (운영자): 복구해 드릴게요\n[21:16] 초코송이: 감사합니다", "돌도끼곰탱", true)]
    [InlineData("[21:10] 돌도끼곰탱 (운영자): 신고 2건 접수\n[21:12] 밤하늘고래 (부운영자): 로그 확인할게요\n[21:13] 초코송이: 제 집 털렸어요\n[21:15] 돌도끼곰탱 (운영자): 복구해 드릴게요\n[21:16] 초코송이: 감사합니다", "밤하늘고래", true)]
    [InlineData("[21:10] 돌도끼곰탱 (운영자): 신고 2건 접수\n[21:12] 밤하늘고래 (부운영자): 로그 확인할게요\n[21:13] 초코송이: 제 집 털렸어요\n[21:15] 돌도끼곰탱 (운영자): 복구해 드릴게요\n[21:16] 초코송이: 감사합니다", "운영자", false)]
    [InlineData("[DM] Olivia 한서윤: 안녕하세요 협찬 제안드려요\n[DM] 봄날의곰: 네 감사해요\n[DM] Olivia 한서윤: 조건 보내드릴게요\n[DM] 봄날의곰: 넵 확인할게요\n[DM] Olivia 한서윤: 감사합니다", "봄날의곰", true)]
    [InlineData("[DM] Olivia 한서윤: 안녕하세요 협찬 제안드려요\n[DM] 봄날의곰: 네 감사해요\n[DM] Olivia 한서윤: 조건 보내드릴게요\n[DM] 봄날의곰: 넵 확인할게요\n[DM] Olivia 한서윤: 감사합니다", "한서윤", true)]
    [InlineData("[회사 라운지] 야근 문화\n작성자: 만년대리 · 조회 310\n야근 좀 줄었으면\n└ 칼퇴요정: 공감해요 만년대리님\n└ 만년대리: 감사합니다", "만년대리", true)]
    [InlineData("[회사 라운지] 야근 문화\n작성자: 만년대리 · 조회 310\n야근 좀 줄었으면\n└ 칼퇴요정: 공감해요\n└ 인사팀: 확인하겠습니다", "인사팀", false)]
    public void SpeakersWithRolesNamesAndTitledNicknames(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A table cell that lists several people under a column of names or of people: each item.
    [Theory]
    [InlineData("조\t조장\t조원\n1조\t표귀남\t염순이, 간봉구, 석말자\n2조\t노태식\t어정순, 변차순", "간봉구", true)]
    [InlineData("조\t조장\t조원\n1조\t표귀남\t염순이, 간봉구, 석말자\n2조\t노태식\t어정순, 변차순", "변차순", true)]
    [InlineData("조\t조장\t조원\n1조\t표귀남\t염순이, 간봉구, 석말자\n2조\t노태식\t어정순, 변차순", "1조", false)]
    public void TableCellLists_NameEachPerson(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // Names in English mail: after an in-law, a short Korean surname before a given name of one word, and not after an
    // English verb (Go Gangnam).
    [Theory]
    [InlineData("메일 회신: my brother-in-law Peter Hall will join us in May.", "Peter Hall", true)]
    [InlineData("메일 회신: the keys are with Ko Minseok until Friday.", "Ko Minseok", true)]
    [InlineData("메일 회신: we will Go Gangnam first, then Itaewon.", "Go Gangnam", false)]
    public void EnglishMail_InLawsAndShortSurnames(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A chat whose lines open with a bracketed time is a record: a shop's 대표 named in it is a private person.
    [Fact]
    public void BracketedTimeChat_IsARecord()
    {
        var text = "[오후 2:01] 소라: 거래처 미수금 확인했어요?\n[오후 2:03] 다솜: 네 ○○상사는 거기 맹철호 대표가 월요일에 넣는대요\n[오후 2:04] 소라: 네 알겠어요\n[오후 2:06] 다솜: 확인되면 말씀드릴게요";
        Persons(text, PersonPolicy.Private).ShouldContain("맹철호");
    }

    // A given name that ends with a consonant takes the familiar 이 before a particle (임보람 … 보람이랑): it is the
    // person even where it is a common word; 이 alone before a space may be the subject particle and is left.
    [Theory]
    [InlineData("신청인: 조부 임만수\n손녀 임보람 (초6)\n보람이랑 동생이 방학 때 점심을 굶음.", "보람", true)]
    [InlineData("하늘이 맑다. 하늘이 파랗다.", "하늘", false)]
    public void GivenNames_WithTheFamiliarI(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // Handles that join Latin letters and Hangul (DP장인, Rustam_대리, 한결_스터디장) speak under the whole handle; a bot
    // (벌금봇) is no person; a title glued to a handle is no label (형님들 after Rustam_대리: is no name).
    [Theory]
    [InlineData("[09:10] DP고수: 벌금 정산 언제 해요?\n[09:11] 한결_스터디장: 금요일에 정산해요\n[09:12] DP고수: 넵\n[09:20] 벌금봇: 이번 주 미출석 2명\n[09:21] 감튀러버: 저요\n[09:22] 한결_스터디장: 확인", "DP고수", true)]
    [InlineData("[09:10] DP고수: 벌금 정산 언제 해요?\n[09:11] 한결_스터디장: 금요일에 정산해요\n[09:12] DP고수: 넵\n[09:20] 벌금봇: 이번 주 미출석 2명\n[09:21] 감튀러버: 저요\n[09:22] 한결_스터디장: 확인", "한결_스터디장", true)]
    [InlineData("[09:10] DP고수: 벌금 정산 언제 해요?\n[09:11] 한결_스터디장: 금요일에 정산해요\n[09:12] DP고수: 넵\n[09:20] 벌금봇: 이번 주 미출석 2명\n[09:21] 감튀러버: 저요\n[09:22] 한결_스터디장: 확인", "벌금봇", false)]
    [InlineData("[01:13] 박영진: 5분만\n[01:20] Rustam_대리: 형님들 저 병원 앞인데요\n[01:21] 박영진: ㅇㅋ", "형님들", false)]
    public void MixedHandlesAndBots(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A name someone asks to be called by, or that people call them (레이라고 불러 주세요, 친구들은 초고라고 불러요); a
    // thing's name is not (공포영화라고 부르기엔, 이걸 떡볶이라고 불러요).
    [Theory]
    [InlineData("편의점에서 일해요. 미아라고 불러 주세요 ㅎㅎ", "미아", true)]
    [InlineData("한국 친구들은 오기라고 불러요", "오기", true)]
    [InlineData("공포영화라고 부르기엔 너무 약하다", "공포영화", false)]
    [InlineData("이걸 떡볶이라고 불러요", "떡볶이", false)]
    public void NamesCalledInHangul(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A foreign name of two words in Latin letters before a title in Korean text; not a job's or a company's words.
    [Theory]
    [InlineData("당일 근무한 Pema Lhamo 간호사(네팔 출신)는 환자 담당이 아니었다", "Pema Lhamo", true)]
    [InlineData("선우재민 님 (Senior Data Analyst 후보) 평판 조회", "Senior Data Analyst", false)]
    [InlineData("이스라엘 국방부 대변인은 말했다", "국방부", false)]
    public void LatinNamesBeforeTitles(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // Under a post's comments, handles of a parent or sibling by a child's or pet's name (보리누나, ㅅㅇ맘) and titled
    // handles (동네반장) write; a board's tag in brackets ([게시글]), a team before a title (인사팀 매니저) and a title
    // inside a bracketed speaker ([웨딩 나해온 플래너]) are not names.
    [Theory]
    [InlineData("[분실] 강아지 보리 찾아요\n작성자 보리누나 · 2025. 1. 7.\n댓글\n└ 산책하는곰: 후문에서 봤어요\n└ 보리누나: 감사합니다\n└ ㅅㅇ맘: 우리 애도 봤대요\n└ 동네반장: 다행이네요", "보리누나", true)]
    [InlineData("[분실] 강아지 보리 찾아요\n작성자 보리누나 · 2025. 1. 7.\n댓글\n└ 산책하는곰: 후문에서 봤어요\n└ 보리누나: 감사합니다\n└ ㅅㅇ맘: 우리 애도 봤대요\n└ 동네반장: 다행이네요", "ㅅㅇ맘", true)]
    [InlineData("[분실] 강아지 보리 찾아요\n작성자 보리누나 · 2025. 1. 7.\n댓글\n└ 산책하는곰: 후문에서 봤어요\n└ 보리누나: 감사합니다\n└ ㅅㅇ맘: 우리 애도 봤대요\n└ 동네반장: 다행이네요", "동네반장", true)]
    [InlineData("[게시글] 임혜선 · 2025년 3월 28일\n6학년 2반 담임입니다.", "게시글", false)]
    [InlineData("결재: 팀장 변정아 → 인사팀 매니저 윤도겸", "인사팀", false)]
    [InlineData("[웨딩 나해온 플래너] [오전 10:12] 신부님~ 버스 인원 확인해 주세요\n[봄날] [오전 10:15] 38명이요\n[웨딩 나해온 플래너] [오전 10:20] 넵", "플래너", false)]
    public void BoardHandlesAndTags(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // Names in Myanmar, Khmer and Devanagari letters with their Hangul reading; a Chinese name's Mandarin reading before a
    // comma and a note; a press surname written apart from 모 (맹 모(77) 씨), where 모 itself is no name.
    [Theory]
    [InlineData("[21:02] Aung Ko: 내일 야간조 ဇော်ဝင်း(조윈) 대신 누가 들어가?", "ဇော်ဝင်း", true)]
    [InlineData("[21:02] Aung Ko: 내일 야간조 ဇော်ဝင်း(조윈) 대신 누가 들어가?", "조윈", true)]
    [InlineData("배송지 거주자: 林志强(린즈창, 중국 국적, 구매대행 판매자)", "린즈창", true)]
    [InlineData("같은 반 B(81)씨, 맹 모(77) 씨와 함께 4년 과정을 개근했다.", "맹", true)]
    [InlineData("같은 반 B(81)씨, 맹 모(77) 씨와 함께 4년 과정을 개근했다.", "모", false)]
    public void MoreScriptsAndPressSurnames(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A Japanese name in Chinese characters with its Japanese reading (a family name of the gazetteer, then a given
    // name); a castle's, a company's or a university's name with its reading is not.
    [Theory]
    [InlineData("1호 정혜원 님 댁 → 佐藤陽菜(사토 히나), 3호 댁 → 山口美月(야마구치 미즈키)", "佐藤陽菜", true)]
    [InlineData("1호 정혜원 님 댁 → 佐藤陽菜(사토 히나), 3호 댁 → 山口美月(야마구치 미즈키)", "山口美月", true)]
    [InlineData("담당 교수 鈴木健(스즈키 켄) 선생님", "鈴木健", true)]
    [InlineData("여행 둘째 날 大阪城(오사카 성)에 갔다.", "大阪城", false)]
    [InlineData("여행 둘째 날 大阪城(오사카 성)에 갔다.", "오사카 성", false)]
    [InlineData("거래처 三菱商事(미쓰비시 상사) 방문", "三菱商事", false)]
    [InlineData("교환학생 東京大学(도쿄 대학) 합격", "東京大学", false)]
    public void JapaneseNamesWithReading(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A name of several words in Khmer or Thai letters with a reading of several words; a reading of one word after a
    // name of one word only (no spaces there), and no city.
    [Theory]
    [InlineData("피보험자: Sok Chanthy / 원어 표기: សុខ ចាន់ធី(속 짠티) / 외국인등록번호", "សុខ ចាន់ធី", true)]
    [InlineData("피보험자: Sok Chanthy / 원어 표기: សុខ ចាន់ធី(속 짠티) / 외국인등록번호", "속 짠티", true)]
    [InlineData("담당의: นพ. สมชาย วงศ์ใหญ่ (솜차이 웡야이) 정형외과", "솜차이 웡야이", true)]
    [InlineData("출장지: Москва (모스 크바 지사) 방문", "모스 크바 지사", false)]
    [InlineData("담당: Иванова (담임 교사), 상담 완료", "담임 교사", false)]
    public void ScriptNamesWithReadingsOfSeveralWords(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A game's chat log: the character after the channel in brackets speaks, and is named again in the talk; a whisper's
    // sender too. A notice's tags in brackets before a time, and a channel word alone, are not persons.
    [Theory]
    [InlineData("[혈맹][청풍군주] 21:00 공성 30분 전. 성문 조 루나틱, 돌쇠아빠\n[혈맹][루나틱] 21:02 야근이라 늦어요\n[혈맹][돌쇠아빠] 21:03 왔어요\n[귓속말][루나틱 → 청풍군주] 21:15 동생 가입 좀", "청풍군주", true)]
    [InlineData("[혈맹][청풍군주] 21:00 공성 30분 전. 성문 조 루나틱, 돌쇠아빠\n[혈맹][루나틱] 21:02 야근이라 늦어요\n[혈맹][돌쇠아빠] 21:03 왔어요\n[귓속말][루나틱 → 청풍군주] 21:15 동생 가입 좀", "돌쇠아빠", true)]
    [InlineData("[혈맹][청풍군주] 21:00 공성 30분 전. 성문 조 루나틱, 돌쇠아빠\n[혈맹][루나틱] 21:02 야근이라 늦어요\n[혈맹][돌쇠아빠] 21:03 왔어요\n[귓속말][루나틱 → 청풍군주] 21:15 동생 가입 좀", "루나틱", true)]
    [InlineData("[공지][필독] 09:00 서버 점검 안내\n[공지][이벤트] 10:00 출석 보상", "필독", false)]
    [InlineData("[혈맹][시스템] 21:00 공성이 시작되었습니다\n[혈맹][시스템] 21:30 공성이 끝났습니다", "시스템", false)]
    [InlineData("[혈맹][청풍군주] 공성 30분 전 모이세요", "청풍군주", false)]
    public void GameChatChannels_NameTheirSpeakers(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A messenger export's speaker slot holds a handle of a pet's or a child's name and a kinship word ([강쥐언니]); a
    // relation alone there ([엄마], [큰언니]) is no name.
    [Theory]
    [InlineData("[윤슬] [오후 9:04] 장소는 우리 가게 2층 쓰자\n[강쥐언니] [오후 9:07] 나 정은솔임 폰 바꿔서 이름 이거로 뜸", "강쥐언니", true)]
    [InlineData("[윤슬] [오후 9:04] 장소는 우리 가게 2층 쓰자\n[강쥐언니] [오후 9:07] 나 정은솔임 폰 바꿔서 이름 이거로 뜸", "이거로", false)]
    [InlineData("[엄마] [오후 9:04] 밥 먹었니\n[큰언니] [오후 9:07] 먹었어", "엄마", false)]
    [InlineData("[엄마] [오후 9:04] 밥 먹었니\n[큰언니] [오후 9:07] 먹었어", "큰언니", false)]
    public void ExportSlots_TakeKinHandles(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A mention of a display name in Hangul after @; a mention of everyone, and a common word, are not persons.
    [Theory]
    [InlineData("배역 확정: 강도윤 역 → @목소리장인 / 마르타 역 → @한밤의고양이", "한밤의고양이", true)]
    [InlineData("녹음 일정 @하늘바라기님 확인 부탁드려요", "하늘바라기", true)]
    [InlineData("공지 @모두 내일 회의 10시입니다", "모두", false)]
    [InlineData("공지 @전체 확인 바랍니다", "전체", false)]
    public void HangulMentions(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A baptismal name in brackets after a name in a parish's minutes; a note in brackets is not.
    [Theory]
    [InlineData("참석: 회장 황보정숙(젬마), 나상철(요셉), 구경애(모니카)", "젬마", true)]
    [InlineData("참석: 회장 황보정숙(세실리아), 나상철(총무)", "세실리아", true)]
    [InlineData("참석: 회장 황보정숙(세실리아), 나상철(총무)", "총무", false)]
    public void BaptismalNamesInBrackets(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A Korean given name romanised with a hyphen and -ho (Ji-ho, Min-ho) beside a surname that is also a place word
    // (Park); a park's or a lake's name is not a person.
    [Theory]
    [InlineData("수업 안내: two kids from the Tuesday class, Ji-ho Park and Seo-yeon Lim, want to read", "Ji-ho Park", true)]
    [InlineData("수업 안내: Min-ho wants to read aloud", "Min-ho", true)]
    [InlineData("산책 코스: Olympic Park and Namsan Park", "Olympic Park", false)]
    [InlineData("여행 코스: Soyang-ho 호수 산책", "Soyang-ho", false)]
    public void HyphenatedGivenNamesWithHo(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // Words of statements and records, jobs, and a pronoun with a particle are no names where the tagger or a label's
    // slot takes them (진술, 실종, 기준일, 조리원, 설계사, 이거로).
    [Theory]
    [InlineData("- 보람 씨는 동생 준석이 출장 간 사이 정기권을 빌려 썼다고 진술. 정기권 회수")]
    [InlineData("교수는 \"치매 환자 실종은 초기 6시간이 골든타임\"이라며 신청을 권했다.")]
    [InlineData("작성: 관리과 팽재석 대리 / 확인: 관리소장 옹태규 / 기준일: 2025-06-24")]
    [InlineData(" - 은다정 님 통화: 조리원 원장 감혜순 님이 아기 데리고 방문 가능하다고 함")]
    [InlineData("고객: 아 모은지 설계사님이 엄마 고향 친구 딸이라 편하게 연락해요.")]
    public void RecordWords_AreNoNames(string text) =>
        Persons(text).Intersect(["진술", "실종", "기준일", "조리원", "설계사"]).ShouldBeEmpty();

    // A person who speaks in a chat is private where the chat names them too, whatever the talk is about (a race's final);
    // a player the chat talks about, who does not speak there, keeps the public reading.
    [Fact]
    public void ChatParticipant_IsPrivateWhereverNamed()
    {
        const string chat = "[윤혁대장] [오후 9:02] 토요일 서포트 조 확정. CP3은 나리달려랑 경수, 결승은 나랑 James\n"
            + "[나리달려] [오후 9:04] 넵! 근데 CP3에 물 몇 병이에요?\n[경수] [오후 9:07] 엘리트부에 한결승 선수 나온대요 사인 받아도 됨?\n"
            + "[윤혁대장] [오후 9:10] 손흥민 선수 결승골 봤어? 대박";
        var reported = Persons(chat, PersonPolicy.Private);
        reported.Count(p => p == "나리달려").ShouldBe(2);
        reported.ShouldNotContain("손흥민");
        Reason(chat, "나리달려").ShouldBe("chat speaker");
    }

    // A Mandarin reading with more syllables than the name has characters is no Sino-Korean reading (李浩然(리하오란));
    // a word with its Sino-Korean reading, one syllable a character, stays a word.
    [Theory]
    [InlineData("동반 가족: 배우자 李浩然(리하오란), 자녀 李子涵(리쯔한, 4세)", "李浩然", true)]
    [InlineData("동반 가족: 배우자 李浩然(리하오란), 자녀 李子涵(리쯔한, 4세)", "리하오란", true)]
    [InlineData("보호자 阮明珠(응우옌민쭈) 어머니", "阮明珠", true)]
    [InlineData("金融(금융) 위기가 왔다", "金融", false)]
    [InlineData("출장지 武汉(우한) 공장", "武汉", false)]
    public void MandarinReadingsLongerThanTheName(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // An export's speaker slot holds Japanese and Chinese display names too ([佐藤ゆき], [王小雪]); a place in Chinese
    // characters ([東京]) is no name.
    [Theory]
    [InlineData("[빙판위의곰] [오후 8:05] A팀: 경도윤 / 佐藤ゆき / 반초롱\n[佐藤ゆき] [오후 8:06] 저 등록 서류 따로 필요해요?\n[빙판위의곰] [오후 8:07] 네", "佐藤ゆき", 2)]
    [InlineData("[王小雪] [오후 9:10] 今天我送。\n[윤재호] [오후 9:12] 응 알았어", "王小雪", 1)]
    [InlineData("[東京] [오후 9:10] 도착했어요\n[윤재호] [오후 9:12] 응 알았어", "東京", 0)]
    public void ExportSlots_TakeJapaneseAndChineseNames(string text, string word, int count) => Persons(text).Count(p => p == word).ShouldBe(count);

    // WhatsApp's export on a Korean phone (2025. 12. 14., 오전 10:12 - Anjali: …) names its speaker, one Latin word too;
    // a line of another layout with a dash is not a speaker's.
    [Theory]
    [InlineData("2025. 12. 14., 오전 10:12 - Anjali: 5시 와요~ 도담 언니\n2025-05-08, 오전 10:22 - Anjali: sorry last night", "Anjali", 2)]
    [InlineData("2025. 12. 14. 공지 - Notice: 영업시간 변경 안내입니다", "Notice", 0)]
    public void WhatsAppKoreanExports_NameTheSpeaker(string text, string word, int count) => Persons(text).Count(p => p == word).ShouldBe(count);

    // A Korean name's own romanisation in brackets after it is the same person; an English company name is not.
    [Theory]
    [InlineData("차녀 모은숙: 미국 사는 막내 모지훈(Jihoon Mo) 귀국 전까지 치료 유지 원함", "Jihoon Mo", true)]
    [InlineData("담당 홍길동(Samsung Electronics) 과장 통화", "Samsung Electronics", false)]
    public void RomanisationInBrackets(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A speaker's handle of six syllables keeps its last word (드리프트장인); after a given name a staff word is left out
    // (은숙총무 speaks as 은숙).
    [Theory]
    [InlineData("[21:01] 드리프트장인: 1팀 나, 모래곰, 초코칩 확정.\n[21:02] 모래곰: 저 이번엔 레나로 탈게요\n[21:05] 드리프트장인: 규정상 안 됨\n[21:08] 모래곰: 신고했어요?", "드리프트장인", true)]
    [InlineData("[21:01] 드리프트장인: 1팀 나, 모래곰, 초코칩 확정.\n[21:02] 모래곰: 저 이번엔 레나로 탈게요\n[21:05] 드리프트장인: 규정상 안 됨\n[21:08] 모래곰: 신고했어요?", "드리프트", false)]
    [InlineData("은숙총무: 회비 걷을게요\n민재: 네 보낼게요\n은숙총무: 감사합니다\n민재: 넵", "은숙", true)]
    public void SpeakerHandlesKeepTheirLastWord(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A form's columns and labels and the places of records are no names (서명일, 동행자, 원목실).
    [Theory]
    [InlineData("No\t성명\t조\t동의 여부\t서명일\t비고\n1\t한가람\tA\t동의\t2025. 6. 4.\t", "서명일")]
    [InlineData("신청인: 함지원 / 이메일 없음\n동행자: Laurent Dubois (공동연구자)", "동행자")]
    [InlineData("위원: 진보영(간호부), Michael Grant(원목실 목사), 표승완(사회복지사)", "원목실")]
    public void RecordColumnsAndPlaces_AreNoNames(string text, string word) => Persons(text).ShouldNotContain(word);

    // A name in brackets glued to a relation (남편(Pierre)은, 딸(서아, 7세)); a note, a country, a job, a word for a kind of
    // name (가명) or a staff word's bracket (팀장(Kevin)) is not read so.
    [Theory]
    [InlineData("[권보미] [오후 9:06] 땡큐ㅠㅠ 남편(Pierre)은 2주차에 합류해.", "Pierre", true)]
    [InlineData("근데 그날 아내(Emily)랑 딸 한글학교 행사가 있어서", "Emily", true)]
    [InlineData("마리셀 씨가 필리핀 언니(Josephine)한테 보낸다고 요청", "Josephine", true)]
    [InlineData("우리 딸(서아, 7세)도 같이 가요", "서아", true)]
    [InlineData("엄마(Mom)랑 아빠(미국) 남편(회사원) 딸(중3) 모두 참석", "Mom", false)]
    [InlineData("엄마(Mom)랑 아빠(미국) 남편(회사원) 딸(중3) 모두 참석", "미국", false)]
    [InlineData("엄마(Mom)랑 아빠(미국) 남편(회사원) 딸(중3) 모두 참석", "회사원", false)]
    [InlineData("성폭행 피해자인 A부인(가명)에게 손해배상금을 지불하라고 판결했다.", "가명", false)]
    [InlineData("담당 팀장(Kevin)에게 전달 바랍니다", "Kevin", false)]
    public void RelationWithNameInBrackets(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // In-laws are relations before a name (시누 한미래), and a self-introduction names the writer (저는 미나라고 해요); a
    // role said so is not a name (저는 학생이라고 해요), nor is a word someone else says (그건 반대라고 해요).
    [Theory]
    [InlineData("남편 한도윤이랑 시누 한미래가 맛보고 어머님 맛이래요", "한미래", true)]
    [InlineData("레시피 감사합니다. 저는 미나라고 해요", "미나", true)]
    [InlineData("처음 뵙겠습니다. 전 하늘이라고 합니다", "하늘", true)]
    [InlineData("저는 학생이라고 해요", "학생", false)]
    [InlineData("그건 반대라고 해요", "반대", false)]
    public void InLawsAndSelfIntroductions(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // English mail: a closing and the name on one line (Love, Grace), a family's form of address before a given name
    // (Grandma Ok-ja); the form of address alone (Thank you, Uncle!) is no name.
    [Theory]
    [InlineData("할아버지 댁 방문 건\nThank you for everything.\nLove, Grace", "Grace", true)]
    [InlineData("할아버지 댁 방문 건: Grandma Ok-ja will fly in from Sydney on the 20th.", "Ok-ja", true)]
    [InlineData("할아버지 댁 방문 건: Thank you, Uncle! Mom cried a little.", "Uncle", false)]
    [InlineData("할아버지 댁 방문 건\nThanks a lot.\nLove, Everyone", "Everyone", false)]
    public void EnglishClosingsAndFamilyAddress(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A name before a time in brackets speaks (편경호 [09:10] …); a speaker in an export's slot with a title before it still
    // does ([대표 정겨울] [오후 4:30]).
    [Fact]
    public void SpeakerBeforeBracketedTime()
    {
        const string chat = "편경호 [09:10] 카페 '소소' 대금 아직이에요.\n선우진 [09:12] 제가 전화해볼게요.\n편경호 [09:15] 네";
        Reason(chat, "선우진").ShouldBe("chat speaker");
        Persons(chat).Count(p => p == "편경호").ShouldBe(2);
        const string export = "[명하준] [오후 4:15] 있음. 원장님이 또 불러주신대\n[대표 정겨울] [오후 4:30] 다들 수고했어요.\n[추예린] [오후 4:32] 네 대표님!";
        Persons(export).ShouldContain("정겨울");
    }

    // A Chinese name in Hangul with its characters in brackets, after a word that says who a person is (모 장리(张丽),
    // 통역 천징(陈静), 점주 왕리화(王丽华)); a word with its characters (한국(韓國), 문화(文化)) has no such word before it.
    [Theory]
    [InlineData("보호자: 부 길상만 / 모 장리(张丽)", "장리", true)]
    [InlineData("보호자: 부 길상만 / 모 장리(张丽)", "张丽", true)]
    [InlineData("어머니는 가족센터 통역 천징(陈静) 선생님 동석 하에 설명 들으심.", "천징", true)]
    [InlineData("3) ○○역 2번출구점 — 점주 왕리화(王丽华)", "왕리화", true)]
    [InlineData("한국(韓國) 문화(文化) 고려(高麗) 안전(安全)", "한국", false)]
    [InlineData("한국(韓國) 문화(文化) 고려(高麗) 안전(安全)", "文化", false)]
    [InlineData("국가: 한국(韓國)", "한국", false)]
    public void HangulNamesWithTheirCharacters(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A title or form of address after a sender's label is no name (어머님: 선생님 안녕하세요); a post ending with a title
    // after a name in an export's slot leaves the name ([정다은 매장장]).
    [Theory]
    [InlineData("[문자 2025-11-27 16:12] 도서준 어머님: 선생님 안녕하세요 서준이 엄마예요.", "선생님", false)]
    [InlineData("[정다은 매장장] [오전 8:05] 9시 10분 도착 예정이에요~\n[Maricel] [오전 8:10] 네 알겠어요\n[정다은 매장장] [오전 8:20] 네", "매장장", false)]
    [InlineData("[정다은 매장장] [오전 8:05] 9시 10분 도착 예정이에요~\n[Maricel] [오전 8:10] 네 알겠어요\n[정다은 매장장] [오전 8:20] 네", "정다은", true)]
    public void TitlesAfterANameOrALabel(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A name in Chinese characters in brackets after a name in Latin letters is the same person.
    [Fact]
    public void LatinNameWithHanName() =>
        Persons("예약 메일: Arjun Mehta, and Tan Wei Ling (陳慧玲) has a shellfish allergy").ShouldContain("陳慧玲");

    // A chat copied with the time, a space and a Japanese name speaks (10:05 田中由美 …); a timetable of the same shape
    // names no one.
    [Fact]
    public void TimedJapaneseSpeakers()
    {
        const string chat = "바자회 준비방\n10:05 田中由美 皆さんおはようございます。\n10:08 さとう めぐみ 了解です。テント借ります\n"
            + "10:15 田中由美 すごい！お礼しなきゃ\n10:30 山口京子 会計はお願いしてもいい？\n10:41 さとう めぐみ はい！";
        var persons = Persons(chat);
        persons.Count(p => p == "田中由美").ShouldBe(2);
        persons.Count(p => p == "さとう めぐみ").ShouldBe(2);
        persons.ShouldContain("山口京子");
        Persons("일정표\n10:00 開会式 회의실\n11:00 講演 대강당\n12:00 昼食 식당").ShouldBeEmpty();
    }

    // A relation with the name in brackets glued to it makes the person private (남편(차건우)이), whatever else the
    // sentence says (사장님).
    [Fact]
    public void RelationBeforeBracketedName_IsPrivate() =>
        Reason("사장님 당일엔 남편(차건우)이 집에 있을 거예요.", "차건우").ShouldBe("relation:남편");

    // A board copied with a bar after each comment's writer (댓글 느티나무아래 | …, └ 솔숲집 | …); a post's header of bars
    // with no comment under it names no writer.
    [Theory]
    [InlineData("[자유게시판] 정화조 청소비 | 솔숲집 | 2025. 1. 16. | 조회 47\n7번지 윤채린입니다.\n댓글 느티나무아래 | 수고 많으세요. 근데 12번지는요?\n└ 솔숲집 | 그건 옛날 얘기고 합쳐졌대요.", "느티나무아래", true)]
    [InlineData("[자유게시판] 정화조 청소비 | 솔숲집 | 2025. 1. 16. | 조회 47\n7번지 윤채린입니다.\n댓글 느티나무아래 | 수고 많으세요. 근데 12번지는요?\n└ 솔숲집 | 그건 옛날 얘기고 합쳐졌대요.", "솔숲집", true)]
    [InlineData("상품 | 수량 | 금액\n사과 | 3 | 9,000", "상품", false)]
    public void BoardCommentsWithBars(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A speaker's handle ending with a staff word keeps it unless a given name or a name stands before it (에일장인, but
    // 은숙총무 speaks as 은숙); two syllables in an export's slot are a name ([봉구]), a tag's are not ([공지]).
    [Theory]
    [InlineData("[21:15] 홉돌이: 에일장인 2포, 보리밭할배 1포\n[21:22] 에일장인: ㅇㅋ 창고는 동업자가 관리\n[21:25] 홉돌이: 넵 확인요", "에일장인", true)]
    [InlineData("[운영진 하람] [오후 7:13] 지난주 넘어진 봉구님 손목은 좀 어떠세요?\n[봉구] [오후 7:20] 깁스 풀었어요\n[공지] [오후 7:30] 다음 주 휴강", "봉구", true)]
    [InlineData("[운영진 하람] [오후 7:13] 지난주 넘어진 봉구님 손목은 좀 어떠세요?\n[봉구] [오후 7:20] 깁스 풀었어요\n[공지] [오후 7:30] 다음 주 휴강", "공지", false)]
    public void SpeakerSlotsAndStaffEndings(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A name after a unit's or a floor's number introduces its writer (302호 천여름인데요); a role does not (302호 세입자인데요).
    // A closing after the last sentence on its line signs the mail (… 3297. Best wishes, Amara). A Chinese name after a
    // relation (아버지 张伟) is a person.
    [Theory]
    [InlineData("[10:31] 010.3974.6350: 302호 천여름인데요, 저 재택이라 9시에 화상회의 있어요.", "천여름", true)]
    [InlineData("302호 세입자인데요 문의드려요", "세입자", false)]
    [InlineData("유치원 메일: Please call 070-9205-3297. Best wishes, Amara", "Amara", true)]
    [InlineData("2 | 张浩(장하오) | 중1 | 중국어 | 아버지 张伟 | 두 개의 설날", "张伟", true)]
    [InlineData("수업 자료: 중국어 교재 中国语 1권", "中国语", false)]
    public void UnitsClosingsAndHanAfterRelations(string text, string word, bool person) => Persons(text).Contains(word).ShouldBe(person);

    // A message log's direction opens its lines like a speaker and is none ([23:20] 발신: …); the names after its arrow are
    // persons.
    [Fact]
    public void MessageDirections_AreNoSpeakers()
    {
        const string log = "[2025. 4. 14. 23:14] 발신 → 선우하린: 견인 기사 봉상우입니다. 차는 공업사로 입고합니다.\n[23:16] 수신 ← 선우하린: 네 맞아요. 지금 병원 갔어요.\n"
            + "[23:20] 발신: 견인 거리가 무료 구간을 넘어서 추가 비용 생겨요.\n[23:41] 수신: 차 안에 카시트랑 가방 있어요\n[23:45] 발신: 카시트 사진 보냅니다.\n[09:30] 수신: 감사합니다 기사님.";
        var persons = Persons(log);
        persons.ShouldNotContain("발신");
        persons.ShouldNotContain("수신");
        persons.ShouldContain("선우하린");
    }

    // Goods and words of ledgers are no names (천일염, 염산, 승인율).
    [Theory]
    [InlineData("2025-04-25\t옥선희\t3년 간수 뺀 천일염\t10\t완료", "천일염")]
    [InlineData("피해자: 진서우 — 왼쪽 손등 염산(35%) 접촉, 1도 화학화상", "염산")]
    [InlineData("[09:14] 서재혁: 승인율 회복 중. PG사 연락은 인소라 님이 부탁드려요", "승인율")]
    public void LedgerWords_AreNoNames(string text, string word) => Persons(text).ShouldNotContain(word);

    // Telegram copied with the time in brackets and the talk on the line (Dilnoza Yusupova, [10:15]: …), a role in brackets
    // after the name (Сергей Пак (사장), [10:02]: …): the speakers are private, whatever title the role is.
    [Fact]
    public void TelegramLinesWithTheTalk_NameTheSpeaker()
    {
        const string chat = "--- 2025-09-16 ---\nСергей Пак (사장), [10:02]: Доброе утро всем. 오늘 비슈케크행 마감 15:00.\n"
            + "Dilnoza Yusupova, [10:15]: 사장님, 저 상자 2개 보내요.\nСергей Пак (사장), [10:17]: Хорошо. 받는 분 여권 이름 주세요.\nDilnoza Yusupova, [10:20]: 네 보낼게요";
        Reason(chat, "Сергей Пак").ShouldBe("chat speaker");
        Reason(chat, "Dilnoza Yusupova").ShouldBe("chat speaker");
        Persons(chat).ShouldNotContain("사장");
    }

    // 안타 (a hit) inside 안타깝게 (sadly) is no word of sport: the news's private persons stay private.
    [Fact]
    public void SadlyIsNoBaseballHit() =>
        Reason("이를 안타깝게 여긴 맏딸 구하늘(38)씨와 둘째 구보람(35)씨는 공책을 꺼냈다.", "구하늘").ShouldNotStartWith("public");

    // A Discord chat whose speakers all have handles of five or six syllables is a conversation (베이스장인 speaks twice);
    // a form's long labels repeated on its lines are not speakers (처리결과요약).
    [Fact]
    public void LongHandlesMakeAConversation()
    {
        const string chat = "[21:02] 베이스장인: 정기공연 셋리스트 확정! 3곡 솔로 소프라노요정 님\n[21:04] 소프라노요정: 헉 저요?? 근데 포스터에 본명 나가요?\n"
            + "[21:05] 베이스장인: 포스터는 본명 원칙. 금요일에 인쇄소 넘긴대\n[21:07] 알토_쿼카: 저는 영문으로 올려 주세요";
        var persons = Persons(chat);
        persons.Count(p => p == "베이스장인").ShouldBe(2);
        persons.ShouldContain("소프라노요정");
        Persons("처리결과요약: 완료 처리됨 후속 없음\n담당자연락처: 내선 번호 안내\n처리결과요약: 재접수 예정 다음 주").ShouldNotContain("처리결과요약");
    }

    // Latin names keep their diacritics: a KakaoTalk export's speaker in brackets (Vietnamese, Turkish), a table's cell.
    [Fact]
    public void LatinNamesWithDiacritics_AreSpeakers()
    {
        const string chat = "[막내 정아] [오전 7:31] 나 금요일 밤에 내려감~\n[Nguyễn Thu Thủy] [오전 7:40] 네 저도 가요. 도윤이 데리고 가요\n"
            + "[Hằng] [오후 7:05] 선생님 저 지난번 62점이에요\n[Şahin Yılmaz] [오후 7:06] 저도 갈게요";
        Reason(chat, "Nguyễn Thu Thủy").ShouldBe("chat speaker");
        Reason(chat, "Hằng").ShouldBe("chat speaker");
        Reason(chat, "Şahin Yılmaz").ShouldBe("chat speaker");
        // (Lower case after the capital, one to three words: a sentence in brackets is no name.)
        Persons("[Cà phê sữa đá ngon quá] [오후 7:05] 주문 들어왔어요").ShouldBeEmpty();
    }

    // The reading in brackets names the person in Chinese characters before it, a child's given name too (浩然(하오란, 4)),
    // and the Hangul rendering after a Latin name and its 씨 (Kairat 씨(카이라트, 양돈농장)); a note after 씨 is no rendering.
    [Fact]
    public void ReadingsInBrackets_NameThePerson()
    {
        Persons("T-102 | Zhang Li(张丽) | 浩然(하오란, 4) | 말하는 곰인형 | 소리 안 남").ShouldContain("浩然");
        Persons("○○리 버스정류장 | Kairat 씨(카이라트, 양돈농장) | 한국어 교재 1 | - | 회원증 신규").ShouldContain("카이라트");
        var notes = Persons("- Kim Andrei 씨(고려인, 귀화) 한국어 서툶, 처남 최윤석 씨가 동행해 설명함.");
        notes.ShouldNotContain("귀화");
        notes.ShouldNotContain("고려인");
        Persons("오늘 大阪城(오사카 성) 다녀옴. 사진은 나중에").ShouldNotContain("大阪城");
    }

    // A record names a given name or a foreign name again without the sign that found it the first time (보안 비탈리 …
    // 비탈리 씨가); prose is the tagger's (버락 오바마 stays whole); a title or a compound surname is never repeated.
    [Fact]
    public void ConfidentNamesOfOtherShapes_AreRepeatedInRecords()
    {
        const string log = "근무: 야간 매니저 엄기석 / 카운터 팽수경 / 보안 비탈리\n22:40 사우나에서 임종섭 님 어지럼증. 보안 비탈리 씨가 부축함.\n"
            + "00:15 분실 신고: 성하니 님 금목걸이.";
        Persons(log).Count(p => p == "비탈리").ShouldBe(2);
        var prose = Persons("미국 민주당 대선후보인 버락 오바마 상원의원은 20일 연설했다. 오바마는 이라크 철군을 약속했다.");
        prose.ShouldContain("버락 오바마");
        const string board = "담당: 감독님 확인 필요\n메모: 감독님이 동선만 알려 주심\n비고: 남궁 씨 요청. 성이 남궁이라 한 글자 빠지지 않게";
        Persons(board).ShouldNotContain("감독님");
        Persons(board).Count(p => p == "남궁").ShouldBe(1);
    }

    // A workspace's copy with the talk on the speaker's line after two spaces (Slack: doyun.kang  오전 9:58  …; JANDI: 한가온
    // (CEO) 오후 9:41  …; Discord: 닉머리 — 2025. 4. 23. 오후 11:06  …) is a transcript: its speakers are found, and its CEO
    // is the team's, not a public figure. A schedule laid out the same way names no one.
    [Fact]
    public void WorkspaceCopiesWithTheTalk_NameTheSpeakers()
    {
        const string slack = "#qa | 2025년 2월 20일\n한지우 (QA리드)  오전 9:41  오늘 밤 빌드 제출입니다.\ndoyun.kang  오전 9:58  제가 봅니다. 파티클 수가 문제인 듯\n"
            + "마태민  오전 10:07  날개는 살려 주세요\ndoyun.kang  오후 6:55  수정 빌드 올렸습니다.";
        Persons(slack).Count(p => p == "doyun.kang").ShouldBe(2);
        const string jandi = "한가온 (CEO) 오후 9:41  내일 데모데이 발표 순서 확정\n윤슬 (PM) 오후 9:43  네 대표님 슬라이드 고칠게요\n"
            + "염도현 (개발) 오후 9:47  베타 유저 인터뷰 영상 편집 중\n한가온 (CEO) 오후 9:56  고마워요";
        Reason(jandi, "한가온").ShouldNotStartWith("public");
        Reason(jandi, "염도현").ShouldNotStartWith("public");
        const string discord = "닉머리 — 2025. 4. 23. 오후 11:02  다음 주 합주 B룸 잡음\n베이스는_핑계 — 2025. 4. 23. 오후 11:05  ㄳㄳ 셋리스트 확정임?\n"
            + "닉머리 — 2025. 4. 23. 오후 11:06  ㅇㅇ 확정\n드럼치는_두부 — 2025. 4. 24. 오후 11:10  나 그날 늦음";
        var speakers = Persons(discord);
        speakers.Count(p => p == "닉머리").ShouldBe(2);
        speakers.ShouldContain("베이스는_핑계");
        speakers.ShouldContain("드럼치는_두부");
        Persons("회의실  오후 2:30  주간 회의\n대강당  오후 4:00  전체 교육\n3층 로비  오후 5:30  다과").ShouldBeEmpty();
        Persons("방문 예정 — 2025. 4. 23. 오후 11:06  확인 필요\n공지사항 — 2025. 4. 24. 오후 1:06  점검 안내").ShouldBeEmpty();
    }

    // 스타 (a star) inside 스타트 (a start, 스타트업) is no word of public life: a rowing coach's crew stays private.
    [Fact]
    public void StartIsNoStar() =>
        Reason("[코치 변경호] [오후 9:14] 은재 첫 500m 레이트 넘기지 마라. 바우 태오는 스타트 때 블레이드 깊게 넣지 말고.\n[곽지우] [오후 9:20] 넵 코치님", "태오")
            .ShouldNotStartWith("public");

    // A board's reply names its writer before the bar even when the time after the bar holds a colon, deep in a long text
    // (└ 둥이아빠_준 | 2025-10-04 00:05 | …), and a handle's decoration is left out (파란하늘🌤 → 파란하늘).
    [Fact]
    public void BoardRepliesWithATime_NameTheWriters()
    {
        const string board = "[자유게시판] 학폭위 처음 가보는데 조언 부탁드려요 | 한결맘0412 | 2025-08-18 23:14 | 조회 587\n아들이 초6인데 몇 달째 놀림을 당했어요.\n"
            + "└ 솔이네곳간 | 2025-05-28 23:31 | 작년에 가봤어요. 보호자 동석 돼요.\n└ 둥이아빠_준 | 2025-10-04 00:05 | 저는 유튜브 보고 준비했어요.\n"
            + "└ 파란하늘🌤 | 2025-10-06 07:12 | 우리 애도 같은 학원이에요.";
        var writers = Persons(board);
        writers.ShouldContain("솔이네곳간");
        writers.ShouldContain("둥이아빠_준");
        writers.ShouldContain("파란하늘");
        Persons("안내문입니다.\n└ 공지 | 2025-05-28 23:31 | 점검 예정\n└ 없음 | 2025-05-29 10:00 | 해당 없음").ShouldBeEmpty();
    }

    // WhatsApp exported on a Korean phone writes the date its own way, with no comma (2025. 2. 3. 06:20 - Ruwan_Silva88: …),
    // and a display name may carry a flag or a flower before the colon (Chamara 🇱🇰:, Madina🌷:) or end with an initial
    // (Maria K.:). A line of a log with a dash and no date stays no speaker.
    [Fact]
    public void ExportsOfOtherLocales_NameTheSpeakers()
    {
        const string whatsApp = "2025. 2. 3. 06:14 - Kasun Bandara: ok ayye. bus late today\n2025. 2. 3. 06:20 - Ruwan_Silva88: 반장님한테 말했어요. 10분 늦어요\n"
            + "2025년 2월 3일 06:25 - Chamara 🇱🇰: mama tikak late\n2025. 2. 3. 06:31 - Kasun Bandara: ok";
        var speakers = Persons(whatsApp);
        speakers.ShouldContain("Ruwan_Silva88");
        speakers.ShouldContain("Chamara");
        const string telegram = "[2025. 12. 5. 19:00] Aigerim Serikova: Наурыз көже кім жасайды?\n[2025. 12. 5. 19:04] Maria K.: Мен!\n"
            + "[2025. 12. 5. 19:05] Madina🌷: Көжені мен жасаймын\n[2025. 12. 5. 19:07] Aigerim Serikova: Керемет";
        var members = Persons(telegram);
        members.ShouldContain("Madina");
        members.ShouldContain("Maria K.");
        Persons("점검 기록\n06:20 - 보일러: 정상 작동\n06:25 - 배관: 누수 없음").ShouldBeEmpty();
    }

    // A Korean name and a trade after it in an export's slot ([마윤슬 펫시터]) name the person, not the trade; a post
    // before a person's handle ([모임장 말랑두부], [배차실 남궁 과장]) is no name.
    [Fact]
    public void NameThenTradeInTheSlot_NamesThePerson()
    {
        const string chat = "[마윤슬 펫시터] [오후 2:14] 안녕하세요 나린님~ 모카랑 보리 잘 있어요\n[고나린] [오후 2:20] 감사해요!\n[마윤슬 펫시터] [오후 2:22] 사진 보냈어요.";
        var persons = Persons(chat);
        persons.ShouldContain("마윤슬");
        persons.ShouldNotContain("펫시터");
        const string board = "[모임장 말랑두부] [오후 8:02] 이번 주 토요일 2시 보드게임카페\n[배차실 남궁 과장] [오전 4:50] 05시 평택항 컨테이너\n[모임장 말랑두부] [오후 8:05] 7명 확정";
        var slots = Persons(board);
        slots.ShouldNotContain("모임장");
        slots.ShouldNotContain("배차실");
    }

    // A handle that joins a class, a post and a name with underscores in an export's slot names its speaker ([49회_총무_나래]).
    [Fact]
    public void UnderscoredHandleInTheSlot_Speaks() =>
        Persons("[49회_총무_나래] [오후 8:02] 다들 저녁 드셨나요~ 장소 후보 올려요\n[정동욱] [오후 8:05] 강당은 교장선생님 허락 받아야 함").ShouldContain("49회_총무_나래");

    // WeChat copied with the day and the time before each speaker and a full-width colon (周日 20:15 刘子轩：…) is a
    // conversation: its speakers are found, and their names wherever they stand (“刘子轩”邀请“陈一鸣”加入了群聊, a roster's
    // 周二 陈一鸣). An organisation's account speaking is no person (관현악단: …).
    [Fact]
    public void WeChatWithTheDay_NamesTheSpeakers()
    {
        const string chat = "群聊：实验室打扫小分队\n周日 20:14 “刘子轩”邀请“陈一鸣”加入了群聊\n周日 20:15 刘子轩：欢迎新同学！值日表我做好了\n"
            + "周日 20:16 刘子轩：周一 王思雨 / 周二 陈一鸣 / 周三 我\n周日 20:18 王思雨：收到～ 周一我有 세미나\n周日 20:22 陈一鸣：我周二OK。";
        var persons = Persons(chat);
        persons.Count(p => p == "刘子轩").ShouldBeGreaterThanOrEqualTo(3);
        persons.Count(p => p == "陈一鸣").ShouldBeGreaterThanOrEqualTo(3);
        persons.Count(p => p == "王思雨").ShouldBe(2);
        Persons("星期一 09:00 会议室：预约满了\n星期二 10:00 会议室：可以用").ShouldBeEmpty();
        const string account = "관현악단: 안녕하세요 선생님, 공연 건으로 연락드립니다.\n유키: 네 안녕하세요\n관현악단: 리허설은 3시입니다.\n유키: 알겠습니다";
        var speakers = Persons(account);
        speakers.ShouldContain("유키");
        speakers.ShouldNotContain("관현악단");
    }

    // Vietnamese names a child after bé (cho bé Bin), as a mother's chat does.
    [Fact]
    public void VietnameseChildAfterBe_IsAPerson() => Persons("Hôm nay chị đi làm muộn, cần tiền học cho bé Bin.").ShouldContain("Bin");

    // A chat copied with a 24-hour time after the speaker's name and the talk on the line (林宜蓁 22:14 室友~ …, Dilnoza_opa
    // 20:20  Qizim …) is a conversation; a timetable laid out the same way names no one.
    [Fact]
    public void TwentyFourHourChats_NameTheSpeakers()
    {
        const string chat = "2025년 10월 18일\n林宜蓁 22:14 室友~ 나 오늘 늦어 ㅠ 조별과제 끝나면 11시\n나윤서 22:15 ㅇㅋㅇㅋ 문 안 잠글게!\n"
            + "林宜蓁 22:15 對啊… 고마워\n나윤서 22:16 내일 아침 수업 있잖아";
        Persons(chat).Count(p => p == "林宜蓁").ShouldBe(2);
        const string telegram = "Dilnoza_opa 20:20  Qizim Madina keldi\nFarrux_uz 20:21  Yaxshi\nDilnoza_opa 20:25  Rahmat";
        Persons(telegram).ShouldContain("Dilnoza_opa");
        Persons("회의 14:00 본관 3층\n점심 12:00 구내식당\n회의 16:00 본관 3층").ShouldBeEmpty();
    }

    // A Japanese name before さん, ちゃん, くん, さま or 様 in a chat (さすが由紀さん！, 大学の友達由衣ちゃん), not a post, trade or
    // relation (店長さん, 大家さん, お母さん, スタッフさん).
    [Fact]
    public void JapaneseHonorifics_NameThePerson()
    {
        var persons = Persons("준호: 그래? 알았어\nみさき: さすが由紀さん！大学の友達由衣ちゃんも日曜ソウルにいるって。マリアちゃんと山本さんも来ます");
        persons.ShouldContain("由紀");
        persons.ShouldContain("由衣");
        persons.ShouldContain("マリア");
        persons.ShouldContain("山本");
        var roles = Persons("준호: 그래?\nみさき: 店長さんと大家さんが来ます。お母さんも。スタッフさんにも連絡。");
        roles.ShouldNotContain("店長");
        roles.ShouldNotContain("大家");
        roles.ShouldNotContain("母");
        roles.ShouldNotContain("スタッフ");
    }

    // A band's comments copied without a colon (댓글 4, then 라벤더맘 저희 엄마도 …): a first word that opens two lines of the
    // text is a writer; comments that open with a sentence's word twice (감사합니다, 저도요) name no one.
    [Fact]
    public void BandCommentsWithoutAColon_NameTheWriters()
    {
        const string post = "봄비내리는날 · 2025-06-12 22:41 · 아빠랑 천천히 #17\n오늘 아침 아빠가 나를 고모 이름으로 불렀다.\n댓글 4\n"
            + "라벤더맘 저희 엄마도 저를 외할머니 이름으로 부르세요... 힘내세요\n봄비내리는날 라벤더맘님 감사해요. 어머님 성함이 어떻게 되세요?\n"
            + "라벤더맘 순덕이요 ㅎㅎ 요즘 화투 치시면서 저보다 잘 맞히세요";
        var writers = Persons(post);
        writers.Count(p => p == "라벤더맘").ShouldBeGreaterThanOrEqualTo(2);
        writers.Count(p => p == "봄비내리는날").ShouldBeGreaterThanOrEqualTo(2);
        Persons("공지입니다. 다음 주 점검이 있습니다.\n댓글 3\n감사합니다 잘 보고 갑니다\n감사합니다 저도 참고할게요\n저도요 확인했어요").ShouldBeEmpty();
    }

    // Instagram's messages copied as a handle, a middle dot and the talk (bamrun.captain · …, [DM] film_minseo · …) make a
    // conversation; a post's byline (봄비내리는날 · 2025-06-12) and a plain word before a dot (Note · …) name no one.
    [Fact]
    public void HandlesBeforeAMiddleDot_Speak()
    {
        const string dm = "말고밤 목요런 (멤버 11명) · 오늘 오후 6:40\nbamrun.captain · 오늘 코스 반포 → 잠수교 10K, 7시 집합!\n"
            + "gyeol_runs_42 · 벌칙 스쿼트 30개 준비 완\nbamrun.captain · 당연하죠! 인원 체크는 스토리에 태그로\n[DM] narae.jog · 넵 저 천천히 그룹 맡을게요";
        var persons = Persons(dm);
        persons.Count(p => p == "bamrun.captain").ShouldBe(2);
        persons.ShouldContain("gyeol_runs_42");
        persons.ShouldContain("narae.jog");
        Persons("Note · 점검 안내\nTip · 저장은 자주\nNote · 다음 주 공지").ShouldBeEmpty();
    }

    // An export's slot holds a name in two scripts ([Baagii 바기], [오유나 Oyuna]) or in Cyrillic ([Энхжин]); a tag in two
    // words is none ([공지 Notice]).
    [Fact]
    public void SlotNamesInTwoScripts_Speak()
    {
        const string chat = "[Baagii 바기] [오후 8:02] Sain baina uu 다들!\n[Энхжин] [오후 8:04] 와 드디어 ㅠㅠ\n[오유나 Oyuna] [오후 8:07] 활쏘기는 안 된대요";
        var persons = Persons(chat);
        persons.ShouldContain("Baagii 바기");
        persons.ShouldContain("Энхжин");
        persons.ShouldContain("오유나 Oyuna");
        Persons("[공지 Notice] [오후 8:00] 점검 안내입니다\n[공지 Notice] [오후 9:00] 점검 끝").ShouldBeEmpty();
    }

    // A board's comments copied with the writer, a full date, a time and a bar (노무사꿈나무 2025-12-11 00:12 | …) under a
    // comments header, and the writer in the post's byline between bars or before a middle dot: each is a person wherever
    // the handle stands. A schedule's rows of the same shape outside comments, and a notice's byline, name no one.
    [Fact]
    public void DatedCommentsAndBylines_NameTheWriters()
    {
        const string post = "[자유게시판] 무급 인턴 3개월 하고 나왔습니다 | 취준생도토리 | 2025년 6월 17일 23:41 | 조회 1,284\n교육이라더니 첫날부터 일을 시켰어요.\n댓글 3\n"
            + "노무사꿈나무 2025-12-11 00:12 | 실제로 일 시켰으면 근로자성 인정될 가능성 높아요.\n └ 취준생도토리 감사합니다ㅠ\n"
            + "Minsu_92 2025-07-02 01:02 | 이런 글 보면 화나네요. 학교에도 알려 보세요.";
        var persons = Persons(post);
        persons.Count(p => p == "취준생도토리").ShouldBe(2);
        persons.ShouldContain("노무사꿈나무");
        persons.ShouldContain("Minsu_92");
        Persons("금강송 · 2025년 8월 11일 오후 2:40\n오늘 투석 잘 받고 왔어요.").ShouldContain("금강송");
        Persons("점검 일정\n정기점검 2025-12-11 00:12 | 서버 재시작 예정입니다\n공지 · 2025년 8월 11일 오후 2:40\n내용 없음").ShouldBeEmpty();
    }

    // Discord's copy with the date and a bar before the talk (pixeltofu — 2025. 10. 2. 오후 11:02 | …), a handle with a digit
    // and an emoji before the colon ([2025-09-20 19:05] Tin2 💙: …), a double-barrelled family name and an initial after
    // a given name in an export's slot (Ailyn Reyes-Park:, Karthik S:, Pablo R. :), whose given name is the person alone too.
    [Fact]
    public void ExportedSpeakersOfOtherShapes_Speak()
    {
        var discord = Persons("pixeltofu — 2025. 10. 2. 오후 11:02 | 빌드 올렸어요 확인 부탁해요\n솔방울 — 2025년 12월 18일 오후 11:05 | 헉 확인할게요 잠시만요\n"
            + "Ramen_Wizard — 2025-06-18 오후 11:14 | 스카프 스킨 넣어요 오늘 밤에\n솔방울 — 2025. 5. 11. 오후 11:16 | 네 그렇게 해요 좋아요\n"
            + "pixeltofu — 2025-06-13 오후 11:06 | 안 지웠어요 그대로 있어요");
        discord.Count(p => p == "pixeltofu").ShouldBe(2);
        discord.ShouldContain("솔방울");
        var viber = Persons("[2025-09-20 19:05] Tin2 💙: Me!! Arnel is 2nd engineer there\n[2025-09-20 19:15] Joy Dela Cruz: Salamat, I will message him\n"
            + "[2025년 8월 12일 19:18] Ailyn Reyes-Park: Ako na! 제 남편이 도와줄 거예요\n[2025-09-21 07:02] Tin2 💙: Thank you po, see you");
        viber.ShouldContain("Tin2");
        viber.ShouldContain("Ailyn Reyes-Park");
        var whatsApp = Persons("2025-12-15, 21:05 - Rahul Verma: ok let us meet\n2025년 2월 6일, 21:15 - Karthik S: Hi all, thanks for adding.\n"
            + "2025-12-15, 21:18 - Rahul Verma: fine. Karthik your father-in-law is visiting?");
        whatsApp.ShouldContain("Karthik S");
        whatsApp.ShouldContain("Karthik");
        var kakao = Persons("2025. 4. 20. 오후 9:07, 하늘 : 안녕하세요 평일 저녁반이에요\n2025년 6월 13일 오후 9:12, Pablo R. : Hola~ can I join?");
        kakao.ShouldContain("하늘");
        kakao.ShouldContain("Pablo R.");
        Persons("2025. 4. 20. 오후 9:07, 공지 : 이번 주 정기 점검\n2025. 4. 21. 오후 9:07, 공지 : 점검 완료").ShouldBeEmpty();
    }

    // LINE's saved talk with a decorated name or a name in two scripts (05:58	Somchai ⚡	…, 18:10	Nok นก	…): the name
    // speaks, and a listed Latin given name that speaks twice makes the talk a conversation; a timetable's rows do not.
    [Fact]
    public void LineTalkWithDecoratedNames_Speaks()
    {
        var persons = Persons("05:58\tSomchai ⚡\tสวัสดีครับ 오늘 3동 순지르기 먼저 해요\n06:30\tArthit 🍀\t허리 아파요. 오늘 병원 가도 돼요?\n"
            + "12:10\tSomchai ⚡\t사장님 5동 잎이 노래요\n18:10\tNok นก\t내일 생일 파티해요");
        persons.Count(p => p == "Somchai").ShouldBeGreaterThanOrEqualTo(2);
        persons.ShouldContain("Arthit");
        persons.ShouldContain("Nok");
        Persons("09:00\t개회식\t대강당에서 시작합니다\n10:00\t기조강연\t연사 소개 후 진행\n11:00\t휴식\t다과가 준비됩니다").ShouldBeEmpty();
    }

    // The press's 양 or 군 glued to a child's given name (윤새봄(9)양 … 새봄양은 … 새봄양의) is left out of the name, and the
    // name is a person wherever it stands so; the sun (태양은) stays a word.
    [Fact]
    public void GivenNameWithThePresssTitle_IsThePerson()
    {
        var persons = Persons("하교하던 3학년 윤새봄(9)양을 SUV로 들이받았다. 새봄양은 머리를 크게 다쳐 치료를 받고 있다. 새봄양의 아버지 윤도경(41)씨는 말했다. 태양은 뜨거웠다.");
        persons.Count(p => p == "새봄").ShouldBe(2);
        persons.ShouldNotContain("새봄양");
        persons.ShouldNotContain("태양");
    }

    // A reply with a middle dot and the date before the comment (└ 빌라왕잡자 · 2025-12-05 저도 …) and the writer after the
    // 작성자 label (작성자 보증금지켜줘 | 조회 482) name their writers; a reply whose first word is a place is none.
    [Fact]
    public void RepliesWithADateAndLabelledWriters_NameTheWriters()
    {
        const string post = "[피해사례 공유] 집주인 연락 두절입니다\n작성자 보증금지켜줘 | 조회 482 | 댓글 6 | 2025년 8월 3일\n안녕하세요. 세입자입니다.\n"
            + "└ 빌라왕잡자 · 2025-12-05 저도 옆 동 다세대 피해자예요.\n└ 보증금지켜줘 · 2025-07-05 감사합니다 ㅠㅠ 쪽지 드렸어요.\n"
            + "└ 해바라기아내 · 2025. 9. 14. 힘내세요 우리도 그랬어요.";
        var persons = Persons(post);
        persons.Count(p => p == "보증금지켜줘").ShouldBe(2);
        persons.ShouldContain("빌라왕잡자");
        persons.ShouldContain("해바라기아내");
        Persons("공지\n└ 작성자 · 2025-12-05 삭제된 댓글입니다.\n└ 없음 · 2025-07-05 내용 없음").ShouldBeEmpty();
    }

    // A table's rows that open with a time and hold more cells than LINE's talk (10:00	콩이(말티즈)	오정숙	…) are no talk.
    [Fact]
    public void TimedTableRows_AreNoTalk()
    {
        const string book = "시간\t반려견(견종)\t보호자\t코스\n10:00\t콩이(말티즈)\t오정숙\t전체 클리핑 3mm\n11:30\t두부(비숑)\t함태윤\t얼굴컷 + 목욕\n"
            + "13:00\t보리(토이푸들)\t단비맘\t위생미용만";
        var persons = Persons(book);
        persons.ShouldNotContain("콩이(말티즈)");
        persons.ShouldNotContain("두부(비숑)");
    }

    // Words that say who a person is (어머님, 손녀가, 학생은) and adverbs and time words that open with a surname's syllable
    // (매일, 최근, 어떻게, 지난달) name no one, whichever pass took them for names; the names beside them stay.
    [Fact]
    public void PersonWordsAndAdverbs_AreNoNames()
    {
        var persons = Persons("[원장 권혁진] [오후 8:02] 안녕하세요 어머님 아버님. 결과 보냈습니다.\n[도현아빠] [오후 8:05] 네 감사합니다.\n"
            + "[원장 권혁진] [오후 8:07] 손녀가 할머니 좋아하던 시를 낭독했어요. 예금주 어떻게 되세요? 최근 2회 불참, 매일 연습합니다.");
        foreach (var word in new[] { "어머님", "아버님", "손녀가", "어떻게", "최근", "매일" })
        {
            persons.ShouldNotContain(word);
        }

        persons.ShouldContain("권혁진");
    }

    // A Korean given name romanised (Minjun, Seokjin, Dongmin) in an English sentence is a person where it opens the
    // sentence or stands before its Hangul too; a Korean city or firm romanised alike (Busan, Gimhae, Hanwha) is none.
    [Fact]
    public void RomanisedGivenNamesInEnglish_ArePersons()
    {
        var persons = Persons("Thanks for the photos! Minjun (민준) looks so happy. Dongmin will file both applications. Is Seokjin picking her up at 3?");
        persons.ShouldContain("Minjun");
        persons.ShouldContain("Dongmin");
        persons.ShouldContain("Seokjin");
        Persons("We moved to Busan in May, and Gimhae is near. Hanwha opened a plant and Jeonju food is great.").ShouldBeEmpty();
    }

    // A post's byline after a tag in brackets ([항암일기] 제목 | 봄볕아래 | 2025-12-11 22:14 | 조회 312), comments without a
    // colon whose writer opens a reply too (└ 해바라기맘0712 저도 …) or carries digits (까치봉123 저는 …), Discord with the
    // talk one space after the time (감자튀김🍟 — 오늘 오후 1:05 서폿 …): each names its writer, private even beside a word of
    // public life (교수님).
    [Fact]
    public void CafePostsAndDiscordOfOtherShapes_NameTheWriters()
    {
        const string post = "[항암일기] AC 4차 끝! 머리 다 밀었어요 | 봄볕아래 | 2025-12-11 22:14 | 조회 312\n오늘 4차까지 끝났어요.\n댓글 17\n"
            + "해바라기맘0712 봄볕님 고생 많으셨어요!! 저는 노 교수님 환자였다가 지금 3년째예요\n └ 봄볕아래 해바라기맘님 감사해요 ㅠㅠ\n"
            + "까치봉123 저는 이번에 불참ㅠ 다음 달은 꼭 갑니다\n └ 해바라기맘0712 저도 같은 병원이에요! 첫날 같이 봬요";
        var persons = Persons(post, PersonPolicy.Private);
        persons.Count(p => p == "봄볕아래").ShouldBeGreaterThanOrEqualTo(2);
        persons.Count(p => p == "해바라기맘0712").ShouldBe(2);
        persons.ShouldContain("까치봉123");
        var discord = Persons("민규장 — 오늘 오후 1:02 8강 2시 시작. 선수 등록 최종 확인했음\n감자튀김🍟 — 오늘 오후 1:05 서폿 나 맞지? 닉으로 나오게 해 줘\n"
            + "Hwan9 — 오늘 오후 2:48 1세트 졌다… 내 타이밍 완전 읽힘\n민규장 — 오늘 오후 4:15 역스윕!!! 4강 진출");
        discord.ShouldContain("감자튀김");
        discord.ShouldContain("Hwan9");
        Persons("댓글 3\n감사합니다 잘 보고 갑니다\n └ 감사합니다 저도요\n좋아요 123 눌렀어요").ShouldBeEmpty();
    }

    // A listed given name after a word that opens a chat's sentence (Also Ngozi lands …, Wife Divya and …, Yes Venkatesh
    // uncle …) or before a chat's emoji (Salamat Tess ❤️) is a person; the same word after such an opener in mid-sentence,
    // or a capitalised word that is no listed name, is none.
    [Fact]
    public void GivenNamesAfterAChatsOpener_ArePersons()
    {
        var persons = Persons("[2025-09-20 19:15] 관리자: 안내\nThanks sis 🙏 Also Ngozi lands from Lagos on Thursday. Wife Divya and our son are coming.\n"
            + "Yes Venkatesh uncle lands Thursday. Salamat Tess ❤️ I will message him.");
        persons.ShouldContain("Ngozi");
        persons.ShouldContain("Divya");
        persons.ShouldContain("Venkatesh");
        persons.ShouldContain("Tess");
        Persons("The report is ready. Also Python handles it well. Yes Monday works, and Sorry Friday is full.").ShouldBeEmpty();
    }

    // A KakaoTalk export's slot holds the account's display name whatever its words: a shop's nickname of two words, a name
    // in Han characters with Latin letters, after the room's role ([방장 阿杰Jay]); two Han characters alone may be a place,
    // and a name beside a word ([김정복 5톤]) speaks under the name only.
    [Fact]
    public void ExportSlots_TakeShopNicknamesAndHanNicknames()
    {
        const string chat = "--------------- 2025년 9월 1일 ---------------\n[상인회장 염기택] [오전 8:12] 부스 배정 올립니다.\n"
            + "[순덕이네 전집] [오전 8:20] 회장님 우리 입구 쪽이라 좋네요.\n[방장 阿杰Jay] [오후 8:01] 欢迎欢迎~\n[小鹿林晓] [오후 8:03] 大家好！\n"
            + "[김정복 5톤] [오전 4:52] 화성 제가 갑니다\n[東京] [오후 9:10] 도착했어요";
        var persons = Persons(chat);
        persons.Count(p => p == "순덕이네 전집").ShouldBe(1);
        persons.ShouldContain("阿杰Jay");
        persons.ShouldContain("小鹿林晓");
        persons.ShouldContain("김정복");
        persons.ShouldNotContain("김정복 5톤");
        persons.ShouldNotContain("東京");
        persons.ShouldNotContain("방장");
    }

    // After a time, two words before the colon speak: a name before a title (전미란 코디), and, where the same two words
    // open talk again, a full name beside a word (바둑 고수빈) or a nickname of two words (요리조리 쿠킹샘); an agenda's items
    // after their times (전체 회의, 자유 토론) are no speakers, repeated or not.
    [Fact]
    public void TimedTalk_TakesTwoWordSpeakers()
    {
        const string band = "2025-07-15\n오후 1:50 전미란 코디: 오늘부터 출석은 앱으로만 받아요.\n오후 2:35 요리조리 쿠킹샘: 쿠킹반 2학년 결석입니다.\n"
            + "오후 3:02 바둑 고수빈: 바둑반에 새 학생 왔어요\n오후 3:40 요리조리 쿠킹샘: 귀가 확인 완료~\n오후 4:11 바둑 고수빈: 넵 알겠습니다~";
        var persons = Persons(band);
        // (The tagger's span may keep the title, 전미란 코디.)
        persons.ShouldContain(p => p.StartsWith("전미란", StringComparison.Ordinal));
        persons.Count(p => p == "요리조리 쿠킹샘").ShouldBe(2);
        persons.Count(p => p == "고수빈").ShouldBe(2);
        Persons("오후 2:00 전체 회의: 대강당\n오후 3:00 분과 토의: 각 교실\n오후 4:00 전체 회의: 정리\n오후 5:00 자유 토론: 정리\n오후 6:00 자유 토론: 정리")
            .ShouldBeEmpty();
        Persons("오후 2:35 요리조리 쿠킹샘: 쿠킹반 결석입니다.\n오후 2:41 빵순이: 네").ShouldNotContain("요리조리 쿠킹샘");
    }

    // A direct message copied with its direction ([나 → boram.koo], [민지 → 나]) names the other side; an arrow between two
    // others, or to a channel's tag, does not.
    [Fact]
    public void DirectMessageDirections_NameThePeer()
    {
        var persons = Persons("DM 내역\n[나 → boram.koo] 내일 10시 예약 확인차 연락드려요!\n[boram.koo] 네 감사해요!!\n[나 → nare_mo] 연장 시안 보내드려요~\n[민지 → 나] 네");
        persons.Count(p => p == "boram.koo").ShouldBe(2);
        persons.ShouldContain("nare_mo");
        persons.ShouldContain("민지");
        Persons("[나 → 공지] 확인\n[입고 → 출고] 3건 처리").ShouldBeEmpty();
    }

    // A job or care role after a possessive takes a given name as a relation does (Our nurse Nastya, your doctor Smith).
    [Fact]
    public void EnglishRolesAfterAPossessive_TakeGivenNames()
    {
        Persons("Max can be picked up after 5pm. Our nurse Nastya will explain the meds in English.").ShouldBe(["Nastya"]);
        Persons("Our nurse station opens at 9. The doctor Monday clinic is full.").ShouldBeEmpty();
    }

    // The policy: a title of business, a school or a clinic with 님 after a name (태웅 사장님, 노현주 교수님) is how a chat or
    // a letter addresses a private person, and 감사장 (a letter of thanks) holds no 사장; fans' 감독님 stays public, and a
    // station's chief (황인철 서장은) is an office.
    [Fact]
    public void TitlesOfAddress_AreNoPublicLife()
    {
        PersonPolicies.IsPrivate(Reason("[총무 석보미] [오전 10:52] 태웅 사장님 5번 자리 비어 있어요!", "태웅")).ShouldBeTrue();
        PersonPolicies.IsPrivate(Reason("\"실습 때 손 위치를 고쳐 주신 노현주 교수님 얼굴이 떠올랐다\"고 말했다.", "노현주")).ShouldBeTrue();
        PersonPolicies.IsPrivate(Reason("○○해양경찰서는 남궁현 씨와 석덕만 씨에게 감사장을 전달할 예정이다.", "석덕만")).ShouldBeTrue();
        PersonPolicies.IsPrivate(Reason("이 영화 최고예요 봉준호 감독님 사랑합니다", "봉준호")).ShouldBeFalse();
        PersonPolicies.IsPrivate(Reason("○○경찰서 황인철 서장은 두 사람에게 감사장을 전달했다.", "황인철")).ShouldBeFalse();
    }

    // A Chinese chat whose lines open with the speaker and a full-width colon (金英花：…, 王姐🌸：…, the time on a line of
    // its own) names its speakers; a form's labels in Chinese (会议室：, 时间：) and a day before the time (周日 20:15) do not.
    [Fact]
    public void ChineseColonTalk_NamesTheSpeakers()
    {
        var persons = Persons("下午 2:05\n金英花：姐妹们，○○医院 7층 간병 자리 나왔어요。\n朴春梅：几天？보호자 누구예요？\n金英花：先一周。\n"
            + "李红：我明天可以去！\n下午 8:47\n王姐🌸：谁知道 老年证 怎么办？");
        persons.Count(p => p == "金英花").ShouldBe(2);
        persons.ShouldContain("朴春梅");
        persons.ShouldContain("李红");
        persons.ShouldContain("王姐");
        Persons("会议室：3층\n时间：下午2点\n地点：总部\n金英花：确认\n金英花：好").ShouldNotContain("会议室");
        Persons("周日 20:15 刘子轩：欢迎\n周日 20:16 王梓涵：谢谢\n周日 20:18 刘子轩：好的").ShouldNotContain("周日");
    }

    // A video's comments copied as the writer, a middle dot and how long ago (봄비내리는날 · 2일 전 · …, 여울🌊 · 20시간 전 · …)
    // name their writers; a notice's or an office's line of the same shape (공지 · 3일 전 · 점검 안내) does not.
    [Fact]
    public void CommentsWithHowLongAgo_NameTheWriters()
    {
        var persons = Persons("댓글 32개\n봄비내리는날 · 2일 전 · 너무 귀여워요\nseoyeon_mom92 · 2일 전 · 아빠가 몰래 마이크를\n"
            + "토리아빠2 · 1일 전 · 사회 보신 분 목소리 좋으시네요.\n여울🌊 · 20시간 전 · 배경화면 했어요");
        persons.ShouldContain("봄비내리는날");
        persons.ShouldContain("seoyeon_mom92");
        persons.ShouldContain("토리아빠2");
        persons.ShouldContain("여울");
        Persons("공지 · 3일 전 · 점검 안내\n알림 · 2일 전 · 보도자료").ShouldBeEmpty();
    }

    // More export layouts: a KakaoTalk slot in Thai or in initials ([พี่ต้อย], [ㅇㅎㅁ]), a phone's export naming a
    // decorated kana name (ゆい🌷 : …), Telegram's header ending in a colon with a decorated or hyphenated name, comments
    // under an emoji's header (💬 댓글); an app's name in the slot ([에어비앤비], [왓츠앱]) is none.
    [Fact]
    public void MoreExportLayouts_NameTheirSpeakers()
    {
        var kakao = Persons("[맹유진] [오후 1:00] 안녕\n[พี่ต้อย] [오후 1:02] สวัสดี\n[ㅇㅎㅁ] [오후 9:20] 저 23기예요\n[에어비앤비] [오후 9:30] 예약 확정\n[왓츠앱] [오후 9:31] 새 메시지");
        kakao.ShouldContain("พี่ต้อย");
        kakao.ShouldContain("ㅇㅎㅁ");
        kakao.ShouldNotContain("에어비앤비");
        kakao.ShouldNotContain("왓츠앱");
        Persons("2025. 4. 10. 오후 2:22, ゆい🌷 : はい、省略でお願いします！\n2025. 4. 10. 오후 2:25, 권아름 플래너 : 네 알겠습니다").ShouldContain("ゆい");
        var telegram = Persons("Oyunaa 🌸, [2025. 1. 19. 21:20]:\nМаргааш уулзъя\nБат-Эрдэнэ Д., [2025. 1. 19. 21:22]:\nТэгье");
        telegram.ShouldContain("Oyunaa");
        telegram.ShouldContain(p => p.StartsWith("Бат-Эрдэнэ", StringComparison.Ordinal));
        Persons("[대회후기] 크루 전원 완주 | 작성자 한강거북이 | 2025-07-17\n💬 댓글\n소나무달림 : 운영진님 고맙습니다\n마일리지왕 : 내년엔 꼭 서브3")
            .ShouldContain("마일리지왕");
    }

    // The policy: a child's place in the family after a possessive (우리 셋째 라온이) makes the name private beside words of
    // the screen (촬영); a story's or a history's 막내 (막내 점박이를 살리기 위한 영화) does not.
    [Fact]
    public void FamilyOrderAfterAPossessive_IsARelation()
    {
        Reason("우리 셋째 라온이 첫 생일 함께 축하해 주셔서 감사해요! 촬영·편집은 아빠가 했어요", "라온").ShouldBe("relation:셋째");
        Reason("푸른 눈을 한 막내 점박이를 살리기 위한 격투 장면이 이 영화의 명장면", "점박이").ShouldNotBe("relation:막내");
    }

    // A live stream's replay counts the seconds before each speaker (0:03:12 김치는사랑: …); a second-hand chat names its
    // speakers in brackets before a time without brackets, a handle of Hangul and a Latin letter too ([도시농부J] 오후 1:12);
    // a board's replies put a date in brackets before the colon (└ 도토리엄마 (2025. 4. 2.): …) or a month, a day and a time
    // before the talk (└ 책벌레하나 3월 14일 오후 9:41 …). A video's timestamps in a list of chapters are no speakers.
    [Fact]
    public void MoreChatAndReplyLayouts_NameTheirSpeakers()
    {
        var stream = Persons("0:03:12 김치는사랑: 쌤 오늘 김장 몇 포기예요??\n0:04:05 jiwoo_0412: 어머님 안녕하세요!!\n0:05:22 Hanoi_Linh: chị ơi 젓갈 뭐 써요?\n"
            + "0:16:20 jiwoo_0412: 쌤 칼질 속도 빠르세요\n0:18:02 김치는사랑: 저도 따라 할게요");
        stream.ShouldContain("김치는사랑");
        stream.Count(p => p == "jiwoo_0412").ShouldBe(2);
        stream.ShouldContain("Hanoi_Linh");
        var deal = Persons("[나무늘보맘] 오후 1:05 원목 식탁 아직 있나요?\n[도시농부J] 오후 1:12 네 있어요.\n[나무늘보맘] 오후 1:15 좋아요!\n[도시농부J] 오후 1:20 입금 확인했어요.");
        deal.Count(p => p == "도시농부J").ShouldBe(2);
        var replies = Persons("댓글 5\n└ 도토리엄마 (2025. 4. 2.): 헐 진짜요?\n└ Marisol_K (2025. 12. 28.): 저도 참여할게요\n└ 책벌레하나 3월 14일 오후 9:41 간식 콜!\n└ Pierre 3월 23일 오후 11:35 Merci");
        replies.ShouldContain("도토리엄마");
        replies.ShouldContain("Marisol_K");
        replies.ShouldContain("책벌레하나");
        replies.ShouldContain("Pierre");
        Persons("0:00:00 인트로: 오늘의 요리\n0:02:15 재료 손질: 배추 절이기\n0:10:40 양념 만들기: 고춧가루").ShouldBeEmpty();
        Persons("└ 답변 (2025. 4. 2.): 처리되었습니다\n└ 공지 3월 14일 오후 9:41 점검 안내").ShouldBeEmpty();
    }

    // A streaming site's log marks each line with an emoji after the bracketed time and names a donation's giver before
    // 님 and the amount ([21:17:05] 💰 까망베르_ 님 5,000치즈: …, [21:17:30] 🎙️ 노을빛하루: …); after a time, where two words
    // of a name's shape stand before the colon, the first is the role (호스트 송지은); a slot holds a name in kana and
    // Latin letters ([リオ Rio]). A common word before 님 and an amount (관리자 님 5,000원:) names no one.
    [Fact]
    public void StreamLogsAndRolesBeforeNames_NameTheSpeakers()
    {
        var stream = Persons("[21:03:12] 💰 밤양갱러버99 님 1,000치즈: 오늘 20킬 가능?\n[21:03:40] 🎙️ 노을빛하루: 감사합니다\n"
            + "[21:17:05] 💰 까망베르_ 님 5,000치즈: 누나 오늘 제 생일이에요\n[21:17:30] 🎙️ 노을빛하루: 생일 축하해!!");
        stream.ShouldContain("까망베르_");
        stream.Count(p => p == "노을빛하루").ShouldBe(2);
        var host = Persons("[14:10] 호스트 송지은: Hi, welcome to Busan!\n[14:11] 호스트 송지은: Please do not park here.\n[14:12] Hana: Thank you!");
        host.ShouldContain("송지은");
        host.ShouldNotContain("호스트");
        Persons("[리오 Rio] [오후 8:15] すみません\n[윤정희] [오후 8:16] 네").ShouldContain("리오 Rio");
        Persons("[リオ Rio] [오후 8:15] すみません\n[윤정희] [오후 8:16] 네").ShouldContain("リオ Rio");
        Persons("[10:00] 공지: 후원 안내\n[10:01] 관리자 님 5,000원: 이번 주").ShouldBeEmpty();
    }

    // A workspace messenger shows a post in brackets between the speaker and the colon, in Latin letters or after a team's
    // letters ([10:02] 오세린 (CS팀장): …, [10:04] Priya Sharma (Backend): …); Discord's copy may put a colon after the
    // date and time (zzin_k — 2025년 2월 12일 오후 9:33: …) and name a handle of syllables and digits (유나0427 — …); a
    // phone export's slot holds a name in Cyrillic (…, Гульнора : …). A note in brackets with digits is no post, and a
    // line with no time before the bracket does not take a Latin word as one.
    [Fact]
    public void PostsInBrackets_DiscordDates_AndCyrillicSlots_NameTheSpeakers()
    {
        var slack = Persons("[10:02] 오세린 (CS팀장): 카드 결제 실패 문의 폭주 중입니다.\n[10:04] Priya Sharma (Backend): Checking the gateway now.\n"
            + "[10:06] hyunwoo.kang: 어젯밤 배포에 인증서 교체 포함돼 있었어요\n[10:07] 도경민 (CTO): 승인. 롤백 진행하세요.\n[10:21] 오세린 (CS팀장): 승인율 회복 확인했습니다.");
        slack.ShouldContain("오세린");
        slack.ShouldContain("Priya Sharma");
        slack.ShouldContain("hyunwoo.kang");
        slack.ShouldContain("도경민");
        var discord = Persons("zzin_k — 2025-11-22 오후 9:12: 다들 이번 토요일 버스킹 확정!!\n유나0427 — 2025. 12. 12. 오후 9:15: 헐 드디어\n"
            + "민트초코칩🍫 — 2025. 10. 19. 오후 9:31: 나 토요일 알바 대타 구함\nzzin_k — 2025년 2월 12일 오후 9:33: ㅇㅋ 동선 빼 둘게");
        discord.Count(p => p == "zzin_k").ShouldBe(2);
        discord.ShouldContain(p => p.StartsWith("유나", StringComparison.Ordinal));
        discord.ShouldContain("민트초코칩");
        var kakao = Persons("2025년 3월 23일 오후 3:12, Dilnoza : Salom qizlar!\n2025년 3월 23일 오후 3:15, Гульнора : Я приду.\n2025년 3월 23일 오후 3:20, Нодира : Ha, men qilaman");
        kakao.ShouldContain("Гульнора");
        Persons("[10:02] 공지 (2025년 개정): 결제 정책 안내\n[10:04] 안내 (3차): 점검 일정").ShouldBeEmpty();
        Persons("회의 (Draft): 다음 주 일정 정리").ShouldBeEmpty();
    }

    // A comment whose writer is a handle decorated by a symbol or joined by an underscore (쭈꾸미라이더🐙 참석이요!, 클라이머_J
    // 저 …) names its writer at the line's start even once; "Welcome Efua!" addresses a person, "Welcome Aboard!" no one.
    [Fact]
    public void DecoratedCommentWriters_AndWelcomes_AreNames()
    {
        var band = Persons("[공지] 토요 정기 라이딩\n댓글 42\n쭈꾸미라이더🐙 참석이요! B조 갑니다.\n└ 바람개비_변재석 환영합니다~\n클라이머_J 저 청평에서 합류합니다.");
        band.ShouldContain("쭈꾸미라이더");
        band.ShouldContain("클라이머_J");
        Persons("Chinedu Okafor: Welcome Efua! Chale you don land finally").ShouldContain("Efua");
        Persons("Chinedu Okafor: Welcome Aboard! Glad to have you").ShouldNotContain("Aboard");
    }

    // A parent's handle names the child (로아엄마): the child's name elsewhere in the chat is a person (로아 내일 …, 로아야);
    // a common word (하늘) only with the familiar 이 before a particle; in a chat about pets the handle names a pet.
    [Fact]
    public void ParentsHandle_NamesTheChild()
    {
        var daycare = Persons("[Thu Hà 로아엄마] [오후 5:20] 선생님 로아 내일 외할머니 집 가요.\n[햇살반 교사 박미정] [오후 5:25] 네 어머님 알겠습니다.\n"
            + "[Thu Hà 로아엄마] [오후 5:33] 로아 가방에 인형 있었어요\n[햇살반 교사 박미정] [오후 5:40] 잘 다녀와요 로아야!");
        // (The child's name inside the handle counts too: the handle speaks as Thu Hà.)
        daycare.Count(p => p == "로아").ShouldBeGreaterThanOrEqualTo(3);
        var sky = Persons("[하늘맘 윤지수] [오후 8:01] 코치님 하늘이가 내일 결석해요\n[코치 한재원] [오후 8:05] 네 어머님\n[하늘맘 윤지수] [오후 8:07] 하늘이 맑아서 다행이에요");
        sky.Count(p => p == "하늘").ShouldBe(1);
        var pets = Persons("[뭉치엄마] [오후 5:20] 원장님 뭉치 사료 바꿔도 되나요?\n[동물병원] [오후 5:25] 네 강아지 체중 보고 정할게요\n[뭉치엄마] [오후 5:33] 뭉치가 잘 먹어요");
        pets.ShouldNotContain("뭉치");
    }

    // Chinese writes no space after a given name (我要去！佳穎也說要去): the given name of a speaker's full name opens a word
    // after punctuation and counts there; inside a longer run of characters (林佳穎) it is the full name's.
    [Fact]
    public void ChineseGivenName_BeforeMoreCharacters_IsThePerson()
    {
        var line = Persons("[LINE] 釜山打工度假互助群的聊天記錄\n09:12\t阿哲\t有人今天去海雲台嗎？\n09:15\t小魚\t我要去！佳穎也說要去\n09:16\t林佳穎\t對～ 但我老闆說今天可能要我加班\n"
            + "09:20\t陳冠宇\t冠宇報到。我今天休假。\n09:22\t阿哲\t好啊\n09:25\t林佳穎\t好～");
        line.ShouldContain("佳穎");
        line.ShouldContain("冠宇");
        line.ShouldContain("林佳穎");
    }

    // The policy: 조선소 builds ships and 조선족 are residents, not the Joseon dynasty; 조선 alone is the dynasty.
    [Fact]
    public void ShipyardsAndKoreanChineseResidents_AreNoPublicLife()
    {
        Reason("네팔 출신 비슈누 구룽(24) 씨는 공고를 졸업하고 조선소에서 일한다.", "비슈누 구룽").ShouldNotStartWith("public:");
        Reason("조선족 간병인 최옥순 씨가 밤 근무를 맡았다.", "최옥순").ShouldNotStartWith("public:");
        Reason("조선 후기 학자 정약용은 유배지에서 책을 썼다.", "정약용").ShouldStartWith("public:");
        // (Nor does 상하차, loading a truck, hold 하차, leaving a show.)
        Reason("새벽 3시, 물류센터 상하차 일을 마친 비슈누 구룽(34) 씨가 들어와 컵라면을 고른다.", "비슈누 구룽").ShouldNotStartWith("public:");
        Reason("가수 김민호 씨가 예능 프로그램에서 하차했다.", "김민호").ShouldStartWith("public:");
    }

    // A native given name that is also a word takes the familiar 이 before a particle, which no noun does (하늘이가, 솔이는),
    // or before a word that says who a person is (솔이 엄마); 하늘이 맑다 stays the sky, and so does 보람이 있다.
    [Fact]
    public void WordLikeGivenNames_WithTheFamiliarI_AreNames()
    {
        Persons("우리 손녀 하늘이가 4시쯤 데리러 갈 거예요.").ShouldContain("하늘");
        Persons("오늘 솔이는 낮잠 전에 연고 발랐어요.").ShouldContain("솔");
        Persons("원장님, 솔이 엄마가 내일 데리러 갈게요.").ShouldContain("솔");
        Persons("같이 응시하는 보람이한테 떨지 말라고 전해 주세요").ShouldContain("보람");
        Persons("오늘은 하늘이 맑고 바람이 분다. 보람이 있는 하루였다.").ShouldBeEmpty();
        Persons("저게 다 하늘이가? 바다 아이가?").ShouldNotContain("하늘");
    }

    // A live stream's alert names the viewer before 님이 and what they did (🎈 치즈볶이님이 별풍선 50개를 선물했습니다!),
    // and the handle wherever the chat names it again; 님이 before other words (선생님이 오셨다) is no alert.
    [Fact]
    public void StreamAlerts_NameTheViewer()
    {
        var log = Persons("[20:31:05] 🎈 치즈볶이님이 별풍선 50개를 선물했습니다! \"언니 오늘 장인 믿는다\"\n[20:31:12] 달빛소나기: 치즈볶이님 별풍 감사합니다~~\n"
            + "[23:02:40] 두부조림🍲님이 Tier 1로 14개월 구독했습니다!");
        log.Count(p => p == "치즈볶이").ShouldBe(2);
        log.ShouldContain("두부조림");
        Persons("[10:00] 담임 선생님이 오셨다. 사장님이 선물을 주셨다.").ShouldBeEmpty();
    }

    // Telegram's copy with the talk after the bracketed time and a space (Бекжан, [21:22] Нужен …); an app's tag before a
    // computer export's slot ([카톡] [보람보람🌸] [오후 6:15] …); a band's replies without a colon, three in a row
    // (└ 들꽃향기 참석이요~); a nickname that ends with 장인 is a master's, no father-in-law (미플장인 — 오늘 오후 7:12 …).
    [Fact]
    public void TelegramTalk_AppTags_ReplyRuns_AndMasters_NameTheWriters()
    {
        Persons("Бекжан, [21:22] Нужен 재학증명서, 성적증명서\nДана Абдрахманова, [21:25] Жарайды\nБекжан, [21:35] Айтпақшы").ShouldContain("Бекжан");
        Persons("[카톡] [보람보람🌸] [오후 6:15] 네 실장님 좀 화끈거렸는데 괜찮아요\n[카톡] [피부과 실장] [오후 6:20] 네 내일 오세요").ShouldContain("보람보람");
        var replies = Persons("산행대장 · 2025년 3월 11일 오후 9:14\n[10월 정기산행] 월악산 영봉\n└ 들꽃향기 참석이요~ 입금했어요!\n└ 고팔 대장님 저 후미 맡을게요.\n"
            + "└ 바위솔 참석. 이번엔 쉰대요.\n└ 저도 참석합니다");
        replies.ShouldContain("들꽃향기");
        replies.ShouldContain("고팔");
        replies.ShouldContain("바위솔");
        replies.ShouldNotContain("저도");
        Persons("└ 좋아요 참석합니다\n└ 감사합니다 다음에 봬요").ShouldBeEmpty();
        var discord = Persons("미플장인 — 오늘 오후 7:12 토요일 7시 테라포밍 마스 풀\n솔방울 — 오늘 오후 7:15 아니 그건 미플장인 형이 규칙 설명 틀려서 그래요\n"
            + "미플장인 — 오늘 오후 8:05 환영해요 유나님! 토요일 오시면 돼요");
        discord.ShouldContain("미플장인");
    }

    // A surname alone before 반장 (a crew's or a site's foreman) is a person (옥 반장님이, 엄 반장 already); Tagalog's
    // article of personal names marks the name (Si Jun, ni Princess, si Ate Lorna) in Tagalog text only; a Korean name
    // before a Japanese honorific (지원ちゃん); a workspace's slot before an English time ([minseo.k]  [9:52 AM]) and a
    // decorated kana slot ([ゆい🍓] [오후 8:07]); a stream replay's viewers before their talk (0:12:30 맛집탐방러77 …).
    [Fact]
    public void ForemenTagalogArticlesJapaneseHonorificsAndReplays_NameThePeople()
    {
        Persons("[오후 9:04] Sohel Rana: 옥 반장님이 토요일도 나오래요.").ShouldContain("옥");
        Persons("Kasun: I told 엄 반장 already. he said ok").ShouldContain("엄");
        var tagalog = Persons("Maricel: Birthday ni Princess (bunso ko) sa Sabado! Si Jun nasa barko pa. Salamat po sa mga mare, kasama ko si Ate Lorna.");
        tagalog.ShouldContain("Princess");
        tagalog.ShouldContain("Jun");
        tagalog.ShouldContain("Lorna");
        Persons("Nasa Manila ang asawa ko, salamat po sa mga tanong").ShouldNotContain("Manila");
        Persons("No Tagalog here: if si Paris, then we go.").ShouldNotContain("Paris");
        Persons("[みさき] [오후 8:05] バディの지원ちゃんが通訳してくれるって。").ShouldContain("지원");
        Persons("[minseo.k]  [9:52 AM]  간선 기사님한테 확인했어요\n[박태호]  [9:55 AM]  감사합니다").ShouldContain("minseo.k");
        Persons("[ゆい🍓] [오후 8:07] ようこそ〜！\n[みさき] [오후 8:10] ありがとう").ShouldContain("ゆい");
        var replay = Persons("0:02:30 💰 ₩10,000 부산새댁🌊 첫 김장이에요!! 같이 보면서 따라 해요\n0:05:20 닉네임없음123 쌤 지난번 게스트 또 안 나와요?\n"
            + "0:12:30 맛집탐방러77 정말 여사님 독립 채널 내주세요\n0:13:10 부산새댁🌊 저도 찬성이요");
        replay.ShouldContain("부산새댁");
        replay.ShouldContain("닉네임없음123");
        replay.ShouldContain("맛집탐방러77");
        Persons("1:00:00 인트로 오늘의 요리\n1:02:15 재료 손질 배추 절이기\n1:10:40 양념 만들기 고춧가루").ShouldBeEmpty();
    }

    // A stream's log tags a role in brackets after a bare time (00:15:20 [매니저] 민트초코단: …) or after the name (마늘빵토끼
    // (스트리머): …), and its alerts may put a space before 님이 (하루종일롤 님이 치즈 1,000개를 후원했어요); an anonymous gift
    // names no one. A booking app's messages name the writer before a middle dot, the date and time and a colon (호스트
    // Seonghee · 2025년 9월 12일 14:30: …, 森 健 · 2025-06-07 20:15: …). A surname alone before 사모님, a name after
    // Morning, and a Russian name after a kin word (мой муж Костя) are persons.
    [Fact]
    public void StreamRolesBookingAppsAndKin_NameThePeople()
    {
        var stream = Persons("00:12:04 밤양갱러버: 오늘도 아리 장인 가즈아\n00:12:10 [치즈 후원] 하루종일롤 님이 치즈 1,000개를 후원했어요\n"
            + "00:12:30 마늘빵토끼 (스트리머): 오 하루종일롤 님 감사합니다~\n00:15:20 [매니저] 민트초코단: 도배 금지 부탁드려요\n"
            + "00:25:41 밤양갱러버: 방금 그 무빙 뭐임\n00:31:10 [치즈 후원] 익명 님이 치즈 10,000개를 후원했어요");
        stream.Count(p => p == "하루종일롤").ShouldBe(2);
        stream.ShouldContain("마늘빵토끼");
        stream.ShouldContain("민트초코단");
        stream.ShouldNotContain("익명");
        stream.ShouldNotContain("매니저");
        var booking = Persons("[Airbnb 메시지]\nSophie · 2025-10-05 14:02: Bonjour! We arrive by KTX around 4pm.\n호스트 Seonghee · 2025년 9월 12일 14:30: Hi Sophie! Bags from 11am is fine.\n"
            + "森 健 · 2025-06-07 20:15: 到着は23時ごろになります。");
        booking.ShouldContain("Seonghee");
        booking.ShouldContain("森 健");
        booking.ShouldNotContain("호스트");
        Persons("[오후 9:02] 짠야: 박 사모님 foot massage 90분 예약 맞죠?").ShouldContain("박");
        Persons("[8:05 AM] Balázs Nagy: Morning Jae-won. Racks 14-16 are down.").ShouldContain(p => p.StartsWith("Jae", StringComparison.Ordinal));
        Persons("Sveta_Ansan: Да, мой муж Костя тоже. Надо идти").ShouldContain("Костя");
        Persons("Morning Team, the build is green.").ShouldNotContain("Team");
    }

    // A Chinese chat's copy puts a date and a 24-hour time before the name and a full-width colon (2025년 9월 19일 20:14
    // 王浩然：大家好); after a time a handle may be a phrase of up to ten syllables ([오후 3:20] 피아노치는고양이: …), where
    // it speaks on two lines or more; an alert may name the one gifted before what was given (별빛소나기 님이 민트초코짱
    // 님에게 구독권을 선물했습니다!). An agenda's long item after a time is no speaker.
    [Fact]
    public void DatedChineseSpeakers_LongHandles_AndGiftAlerts_NameThePeople()
    {
        var wechat = Persons("2025년 9월 19일 20:14 王浩然：大家好，我是这学期新来的\n2025년 5월 7일 20:16 小雨：欢迎师弟！\n2025-06-06 20:31 阿杰：周六谁去？\n2025-05-20 20:33 小雨：我去！");
        wechat.ShouldContain("王浩然");
        wechat.ShouldContain("阿杰");
        var deal = Persons("[오후 3:10] 도경민: 피아노 아직 있나요?\n[오후 3:20] 피아노치는고양이: 네 판매중이에요\n[오후 3:25] 도경민: 직거래 가능할까요?\n[오후 3:30] 피아노치는고양이: 네 가능해요");
        deal.Count(p => p == "피아노치는고양이").ShouldBe(2);
        var gift = Persons("19:08 ★ 별빛소나기 님이 민트초코짱 님에게 구독권을 선물했습니다!\n19:08 민트초코짱: 헐 별빛소나기 님 감사합니다 ㅠㅠㅠ\n19:09 롤하는곰돌이: 감사해요");
        gift.Count(p => p == "별빛소나기").ShouldBe(2);
        Persons("오후 2:00 상반기실적보고및하반기계획: 본관 대회의실\n오후 3:00 전체회의: 각 팀 보고").ShouldBeEmpty();
    }

    // A second-hand market's chat copied with a colon after the time (퇴근후쿵야 오후 7:21: …), a Facebook group's chat with
    // the time in parentheses (Trần Mỹ Linh (20:14): …), a Chinese chat whose names are decorated or carry an English one
    // (梅子🌸：…, 刘洋Leo：…) between date lines, and WeChat's and KakaoTalk's notices of who joined, was invited, left or
    // was removed name their people.
    [Fact]
    public void ColonAfterTheTime_ParenthesisedTimes_AndJoinNotices_NameThePeople()
    {
        var deal = Persons("판매글: 입문용 로드자전거 35만 원\n퇴근후쿵야 오후 7:21: 안녕하세요 자전거 아직 있나요?\n솔바람라이더 오후 7:25: 네 있어요~\n"
            + "퇴근후쿵야 오후 7:28: 혹시 32만 원 가능할까요?\n솔바람라이더 오후 7:40: 33까지는 된대요");
        deal.ShouldContain("퇴근후쿵야");
        deal.ShouldContain("솔바람라이더");
        var messenger = Persons("Trần Mỹ Linh (20:14): Các chị ơi, thứ bảy này có lớp làm kimchi\nNguyễn Thị Hoa (20:16): Em đi!\n"
            + "Phạm Thu Hằng (20:25): 저도 갈게요~\nTrần Mỹ Linh (20:35): Được em.");
        messenger.ShouldContain("Phạm Thu Hằng");
        messenger.ShouldContain("Trần Mỹ Linh");
        var wechat = Persons("群聊：福满楼员工群(9)\n2025. 9. 4. 08:12\n王建国：今天中午有个旅游团，饺子多包两百个\n梅子🌸：收到👌 今天早点来和面\n"
            + "刘洋Leo：知道了 已经在地铁上了\n金成哲：사장님이 11시에 구청 위생점검 온대요\n王建国：扔吧\n\"王建国\"邀请\"阿芳\"加入了群聊\n阿芳：大家好🙏\n"
            + "2025-04-05 14:20\n金成哲：점검 끝났어요!\n\"刘洋Leo\" 撤回了一条消息");
        wechat.ShouldContain("梅子");
        wechat.ShouldContain("刘洋Leo");
        wechat.ShouldContain("阿芳");
        wechat.ShouldContain("金成哲");
        Persons("会议室：3楼\n地址：仁川市\n备注：明天上午").ShouldBeEmpty();
        var kakao = Persons("신입_하람님이 들어왔습니다.\n볼더요정🧚님이 하늘님을 초대했습니다.\n최민재님을 내보냈습니다.\n[오후 3:01] 하늘: 안녕하세요");
        kakao.ShouldContain("신입_하람");
        kakao.ShouldContain("볼더요정");
        kakao.ShouldContain("하늘");
        kakao.ShouldContain("최민재");
        Persons("고객님이 들어왔습니다. 익명님이 나갔습니다.").ShouldBeEmpty();
    }

    // A band's comments may carry the talk after the writer, a middle dot, the date and the time (하늘달리기 · 2025. 12. 1.
    // 오후 9:20 감사해요), under a comments header only; a speaker after a time may write in Devanagari or another script of
    // its own ([05:44] सुरज थापा: …), or a Nepali name with a short family name in capitals (Prakash KC: …); a dispatch
    // room's desk stands before its staff's name in an export's slot ([상황실 다래] [오후 2:31]). What a party said after its
    // role (신청인 진술: …) and a case number's label are no speakers.
    [Fact]
    public void DatedComments_OtherScripts_AndDeskSlots_NameThePeople_ButNotStatements()
    {
        var band = Persons("[공지] 춘천 풀코스 기록 정리했습니다\n댓글 3\n하늘달리기 · 2025. 12. 1. 오후 9:20 리더님 정리 감사해요ㅠㅠ\n"
            + "경태러닝 · 2025. 11. 12. 오후 9:26 ㅋㅋ 다음엔 무조건 서브3\n진아러너 · 2025. 3. 18. 오후 10:02 경련 났을 때 감사했어요");
        band.ShouldContain("하늘달리기");
        band.ShouldContain("경태러닝");
        band.ShouldContain("진아러너");
        Persons("서울 · 2025. 12. 1. 오후 9:20 기준 미세먼지 나쁨\n부산 · 2025. 12. 1. 오후 9:20 기준 보통").ShouldBeEmpty();
        var nepali = Persons("[05:42] Ramesh Gurung: Subha prabhat sathi haru!\n[05:44] सुरज थापा: ठिक छ दाइ 👍 म 2동 मा छु\n"
            + "[06:10] Prakash KC: guys 1동 fan band bhayo\n[06:30] सुरज थापा: fan ठिक भयो ✅");
        nepali.ShouldContain("सुरज थापा");
        nepali.ShouldContain("Prakash KC");
        Persons("सूचना: भोलि बिहान बैठक छ\nनोट: सबै आउनुहोस्").ShouldBeEmpty();
        var dispatch = Persons("[상황실 다래] [오후 2:31] 준호 기사님 콜이 20분째 멈춰 있는데 무슨 일 있으세요?\n[반준호] [오후 2:33] 사고 났어요 ㅠ\n"
            + "[상황실 다래] [오후 2:34] 헉 괜찮으세요??");
        dispatch.ShouldContain("다래");
        dispatch.ShouldNotContain("상황실");
        var record = Persons("사건번호: 조정-2025-08-10-0931\n신청인: 육다솜\n피신청인: ○○모터스 (대표 강필수)\n신청인 진술: 벽지 곰팡이는 입주 전부터 있었다고 함.\n"
            + "피신청인 진술: 환기를 안 해서 생긴 것이라고 주장.\n사실조사: 점검원 진술 확인");
        record.ShouldContain("육다솜");
        record.ShouldNotContain("진술");
        record.ShouldNotContain("사건번호");
        record.ShouldNotContain("사실조사");
        record.ShouldNotContain("피신청인");
    }

    // A market's chat shows the exporter's own lines as 나: …, which speak without naming anyone; a speaker in Khmer or
    // another script of its own may speak without a time; a live stream's paid messages name the sender before the amount
    // ([18:35] 💰 민트초코부장 ₩10,000 : …) and its member alerts the member (새 회원 seulgi_0914님, …; 보람찬하루님이 12개월
    // 동안 …); a workspace's header may write the family name first with a comma and a role in parentheses (Seo, Yerim
    // (Localization PM)  9:02 AM); a given name before a South Asian kin word (राहुल भाई, Bikash bhai) and a romanised Burmese
    // name after its honorific in a Burmese chat (Ko Phyo) are persons. A currency's amount after a role word, a word of
    // assent before a kin word (ओके दाइ) and Ko before a Thai island are not.
    [Fact]
    public void SelfLines_PaidMessages_CommaNames_AndAsianKin_NameThePeople()
    {
        var market = Persons("망원동필름방 매너온도 37.4°C · 콘탁스 T2 · 480,000원 · 예약중\n나: 안녕하세요! 아직 구매 가능할까요?\n"
            + "망원동필름방: 네 다 됩니다~ 스캔본 보내 드릴게요\n나: 와 사진 좋네요. 내일 저녁 합정역 어떠세요?\n망원동필름방: 좋아요 7시 반이요\n"
            + "나: 넵~ 저는 회색 코트 입고 갈게요\n망원동필름방: 확인했어요 감사합니다 😊");
        market.ShouldContain("망원동필름방");
        market.ShouldNotContain("나");
        var khmer = Persons("Dara Sok: bong, tveu dong 5 nung dong 6 te.\nស្រីមុំ: ចាស បង 👌 khnhom nung Pisey tov\nVannak Heng: 나 갈래!\n"
            + "ស្រីមុំ: ទេ បង 🙏 khnhom tov phnhae luy\nDara Sok: ok bong");
        khmer.ShouldContain("ស្រីមុំ");
        var stream = Persons("[18:31] 직관러 동현: 오늘 선발 구자혁! 7연패 끊자 여러분\n[18:32] 갈매기아재77: 오늘은 진짜 이긴다\n"
            + "[18:33] ⭐ 새 회원 seulgi_0914님, 채널 멤버십에 가입하신 것을 환영합니다!\n[18:35] 💰 민트초코부장 ₩10,000 : 딸 서아 돌 축하해요🎂\n"
            + "[19:40] 💰 보람찬하루 ₩5,000 : 오늘 밥값 제가 냅니다\n[20:15] 갈매기아재77: 사진 올려 주세요~\n[21:48] ⭐ 보람찬하루님이 12개월 동안 회원으로 활동했습니다!");
        stream.ShouldContain("민트초코부장");
        stream.ShouldContain("보람찬하루");
        stream.ShouldContain("seulgi_0914");
        Persons("[10:02] 부장 ₩50,000 : 회식비 정산\n[10:05] 결제 ₩12,000 : 택시").ShouldBeEmpty();
        var slack = Persons("Seo, Yerim (Localization PM)  9:02 AM\nMorning all! Build 0.9.4 is up.\nTyler Brooks (LQA - Austin)  9:40 AM\nLate-night check from me.");
        slack.ShouldContain("Seo, Yerim");
        slack.ShouldContain("Tyler Brooks");
        var kin = Persons("[05:52] Dil Kumari Rai: रमेश दाइ, म Bikash भाइ संग जान्छु\n[05:53] Ankit Sharma: I'm in. राहुल भाई, तुम्हारा landlord?");
        kin.ShouldContain("रमेश");
        kin.ShouldContain("राहुल");
        kin.ShouldContain("Bikash");
        Persons("[05:54] Bishnu Gurung: ओके दाइ. हजुर दाइ, भोलि भेटौँ").ShouldNotContain("ओके");
        var burmese = Persons("[21:11] Su Su Hlaing: Ko Phyo ဓာတ်ပုံရိုက်ထား 📷 산재 ဖြစ်နိုင်တယ်");
        burmese.ShouldContain("Phyo");
        Persons("We flew to Ko Samui for the weekend and met Ko Chang's divers.").ShouldNotContain("Samui");
    }

    // A stream's alert may set the handle in corner brackets (★ 「김치볶음밥러」님이 별풍선 100개를 선물했습니다!, 「hyunwoo_0412」님이
    // 팬클럽에 가입하셨습니다); a workspace header's handle may be decorated (haru🌙 — 오후 11:05: ok!!); a Chinese chat's
    // speaker may be 小 or 老 and a surname (17:40 小李: 好的); Sinhala kin words follow a given name (චමින්ද අයියේ, Suresh
    // aiya). Sinhala's "all right" before a kin word (Hari aiya), a branch manager (지점장님께) and a mediation's chair
    // (조정장 판사 권혁진) name no one by themselves.
    [Fact]
    public void CornerBracketAlerts_DecoratedHeaders_ChineseFamiliarNames_AndSinhalaKin_NameThePeople()
    {
        var stream = Persons("새벽감성유진 : 언니 오늘 미드 가요?\n★ 「김치볶음밥러」님이 별풍선 100개를 선물했습니다!\n망고소다 : 김치볶음밥러님 감사합니다!!\n"
            + "「hyunwoo_0412」님이 팬클럽에 가입하셨습니다. 🎉");
        stream.ShouldContain("김치볶음밥러");
        stream.ShouldContain("hyunwoo_0412");
        Persons("haru🌙 — 오후 11:05: ok!! btw 3분 40초에 자막 밀려요\nnabi_0v0 — 오후 11:07: 확인할게요\nharu🌙 — 오후 11:09: 고마워요 내일 봐요\n"
            + "nabi_0v0 — 오후 11:12: 넵 수고하셨어요").ShouldContain("haru");
        var chinese = Persons("05:44 延边老朴: 收到👍 我开车\n05:50 李春花: 我今天去不了，儿子发烧\n17:40 小李: 好的马上发。\n17:55 李春花: 谢谢");
        chinese.ShouldContain("小李");
        chinese.ShouldContain("李春花");
        var sinhala = Persons("2025-12-21 20:07 - Nuwan TY: හරි චමින්ද අයියේ 👍 mama ennam.\n2025-12-21 20:09 - Kasun: 선장님 said Suresh aiya help karanna enawa");
        sinhala.ShouldContain("චමින්ද");
        sinhala.ShouldContain("Suresh");
        Persons("2025-02-26 06:12 - Nuwan: Hari aiya 👍 mama enawa").ShouldNotContain("Hari");
        Persons("두 번 여쭤봤는데 통화 중인 휴대폰을 계속 보셨어요. 지점장님께 경위서 올리겠습니다.").ShouldNotContain("지점장");
        Persons("기일: 2025. 9. 22. 14:00 / 조정장 판사 권혁진 / 상임조정위원 남궁선희").ShouldNotContain("조정장");
    }

    // WhatsApp's export may name its speakers in Cyrillic or another script of their own (2025-11-08, 21:12 - Мадина: …,
    // 2025년 5월 10일, 21:10 - Ерлан Сейтқали: …); Discord's copy may name a handle that mixes scripts (누룽지GM — 어제 오후
    // 11:48 | …, ゆき_Yuki — 오늘 오전 10:20 | …); a given name before Uzbek's aka is a person (Bobur aka). Common words the
    // tagger took for names (경기도, 위생사) are none.
    [Fact]
    public void CyrillicExportSpeakers_MixedDiscordHandles_AndUzbekKin_NameThePeople()
    {
        var kazakh = Persons("2025년 11월 4일, 21:02 - Нұрлан: Сәлем бәрі! Бұл жаңа студент.\n2025-11-08, 21:12 - Мадина: Иә білдім 👍 Ертең 알바 барасың ба?\n"
            + "2025년 5월 10일, 21:10 - Ерлан Сейтқали: Бейсенбі күні сабақ 10시로 바뀌었\n2025-12-25, 21:20 - Нұрлан: Айтпақшы, кеші бар 🇰🇿");
        kazakh.ShouldContain("Нұрлан");
        kazakh.ShouldContain("Мадина");
        kazakh.ShouldContain("Ерлан Сейтқали");
        Persons("2025-11-08, 21:12 - сообщение удалено: завтра собрание").ShouldBeEmpty();
        var discord = Persons("누룽지GM — 어제 오후 11:48 | 다들 수고했어요!\n설탕토끼 — 어제 오후 11:50 | 그 1 생각하면 아직도 손 떨림\n"
            + "ゆき_Yuki — 오늘 오전 10:20 | すみません! 방금 보냈어요\n누룽지GM — 오늘 오전 9:10 | ㅇㅋ 새로 오고 싶다는 분 있어요\n"
            + "설탕토끼 — 오늘 오전 9:15 | 네 세린 씨 진짜 착해요");
        discord.ShouldContain("누룽지GM");
        discord.ShouldContain("ゆき_Yuki");
        Persons("Assalomu alaykum, akalar. Ertaga Bobur aka restoranida 200 kishi bor.").ShouldContain("Bobur");
        var words = Persons("13:00\t석동호\t경기도 강남구 새말로 166\t시스템 에어컨\n호아 님 2층으로 바로 올라오세요, 위생사 선생님이 안내해 드릴게요");
        words.ShouldNotContain("경기도");
        words.ShouldNotContain("위생사");
    }

    // A market's or a band's chat copied with the handle, two spaces, the time, two spaces and the talk (솔바람87  오후 3:12
    // 안녕하세요, 도담도담맘  오후 3:15  네 있어요~); WhatsApp's slot holds any display name (阿朗, 미니 Mandy 🐰) and, in
    // Korean, adds people by name (Cheryl Wong님이 阿朗님을 추가했습니다); a stream's alert may say what was given a few
    // words on (루루on 님이 커뮤니티에 구독권 5개를 선물했습니다!). A raid's label is no speaker.
    [Fact]
    public void TwoSpaceHandles_WhatsAppSlots_AndLateAlertWords_NameThePeople()
    {
        var deal = Persons("카시트 (신생아~4세) · 95,000원 · 거래완료\n솔바람87  오후 3:12  안녕하세요 카시트 아직 있나요?\n"
            + "도담도담맘  오후 3:15  네 있어요~ 사고 없고 깨끗해요\n솔바람87  오후 3:16  내일 저녁 7시 가능하실까요?\n도담도담맘  오후 3:18  네 저도 좋아요");
        deal.ShouldContain("솔바람87");
        deal.ShouldContain("도담도담맘");
        var whatsapp = Persons("2025년 8월 7일 20:02 - Cheryl Wong님이 阿朗님을 추가했습니다\n2025-07-25 20:06 - 阿朗: 多謝大家！\n"
            + "2025. 7. 27. 20:14 - 미니 Mandy 🐰: 哈哈 係咪成日問你\n2025-07-21 20:19 - Cheryl Wong: 我要！！！");
        whatsapp.ShouldContain("阿朗");
        whatsapp.ShouldContain(p => p.StartsWith("미니 Mandy", StringComparison.Ordinal));
        var stream = Persons("[21:20] 레이드: 밤산책러 님이 시청자 2명과 함께 레이드했습니다!\n[21:22] 구독: 루루on 님이 커뮤니티에 구독권 5개를 선물했습니다!\n"
            + "[21:26] jinu_0812: 구독 선물 감사합니다 루루on 님!!");
        stream.ShouldContain("루루on");
        stream.ShouldContain("밤산책러");
        stream.ShouldNotContain("레이드");
    }

    // A board's reply may carry the date and the time in parentheses before the colon (└ 초록볼펜 (2025-08-27 23:05): …); a
    // channel's tag may stand before Discord's header ([#잡담] jake.m — 오후 3:40 | …); a live stream's paid message may put
    // the amount before the handle (💲₩5,000 부산갈매기77: …) and its membership alert say the member joined (율무차님이 '한끼
    // 가족' 멤버가 되었습니다!). An amount before a word and a colon in a ledger (₩5,000 결제: …) names no one.
    [Fact]
    public void DatedReplies_ChannelTags_AndAmountsFirst_NameThePeople()
    {
        var cafe = Persons("댓글 3\n└ 초록볼펜 (2025-08-27 23:05): 후기 감사해요~ 다음 발제도 할게요\n└ 달빛서재 (2025년 9월 4일 23:30): 저는 둘째 주에 갈게요\n"
            + "└ Jay_K (2025. 8. 21. 23:41): ㅠㅠ 넵 회사 일정 보고요");
        cafe.ShouldContain("초록볼펜");
        cafe.ShouldContain("달빛서재");
        cafe.ShouldContain("Jay_K");
        var discord = Persons("[#정모-공지] minji_lee — 오늘 오후 3:32 | 이번 주 토요일 2시 합정!\n[#잡담] jake.m — 오후 3:40 | Cool! I can bring snacks\n"
            + "[#잡담] Bekzod_uz — 오후 3:50 | Yes 가요!\n[#잡담] minji_lee — 오후 3:52 | 자리 맡아 둘게요");
        discord.ShouldContain("jake.m");
        discord.ShouldContain("Bekzod_uz");
        var live = Persons("[20:00:40] 감자튀김좋아: 1빠!!\n[20:01:33] 💲₩5,000 부산갈매기77: 민석님 오늘도 화이팅!\n"
            + "[20:02:10] ⭐ 율무차님이 '한끼 가족' 멤버가 되었습니다! (1개월)\n[20:03:21] 자취생한끼 민석 🎙️: 율무차님 멤버 감사해요!!\n[20:07:15] 감자튀김좋아: 레시피 뭐가 달라요?");
        live.ShouldContain("부산갈매기77");
        live.ShouldContain("율무차");
        Persons("[09:10] ₩5,000 결제: 편의점 간식\n[09:20] ₩12,000 환불: 택시").ShouldBeEmpty();
        Persons("[09:10] 민지: 오늘 정산\n[09:20] ₩5,000").ShouldNotContain(p => p.Contains('₩'));
    }
    // A workspace's speakers may be Korean names romanised without a listed word (Jaewon Seo:, Han Seul-ki:), and a listed
    // name's talk may open with a number after a time ([10:30] Piotr Wiśniewski: 8D draft …).
    [Fact]
    public void RomanisedKoreanSpeakers_MakeTheConversation()
    {
        var slack = Persons("[08:02] Kasia Nowak: Morning all. Line 3 had two cells flagged overnight.\n[08:05] Piotr Wiśniewski: On it.\n"
            + "[08:11] Jaewon Seo: Thanks. HQ wants the report by Friday.\n[08:14] Kasia Nowak: Is that the audit team?\n[08:15] Jaewon Seo: Yes.\n"
            + "[09:40] Han Seul-ki: Noted, I'll DM.\n[10:30] Piotr Wiśniewski: 8D draft uploaded to the QA folder.\n[10:34] Jaewon Seo: Great work. 감사합니다 all!");
        slack.ShouldContain("Kasia Nowak");
        slack.ShouldContain("Jaewon Seo");
        slack.ShouldContain("Han Seul-ki");
        Persons("[09:00] Usage: run the tool\n[09:01] Note: see the docs\n[09:02] Seoul Station: closed").ShouldNotContain("Seoul Station");
    }

    // A live stream's alerts (후원, 구독, the stream's start, [알림]) are the app's lines, not talk: the viewers who talk still
    // make a conversation, their role may stand in square brackets before the colon (솜사탕나래 [스트리머]:), and the one who
    // starts the stream is named by the alert. A Chinese display name may carry an emoji before the colon (小王🌸:).
    [Fact]
    public void StreamChats_WithAlerts_AndDecoratedChineseNames_NameTheSpeakers()
    {
        var stream = Persons("22:01 [알림] 솜사탕나래 님이 라이브를 시작했습니다. 방송 제목: 칼바람 10연승\n22:03 감자튀김왕: 나래님 ㅎㅇㅎㅇ\n"
            + "22:05 💰 dkdlel_0723 님이 치즈 1,000개를 후원했습니다 \"화이팅\"\n22:07 ⭐ 초코송이22 님이 6개월 구독했습니다!\n"
            + "22:10 솜사탕나래 [스트리머]: 초코송이22 고마워요~\n22:15 💰 이태리장인 님이 치즈 5,000개를 후원했습니다\n22:18 감자튀김왕: 충성 🫡\n"
            + "22:20 민트초코🍫: 저번 판 무빙 완전 빙의였음\n22:41 [알림] 개굴개굴99 님의 채팅이 제한되었습니다.\n22:43 초코송이22: 방금 어머님 목소리 들림");
        stream.ShouldContain("솜사탕나래");
        stream.ShouldContain("감자튀김왕");
        stream.ShouldContain("민트초코");
        var wechat = Persons("07:05 李红梅: 我这边孙大爷明天出院。\n08:40 小王🌸: 姐们帮个忙，谁能替我一天班？\n07:12 金春花: 对，护士长说痰多。\n08:45 小王🌸: 谢谢姐❤️");
        wechat.ShouldContain("小王");
        wechat.ShouldContain("李红梅");
    }

    // A native Korean given name (보배, 새롬: everyday words too) of a confident full name in the same text is that person
    // before 씨 and when called with the vocative (새롬아); without the full name the word stays a word.
    [Fact]
    public void NativeGivenNames_OfAFullName_AreThePerson()
    {
        Persons("상담 기록: 한보배 씨 내방. 보배 씨가 다음 주 다시 온다고 함.").Count(p => p == "보배").ShouldBe(1);
        Persons("담당: 이새롬 선생님. 새롬아 고마워 하고 원장님이 말씀하셨다.").ShouldContain("새롬");
        Persons("우리 집 보배 같은 아이. 새롬아 하고 불러 봤다.").ShouldNotContain("보배");
        Persons("하늘아 맑아라, 하늘이 참 높다.").ShouldBeEmpty();
    }

    // What stands where a speaker does is sometimes no one: the day before a market chat's time (봄이아빠 토요일 오전 10:47:),
    // a shop's account in the time's brackets ([12:33 렌탈샵]), a note with a particle in the brackets after a name
    // (Siriporn Wongsa (차남은 해외 출장 중, …)), a common word that opens the talk after a staff label (주치의: 최근 1주 …).
    [Fact]
    public void Days_Shops_Notes_AndTalk_AreNoSpeakers()
    {
        var market = Persons("봄이아빠 오후 2:11: 안녕하세요 침대 아직 있나요?\n쑥쑥이네 오후 2:15: 네 있어요~\n봄이아빠 오후 2:20: 감사합니다!\n"
            + "쑥쑥이네 오후 2:30: 나사는 지퍼백에 넣어 둘게요.\n봄이아빠 토요일 오전 10:47: 도착했습니다! 지하 2층이에요.");
        market.ShouldContain("봄이아빠");
        market.ShouldNotContain("토요일");
        var rental = Persons("[12:30 하늘] 스키 바인딩이 헐거워요\n[12:33 렌탈샵] 네 하늘 고객님, 직원이 올라갑니다.\n[17:20 하늘] 고글은 얼마예요?\n"
            + "[17:24 렌탈샵] 고글 2만 원입니다.");
        rental.ShouldNotContain("렌탈샵");
        Persons("참석: 장남 황보준호, 차남 며느리 Siriporn Wongsa (차남은 해외 출장 중, 영상통화 참여), 사회복지사 편주희")
            .ShouldNotContain(p => p.Contains("출장", StringComparison.Ordinal));
        Persons("15:05 주치의: 최근 1주 경구 섭취 거의 없음, 의식 저하 진행 중.").ShouldNotContain("최근");
    }
    // A second-hand market's chat shows handles of two syllables with the colon after the time (밍구 오후 6:12: …); a chat
    // may put the time and the handle in one bracket ([21:18 sujanrider77] …) or a colon after a bracketed time (doyoon.k
    // [오전 9:40]: …); WhatsApp's export may write the time with a dot (2025년 6월 23일 07.11 - Bayu: …); a Latin display
    // name may end with the child's parent ([Haruto mama]).
    [Fact]
    public void MarketHandles_BracketedTimes_AndDottedTimes_NameTheSpeakers()
    {
        var market = Persons("밍구 오후 6:12: 안녕하세요! 아직 판매 중인가요?\n자전거탄풍경 오후 6:15: 네 판매 중이에요.\n밍구 오후 6:25: 오늘 저녁 역 앞 괜찮으세요?\n"
            + "자전거탄풍경 오후 6:30: 8시 괜찮아요.\n밍구 오후 6:33: 네 좋아요!");
        market.ShouldContain("밍구");
        var rider = Persons("[21:16 상담사] Sujan 님 괜찮으세요? 배차는 멈춰 두었어요.\n[21:18 sujanrider77] 괜찮아요 조금 아파요.\n[21:20 상담사] 사진 보내 주세요.\n"
            + "[21:22 sujanrider77] 사진 보냈어요.");
        rider.ShouldContain("sujanrider77");
        var slack = Persons("doyoon.k [오전 9:40]: 접근 로그 보니 해외 IP 2개에서 흔적 있어요.\nminji_park [오전 9:42]: 확인했어요.\ndoyoon.k [오전 9:45]: 보고서 올릴게요.");
        slack.ShouldContain("doyoon.k");
        var whatsapp = Persons("2025년 6월 23일 07.11 - Bayu: Pak bilang Sabtu lembur juga.\n2025년 6월 23일 07.13 - Andi Saputra: Iya. Bayu coba tanya langsung.\n"
            + "2025년 6월 23일 07.15 - Bayu: Oke siap.");
        whatsapp.ShouldContain("Bayu");
        whatsapp.ShouldContain("Andi Saputra");
        Persons("[Haruto mama] [오후 7:40] すみません、質問です。\n[배진혁 관장] [오후 7:45] 네 어머님 말씀하세요.").ShouldContain(p => p.StartsWith("Haruto", StringComparison.Ordinal));
        Persons("회의 2025. 6. 23. 07.11 - 안건: 예산").ShouldBeEmpty();
    }

    // A shop's or a work phone's account ([업무폰], 가게폰:), an in-house messenger's tag ([사내메신저]), a field's label
    // (소재지:, 상정일) and an office (지배인) are no persons.
    [Fact]
    public void ShopPhones_AppTags_Fields_AndOffices_AreNoPersons()
    {
        var rental = Persons("[토 21:20] 가게폰: 괜찮습니다 손님, 반납하실 때 보고 판단할게요\n[토 21:22] 하늘: 감사합니다\n[일 09:11] 가게폰: OK! Deposit refund today\n"
            + "[일 09:15] 하늘: 네 감사해요");
        rental.ShouldNotContain("가게폰");
        Persons("[사내메신저] 명수아 → 옥은솔 (지점 수신팀) 10:58 확인 부탁드립니다").ShouldNotContain("사내메신저");
        Persons("[주택 월세 계약서]\n소재지: 광주광역시 강남구 시청로 123 ○○빌 302호\n임대인: 노상우").ShouldNotContain("소재지");
        Persons("[문자 10:41] 성나경 → 마동규 지배인님: 신부측 하객 32명 도착 예정입니다.").ShouldNotContain("지배인");
        Persons("[2025년 6월 11일 14:05] 임대인 아들 노상우 → 중개사: 소장님, 어머니가 잔금일에 못 나가셔서요").ShouldNotContain("소장님");
        Persons("상담사 유리: 안녕하세요 한솔 라이더님, 사고 접수 확인했습니다.\n한솔: 네 감사합니다\n상담사 유리: 네 라이더님, 산재 대상이세요.")
            .ShouldNotContain("라이더");
    }

    // A direct message's tag opens its writer's line as an export's slot does, even among an order book's other lines.
    [Fact]
    public void DirectMessageTags_NameTheirWriters()
    {
        var book = Persons("주문번호\t품목\t레터링\t금액\nC-101\t2호 생크림\t\"축 돌\"\t45,000\nC-102\t미니 케이크\t\"Happy day\"\t25,000\n"
            + "C-103\t3호 초코\t-\t52,000\n[DM] hyemin.kwon: 안녕하세요! 토요일 돌 케이크 주문했어요.\n[사장] 네 확인했어요!");
        book.ShouldContain("hyemin.kwon");
    }
    // After a family member's word a capitalised name the lists do not hold is the person's where a person's particle is
    // glued to it or its name is said after it (아들 Arjun이, 딸 Anisha 이름은); a brand or a place takes other particles.
    [Fact]
    public void UnlistedLatinNames_AfterKin_WithAPersonsParticle_AreNames()
    {
        Persons("아들 Arjun이 어제부터 열이 나요.").ShouldContain("Arjun");
        Persons("아내 Oyuna가 왔어요").ShouldContain("Oyuna");
        Persons("네팔 신도님 딸 Anisha 이름은 제가 영어로 써 드릴게요.").ShouldContain("Anisha");
        Persons("남편 Samsung에 다녀요").ShouldBeEmpty();
        Persons("딸 Netflix 보느라 늦게 잠").ShouldBeEmpty();
    }
    // A Thai name is written glued after the kin word it is called by (พี่สมชาย, น้องแพร), Thai writing no spaces: it runs to
    // a space, another script or a polite particle (ครับ, ค่ะ); พี่สาว and พี่น้อง are kin, no name.
    [Fact]
    public void ThaiNames_AfterPhiAndNong_AreNames()
    {
        Persons("10:12 Somsri: ขอบคุณค่ะ พี่เล็ก 저 그날 공장 근무인데요").ShouldContain("เล็ก");
        Persons("[12:15] Ton: พี่สมชายครับ 다음 주 일요일 안산에서 만나요").ShouldContain("สมชาย");
        Persons("오늘 예약 꽉 찼어요 วีซ่า ของน้องแพร หมดเดือนหน้านะ").ShouldContain("แพร");
        Persons("오늘 예약 꽉 찼어요 พี่สาวของฉัน มาด้วย").ShouldBeEmpty();
        Persons("오늘 예약 꽉 찼어요 พี่ๆ ทุกคน สู้ๆ").ShouldBeEmpty();
    }

    // A record's field labels (경위서, 결제, 상가), a booking app's name before the guest's in one bracket ([부킹닷컴 Ploy
    // Srisuk]) and words the tagger took for names (조식, 오히려, 기록에) are read for what they are.
    [Fact]
    public void RecordFields_AppsInBrackets_AndEverydayWords_AreReadForWhatTheyAre()
    {
        var studio = Persons("[예약서] 촬영일 2025년 1월 16일 11:00 / 상품: 돌 스냅\n아기: 도이안 (남)\n결제: 계약금 10만 원\n[문자] 오후 3:02 도이안 어머님 감사합니다");
        studio.ShouldNotContain("결제");
        studio.ShouldNotContain("예약서");
        Persons("[사고 경위서] 작성자 천두식 (운전기사)\n[배차] [오전 3:07] 경위서는 본 대로만 쓰시고요").ShouldNotContain("경위서");
        Persons("송윤재 아빠: 네 할머님 버스 자리 충분합니다. 조식은 호텔, 점심은 도시락이에요.").ShouldNotContain("조식");
        Persons("커뮤니티에서는 오히려 고객님 편을 드는 분위기입니다.").ShouldNotContain("오히려");
        var booking = Persons("[부킹닷컴 Ploy Srisuk] Hello, my flight lands at 9pm.\n[답장 채윤] No problem! I will send the door code.\n[부킹닷컴 Ploy Srisuk] Thank you!");
        booking.ShouldContain("Ploy Srisuk");
        booking.ShouldNotContain(p => p.Contains("부킹닷컴", StringComparison.Ordinal));
    }
    // Discord's copy may give the day and a 24-hour time after the dash (갓생준비생 — 오늘 05:02 …); a live stream's paid message
    // may tag its amount in brackets after the time (21:04 [슈퍼챗 ₩10,000] 붕어빵아저씨88: …) and its staff their role and
    // name in one bracket ([채널 운영자 바다덕배]:); a Korean name in katakana keeps its middle dot before 先生 (チョン・ミギョン先生).
    [Fact]
    public void DiscordDays_PaidTags_StaffBrackets_AndKatakanaNames()
    {
        var discord = Persons("#기상인증 · 2025. 10. 19.\n갓생준비생 — 오늘 05:02 기상 인증 📸 목표: 행정법 3회독\nhyeonwoo_97 — 오늘 05:10 인증.\n"
            + "갓생준비생 — 오늘 22:15 저 다음 주에 3일 빠져요\nhyeonwoo_97 — 오늘 22:20 화이팅");
        discord.ShouldContain("갓생준비생");
        discord.ShouldContain("hyeonwoo_97");
        var live = Persons("21:03 갯바위도사: 형님 오늘 갈치 씨알 어때요?\n21:04 [슈퍼챗 ₩10,000] 붕어빵아저씨88: 선장님 생신 축하드려요\n"
            + "21:07 [채널 운영자 바다덕배]: 감사합니다!\n21:09 갯바위도사: 손맛 ㅋㅋ\n21:11 [채널 운영자 바다덕배]: 방금 대물 올리셨네요!");
        live.ShouldContain("붕어빵아저씨88");
        live.ShouldContain("바다덕배");
        live.ShouldNotContain(p => p.Contains("슈퍼챗", StringComparison.Ordinal));
        var line = Persons("08:41\tゆき🌻\t今日の韓国語教室、チョン・ミギョン先生お休みだそうです。\n08:45\tMayumi.K\t了解です〜\n08:47\tゆき🌻\tまたね");
        line.ShouldContain("チョン・ミギョン");
        Persons("[성당 안내] 주임신부: 양승현 신부 / 세례식 예정: 2025년 6월 22일").ShouldNotContain("주임신부");
    }
    // A stream's chat may put the speaker's role after the name (한밤의부엌 스트리머:), and its alerts the amount before what
    // was given (쌀밥요정님이 1,000치즈 후원) or say a chat was muted (dongdong99님이 30초 동안 채팅이 제한되었습니다); a
    // direct message's tag may name the app ([인스타 DM] haram_0823:); Discord a handle of two syllables (한빛 — 오늘 오후 9:35);
    // a Won Buddhist cleric's title follows the name in an export's slot ([정보은 교무]).
    [Fact]
    public void StreamRolesAfterNames_AmountAlerts_AppDirectMessages_AndShortDiscordHandles()
    {
        var live = Persons("21:02:14 쌀밥요정: 부엌님 하이~~ 오늘 메뉴 뭐예요\n21:02:31 🧀 두부한모님이 1,000치즈 후원 「화이팅」\n"
            + "21:03:05 한밤의부엌 스트리머: 두부한모님 천치즈 감사합니다!!\n21:05:33 dongdong99: 채 써는 거 급이네 ㅋㅋㅋ\n"
            + "21:06:01 한밤의부엌 스트리머: 아니에요 ㅋㅋ\n21:08:41 광클러님이 30초 동안 채팅이 제한되었습니다.\n21:09:20 쌀밥요정: ㅋㅋㅋ");
        live.ShouldContain("한밤의부엌");
        live.ShouldContain("두부한모");
        live.ShouldContain("광클러");
        live.ShouldNotContain("스트리머");
        var booth = Persons("번호\t분실물\t부스\t상태\n1\t에어팟\t3번\t보관 중\n2\t버킷햇\t4번\t보관 중\n"
            + "[인스타 DM] haram_0823: 안녕하세요 어제 밤 3번 부스에 에어팟 두고 왔어요\n[답장] 네 보관 중입니다");
        booth.ShouldContain("haram_0823");
        var discord = Persons("RetroKing_84 — 오늘 오후 9:16  오 부럽…\n한빛 — 오늘 오후 9:20  토요일 모임은 가게에서 합니다\n"
            + "RetroKing_84 — 오늘 오후 9:22  좋아요\n한빛 — 오늘 오후 9:35  현재 참가 7명");
        discord.ShouldContain("한빛");
        Persons("[정보은 교무] [오후 4:10] 둘째 날 새벽 좌선 5시 30분입니다\n[나래] [오후 4:15] 네 교무님!").ShouldContain("정보은");
        Persons("[전대차 계약서] 전대인: 석지환\n전차인: Dilnoza Rakhimova\n목적물: 해운대구 ○○빌 302호").ShouldNotContain(p => p == "전차인" || p == "목적물");
    }
    // A board's comments may carry the date and the time without brackets before the colon (└ 댓글 여름밤 2025-10-18 22:50:
    // …); a handle joined by an underscore speaks in a market chat (캠린이_솔:); a workspace header's family name first (Seo,
    // Jihoon) names the given name alone in the talk (ping Jihoon); a masked organisation's rest (○○여성의원:) is no one.
    [Fact]
    public void DatedCommentWriters_UnderscoreHandles_CommaGivenNames_AndMaskedOrganisations()
    {
        var cafe = Persons("다음 달 책은 투표로 정합니다!\n댓글 3\n└ 댓글 여름밤 2025-10-18 22:50: 발제 부족했는데 감사해요\n"
            + "└ 댓글 Ilona 2025-12-26 23:02: 정말 즐거웠어요!\n└ 댓글 민트초코단 2025년 5월 14일 23:15: 2부 못 들어갔어요");
        cafe.ShouldContain("여름밤");
        cafe.ShouldContain("Ilona");
        cafe.ShouldContain("민트초코단");
        var market = Persons("상품: 리빙쉘 텐트 · 280,000원\n[오후 3:10] 캠린이_솔: 안녕하세요! 텐트 아직 있나요?\n[오후 3:14] 불멍하는곰돌이: 네 있어요\n"
            + "[오후 3:20] 캠린이_솔: 토요일 오전 괜찮으세요?\n[오후 3:22] 불멍하는곰돌이: 좋아요");
        market.ShouldContain("캠린이_솔");
        var slack = Persons("Sharma, Priya  10:05 AM\nReverting now. Will ping Jihoon when it's in.\nSeo, Jihoon (MTL)  10:12 AM\nThanks, on it.");
        slack.ShouldContain("Jihoon");
        var clinic = Persons("[오전 8:02] ○○여성의원: 윤하늘 산모님, 9시 30분 초음파예요\n[오전 8:05] 윤하늘: 네\n[오전 8:11] ○○여성의원: 지하 2층이요");
        clinic.ShouldNotContain("여성");
    }
    // A band's copy may say 댓글 after the writer, before the colon (└ 하람맘🌸 댓글: …): the writer speaks, 댓글 does not, nor
    // does a board's role (└ 질문자 댓글:); a trainer's title follows the name in an export's slot ([강바름 트레이너]) without
    // making the word before it a name (이틀 전까지 트레이너가 …).
    [Fact]
    public void CommentWordsAfterWriters_AndTrainersInSlots()
    {
        var band = Persons("[게시글] 솔이네 · 2025-12-11 오후 9:48 — 도시락 같이 싸실 분?\n└ 하람맘🌸 댓글: 저희 남편 벌써 러닝화 샀어요\n"
            + "└ 도담맘 댓글: 솔이네님 키위는 빼요~\n└ 하람맘🌸 댓글: 원장님 뽀로로 탈 쓰고 춤추실 듯\n└ 질문자 댓글: 감사합니다");
        band.ShouldContain("하람맘");
        band.ShouldContain("도담맘");
        band.ShouldNotContain("댓글");
        band.ShouldNotContain("질문자");
        var pt = Persons("[강바름 트레이너] [오후 7:41] 회원님 이번 주 PT 언제 오세요?\n[오후 7:50] 나: 금요일이요\n[강바름 트레이너] [오후 7:55] 축하드려요!!");
        pt.ShouldContain("강바름");
        pt.ShouldNotContain(p => p.Contains("트레이너", StringComparison.Ordinal));
        Persons("회원 A(41)씨는 \"폐업 이틀 전까지 트레이너가 재등록하면 20% 할인해 준다고 했다\"고 말했다.").ShouldNotContain("전까지");
    }

    // A server's export with the date before the time in brackets, a rule of equals signs under its head, a role after a
    // bar in a nickname ([2025. 5. 14. 23:02] 노을 | 관리자: …); the head's words (Guild:, Channel:) name no one.
    [Fact]
    public void ServerExports_DatedBracketsRulesAndBarRoles()
    {
        var server = Persons("==============================\nGuild: 달빛검객 팬서버 / Channel: 최신화\n==============================\n"
            + "[2025. 5. 14. 23:02] 초코송이🍫: 87화 봤음?? 진짜 죽은 거 아니지\n[2025. 5. 14. 23:03] kkamang_02: ㄴㄴ 작가님이 끝까지 간다고 했음\n"
            + "[2025. 5. 14. 23:06] 노을 | 관리자: 스포는 스포일러 태그 필수입니다\n[2025. 5. 14. 23:08] 초코송이🍫: 헉 죄송합니다\n"
            + "[2025. 5. 14. 23:12] kkamang_02: 나 감!\n[2025. 5. 14. 23:16] 노을 | 관리자: 오프모임 채널로 가 주세요~");
        server.ShouldContain("초코송이");
        server.ShouldContain("kkamang_02");
        server.ShouldContain("노을");
        server.ShouldNotContain("Guild");
        server.ShouldNotContain("관리자");
        var team = Persons("[09:12] 여하림: CS로 제보 들어왔어요\n[09:21] 한결 (보안): 파일 열어 봤는데 1,842행이에요\n[09:30] 여하림: 법무 확인 부탁드려요\n"
            + "[09:45] 한결 (보안): 콜센터에도 항의 전화 왔대요");
        team.ShouldContain("한결");
        team.ShouldNotContain("보안");
    }

    // A Chinese chat's copy with the date, the time and an ASCII colon (2025-07-26 07:05 延吉小妹🌷: …); a market's chat
    // whose exporter speaks as 나 on two lines or more names the other side (겜돌이형아); a role alone speaks for no one
    // (기사: 네 사장님); a priest's title in an export's slot is left out ([바실리오스 신부님]).
    [Fact]
    public void ChineseColons_SelfLines_RoleSpeakers_AndClergyInSlots()
    {
        var wechat = Persons("2025년 2월 18일 07:02 金春花: 各位姐妹早上好！今天下午两点需要一个替班\n2025-07-26 07:05 延吉小妹🌷: 我可以，十二点以后\n"
            + "2025-06-18 07:08 老崔: 我下午有空。");
        wechat.ShouldContain("金春花");
        wechat.ShouldContain("延吉小妹");
        var market = Persons("[오후 7:02] 나(솔방울): 안녕하세요 아직 판매 중인가요?\n[오후 7:05] 겜돌이형아: 네 판매중이에요\n[오후 7:06] 나: 네! 혹시 채굴용은 아니죠?\n"
            + "[오후 7:09] 겜돌이형아: 아니에요 ㅋㅋ\n[오후 7:15] 나: 9시 반 괜찮으세요?");
        market.ShouldContain("겜돌이형아");
        var pest = Persons("[2025-03-11 18:05] 노태웅: 석 기사님 오늘 약 치고 나서 바퀴가 더 나와요\n[2025. 3. 25. 18:09] 기사: 네 사장님, 숨어 있던 게 나오는 거라\n"
            + "[2025-03-11 18:15] 노태웅: 아 그렇군요\n[2025. 3. 25. 18:19] 기사: 네 일주일 보세요");
        pest.ShouldContain("노태웅");
        pest.ShouldNotContain("기사");
        var parish = Persons("[염다해] [오후 9:02] 초 300개 도착했어요!\n[바실리오스 신부님] [오후 9:30] 모두 수고 많습니다.\n[염다해] [오후 9:31] 네 신부님");
        parish.ShouldContain("바실리오스");
        parish.ShouldNotContain("신부님");
    }

    // The press's form for a foreign worker, the family name glued to 모 (응우옌모(31)씨); a given name before 씨한테 after its
    // full name (여하늘 … 하늘 씨한테만).
    [Fact]
    public void ForeignFamilyNamesBeforeMo_AndGivenNamesBeforeSsiHante()
    {
        Persons("부상자 가운데 베트남 국적 응우옌모(31)씨는 다리뼈가 부러져 수술을 받았다.").ShouldContain("응우옌");
        Persons("신고인 여하늘은 말했다. 반장님이 하늘 씨한테만 소리 많이 쳐요.").ShouldContain("하늘");
        Persons("하늘이 맑다. 반장님이 소리 많이 쳐요.").ShouldNotContain("하늘");
    }

    // A streaming site's log writes the viewer's id in brackets after the nickname (자취요정루루(lulu_cook) : …): both name the
    // speaker. A business's channel copied with the customer in brackets after the time and no colon ([오후 9:12]
    // [bora_0312] 실장님 …), the business answering under its masked name, names its customers, after a table too.
    [Fact]
    public void StreamIds_AndChannelSlotsBesideABusiness()
    {
        var stream = Persons("방송 제목: [요리] 만원 반찬\n[20:01:14] 자취요정루루(lulu_cook) : 다들 왔어? 오늘은 진짜 만원 안 넘겨요\n"
            + "[20:03:05] ⭐ 먹보돼지님이 별풍선 100개를 선물했습니다!\n[20:03:11] 자취요정루루(lulu_cook) : 어머 감사합니다 정말로요\n"
            + "[20:05:52] Mai_in_Busan(mai0815) : 언니 저 베트남 사람인데 물엿 대신 꿀 돼요?\n[20:07:33] 소금빵(saltbread_mng) : 욕설 도배 시 강퇴합니다");
        stream.ShouldContain("자취요정루루");
        stream.ShouldContain("lulu_cook");
        stream.ShouldContain("Mai_in_Busan");
        stream.ShouldContain("mai0815");
        var channel = Persons("시간\t성명\t시술\n10:00\t권보람\t토닝\n10:30\t하솔\tIPL\n카카오톡 채널 상담\n"
            + "[오후 9:12] [bora_0312] 실장님 내일 10시 토닝 그대로죠? 오늘 좀 늦어요\n[오후 9:20] [○○피부과의원] 네 시술은 괜찮으세요~ 진정 관리 드려요\n"
            + "[오후 9:41] [쑤언마이🌸] 안녕하세요 언니 저 IPL 처음인데 많이 아파요?\n[오후 9:47] [○○피부과의원] 고무줄 튕기는 정도예요~ 걱정 마세요");
        channel.ShouldContain("bora_0312");
        channel.ShouldContain("쑤언마이");
        channel.ShouldNotContain(p => p.Contains("피부과", StringComparison.Ordinal));
    }

    // A market's chat copied with the name and the time in one bracket ([딸기우유좋아 오후 2:14] …, a weekday between:
    // [하얀목련🤍 토 오후 4:41]), a day there being none ([토요일 오전 10:41]); a name with an English one in brackets between
    // its words (Hyunwoo (Harry) Kim: …); a name in Chinese characters after a label (환자명: 刘雨桐).
    [Fact]
    public void NamesBeforeTimesInBrackets_NicknamedLatinNames_AndHanNamesAfterLabels()
    {
        var market = Persons("[딸기우유좋아 오후 2:14] 안녕하세요 드레스 아직 판매중인가요?\n[하얀목련🤍 오후 2:20] 네 있어요~ 저 165에 힐 신고 입었어요.\n"
            + "[딸기우유좋아 토 오후 4:40] 너무 예뻐요 ㅠㅠ\n[하얀목련🤍 토 오후 4:41] 감사합니다");
        market.ShouldContain("딸기우유좋아");
        market.ShouldContain("하얀목련");
        var days = Persons("[토요일 오전 10:41] 불멍하는곰돌이: 도착하셨어요?\n[토요일 오전 11:05] 캠린이_솔: 덕분에 잘 받았어요!\n[토요일 오전 11:09] 불멍하는곰돌이: 네 조심히 가세요");
        days.ShouldNotContain("토요일");
        var slack = Persons("[9:03 AM] Hyunwoo (Harry) Kim: Thanks both\n[9:05 AM] Jisoo Park: ok\n[9:22 AM] Hyunwoo (Harry) Kim: Will do.");
        slack.ShouldContain("Hyunwoo (Harry) Kim");
        Persons("환자명: 刘雨桐 (LIU YUTONG) / 생년월일: 1976. 2. 3.").ShouldContain("刘雨桐");
        Persons("상호: 三星電子株式會社 / 대표: 이재용").ShouldNotContain(p => p.Contains('三'));
    }

    // A parish's forms of address after a name (문새벽 자매님, 은성 형제님); English titles without a dot (Ms Nguyen, Mr
    // Okafor); a Chinese chat copied with an ASCII colon and a space (金春花: 好的姐 …).
    [Fact]
    public void ParishAddress_UndottedTitles_AndChineseSpeakersWithAsciiColons()
    {
        Persons("반주는 문새벽 자매님, 현악 4중주는 청년부에서 섭외해 주셨어요.").ShouldContain("문새벽");
        Persons("목요일 저녁에 은성 형제님이랑 셋이 맞춰봐요").ShouldContain("은성");
        var english = Persons("I'll call Ms Nguyen tomorrow and Mr Okafor after lunch.");
        english.ShouldContain("Nguyen");
        english.ShouldContain("Okafor");
        var chat = Persons("大林店 工作群 (8)\n崔美兰: 各位早上好~ 今天中午12点 단체 20명 예약\n金春花: 好的姐 我10点到\n李明哲: 我今天晚班 下午四点到。\n"
            + "崔美兰: 아이고 괜찮아요 언니 先走吧\n金春花: 对了 这个月工资什么时候发?");
        chat.ShouldContain("金春花");
        chat.ShouldContain("李明哲");
        chat.ShouldContain("崔美兰");
    }

    // Comments marked with a speech balloon (💬 콩떡이네: …) name their writers; a stream's donation line (후원: …), a
    // notice book's tag ([알림장]) and a form of address before a colon (사장님: …) name no one.
    [Fact]
    public void BalloonComments_AndSystemSpeakers()
    {
        var board = Persons("[자유게시판] 택배 또 없어졌습니다 — 107동햇님 · 2025. 1. 24. 21:47 · 조회 412\n같은 피해 있으신 분 계세요?\n"
            + "💬 콩떡이네: 헐 저희도 107동인데 지난주에 없어졌어요\n💬 107동햇님: 콩떡이네님 감사해요 ㅠ 내일 관리사무소 앞에서 봬요\n"
            + "💬 마당쇠_0312: 혹시 1층 상가 쪽 문으로 나가는 거 아닐까요");
        board.ShouldContain("콩떡이네");
        board.ShouldContain("마당쇠_0312");
        var stream = Persons("[21:03:40] 밤양갱좋아: 형 오늘은 야스오 금지\n[21:09:55] 후원: SeoulNightOwl님이 치즈 1,000개를 후원했습니다\n"
            + "[21:15:48] 징크스장인_03: 형 상대 정글 조심\n[21:22:06] 후원: 다은이아빠님이 치즈 5,000개를 후원했습니다\n[21:25:01] 밤양갱좋아: ㅋㅋㅋ 진짜");
        stream.ShouldNotContain("후원");
        var shop = Persons("[사장님 휴대폰 문자]\n옥경순: 사장님 지난번 가지나물 맛있었어요.\n사장님: 네 어머님~ 병원 잘 다녀오세요.\n"
            + "제갈유나: 안녕하세요 제갈현수 님 딸이에요.\n사장님: 네 따님, 명심할게요.");
        shop.ShouldContain("옥경순");
        shop.ShouldNotContain("사장님");
    }

    // A timed handle of Hangul may end with a capital letter ([오후 3:12] 초보골퍼J: …); a reply may give the time alone after
    // its writer, two spaces before the comment (└ 율무차한잔 18:58  …); a board's tag in brackets ([급해요]) names no one.
    [Fact]
    public void HandlesEndingInCapitals_RepliesWithTimes_AndBoardTags()
    {
        var market = Persons("골프 풀세트 · 450,000원\n[오후 3:12] 초보골퍼J: 안녕하세요 골프채 아직 있나요?\n[오후 3:15] 영통골프왕: 네 있어요~ 장인어른 쓰시던 거예요\n"
            + "[오후 3:18] 초보골퍼J: 혹시 네고 될까요?\n[오후 3:20] 영통골프왕: 40까지 해 드릴게요.");
        market.ShouldContain("초보골퍼J");
        market.ShouldContain("영통골프왕");
        var board = Persons("[급해요] 저희 아버지 찾습니다 ㅠㅠ\n오늘 오후 4시쯤 나가셨어요.\n└ 율무차한잔 18:58  감사해요ㅠ 동생한테도 말했어요\n"
            + "└ 도토리묵 19:10  저희 남편이 택시 하는데 단톡에 사진 올렸대요\n└ SoraMama 19:22  I saw a grandpa at the bus stop");
        board.ShouldContain("율무차한잔");
        board.ShouldContain("SoraMama");
        board.ShouldNotContain("급해요");
    }

    // A phone set to English writes the half of the day after the clock (2025. 1. 9. 9:16 PM Anisha Rai: …).
    [Fact]
    public void DatedLinesWithEnglishHalfOfTheDay()
    {
        var chat = Persons("2025. 1. 9. 9:14 PM Suman Thapa: 내일 시험 몇 시예요?\n2025. 1. 9. 9:16 PM Anisha Rai: 10시요 🙏\n"
            + "2025. 1. 9. 9:20 PM Suman Thapa: 고마워요\n2025. 1. 9. 9:27 PM Anisha Rai: 행정실에 신청하면 하루 걸려요");
        chat.ShouldContain("Anisha Rai");
        chat.ShouldContain("Suman Thapa");
    }


    // A text cut mid-sentence may open with a comma and a space (a truncated document): the export readers that look for a
    // date before ", " must not read before the text's start.
    [Fact]
    public void TextOpeningWithACommaIsReadWithoutError()
    {
        Should.NotThrow(() => Persons(", 윤상현, 강길부 의원과 장제원 당선인 등은 본인들이 원"));
        Should.NotThrow(() => new PiiAnalyzer(null, 0.5, PersonPolicy.Private).Analyze(", 윤상현, 강길부 의원과 장제원 당선인 등은"));
    }

    // A chat copied from a phone with the name in brackets and the 12-hour time after it, unbracketed ([민트초코러버] 오전
    // 9:20 …): a speaker where another line opens the same way; a channel's own bracket is none.
    [Fact]
    public void BracketedNamesBeforeAnUnbracketedClock()
    {
        var chat = Persons("[카카오톡 채널 ○○치과] 오전 9:02 내일 10시 교정 예약 안내드려요.\n[민트초코러버] 오전 9:20 네 엄마랑 같이 갈게요\n"
            + "[카카오톡 채널 ○○치과] 오전 9:21 네 확인했습니다.\n[Sofia Reyes 🌻] 오후 1:05 선생님 내일 30분 늦어요");
        chat.ShouldContain("민트초코러버");
        chat.ShouldContain("Sofia Reyes");
        chat.ShouldNotContain(n => n.Contains("채널"));
    }

    // After Discord's dash a display name may be two Hangul words (카드덕후 민트 — 오늘 오후 9:31: …).
    [Fact]
    public void DiscordDisplayNamesOfTwoWords()
    {
        var server = Persons("등대지기_하람 — 오늘 오후 9:02: 룰북 올렸어요\n보드게임 하는곰 — 오늘 오후 9:10: 확인했어요\n"
            + "등대지기_하람 — 오늘 오후 9:12: 금요일 정모 오세요?\n보드게임 하는곰 — 오늘 오후 9:15: 저 야근이라 못 가요");
        server.ShouldContain("보드게임 하는곰");
        server.ShouldContain("등대지기_하람");
    }

    // A chat calls a long handle by its first or last part with 님 (새벽별고래 … 고래님); not by a rank or kinship word the
    // handle ends with (청풍군주 … 군주님, 뜨개할매 … 할매님).
    [Fact]
    public void ShortenedHandlesWithNim()
    {
        var stream = Persons("[21:00:01] 새벽별고래 : 언니 오늘 목 괜찮아?\n[21:00:10] 라온이 : 고래님 하이~ 다 나았어요\n"
            + "[21:01:00] 청풍군주 : 신청곡 됩니까\n[21:01:10] 라온이 : 군주님 잠시만요\n[21:02:00] 뜨개할매 : 나도 왔어\n[21:02:30] 라온이 : 할매님 반가워요");
        stream.ShouldContain("고래");
        stream.ShouldNotContain("군주");
        stream.ShouldNotContain("할매");
    }

    // Korean surnames as Russian spells them before a second word (Ким Сора, Чон Хёну) name Korean colleagues in a Russian
    // chat; a Russian word that opens a sentence (Там "there") is no name although it romanises to one.
    [Fact]
    public void KoreanSurnamesInCyrillic()
    {
        var chat = Persons("Нурлан: Сегодня 잔업 до 21:00, 반장님 Ким Сора сказал.\nАсхат: Там бесплатная консультация по 퇴직금, 안전관리자 Чон Хёну с ним.");
        chat.ShouldContain("Ким Сора");
        chat.ShouldContain("Чон Хёну");
        chat.ShouldNotContain("Там");
    }

    // An English officer's acronym or a role after a possessive stands before a name (our CTO Adetunde Bello); a possessive
    // 's after a name is not part of it.
    [Fact]
    public void EnglishRolesBeforeNames_AndPossessives()
    {
        var mail = Persons("안녕하세요 김민지 매니저님,\nOur CTO Adetunde Bello cannot travel until June. Also our intern Thu Trang Nguyen's last day is Friday.");
        mail.ShouldContain("Adetunde Bello");
        mail.ShouldContain(n => n.StartsWith("Thu Trang") || n == "Trang Nguyen");
        mail.ShouldNotContain(n => n.EndsWith("'s"));
    }

    // The name a payment comes in under, said in a sentence (입금자명은 김보라로 들어갑니다); a firm's name is none.
    [Fact]
    public void DepositorNamesInSentences()
    {
        Persons("내일 아내가 이체할 거예요. 입금자명은 김보라로 들어갑니다.").ShouldContain("김보라");
        Persons("입금자명은 회사명으로 해 주세요.").ShouldBeEmpty();
    }

    // A temple's register lists each believer's Buddhist name (법명) beside the name; a list of members written as name(what
    // they are) holds a name that is also a common word (조경수(퇴직 교원)).
    [Fact]
    public void BuddhistNamesAndListItemsBeforeBrackets()
    {
        var register = Persons("번호\t성명\t법명\t연락처\n1\t기윤서\t자운\t010-2345-6789\n2\t도한빛\t무진\t010-3456-7890");
        register.ShouldContain("자운");
        register.ShouldContain("무진");
        var minutes = Persons("참석 위원: 위원장 차성균, 도예린(변호사), 조경수(퇴직 교원), 임보람(학부모 위원)");
        minutes.ShouldContain("조경수");
        Persons("정원에 조경수(소나무) 세 그루를 심었다.").ShouldNotContain("조경수");
    }


    // After a time in brackets a given and a family name, neither listed, speak (a chat's export: [07:48] Jhen Villacorte: …);
    // Filipinos call each other by ate and kuya before the name (salamat ate Weng, kuya Bong).
    [Fact]
    public void UnlistedLatinSpeakersAfterATime_AndTagalogKinTitles()
    {
        var chat = Persons("[07:12] Ate Lorna: Magandang umaga mga kapatid!\n[07:48] Jhen Villacorte: Guys help po, yung lola ko sa ospital\n"
            + "[07:52] Rowena Pacis: picture-an mo lang yung form\n[07:55] Jhen Villacorte: salamat ate Weng ❤️\n[08:34] Rowena Pacis: kuya Bong magkano per day?");
        chat.ShouldContain("Jhen Villacorte");
        chat.ShouldContain("Weng");
        chat.ShouldContain("Bong");
        Persons("[09:00] Team Meeting: starts now\n[09:05] Team Meeting: agenda posted").ShouldNotContain("Team Meeting");
    }

    // In Myanmar letters the honorific is glued to the name (ကိုဇော်မင်း, မသီတာ, ဒေါ်ခင်မာဝင်း); a negated verb (မသိဘူး) or a
    // plural (အစ်ကိုတို့) is none.
    [Fact]
    public void BurmeseHonorificsInMyanmarLetters()
    {
        var chat = Persons("[6:45 AM] Thida Aung: ဟုတ်ကဲ့ ကိုဇော်မင်း ✅ 내일 봐요\n[6:47 AM] Zaw Min Htet: မသီတာ 2라인은 6시\n[9:12 AM] Aung Ko Latt: ဒေါ်ခင်မာဝင်း ဆေးရုံ");
        chat.ShouldContain("ဇော်မင်း");
        chat.ShouldContain("သီတာ");
        chat.ShouldContain("ခင်မာဝင်း");
        var talk = Persons("[7:00 AM] Thida Aung: မသိဘူး 사장님\n[7:01 AM] Zaw Min Htet: အစ်ကိုတို့ 8시까지");
        talk.ShouldNotContain(n => n.Contains("သိ") || n.Contains("တို့"));
    }

    // A cafe's reply may give the year's date and the time before the comment, one space after (└ 캠핑하는곰돌이 2025년 6월
    // 27일 21:30 넵!); a byline may carry the writer's role in brackets (솔바람지기 (운영자) | 2025-01-01 21:14 | 조회 187); a
    // board's tag in brackets ([정모공지], [캠핑후기]) names no writer.
    [Fact]
    public void CafeRepliesWithDates_BylinesWithRoles_AndBoardTags()
    {
        var cafe = Persons("[정모공지] 10월 가평 정모 명단 | 정모게시판\n솔바람지기 (운영자) | 2025-01-01 21:14 | 조회 187\n사이트 배정은 아래와 같습니다.\n"
            + "└ 캠핑하는곰돌이 2025년 6월 27일 21:30 넵! 고기는 제가 살게요\n  └ 달빛타프 2025. 9. 17. 22:10 환영해요 ㅋㅋ\n"
            + "[캠핑후기] 가평 정모 후기 | 정모게시판\n장작패는남자 | 2025-03-05 10:41 | 조회 96\n└ 별헤는밤 2025. 9. 23. 11:20 회비 정산 공지 올렸습니다");
        cafe.ShouldContain("솔바람지기");
        cafe.ShouldContain("캠핑하는곰돌이");
        cafe.ShouldContain("달빛타프");
        cafe.ShouldContain("별헤는밤");
        cafe.ShouldNotContain("정모공지");
        cafe.ShouldNotContain("캠핑후기");
    }


    // A phone set to Chinese writes the half of the day in Chinese (2025년 1월 10일 上午 7:12 金春花: …); a market's chat puts
    // the time in brackets after the name, perhaps after the day (상점482913호 (오후 3:02): …, (다음 날 오전 11:40)); a phone
    // number in brackets is no time.
    [Fact]
    public void ChineseHalvesOfTheDay_AndTimesInBracketsAfterTheName()
    {
        var wechat = Persons("2025년 1월 10일 上午 7:12 金春花: 姐妹们早上好 ○○병원 6층 간병 교대 구해요\n2025. 2. 26. 上午 8:10 老王: 恭喜恭喜\n"
            + "2025. 1. 14. 下午 3:22 朴美玲: 방금 할머니 환자분이 노래 틀어요");
        wechat.ShouldContain("金春花");
        wechat.ShouldContain("朴美玲");
        var market = Persons("상점482913호 (오후 3:02): 안녕하세요 배터리 사이클 몇이에요?\n맥북정리중 (오후 3:10): 87회요\n"
            + "맥북정리중 (다음 날 오전 11:40): 발송했어요\n상점482913호 (이틀 뒤 오후 8:22): 받았어요");
        market.ShouldContain("상점482913호");
        market.ShouldContain("맥북정리중");
        const string Line = "문의 (010-1234-5678): 연락주세요";
        PersonLayout.SpeakerAt(Line, 0, Line.Length).ShouldBeNull();
    }

    // After Discord's dash and a date a handle in mixed case speaks (MegaDon — 2025년 4월 25일 오후 10:06); a stream's alerts in
    // English name the viewer before subscribed, cheered or gifted, at the line's start after a time or a star; a sentence
    // that says so names no one.
    [Fact]
    public void DiscordHandlesAfterDates_AndEnglishStreamAlerts()
    {
        var server = Persons("MegaDon — 2025년 4월 25일 오후 10:06\n택배로 보내 주시면 돼요\nMegaDon — 2025-07-18 오후 9:20 | 검증 완료했습니다");
        server.ShouldContain("MegaDon");
        var stream = Persons("[21:02:40] 치즈볶이중독: 오늘 챌 가나요\n[21:03:10] ★ dalbit_0930 subscribed at Tier 1.\n"
            + "[21:09:15] SleepyPanda_CA cheered 500: lets go diamond!!\n[21:42:30] ★ yuna_lee94 gifted 5 Tier 1 subs to the community!\n"
            + "The crowd cheered loudly and Everyone gifted flowers.");
        stream.ShouldContain("dalbit_0930");
        stream.ShouldContain("SleepyPanda_CA");
        stream.ShouldContain("yuna_lee94");
        stream.ShouldNotContain("crowd");
        stream.ShouldNotContain("Everyone");
    }


    // Discord shows a member's role in brackets after the name (밤까마귀 [플레이어] — 오늘 오후 9:14); a booking app's copy puts
    // the writer, the app's role and the time between middle dots ([Airbnb 메시지] Eunseo · 호스트 · 오후 4:20  Hi …); a
    // bracket that says what kind of message follows ([받은 문자] 오후 7:20 …) names no sender.
    [Fact]
    public void DiscordRoleTags_AppRolesBetweenDots_AndMessageKinds()
    {
        var server = Persons("밤까마귀 [플레이어] — 오늘 오후 9:14  창고 털렸어요 ㅠ\nSora_Mod [관리자] — 오늘 오후 9:17  로그 볼게요\n"
            + "밤까마귀 [플레이어] — 오늘 오후 9:18  감사합니다\nSora_Mod [관리자] — 오늘 오후 9:31  복구했어요");
        server.ShouldContain("밤까마귀");
        server.ShouldContain("Sora_Mod");
        server.ShouldNotContain(n => n.Contains('['));
        var stay = Persons("[Airbnb 메시지] Sophie Martin · 게스트 · 오후 2:10  Hi! We arrive around 3pm.\n[Airbnb 메시지] Eunseo · 호스트 · 오후 4:20  Take a taxi (10 min).");
        stay.ShouldContain("Eunseo");
        stay.ShouldContain("Sophie Martin");
        var texts = Persons("[받은 문자] 오후 7:20 수강생 어머니: 관장님 감사합니다\n[보낸 문자] 오후 7:25 네 다음 주에 봬요\n[받은 문자] 오후 8:02 감사합니다");
        texts.ShouldNotContain(n => n.Contains("문자"));
    }


    // A market's chat may put the date and time before the name in brackets and a colon (2025. 11. 23. 오후 3:15 [하늘정비소]:
    // …); a neighbourhood app's comment names its writer before a middle dot and the writer's neighbourhood, the comment after
    // two spaces (하늘땅별땅 · ○○2동  남편분이 …).
    [Fact]
    public void DatedBracketedSellers_AndNeighbourhoodComments()
    {
        var deal = Persons("2025. 11. 23. 오후 3:12 [드론초보]: 안녕하세요 판매중인가요?\n2025. 11. 23. 오후 3:15 [하늘정비소]: 네 판매중입니다\n");
        deal.ShouldContain("드론초보");
        deal.ShouldContain("하늘정비소");
        var post = Persons("결혼반지 잃어버렸어요 ㅠㅠ\n댓글 2\nMina_Park · 역삼동  지구대에 습득물 신고해 보세요\n하늘땅별땅 · ○○2동  저도 찾았어요");
        post.ShouldContain("Mina_Park");
        post.ShouldContain("하늘땅별땅");
        post.ShouldNotContain("역삼동");
    }


    // A dated log names a handle of four syllables or more as its speaker where the handle opens another dated line with its
    // colon too (2025. 11. 23. 오후 3:15 하늘정비소: …), as a market's chat copies both sides; a schedule's item, said once,
    // does not. Vietnamese calls a name with ơi after it (Ánh ơi …), not an exclamation or a word of address (Trời ơi, Mẹ ơi).
    [Fact]
    public void RepeatedHandlesInDatedLogs_AndVietnameseVocatives()
    {
        var deal = Persons("2025년 2월 10일 오후 3:12 재민이드론: 안녕하세요 아직 판매 중인가요?\n2025. 11. 23. 오후 3:15 하늘정비소: 네 판매중입니다\n"
            + "2025년 11월 12일 오후 3:16 재민이드론: 안전결제면 좋아요\n2025-04-08 오후 3:33 하늘정비소: 링크 보내 드릴게요");
        deal.ShouldContain("재민이드론");
        deal.ShouldContain("하늘정비소");
        Persons("2025-04-19 09:00 오리엔테이션진행: 강당\n2025-04-19 10:00 안전교육: 3층").ShouldBeEmpty();
        var chat = Persons("21:20 Lê Ngọc Hân: Ánh ơi em nộp giúp chị nhé\n21:21 Phạm Long: Trời ơi mệt quá\n21:22 Lê Ngọc Hân: Mẹ ơi con về rồi");
        chat.ShouldContain("Ánh");
        chat.ShouldNotContain("Trời");
        chat.ShouldNotContain("Mẹ");
    }


    // A stream's chat opens a viewer's line with the fan's rank in brackets ([열혈팬] 간장종지(soysauce_01) : …) and may drop
    // 이 before a gift (★ 매운맛조교님 별풍선 300개 선물!); a messenger's CSV export puts the sender in the field after the
    // date and time (2025-06-27,08:55:02,Anish Shrestha,…); Mongolian and Russian put a kin word after a name (Оюунаа эгч,
    // Дархан брат), not after a greeting or a possessive (Баярлалаа ах, Мой брат).
    [Fact]
    public void FanRanks_GiftsWithoutI_CsvSenders_AndCyrillicKin()
    {
        var stream = Persons("[열혈팬] 간장종지(soysauce_01) : 이모 오늘 갈비 몇 kg이에요??\n★ 매운맛조교님 별풍선 300개 선물! ★ \"노래 틀어 주세요\"\n"
            + "[팬] 매운맛조교(hotcoach92) : 신청곡이요\n[매니저] 양념통 : 채팅창 정리합니다\n[열혈팬] 간장종지(soysauce_01) : 이모 화이팅!!");
        stream.ShouldContain("간장종지");
        stream.ShouldContain("매운맛조교");
        stream.ShouldNotContain("열혈팬");
        var csv = Persons("2025-06-27,08:55:02,Anish Shrestha,01039128888,어제 편의점 야간 했어요\n2025-01-12,21:50:10,\"박보람\",010,잘 자요");
        csv.ShouldContain("Anish Shrestha");
        csv.ShouldContain("박보람");
        var kin = Persons("Enkhjin Bold: 저 벌써 공장 앞이에요 ㅋㅋ Оюунаа эгч кофе авах уу?\nРуслан: ок, спасибо Дархан брат\nАсхат: Баярлалаа ах. Мой брат придёт");
        kin.ShouldContain("Оюунаа");
        kin.ShouldContain("Дархан");
        kin.ShouldNotContain("Баярлалаа");
        kin.ShouldNotContain("Мой");
    }


    // Messenger's copy opens a line with the day of the week, the time and a dash before the name (Sat 9:07 PM — Mary Joy
    // Dimaculangan: …): the name of up to four words speaks, the day does not. Indonesian calls a person with a form of
    // address (Kak Bayu, Mas Gilang): the name without it, where the text is Indonesian; and a speaker's first word, a given
    // name in no list, is the person where the text repeats the full name (Wulan Sari … Iya Wulan).
    [Fact]
    public void WeekdayMessengerLines_IndonesianAddress_AndSpeakersGivenNames()
    {
        var messenger = Persons("Sat 9:07 PM — Mary Joy Dimaculangan: Guys may meeting daw bukas\nSat 9:09 PM — Carlo Reyes: Noted po\n"
            + "Sun 6:40 AM — 박정호: 오늘 7시 출발");
        messenger.ShouldContain("Mary Joy Dimaculangan");
        messenger.ShouldContain("Carlo Reyes");
        messenger.ShouldContain("박정호");
        messenger.ShouldNotContain("Sat");
        messenger.ShouldNotContain("Sun");
        var chat = Persons("2025-03-02 20.05 - Wulan Sari: Kak Bayu, aku sudah sampai di 정문 ya\n"
            + "2025-03-02 20.07 - Bayu Pratama: Iya Wulan, tunggu sebentar. Mas Gilang juga mau ikut tapi belum bisa\n2025-03-02 20.09 - Wulan Sari: Oke, makasih");
        chat.ShouldContain("Bayu");
        chat.ShouldContain("Wulan");
        chat.ShouldContain("Gilang");
        chat.ShouldNotContain("Mas Gilang");
        chat.ShouldNotContain("Kak Bayu");

        // (Not Indonesian: Pak is a Korean surname romanised, and no form of address is cut off.)
        Persons("Pak Svetlana: 내일 출근합니다\nКим Сора: 네 알겠습니다").ShouldNotContain("Svetlana");
    }

    // A name the text names for certain is the same person where else it stands as a word (하린 가방 after 하린이는 in a
    // family chat), but not where the text names it more often without a finding than with one, and no office's name.
    [Fact]
    public void SureNamesStandForThePersonElsewhere()
    {
        var family = Persons("[아빠 민혁] [오전 7:30] 오늘 반차 냈어. 도윤이랑 하린이 둘 다 봐?\n[엄마 지윤] [오전 7:33] 하린이는 수요일에 할머니가 데려가요\n"
            + "[친할머니 정순애] [오전 7:40] 그래 하린이 간식 챙길게\n[엄마 지윤] [오전 7:41] 하린 가방에 약 있어요");
        family.Count(n => n == "하린").ShouldBe(4);
        Persons("Warm regards, 서하은 | Lead Photographer | Studio Dalbit | 032-916-4559\nStudio Dalbit books the hall.").ShouldNotContain("Studio Dalbit");
    }


    // A stream's alert names a viewer whose nickname ends with a title (두부사장님이 10,000치즈 후원), not a department's head
    // (영업부장님이 …); Uzbek puts a kin word with the possessive before a name (Ukam Aziz, Amakim Rustam); a copy may set
    // the author in brackets before Discord's dash ([봄바람22] — 2025-06-03 오후 2:20  …).
    [Fact]
    public void TitledNicknamesInAlerts_UzbekKin_AndBracketedAuthorsBeforeTheDash()
    {
        var stream = Persons("[22:14:03] 감자튀김중독: 67트 ㄷㄷ\n[22:14:30] 💰 두부사장님이 10,000치즈 후원 — \"치킨 쏩니다\"\n"
            + "[22:18:31] 🎁 두부사장님이 구독권 5개를 선물했습니다!");
        stream.Count(n => n == "두부사장").ShouldBe(2);
        Persons("[22:14:30] 💰 영업부장님이 10,000치즈 후원").ShouldNotContain("영업부장");
        var uzbek = Persons("[06.06.2025 15:02] Nodira Ahmedova: Ukam Aziz ham kelasi semestrda keladi. Amakim Rustam 공장에서 통역 kerak deyapti");
        uzbek.ShouldContain("Aziz");
        uzbek.ShouldContain("Rustam");
        var discord = Persons("[봄바람22] — 2025-06-03 오후 2:20  저 갑니다\n사장님_곰돌 — 2025-06-03 오후 2:25  네 오세요\n[봄바람22] — 2025-06-03 오후 9:10  오늘 재밌었어요");
        discord.ShouldContain("봄바람22");
    }


    // A community shows a writer by the nickname and the account's id masked in brackets (작성자 달려라곰돌이(gom****),
    // └ [Run_Jae](run****) 21:42 …): the nickname is a person wherever the text names it; a role is not (운영진(adm***)).
    // A clinic's channel speaks for no person ([카톡 채널] 오후 2:05 [바른교정치과]: …), nor does a stream's fan-club tag.
    [Fact]
    public void MaskedIdNicknames_ClinicChannels_AndFanClubTags()
    {
        var cafe = Persons("[후기] 하프 첫 완주했습니다 | 작성자 달려라곰돌이(gom****) | 2025.04.06. 21:14\n └ [Run_Jae](run****) 21:42 곰돌이님 고생하셨어요\n"
            + " └ 철인할배(iro****) 22:03 축하해요\n └ 달려라곰돌이 22:10 감사합니다 @Run_Jae\n공지 | 작성자 운영진(adm***)");
        cafe.ShouldContain("달려라곰돌이");
        cafe.Count(n => n == "Run_Jae").ShouldBe(2);
        cafe.ShouldContain("철인할배");
        cafe.ShouldNotContain("운영진");
        var clinic = Persons("[카톡 채널] 오후 2:05 [바른교정치과]: 하람 아버님, 내일 오후 4시 예약 확인 부탁드립니다.\n[카톡 채널] 오후 2:09 [오하람 아버지]: 네 갈게요\n"
            + "[카톡 채널] 오후 3:10 [바른교정치과]: 감사합니다");
        clinic.ShouldNotContain("바른교정치과");
        Persons("[[팬클럽]] 짭짤한감자(salty**) : 가입했어요\n[[팬클럽]] 곱창좋아(gopchang**) : 반가워요").ShouldNotContain("팬클럽");
    }


    // A WeChat copy puts a Chinese name after a time in brackets ([07:15] 金玉花: 我去 …), as a dated line does.
    [Fact]
    public void WeChatNamesAfterATimeInBrackets()
    {
        var wechat = Persons("群聊: 护工姐妹们(38)\n[07:12] 延边春梅: 姐妹们早上好 오늘 7층 교대 누가 가능해?\n[07:15] 金玉花: 我去 你放心\n[07:20] 崔明子: 那个女儿人挺好的");
        wechat.ShouldContain("延边春梅");
        wechat.ShouldContain("金玉花");
        wechat.ShouldContain("崔明子");
    }


    // A board's comment copied with 댓글, the writer, the date, the time and a bar names its writer for certain (댓글
    // 감성돔헌터 2025.07.02. 21:40 | …); a schedule's bracketed item after a 24-hour time is no writer (09:00 [개회]: 강당).
    [Fact]
    public void DatedCommentsWithABar()
    {
        var cafe = Persons("[정출] 거제 야간 선상 참가 명단\n댓글 감성돔헌터 2025.07.02. 21:40 | 참석합니다\n └ 방파제지박령 2025.07.02. 22:10 | 네 환영해요");
        cafe.ShouldContain("감성돔헌터");
        Persons("09:00 [개회]: 강당\n10:00 [공지]: 3층 회의실").ShouldBeEmpty();
    }

    // A server's chat may set a badge after the nickname ([오후 8:02] 늑대GM 🎲: …), sign with three initials ([오후 10:31] ㄱㅁㅅ:
    // …) or close a Latin-and-Hangul handle with letters (xX정글장인Xx); laughter is no handle (ㅋㅋㅋ:).
    [Fact]
    public void BadgedNicknames_InitialsHandles_AndClosedMixedHandles()
    {
        var server = Persons("── #모집 ──\n[2025-10-01 오후 8:02] 늑대GM 🎲: 신규 캠페인 모집합니다\n[2025. 10. 2. 오후 8:10] Dice_Hana: 저요\n"
            + "[2025. 10. 2. 오후 8:12] 늑대GM 🎲: 환영해요\n[2025. 10. 3. 오후 10:31] ㄱㅁㅅ: 저도 갈게요\n[2025. 10. 3. 오후 10:35] ㄱㅁㅅ: 회비는요?");
        server.ShouldContain("늑대GM");
        server.ShouldContain("ㄱㅁㅅ");
        Persons("[21:00] 보리차: 웃겨\n[21:01] ㅋㅋㅋ: 진짜\n[21:02] 보리차: ㅇㅇ").ShouldNotContain("ㅋㅋㅋ");
        var stream = Persons("[20:03:40] xX정글장인Xx: 1세트 밴픽 뭐냐\n[20:03:41] 라면먹는곰: 미쳤다\n[20:03:45] xX정글장인Xx: ㅋㅋ");
        stream.ShouldContain("xX정글장인Xx");
    }


    // A message log names the kind before the time ([문자 2025. 3. 21. 10:15] 귤밭사랑: …) or writes the sender, an arrow and
    // the recipient ([문자 오후 9:41] Grace Bello → 코치: …): the sender is named for certain; a shop's phone, a masked shop or
    // a title alone is no sender (가게폰 → 채유리, 관장 → 시우 어머님). A slot may hold a name and a job ([표다온 사서]), not a desk
    // and a name ([상황실 다래]: the name).
    [Fact]
    public void MessageLogSenders_Arrows_AndNamesWithAJob()
    {
        var log = Persons("[문자 2025. 3. 21. 10:15] 귤밭사랑: 입금자 이름 현다은으로 보냈어요\n[메모] 귤밭사랑 = 현다은 님 입금 확인");
        log.Count(n => n == "귤밭사랑").ShouldBe(2);
        var arrows = Persons("[문자 오후 9:41] Grace Bello → 코치: Coach, Sam will come late.\n[문자 오후 9:44] 코치 남궁혜린 → Grace Bello: No problem!\n"
            + "[문자 오후 10:05] 진우 아빠 어상준 → 코치: 발목이 부었어요");
        arrows.ShouldContain("Grace Bello");
        arrows.ShouldContain("남궁혜린");
        arrows.ShouldContain("어상준");
        var shop = Persons("[문자 2025-11-06 09:30] 가게폰 → 채유리: 네 바꿔 드릴게요\n[문자 2025-11-06 09:40] 관장 → 시우 어머님: 합격했습니다\n"
            + "[문자 2025-11-06 09:50] ○○안경 → 한결 고객님: 입고되었습니다");
        shop.ShouldNotContain("가게폰");
        shop.ShouldNotContain("관장");
        shop.ShouldNotContain("안경");
        var library = Persons("[표다온 사서] [오전 10:02] 봉사자님들 확인 부탁드려요\n[곽민서] [오전 10:15] 넵!\n[표다온 사서] [오전 10:33] 감사해요");
        library.ShouldContain("표다온");
        library.ShouldNotContain("표다온 사서");
        var desk = Persons("[상황실 다래] [오후 2:31] 기사님 콜이 멈췄어요\n[반준호] [오후 2:33] 사고 났어요\n[상황실 다래] [오후 2:34] 괜찮으세요?");
        desk.ShouldContain("다래");
        desk.ShouldNotContain("상황실");
    }


    // Under a comments header a comment may open with its writer, the year's date and the time, no reply mark (은솔맘아님
    // 2025-06-28 00:12 …): the writer is named for certain.
    [Fact]
    public void DatedCommentWritersWithoutAReplyMark()
    {
        var board = Persons("[자유게시판] 차 긁고 가셨네요\n검은콩두유 | 2025. 6. 10. 22:14 | 조회 3,412\n어제 주차해 둔 차가 긁혔어요\n댓글 3\n"
            + "판교라이더 2025-05-14 23:05 혹시 흰색 투싼 아닌가요?\n└ 검은콩두유 2025-05-15 07:40 @판교라이더 감사합니다");
        board.Count(n => n == "판교라이더").ShouldBe(2);
    }

    // The press gives a private person's age in brackets (편소라(11) 양은, 주말분(84) 할머니는), also in a feature whose line
    // says 글을 배우니 or 신문을 본다 (the verb and the daily paper are no public life); an office after the age, a public word
    // before the name or a foreign name keeps the figure public (박도윤(71) 민주당 의원, 야구선수 구민혁(22)씨, 호크(37)는).
    [Fact]
    public void AgesInBracketsInTheNews()
    {
        Reason("지난해 시집을 낸 주말분(84) 할머니는 \"글을 배우니 편지를 쓸 수 있다\"고 했다.", "주말분").ShouldBe("age in brackets");
        Reason("이장 국태호(71) 씨는 \"다들 여기 와서 신문을 본다\"고 웃었다.", "국태호").ShouldBe("age in brackets");
        Reason("검찰은 기소된 박도윤(71) 민주당 의원에게 징역 2년을 구형했다.", "박도윤").ShouldStartWith(PersonPolicies.PublicPrefix);
        Reason("배우 채수아(21)씨와 야구선수 구민혁(22)씨가 열애 중이라는 보도가 나왔다.", "구민혁").ShouldStartWith(PersonPolicies.PublicPrefix);
    }

    // A shop's own side of copied messages ([가게] 네 …) speaks as the exporter does, so the customers' bracketed lines make a
    // conversation; under a comments header, where two writers are confirmed, a parent's handle or a handle of three
    // syllables opens a comment too (준호아빠 우퍼는 …), not a word with a particle (저희는 …); a phone's export keeps a handle
    // that ends with 형 (셔틀왕민형 : …); a stream's role may follow a badge and 채널 (달빛키친 🔧채널 운영자: …).
    [Fact]
    public void ShopSides_CommentBlocks_KinHandlesWithHyeong_AndBadgedRoles()
    {
        var shop = Persons("픽업일\t주문자\t케이크\n3월 5일\t양미선\t생크림\n3월 6일\t탁민성\t도시락\n3월 7일\t별하맘\t캐릭터\n문자\n"
            + "[양미선] 레터링 한글로만 해주세요\n[가게] 네~ 한글로 넣을게요\n[별하맘] 사장님~ 하츄핑으로 바꿀 수 있나요?\n[가게] 네 가능해요!");
        shop.ShouldContain("별하맘");
        shop.ShouldNotContain("가게");
        var board = Persons("윗집 소음 어떻게들 하세요\n별이맘 · 2025-10-02 23:48 · 조회 412\n댓글\n라벤더향기 저희도 작년에 똑같았어요\nMia_in_Korea 저는 미국에서 왔어요\n"
            + "준호아빠 우퍼는 하지 마시고요ㅋㅋ\n먹보너구리 근데 글에 이름 쓰시면 알아봐요\n저희는 매트 깔았어요\n라벤더향기 쪽지 드렸어요~");
        board.ShouldContain("준호아빠");
        board.ShouldContain("먹보너구리");
        board.ShouldNotContain("저희는");
        var phone = Persons("2025-10-25 오후 8:01, 셔틀왕민형 : 오늘 7코트 예약 잡았습니다.\n2025-10-25 오후 8:03, 민트초코 : 네 갈게요");
        phone.ShouldContain("셔틀왕민형");
        var stream = Persons("0:00:41 달빛키친 🔧채널 운영자: 안녕하세요 여러분~\n0:01:05 yumyum_jisoo: 안녕하세요!!\n0:03:58 달빛키친 🔧채널 운영자: 네 돼요~");
        stream.ShouldContain("달빛키친");
    }

    // Some WhatsApp locales leave the comma out after the date and write the time with a dot (02/06/25 04.02 - Bos Kim: …);
    // a stream's log marks the streamer with BJ (BJ 매운맛순돌 : …) and a viewer may be anonymous initials and digits ([일반]
    // ㅇㅇ5678 : …); a cafe's reply may put one space after the time (└ 쪼니 21:30 괜찮아요~), and its byline the writer's rank
    // after the handle and the views after the time (페달곰 매니저 · 2025년 6월 18일 21:14 · 조회 212): the handle, not the rank.
    [Fact]
    public void DotTimedWhatsApp_StreamersAndAnonymousViewers_AndCafeRanks()
    {
        var whatsApp = Persons("02/06/25 04.02 - Bos Kim: 오늘 4시 반 출항\n02/06/25 04.05 - Agus Setiawan: Siap kapten\n02/06/25 04.13 - Bos Kim: 빨리 나와");
        whatsApp.ShouldContain("Bos Kim");
        var stream = Persons("[열혈팬] 곱창러버 : 오늘 가능??\nBJ 매운맛순돌 : 헐 감사합니다\n[일반] ㅇㅇ5678 : 살 좀 빼라\n[매니저] 순돌지킴이 : 경고입니다\nBJ 매운맛순돌 : 자 갑니다");
        stream.ShouldContain("매운맛순돌");
        stream.ShouldContain("ㅇㅇ5678");
        var cafe = Persons("[정모후기] 팔당 번개 후기\n페달곰 매니저 · 2025년 6월 18일 21:14 · 조회 212 · 댓글 9\n총 14명 참가했습니다.\n"
            + "└ 쪼니 21:30 팔꿈치 괜찮아요~\n  └ 페달곰 21:33 다행이에요 쪼니님");
        cafe.ShouldContain("페달곰");
        cafe.ShouldContain("쪼니");
        cafe.ShouldNotContain("매니저");
    }

    // Instagram's messages copied as a handle with a dot or an underscore, a 12-hour time and a colon name their writer for
    // certain, the account's own side with its @ too (haein.k 오전 10:12: …, @studio.ink 오전 10:40: …); a Teams copy writes
    // "Family, Given" and the month and day before the time (Yeom, Jaeho  3/10 8:42 AM  …); a register gives the name in its
    // own script in brackets after the Latin one (Abdullah Al-Harbi (عبدالله الحربي)), not a role in Latin letters.
    [Fact]
    public void InstagramHandles_TeamsFamilyCommaGiven_AndOwnScriptNamesInBrackets()
    {
        var dm = Persons("예약표\t고객\n수\t탁해온\n금\t음지원\n목\t왕도윤\n[인스타그램 DM]\nhaein.k 오전 10:12: 안녕하세요! 수요일 예약했어요\n"
            + "@studio.ink 오전 10:40: 네 해온님~\nnoah.b_seoul 오후 1:05: Hi! Can I move my session?");
        dm.ShouldContain("haein.k");
        dm.ShouldContain("noah.b_seoul");
        var teams = Persons("Teams › Houston Office › General\nYeom, Jaeho  3/10 8:42 AM  Morning all.\nBang, Sook-ja  3/10 11:20 AM  Reminder: housing\n"
            + "Danielle Ortez  3/11 2:48 PM  Update: numbers ready\nYeom, Jaeho  3/11 3:02 PM  Thanks all");
        teams.ShouldContain("Yeom, Jaeho");
        teams.ShouldContain(n => n.Contains("Sook-ja"));
        var register = Persons("이름\t국적\nAbdullah Al-Harbi (عبدالله الحربي)\t사우디아라비아\nImran Qureshi (عمران قریشی)\t파키스탄");
        register.ShouldContain("عبدالله الحربي");
        register.ShouldContain("عمران قریشی");
        Persons("담당: Sarah Kim (Manager)").ShouldNotContain("Manager");
    }

    // After a message's tag in brackets, the writer, the date, the time and a colon name the writer for certain ([인스타그램
    // DM] mina.in.seoul 2025-07-09 09:05: …, [카카오톡 채널 상담] 구다름 2025. 11. 13. 08:12: …); a notice's word does not.
    [Fact]
    public void WritersAfterAMessageTagAndADatedTime()
    {
        var log = Persons("[카카오톡 채널 상담] 구다름 2025. 11. 13. 08:12: 안녕하세요 오늘 10시 예약했어요\n"
            + "[인스타그램 DM] mina.in.seoul 2025-07-09 09:05: Hi! Can I book grooming?\n[인스타그램 DM] 공지 2025-07-09 09:05: 휴무 안내");
        log.ShouldContain("구다름");
        log.ShouldContain("mina.in.seoul");
        log.ShouldNotContain("공지");
    }

    // Discord copied with the channel before the dash names the writer (#모임-모집 — 밤샘미플 — 오후 2:15); a full name and a
    // licensed trade in 사 in an export's slot name the person, not the trade ([변아름 지도사]); a name in a script of its own
    // before a 24-hour time speaks (သန္တာဝင်း 21:06  …), and Burmese calls a Latin name with ရေ or မမ after it.
    [Fact]
    public void DiscordChannelDash_SlotTrades_AndBurmeseNames()
    {
        var discord = Persons("#공지 — 사장_곰돌 — 2025년 12월 21일 오후 2:03\n이번 주 토요일 모임!\n#모임-모집 — 밤샘미플 — 오후 2:15\n저 갑니다 🙋\n"
            + "#모임-모집 — JunBeom — 오후 3:04\n↪ @밤샘미플 좋아요");
        discord.ShouldContain("사장_곰돌");
        discord.ShouldContain("밤샘미플");
        discord.ShouldContain("JunBeom");
        discord.ShouldNotContain(n => n.Contains('#'));
        var slot = Persons("----- 2025-03-15 -----\n[변아름 지도사] [오후 6:02] 멘토쌤들 출석 부탁드려요\n[서진호] [오후 9:18] 네 가능합니다!");
        slot.ShouldContain("변아름");
        slot.ShouldNotContain("지도사");
        var viber = Persons("Zaw Min Htet 21:05  반장님이 7시 반까지 오래요.\nသန္တာဝင်း 21:06  Ko Zaw, 치과 가야 돼\nZaw Min Htet 21:07  Thandar ရေ OK ပြောပေးမယ်.");
        viber.ShouldContain("သန္တာဝင်း");
        viber.ShouldContain("Thandar");
        Persons("OK ရေ ဘာလဲ").ShouldBeEmpty();
    }

    // One person written in Cyrillic and in Latin letters in one chat is found both ways (Айбек Токтогулов … Aybek aka,
    // Gulnora Karimova … Гульнора эже); Mongolian kin words and the teacher's title take their case after them (Болд ахаас,
    // Карина Пак багшид), not after a word in the genitive (Байрны багш) or an apology (Уучлаарай эгчээ).
    [Fact]
    public void CrossScriptNames_AndMongolianKinCases()
    {
        var chat = Persons("Айбек Токтогулов, [2025-05-03 05:48] Салам баарына!\nDilshod Rahimov, [2025-05-03 05:50] Assalomu alaykum, Aybek aka, men bugun\n"
            + "Gulnora Karimova, [2025-05-03 12:07] Rahmat\nSardor Yusupov, [2025-05-03 12:08] Гульнора эже спасибо! Moscow Москва");
        chat.ShouldContain("Aybek");
        chat.ShouldContain("Гульнора");
        chat.ShouldNotContain("Москва");
        Persons("동대문 몽골타운 дэлгүүрийн Болд ахаас хонины мах захиалъя").ShouldContain("Болд");
        Persons("Гадаад оюутны зөвлөх Карина Пак багшид 예약 яаж хийхийг асуусан").ShouldContain("Карина Пак");
        Persons("[Байрны] багш 선생님 хэлсэн").ShouldBeEmpty();
        Persons("[Уучлаарай] эгчээ 🙈 지웠어요").ShouldBeEmpty();
        PersonLayout.LooseLatinKey("Айбек").ShouldBe(PersonLayout.LooseLatinKey("Aybek"));
        PersonLayout.LooseLatinKey("Хуршида").ShouldBe(PersonLayout.LooseLatinKey("Xurshida"));
    }

    // A given name alone after its full name: a native Korean one that is also a word (서보름 … 보름 씨가), a romanised
    // Korean one with a hyphen (@Jae-won Seo … @Jae-won send); a relation of great-grandchildren before a name (증손녀 Chloe).
    [Fact]
    public void NativeAndRomanisedGivenNames_AndGreatGrandchildren()
    {
        Persons("본인 부재 → 아내 서보름 씨 번호로 문자 후 연결\n- 눈 밑 멍 설명. 보름 씨가 걱정이 많으셔서 사진 상담 권함.").Count(n => n == "보름").ShouldBe(1);
        Persons("보름 뒤에 다시 오세요").ShouldBeEmpty();
        Persons("Priya Ramasamy  9:02 AM  Morning all. @Jae-won Seo can you move the call?\nMarcus Lim  9:07 AM  I'll grab her. @Jae-won send me her mobile pls")
            .ShouldContain("Jae-won");
        Persons("샌프란시스코 사는 증손녀 Chloe하고 영상통화할 때").ShouldContain("Chloe");
    }

    // A Teams copy gives a Japanese writer's name in Chinese characters in brackets after the Latin one (Yuki Nakamura
    // (中村由貴) 9:41 AM — …); a name joined to -san or -ssi is the person; Instagram's handles before a time and a middle dot
    // write the message; a name alone in brackets after an English kin word is the relative (Mom (Patricia)); an
    // interpreter's language stands before the name in a slot ([베트남어 Lê Thu Trang]); a Russian kin word capitalised
    // before a Cyrillic name (Мама Гулнора).
    [Fact]
    public void JapaneseNamesInBrackets_SanSuffix_InstagramDots_KinBrackets_AndLanguageTags()
    {
        var teams = Persons("Teams › Office › General · Posts\nYuki Nakamura (中村由貴) 9:41 AM — Good morning all. @Kenta Saito can you tell the studio?\n"
            + "    ↳ Kenta Saito (斉藤健太) 9:48 AM — Done.\nRyo Kimura (木村亮) 11:03 AM — I will ask Tanabe-san at the vendor today.");
        teams.ShouldContain("中村由貴");
        teams.ShouldContain("斉藤健太");
        teams.ShouldContain("木村亮");
        teams.ShouldContain("Tanabe");
        Persons("It is Non-san stuff").ShouldBeEmpty();
        var dm = Persons("@arum_sul 오후 9:12 · 내일 10시 뿌리염색 그대로죠?\n@sofia.rmn 오후 10:03 · Hi! Can I get layers\n@boram_mom 오후 11:40 · 딸이 단발 하고 싶대요");
        dm.ShouldContain("arum_sul");
        dm.ShouldContain("sofia.rmn");
        Persons("could he stay with Dad? Mom (Patricia) is not well.").ShouldContain("Patricia");
        Persons("the manager (Sales) said so").ShouldBeEmpty();
        var interpreters = Persons("---- 2025년 11월 23일 ----\n[가족센터 권다솔] [오전 9:12] 좋은 아침입니다.\n[베트남어 Lê Thu Trang] [오전 9:50] 제가 작년에도 했어요.\n"
            + "[가족센터 권다솔] [오전 10:00] 감사합니다");
        interpreters.ShouldContain("Lê Thu Trang");
        interpreters.ShouldNotContain(n => n.Contains("베트남어"));
        Persons("Men dori ichdim. Мама Гулнора из Ташкента тоже переживает").ShouldContain("Гулнора");
    }

    // A WeChat copy writes the month and day before the time in brackets ([06-12 08:03] 延吉大姐: …); a message log's tag
    // with its direction, the date and time, an arrow and the other side ([문자 수신] 2025-04-12 21:02 ← Grace Okafor: …);
    // a stream's VIP or 열혈 tag after the time (22:03 [VIP] 트롯사랑정미: …); English labels "real name" and "call me".
    [Fact]
    public void MonthDayStamps_MessageDirections_StreamTags_AndEnglishNameLabels()
    {
        var wechat = Persons("[06-12 08:03] 延吉大姐: 我去 8시 반까지 가요.\n[06-12 08:22] 崔明哲: 真的 남자 간병인 더 필요하대.\n[06-12 12:45] 金春花: 交了 어제 냈어.");
        wechat.ShouldContain("延吉大姐");
        wechat.ShouldContain("崔明哲");
        var texts = Persons("[문자 발송] 2025-04-10 20:00 → Grace Okafor: 안녕하세요 어머님\n[문자 수신] 2025-04-12 21:02 ← Grace Okafor: Hi, Jayden has a trip\n"
            + "[문자 수신] 2025-04-13 21:02 ← 독고민철: 코치님, 장갑 사이즈 맞나요?");
        texts.ShouldContain("Grace Okafor");
        texts.ShouldContain("독고민철");
        var stream = Persons("22:01 [VIP] 트롯사랑정미: 김성주 MC님 오늘 넥타이 멋지네\n22:02 부산갈매기: 그러게요\n22:03 [VIP] 트롯사랑정미: 점수 98점!!!\n"
            + "22:10 [열혈] 하온맘쓰: 심사위원 표정 봤어요?");
        stream.ShouldContain("하온맘쓰");
        stream.ShouldContain("트롯사랑정미");
        Persons("FYI the creator @glowwithbri (real name Brianna Coleman) posted our review").ShouldContain("Brianna Coleman");
        Persons("Please call me Cami, everybody does.").ShouldContain("Cami");
        Persons("The round found names again across Cyrillic and Latin letters, and Latin names in Hangul.").ShouldBeEmpty();
        Persons("Call me Maybe was a hit").ShouldBeEmpty();
    }

    // A cafe post's byline may put the writer after the title and a dash, before the views (… 임보 중이에요 — 콩떡이네집사 |
    // 조회 1,284 | …); a phone's log says the direction after the time (2025-01-02 오후 10:15 보냄 Grace Okafor: …); a customer
    // names themselves by the booking (11시 예약한 은가을인데요, 저 17시 연보름인데); Sinhala kin words take their case (Chamara
    // ayyata); English possessives are no names (His dad Chidi).
    [Fact]
    public void DashedBylines_LogDirections_BookingSelfIntroductions_AndSinhalaCases()
    {
        var post = Persons("[유기견 제보] 휴게소에 묶여 있던 진돗개 임보 중이에요 — 콩떡이네집사 | 조회 1,284 | 2025-02-21 21:37\n오늘 발견했어요.\n댓글 42\n"
            + "나비언니77 세상에… 콩떡이네집사님 복 받으실 거예요\n ㄴ 콩떡이네집사 헐 감사합니다!!");
        post.Count(n => n == "콩떡이네집사").ShouldBeGreaterThanOrEqualTo(2);
        var log = Persons("2025-01-02 오후 10:15 보냄 Grace Okafor: Hi Grace, David is in the starting five\n"
            + "2025-12-03 오후 10:21 받음 Grace Okafor: Thank you! His dad Chidi will drive him.\n2025-12-03 오후 10:25 받음 봉시우 할머니: 감사합니다");
        log.ShouldContain("Grace Okafor");
        log.ShouldNotContain("His");
        Persons("원장님ㅠㅠ 오늘 11시 예약한 은가을인데요 길게 가능할까요?").ShouldContain("은가을");
        Persons("실장님 저 17시 연보름인데 10분 늦어요ㅠ").ShouldContain("연보름");
        Persons("저 3시 회의인데 늦어요").ShouldBeEmpty();
        Persons("salli yawanna ona. Chamara ayyata 5만원 ganna thibba eka").ShouldContain("Chamara");
    }

    // A Teams copy's header with "Family, Given", a role in brackets and the day of the week (Whitfield, Grace (Office
    // Manager)  Mon 8:02 AM); Russian case forms of a confident name (Лариса Огай … от Ларисы, Ким Мария … Марии); a cafe's
    // comments with the writer's rank before a bar (두부엄마 매니저 | …) and the post's byline with it (| 쿵쿵지옥탈출 새싹멤버 | …).
    [Fact]
    public void TeamsWeekdays_RussianCaseForms_AndCafeRanks()
    {
        var teams = Persons("Teams › Houston Office › General\nWhitfield, Grace (Office Manager)  Mon 8:02 AM\nMorning all. The sea trial moved.\n"
            + "Seok Dongha (Project Lead)  Mon 8:10 AM\nGrace, is Luis still driving?");
        teams.ShouldContain("Whitfield, Grace");
        teams.ShouldNotContain(n => n.Contains("Office Manager"));
        var russian = Persons("15.04.2025, 19:05 - Сергей Ким: спасибо.\n15.04.2025, 19:10 - Лариса Огай 🌷: Скажите что от Ларисы 😄\n"
            + "15.04.2025, 19:12 - Ольга Тен: Бабушка Ким Мария тоже придёт\n15.04.2025, 19:31 - Лариса Огай 🌷: передайте Марии привет");
        russian.ShouldContain("Ларисы");
        russian.ShouldContain("Марии");
        var cafe = Persons("[자유게시판] 새벽 2시 쿵쿵… | 쿵쿵지옥탈출 새싹멤버 | 2025-02-21 07:12 | 조회 312\n윗집에서 밤마다 뛰어요.\n댓글\n"
            + "두부엄마 매니저 | 저 예전 1102호 살 때 똑같았어요ㅠ\n밤샘간호사 일반멤버 | 저도 교대라 남 일 같지 않네요.\n└ 쿵쿵지옥탈출 | 감사해요");
        cafe.ShouldContain("쿵쿵지옥탈출");
        cafe.ShouldContain("두부엄마");
        cafe.ShouldContain("밤샘간호사");
        cafe.ShouldNotContain(n => n.Contains("멤버"));
    }

    // A cafe's comment with the writer, the member's rank and a middle dot before it (바람꽃 우수회원 · …, └ 길동무영숙 정회원 ·
    // …) names the writer, and the names list elsewhere follows; a workspace's header after a reply mark (↳ Tanya Brooks
    // 7:31 AM  …) names the writer.
    [Fact]
    public void CafeRankDots_AndReplyMarkedHeaders()
    {
        var cafe = Persons("[정기산행] 6월 지리산 종주 안내\n참가(3명): 바람꽃, 천왕봉가즈아, 길동무영숙\n바람꽃 우수회원 · 저 이번이 첫 종주라 떨려요ㅠ\n"
            + " └ 길동무영숙 정회원 · ㅎㅎ 김밥 싸 갈게~\n천왕봉가즈아 정회원 · 누님 이번에도 김밥 싸 오시는 거죠?");
        cafe.Count(n => n == "바람꽃").ShouldBe(2);
        cafe.ShouldContain("길동무영숙");
        cafe.ShouldNotContain(n => n.Contains("회원"));
        Persons("오늘 날씨 · 맑음\n내일 날씨 · 흐림").ShouldBeEmpty();
        var slack = Persons("Jessica Moore  7:12 AM  Got it. I'll ping HR to push the badges. 2 replies\n  ↳ Tanya Brooks  7:31 AM  Badges ready by 10 AM\n"
            + "  ↳ Jessica Moore  7:33 AM  Thanks!");
        slack.ShouldContain("Tanya Brooks");
    }

    // A WhatsApp speaker in the Arabic script (نوید اختر) and names before Bengali and Urdu kin words (শফিক ভাই, شفیق بھائی),
    // not a possessive or a polite verb before them (আমার ভাই, কেউ জানেন ভাই?); a listed given name found before such a word
    // (Rakib bhai) is the person wherever else it stands alone.
    [Fact]
    public void ArabicScriptSpeakers_BengaliAndUrduKin_AndRepeatedGivenNames()
    {
        var chat = Persons("05/10/25, 07:14 - রাকিব হাসান: আজ শফিক ভাই আসবে না, আমার ভাই ও কেউ জানেন ভাই?\n"
            + "05/10/25, 07:15 - Imran Qureshi: Rakib bhai, kya hua?\n05/10/25, 07:17 - نوید اختر: شفیق بھائی کو میں کلینک لے جاؤں گا۔ میرے بھائی\n"
            + "05/10/25, 12:40 - Tanvir Ahmed: bhai lunch Rakib tumi rice");
        chat.ShouldContain("نوید اختر");
        chat.ShouldContain("শফিক");
        chat.ShouldContain("شفیق");
        chat.Count(n => n == "Rakib").ShouldBe(2);
        chat.ShouldNotContain("আমার");
        chat.ShouldNotContain("জানেন");
        chat.ShouldNotContain("میرے");
    }

    // Ukrainian case forms and the vocative (Оксана … Оксано), and a name's everyday short form (Сергей … Серёжа), from a
    // confident name of the same chat; a short form whose full name the chat does not hold stays unfound by this rule.
    [Fact]
    public void CyrillicVocatives_AndShortForms()
    {
        var chat = Persons("[05:52] Оксана Мельник: Добрий ранок!\n[05:55] Богдан Кравець: Оксано, візьми мені рукавиці. Сергей Тен тоже.\n"
            + "[06:12] Ольга Ким: Серёжа, запиши нас");
        chat.ShouldContain("Оксано");
        chat.ShouldContain("Серёжа");
        Persons("[06:12] Ольга Ким: Серёжа, запиши нас").ShouldNotContain("Серёжа");
    }

    // A handle of a word and digits in a phone export's slot (우재키185 : …) and after "someone called" (카메라매니아88이라는 분이);
    // a board's role before a comment's writer (└ 운영진 호수바람 date time …); a speaker's given name where she names herself
    // (302호 하늘입니다), not the word elsewhere (하늘이 맑네요).
    [Fact]
    public void DigitHandles_CafeRoles_AndSelfNaming()
    {
        var export = Persons("2025년 6월 11일 오후 6:29, 콩떡 : 공지입니다\n2025년 6월 11일 오후 6:31, 우재키185 : BGM 나만 웃겨?ㅋㅋㅋ");
        export.ShouldContain("우재키185");
        Persons("[오후 2:50] 근데 아까 카메라매니아88이라는 분이 같은 사진으로 링크 보내줬는데").ShouldContain("카메라매니아88");
        Persons("모델명은 v2.0이라는 버전이에요").ShouldBeEmpty();
        var cafe = Persons("[대회후기] 완주했습니다\n댓글\n└ 달리는곰탱이 2025-01-23 20:03 축하해요!!\n└ 운영진 호수바람 2025-01-23 21:30 회식 있습니다");
        cafe.ShouldContain("호수바람");
        cafe.ShouldNotContain("운영진");
        var tenant = Persons("소재지: 302호\n2025년 12월 13일 오후 9:14, 마하늘 : 사장님 안녕하세요 302호 하늘입니다. 곰팡이가 심해서\n"
            + "2025년 12월 13일 오후 9:20, 집주인 : 네 확인할게요. 하늘이 맑네요");
        tenant.Count(n => n == "하늘").ShouldBe(1);
    }

    // No person: a clinic's channel speaking (밝은눈안과), a post before a rank (부함장 경감), a unit glued to a number (2해리),
    // a place's office in one word (괴산군수), a junior barber's post, a noun with 하다's form after a sender's title (조회해 보니).
    [Fact]
    public void ClinicChannels_Posts_Units_AndVerbsAreNoPersons()
    {
        var found = Persons("[밝은눈안과] [오후 2:14] 소진아 고객님, 검진 결과 안내드립니다.\n[소진아] [오후 2:20] 네 감사합니다\n"
            + "[밝은눈안과] [오후 2:22] 빛번짐은 보통 줄어듭니다.");
        found.ShouldNotContain("밝은눈안과");
        found.ShouldContain("소진아");
        Persons("위치: ○○항 남동방 약 4.2해리 / 시정 2해리(해무) / 3009함 부함장 경감 하도겸").ShouldBe(["하도겸"]);
        Persons("내일 송인헌 괴산군수 님 농가 방문").ShouldNotContain("괴산군수");
        Persons("바버: 원장 남궁태오, 도하진, 주니어 범서진 / 데스크: 진아름").ShouldNotContain("주니어");
        Persons("[11:20] 공예슬 과장: 조회해 보니 같은 패턴 3건 더 있어요.").ShouldBe(["공예슬"]);
    }

    // A Latin name after 큰아이; a resident named with the age in brackets and 씨 in the press, and the spelling in her own
    // letters in those brackets, is private (비카스 라이(Bikash Rai·34) 씨); a boss's wife after 사모님 is private.
    [Fact]
    public void EldestChild_AgeWithOwnSpelling_AndBossesWives()
    {
        Persons("마리 님 큰아이 Grâce가 초등 입학 앞두고 있는데").ShouldContain("Grâce");
        var news = "일요일 오후 공연 연습이 한창이다.\n테너 파트장 비카스 라이(Bikash Rai·34) 씨는 네팔 출신으로 8년째 공장에서 일한다.";
        var kept = Persons(news, PersonPolicy.Private);
        kept.ShouldContain("비카스 라이");
        kept.ShouldContain("Bikash Rai");
        Reason("손자가 임영웅 팬이래서 콘서트 굿즈를 드렸어요. 마길남 할아버지 사모님 연복순 여사님이 식혜를 주셨어요.", "연복순").ShouldBe("relation:사모님");
    }

    // WeChat's chat record copied with the name, the month's day and the time before the message on one line (朴明玉 04-02
    // 21:05  收到), the given names after it; names in Latin letters and in Devanagari or Sinhala letters of one person
    // (Bikash Rai … बिकास, Chaminda … චමින්ද), not a greeting that shares a name's consonants (আসসালামু, Islam).
    [Fact]
    public void WeChatHeaders_AndIndicCrossScriptNames()
    {
        var wechat = Persons("金春花 04-02 21:03  姐妹们辛苦了~ 明天早班 别忘了\n朴明玉 04-02 21:05  收到👌 할머니 저녁 죽 반만 드셨어요\n"
            + "金春花 04-02 21:45  晚安姐妹们 🌙 내일 봐요，明玉아 夜班 조심해");
        wechat.ShouldContain("朴明玉");
        wechat.ShouldContain("金春花");
        Persons("王府井 04-02 21:03  去吃饭").ShouldBeEmpty();
        var farm = Persons("[05:42] Ram Thapa: सबैलाई नमस्ते 🙏 aaja 청소 first.\n[05:44] Nuwan Perera: okay dai. Chaminda aiya still sick.\n"
            + "[05:45] Ram Thapa: ओहो 😟 चमिन्दा दाइलाई औषधि चाहियो?\n[06:10] Nuwan Perera: චමින්ද 병원 가요.\n[12:30] Bikash Rai: बिकास यहाँ 😅 점심 뭐예요?");
        farm.ShouldContain("चमिन्दा");
        farm.ShouldContain("චමින්ද");
        farm.ShouldContain("बिकास");
        var greeting = Persons("[20:41] Md. Rafiqul Islam: আসসালামু আলাইকুম সবাই। kal theke 2nd shift");
        greeting.ShouldNotContain("আসসালামু");
    }

    // A mothers' cafe's ranks after the writer and a dash (└ 솔솔바람 우수맘 — …) are no persons nor a child's name; a portal's
    // comment with how long ago and a dash (산타는곰돌이 · 2시간 전 — …) names its writer; a display name that is a common word
    // speaks where the chat calls it with 님 ([망고] … 망고님).
    [Fact]
    public void CafeMomRanks_DashedComments_AndCommonWordNicknames()
    {
        var cafe = Persons("[자유게시판] 윗집이랑 결국 경찰까지 불렀어요\n쌍둥이맘유진 새싹맘 | 2025-12-24 23:48 | 조회 1,284\n층간소음 때문에 미칠 것 같아요.\n댓글\n"
            + "└ 솔솔바람 우수맘 — 이웃사이센터 신청하세요.\n└ 민트초코러버 씨앗맘 — 저희 윗집도 그래요\n└ 삭제된 댓글입니다.");
        cafe.ShouldContain("솔솔바람");
        cafe.ShouldContain("민트초코러버");
        cafe.ShouldNotContain(n => n.Contains("우수") || n.Contains("씨앗") || n.Contains("새싹") || n.Contains("삭제"));
        var news = Persons("▶ 댓글 123 | 최신순\n산타는곰돌이 · 2시간 전 — 대원분들 고생 많으셨습니다.\n ㄴ dreamhiker_J · 58분 전 — 맞아요.");
        news.ShouldContain("산타는곰돌이");
        news.ShouldContain("dreamhiker_J");
        Persons("[쥬디] [오후 10:12] 망고님 첫 참석 환영해요 🥭\n[망고] [오후 10:14] 감사합니다!!\n[쥬디] [오후 10:15] 네").ShouldContain("망고");
        Persons("[쥬디] [오후 10:12] 오늘 과일은\n[망고] [오후 10:14] 맛있어요\n[쥬디] [오후 10:15] 네").ShouldNotContain("망고");
    }

    // An official named with 주무관 is private where officials talk among themselves ([09:14] 주무관 용재석: …), public on a
    // contact line; 안내방송 is no broadcasting of public life; a Latin name after 와이프 is the wife's.
    [Fact]
    public void OfficialsChats_Announcements_AndWives()
    {
        Reason("[09:14] 주무관 용재석: 주민번호는 앞자리만 찍혀요.\n[09:15] 주무관 연하린: 정보보호팀 권도윤 주무관한테 물어봤어요.", "권도윤")
            .ShouldBe("colleague in an officials' chat");
        Reason("담당: 맞춤형복지팀 주무관 편승우 (02-123-4567)\n문의: 권도윤 주무관", "권도윤").ShouldBe("public:office 주무관");
        Reason("관리사무소 조태웅 소장님은 안내방송만 해주시고요. 윗집 할머니도 모르신대요.", "조태웅").ShouldNotStartWith("public:");
        Persons("제 와이프 Júlia가 한국어로 대신 물어볼 수 있어요.").ShouldContain("Júlia");
    }

    // An open chat's rule of names in the slot (석봄/B/94: the nickname), not a slash of another kind ([공지/필독]); a band's
    // comment with the month's day, the time and a dash ([찬이엄마] 9월 3일 오전 7:02 — …), not a schedule's line; a boat's
    // captain by the surname (조 선장님); a hobby cafe's beginner rank (캠린이) and pinned tags ([고정됨]) no persons.
    [Fact]
    public void SlashedNicknames_DatedDashComments_AndCaptains()
    {
        var chat = Persons("[석봄/B/94] [오후 9:05] 하윤이 서브 리시브 미쳤음ㅋㅋ\n[하늘/여/서울] [오후 9:06] ㅋㅋ\n[석봄/B/94] [오후 9:07] ㄱㄱ");
        chat.ShouldContain("석봄");
        chat.ShouldContain("하늘");
        chat.ShouldNotContain(n => n.Contains('/'));
        Persons("[공지/필독] [오후 9:05] 규칙 확인하세요\n[공지/필독] [오후 9:06] 감사합니다").ShouldBeEmpty();
        var band = Persons("[소이할머니] 9월 2일 오후 10:31 — 우리 소이 잘한다\n[찬이엄마] 9월 3일 오전 7:02 — 후보면 경기 못 뛰는 건가요?");
        band.ShouldContain("소이할머니");
        band.ShouldContain("찬이엄마");
        Persons("오늘 일정 9월 3일 오전 7:02 — 출발").ShouldBeEmpty();
        Persons("hari ini 조 선장님 bilang 7시 출항").ShouldContain("조");
        Persons("[분실물] 텐트 보관 중입니다\n물멍하는곰 🥉 캠린이 | 2025년 5월 18일 22:14 | 조회 1,208\n[[고정됨]] 롤밥집사장TV: 오늘 결승")
            .ShouldNotContain(n => n == "캠린이" || n == "고정됨");
    }

    // A chat with the time in brackets, a badge, the handle, perhaps the masked id, and " : " or a dash ([22:01:40] 💎
    // 야식요정뽀삐(ppo***) : …, [2025. 3. 4. 오후 9:12] 회장_세린 — …), or the speaker in brackets and the title ([오후 2:41]
    // [어수경] 조사관: …); a tag there speaks for no one ([09:00] 공지 : …). The writer in brackets before the year's date and the
    // time ([베란다가드너_J] 2025년 6월 5일 22:03 …), not a copy's tag ([메시지] …) nor a message's direction.
    [Fact]
    public void TimedSlots_AndBracketedDatedWriters()
    {
        var stream = Persons("[22:01:40] 💎 야식요정뽀삐(ppo***) : 보름님 하이요~\n[22:01:55] 보름달먹짱 : 뽀삐님 하이하이~\n[22:03:31] 보름달먹짱 : 감사합니다!!");
        stream.ShouldContain("야식요정뽀삐");
        stream.ShouldContain("보름달먹짱");
        var discord = Persons("[2025. 3. 4. 오후 9:12] 회장_세린 — 로스터 확정!\n[2025. 3. 4. 오후 9:15] 서휘 — 미드는 연습 중.\n[2025. 3. 4. 오후 11:48] 모과 — 한 판 더?");
        discord.ShouldContain("회장_세린");
        discord.ShouldContain("모과");
        Persons("[09:00] 공지 : 오늘 휴무\n[09:10] 안내 — 점검").ShouldBeEmpty();
        Persons("환급팀 · 2025-02-17\n[오후 2:41] [어수경] 조사관: 큰일났어요\n[오후 2:43] [어수경] 조사관: 성명, 생년월일").ShouldContain("어수경");
        var board = Persons("댓글\n[베란다가드너_J] 2025년 6월 5일 22:03 혹시 조선오이 남았나요\n[허브랑민트랑] 2025-08-17 07:52 와 귀하죠.");
        board.ShouldContain("베란다가드너_J");
        board.ShouldContain("허브랑민트랑");
        Persons("[메시지] 2025-05-20 09:12 안녕하세요\n[간호기록] 2025. 6. 19. 02:10 SpO2 84%까지 저하").ShouldBeEmpty();
    }

    // The press's age at death with 당시 before 씨 (카순 반다라(당시 27세) 씨) makes a private person; a history's figure so
    // written without 씨 stays as judged before.
    [Fact]
    public void AgeAtTheTime_BeforeSsi()
    {
        Reason("2023년 겨울 경기도의 한 주물공장에서 숨진 카순 반다라(당시 27세) 씨다. 스님과 신도들은 유해 송환 비용을 모았다.", "카순 반다라")
            .ShouldBe("age in brackets");
        Reason("YH무역 여공 김경숙(당시 21세)이 시위 도중 신민당사 4층에서 추락하여 사망하였다.", "김경숙").ShouldNotBe("age in brackets");
    }

    // A word for the day before the time (오늘 21:09 주걱든곰: …) leaves the speaker as without it; a line that opens with 오늘
    // and no time names no one.
    [Fact]
    public void DayWordsBeforeTheTime_AndCafeManagers()
    {
        var chat = Persons("오늘 21:09 주걱든곰: 근데 대표님 이번 시즌엔 안 나와요?\n오늘 21:10 솥뚜껑매니저: @주걱든곰 이번 시즌 심사\n오늘 21:14 주걱든곰: ㅋㅋ");
        chat.ShouldContain("주걱든곰");
        chat.ShouldContain("솥뚜껑매니저");
        Persons("오늘 점심: 김치찌개\n오늘 저녁: 된장국").ShouldBeEmpty();
    }

    // A channel's lines with the speaker in brackets, the time and a dash ([Ану] 20:06 — …), a reply arrow before them, and a
    // workspace's speaker written surname first with the role in brackets (Seo, Junggeun (Site Mgr) 9:02 AM — …) name the
    // speaker; a notice's tag in the same layout names no one.
    [Fact]
    public void ClockDashAndSurnameFirstSpeakers()
    {
        var mongolian = Persons("[Ану] 20:06 — Баярлалаа ах 🙏\n[Батжаргал] 20:10 — Сайн байна уу\n  ↪ [Ану] 20:33 — Батжаргал ах, дана\n[Батжаргал] 20:40 — Мах авах мөнгө");
        mongolian.Count(n => n == "Ану").ShouldBe(2);
        var plain = Persons("Тэмүүлэн Баатар 20:04 — Сайн байцгаана уу 👋\nАну 20:06 — Баярлалаа Тэмүүлэн ах 🙏\nТэмүүлэн Баатар 20:07 — 1 хувь + 성적증명서\n"
            + "  ↪ Ану 20:33 — Батжаргал ах, 기숙사 행정실");
        plain.Count(n => n == "Ану").ShouldBe(2);
        Persons("Total 10:15 — see the sheet\nTotal 10:20 — see it again\nTotal 10:30 — and again").ShouldBeEmpty();
        var teams = Persons("[Dana Whitfield] (HR) 8:55 AM — Need names for the gate pass by EOD.\n  ↳ Seo, Junggeun (Site Mgr) 9:02 AM — Thanks Dana. Three of us.\n"
            + "Ramirez, Luis (Procurement) 10:15 AM — FYI the paint arrives a day later.\nWhitfield, Dana (HR) 10:20 AM — yard wants a call.\n"
            + "  ↳ Seo, Junggeun (Site Mgr) 10:21 AM — 2pm ok. Luis, pls join.");
        teams.ShouldContain("Seo, Junggeun");
        teams.ShouldContain("Ramirez, Luis");
        Persons("[공지] 20:00 — 방송 시작합니다 많이 와 주세요\n[안내] 20:30 — 점검이 있습니다 참고해 주세요\n[공지] 21:00 — 종료합니다 감사합니다").ShouldBeEmpty();
        Persons("Total, Amount (KRW) 10:15 AM — see the sheet").ShouldBeEmpty();
    }

    // A stream log's handle in brackets after a time without brackets (19:02:35 [바둑두는간호사_슬이]: …), and a name in its
    // own script with the Latin one in brackets after a bracketed time ([오전 6:52] [චාමර] (Chamara W.): …), speak.
    [Fact]
    public void TimedBracketedHandles_AndOwnScriptSpeakers()
    {
        var stream = Persons("19:02:35 [바둑두는간호사_슬이]: 진서 9단 화이팅 우리 애들 다 봐요\n19:02:50 [바둑할배]: 오늘 끝내자 진서야 화이팅\n19:03:10 [바둑두는간호사_슬이]: 곧 퇴근해요 다들");
        stream.ShouldContain("바둑두는간호사_슬이");
        stream.ShouldContain("바둑할배");
        Persons("[오전 6:50] [Tharindu]: machan අද වැඩ තියෙනවද\n[오전 6:52] [චාමර] (Chamara W.): Tharindu thanks 👍").ShouldContain("චාමර");
        Persons("[오전 6:50] Nuwan Bandara: machan අද වැඩ තියෙනවද\n[오전 6:52] චාමර (Chamara W.): Tharindu thanks 👍\n[오전 6:53] Nuwan Bandara: 밤 9시 까지\n"
            + "[오후 9:24] චාමර (Chamara W.): machan අද commentary").ShouldContain("චාමර");
        Persons("19:02:35 [공지]: 방송 시작합니다 다들 오세요").ShouldBeEmpty();
    }

    // A reply's writer whose handle ends with the youngest's word after a place (ㄴ 시장통막내: …) is a person; 우리막내 is no handle.
    [Fact]
    public void YoungestHandles()
    {
        Persons("ㄴ 달빛정원: 헉 연락처 아시면 쪽지 부탁드려요\nㄴ 시장통막내: 저 그 자리에 있었어요 기사님이 대단\nㄴ 달빛정원: 대박").ShouldContain("시장통막내");
        Persons("ㄴ 우리막내: 저 그 자리에 있었어요 기사님이 대단").ShouldNotContain("우리막내");
    }

    // Kin words of the migrants' languages before or after a name: Uzbek's erim and xotinim (Erim Bahodir), Tamil's anna
    // after it (Selva anna), Mongolian's ээж before it (ээж Оюунчимэг Улаанбаатараас: the first word only); a family word
    // before two Latin words (내 와이프 Fathima Rinoza); a Cyrillic name's Hangul rendering in brackets (Сергей Пак (박세르게이)).
    [Fact]
    public void MigrantKinWords_AndCyrillicRenderings()
    {
        RuleSpans("Dilnoza: Inshalloh Erim Bahodir ham keladi").ShouldContain("Bahodir");
        RuleSpans("Xotinim Shahnoza osh qiladi").ShouldContain("Shahnoza");
        RuleSpans("Rizwan: Selva anna 👍 저도 조금").ShouldContain("Selva");
        RuleSpans("Манай ээж Оюунчимэг Улаанбаатараас аарц явуулсан").ShouldContain("Оюунчимэг");
        RuleSpans("Манай ээж Оюунчимэг Улаанбаатараас аарц явуулсан").ShouldNotContain("Оюунчимэг Улаанбаатараас");
        RuleSpans("비자 서류는 내 와이프 Fathima Rinoza 것도 같이").ShouldContain("Fathima Rinoza");
        Persons("딸 박나타샤 연락. Сергей Пак (박세르게이) 55세 남.").ShouldContain("박세르게이");
        Persons("Сергей Пак (러시아) 55세 남.").ShouldNotContain("러시아");
    }

    // A foreign name in Hangul with the age in brackets and 씨 after it, the word before it too after a modifier (일하는
    // 자말리딘 토시풀라토프(33) 씨), not a relation word (동료 쇼흐루흐(28) 씨: the name alone); a thing with a number in
    // brackets and no 씨 stays unnamed.
    [Fact]
    public void ForeignNamesWithAgeAndSsi()
    {
        var news = RuleSpans("주물공장에서 일하는 자말리딘 토시풀라토프(33) 씨. 같은 공장 동료 쇼흐루흐(28) 씨와 왔다. 고려인 4세 박스베틀라나(58) 씨는 손녀와 왔다.");
        news.ShouldContain("자말리딘 토시풀라토프");
        news.ShouldContain("쇼흐루흐");
        news.ShouldContain("박스베틀라나");
        news.ShouldNotContain("동료 쇼흐루흐");
        RuleSpans("아이폰(15) 씨리즈 출시").ShouldBeEmpty();
        RuleSpans("회의실(3) 배정").ShouldBeEmpty();
    }

    // A doubles pair joined by a middle dot (권이랑·맹소희, 단보름·황현수 for a found 황현수) makes the other word a name though
    // its end reads as a particle; a longer list of places so joined (백천동·태상동·구성동) does not.
    [Fact]
    public void DottedPairs()
    {
        Persons("2번(C·D조)\t남보름·천동욱 vs 권이랑·맹소희\t신입 레슨").ShouldContain("권이랑");
        Persons("백천동·태상동·구성동 골짜기 등의 유명한 폭포가 많다.").ShouldNotContain("구성동");
    }

    // Titles after a lone surname of banks and offices (곽 계장, 탁 지사장님); 쌤 spelt 샘 and a space before it after a given
    // name (경희 샘 차 타고); a coach, a producer and the Indonesian first person's kin (coach Taeo, Our producer Do Habin,
    // anakku Rafa); a nickname with the surname in an export's slot (은빛샘 최 : …); a reply's mark before a bracketed weekday's
    // time (↳ [Mon 4:02 PM] Dawit Tesfaye: …).
    [Fact]
    public void OfficeRanks_SsaemSpelling_CoachesAndExportNicknames()
    {
        RuleSpans("피재홍: 곽 계장 잘 한 거야").ShouldContain("곽");
        RuleSpans("콜 남은 거 내가 받을게. 탁 지사장님한테 말했냐").ShouldContain("탁");
        RuleSpans("경희 샘 차 타고 가면 저도 좀").ShouldContain("경희");
        RuleSpans("수학 샘 숙제 많아").ShouldBeEmpty();
        RuleSpans("Hello coach Taeo, Amira has a cold this week").ShouldContain("Taeo");
        RuleSpans("Our producer Do Habin approved the fee").ShouldContain("Do Habin");
        RuleSpans("kirim ke bojoku Siti di Brebes, anakku Rafa mau masuk SD yang baru, kita tidak bisa").ShouldContain("Rafa");
        Persons("2025. 10. 2. 오전 9:12, 함소정 : 선생님들~ 행사 명단 부탁드려요\n2025. 10. 2. 오전 9:20, 은빛샘 최 : 제 담당은 두 분 참가요\n"
            + "2025. 10. 2. 오전 9:21, 회장 김 : 앗 너무 좋네요").ShouldContain("은빛샘 최");
        Persons("2025. 10. 2. 오전 9:21, 회장 김 : 앗 너무 좋네요").ShouldNotContain("회장 김");
        var thread = Persons("[Mon 11:30 AM] Tamika Reed: Shift swap request: Jordan wants my Friday night\n   ↳ [Mon 4:02 PM] Dawit Tesfaye: In. Bringing injera.\n"
            + "[Mon 3:55 PM] Carlos Mendoza: Who's in for the watch party Sunday?\n   ↳ [Mon 4:12 PM] Dawit Tesfaye: Of course! He will teach you everything.");
        thread.ShouldContain("Tamika Reed");
        thread.Count(n => n == "Dawit Tesfaye").ShouldBe(2);
    }

    // A social network group's comments copied as the writer's full name, the comment and how long ago (Баир Цыденов Понял,
    // брат … · 2시간), a reply's arrow before them; a portal's or a cafe's comment with how long ago, the date and time or the
    // member's rank and a dash (지리산아재 2시간 전 — …, JBL4343매니아 실버회원 2025.04.18. 21:10 — …); German's Herr before a
    // name. A line of prose that ends with a time stays unnamed.
    [Fact]
    public void AgedComments_AndPortalStamps()
    {
        var group = Persons("Баир Цыденов Понял, брат 👍 Автобус как всегда у выхода? · 2시간 · 좋아요\n  ↳ Аюна Балданова Энхтуяа эгч, я из Улан-Удэ, могу помочь · 1시간\n"
            + "Отгонбаярын Энхтуяа Болдоо ах, манай нөхөр өчигдөр гараа зүсчихсэн · 1시간\nБаир Цыденов Кстати, в субботу кто смотрит сборную Кореи? · 40분");
        group.ShouldContain("Баир Цыденов");
        group.ShouldContain("Аюна Балданова");
        var portal = Persons("▶ 댓글 42\n지리산아재 2시간 전 — 우리 외갓집 동네네요ㅠ 이장님 고생 많으십니다.\n산청토박이 48분 전 — @지리산아재 체육관에 명단 붙어 있어요.\n"
            + "지리산아재 30분 전 — 감사합니다 가 볼게요\n산청토박이 20분 전 — 조심히 다녀오세요 다들");
        portal.ShouldContain("산청토박이");
        var cafe = Persons("댓글 23\nJBL4343매니아 실버회원 2025.04.18. 21:10 — 와 할배님 이걸 내놓으시다니\n진공관소년 일반회원 2025.04.18. 21:20 — 저도 탐나네요 정말로\n"
            + "JBL4343매니아 실버회원 2025.04.18. 21:30 — 직거래만 되나요 혹시\n진공관소년 일반회원 2025.04.18. 21:40 — 용달 부르시면 됩니다");
        cafe.ShouldContain("JBL4343매니아");
        RuleSpans("the technician Herr Yilmaz said the valve was from 1987").ShouldContain("Yilmaz");
        Persons("Meeting moved to Friday afternoon · 2시간").ShouldBeEmpty();
    }

    // A speaker's generational suffix closes the name (Christian Dumalagan Jr.: …); a confident Chinese name's given name is
    // the person where the chat calls her by it with 姐 or 啊 after it (韩春梅 … 谢谢春梅姐), not where it runs on in a word.
    [Fact]
    public void GenerationalSuffixes_AndChineseGivenNames()
    {
        var crew = Persons("Marvin Reyes: Guys kuha na sa locker\nChristian Dumalagan Jr.: Guys si Captain says no\nMarvin Reyes: sige bos\nChristian Dumalagan Jr.: haha pwede ba");
        crew.ShouldContain("Christian Dumalagan Jr.");
        var chat = Persons("韩春梅 21:20  美兰啊，你录音了吗？\n崔美兰 21:24  谢谢春梅姐 내일 다시 전화해 볼게요\n韩春梅 21:25  好的好的 明天见\n崔美兰 21:26  春梅姐，谢谢");
        chat.ShouldContain("美兰");
        chat.Count(n => n == "春梅").ShouldBe(2);

        Persons("春梅花开了，春梅很美。").ShouldNotContain("春梅");
    }

    // A confident foreign name's word is found again where the text writes it in Hangul as it sounds (Фаррух Раҳимов …
    // 파루흐, Tevita Fonua … 테비타, 李春花 … 춘화, Trần Văn Hùng … 훙이가); an everyday Korean word that sounds like one (다른
    // and Trần, 테이블로 with a particle) is not, nor a lone capitalised word's echo.
    [Fact]
    public void HangulRenderings_OfConfidentForeignNames()
    {
        var farm = Persons("2025-05-14, 06:07 - Фаррух Раҳимов: салом\n2025-05-14, 06:08 - 어태식 반장: 3동 환풍기 내가 고칠게. 파루흐 소독 발판 약 바꿨어?");
        farm.ShouldContain("파루흐");
        var roster = Persons("[답장 21:50] Tevita Fonua: coach sorry I am late today\n[답장 22:02] 모상진 목사: 감독님, 테비타 외국인등록증 만료가 다음 달이라 같이 가야 합니다");
        roster.ShouldContain("테비타");
        roster.ShouldNotContain("감독님");
        var shop = Persons("李春花, [09:40] 美兰姐 我今天5点到\n金美兰, [09:42] 没事没事 천천히 와. 사장님 춘화 5시 출근이에요");
        shop.ShouldContain("춘화");
        var site = Persons("[09:02] Trần Văn Hùng: dạ em đến rồi\n[09:05] 육상철 반장: 다들 비계 쪽 접근 금지!! 훙이가 병원 갔음. 다른 사람은 대기");
        site.ShouldContain("훙");
        site.ShouldNotContain("다른");

        var plain = Persons("[09:02] Trần Văn Hùng: dạ em đến rồi\n[09:05] 육상철 반장: 다른 팀은 쉬운 테이블로 옮겨 주세요. 근데 훙 문제는 없음");
        plain.ShouldNotContain("다른");
        plain.ShouldNotContain("테이블로");
        plain.ShouldNotContain("훙");
        Persons("Python 3.12 릴리스. 파이썬 문서를 참고하세요").ShouldNotContain("파이썬");
        PersonLayout.SoundKey("Farrukh").ShouldBe(PersonLayout.SoundKey("파루흐"));
        PersonLayout.SoundKey("Nguyen").ShouldBe(PersonLayout.SoundKey("응우옌"));
        PersonLayout.SoundKey("Tran").ShouldNotBe(PersonLayout.SoundKey("테이블"));
    }

    // A table's and a record's everyday words are no names (확인 (선우진), 이용중, 클램프), nor a title with 님 (감독님); a
    // board's best comment is badged before its writer; Spanish and French forms of address and a dispatcher take a name.
    [Fact]
    public void RecordWords_BestCommentBadges_AndFormsOfAddress()
    {
        var gym = Persons("C-2231\tLéa Fontaine\t10회권\t2025-09-17\t이용중\t프랑스 교환학생, 암벽화 대여 포함 (선우진)\n"
            + "C-2240\t하빛나\t3개월권\t2025-06-12\t정지(30일)\t손가락 부상, 진단서 확인 (선우진)");
        gym.ShouldContain("하빛나");
        gym.ShouldNotContain("이용중");
        gym.ShouldNotContain("확인");
        gym.ShouldNotContain("포함");
        Persons("[엄기태 반장] [오전 10:50] 줄걸이 바흐티요르 맞는데 신규 아니고 3년 차임다 ㅠ 클램프 하나가 헐거웠음").ShouldNotContain("클램프");
        var board = Persons("[베스트] 콩콩이: 저도 기사인데 그 형님 맞아요\n퇴근하고싶다: 이런 글 보려고 커뮤 함 ㅠㅠ\n콩콩이: 원래 그런 분이에요\n퇴근하고싶다: 복 받으실 거예요");
        board.Count(n => n == "콩콩이").ShouldBe(2);
        board.ShouldNotContain("베스트");
        RuleSpans("Estimada señora Chae: muchas gracias por cuidar a mi hija").ShouldContain("Chae");
        RuleSpans("Their dispatcher Rick Hollis wants a PO by Monday").ShouldContain("Rick Hollis");
    }

    // A board's comment with its votes before the colon names its writer (└ 모범시민K · 추천 38 : …); a workspace's mention of
    // a listed given name is a person (@Olivier, @Marc-André; not @Override) and so is a romanised Korean name with the
    // surname after it (Seo-yeon Ha); a handle in brackets after a confident speaker is the same person (쿡쿡민호
    // (cookcook_minho)), not a file's name; a Vietnamese name of four words speaks; a Vietnamese name of one syllable is
    // found in Hangul before an elder's word (Yến … 옌 언니), not in 따님 or 마씨네.
    [Fact]
    public void VoteCounts_Mentions_HandlesInBrackets_AndVietnameseNames()
    {
        var board = Persons("└ 모범시민K · 추천 38 : 요즘 이런 분 보기 힘든데 진짜\n└ jjong_94 · 추천 17 : 혹시 상훈 기사님 흰색 K5 모시는 분?");
        board.ShouldContain("모범시민K");
        board.ShouldContain("jjong_94");
        Persons("공지 · 추천 3개월 이상 회원만 신청 가능").ShouldBeEmpty();

        var slack = Persons("Olivier Gagnon  10:02 AM  ok\nÉmilie Tremblay  10:05 AM  It has names. @Olivier I think you posted it? @Marc-André can you own the upload?");
        slack.Count(n => n == "Olivier").ShouldBe(1);
        slack.ShouldContain("Marc-André");
        RuleSpans("Lost cells. @Seo-yeon Ha do we switch the recipe?").ShouldContain("Seo-yeon Ha");
        RuleSpans("public @Override void run() { @Nullable String x; }").ShouldBeEmpty();

        var stream = Persons("[20:03:11] 쿡쿡민호 (cookcook_minho): 오늘 재료는 묵은지!\n[20:03:40] jen_eats: is that kimchi homemade?\n[20:04:15] 쿡쿡민호 (cookcook_minho): yes my mom made it");
        stream.ShouldContain("cookcook_minho");
        Persons("[10:00] 김민수: 보고서 올렸어요\n[10:01] 김민수 (report_v2.pdf) 확인 부탁").ShouldNotContain("report_v2.pdf");

        var zalo = Persons("[Võ Thị Kim Yến] 13:40  Các chị xem trận đấu tối qua chưa\n[Nguyễn Thu Hà] 13:42  Xem rồi em\n[Võ Thị Kim Yến] 13:45  Hay quá\n"
            + "[Nguyễn Thu Hà] 20:34  1577-1366 có tiếng Việt 24 giờ. 옌 언니 괜찮아요?");
        zalo.ShouldContain("Võ Thị Kim Yến");
        zalo.ShouldContain("옌");
        var ward = Persons("[09:00] Tạ Thị Mai: chào\n[09:01] 김민수: 따님이 오셨어요. 마씨네떡집에 주문했어요");
        ward.ShouldNotContain("따");
        ward.ShouldNotContain("마");
    }

    // Polish short forms are given names (Thanks Kasia!), a baby before a name is a relative's (baby Zosia; not baby Yoda, not
    // a listed name), and a record's words of blind batch 117 are no names (예비합격:, 탁송은).
    [Fact]
    public void PolishShortForms_Babies_AndRecordWords()
    {
        var teams = Persons("Thanks Kasia! My husband and I will run 5 km. Back from leave on the 1st (baby Zosia is doing great). Baby shark and baby Yoda toys");
        teams.ShouldContain("Kasia");
        teams.ShouldContain("Zosia");
        teams.ShouldNotContain("Yoda");
        var results = Persons("합격: 바이올린 소하람(고1) / 첼로: 편지안(중3)\n예비합격: 바이올린 함서진(순번 1)\n잔금 입금했어요. 탁송은 토요일 오전 맞죠?");
        results.ShouldNotContain("예비합격");
        results.ShouldNotContain("탁송");
    }

    // A cafe's comment copied with two spaces after the rank names its writer; a Japanese viewer's handle in kana after @ and
    // a handle in capitals with an underscore are persons; a baby's name after Indonesian namanya; a full name in Latin
    // letters before 씨 is a person and its Hangul rendering of one syllable with 씨 (Bold … 볼드 씨), not before 씨앗.
    [Fact]
    public void CafeRanks_KanaHandles_AndLatinNamesWithSsi()
    {
        var cafe = Persons("봄비엄마 새싹멤버 · 2025.01.02 — 감사합니다\n솔향기 열심멤버  탁용준 씨 원래 동네 일 앞장서는 분이에요.\n달빛여우 새싹멤버  제 남편이에요.");
        cafe.ShouldContain("솔향기");
        cafe.ShouldContain("달빛여우");
        var stream = Persons("0:05:12 @たこやきパパ: 娘と一緒に見てます\n0:10:05 @BORA_EATS (채널 운영자): 언니 지아는 오늘 카메라 뒤에 있어요");
        stream.ShouldContain("たこやきパパ");
        stream.ShouldContain("BORA_EATS");
        RuleSpans("Adik saya sudah melahirkan tadi pagi, namanya Nabila").ShouldContain("Nabila");
        var desk = Persons("[생활안전과 경사 오은정] 11:10 습득자 Tserenbat Bold 씨한테 감사 문자 보내 드리고\n[○○지구대 순경 모하늘] 11:15 네 문자 보냈습니다. 볼드 씨가 답장 왔어요.");
        desk.ShouldContain("Tserenbat Bold");
        desk.ShouldContain("볼드");
        RuleSpans("Apple Music 씨앗 키우기, MAX_VALUE_ 값").ShouldBeEmpty();
    }

    // A parent's handle names the child wherever the handle stands, a cafe's writer too (봄비엄마 새싹멤버 · … 우리 봄비); not
    // 아이엄마, and not in a text about pets (뭉치엄마 … 뭉치는 대형견).
    [Fact]
    public void ParentHandles_NameTheChild_WhereverTheyStand()
    {
        var cafe = Persons("[칭찬합니다] 어제 불났을 때 우리 봄비 업고 나와 주신 302호 아저씨 찾습니다\n봄비엄마 새싹멤버 · 2025.01.02 — 감사합니다 다섯 살 봄비가 혼자 방에 있었는데\n"
            + "하늘맘 새싹멤버 · 2025.01.02 — 아이는 괜찮아요?");
        cafe.Count(n => n == "봄비").ShouldBeGreaterThanOrEqualTo(2);
        var parents = Persons("아이엄마 새싹멤버 · 2025.01.02 — 저희 아이는 괜찮아요\n솔향기 새싹멤버 · 2025.01.02 — 아이한테 제일 큰 스트레스래요");
        parents.ShouldNotContain("아이");
        var dogs = Persons("뭉치엄마 새싹멤버 · 2025.01.02 — 저희 뭉치는 대형견이라 안 되겠죠\n두부아빠 새싹멤버 · 2025.01.02 — 강아지 산책 같이 가요 뭉치도요");
        dogs.ShouldNotContain("뭉치");
    }
}
