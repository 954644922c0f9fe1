using System.Text;
using Moa.Privacy.Names;

namespace Moa.Privacy.Tests.Names;

public class PersonModelTests
{
    private static string[] Persons(string text, PersonPolicy policy = PersonPolicy.All) =>
        [.. new PiiAnalyzer([PiiTypes.Person], 0.5, policy).Analyze(text).Select(f => text[f.Start..f.End])];

    [Theory]
    [InlineData("어제 김민준 씨가 사무실에 왔다.", "김민준")]
    [InlineData("A(57)씨는 경찰에 신고했다.", "A")]
    [InlineData("B씨는 이날 출석하지 않았다.", "B")]
    [InlineData("성매매 여성 김모(33)씨 등 16명", "김")]
    [InlineData("회사원 최모 씨는 전화했다.", "최")]
    [InlineData("박지훈\n연구팀장\n감사합니다.\n\n이서연 드림", "이서연")]
    [InlineData("김민수: 내일 회의 몇 시예요?\n이서연: 10시요", "김민수")]
    [InlineData("김민수: 내일 회의 몇 시예요?\n이서연: 10시요", "이서연")]
    [InlineData("담당자 사무관 이기태 (044-203-3185)", "이기태")]
    [InlineData("베트남 투이네 부부(남편 꽝) 4명 × 13만", "꽝")]
    [InlineData("같은 공장 베트남 친구 꽝도 3개월 못 받았다고 해요", "꽝")]
    [InlineData("훙 반장이 사료를 바꿨다.", "훙")]
    [InlineData("전직 교사였던 그의 남편 존 다윈은 5년 전 실종됐다.", "존 다윈")]
    [InlineData("3. 201호 연하준(소유자, 전출), 딜쇼드 외 2명.", "딜쇼드")]
    [InlineData("근데 다연쌤 천사 ㅠㅠ 목 D 다연 + 지혜", "다연")]
    [InlineData("내일 채쌤한테 먼저 말씀드려야 할 듯", "채")]
    [InlineData("발기인: 추하린 외 6분", "추하린")]
    [InlineData("4 | 승진주 | L | M. Oliveira", "M. Oliveira")]
    [InlineData("M. Matsumoto and T. Nishimura, \"Mersenne Twister\"", "T. Nishimura")]
    [InlineData("캐나다 초대수상인 존 맥도날드(John A. Macdonald)의 보수당", "John A. Macdonald")]
    [InlineData("김대리(마케팅): 저 신청이요!", "김")]
    [InlineData("총무과 서류는 신대리님이 안내까지 해줌.", "신")]
    [InlineData("박과장님 계세요?", "박")]
    [InlineData("노쇼 건은 하부장님께 공유", "하")]
    [InlineData("밥차는 ○○교회 탁 집사님 차로", "탁")]
    [InlineData("3/5 정 권사 팔순 떡값", "정")]
    [InlineData("오후에 위판장 차 경매사 만나.", "차")]
    public void Analyze_NameInCommonForm_IsFound(string text, string name) => Persons(text).ShouldContain(name);

    // Names in Cyrillic letters: a word that romanises to a listed name wherever it stands, from its first listed word (not
    // "today" before Вера); an unlisted word after a relation or before a person's particle; a speaker of several lines.
    // (And a workspace's header: a plain handle in lower case before two spaces and the time speaks, and is its mentions;
    // a messenger export's nickname that is a common word or ends with a title; names in Chinese characters before 씨 or
    // 님; a Vietnamese name of four words; a romanised Korean name mentioned with @; the speaker of a dated message log
    // by a name, not a role, a schedule's item or the message's direction.)
    [Theory]
    [InlineData("공사 현장 단톡\nSrochno! Дильшод upal s lestnitsy", "Дильшод")]
    [InlineData("[19:05] Энхжаргал: Buuz хэдэн ширхэг?\n[19:14] Saruul Bat: Энхжаргал эгч, 델 대여 몇 벌?", "Энхжаргал,Saruul Bat,Энхжаргал")]
    [InlineData("Азамат 씨가 왔어요. 친구 Баходир도 같이", "Азамат,Баходир")]
    [InlineData("Сегодня Вера пришла. Москва에서 왔어요. Привет, Спасибо! Ольга Ивановна", "Вера,Ольга Ивановна")]
    [InlineData("[19:05] Ганзориг: Сайн уу?\n[19:06] 민지: 안녕하세요\n[19:07] Ганзориг: Маргааш уулзъя\n[19:08] 민지: 좋아요", "Ганзориг,민지,Ганзориг,민지")]
    [InlineData("Team A: @pixelpotato (아트), @yoonseo.dev (클라)\npixelpotato  10:05 AM\n오 윤서랑 같은 팀 ㅋㅋ", "pixelpotato,yoonseo.dev,pixelpotato,윤서")]
    [InlineData("[한보미] [오후 9:10] 목 D 바꿔 주실 분\n[곰돌이간호사] [오후 9:14] 저 목 D 가능!\n[수간호사] [오후 9:15] 확인\n[연필깎이] [오전 9:16] 안녕하세요", "한보미,곰돌이간호사,연필깎이")]
    [InlineData("대만 팀 가이드는 林志豪 씨, 오후 2시 도착. 단골 田中美咲 님이 주문한 세럼", "林志豪,田中美咲")]
    [InlineData("2025-08-25\t14:00\tLê Thị Thu Hà\t27", "Lê Thị Thu Hà")]
    [InlineData("Code freeze is today. @Jae-won Seo is the script ready? see @Override", "Jae-won Seo")]
    [InlineData("배달 메모\n - 1구역 어르신 댁: 우편함\n문자 (지국장 휴대폰)\n2025-04-19 04:52 민수: 비번 바뀌었어요\n2025-04-19 04:55 지국장: 전화해봐\n2025년 9월 5일 05:20 민수: 감사합니다!\n2025-01-02 10:52 보냄: 보일러 고쳤어요", "민수,민수")]
    [InlineData("2025.03.02 09:00 점검: 소화기 교체\n2025.03.03 09:00 점검: 비상구 확인\n2025-05-01 14:10 발표: 연구 결과 공유\n님 林志豪 씨", "林志豪")]
    public void Analyze_NamesInCyrillicAndWorkspaceHeaders_AreFound(string text, string expected) =>
        string.Join(',', Persons(text)).ShouldBe(expected);

