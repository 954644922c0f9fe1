using System.Collections.Frozen;
using System.Globalization;
using Moa.Privacy.Analysis;
using Moa.Privacy.Names;
using Moa.Privacy.Recognizers.Korea;
using Moa.Text.Languages;

namespace Moa.Privacy.Recognizers;

/// <summary>
/// Document-level passes over the person candidates, run after the tagger, the context rules and the re-ranker have
/// scored them (issue 11, names in institutional documents). A document names its people in layouts the character
/// tagger sees one sentence at a time: a table whose column is headed 성명, a transcript whose speakers open their lines
/// (<c>[오후 9:02] 다운: …</c>), a list of attendees (<c>참석자: 회장 정병호, 감사 류경애, 동대표 마성진·탁은영</c>), and the same
/// name again later, alone or by its given name (<c>은비 씨</c> after <c>고은비</c>). Each pass adds candidates that the
/// ordinary overlap resolution then weighs against the others; it adds nothing to a text without a confident name, a
/// table header or a line-opening speaker. The words used (particles, honorifics, kinship terms, column labels)
/// are general Korean, written from knowledge.
/// </summary>
internal static class PersonLayout
{
    /// <summary>The score a person candidate needs to seed the list and repetition passes.</summary>
    internal const double SeedScore = 0.75;

    /// <summary>The score of a name added by a pass.</summary>
    internal const double AddedScore = 0.8;

    // Column headers of a table of people (a header row of cells split by tabs or '|').
    private static readonly string[] s_nameColumns =
    [
        "성명", "이름", "성함", "환자명", "학생명", "원아명", "아동명", "고객명", "회원명", "보호자", "보호자명", "신청인", "대상자", "대상자명",
        "수령인", "참석자", "담당자", "작성자", "예금주", "대표자", "조합원", "입주자", "세대주", "학생", "환자", "이용자", "본명",
        // (A temple's register lists the Buddhist name a lay believer was given beside the name: 법명.)
        "법명",
    ];

    // What may follow a name inside its word (particles, honorifics, vocatives, kinship and the copula), written from
    // knowledge of Korean; a repeated name or given name followed by anything else is part of another word.
    private static readonly string[] s_suffixes =
    [
        "씨", "님", "군", "양", "아", "야", "이", "가", "은", "는", "을", "를", "의", "께", "도", "만", "랑", "과", "와", "네", "였", "에게",
        "한테", "언니", "오빠", "누나", "형", "엄마", "아빠", "맘", "입니다", "예요", "에요", "라고", "씨가",
    ];

    // Separators of a list of people on one line.
    private static readonly char[] s_separators = [',', '·', '/', '、', '，', '\t'];

    // What a line that names its speaker or writer holds: a colon, a bracket, a reply mark, a bar or Discord's dash.
    private static readonly System.Buffers.SearchValues<char> s_speakerMarks = System.Buffers.SearchValues.Create(":：[└↳|—");

    /// <summary>Runs every pass over the person candidates <paramref name="candidates"/>[<paramref name="from"/>..].</summary>
    public static void Propagate(string text, List<PiiFinding> candidates, int from)
    {
        var table = text.AsSpan().IndexOfAny('\t', '|') >= 0;
        if (table)
        {
            Table(text, candidates, from);
        }

        // (A board's reply mark or bar opens a writer's line without a colon: └ 솔이네곳간 | 작년에 …; a middle dot between
        // spaces a video's comment: 봄비내리는날 · 2일 전 · ….)
        if (text.AsSpan().IndexOfAny(s_speakerMarks) >= 0 || text.Contains(" · ", StringComparison.Ordinal))
        {
            Speakers(text, candidates, from);
        }

        BesideIdentifiers(text, candidates, from);
        if (text.AsSpan().IndexOfAny('★', '☆') >= 0)
        {
            Reviewers(text, candidates, from);
        }

        Nicknames(text, candidates, from);
        WriterHandles(text, candidates, from);
        if (text.Contains("**)", StringComparison.Ordinal))
        {
            MaskedIdHandles(text, candidates, from);
        }

        var honoured = text.Contains("님이 ", StringComparison.Ordinal);
        if (honoured || text.Contains("새 회원 ", StringComparison.Ordinal) || text.Contains("님 별풍선 ", StringComparison.Ordinal))
        {
            StreamAlerts(text, candidates, from);
        }

        if (text.AsSpan().IndexOfAny(s_englishAlertValues) >= 0)
        {
            EnglishStreamAlerts(text, candidates, from);
        }

        if (honoured || text.Contains("님을 내보냈습니다", StringComparison.Ordinal))
        {
            JoinNotices(text, candidates, from);
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            ReplayChat(text, candidates, from);
        }

        if (text.AsSpan().IndexOfAny('-', '–', '—') >= 0)
        {
            DashSignatures(text, candidates, from);
        }
        if (text.AsSpan().IndexOfAny(':', '：') >= 0)
        {
            Attendees(text, candidates, from);
        }

        if (text.Contains('(', StringComparison.Ordinal))
        {
            RelationAliases(text, candidates, from);
            HangulThenHan(text, candidates, from);
        }

        if (text.AsSpan().ContainsAnyInRange('\u4E00', '\u9FFF'))
        {
            HanAfterRole(text, candidates, from);
            if (text.AsSpan().IndexOfAny('"', '“') >= 0)
            {
                WeChatNotices(text, candidates, from);
            }
        }

        var seeds = candidates.Count;
        for (var i = from; i < seeds; i++)
        {
            if (IsSeed(text, candidates[i]))
            {
                List(text, candidates[i], candidates, from);
            }
        }

        seeds = candidates.Count;
        for (var i = from; i < seeds; i++)
        {
            var seed = candidates[i];
            if (seed.Type == PiiTypes.Person && seed.Score >= SeedScore && seed.End - seed.Start >= 2)
            {
                Coordinated(text, seed, candidates, from);
            }
        }

        seeds = candidates.Count;
        for (var i = from; i < seeds; i++)
        {
            if (candidates[i].Type == PiiTypes.Person && candidates[i].Score >= SeedScore)
            {
                HanGivenName(text, candidates[i], candidates, from);
            }
        }

        TitledGivenNames(text, candidates, from);

        seeds = candidates.Count;
        HashSet<string>? done = null;
        for (var i = from; i < seeds; i++)
        {
            var seed = candidates[i];
            if (!IsSeed(text, seed))
            {
                // A confident name of another shape: a given name alone, a foreign name in Hangul, a handle or a Latin
                // given name (서아, 아이게림, 팜티투, Aziz), wherever else it stands whole.
                if (IsOtherSeed(text, seed) && (done ??= new(StringComparer.Ordinal)).Add(text[seed.Start..seed.End]))
                {
                    Repeats(text, seed, candidates, from, wholeOnly: true);
                }

                continue;
            }

            if (!(done ??= new(StringComparer.Ordinal)).Add(text[seed.Start..seed.End]))
            {
                continue;
            }

            if (text.AsSpan(seed.Start, seed.End - seed.Start).IndexOf(' ') < 0)
            {
                Repeats(text, seed, candidates, from);
            }
            else
            {
                // A foreign name of several words: each word alone where a word that says who a person is follows
                // (응우옌 반 훙 … 훙 선생님은, 응우옌 티 란 … 란 고객님은).
                foreach (var range in text.AsSpan(seed.Start, seed.End - seed.Start).Split(' '))
                {
                    var word = text.AsSpan(seed.Start + range.Start.Value, range.End.Value - range.Start.Value);
                    if (!word.IsEmpty && !(word.Length > 1 && s_endings.Contains(word[^1])) && !NameGazetteer.IsCommonWord(word) && !IsFormWord(word))
                    {
                        Occurrences(text, word, candidates, from, AddedScore - 0.1, beforePersonWord: true);
                    }
                }
            }
        }

        HanGivenNames(text, candidates, from);
        ParentHandleChildren(text, candidates, from);

        if (text.Contains('님', StringComparison.Ordinal))
        {
            ShortenedHandles(text, candidates, from);
        }

        seeds = candidates.Count;
        for (var i = from; i < seeds; i++)
        {
            if (candidates[i].Type == PiiTypes.Person && candidates[i].Score >= SeedScore && Context.IsLatinUpper(text[candidates[i].Start]))
            {
                LatinGivenNames(text, candidates[i], candidates, from);
            }
        }

        if (text.AsSpan().IndexOfAnyInRange('\u0400', '\u04FF') >= 0)
        {
            CrossScriptNames(text, candidates, from);
        }

        if (text.AsSpan().IndexOfAnyInRange('\u0900', '\u0DFF') >= 0)
        {
            IndicCrossScriptNames(text, candidates, from);
        }

        HangulRenderings(text, candidates, from);

        seeds = candidates.Count;
        for (var i = from; i < seeds; i++)
        {
            if (candidates[i].Type == PiiTypes.Person && candidates[i].Score >= SeedScore && Person.OpenBracketAfter(text, candidates[i].End) > 0)
            {
                HandleAfter(text, candidates[i], candidates, from);
            }

            if (candidates[i].Start > 0 && text[candidates[i].Start - 1] == '(' && IsSeed(text, candidates[i]))
            {
                Alias(text, candidates[i], candidates, from);
                HanjaBefore(text, candidates[i], candidates, from);
            }
            else if (Person.OpenBracketAfter(text, candidates[i].End) > 0 && (IsSeed(text, candidates[i]) || candidates[i].Type == PiiTypes.Person && candidates[i].Score >= SeedScore && Context.IsLatinUpper(text[candidates[i].Start])))
            {
                AliasAfter(text, candidates[i], candidates, from);
            }
        }

        seeds = candidates.Count;
        var initials = 0u;
        for (var i = from; i < seeds; i++)
        {
            var c = candidates[i];
            if (c.Type == PiiTypes.Person && c.End - c.Start == 1 && text[c.Start] is >= 'A' and <= 'Z' && c.Score >= SeedScore
                && (initials & (1u << (text[c.Start] - 'A'))) == 0)
            {
                initials |= 1u << (text[c.Start] - 'A');
                Initials(text, text[c.Start], candidates, from);
            }
        }

        // Last, when the passes above have raised the names a table's column holds.
        if (table)
        {
            SeededColumns(text, candidates, from);
        }

        SureNamesAgain(text, candidates, from);

        // A span that says who a person is (어머님, 손녀가, 어르신) names no one, whichever pass took it for a name.
        for (var i = candidates.Count - 1; i >= from; i--)
        {
            if (candidates[i].Type == PiiTypes.Person && PrivateContext.IsPersonWord(text.AsSpan(candidates[i].Start, candidates[i].End - candidates[i].Start)))
            {
                candidates.RemoveAt(i);
            }
        }
    }

    /// <summary>The score from which a person candidate is sure enough to name the same person wherever else it stands (<see cref="SureNamesAgain"/>).</summary>
    internal const double SureScore = 0.95;

    /// <summary>
    /// A name the text names for certain (a candidate of <see cref="SureScore"/> or more after the re-ranker and the passes
    /// above: a chat's speaker, a name in a form's field) is the same person wherever else it stands as a word: a handle in
    /// a bracket the layouts did not read (<c>[하늘다람쥐] 오후 1:05</c>), a given name in a roster, a Latin name in a table.
    /// Two characters at least, three for Latin letters alone; not glued to a letter or a digit before, and after it no
    /// letter but a particle, an honorific or a kin word (<see cref="FreeAfter"/>); no common, role or person word, no
    /// word with 님 (<c>감독님</c>), no inflected common word (<c>오늘은</c>), no surname alone (<c>남궁</c>) and no name of an office
    /// (<c>International Office</c>); and only where the text names it no more often without a finding than with one.
    /// </summary>
    private static void SureNamesAgain(string text, List<PiiFinding> candidates, int from)
    {
        HashSet<string>? names = null;
        var count = candidates.Count;
        for (var i = from; i < count; i++)
        {
            var c = candidates[i];
            if (c.Type != PiiTypes.Person || c.Score < SureScore || c.End - c.Start < 2)
            {
                continue;
            }

            var name = text.AsSpan(c.Start, c.End - c.Start);
            if (name.ContainsAny(s_lineOrTab) || IsLatinOnly(name) && name.Length < 3 || NameGazetteer.IsCommonWord(name)
                || PrivateContext.IsPersonWord(name) || Person.IsTitleOrRole(name) || IsFormWord(name) || OfficeName(name) || name[^1] == '님'
                || Person.IsInflectedCommonWord(name) || NameGazetteer.CompoundSurnames.AsSpan().Contains(name.ToString()))
            {
                continue;
            }

            (names ??= new(StringComparer.Ordinal)).Add(name.ToString());
        }

        if (names is null)
        {
            return;
        }

        // (The candidates of 0.5 or more by their start, so that what an occurrence overlaps is found by a binary search, not
        // a pass over all of them: a long text names a sure name many times.)
        var spans = new List<(int Start, int End, bool Person)>(count);
        var longest = 0;
        for (var i = 0; i < count; i++)
        {
            if (candidates[i].Score >= 0.5)
            {
                spans.Add((candidates[i].Start, candidates[i].End, candidates[i].Type == PiiTypes.Person));
                longest = Math.Max(longest, candidates[i].End - candidates[i].Start);
            }
        }

        spans.Sort();
        List<int>? free = null;
        foreach (var name in names)
        {
            // (Where the text names it more often without a finding than with one, the sure finding is the odd one out: a
            // word of a manual, 파이썬, or of a question, 남자애, that one sentence made look like a name.)
            var found = 0;
            (free ??= []).Clear();
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                var end = at + name.Length;
                if (IsWordChar(Context.At(text, at - 1)) || IsWordChar(Context.At(text, end)) && !(Context.IsHangulSyllable(text[end - 1]) && FreeAfter(text, end)))
                {
                    continue;
                }

                var (taken, same) = (false, false);
                var (lo, hi) = (0, spans.Count);
                while (lo < hi)
                {
                    var mid = (lo + hi) >>> 1;
                    (lo, hi) = spans[mid].Start < at - longest ? (mid + 1, hi) : (lo, mid);
                }

                for (var k = lo; k < spans.Count && spans[k].Start < end; k++)
                {
                    taken |= at < spans[k].End;
                    same |= spans[k].Person && spans[k].Start == at && spans[k].End == end;
                }

                found += same ? 1 : 0;
                if (!taken)
                {
                    free.Add(at);
                }
            }

            if (free.Count <= found)
            {
                foreach (var at in free)
                {
                    Add(text, candidates, from, at, at + name.Length, AddedScore);
                }
            }
        }

        static bool IsLatinOnly(ReadOnlySpan<char> name) => !name.ContainsAnyExcept(s_latinNameChars);

        static bool IsWordChar(char c) => c != '\0' && (char.IsLetterOrDigit(c) || c == '_');
    }

    private static readonly System.Buffers.SearchValues<char> s_lineOrTab = System.Buffers.SearchValues.Create("\n\r\t");
    private static readonly System.Buffers.SearchValues<char> s_latinNameChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz -'.");

    /// <summary>Whether the first or the last word of a name in Latin letters names an office or a team (<c>International Healthcare Center</c>, <c>Studio Dalbit</c>).</summary>
    private static bool OfficeName(ReadOnlySpan<char> name) =>
        s_officeWords.Contains(name[(name.LastIndexOf(' ') + 1)..]) || name.IndexOf(' ') is var space and > 0 && s_officeWords.Contains(name[..space]);

    // Words that end the name of an office, a desk or a team in English signatures and headers (general English).
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_officeWords = new HashSet<string>(
        ["Center", "Centre", "Office", "Team", "Affairs", "Relations", "Support", "Secretariat", "Reservations", "Studio", "Department", "Desk", "Division", "Services"],
        StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A span of a given name and the press's 양 or 군 glued to it (<c>새봄양</c>) where a confident full name ends with that
    /// given name (<c>윤새봄(9)양</c>): the title is left out, and the given name is a person wherever else the same title
    /// follows it as a word (<c>새봄양의</c>).
    /// </summary>
    private static void TitledGivenNames(string text, List<PiiFinding> candidates, int from)
    {
        var count = candidates.Count;
        for (var i = from; i < count; i++)
        {
            var c = candidates[i];
            if (c.Type != PiiTypes.Person || c.End - c.Start != 3 || text[c.End - 1] is not ('양' or '군'))
            {
                continue;
            }

            var given = text.AsSpan(c.Start, 2);
            for (var j = from; j < count; j++)
            {
                var seed = candidates[j];
                if (seed.Type == PiiTypes.Person && seed.End - seed.Start == 3 && seed.Start != c.Start && seed.Score >= SeedScore && KoreanNameShaped(text, seed.Start, seed.End)
                    && text.AsSpan(seed.Start + 1, 2).SequenceEqual(given))
                {
                    candidates[i] = c with { End = c.End - 1 };
                    var titled = text.AsSpan(c.Start, 3);
                    for (var at = text.AsSpan().IndexOf(titled, StringComparison.Ordinal); at >= 0; at = text.AsSpan(at + 3).IndexOf(titled, StringComparison.Ordinal) is var next and >= 0 ? at + 3 + next : -1)
                    {
                        if (at != c.Start && (at == 0 || !IsLetter(text[at - 1])) && FreeAfter(text, at + 2))
                        {
                            Add(text, candidates, from, at, at + 2, c.Score);
                        }
                    }

                    break;
                }
            }
        }
    }

    /// <summary>
    /// A live stream's chat replay copied without colons: each line the time into the stream with its seconds, perhaps a
    /// super chat's mark and amount, the viewer's handle and the talk (<c>0:02:30 💰 ₩10,000 부산새댁🌊 첫 김장이에요!!</c>,
    /// <c>0:12:30 맛집탐방러77 정말례 여사님 …</c>). Where three lines or more open so, the first word of a line is a handle
    /// (<see cref="CommentHandle"/>, no common word, no sentence's end) when it has a handle's digits, underscore or symbols
    /// or pays a super chat; a chapter list's titles (0:02:15 재료 손질) have none of these.
    /// </summary>
    private static void ReplayChat(string text, List<PiiFinding> candidates, int from)
    {
        List<(int Start, int End)>? handles = null;
        var lines = 0;
        for (var lineStart = 0; lineStart < text.Length;)
        {
            var lineEnd = text.IndexOf('\n', lineStart) is var n and >= 0 ? n : text.Length;
            var p = SkipSpaces(text, lineStart, lineEnd);
            var clock = ClockEnd(text, p, lineEnd);
            if (clock > 0 && Context.At(text, clock) == ':' && Context.IsDigit(Context.At(text, clock + 1)) && Context.IsDigit(Context.At(text, clock + 2))
                && Context.At(text, clock + 3) == ' ')
            {
                lines++;
                var q = SkipSpaces(text, Decoration(text, SkipSpaces(text, clock + 3, lineEnd), lineEnd), lineEnd);

                // (A super chat's amount: ₩10,000, $5.00, ¥1,000.)
                if (q < lineEnd && text[q] is '₩' or '$' or '¥' or '€' or '£' && Context.IsDigit(Context.At(text, q + 1)))
                {
                    q++;
                    while (q < lineEnd && (Context.IsDigit(text[q]) || text[q] is ',' or '.'))
                    {
                        q++;
                    }

                    q = SkipSpaces(text, q, lineEnd);
                }

                // (The handle has a handle's shape, digits, an underscore or symbols after it, or pays a super chat; a
                // chapter's title has none and may hold a colon: 0:02:15 재료 손질: 배추 절이기.)
                var paid = q > clock + 4 && text[q - 1] == ' ' && Context.IsDigit(text[q - 2]);
                if (text.IndexOf(' ', q, lineEnd - q) > q && !text.AsSpan(q, lineEnd - q).ContainsAny(':', '：') && BareCommentWriter(text, q, lineEnd) is { } handle
                    && (paid || IsDecoration(Context.At(text, handle.End)) || text.AsSpan(handle.Start, handle.End - handle.Start).ContainsAny("_0123456789")))
                {
                    (handles ??= []).Add(handle);
                }
            }

            lineStart = lineEnd + 1;
        }

        if (lines < 3 || handles is null)
        {
            return;
        }

        HashSet<string>? seen = null;
        foreach (var (start, end) in handles)
        {
            Add(text, candidates, from, start, end, AddedScore);
            if ((seen ??= new(StringComparer.Ordinal)).Add(text[start..end]))
            {
                Occurrences(text, text.AsSpan(start, end - start), candidates, from, AddedScore);
            }
        }
    }

    // What a live stream's alert says a viewer did (general knowledge of Korean streaming sites: balloons, subscriptions,
    // donations, cheese, follows, gifts).
    private static readonly string[] s_streamAlerts = ["별풍선", "구독", "후원", "치즈", "도네", "팔로우", "선물", "Tier", "티어", "애드벌룬", "스티커", "팬클럽", "미션 등록", "미션을"];

    /// <summary>
    /// A live stream's alert names the viewer before 님이 and what they did (<c>🎈 치즈볶이님이 별풍선 50개를 선물했습니다!</c>,
    /// <c>두부조림🍲님이 Tier 1로 14개월 구독했습니다!</c>, <c>하루종일롤 님이 치즈 1,000개를 후원했어요</c>): the handle is a person there and wherever the text names it again
    /// (<c>치즈볶이님 별풍 감사합니다</c>); an anonymous gift (익명 님이) names no one.
    /// </summary>
    private static void StreamAlerts(string text, List<PiiFinding> candidates, int from)
    {
        HashSet<string>? seen = null;
        for (var at = text.IndexOf("님이 ", StringComparison.Ordinal); at >= 0; at = text.IndexOf("님이 ", at + 3, StringComparison.Ordinal))
        {
            // (The alert may name the one gifted first: 별빛소나기 님이 민트초코짱 님에게 구독권을 선물했습니다!)
            var lineEnd = text.IndexOf('\n', at) is var n and >= 0 ? n : text.Length;
            var rest = text.AsSpan(at + 3, Math.Min(lineEnd - at - 3, 30));
            var gifted = rest.IndexOf("님에게 ", StringComparison.Ordinal) is var to and >= 0 ? rest[(to + 4)..] : [];
            // (A member's anniversary counts the months: 보람찬하루님이 12개월 동안 회원으로 활동했습니다!)
            var digits = rest.IndexOfAnyExceptInRange('0', '9');
            if (IsStreamAlert(rest) && HandleBefore(text, at, titled: true) is { } handle)
            {
                AddHandle(text, handle.Start, handle.End, candidates, from, ref seen);
            }
        }

        // (Some sites drop 이 before the gift: ★ 매운맛조교님 별풍선 300개 선물!)
        for (var at = text.IndexOf("님 별풍선 ", StringComparison.Ordinal); at >= 0; at = text.IndexOf("님 별풍선 ", at + 6, StringComparison.Ordinal))
        {
            var lineEnd = text.IndexOf('\n', at) is var n2 and >= 0 ? n2 : text.Length;
            if (text.AsSpan(at, Math.Min(lineEnd - at, 24)).Contains("선물", StringComparison.Ordinal) && HandleBefore(text, at, titled: true) is { } gifter)
            {
                AddHandle(text, gifter.Start, gifter.End, candidates, from, ref seen);
            }
        }

        // (A new member is welcomed by handle: ⭐ 새 회원 seulgi_0914님, 채널 멤버십에 가입하신 것을 환영합니다!)
        for (var at = text.IndexOf("새 회원 ", StringComparison.Ordinal); at >= 0; at = text.IndexOf("새 회원 ", at + 5, StringComparison.Ordinal))
        {
            var end = at + 5;
            while (end < text.Length && IsHandleChar(text[end]))
            {
                end++;
            }

            if (text.AsSpan(end).StartsWith("님,", StringComparison.Ordinal) && HandleBefore(text, end) is { } member && member.Start == at + 5)
            {
                AddHandle(text, member.Start, member.End, candidates, from, ref seen);
            }
        }
    }

    // What a live stream's alert in English says after the viewer's handle (Twitch, YouTube): general knowledge of the sites.
    private static readonly string[] s_englishAlerts =
        [" subscribed at ", " subscribed for ", " subscribed with ", " just subscribed", " cheered ", " gifted ", " is now following", " raided ", " is raiding", " became a member"];

    private static readonly System.Buffers.SearchValues<string> s_englishAlertValues = System.Buffers.SearchValues.Create(s_englishAlerts, StringComparison.Ordinal);

    /// <summary>
    /// The viewers a live stream's alerts in English name at a line's start, after a time or a star
    /// (<c>[21:03:10] ★ dalbit_0930 subscribed at Tier 1.</c>, <c>SleepyPanda_CA cheered 500: lets go</c>, <c>★ yuna_lee94 gifted
    /// 5 Tier 1 subs</c>): the handle before the alert's words, where it opens the line's talk.
    /// </summary>
    private static void EnglishStreamAlerts(string text, List<PiiFinding> candidates, int from)
    {
        HashSet<string>? seen = null;
        foreach (var alert in s_englishAlerts)
        {
            for (var at = text.IndexOf(alert, StringComparison.Ordinal); at >= 0; at = text.IndexOf(alert, at + alert.Length, StringComparison.Ordinal))
            {
                if (HandleBefore(text, at + 1, certain: true) is not { } handle || !IsLatinHandleToken(text.AsSpan(handle.Start, handle.End - handle.Start)))
                {
                    continue;
                }

                // (The handle opens the line, after a time in brackets and a mark: only an alert's layout, not a sentence.)
                var lineStart = handle.Start == 0 ? 0 : text.LastIndexOf('\n', handle.Start - 1) + 1;
                var p = SkipSpaces(text, lineStart, handle.Start);
                if (p < handle.Start && text[p] == '[' && text.IndexOf(']', p, handle.Start - p) is var close and > 0)
                {
                    p = SkipSpaces(text, close + 1, handle.Start);
                }

                while (p < handle.Start && (IsDecoration(text[p]) || text[p] == ' '))
                {
                    p++;
                }

                if (p == handle.Start)
                {
                    AddHandle(text, handle.Start, handle.End, candidates, from, ref seen);
                }
            }
        }

        static bool IsLatinHandleToken(ReadOnlySpan<char> token) =>
            token.Length is >= 3 and <= 25 && !token.ContainsAnyExcept(s_latinHandleChars) && !s_latinRoles.Contains(token) && !Person.IsEnglishNotName(token);
    }

    private static readonly System.Buffers.SearchValues<char> s_latinHandleChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.");

    /// <summary>
    /// Whether <paramref name="rest"/>, what follows 님이 on a line, is a live stream's alert: a gift, a subscription, a
    /// follow (<see cref="s_streamAlerts"/>), the months of a membership, a raid, the stream's start.
    /// </summary>
    private static bool IsStreamAlert(ReadOnlySpan<char> rest)
    {
        var gifted = rest.IndexOf("님에게 ", StringComparison.Ordinal) is var to and >= 0 ? rest[(to + 4)..] : [];
        // (A member's anniversary counts the months: 보람찬하루님이 12개월 동안 회원으로 활동했습니다!)
        var digits = rest.IndexOfAnyExceptInRange('0', '9');
        var alert = digits > 0 && rest[digits..].StartsWith("개월", StringComparison.Ordinal);

        // (Or an amount before what was given: 쌀밥요정님이 1,000치즈 후원 ….)
        var amount = rest.IndexOfAnyExcept("0123456789,");
        var given = amount > 0 ? rest[amount..] : [];
        foreach (var word in s_streamAlerts)
        {
            alert |= rest.StartsWith(word, StringComparison.Ordinal) || gifted.StartsWith(word, StringComparison.Ordinal) || given.StartsWith(word, StringComparison.Ordinal);
        }

        // (Or the alert says what was done a few words on: 루루on 님이 커뮤니티에 구독권 5개를 선물했습니다!, 밤산책러 님이 시청자
        // 2명과 함께 레이드했습니다!, 율무차님이 '한끼 가족' 멤버가 되었습니다!, 솜사탕나래 님이 라이브를 시작했습니다.)
        return alert || rest.Contains("선물했습니다", StringComparison.Ordinal) || rest.Contains("레이드했습니다", StringComparison.Ordinal)
            || rest.Contains("채팅이 제한", StringComparison.Ordinal)
            || rest.Contains("멤버가 되었습니다", StringComparison.Ordinal) || rest.StartsWith("라이브를 시작", StringComparison.Ordinal)
            || rest.StartsWith("방송을 시작", StringComparison.Ordinal);
    }

    /// <summary>
    /// A line of a live stream's alerts (<c>22:05 💰 dkdlel_0723 님이 치즈 1,000개를 후원했습니다 …</c>, <c>22:41 [알림] 개굴개굴99
    /// 님의 채팅이 …</c>): the app's, not a line of talk, so a transcript's share of speaker lines leaves it out.
    /// </summary>
    private static bool StreamAlertLine(ReadOnlySpan<char> line)
    {
        if (line.IndexOf("[알림]", StringComparison.Ordinal) is >= 0 and < 16)
        {
            return true;
        }

        var at = line.IndexOf("님이 ", StringComparison.Ordinal);
        return at > 0 && IsStreamAlert(line[(at + 3)..Math.Min(line.Length, at + 33)]);
    }

    /// <summary>
    /// The handle that ends before 님 at <paramref name="at"/>, perhaps decorated or spaced from it (<c>두부조림🍲님이</c>,
    /// <c>하루종일롤 님이</c>): two to twenty letters, digits, dots or underscores that open the line or follow a space, a
    /// bracket, a quote or a symbol; no role or common word (a common word counts where the layout names a handle for
    /// certain, <paramref name="certain"/>: 하늘님을 초대했습니다; a nickname that ends with a title where a stream's alert names
    /// it, <paramref name="titled"/>: 두부사장님이 10,000치즈 후원), no anonymous one (<c>익명 님이</c>); else null.
    /// </summary>
    private static (int Start, int End)? HandleBefore(string text, int at, bool certain = false, bool titled = false)
    {
        // (A stream's alert may set the handle in corner brackets: ★ 「김치볶음밥러」님이 별풍선 100개를 선물했습니다!)
        if (at > 2 && text[at - 1] == '」' && text.LastIndexOf('「', at - 2, Math.Min(at - 1, 22)) is var open and >= 0)
        {
            var inside = Undecorated(text, open + 1, at - 1);
            var quoted = text.AsSpan(open + 1, inside - open - 1);
            return quoted.Length is >= 2 and <= 20 && !quoted.ContainsAny(s_notInHandles) && !IsRoleWord(quoted) && (certain || !NameGazetteer.IsCommonWord(quoted))
                ? (open + 1, inside) : null;
        }

        var end = at > 0 && text[at - 1] == ' ' ? at - 1 : at;
        while (end > 0 && IsDecoration(text[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && IsHandleChar(text[start - 1]))
        {
            start--;
        }

        var handle = text.AsSpan(start, end - start);
        return handle.Length is < 2 or > 20 || start > 0 && !(text[start - 1] is ' ' or ']' or '"' or '\n' || IsDecoration(text[start - 1]))
            || IsRoleWord(handle) && !(titled && TitledNickname(handle)) || !certain && NameGazetteer.IsCommonWord(handle) || s_latinRoles.Contains(handle)
            || handle.StartsWith("익명", StringComparison.Ordinal) || handle.StartsWith("Anonymous", StringComparison.OrdinalIgnoreCase) ? null : (start, end);
    }

    /// <summary>
    /// A viewer's nickname of a word and a title (<c>두부사장</c>, <c>떡볶이대장</c>): four Hangul syllables or more, the word before
    /// the title two syllables or more, no role or title itself, and no head of a department, an office or a branch (not
    /// 영업부장, 총무과장, 관리소장).
    /// </summary>
    private static bool TitledNickname(ReadOnlySpan<char> handle)
    {
        var title = Person.TitleEndingLength(handle);
        var word = handle[..^title];
        return title > 0 && handle.Length >= 4 && word.Length >= 2 && !handle.ContainsAnyExceptInRange('\uAC00', '\uD7A3') && !PrivateContext.IsContextWord(handle)
            && !PrivateContext.IsStaffOrKin(handle) && !Person.IsLabel(handle) && !IsRoleWord(word)
            && handle[^2..] is not ("부장" or "과장" or "팀장" or "실장" or "소장" or "국장" or "처장" or "원장" or "점장" or "단장");
    }

    // What a handle in corner brackets does not hold: spaces, brackets, line ends.
    private static readonly System.Buffers.SearchValues<char> s_notInHandles = System.Buffers.SearchValues.Create(" 「」\n\r\t");

    /// <summary>
    /// Adds a handle a chat's layout names for certain, and, the first time, every other occurrence of it as a word; a name
    /// the tagger found inside the handle elsewhere (종일롤 in 하루종일롤 님) gives way to the whole.
    /// </summary>
    private static void AddHandle(string text, int start, int end, List<PiiFinding> candidates, int from, ref HashSet<string>? seen)
    {
        Add(text, candidates, from, start, end, AddedScore);
        var name = text[start..end];
        if ((seen ??= new(StringComparer.Ordinal)).Add(name))
        {
            for (var other = text.IndexOf(name, StringComparison.Ordinal); other >= 0; other = text.IndexOf(name, other + 1, StringComparison.Ordinal))
            {
                GiveWay(candidates, from, other, other + name.Length);
            }

            Occurrences(text, name, candidates, from, AddedScore);
        }
    }

    /// <summary>
    /// A member a community shows by the nickname with the account's id masked in brackets right after it, as Naver cafes
    /// and streaming sites show a writer (<c>작성자 달려라곰돌이(gom****)</c>, <c>└ [Run_Jae](run****)</c>, <c>먹방입문자(newbie**)</c>):
    /// the nickname, two to twenty letters, digits, dots or underscores, perhaps in brackets, is a person wherever the text
    /// names it. The id is one to twelve lower-case letters, digits, dots or underscores and two stars or more (not a
    /// masked number, 마스킹(M*******)); no role word speaks so.
    /// </summary>
    private static void MaskedIdHandles(string text, List<PiiFinding> candidates, int from)
    {
        HashSet<string>? seen = null;
        for (var stars = text.IndexOf("**)", StringComparison.Ordinal); stars >= 0; stars = text.IndexOf("**)", stars + 3, StringComparison.Ordinal))
        {
            var open = text.LastIndexOf('(', stars, Math.Min(stars + 1, 18));
            var idEnd = open + 1;
            while (idEnd < stars && (text[idEnd] is >= 'a' and <= 'z' || Context.IsDigit(text[idEnd]) || text[idEnd] is '_' or '.'))
            {
                idEnd++;
            }

            var masked = idEnd;
            while (masked < stars + 2 && text[masked] == '*')
            {
                masked++;
            }

            if (open < 2 || idEnd - open - 1 is < 1 or > 12 || masked != stars + 2)
            {
                continue;
            }

            // (The nickname right before the bracket, or in square brackets there: [Run_Jae](run****).)
            var (start, end) = text[open - 1] == ']' && text.LastIndexOf('[', open - 2, Math.Min(open - 1, 22)) is var square and >= 0 ? (square + 1, open - 1) : (open, open);
            if (start == end)
            {
                while (start > 0 && IsHandleChar(text[start - 1]))
                {
                    start--;
                }

                if (start > 0 && !(text[start - 1] is ' ' or '\n' or '\t' or '[' or '|' || IsDecoration(text[start - 1])))
                {
                    continue;
                }
            }

            var nickname = text.AsSpan(start, end - start);
            if (nickname.Length is >= 2 and <= 20 && !nickname.ContainsAny(s_notInNicknames) && !IsRoleOrTag(nickname) && !s_latinRoles.Contains(nickname))
            {
                AddHandle(text, start, end, candidates, from, ref seen);
            }
        }
    }

    // What a nickname before a masked id does not hold: spaces, line ends, brackets, stars, colons and bars.
    private static readonly System.Buffers.SearchValues<char> s_notInNicknames = System.Buffers.SearchValues.Create(" \n\t()[]*:|");

    // What KakaoTalk writes after a handle and 님이 when someone joins or leaves a room, or invites another.
    private static readonly string[] s_joinNotices = ["들어왔습니다", "나갔습니다", "입장하셨습니다", "퇴장하셨습니다", "입장했습니다", "퇴장했습니다"];

    /// <summary>
    /// A messenger's notices name who joined, left, was invited or was removed: KakaoTalk's <c>신입_하람님이 들어왔습니다.</c>,
    /// <c>볼더요정🧚님이 하늘님을 초대했습니다.</c>, <c>최민재님을 내보냈습니다.</c>; each handle is a person there and wherever
    /// the text names it again.
    /// </summary>
    private static void JoinNotices(string text, List<PiiFinding> candidates, int from)
    {
        HashSet<string>? seen = null;
        for (var at = text.IndexOf("님이 ", StringComparison.Ordinal); at >= 0; at = text.IndexOf("님이 ", at + 3, StringComparison.Ordinal))
        {
            var rest = text.AsSpan(at + 3, Math.Min(text.Length - at - 3, 40));
            var joins = false;
            foreach (var notice in s_joinNotices)
            {
                joins |= rest.StartsWith(notice, StringComparison.Ordinal);
            }

            // (An invitation names the invited one before 님을: 볼더요정🧚님이 하늘님을 초대했습니다, or several, 가람님, 솔님을;
            // WhatsApp in Korean adds one: Cheryl Wong님이 阿朗님을 추가했습니다.)
            var lineEnd = rest.IndexOf('\n') is var n and >= 0 ? n : rest.Length;
            var invited = rest[..lineEnd].IndexOf("님을 초대", StringComparison.Ordinal) is var asked and >= 0 ? asked : rest[..lineEnd].IndexOf("님을 추가했", StringComparison.Ordinal);
            if ((joins || invited > 0) && HandleBefore(text, at, certain: true) is { } handle)
            {
                AddHandle(text, handle.Start, handle.End, candidates, from, ref seen);
            }

            for (var k = at + 3; invited > 0 && k <= at + 3 + invited; k++)
            {
                if (text[k] == '님' && (text.AsSpan(k).StartsWith("님을 초대", StringComparison.Ordinal) || text.AsSpan(k).StartsWith("님을 추가했", StringComparison.Ordinal)
                    || text.AsSpan(k).StartsWith("님, ", StringComparison.Ordinal))
                    && HandleBefore(text, k, certain: true) is { } guest)
                {
                    AddHandle(text, guest.Start, guest.End, candidates, from, ref seen);
                }
            }
        }

        // (A host removes someone: 최민재님을 내보냈습니다.)
        for (var at = text.IndexOf("님을 내보냈습니다", StringComparison.Ordinal); at >= 0; at = text.IndexOf("님을 내보냈습니다", at + 9, StringComparison.Ordinal))
        {
            if (HandleBefore(text, at, certain: true) is { } removed)
            {
                AddHandle(text, removed.Start, removed.End, candidates, from, ref seen);
            }
        }
    }

    // What WeChat writes beside a quoted name when someone joins, leaves, is invited or removed, or recalls a message.
    private static readonly string[] s_weChatNotices = ["邀请", "加入了群聊", "退出了群聊", "撤回了一条消息", "拍了拍", "移出了群聊", "修改群名为"];

    /// <summary>
    /// WeChat's notices name people in quotes: <c>"王建国"邀请"阿芳"加入了群聊</c>, <c>"刘洋Leo" 撤回了一条消息</c>,
    /// <c>"小雪" 拍了拍 "阿明"</c>: a quoted word of one to twenty characters right before or after a notice's word is a
    /// person there and wherever the text names it again.
    /// </summary>
    private static void WeChatNotices(string text, List<PiiFinding> candidates, int from)
    {
        HashSet<string>? seen = null;
        foreach (var notice in s_weChatNotices)
        {
            for (var at = text.IndexOf(notice, StringComparison.Ordinal); at >= 0; at = text.IndexOf(notice, at + notice.Length, StringComparison.Ordinal))
            {
                // (The quoted name before the notice's word, "刘洋Leo" 撤回了…, and the one after it, 邀请"阿芳".)
                var close = Context.At(text, at - 1) == ' ' ? at - 2 : at - 1;
                if (close > 0 && text[close] is '"' or '”' && QuotedBefore(text, close) is { } before)
                {
                    AddHandle(text, before.Start, before.End, candidates, from, ref seen);
                }

                var open = at + notice.Length + (Context.At(text, at + notice.Length) == ' ' ? 1 : 0);
                if (Context.At(text, open) is '"' or '“' && QuotedAfter(text, open) is { } after)
                {
                    AddHandle(text, after.Start, after.End, candidates, from, ref seen);
                }
            }
        }

        static (int Start, int End)? QuotedBefore(string text, int close)
        {
            var start = close;
            while (start > 0 && close - start <= 20 && text[start - 1] is not ('"' or '“' or '”' or '\n'))
            {
                start--;
            }

            return start > 0 && text[start - 1] is '"' or '“' && close - start is >= 1 and <= 20 && !text.AsSpan(start, close - start).Trim().IsEmpty ? (start, close) : null;
        }

        static (int Start, int End)? QuotedAfter(string text, int open)
        {
            var end = open + 1;
            while (end < text.Length && end - open <= 21 && text[end] is not ('"' or '“' or '”' or '\n'))
            {
                end++;
            }

            return end < text.Length && text[end] is '"' or '”' && end - open - 1 is >= 1 and <= 20 && !text.AsSpan(open + 1, end - open - 1).Trim().IsEmpty ? (open + 1, end) : null;
        }
    }

    /// <summary>Removes the person candidates strictly inside [<paramref name="start"/>, <paramref name="end"/>): a handle's layout bounds it for certain.</summary>
    private static void GiveWay(List<PiiFinding> candidates, int from, int start, int end)
    {
        for (var i = candidates.Count - 1; i >= from; i--)
        {
            if (candidates[i].Type == PiiTypes.Person && start <= candidates[i].Start && candidates[i].End <= end && candidates[i].End - candidates[i].Start < end - start)
            {
                candidates.RemoveAt(i);
            }
        }
    }

    /// <summary>
    /// A capital that stands for a person (<c>A씨</c>, <c>피고인 A</c>, <c>A(1학년)</c>) stands for that person wherever it
    /// is a word of its own in the text (<c>A는</c>, <c>A, B가</c>, <c>B의 부모</c>); not in <c>A형</c>, <c>A4</c>, <c>B.J.</c>.
    /// </summary>
    private static void Initials(string text, char initial, List<PiiFinding> candidates, int from)
    {
        for (var at = text.IndexOf(initial, StringComparison.Ordinal); at >= 0; at = text.IndexOf(initial, at + 1))
        {
            if (Person.StandaloneInitial(text, at))
            {
                Add(text, candidates, from, at, at + 1, AddedScore);
            }
        }
    }

    /// <summary>
    /// A confident person candidate of a Korean name's shape (a surname and two syllables, a compound surname and one or
    /// two), or of two or three words (a foreign name) with a higher score: the tagger's confident spans include loanwords
    /// (클래스, 메서드) that would otherwise be repeated through a whole manual.
    /// </summary>
    private static bool IsSeed(string text, PiiFinding f)
    {
        if (f.Type != PiiTypes.Person || f.Score < SeedScore || f.End - f.Start < 2)
        {
            return false;
        }

        var span = text.AsSpan(f.Start, f.End - f.Start);
        if (span.IndexOf(' ') >= 0)
        {
            return f.Score >= 0.9 && !span.ContainsAnyExcept(s_foreignNameChars);
        }

        if (!KoreanNameShaped(text, f.Start, f.End) || s_endings.Contains(span[^1]) || !FreeAfter(text, f.End) || NameGazetteer.IsCommonWord(span))
        {
            return false;
        }

        // At least one syllable of the given name is a common given-name syllable (not 임포트, 시퀀스), or the given name is
        // a native Korean one (한보배, 천보리, 반초롱).
        var given = span[(span.Length == 4 || IsCompound(span) ? 2 : 1)..];
        foreach (var c in given)
        {
            if (NameGazetteer.IsGivenSyllable(c))
            {
                return true;
            }
        }

        return s_nativeGivenNames.Contains(given);
    }

    // Native Korean given names (순우리말 이름) of two syllables, whose syllables are rarely those of Sino-Korean given names
    // and which are also everyday words (보배, 하늘, 보리): general Korean, from knowledge. Only a confident full name makes
    // one a seed (IsSeed); alone such a word stays a word.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_nativeGivenNames = FrozenSet.Create(StringComparer.Ordinal,
    [
        "하늘", "보람", "누리", "나래", "보리", "보배", "새봄", "가을", "겨울", "새벽", "이슬", "한별", "초롱", "다솜", "아름", "슬기", "한결",
        "나라", "바다", "구슬", "마루", "새롬", "로운", "단비", "온유", "하람", "가람", "다온", "라온", "이든", "보늬", "소라", "겨레", "여름",
        "다운", "미리", "노을", "빛나", "은별", "샛별", "한울", "한솔", "푸름", "그루", "도담", "아리", "라희", "별님", "봄이", "단아",
        "하나", "두리", "산들", "시내", "해님", "달님", "보라", "초원", "가온", "이룸", "다올", "새론", "우람", "힘찬", "으뜸", "한빛", "단우",
        "보름", "여울", "해솔", "바름", "아라", "햇살", "사랑", "소망", "기쁨", "마음",
    ]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A confident person of one word that is not a Korean name's shape (<see cref="IsSeed"/>), in a text laid out as a
    /// record (<see cref="IsRecordLayout"/>): a given name alone, a foreign name or a handle in Hangul, a listed Latin
    /// given or family name; no common word, no word of a record's labels, roles, titles (감독님), relations or forms, no
    /// compound surname alone (남궁; 선우 is a given name too), and nothing but a particle or a form of address after it.
    /// (In prose, 버락 오바마 … 오바마 and 베를린 are the tagger's to find.)
    /// </summary>
    private static bool IsOtherSeed(string text, PiiFinding f)
    {
        if (f.Type != PiiTypes.Person || f.Score < 0.9 || f.End - f.Start is < 2 or > 12 || !FreeAfter(text, f.End) || !IsRecordLayout(text))
        {
            return false;
        }

        // (Hangul, or a Latin given or family name of the list: Aziz, Greg; not a capitalised word of prose, Latin.)
        var span = text.AsSpan(f.Start, f.End - f.Start);
        var hangul = !span.ContainsAnyExceptInRange('\uAC00', '\uD7A3');
        return (hangul || !span.ContainsAnyExcept(s_handleChars) && (NameGazetteer.LatinKind(span) & (NameGazetteer.LatinGivenKind | NameGazetteer.LatinFamilyKind)) != 0)
            && !s_endings.Contains(span[^1]) && !NameGazetteer.IsCommonWord(span) && !PrivateContext.IsContextWord(span)
            && !PrivateContext.IsFieldWord(span) && !PrivateContext.IsStaffOrKin(span) && !Person.IsTitleOrRole(span.TrimEnd('님')) && !IsRelationWord(span) && !IsFormWord(span)
            && !(span.Length == 2 && IsCompound(span) && span is not "선우");
    }

    /// <summary>
    /// Whether the word [<paramref name="start"/>, <paramref name="end"/>) is a city, county or district of an address: it
    /// ends with 시, 군 or 구, and a province or metropolitan city of <see cref="StreetAddress.IsProvince"/> stands before it
    /// (<c>충청북도 여수시</c>, <c>대구광역시 달서구</c>)
    /// or a smaller unit or a road follows it (<c>강릉시 교동</c>, <c>여수시 연산동</c>, <c>달서구 월배로</c>).
    /// </summary>
    private static bool IsPlaceInAddress(string text, int start, int end)
    {
        if (end - start < 2 || text[end - 1] is not ('시' or '군' or '구'))
        {
            return false;
        }

        if (start >= 3 && text[start - 1] == ' ' && Context.HangulStart(text, start - 1) is var before && before < start - 1
            && StreetAddress.IsProvince(text.AsSpan(before, start - 1 - before)))
        {
            return true;
        }

        return Context.At(text, end) == ' ' && Context.IsHangulSyllable(Context.At(text, end + 1))
            && Context.HangulEnd(text, end + 1) is var next && next - end - 1 >= 2 && text[next - 1] is '동' or '읍' or '면' or '리' or '로' or '길' or '구' or '군';
    }

    private static bool AllGiven(ReadOnlySpan<char> name) => AllGivenSyllables(name[(IsCompound(name) ? 2 : 1)..]);

    private static bool IsCompound(ReadOnlySpan<char> name)
    {
        foreach (var c in NameGazetteer.CompoundSurnames)
        {
            if (name.StartsWith(c, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Final syllables of particles and modifiers, which given names practically never end with.
    private static readonly System.Buffers.SearchValues<char> s_endings = System.Buffers.SearchValues.Create("은는을를의에도한된던할될적");

    private static readonly System.Buffers.SearchValues<char> s_foreignNameChars =
        System.Buffers.SearchValues.Create(Enumerable.Range(0xAC00, 0xD7A4 - 0xAC00).Select(c => (char)c).Append(' ').ToArray());

    /// <summary>
    /// The label of the table column a cell at <paramref name="start"/> sits in: its line is a table row (cells split by
    /// tabs, or by <c>|</c> as text tables write them) and a line above it in the same block (no blank line between) has
    /// one of the name column labels at the same cell index.
    /// </summary>
    internal static string? ColumnLabel(string text, int start)
    {
        var lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        var lineEnd = text.IndexOf('\n', start);
        var separator = CellSeparator(text.AsSpan(lineStart, (lineEnd < 0 ? text.Length : lineEnd) - lineStart));
        if (separator == '\0')
        {
            return null;
        }

        var cell = text.AsSpan(lineStart, start - lineStart).Count(separator);
        for (var end = lineStart - 1; end > 0;)
        {
            var s = text.LastIndexOf('\n', end - 1) + 1;
            var line = text.AsSpan(s, end - s).TrimEnd('\r');
            if (line.Trim(' ').IsEmpty || CellSeparator(line) != separator)
            {
                return null;
            }

            var k = 0;
            foreach (var range in line.Split(separator))
            {
                if (k++ == cell)
                {
                    var header = line[range].Trim(' ');
                    foreach (var label in s_nameColumns)
                    {
                        if (header.SequenceEqual(label))
                        {
                            return label;
                        }
                    }

                    if (IsHandleColumn(header))
                    {
                        return header.ToString();
                    }

                    // A name column's label after the script it is written in (영문 성명, 한자 이름): the label.
                    foreach (var script in (ReadOnlySpan<string>)["영문 ", "영문", "한글 ", "한글", "국문 ", "한자 ", "한자", "여권 ", "여권상 "])
                    {
                        if (header.StartsWith(script, StringComparison.Ordinal) && header[script.Length..] is var rest && rest is "성명" or "이름")
                        {
                            return rest.ToString();
                        }
                    }

                    // A name column's label with a note in brackets (성명 (영문), 본명(보상 지급용)): the label.
                    if (header.Length > 3 && header[^1] == ')' && header.IndexOf('(') is var open and > 0)
                    {
                        var main = header[..open].TrimEnd(' ');
                        foreach (var label in s_nameColumns)
                        {
                            if (main.SequenceEqual(label))
                            {
                                return label;
                            }
                        }
                    }

                    // A header that names a person by its ending (봉사자, 응시자, 시주자, 고인, 예금주), on the block's first
                    // line: in a form of label-value rows the labels stand one above another in the same cell.
                    if (!header.ContainsAnyExceptInRange('\uAC00', '\uD7A3') && Person.IsPersonLabel(header) && FirstOfBlock(text, s))
                    {
                        return header.ToString();
                    }
                }
            }

            end = s - 1;
        }

        return null;
    }

    /// <summary>
    /// What splits a table row into cells: a tab, or else <c>|</c> where the line holds two or more (<c>| 1-3 | 소이안 |</c>,
    /// <c>1 | 전태양 | 경영 3</c>; a channel before a chat line, <c>#잡담 | …</c>, has one); <c>'\0'</c> for a line of no table.
    /// </summary>
    internal static char CellSeparator(ReadOnlySpan<char> line) =>
        line.IndexOf('\t') >= 0 ? '\t' : line.Count('|') >= 2 ? '|' : '\0';

    [ThreadStatic]
    private static (string? Text, bool Layout) t_layout;

    /// <summary>
    /// Whether the text is laid out as a record: a table (a line of tab-separated cells, or a line of <c>|</c>-separated
    /// cells), or at least three lines that open with a short label or speaker and a colon (<c>성명: …</c>, <c>사장님
    /// 구대성: …</c>). Rosters, forms, boards and transcripts name the organisation's own people: a 교수, 회장 or 사장
    /// there is the ward's doctor, the club's chair or the shop's owner, not a public figure. Computed once per text.
    /// </summary>
    internal static bool IsRecordLayout(string text)
    {
        if (ReferenceEquals(t_layout.Text, text))
        {
            return t_layout.Layout;
        }

        var (labelled, layout, barsAbove) = (0, false, 0);
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).Trim(" \r");
            var tab = line.IndexOf('\t');
            var bars = line.Count('|');
            if (tab > 0 && tab < line.Length - 1 || line.StartsWith('|') && bars >= 3 || bars >= 2 && bars == barsAbove
                || DateLine(line) || SlashHeader(line))
            {
                layout = true;
                break;
            }

            barsAbove = bars;
            var start = range.Start.GetOffset(text.Length);

            // (A chat export's speaker, time or channel in brackets opens the line: [오후 2:08] 여울: …, [임금주] [오전 7:05] ….)
            for (var k = 0; k < 2 && line.StartsWith('[') && line.IndexOf(']') is var close and > 1 and <= 24; k++)
            {
                start += text.AsSpan(start).IndexOf(']') + 1;
                line = line[(close + 1)..].TrimStart(' ');
                start += text.AsSpan(start).IndexOfAnyExcept(' ') is var skip and > 0 ? skip : 0;
            }

            // (Or a speaker with the time after the name: 한가온 (CEO) 오후 9:41  …, 닉머리 — 2025. 4. 23. 오후 11:06  ….)
            var colon = line.IndexOf(':');
            var lineEnd = range.End.GetOffset(text.Length);
            if ((colon is > 0 and <= 16 && !line[..colon].ContainsAny(".!?\"'") && (colon + 1 == line.Length || line[colon + 1] == ' ')
                 || SkipTime(text, start, lineEnd) > start || HeaderSpeaker(text, start, lineEnd, out _) is not null || SpeakerBeforeClock(text, start, lineEnd) is not null)
                && ++labelled >= 3)
            {
                layout = true;
                break;
            }
        }

        t_layout = (text, layout);
        return layout;
    }

    /// <summary>
    /// Whether the line holds only a date (<c>2025-08-17</c>, <c>2025. 3. 24.</c>, <c>3월 24일 (월)</c>): the head of a
    /// log's or a diary's entry.
    /// </summary>
    private static bool DateLine(ReadOnlySpan<char> line)
    {
        if (line.Length is < 5 or > 24 || !Context.IsDigit(line[0]))
        {
            return false;
        }

        var (digits, marks) = (0, 0);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (Context.IsDigit(c))
            {
                digits++;
            }
            else if (c is '.' or '-' or '/' or '년' or '월' or '일')
            {
                marks++;
            }
            else if (c == '(' && i + 2 < line.Length && line[i + 2] == ')' && "월화수목금토일".AsSpan().Contains(line[i + 1]))
            {
                i += 2;
            }
            else if (c != ' ')
            {
                return false;
            }
        }

        return digits >= 3 && marks >= 2;
    }

    /// <summary>
    /// Whether the line holds only a date and perhaps a time, a chat's stamp between its messages (<c>2025. 9. 4. 08:12</c>,
    /// <c>2025-04-05 14:20</c>, <c>--- 2025년 9월 4일 목요일 ---</c>, <c>2025년 3월 2일 오후 2:01</c>).
    /// </summary>
    private static bool StampLine(ReadOnlySpan<char> line)
    {
        line = line.Trim(" \r\t-─=━");

        // (A rule of dashes or equals signs between an export's head and its lines is no line of talk either.)
        if (line.IsEmpty)
        {
            return true;
        }
        if (line.EndsWith("요일", StringComparison.Ordinal) && line.Length > 4 && line[^4] == ' ')
        {
            line = line[..^4];
        }

        // (A time at the end, perhaps after 오전 or 오후: 08:12, 오후 2:01.)
        var space = line.LastIndexOf(' ');
        if (space > 0 && line[(space + 1)..] is var clock && clock.Length is >= 4 and <= 5 && clock[^3] == ':' && !clock.ContainsAnyExcept("0123456789:"))
        {
            line = line[..space].TrimEnd();
            line = line.EndsWith(" 오전", StringComparison.Ordinal) || line.EndsWith(" 오후", StringComparison.Ordinal) ? line[..^3] : line;
        }

        return DateLine(line);
    }

    /// <summary>
    /// Whether the line is a record's head of short fields split by <c> / </c>, three or more (<c>일자 2025. 1. 5. / 경매사
    /// 방세찬 (A조) / 기록 좌민경</c>, <c>해설사 심보영 / 동행 제현구 / 2025년 3월 27일</c>).
    /// </summary>
    private static bool SlashHeader(ReadOnlySpan<char> line)
    {
        if (line.Length > 160 || line.Length >= 2 && line[^1] == '.' && !Context.IsDigit(line[^2]))
        {
            return false;
        }

        var fields = 0;
        foreach (var range in line.Split(" / "))
        {
            var field = line[range];
            if (field.Length is 0 or > 48)
            {
                return false;
            }

            fields++;
        }

        return fields >= 3;
    }

    /// <summary>Whether the line at <paramref name="lineStart"/> opens its block: the text's first line, or one under a line that is no row of the same table.</summary>
    private static bool FirstOfBlock(string text, int lineStart)
    {
        if (lineStart < 2)
        {
            return true;
        }

        var s = text.LastIndexOf('\n', lineStart - 2) + 1;
        var lineEnd = text.IndexOf('\n', lineStart);
        var separator = CellSeparator(text.AsSpan(lineStart, (lineEnd < 0 ? text.Length : lineEnd) - lineStart));
        return CellSeparator(text.AsSpan(s, lineStart - 1 - s)) is var above && (above == '\0' || above != separator);
    }

    /// <summary>The cells under a name column: one to three Hangul words (a name, a foreign resident's name).</summary>
    private static void Table(string text, List<PiiFinding> candidates, int from)
    {
        for (var lineStart = 0; lineStart < text.Length;)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.Length : lineEnd;
            if (CellSeparator(text.AsSpan(lineStart, lineEnd - lineStart)) is var separator and not '\0')
            {
                var cellStart = lineStart;
                for (var p = lineStart; p <= lineEnd; p++)
                {
                    if (p == lineEnd || text[p] == separator)
                    {
                        var (s, e) = Trim(text, cellStart, p);
                        if (e > s && ColumnLabel(text, s) is { } label)
                        {
                            if (Array.IndexOf(s_nameColumns, label) >= 0 && IsNameCell(text.AsSpan(s, e - s)))
                            {
                                Add(text, candidates, from, s, e, AddedScore);
                            }
                            else if (!IsHandleColumn(label) && !(cellStart == lineStart && text.AsSpan(lineStart, lineEnd - lineStart).Count(separator) == 1)
                                && PersonColumnCell(text, s, e))
                            {
                                // A column headed by a word that names a person by its ending or its sense (예약자, 수강생,
                                // 강사, 집도); not the label cell of a form's label-value rows (발주자 above 용역명).
                                Add(text, candidates, from, s, e, AddedScore);
                            }
                            else if (IsHandleColumn(label) && HandleCell(text, s, e) is var handle and >= 0)
                            {
                                Add(text, candidates, from, handle, e, AddedScore);
                                Occurrences(text, text.AsSpan(handle, e - handle), candidates, from, AddedScore);
                            }
                            else if (!IsHandleColumn(label) && text.AsSpan(s, e - s).IndexOfAny(',', '·', '/') >= 0)
                            {
                                // A cell that lists several people under a column of names or of people (조원: 어정님, 변차돌,
                                // 팽영희; 참석자: 김수빈·이하늘): each item of a Korean name's shape or a name in Latin letters.
                                for (var item = s; item < e;)
                                {
                                    var itemEnd = text.AsSpan(item, e - item).IndexOfAny(',', '·', '/') is var k and >= 0 ? item + k : e;
                                    var (a, b) = Trim(text, item, itemEnd);
                                    if (b > a && PersonColumnCell(text, a, b))
                                    {
                                        Add(text, candidates, from, a, b, AddedScore);
                                    }

                                    item = itemEnd + 1;
                                }
                            }
                        }

                        cellStart = p + 1;
                    }
                }
            }

            lineStart = lineEnd + 1;
        }
    }

    /// <summary>A cell under a column headed by a person word (not a name column): a word of a Korean name's shape that is no common word, or a name in Latin letters.</summary>
    private static bool PersonColumnCell(string text, int start, int end) =>
        KoreanNameShaped(text, start, end) && !NameGazetteer.IsCommonWord(text.AsSpan(start, end - start)) || IsLatinName(text.AsSpan(start, end - start));

    /// <summary>A column header of nicknames or accounts (<c>닉네임</c>, <c>응모 ID</c>, <c>인스타 아이디</c>): its last word is a nickname label or <c>ID</c>.</summary>
    private static bool IsHandleColumn(ReadOnlySpan<char> header)
    {
        if (header.Length > 3 && header[^1] == ')' && header.LastIndexOf('(') is var open and > 0)
        {
            // A column of people's handles, its label in brackets (제보자(닉네임), 선수 (ID)).
            header = header[(open + 1)..^1].Trim(' ');
        }

        var last = header[(header.LastIndexOf(' ') + 1)..];
        return last is "ID" or "id" || IsNicknameLabel(last) && last is not "닉";
    }

    /// <summary>
    /// The start of a handle that fills the table cell <c>[start, end)</c> (after an <c>@</c>, if any): one word of two to
    /// twenty letters, digits, <c>_</c> or <c>.</c>, not only digits, not masked, no common or form word; -1 otherwise.
    /// </summary>
    private static int HandleCell(string text, int start, int end)
    {
        start += text[start] == '@' ? 1 : 0;
        var cell = text.AsSpan(start, end - start);
        foreach (var c in cell)
        {
            if (!IsHandleChar(c))
            {
                return -1;
            }
        }

        return cell.Length is >= 2 and <= 20 && cell.ContainsAnyExceptInRange('0', '9') && !NameGazetteer.IsCommonWord(cell) && !IsFormWord(cell) ? start : -1;
    }

    private static bool IsNameCell(ReadOnlySpan<char> cell)
    {
        if (IsLatinName(cell) || IsCapitalName(cell))
        {
            return true;
        }

        var words = 0;
        foreach (var range in cell.Split(' '))
        {
            var w = cell[range];
            if (w.Length is < 1 or > 5 || w.ContainsAnyExceptInRange('\uAC00', '\uD7A3'))
            {
                return false;
            }

            words++;
        }

        return words is >= 1 and <= 3 && cell.Length >= 2 && !PrivateContext.IsContextWord(cell) && !NameGazetteer.IsCommonWord(cell);
    }

    /// <summary>
    /// A name in capitals as passports and registers write it, two to four words of two to fifteen letters
    /// (<c>RAKHIMOVA GULNORA</c>, <c>TRAN THI NGOC ANH</c>): under a name column or after a name's label
    /// (<see cref="Person.CapitalNameEnd"/>), not elsewhere.
    /// </summary>
    internal static bool IsCapitalName(ReadOnlySpan<char> cell)
    {
        var words = 0;
        foreach (var range in cell.Split(' '))
        {
            if (cell[range] is var w && (w.Length is < 2 or > 15 || w.ContainsAnyExceptInRange('A', 'Z')))
            {
                return false;
            }

            words++;
        }

        return words is >= 2 and <= 4;
    }

    /// <summary>
    /// Speakers of a transcript: a line opens with a Hangul word of two to four syllables (or a handle of Hangul and
    /// digits, 해피맘22) and a colon, possibly after a
    /// bracketed time or tag (<c>[오후 9:02] 다운: …</c>); the word is a speaker when it opens at least two lines, is no
    /// role or label word (상담사, 고객, 연락처) and its lines do not go on with a number (<c>방문일: 2025-06-08</c>). A
    /// kinship word or honorific glued to the name (<c>보라언니:</c>) is left out of the span.
    /// </summary>
    private static void Speakers(string text, List<PiiFinding> candidates, int from)
    {
        List<(int Start, int End)>? speakers = null;
        List<(int Start, int End)>? exported = null;
        List<(int Start, int End)>? bareWriters = null;
        var (lines, relationLines, selfLines) = (0, 0, 0);

        // Under a comments header (댓글 4), until a blank line, a line that opens with a handle and a colon is a comment
        // and the handle its writer's. A chat copied into a longer document (a roster, then the talk below it) is a block
        // of consecutive speaker lines (ChatBlockEndsAt).
        var comments = false;
        var (runStart, talking, chatBlock, selfInRun) = (0, 0, false, 0);
        List<(int Start, int End)>? replyRun = null;
        for (var lineStart = 0; lineStart < text.Length;)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.Length : lineEnd;
            var blank = text.AsSpan(lineStart, lineEnd - lineStart).Trim(" \r\t").IsEmpty;
            // (A chat's date between its lines, 2025. 9. 4. 08:12, is neither a speaker's line nor another kind of line.)
            var stamp = !blank && (StampLine(text.AsSpan(lineStart, lineEnd - lineStart)) || StreamAlertLine(text.AsSpan(lineStart, lineEnd - lineStart)));
            lines += blank || stamp ? 0 : 1;
            // (A post's byline may open with a tag in brackets that reads like a speaker's slot: [항암일기] 제목 | 봄볕아래 | ….)
            if (BylineWriter(text, lineStart, lineEnd, comments) is { } byline)
            {
                (exported ??= []).Add(byline);
                (runStart, talking, selfInRun) = (speakers?.Count ?? 0, 0, 0);
            }
            else if (SpeakerAt(text, lineStart, lineEnd) is { } s)
            {
                (speakers ??= []).Add((s.Start, s.End));
                if (s.Exported || comments && (CommentWriterAt(text, lineStart, lineEnd) is not null || DatedCommentAt(text, lineStart, lineEnd)))
                {
                    (exported ??= []).Add((s.Start, s.End));
                }

                talking += Talks(text, s.End) ? 1 : 0;
                chatBlock = chatBlock || ChatBlockEndsAt(text, speakers, runStart, talking) || SelfChatBlock(speakers.Count - runStart, talking, selfInRun);
            }
            else if (RelationSpeakerAt(text, lineStart, lineEnd))
            {
                relationLines++;
                (runStart, talking, selfInRun) = (speakers?.Count ?? 0, 0, 0);
            }
            else if (SelfLine(text.AsSpan(lineStart, lineEnd - lineStart)))
            {
                // (The exporter's own lines, 나: …, speak in the chat but name no one.)
                selfLines++;
                selfInRun++;
                chatBlock = chatBlock || SelfChatBlock((speakers?.Count ?? 0) - runStart, talking, selfInRun);
            }
            else if (!stamp)
            {
                if (comments && CommentWriterAt(text, lineStart, lineEnd) is { } writer)
                {
                    (exported ??= []).Add(writer);
                }
                else if (comments && !blank && DatedWriter(text, SkipSpaces(text, lineStart, lineEnd), lineEnd) is { } dated)
                {
                    // (A comment that opens with its writer, the year's date and the time names its writer for certain, as a
                    // reply does: 판교라이더 2025-05-14 23:05 혹시 ….)
                    (exported ??= []).Add(dated);
                }
                else if (comments && !blank && BareCommentWriter(text, lineStart, lineEnd) is { } bare)
                {
                    (bareWriters ??= []).Add(bare);
                }

                (runStart, talking, selfInRun) = (speakers?.Count ?? 0, 0, 0);
            }

            // A band's replies copied without a colon, each line a reply mark, the writer and the talk (└ 들꽃향기 참석이요~):
            // three such lines in a row name their writers, once each is enough.
            if (!blank && SkipSpaces(text, lineStart, lineEnd) is var first && ReplyMarkEnd(text, first, lineEnd) > first
                && !text.AsSpan(lineStart, lineEnd - lineStart).ContainsAny(':', '：') && BareCommentWriter(text, lineStart, lineEnd) is { } replied
                && !PronounWithParticle(text.AsSpan(replied.Start, replied.End - replied.Start)))
            {
                (replyRun ??= []).Add(replied);
            }
            else if (!blank && replyRun is not null)
            {
                FlushReplies(replyRun, ref exported);
            }

            comments = IsCommentsHeader(text, lineStart, lineEnd) || comments && !blank;
            lineStart = lineEnd + 1;
        }

        if (replyRun is not null)
        {
            FlushReplies(replyRun, ref exported);
        }

        // A band's or a cafe's comments copied without a colon (댓글 4, then 라벤더맘 저희 엄마도 …): the line's first word is
        // its writer where the same word opens another line of the text (a second comment, the post's own byline).
        var confirmed = 0;
        List<(int Start, int End)>? unconfirmed = null;
        foreach (var (start, end) in bareWriters ?? [])
        {
            var opens = 0;
            for (var ls = 0; ls < text.Length && opens < 2;)
            {
                var le = text.IndexOf('\n', ls);
                le = le < 0 ? text.Length : le;
                var p = ReplyMarkEnd(text, SkipSpaces(text, ls, le), le);
                opens += text.AsSpan(p, le - p).StartsWith(text.AsSpan(start, end - start), StringComparison.Ordinal)
                    && !(Context.IsHangulSyllable(Context.At(text, p + end - start)) || Context.IsAsciiLetter(Context.At(text, p + end - start))) ? 1 : 0;
                ls = le + 1;
            }

            // (A handle with digits, 까치봉123, opens no sentence: once is enough; nor does one that symbols decorate,
            // 쭈꾸미라이더🐙, or that an underscore joins, 클라이머_J.)
            if (opens >= 2 || IsDigitHandle(text.AsSpan(start, end - start)) || char.IsSurrogate(Context.At(text, end))
                || text.AsSpan(start, end - start) is var joined && joined.IndexOf('_') > 0 && joined[^1] != '_')
            {
                (exported ??= []).Add((start, end));
                confirmed++;
            }
            else
            {
                (unconfirmed ??= []).Add((start, end));
            }
        }

        // (Where two writers are so confirmed, the lines are comments laid out alike: a parent's handle by a child's name opens
        // a comment too (준우아빠 우퍼 이런 건 …), and so does a handle of three syllables or more that is no word of Korean and
        // ends with no particle (먹보곰 근데 글에 …).)
        foreach (var (start, end) in confirmed >= 2 ? unconfirmed ?? [] : [])
        {
            var word = text.AsSpan(start, end - start);
            if (KinHandle(word) || word.Length >= 3 && !word.ContainsAnyExceptInRange('\uAC00', '\uD7A3') && !Person.IsParticle(word[^1]) && !IsFormWord(word)
                && !PrivateContext.IsContextWord(word) && !IsRoleWord(word))
            {
                (exported ??= []).Add((start, end));
            }
        }

        // A messenger's export names its speakers in its own layout (2025. 1. 28. 오후 8:15, 고등어맘 : …): each is a
        // person once, and so is each other occurrence of the name as a word (냥냥펀치님, 은비쌤이랑).
        HashSet<string>? repeated = null;
        foreach (var (start, end) in exported ?? [])
        {
            // (A bot speaks for no person, nor does an organisation's, a clinic's or a shop's channel: [카톡 채널] 오후 2:05
            // [바른교정치과]: …; a nickname that goes on after such a word does, [반찬가게언니].)
            if (IsBot(text.AsSpan(start, end - start)) || end - start >= 4 && EndsWithAny(text.AsSpan(start, end - start), s_organisationWords)
                && !Context.IsHangulSyllable(Context.At(text, end)))
            {
                continue;
            }

            // The export's layout bounds the display name for certain: a name the tagger found inside it (민지 in
            // [상황실_민지]) gives way to the whole.
            GiveWay(candidates, from, start, end);

            Add(text, candidates, from, start, end, AddedScore);
            if ((repeated ??= new(StringComparer.Ordinal)).Add(text[start..end]))
            {
                Occurrences(text, text.AsSpan(start, end - start), candidates, from, AddedScore);
                ChildOfHandle(text, start, end, candidates, from);
            }
        }

        // A transcript: at least half of the text's lines open with a speaker (a manual's "설명: …" lines do not), by name,
        // by relation ([외할머니] …) or as the exporter (나: …), a chat's date lines not counted, or a chat block is part of
        // the text.
        if (speakers is null || (speakers.Count + relationLines + selfLines) * 2 < lines && !chatBlock)
        {
            return;
        }

        // Each speaker's number of lines, and the first speaker of a name's length (at most four syllables) or with a
        // handle or a listed given name in Latin letters (yoonie.k, nail_by_seol, Somchai) with more than one line: the transcript is a conversation of
        // people. There, a given name that speaks once counts (every syllable a common given-name syllable, not a common
        // word: 주원 answering 민지), and so does a handle of five or six syllables (오리너구리 selling to 찬호) or in Latin
        // letters (sunny_knit); alone, such a word is a long label (처리결과요약) or a word of a manual (Usage:).
        Span<int> counts = speakers.Count <= 256 ? stackalloc int[speakers.Count] : new int[speakers.Count];
        var named = -1;
        for (var i = 0; i < speakers.Count; i++)
        {
            var name = text.AsSpan(speakers[i].Start, speakers[i].End - speakers[i].Start);
            foreach (var (s2, e2) in speakers)
            {
                counts[i] += text.AsSpan(s2, e2 - s2).SequenceEqual(name) ? 1 : 0;
            }

            named = named < 0 && counts[i] >= 2 && (Context.IsAsciiLetter(name[0]) || Context.IsDigit(name[^1]) ? IsHandle(name) || IsFullLatinName(name) || ListedGiven(name)
                : name.Length <= 4 || IsHandle(name) || LongHandle(name) || name.Contains(' ')) ? i : named;
        }

        for (var i = 0; i < speakers.Count; i++)
        {
            var (start, end) = speakers[i];
            var word = text.AsSpan(start, end - start);
            // (Speakers named by relation on two lines or more make a conversation of people too.)
            // (And so does the exporter's own side on two lines or more, 나: …, talking with the other.)
            var other = named >= 0 && !word.SequenceEqual(text.AsSpan(speakers[named].Start, speakers[named].End - speakers[named].Start)) || relationLines >= 2
                || selfLines >= 2;
            var speaks = Context.IsCyrillicUpper(word[0]) ? other || counts[i] >= 2
                : Context.IsAsciiLetter(word[0]) || Context.IsDigit(word[^1]) ? other || counts[i] >= 2 && (IsHandle(word) || IsFullLatinName(word) || ListedGiven(word))
                : word.Length <= 4 ? counts[i] >= 2 || other && (ScriptProfile.IsHan(word[0]) && Decoration(text, end, text.Length) is var colon
                        && HanSpeakerOpening(text, start, end, colon > end) && Context.At(text, colon) is '：' or ':'
                    || !NameGazetteer.IsCommonWord(word) && (word.Length <= 3 && AllGivenSyllables(word) || word.Length >= 3 && !IsFormWord(word) && !EndsWithAny(word, s_labelEndings)))
                : other || counts[i] >= 2 && (LongHandle(word) || word.Contains(' ') || word.Contains('_'));
            // (An organisation's account is no person: 관현악단: 안녕하세요, 총학생회: …; a handle may end alike, 청단홍단.)
            if (speaks && !IsBot(word) && !(word.Length >= 3 && EndsWithAny(word, s_organisationWords)))
            {
                Add(text, candidates, from, start, end, AddedScore);

                // (A streaming site's log writes the viewer's id in brackets after the nickname, 자취요정루루(lulu_cook) :
                // …: the id names the speaker too.)
                if (IdInBracketsEnd(text, end, text.Length) is var idEnd and > 0)
                {
                    Add(text, candidates, from, end + 1, idEnd - 1, AddedScore);
                }

                // In a conversation a handle (not a Korean name's shape) stands for its speaker wherever it occurs as a
                // word (털실곰님은, @yoonie.k); names are repeated by the seeds' pass.
                if (named >= 0 && !KoreanNameShaped(text, start, end) && (repeated ??= new(StringComparer.Ordinal)).Add(text[start..end]))
                {
                    Occurrences(text, word, candidates, from, AddedScore);
                    ChildOfHandle(text, start, end, candidates, from);
                }
            }
        }
    }

    /// <summary>
    /// The giver of a live stream's donation or paid message at <paramref name="p"/>, perhaps after a symbol: a handle of
    /// Hangul (and its digits or a trailing underscore) before <c> 님 </c>, the amount, its unit and a colon (<c>💰 까망베르_ 님 5,000치즈:
    /// …</c>), no common word or word of logs; or a handle of letters, digits, dots or underscores before a currency's sign
    /// and the amount (<c>💰 민트초코부장 ₩10,000 : …</c>, <c>Kenji_77 $5.00: …</c>) or after them and before a colon
    /// (<c>💲₩5,000 부산갈매기77: …</c>), three syllables or more in Hangul alone
    /// (결제 ₩12,000 is a ledger's), no common word nor a role or form word alone (a longer handle may end with a title:
    /// 민트초코부장), which names its sender for certain (<c>Paid</c>); null otherwise.
    /// </summary>
    private static (int Start, int End, bool Paid)? DonationGiver(string text, int p, int lineEnd)
    {
        var start = Decoration(text, p, lineEnd);
        start = start > p && Context.At(text, start) == ' ' ? start + 1 : start;
        var hangul = start;
        while (hangul < lineEnd && Context.IsHangulSyllable(text[hangul]))
        {
            hangul++;
        }

        // (The handle's digits stay with it: 밤양갱러버99 님 1,000치즈:.)
        var digits = hangul;
        while (digits < lineEnd && Context.IsDigit(text[digits]) && digits - hangul < 4)
        {
            digits++;
        }

        var word = text.AsSpan(start, hangul - start);
        if (word.Length >= 2 && DonationGiverEnd(text, digits, lineEnd) is var giver and > 0 && !NameGazetteer.IsCommonWord(word) && !IsWordOfLogs(word))
        {
            return (start, giver, false);
        }

        // (The amount may come first, before the handle and a colon: 💲₩5,000 부산갈매기77: ….)
        var paidFirst = Context.At(text, start) is '₩' or '$' or '¥' or '€' or '£' && Context.IsDigit(Context.At(text, start + 1));
        if (paidFirst)
        {
            while (start < lineEnd && text[start] != ' ')
            {
                start++;
            }

            // (An amount that ends the text names no one: [09:10] ₩5,000.)
            start = Math.Min(start + 1, lineEnd);
        }

        var end = start;
        while (end < lineEnd && IsHandleChar(text[end]))
        {
            end++;
        }

        var handle = text.AsSpan(start, end - start);
        var paid = paidFirst ? Context.At(text, end) == ':' : Context.At(text, end) == ' ' && Context.At(text, end + 1) is '₩' or '$' or '¥' or '€' or '£' && Context.IsDigit(Context.At(text, end + 2));
        return handle.Length is >= 2 and <= 20 && paid && !(handle.Length <= 4 && (IsRoleWord(handle) || IsFormWord(handle))) && !NameGazetteer.IsCommonWord(handle)
            && (handle.Length >= 3 || handle.ContainsAnyExceptInRange('\uAC00', '\uD7A3')) ? (start, end, true) : null;
    }

    // A shop's own side in a copy of its messages: general Korean of small businesses, from knowledge.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_ownSides =
        FrozenSet.Create(StringComparer.Ordinal, ["가게", "매장", "사장", "사장님", "업체", "식당", "공방", "본점"]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a chat's line is the exporter's own, as a market's app copies it: <c>나: …</c>, <c>Me: …</c>, a shop's <c>[가게] …</c>.</summary>
    private static bool SelfLine(ReadOnlySpan<char> line)
    {
        // (After a time in brackets too, and with the exporter's own nickname in parentheses: [오후 7:06] 나: …, [오후 7:02]
        // 나(솔방울): ….)
        if (line.StartsWith('[') && line.IndexOf(']') is var close and > 2 and <= 12 && line[1..close].Contains(':') && line[1..close].ContainsAnyInRange('0', '9'))
        {
            line = line[(close + 1)..].TrimStart(' ');
        }

        if (line.StartsWith("나(", StringComparison.Ordinal) && line.IndexOf(')') is var own and > 2 and <= 16)
        {
            return line[(own + 1)..] is [':', ' ', _, ..];
        }

        // (So does a shop's own side of copied messages, [가게] 네 가능해요~, [매장] ….)
        if (line.StartsWith('[') && line.IndexOf(']') is var side and > 2 and <= 5 && s_ownSides.Contains(line[1..side]) && line.Length > side + 2 && line[side + 1] == ' ')
        {
            return true;
        }

        // (A business's channel answers under its own masked name, [오후 9:20] [○○피부과의원] 네 …: the exporter's side.)
        if (line.StartsWith("[○", StringComparison.Ordinal) && line.IndexOf(']') is var business and > 3 and <= 24)
        {
            return line.Length > business + 2 && line[business + 1] == ' ';
        }

        return (line.StartsWith("나: ", StringComparison.Ordinal) || line.StartsWith("Me: ", StringComparison.Ordinal)) && line.Length > 4;
    }

    /// <summary>The writers of a run of reply lines (<see cref="Speakers"/>) when it holds three or more; the run is emptied.</summary>
    private static void FlushReplies(List<(int Start, int End)> run, ref List<(int Start, int End)>? writers)
    {
        if (run.Count >= 3)
        {
            (writers ??= []).AddRange(run);
        }

        run.Clear();
    }

    /// <summary>A pronoun or a common word and a particle that may open a reply (저도, 우리는, 저희가): no writer.</summary>
    private static bool PronounWithParticle(ReadOnlySpan<char> word) =>
        word.Length >= 2 && Person.IsParticle(word[^1])
        && (word[..^1] is "저" or "나" or "제" or "내" or "우리" or "저희" or "너" or "너희" || NameGazetteer.IsCommonWord(word[..^1]));

    /// <summary>A listed Latin given name in title case (Somchai, Priya), which speaks like a handle on two lines or more.</summary>
    private static bool ListedGiven(ReadOnlySpan<char> word) =>
        word.Length >= 3 && Context.IsLatinUpper(word[0]) && !word[1..].ContainsAnyExceptInRange('a', 'z') && !s_latinRoles.Contains(word)
        && (NameGazetteer.LatinKind(word) & NameGazetteer.LatinGivenKind) != 0;

    /// <summary>
    /// A handle of five or six syllables that speaks (<c>베이스장인</c>, <c>소프라노요정</c>): no common, form or context word and
    /// no relation's ending, so that a form's long labels (<c>처리결과요약</c>) stay labels.
    /// </summary>
    private static bool LongHandle(ReadOnlySpan<char> word) =>
        word.Length is >= 5 and <= 10 && !word.ContainsAnyExceptInRange('\uAC00', '\uD7A3') && !NameGazetteer.IsCommonWord(word) && !IsFormWord(word)
        && !PrivateContext.IsContextWord(word) && !PrivateContext.IsFieldWord(word) && !EndsWithAny(word, s_labelEndings);

    /// <summary>What a record says a party or a role said, after the role before a colon (<c>신청인 진술: …</c>, <c>상담사 소견: …</c>).</summary>
    private static bool IsStatementWord(ReadOnlySpan<char> word) =>
        word is "진술" or "주장" or "의견" or "답변" or "요청" or "입장" or "소견" or "설명" or "질문" or "발언" or "확인" or "서명" or "메모" or "요지";

    // Last syllables of a form's long labels (처리결과요약, 담당자연락처, 특이사항메모, 사실조사, 사건번호).
    private static readonly string[] s_labelEndings = ["요약", "사항", "내용", "결과", "연락처", "메모", "번호", "일시", "현황", "비고", "여부", "방법", "계획", "의견", "사유", "기간", "장소", "조사", "경위"];

    /// <summary>A chat's bot speaking under its handle (벌금봇, 출석봇, ReminderBot, mee6bot): no person.</summary>
    private static bool IsBot(ReadOnlySpan<char> word) =>
        word.Length >= 3 && (word[^1] == '봇' || word.EndsWith("bot", StringComparison.OrdinalIgnoreCase)) && !word.EndsWith("로봇", StringComparison.Ordinal);

    /// <summary>
    /// The writers of a shop's or app's reviews: a line that opens with a star rating, then the writer's handle and a
    /// separator (<c>★★★★★ 쫀득쫀득보쌈러 · 2025-12-10</c>, <c>★★★★☆ 우리집냥이 | 딸 소윤이가…</c>). The handle is one word of
    /// two to twelve letters or digits (not masked: <c>hye***</c>, <c>김**</c>), no common word, and a person wherever the text
    /// names it again (<c>사장님: 단골할매 어머님 또 주문해 주셔서</c>). A rating before the review's own text is no handle.
    /// </summary>
    private static void Reviewers(string text, List<PiiFinding> candidates, int from)
    {
        for (var lineStart = 0; lineStart < text.Length;)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.Length : lineEnd;
            var p = SkipSpaces(text, lineStart, lineEnd);
            var stars = p;
            while (stars < lineEnd && text[stars] is '★' or '☆')
            {
                stars++;
            }

            var start = SkipSpaces(text, stars, lineEnd);
            var end = start;
            while (end < lineEnd && IsHandleChar(text[end]))
            {
                end++;
            }

            var rest = text.AsSpan(end, lineEnd - end);
            var word = text.AsSpan(start, end - start);
            if (stars - p >= 3 && start > stars && end - start is >= 2 and <= 12 && (rest.StartsWith(" · ") || rest.StartsWith(" | ") || rest.StartsWith(" / "))
                && word.ContainsAnyExceptInRange('0', '9') && !NameGazetteer.IsCommonWord(word) && !PrivateContext.IsContextWord(word)
                && !Person.IsTitleOrRole(word))
            {
                Add(text, candidates, from, start, end, AddedScore);
                Occurrences(text, word, candidates, from, AddedScore);
            }

            lineStart = lineEnd + 1;
        }
    }

    /// <summary>
    /// A writer's name after a dash at the end of a line, as messages on a rolling paper, a card or a board are signed
    /// (<c>… 놀러 올게요 - 한결</c>, <c>맑음 - 채린</c>, <c>sorry for my poor Korean! – Jen</c>): one word, a Korean name's
    /// shape, a given name of common given-name syllables or a listed given name in Latin letters; no common or form word.
    /// </summary>
    private static void DashSignatures(string text, List<PiiFinding> candidates, int from)
    {
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).TrimEnd(" \r");
            var dash = line.LastIndexOfAny('-', '–', '—');
            if (dash < 2 || line[dash - 1] != ' ' || dash + 2 >= line.Length || line[dash + 1] != ' ' || line[..(dash - 1)].Trim(' ').IsEmpty)
            {
                continue;
            }

            var start = range.Start.Value + dash + 2;
            var word = line[(dash + 2)..];
            var end = start + word.Length;
            var name = !word.ContainsAnyExceptInRange('\uAC00', '\uD7A3')
                ? word.Length == 2 && AllGivenSyllables(word) || word.Length is 3 or 4 && KoreanNameShaped(text, start, end)
                : word.Length is >= 2 and <= 12 && word[0] is >= 'A' and <= 'Z' && !word[1..].ContainsAnyExcept(s_lowerLatin)
                    && (NameGazetteer.LatinKind(word) & NameGazetteer.LatinGivenKind) != 0;
            if (name && !NameGazetteer.IsCommonWord(word) && !IsFormWord(word))
            {
                Add(text, candidates, from, start, end, AddedScore - 0.05);
            }
        }
    }

    // Words that introduce a person's nickname, handle or account (general Korean of communities and apps; DM, a direct
    // message's sender in an order list).
    private static readonly string[] s_nicknameLabels = ["닉네임", "대화명", "별명", "필명", "아이디", "계정", "닉", "DM", "예명", "인스타", "소환사명", "캐릭터명", "배틀태그"];

    /// <summary>
    /// A person's nickname, handle or account after the word that introduces it: quoted (<c>닉네임 "라떼맘"</c>, <c>필명
    /// "도토리"</c>), after a colon (<c>닉네임: 구름빵</c>), with <c>@</c> (<c>계정 @sumin_walks</c>) or shaped as a handle
    /// (<c>인스타 아이디 jjun_0412</c>). The nickname is one word
    /// of two to fifteen letters or digits, no common word, and a person wherever the text names it again. Unquoted words
    /// after the label are what is done with it (<c>닉네임 설정</c>, <c>아이디 찾기</c>) and are left alone. So is the word
    /// before a real name in brackets (<c>sushi_lover77 (본명 기세윤)</c>).
    /// </summary>
    private static void Nicknames(string text, List<PiiFinding> candidates, int from)
    {
        // One pass for the labels' first syllables, then the labels at each.
        for (var at = text.AsSpan().IndexOfAny(s_nicknameFirsts); at >= 0;)
        {
            foreach (var label in s_nicknameLabels)
            {
                // The label is a word of its own (not 닉 in 닉네임, not 계정 in 계정과목).
                var after = at + label.Length;
                if (text.AsSpan(at).StartsWith(label, StringComparison.Ordinal)
                    && !(at > 0 && IsLetter(text[at - 1]) || IsLetter(Context.At(text, after)) && !(Context.At(text, after) is '은' or '는' && Context.At(text, after + 1) == ' ')))
                {
                    if (Context.At(text, at - 1) == '(' && Context.At(text, after) == ')')
                    {
                        NicknameBefore(text, at - 1, candidates, from);
                    }
                    else
                    {
                        NicknameAt(text, after, candidates, from);
                    }

                    break;
                }
            }

            var next = at + 1 < text.Length ? text.AsSpan(at + 1).IndexOfAny(s_nicknameFirsts) : -1;
            at = next < 0 ? -1 : at + 1 + next;
        }

        // A name someone goes by before the real one in brackets (sushi_lover77 (본명 기세윤), 고라니99(실명 미기재)).
        foreach (var real in (ReadOnlySpan<string>)["(본명", "(실명"])
        {
            for (var open = text.IndexOf(real, StringComparison.Ordinal); open > 0; open = text.IndexOf(real, open + 1, StringComparison.Ordinal))
            {
                if (!IsLetter(Context.At(text, open + real.Length)))
                {
                    NicknameBefore(text, open, candidates, from);
                }
            }
        }
    }

    private static bool IsLetter(char c) => Context.IsHangulSyllable(c) || Context.IsAsciiLetter(c);

    // The letters of a handle in Latin letters (seojin_w_, mino.b).
    private static readonly System.Buffers.SearchValues<char> s_handleChars = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.");

    /// <summary>A letter of a handle or nickname: Hangul, ASCII letters and digits, <c>_</c> and <c>.</c>.</summary>
    private static bool IsHandleChar(char c) => IsLetter(c) || Context.IsDigit(c) || c is '_' or '.';

    private static bool IsNicknameLabel(ReadOnlySpan<char> word)
    {
        foreach (var label in s_nicknameLabels)
        {
            if (word.SequenceEqual(label))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly System.Buffers.SearchValues<char> s_nicknameFirsts = System.Buffers.SearchValues.Create(string.Concat(s_nicknameLabels.Select(l => l[0]).Distinct()));

    /// <summary>A nickname before its label in brackets (<c>모래성 (닉네임)</c>, <c>유니(예명)</c>), <paramref name="open"/> the bracket.</summary>
    private static void NicknameBefore(string text, int open, List<PiiFinding> candidates, int from)
    {
        var end = Context.At(text, open - 1) == ' ' ? open - 1 : open;
        var start = end;
        while (start > 0 && IsHandleChar(text[start - 1]))
        {
            start--;
        }

        var word = text.AsSpan(start, end - start);
        if (!IsNicknameWord(word))
        {
            return;
        }

        Add(text, candidates, from, start, end, AddedScore);
        Occurrences(text, word, candidates, from, AddedScore);
    }

    // A nickname's word: two to fifteen letters or digits, not digits only, no common or form word and no nickname label.
    private static bool IsNicknameWord(ReadOnlySpan<char> word) =>
        word.Length is >= 2 and <= 15 && word.ContainsAnyExceptInRange('0', '9') && !NameGazetteer.IsCommonWord(word) && !IsFormWord(word) && !IsNicknameLabel(word);

    private static void NicknameAt(string text, int p, List<PiiFinding> candidates, int from)
    {
        var colon = false;

        // (Or as a sentence says it, the label a topic and the nickname before a copula: 판매자 닉네임은 흑룡Z예요.)
        var topic = Context.At(text, p) is '은' or '는' && Context.At(text, p + 1) == ' ';
        p += topic ? 1 : 0;
        if (Context.At(text, p) == ' ')
        {
            p++;
        }

        if (Context.At(text, p) is ':' or '：')
        {
            colon = true;
            p++;
            while (Context.At(text, p) == ' ')
            {
                p++;
            }
        }

        var open = Context.At(text, p);
        var quoted = open is '"' or '\'' or '“' or '‘' or '「';
        p += quoted ? 1 : 0;
        var at = Context.At(text, p) == '@';
        p += at ? 1 : 0;
        var end = p;
        while (end < text.Length && IsHandleChar(text[end]) && (text[end] != '.' || Context.IsAsciiLetter(Context.At(text, end + 1))))
        {
            end++;
        }

        var copula = topic && !quoted ? CopulaLength(text.AsSpan(p, end - p)) : 0;
        end -= copula;
        var word = text.AsSpan(p, end - p);
        var close = Context.At(text, end);
        var closed = quoted && close is '"' or '\'' or '”' or '’' or '」';
        if (!IsNicknameWord(word) || quoted && !closed || !(closed || colon && FreeAfter(text, end) || at || LatinHandle(word) || copula > 0))
        {
            return;
        }

        Add(text, candidates, from, p, end, AddedScore);
        Occurrences(text, word, candidates, from, AddedScore);
    }

    // Endings of a sentence that says what a nickname is (흑룡Z예요, 먹구름99입니다): general Korean, from knowledge.
    private static readonly string[] s_copulas = ["이에요", "예요", "입니다", "이고", "이며", "이야", "임"];

    /// <summary>The length of the copula that ends <paramref name="word"/> after at least two other letters, or 0.</summary>
    private static int CopulaLength(ReadOnlySpan<char> word)
    {
        foreach (var copula in s_copulas)
        {
            if (word.Length >= copula.Length + 2 && word.EndsWith(copula, StringComparison.Ordinal))
            {
                return copula.Length;
            }
        }

        return 0;
    }

    // Labels whose value is the handle of a post's writer or a community's operator (작성자: 보르도덕후, (운영자 카마로아재)):
    // general Korean of boards and group chats, from knowledge.
    private static readonly string[] s_writerLabels = ["작성자", "글쓴이", "운영자", "방장"];

    /// <summary>
    /// The handle after a writer's or operator's label (<see cref="s_writerLabels"/>, a word of its own): after a colon, or for
    /// an operator after a space; the handle (<see cref="CommentHandle"/>, everyday words included) must be the whole value,
    /// closed by a mark or the line (<c>작성자: 105동_코나맘, 2025-05-15</c>, <c>(운영자 카마로아재)</c>). Where more words follow,
    /// the value is a role or a team and a name (<c>작성자: 사례관리사 윤해인</c>), left to the name rules; an operator's line
    /// (<c>운영자: …</c>) is a speaker's, not a value.
    /// </summary>
    private static void WriterHandles(string text, List<PiiFinding> candidates, int from)
    {
        foreach (var label in s_writerLabels)
        {
            for (var at = text.IndexOf(label, StringComparison.Ordinal); at >= 0; at = text.IndexOf(label, at + 1, StringComparison.Ordinal))
            {
                var p = at + label.Length;
                if (at > 0 && IsLetter(text[at - 1]))
                {
                    continue;
                }

                var colon = false;
                while (p < text.Length && text[p] is ' ' or ':' or '：')
                {
                    colon |= text[p] != ' ';
                    p++;
                }

                var operatorLabel = label is "운영자" or "방장";
                if (p == at + label.Length || (colon ? operatorLabel : !operatorLabel))
                {
                    continue;
                }

                var end = p;
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not (',' or ')' or ']' or '/' or '|' or '·'))
                {
                    end++;
                }

                if (end > p && Context.At(text, end) is '\0' or ')' or ',' or ']' or '/' or '|' or '\n' or '\r' && CommentHandle(text, p, end) is { } handle)
                {
                    Add(text, candidates, from, handle.Start, handle.End, AddedScore);
                    Occurrences(text, text.AsSpan(handle.Start, handle.End - handle.Start), candidates, from, AddedScore);
                }
            }
        }
    }

    // Labels of the people present or absent at a meeting (minutes, rosters), general Korean.
    private static readonly string[] s_attendanceLabels = ["참석자", "참석", "불참자", "불참", "참가자", "출석", "결석", "참관"];

    /// <summary>
    /// The people of an attendance line (<c>참석: 도토리(이사장), 너구리, 참새, 교사 솔방울</c>, <c>불참: 부엉이(아이 열이 나서)</c>):
    /// after an attendance label and a colon, at least two items split by <c>,</c> <c>·</c> or <c>/</c>, each one Hangul word of
    /// two to five syllables or a Latin name, a role before it or a bracket after it left out; every item must be such a word
    /// and no item a role or count (<c>참석: 위원장, 간사</c>, <c>참석: 회장 외 4명</c>); one item alone no common word. A
    /// community that goes by nicknames names its members by common nouns; each item that is no Korean name's shape is a
    /// person wherever it occurs as a word in the text (<c>도토리가</c>, <c>고구마네</c>), and so is every other item.
    /// </summary>
    private static void Attendees(string text, List<PiiFinding> candidates, int from)
    {
        Span<(int Start, int End)> items = stackalloc (int, int)[16];
        for (var lineStart = 0; lineStart < text.Length;)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.Length : lineEnd;
            var p = SkipSpaces(text, lineStart, lineEnd);
            p = p < lineEnd && text[p] is '-' or '·' or '*' or '•' ? SkipSpaces(text, p + 1, lineEnd) : p;
            var label = -1;
            foreach (var word in s_attendanceLabels)
            {
                if (text.AsSpan(p, lineEnd - p).StartsWith(word, StringComparison.Ordinal))
                {
                    label = p + word.Length;
                    break;
                }
            }

            var colon = label < 0 ? -1 : SkipSpaces(text, label, lineEnd);
            if (colon < 0 || colon >= lineEnd || text[colon] is not (':' or '：'))
            {
                lineStart = lineEnd + 1;
                continue;
            }

            // The items up to the line's end (or a second field after two spaces or " / 기록:").
            var (n, ok) = (0, true);
            for (var q = colon + 1; q < lineEnd && ok;)
            {
                var next = text.AsSpan(q, lineEnd - q).IndexOfAny(",·/、");
                var itemEnd = next < 0 ? lineEnd : q + next;
                var (s, e) = Trim(text, q, itemEnd);
                if (e > s && text.AsSpan(s, e - s).IndexOf(':') >= 0)
                {
                    break;
                }

                var item = AttendeeName(text, s, e);
                ok = item.End > item.Start && n < items.Length;
                if (ok)
                {
                    items[n++] = item;
                }

                q = itemEnd + 1;
            }

            // (One item alone is no list: it is a name only when it is no common word, 불참: 없음.)
            if (ok && (n >= 2 || n == 1 && !NameGazetteer.IsCommonWord(text.AsSpan(items[0].Start, items[0].End - items[0].Start))))
            {
                foreach (var (s, e) in items[..n])
                {
                    Add(text, candidates, from, s, e, AddedScore);
                    Occurrences(text, text.AsSpan(s, e - s), candidates, from, AddedScore);
                }
            }

            lineStart = lineEnd + 1;
        }
    }

    /// <summary>
    /// The name of one attendance item [<paramref name="start"/>, <paramref name="end"/>), a role before it (<c>교사 솔방울</c>,
    /// <c>4리 국종팔</c>, <c>관장(자원봉사) 소은정</c>) and a bracket after it left out; empty when the item is no name.
    /// </summary>
    private static (int Start, int End) AttendeeName(string text, int start, int end)
    {
        var span = text.AsSpan(start, end - start);
        var (open, close) = (span.IndexOf('('), span.IndexOf(')'));
        ReadOnlySpan<char> role = [];
        if (open >= 0 && (close < 0 || close == span.Length - 1))
        {
            end = start + open;
        }
        else if (open >= 0 && close > open)
        {
            role = span[..open].Trim(' ');
            start += close + 1;
        }

        (start, end) = Trim(text, start, end);
        var wholeStart = start;
        var space = text.AsSpan(start, end - start).LastIndexOf(' ');
        if (space > 0)
        {
            role = text.AsSpan(start, space).Trim(' ');
            start += space + 1;
        }

        var word = text.AsSpan(start, end - start);
        if (IsLatinName(word))
        {
            return (start, end);
        }

        // After a word that is no role the name must have a Korean name's shape (입주자대표 한기수).
        if (!role.IsEmpty && (role.IndexOf(' ') >= 0 || !(Context.IsDigit(role[0]) || IsRoleWord(role))))
        {
            return KoreanNameShaped(text, start, end) ? (start, end) : IsLatinName(text.AsSpan(wholeStart, end - wholeStart)) ? (wholeStart, end) : default;
        }

        return word.Length is < 2 or > 5 || word.ContainsAnyExceptInRange('\uAC00', '\uD7A3') || word.EndsWith('들') || IsFormWord(word) || PrivateContext.IsStaffOrKin(word)
            ? default : (start, end);
    }

    /// <summary>A handle in Latin letters: lower-case letters with a digit, an underscore or a dot (yoonie.k, nail_by_seol, kim_93).</summary>
    internal static bool LatinHandle(ReadOnlySpan<char> word) => word.IndexOfAny("_.0123456789") > 0 && word.ContainsAnyInRange('a', 'z');

    /// <summary>A full name in Latin letters in a speaker's slot (<c>Phạm Thu Trang</c>, <c>Oliver Bennett</c>: <see cref="FullLatinSpeakerAt"/>'s words).</summary>
    private static bool IsFullLatinName(ReadOnlySpan<char> word) => word.Contains(' ') && Context.IsLatinUpper(word[0]) && Context.IsLatinLetter(word[^1]);

    /// <summary>
    /// A handle: in Latin letters (<see cref="LatinHandle"/>), Latin letters joined to Hangul (DP장인), two to six Hangul
    /// syllables and digits (해피맘22), or words joined by an underscore (한결_스터디장).
    /// </summary>
    internal static bool IsHandle(ReadOnlySpan<char> word) =>
        Context.IsAsciiLetter(word[0]) ? LatinHandle(word) || word.ContainsAnyInRange('\uAC00', '\uD7A3')
        : word.IndexOfAnyInRange('0', '9') is var d and >= 2 and <= 6 && !word[..d].ContainsAnyExceptInRange('\uAC00', '\uD7A3') && !word[d..].ContainsAnyExceptInRange('0', '9')
            || word.Contains('_');

    /// <summary>A handle that ends with digits (<c>까치봉123</c>, <c>봄햇살22</c>, <c>Hwan9</c>): no sentence's word opens or ends so.</summary>
    private static bool IsDigitHandle(ReadOnlySpan<char> word) => IsHandle(word) && Context.IsDigit(word[^1]);

    /// <summary>
    /// A Korean name's shape right before a person's identifier on its line (<c>1. 길미령 105-303  010-4877-5980</c>,
    /// <c>포장⇥09:00⇥탁미령⇥010 6767 0678</c>, <c>- 설태준 / 010-…</c>): a word of a surname and two syllables, one of
    /// them a common given-name syllable, standing alone as an item (a line's start, a tab, a list mark or a separator
    /// before it; nothing glued after it), with at most one token without Hangul (a room number) between it and a phone
    /// number, registration number, card or account. Not a common word, role, label or field word.
    /// </summary>
    private static void BesideIdentifiers(string text, List<PiiFinding> candidates, int from)
    {
        for (var i = 0; i < from; i++)
        {
            var id = candidates[i];
            if (id.Score < 0.5 || id.Type is not (PiiTypes.Phone or PiiTypes.ResidentRegistrationNumber or PiiTypes.AlienRegistrationNumber
                or PiiTypes.BankAccount or PiiTypes.CreditCard))
            {
                continue;
            }

            var p = id.Start;
            for (var tokens = 0; tokens < 2; tokens++)
            {
                while (p > 0 && text[p - 1] is ' ' or '\t' or '/' or ',' or '|' or ':' or '(')
                {
                    p--;
                }

                if (p == 0 || Context.IsHangulSyllable(text[p - 1]) || text[p - 1] is '\n' or '\r')
                {
                    break;
                }

                // One token without Hangul (105-303, 3층) may stand between.
                while (p > 0 && !(Context.IsHangulSyllable(text[p - 1]) || text[p - 1] is ' ' or '\t' or '\n' or '\r'))
                {
                    p--;
                }
            }

            var end = p;
            var start = end;
            while (start > 0 && Context.IsHangulSyllable(text[start - 1]))
            {
                start--;
            }

            var before = start == 0 ? '\n' : text[start - 1];
            if (end - start == 3 && before is '\n' or '\t' or ' ' or '|' or '/' or ',' or '·' or ':' && (before != ' ' || ItemStart(text, start))
                && KoreanNameShaped(text, start, end) && !NameGazetteer.IsCommonWord(text.AsSpan(start, 3))
                && (NameGazetteer.IsGivenSyllable(text[start + 1]) || NameGazetteer.IsGivenSyllable(text[start + 2])))
            {
                Add(text, candidates, from, start, end, AddedScore);
            }
        }
    }

    /// <summary>Whether the word at <paramref name="start"/>, after a space, opens an item: the line's start, a list number or mark, or a separator before the space.</summary>
    private static bool ItemStart(string text, int start)
    {
        var q = start - 1;
        while (q > 0 && text[q - 1] == ' ')
        {
            q--;
        }

        if (q == 0 || text[q - 1] is '\n' or '\t' or '|' or '/' or ',' or '·' or ':' or '-' or '•' or ')')
        {
            return true;
        }

        // A list number (1. 길미령).
        return text[q - 1] == '.' && q >= 2 && Context.IsDigit(text[q - 2]);
    }

    /// <summary>Every syllable of <paramref name="word"/> is a common given-name syllable.</summary>
    private static bool AllGivenSyllables(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!NameGazetteer.IsGivenSyllable(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The speaker's name span of a transcript line, or null; <c>Exported</c> when the line is in a messenger export's own
    /// layout, which names a speaker for certain: <c>[권나래] [오후 9:48] …</c> (a computer's export) or
    /// <c>2025. 1. 28. 오후 8:15, 고등어맘 : …</c> (a phone's). A comment's reply mark may open the line (<c>└ 콩이맘 : …</c>).
    /// </summary>
    // The badges a community board puts before its best comments (general Korean web use, from knowledge).
    private static readonly string[] s_bestCommentBadges = ["[베스트] ", "[BEST] ", "[Best] ", "[베댓] ", "[best] "];

    internal static (int Start, int End, bool Exported)? SpeakerAt(string text, int lineStart, int lineEnd)
    {
        var p = SkipSpaces(text, lineStart, lineEnd);

        // (A word for the day may stand before the time, as a stream's or an app's chat copies today's lines: 오늘 21:09
        // 주걱든곰: …, 어제 오후 9:12 ….)
        if (text.AsSpan(p, lineEnd - p) is var day && (day.StartsWith("오늘 ", StringComparison.Ordinal) || day.StartsWith("어제 ", StringComparison.Ordinal))
            && ClockEnd(text, p + 3, lineEnd) > 0)
        {
            p += 3;
        }

        // (A board's best comment is badged before its writer: [베스트] 야간택시9년차: ….)
        foreach (var badge in s_bestCommentBadges)
        {
            if (text.AsSpan(p, lineEnd - p).StartsWith(badge, StringComparison.Ordinal))
            {
                p += badge.Length;
                break;
            }
        }

        // A cafe's comment copied with the writer, the member's rank and a middle dot before the comment (바람꽃 우수회원 · 저
        // 이번이 …, └ 길동무영숙 정회원 · ㅎㅎ …): the writer, named for certain.
        if (RankMarkWriter(text, ReplyMarkEnd(text, p, lineEnd), lineEnd) is { } rankWriter)
        {
            return (rankWriter.Start, rankWriter.End, true);
        }

        // A board's comment copied with its votes after a middle dot and a colon before the comment (└ 모범시민K · 추천 38 :
        // 요즘 …): the writer, named for certain.
        if (VoteCountWriter(text, ReplyMarkEnd(text, p, lineEnd), lineEnd) is { } voted)
        {
            return (voted.Start, voted.End, true);
        }
        // (A reply's mark before a time in brackets leaves the line as without it: ↳ [Mon 11:41 AM] Megan O'Leary: ….)
        if (ReplyMarkEnd(text, p, lineEnd) is var replyStamp && replyStamp > p && Context.At(text, replyStamp) == '['
            && text.IndexOf(']', replyStamp, Math.Min(lineEnd - replyStamp, 24)) is var stampClose and > 0
            && (BracketedClock(text, replyStamp + 1, stampClose) || WeekdayOrDayMonthClock(text, replyStamp + 1, stampClose)))
        {
            p = replyStamp;
        }

        if (ReplyMarkEnd(text, p, lineEnd) is var afterMark && afterMark > p)
        {
            // A comment's reply names its writer before the colon (└ 포도알맘 : 저는 중고로요).
            p = afterMark;
            p = text.AsSpan(p, lineEnd - p).StartsWith("댓글 ", StringComparison.Ordinal) ? SkipSpaces(text, p + 3, lineEnd) : p;

            // (A board's role may stand before the writer: └ 운영진 호수바람 2025-01-23 21:30 ….)
            // (Not where the date follows the role: the role's account writes, └ 카페지기 2025. 6. 8. 13:20 : ….)
            if (text.IndexOf(' ', p, Math.Min(lineEnd - p, 6)) is var roleEnd and > 0 && text.AsSpan(p, roleEnd - p) is "운영진" or "스탭" or "스태프" or "매니저" or "부매니저" or "카페지기"
                && Context.IsHangulSyllable(Context.At(text, SkipSpaces(text, roleEnd + 1, lineEnd))))
            {
                p = SkipSpaces(text, roleEnd + 1, lineEnd);
            }

            // (Or a middle dot and the date before the comment: └ 빌라왕잡자 · 2025-12-05 저도 ….)
            if (text.IndexOf(" · ", p, Math.Min(lineEnd - p, 24), StringComparison.Ordinal) is var dot and > 0
                && (DateEnd(text, dot + 3, lineEnd) - dot > 11 || RelativeTimeEnd(text, dot + 3, lineEnd) > 0)
                && CommentHandle(text, p, dot) is { } replyWriter)
            {
                return (replyWriter.Start, replyWriter.End, true);
            }

            // (Or a workspace's header after the reply mark, the talk on the line: ↳ Tanya Brooks  7:31 AM  Badges ready ….)
            if (HeaderSpeaker(text, p, lineEnd, out var replyTalks) is { } replyHeader && replyTalks)
            {
                return (replyHeader.Start, replyHeader.End, true);
            }

            // (Or the writer in brackets or written surname first, then the time and a dash: ↪ [Ану] 20:33 — …, ↳ Seo, Junggeun
            // (Site Mgr) 9:02 AM — ….)
            if ((ClockDashSpeaker(text, p, lineEnd) ?? SurnameFirstSpeaker(text, p, lineEnd) ?? AgedCommentWriter(text, p, lineEnd)) is { } replyClocked)
            {
                return (replyClocked.Start, replyClocked.End, false);
            }

            // (Or the month, the day and the time before the comment: └ 책벌레하나 3월 14일 오후 9:41 간식 콜!)
            if (text.IndexOf(' ', p, Math.Min(lineEnd - p, 24)) is var gap and > 0 && MonthDayEnd(text, gap + 1, lineEnd) is var monthDay and > 0
                && ClockEnd(text, monthDay, lineEnd) is var clocked and > 0 && Context.At(text, clocked) == ' '
                && ReplyWriter(text, p, gap) is { } timedWriter)
            {
                return (timedWriter.Start, timedWriter.End, true);
            }

            // (Or the time alone before the comment, two spaces after it: └ 율무차한잔 18:58  쌍둥이맘 하나 …; or one, after a handle
            // that is no word of Korean: └ 쭈니 21:30 팔꿈치 괜찮아요~.)
            if (text.IndexOf(' ', p, Math.Min(lineEnd - p, 24)) is var timeGap and > 0 && ClockEnd(text, timeGap + 1, lineEnd) is var timedEnd and > 0
                && (text.AsSpan(timedEnd, Math.Max(0, Math.Min(2, lineEnd - timedEnd))) is "  "
                    || Context.At(text, timedEnd) == ' ' && timedEnd + 1 < lineEnd && text[timedEnd + 1] != ' ' && !NameGazetteer.IsCommonWord(text.AsSpan(p, timeGap - p)))
                && ReplyWriter(text, p, timeGap) is { } timeWriter)
            {
                return (timeWriter.Start, timeWriter.End, true);
            }

            // (Or the year's date and the time, the comment after one space: └ 캠핑하는곰돌이 2025년 6월 27일 21:30 넵!, └ 달빛타프
            // 2025. 9. 17. 22:10 가람님 ….)
            if (DatedWriter(text, p, lineEnd) is { } yearWriter)
            {
                return (yearWriter.Start, yearWriter.End, true);
            }

            // (Or the date and the time without brackets before the colon: └ 댓글 여름밤 2025-10-18 22:50: 발제 ….)
            if (text.IndexOf(' ', p, Math.Min(lineEnd - p, 24)) is var dateGap and > 0 && DateEnd(text, dateGap + 1, lineEnd) is var plainDate && plainDate - dateGap > 8
                && ClockEnd(text, plainDate, lineEnd) is var plainClock and > 0 && TalkFollows(text, plainClock, lineEnd, spaceNeeded: true, timed: true)
                && ReplyWriter(text, p, dateGap) is { } plainWriter)
            {
                return (plainWriter.Start, plainWriter.End, true);
            }

            var colon = text.AsSpan(p, lineEnd - p).IndexOfAny(':', '：');

            // (A date in brackets, perhaps with a time, may stand between the writer and the colon: └ 도토리엄마 (2025. 4. 2.):
            // 헐 진짜요?, └ 초록볼펜 (2025-08-27 23:05): 후기 감사해요~)
            var closing = text.IndexOf("):", p, Math.Min(lineEnd - p, 48), StringComparison.Ordinal);
            if (closing > p && text.LastIndexOf(" (", closing, closing - p, StringComparison.Ordinal) is var dateOpen and > 0
                && DateEnd(text, dateOpen + 2, closing) is var dateClose && (dateClose == closing || ClockEnd(text, dateClose, closing) == closing)
                && TalkFollows(text, closing + 1, lineEnd, spaceNeeded: false) && ReplyWriter(text, p, dateOpen) is { } datedWriter)
            {
                return (datedWriter.Start, datedWriter.End, true);
            }

            // (The colon is counted from the handle, the bar from the text's start: a time after the bar is no colon's.)
            if (BarAfterWriter(text, p, lineEnd) is var replyBar and > 0 && (colon < 0 || replyBar - p < colon))
            {
                return CommentHandle(text, p, replyBar) is { } barred ? (barred.Start, barred.End, true) : null;
            }

            // (A band's copy may say 댓글 after the writer, before the colon: └ 하람맘🌸 댓글: ….)
            var named = colon > 3 && text.AsSpan(p, colon).EndsWith(" 댓글", StringComparison.Ordinal) ? colon - 3 : colon;
            return colon is > 0 and <= 20 && TalkFollows(text, p + colon, lineEnd, spaceNeeded: false) && (DisplayName(text, p, p + named) ?? CommentHandle(text, p, p + named)) is { } writer
                ? (writer.Start, writer.End, true) : null;
        }

        // A board copied with the writer and a bar before each comment (댓글 느티나무아래 | 수고 많으세요).
        if (text.AsSpan(p, lineEnd - p).StartsWith("댓글 ", StringComparison.Ordinal) && SkipSpaces(text, p + 3, lineEnd) is var writerStart
            && BarAfterWriter(text, writerStart, lineEnd) is var writerBar and > 0 && CommentHandle(text, writerStart, writerBar) is { } commenter)
        {
            return (commenter.Start, commenter.End, true);
        }

        // A messenger's export saved as CSV: the date, the time and the sender as fields, the message after them
        // (2025-06-27,08:55:02,Anish Shrestha,010…,छु छु didi …; 2025-01-12,21:50:10,"박보람",…).
        if (CsvSender(text, p, lineEnd) is { } csv)
        {
            return (csv.Start, csv.End, true);
        }

        // A market's chat copied with the time in brackets after the name, a colon after them (상점482913호 (오후 3:02): …,
        // 맥잘알_정리중 (다음 날 오전 11:40): …): the name, a handle or a display name.
        if (text.IndexOf("):", p, Math.Min(lineEnd - p, 44), StringComparison.Ordinal) is var timeClose and > 0
            && text.IndexOf(" (", p, timeClose - p, StringComparison.Ordinal) is var timeOpen and > 0 && BracketedClock(text, timeOpen + 2, timeClose)
            && TalkFollows(text, timeClose + 1, lineEnd, spaceNeeded: false) && (CommentHandle(text, p, timeOpen) ?? DisplayName(text, p, timeOpen)) is { } timedName)
        {
            return (timedName.Start, timedName.End, true);
        }

        // A booking app's messages copied as the writer, a middle dot, the date and time and a colon (호스트 Seonghee · 2025년
        // 9월 12일 14:30: Hi Sophie!, 森 健 · 2025-06-07 20:15: …); a role before the name is left out.
        if (text.IndexOf(" · ", p, Math.Min(lineEnd - p, 30), StringComparison.Ordinal) is var mid and > 0 && DateEnd(text, mid + 3, lineEnd) is var bookedDate
            && bookedDate - mid > 11 && ClockEnd(text, bookedDate, lineEnd) is var stamped and > 0 && TalkFollows(text, stamped, lineEnd, spaceNeeded: true, timed: true))
        {
            var bookedStart = text.IndexOf(' ', p, mid - p) is var roleEnd and > 0 && IsRoleOrTag(text.AsSpan(p, roleEnd - p))
                ? roleEnd + 1 : p;
            return (ExportSlotName(text, bookedStart, mid) ?? BookedName(text, bookedStart, mid)) is { } booked ? (booked.Start, booked.End, true) : null;
        }

        // (Or the writer, its role on the app and the time, each after a middle dot, perhaps after the app's tag in brackets:
        // [Airbnb 메시지] Eunseo · 호스트 · 오후 4:20  Hi Sophie!)
        var app = Context.At(text, p) == '[' && text.IndexOf("] ", p, Math.Min(lineEnd - p, 24), StringComparison.Ordinal) is var appTag and > 0 ? appTag + 2 : p;
        if (text.IndexOf(" · ", app, Math.Min(lineEnd - app, 30), StringComparison.Ordinal) is var roleDot and > 0
            && text.IndexOf(" · ", roleDot + 3, Math.Min(lineEnd - roleDot - 3, 14), StringComparison.Ordinal) is var timeDot and > 0
            && text.AsSpan(roleDot + 3, timeDot - roleDot - 3) is var appRole && (IsRoleOrTag(appRole) || s_latinRoles.Contains(appRole))
            && ClockEnd(text, timeDot + 3, lineEnd) is var roleClock and > 0 && (TalkFollows(text, roleClock, lineEnd, spaceNeeded: true, timed: true) || roleClock == lineEnd
                || text.AsSpan(roleClock, lineEnd - roleClock) is [' ', ' ', not ' ', ..])
            && (ExportSlotName(text, app, roleDot) ?? BookedName(text, app, roleDot)) is { } appWriter)
        {
            return (appWriter.Start, appWriter.End, true);
        }

        // A workspace messenger's export puts the speaker and the time on a line of their own, the talk below (먼지곰 (작가)
        // 오후 2:13, ppojang  오후 2:31); a channel's tag may stand before it ([#잡담] jake.m — 오후 3:40 | …), or the channel
        // and Discord's dash (#모임-모집 — 밤샘미플 — 오후 2:15).
        var channel = Context.At(text, p) == '[' && Context.At(text, p + 1) == '#' && text.IndexOf("] ", p, Math.Min(lineEnd - p, 24), StringComparison.Ordinal) is var channelTag and > 0
            ? channelTag + 2
            : Context.At(text, p) == '#' && text.IndexOf(" — ", p, Math.Min(lineEnd - p, 24), StringComparison.Ordinal) is var channelDash and > 0 && text.IndexOf(' ', p, channelDash - p) < 0
                ? channelDash + 3 : p;

        // (A board's comment copied with 댓글, the writer, the date, the time and a bar before the talk names its writer for
        // certain: 댓글 감성돔헌터 2025.07.02. 21:40 | 참석합니다.)
        if (text.AsSpan(p, lineEnd - p).StartsWith("댓글 ", StringComparison.Ordinal) && HeaderSpeaker(text, p + 3, lineEnd, out var commented) is { } commentWriter && commented)
        {
            return (commentWriter.Start, commentWriter.End, true);
        }

        if (HeaderSpeaker(text, channel, lineEnd, out var talks) is { } header)
        {
            // (With the talk on its line the layout is a schedule's too, 대강당  오후 4:00  전체 교육: a speaker only where
            // such lines make a conversation, Speakers.)
            return (header.Start, header.End, !talks);
        }

        // A neighbourhood app's comments copied with the writer, a middle dot and the writer's neighbourhood, the comment after
        // two spaces (하늘땅별땅 · ○○2동  남편분이 …, Mina_Park · 역삼동  지구대에 …).
        if (text.IndexOf(" · ", p, Math.Min(lineEnd - p, 24), StringComparison.Ordinal) is var townDot and > 0
            && text.IndexOf("  ", townDot + 3, Math.Min(lineEnd - townDot - 3, 12), StringComparison.Ordinal) is var townEnd and > 0
            && townEnd + 2 < lineEnd && text[townEnd + 2] != ' ' && text.AsSpan(townDot + 3, townEnd - townDot - 3) is [.., '동' or '읍' or '면' or '리' or '가'] town
            && town.IndexOf(' ') < 0 && (CommentHandle(text, p, townDot) ?? DisplayName(text, p, townDot)) is { } townWriter)
        {
            return (townWriter.Start, townWriter.End, true);
        }

        // A chat copied with the time (perhaps the date) in brackets, a badge, the speaker's handle, perhaps the account's
        // masked id in brackets, and " : " or a dash before the talk ([22:01:40] 💎 야식요정뽀삐(ppo***) : …, [2025. 3. 4. 오후
        // 9:12] 회장_세린 — …), as live streams' chats and exporters write them.
        if (TimedSlotSpeaker(text, p, lineEnd) is { } timedSlot)
        {
            return (timedSlot.Start, timedSlot.End, true);
        }

        // A channel's copy with the speaker in brackets, the time and a dash before the talk ([Ану] 20:06 — …), or the
        // speaker surname first, perhaps the role in brackets, the time and a dash (Ramirez, Luis (Procurement) 10:15 AM — …),
        // as workspace exporters write them: a speaker where such lines make a conversation.
        if (ClockDashSpeaker(text, p, lineEnd, stamped: true) is { } stampedWriter)
        {
            return (stampedWriter.Start, stampedWriter.End, true);
        }

        if ((ClockDashSpeaker(text, p, lineEnd) ?? SurnameFirstSpeaker(text, p, lineEnd) ?? AgedCommentWriter(text, p, lineEnd)) is { } clockDash)
        {
            return (clockDash.Start, clockDash.End, false);
        }

        // A band's comments copied with the writer, perhaps in brackets, the month's day, the time and a dash before the
        // comment ([찬이엄마] 9월 3일 오전 7:02 — 후보면 …).
        if (DatedDashWriter(text, p, lineEnd) is { } datedDash)
        {
            return (datedDash.Start, datedDash.End, true);
        }

        // A video's comments copied with the writer, a middle dot and how long ago (봄비내리는날 · 2일 전 · …).
        if (text.IndexOf(" · ", p, Math.Min(lineEnd - p, 34), StringComparison.Ordinal) is var agedDot and > 0 && RelativeTimeEnd(text, agedDot + 3, lineEnd) > 0
            && (CommentHandle(text, p, agedDot) ?? DisplayName(text, p, agedDot)) is { } agedWriter)
        {
            return (agedWriter.Start, agedWriter.End, true);
        }

        // Instagram's messages copied as a handle, a middle dot and the talk (bamrun.captain · 오늘 코스 …, [DM] film_minseo · …):
        // a speaker where such lines make a conversation.
        if (DotSpeaker(text, p, lineEnd) is { } dotted)
        {
            return (dotted.Start, dotted.End, false);
        }

        // LINE's saved talk: the time, a tab, the name, a tab and the talk (08:15	みさき	14時半!); a speaker only where such
        // lines make a conversation (Speakers), since a timetable's rows look the same.
        if (TabbedSpeaker(text, p, lineEnd) is { } tabbed)
        {
            return (tabbed.Start, tabbed.End, false);
        }

        // (Or with spaces, a Japanese or Chinese name: 10:05 田中由美 皆さん….)
        if (TimedCjkSpeaker(text, p, lineEnd) is { } timedCjk)
        {
            return (timedCjk.Start, timedCjk.End, false);
        }

        // (Or a Chinese name and a colon alone, the time on a line of its own above: 金英花：姐妹们…, 王姐🌸：谢谢.)
        if (CjkColonSpeaker(text, p, lineEnd) is { } cjkColon)
        {
            return (cjkColon.Start, cjkColon.End, false);
        }

        // Messenger's copy: the day of the week, the time, a dash, the name and a colon (Sat 9:07 PM — Mary Grace Tolentino: …).
        if (WeekdaySpeaker(text, p, lineEnd) is { } weekday)
        {
            return (weekday.Start, weekday.End, true);
        }

        // A chat copied with the name, the time and the talk on one line (여보민 오후 9:03 황선재? 키 큰?).
        // (A handle of Latin letters with a dot or an underscore, a 12-hour time and a colon, as Instagram's messages are copied,
        // names its writer for certain: haein.t 오전 10:12: …; the account's own side may keep its @: @mujin.ink 오전 10:40: ….)
        var at = Context.At(text, p) == '@' && Context.IsAsciiLetter(Context.At(text, p + 1)) ? p + 1 : p;
        if (SpeakerBeforeClock(text, at, lineEnd) is { } beforeClock && InstagramHandle(text, beforeClock.Start, beforeClock.End, lineEnd) is var instagram
            && (at == p || instagram))
        {
            return (beforeClock.Start, beforeClock.End, instagram);
        }

        // A Chinese family chat's header in brackets, perhaps after a kinship word ([外婆 刘秀英] 07:45).
        if (p < lineEnd && text[p] == '[' && HanSpeakerHeader(text, p, lineEnd) is { } hanBracketed)
        {
            return (hanBracketed.Start, hanBracketed.End, true);
        }

        (int Start, int End)? bracketName = null;
        var (clockInBrackets, direct, fanTagged, messageStamp, messageTag) = (false, false, false, false, false);
        if (p < lineEnd && text[p] == '[')
        {
            var close = text.IndexOf(']', p, lineEnd - p);
            if (close < 0 || close - p > 24)
            {
                return null;
            }

            // (A stream's chat may open a viewer's line with the fan's rank in brackets, as a time opens others: [열혈팬]
            // 간장종지(soysauce_01) : ….)
            fanTagged = s_fanRankLookup.Contains(text.AsSpan(p + 1, close - p - 1));

            // (The app a message came through may tag the line before the export's slot: [카톡] [보람보람🌸] [오후 6:15] ….)
            if (close + 2 < lineEnd && text[close + 1] == ' ' && text[close + 2] == '[' && s_channelTags.Contains(text.AsSpan(p + 1, close - p - 1))
                && text.IndexOf(']', close + 2, lineEnd - close - 2) is var slotClose and > 0 && slotClose - close - 2 <= 24
                && BracketedSpeaker(text, close + 3, slotClose, lineEnd) is { } tagged)
            {
                return (tagged.Start, tagged.End, true);
            }

            // A direct message copied with its direction, the writer's own side as 나 ([나 → boram.koo] 보람님~ …, [민지 → 나]):
            // the other side is a person.
            if (DirectMessagePeer(text, p + 1, close) is { } peer)
            {
                return (peer.Start, peer.End, true);
            }

            // A market's chat copied with the name and the time in one bracket, the talk after it ([딸기우유좋아 오후 2:14]
            // 안녕하세요 …, [하얀목련🤍 토 오후 4:41] …): the name, as an export's slot holds it.
            if (NameBeforeClock(text, p + 1, close) is { } clocked && Context.At(text, close + 1) == ' ')
            {
                return (clocked.Start, clocked.End, true);
            }

            // A chat copied with the name in brackets and the time after it, no bracket around the time ([콩알맘될사람] 오전
            // 9:15 선생님~ …, [Coach Marcus] 오후 8:40 …): the slot's name, where another line opens the same way.
            if (Context.At(text, close + 1) == ' ' && Context.At(text, close + 2) == '오' && ClockEnd(text, close + 2, lineEnd) is var clocked12 and > 0
                && Context.At(text, clocked12) == ' ' && clocked12 + 1 < lineEnd
                && text.AsSpan(clocked12, Math.Min(20, lineEnd - clocked12)).IndexOfAny(':', '：') < 0
                && ExportSlotName(text, p + 1, close) is { } slot && !IsRoleOrTag(text.AsSpan(slot.Start, slot.End - slot.Start))
                && !IsMessageKind(text.AsSpan(slot.Start, slot.End - slot.Start))
                && BracketClockLineBesides(text, lineStart))
            {
                return (slot.Start, slot.End, true);
            }

            // A messenger's export on a computer puts the speaker in brackets before the time: [권나래] [오후 9:48] ….
            if (BracketedSpeaker(text, p + 1, close, lineEnd) is { } bracketed)
            {
                return (bracketed.Start, bracketed.End, true);
            }

            // A game's chat log: the channel, the character in brackets glued to it and the time ([혈맹][청풍군주] 21:00 …,
            // a whisper's sender first: [귓속말][루나틱 → 청풍군주] 21:15 …).
            if (ChannelSpeaker(text, p + 1, close, lineEnd) is { } character)
            {
                return (character.Start, character.End, true);
            }

            // A chat copied from an app keeps the speaker in brackets before the talk ([봄날이] 네 안녕하세요); such a
            // bracket is a speaker only where it opens several lines (Speakers), since notices tag their lines the same way,
            // and a board's name is none ([자유게시판] 충전구역에 …).
            // The bracket may hold a nickname that ends with a title ([골목대장] 저요, [겜돌이회장]: 엔트리 …), as an export's
            // speaker slot does.
            var talk = close + 1 < lineEnd && text[close + 1] is ':' or '：' ? close + 2 : close + 1;
            if (talk + 1 < lineEnd && text[talk] == ' ' && text[talk + 1] is not ('[' or ' ')
                && (DisplayName(text, p + 1, close) ?? ExportedNickname(text, p + 1, close) ?? MixedBracketHandle(text, p + 1, close)) is { } name
                && !(name.End - name.Start >= 4 && s_organisationEnds.Contains(text[name.End - 1]))
                && !EndsWithBoardTag(text.AsSpan(name.Start, name.End - name.Start)))
            {
                bracketName = name;
            }

            // (A direct message's tag, [DM] hyemin.kwon: …, opens the writer's line as an export's slot does.)
            direct = text.AsSpan(p + 1, close - p - 1) is "DM" or "디엠" || text.AsSpan(p + 1, close - p - 1).EndsWith(" DM", StringComparison.Ordinal);
            messageTag = direct || IsMessageKind(text.AsSpan(p + 1, close - p - 1)) || text.AsSpan(p + 1, close - p - 1).EndsWith(" 상담", StringComparison.Ordinal);

            // (A streaming site's log marks the line's kind with an emoji after the time: [21:03:40] 🎙️ 노을빛하루: ….)
            // (So does a server's export with the date before the time: [2025. 5. 14. 23:02] 초코송이🍫: ….)
            // (Or the month and the day alone, as a WeChat copy writes them: [06-12 08:03] 延吉大姐: ….)
            clockInBrackets = Context.IsDigit(text[close - 1]) && (ClockEnd(text, SkipSpaces(text, p + 1, close), close) > 0
                || DateEnd(text, p + 1, close) is var bracketDate && bracketDate > p + 1 && ClockEnd(text, bracketDate, close) > 0
                || MonthSlashDayEnd(text, p + 1, close, '-') is var monthDay and > 0 && ClockEnd(text, monthDay, close) > 0)
                // (Or the weekday or the day and the month before a 12- or 24-hour time: [Mon 11:30 AM] …, [14/09 20:11] ….)
                || WeekdayOrDayMonthClock(text, p + 1, close);

            // (A message log's record names the message's kind before its time, [문자 2025. 3. 21. 10:15] 하르방사랑: …, [문자 오후
            // 9:41] …: the writer after it is named for certain, as an export's slot names it.)
            if (!clockInBrackets && Context.IsDigit(text[close - 1]) && text.IndexOf(' ', p + 1, close - p - 1) is var kindEnd and > 0
                && IsMessageKind(text.AsSpan(p + 1, kindEnd - p - 1)) && SkipSpaces(text, kindEnd + 1, close) is var stampAt
                && (ClockEnd(text, stampAt, close) == close || DateEnd(text, stampAt, close) is var stampDate && stampDate > stampAt && ClockEnd(text, stampDate, close) == close))
            {
                (clockInBrackets, messageStamp) = (true, true);
            }
            p = SkipSpaces(text, close + 1, lineEnd);
            if (clockInBrackets && Decoration(text, p, lineEnd) is var marked && marked > p)
            {
                p = SkipSpaces(text, marked, lineEnd);
            }

            // A channel's copy puts the speaker in brackets after the time, the talk after it with no colon ([오후 9:12]
            // [bora_0312] 실장님 내일 …, [오후 10:03] [윤아딸기] 엄마 …): a speaker where such lines make a conversation.
            if (clockInBrackets && p < lineEnd && text[p] == '[' && text.IndexOf(']', p, Math.Min(24, lineEnd - p)) is var slotEnd and > 0
                && Context.At(text, slotEnd + 1) == ' ' && SkipSpaces(text, slotEnd + 1, lineEnd) is var talkStart && talkStart < lineEnd && text[talkStart] is not ('[' or '(' or ':')
                && text.AsSpan(talkStart, Math.Min(16, lineEnd - talkStart)).IndexOfAny(':', '：') < 0
                && (DisplayName(text, p + 1, slotEnd) ?? ExportedNickname(text, p + 1, slotEnd) ?? MixedBracketHandle(text, p + 1, slotEnd)) is { } slotted
                && !s_channelTags.Contains(text.AsSpan(slotted.Start, slotted.End - slotted.Start)))
            {
                return (slotted.Start, slotted.End, false);
            }

            // A game's or a community's chat log tags the channel in brackets after the time ([21:06][길드] 달빛검객: …).
            if (p < lineEnd && text[p] == '[' && text.IndexOf(']', p, Math.Min(8, lineEnd - p)) is var tagEnd and > 0 && tagEnd - p >= 2
                && !text.AsSpan(p + 1, tagEnd - p - 1).ContainsAnyExceptInRange('\uAC00', '\uD7A3') && Context.IsDigit(text[close - 1]))
            {
                p = SkipSpaces(text, tagEnd + 1, lineEnd);
            }
        }

        // (After a message's tag, the writer, the date, the time and a colon name the writer for certain: [인스타그램 DM]
        // sophie.in.seoul 2025-07-09 09:05: …, [카카오톡 채널 상담] 구아름 2025. 11. 13. 08:12: ….)
        if (messageTag && text.IndexOf(' ', p, Math.Min(lineEnd - p, 26)) is var stampGap and > 0 && Context.IsDigit(Context.At(text, stampGap + 1))
            && DatedClockEnd(text, stampGap + 1, lineEnd) is var stampEnd and > 0 && Context.At(text, stampEnd) == ':' && ReplyWriter(text, p, stampGap) is { } tagWriter)
        {
            return (tagWriter.Start, tagWriter.End, true);
        }

        // (Or the date and the time first, then the direction and the other side: [문자 수신] 2025-04-12 21:02 ← Grace Okafor: ….)
        if (messageTag && Context.IsDigit(Context.At(text, p)) && DatedClockEnd(text, p, lineEnd) is var arrowAt and > 0
            && text.AsSpan(arrowAt, Math.Min(3, lineEnd - arrowAt)) is " ← " or " → " && text.IndexOf(':', arrowAt + 3, Math.Min(30, lineEnd - arrowAt - 3)) is var sideEnd and > 0
            && ReplyWriter(text, arrowAt + 3, sideEnd) is { } side && !IsRoleOrTag(text.AsSpan(side.Start, side.End - side.Start)))
        {
            return (side.Start, side.End, true);
        }

        // (A message log may write the sender, an arrow and the recipient before the colon: [문자 오후 9:41] Grace Okafor → 코치:
        // …, 진혁 아빠 어상철 → 코치: …: the sender, named for certain.)
        if (clockInBrackets && ArrowSender(text, p, lineEnd) is { } sender)
        {
            return (sender.Start, sender.End, true);
        }

        // (A stream's log marks the streamer's own lines with BJ before the handle: BJ 먹깨비순돌 : ….)
        if (text.AsSpan(p, lineEnd - p).StartsWith("BJ ", StringComparison.Ordinal) && Context.IsHangulSyllable(Context.At(text, p + 3)))
        {
            (p, fanTagged) = (p + 3, true);
        }

        // A channel before the speaker, as chat exports write it (#잡담 | 여우비: …).
        if (p < lineEnd && text[p] == '#' && text.IndexOf('|', p, lineEnd - p) is var bar and > 0 && bar - p <= 16)
        {
            p = SkipSpaces(text, bar + 1, lineEnd);
        }

        // A phone's export: a date, the time and a comma, then the speaker's display name and " : " (the name may carry a
        // title or a company: 국은지 주임(○○세무회계) : …).
        if (ExportedSpeaker(text, p, lineEnd) is { } phone)
        {
            return (phone.Start, phone.End, true);
        }

        // WhatsApp's export: a date, a comma, the time, " - ", the name and a colon (12/25, 17:05 - Dilshod: Xo'p!).
        if (WhatsAppSpeaker(text, p, lineEnd) is { } whatsApp)
        {
            return (whatsApp.Start, whatsApp.End, true);
        }

        // A name in Chinese characters and a 24-hour time alone on the line, the message below (李春花 08:02), as chats of
        // Chinese-speaking residents are copied.
        if (HanSpeakerHeader(text, p, lineEnd) is { } han)
        {
            return (han.Start, han.End, true);
        }

        // Or with the month's day, the time and two spaces before the message on the same line (朴明玉 04-02 21:05  收到), as
        // WeChat's chat record is copied.
        if (HanTalkSpeaker(text, p, lineEnd) is { } hanTalk)
        {
            return (hanTalk.Start, hanTalk.End, true);
        }

        // Telegram's copy: the name, a comma and the date and time in brackets on a line of their own, the message below
        // (Азамат, [2025년 6월 9일 06:05], Sardor_91, [2025-03-13 06:07]).
        if (TelegramSpeaker(text, p, lineEnd) is { } telegram)
        {
            return (telegram.Start, telegram.End, true);
        }

        // A message log may put the date before the time (2025-04-19 04:52 민수: …); then the layout names a speaker for
        // certain, as a messenger's export does, when the word is a name's.
        var dated = DateEnd(text, p, lineEnd);
        var log = dated > p && ClockEnd(text, dated, lineEnd) > 0;
        p = log ? dated : p;

        // (So may a Chinese chat's copy, the display name in Chinese characters, perhaps with Latin letters or symbols, before
        // a colon, full-width or not: 2025년 9월 19일 20:14 王浩然：大家好 …, 阿杰：…, Leo张：…, 2025-07-26 07:05 延吉小妹🌷: …; or
        // after a time in brackets: [07:15] 金玉花: 我去 ….)
        var afterClock = log ? SkipTime(text, p, lineEnd) : clockInBrackets ? p : -1;
        if ((log ? afterClock > p : afterClock >= 0 && afterClock < lineEnd)
            && text.AsSpan(afterClock, Math.Min(16, lineEnd - afterClock)).IndexOfAny('：', ':') is var wideAt and >= 0 && afterClock + wideAt is var wide && wide + 1 < lineEnd
            && text.AsSpan(afterClock, wide - afterClock).ContainsAnyInRange('\u4E00', '\u9FFF') && !text.AsSpan(afterClock, wide - afterClock).ContainsAnyInRange('\uAC00', '\uD7A3')
            && (ExportSlotName(text, afterClock, wide) ?? CjkRun(text, afterClock, Undecorated(text, afterClock, wide))) is { } datedCjk)
        {
            return (datedCjk.Start, datedCjk.End, true);
        }

        // A time without brackets (오후 9:12 빵순이: …, 09:12 민지: …). After a time the talk may open with a number
        // (21:03 치즈냥: 5,000원 후원): a label's line has no time before it.
        var untimed = p;
        p = SkipTime(text, p, lineEnd);
        var timed = p > untimed || clockInBrackets || fanTagged;

        // (A phone's message log may say the message's direction after the time: 2025-01-02 오후 10:15 보냄 Grace Okafor: ….)
        if (log && p > untimed && text.AsSpan(p, Math.Min(3, lineEnd - p)) is "보냄 " or "받음 " or "수신 " or "발신 ")
        {
            p += 3;
        }

        // (A market's chat copied with the date and the time before the name in brackets and a colon: 2025. 11. 23. 오후 3:15
        // [하늘정비소]: 네 판매중입니다.)
        if (log && p > untimed && Context.At(text, p) == '[' && text.IndexOf("]:", p, Math.Min(26, lineEnd - p), StringComparison.Ordinal) is var datedClose and > 0
            && TalkFollows(text, datedClose + 1, lineEnd, spaceNeeded: false, timed: true) && ExportSlotName(text, p + 1, datedClose) is { } datedSlot
            && !IsRoleOrTag(text.AsSpan(datedSlot.Start, datedSlot.End - datedSlot.Start)))
        {
            return (datedSlot.Start, datedSlot.End, true);
        }

        // (A stream's log may put the handle in brackets after a time without brackets, the colon after them: 19:02:40
        // [龍虎바둑교실_원장]: ….)
        if (p > untimed && Context.At(text, p) == '[' && text.IndexOf("]:", p, Math.Min(26, lineEnd - p), StringComparison.Ordinal) is var handleClose and > 0
            && TalkFollows(text, handleClose + 1, lineEnd, spaceNeeded: false, timed: true) && !IsRoleOrTag(text.AsSpan(p + 1, handleClose - p - 1))
            && (ExportSlotName(text, p + 1, handleClose) ?? CommentHandle(text, p + 1, handleClose)) is { } timedHandle)
        {
            return (timedHandle.Start, timedHandle.End, false);
        }

        // (A stream's log tags the speaker's role in brackets after a time without brackets: 00:15:20 [매니저] 민트초코단: ….)
        if (p > untimed && Context.At(text, p) == '[' && text.IndexOf(']', p, Math.Min(8, lineEnd - p)) is var roleTag and > 0 && roleTag - p >= 3
            && IsRoleOrTag(text.AsSpan(p + 1, roleTag - p - 1)))
        {
            p = SkipSpaces(text, roleTag + 1, lineEnd);
        }
        else if (p > untimed && Context.At(text, p) == '[' && text.IndexOf(']', p, Math.Min(24, lineEnd - p)) is var tagClose and > 0
            && text.IndexOf(' ', p, tagClose - p) is var tagSpace and > 0 && text.AsSpan(p + 1, tagSpace - p - 1) is var tagWord
            && (IsRoleOrTag(tagWord) || tagWord is "채널"))
        {
            // (Or a paid message's tag with its amount, 21:04 [슈퍼챗 ₩10,000] 붕어빵아저씨88: …, before the speaker; or the
            // speaker's role and name in one bracket before the colon, 21:12 [모더레이터 덕배동생]: …, [채널 운영자 바다덕배]: ….)
            var rest = SkipSpaces(text, tagSpace + 1, tagClose);
            if (Context.At(text, rest) is '₩' or '$' or '¥' || Context.IsDigit(Context.At(text, rest)))
            {
                p = SkipSpaces(text, tagClose + 1, lineEnd);
            }
            else if (text.LastIndexOf(' ', tagClose - 1, tagClose - tagSpace) is var lastSpace && lastSpace >= tagSpace
                && RolesOnly(text, tagSpace + 1, lastSpace) && TalkFollows(text, tagClose + 1, lineEnd, spaceNeeded: false, timed: true)
                && (DisplayName(text, lastSpace + 1, tagClose) ?? ExportedNickname(text, lastSpace + 1, tagClose)) is { } staffName)
            {
                return (staffName.Start, staffName.End, false);
            }
        }

        // (A donation or a paid message in a live stream's chat names its giver before the amount: 💰 까망베르_ 님 5,000치즈: …,
        // [18:35] 💰 민트초코부장 ₩10,000 : ….)
        if (timed && DonationGiver(text, p, lineEnd) is { } giver)
        {
            return (giver.Start, giver.End, giver.Paid);
        }

        if (p < lineEnd && Context.IsAsciiLetter(text[p]))
        {
            // An English name before the Korean one, as company messengers show staff (Chloe 권소정: …): the Korean name speaks.
            if (EnglishThenKoreanName(text, p, lineEnd) is { } korean && TalkFollows(text, korean.End, lineEnd, spaceNeeded: false, timed))
            {
                return (korean.Start, korean.End, false);
            }

            return LatinSpeakerAt(text, p, lineEnd, timed) is { } latin ? (latin.Start, latin.End, direct || messageStamp)
                : MixedHandleEnd(text, p, lineEnd) is var mixed and > 0 && TalkFollows(text, mixed, lineEnd, spaceNeeded: false, timed) ? (p, mixed, false)
                : Bracketed(bracketName);
        }

        if (p < lineEnd && Context.IsCyrillicUpper(text[p]))
        {
            return CyrillicSpeakerAt(text, p, lineEnd, timed) is { } cyrillic ? (cyrillic.Start, cyrillic.End, false) : Bracketed(bracketName);
        }

        if (p < lineEnd && IndicOrSoutheastAsian(text[p]) != 0)
        {
            return ScriptSpeakerAt(text, p, lineEnd, timed) is { } script ? (script.Start, script.End, false) : Bracketed(bracketName);
        }

        // (A masked name's rest is no speaker: ○○여성의원: ….)
        if (p > lineStart && text[p - 1] == '○')
        {
            return Bracketed(bracketName);
        }

        // (A handle of three initial consonants after a time, as a server's members sign with their initials, [오후 10:31]
        // ㅇㅈㅇ: …, or of initials and digits, a stream's anonymous viewer: [일반] ㅇㅇ1234 : ….)
        if (timed && InitialsHandleEnd(text, p, lineEnd) is var initials and > 0 && TalkFollows(text, initials, lineEnd, spaceNeeded: false, timed))
        {
            return (p, initials, false);
        }

        var start = p;
        while (p < lineEnd && Context.IsHangulSyllable(text[p]))
        {
            p++;
        }

        var end = p;

        // (A stream's chat may put the speaker's role after the name, before the colon: 21:03:05 한밤의부엌 스트리머: …, perhaps
        // after the role's badge and the word 채널: 0:00:41 곰손키친 🔧채널 운영자: ….)
        if (timed && end - start is >= 2 and <= 10 && Context.At(text, end) == ' ' && text.IndexOf(':', end, Math.Min(14, lineEnd - end)) is var roleColon and > 0
            && text.AsSpan(Decoration(text, end + 1, roleColon), roleColon - Decoration(text, end + 1, roleColon)) is var roleAfter
            && (s_channelTags.Contains(roleAfter) || roleAfter.StartsWith("채널 ", StringComparison.Ordinal) && s_channelTags.Contains(roleAfter[3..]))
            && TalkFollows(text, roleColon, lineEnd, spaceNeeded: false, timed) && !NameGazetteer.IsCommonWord(text.AsSpan(start, end - start)) && !IsRoleWord(text.AsSpan(start, end - start)))
        {
            return (start, end, false);
        }

        // A role or relation before the speaker (상담사 보미: …, 구매자 찬호: …, 한별 아빠 홍석기: …): the last word speaks.
        for (var words = 0; words < 2 && Context.At(text, p) == ' ' && Context.IsHangulSyllable(Context.At(text, p + 1)); words++)
        {
            var role = text.AsSpan(start, end - start);
            if (!(IsRoleWord(role) || role is "아빠" or "엄마"))
            {
                break;
            }

            var next = p + 1;
            while (next < lineEnd && Context.IsHangulSyllable(text[next]))
            {
                next++;
            }

            // (What the party said is no name: 신청인 진술: …, 피신청인 주장: ….)
            if (IsStatementWord(text.AsSpan(p + 1, next - p - 1)))
            {
                break;
            }

            (start, end, p) = (p + 1, next, next);
        }

        // A nickname of two words after a time (오후 2:35 요리조리 쿠킹샘: …) speaks where it speaks again on another line
        // (an agenda's items after their times, 오후 2:00 전체 회의: …, are not repeated), and so does a name before a title.
        if (timed && TwoWordNickname(text, start, end, lineEnd) is { } nickname)
        {
            return (nickname.Start, nickname.End, false);
        }

        // A handle of Hangul and two to four digits (해피맘22, 민트초코99) speaks under the whole handle; a numbered item
        // (사례1:, 질문 2:) has one digit, or a word that is no handle's.
        var digits = p;
        while (digits < lineEnd && Context.IsDigit(text[digits]) && digits - p < 4)
        {
            digits++;
        }

        if (digits - p >= 2 && !Context.IsDigit(Context.At(text, digits)) && TalkFollows(text, digits, lineEnd, spaceNeeded: true, timed))
        {
            var hangul = text.AsSpan(start, end - start);
            return hangul.Length is >= 3 and <= 6 || hangul.Length == 2 && AllGivenSyllables(hangul)
                ? NameGazetteer.IsCommonWord(hangul) || IsFormWord(hangul) ? Bracketed(bracketName) : (start, digits, false)
                : Bracketed(bracketName);
        }

        // A handle's tail: an underscore and letters, digits or syllables (하얀늑대_Kr, 한결_스터디장), or symbols that
        // decorate it (쭈꾸미🐙), left out.
        if (end - start >= 2 && Context.At(text, p) == '_' && (Context.IsAsciiLetter(Context.At(text, p + 1)) || Context.IsHangulSyllable(Context.At(text, p + 1))))
        {
            p++;
            while (p < lineEnd && p - end <= 8 && (Context.IsAsciiLetter(text[p]) || Context.IsDigit(text[p]) || Context.IsHangulSyllable(text[p])))
            {
                p++;
            }

            end = p;
        }
        else if (end - start >= 2 && p + 1 < lineEnd && char.IsHighSurrogate(text[p]) && char.IsLowSurrogate(text[p + 1]))
        {
            p += 2;
        }
        else if (timed && (end - start >= 3 || end - start == 2 && Context.IsLatinUpper(Context.At(text, p + 1))) && Context.IsLatinUpper(Context.At(text, p)))
        {
            // (Or a capital letter or two after a timed handle of Hangul, which the handle keeps: [오후 3:12] 초보골퍼J: …; two
            // after two syllables, a server's role glued to the nickname, perhaps before its badge: [오후 8:02] 유령GM 🎲: ….)
            var tail = p;
            while (tail < lineEnd && tail - p < 2 && Context.IsLatinUpper(text[tail]))
            {
                tail++;
            }

            if (TalkFollows(text, tail, lineEnd, spaceNeeded: false, timed))
            {
                (p, end) = (tail, tail);
            }
        }

        // A role in brackets between the speaker and the colon, as a community's or a game server's log writes its staff
        // (블록장인 (운영자): …, 달빛여우(부운영자): …).
        // (After a time a handle may be longer, a phrase of a nickname: [오후 3:20] 피아노치는고양이: ….)
        p = RoleInBracketsEnd(text, p, lineEnd, timed);
        var longest = timed ? 10 : 6;
        if ((end - start < 2 || end - start > longest) && !(end - start <= 12 && text.AsSpan(start, end - start).Contains('_')) || !TalkFollows(text, p, lineEnd, spaceNeeded: false, timed))
        {
            return Bracketed(bracketName);
        }

        foreach (var kin in (ReadOnlySpan<string>)["언니", "오빠", "누나", "엄마", "아빠", "맘", "님", "씨", "형"])
        {
            if (end - start - kin.Length >= 2 && text.AsSpan(start, end - start).EndsWith(kin, StringComparison.Ordinal))
            {
                end -= kin.Length;
                break;
            }
        }

        // A title or staff word glued after a handle or a name (은숙총무:, 겜돌이회장: …) is left out too, and a relation after a
        // given name or a name; a handle keeps a relation's syllables (에일장인, 드리프트장인: 장인 as a master).
        if (end - start is 4 or 5 && (IsRelationWord(text.AsSpan(end - 2, 2))
                ? end - start == 4 && AllGivenSyllables(text.AsSpan(start, 2)) || end - start == 5 && KoreanNameShaped(text, start, start + 3)
                : PrivateContext.IsContextWord(text.AsSpan(end - 2, 2)) || Person.IsTitleOrRole(text.AsSpan(end - 2, 2))))
        {
            end -= 2;
        }

        // Two to four syllables (a name), or five or six (a handle: 오리너구리, 햇볕쬐는고양이 is longer) that is no common word.
        var word = text.AsSpan(start, end - start);
        // (A message log's direction is no speaker: [23:20] 발신: …, [23:41] 수신: ….)
        return (word.Length < 2 || word.Length > longest) && !(word.Length <= 12 && word.Contains('_')) || word.Length > 4 && NameGazetteer.IsCommonWord(word) || PrivateContext.IsContextWord(word) || PrivateContext.IsFieldWord(word)
            || s_channelTags.Contains(word) || IsTitleAlone(word) || log && !LogSpeakerName(text, start, end) && !(word.Length >= 4 && LogHandleAgain(text, start, end, lineStart))
            || messageStamp && (NameGazetteer.IsCommonWord(word) || IsFormWord(word))
            ? Bracketed(bracketName) : (start, end, log || messageStamp);

        static (int Start, int End, bool Exported)? Bracketed((int Start, int End)? name) => name is { } n ? (n.Start, n.End, false) : null;

        // (A title or a role alone speaks for no one by name, 기사: 네 사장님; a handle may end with one, 둥둥이매니저.)
        static bool IsTitleAlone(ReadOnlySpan<char> word) =>
            IsRoleWord(word) && Person.TitleEndingLength(word) is var title && (title == 0 || title == word.Length);

        // (Whether every word between start and end, none at all too, is a role word: 운영자 in [채널 운영자 바다덕배].)
        static bool RolesOnly(string text, int start, int end)
        {
            foreach (var range in text.AsSpan(start, Math.Max(0, end - start)).Split(' '))
            {
                var word = text.AsSpan(start + range.Start.Value, range.End.Value - range.Start.Value);
                if (!word.IsEmpty && !IsRoleOrTag(word))
                {
                    return false;
                }
            }

            return true;
        }

        // (Or by a handle of four syllables or more that opens another dated line with its colon too, as a market's chat
        // copies both sides: 2025. 11. 23. 오후 3:15 하늘정비소: …; a schedule's items are not repeated.)
        static bool LogHandleAgain(string text, int start, int end, int lineStart)
        {
            var colon = text.AsSpan(start, end - start).ToString() + ":";
            for (var at = text.IndexOf(colon, StringComparison.Ordinal); at >= 0; at = text.IndexOf(colon, at + 1, StringComparison.Ordinal))
            {
                var ls = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
                if (ls != lineStart && at > ls && text[at - 1] == ' ' && Context.IsDigit(text[ls]) && !Context.IsHangulSyllable(Context.At(text, at - 2)))
                {
                    return true;
                }
            }

            return false;
        }

        // (A dated log names its speaker for certain only by a name: a Korean name's shape, given-name syllables or a
        // foreign name word; a schedule's 발표:, 점검: opens its lines the same way.)
        static bool LogSpeakerName(string text, int start, int end)
        {
            var word = text.AsSpan(start, end - start);
            return !IsFormWord(word) && !NameGazetteer.IsCommonWord(word)
                && (KoreanNameShaped(text, start, end) || word.Length <= 3 && AllGivenSyllables(word) || Person.IsForeignNameWord(word));
        }
    }

    /// <summary>
    /// The end of a handle that joins Latin letters and Hangul at <paramref name="p"/> (<c>DP장인</c>, <c>Rustam_대리</c>,
    /// <c>K팝러버</c>, <c>xX탑솔장인Xx</c>): one to twelve letters or digits, an underscore or not, one to six syllables, then up
    /// to four letters or digits; 0 where there is none.
    /// </summary>
    private static int MixedHandleEnd(string text, int p, int lineEnd)
    {
        var q = p;
        while (q < lineEnd && q - p < 12 && (Context.IsAsciiLetter(text[q]) || Context.IsDigit(text[q])))
        {
            q++;
        }

        q += Context.At(text, q) == '_' ? 1 : 0;
        var h = q;
        while (h < lineEnd && h - q < 7 && Context.IsHangulSyllable(text[h]))
        {
            h++;
        }

        if (h - q is < 1 or > 6)
        {
            return 0;
        }

        // (Letters may close it as they open it, up to four: xX탑솔장인Xx.)
        var tail = h;
        while (tail < lineEnd && tail - h < 4 && (Context.IsAsciiLetter(text[tail]) || Context.IsDigit(text[tail])))
        {
            tail++;
        }

        return tail < lineEnd && (Context.IsAsciiLetter(text[tail]) || Context.IsDigit(text[tail])) ? 0 : tail;
    }

    /// <summary>
    /// The writer of a comment at <paramref name="p"/> written before the year's date and the time, the comment after one
    /// space (<c>캠핑하는곰돌이 2025년 6월 27일 21:30 넵!</c>, <c>달빛타프 2025. 9. 17. 22:10 가람님 …</c>); null otherwise.
    /// </summary>
    private static (int Start, int End)? DatedWriter(string text, int p, int lineEnd) =>
        text.IndexOf(' ', p, Math.Min(lineEnd - p, 24)) is var gap and > 0 && Context.IsDigit(Context.At(text, gap + 1))
        && DatedClockEnd(text, gap + 1, lineEnd) is var clock and > 0 && Context.At(text, clock) == ' '
        && clock + 1 < lineEnd && text[clock + 1] != ' ' ? ReplyWriter(text, p, gap) : null;

    /// <summary>
    /// The sender of a message line at <paramref name="p"/> written as the sender, an arrow and the recipient before a colon
    /// (<c>Grace Okafor → 코치: …</c>, <c>시우맘 남희수 → 코치: …</c>): a full name in Latin letters, the last word where it has a
    /// Korean name's shape (a role or a relation before it), or one word alone: a given name of common given-name syllables,
    /// a listed Latin given name or a handle; null otherwise.
    /// </summary>
    private static (int Start, int End)? ArrowSender(string text, int p, int lineEnd)
    {
        if (text.IndexOf(" → ", p, Math.Min(32, lineEnd - p), StringComparison.Ordinal) is not (var arrow and > 0)
            || text.AsSpan(arrow + 3, Math.Min(24, lineEnd - arrow - 3)).IndexOfAny(':', '：') is not (var colon and > 0)
            || !TalkFollows(text, arrow + 3 + colon, lineEnd, spaceNeeded: false, timed: true))
        {
            return null;
        }

        var segment = text.AsSpan(p, arrow - p);
        if (IsLatinName(segment))
        {
            return (p, arrow);
        }

        // (A shop's phone or a masked shop speaks for no one: 가게폰 → 채유리, ○○안경 → 한결 고객님; nor does a title alone,
        // 관장 → 시우 어머님.)
        var last = segment.LastIndexOf(' ') + 1;
        var word = segment[last..];
        return segment.Contains('○') || word.IsEmpty || word[^1] == '폰' ? null
            : Context.IsAsciiLetter(word[0]) ? last == 0 && (ListedGiven(word) || IsHandle(word)) ? (p, arrow) : null
            : (KoreanNameShaped(text, p + last, arrow) || last == 0 && word.Length is 2 or 3 && AllGivenSyllables(word))
                && !NameGazetteer.IsCommonWord(word) && !IsRoleWord(word) && !Person.IsTitleOrRole(word) ? (p + last, arrow) : null;
    }

    /// <summary>
    /// The end of three initial consonants at <paramref name="p"/> that stand for a name (<c>ㅇㅈㅇ</c>, <c>ㄱㅁㅅ</c>), not
    /// laughter or a cry (<c>ㅋㅋㅋ</c>, <c>ㄷㄷㄷ</c>: one letter repeated, or only the letters of laughter), or of two or three
    /// initials and two to four digits (<c>ㅇㅇ1234</c>); 0 otherwise.
    /// </summary>
    private static int InitialsHandleEnd(string text, int p, int lineEnd)
    {
        // (Or initials and digits, a streaming site's or a board's anonymous handle: ㅇㅇ1234.)
        var initials = p;
        while (initials < lineEnd && initials - p < 3 && IsInitial(text[initials]))
        {
            initials++;
        }

        var digits = initials;
        while (digits < lineEnd && digits - initials < 5 && Context.IsDigit(text[digits]))
        {
            digits++;
        }

        if (initials - p >= 2 && digits - initials is >= 2 and <= 4 && !Context.IsDigit(Context.At(text, digits)))
        {
            return digits;
        }

        if (p + 3 > lineEnd || Context.IsHangulSyllable(Context.At(text, p + 3)) || IsInitial(Context.At(text, p + 3)))
        {
            return 0;
        }

        var (a, b, c) = (text[p], text[p + 1], text[p + 2]);
        return IsInitial(a) && IsInitial(b) && IsInitial(c) && !(a == b && b == c)
            && !(IsLaughter(a) && IsLaughter(b) && IsLaughter(c)) ? p + 3 : 0;

        // (The consonants of Hangul Compatibility Jamo, ㄱ to ㅎ; the laughter's and the shiver's, ㅋ ㅎ ㄷ.)
        static bool IsInitial(char ch) => ch is >= '\u3131' and <= '\u314E';
        static bool IsLaughter(char ch) => ch is 'ㅋ' or 'ㅎ' or 'ㄷ';
    }

    /// <summary>
    /// A Korean name after an English given name at <paramref name="p"/> (<c>Chloe 권소정</c>, <c>Daniel 한지후</c>): a
    /// capitalised word of three to twelve letters, one space, then a whole word of a Korean name's shape.
    /// </summary>
    private static (int Start, int End)? EnglishThenKoreanName(string text, int p, int lineEnd)
    {
        var q = p + 1;
        while (q < lineEnd && text[q] is >= 'a' and <= 'z')
        {
            q++;
        }

        if (!Context.IsLatinUpper(text[p]) || q - p is < 3 or > 12 || Context.At(text, q) != ' ' || !Context.IsHangulSyllable(Context.At(text, q + 1)))
        {
            return null;
        }

        var end = Context.HangulEnd(text, q + 1);
        return end <= lineEnd && KoreanNameShaped(text, q + 1, end) && !NameGazetteer.IsCommonWord(text.AsSpan(q + 1, end - q - 1)) ? (q + 1, end) : null;
    }

    /// <summary>
    /// The end of a role in brackets at <paramref name="p"/> (a space allowed before it): two to six Hangul syllables that
    /// are a role, title or channel word (운영자, 부운영자, 방장, 작가), perhaps after a team's Latin letters (CS팀장, QA매니저);
    /// or, on a line that opens with a time (<paramref name="timed"/>), as a workspace messenger shows a post, a word or two
    /// in Latin letters that opens with a capital (CTO, Backend, QA Lead); <paramref name="p"/> where there is none.
    /// </summary>
    private static int RoleInBracketsEnd(string text, int p, int lineEnd, bool timed = false)
    {
        // (A server's nickname may carry the role after a bar: [23:06] 노을 | 관리자: ….)
        if (timed && text.AsSpan(p, Math.Max(0, lineEnd - p)).StartsWith(" | ", StringComparison.Ordinal)
            && text.AsSpan(p + 3, Math.Min(12, lineEnd - p - 3)).IndexOfAny(':', '：') is var barColon and >= 2
            && text.AsSpan(p + 3, barColon).TrimEnd(' ') is var barRole
            && (IsRoleOrTag(barRole) || s_latinRoles.Contains(barRole)))
        {
            return p + 3 + barColon;
        }

        // (A streaming site's log writes the viewer's id in brackets after the nickname: [20:01:14] 자취요정루루(lulu_cook) : …,
        // [20:03:11] 쿡쿡민호 (cookcook_minho): ….)
        if (timed && IdInBracketsEnd(text, Context.At(text, p) == ' ' ? p + 1 : p, lineEnd) is var idEnd and > 0)
        {
            return idEnd;
        }

        // (A stream's chat sets the role in square brackets: 솜사탕나래 [스트리머]: ….)
        var open = Context.At(text, p) == ' ' ? p + 1 : p;
        if (Context.At(text, open) is not ('(' or '[') || text.IndexOf(text[open] == '(' ? ')' : ']', open, Math.Min(timed ? 17 : 9, lineEnd - open)) is not (var close and > 0))
        {
            return p;
        }

        var role = text.AsSpan(open + 1, close - open - 1);
        if (timed && role.Length >= 2 && Context.IsLatinUpper(role[0]) && !role.ContainsAnyExcept(s_latinRoleChars) && !role.EndsWith(" "))
        {
            return close + 1;
        }

        // (A team's letters before the post: CS팀장.)
        var team = 0;
        while (team < role.Length && team < 4 && Context.IsLatinUpper(role[team]))
        {
            team++;
        }

        role = role.Length - team >= 2 ? role[team..] : role;
        var deputy = role.Length > 2 && role[0] == '부' ? role[1..] : role;
        // (After a time, a team may stand there too: [09:21] 한결 (보안): …, 소재윤 (법무팀): ….)
        var department = timed && (role.Length >= 3 && role[^1] == '팀' || role is "보안" or "법무" or "인사" or "개발" or "디자인" or "마케팅" or "영업" or "재무" or "회계" or "기획" or "홍보" or "운영");
        return role.Length is >= 2 and <= 6 && !role.ContainsAnyExceptInRange('\uAC00', '\uD7A3')
            && (IsRoleOrTag(role) || IsRoleOrTag(deputy) || department) ? close + 1 : p;
    }

    /// <summary>
    /// The position after a viewer's id in brackets at <paramref name="open"/> (<c>(lulu_cook)</c>, <c>(mai0815)</c>: a handle of
    /// Latin letters with a digit, a dot or an underscore, three characters or more), as a streaming site's log writes it
    /// after the nickname; -1 otherwise.
    /// </summary>
    private static int IdInBracketsEnd(string text, int open, int lineEnd)
    {
        if (Context.At(text, open) != '(' || text.IndexOf(')', open, Math.Min(24, lineEnd - open)) is not (var close and > 0) || close - open < 4)
        {
            return -1;
        }

        var id = text.AsSpan(open + 1, close - open - 1);
        return LatinHandle(id) && !id.ContainsAnyExcept(s_handleChars) ? close + 1 : -1;
    }

    // What a post in Latin letters is written with (QA Lead, R&D, Ops/Infra, Front-end).
    private static readonly System.Buffers.SearchValues<char> s_latinRoleChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz &/-");

    /// <summary>
    /// The speaker of a line of WhatsApp's export at <paramref name="p"/>: a date of digits split by <c>/</c>, <c>.</c> or
    /// <c>-</c> (<c>2025. 12. 14.</c> as a Korean phone writes it) and a comma, or a year's date with no comma (<c>2025년 9월
    /// 21일</c>), a clock time (AM/PM or 오전/오후 allowed), <c> - </c>, then a display name of at most 30 characters before <c>: </c>.
    /// </summary>
    private static (int Start, int End)? WhatsAppSpeaker(string text, int p, int lineEnd)
    {
        var q = p;
        while (q < lineEnd && q - p < 14 && (Context.IsDigit(text[q]) || text[q] is '/' or '.' or '-' || text[q] == ' ' && q > p && text[q - 1] == '.' && Context.IsDigit(Context.At(text, q + 1))))
        {
            q++;
        }

        // (Some locales leave the comma out after a date with slashes: 02/06/25 04.02 - Bos Ha: ….)
        var spaced = q - p >= 6 && text.AsSpan(p, q - p).Count('/') == 2 && Context.At(text, q) == ' ' && Context.IsDigit(Context.At(text, q + 1));
        var clockAt = spaced ? q + 1 : q + 2;
        if (!spaced && (q - p < 4 || !text.AsSpan(p, q - p).ContainsAny('/', '.', '-') || !text.AsSpan(q, lineEnd - q).StartsWith(", ", StringComparison.Ordinal)))
        {
            // (A Korean phone's export writes the date its own way, with no comma: 2025. 2. 3. 06:20 - …, 2025년 9월 21일
            // 오후 6:15 - ….)
            // (Or with a comma after it: 2025년 2월 6일, 21:15 - ….)
            clockAt = DateEnd(text, p, lineEnd);
            // (No date read leaves the position at the line's start, where a comma may stand too: , 윤상현 ….)
            clockAt = clockAt > p && Context.At(text, clockAt) == ',' && Context.At(text, clockAt + 1) == ' ' && text[clockAt - 1] == '일' ? clockAt + 2 : clockAt;
            if (clockAt - p < 8 || text[clockAt - 1] != ' ')
            {
                return null;
            }
        }

        // (Some phones' locales write the time with a dot, 07.11, as Indonesian ones do.)
        var clock = ClockEnd(text, clockAt, lineEnd);
        // (The date's reading may have taken such a time as its day: then the time ends right before " - ".)
        if (clock < 0 && DotClockEnd(text, clockAt, lineEnd) is var dotted and > 0)
        {
            clock = dotted;
        }
        else if (clock < 0 && text.IndexOf(" - ", p, Math.Min(lineEnd - p, clockAt - p + 3), StringComparison.Ordinal) is var dash and > 0
            && text.LastIndexOf(' ', dash - 1, Math.Min(6, dash - p)) is var before && before > p && DotClockEnd(text, before + 1, lineEnd) == dash)
        {
            clock = dash;
        }

        if (clock < 0)
        {
            return null;
        }

        var rest = text.AsSpan(clock, lineEnd - clock);
        var skip = rest.StartsWith(" AM", StringComparison.OrdinalIgnoreCase) || rest.StartsWith(" PM", StringComparison.OrdinalIgnoreCase) ? 3 : 0;
        if (!rest[skip..].StartsWith(" - ", StringComparison.Ordinal))
        {
            return null;
        }

        return NameBeforeColon(text, clock + skip + 3, lineEnd);
    }

    /// <summary>
    /// The speaker of a line that Facebook Messenger's copy opens with the day of the week, the time and a dash (<c>Sat 9:07
    /// PM — Mary Grace Tolentino: Dalhin …</c>, <c>Sun 6:41 AM - 김상철: …</c>): the display name before <c>: </c>, as an
    /// export's slot holds it (<see cref="NameBeforeColon"/>).
    /// </summary>
    private static (int Start, int End)? WeekdaySpeaker(string text, int p, int lineEnd)
    {
        if (lineEnd - p < 12 || !s_weekdays.Contains(text.AsSpan(p, 3)) || text[p + 3] != ' ' || ClockEnd(text, p + 4, lineEnd) is not (var clock and > 0))
        {
            return null;
        }

        var rest = text.AsSpan(clock, lineEnd - clock);
        var skip = rest.StartsWith(" AM", StringComparison.Ordinal) || rest.StartsWith(" PM", StringComparison.Ordinal) ? 3 : 0;
        return rest[skip..].StartsWith(" — ", StringComparison.Ordinal) || rest[skip..].StartsWith(" - ", StringComparison.Ordinal)
            ? NameBeforeColon(text, clock + skip + 3, lineEnd) : null;
    }

    // The days of the week as English apps abbreviate them before a time.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_weekdays =
        new HashSet<string>(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The display name at <paramref name="start"/> before <c>: </c> where an export's layout puts its speaker after the date
    /// and time: a slot's name (<see cref="ExportSlotName"/>), two to four capitalised Latin words, one capitalised Latin
    /// word, capitalised Cyrillic words, words of a script of their own, or a Chinese name; null otherwise.
    /// </summary>
    private static (int Start, int End)? NameBeforeColon(string text, int start, int lineEnd)
    {
        var colon = text.IndexOf(": ", start, Math.Min(lineEnd - start, 32), StringComparison.Ordinal);
        if (colon <= start)
        {
            return null;
        }

        // (The export's layout names a speaker for certain, as a messenger's slot does (阿朗, 미니 Mandy 🐰): one capitalised
        // word in Latin letters is a given name, Anjali; so are up to four, Mary Grace Tolentino.)
        var word = text.AsSpan(start, colon - start);
        if (ExportSlotName(text, start, colon) is { } name)
        {
            return name;
        }

        // (Or capitalised Cyrillic words, or words of a script of their own: Нұрлан, Ерлан Сейтқали, සුරේෂ්; or a Chinese
        // name as a speaker's slot holds one, 阿朗.)
        return word.Length is >= 3 and <= 20 && Context.IsLatinUpper(word[0]) && !word[1..].ContainsAnyExceptInRange('a', 'z') && !s_latinRoles.Contains(word)
            || LatinWordsName(word) || ScriptName(word) || word.Length is >= 2 and <= 4 && CjkWordEnd(text, start, colon) == colon && HanSpeakerOpening(text, start, colon, decorated: false)
            ? (start, colon) : null;
    }

    /// <summary>Two to four capitalised words of Latin letters (a hyphen inside a word allowed), none a role: a full name.</summary>
    private static bool LatinWordsName(ReadOnlySpan<char> name)
    {
        var words = 0;
        foreach (var range in name.Split(' '))
        {
            var w = name[range];
            if (w.Length < 2 || !Context.IsLatinUpper(w[0]) || w[1..].ContainsAnyExcept(s_lowerOrHyphen) || w[^1] == '-' || s_latinRoles.Contains(w))
            {
                return false;
            }

            words++;
        }

        return words is >= 2 and <= 4;
    }

    private static readonly System.Buffers.SearchValues<char> s_lowerOrHyphen = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz-");

    /// <summary>
    /// A display name of one to three words in a script other than Latin, Hangul and Chinese, as an export's slot holds it:
    /// capitalised Cyrillic words (<c>Нұрлан</c>, <c>Ерлан Сейтқали</c>), words of one Indic or South-East Asian script
    /// (<c>සුරේෂ්</c>, <c>สมชาย</c>) or of the Arabic script as Arabic, Persian and Urdu write it (<c>نوید اختر</c>).
    /// </summary>
    private static bool ScriptName(ReadOnlySpan<char> name)
    {
        var words = 0;
        foreach (var range in name.Split(' '))
        {
            var w = name[range];
            var cyrillic = w.Length >= 2 && Context.IsCyrillicUpper(w[0]) && IsLowerCyrillic(w[1..]);
            var script = w.Length >= 2 && IndicOrSoutheastAsian(w[0]) is var block and not 0 && AllOfScript(w, block);
            var arabic = w.Length >= 2 && IsArabicLetterOrMark(w[0]) && !w.ContainsAnyExcept(s_arabicLetters);
            if (!(cyrillic || script || arabic) || ++words > 3)
            {
                return false;
            }
        }

        return words > 0;

        static bool IsLowerCyrillic(ReadOnlySpan<char> w)
        {
            foreach (var c in w)
            {
                if (!Context.IsCyrillicLetter(c) || char.IsUpper(c))
                {
                    return false;
                }
            }

            return true;
        }

        static bool AllOfScript(ReadOnlySpan<char> w, int block)
        {
            foreach (var c in w)
            {
                if (IndicOrSoutheastAsian(c) != block)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// The speaker of a header line of a copied chat in Chinese characters (<c>李春花 08:02</c>, the message on the next
    /// line): two or three characters, the first a surname's, spaces, a date or none and a 24-hour time alone on the line, followed by a
    /// message line, with another such header in the text (a schedule of Chinese words and times has no message lines).
    /// </summary>
    private static (int Start, int End)? HanSpeakerHeader(string text, int p, int lineEnd)
    {
        if (HanHeader(text, p, lineEnd) is not { End: > 0 } name)
        {
            return null;
        }

        var next = lineEnd + 1;
        var nextEnd = next < text.Length ? text.IndexOf('\n', next) is var n and >= 0 ? n : text.Length : -1;
        if (nextEnd < 0 || text.AsSpan(next, nextEnd - next).Trim(" \r\t").IsEmpty || HanHeader(text, next, nextEnd).End > 0)
        {
            return null;
        }

        return TwoLinesOpen(text, HanHeader) ? name : null;
    }

    /// <summary>Whether at least two lines of the text open with what <paramref name="header"/> reads (its end above 0).</summary>
    private static bool TwoLinesOpen(string text, Func<string, int, int, (int Start, int End)> header)
    {
        var headers = 0;
        for (var lineStart = 0; lineStart < text.Length && headers < 2;)
        {
            var end = text.IndexOf('\n', lineStart) is var e and >= 0 ? e : text.Length;
            headers += header(text, lineStart, end).End > 0 ? 1 : 0;
            lineStart = end + 1;
        }

        return headers >= 2;
    }

    /// <summary>
    /// The speaker of a line that opens with a name in Chinese characters (two or three, the first a surname's), a date or the
    /// month's day (<c>04-02</c>) or none, a 24-hour time and two spaces before the message (<c>朴明玉 04-02 21:05  收到👌</c>),
    /// with another such line in the text; null otherwise.
    /// </summary>
    private static (int Start, int End)? HanTalkSpeaker(string text, int p, int lineEnd)
    {
        if (HanTalkHeader(text, p, lineEnd) is not { End: > 0 } name)
        {
            return null;
        }

        return TwoLinesOpen(text, HanTalkHeader) ? name : null;

        static (int Start, int End) HanTalkHeader(string text, int p, int lineEnd)
        {
            if (p >= lineEnd || !IsHanSurname(text[p]))
            {
                return default;
            }

            var q = p;
            while (q < lineEnd && ScriptProfile.IsHan(text[q]))
            {
                q++;
            }

            if (q - p is not (2 or 3) || Context.At(text, q) != ' ')
            {
                return default;
            }

            var r = q + 1;
            r = MonthSlashDayEnd(text, r, lineEnd, '-') is var dashed and > 0 ? dashed : MonthSlashDayEnd(text, r, lineEnd) is var slashed and > 0 ? slashed : DateEnd(text, r, lineEnd);
            var clock = ClockEnd(text, r, lineEnd);
            return clock > 0 && clock + 2 < lineEnd && text[clock] == ' ' && text[clock + 1] == ' ' && text[clock + 2] != ' ' ? (p, q) : default;
        }
    }

    // Kinship words a family's chat puts before a name in its header (外婆 刘秀英 07:45), general Chinese.
    private static readonly string[] s_hanKin = ["外婆", "外公", "奶奶", "爷爷", "妈妈", "爸爸", "姐姐", "哥哥", "妹妹", "弟弟", "老公", "老婆", "舅舅", "姑姑", "阿姨"];

    // The name of a line that is only a name in Chinese characters and a 24-hour time ([王小雪 Xiaoxue] 07:50, 外婆 刘秀英
    // 07:45: in brackets, after a kinship word, with a Latin name after it), or default.
    private static (int Start, int End) HanHeader(string text, int p, int lineEnd)
    {
        var open = p < lineEnd && text[p] == '[';
        var start = open ? p + 1 : p;
        foreach (var kin in s_hanKin)
        {
            if (text.AsSpan(start, lineEnd - start).StartsWith(kin, StringComparison.Ordinal) && Context.At(text, start + kin.Length) == ' ')
            {
                start += kin.Length + 1;
                break;
            }
        }

        if (start >= lineEnd || !IsHanSurname(text[start]))
        {
            return default;
        }

        var q = start;
        while (q < lineEnd && ScriptProfile.IsHan(text[q]))
        {
            q++;
        }

        var r = q;
        if (Context.At(text, r) == ' ' && Context.IsAsciiLetter(Context.At(text, r + 1)))
        {
            r++;
            while (r < lineEnd && Context.IsAsciiLetter(text[r]))
            {
                r++;
            }
        }

        if (open && Context.At(text, r++) != ']')
        {
            return default;
        }

        // (One space or more, and a date may come before the time: 王思琪  2025년 6월 23일 21:03.)
        var end = Trim(text, r, lineEnd).End;
        var clock = SkipSpaces(text, r, end);
        return q - start is 2 or 3 && clock > r && ClockEnd(text, DateEnd(text, clock, end), end) == end ? (start, q) : default;
    }

    // What a date and a clock time are written with (2025년 6월 9일 오전 06:05, 13.03.2025 6:07 PM).
    private static readonly System.Buffers.SearchValues<char> s_stampChars = System.Buffers.SearchValues.Create("0123456789 .-/:,년월일오전후AMP");

    /// <summary>
    /// The speaker of a line copied from Telegram: a display name of one to three words (any letters, Cyrillic too, digits,
    /// <c>_</c> and <c>-</c>), a comma, and a date with a clock time in square brackets that ends the line (perhaps with a colon),
    /// or a clock time in brackets, a colon or a space and the talk (<c>Dilnoza Yusupova, [10:15]: …</c>, <c>Бекжан, [21:22] Нужен …</c>); a role in brackets or
    /// symbols may follow the name (<c>Сергей Пак (사장), [10:02]: …</c>, <c>Oyunaa 🌸, [2025. 1. 19. 21:20]:</c>). Null otherwise.
    /// </summary>
    private static (int Start, int End)? TelegramSpeaker(string text, int p, int lineEnd)
    {
        var end = Trim(text, p, lineEnd).End;

        var comma = text.IndexOf(", [", p, Math.Min(end - p, 40), StringComparison.Ordinal);
        if (comma <= p)
        {
            return null;
        }

        var close = text.IndexOf(']', comma + 3, end - comma - 3);
        // (The talk may follow the bracket after a colon or after a space alone: Бекжан, [21:22] Нужен ….)
        var talks = close > 0 && close + 2 < end && (text[close + 1] == ':' && text[close + 2] == ' ' || text[close + 1] == ' ' && text[close + 2] != ' ');
        if (close < 0 || close != end - 1 && !talks && !(close == end - 2 && text[close + 1] == ':'))
        {
            return null;
        }

        var stamp = text.AsSpan(comma + 3, close - comma - 3);
        var colon = stamp.IndexOf(':');
        if (stamp.Length is < 4 or > 32 || !talks && stamp.Length < 8 || colon < 1 || !Context.IsDigit(stamp[colon - 1]) || stamp.Count(':') > 2
            || stamp.ContainsAnyExcept(s_stampChars))
        {
            return null;
        }

        // (A role in brackets after the name: Сергей Пак (사장); or symbols that decorate it: Oyunaa 🌸.)
        var nameEnd = Trim(text, p, Undecorated(text, p, comma)).End;
        if (text[nameEnd - 1] == ')' && text.LastIndexOf(" (", nameEnd - 1, nameEnd - p, StringComparison.Ordinal) is var role and > 0 && role > p)
        {
            nameEnd = role;
        }

        var (words, q) = (1, p);
        for (; q < nameEnd; q++)
        {
            var c = text[q];
            words += c == ' ' ? 1 : 0;
            if (!(char.IsLetter(c) || Context.IsDigit(c) || c is '_' or '.' or ' ' or '-') || words > 3)
            {
                return null;
            }
        }

        return char.IsLetter(text[p]) ? (p, nameEnd) : null;
    }

    private static int SkipSpaces(string text, int p, int lineEnd)
    {
        while (p < lineEnd && text[p] == ' ')
        {
            p++;
        }

        return p;
    }

    /// <summary>
    /// The speaker of a line <c>[name] [오전|오후 H:MM] talk</c> (<c>[권나래] [오후 9:48] …</c>, <c>[변상철 부장] [오전 8:41] …</c>):
    /// the bracket's display name (<see cref="DisplayName"/>).
    /// </summary>
    private static (int Start, int End)? BracketedSpeaker(string text, int start, int close, int lineEnd)
    {
        // (A workspace's copy puts two spaces between and writes the time in English: [minseo.k]  [9:52 AM]  ….)
        var q = SkipSpaces(text, close + 1, lineEnd);
        var rest = text.AsSpan(q, lineEnd - q);
        if (rest.StartsWith("[오전 ", StringComparison.Ordinal) || rest.StartsWith("[오후 ", StringComparison.Ordinal))
        {
            return ClockEnd(text, q + 1, lineEnd) is var clock && (clock < 0 || Context.At(text, clock) != ']') ? null : ExportSlotName(text, start, close);
        }

        return rest.StartsWith("[", StringComparison.Ordinal) && ClockEnd(text, q + 1, lineEnd) is var english and > 0
            && text.AsSpan(english, lineEnd - english) is [' ', 'A' or 'P', 'M', ']', ..] ? ExportSlotName(text, start, close) : null;
    }

    /// <summary>
    /// The display name before a time of 오전 or 오후 that ends a bracket's inside (<c>딸기우유좋아 오후 2:14</c>, a weekday of
    /// one syllable between: <c>하얀목련🤍 토 오후 4:41</c>), as an export's slot would hold it; null otherwise.
    /// </summary>
    /// <summary>Whether a bracket's words say what kind of message follows (받은 문자, 보낸 메시지, 카톡 답장), not who sent it.</summary>
    private static bool IsMessageKind(ReadOnlySpan<char> words)
    {
        var space = words.LastIndexOf(' ');
        var last = words[(space + 1)..];

        // (With its direction after it: 문자 수신, 문자 발송.)
        if (space > 0 && last is "수신" or "발신" or "발송")
        {
            words = words[..space].TrimEnd(' ');
            last = words[(words.LastIndexOf(' ') + 1)..];
        }

        return last is "문자" or "메시지" or "메세지" or "카톡" or "답장" or "쪽지" or "메일" or "DM" or "알림";
    }

    /// <summary>
    /// Whether a line of <paramref name="text"/> other than the one at <paramref name="lineStart"/> opens with a bracket and
    /// a 12-hour time after it (<c>[카카오톡 채널 ○○의원] 오전 9:02 …</c>): the layout of a chat copied from a phone.
    /// </summary>
    private static bool BracketClockLineBesides(string text, int lineStart)
    {
        for (var ls = 0; ls < text.Length;)
        {
            var le = text.IndexOf('\n', ls);
            le = le < 0 ? text.Length : le;
            if (ls != lineStart && le - ls > 4 && text[ls] == '[' && text.IndexOf(']', ls, Math.Min(40, le - ls)) is var close and > 0
                && Context.At(text, close + 1) == ' ' && Context.At(text, close + 2) == '오' && ClockEnd(text, close + 2, le) > 0)
            {
                return true;
            }

            ls = le + 1;
        }

        return false;
    }

    // What a board's tag in brackets ends with (a board, a notice, a review, a question, a call for members: [정모공지],
    // [캠핑후기], [자유게시판]): general Korean of online boards, from knowledge.
    private static readonly string[] s_boardTagEnds = ["게시판", "공지", "후기", "질문", "모집", "정보", "나눔", "잡담"];

    /// <summary>Whether a bracket's word ends as a board's tag does (<c>정모공지</c>, <c>자유게시판</c>): then it names no writer.</summary>
    private static bool EndsWithBoardTag(ReadOnlySpan<char> word)
    {
        foreach (var end in s_boardTagEnds)
        {
            if (word.EndsWith(end, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The sender's field of a chat exported as CSV at <paramref name="p"/>: a date of digits, a comma, a time with seconds or
    /// without, a comma, then the sender (perhaps in quotes) up to the next comma, a display name of the export's slot; null
    /// otherwise.
    /// </summary>
    private static (int Start, int End)? CsvSender(string text, int p, int lineEnd)
    {
        if (p + 16 > lineEnd || !Context.IsDigit(text[p]) || text.IndexOf(',', p, Math.Min(12, lineEnd - p)) is not (var dateComma and > 0)
            || DateEnd(text, p, dateComma) is var date && date < dateComma - 1 || dateComma - p < 8)
        {
            return null;
        }

        var clock = ClockEnd(text, dateComma + 1, lineEnd);
        clock = WithSeconds(text, clock);
        if (clock < 0 || Context.At(text, clock) != ',' || text.IndexOf(',', clock + 1, Math.Min(34, lineEnd - clock - 1)) is not (var nameComma and > 0))
        {
            return null;
        }

        var (start, end) = (clock + 1, nameComma);
        if (Context.At(text, start) == '"' && text[end - 1] == '"')
        {
            (start, end) = (start + 1, end - 1);
        }

        return end - start >= 2 && !text.AsSpan(start, end - start).ContainsAnyInRange('0', '9') ? ExportSlotName(text, start, end) : null;
    }

    /// <summary>
    /// Whether a bracket from <paramref name="start"/> to <paramref name="close"/> holds a weekday's abbreviation or a day
    /// and a month with a slash before a 12- or 24-hour time (<c>Mon 11:30 AM</c>, <c>14/09 20:11</c>), as English and
    /// Vietnamese phones copy a chat.
    /// </summary>
    private static bool WeekdayOrDayMonthClock(string text, int start, int close)
    {
        var q = close - start >= 8 && text.AsSpan(start, 3) is "Mon" or "Tue" or "Wed" or "Thu" or "Fri" or "Sat" or "Sun" && text[start + 3] == ' '
            ? start + 4 : MonthSlashDayEnd(text, start, close);
        return q > 0 && WithHalfOfDay(text, ClockEnd(text, q, close), close) == close;
    }

    /// <summary>Past the seconds after a clock time that ends at <paramref name="clock"/> (<c>19:02</c><c>:40</c>); <paramref name="clock"/> itself when none follow or it is -1.</summary>
    private static int WithSeconds(string text, int clock) =>
        clock > 0 && Context.At(text, clock) == ':' && Context.IsDigit(Context.At(text, clock + 1)) && Context.IsDigit(Context.At(text, clock + 2)) ? clock + 3 : clock;

    /// <summary>Past an English half of the day after a clock time that ends at <paramref name="clock"/> (<c>9:02</c><c> AM</c>); <paramref name="clock"/> itself otherwise.</summary>
    private static int WithHalfOfDay(string text, int clock, int lineEnd) =>
        clock > 0 && text.AsSpan(clock, Math.Min(3, lineEnd - clock)) is " AM" or " PM" or " am" or " pm" ? clock + 3 : clock;

    /// <summary>
    /// Whether a bracket from <paramref name="start"/> to <paramref name="close"/> holds a clock time, perhaps after a few
    /// words of the day (<c>오후 3:02</c>, <c>다음 날 오전 11:40</c>, <c>이틀 뒤 오후 8:22</c>).
    /// </summary>
    private static bool BracketedClock(string text, int start, int close)
    {
        var inside = text.AsSpan(start, close - start);
        var half = Math.Max(inside.IndexOf("오전 ", StringComparison.Ordinal), inside.IndexOf("오후 ", StringComparison.Ordinal));
        var clock = half >= 0 ? start + half : start + inside.LastIndexOf(' ') + 1;
        var day = text.AsSpan(start, clock - start).Trim(' ');
        return clock - start <= 9 && !day.ContainsAnyExcept(s_dayWordChars) && ClockEnd(text, clock, close) == close;
    }

    // What the words of a day before a time are written with (다음 날, 이틀 뒤, 어제, 2일 후).
    private static readonly System.Buffers.SearchValues<char> s_dayWordChars = System.Buffers.SearchValues.Create("다음날이틀사흘뒤후어제오늘내일그저께모레0123456789일 ");

    /// <summary>
    /// The end of a year's date and a clock time at <paramref name="start"/> (<c>2025년 6월 27일 21:30</c>, <c>2025. 9. 17.
    /// 22:10</c>, <c>2025-03-05 오후 9:12</c>), the time after one space; -1 otherwise.
    /// </summary>
    private static int DatedClockEnd(string text, int start, int lineEnd)
    {
        for (var space = text.IndexOf(' ', start, Math.Min(lineEnd - start, 16)); space > start; space = text.IndexOf(' ', space + 1, Math.Min(lineEnd - space - 1, start + 16 - space)))
        {
            if (DateEnd(text, start, space) is var date && date >= space - 1 && date - start >= 8 && ClockEnd(text, space + 1, lineEnd) is var clock and > 0)
            {
                return clock;
            }

            if (space + 1 >= lineEnd || space + 1 >= start + 16)
            {
                break;
            }
        }

        return -1;
    }

    private static (int Start, int End)? NameBeforeClock(string text, int start, int close)
    {
        var half = text.AsSpan(start, close - start).LastIndexOf(" 오");
        if (half <= 0 || ClockEnd(text, start + half + 1, close) != close)
        {
            return null;
        }

        var nameEnd = start + half;
        nameEnd = nameEnd - start > 2 && text[nameEnd - 2] == ' ' && text[nameEnd - 1] is '월' or '화' or '수' or '목' or '금' or '토' or '일' ? nameEnd - 2 : nameEnd;

        // (A day before the time is no name: [토요일 오전 10:41], [오늘 오후 3:00].)
        var name = text.AsSpan(start, nameEnd - start).Trim(' ');
        return name.EndsWith("요일", StringComparison.Ordinal) || name is "오늘" or "어제" or "내일" or "그저께" or "모레" || DateLine(name)
            ? null : ExportSlotName(text, start, nameEnd);
    }

    /// <summary>One to six Chinese characters or kana between <paramref name="start"/> and <paramref name="end"/> and nothing else (阿杰, 小雨); null otherwise.</summary>
    private static (int Start, int End)? CjkRun(string text, int start, int end)
    {
        (start, end) = Trim(text, start, end);
        return end - start is >= 1 and <= 6 && CjkWordEnd(text, start, end) == end ? (start, end) : null;
    }

    /// <summary>
    /// A guest's or a host's name on a booking app's message line (<see cref="SpeakerAt"/>): one capitalised word of Latin
    /// letters (Seonghee, Sophie) or one or two words of Chinese characters and kana (森 健); null otherwise.
    /// </summary>
    private static (int Start, int End)? BookedName(string text, int start, int end)
    {
        (start, end) = Trim(text, start, end);
        var word = text.AsSpan(start, end - start);
        var latin = word.Length is >= 3 and <= 15 && Context.IsLatinUpper(word[0]) && !word[1..].ContainsAnyExceptInRange('a', 'z') && !s_latinRoles.Contains(word)
            && !Person.IsEnglishNotName(word);
        var space = word.IndexOf(' ');
        var cjk = word.Length is >= 2 and <= 9 && (space < 0 ? CjkWordEnd(text, start, end) == end
            : word.LastIndexOf(' ') == space && CjkWordEnd(text, start, start + space) == start + space && CjkWordEnd(text, start + space + 1, end) == end);
        return latin || cjk ? (start, end) : null;
    }

    /// <summary>
    /// The nickname of a slot written as an open chat's rule of names asks (<c>석봄/B/94</c>, <c>왕코치/지도자/82</c>,
    /// <c>하늘/여/서울</c>): two or three parts split by <c>/</c>, the first a word of two to twelve letters or digits, the
    /// others short (at most five characters), one of them a year of birth (two or four digits) or a gender (남, 여, M, F);
    /// null otherwise.
    /// </summary>
    private static (int Start, int End)? SlashedNickname(string text, int start, int end)
    {
        (start, end) = Trim(text, start, end);
        var slot = text.AsSpan(start, end - start);
        var slash = slot.IndexOf('/');
        if (slash is < 2 or > 12 || slot.Count('/') > 2 || slot[..slash].ContainsAny(' ', '\t'))
        {
            return null;
        }

        var (marked, parts) = (false, 0);
        foreach (var range in slot[(slash + 1)..].Split('/'))
        {
            var part = slot[(slash + 1)..][range].Trim(' ');
            if (part.IsEmpty || part.Length > 5)
            {
                return null;
            }

            marked |= part.Length is 2 or 4 && !part.ContainsAnyExceptInRange('0', '9') || part is "남" or "여" or "M" or "F" or "m" or "f";
            parts++;
        }

        var name = slot[..slash];
        foreach (var c in name)
        {
            if (!(Context.IsHangulSyllable(c) || Context.IsAsciiLetter(c) || Context.IsDigit(c) || c == '_'))
            {
                return null;
            }
        }

        return marked && parts is 1 or 2 && !IsFormWord(name) && !s_channelTags.Contains(name) ? (start, start + slash) : null;
    }

    /// <summary>
    /// The display name in a messenger export's slot, which holds one for certain (<c>[권나래] [오후 9:48]</c>, <c>2025년 3월
    /// 23일 오후 3:15, Гульнора : …</c>): a display name, a nickname, a name in Chinese characters or kana, and the shapes only
    /// a slot makes a name (below).
    /// </summary>
    private static (int Start, int End)? ExportSlotName(string text, int start, int close)
    {
        // (An open chat's rule of names, the nickname and then the level, the gender or the year of birth after slashes:
        // [석봄/B/94], [왕코치/지도자/82], [하늘/여/서울]: the nickname.)
        if (SlashedNickname(text, start, close) is { } nickname)
        {
            return nickname;
        }

        // (Symbols that decorate a name in Chinese characters, kana or another script are left out: [ゆい🍓].)
        var bare = Undecorated(text, start, close);
        return DisplayName(text, start, close) ?? ExportedNickname(text, start, close) ?? CjkDisplayName(text, start, bare) ?? SlotName(text, start, bare)
            ?? AnySlotName(text, start, bare);

        // (The slot holds a display name for certain: two syllables are a name there too, [봉구], unless a tag's, a common
        // word, a form or relation word; so is a handle that joins words and digits with underscores, [49회_총무_나래],
        // unless a title or a role ends it, [상황실_실장]; and a name in two scripts or in Cyrillic.)
        static (int Start, int End)? SlotName(string text, int start, int end)
        {
            (start, end) = Trim(text, start, end);
            var word = text.AsSpan(start, end - start);
            var last = word[(word.LastIndexOf('_') + 1)..];
            if (word.Length is >= 4 and <= 24 && word.Contains('_') && word[0] != '_' && last.Length >= 2 && word.Count('_') <= 3 && IsHandleWithHangul(word)
                && word.ContainsAnyInRange('\uAC00', '\uD7A3') && !Person.IsTitleOrRole(last) && !IsFormWord(last) && !PrivateContext.IsContextWord(last))
            {
                return (start, end);
            }

            // (A name in two scripts, [Baagii 바기], [오유나 Oyuna], [リオ Rio], or in Cyrillic, [Энхжин].)
            if (word.IndexOf(' ') is var space and > 0 && word.LastIndexOf(' ') == space
                && (IsLatinName(word[..space]) && (IsSlotHangul(word[(space + 1)..]) || IsCjkWord(word[(space + 1)..]))
                    || (IsSlotHangul(word[..space]) || IsCjkWord(word[..space])) && IsLatinName(word[(space + 1)..])))
            {
                return (start, end);
            }

            if (word.Length is >= 2 and <= 20 && Context.IsCyrillicUpper(word[0]) && IsCyrillicWord(word[1..]))
            {
                return (start, end);
            }

            // (A nickname and the surname after it, as a volunteer group's members show themselves: [은빛샘 최].)
            if (word.IndexOf(' ') is var gap and >= 2 && gap == word.Length - 2 && NameGazetteer.SurnameRank(word[^1]) > 0 && gap <= 8
                && !word[..gap].ContainsAnyExceptInRange('\uAC00', '\uD7A3') && !NameGazetteer.IsCommonWord(word[..gap]) && !IsFormWord(word[..gap])
                && !IsRelationWord(word[..gap]) && !Person.IsTitleOrRole(word[..gap]) && !PrivateContext.IsContextWord(word[..gap]) && !s_channelTags.Contains(word[..gap]))
            {
                return (start, end);
            }

            // (A full name and the speaker's job after it, as a library's or a clinic's staff show themselves: [모해인 사서]: the
            // name.)
            if (word.Length is >= 6 and <= 7 && word[3] == ' ' && !word[..3].ContainsAnyExceptInRange('\uAC00', '\uD7A3')
                && !word[4..].ContainsAnyExceptInRange('\uAC00', '\uD7A3') && KoreanNameShaped(text, start, start + 3)
                && !NameGazetteer.IsCommonWord(word[..3]) && !IsDeskWord(word[..3]) && !KoreanNameShaped(text, start + 4, end))
            {
                return (start, start + 3);
            }

            // (A common word too where the chat calls it with 님 elsewhere: [망고] … 망고님 첫 참석 환영해요.)
            return word.Length == 2 && !word.ContainsAnyExceptInRange('\uAC00', '\uD7A3') && (!NameGazetteer.IsCommonWord(word) || CalledWithNim(text, word)) && !IsFormWord(word)
                && !IsRelationWord(word) && !s_channelTags.Contains(word) ? (start, end) : null;
        }

        static bool CalledWithNim(string text, ReadOnlySpan<char> word)
        {
            var called = string.Concat(word, "님");
            for (var at = text.IndexOf(called, StringComparison.Ordinal); at >= 0; at = text.IndexOf(called, at + called.Length, StringComparison.Ordinal))
            {
                if (!Context.IsHangulSyllable(Context.At(text, at - 1)) && !Context.IsHangulSyllable(Context.At(text, at + called.Length)))
                {
                    return true;
                }
            }

            return false;
        }

        // (The slot holds an account's display name whatever its words: a shop's or a nickname of two words, [순덕이네 전집],
        // a name in Han characters, perhaps with Latin letters, [小鹿林晓], after the room's role, [방장 阿杰Jay]. Where the
        // slot holds a name beside a word, [김정복 5톤], [채은솔 쌤], the name speaks, as the tagger finds it.)
        static (int Start, int End)? AnySlotName(string text, int start, int end)
        {
            (start, end) = Trim(text, start, end);
            // (A desk or a team before the name, as a dispatch room's staff are shown: [상황실 다래], [배차팀 은솔].)
            var space = text.IndexOf(' ', start, end - start);
            if (space > 0 && IsDeskWord(text.AsSpan(start, space - start)) && SkipSpaces(text, space + 1, end) is var after
                && text.AsSpan(after, end - after) is { Length: >= 2 and <= 4 } staffName && !staffName.ContainsAnyExceptInRange('\uAC00', '\uD7A3')
                && !IsRoleWord(staffName) && !IsFormWord(staffName) && !IsRelationWord(staffName))
            {
                return (after, end);
            }

            if (space > 0 && s_channelTags.Contains(text.AsSpan(start, space - start)))
            {
                start = SkipSpaces(text, space + 1, end);
            }

            var word = text.AsSpan(start, end - start);
            if (word.Length is < 2 or > 20 || s_channelTags.Contains(word))
            {
                return null;
            }

            var (han, latin) = (0, 0);
            foreach (var c in word)
            {
                if (!(ScriptProfile.IsHan(c) || Context.IsAsciiLetter(c)))
                {
                    han = -1;
                    break;
                }

                han += ScriptProfile.IsHan(c) ? 1 : 0;
                latin += Context.IsAsciiLetter(c) ? 1 : 0;
            }

            // (Two Han characters alone may be a place, [東京]; a nickname is longer or carries Latin letters.)
            if (han >= 2 && (latin > 0 || han >= 4))
            {
                return (start, end);
            }

            // (A name in a script of its own, Thai or Devanagari, [พี่ต้อย]: letters and their marks only.)
            if (OtherScriptName(word))
            {
                return (start, end);
            }

            var gap = word.IndexOf(' ');
            return gap >= 2 && word.Length - gap - 1 >= 2 && word.LastIndexOf(' ') == gap
                && !word[..gap].ContainsAnyExceptInRange('\uAC00', '\uD7A3') && !word[(gap + 1)..].ContainsAnyExceptInRange('\uAC00', '\uD7A3')
                && IsNicknameWord(text, start, start + gap) && IsNicknameWord(text, start + gap + 1, end) ? (start, end) : null;

            static bool IsNicknameWord(string text, int start, int end) =>
                text.AsSpan(start, end - start) is var w && !IsRoleWord(w) && !IsRelationWord(w) && !IsFormWord(w) && !KoreanNameShaped(text, start, end);
        }

        // (A room, desk or team of an office: 상황실, 배차팀, 민원과, 고객센터.)
        static bool IsDeskWord(ReadOnlySpan<char> w) =>
            w.Length is >= 2 and <= 5 && !w.ContainsAnyExceptInRange('\uAC00', '\uD7A3')
            && (w[^1] is '실' or '팀' or '과' || w.EndsWith("센터", StringComparison.Ordinal) || w.EndsWith("본부", StringComparison.Ordinal));

        static bool IsCjkWord(ReadOnlySpan<char> w)
        {
            foreach (var c in w)
            {
                if (!(ScriptProfile.IsHan(c) || IsKana(c)))
                {
                    return false;
                }
            }

            return w.Length is >= 1 and <= 6;
        }

        static bool IsSlotHangul(ReadOnlySpan<char> w) =>
            w.Length is >= 2 and <= 4 && !w.ContainsAnyExceptInRange('\uAC00', '\uD7A3') && !NameGazetteer.IsCommonWord(w) && !IsFormWord(w) && !IsRelationWord(w)
            && !s_channelTags.Contains(w);
    }

    /// <summary>Whether every character of <paramref name="w"/> is a lower-case Cyrillic letter (a name's rest after its capital).</summary>
    private static bool IsCyrillicWord(ReadOnlySpan<char> w)
    {
        foreach (var c in w)
        {
            if (!Context.IsCyrillicLetter(c) || char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether every character of <paramref name="word"/> is a handle's (<see cref="s_handleChars"/>) or a Hangul syllable.</summary>
    private static bool IsHandleWithHangul(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!s_handleChars.Contains(c) && !Context.IsHangulSyllable(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The other side of a direct message's direction in brackets (between <paramref name="start"/> and <paramref
    /// name="close"/>): <c>나 → boram.koo</c> or <c>민지 → 나</c>, a handle or a display name, not a channel's tag or a role.
    /// </summary>
    private static (int Start, int End)? DirectMessagePeer(string text, int start, int close)
    {
        var inner = text.AsSpan(start, close - start);
        var arrow = inner.IndexOfAny('→', '➡');
        if (arrow < 0)
        {
            return null;
        }

        var (peerStart, peerEnd) = inner[..arrow].Trim(' ') is "나" ? (start + arrow + 1, close) : inner[(arrow + 1)..].Trim(' ') is "나" ? (start, start + arrow) : (-1, -1);
        if (peerStart < 0)
        {
            return null;
        }

        (peerStart, peerEnd) = Trim(text, peerStart, peerEnd);
        var peer = text.AsSpan(peerStart, peerEnd - peerStart);
        return peer.Length is >= 2 and <= 20 && !s_channelTags.Contains(peer) && !IsFormWord(peer) && !IsRelationWord(peer) && !Person.IsTitleOrRole(peer)
            && (IsHandle(peer) || DisplayName(text, peerStart, peerEnd) is not null || ExportedNickname(text, peerStart, peerEnd) is not null || IsLatinName(peer))
            ? (peerStart, peerEnd) : null;
    }

    /// <summary>A word of letters and their marks in a script of its own (Thai, Devanagari, Myanmar: พี่ต้อย, သန္တာဝင်း), two letters or more.</summary>
    private static bool OtherScriptName(ReadOnlySpan<char> w)
    {
        var letters = 0;
        foreach (var c in w)
        {
            if (!IsOtherScriptLetterOrMark(c))
            {
                return false;
            }

            letters += char.IsLetter(c) ? 1 : 0;
        }

        return letters >= 2;
    }

    /// <summary>
    /// Whether <paramref name="c"/> is a letter or a combining mark of a script other than Latin (and the code points below
    /// Greek), Hangul and Chinese characters (Arabic, Cyrillic, Thai, Devanagari, Sinhala, Khmer …): how a name in its own script
    /// is read, in an export's slot and in brackets after a name.
    /// </summary>
    internal static bool IsOtherScriptLetterOrMark(char c) =>
        !(Context.IsHangulSyllable(c) || c < '\u0370' || ScriptProfile.IsHan(c))
        && (char.IsLetter(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark);

    /// <summary>A letter of Japanese kana (hiragana, katakana, the long-vowel mark ー), as names are written in it.</summary>
    internal static bool IsKana(char c) => c is >= '\u3041' and <= '\u30FA' or '\u30FC';

    /// <summary>A letter of katakana or the long-vowel mark ー, as foreign names are written in Japanese.</summary>
    internal static bool IsKatakana(char c) => c is >= '\u30A1' and <= '\u30FA' or '\u30FC';

    /// <summary>
    /// A display name in Japanese or Chinese letters in an export's speaker slot (<c>[佐藤ゆき] [오후 8:06]</c>,
    /// <c>[王小雪] [오후 9:10]</c>): two to ten Chinese characters and kana with a kana among them, or two to four Chinese
    /// characters opening with a surname's (<see cref="IsHanSurname"/>); null otherwise.
    /// </summary>
    private static (int Start, int End)? CjkDisplayName(string text, int start, int end)
    {
        (start, end) = Trim(text, start, end);
        var word = text.AsSpan(start, end - start);
        var kana = word.ContainsAnyInRange('\u3041', '\u30FA');
        foreach (var c in word)
        {
            if (!(ScriptProfile.IsHan(c) || IsKana(c)))
            {
                return null;
            }
        }

        return kana ? word.Length is >= 2 and <= 10 ? (start, end) : null
            : word.Length is >= 2 and <= 4 && IsHanSurname(word[0]) ? (start, end) : null;
    }

    // The channels of games' and communities' chat logs, as their clients tag a line (written from knowledge).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_gameChannels = FrozenSet.Create(StringComparer.Ordinal,
    [
        "혈맹", "길드", "파티", "전체", "일반", "귓속말", "귓말", "귓", "외침", "거래", "클랜", "연합", "문파", "공대", "레이드", "월드", "채널", "친구", "부대", "팀",
    ]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The character speaking on a game chat log's line: a channel of <see cref="s_gameChannels"/> in brackets (between
    /// <paramref name="start"/> and <paramref name="close"/>), then the character in brackets glued to it and a time
    /// (<c>[혈맹][청풍군주] 21:00</c>); of a whisper (<c>[귓속말][루나틱 → 청풍군주]</c>) the sender. The character is a
    /// handle as a comment's writer is (<see cref="CommentHandle"/>).
    /// </summary>
    private static (int Start, int End)? ChannelSpeaker(string text, int start, int close, int lineEnd)
    {
        if (Context.At(text, close + 1) != '[' || !s_gameChannels.Contains(text.AsSpan(start, close - start)))
        {
            return null;
        }

        var open = close + 1;
        var end = text.IndexOf(']', open, Math.Min(40, lineEnd - open));
        if (end < 0 || Context.At(text, end + 1) != ' ' || ClockEnd(text, end + 2, lineEnd) < 0)
        {
            return null;
        }

        var arrow = text.AsSpan(open + 1, end - open - 1).IndexOfAny('→', '>');
        var sender = arrow < 0 ? end : open + 1 + arrow - (text[open + arrow] == '-' ? 1 : 0);
        return CommentHandle(text, open + 1, sender);
    }

    /// <summary>
    /// A handle of a parent or sibling by a child's or a pet's name (콩이누나, 뭉치엄마, ㅈㅎ맘), as community boards' writers
    /// call themselves: the kinship word after a name of two letters or more that is no relation, family order or form word;
    /// or the youngest's word after a place's (시장통막내).
    /// </summary>
    private static bool KinHandle(ReadOnlySpan<char> word)
    {
        // (Not a mothers' cafe's rank: 새싹맘, 우수맘.)
        if (IsCafeRank(word))
        {
            return false;
        }

        foreach (var kin in (ReadOnlySpan<string>)["엄마", "맘", "아빠", "누나", "언니", "오빠", "형", "이모", "삼촌", "할머니", "할배", "집사", "아내", "남편", "막내"])
        {
            if (word.EndsWith(kin, StringComparison.Ordinal) && word[..^kin.Length] is var prefix && prefix.Length >= 2 && !EndsWithRelation(prefix)
                && !EndsWithAny(prefix, s_familyOrder) && !IsFormWord(prefix) && !PrivateContext.IsStaffOrKin(prefix)
                && prefix is not ("우리" or "저희" or "친정" or "시댁" or "외가" or "친가" or "사촌" or "옆집" or "동네" or "아들" or "딸내미"))
            {
                return true;
            }
        }

        return false;
    }

    // Words of a text about pets (general Korean): there a parent's handle names a pet (뭉치엄마), no child.
    private static readonly System.Buffers.SearchValues<string> s_petWords = System.Buffers.SearchValues.Create(
        ["강아지", "고양이", "반려", "동물병원", "수의사", "애견", "애묘", "사료", "견종", "품종"], StringComparison.Ordinal);

    // Words for a person by rank or status that a handle may end with and a chat may call anyone by (청풍군주 … 군주님):
    // general Korean and game usage, from knowledge.
    private static readonly HashSet<string> s_epithetParts = new(StringComparer.Ordinal)
    {
        "군주", "공주", "왕자", "대장", "장군", "영주", "마스터", "고수", "초보", "막내", "형아", "누님", "언냐", "아씨", "도령", "총각", "처자",
    };

    /// <summary>
    /// A handle called by its first or last part with 님, as a chat shortens long nicknames (노을빛고래 … 고래님 하이~,
    /// 떡볶이는국물 … 떡볶이님 감사합니다): for each confident handle of four to eight Hangul syllables that is no Korean name,
    /// its first or last two or three syllables glued to 님 and standing alone (not inside a word; a particle may follow),
    /// where the part with 님 is no title, role or relation (선생님, 고객님).
    /// </summary>
    private static void ShortenedHandles(string text, List<PiiFinding> candidates, int from)
    {
        var seeds = candidates.Count;
        HashSet<string>? done = null;
        for (var i = from; i < seeds; i++)
        {
            var seed = candidates[i];
            var handle = text.AsSpan(seed.Start, seed.End - seed.Start);
            if (seed.Type != PiiTypes.Person || seed.Score < SeedScore || handle.Length is < 4 or > 8 || handle.ContainsAnyExceptInRange('\uAC00', '\uD7A3')
                || KoreanNameShaped(text, seed.Start, seed.End) || !(done ??= new(StringComparer.Ordinal)).Add(handle.ToString()))
            {
                continue;
            }

            for (var length = 2; length <= 3 && length <= handle.Length - 2; length++)
            {
                foreach (var part in (ReadOnlySpan<string>)[handle[..length].ToString(), handle[^length..].ToString()])
                {
                    var called = part + "님";
                    if (IsRoleOrTag(part) || IsRelationWord(part) || IsFormWord(part) || Person.IsTitleOrRole(part) || Person.IsTitleOrRole(called) || NameGazetteer.IsCommonWord(called)
                        || Person.IsKinAfterGivenName(part) || PrivateContext.IsStaffOrKin(part) || s_epithetParts.Contains(part))
                    {
                        continue;
                    }

                    for (var at = text.IndexOf(called, StringComparison.Ordinal); at >= 0; at = text.IndexOf(called, at + called.Length, StringComparison.Ordinal))
                    {
                        var after = Context.At(text, at + called.Length);
                        if (!Context.IsHangulSyllable(Context.At(text, at - 1)) && (!Context.IsHangulSyllable(after) || after is '이' or '은' or '께' or '의' or '도' or '과' or '한' or '들'))
                        {
                            Add(text, candidates, from, at, at + part.Length, AddedScore - 0.05);
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// A speaker's handle that names a parent by the child (로아엄마, 하늘맘, <c>Thu Hà 로아엄마</c>, <see cref="KinHandle"/>):
    /// the child's name of two syllables (or three given-name syllables) is a person wherever else the text names it as a word (로아 내일 …, 로아야),
    /// or, where it is also a common word (하늘, 보리), with the familiar 이 before a particle (하늘이가); not in a text about
    /// pets, where the handle names a pet.
    /// </summary>
    private static void ChildOfHandle(string text, int start, int end, List<PiiFinding> candidates, int from)
    {
        var word = text.AsSpan(start, end - start);
        var last = word[(word.LastIndexOf(' ') + 1)..];

        // (The slot's display name may have left the handle's kinship word after or before it: [Thu Hà 로아엄마] speaks as
        // Thu Hà, [하늘맘 윤지수] as 윤지수.)
        // (Unless the handle itself names the parent: 봄비엄마 새싹멤버 · ….)
        var kinned = last.EndsWith("엄마", StringComparison.Ordinal) || last.EndsWith("아빠", StringComparison.Ordinal) || last.EndsWith("맘", StringComparison.Ordinal);
        if (!kinned && Context.At(text, end) == ' ' && Context.HangulEnd(text, end + 1) is var after && after - end - 1 is >= 3 and <= 5
            && Context.At(text, after) is ']' or ':' or ' ')
        {
            last = text.AsSpan(end + 1, after - end - 1);
        }
        else if (!kinned && start > 1 && text[start - 1] == ' ' && Context.HangulStart(text, start - 1) is var before && start - 1 - before is >= 3 and <= 5
            && Context.At(text, before - 1) is '[' or ' ' or '\n')
        {
            last = text.AsSpan(before, start - 1 - before);
        }

        foreach (var kin in (ReadOnlySpan<string>)["엄마", "맘", "아빠"])
        {
            if (!last.EndsWith(kin, StringComparison.Ordinal))
            {
                continue;
            }

            var child = last[..^kin.Length];
            // (Three syllables name a child only when each is a given name's: 테슬라아빠 drives a car; 아이엄마 and 쌍둥맘 name no one.)
            if (child.Length is < 2 or > 3 || child.Length == 3 && !AllGivenSyllables(child) || child.ContainsAnyExceptInRange('\uAC00', '\uD7A3') || !KinHandle(last) || IsRelationWord(child)
                || child is "아이" or "애기" or "아기" or "쌍둥" or "우리"
                || IsFormWord(child) || text.AsSpan().IndexOfAny(s_petWords) >= 0)
            {
                return;
            }

            if (NameGazetteer.IsCommonWord(child))
            {
                DiminutiveOccurrences(text, child, candidates, from, AddedScore - 0.05);
            }
            else
            {
                Occurrences(text, child, candidates, from, AddedScore - 0.05, skipCovered: true);
            }

            return;
        }
    }

    /// <summary>
    /// A comment writer's handle between <paramref name="start"/> and <paramref name="end"/>, where a community board's layout
    /// puts one (a reply's <c>└ G80드라이버: …</c>, a line under a comments header <c>댓글 4</c>: <c>여름밤산책: …</c>): one word of two
    /// to twenty Hangul, Latin letters, digits, <c>_</c>, <c>.</c> or <c>-</c> with a letter, not a role, label, field,
    /// relation or channel word, nor 익명 (anonymous); null otherwise. Everyday words are handles there (전기밥솥, 1203호할머니).
    /// </summary>
    internal static (int Start, int End)? CommentHandle(string text, int start, int end)
    {
        (start, end) = Trim(text, start, end);
        // (Symbols that decorate a handle after it are left out: 파란하늘🌤.)
        end = Undecorated(text, start, end);
        var word = text.AsSpan(start, end - start);
        if (word.Length is < 2 or > 20 || !OnlyHandleChars(word)
            || !(word.ContainsAnyInRange('\uAC00', '\uD7A3') || word.ContainsAnyInRange('a', 'z') || word.ContainsAnyInRange('A', 'Z'))
            || IsFormWord(word) && !TitledNickname(word) || IsRelationWord(word) && !KinHandle(word) || s_channelTags.Contains(word) || PrivateContext.IsStaffOrKin(word)
            || word.StartsWith("익명", StringComparison.Ordinal) || s_latinRoles.Contains(word) || s_noteWords.Contains(word) || s_noHandles.Contains(word))
        {
            return null;
        }

        return (start, end);

        // A nickname that ends with a title (꿀벌사원, 만년과장, 야근부장, 동네반장), as workplace apps' and boards' writers call
        // themselves: the title after a word of two syllables or more that is no form, field, role or relation word.
        static bool TitledNickname(ReadOnlySpan<char> word)
        {
            var title = Person.TitleEndingLength(word);
            var prefix = word[..^title];
            return title > 0 && prefix.Length >= 2 && !prefix.ContainsAnyExceptInRange('\uAC00', '\uD7A3') && (!IsFormWord(prefix) || prefix is "동네")
                && !IsRelationWord(prefix) && !PrivateContext.IsContextWord(word) && !PrivateContext.IsFieldWord(word) && !Person.IsLabel(word);
        }

        static bool OnlyHandleChars(ReadOnlySpan<char> word)
        {
            foreach (var c in word)
            {
                if (!(IsHandleChar(c) || c == '-' || c is >= 'ㄱ' and <= 'ㅎ'))
                {
                    return false;
                }
            }

            return true;
        }
    }

    // Words that open a note's line with a colon, no writer's handle (주의: 광고 금지, 참고: …): general Korean, from knowledge.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_noteWords = FrozenSet.Create(StringComparer.Ordinal,
        ["주의", "참고", "경고", "비고", "메모", "요약", "결론", "답변", "문의", "질문", "예시", "출처", "추신", "수정", "추가", "정정", "결과", "원문", "번역"])
        .GetAlternateLookup<ReadOnlySpan<char>>();

    // What stands in a handle's place when there is none (없음, 비공개, 탈퇴회원): general Korean, from knowledge.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_noHandles = FrozenSet.Create(StringComparer.Ordinal,
        ["없음", "미정", "비공개", "미상", "미입력", "해당없음", "알수없음", "탈퇴회원", "탈퇴한회원", "삭제됨", "작성자", "본인", "생략"])
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether the speakers from <paramref name="runStart"/> on, each opening one of consecutive lines, make a chat: at
    /// least four lines, at least two speakers, one of them speaking twice with another between (겜돌이회장, 총무_은채,
    /// 정글은내가, 녹차라떼, 겜돌이회장), and at least half of the lines saying three words or more. A form's labelled lines
    /// (준비물: 물통, 간식거리: 과일) hold short values: <paramref name="talking"/> counts the run's lines that say three words
    /// or more (<see cref="Talks"/>), kept by the caller as the run grows.
    /// </summary>
    private static bool ChatBlockEndsAt(string text, List<(int Start, int End)> speakers, int runStart, int talking)
    {
        if (speakers.Count - runStart < 4)
        {
            return false;
        }

        var last = speakers[^1];
        var name = text.AsSpan(last.Start, last.End - last.Start);
        for (var i = speakers.Count - 2; i >= runStart && talking * 2 >= speakers.Count - runStart; i--)
        {
            if (text.AsSpan(speakers[i].Start, speakers[i].End - speakers[i].Start).SequenceEqual(name))
            {
                // Spoke before, with another speaker in between.
                return i < speakers.Count - 2;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a run of consecutive lines makes a chat block with the exporter's own side (<see cref="SelfLine"/>): two of
    /// its lines or more and two speakers' lines or more, at least half of those saying three words or more.
    /// </summary>
    private static bool SelfChatBlock(int speakerLines, int talking, int selfLines) => selfLines >= 2 && speakerLines >= 2 && talking * 2 >= speakerLines;

    /// <summary>Whether the rest of a speaker's line after <paramref name="speakerEnd"/> says three words or more (talk is sentences; a form's values are one or two words).</summary>
    private static bool Talks(string text, int speakerEnd)
    {
        var lineEnd = text.IndexOf('\n', speakerEnd) is var n and >= 0 ? n : text.Length;
        return text.AsSpan(speakerEnd, lineEnd - speakerEnd).Trim(" :：\r").Count(' ') >= 2;
    }

    /// <summary>
    /// The first word of a comment line under a comments header that has no colon (<c>라벤더맘 저희 엄마도 …</c>), when it may be
    /// a writer's handle (<see cref="CommentHandle"/>): no common word and no sentence's end (감사합니다, 저요); null otherwise.
    /// </summary>
    private static (int Start, int End)? BareCommentWriter(string text, int lineStart, int lineEnd)
    {
        // (A reply's mark may open the line: └ 봄볕아래 해바라기맘님 감사해요.)
        var p = ReplyMarkEnd(text, SkipSpaces(text, lineStart, lineEnd), lineEnd);
        var space = text.IndexOf(' ', p, lineEnd - p);
        if (space <= p || space + 1 >= lineEnd || CommentHandle(text, p, space) is not { } handle)
        {
            return null;
        }

        // (A team or a department opens a comment the same way: └ 영업2팀 길태오 팀장: ….)
        var word = text.AsSpan(handle.Start, handle.End - handle.Start);
        return NameGazetteer.IsCommonWord(word) || word[^1] is '요' or '다' or '까' or '죠' or '네' or '지' or '야' or '여'
            || word.Length >= 3 && s_organisationEnds.Contains(word[^1]) ? null : handle;
    }

    /// <summary>Whether a comment line names its writer, a full date, a time and a bar before the comment (<c>노을빛 2025-06-02 00:12 | …</c>).</summary>
    private static bool DatedCommentAt(string text, int lineStart, int lineEnd) =>
        HeaderSpeaker(text, SkipSpaces(text, lineStart, lineEnd), lineEnd, out var talks) is not null && talks;

    /// <summary>
    /// The writer in a board post's byline, cells split by bars: a handle's cell right before a cell of a full date and a
    /// time, after the title's cell (<c>[자유게시판] 제목 | 노을빛 | 2025년 6월 17일 23:41 | 조회 1,284</c>), or a band's post
    /// header, the writer, a middle dot and a full date and time alone on the line (<c>금강송 · 2025년 8월 11일 오후 2:40</c>),
    /// or the writer after its label before a bar (<c>작성자 노을빛 | 조회 482 | …</c>); under a comments header (<paramref
    /// name="underComments"/>) the comment may follow the time on the line (<c>하늘달리기 · 2025. 12. 1. 오후 9:20 감사해요</c>);
    /// null otherwise.
    /// </summary>
    private static (int Start, int End)? BylineWriter(string text, int lineStart, int lineEnd, bool underComments)
    {
        var p = SkipSpaces(text, lineStart, lineEnd);
        if (text.AsSpan(p, lineEnd - p) is var line && (line.StartsWith("작성자 ", StringComparison.Ordinal) || line.StartsWith("글쓴이 ", StringComparison.Ordinal))
            && text.IndexOf(" | ", p + 4, lineEnd - p - 4, StringComparison.Ordinal) is var labelled and > 0)
        {
            return CommentHandle(text, p + 4, labelled);
        }

        var dot = text.IndexOf(" · ", p, Math.Min(lineEnd - p, 22), StringComparison.Ordinal);
        // (A cafe's byline may set the writer's rank after the handle and the views after the time: 페달밟는곰 매니저 · 2025년 6월
        // 18일 21:14 · 조회 212; the handle is the first word.)
        if (dot > p && DateEnd(text, dot + 3, lineEnd) is var dated && dated - dot > 11 && ClockEnd(text, dated, lineEnd) is var time and > 0
            && (text.AsSpan(time, lineEnd - time).Trim(" \r").IsEmpty || underComments && Context.At(text, time) == ' ' && time + 1 < lineEnd && text[time + 1] != ' '
                || text.AsSpan(time, lineEnd - time).StartsWith(" · 조회", StringComparison.Ordinal)))
        {
            return CommentHandle(text, p, dot) ?? (text.IndexOf(' ', p, dot - p) is var rank and > 0 && !Context.IsAsciiLetter(text[p]) ? CommentHandle(text, p, rank) : null);
        }

        var bar = text.IndexOf(" | ", lineStart, lineEnd - lineStart, StringComparison.Ordinal);

        // (Or the title, a dash and the writer before the views or the date: [유기견 제보] … 임보 중이에요 — 콩떡이네집사 | 조회
        // 1,284 | 2025-02-21 21:37.)
        if (bar > p + 4 && text.LastIndexOf(" — ", bar - 1, bar - p, StringComparison.Ordinal) is var titleDash and > 0 && titleDash > p
            && (text.AsSpan(bar + 3, lineEnd - bar - 3).StartsWith("조회 ", StringComparison.Ordinal)
                || DateEnd(text, bar + 3, lineEnd) is var dashDate && dashDate - bar > 11 && ClockEnd(text, dashDate, lineEnd) > 0)
            && CommentHandle(text, titleDash + 3, bar) is { } dashed)
        {
            return dashed;
        }

        // (The writer may open the byline with a role in brackets: 솔바람지기 (운영자) | 2025-01-01 21:14 | 조회 187.)
        if (bar > p + 4 && text[bar - 1] == ')' && text.LastIndexOf(" (", bar - 1, bar - p, StringComparison.Ordinal) is var open and > 0 && open > p
            && IsRoleOrTag(text.AsSpan(open + 2, bar - 1 - open - 2)) && DateEnd(text, bar + 3, lineEnd) is var roleDate && roleDate - bar > 11
            && ClockEnd(text, roleDate, lineEnd) > 0 && CommentHandle(text, p, open) is { } roled)
        {
            return roled;
        }

        while (bar > lineStart)
        {
            var cell = bar + 3;
            var next = text.IndexOf(" | ", cell, lineEnd - cell, StringComparison.Ordinal);
            if (next < 0)
            {
                return null;
            }

            if (next - cell is >= 2 and <= 24 && DateEnd(text, next + 3, lineEnd) is var dateEnd && dateEnd - next > 11 && ClockEnd(text, dateEnd, lineEnd) is var clock and > 0
                && (clock == lineEnd || text.AsSpan(clock, lineEnd - clock).TrimStart(' ') is [] or ['|', ..]) && UnrankedEnd(text, cell, next) is var cellEnd and > 0
                && CommentHandle(text, cell, cellEnd) is { } writer)
            {
                return writer;
            }

            bar = next;
        }

        return null;
    }

    /// <summary>A reply's writer between <paramref name="start"/> and <paramref name="end"/>: a handle (perhaps decorated) or a display name.</summary>
    private static (int Start, int End)? ReplyWriter(string text, int start, int end) =>
        CommentHandle(text, start, Undecorated(text, start, end)) ?? DisplayName(text, start, end);

    /// <summary>
    /// The speaker of a line that opens with a time in brackets (<c>[22:01:40]</c>, <c>[2025. 3. 4. 오후 9:12]</c>), then
    /// perhaps a badge's symbols, a handle of one word (<see cref="CommentHandle"/>), perhaps the account's masked id in
    /// brackets (<c>(ppo***)</c>), and <c> : </c> or <c> — </c> before the talk; null otherwise.
    /// </summary>
    private static (int Start, int End)? TimedSlotSpeaker(string text, int p, int lineEnd)
    {
        if (p >= lineEnd || text[p] != '[' || text.IndexOf(']', p, Math.Min(lineEnd - p, 32)) is not (var close and > 0))
        {
            return null;
        }

        var clock = ClockEnd(text, DateEnd(text, p + 1, close), close);
        clock = WithSeconds(text, clock);
        if (clock != close)
        {
            return null;
        }

        var nameStart = SkipSpaces(text, close + 1, lineEnd);

        // (Or the speaker in brackets of its own, perhaps the title after it, and a colon: [오후 2:41] [어수경] 조사관: ….)
        if (Context.At(text, nameStart) == '[' && text.IndexOf(']', nameStart, Math.Min(lineEnd - nameStart, 16)) is var nameClose and > 0
            && text.IndexOf(": ", nameClose, Math.Min(lineEnd - nameClose, 8), StringComparison.Ordinal) is var titledColon and > 0
            && (titledColon == nameClose + 1 || text.AsSpan(nameClose + 1, titledColon - nameClose - 1).Trim(' ') is { Length: >= 1 and <= 5 } title
                && !title.ContainsAnyExceptInRange('\uAC00', '\uD7A3')))
        {
            return DisplayName(text, nameStart + 1, nameClose);
        }

        // (Or the name in its own script and the name in Latin letters in brackets after it, then the colon: [오전 6:52] [චාමර]
        // (Chamara W.): ….)
        if (Context.At(text, nameStart) == '[' && text.IndexOf(']', nameStart, Math.Min(lineEnd - nameStart, 26)) is var ownClose and > 0
            && text.AsSpan(ownClose, Math.Min(3, lineEnd - ownClose)) is "] (" && text.IndexOf("):", ownClose, Math.Min(lineEnd - ownClose, 28), StringComparison.Ordinal) is var aliasClose and > 0
            && TalkFollows(text, aliasClose + 1, lineEnd, spaceNeeded: false, timed: true) && !IsRoleOrTag(text.AsSpan(nameStart + 1, ownClose - nameStart - 1)))
        {
            return ExportSlotName(text, nameStart + 1, ownClose);
        }

        if (Decoration(text, nameStart, lineEnd) is var decorated && decorated > nameStart)
        {
            nameStart = Context.At(text, decorated) == ' ' ? SkipSpaces(text, decorated, lineEnd) : nameStart;
        }

        var nameEnd = nameStart;
        while (nameEnd < lineEnd && nameEnd - nameStart <= 20 && !char.IsWhiteSpace(text[nameEnd]) && text[nameEnd] is not ('(' or ':' or '['))
        {
            nameEnd++;
        }

        var q = nameEnd;
        if (Context.At(text, q) == '(' && text.IndexOf(')', q, Math.Min(lineEnd - q, 16)) is var masked and > 0 && text.AsSpan(q, masked - q).Contains('*'))
        {
            q = masked + 1;
        }

        var rest = text.AsSpan(q, lineEnd - q);
        return nameEnd > nameStart && (rest.StartsWith(" : ", StringComparison.Ordinal) || rest.StartsWith(" — ", StringComparison.Ordinal)) && rest.Length > 3
            ? CommentHandle(text, nameStart, nameEnd) : null;
    }

    /// <summary>
    /// The speaker of a line laid out as the name in brackets, a time (perhaps with seconds, AM or PM) and a dash before the
    /// talk (<c>[Ану] 20:06 — …</c>, <c>[하늘소] 오후 9:12 - …</c>): the slot's name (<see cref="ExportSlotName"/>), no role
    /// or tag (<c>[공지] 20:00 — …</c>); null otherwise.
    /// </summary>
    private static (int Start, int End)? ClockDashSpeaker(string text, int p, int lineEnd, bool stamped = false)
    {
        // (With stamped, the stamp is how long ago or the year's date instead of the time, which names a comment's writer
        // for certain: 지리산아재 2시간 전 — ….)
        Func<string, int, int, int> stampEnd = stamped ? StampAndDashEnd : ClockAndDashEnd;
        if (p >= lineEnd)
        {
            return null;
        }

        if (text[p] != '[')
        {
            // (Or without brackets, a name of one or two words, Cyrillic or Latin, or a handle with Hangul: Ану 20:06 — …,
            // Solongo Ganbold 20:15 — …; not a weekday's word, Sat 9:07 PM — ….)
            var space = text.IndexOf(' ', p, Math.Min(lineEnd - p, 26));
            if (space > p && stampEnd(text, space + 1, lineEnd) < 0)
            {
                space = text.IndexOf(' ', space + 1, Math.Min(lineEnd - space - 1, 26));
            }

            return space > p && stampEnd(text, space + 1, lineEnd) > 0 && WeekdaySpeaker(text, p, lineEnd) is null && !IsRoleOrTag(text.AsSpan(p, space - p)) && !s_latinRoles.Contains(text.AsSpan(p, space - p))
                && (text.AsSpan(p, space - p) is var words && (Context.IsCyrillicUpper(words[0]) && CyrillicWords(words) || IsLatinName(words))
                    ? (p, space) : words.ContainsAnyInRange('\uAC00', '\uD7A3') ? CommentHandle(text, p, space) : null) is { } plain ? plain : null;
        }

        if (text.IndexOf(']', p, Math.Min(lineEnd - p, 26)) is not (var close and > 0) || Context.At(text, close + 1) != ' '
            || stampEnd(text, close + 2, lineEnd) < 0 || IsRoleOrTag(text.AsSpan(p + 1, close - p - 1)))
        {
            return null;
        }

        return ExportSlotName(text, p + 1, close);

        // One or two capitalised words of Cyrillic letters (Ану, Тэмүүлэн Баатар).
        static bool CyrillicWords(ReadOnlySpan<char> words)
        {
            foreach (var range in words.Split(' '))
            {
                var word = words[range];
                if (word.Length < 2 || !Context.IsCyrillicUpper(word[0]) || !IsCyrillicWord(word[1..]))
                {
                    return false;
                }
            }

            return words.Count(' ') <= 1;
        }
    }

    /// <summary>
    /// The writer of a comment copied from a social network's group, the full name, the comment and how long ago at the line's
    /// end (<c>Баир Цыденов Понял, брат 👍 … · 2시간</c>, <c>↳ Аюна Балданова Энхтуяа эгч, … · 1시간 · 좋아요</c>): two
    /// capitalised words in Cyrillic or Latin letters opening the line; null otherwise.
    /// </summary>
    private static (int Start, int End)? AgedCommentWriter(string text, int p, int lineEnd)
    {
        if (p >= lineEnd || !(Context.IsCyrillicUpper(text[p]) || Context.IsLatinUpper(text[p])) || AgedEnd(text, p, lineEnd) < 0)
        {
            return null;
        }

        var q = p;
        for (var words = 0; words < 2; words++)
        {
            var w = q + 1;
            while (w < lineEnd && (Context.IsCyrillicLetter(text[w]) || Context.IsLatinLetter(text[w])) && !char.IsUpper(text[w]))
            {
                w++;
            }

            if (w - q is < 2 or > 20 || !(Context.IsCyrillicUpper(text[q]) || Context.IsLatinUpper(text[q])) || Context.IsCyrillicLetter(text[q]) != Context.IsCyrillicLetter(text[p]))
            {
                return null;
            }

            q = w;
            if (words == 0 && (Context.At(text, q) != ' ' || !char.IsUpper(Context.At(text, q + 1))))
            {
                return null;
            }

            q += words == 0 ? 1 : 0;
        }

        var name = text.AsSpan(p, q - p);
        return Context.At(text, q) == ' ' && !s_latinRoles.Contains(name[..name.IndexOf(' ')]) && !Person.IsEnglishNotName(name[..name.IndexOf(' ')]) ? (p, q) : null;

        // The start of " · N분" (시간, 일, 주) at the line's end or before another " · "; -1 when there is none.
        static int AgedEnd(string text, int p, int lineEnd)
        {
            for (var dot = text.IndexOf(" · ", p, lineEnd - p, StringComparison.Ordinal); dot > p; dot = text.IndexOf(" · ", dot + 3, lineEnd - dot - 3, StringComparison.Ordinal))
            {
                var q = dot + 3;
                while (q < lineEnd && Context.IsDigit(text[q]) && q - dot - 3 < 3)
                {
                    q++;
                }

                var unit = text.AsSpan(q, lineEnd - q);
                var length = unit.StartsWith("시간", StringComparison.Ordinal) ? 2 : unit.Length > 0 && unit[0] is '분' or '일' or '주' ? 1 : 0;
                if (q > dot + 3 && length > 0 && (q + length == lineEnd || text.AsSpan(q + length, lineEnd - q - length).StartsWith(" · ", StringComparison.Ordinal)))
                {
                    return dot;
                }

                if (dot + 3 >= lineEnd)
                {
                    break;
                }
            }

            return -1;
        }
    }

    /// <summary>
    /// The end of a comment's stamp and the dash after it at <paramref name="p"/>: how long ago (<c>2시간 전 — </c>), or the
    /// year's date and the time, perhaps after the member's rank (<c>2025.05.11. 14:22 — </c>, <c>실버회원 2025.04.18. 21:10 —
    /// </c>), as portals' and cafes' comments are copied; -1 otherwise.
    /// </summary>
    private static int StampAndDashEnd(string text, int p, int lineEnd)
    {
        if (RelativeTimeEnd(text, p, lineEnd) is var ago and > 0)
        {
            return text.AsSpan(ago, lineEnd - ago).StartsWith(" — ", StringComparison.Ordinal) ? ago + 3 : -1;
        }

        // (The member's rank may stand before the date: 실버회원, 일반회원.)
        if (text.IndexOf(' ', p, Math.Min(lineEnd - p, 8)) is var rankEnd and > 0 && IsCafeRank(text.AsSpan(p, rankEnd - p)))
        {
            p = rankEnd + 1;
        }

        var dated = DatedClockEnd(text, p, lineEnd);
        return dated > 0 && text.AsSpan(dated, lineEnd - dated).StartsWith(" — ", StringComparison.Ordinal) && dated + 3 < lineEnd ? dated + 3 : -1;
    }

    /// <summary>
    /// The end of a time (<c>20:06</c>, <c>오후 9:12</c>, <c>9:02 AM</c>, <c>19:02:40</c>) and the dash after it (<c> — </c> or
    /// <c> - </c>) at <paramref name="p"/>, where talk follows; -1 otherwise.
    /// </summary>
    private static int ClockAndDashEnd(string text, int p, int lineEnd)
    {
        var clock = ClockEnd(text, p, lineEnd);
        if (clock < 0)
        {
            return -1;
        }

        clock = WithHalfOfDay(text, WithSeconds(text, clock), lineEnd);
        var rest = text.AsSpan(clock, lineEnd - clock);
        return (rest.StartsWith(" — ", StringComparison.Ordinal) || rest.StartsWith(" - ", StringComparison.Ordinal)) && rest.Length > 3 && rest[3] != ' ' ? clock + 3 : -1;
    }

    /// <summary>
    /// A speaker written surname first with a comma, as company directories and workspace exports show staff (<c>Seo,
    /// Junggeun (Site Mgr) 9:02 AM — …</c>, <c>Ramirez, Luis 10:15 — …</c>): two capitalised words in Latin letters (the
    /// given name perhaps joined by a hyphen), perhaps a role in brackets, then a time and a dash before the talk; null
    /// otherwise.
    /// </summary>
    private static (int Start, int End)? SurnameFirstSpeaker(string text, int p, int lineEnd)
    {
        var surnameEnd = CapitalisedWordEnd(text, p, lineEnd);
        if (surnameEnd < 0 || text.AsSpan(surnameEnd, Math.Min(2, lineEnd - surnameEnd)) is not ", " || CapitalisedWordEnd(text, surnameEnd + 2, lineEnd) is not (var end and > 0))
        {
            return null;
        }

        var q = end;
        if (text.AsSpan(q, Math.Min(2, lineEnd - q)) is " (" && text.IndexOf(')', q, Math.Min(lineEnd - q, 28)) is var roleClose and > 0)
        {
            q = roleClose + 1;
        }

        return Context.At(text, q) == ' ' && ClockAndDashEnd(text, q + 1, lineEnd) > 0 && !s_latinRoles.Contains(text.AsSpan(p, surnameEnd - p))
            && !s_latinRoles.Contains(text.AsSpan(surnameEnd + 2, end - surnameEnd - 2)) ? (p, end) : null;

        // The end of a capitalised word of two to twenty Latin letters (a hyphen and a capital may join two parts) at p; -1.
        static int CapitalisedWordEnd(string text, int p, int lineEnd)
        {
            if (p >= lineEnd || !Context.IsLatinUpper(text[p]))
            {
                return -1;
            }

            var q = p + 1;
            while (q < lineEnd && (Context.IsLatinLetter(text[q]) && !Context.IsLatinUpper(text[q]) || text[q] == '-' && Context.IsLatinLetter(Context.At(text, q + 1))))
            {
                q++;
            }

            return q - p is >= 2 and <= 20 && !Context.IsLatinLetter(Context.At(text, q)) ? q : -1;
        }
    }

    /// <summary>
    /// The writer of a comment line laid out as the writer's name (in brackets or not), the month's day, the time and a dash
    /// before the comment (<c>[찬이엄마] 9월 3일 오전 7:02 — …</c>, <c>소이할머니 9월 2일 오후 10:31 — …</c>), or the name in
    /// brackets, the year's date and the time (<c>[베란다가드너_J] 2025년 6월 5일 22:03 …</c>); null otherwise.
    /// </summary>
    private static (int Start, int End)? DatedDashWriter(string text, int p, int lineEnd)
    {
        var bracketed = p < lineEnd && text[p] == '[';
        var nameStart = bracketed ? p + 1 : p;
        var nameEnd = bracketed ? text.IndexOf(']', nameStart, Math.Min(lineEnd - nameStart, 24)) : text.IndexOf(' ', nameStart, Math.Min(lineEnd - nameStart, 24));
        if (nameEnd <= nameStart || Context.At(text, bracketed ? nameEnd + 1 : nameEnd) != ' ')
        {
            return null;
        }

        var dateAt = bracketed ? nameEnd + 2 : nameEnd + 1;
        if (MonthDayEnd(text, dateAt, lineEnd) is var monthDay and > 0 && ClockEnd(text, monthDay, lineEnd) is var clock and > 0
            && text.AsSpan(clock, lineEnd - clock).StartsWith(" — ", StringComparison.Ordinal) && clock + 3 < lineEnd)
        {
            return ReplyWriter(text, nameStart, nameEnd);
        }

        // (Or the writer in brackets, the year's date and the time, and the comment after one space: [베란다가드너_J] 2025년 6월
        // 5일 22:03 혹시 ….)
        // (A tag of the copy in brackets opens such lines too, [메시지], [DM], [간호기록], and a message's direction, [관장 →
        // 학부모]: only one word, a handle or a nickname of five letters or more.)
        return bracketed && DateEnd(text, dateAt, lineEnd) is var dated && dated - dateAt >= 8 && ClockEnd(text, dated, lineEnd) is var datedClock and > 0
            && Context.At(text, datedClock) == ' ' && datedClock + 1 < lineEnd && text[datedClock + 1] != ' '
            && text.AsSpan(nameStart, nameEnd - nameStart).IndexOfAny(' ', '→') < 0 && (IsHandle(text.AsSpan(nameStart, nameEnd - nameStart)) || nameEnd - nameStart >= 5)
            ? ReplyWriter(text, nameStart, nameEnd) : null;
    }

    /// <summary>Past a reply's mark and the spaces after it at <paramref name="p"/> (<c>└ </c>, <c>↳ </c>, <c>ㄴ </c>), or <paramref name="p"/>.</summary>
    private static int ReplyMarkEnd(string text, int p, int lineEnd) =>
        p < lineEnd && (text[p] is '└' or '↳' or '↪' || text[p] == 'ㄴ' && Context.At(text, p + 1) == ' ') ? SkipSpaces(text, p + 1, lineEnd)
        // (A speech balloon marks a comment in some copies: 💬 콩떡이네: 헐 저희도 ….)
        : text.AsSpan(p, lineEnd - p).StartsWith("💬", StringComparison.Ordinal) ? SkipSpaces(text, p + 2, lineEnd) : p;

    /// <summary>The writer of a comment line under a comments header: a handle (<see cref="CommentHandle"/>), a colon and the comment.</summary>
    private static (int Start, int End)? CommentWriterAt(string text, int lineStart, int lineEnd)
    {
        var p = SkipSpaces(text, lineStart, lineEnd);

        // (Or a bar after the writer and perhaps the cafe's rank: 두부엄마 매니저 | 저 예전 …, 밤샘간호사 일반멤버 | ….)
        if (text.IndexOf(" | ", p, Math.Min(30, lineEnd - p), StringComparison.Ordinal) is var bar and > 0 && bar + 3 < lineEnd && text[bar + 3] != ' '
            && UnrankedEnd(text, p, bar) is var handleEnd and > 0 && CommentHandle(text, p, handleEnd) is { } ranked)
        {
            return ranked;
        }

        var colon = text.AsSpan(p, lineEnd - p).IndexOfAny(':', '：');
        return colon is > 0 and <= 20 && TalkFollows(text, p + colon, lineEnd, spaceNeeded: true) ? CommentHandle(text, p, p + colon) : null;
    }

    /// <summary>
    /// The writer of a cafe comment laid out as a handle, the member's rank and a middle dot before the comment (<c>바람꽃
    /// 우수회원 · …</c>, <c>해피산행 운영진 · …</c>), a dash (<c>솔솔바람 우수맘 — …</c>) or two spaces; null otherwise.
    /// </summary>
    private static (int Start, int End)? RankMarkWriter(string text, int p, int lineEnd)
    {
        var dot = text.IndexOf(" · ", p, Math.Min(30, lineEnd - p), StringComparison.Ordinal);
        dot = dot > 0 ? dot : text.IndexOf(" — ", p, Math.Min(30, lineEnd - p), StringComparison.Ordinal);

        // (Or two spaces, as a cafe's comment is copied without its dot: 302호이웃 새싹멤버  제 남편이에요.)
        var gap = dot > 0 ? 3 : 2;
        dot = dot > 0 ? dot : text.IndexOf("  ", p, Math.Min(30, lineEnd - p), StringComparison.Ordinal);
        return dot > 0 && dot + gap < lineEnd && text[dot + gap] != ' ' && UnrankedEnd(text, p, dot) is var handleEnd and > 0 && handleEnd < dot
            && IsCafeRank(text.AsSpan(handleEnd + 1, dot - handleEnd - 1)) ? CommentHandle(text, p, handleEnd) : null;
    }

    /// <summary>
    /// The writer of a board's comment laid out as a handle, a middle dot, the votes (<c>추천 38</c>, <c>공감 5</c>,
    /// <c>좋아요 12</c>) and a colon before the comment (<c>모범시민K · 추천 38 : …</c>); null otherwise.
    /// </summary>
    private static (int Start, int End)? VoteCountWriter(string text, int p, int lineEnd)
    {
        var dot = text.IndexOf(" · ", p, Math.Min(24, lineEnd - p), StringComparison.Ordinal);
        if (dot <= p)
        {
            return null;
        }

        var q = dot + 3;
        foreach (var vote in (ReadOnlySpan<string>)["추천 ", "공감 ", "좋아요 ", "비추 "])
        {
            if (text.AsSpan(q, lineEnd - q).StartsWith(vote, StringComparison.Ordinal))
            {
                var digits = q + vote.Length;
                var end = digits;
                while (end < lineEnd && (Context.IsDigit(text[end]) || text[end] == ',' && end > digits))
                {
                    end++;
                }

                var colon = Context.At(text, end) == ' ' ? end + 1 : end;
                return end > digits && Context.At(text, colon) is ':' or '：' && TalkFollows(text, colon, lineEnd, spaceNeeded: true) ? CommentHandle(text, p, dot) : null;
            }
        }

        return null;
    }

    /// <summary>A cafe member's rank or a board's own role after a handle (우수회원, 새싹멤버, 운영진, 작성자, 스탭).</summary>
    private static bool IsCafeRank(ReadOnlySpan<char> rank) =>
        rank.EndsWith("회원", StringComparison.Ordinal) || rank.EndsWith("멤버", StringComparison.Ordinal) || rank.EndsWith("등급", StringComparison.Ordinal)
        || rank is "운영진" or "작성자" or "스탭" or "스태프" or "매니저" or "부매니저" or "카페매니저" or "카페지기" or "부운영자"
        // (A mothers' cafe names its ranks with 맘: 새싹맘, 씨앗맘, 우수맘.)
        || rank is "새싹맘" or "씨앗맘" or "새내기맘" or "우수맘" or "열심맘" or "일반맘" or "성실맘" or "최우수맘" or "특별맘" or "열매맘" or "나무맘" or "꽃잎맘"
        // (And a hobby cafe's beginners by the -린이 of 어린이: 캠린이, 등린이, 헬린이.)
        || rank is "캠린이" or "등린이" or "헬린이" or "주린이" or "골린이" or "런린이" or "요린이" or "초린이";

    /// <summary>
    /// The end of a writer's handle from <paramref name="start"/> to <paramref name="end"/>, a cafe's rank after it left out
    /// (<c>두부엄마 매니저</c>, <c>쿵쿵지옥탈출 새싹멤버</c>, <c>하미선 동대표</c>): <paramref name="end"/> for one word, -1 where the
    /// second word is no rank or role.
    /// </summary>
    private static int UnrankedEnd(string text, int start, int end)
    {
        var space = text.IndexOf(' ', start, end - start);
        if (space < 0)
        {
            return end;
        }

        var rank = text.AsSpan(space + 1, end - space - 1);
        return space > start && rank.IndexOf(' ') < 0 && (IsCafeRank(rank) || IsRoleOrTag(rank) || rank.EndsWith("대표", StringComparison.Ordinal)) ? space : -1;
    }

    /// <summary>
    /// The position of <c> | </c> after a comment writer's handle at <paramref name="p"/> (one word of at most twenty
    /// characters) when a comment follows it, as boards are copied (<c>└ 솔숲집 | 그건 옛날 얘기고 …</c>); -1 otherwise.
    /// </summary>
    private static int BarAfterWriter(string text, int p, int lineEnd)
    {
        var bar = text.IndexOf(" | ", p, Math.Min(22, lineEnd - p), StringComparison.Ordinal);
        return bar > p && text.AsSpan(p, bar - p).IndexOf(' ') < 0 && bar + 3 < lineEnd && text[bar + 3] != ' ' ? bar : -1;
    }

    /// <summary>Whether the line is a community post's comments header: <c>댓글</c>, <c>댓글 4</c>, <c>댓글(12)</c>, <c>[댓글]</c>, <c>댓글 3개</c>.</summary>
    private static bool IsCommentsHeader(string text, int lineStart, int lineEnd)
    {
        // (An emoji may open it: 💬 댓글.)
        var decorated = Decoration(text, SkipSpaces(text, lineStart, lineEnd), lineEnd);
        var line = text.AsSpan(decorated, lineEnd - decorated).Trim(" \r\t[]");
        if (!line.StartsWith("댓글", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = line[2..].Trim(" ()개:");
        return !rest.ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>The end of a display name or handle before the symbols that decorate it (소라💕, 민지🌸, 별빛♥).</summary>
    private static int Undecorated(string text, int start, int end)
    {
        while (end > start && IsDecoration(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>The end of the symbols that decorate a display name from <paramref name="p"/> (🌷, 🇱🇰, ♥), or <paramref name="p"/>.</summary>
    private static int Decoration(string text, int p, int lineEnd)
    {
        while (p < lineEnd && IsDecoration(text[p]))
        {
            p++;
        }

        return p;
    }

    // (Emoji, and the symbols of hearts, stars, notes and sparkles: ♥, ★, ♪, ✨.)
    private static bool IsDecoration(char c) =>
        char.IsSurrogate(c) || c is '~' or '\u200D' or '\uFE0F' || c > '\u2000' && char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.OtherSymbol;

    /// <summary>
    /// A nickname in a messenger export's own speaker slot that <see cref="DisplayName"/> leaves because it is also a common
    /// word or ends with a title (<c>[연필깎이] [오전 9:14]</c>, <c>[태산코치] [오후 9:12]</c>, <c>[곰돌이간호사] [오후 9:14]</c>), or
    /// a phone export's (<c>2024년 3월 28일 오전 9:21, 소라💕 : …</c>): three to ten Hangul syllables (two, no common word, when
    /// symbols decorate it), no role, label, field or relation word (a kinship word after a pet's or a child's name is a
    /// handle: <c>[강쥐언니] [오후 9:07]</c>, <see cref="KinHandle"/>), and a title only after a word of two syllables or more
    /// that is none of those (not <c>수간호사</c>, <c>담임교사</c>).
    /// </summary>
    private static (int Start, int End)? ExportedNickname(string text, int start, int end)
    {
        (start, end) = Trim(text, start, end);

        // Symbols that decorate a display name after it (소라💕, 민지🌸) are left out; so decorated, two syllables that are no
        // common word are a person's name too: a channel's tags are not decorated.
        var decorated = end;
        end = Undecorated(text, start, end);
        decorated -= end;
        var word = text.AsSpan(start, end - start);
        if (word.Length < (decorated > 0 ? 2 : 3) || word.Length > 10 || word.ContainsAnyExceptInRange('\uAC00', '\uD7A3') || IsFormWord(word) && Person.TitleEndingLength(word) == 0
            || IsRelationWord(word) && !KinHandle(word) || s_channelTags.Contains(word) || word.Length == 2 && NameGazetteer.IsCommonWord(word))
        {
            return null;
        }

        var title = Person.TitleEndingLength(word);
        var prefix = word[..^title];
        return title == 0 || prefix.Length >= 2 && !IsFormWord(prefix) && !IsRelationWord(prefix) && !NameGazetteer.IsCommonWord(word) ? (start, end) : null;
    }

    /// <summary>Past a date of four-digit year at <paramref name="p"/> (<c>2025-01-19</c>, <c>2025. 1. 28.</c>, <c>2025년 1월 21일</c>) and the spaces after it; <paramref name="p"/> when none.</summary>
    private static int DateEnd(string text, int p, int lineEnd)
    {
        var q = p;
        if (q + 4 <= lineEnd && text[q] is '1' or '2' && Context.IsDigit(text[q + 1]) && Context.IsDigit(text[q + 2]) && Context.IsDigit(text[q + 3]))
        {
            q += 4;
            while (q < lineEnd && (Context.IsDigit(text[q]) || text[q] is '.' or '-' or '/' or ' ' or '년' or '월' or '일'))
            {
                q++;
            }

            // (A 24-hour clock after the date is not the date's: 2025-04-19 04:52.)
            if (Context.At(text, q) == ':' && text.LastIndexOf(' ', q - 1, q - p) is var space and > 0)
            {
                q = space + 1;
            }
        }

        return q;
    }

    /// <summary>
    /// The speaker of a phone's messenger export at <paramref name="p"/>: a date (<c>2025. 1. 28.</c>, <c>2025년 1월 21일</c>,
    /// <c>2025-01-19</c>) or none, <c>오전</c>/<c>오후</c> and the time, a comma, then the display name up to <c> : </c> (in
    /// Hangul, Latin letters, or Chinese characters and kana, perhaps decorated: <c>ゆい🌷</c>).
    /// </summary>
    private static (int Start, int End)? ExportedSpeaker(string text, int p, int lineEnd)
    {
        var q = ClockEnd(text, DateEnd(text, p, lineEnd), lineEnd);
        if (q < 0 || Context.At(text, q) != ',' || Context.At(text, q + 1) != ' ')
        {
            return null;
        }

        var nameStart = SkipSpaces(text, q + 1, lineEnd);
        var colon = text.AsSpan(nameStart, lineEnd - nameStart).IndexOf(" : ", StringComparison.Ordinal);
        return colon is <= 0 or > 40 ? null : DisplayName(text, nameStart, nameStart + colon) ?? ExportedNickname(text, nameStart, nameStart + colon)
            ?? GivenWordInSlot(text, nameStart, nameStart + colon) ?? ExportSlotName(text, nameStart, Undecorated(text, nameStart, nameStart + colon))
            ?? DigitHandleInSlot(text, nameStart, nameStart + colon);

        // (So does a handle of a word and digits, 우재키185 : ….)
        static (int Start, int End)? DigitHandleInSlot(string text, int start, int end)
        {
            (start, end) = Trim(text, start, end);
            return end - start is >= 3 and <= 20 && IsDigitHandle(text.AsSpan(start, end - start)) ? (start, end) : null;
        }

        // (The export's slot holds a display name for certain: two syllables that are also a word name a person there,
        // 하늘 : …, unless a label's, a role's or a channel's word.)
        static (int Start, int End)? GivenWordInSlot(string text, int start, int end)
        {
            var word = text.AsSpan(start, end - start);
            return word.Length == 2 && !word.ContainsAnyExceptInRange('\uAC00', '\uD7A3') && !IsFormWord(word) && !IsRoleWord(word) && !IsRelationWord(word) && !PrivateContext.IsContextWord(word)
                && !PrivateContext.IsFieldWord(word) && !s_channelTags.Contains(word) ? (start, end) : null;
        }
    }

    /// <summary>
    /// The person's name in a messenger's display name between <paramref name="start"/> and <paramref name="end"/>: a
    /// company in brackets, a title, role or kinship word after it and a company before it are left out
    /// (<c>국은지 주임(○○세무회계)</c>, <c>깔끔홈케어 정대철 팀장</c>, <c>한별 아빠</c>), and so are symbols after it (<c>혜진💕</c>)
    /// and a post ending with a title after a Korean name (<c>정다은 매장장</c>).
    /// What is left is a Latin name, or one Hangul word of two to eight syllables (two only when both are given-name
    /// syllables: <c>다운</c>, not the tags <c>[안내]</c>, <c>[공지]</c>) that is no common word, channel tag, role, label or
    /// field word; else null.
    /// </summary>
    private static (int Start, int End)? DisplayName(string text, int start, int end)
    {
        (start, end) = Trim(text, start, end);

        // (A chat copied with the time and the name in one bracket, [21:18 sujanrider77]: the time is left out, and so is
        // the app a booking came through, [부킹닷컴 Ploy Srisuk].)
        if (ClockEnd(text, start, end) is var time and > 0 && Context.At(text, time) == ' ')
        {
            start = time + 1;
        }

        // (So is the language an interpreter serves in, as a volunteer group's members show themselves: [베트남어 Lê Thu Trang].)
        if (text.IndexOf(' ', start, end - start) is var appEnd and > 0 && (IsBookingApp(text.AsSpan(start, appEnd - start)) || s_languages.Contains(text.AsSpan(start, appEnd - start)))
            && appEnd + 1 < end)
        {
            start = appEnd + 1;
        }
        if (end - start > 4 && text[end - 1] == ')' && text.LastIndexOf('(', end - 1, end - start) is var open and > 0 && open > start)
        {
            (start, end) = Trim(text, start, open);
        }

        while (end > start && !(Context.IsHangulSyllable(text[end - 1]) || Context.IsLatinLetter(text[end - 1]) || Context.IsDigit(text[end - 1])))
        {
            end--;
        }

        // (An initial's dot stays with it: Pablo R.)
        end += Context.At(text, end) == '.' && end - start >= 3 && text[end - 2] == ' ' && Context.IsLatinUpper(text[end - 1]) ? 1 : 0;

        for (var words = 0; words < 2; words++)
        {
            var space = text.AsSpan(start, end - start).LastIndexOf(' ');
            var last = space < 0 ? default : text.AsSpan(start + space + 1, end - start - space - 1);
            if (space <= 0 || !(Person.IsTitleOrRole(last) || PrivateContext.IsContextWord(last) || PrivateContext.IsStaffOrKin(last) || last is "아빠" or "엄마"
                || last is "신부님" or "목사님" or "수녀님" or "전도사님"
                || space > 0 && Context.IsLatinUpper(text[start]) && last is "mama" or "papa" or "mom" or "dad" or "Mama" or "Papa" or "Mom" or "Dad"))
            {
                break;
            }

            end = start + space;
        }

        var whole = text.AsSpan(start, end - start);
        if (IsLatinName(whole) || whole.Length is >= 3 and <= 24 && Context.IsAsciiLetter(whole[0]) && !whole.ContainsAnyExcept(s_handleChars) && LatinHandle(whole.TrimEnd('_')))
        {
            // (A handle in Latin letters: seojin_w_, inkfox_dahye, mino_b.)
            return (start, end);
        }

        var lastSpace = whole.LastIndexOf(' ');
        var related = lastSpace > 0 && IsRelationWord(whole[..lastSpace].Trim(' '));

        // A name and a post that ends with a title, which the lists do not hold ([정다은 매장장], [추소윤 주방실장]): the name.
        if (lastSpace > 0 && whole.IndexOf(' ') == lastSpace && KoreanNameShaped(text, start, start + lastSpace) && Person.TitleEndingLength(whole[(lastSpace + 1)..]) > 0
            && !NameGazetteer.IsCommonWord(whole[..lastSpace]))
        {
            return (start, start + lastSpace);
        }

        // A Korean name and a word after it that is no name's shape ([마윤슬 펫시터], [노경수 지게차]): the name, as a post
        // or a trade the lists do not hold follows it. The name's given syllables are common ones and it ends with no
        // office's or title's syllable ([모임장 말랑두부], [배차실 남궁]: a post, then the person).
        if (lastSpace > 0 && whole.IndexOf(' ') == lastSpace && KoreanNameShaped(text, start, start + lastSpace) && !NameGazetteer.IsCommonWord(whole[..lastSpace])
            && AllGiven(whole[..lastSpace]) && !s_organisationEnds.Contains(whole[lastSpace - 1]) && Person.TitleEndingLength(whole[..lastSpace]) == 0
            && whole.Length - lastSpace - 1 >= 2
            && !whole[(lastSpace + 1)..].ContainsAnyExceptInRange('\uAC00', '\uD7A3') && !KoreanNameShaped(text, start + lastSpace + 1, end))
        {
            return (start, start + lastSpace);
        }

        // (A full name of three syllables and a licensed trade of three in 사 after it, which has a name's shape too: [변아름
        // 지도사], [모해솔 상담사]: the name.)
        if (lastSpace == 3 && whole.Length == 7 && whole.IndexOf(' ') == lastSpace && whole[4..] is [_, _, '사'] && KoreanNameShaped(text, start, start + 3)
            && !NameGazetteer.IsCommonWord(whole[..3]) && !whole[4..].ContainsAnyExceptInRange('\uAC00', '\uD7A3') && Person.TitleEndingLength(whole[..3]) == 0)
        {
            return (start, start + lastSpace);
        }

        start += lastSpace + 1;
        var word = text.AsSpan(start, end - start);
        // A group (엄마아빠들) is no person.
        if (word.EndsWith('들'))
        {
            return null;
        }

        var stem = word.EndsWith('님') ? word[..^1] : [];
        // A workspace's display name may join a team and a name with an underscore (상황실_서실장).
        var underscore = word.IndexOf('_');
        // (Or a handle's digits after it: 피노누아르_87.)
        var notHangul = underscore > 0 && underscore < word.Length - 1 && word.Count('_') == 1
            ? word[..underscore].ContainsAnyExceptInRange('\uAC00', '\uD7A3')
                || word[(underscore + 1)..].ContainsAnyExceptInRange('\uAC00', '\uD7A3') && word[(underscore + 1)..].ContainsAnyExceptInRange('0', '9')
            : word.ContainsAnyExceptInRange('\uAC00', '\uD7A3');
        // (A surname and a title after the underscore name the person too: 상황실_서실장, 총무_김과장.)
        var surnameTitle = underscore > 0 && word[(underscore + 1)..] is { Length: 3 or 4 } after && NameGazetteer.SurnameRank(after[0]) > 0
            && Person.IsTitleOrRole(after[1..]);
        return word.Length is < 2 or > 8 || !stem.IsEmpty && (Person.IsTitleOrRole(stem) || PrivateContext.IsContextWord(stem) || PrivateContext.IsStaffOrKin(stem))
            || notHangul || word.Length == 2 && !AllGivenSyllables(word) && !related || lastSpace < 0 && IsRelationWord(word)
            || NameGazetteer.IsCommonWord(word) || s_channelTags.Contains(word) || IsFormWord(word) && !surnameTitle ? null : (start, end);
    }

    // The languages of the residents an interpreters' or a multicultural centre's chat names (general Korean).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_languages = FrozenSet.Create(StringComparer.Ordinal,
        ["영어", "중국어", "일본어", "베트남어", "몽골어", "러시아어", "태국어", "캄보디아어", "크메르어", "네팔어", "우즈베크어", "우즈베키스탄어", "필리핀어", "타갈로그어",
         "인도네시아어", "미얀마어", "스리랑카어", "싱할라어", "벵골어", "우르두어", "아랍어", "스페인어", "프랑스어", "독일어", "카자흐어", "키르기스어", "라오어"])
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether <paramref name="word"/> says what a person is to the writer (외할머니, 큰언니, 막내, 형부, 둘째): a family chat's
    /// speaker by relation, and the word before a name in its brackets ([막내 똘이]). A nickname that ends with 장인 after
    /// two syllables or more calls its bearer a master of something (미플장인, 드리프트장인), not a father-in-law.
    /// </summary>
    private static bool IsRelationWord(ReadOnlySpan<char> word) =>
        word.Length >= 1 && !(word.Length >= 4 && word.EndsWith("장인", StringComparison.Ordinal)) && (EndsWithRelation(word) || PrivateContext.IsStaffOrKin(word) || word is "형부" or "처형" or "매형" or "올케" or "시누이" or "시누" or "새언니" or "제부" or "동서");

    /// <summary>Whether <paramref name="word"/> ends with a relation, a kinship word or a family order (외할머니, 큰언니, 막내).</summary>
    private static bool EndsWithRelation(ReadOnlySpan<char> word) =>
        EndsWithAny(word, PrivateContext.Relations) || EndsWithAny(word, PrivateContext.Kin) || EndsWithAny(word, s_familyOrder);

    /// <summary>
    /// Whether the line opens with a speaker named by relation in brackets, a name after none ([외할머니] …, [큰언니 💜] …):
    /// such lines make a chat as much as named ones.
    /// </summary>
    private static bool RelationSpeakerAt(string text, int lineStart, int lineEnd)
    {
        var p = SkipSpaces(text, lineStart, lineEnd);
        if (p >= lineEnd || text[p] != '[')
        {
            return false;
        }

        var close = text.IndexOf(']', p, lineEnd - p);
        if (close < 0 || close - p > 16)
        {
            return false;
        }

        var inner = text.AsSpan(p + 1, close - p - 1);
        var stop = inner.IndexOfAnyExceptInRange('\uAC00', '\uD7A3');
        inner = stop < 0 ? inner : inner[..stop];
        return inner.Length >= 2 && IsRelationWord(inner);
    }

    // Tags that a channel's own messages carry in brackets; general Korean, from knowledge.
    // Booking apps whose name a message log puts before the guest's ([부킹닷컴 Ploy Srisuk]); channel tags too.
    private static readonly string[] s_bookingApps = ["에어비앤비", "부킹닷컴", "아고다", "야놀자", "여기어때"];

    private static bool IsBookingApp(ReadOnlySpan<char> word)
    {
        foreach (var app in s_bookingApps)
        {
            if (word.SequenceEqual(app))
            {
                return true;
            }
        }

        return false;
    }

    // The ranks a streamer's chat shows in brackets before a viewer's line ([열혈팬] 간장종지(soysauce_01) : …): one list for
    // the channel tags and for the line reader (SpeakerAt), general knowledge of Korean streaming sites.
    private static readonly string[] s_fanRanks = ["열혈팬", "구독팬", "팬", "정기구독자", "서포터", "매니저", "팬클럽", "일반", "BJ", "VIP", "열혈"];

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_fanRankLookup =
        FrozenSet.Create(StringComparer.Ordinal, s_fanRanks).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_channelTags = FrozenSet.Create(StringComparer.Ordinal,
    [
        "공지사항", "운영진", "운영자", "관리자", "시스템", "알림톡", "자동응답", "방장", "부방장", "알림봇", "챗봇", "게시글", "공지글", "새글",
        "공지", "안내", "알림", "필독", "긴급", "공고", "광고", "홍보", "이벤트", "속보", "후원", "구독", "팔로우", "알림장",
        "급해요", "급구", "질문", "후기", "잡담", "정보", "나눔", "분실", "실종", "제보", "판매글", "구매글", "판매", "구매", "삭제된", "최신순", "등록순", "인기순",
        "고정됨", "고정", "목격자찾기", "주인찾기", "가족찾기",

        // A live stream's or a booking app's own roles (the streamer, the channel's manager, the host and the guest), and the
        // ranks of a streamer's fans before a viewer's name.
        "스트리머", "매니저", "모더레이터", "크리에이터", "호스트", "게스트", "슈퍼챗", "멤버십", .. s_fanRanks,

        // The app a message came through, as a log tags its lines ([에어비앤비] 호스트 …, [왓츠앱] …).
        .. s_bookingApps, "받은 문자", "보낸 문자", "오픈채팅", "왓츠앱", "카카오톡", "카톡", "인스타", "인스타그램", "텔레그램", "위챗", "페이스북", "메신저", "사내메신저", "문자", "이메일", "디엠",

        // A message log's direction of a message (received, sent).
        "수신", "발신", "받음", "보냄", "송신", "답장", "전송", "부재중",
    ]).GetAlternateLookup<ReadOnlySpan<char>>();

    // Roles of dialogue data and words of logs and manuals that open lines with a colon: no speaker's name.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_latinRoles = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "user", "users", "assistant", "human", "system", "bot", "chatbot", "gpt", "chatgpt", "model", "agent", "customer", "client",
        "host", "guest", "admin", "administrator", "moderator", "mod", "speaker", "interviewer", "interviewee", "teacher", "student",
        "doctor", "patient", "staff", "operator", "support", "info", "warn", "warning", "error", "debug", "note", "notes", "tip",
        "example", "input", "output", "answer", "question", "response", "prompt", "context", "instruction", "me", "you", "re", "fw",
        "fwd", "subject", "from", "to", "cc", "bcc", "date", "sent", "todo", "fixme", "step", "source", "title", "summary", "name",
        "email", "tel", "phone", "fax", "url", "id", "pw", "password", "caution", "important", "hint", "see", "ref", "result",
        "status", "reply", "comment", "update", "edit", "translator", "narrator", "all", "everyone", "anonymous", "unknown",
        "chaplain", "lector", "choir", "usher", "priest", "pastor", "celebrant", "organist", "cantor", "leader", "coordinator", "chair",
        "secretary", "treasurer", "president", "manager", "driver", "chef", "nurse", "coach", "captain", "referee", "judge",
        "witness", "plaintiff", "defendant", "reporter", "editor", "author", "writer", "director", "producer", "volunteer",
        "guild", "server", "channel", "topic", "category", "thread", "exported",
    ]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A transcript speaker in Latin letters at <paramref name="p"/>: a name or a handle of three to twenty letters, digits,
    /// underscores or dots (<c>Rafael: …</c>, <c>lucia_madrid: …</c>), not in capitals only (<c>INFO:</c>) and not a role of
    /// dialogue data or a word of logs and manuals (<c>User:</c>, <c>Note:</c>), then a colon and a space.
    /// </summary>
    private static (int Start, int End)? LatinSpeakerAt(string text, int p, int lineEnd, bool timed)
    {
        var q = p;
        var lower = false;
        while (q < lineEnd && (Context.IsAsciiLetter(text[q]) || Context.IsDigit(text[q]) || text[q] is '_' or '.'))
        {
            lower |= text[q] is >= 'a' and <= 'z';
            q++;
        }

        var token = text.AsSpan(p, q - p);
        if (FullLatinSpeakerAt(text, p, lineEnd, timed) is { } full)
        {
            return full;
        }

        return token.Length is < 3 or > 20 || !lower || token[^1] == '.' || s_latinRoles.Contains(token)
            || !TalkFollows(text, RoleInBracketsEnd(text, q, lineEnd, timed), lineEnd, spaceNeeded: true, timed) ? null : (p, q);
    }

    /// <summary>
    /// A speaker in Cyrillic letters (<c>[19:05] Энхжаргал: …</c>, <c>Ольга Ким: …</c>): one or two capitalised words of two to
    /// twenty letters before the colon and the talk.
    /// </summary>
    private static (int Start, int End)? CyrillicSpeakerAt(string text, int p, int lineEnd, bool timed)
    {
        var (q, words) = (p, 0);
        while (words < 2 && q < lineEnd && Context.IsCyrillicUpper(text[q]))
        {
            var w = q + 1;
            while (w < lineEnd && Context.IsCyrillicLetter(text[w]) && char.IsLower(text[w]))
            {
                w++;
            }

            if (w - q is < 2 or > 20 || w < lineEnd && (Context.IsCyrillicLetter(text[w]) || Context.IsLatinLetter(text[w])))
            {
                return null;
            }

            words++;
            q = w;
            if (Context.At(text, q) != ' ' || !Context.IsCyrillicUpper(Context.At(text, q + 1)))
            {
                break;
            }

            q++;
        }

        return words > 0 && TalkFollows(text, q, lineEnd, spaceNeeded: true, timed) ? (p, q) : null;
    }

    /// <summary>
    /// A speaker in an Indic or South-East Asian script, after a time or not (<c>[05:44] सुरज थापा: …</c>, <c>21:05 สมชาย:
    /// …</c>, <c>ស្រីមុំ: ចាស បង</c>): one to three words of one such script's letters and marks, each of at most twenty,
    /// before the colon and the talk; a speaker only where such lines make a conversation (Speakers).
    /// </summary>
    private static (int Start, int End)? ScriptSpeakerAt(string text, int p, int lineEnd, bool timed)
    {
        var script = IndicOrSoutheastAsian(text[p]);
        var (q, words) = (p, 0);
        while (words < 3 && q < lineEnd && IndicOrSoutheastAsian(text[q]) == script)
        {
            var w = q;
            while (w < lineEnd && IndicOrSoutheastAsian(text[w]) == script)
            {
                w++;
            }

            if (w - q > 20)
            {
                return null;
            }

            words++;
            q = w;
            if (Context.At(text, q) != ' ' || IndicOrSoutheastAsian(Context.At(text, q + 1)) != script)
            {
                break;
            }

            q++;
        }

        // (The name in Latin letters may follow in brackets before the colon: [오전 6:52] චාමර (Chamara W.): ….)
        var talk = text.AsSpan(q, Math.Min(2, lineEnd - q)) is " (" && text.IndexOf("):", q, Math.Min(lineEnd - q, 28), StringComparison.Ordinal) is var alias and > 0
            ? alias + 1 : q;
        return TalkFollows(text, talk, lineEnd, spaceNeeded: talk == q, timed) ? (p, q) : null;
    }

    /// <summary>A letter or mark of the Arabic script's main block (Arabic, Persian and Urdu letters; no digits or punctuation).</summary>
    private static bool IsArabicLetterOrMark(char c) => s_arabicLetters.Contains(c);

    private static readonly System.Buffers.SearchValues<char> s_arabicLetters = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0x0620, 0x0660 - 0x0620).Concat(Enumerable.Range(0x066E, 0x06D4 - 0x066E)).Select(c => (char)c)));

    /// <summary>
    /// The script of a letter or mark of Devanagari, Bengali and the other Indic scripts to Sinhala, Thai, Lao, Myanmar or
    /// Khmer (its Unicode block's number); 0 for any other character.
    /// </summary>
    private static int IndicOrSoutheastAsian(char c) => c switch
    {
        >= '\u0900' and <= '\u0EFF' => c >> 7,
        >= '\u1000' and <= '\u109F' => 0x1000,
        >= '\u1780' and <= '\u17FF' => 0x1780,
        _ => 0,
    };

    /// <summary>
    /// A full name in Latin letters speaking, as chat apps copy a line (<c>Phạm Thu Trang 08:22: Dạ được</c>, <c>Oliver
    /// Bennett: Hi!</c>, <c>Daulet B.: …</c>): two to four words in title case (letters with diacritics too, the last perhaps
    /// an initial, with a dot or none, or two capitalised parts joined by a hyphen: <c>Ailyn Reyes-Park</c>), one of them a listed name word, then a clock or not, a colon and talk.
    /// </summary>
    private static (int Start, int End)? FullLatinSpeakerAt(string text, int p, int lineEnd, bool timedLine = false)
    {
        var (q, words, listed, nicknamed) = (p, 0, false, false);
        while (words < 4 && q < lineEnd && Context.IsLatinUpper(text[q]))
        {
            var w = q + 1;
            while (w < lineEnd && Context.IsLatinLower(text[w]))
            {
                w++;
            }

            if (w - q < 2 || w < lineEnd && Context.IsLatinLetter(text[w]))
            {
                return null;
            }

            listed |= (NameGazetteer.LatinKind(text.AsSpan(q, w - q)) & (NameGazetteer.LatinGivenKind | NameGazetteer.LatinFamilyKind)) != 0;

            // (A double-barrelled family name: Ailyn Reyes-Park: ….)
            if (Context.At(text, w) == '-' && Context.IsLatinUpper(Context.At(text, w + 1)) && Context.IsLatinLower(Context.At(text, w + 2)))
            {
                var part = w + 2;
                while (part < lineEnd && Context.IsLatinLower(text[part]))
                {
                    part++;
                }

                listed |= (NameGazetteer.LatinKind(text.AsSpan(w + 1, part - w - 1)) & (NameGazetteer.LatinGivenKind | NameGazetteer.LatinFamilyKind)) != 0;
                w = part < lineEnd && Context.IsLatinLetter(text[part]) ? -1 : part;
                if (w < 0)
                {
                    return null;
                }
            }

            words++;
            q = w;

            // (An English name in brackets may stand between the given and the family name: Hyunwoo (Harry) Kim: ….)
            if (words == 1 && Context.At(text, q) == ' ' && Context.At(text, q + 1) == '(' && Context.IsLatinUpper(Context.At(text, q + 2))
                && text.IndexOf(')', q + 2, Math.Min(16, lineEnd - q - 2)) is var nickEnd and > 0
                && !text.AsSpan(q + 3, nickEnd - q - 3).ContainsAnyExceptInRange('a', 'z')
                && Context.At(text, nickEnd + 1) == ' ' && Context.IsLatinUpper(Context.At(text, nickEnd + 2)))
            {
                (q, nicknamed) = (nickEnd + 1, true);
            }

            if (Context.At(text, q) != ' ' || !Context.IsLatinUpper(Context.At(text, q + 1)))
            {
                break;
            }

            // (A family name's initial may end the name, with a dot or none: Daulet B.: …, Karthik S: ….)
            if (Context.At(text, q + 2) == '.' && !Context.IsLatinLetter(Context.At(text, q + 3)))
            {
                (q, words) = (q + 3, words + 1);
                break;
            }

            if (Context.At(text, q + 2) is ':' or '：' && words == 1)
            {
                (q, words) = (q + 2, words + 1);
                break;
            }

            // (Or a short family name in capitals, as Nepali write theirs: Prakash KC: ….)
            if (words == 1 && Context.IsLatinUpper(Context.At(text, q + 2))
                && (Context.At(text, q + 3) is ':' or '：' || Context.IsLatinUpper(Context.At(text, q + 3)) && Context.At(text, q + 4) is ':' or '：'))
            {
                (q, words) = (Context.At(text, q + 3) is ':' or '：' ? q + 3 : q + 4, words + 1);
                break;
            }

            q++;
        }

        // (A name with an English one in brackets between its words is a person's without a listed word, and so is a given and
        // a family name after a time in brackets, the layout of a chat's export: [07:48] Jhen Villacorte: ….)
        // (A generational suffix may close the name: Christian Dumalagan Jr.: ….)
        if (words >= 3 && Context.At(text, q) == '.' && q >= 3 && text.AsSpan(q - 3, 3) is " Jr" or " Sr")
        {
            q++;
        }

        if (words >= 2 && (listed || nicknamed || words == 2 && timedLine && UnlistedPair(text, p, q)))
        {
            // (After a time the talk may open with a number: [10:30] Piotr Wiśniewski: 8D draft ….)
            var clock = Context.At(text, q) == ' ' ? ClockEnd(text, q + 1, lineEnd) : -1;
            var timed = clock > 0;
            if (TalkFollows(text, timed ? clock : RoleInBracketsEnd(text, q, lineEnd, timedLine), lineEnd, spaceNeeded: true, timed || timedLine))
            {
                return (p, q);
            }
        }

        // A Korean name romanised needs no listed word: the surname's spelling marks it (Jaewon Seo: …), and its given name
        // may be joined by a hyphen (Han Seul-ki: …).
        return Person.RomanisedKoreanName(text, p) is var romanised and > 0 && romanised <= lineEnd
            && TalkFollows(text, RoleInBracketsEnd(text, romanised, lineEnd, timedLine), lineEnd, spaceNeeded: true, timedLine) ? (p, romanised) : null;
    }

    /// <summary>Two capitalised words between <paramref name="start"/> and <paramref name="end"/>, neither a role nor an English word that names no one (Team Meeting).</summary>
    private static bool UnlistedPair(string text, int start, int end)
    {
        var pair = text.AsSpan(start, end - start);
        var space = pair.IndexOf(' ');
        return space > 0 && pair[(space + 1)..].IndexOf(' ') < 0 && !pair.ContainsAny('(', '.')
            && !s_latinRoles.Contains(pair[..space]) && !s_latinRoles.Contains(pair[(space + 1)..])
            && !Person.IsEnglishNotName(pair[..space]) && !Person.IsEnglishNotName(pair[(space + 1)..]);
    }

    // How nicknames of people end (general Korean, from knowledge): a teacher (샘, 쌤), kin and familiar address, a keeper
    // or a fan, a boss of play (짱, 왕).
    private static readonly string[] s_nicknameEnds =
    [
        "샘", "쌤", "맘", "엄마", "아빠", "이모", "삼촌", "언니", "오빠", "누나", "형", "님", "댁", "할매", "할배", "아재", "지기", "러버", "요정", "천사", "짱", "왕",
        "코치", "기사", "반장", "총무",
    ];

    /// <summary>A word of a log's or a form's own (a context, field or form word, a channel's tag): no speaker's.</summary>
    private static bool IsWordOfLogs(ReadOnlySpan<char> w) => PrivateContext.IsContextWord(w) || PrivateContext.IsFieldWord(w) || s_channelTags.Contains(w) || IsFormWord(w);

    /// <summary>
    /// The speaker of two Hangul words whose first is <paramref name="start"/>..<paramref name="end"/>, followed by talk
    /// after a colon: a name before a title, or, where the same two words and colon open talk elsewhere in the text too, a
    /// full name beside a word or a nickname of two words; null otherwise.
    /// </summary>
    private static (int Start, int End)? TwoWordNickname(string text, int start, int end, int lineEnd)
    {
        if (end - start is < 2 or > 6 || Context.At(text, end) != ' ' || !Context.IsHangulSyllable(Context.At(text, end + 1)))
        {
            return null;
        }

        var second = end + 1;
        while (second < lineEnd && Context.IsHangulSyllable(text[second]))
        {
            second++;
        }

        var first = text.AsSpan(start, end - start);
        var last = text.AsSpan(end + 1, second - end - 1);
        if (last.Length is < 2 or > 6 || Context.At(text, second) != ':' || !TalkFollows(text, second, lineEnd, spaceNeeded: false, timed: true)
            || IsWordOfLogs(first) || IsWordOfLogs(last))
        {
            return null;
        }

        // (A name and a title, 오후 1:50 전미란 코디: …, is the name's.)
        if (Person.IsTitleOrRole(last) || IsRoleWord(last))
        {
            return KoreanNameShaped(text, start, end) ? (start, end) : null;
        }

        var speaker = text.AsSpan(start, second + 1 - start);
        var again = text.AsSpan(second + 1).IndexOf(speaker, StringComparison.Ordinal);
        var before = text.AsSpan(0, start).LastIndexOf(speaker, StringComparison.Ordinal);
        if (!(again >= 0 && text[second + 1 + again - 1] == ' ' || before > 0 && text[before - 1] == ' '))
        {
            return null;
        }

        // (Repeated, a full name beside a word speaks under the name: 전미란 코디, 바둑 고수빈. Otherwise the second word ends
        // as people's nicknames do, with a teacher, a mother or a title of play: 쿠킹샘, 하람맘, 텃밭지기; an agenda's words do
        // not, 전체 회의, 자유 토론.)
        // (Where both words have a name's shape the word before is the role: 호스트 송지은.)
        return last.Length == 3 && KoreanNameShaped(text, end + 1, second) ? (end + 1, second)
            : first.Length == 3 && KoreanNameShaped(text, start, end) ? (start, end)
            : !NameGazetteer.IsCommonWord(last) && EndsWithAny(last, s_nicknameEnds) ? (start, second) : null;

    }

    /// <summary>
    /// Whether a speaker's colon and talk follow the name ending at <paramref name="p"/>: one space at most, a colon, then
    /// a space (or, unless <paramref name="spaceNeeded"/>, the end of the line) and talk that does not start with a number
    /// or markup. A transcript's colon is followed by a space (김민수: 네); a label's value may start with a number (방문일:
    /// 2025-…), markup goes on at once (모듈 :mod:`logging`); with <paramref name="timed"/> (a time opens the line) the talk
    /// may start with a number.
    /// </summary>
    private static bool TalkFollows(string text, int p, int lineEnd, bool spaceNeeded, bool timed = false)
    {
        // (Symbols that decorate a display name may stand before the colon, a space apart or not, after a
        // handle's digit too: Madina🌷:, Chamara 🇱🇰:, Tin2 💙:.)
        var decorated = Context.At(text, p) == ' ' ? p + 1 : p;
        if (p > 0 && char.IsLetterOrDigit(text[p - 1]) && Decoration(text, decorated, lineEnd) is var e && e > decorated)
        {
            p = e;
        }

        if (Context.At(text, p) == ' ')
        {
            p++;
        }

        if (p >= lineEnd || text[p] is not (':' or '：'))
        {
            return false;
        }

        var q = p + 1;
        if (q < lineEnd ? text[q] != ' ' : spaceNeeded)
        {
            return false;
        }

        while (q < lineEnd && text[q] == ' ')
        {
            q++;
        }

        return !(q < lineEnd && (Context.IsDigit(text[q]) && !timed || text[q] is ':' or '`' or '*' or '='));
    }

    /// <summary>
    /// The handle of a line that opens with it, a middle dot and the talk (<c>bamrun.captain · 오늘 코스 …</c>), perhaps after a
    /// short tag in brackets (<c>[DM] film_minseo · …</c>): one word of three to thirty letters, digits, <c>_</c> and <c>.</c>
    /// with a dot, an underscore or a digit in it, as a handle has; null otherwise (a post's byline, <c>봄비내리는날 · 2025-06-12</c>, has Hangul).
    /// </summary>
    private static (int Start, int End)? DotSpeaker(string text, int p, int lineEnd)
    {
        if (Context.At(text, p) == '[' && text.IndexOf(']', p, Math.Min(8, lineEnd - p)) is var close and > 0
            && !text.AsSpan(p + 1, close - p - 1).ContainsAnyExceptInRange('A', 'Z'))
        {
            p = SkipSpaces(text, close + 1, lineEnd);
        }

        var dot = text.IndexOf(" · ", p, Math.Min(34, lineEnd - p), StringComparison.Ordinal);
        var word = dot > p ? text.AsSpan(p, dot - p) : [];
        return word.Length is >= 3 and <= 30 && Context.IsAsciiLetter(word[0]) && !word.ContainsAnyExcept(s_handleChars) && word.ContainsAny("._0123456789")
            && dot + 3 < lineEnd && !Context.IsDigit(text[dot + 3]) ? (p, dot) : null;
    }

    /// <summary>
    /// The end of a donation's giver at <paramref name="p"/> (past a handle's trailing underscore) when <c> 님 </c>, an
    /// amount and its unit and a colon follow (<c>까망베르_ 님 5,000치즈:</c>); -1 otherwise.
    /// </summary>
    private static int DonationGiverEnd(string text, int p, int lineEnd)
    {
        var end = Context.At(text, p) == '_' ? p + 1 : p;
        if (!text.AsSpan(end, lineEnd - end).StartsWith(" 님 ", StringComparison.Ordinal) || !Context.IsDigit(Context.At(text, end + 3)))
        {
            return -1;
        }

        var q = end + 3;
        while (q < lineEnd && (Context.IsDigit(text[q]) || text[q] == ','))
        {
            q++;
        }

        var unit = q;
        while (q < lineEnd && Context.IsHangulSyllable(text[q]) && q - unit < 4)
        {
            q++;
        }

        return q > unit && Context.At(text, q) == ':' ? end : -1;
    }

    /// <summary>Past a month and a day without the year at <paramref name="p"/> (<c>3월 14일 </c>); -1 when none.</summary>
    private static int MonthDayEnd(string text, int p, int lineEnd)
    {
        var q = p;
        while (q < lineEnd && Context.IsDigit(text[q]) && q - p < 2)
        {
            q++;
        }

        if (q == p || !text.AsSpan(q, lineEnd - q).StartsWith("월 ", StringComparison.Ordinal))
        {
            return -1;
        }

        var day = q += 2;
        while (q < lineEnd && Context.IsDigit(text[q]) && q - day < 2)
        {
            q++;
        }

        return q > day && text.AsSpan(q, lineEnd - q).StartsWith("일 ", StringComparison.Ordinal) ? q + 2 : -1;
    }

    /// <summary>A handle of Hangul and Latin letters in brackets (<c>[도시농부J]</c>, <c>[하늘_Kim]</c>): two syllables or more and a letter.</summary>
    private static (int Start, int End)? MixedBracketHandle(string text, int start, int end)
    {
        (start, end) = Trim(text, start, end);
        var word = text.AsSpan(start, end - start);
        var syllables = 0;
        foreach (var c in word)
        {
            syllables += Context.IsHangulSyllable(c) ? 1 : 0;
        }

        return word.Length <= 16 && syllables >= 2 && (word.ContainsAnyInRange('A', 'Z') || word.ContainsAnyInRange('a', 'z')) && Context.IsHangulSyllable(word[0]) && IsHandleWithHangul(word)
            && !Person.IsTitleOrRole(word[..syllables]) ? (start, end) : null;
    }

    /// <summary>
    /// Past how long ago a comment was written at <paramref name="p"/> (<c>2일 전</c>, <c>20시간 전</c>, <c>방금 전</c>), as
    /// video and community sites show it, when a middle dot or the line's end follows; -1 otherwise.
    /// </summary>
    private static int RelativeTimeEnd(string text, int p, int lineEnd)
    {
        var q = p;
        while (q < lineEnd && Context.IsDigit(text[q]) && q - p < 3)
        {
            q++;
        }

        var rest = text.AsSpan(q, lineEnd - q);
        var unit = q == p ? rest.StartsWith("방금 전", StringComparison.Ordinal) ? 4 : 0
            : rest.StartsWith("분 전", StringComparison.Ordinal) || rest.StartsWith("일 전", StringComparison.Ordinal) || rest.StartsWith("주 전", StringComparison.Ordinal)
                || rest.StartsWith("년 전", StringComparison.Ordinal) ? 3
            : rest.StartsWith("시간 전", StringComparison.Ordinal) || rest.StartsWith("개월 전", StringComparison.Ordinal) ? 4 : 0;
        var end = q + unit;
        // (A portal's news comments put a dash before the comment: 산타는곰돌이 · 2시간 전 — 고생 많으셨습니다.)
        var after = text.AsSpan(end, lineEnd - end);
        return unit > 0 && (end == lineEnd || after.StartsWith(" · ", StringComparison.Ordinal) || after.StartsWith(" (수정됨)", StringComparison.Ordinal)
            || after.StartsWith(" — ", StringComparison.Ordinal) || after.StartsWith(" - ", StringComparison.Ordinal))
            ? end : -1;
    }

    /// <summary>After <c>오전</c>/<c>오후</c> and a clock time (<c>9:12</c>, <c>21:05</c>, <c>0:03:12</c>) and a space, the position after them; else <paramref name="p"/>.</summary>
    private static int SkipTime(string text, int p, int lineEnd)
    {
        var q = ClockEnd(text, p, lineEnd);

        // (A live stream's replay counts the seconds too: 0:03:12 김치는사랑: ….)
        if (q > 0 && Context.At(text, q) == ':' && Context.IsDigit(Context.At(text, q + 1)) && Context.IsDigit(Context.At(text, q + 2)))
        {
            q += 3;
        }

        // (A phone set to English writes the half of the day after the clock: 2025. 1. 9. 9:16 PM Anisha Rai: ….)
        if (q > 0 && Context.At(text, q) == ' ' && Context.At(text, q + 1) is 'A' or 'P' && Context.At(text, q + 2) == 'M' && Context.At(text, q + 3) == ' ')
        {
            q += 3;
        }

        return q < 0 || Context.At(text, q) != ' ' ? p : SkipSpaces(text, q, lineEnd);
    }

    /// <summary>
    /// The display name of a line that holds a name, two spaces or more (or Discord's dash and perhaps a date) and a time
    /// (<c>오전</c>/<c>오후</c> and the clock), as a workspace messenger copies a message's header, alone or with the talk after
    /// two spaces or a bar (<paramref name="talks"/>), or a name, one space, a full date, a time and a bar before the talk, as
    /// a board's comments are copied (<c>노을빛 2025-06-02 00:12 | …</c>); null otherwise.
    /// </summary>
    private static (int Start, int End)? HeaderSpeaker(string text, int p, int lineEnd, out bool talks)
    {
        talks = false;
        var end = Trim(text, p, lineEnd).End;

        // (Two spaces or more, or a dash as Discord and some messengers copy it: 모카라떼 — 오후 2:59.)
        var dash = text.AsSpan(p, Math.Min(end - p, 28)).IndexOf(" — ", StringComparison.Ordinal);
        var (gap, after) = dash > 0 ? (dash, 3) : (text.AsSpan(p, end - p).IndexOf("  ", StringComparison.Ordinal), 0);

        // (Or one space and a full date, as a board's comments are copied with the talk after a bar: 노을빛 2025-06-02 00:12 | ….)
        var dateEnd = -1;
        if (gap < 0)
        {
            for (var space = text.IndexOf(' ', p, Math.Min(end - p, 26)); space > p; space = space + 1 < end ? text.IndexOf(' ', space + 1, Math.Min(end - space - 1, p + 26 - space)) : -1)
            {
                if (DateEnd(text, space + 1, end) is var past && past - space > 8)
                {
                    (gap, dateEnd) = (space - p, past);
                    break;
                }
            }
        }

        // (A workspace's display name may carry a role in parentheses: Tyler Brooks (LQA - Austin)  9:40 AM.)
        if (gap < 2 || gap > 24 && !(gap <= 48 && text[p + gap - 1] == ')'))
        {
            return null;
        }

        if (dateEnd > 0)
        {
            var barred = ClockEnd(text, dateEnd, end);
            talks = barred > 0 && BarTalk(text, barred, end);
            return talks ? DisplayName(text, p, p + gap) ?? PlainHandle(text, p, p + gap) ?? CommentHandle(text, p, p + gap) : null;
        }

        // (The time in Korean, 오후 2:31, or as an English workspace writes it, 10:02 AM, perhaps after the month and the day:
        // Yeom, Jaehoon  3/10 8:42 AM  Morning all.)
        var clock = SkipSpaces(text, p + gap + after, end);
        if (after == 0 && MonthSlashDayEnd(text, clock, end) is var monthDay and > 0)
        {
            clock = monthDay;
        }
        else if (after == 0 && text.AsSpan(clock, Math.Min(4, end - clock)) is "Mon " or "Tue " or "Wed " or "Thu " or "Fri " or "Sat " or "Sun ")
        {
            // (Or the day of the week: Whitfield, Grace (Office Manager)  Mon 8:02 AM.)
            clock += 4;
        }

        // (Discord's copy may say the day before the time: Rekka — 오늘 오후 10:43, 어제 오후 9:12, 2025.03.04. 오후 9:12.)
        if (after > 0)
        {
            clock = text.AsSpan(clock, end - clock).StartsWith("오늘 ", StringComparison.Ordinal) || text.AsSpan(clock, end - clock).StartsWith("어제 ", StringComparison.Ordinal)
                ? clock + 3 : DateEnd(text, clock, end);
        }

        // (The talk may follow the time on the same line after two spaces: 닉머리 — 2025. 4. 23. 오후 11:06  ㅇㅇ 보컬 ….)
        var time = text.AsSpan(clock, end - clock);
        var c = ClockEnd(text, clock, end);
        var korean = time.StartsWith("오전 ", StringComparison.Ordinal) || time.StartsWith("오후 ", StringComparison.Ordinal);
        talks = korean ? TalkAfter(text, c, end) : c > 0 && text.AsSpan(c, end - c) is [' ', 'A' or 'P', 'M', ..] && TalkAfter(text, c + 3, end);

        // (After Discord's dash the talk may follow the time after one space, or after a colon and a space: 감자튀김🍟 — 오늘
        // 오후 1:05 서폿 나 맞지?, zzin_k — 2025년 2월 12일 오후 9:33: ㅇㅋ.)
        talks |= after == 3 && korean && c > 0 && c + 1 < end && (text[c] == ' ' && text[c + 1] != ' ' || text[c] == ':' && c + 2 < end && text[c + 1] == ' ' && text[c + 2] != ' ');

        // (Or a 24-hour time after the day: 갓생준비생 — 오늘 05:02 기상 인증 📸.)
        talks |= after == 3 && !korean && clock > p + gap + after && c > 0 && c + 1 < end && text[c] == ' ' && text[c + 1] != ' ';
        // (Discord shows a member's role in brackets after the name: 밤까마귀 [플레이어] — 오늘 오후 9:14, Sora_Mod [관리자] — ….)
        var nameEnd = after == 3 && text[p + gap - 1] == ']' && text.LastIndexOf(" [", p + gap - 1, gap, StringComparison.Ordinal) is var tagOpen and > 0
            && tagOpen > p && p + gap - tagOpen - 3 is >= 1 and <= 10 ? tagOpen : p + gap;

        // (Or the whole name in brackets before the dash, as some copies set the author: [초록주사위] — 2025-06-03 오후 2:20.)
        if (after == 3 && text[p] == '[' && nameEnd == p + gap && text[nameEnd - 1] == ']' && text.IndexOf(']', p) == nameEnd - 1)
        {
            (p, nameEnd) = (p + 1, nameEnd - 1);
        }

        var timed = talks || (korean ? c == end : c > 0 && text.AsSpan(c, end - c) is " AM" or " PM");
        // (A workspace's role in brackets after "Family, Given": Whitfield, Grace (Office Manager).)
        var roleless = text[nameEnd - 1] == ')' && text.LastIndexOf(" (", nameEnd - 1, nameEnd - p, StringComparison.Ordinal) is var roleOpen and > 0 && roleOpen > p ? roleOpen : nameEnd;
        return !timed ? null : (after == 3 ? TwoWordHandle(text, p, nameEnd) : null) ?? DisplayName(text, p, nameEnd) ?? PlainHandle(text, p, Undecorated(text, p, Trim(text, p, nameEnd).End)) ?? FamilyCommaGiven(text, p, roleless)
            ?? (after == 3 ? ExportedNickname(text, p, nameEnd) ?? DigitHandle(text, p, nameEnd) ?? MixedHandle(text, p, nameEnd) ?? ShortHandle(text, p, Trim(text, p, nameEnd).End)
                    ?? CommentHandle(text, p, Trim(text, p, nameEnd).End)
                : talks ? ExportedNickname(text, p, nameEnd) ?? DigitHandle(text, p, nameEnd) : null);

        // (Or, after Discord's dash, a display name of two Hangul words, 카드덕후 민트, 보드게임 하는 곰: no role or tag.)
        static (int Start, int End)? TwoWordHandle(string text, int start, int end)
        {
            (start, end) = Trim(text, start, end);
            var word = text.AsSpan(start, end - start);
            var space = word.IndexOf(' ');
            return word.Length is >= 4 and <= 13 && space is >= 1 and <= 6 && word.Length - space - 1 is >= 1 and <= 6 && word[(space + 1)..].IndexOf(' ') < 0
                && IsHangulOnly(word[..space]) && IsHangulOnly(word[(space + 1)..])
                && !IsRoleOrTag(word[..space]) && !IsRoleOrTag(word[(space + 1)..]) && !IsRoleOrTag(word) ? (start, end) : null;

            static bool IsHangulOnly(ReadOnlySpan<char> w) => !w.ContainsAnyExceptInRange('\uAC00', '\uD7A3');
        }

        // (Or, after Discord's dash, a handle that mixes scripts, letters and digits or an underscore: 누룽지GM, ゆき_Yuki.)
        static (int Start, int End)? MixedHandle(string text, int start, int end)
        {
            (start, end) = Trim(text, start, end);
            var word = text.AsSpan(start, end - start);
            var (hangulOrKana, latin) = (0, 0);
            foreach (var c in word)
            {
                if (Context.IsHangulSyllable(c) || IsKana(c))
                {
                    hangulOrKana++;
                }
                else if (Context.IsAsciiLetter(c))
                {
                    latin++;
                }
                else if (!(Context.IsDigit(c) || c == '_'))
                {
                    return null;
                }
            }

            return word.Length is >= 3 and <= 20 && hangulOrKana > 0 && latin > 0 && !IsRoleWord(word) ? (start, end) : null;
        }

        // (Or the family name first and a comma, as a company's directory shows staff: Seo, Yerim (Localization PM).)
        static (int Start, int End)? FamilyCommaGiven(string text, int start, int end)
        {
            (start, end) = Trim(text, start, end);
            if (end - start > 4 && text[end - 1] == ')' && text.LastIndexOf('(', end - 1, end - start) is var open and > 0 && open > start)
            {
                end = Trim(text, start, open).End;
            }

            // (A romanised Korean name in no list is written so too: Yeom, Jaehoon; Bang, Sook-hee.)
            var comma = text.IndexOf(", ", start, end - start, StringComparison.Ordinal);
            return comma > start && NamePart(text.AsSpan(start, comma - start)) && comma + 2 < end && NamePart(text.AsSpan(comma + 2, end - comma - 2))
                ? (start, end) : null;

            static bool NamePart(ReadOnlySpan<char> part) => IsLatinName(part) || part.Length is >= 2 and <= 14 && Context.IsLatinUpper(part[0])
                && part[1..].IndexOfAnyExceptInRange('a', 'z') is var other && (other < 0 || part[1 + other] == '-' && other >= 1 && part.Length - other - 2 >= 2
                    && !part[(other + 2)..].ContainsAnyExceptInRange('a', 'z'));
        }

        // (Two spaces, then the talk, or a bar: pixel — 2025. 10. 2. 오후 11:02 | 빌드 ….)
        static bool TalkAfter(string text, int c, int end) => c > 0 && c + 2 < end && text[c] == ' ' && (text[c + 1] == ' ' && text[c + 2] != ' ' || BarTalk(text, c, end));

        // (A bar between the time and the talk.)
        static bool BarTalk(string text, int c, int end) => c + 3 < end && text.AsSpan(c, 3) is " | " && text[c + 3] != ' ';

        // (Or, after Discord's dash or before the talk on the line, a handle of syllables and digits: 유나0427 — 2025. 12. 12.
        // 오후 9:15, 솔바람87  오후 3:12  안녕하세요.)
        static (int Start, int End)? DigitHandle(string text, int start, int end)
        {
            (start, end) = Trim(text, start, end);
            return end - start >= 3 && Context.IsHangulSyllable(text[start]) && IsDigitHandle(text.AsSpan(start, end - start)) ? (start, end) : null;
        }

        // (In a header's own layout a plain word in lower case is the speaker's handle too, perhaps decorated: pixelpotato
        // 10:05 AM, haru🌙 — 오후 11:05.)
        static (int Start, int End)? PlainHandle(string text, int start, int end)
        {
            (start, end) = Trim(text, start, end);
            var word = text.AsSpan(start, end - start);
            // (Or a handle that joins letters and Hangul with an underscore: Sol_서포터.)
            return word.Length is >= 3 and <= 24 && (word[0] is >= 'a' and <= 'z' && !word.ContainsAnyExcept(s_handleChars)
                || Context.IsAsciiLetter(word[0]) && word.Contains('_') && IsHandleWithHangul(word)) ? (start, end) : null;
        }
    }

    /// <summary>
    /// The name of a line of LINE's saved talk at <paramref name="p"/>: a 24-hour clock time, a tab, a name of one to twenty
    /// characters in any script (no digit, no common, form or role word), a tab, then the talk.
    /// </summary>
    private static (int Start, int End)? TabbedSpeaker(string text, int p, int lineEnd)
    {
        var clock = ClockEnd(text, p, lineEnd);
        if (clock <= p || Context.At(text, clock) != '\t')
        {
            return null;
        }

        var start = clock + 1;
        var tab = text.IndexOf('\t', start, Math.Min(21, lineEnd - start));
        if (tab <= start || tab + 1 >= lineEnd || text[tab + 1] is '\t' or ' ')
        {
            return null;
        }

        // (A table's row goes on with more cells: 10:00	콩이(말티즈)	오정숙	…; the talk is the line's last cell.)
        if (text.IndexOf('\t', tab + 1, lineEnd - tab - 1) > 0)
        {
            return null;
        }

        var (s, e) = Trim(text, start, tab);

        // (Symbols that decorate the name are left out, and a second word in another script is the name again: Somchai ⚡,
        // Nok นก.)
        e = Trim(text, s, Undecorated(text, s, e)).End;
        if (text.IndexOf(' ', s, e - s) is var space and > 0 && char.IsLetter(text[space + 1]) && Context.IsLatinLetter(text[s]) != Context.IsLatinLetter(text[space + 1]))
        {
            e = space;
        }

        var name = text.AsSpan(s, e - s);
        return e > s && !name.ContainsAnyInRange('0', '9') && !NameGazetteer.IsCommonWord(name) && !IsFormWord(name) && !PrivateContext.IsContextWord(name)
            && !PrivateContext.IsFieldWord(name) ? (s, e) : null;
    }

    /// <summary>Past the Chinese characters and kana at <paramref name="p"/>.</summary>
    private static int CjkWordEnd(string text, int p, int lineEnd)
    {
        while (p < lineEnd && (ScriptProfile.IsHan(text[p]) || IsKana(text[p])))
        {
            p++;
        }

        return p;
    }

    /// <summary>
    /// The name of a line of a Chinese chat that opens with the speaker and a colon, the time on a line of its own above
    /// (<c>金英花：姐妹们…</c>, <c>王姐🌸：谢谢</c>), or a Japanese chat's in kana (<c>かおり🏓: おめでとう!</c>): two to four Chinese
    /// characters from a surname's or two to six kana, perhaps decorated; a speaker
    /// only where such lines make a conversation (Speakers), as a room's or a team's label (会议室：) does not open with a surname.
    /// </summary>
    private static (int Start, int End)? CjkColonSpeaker(string text, int p, int lineEnd)
    {
        var end = CjkWordEnd(text, p, lineEnd);
        var han = end;
        // (A Chinese name may carry an English one: 刘洋Leo：….)
        while (end < lineEnd && Context.IsAsciiLetter(text[end]) && end - han < 10)
        {
            end++;
        }

        end = end - han == 1 || end - han >= 10 ? han : end;
        var decorated = Decoration(text, end, lineEnd);
        var kana = text.AsSpan(p, han - p).ContainsAnyInRange('\u3041', '\u30FA');
        if (han - p is < 2 or > 6 || Context.At(text, decorated) is not ('：' or ':') || decorated + 1 >= lineEnd || text[decorated + 1] is '/'
            || (kana ? end > han || text.AsSpan(p, han - p).ContainsAnyExceptInRange('\u3041', '\u30FA') : han - p > 4 || !HanSpeakerOpening(text, p, han, decorated > end) || text[decorated + 1] == ' ' && text[decorated] == '：'))
        {
            return null;
        }

        return (p, end);
    }

    /// <summary>
    /// Whether a Chinese word before a speaker's colon opens as a name does: with a surname's character, or with 阿 before
    /// a given name (阿芳, not 阿姨), or 小 or 老 before a surname (小李, 老朴), or, decorated by a symbol after it (梅子🌸),
    /// with any character; a room's or a team's label (会议室：) does none of these.
    /// </summary>
    private static bool HanSpeakerOpening(string text, int start, int end, bool decorated) =>
        IsHanSurname(text[start]) || decorated && end - start <= 3 || text[start] == '阿' && end - start == 2 && text[start + 1] != '姨'
        || text[start] is '小' or '老' && end - start == 2 && IsHanSurname(text[start + 1]);

    /// <summary>
    /// The name of a line of a chat copied with the time, a space, a Japanese or Chinese display name and the talk
    /// (<c>10:05 田中由美 皆さん…</c>, <c>10:08 さとう めぐみ 了解です</c>, WeChat's <c>周日 20:15 刘子轩：欢迎…</c> with the day and
    /// a colon): a word of two to eight Chinese characters and kana, or two words of kana; a speaker only where such lines
    /// make a conversation (Speakers), as a timetable's do not.
    /// </summary>
    private static (int Start, int End)? TimedCjkSpeaker(string text, int p, int lineEnd)
    {
        // (WeChat's copy may say the day before the time: 周日 20:15 刘子轩：….)
        var clock = ClockEnd(text, ChineseDayEnd(text, p, lineEnd), lineEnd);
        if (clock <= p || Context.At(text, clock) != ' ')
        {
            return null;
        }

        var start = clock + 1;
        var end = CjkWordEnd(text, start, lineEnd);
        // (Before a colon, a Chinese name opens with a surname's character, as a room's or a team's label does not: 会议室：;
        // symbols may decorate it, 小王🌸: ….)
        var decorated = Decoration(text, end, lineEnd);
        var colon = Context.At(text, decorated) is '：' or ':';
        if (end - start is < 2 or > 8 || decorated > end && !colon || Context.At(text, end) != ' ' && !colon
            || colon && !HanSpeakerOpening(text, start, end, decorated > end) && !text.AsSpan(start, end - start).ContainsAnyInRange('\u3041', '\u30FA'))
        {
            return null;
        }

        // (A name of two words in kana: さとう めぐみ.)
        var second = colon ? 0 : CjkWordEnd(text, end + 1, lineEnd);
        if (second - end - 1 is >= 2 and <= 5 && Context.At(text, second) == ' ' && AllKana(text.AsSpan(start, end - start)) && AllKana(text.AsSpan(end + 1, second - end - 1)))
        {
            end = second;
        }

        return end + 2 < lineEnd ? (start, end) : null;

        // The end of a day that a Chinese chat writes before the time and a space (周日, 星期三, 昨天), or p.
        static int ChineseDayEnd(string text, int p, int lineEnd)
        {
            var line = text.AsSpan(p, lineEnd - p);
            var length = line.StartsWith("星期", StringComparison.Ordinal) && line.Length > 2 && "一二三四五六日天".Contains(line[2], StringComparison.Ordinal) ? 3
                : line.Length > 1 && line[0] == '周' && "一二三四五六日天".Contains(line[1], StringComparison.Ordinal) ? 2
                : line.StartsWith("昨天", StringComparison.Ordinal) || line.StartsWith("今天", StringComparison.Ordinal) || line.StartsWith("前天", StringComparison.Ordinal) ? 2 : 0;
            return length > 0 && Context.At(text, p + length) == ' ' ? p + length + 1 : p;
        }

        static bool AllKana(ReadOnlySpan<char> word)
        {
            foreach (var c in word)
            {
                if (!IsKana(c))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// The display name at <paramref name="p"/> when <c>오전</c>/<c>오후</c>, a clock time and the talk follow it on the same
    /// line (<c>최윤슬 오후 9:02 보민아 …</c>, <c>한가온 (CEO) 오후 9:41  내일 …</c>) or a 24-hour time does (<c>林宜蓁 22:14 室友~
    /// …</c>), or a time in brackets does (<c>편경호 [09:10] 카페 …</c>); null otherwise.
    /// </summary>
    private static (int Start, int End)? SpeakerBeforeClock(string text, int p, int lineEnd)
    {
        var line = text.AsSpan(p, Math.Min(lineEnd - p, 28));
        // (A colon may follow the bracket: doyoon.k [오전 9:40]: ….)
        if (Context.At(text, p) != '[' && line.IndexOf(" [", StringComparison.Ordinal) is var bracket and >= 2 && ClockEnd(text, p + bracket + 2, lineEnd) is var bracketed and > 0
            && Context.At(text, bracketed) == ']' && (Context.At(text, bracketed + 1) == ':' ? bracketed + 1 : bracketed) is var afterBracket
            && Context.At(text, afterBracket + 1) == ' ' && afterBracket + 2 < lineEnd && text[afterBracket + 2] != ' ')
        {
            return DisplayName(text, p, p + bracket);
        }

        // (Or in parentheses before a colon, as a Facebook group's chat is copied: Trần Mỹ Linh (20:14): Các chị ơi….)
        if (Context.At(text, p) != '(' && line.IndexOf(" (", StringComparison.Ordinal) is var parenthesis and >= 2 && ClockEnd(text, p + parenthesis + 2, lineEnd) is var closed and > 0
            && Context.At(text, closed) == ')' && Context.At(text, closed + 1) == ':' && Context.At(text, closed + 2) == ' ' && closed + 3 < lineEnd)
        {
            return DisplayName(text, p, p + parenthesis);
        }

        var gap = line.IndexOf(" 오전 ", StringComparison.Ordinal) is var am and > 0 ? am : line.IndexOf(" 오후 ", StringComparison.Ordinal);
        if (gap < 2)
        {
            // (Or a 24-hour time after the name: 林宜蓁 22:14 室友~ …, Dilnoza_opa 20:20  Qizim ….)
            var digit = line.IndexOfAnyInRange('0', '9');
            if (digit < 3 || line[digit - 1] != ' ' || ClockEnd(text, p + digit, lineEnd) is not (var hours and > 0) || Context.At(text, hours) != ' ')
            {
                return null;
            }

            var talkAt = Context.At(text, hours + 1) == ' ' ? hours + 2 : hours + 1;
            // (A name in a script of its own speaks there too: သန္တာဝင်း 21:06  ….)
            return talkAt < lineEnd && text[talkAt] != ' '
                ? DisplayName(text, p, p + digit - 1) ?? CjkDisplayName(text, p, p + digit - 1) ?? (OtherScriptName(text.AsSpan(p, digit - 1)) ? (p, p + digit - 1) : null) : null;
        }

        // (One space before the talk, or two as a workspace copies it: doyun.kang  오전 9:58  ① 제가 봅니다; or a colon after
        // the time, as a second-hand market's chat is copied: 퇴근후쿵야 오후 7:21: 안녕하세요.)
        var clock = ClockEnd(text, p + gap + 1, lineEnd);
        var market = clock > 0 && Context.At(text, clock) == ':' && Context.At(text, clock + 1) == ' ';
        clock = market ? clock + 1 : clock;
        var talk = clock > 0 && Context.At(text, clock) == ' ' ? Context.At(text, clock + 1) == ' ' ? clock + 2 : clock + 1 : -1;

        // (The day may stand between the name and the time, as a second-hand market's chat shows a past day's message:
        // 봄이아빠 토요일 오전 10:47: ….)
        var nameEnd = p + gap;
        if (text.LastIndexOf(' ', nameEnd - 1, nameEnd - p) is var daySpace and > 0 && daySpace > p
            && text.AsSpan(daySpace + 1, nameEnd - daySpace - 1) is var day && (day.Length == 3 && day.EndsWith("요일", StringComparison.Ordinal) || day is "오늘" or "어제" or "그제" or "내일"))
        {
            nameEnd = daySpace;
        }

        // (A nickname that is also a word, 하늘다람쥐, or a handle with digits, 봄햇살22, as a second-hand market's chat shows.)
        return talk > 0 && talk < lineEnd && text[talk] != ' '
            ? DisplayName(text, p, nameEnd) ?? ExportedNickname(text, p, nameEnd) ?? DigitHandle(text, p, nameEnd) ?? (market ? ShortHandle(text, p, nameEnd) : null) : null;

        static (int Start, int End)? DigitHandle(string text, int start, int end) =>
            IsDigitHandle(text.AsSpan(start, end - start)) && !Context.IsDigit(text[start]) ? (start, end) : null;

    }

    /// <summary>
    /// A handle of two syllables where a layout names a speaker by its place (a second-hand market's chat with the colon
    /// after the time, 밍구 오후 6:12: …; Discord's dash, 한빛 — 오늘 오후 9:35): no common, role, field, form word or tag.
    /// </summary>
    private static (int Start, int End)? ShortHandle(string text, int start, int end) =>
        text.AsSpan(start, end - start) is { Length: 2 } word && !word.ContainsAnyExceptInRange('\uAC00', '\uD7A3') && !NameGazetteer.IsCommonWord(word)
        && !IsRoleWord(word) && !PrivateContext.IsFieldWord(word) && !s_channelTags.Contains(word) && !IsFormWord(word) ? (start, end) : null;

    /// <summary>
    /// Whether the speaker before a time (<see cref="SpeakerBeforeClock"/>) is a handle of Latin letters with a dot or an
    /// underscore (<c>haein.t</c>, <c>jiseong__e</c>) and a colon or a middle dot follows the 12-hour time after it
    /// (<c>오전 10:12: …</c>, <c>오후 9:12 · …</c>).
    /// </summary>
    private static bool InstagramHandle(string text, int start, int end, int lineEnd) =>
        text.AsSpan(start, end - start) is var handle && Context.IsAsciiLetter(handle[0]) && handle.IndexOfAny('.', '_') > 0 && IsHandle(handle)
        && text.AsSpan(end, Math.Min(lineEnd - end, 11)) is var clock && (clock.StartsWith(" 오전 ", StringComparison.Ordinal) || clock.StartsWith(" 오후 ", StringComparison.Ordinal))
        && ClockEnd(text, end + 4, lineEnd) is var clockEnd and > 0
        && (Context.At(text, clockEnd) == ':' || text.AsSpan(clockEnd, lineEnd - clockEnd).StartsWith(" · ", StringComparison.Ordinal));

    /// <summary>
    /// Past a month and a day with a slash (or <paramref name="separator"/>) and the space after them at <paramref name="p"/>
    /// (<c>3/10 </c>, <c>12/1 </c>, <c>06-12 </c>), or -1.
    /// </summary>
    private static int MonthSlashDayEnd(string text, int p, int lineEnd, char separator = '/')
    {
        var slash = Context.At(text, p + 1) == separator ? p + 1 : Context.At(text, p + 2) == separator ? p + 2 : -1;
        if (slash < 0 || !Context.IsDigit(Context.At(text, p)) || !Context.IsDigit(text[slash - 1]) || !Context.IsDigit(Context.At(text, slash + 1)))
        {
            return -1;
        }

        var q = slash + 1 + (Context.IsDigit(Context.At(text, slash + 2)) ? 2 : 1);
        return q < lineEnd && text[q] == ' ' ? q + 1 : -1;
    }

    /// <summary>The position right after a time written with a dot at <paramref name="p"/> (<c>07.11</c>, <c>9.05</c>) before a space, or -1.</summary>
    private static int DotClockEnd(string text, int p, int lineEnd)
    {
        var dot = Context.IsDigit(Context.At(text, p)) ? Context.At(text, p + 1) == '.' ? p + 1 : Context.IsDigit(Context.At(text, p + 1)) && Context.At(text, p + 2) == '.' ? p + 2 : -1 : -1;
        return dot > 0 && dot + 3 < lineEnd && Context.IsDigit(text[dot + 1]) && Context.IsDigit(text[dot + 2]) && text[dot + 3] == ' ' ? dot + 3 : -1;
    }

    /// <summary>The position right after a clock time at <paramref name="p"/> (<c>9:12</c>, <c>오후 21:05</c>), or -1.</summary>
    private static int ClockEnd(string text, int p, int lineEnd)
    {
        var q = p;
        // (A phone set to Chinese writes the half of the day in its own words: 上午 7:12, 下午 3:22.)
        if (text.AsSpan(q, lineEnd - q) is var half && (half.StartsWith("오전 ", StringComparison.Ordinal) || half.StartsWith("오후 ", StringComparison.Ordinal)
            || half.StartsWith("上午 ", StringComparison.Ordinal) || half.StartsWith("下午 ", StringComparison.Ordinal) || half.StartsWith("中午 ", StringComparison.Ordinal)
            || half.StartsWith("晚上 ", StringComparison.Ordinal) || half.StartsWith("凌晨 ", StringComparison.Ordinal)))
        {
            q += 3;
        }

        var digits = q;
        while (q < lineEnd && Context.IsDigit(text[q]) && q - digits < 2)
        {
            q++;
        }

        return q == digits || Context.At(text, q) != ':' || !Context.IsDigit(Context.At(text, q + 1)) || !Context.IsDigit(Context.At(text, q + 2)) ? -1 : q + 3;
    }

    /// <summary>
    /// The other items of a list a confident name is an item of, on its line: items split by <c>,</c> <c>·</c> <c>/</c>
    /// or a tab, each short (at most three Hangul words, no sentence end), possibly a role before or after the name
    /// (<c>회장 정병호</c>, <c>우진호 회장</c>); in each, a word of a Korean name's shape (a surname and two syllables, or a
    /// compound surname and one or two) that is no role, title or label.
    /// </summary>
    private static void List(string text, PiiFinding seed, List<PiiFinding> candidates, int from)
    {
        var lineStart = seed.Start == 0 ? 0 : text.LastIndexOf('\n', seed.Start - 1) + 1;
        var lineEnd = text.IndexOf('\n', seed.End);
        lineEnd = lineEnd < 0 ? text.Length : lineEnd;
        var colon = text.AsSpan(lineStart, seed.Start - lineStart).LastIndexOfAny(':', '：');
        var listStart = colon >= 0 ? lineStart + colon + 1 : lineStart;

        // Items of the line: [start, end) between separators.
        Span<(int Start, int End)> items = stackalloc (int, int)[32];
        var n = 0;
        var seedItem = -1;
        var itemStart = listStart;
        for (var p = listStart; p <= lineEnd && n < items.Length; p++)
        {
            if (p == lineEnd || Array.IndexOf(s_separators, text[p]) >= 0)
            {
                if (seed.Start >= itemStart && seed.End <= p)
                {
                    seedItem = n;
                }

                items[n++] = (itemStart, p);
                itemStart = p + 1;
            }
        }

        if (seedItem < 0 || n < 2 || !ShortItem(text, items[seedItem]))
        {
            return;
        }

        var lo = seedItem;
        while (lo > 0 && ShortItem(text, items[lo - 1]))
        {
            lo--;
        }

        var hi = seedItem;
        while (hi + 1 < n && ShortItem(text, items[hi + 1]))
        {
            hi++;
        }

        for (var k = lo; k <= hi; k++)
        {
            if (k == seedItem)
            {
                continue;
            }

            var (s, e) = items[k];

            // A Latin name as an item (참석: 윤재희, 봉태민, Li Xiaoyu(리샤오위), 마도경), its Hangul rendering in brackets aside.
            var (ls, le) = Trim(text, s, e);
            var bracket = text.AsSpan(ls, le - ls).IndexOf('(');
            var (ns, ne) = Trim(text, ls, bracket > 0 ? ls + bracket : le);
            if (ne > ns && IsLatinName(text.AsSpan(ns, ne - ns)))
            {
                Add(text, candidates, from, ns, ne, AddedScore - 0.05);
                continue;
            }

            for (var p = s; p < e;)
            {
                if (!Context.IsHangulSyllable(text[p]))
                {
                    p++;
                    continue;
                }

                var q = p;
                while (q < e && Context.IsHangulSyllable(text[q]))
                {
                    q++;
                }

                // (A common word is a name too where it opens its item before a bracket, as the seed's list writes each
                // person with what they are: 도예린(변호사), 조경수(퇴직 교원).)
                if (KoreanNameShaped(text, p, q) && AllGiven(text.AsSpan(p, q - p))
                    && (!NameGazetteer.IsCommonWord(text.AsSpan(p, q - p)) || p == ls && Context.At(text, q) == '(' && Context.At(text, seed.End) == '(')
                    && !(Context.At(text, q) == ' ' && Context.IsDigit(Context.At(text, q + 1))) && !IsPlaceInAddress(text, p, q))
                {
                    Add(text, candidates, from, p, q, AddedScore - 0.05);
                }

                p = q;
            }
        }
    }

    /// <summary>
    /// A name joined to a confident name by 과, 와 or 랑, a comma or a middle dot, on either side (<c>이정진과 오달수의</c>,
    /// <c>허영달과 오정희에</c>, <c>리처드 기어와 킴 베이싱어의</c>): the other side is a name when it is a word of a Korean name's
    /// shape that is no common word, or one to three words that are all foreign name words of the gazetteer (the last one's
    /// particles left out).
    /// </summary>
    private static void Coordinated(string text, PiiFinding seed, List<PiiFinding> candidates, int from)
    {
        // After the seed: 과/와/랑 and a space, or a comma or middle dot (and a space).
        var p = seed.End;
        var q = Context.At(text, p) is '과' or '와' or '랑' && Context.At(text, p + 1) == ' ' ? p + 2
            : Context.At(text, p) is ',' or '·' ? (Context.At(text, p + 1) == ' ' ? p + 2 : p + 1) : -1;
        if (q > 0)
        {
            var (start, end) = (q, q);
            for (var (words, a) = (0, q); words < 3 && Context.IsHangulSyllable(Context.At(text, a)); words++, a = end + 1)
            {
                var b = Context.HangulEnd(text, a);
                var stemEnd = PersonFeatures.StemEnd(text, a, b);
                if (!Person.IsForeignNameWord(text.AsSpan(a, stemEnd - a)))
                {
                    // A Korean name: the first word alone.
                    if (words == 0 && CoordinatedKoreanName(text, a, stemEnd))
                    {
                        Add(text, candidates, from, a, stemEnd, AddedScore - 0.05);
                    }
                    else if (words == 0 && q == p + 1 && text[p] == '·' && DottedKoreanName(text, seed, a, b))
                    {
                        Add(text, candidates, from, a, b, AddedScore - 0.05);
                    }

                    break;
                }

                end = stemEnd;
                if (stemEnd < b || Context.At(text, b) != ' ')
                {
                    break;
                }
            }

            // A chain of foreign name words that a word outside the gazetteer continues (도날드 서덜랜드) is left to the
            // tagger: its end is unknown.
            if (end > start && Context.At(text, end) == ' ' && Context.IsHangulSyllable(Context.At(text, end + 1)))
            {
                end = start;
            }

            if (end > start)
            {
                Add(text, candidates, from, start, end, AddedScore - 0.05);
            }
        }

        // Before the seed: the other name ends with 과/와/랑 and a space, or with a comma or middle dot (and a space).
        var e = Context.At(text, seed.Start - 1) == ' ' && Context.At(text, seed.Start - 2) is '과' or '와' or '랑' ? seed.Start - 2
            : Context.At(text, seed.Start - 1) is ',' or '·' ? seed.Start - 1
            : Context.At(text, seed.Start - 1) == ' ' && Context.At(text, seed.Start - 2) is ',' or '·' ? seed.Start - 2 : -1;
        if (e > 0 && Context.IsHangulSyllable(Context.At(text, e - 1)))
        {
            var a = Context.HangulStart(text, e);
            if (CoordinatedKoreanName(text, a, e) || e == seed.Start - 1 && text[e] == '·' && DottedKoreanName(text, seed, a, e))
            {
                Add(text, candidates, from, a, e, AddedScore - 0.05);
                return;
            }

            // Foreign name words, up to three, each whole.
            var (start, nameEnd) = (e, e);
            for (var words = 0; words < 3 && Person.IsForeignNameWord(text.AsSpan(a, e - a)); words++)
            {
                start = a;
                if (a < 2 || text[a - 1] != ' ' || !Context.IsHangulSyllable(text[a - 2]))
                {
                    break;
                }

                e = a - 1;
                a = Context.HangulStart(text, e);
            }

            // One foreign name word before 과/와/랑 may be a verb's stem (개경으로 올라와): two words at least there.
            var joined = Context.At(text, nameEnd) is '과' or '와' or '랑';
            if (start < nameEnd && (start == 0 || !Context.IsHangulSyllable(text[start - 1])) && !(joined && text.AsSpan(start, nameEnd - start).IndexOf(' ') < 0))
            {
                Add(text, candidates, from, start, nameEnd, AddedScore - 0.05);
            }
        }
    }

    /// <summary>
    /// A word of a Korean name's shape joined to a full Korean name by a middle dot with no space, as a doubles pair or a
    /// duo is written (<c>단보름·황현수</c>, <c>권이랑·맹소희</c>): no particle can stand before the dot, so the word's last
    /// syllable may be one (이랑, 보름); it is no common word, role or place, and the two stand alone, no longer list of
    /// places or things (백천동·태상동·구성동).
    /// </summary>
    private static bool DottedKoreanName(string text, PiiFinding seed, int start, int end) =>
        end - start == 3 && seed.End - seed.Start == 3 && Context.At(text, Math.Min(start, seed.Start) - 1) != '·' && Context.At(text, Math.Max(end, seed.End)) != '·'
        && Context.IsHangulSyllable(text[seed.Start]) && (start == 0 || !Context.IsHangulSyllable(text[start - 1]))
        && KoreanNameShaped(text, start, end) && KoreanNameShaped(text, seed.Start, seed.End) && !NameGazetteer.IsCommonWord(text.AsSpan(start, end - start))
        && !Person.IsInflectedCommonWord(text.AsSpan(start, end - start)) && !IsPlaceInAddress(text, start, end) && !Person.IsTitleOrRole(text.AsSpan(start, end - start));

    /// <summary>A whole word of a Korean name's shape (a surname and two syllables) that is no common word, at a word start.</summary>
    private static bool CoordinatedKoreanName(string text, int start, int end) =>
        end - start == 3 && (start == 0 || !Context.IsHangulSyllable(text[start - 1])) && KoreanNameShaped(text, start, end)
        && Person.NameShaped(text, start, end - start) && !NameGazetteer.IsCommonWord(text.AsSpan(start, end - start)) && !s_endings.Contains(text[end - 1])
        && !IsPlaceInAddress(text, start, end);

    // Lower-case letters of names in Latin script: ASCII and the accented letters of Latin-1 (Léa, Lucía, Müller).
    private static readonly System.Buffers.SearchValues<char> s_lowerLatin = System.Buffers.SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ");

    /// <summary>
    /// One to three capitalised Latin words, four for a Vietnamese name with Thị or Văn (<c>Oyunbileg</c>, <c>Maria Lopez</c>, <c>Li Xiaoyu</c>, <c>Nguyễn Thu Thủy</c>,
    /// <c>Şahin</c>): a capital, then one to fourteen lower-case letters each (<see cref="Context.IsLatinLower"/>: the
    /// diacritics of Vietnamese, Turkish or Polish names too), one space apart; or two or three words in capitals as passports write them, one
    /// of them a listed name word (<c>NGUYEN VAN HUNG</c>; <see cref="NameGazetteer.LatinKind"/>), not an abbreviation
    /// (<c>KTX</c>, <c>USB C</c>).
    /// </summary>
    internal static bool IsLatinName(ReadOnlySpan<char> cell)
    {
        // (A Vietnamese name of four words has the middle word of a woman's or a man's name second: Võ Thị Kim Yến, Trần Văn
        // Minh Đức.)
        static bool IsVietnameseFullName(ReadOnlySpan<char> cell) =>
            cell.IndexOf(' ') is var first and > 0 && cell[(first + 1)..] is var rest && (rest.StartsWith("Thị ", StringComparison.Ordinal) || rest.StartsWith("Văn ", StringComparison.Ordinal));

        var (words, capitals, listed, initial) = (0, 0, false, false);
        foreach (var range in cell.Split(' '))
        {
            var w = cell[range];

            // (A family name's initial may close the name, after a listed given name: Karthik S, Pablo R.)
            if (words > 0 && !initial && (w.Length == 1 || w.Length == 2 && w[1] == '.') && Context.IsLatinUpper(w[0]))
            {
                initial = true;
                continue;
            }

            // (A double-barrelled word is two capitalised parts: Reyes-Park, Jean-Luc.)
            if (initial || w.Length is < 2 or > 21 || !Context.IsLatinUpper(w[0]) || !HyphenedParts(w) || w.IndexOf('-') < 0 && w.Length > 15)
            {
                return false;
            }

            if (w.IndexOf('-') is var hyphen and > 0)
            {
                listed |= (NameGazetteer.LatinKind(w[..hyphen]) & (NameGazetteer.LatinGivenKind | NameGazetteer.LatinFamilyKind)) != 0
                    || (NameGazetteer.LatinKind(w[(hyphen + 1)..]) & (NameGazetteer.LatinGivenKind | NameGazetteer.LatinFamilyKind)) != 0;
                words++;
                continue;
            }

            if (w[1..].ContainsAnyExcept(s_lowerLatin) && !AllLatinLower(w[1..]))
            {
                if (w[1..].ContainsAnyExceptInRange('A', 'Z'))
                {
                    return false;
                }

                capitals++;
            }

            listed |= (NameGazetteer.LatinKind(w) & (NameGazetteer.LatinGivenKind | NameGazetteer.LatinFamilyKind)) != 0;
            words++;
        }

        return initial ? capitals == 0 && words is 1 or 2 && (NameGazetteer.LatinKind(cell[..cell.IndexOf(' ')]) & NameGazetteer.LatinGivenKind) != 0
            : capitals == 0 ? words is >= 1 and <= 3 || words == 4 && IsVietnameseFullName(cell) : capitals == words && words is 2 or 3 && listed;

        // (Each part of a hyphened word capitalised, two letters or more.)
        static bool HyphenedParts(ReadOnlySpan<char> w)
        {
            if (w.IndexOf('-') is not (var hyphen and > 0))
            {
                return true;
            }

            var right = w[(hyphen + 1)..];
            return hyphen >= 2 && right.Length >= 2 && Context.IsLatinUpper(right[0]) && right.IndexOf('-') < 0 && AllLatinLower(w[1..hyphen]) && AllLatinLower(right[1..]);
        }

        static bool AllLatinLower(ReadOnlySpan<char> letters)
        {
            foreach (var c in letters)
            {
                if (!Context.IsLatinLower(c))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// Columns of a table that hold names without a name header: a column (cell index of a block of table rows, split by tabs or '|')
    /// where at least two cells are confident names (one under a header that names a person by its ending, 봉사자) and
    /// they are at least a third of its cells; its other cells that are a Korean name's shape, a foreign name in two or
    /// three Hangul words, or a Latin name are names too. The block's first line is its header row.
    /// </summary>
    private static void SeededColumns(string text, List<PiiFinding> candidates, int from)
    {
        HashSet<(int Start, int End)>? seedSpans = null;
        for (var i = from; i < candidates.Count; i++)
        {
            if (IsSeed(text, candidates[i]))
            {
                (seedSpans ??= []).Add((candidates[i].Start, candidates[i].End));
            }
        }

        if (seedSpans is null)
        {
            return;
        }

        var seeds = new Dictionary<(int Block, int Cell), int>();
        var cells = new Dictionary<(int Block, int Cell), int>();
        var found = new List<(int Block, int Cell, int Start, int End)>();
        var block = 0;
        for (var lineStart = 0; lineStart < text.Length;)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.Length : lineEnd;
            var separator = CellSeparator(text.AsSpan(lineStart, lineEnd - lineStart));
            if (separator == '\0')
            {
                block++;
            }
            else
            {
                // A block's first line is its header row (봉사자, 용역명): its cells are counted, never taken as names.
                var header = FirstOfBlock(text, lineStart);
                block += header ? 1 : 0;
                var (cellStart, k) = (lineStart, 0);
                for (var p = lineStart; p <= lineEnd; p++)
                {
                    if (p == lineEnd || text[p] == separator)
                    {
                        var (s, e) = Trim(text, cellStart, p);
                        if (e > s)
                        {
                            cells[(block, k)] = cells.GetValueOrDefault((block, k)) + 1;
                            if (!header)
                            {
                                found.Add((block, k, s, e));
                                if (seedSpans.Contains((s, e)))
                                {
                                    seeds[(block, k)] = seeds.GetValueOrDefault((block, k)) + 1;
                                }
                            }
                        }

                        (cellStart, k) = (p + 1, k + 1);
                    }
                }
            }

            lineStart = lineEnd + 1;
        }

        foreach (var (b, k, s, e) in found)
        {
            // Under a header that names a person by its ending (봉사자, 시주자) one confident name confirms the column.
            var n = seeds.GetValueOrDefault((b, k));
            if (n == 0 || n * 3 < cells[(b, k)] || seedSpans.Contains((s, e))
                || n == 1 && !(ColumnLabel(text, s) is { } label && Array.IndexOf(s_nameColumns, label) < 0))
            {
                continue;
            }

            if (NameCellOfSeededColumn(text, s, e))
            {
                Add(text, candidates, from, s, e, AddedScore - 0.05);
            }
        }
    }

    private static bool NameCellOfSeededColumn(string text, int s, int e)
    {
        var cell = text.AsSpan(s, e - s);
        if (Person.IsPersonLabel(cell) || PrivateContext.IsFieldWord(cell) || PrivateContext.IsContextWord(cell) || NameGazetteer.IsCommonWord(cell))
        {
            return false;
        }

        if (IsLatinName(cell))
        {
            return true;
        }

        if (cell.IndexOf(' ') < 0)
        {
            return KoreanNameShaped(text, s, e);
        }

        return IsNameCell(cell) && cell.Count(' ') is 1 or 2;
    }

    private static bool ShortItem(string text, (int Start, int End) item)
    {
        var (s, e) = Trim(text, item.Start, item.End);
        if (e - s is < 2 or > 24)
        {
            return false;
        }

        var span = text.AsSpan(s, e - s);
        if (span.IndexOfAny(".!?") >= 0)
        {
            return false;
        }

        // A Latin name, its Hangul rendering in brackets aside (Tran Minh Khoa, Li Xiaoyu(리샤오위)).
        var bracket = span.IndexOf('(');
        if (IsLatinName((bracket > 0 ? span[..bracket] : span).Trim(' ')))
        {
            return true;
        }

        var words = 0;
        var inWord = false;
        foreach (var c in span)
        {
            var hangul = Context.IsHangulSyllable(c);
            words += hangul && !inWord ? 1 : 0;
            inWord = hangul;
        }

        return words is >= 1 and <= 3;
    }

    /// <summary>
    /// Whether a word is one of the words forms and records use around names rather than a name: a context word of the
    /// private-context judge, a field word, a title or role, or a label (상담사, 연락처, 회장, 성명).
    /// </summary>
    internal static bool IsFormWord(ReadOnlySpan<char> word) =>
        PrivateContext.IsContextWord(word) || PrivateContext.IsFieldWord(word) || Person.IsTitleOrRole(word) || Person.IsLabel(word);

    /// <summary>Whether a word before a name says what the person is: a title, role, context, staff or kinship word, or a label (교사, 회장, 상담사, 이모).</summary>
    private static bool IsRoleWord(ReadOnlySpan<char> word) =>
        Person.IsTitleOrRole(word) || PrivateContext.IsContextWord(word) || PrivateContext.IsStaffOrKin(word) || Person.IsLabel(word);

    /// <summary>Whether <paramref name="word"/> is a role word (<see cref="IsRoleWord"/>) or a channel's own tag (공지, 매니저, 후원 …).</summary>
    private static bool IsRoleOrTag(ReadOnlySpan<char> word) => IsRoleWord(word) || s_channelTags.Contains(word);

    /// <summary>A whole Hangul word of a Korean name's shape (not a masked one: 이○○), no role, title or label.</summary>
    internal static bool KoreanNameShaped(string text, int start, int end)
    {
        var length = end - start;
        var compound = false;
        foreach (var c in NameGazetteer.CompoundSurnames)
        {
            compound |= text.AsSpan(start).StartsWith(c, StringComparison.Ordinal);
        }

        var word = text.AsSpan(start, length);
        return (length == 3 && NameGazetteer.IsRuleSurname(text[start]) || compound && length is 3 or 4) && !word.ContainsAnyExceptInRange('\uAC00', '\uD7A3')
            && !PrivateContext.IsContextWord(word) && !PrivateContext.IsFieldWord(word) && !Person.IsTitleOrRole(word);
    }

    /// <summary>
    /// Other occurrences of a confident name in the same text, and of its given name (the name without its surname,
    /// two syllables), each standing alone or followed by a particle, an honorific or a kinship word. The given name is
    /// repeated when its syllables are common given-name syllables, or, in a text laid out as a record
    /// (<see cref="IsRecordLayout"/>: a table, labelled lines, a transcript), when it is no common word
    /// (윤서후 … 서후 어린이는; in running text 장타율 … 타율 is not repeated).
    /// </summary>
    private static void Repeats(string text, PiiFinding seed, List<PiiFinding> candidates, int from, bool wholeOnly = false)
    {
        var name = text.AsSpan(seed.Start, seed.End - seed.Start);

        // A common word that the tagger took for a name once or twice (문자열, 설명서 in a manual) occurs many times
        // untagged; a name is found in most of its occurrences. Repeat only a name found in at least half of them.
        var (total, found) = (0, 0);
        for (var at = text.AsSpan().IndexOf(name, StringComparison.Ordinal); at >= 0;)
        {
            var end = at + name.Length;
            if ((at == 0 || !(Context.IsHangulSyllable(text[at - 1]) || Context.IsAsciiLetter(text[at - 1]))) && FreeAfter(text, end)
                && !(Context.IsAsciiLetter(text[end - 1]) && Context.IsAsciiLetter(Context.At(text, end))))
            {
                total++;
                found += Covered(candidates, from, at, end) ? 1 : 0;
            }

            var next = text.AsSpan(end).IndexOf(name, StringComparison.Ordinal);
            at = next < 0 ? -1 : end + next;
        }

        if (found * 2 < total)
        {
            return;
        }

        Occurrences(text, name, candidates, from, Math.Min(seed.Score, AddedScore), skipCovered: wholeOnly);

        if (!wholeOnly && name.Length is 3 or 4 && !name.ContainsAnyExceptInRange('\uAC00', '\uD7A3'))
        {
            var compound = false;
            foreach (var c in NameGazetteer.CompoundSurnames)
            {
                compound |= name.StartsWith(c, StringComparison.Ordinal);
            }

            var given = compound ? name[2..] : name[1..];
            if (given.Length == 2 && (compound || name.Length == 3) && NameGazetteer.SurnameRank(name[0]) > 0 && !PrivateContext.IsContextWord(given) && !Person.IsTitleOrRole(given))
            {
                if (AllGiven(name) || IsRecordLayout(text) && !NameGazetteer.IsCommonWord(given))
                {
                    Occurrences(text, given, candidates, from, AddedScore - 0.05);
                }
                else
                {
                    // Elsewhere only where a word that says who a person is follows (서해정 … 해정 언니, 차시은 … 시은
                    // 점장님께, 구하늘 … 하늘 요원): 장타율 … 타율이 높다 stays a word.
                    Occurrences(text, given, candidates, from, AddedScore - 0.05, beforePersonWord: true);
                    DiminutiveOccurrences(text, given, candidates, from, AddedScore - 0.05);
                    VocativeOccurrences(text, given, candidates, from, AddedScore - 0.05);
                    SelfNamingOccurrences(text, given, candidates, from, AddedScore - 0.05);
                }
            }

            // The surname alone before such a word (추영만 … 추 소장이, 국현우 … 국 과장), unless the syllable is also a
            // numeral or a determiner (두 어르신: two elders; 이 과장: this manager).
            if (!compound && name.Length == 3 && !s_determiners.Contains(name[0]))
            {
                Occurrences(text, name[..1], candidates, from, AddedScore - 0.1, beforePersonWord: true);
            }
        }
    }

    /// <summary>
    /// The given name of a confident name in Latin letters of two or three words (<c>Margaret Doyle</c>, <c>Ryo Tanaka</c>,
    /// <c>Kim Seoyeon</c>, <c>Jiwon Han</c>, <c>Karthik S</c> with an initial) wherever it stands alone in the same text (<c>your host is Margaret</c>, <c>Ryo
    /// 지각</c>, <c>서명: 경태 / Seoyeon</c>): a word of the name list's given names, or the other word of a two-word name
    /// with a Korean surname's spelling.
    /// Not where a capitalised word stands next to it (another person's name, a place).
    /// </summary>
    private static void LatinGivenNames(string text, PiiFinding seed, List<PiiFinding> candidates, int from)
    {
        var name = text.AsSpan(seed.Start, seed.End - seed.Start);

        // (A workspace writes the family name first and a comma, Seo, Jihoon: the word after the comma is the given name.)
        if (name.IndexOf(", ") is var comma and >= 2 && name[(comma + 2)..] is var afterComma && afterComma.Length >= 3 && afterComma.IndexOf(' ') < 0
            && AllLatinLetters(name[..comma]) && AllLatinLetters(afterComma) && Context.IsLatinUpper(afterComma[0]))
        {
            WordOccurrences(text, afterComma, candidates, from);
            return;
        }
        Span<Range> words = stackalloc Range[4];
        var count = name.Split(words, ' ');

        // (A listed given name found alone after a form of address, Mas Fajar, or before one of the speakers' own languages,
        // Rakib bhai, is the person wherever else it stands alone.)
        if (count == 1 && name.Length >= 3 && AllLatinLetters(name) && (AddressBefore(text, seed.Start) || Person.ForeignHonorificAfter(text, seed.Start, seed.End))
            && (NameGazetteer.LatinKind(name) & NameGazetteer.LatinGivenKind) != 0 && !NameGazetteer.IsCommonWord(name))
        {
            WordOccurrences(text, name, candidates, from);
            return;
        }

        if (count is < 2 or > 3)
        {
            return;
        }

        // (The last word may be a family name's initial, Karthik S, Pablo R., or a word of two parts, Ailyn Reyes-Park; so
        // may a Korean given name before a Korean surname's spelling, Jae-won Seo.)
        var initial = count == 2 && name[words[1]] is { Length: 1 or 2 } last && Context.IsLatinUpper(last[0]) && (last.Length == 1 || last[1] == '.');
        count -= initial ? 1 : 0;
        var koreanGiven = count == 2 && Person.IsRomanisedSurname(name[words[1]]);
        for (var k = 0; k < count; k++)
        {
            var word = name[words[k]];
            if (word.Length < 3 || !(AllLatinLetters(word) || (k > 0 || koreanGiven) && word.IndexOf('-') is var hyphen and >= 2 && AllLatinLetters(word[..hyphen]) && AllLatinLetters(word[(hyphen + 1)..]))
                || !Context.IsLatinUpper(word[0]))
            {
                return;
            }
        }

        // (A family name first that is no given name, as Vietnamese and Chinese names are written: the last word is the
        // given name the person is called by, Nguyen Van Hung … Hung, Phạm Thu Trang … Trang.)
        var familyFirst = count == 3 && NameGazetteer.LatinKind(name[words[0]]) is var firstKind && (firstKind & NameGazetteer.LatinFamilyKind) != 0
            && ((firstKind & NameGazetteer.LatinGivenKind) == 0 || (NameGazetteer.LatinKind(name[words[1]]) & NameGazetteer.LatinMiddleKind) != 0);
        for (var k = 0; k < count; k++)
        {
            var word = name[words[k]];
            // (Or the first word of a name the text repeats whole, in no list, as a chat's export repeats its speakers: Rizky
            // Ramadhan … Kak Rizky.)
            var given = (NameGazetteer.LatinKind(word) & NameGazetteer.LatinGivenKind) != 0
                || count == 2 && Person.IsRomanisedSurname(name[words[1 - k]]) && !Person.IsRomanisedSurname(word)
                || familyFirst && k == 2
                || k == 0 && !familyFirst && NameGazetteer.LatinKind(word) == 0 && !NameGazetteer.IsCommonWord(word) && !Person.IsEnglishNotName(word) && !s_addressBefore.Contains(word)
                    && text.AsSpan(seed.End).IndexOf(name, StringComparison.Ordinal) >= 0;
            if (!given || Person.IsRomanisedSurname(word))
            {
                // Any other word of the name alone before a word that says who a person is (Marcus Bell … Bell 감독,
                // Graham Whitford … Whitford 조교사님, Sunwoo Mi-jeong … Sunwoo 쌤).
                if ((NameGazetteer.LatinKind(word) & NameGazetteer.LatinMiddleKind) == 0)
                {
                    Occurrences(text, word, candidates, from, AddedScore - 0.05, beforePersonWord: true);
                }

                continue;
            }

            WordOccurrences(text, word, candidates, from);
        }
    }

    /// <summary>A Latin given name wherever it stands alone as a word, no capitalised word beside it.</summary>
    private static void WordOccurrences(string text, ReadOnlySpan<char> word, List<PiiFinding> candidates, int from)
    {
        for (var at = text.AsSpan().IndexOf(word, StringComparison.Ordinal); at >= 0;)
        {
            var end = at + word.Length;
            if (!Context.IsLatinLetter(Context.At(text, at - 1)) && !Context.IsLatinLetter(Context.At(text, end))
                && (!CapitalisedWordBeside(text, at, end) || AddressBefore(text, at) && !(Context.At(text, end) == ' ' && Context.At(text, end + 1) is >= 'A' and <= 'Z')))
            {
                Add(text, candidates, from, at, end, AddedScore - 0.05);
            }

            var next = text.AsSpan(end).IndexOf(word, StringComparison.Ordinal);
            at = next < 0 ? -1 : end + next;
        }
    }

    private static bool AllLatinLetters(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!Context.IsLatinLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a word with a capital first stands right before or after the span, one space between.</summary>
    /// <summary>Whether a form of address or a word that opens a reply to someone stands right before <paramref name="at"/> (<c>Kak Rizky</c>, <c>Iya Putri</c>, <c>Salamat Tess</c>).</summary>
    private static bool AddressBefore(string text, int at) =>
        Context.At(text, at - 1) == ' ' && s_addressBefore.Contains(Person.LatinWordBefore(text, at, skipPunctuation: false));

    // Forms of address and reply words before a given name in chats of Indonesian, Malay, Filipino and English speakers
    // (general knowledge of the languages).
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_addressBefore = new HashSet<string>(
        ["Kak", "Mbak", "Mas", "Pak", "Bu", "Bang", "Dek", "Ate", "Kuya", "Tita", "Tito", "Iya", "Makasih", "Terima", "Salamat", "Thanks", "Hi", "Hey", "Hello", "Dear"],
        StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    internal static bool CapitalisedWordBeside(string text, int start, int end) =>
        Context.At(text, start - 1) == ' ' && Context.At(text, start - 2) is var b && Context.IsAsciiLetter(b) && WordStart(text, start - 2) is >= 'A' and <= 'Z'
        || Context.At(text, end) == ' ' && Context.At(text, end + 1) is >= 'A' and <= 'Z';

    private static char WordStart(string text, int last)
    {
        while (last > 0 && Context.IsAsciiLetter(text[last - 1]))
        {
            last--;
        }

        return text[last];
    }

    // Surname syllables that are also numerals, determiners or prefixes before a noun (general Korean).
    private static readonly System.Buffers.SearchValues<char> s_determiners = System.Buffers.SearchValues.Create("두세네모한이그저전현각제본동해당첫새옛온뭇위여남");

    // Family-order and in-law words that end a relation written before a name in brackets, beside the judge's relation and
    // kinship words (PrivateContext.Relations, Kin). General Korean, from knowledge.
    private static readonly string[] s_familyOrder = ["막내", "첫째", "둘째", "셋째", "장모", "장인", "이모부", "고모부", "와이프"];

    // Words that end an organisation's, a clinic's or a shop's name, as its account speaks in a chat (관현악단, 총학생회,
    // 행정지원센터, 렌탈샵, 바른교정치과): general Korean.
    private static readonly string[] s_organisationWords =
        ["악단", "합창단", "재단", "협회", "학회", "본부", "센터", "사무소", "사무국", "위원회", "학생회", "동호회", "상회", "교회", "성당", "학원", "공단", "공사", "은행",
         "샵", "마트", "가게", "매장", "식당", "약국", "병원", "지점", "본점", "가게폰", "업무폰", "치과", "의원",
         // (Clinics by their field, and the other businesses that write to customers from an account of their own.)
         "안과", "외과", "내과", "피부과", "소아과", "산부인과", "이비인후과", "비뇨기과", "비뇨의학과", "신경과", "정신과", "한의원", "클리닉", "의료원",
         "요양원", "어린이집", "유치원", "부동산", "미용실", "세탁소", "펜션", "호텔", "여행사", "교습소"];

    // Last syllables of organisations, places and things, which a person's handle before a name in brackets does not end
    // with (푸른숲환경연대(소재원) names the group's head, not a nickname). General Korean, written from knowledge.
    private static readonly System.Buffers.SearchValues<char> s_organisationEnds = System.Buffers.SearchValues.Create("사원소회당청처국과부팀실단점관층동호대합터");

    /// <summary>
    /// A handle or nickname right before a confident name in brackets (<c>햇볕쬐는고양이 (이서담)</c>, <c>검은달(석진호)</c>,
    /// <c>짱구 (윤재빈)</c>): the handle stands for that person, here and wherever else it occurs as a word in the text
    /// (the lines a chat export opens with it). Not a role, label, title or field word (<c>담당자 (홍길동)</c>), nor a word
    /// that ends like an organisation or a place.
    /// </summary>
    private static void Alias(string text, PiiFinding seed, List<PiiFinding> candidates, int from)
    {
        if (Context.At(text, seed.End) != ')')
        {
            return;
        }

        var end = seed.Start - 1;
        if (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }

        var start = end;
        var hangul = 0;
        var latin = 0;
        while (start > 0 && (Context.IsHangulSyllable(text[start - 1]) || Context.IsAsciiLetter(text[start - 1]) || Context.IsDigit(text[start - 1]) || text[start - 1] == '_'))
        {
            start--;
            hangul += Context.IsHangulSyllable(text[start]) ? 1 : 0;
            latin += Context.IsAsciiLetter(text[start]) ? 1 : 0;
        }

        var alias = text.AsSpan(start, end - start);
        if (alias.Length is < 2 or > 12 || (hangul < 2 && latin < 3) || (start > 0 && !(char.IsWhiteSpace(text[start - 1]) || text[start - 1] is '[' or ':' or '|' or '·' or ','))
            || s_organisationEnds.Contains(alias[^1]) || alias[^1] == '님' || NameGazetteer.IsCommonWord(alias) || IsFormWord(alias)
            || PrivateContext.IsStaffOrKin(alias))
        {
            return;
        }

        // A relation before the name (외할머니(황정란), 막내 (윤소율)) is what the person is to the writer, not a handle.
        if (EndsWithRelation(alias))
        {
            return;
        }

        Occurrences(text, alias, candidates, from, AddedScore);
    }

    // Baptismal names as Korean Catholics write them after their names in a parish's lists and minutes (황보정숙(젬마),
    // 나상철(요셉)), the saints' names in their Korean forms: written from knowledge. Only in the brackets after a name.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_baptismalNames = FrozenSet.Create(StringComparer.Ordinal,
    [
        "젬마", "세실리아", "아녜스", "데레사", "루시아", "루치아", "스콜라스티카", "비비안나", "율리아나", "안젤라", "글라라", "클라라", "베로니카",
        "카타리나", "가타리나", "엘리사벳", "막달레나", "마르타", "아가다", "헬레나", "수산나", "안나", "마리아", "모니카", "레지나", "프란치스카",
        "크리스티나", "세라피나", "마리안나", "로사", "요안나", "소화데레사", "에밀리아나", "체칠리아", "파우스티나", "라파엘라", "미카엘라",
        "베드로", "바오로", "요셉", "요한", "안드레아", "야고보", "토마스", "마태오", "마르코", "루카", "스테파노", "미카엘", "라파엘",
        "가브리엘", "프란치스코", "도미니코", "아우구스티노", "베네딕토", "빈첸시오", "안토니오", "알로이시오", "이냐시오", "디모테오",
        "요아킴", "시몬", "다니엘", "다미아노", "바실리오", "필립보", "세바스티아노", "라우렌시오", "그레고리오", "니콜라오", "암브로시오",
        "바르나바", "마티아", "유스티노", "치릴로", "보니파시오", "펠릭스", "하상바오로", "대건안드레아",
    ]).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A handle in Latin letters in brackets right after a confident name or handle, as a stream's or a server's log shows
    /// the display name and the account (<c>쿡쿡민호 (cookcook_minho)</c>): the id a stream's speaker slot reads
    /// (<see cref="IdInBracketsEnd"/>), lower-case and without a dot (not a file's or a site's name: <c>report_v2.pdf</c>).
    /// </summary>
    private static void HandleAfter(string text, PiiFinding seed, List<PiiFinding> candidates, int from)
    {
        var open = Person.OpenBracketAfter(text, seed.End);
        var lineEnd = text.IndexOf('\n', open) is var newline and >= 0 ? newline : text.Length;
        if (IdInBracketsEnd(text, open, lineEnd) is var close and > 0 && text.AsSpan(open + 1, close - open - 2) is var handle
            && handle.IndexOf('.') < 0 && !handle.ContainsAnyInRange('A', 'Z'))
        {
            Add(text, candidates, from, open + 1, close - 1, AddedScore);
        }
    }

    /// <summary>
    /// Another name of a confident name in brackets right after it: a name in Latin letters of the name lists or a Korean
    /// name romanised (<c>어단비 (Luna)</c>, <c>Chae-won (Seonwoo)</c>), a foreign name word in Hangul (<c>우상필(요셉)</c>),
    /// a baptismal name (<c>황보정숙(젬마)</c>) or the Hangul rendering of a name in Latin letters (<c>Bilguun (빌궁)</c>), here and wherever else it occurs as a
    /// word. Not a role, title, relation, field or common word, a country or a place (<c>김민수(팀장)</c>, <c>최지우(장녀)</c>,
    /// <c>Amara (나이지리아)</c>); brackets after a name mostly hold notes (<c>오전</c>, <c>퇴사</c>), so no other word. After a
    /// name in Latin letters, the person's name in Chinese characters (<c>Tan Wei Ling (陳慧玲)</c>, a surname's first).
    /// </summary>
    private static void AliasAfter(string text, PiiFinding seed, List<PiiFinding> candidates, int from)
    {
        var start = Person.OpenBracketAfter(text, seed.End) + 1;
        var end = start;

        // (A name in Latin letters with the person's own name in Chinese characters: Tan Wei Ling (陳慧玲); after a full name
        // of two words or more, a Japanese name whose family name is no Chinese surname too: Yuki Nakamura (中村由貴).)
        while (end < text.Length && end - start < 5 && ScriptProfile.IsHan(text[end]))
        {
            end++;
        }

        if (end - start is >= 2 and <= 4 && start > 0 && Context.At(text, end) == ')' && Context.IsLatinUpper(text[seed.Start])
            && (IsHanSurname(text[start]) || text.AsSpan(seed.Start, seed.End - seed.Start) is var full && full.IndexOf(' ') > 0 && !full.ContainsAnyInRange('\uAC00', '\uD7A3')))
        {
            Add(text, candidates, from, start, end, AddedScore);
            return;
        }

        end = start;
        while (end < text.Length && (Context.IsHangulSyllable(text[end]) || Context.IsLatinLetter(text[end]) || text[end] is '-' or ' ' && Context.IsLatinLetter(Context.At(text, end + 1))))
        {
            end++;
        }

        var alias = text.AsSpan(start, Math.Max(0, end - start));
        if (Context.At(text, end) != ')' || alias.Length is < 2 or > 24 || alias.Count(' ') > 2 || alias.Contains(' ') && !Context.IsLatinUpper(alias[0]))
        {
            return;
        }

        // (A name in Latin letters of the name lists or a Korean name romanised, one to three words in title case: 인수경
        // (Soo Kyung Walker); in Hangul a foreign name word or the rendering of the name in Latin letters before it:
        // brackets after a name in a record mostly hold notes, 오전, 퇴사.)
        var latin = !alias.ContainsAnyInRange('\uAC00', '\uD7A3');
        var listed = false;
        foreach (var range in alias.Split(' '))
        {
            var w = alias[range];
            latin &= w.Length >= 2 && Context.IsLatinUpper(w[0]) && !w[1..].ContainsAnyInRange('A', 'Z');
            // (Several words need a listed word or a surname's spelling: Samsung Electronics is two romanised syllables.)
            listed |= (NameGazetteer.LatinKind(w) & (NameGazetteer.LatinGivenKind | NameGazetteer.LatinFamilyKind)) != 0 || Person.IsRomanisedSurname(w)
                || Person.IsRomanisedGivenName(w) && !alias.Contains(' ');
        }

        latin &= listed || RomanisationOf(text, seed, alias);
        var hangul = !alias.ContainsAnyExceptInRange('\uAC00', '\uD7A3')
            && (Person.IsForeignNameWord(alias) || s_baptismalNames.Contains(alias) || Context.IsLatinUpper(text[seed.Start]) && Person.SoundsLike(text.AsSpan(seed.Start, seed.End - seed.Start), alias[0]));
        if (!(latin && alias.Length >= 3 || hangul && alias.Length <= 5)
            || NameGazetteer.IsCommonWord(alias) || IsFormWord(alias) || PrivateContext.IsStaffOrKin(alias) || PrivateContext.IsContextWord(alias)
            || Person.IsTitleOrRole(alias) || EndsWithRelation(alias) || IsNicknameLabel(alias) || Person.IsCountry(alias)
            || hangul && (s_organisationEnds.Contains(alias[^1]) || StreetAddress.IsStrongAdministrative(alias)) || latin && s_latinRoles.Contains(alias))
        {
            return;
        }

        Add(text, candidates, from, start, end, AddedScore);
        Occurrences(text, alias, candidates, from, AddedScore);
    }

    /// <summary>
    /// A Chinese name in Hangul with its characters in brackets after it (<c>장리(张丽)</c>, <c>천징(陈静)</c>,
    /// <c>왕리화(王丽华)</c>), as Korean offices write a Chinese resident's name: a Hangul word of two to five syllables
    /// after a word that says who a person is (<see cref="NameSlotBefore"/>: 모, 통역, 점주), no common, form, role or
    /// country word, and two to four Chinese characters opening with a surname's
    /// (<see cref="IsHanSurname"/>) whose number is no more than the syllables'. Both are the person, and so is either
    /// again in the text.
    /// </summary>
    private static void HangulThenHan(string text, List<PiiFinding> candidates, int from)
    {
        for (var open = text.IndexOf('(', StringComparison.Ordinal); open > 1; open = text.IndexOf('(', open + 1))
        {
            var start = open;
            while (start > 0 && Context.IsHangulSyllable(text[start - 1]))
            {
                start--;
            }

            var (a, b) = (open + 1, open + 1);
            while (b < text.Length && b - a < 5 && ScriptProfile.IsHan(text[b]))
            {
                b++;
            }

            var hangul = text.AsSpan(start, open - start);
            if (hangul.Length is < 2 or > 5 || b - a is < 2 or > 4 || b - a > hangul.Length || Context.At(text, b) is not (')' or ',') || !IsHanSurname(text[a])
                || start > 0 && (Context.IsLatinLetter(text[start - 1]) || Context.IsDigit(text[start - 1]))
                || NameGazetteer.IsCommonWord(hangul) || IsFormWord(hangul) || PrivateContext.IsContextWord(hangul) || Person.IsCountry(hangul) || IsRelationWord(hangul)
                || !NameGazetteer.IsRuleSurname(hangul[0]) || !NameSlotBefore(text, start))
            {
                continue;
            }

            Add(text, candidates, from, start, open, AddedScore);
            Add(text, candidates, from, a, b, AddedScore);
            Occurrences(text, hangul, candidates, from, AddedScore);
        }
    }

    /// <summary>
    /// A name in Chinese characters after a word that says who a person is (<c>아버지 张伟</c>, <c>배우자 李浩然</c>): two to four
    /// characters standing alone, the first a surname's (<see cref="IsHanSurname"/>).
    /// </summary>
    private static void HanAfterRole(string text, List<PiiFinding> candidates, int from)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!ScriptProfile.IsHan(text[i]) || i > 0 && (ScriptProfile.IsHan(text[i - 1]) || IsLetter(text[i - 1])))
            {
                continue;
            }

            var end = i;
            while (end < text.Length && ScriptProfile.IsHan(text[end]))
            {
                end++;
            }

            if (end - i is >= 2 and <= 4 && IsHanSurname(text[i]) && !IsLetter(Context.At(text, end)) && !ScriptProfile.IsHan(Context.At(text, end)) && NameSlotBefore(text, i))
            {
                Add(text, candidates, from, i, end, AddedScore);
            }

            i = end;
        }
    }

    /// <summary>
    /// Whether the word before <paramref name="start"/> (one space between) says who a person is: a role, title, relation,
    /// kinship or label word (점주, 통역, 모, 배우자, 성명), as a Chinese word with its characters (한국(韓國)) has none.
    /// </summary>
    private static bool NameSlotBefore(string text, int start)
    {
        if (start < 2 || text[start - 1] != ' ')
        {
            return false;
        }

        var w = Context.HangulStart(text, start - 1);
        var word = text.AsSpan(w, start - 1 - w);
        return word is "모" or "부" or "점주" || word.Length >= 2 && (IsRoleWord(word) || IsRelationWord(word));
    }

    /// <summary>
    /// A name in brackets glued to a relation (<c>남편(Pierre)은</c>, <c>아내(Emily)랑</c>, <c>언니(Josephine)한테</c>,
    /// <c>딸(서아, 7세)</c>): one to three capitalised words in Latin letters, or a Hangul word of two to four syllables of a
    /// name's kind (given-name syllables, a Korean name's shape or a foreign name word) that is no common, form or country
    /// word; a note may follow after a comma. The name is a person here and wherever it stands alone in the text.
    /// </summary>
    private static void RelationAliases(string text, List<PiiFinding> candidates, int from)
    {
        for (var open = text.IndexOf('(', StringComparison.Ordinal); open > 0; open = text.IndexOf('(', open + 1))
        {
            var w = open;
            while (w > 0 && Context.IsHangulSyllable(text[w - 1]))
            {
                w--;
            }

            var relation = text.AsSpan(w, open - w);
            if (relation.Length < 1 || !IsRelationWord(relation) || PrivateContext.IsStaffOrKin(relation) && !EndsWithAny(relation, PrivateContext.Relations))
            {
                continue;
            }

            var (start, end) = (open + 1, open + 1);
            var latin = Context.IsLatinUpper(Context.At(text, start));
            while (end < text.Length && end - start < 30 && (latin ? Context.IsLatinLetter(text[end]) || text[end] is '-' or '\'' || text[end] == ' ' && Context.IsLatinUpper(Context.At(text, end + 1))
                : Context.IsHangulSyllable(text[end])))
            {
                end++;
            }

            if (Context.At(text, end) is not (')' or ',') || end - start < 2)
            {
                continue;
            }

            var name = text.AsSpan(start, end - start);
            var words = 0;
            var shaped = true;
            foreach (var range in name.Split(' '))
            {
                var word = name[range];
                words++;
                shaped &= word.Length >= 2 && (!latin || !word[1..].ContainsAnyInRange('A', 'Z'));
            }

            if (latin ? !shaped || words > 3 || s_latinRoles.Contains(name) || Person.IsEnglishNotName(name)
                : name.Length > 4 || NameGazetteer.IsCommonWord(name) || IsFormWord(name) || Person.IsCountry(name) || IsRelationWord(name)
                    || !(AllGivenSyllables(name) || KoreanNameShaped(text, start, end) || Person.IsForeignNameWord(name)))
            {
                continue;
            }

            Add(text, candidates, from, start, end, AddedScore);
            Occurrences(text, name, candidates, from, AddedScore);
        }
    }

    /// <summary>
    /// Whether <paramref name="alias"/> is a Korean name's own romanisation, given name and surname in either order
    /// (<c>모지훈(Jihoon Mo)</c>, <c>김서연 (Kim Seoyeon)</c>): a romanised given name of two syllables that starts with the
    /// sound of the given name's first syllable, and a word of two to four letters with the surname's sound.
    /// </summary>
    private static bool RomanisationOf(string text, PiiFinding seed, ReadOnlySpan<char> alias)
    {
        var space = alias.IndexOf(' ');
        if (seed.End - seed.Start != 3 || !KoreanNameShaped(text, seed.Start, seed.End) || space < 0 || alias[(space + 1)..].Contains(' '))
        {
            return false;
        }

        var (surname, given) = (text[seed.Start], text[seed.Start + 1]);
        var first = alias[..space];
        var second = alias[(space + 1)..];
        return Person.IsRomanisedGivenName(first) && second.Length is >= 2 and <= 4 && Person.SoundsLike(first, given) && Person.SoundsLike(second, surname)
            || Person.IsRomanisedGivenName(second) && first.Length is >= 2 and <= 4 && Person.SoundsLike(second, given) && Person.SoundsLike(first, surname);
    }

    /// <summary>
    /// A name in Chinese characters before its reading in brackets (<c>金美玉(김미옥)</c>, a child's given name
    /// <c>浩然(하오란, 4)</c>): two characters or more, standing alone, and no more than the confident name in the brackets
    /// has syllables; a person here and wherever else it stands.
    /// </summary>
    private static void HanjaBefore(string text, PiiFinding seed, List<PiiFinding> candidates, int from)
    {
        var end = seed.Start - 1;
        var start = end;
        while (start > 0 && end - start <= seed.End - seed.Start && ScriptProfile.IsHan(text[start - 1]))
        {
            start--;
        }

        // (A Mandarin reading may take more syllables than the name has characters: 浩然(하오란).)
        if (end - start < 2 || end - start > seed.End - seed.Start || start > 0 && ScriptProfile.IsHan(text[start - 1]))
        {
            return;
        }

        Add(text, candidates, from, start, end, AddedScore);
        Occurrences(text, text.AsSpan(start, end - start), candidates, from, AddedScore);
    }

    /// <summary>
    /// The given name of a Chinese name of three characters (刘浩然 → 浩然), where it opens a word after punctuation, a
    /// space or a line's start (<c>浩然，房东…</c>, <c>我要去！佳穎也說要去</c>: Chinese writes no space after a name), as
    /// friends address each other in a chat.
    /// </summary>
    private static void HanGivenName(string text, PiiFinding seed, List<PiiFinding> candidates, int from)
    {
        if (seed.End - seed.Start != 3 || !IsHanSurname(text[seed.Start]) || !ScriptProfile.IsHan(text[seed.Start + 1]) || !ScriptProfile.IsHan(text[seed.Start + 2]))
        {
            return;
        }

        var given = text.AsSpan(seed.Start + 1, 2);
        for (var at = text.AsSpan().IndexOf(given, StringComparison.Ordinal); at >= 0;)
        {
            if (at == 0 || !ScriptProfile.IsHan(text[at - 1]) && !Context.IsAsciiLetter(text[at - 1]))
            {
                Add(text, candidates, from, at, at + 2, AddedScore - 0.05);
            }

            var next = text.AsSpan(at + 2).IndexOf(given, StringComparison.Ordinal);
            at = next < 0 ? -1 : at + 2 + next;
        }
    }

    /// <summary>
    /// The child's name in a parent's confident handle wherever the handle stands, not only as a chat's speaker: a cafe's
    /// or a board's writer, a table's cell (<c>봄비엄마 새싹멤버 · …</c> … <c>우리 봄비 업고</c>), by <see cref="ChildOfHandle"/>.
    /// </summary>
    private static void ParentHandleChildren(string text, List<PiiFinding> candidates, int from)
    {
        HashSet<string>? done = null;
        var seeds = candidates.Count;
        for (var i = from; i < seeds; i++)
        {
            var c = candidates[i];
            var handle = text.AsSpan(c.Start, c.End - c.Start);
            if (c.Type == PiiTypes.Person && c.Score >= SeedScore && handle.Length is >= 3 and <= 5 && !handle.ContainsAnyExceptInRange('\uAC00', '\uD7A3')
                && (handle[^1] == '맘' || handle.EndsWith("엄마", StringComparison.Ordinal) || handle.EndsWith("아빠", StringComparison.Ordinal))
                && (done ??= new(StringComparer.Ordinal)).Add(handle.ToString()))
            {
                ChildOfHandle(text, c.Start, c.End, candidates, from);
            }
        }
    }

    /// <summary>Whether <paramref name="c"/> is a common Chinese or Korean surname in Chinese characters (traditional or simplified).</summary>
    internal static bool IsHanSurname(char c) => s_hanSurnames.Contains(c);

    /// <summary>
    /// The given name of a confident Chinese name in Chinese characters (a surname and two characters: 崔美兰, 韩春梅) where
    /// the chat calls the person by it, with an elder's or a familiar word or a comma after it (<c>美兰姐，</c>, <c>谢谢春梅姐</c>,
    /// <c>美兰啊</c>): Chinese writes no spaces, so only these ends mark the name's end.
    /// </summary>
    private static void HanGivenNames(string text, List<PiiFinding> candidates, int from)
    {
        for (int i = from, n = candidates.Count; i < n; i++)
        {
            var seed = candidates[i];
            if (seed.End - seed.Start != 3 || seed.Type != PiiTypes.Person || !IsHanSurname(text[seed.Start]) || !ScriptProfile.IsHan(text[seed.Start + 1])
                || !ScriptProfile.IsHan(text[seed.Start + 2]))
            {
                continue;
            }

            var given = text.AsSpan(seed.Start + 1, 2);
            for (var at = text.AsSpan().IndexOf(given, StringComparison.Ordinal); at >= 0;
                 at = text.AsSpan(at + 2).IndexOf(given, StringComparison.Ordinal) is var next and >= 0 ? at + 2 + next : -1)
            {
                if (at != seed.Start + 1 && Context.At(text, at + 2) is '姐' or '哥' or '妹' or '姨' or '啊' or '呀' or '，' or '、'
                    && !(at > 0 && IsHanSurname(text[at - 1]) && ScriptProfile.IsHan(text[at - 1]) && at - 1 != seed.Start && text.AsSpan(at - 1, 3).SequenceEqual(text.AsSpan(seed.Start, 3))))
                {
                    Add(text, candidates, from, at, at + 2, AddedScore - 0.05);
                }
            }
        }
    }

    // Common Chinese, Korean and Vietnamese surnames in Chinese characters, traditional and simplified (general knowledge).
    private static readonly System.Buffers.SearchValues<char> s_hanSurnames = System.Buffers.SearchValues.Create(
        "李王張张劉刘陳陈楊杨黃黄趙赵吳吴周徐孫孙馬马朱胡郭何高林羅罗鄭郑梁謝谢宋唐許许韓韩馮冯鄧邓曹彭曾蕭萧田董袁潘于蔣蒋蔡余杜葉叶程蘇苏魏呂吕丁任沈姚盧卢姜崔鍾钟譚谭陸陆汪范金石廖賈贾夏韋韦方白鄒邹孟熊秦邱江尹薛段雷侯龍龙史陶黎賀贺顧顾毛郝龔龚邵萬万錢钱嚴严武戴莫孔向湯汤朴權权柳安申洪全文裵裴元千玄南辛池延魚吉河奇卞表咸慎琴阮康付易魯鲁");

    /// <summary>Whether one of <paramref name="words"/> starts at <paramref name="at"/>.</summary>
    internal static bool StartsWithAny(string text, int at, ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (text.AsSpan(at).StartsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="word"/> ends with one of <paramref name="endings"/>.</summary>
    internal static bool EndsWithAny(ReadOnlySpan<char> word, ReadOnlySpan<string> endings)
    {
        foreach (var ending in endings)
        {
            if (word.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Adds each occurrence of <paramref name="name"/> that stands alone (no letter before it) and is followed by nothing,
    /// a particle or a form of address; with <paramref name="beforePersonWord"/> only those followed, after one space, by
    /// a word that says who a person is (<see cref="Person.PersonWordAt"/>) or glued to 씨 or 님, no digit before them;
    /// with <paramref name="skipCovered"/> not those inside a person candidate already (a longer name or handle).
    /// </summary>
    private static void Occurrences(string text, ReadOnlySpan<char> name, List<PiiFinding> candidates, int from, double score, bool beforePersonWord = false,
        bool skipCovered = false)
    {
        for (var at = text.AsSpan().IndexOf(name, StringComparison.Ordinal); at >= 0;)
        {
            var end = at + name.Length;
            if ((at == 0 || !(IsLetter(text[at - 1]) || beforePersonWord && Context.IsDigit(text[at - 1]))) && !(skipCovered && Covered(candidates, from, at, end))
                && (beforePersonWord
                    ? Context.At(text, end) == ' ' && Person.PersonWordAt(text, end + 1) || Context.At(text, end) is '씨' or '님' && !Context.IsHangulSyllable(Context.At(text, end + 1))
                    : FreeAfter(text, end) && !(Context.IsAsciiLetter(text[end - 1]) && Context.IsAsciiLetter(Context.At(text, end)))))
            {
                Add(text, candidates, from, at, end, score);
            }

            var next = text.AsSpan(end).IndexOf(name, StringComparison.Ordinal);
            at = next < 0 ? -1 : end + next;
        }
    }

    /// <summary>
    /// Occurrences of a given name that ends with a consonant where it takes the familiar 이 before a particle (임하늘 …
    /// 하늘이랑, 한보람 … 보람이가): a common word takes no 이 before another particle, so 하늘이 맑다 stays the sky.
    /// </summary>
    private static void DiminutiveOccurrences(string text, ReadOnlySpan<char> given, List<PiiFinding> candidates, int from, double score)
    {
        if (!Context.IsHangulSyllable(given[^1]) || (given[^1] - '\uAC00') % 28 == 0)
        {
            return;
        }

        Followed(text, given, candidates, from, score, static (text, end) => Context.At(text, end) == '이' && DiminutiveParticleAt(text, end + 1));

        static bool DiminutiveParticleAt(string text, int p)
        {
            foreach (var particle in s_diminutiveParticles)
            {
                if (text.AsSpan(p).StartsWith(particle, StringComparison.Ordinal) && !Context.IsHangulSyllable(Context.At(text, p + particle.Length)))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Occurrences of a given name called by the vocative glued to it, 아 after a final consonant and 야 after a vowel (하귀례
    /// … 귀례야 내 왔다, 이새롬 … 새롬아 고마워), then a space, a line's end or punctuation: a common word is not called so.
    /// </summary>
    private static void VocativeOccurrences(string text, ReadOnlySpan<char> given, List<PiiFinding> candidates, int from, double score)
    {
        if (!Context.IsHangulSyllable(given[^1]))
        {
            return;
        }

        var vocative = (given[^1] - '\uAC00') % 28 == 0 ? '야' : '아';
        Followed(text, given, candidates, from, score, (text, end) => Context.At(text, end) == vocative
            && Context.At(text, end + 1) is '\0' or ' ' or '\n' or '\r' or ',' or '!' or '.' or '~' or '?' or '…');
    }

    /// <summary>
    /// The given name where its bearer names themselves with it (마하늘 … 안녕하세요 302호 하늘입니다, 하늘이에요): the given
    /// name, then 입니다 or 이에요 (예요 after a vowel), then the sentence's end, a space or a mark.
    /// </summary>
    private static void SelfNamingOccurrences(string text, ReadOnlySpan<char> given, List<PiiFinding> candidates, int from, double score)
    {
        if (!Context.IsHangulSyllable(given[^1]))
        {
            return;
        }

        var vowelFinal = (given[^1] - '\uAC00') % 28 == 0;
        Followed(text, given, candidates, from, score, (text, end) =>
        {
            var rest = text.AsSpan(end);
            var copula = rest.StartsWith("입니다") ? 3 : rest.StartsWith(vowelFinal ? "예요" : "이에요") ? (vowelFinal ? 2 : 3) : 0;
            return copula > 0 && Context.At(text, end + copula) is '\0' or ' ' or '\n' or '\r' or ',' or '!' or '.' or '~' or '^' or '?' or '…';
        });
    }

    /// <summary>
    /// Each occurrence of <paramref name="given"/> that opens a word (no letter before it) and that
    /// <paramref name="followedBy"/> accepts at its end (the text and the position after the name): a candidate.
    /// </summary>
    private static void Followed(string text, ReadOnlySpan<char> given, List<PiiFinding> candidates, int from, double score, Func<string, int, bool> followedBy)
    {
        for (var at = text.AsSpan().IndexOf(given, StringComparison.Ordinal); at >= 0;)
        {
            var end = at + given.Length;
            if ((at == 0 || !IsLetter(text[at - 1])) && followedBy(text, end))
            {
                Add(text, candidates, from, at, end, score);
            }

            var next = text.AsSpan(end).IndexOf(given, StringComparison.Ordinal);
            at = next < 0 ? -1 : end + next;
        }
    }

    // Particles after the familiar 이 of a given name (하늘이가, 하늘이랑, 하늘이한테): general Korean, from knowledge.
    private static readonly string[] s_diminutiveParticles = ["가", "는", "랑", "도", "를", "한테", "에게", "의", "네", "와", "하고", "만", "처럼", "까지"];

    /// <summary>
    /// A word of a confident name in Cyrillic letters wherever it stands in Latin letters, and the other way round, as chats
    /// of Central Asian and Mongolian workers write one person both ways (<c>Айбек Токтогулов</c> … <c>Aybek aka</c>,
    /// <c>Gulnora Karimova</c> … <c>Гульнора эже</c>): the two spellings are compared by a loose key that maps Cyrillic to
    /// Latin letters and folds the spellings that differ between the languages' romanisations (kh and x, zh and j, y and i).
    /// Words of four letters or more only.
    /// </summary>
    private static void CrossScriptNames(string text, List<PiiFinding> candidates, int from)
    {
        var forms = CyrillicCaseForms(text, candidates, from, candidates.Count)?.GetAlternateLookup<ReadOnlySpan<char>>();
        MatchAcrossScripts(text, candidates, from, ScriptWordEnd, static (text, start, length) => length >= 4 ? LooseLatinKey(text.AsSpan(start, length)) : null,
            Context.IsCyrillicLetter, forms);

        // The end of a capitalised word of one script from start (Айбек, Aybek); start itself where the word is no such
        // word or a letter of the other script follows it.
        static int ScriptWordEnd(string text, int start)
        {
            var cyrillic = Context.IsCyrillicUpper(text[start]);
            if (!cyrillic && !Context.IsLatinUpper(text[start]))
            {
                return start;
            }

            var q = start + 1;
            while (q < text.Length && (cyrillic ? Context.IsCyrillicLetter(text[q]) : Context.IsLatinLetter(text[q]) && !char.IsUpper(text[q])))
            {
                q++;
            }

            return Context.IsLatinLetter(Context.At(text, q)) || Context.IsCyrillicLetter(Context.At(text, q)) ? start : q;
        }
    }

    /// <summary>
    /// A word of a confident name in Latin letters wherever it stands in an Indic script, Devanagari to Sinhala, and the
    /// other way round, as chats of Nepali, Bangladeshi and Sri Lankan workers write one person both ways (<c>Bikash Rai</c> …
    /// <c>बिकास</c>, <c>Chaminda Bandara</c> … <c>චමින්ද</c>, <c>রাকিব হাসান</c> … <c>Rakib</c>): the two spellings are compared
    /// by their consonants (<see cref="ConsonantSkeleton"/>), three or more, as the Indic scripts leave the inherent vowel
    /// unwritten; the word in Latin letters is capitalised, of four letters or more.
    /// </summary>
    private static void IndicCrossScriptNames(string text, List<PiiFinding> candidates, int from)
    {
        MatchAcrossScripts(text, candidates, from, IndicOrLatinWordEnd,
            static (text, start, length) => ConsonantSkeleton(text.AsSpan(start, length)) is { Length: >= 5 } key ? key : null, IsIndic);

        static bool IsIndic(char c) => c is >= '\u0900' and <= '\u0DFF';

        // The end of a word from start: letters and marks of one Indic script, three or more; or a capitalised word of
        // Latin letters, four or more; start itself otherwise.
        static int IndicOrLatinWordEnd(string text, int start)
        {
            var q = start;
            if (IsIndic(text[start]))
            {
                var block = text[start] >> 7;
                while (q < text.Length && IsIndic(text[q]) && text[q] >> 7 == block && text[q] is not ('\u0964' or '\u0965'))
                {
                    q++;
                }

                return q - start >= 3 && !Context.IsLatinLetter(Context.At(text, q)) ? q : start;
            }

            if (!Context.IsLatinUpper(text[start]))
            {
                return start;
            }

            q++;
            while (q < text.Length && Context.IsLatinLower(text[q]))
            {
                q++;
            }

            return q - start >= 4 && !Context.IsLatinLetter(Context.At(text, q)) && !IsIndic(Context.At(text, q)) ? q : start;
        }
    }

    /// <summary>
    /// The words of the confident names found again in another script: each word's key (<paramref name="key"/>, null for a
    /// word too short to compare) is taken from the candidates found so far; then every word of the text
    /// (<paramref name="wordEnd"/>: the end of a word that opens at a position, or the position itself) whose key is a
    /// confident word's of the other script (<paramref name="isOther"/> tells a letter of the script beside Latin), or that is
    /// one of <paramref name="forms"/>, becomes a candidate.
    /// </summary>
    private static void MatchAcrossScripts(string text, List<PiiFinding> candidates, int from, Func<string, int, int> wordEnd, Func<string, int, int, string?> key,
        Func<char, bool> isOther, HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? forms = null)
    {
        Dictionary<string, bool>? keys = null;
        var seeds = candidates.Count;
        for (var i = from; i < seeds; i++)
        {
            var c = candidates[i];
            if (c.Type != PiiTypes.Person || c.Score < SeedScore)
            {
                continue;
            }

            foreach (var range in text.AsSpan(c.Start, c.End - c.Start).Split(' '))
            {
                var start = c.Start + range.Start.Value;
                var length = range.End.Value - range.Start.Value;
                if (length > 0 && wordEnd(text, start) == start + length && key(text, start, length) is { } seedKey)
                {
                    (keys ??= new(StringComparer.Ordinal)).TryAdd(seedKey, isOther(text[start]));
                }
            }
        }

        if (keys is null)
        {
            return;
        }

        for (var p = 0; p < text.Length;)
        {
            if (p > 0 && (Context.IsLatinLetter(text[p - 1]) || isOther(text[p - 1])) || wordEnd(text, p) is var end && end == p)
            {
                p++;
                continue;
            }

            if ((key(text, p, end - p) is { } wordKey && keys.TryGetValue(wordKey, out var seedOther) && seedOther != isOther(text[p])
                    || forms is { } caseForms && caseForms.Contains(text.AsSpan(p, end - p)))
                && !Covered(candidates, from, p, end))
            {
                Add(text, candidates, from, p, end, AddedScore - 0.05);
            }

            p = end;
        }
    }

    /// <summary>
    /// The word's first letter and its consonants as Latin letters (AnyAscii's reading, lower case): the digraphs of
    /// aspirates and sibilants folded (sh to s, ch to c, ph to f, kh to k …), q to k, w to v, z to j, vowels, y and h left
    /// out, a letter repeated once (Bikash and बिकास are b:bks, Chaminda and චමින්ද c:cmnd, Nuwan and නුවන් n:nvn; the
    /// greeting আসসালামু, a:slm, is not Islam, i:slm).
    /// </summary>
    internal static string ConsonantSkeleton(ReadOnlySpan<char> word)
    {
        var ascii = AnyAscii.Transliteration.Transliterate(word.ToString()).ToLowerInvariant();
        var skeleton = new System.Text.StringBuilder(ascii.Length + 2);
        if (ascii.Length > 0)
        {
            skeleton.Append(ascii[0]).Append(':');
        }

        for (var k = 0; k < ascii.Length; k++)
        {
            var c = ascii[k];
            if (c is 's' or 'c' or 'p' or 'k' or 'g' or 't' or 'd' or 'b' or 'j' && k + 1 < ascii.Length && ascii[k + 1] == 'h')
            {
                k++;
            }

            c = c switch { 'q' or 'x' => 'k', 'w' => 'v', 'z' => 'j', 'p' when k < ascii.Length && ascii[k] == 'h' => 'f', _ => c };
            if (c is >= 'a' and <= 'z' and not ('a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'h') && (skeleton.Length <= 2 || skeleton[^1] != c))
            {
                skeleton.Append(c);
            }
        }

        return skeleton.ToString();
    }

    /// <summary>
    /// A word of a confident name in Latin, Cyrillic or Chinese letters wherever the text writes it in Hangul as it sounds,
    /// as mixed chats and records do (<c>Фаррух Раҳимов</c> … <c>파루흐</c>, <c>Bakyt</c> … <c>바키트</c>, <c>Tevita</c> …
    /// <c>테비타</c>, <c>李春花</c> … <c>춘화</c>): the two spellings are compared by <see cref="SoundKey"/>, three consonants or
    /// more; a Hangul word of one syllable renders a name of one, a longer word (to seven syllables, perhaps with a particle after it) a longer name.
    /// </summary>
    private static void HangulRenderings(string text, List<PiiFinding> candidates, int from)
    {
        // The keys of the confident names' words, each with its syllables (Trần, Hùng one; Farrukh two).
        Dictionary<string, int>? keys = null;
        var seeds = candidates.Count;
        for (var i = from; i < seeds; i++)
        {
            // (A full name only: two words or more in Latin or Cyrillic letters, or three or four Chinese characters, a
            // surname first; a lone capitalised word may be anything.)
            var c = candidates[i];
            var span = text.AsSpan(c.Start, c.End - c.Start);
            if (c.Type != PiiTypes.Person || c.Score < SeedScore
                || !(span.Length is 3 or 4 && IsHanSurname(span[0]) && AllHan(span)
                    || (Context.IsLatinUpper(span[0]) || Context.IsCyrillicUpper(span[0])) && span.IndexOf(' ') > 0))
            {
                continue;
            }

            foreach (var range in span.SplitAny(" -"))
            {
                var word = text.AsSpan(c.Start + range.Start.Value, range.End.Value - range.Start.Value);
                if (IsHanSurname(word[0]) && word.Length is 3 or 4)
                {
                    // (A Chinese name is called by its given name: 李春花 … 춘화.)
                    word = word[1..];
                }

                if (word.Length >= 2 && SoundKey(word) is { Length: >= 3 } key && Syllables(word) is var syllables && (key.Length >= 5 || syllables == 1))
                {
                    (keys ??= new(StringComparer.Ordinal)).TryAdd(key, syllables);
                }
            }
        }

        if (keys is null)
        {
            return;
        }

        for (var p = 0; p < text.Length; p++)
        {
            if (!Context.IsHangulSyllable(text[p]) || p > 0 && Context.IsHangulSyllable(text[p - 1]))
            {
                continue;
            }

            var run = p;
            while (run < text.Length && Context.IsHangulSyllable(text[run]))
            {
                run++;
            }

            // (A word's key begins its longer words' keys: where no name's key begins the run's, no part of it renders one.)
            var runKey = SoundKey(text.AsSpan(p, Math.Min(run, p + 7) - p));
            var begins = false;
            foreach (var k in keys.Keys)
            {
                begins |= runKey.StartsWith(k, StringComparison.Ordinal);
            }

            if (!begins)
            {
                p = run - 1;
                continue;
            }

            // A word of one syllable (ㅡ not counted: 볼드 is one) renders a name of one (Hùng … 훙이가, Hồng … 홍 씨, Yến … 옌 언니) where the familiar 이,
            // 씨, 님 or an elder's word follows it (a name of one consonant only where 씨 or the elder's word stands apart: 안이,
            // 따님 and 마씨네 are words); a longer word renders a longer name, as many syllables as the name's or one more or fewer, not
            // counting the ㅡ Korean puts between consonants (파루흐 is two, as Farrukh; 다른 is no Trần), and it does not
            // end as a particle or a verb does (테이블로, 있다면, 근데).
            for (var end = Math.Min(run, p + 7); end >= p + 1; end--)
            {
                var word = text.AsSpan(p, end - p);
                var oneSyllable = HangulSyllables(word) == 1;
                if ((oneSyllable ? Context.At(text, end) is '이' or '씨' or '님' || OneSyllableAddressed(text.AsSpan(end)) : FreeAfter(text, end) && word[^1] is not ('에' or '요' or '면' or '역' or '데' or '는' or '을' or '를' or '은' or '고'))
                    && SoundKey(word) is var key && keys.TryGetValue(key, out var seedSyllables)
                    && (oneSyllable ? seedSyllables == 1 && (key.Length >= 5 || OneSyllableAddressed(text.AsSpan(end))) : seedSyllables > 1 && key.Length >= 5 && Math.Abs(HangulSyllables(word) - seedSyllables) <= 1)
                    && !Person.IsInflectedCommonWord(word))
                {
                    if (!Covered(candidates, from, p, end))
                    {
                        Add(text, candidates, from, p, end, AddedScore - 0.05);
                    }

                    break;
                }
            }

            p = run - 1;
        }

        // (씨 or an elder's word after a space: 홍 씨, 옌 언니.)
        static bool OneSyllableAddressed(ReadOnlySpan<char> after) =>
            after.StartsWith(" 씨", StringComparison.Ordinal) || after.StartsWith(" 언니", StringComparison.Ordinal) || after.StartsWith(" 오빠", StringComparison.Ordinal)
            || after.StartsWith(" 누나", StringComparison.Ordinal) || after.StartsWith(" 형", StringComparison.Ordinal) && !(after.Length > 2 && Context.IsHangulSyllable(after[2]));

        static bool AllHan(ReadOnlySpan<char> span)
        {
            foreach (var c in span)
            {
                if (!ScriptProfile.IsHan(c))
                {
                    return false;
                }
            }

            return true;
        }

        // The syllables of a word in Latin, Cyrillic or Chinese letters: its runs of vowels in AnyAscii's reading (y a
        // consonant before a vowel: Batbayar three).
        static int Syllables(ReadOnlySpan<char> word)
        {
            var ascii = AnyAscii.Transliteration.Transliterate(word.ToString()).ToLowerInvariant();
            var (count, inVowel) = (0, false);
            for (var k = 0; k < ascii.Length; k++)
            {
                var vowel = ascii[k] is 'a' or 'e' or 'i' or 'o' or 'u' || ascii[k] == 'y' && !(k + 1 < ascii.Length && ascii[k + 1] is 'a' or 'e' or 'i' or 'o' or 'u');
                count += vowel && !inVowel ? 1 : 0;
                inVowel = vowel;
            }

            return count;
        }

        // The syllables of a Hangul word less those of ㅡ without a final (프라카시 three, 누를란 three).
        static int HangulSyllables(ReadOnlySpan<char> word)
        {
            var count = 0;
            foreach (var c in word)
            {
                count += (c - '\uAC00') % 588 is var rest && rest / 28 == 18 && rest % 28 == 0 ? 0 : 1;
            }

            return count;
        }
    }

    /// <summary>
    /// The first vowel and the consonants of a word as Korean hears them, for matching a name with its Hangul rendering (the
    /// vowel as a, e, i, o or u, ㅡ left out as Korean adds it between consonants; ㅓ as o): Hangul read by its
    /// letters (a final ㅇ as ng); Latin, Cyrillic or Chinese letters by AnyAscii's reading, with b, f, v and p one sound,
    /// d and t, g, k, q and a hard c, j, z, ch and a soft c as Korean has one letter for each pair (ㅂ, ㄷ, ㄱ, ㅈ), l and r
    /// one (ㄹ), kh and x as h (ㅎ), sh as s, th as t, ts as ㅊ; vowels, w and y left out, a sound repeated once
    /// (<c>Farrukh</c> and <c>파루흐</c> are a:prh, <c>Tevita</c> and <c>테비타</c> e:tpt, <c>ChunHua</c> and <c>춘화</c> u:cnh).
    /// </summary>
    internal static string SoundKey(ReadOnlySpan<char> word)
    {
        var key = new System.Text.StringBuilder(word.Length * 2 + 2);
        var vowel = '\0';
        if (Context.IsHangulSyllable(word[0]))
        {
            foreach (var c in word)
            {
                if (!Context.IsHangulSyllable(c))
                {
                    return "";
                }

                var index = c - '\uAC00';
                if (vowel == '\0')
                {
                    vowel = "aeaeoeoeoaeeouoeiu\0ii"[index % 588 / 28];
                }

                Append(key, "kknttrmppss\0cccktph"[index / 588]);
                foreach (var f in (index % 28) switch { 0 => "", 1 or 2 or 3 or 24 => "k", 4 or 5 or 6 => "n", 8 or >= 9 and <= 15 => "r", 16 => "m", 17 or 18 or 26 => "p", 21 => "nk", _ => "t" })
                {
                    Append(key, f);
                }
            }

            return vowel == '\0' ? "" : vowel + ":" + key;
        }

        var ascii = AnyAscii.Transliteration.Transliterate(word.ToString()).ToLowerInvariant();
        var first = ascii.AsSpan().IndexOfAny("aeiouy");
        if (first >= 0 && ascii[first] == 'y' && first + 1 < ascii.Length && ascii[first + 1] is 'a' or 'e' or 'i' or 'o' or 'u')
        {
            first++;
        }

        if (first < 0)
        {
            return "";
        }

        vowel = ascii[first] == 'y' ? 'i' : ascii[first];

        for (var k = 0; k < ascii.Length; k++)
        {
            var c = ascii[k];
            var next = k + 1 < ascii.Length ? ascii[k + 1] : ' ';
            char sound;
            if (next == 'h' && c is 'c' or 's' or 'k' or 't' or 'p' or 'g' or 'z')
            {
                sound = c switch { 'c' or 'z' => 'c', 's' => 's', 'k' => 'h', 't' => 't', 'p' => 'p', _ => 'k' };
                k++;
            }
            else if (c == 't' && next is 's' or 'z')
            {
                sound = 'c';
                k++;
            }
            else
            {
                sound = c switch
                {
                    'b' or 'f' or 'v' or 'p' => 'p',
                    'd' or 't' => 't',
                    'g' or 'k' or 'q' => 'k',
                    'c' => next is 'e' or 'i' or 'y' ? 's' : 'k',
                    'j' or 'z' => 'c',
                    'x' => 'h',
                    'l' or 'r' => 'r',
                    's' or 'm' or 'n' or 'h' => c,
                    _ => '\0',
                };
            }

            Append(key, sound);
        }

        return vowel + ":" + key;

        static void Append(System.Text.StringBuilder key, char sound)
        {
            if (sound != '\0' && (key.Length == 0 || key[^1] != sound))
            {
                key.Append(sound);
            }
        }
    }

    /// <summary>
    /// The case forms of the confident names' words in Cyrillic letters, as Russian declines a name (Лариса … от Ларисы,
    /// Мария … Марии, Тимур … Тимура, Сергей … Сергея): the forms of a feminine name in а or я and of a masculine name in a
    /// consonant or й, for words of four letters or more; null where none.
    /// </summary>
    private static HashSet<string>? CyrillicCaseForms(string text, List<PiiFinding> candidates, int from, int seeds)
    {
        HashSet<string>? forms = null;
        for (var i = from; i < seeds; i++)
        {
            var c = candidates[i];
            if (c.Type != PiiTypes.Person || c.Score < SeedScore || !Context.IsCyrillicUpper(text[c.Start]))
            {
                continue;
            }

            foreach (var range in text.AsSpan(c.Start, c.End - c.Start).Split(' '))
            {
                var word = text.Substring(c.Start + range.Start.Value, range.End.Value - range.Start.Value);
                if (word.Length < 4 || !Context.IsCyrillicUpper(word[0]) || word.AsSpan(1).IndexOfAnyExcept("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ") >= 0)
                {
                    continue;
                }

                // (Ukrainian adds its own: the vocative, Оксана … Оксано, Марія … Маріє, Богдан … Богдане, and the dative in
                // і and ові; Russian talk calls a woman by the stem alone, Марина … Марин.)
                var stem = word[..^1];
                string[] endings = word[^1] switch
                {
                    'а' => ["ы", "и", "е", "у", "ой", "ою", "о", "і", stem.Length >= 4 ? "" : "у"],
                    'я' => ["и", "е", "ю", "ей", "є", "ї", "ею"],
                    'й' => ["я", "ю", "ем", "е", "єм"],
                    'ь' or 'ы' or 'и' or 'о' or 'у' or 'е' or 'э' or 'ю' or 'і' or 'ї' or 'є' => [],
                    _ => ["а", "у", "ом", "е", "ові"],
                };
                foreach (var ending in endings)
                {
                    (forms ??= new(StringComparer.Ordinal)).Add((word[^1] is 'а' or 'я' or 'й' ? stem : word) + ending);
                }

                // (And by the name's everyday short form: Сергей … Серёжа, Ольга … Оля, Олександр … Сашко.)
                if (s_diminutives.TryGetValue(word, out var shortForms))
                {
                    foreach (var shortForm in shortForms.Split(' '))
                    {
                        (forms ??= new(StringComparer.Ordinal)).Add(shortForm);
                    }
                }
            }
        }

        return forms;
    }

    // The everyday short forms of Russian and Ukrainian given names, as friends call each other (general knowledge of
    // the languages; ё written either way).
    private static readonly FrozenDictionary<string, string> s_diminutives = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Александр"] = "Саша Саня Шура", ["Александра"] = "Саша Саня", ["Алексей"] = "Лёша Леша Алёша Алеша", ["Анастасия"] = "Настя",
        ["Анатолий"] = "Толя", ["Андрей"] = "Андрюша", ["Анна"] = "Аня", ["Антон"] = "Тоша", ["Борис"] = "Боря", ["Валентина"] = "Валя",
        ["Валерий"] = "Валера", ["Василий"] = "Вася", ["Виктор"] = "Витя", ["Виктория"] = "Вика", ["Владимир"] = "Володя Вова",
        ["Владислав"] = "Влад Владик", ["Галина"] = "Галя", ["Григорий"] = "Гриша", ["Дмитрий"] = "Дима", ["Евгений"] = "Женя",
        ["Евгения"] = "Женя", ["Екатерина"] = "Катя", ["Елена"] = "Лена", ["Елизавета"] = "Лиза", ["Иван"] = "Ваня", ["Ирина"] = "Ира",
        ["Константин"] = "Костя", ["Ксения"] = "Ксюша", ["Людмила"] = "Люда", ["Максим"] = "Макс", ["Мария"] = "Маша",
        ["Михаил"] = "Миша", ["Надежда"] = "Надя", ["Наталья"] = "Наташа", ["Наталия"] = "Наташа", ["Николай"] = "Коля",
        ["Ольга"] = "Оля", ["Павел"] = "Паша", ["Пётр"] = "Петя", ["Петр"] = "Петя", ["Светлана"] = "Света", ["Сергей"] = "Серёжа Сережа Серёга",
        ["Станислав"] = "Стас", ["Татьяна"] = "Таня", ["Юлия"] = "Юля", ["Юрий"] = "Юра", ["Ярослав"] = "Ярик",
        ["Олександр"] = "Сашко Саша", ["Олексій"] = "Льоша Олексійко", ["Олена"] = "Лена Оленка", ["Богдан"] = "Бодя", ["Микола"] = "Коля Миколка",
        ["Сергій"] = "Сергійко Сєрьожа", ["Дмитро"] = "Діма Дмитрик", ["Іван"] = "Ваня Івасик", ["Юлія"] = "Юля", ["Марія"] = "Маша Марійка",
        ["Наталія"] = "Наташа Наталка", ["Андрій"] = "Андрійко", ["Петро"] = "Петрик", ["Катерина"] = "Катя Катруся", ["Тетяна"] = "Таня",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The loose Latin key of a word in Cyrillic or Latin letters (<see cref="CrossScriptNames"/>): Айбек and Aybek are
    /// both <c>aibek</c>, Жасур and Jasur <c>jasur</c>, Хуршида and Xurshida <c>hurshida</c>. AnyAscii transliterates the
    /// Cyrillic letters (those of Kazakh and Mongolian too); the key then folds the spellings that the romanisations of
    /// Russian, Uzbek, Kyrgyz and Mongolian names differ in (kh, x and h; zh and j; y and i; q and k).
    /// </summary>
    internal static string LooseLatinKey(ReadOnlySpan<char> word) =>
        new System.Text.StringBuilder(AnyAscii.Transliteration.Transliterate(word.ToString()).ToLowerInvariant())
            .Replace("'", "").Replace("dzh", "j").Replace("zh", "j").Replace("kh", "h").Replace("ts", "c")
            .Replace('x', 'h').Replace('q', 'k').Replace('w', 'v').Replace('y', 'i').ToString();

    /// <summary>Whether a person candidate of score 0.5 or more covers [<paramref name="start"/>, <paramref name="end"/>).</summary>
    private static bool Covered(List<PiiFinding> candidates, int from, int start, int end)
    {
        for (var i = from; i < candidates.Count; i++)
        {
            if (candidates[i].Type == PiiTypes.Person && candidates[i].Score >= 0.5 && candidates[i].Start <= start && end <= candidates[i].End)
            {
                return true;
            }
        }

        return false;
    }

    internal static bool FreeAfter(string text, int end)
    {
        if (!Context.IsHangulSyllable(Context.At(text, end)))
        {
            return true;
        }

        foreach (var s in s_suffixes)
        {
            if (text.AsSpan(end).StartsWith(s, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Adds a person candidate unless one already covers the span with at least this score or the span overlaps another
    /// identifier; a person candidate on the same span with a lower score is raised.
    /// </summary>
    private static void Add(string text, List<PiiFinding> candidates, int from, int start, int end, double score)
    {
        if (Person.CutFromCommonWord(text, start, end))
        {
            return;
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.Start < end && start < c.End)
            {
                if (c.Type != PiiTypes.Person && c.Score >= 0.5)
                {
                    return;
                }

                if (c.Type == PiiTypes.Person && i >= from && c.Start == start && c.End == end)
                {
                    if (c.Score < score)
                    {
                        candidates[i] = c with { Score = score };
                    }

                    return;
                }

                if (c.Type == PiiTypes.Person && i >= from && c.Start <= start && end <= c.End && c.Score >= score)
                {
                    return;
                }
            }
        }

        if (!PrivateContext.IsContextWord(text.AsSpan(start, end - start)))
        {
            candidates.Add(new PiiFinding(start, end, PiiTypes.Person, score));
        }
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && text[start] is ' ' or '\r')
        {
            start++;
        }

        while (end > start && text[end - 1] is ' ' or '\r')
        {
            end--;
        }

        return (start, end);
    }
}
