using System.Runtime.CompilerServices;
using System.Buffers;
using Moa.Privacy.Analysis;
using Moa.Privacy.Names;

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
    ];

    private static readonly string[] s_labels =
    [
        "성명", "이름", "담당자", "작성자", "신청인", "피고인", "원고", "고객명", "수령인", "예금주", "환자명", "보호자", "대표자", "성함",
        "받는 사람", "보내는 사람", "연락 담당",
    ];

    private static readonly string[] s_englishLabels = ["Mr. ", "Mrs. ", "Ms. ", "Dr. ", "Prof. ", "Name: ", "name: ", "Contact: ", "Dear ", "Attn: "];

    // Single-character honorifics get a vectorised char search; the longer words a multi-string (Teddy) search.
    private static readonly SearchValues<char> s_honorifics = SearchValues.Create("씨님");

    private static readonly WordFinder s_words = new([.. s_titles.Where(t => t.Length > 1), .. s_labels, .. s_englishLabels]);

    private static readonly SearchValues<char> s_surnames = SearchValues.Create(NameGazetteer.Surnames);
    private static readonly string[] s_compoundSurnames = NameGazetteer.CompoundSurnames;

    // Names the tagger found, reused per thread.
    [ThreadStatic]
    private static List<TaggedName>? t_tagged;

    private static readonly HashSet<string> s_notNames = new(StringComparer.Ordinal)
    {
        "하나님", "하느님", "부처님", "시어머", "시아버", "주인공", "공주", "왕자", "고객", "손님", "선배", "후배", "여러분", "조카", "사모",
        "도련", "장모", "장인", "부모", "사위", "며느리", "아기", "우리", "여자", "남자", "주인", "감독", "배우", "작가", "기자", "교수",
        "이번", "이분", "그분", "저분", "이사람", "여자인", "남자인", "주인공인", "신인", "무명", "유명",
        "정말", "진짜", "하긴", "역시", "그냥", "너무", "완전", "아주", "제일", "가장", "다시", "최고", "모두", "이건", "이런", "그런", "저런",
        "장난아", "장난이", "양부모", "시부모", "주지사", "도지사", "대한민국", "정부", "국민", "시민", "고인", "이름", "성명",
    };

    // Final syllables of modifiers and particles ("표현한 감독", "최고의 배우"), which given names practically never end with.
    private static readonly SearchValues<char> s_inflectedEndings = SearchValues.Create("의던된할될는을를했적한에고서며면게로와과랑께");

    private static readonly SearchValues<char> s_particles = SearchValues.Create("님은는이가의께에과와를을도로만랑");

    /// <summary>
    /// False when <see cref="Scan"/> cannot find anything: no Hangul syllable (the tagger's input), no honorific and no
    /// context word in the text.
    /// </summary>
    public static bool MayMatch(ReadOnlySpan<char> text) =>
        text.ContainsAnyInRange('\uAC00', '\uD7A3') || text.ContainsAny(s_honorifics) || s_words.Next(text, 0) >= 0;

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
        ScanRules(text, sink);
        var before = sink.Count;
        var tagged = t_tagged ??= new List<TaggedName>(8);
        tagged.Clear();
        model.Find(text, tagged);
        foreach (var n in tagged)
        {
            var overlapsFound = false;
            for (var i = 0; i < before && !overlapsFound; i++)
            {
                overlapsFound = sink[i].Start < n.End && n.Start < sink[i].End && sink[i].Score >= 0.5;
            }

            if (!overlapsFound)
            {
                sink.Add(new PiiFinding(n.Start, n.End, PiiTypes.Person, ModelScore(n.Margin)));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScanRules(string text, List<PiiFinding> sink)
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

            i = at + 1;
        }

        TryChatSpeakers(text, sink);

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

            foreach (var label in s_labels)
            {
                if (span[at..].StartsWith(label, StringComparison.Ordinal))
                {
                    TryLabel(text, at + label.Length, sink);
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

    private static void TryTitle(string text, int at, string title, List<PiiFinding> sink)
    {
        var after = Context.At(text, at + title.Length);
        if (Context.IsHangulSyllable(after) && !s_particles.Contains(after))
        {
            return;
        }

        var honorific = title is "씨" or "님";
        var spaced = Context.At(text, at - 1) == ' ';
        var end = spaced ? at - 1 : at;
        var start = end;
        while (start > 0 && Context.IsHangulSyllable(text[start - 1]))
        {
            start--;
        }

        if (start > 0 && (Context.IsAsciiLetter(text[start - 1]) || Context.IsDigit(text[start - 1])))
        {
            return;
        }

        var length = end - start;
        var compound = length >= 3 && IsCompoundSurname(text, start);
        var ok = length switch
        {
            3 => s_surnames.Contains(text[start]),
            4 => compound,
            2 => spaced && IsStrongTitle(title) && s_surnames.Contains(text[start]),
            _ => false,
        };
        if (!ok)
        {
            return;
        }

        var name = text.AsSpan(start, length);
        if (s_notNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name) || EndsWithTitle(name) || s_inflectedEndings.Contains(name[^1]))
        {
            return;
        }

        double score = (length, honorific, spaced) switch
        {
            (2, _, _) => 0.55,
            (_, false, true) => 0.85,
            (_, false, false) => 0.75,
            (_, true, true) => 0.75,
            _ => 0.6,
        };
        sink.Add(new PiiFinding(start, end, PiiTypes.Person, score));
    }

    /// <summary>
    /// News-style anonymised persons before 씨: an initial (A씨, B(42)씨) or a surname with 모 (김모 씨, 최모(32)씨). The
    /// span is the initial or the surname, as KLUE-NER annotates them.
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
            var q = p - 1;
            while (Context.IsDigit(Context.At(text, q)))
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
    }

    /// <summary>Chat logs: a line that starts with a Korean full name and a colon (<c>김민수: 내일 봐요</c>).</summary>
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
            if (lineStart && length is 3 && s_surnames.Contains(text[start]) && !s_notNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(start, length))
                && !EndsWithTitle(text.AsSpan(start, length)) && !s_labels.Contains(text[start..end]))
            {
                sink.Add(new PiiFinding(start, end, PiiTypes.Person, 0.7));
            }

            if (colon + 1 >= text.Length)
            {
                break;
            }
        }
    }

    private static void TryLabel(string text, int p, List<PiiFinding> sink)
    {
        var colon = false;
        var skipped = 0;
        while (p < text.Length && text[p] is ' ' or ':' or '：' or '\t' && skipped < 4)
        {
            colon |= text[p] is ':' or '：';
            p++;
            skipped++;
        }

        if (skipped == 0)
        {
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
        while (p < text.Length && Context.IsHangulSyllable(text[p]) && p - start < 5)
        {
            p++;
        }

        var length = p - start;
        if (length is < 2 or > 4 || !s_surnames.Contains(Context.At(text, start)))
        {
            return;
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

        var name = text.AsSpan(start, length);
        if (s_notNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
        {
            return;
        }

        var score = length == 2 ? (colon ? 0.6 : 0.45) : (colon ? 0.95 : 0.85);
        sink.Add(new PiiFinding(start, start + length, PiiTypes.Person, score));
    }

    private static void TryEnglish(string text, int labelStart, int p, double score, List<PiiFinding> sink)
    {
        if (labelStart > 0 && Context.IsAsciiLetter(text[labelStart - 1]))
        {
            return;
        }

        var start = p;
        var words = 0;
        var end = p;
        while (words < 3 && p < text.Length && text[p] is >= 'A' and <= 'Z')
        {
            var q = p + 1;
            while (q < text.Length && (text[q] is >= 'a' and <= 'z' || (text[q] == '\'' && Context.IsAsciiLetter(Context.At(text, q + 1)))))
            {
                q++;
            }

            if (q - p < 2)
            {
                break;
            }

            words++;
            end = q;
            if (Context.At(text, q) != ' ' || Context.At(text, q + 1) is < 'A' or > 'Z')
            {
                break;
            }

            p = q + 1;
        }

        if (words == 0)
        {
            return;
        }

        sink.Add(new PiiFinding(start, end, PiiTypes.Person, words == 1 ? score - 0.2 : score));
    }

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

    private static bool EndsWithTitle(ReadOnlySpan<char> name)
    {
        foreach (var r in s_roles)
        {
            if (name.EndsWith(r, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var t in s_titles)
        {
            if (t.Length >= 2 && name.EndsWith(t, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