    // A listed given name inside an English sentence; not a place, a month, software or a script's name.
    [Theory]
    [InlineData("Subject: Conference request – Luca's reading progress", "Luca")]
    [InlineData("Do-hee mentioned Brian got that last year.", "Do-hee,Brian")]
    [InlineData("At home Luca reads with our nanny.", "Luca")]
    [InlineData("We moved to Seoul in May and visited Paris with friends.", "")]
    [InlineData("the Python module uses Django and Flask", "")]
    [InlineData("for ja and zh each Han or kana character is a word.", "")]
    [InlineData("Dear Mr. Mori,\nYour request is approved.", "Mori")]
    [InlineData("환자 Sarnai Ganbold (서명) / 입실자 Sardor Tursunov (서명)", "Sarnai Ganbold,Sardor Tursunov")]
    [InlineData("From: Ms. Hannah Whitfield\nDear Ms. Park and Mr. Rossi,", "Hannah Whitfield,Park,Rossi")]
    public void Analyze_GivenNamesInEnglishSentences_AreFound(string text, string expected) =>
        string.Join(',', Persons(text)).ShouldBe(expected);

    [Theory]
    [InlineData("Дильшод", true)]
    [InlineData("Энхжаргал", true)]
    [InlineData("Баходир", true)]
    [InlineData("Сегодня", false)]
    [InlineData("Москва", false)]
    [InlineData("Ж", false)]
    public void CyrillicKind_RomanisesToTheLatinList(string word, bool listed) =>
        ((NameGazetteer.CyrillicKind(word) & (NameGazetteer.LatinGivenKind | NameGazetteer.LatinFamilyKind)) != 0).ShouldBe(listed);

    [Theory]
    [InlineData("현재 방송사에 근무하는 K기자는 연차 휴가를 냈다.")]
    [InlineData("부대는 A 원사의 양성 판정과 관련해 격리 조치했다.")]
    [InlineData("또 다른 후임병인 B 일병을 뒤에서 때렸다.")]
    [InlineData("저번 학기엔 우리 과 K 선배가 학생증을 잃어버렸다.")]
    [InlineData("전에 오시던 A 선생님은 이사 가셨어요.")]
    [InlineData("전에 살던 K언니가 본드를 늦게 받았다던데")]
    public void Analyze_InitialBeforeTitle_IsTheInitial(string text)
    {
        var found = new PiiAnalyzer([PiiTypes.Person], 0.5, PersonPolicy.Private).Analyze(text);
        found.Count.ShouldBe(1);
        (found[0].End - found[0].Start).ShouldBe(1);
        char.IsAsciiLetterUpper(text[found[0].Start]).ShouldBeTrue();
    }

    // A capital that stands for a person after a role (피고인 A, 피해자 B), before an age or school year in brackets
    // (A(1학년)) or in a count of people (3명(A, B, C)) is that person wherever it stands alone in the text.
    [Theory]
    [InlineData("피고인 A는 2024. 3. 5. 피해자 B(여, 32세)에게 전화를 걸었다. 이로써 A는 B를 협박하였다.", "A,B,A,B")]
    [InlineData("가해 학생: A(1학년), B(1학년)\n피해 학생: 표서진(2학년)\n내용: 점심시간에 A, B가 표서진 학생의 휴대전화를 빼앗음", "A,B,표서진,A,B,표서진")]
    [InlineData("손님 3명(A, B, C)이 방문. 종업원이 신분증 확인, A는 형 명의 신분증을 제시함.", "A,B,C,A")]
    [InlineData("A씨는 B형 간염 보균자이며 A4 용지에 적었다. A의 진술은 일관됐다.", "A,A")]
    public void Analyze_InitialsThatStandForPersons_AreFoundWhereverTheyStandAlone(string text, string expected) =>
        string.Join(',', Persons(text)).ShouldBe(expected);

    // Initials in Hangul consonants before a particle of a person or an honorific, then wherever they stand alone; not
    // one letter repeated (ㅋㅋ), not an abbreviation that is a word (ㅇㅋ, ㄹㅇ), not without a person's particle.
    [Theory]
    [InlineData("지유야 너 ㅈㅎ한테 고백함???", "ㅈㅎ")]
    [InlineData("나도 가능. ㅈㅎ이한테는 내가 연락해볼게. 한 자리 비어서 ㅈㅎ 답 기다림", "ㅈㅎ,ㅈㅎ")]
    [InlineData("길드원 ㅈㅎ이 거래소에 올라와 있다고. 길드원 ㅈㅎ 님께도 감사", "ㅈㅎ,ㅈㅎ")]
    [InlineData("ㅇㅋ 가자 ㅋㅋ ㅎㅎ ㄹㅇ이 맞음", "")]
    [InlineData("방금 ㅈㅎ 저속에서 넘어짐", "")]
    public void Analyze_ConsonantInitials_NeedAPersonsParticle(string text, string expected) =>
        string.Join(',', Persons(text).Where(p => p[0] is >= 'ㄱ' and <= 'ㅎ' || p.StartsWith('이'))).ShouldBe(expected);

    [Theory]
    [InlineData("정답은 A, B 중 하나다. A는 틀렸다.")]
    [InlineData("A는 B의 부분집합이다.")]
    [InlineData("환자 A형 혈액 2팩을 요청했다.")]
    [InlineData("출연자\t관계\t얼굴 공개\n탁세준\t남자친구\tX\n피도윤\t가족\tO")]
    [InlineData("성명\t역할\n마상필\t승객 A")]
    public void Analyze_CapitalsWithoutAPersonBesideThem_AreNoPersons(string text) =>
        Persons(text).ShouldNotContain(p => p.Length == 1 && char.IsAsciiLetterUpper(p[0]));

    // An initial and a capitalised word that is no family name of the list, or a given name and a name without an
    // initial between, are no initialled name; a one-syllable word that is also a verb or a noun (탄, 짐) is no foreign
    // given name, nor is one without a relation before it or a person word after it.
    [Theory]
    [InlineData("미국 U.S. Steel 주가가 올랐다.", "S. Steel")]
    [InlineData("그림 Fig. Three 참조", "Fig. Three")]
    [InlineData("후안 마누엘 판지오(Juan Manuel Fangio)", "Juan Manuel")]
    [InlineData("링컨차를 탄 변호사를 보면서", "탄")]
    [InlineData("석탄 투 톱 전략", "투")]
    [InlineData("짐 기사님께 맡겼다.", "짐")]
    [InlineData("회의에는 반장 외 1명이 참석했다.", "반장")]
    [InlineData("지역민 외 2명이 민원을 냈다.", "지역민")]
    [InlineData("영어쌤이 숙제를 내줬다. 담임쌤은 화났다.", "영어")]
    [InlineData("주차장에 차를 대고 고소장을 냈다.", "주")]
    [InlineData("하부장 문짝 교체, 상부장은 그대로", "하")]
    [InlineData("2교시 정감독 변지아, 부감독 석우진", "정")]
    [InlineData("내가 좋아하는 연기자 나와서 좋다", "연")]
    [InlineData("지난 의정보고회에서 구의원님도 답변했다", "구")]
    [InlineData("연락은 집사 원태희 씨한테.", "연락은")]
    [InlineData("영어쌤이 숙제를 내줬다. 담임쌤은 화났다.", "담임")]
    [InlineData("옥 수쌤 이번 주 휴가셔서", "수")]
    public void Analyze_ShortForeignNames_NeedTheirEvidence(string text, string notAName) =>
        Persons(text).ShouldNotContain(notAName);

    [Theory]
    [InlineData("수학 A형의 1등급 커트라인이 올랐다.")]
    [InlineData("B형 간염 환자가 늘었다.")]
    [InlineData("A 등급 판정을 받은 업체")]
    [InlineData("H&M 직원이 말했다.")]
    [InlineData("류현진은 B.J. 업튼을 삼진으로 잡았다.")]
    [InlineData("K-2 소총을 들고 이탈했다.")]
    [InlineData("서울 송파경찰서에 S병원을 형사고소했다.")]
    public void Analyze_CapitalThatIsNoInitialOfAPerson_IsNotTaken(string text) =>
        Persons(text).ShouldNotContain(p => p.Length == 1 && char.IsAsciiLetterUpper(p[0]));

    [Fact]
    public void Tagger_TextWithoutHangul_FindsNothingAndRulesStillWork()
    {
        var found = new List<TaggedName>();
        PersonModel.Default.Find("plain ASCII text 12345, Mr. John Smith", found);
        found.ShouldBeEmpty();
        Persons("Contact Mr. John Smith today").ShouldBe(["John Smith"]);
    }

    [Fact]
    public void Tagger_VeryLongSegment_IsCutAndStillFindsNames()
    {
        var text = new StringBuilder().Insert(0, "그리고 ", 2000).Append("김민준 씨가 왔다").ToString();
        Persons(text).ShouldContain("김민준");
    }

    [Fact]
    public void Model_IsSmallAndItsMemoryIsStated()
    {
        // A loaded model holds its weights once, as the file stores them: 16 bits per bucket and tag (plus 5 of padding),
        // and the 12 transitions as floats.
        var path = Path.Combine(TestPaths.RepoRoot, "src", "Moa.Privacy", "Names", "person-model.bin");
        using var stream = File.OpenRead(path);
        var loaded = PersonModel.Load(stream, path);
        loaded.MemoryBytes.ShouldBe((((1L << PersonFeatures.Bits) * 3 + 5) * sizeof(short)) + (12 * sizeof(float)) + (loaded.Frequency.Stored * 24L));
        // 2^20 buckets since the foreign-gazetteer round (2^18 before: 1.6 MB loaded, 1.22 MB on disk).
        loaded.MemoryBytes.ShouldBeLessThan(6_400_000);
        // On disk 2.6 MB since the planted documents of the tuning batches joined the training sentences (more weights non-zero).
        new FileInfo(path).Length.ShouldBeLessThan(3_000_000);
    }

    [Fact]
    public void Train_SameDataAndSeed_GiveTheSameModel()
    {
        var data = new List<NerSentence>
        {
            new("s-wikitree", "wikitree", "김민준 씨는 어제 왔다.", [(0, 3)]),
            new("t-nsmc", "nsmc", "톰 크루즈 연기 최고", [(0, 5)]),
            new("u-nsmc", "nsmc", "그냥 그런 영화", []),
        };
        var options = new PersonTrainingOptions { Epochs = 3, AugmentedCopies = 2 };
        var a = PersonTrainer.Train(data, options);
        var b = PersonTrainer.Train(data, options);
        a.Weights.ShouldBe(b.Weights);
        a.Transitions.ShouldBe(b.Transitions);
    }

    [Fact]
    public void SaveLoad_RoundTrips_AndGarbageIsAClearError()
    {
        var dir = TestPaths.NewTempDir();
        var path = Path.Combine(dir, "m.bin");
        var model = PersonTrainer.Train([new("s-wikitree", "wikitree", "김민준 씨는 어제 왔다.", [(0, 3)])], new PersonTrainingOptions { Epochs = 2, AugmentedCopies = 0 });
        model.Save(path);
        using (var stream = File.OpenRead(path))
        {
            var loaded = PersonModel.Load(stream, path);
            loaded.Transitions.ShouldBe(model.Transitions);
            loaded.Weights.Zip(model.Weights).ShouldAllBe(p => Math.Abs(p.First - p.Second) <= 1e-3 * Math.Max(1, Math.Abs(p.Second)));
        }

        File.WriteAllBytes(path, Encoding.UTF8.GetBytes("not a model at all"));
        using var bad = File.OpenRead(path);
        Should.Throw<MoaException>(() => PersonModel.Load(bad, path)).Message.ShouldContain(path);
    }

    [Fact]
    public void SaveLoad_KeepsTheStemFrequenciesAndTheNoEvidenceMargin()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "m.bin");
        var options = new PersonTrainingOptions { Epochs = 2, AugmentedCopies = 0, Unlabelled = ["리뷰 최고", "리뷰 별로", "리뷰 그냥", "김민준 씨가 왔다"], FrequencyFeatures = true, NoEvidenceMargin = 7 };
        var model = PersonTrainer.Train([new("s-wikitree", "wikitree", "김민준 씨는 어제 왔다.", [(0, 3)])], options);
        model.Frequency.Stored.ShouldBe(1);
        model.Save(path);
        using var stream = File.OpenRead(path);
        var loaded = PersonModel.Load(stream, path);
        loaded.NoEvidenceMargin.ShouldBe(7);
        loaded.Frequency.Stored.ShouldBe(1);
        loaded.Frequency.Bin(PersonFeatures.WordHash("리뷰")).ShouldBe(1);
        loaded.Frequency.Bin(PersonFeatures.WordHash("최고")).ShouldBe(0);
    }

    [Theory]
    [InlineData("조니 뎁 주연", 0, 4, true)]
    [InlineData("송강호 최고", 0, 3, true)]
    [InlineData("남궁민수 등장", 0, 4, true)]
    [InlineData("탕웨이가 나온다", 0, 3, true)]
    [InlineData("카게무샤 감독", 0, 4, true)]
    [InlineData("또다시 입대해도", 0, 3, false)]
    [InlineData("리뷰 1 연락", 0, 2, false)]
    [InlineData("쿠키런 최고", 0, 3, false)]
    [InlineData("탕웨이 최고", 0, 3, true)] // a whole name in the foreign-name gazetteer
    [InlineData("디카프리오 최고", 0, 5, true)]
    public void HasEvidence_ShapeParticleTitleOrSeveralWords(string text, int start, int end, bool expected) =>
        PersonFeatures.HasEvidence(text, start, end).ShouldBe(expected);

    [Fact]
    public void Unlabelled_LabelledSentencesAreLeftOut_AndBadLinesNameFileAndLine()
    {
        var path = Write("{\"text\":\"김민준 씨는 어제 왔다.\"}\n{\"text\":\"그냥 그런 영화\"}\n\n");
        StemFrequency.ReadTexts(path, ["김민준 씨는  어제 왔다."]).ShouldBe(["그냥 그런 영화"]);
        var bad = Write("{\"text\":\"좋다\"}\n{\"text\":5}\n");
        Should.Throw<MoaException>(() => StemFrequency.ReadTexts(bad, [])).Message.ShouldContain($"{bad}:2: field 'text'");
        var broken = Write("{\"text\":\"좋다\"\n");
        Should.Throw<MoaException>(() => StemFrequency.ReadTexts(broken, [])).Message.ShouldContain($"{broken}:1: not valid JSON");
        Should.Throw<MoaException>(() => StemFrequency.ReadTexts("/nonexistent/u.jsonl", [])).Message.ShouldContain("/nonexistent/u.jsonl");
    }

    [Fact]
    public void LabelledJsonl_BadSpanOrMissingField_NamesFileAndLine()
    {
        var ok = Write("{\"id\":\"a#1\",\"source\":\"news\",\"text\":\"김민준 왔다\",\"persons\":[[0,3]]}\n");
        PersonEvaluation.ReadLabelledJsonl(ok).Single().Persons.ShouldBe([(0, 3)]);
        var outside = Write("{\"id\":\"a#1\",\"source\":\"news\",\"text\":\"김민준\",\"persons\":[[0,9]]}\n");
        Should.Throw<MoaException>(() => PersonEvaluation.ReadLabelledJsonl(outside)).Message.ShouldContain($"{outside}:1:");
        var missing = Write("{\"id\":\"a#1\",\"text\":\"김민준\",\"persons\":[]}\n");
        Should.Throw<MoaException>(() => PersonEvaluation.ReadLabelledJsonl(missing)).Message.ShouldContain($"{missing}:1:");
    }

    [Theory]
    [InlineData("{\"text\":\"김민준 왔다\",\"persons\":[[0,3]]}\n{\"text\":\"김민준\",\"persons\":[[0,9]]}\n", ":2: person span [0, 9] lies outside")]
    [InlineData("{\"text\":\"김민준 왔다\",\"persons\":[[0,3],[1,2]]}\n", ":1: person span [1, 2]")]
    [InlineData("{\"text\":\"김민준\",\"persons\":[[0,\"3\"]]}\n", ":1: a person must be a pair of integers")]
    [InlineData("{\"text\":\"김민준\"}\n", ":1: expected 'persons'")]
    [InlineData("\n{\"persons\":[]}\n", ":2: expected an object with a string 'text'")]
    [InlineData("{\"text\":\"김민준\",\n", ":1: not valid JSON")]
    [InlineData("\n\n", ": no labelled sentences")]
    public void LabelledExtra_MalformedLine_NamesFileAndLine(string content, string expected)
    {
        var path = Write(content);
        Should.Throw<MoaException>(() => PersonEvaluation.ReadLabelledJsonl(path, requireIdAndSource: false)).Message.ShouldContain(path + expected);
        Should.Throw<MoaException>(() => PersonEvaluation.ReadLabelledJsonl("/nonexistent/extra.jsonl", requireIdAndSource: false)).Message.ShouldContain("/nonexistent/extra.jsonl");
    }

    [Fact]
    public void LabelledExtra_IsTrainedOn_AndLeftOutOfTheUnlabelledPool()
    {
        var extraPath = Write("{\"id\":\"nsmc-1\",\"text\":\"톰 크루즈 연기 최고\",\"persons\":[[0,5]]}\n\n{\"text\":\"그냥 그런 영화\",\"persons\":[]}\n");
        var extra = PersonEvaluation.ReadLabelledJsonl(extraPath, requireIdAndSource: false);
        extra.Count.ShouldBe(2);
        extra[0].Id.ShouldBe("nsmc-1");
        extra[0].Text.ShouldBe("톰 크루즈 연기 최고");
        extra[0].Persons.ShouldBe([(0, 5)]);
        extra[1].Id.ShouldBe("extra-3");
        extra[1].Source.ShouldBe("extra");

        // The labelled reviews leave the pool of hard negatives and self-training (compared without spaces), whether the
        // pool came from a file (WithUnlabelled) or was given directly (Train filters it again).
        var unlabelledPath = Write("{\"text\":\"톰 크루즈  연기 최고\"}\n{\"text\":\"배우 연기가 좋다\"}\n{\"text\":\"그냥 그런 영화\"}\n");
        List<NerSentence> klue = [new("s-wikitree", "wikitree", "김민준 씨는 어제 왔다.", [(0, 3)])];
        var options = PersonTrainer.WithUnlabelled(new PersonTrainingOptions { LabelledExtra = extra }, unlabelledPath, klue);
        options.Unlabelled.ShouldBe(["배우 연기가 좋다"]);
        var direct = new PersonTrainingOptions { LabelledExtra = extra, Unlabelled = ["톰 크루즈 연기 최고", "배우 연기가 좋다"] };
        PersonTrainer.UnlabelledPool(direct).ShouldBe(["배우 연기가 좋다"]);

        // The extra sentences change the model (they are trained on); weight and copies are checked.
        var plain = PersonTrainer.Train(klue, new PersonTrainingOptions { Epochs = 2, AugmentedCopies = 1 });
        var withExtra = PersonTrainer.Train(klue, new PersonTrainingOptions { Epochs = 2, AugmentedCopies = 1, LabelledExtra = extra });
        withExtra.Weights.ShouldNotBe(plain.Weights);
        var again = PersonTrainer.Train(klue, new PersonTrainingOptions { Epochs = 2, AugmentedCopies = 1, LabelledExtra = extra });
        again.Weights.ShouldBe(withExtra.Weights);
        Should.Throw<MoaException>(() => PersonTrainer.Train(klue, new PersonTrainingOptions { LabelledExtra = extra, LabelledExtraWeight = 0 })).Message.ShouldContain("labelled-extra weight");
        Should.Throw<MoaException>(() => PersonTrainer.Train(klue, new PersonTrainingOptions { LabelledExtra = extra, LabelledExtraCopies = -1 })).Message.ShouldContain("labelled-extra weight");
    }

    /// <summary>
    /// Every shipped file of hand-labelled training sentences reads, has distinct ids, and holds no KLUE dev sentence and
    /// no line of an evaluation set (the real-carrier and private-context person sets), compared without spaces.
    /// </summary>
    [Fact]
    public void LabelledExtra_ShippedSets_ReadAndHoldNoEvaluationText()
    {
        var klue = KlueNer.Read(TestPaths.Data("ner", "klue-ner-v1.1_dev_part1.tsv")).Select(s => StemFrequency.Squeeze(s.Text)).ToHashSet();
        var evaluation = new HashSet<string>(StringComparer.Ordinal);
        var tuningPlanted = new HashSet<string>(StringComparer.Ordinal);

        // A line without a person that a planted document and a written training document share by chance, such as a
        // table's header (시험실 / 1교시 정감독 / 1교시 부감독 …: docs-d408#1 and held-out batch 23's x23), names no one in
        // either: allowed, and only such a line. Rebuilding person-labelled-docs.jsonl without it changes the model.
        var personFreePlanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet"), "person-*.jsonl"))
        {
            foreach (var line in File.ReadLines(file))
            {
                var root = System.Text.Json.JsonDocument.Parse(line).RootElement;
                var text = root.GetProperty("text").GetString()!;

                // The planted documents of the private-context set's tuning batches (scored once as blind batches, tuned
                // on since) are training sentences (person-labelled-planted.jsonl); the held-out batch never is.
                var id = root.GetProperty("id").GetString()!;
                if (id.StartsWith("planted#", StringComparison.Ordinal) && root.GetProperty("batch").GetInt32() < EvalSet.PrivateItem.HeldOutBatch)
                {
                    tuningPlanted.Add(id);
                    continue;
                }

                var lineStart = 0;
                foreach (var part in text.Split('\n'))
                {
                    if (StemFrequency.Squeeze(part) is { Length: >= 16 } squeezed)
                    {
                        evaluation.Add(squeezed);
                        var (from, to) = (lineStart, lineStart + part.Length);
                        if (id.StartsWith("planted#", StringComparison.Ordinal) && !root.GetProperty("persons").EnumerateArray()
                            .Any(p => p.GetProperty("start").GetInt32() < to && p.GetProperty("end").GetInt32() > from))
                        {
                            personFreePlanted.Add(squeezed);
                        }
                    }

                    lineStart += part.Length + 1;
                }
            }
        }

        var total = 0;
        foreach (var relative in PersonTrainer.ShippedLabelledExtra)
        {
            var extra = PersonEvaluation.ReadLabelledJsonl(Path.Combine(TestPaths.RepoRoot, relative), requireIdAndSource: false);
            extra.Count.ShouldBeGreaterThan(1000, relative);
            extra.Select(s => s.Id).Distinct().Count().ShouldBe(extra.Count, relative);
            extra.ShouldAllBe(s => !klue.Contains(StemFrequency.Squeeze(s.Text)));
            extra.Where(s => evaluation.Contains(StemFrequency.Squeeze(s.Text)) && !(s.Persons.Count == 0 && personFreePlanted.Contains(StemFrequency.Squeeze(s.Text))))
                .Select(s => s.Id).ShouldBeEmpty(relative);
            extra.Where(s => s.Id.StartsWith("planted#", StringComparison.Ordinal) && !tuningPlanted.Contains(s.Id[..s.Id.LastIndexOf('#')]))
                .Select(s => s.Id).ShouldBeEmpty(relative);
            total += extra.Count;
        }

        total.ShouldBeGreaterThan(20000);
    }

    [Fact]
    public void Train_BadOptions_AreClearErrors()
    {
        Should.Throw<MoaException>(() => PersonTrainer.Train([], new PersonTrainingOptions { Epochs = 0 })).Message.ShouldContain("epochs");
        Should.Throw<MoaException>(() => PersonTrainer.Train([], new PersonTrainingOptions { HardNegativeMinCount = -1 })).Message.ShouldContain("hard-negative");
        Should.Throw<MoaException>(() => PersonTrainer.Train([], new PersonTrainingOptions { NoEvidenceMargin = float.NaN })).Message.ShouldContain("margin");
        Should.Throw<MoaException>(() => PersonEvaluation.CrossValidate([], 1, new PersonTrainingOptions())).Message.ShouldContain("folds");
        Should.Throw<MoaException>(() => PersonTrainer.Train([], new PersonTrainingOptions { GivenFromTrainingShare = 101 })).Message.ShouldContain("--given-from-training");
        Should.Throw<MoaException>(() => PersonTrainer.Train([], new PersonTrainingOptions { GivenFromTrainingShare = -1 })).Message.ShouldContain("0..100");
    }

    /// <summary>
    /// The generated Korean names of the training copies take the training names' own given names at the share asked
    /// (라팔 and 소리 are not on the short list of given-name syllables): another share gives another model, the same
    /// share the same one, and the shipped default is the share chosen on the private-context batches (50).
    /// </summary>
    [Fact]
    public void Train_GivenNamesFromTheTrainingNames_ChangeTheCopies_Deterministically()
    {
        var data = new List<NerSentence>
        {
            new("s-wikitree", "wikitree", "천라팔 씨는 어제 왔다.", [(0, 3)]),
            new("t-wikitree", "wikitree", "대기 1번 원소리, 대기 2번 곽다해", [(5, 8), (15, 18)]),
            new("u-nsmc", "nsmc", "그냥 그런 영화", []),
        };
        var none = PersonTrainer.Train(data, new PersonTrainingOptions { Epochs = 2, AugmentedCopies = 3, GivenFromTrainingShare = 0 });
        var all = PersonTrainer.Train(data, new PersonTrainingOptions { Epochs = 2, AugmentedCopies = 3, GivenFromTrainingShare = 100 });
        var again = PersonTrainer.Train(data, new PersonTrainingOptions { Epochs = 2, AugmentedCopies = 3, GivenFromTrainingShare = 100 });
        all.Weights.ShouldBe(again.Weights);
        all.Weights.SequenceEqual(none.Weights).ShouldBeFalse();
        new PersonTrainingOptions().GivenFromTrainingShare.ShouldBe(50);
    }

    [Fact]
    public void KlueReader_ReadsSentencesSourcesAndPersonSpans()
    {
        var path = Write("## klue-ner-v1_dev_00001-nsmc\t<조니 뎁:PS>이 최고\n조\tB-PS\n니\tI-PS\n \tI-PS\n뎁\tI-PS\n이\tO\n \tO\n최\tO\n고\tO\n\n## klue-ner-v1_dev_00002-wikitree\t<박:PS>씨\n박\tB-PS\n씨\tO\n");
        var s = KlueNer.Read(path);
        s.Count.ShouldBe(2);
        s[0].Source.ShouldBe("nsmc");
        s[0].Text.ShouldBe("조니 뎁이 최고");
        s[0].Persons.ShouldBe([(0, 4)]);
        s[1].Source.ShouldBe("wikitree");
        s[1].Persons.ShouldBe([(0, 1)]);
    }

    [Theory]
    [InlineData("## klue-ner-v1_dev_00001-nsmc\tx\n조 B-PS\n", ":2:")]
    [InlineData("## klue-ner-v1_dev_00001-nsmc\tx\n조\tPERSON\n", "tag 'PERSON'")]
    [InlineData("조\tO\n", ":1:")]
    [InlineData("## just a comment\n", "no sentences")]
    public void KlueReader_MalformedFile_NamesFileAndLine(string content, string expected)
    {
        var path = Write(content);
        var ex = Should.Throw<MoaException>(() => KlueNer.Read(path));
        ex.Message.ShouldContain(Path.GetFileName(path));
        ex.Message.ShouldContain(expected);
    }

    [Fact]
    public void KlueReader_MissingFile_IsClearError() =>
        Should.Throw<MoaException>(() => KlueNer.Read("/nonexistent/klue.tsv")).Message.ShouldContain("/nonexistent/klue.tsv");

    [Fact]
    public void Fold_IsStableAndBalanced()
    {
        PersonEvaluation.Fold("klue-ner-v1_dev_00000-wikitree", 5).ShouldBe(PersonEvaluation.Fold("klue-ner-v1_dev_00000-wikitree", 5));
        var counts = Enumerable.Range(0, 1000).GroupBy(i => PersonEvaluation.Fold($"id-{i}", 2)).Select(g => g.Count()).ToList();
        counts.Count.ShouldBe(2);
        counts.ShouldAllBe(c => c > 400);
    }

    [Fact]
    public void CrossFold_IsBalancedInsideTheTuningHalf()
    {
        // Fold(id, 4) inside the half Fold(id, 2) == 0 only ever gives 0 or 2; the cross-validation folds must not.
        var tuning = Enumerable.Range(0, 2000).Select(i => $"id-{i}").Where(id => PersonEvaluation.Fold(id, 2) == 0).ToList();
        var counts = tuning.GroupBy(id => PersonEvaluation.CrossFold(id, 4)).Select(g => g.Count()).ToList();
        counts.Count.ShouldBe(4);
        counts.ShouldAllBe(c => c > tuning.Count / 6);
    }

    [Fact]
    public void CrossValidate_BadMinScores_AreClearErrors()
    {
        List<NerSentence> sentences = [new("a-1-nsmc", "nsmc", "김민준 씨가 왔다.", [(0, 3)]), new("b-2-nsmc", "nsmc", "이서연 씨가 갔다.", [(0, 3)])];
        var options = new PersonTrainingOptions { Epochs = 1, AugmentedCopies = 0 };
        Should.Throw<MoaException>(() => PersonEvaluation.CrossValidate(sentences, 2, options, [1.5])).Message.ShouldContain("minimum scores must be between 0 and 1");
        Should.Throw<MoaException>(() => PersonEvaluation.CrossValidate(sentences, 2, options, [])).Message.ShouldContain("minimum scores");
    }

    [Fact]
    public void CrossValidate_SeveralMinScores_OnlyRemoveFindingsAsTheyRise()
    {
        var sentences = KlueNer.Read(TestPaths.Data("ner", "klue-ner-v1.1_dev_part1.tsv")).Take(300).ToList();
        var results = PersonEvaluation.CrossValidate(sentences, 2, new PersonTrainingOptions { Epochs = 2, AugmentedCopies = 0 }, [0.5, 0.9, 0.99]);
        results.Count.ShouldBe(3);
        results[0]["all"].Gold.ShouldBe(results[2]["all"].Gold);
        results[0]["all"].Found.ShouldBeGreaterThanOrEqualTo(results[1]["all"].Found);
        results[1]["all"].Found.ShouldBeGreaterThanOrEqualTo(results[2]["all"].Found);
        results[1]["all"].Correct.ShouldBeGreaterThanOrEqualTo(results[2]["all"].Correct);
    }

    private static string Write(string content)
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "klue.tsv");
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}

public class PersonPolicyTests
{
    private static List<PiiFinding> Persons(string text, PersonPolicy policy, bool sensitive = false) =>
        [.. new PiiAnalyzer(null, 0.5, policy, sensitive).Analyze(text).Where(f => f.Type == PiiTypes.Person)];

    [Theory]
    [InlineData("환자 김민준 (010-1234-5678) 내원", "near PHONE")]
    [InlineData("보호자 이서연 씨가 동의서에 서명했다.", "role:보호자")]
    [InlineData("민원인 박지훈 씨는 소음 피해를 호소했다.", "role:민원인")]
    [InlineData("성명: 홍길동", "label:성명")]
    public void Judge_PrivateContext_GivesItsReason(string text, string reason)
    {
        var p = Persons(text, PersonPolicy.Private).ShouldHaveSingleItem();
        p.Reason.ShouldBe(reason);
        PersonPolicies.IsPrivate(p.Reason!).ShouldBeTrue();
    }

    [Fact]
    public void PrivatePolicy_PublicFigureInNews_IsKeptWithItsReason()
    {
        const string text = "과학기술정보통신부 유영민 장관은 이날 발사체 이름을 발표했다.";
        Persons(text, PersonPolicy.Private).ShouldBeEmpty();
        var p = Persons(text, PersonPolicy.All).ShouldHaveSingleItem();
        text[p.Start..p.End].ShouldBe("유영민");
        p.Reason.ShouldBe("public:title 장관");
    }

    [Fact]
    public void SensitiveDataset_EveryPersonIsPrivate()
    {
        const string text = "유영민 장관은 이날 발표했다.";
        Persons(text, PersonPolicy.Private, sensitive: true).ShouldHaveSingleItem().Reason.ShouldBe("sensitive dataset");
    }

    [Fact]
    public void NonePolicy_ReplacesNoPersonButEveryIdentifier()
    {
        var scrubber = PiiScrubber.Create(new PiiStageOptions { PersonPolicy = "none" });
        scrubber.Scrub("환자 김민준 씨 연락처 010-1234-5678").Text.ShouldBe("환자 김민준 씨 연락처 [PHONE]");
    }

    [Fact]
    public void StageDefault_IsPrivate_AndReplacesOnlyPrivatePersons()
    {
        new PiiStageOptions().PersonPolicy.ShouldBe("private");
        var scrubber = PiiScrubber.Create(new PiiStageOptions());
        scrubber.Scrub("유영민 장관은 발표했다. 신청인 김민준 씨 연락처 010-1234-5678").Text
            .ShouldBe("유영민 장관은 발표했다. 신청인 [PERSON] 씨 연락처 [PHONE]");
    }

    [Theory]
    [InlineData("ALL", PersonPolicy.All)]
    [InlineData(" private ", PersonPolicy.Private)]
    [InlineData("none", PersonPolicy.None)]
    public void Parse_KnownNames(string value, PersonPolicy expected) => PersonPolicies.Parse(value).ShouldBe(expected);

    [Fact]
    public void Parse_UnknownName_IsClearErrorNamingTheOrigin()
    {
        var ex = Should.Throw<MoaException>(() => PiiScrubber.Create(new PiiStageOptions { PersonPolicy = "public" }));
        ex.Message.ShouldContain("person_policy");
        ex.Message.ShouldContain("all, private, none");
    }
}
