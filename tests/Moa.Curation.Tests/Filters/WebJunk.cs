using System.Globalization;
using System.Text;

namespace Moa.Curation.Tests.Filters;

/// <summary>
/// Harder junk, shaped as it appears on the web and built from real Korean sentences (KoBEST BoolQ and HellaSwag,
/// NSMC reviews, the news genre file): navigation and boilerplate pages, SEO pages of real sentences around a keyword, machine-translated
/// garble, product and real-estate listings, tables of numbers, link and e-mail farms, and a templated notice
/// repeated inside one page with small changes. Deterministic for a seed.
/// </summary>
internal static class WebJunk
{
    private static readonly string[] Menu =
    [
        "홈", "회사소개", "고객센터", "로그인", "회원가입", "장바구니", "마이페이지", "공지사항", "이벤트", "자주 묻는 질문", "1:1 문의", "사이트맵",
        "오시는 길", "제품소개", "채용정보", "뉴스룸", "보도자료", "주문조회", "배송조회", "브랜드 스토리", "신상품", "베스트", "커뮤니티", "자유게시판",
        "자료실", "갤러리", "이용안내", "전체메뉴", "검색", "English", "TOP", "바로가기", "본문 바로가기", "주메뉴 바로가기",
    ];

    private static readonly string[] Cities = ["서울 강남구", "서울 송파구", "서울 마포구", "경기 성남시 분당구", "경기 수원시 영통구", "인천 연수구", "부산 해운대구", "대구 수성구", "대전 유성구", "광주 서구"];
    private static readonly string[] Dongs = ["역삼동", "잠실동", "상암동", "정자동", "광교동", "송도동", "우동", "범어동", "도룡동", "치평동"];
    private static readonly string[] Estate = ["아파트", "오피스텔", "빌라", "상가", "원룸", "투룸"];
    private static readonly string[] Deal = ["매매", "전세", "월세"];
    private static readonly string[] Domains = ["naver.com", "daum.net", "gmail.com", "hanmail.net", "korea.kr", "co.kr", "example.com"];
    private static readonly string[] Seo = ["추천", "가격", "후기", "순위", "비교", "할인", "최저가", "예약", "정보", "잘하는 곳"];

    public static IEnumerable<CorpusDoc> Build(
        Random rng, IReadOnlyList<string> boolq, IReadOnlyList<string> reviews, IReadOnlyList<string> hellaswag, IReadOnlyList<string> news, int perKind)
    {
        var sentences = boolq.Concat(news).Concat(hellaswag).SelectMany(t => t.Split(". ", StringSplitOptions.RemoveEmptyEntries))
            .Select(x => x.Trim().TrimEnd('.') + ".")
            .Where(x => x.Length is > 20 and < 200)
            .ToArray();
        var nouns = Nouns(boolq);
        for (var i = 0; i < perKind; i++)
        {
            yield return new CorpusDoc("junk.web.navigation_boilerplate", "ko", Navigation(rng, sentences));
            yield return new CorpusDoc("junk.web.seo_real_sentences", "ko", SeoPage(rng, sentences, nouns));
            yield return new CorpusDoc("junk.web.machine_translated_garble", "ko", Garble(rng, sentences));
            yield return new CorpusDoc("junk.web.product_listing", "ko", ProductListing(rng, nouns));
            yield return new CorpusDoc("junk.web.real_estate_listing", "ko", RealEstateListing(rng));
            yield return new CorpusDoc("junk.web.number_table", "ko", NumberTable(rng, nouns));
            yield return new CorpusDoc("junk.web.links_and_emails", "ko", LinkFarm(rng, nouns));
            yield return new CorpusDoc("junk.web.templated_notice", "ko", TemplatedNotice(rng, reviews, nouns));
        }
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> list) => list[rng.Next(list.Count)];

    /// <summary>Nouns: Hangul eojeol of real sentences with their particle taken off.</summary>
    private static string[] Nouns(IReadOnlyList<string> source)
    {
        string[] particles = ["에서", "으로", "에게", "의", "을", "를", "이", "가", "은", "는", "에", "로", "와", "과"];
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var text in source.Take(3000))
        {
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var p in particles)
                {
                    if (word.Length > p.Length + 1 && word.EndsWith(p, StringComparison.Ordinal) && word.All(c => c is >= '\uAC00' and <= '\uD7A3'))
                    {
                        set.Add(word[..^p.Length]);
                        break;
                    }
                }
            }
        }

        return [.. set];
    }

    private static string Menus(Random rng, string sep, int n) =>
        string.Join(sep, Enumerable.Range(0, n).Select(_ => Pick(rng, Menu)));

    private static string Footer(Random rng)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"(주)한빛{Pick(rng, Menu)} | 대표이사 김민수 | 사업자등록번호 {rng.Next(100, 999)}-{rng.Next(10, 99)}-{rng.Next(10000, 99999)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"주소 {Pick(rng, Cities)} {Pick(rng, Dongs)} {rng.Next(1, 999)}-{rng.Next(1, 99)} | 고객센터 {rng.Next(1500, 1700)}-{rng.Next(1000, 9999)} | 팩스 02-{rng.Next(100, 999)}-{rng.Next(1000, 9999)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"통신판매업신고 제{rng.Next(2015, 2025)}-서울강남-{rng.Next(1000, 9999)}호 | 개인정보보호책임자 이서연\n");
        sb.Append(CultureInfo.InvariantCulture, $"Copyright © {rng.Next(2010, 2026)} All rights reserved.");
        return sb.ToString();
    }

    /// <summary>A page that is all chrome: menus, breadcrumbs, a login box, a title and one real teaser sentence, the footer.</summary>
    private static string Navigation(Random rng, string[] sentences)
    {
        var sb = new StringBuilder();
        sb.Append(Menus(rng, " ", rng.Next(3, 6))).Append('\n');
        sb.Append(Menus(rng, "\n", rng.Next(6, 14))).Append('\n');
        sb.Append("홈 > ").Append(Pick(rng, Menu)).Append(" > ").Append(Pick(rng, Menu)).Append('\n');
        sb.Append("아이디\n비밀번호\n로그인 상태 유지\n아이디 찾기 | 비밀번호 찾기 | 회원가입\n");
        if (rng.Next(2) == 0)
        {
            sb.Append(Pick(rng, sentences)).Append('\n');
        }

        sb.Append("이전글\n다음글\n목록\n");
        sb.Append(Menus(rng, " | ", rng.Next(4, 8))).Append('\n');
        sb.Append(Footer(rng));
        return sb.ToString();
    }

    /// <summary>
    /// An SEO blog page: a target keyword (place + noun) stuffed into the title, the intro, every section heading and
    /// many sentences; the body is real sentences from unrelated sources (news, BoolQ, HellaSwag), so the topic jumps
    /// from sentence to sentence; most pages end with a list of related searches and some with a tag cloud.
    /// </summary>
    private static string SeoPage(Random rng, string[] sentences, string[] nouns)
    {
        var keyword = $"{Pick(rng, Cities).Split(' ')[^1]} {Pick(rng, nouns)}";
        string Mod() => Pick(rng, Seo);
        var sb = new StringBuilder();
        sb.Append(rng.Next(2) == 0
            ? FormattableString.Invariant($"{keyword} {Mod()} TOP {rng.Next(3, 11)} | {keyword} {Mod()} 총정리\n")
            : FormattableString.Invariant($"{rng.Next(2020, 2026)} {keyword} {Mod()}, {keyword} {Mod()} 알아보기\n"));
        sb.Append(Pick(rng, new[]
        {
            $"오늘은 {keyword}에 대해 알아보겠습니다. {keyword} {Mod()} 정보를 찾으시는 분들께 도움이 되었으면 합니다.",
            $"{keyword} {Mod()} 궁금하셨죠? 많은 분들이 찾는 {keyword} 정보를 정리했습니다.",
            $"안녕하세요. 이번 포스팅에서는 {keyword} {Mod()}에 대해 소개해 드리려고 합니다.",
        })).Append("\n\n");
        var sections = rng.Next(3, 7);
        for (var s = 0; s < sections; s++)
        {
            sb.Append(rng.Next(3) switch
            {
                0 => $"{s + 1}. {keyword} {Mod()}",
                1 => $"■ {keyword} {Mod()}",
                _ => $"{keyword} {Mod()}",
            }).Append('\n');
            var n = rng.Next(2, 5);
            for (var i = 0; i < n; i++)
            {
                var sentence = Pick(rng, sentences);
                sb.Append(rng.Next(5) switch
                {
                    0 => $"{keyword} {Mod()}의 경우 {sentence}",
                    1 => $"{sentence} 그래서 {keyword} 정보를 찾는 분들이 많습니다.",
                    2 => $"{keyword}, {sentence}",
                    _ => sentence,
                }).Append(' ');
            }

            sb.Append("\n\n");
        }

        if (rng.Next(4) > 0)
        {
            sb.Append("관련 검색어: ").Append(string.Join(", ", Enumerable.Range(0, rng.Next(5, 12)).Select(_ => $"{keyword} {Mod()}"))).Append('\n');
        }

        if (rng.Next(2) == 0)
        {
            sb.Append(string.Join(' ', Enumerable.Range(0, rng.Next(4, 12)).Select(_ => $"#{keyword.Replace(" ", "", StringComparison.Ordinal)}{Mod().Replace(" ", "", StringComparison.Ordinal)}")));
        }

        return sb.ToString().Trim();
    }

    /// <summary>
    /// Machine-translated garble as spam sites publish it (Korean pages machine-translated word by word from English):
    /// real sentences changed the way such output goes wrong. Per sentence, two to four of: the predicate moved after
    /// the subject (English SVO order, so the sentence ends on an object or an adverbial); particles split off as
    /// words of their own (<c>학교 에서</c>); a wrong particle; an English word left untranslated; a function word
    /// doubled (<c>의 의</c>, <c>그 그</c>); a verb left in its dictionary form mid-sentence (<c>사용하다 방법</c>).
    /// </summary>
    private static string Garble(Random rng, string[] sentences)
    {
        string[] untranslated = ["the", "of", "and", "is", "for", "with", "that", "this", "which", "it", "to", "in", "update", "click", "here", "more", "best", "online"];
        string[] particles = ["에서", "으로", "에게", "을", "를", "은", "는", "의", "에", "이", "가", "와", "과", "로"];
        string[] doubled = ["의 의", "그 그", "것 것", "및 및", "이 이", "는 는", "을 을"];
        var sb = new StringBuilder();
        var n = rng.Next(4, 11);
        for (var i = 0; i < n; i++)
        {
            var words = Pick(rng, sentences).TrimEnd('.').Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            var changes = rng.Next(2, 5);
            for (var c = 0; c < changes && words.Count > 2; c++)
            {
                var at = rng.Next(words.Count);
                var w = words[at];
                switch (rng.Next(6))
                {
                    case 0:
                        // SVO: the final predicate goes after the first eojeol.
                        var verb = words[^1];
                        words.RemoveAt(words.Count - 1);
                        words.Insert(1, verb);
                        break;
                    case 1:
                        if (particles.FirstOrDefault(p => w.Length > p.Length && w.EndsWith(p, StringComparison.Ordinal)) is { } p1)
                        {
                            words[at] = w[..^p1.Length] + " " + p1;
                        }

                        break;
                    case 2:
                        if (particles.FirstOrDefault(p => w.Length > p.Length && w.EndsWith(p, StringComparison.Ordinal)) is { } p2)
                        {
                            words[at] = w[..^p2.Length] + Pick(rng, particles);
                        }

                        break;
                    case 3:
                        words.Insert(at, Pick(rng, untranslated));
                        break;
                    case 4:
                        words.Insert(at, Pick(rng, doubled));
                        break;
                    default:
                        foreach (var ending in new[] { "하는", "하고", "하여", "해서", "했고", "하며", "되는", "되어" })
                        {
                            if (w.Length > ending.Length && w.EndsWith(ending, StringComparison.Ordinal))
                            {
                                words[at] = w[..^ending.Length] + (ending[0] == '되' ? "되다" : "하다");
                                break;
                            }
                        }

                        break;
                }
            }

            sb.Append(string.Join(' ', words)).Append(". ");
            if (rng.Next(3) == 0)
            {
                sb.Append('\n');
            }
        }

        return sb.ToString().Trim();
    }

    /// <summary>An auto-generated shop listing: product cards (name, prices, discount, reviews, shipping) and paging.</summary>
    private static string ProductListing(Random rng, string[] nouns)
    {
        var sb = new StringBuilder();
        sb.Append("전체상품 ").Append(rng.Next(100, 5000)).Append("개\n추천순 | 신상품순 | 낮은가격순 | 높은가격순 | 리뷰많은순\n");
        var n = rng.Next(8, 20);
        for (var i = 0; i < n; i++)
        {
            var price = rng.Next(10, 500) * 1000;
            var sale = price * rng.Next(50, 95) / 100;
            sb.Append(CultureInfo.InvariantCulture, $"[{Pick(rng, ["무료배송", "오늘출발", "BEST", "NEW", "특가"])}] {Pick(rng, nouns)} {Pick(rng, nouns)} {Pick(rng, ["세트", "1+1", "대용량", "정품", "2024 신상"])}\n");
            sb.Append(CultureInfo.InvariantCulture, $"{price:N0}원 {sale:N0}원 {100 - (sale * 100 / price)}%\n");
            sb.Append(CultureInfo.InvariantCulture, $"리뷰 {rng.Next(0, 3000):N0} · 평점 {rng.Next(30, 51) / 10.0:0.0} · 찜 {rng.Next(0, 999)}\n");
        }

        sb.Append(string.Join(' ', Enumerable.Range(1, 10))).Append(" 다음 >");
        return sb.ToString();
    }

    /// <summary>An auto-generated real-estate listing: one line per offer with place, kind, deal, price, area and floor.</summary>
    private static string RealEstateListing(Random rng)
    {
        var sb = new StringBuilder();
        var city = Pick(rng, Cities);
        sb.Append(city).Append(' ').Append(Pick(rng, Estate)).Append(' ').Append(Pick(rng, Deal)).Append(" 매물 ").Append(rng.Next(20, 900)).Append("건\n");
        var n = rng.Next(10, 30);
        for (var i = 0; i < n; i++)
        {
            var deal = Pick(rng, Deal);
            var price = deal == "월세" ? $"{rng.Next(500, 5000):N0}/{rng.Next(30, 300)}" : $"{rng.Next(1, 30)}억 {rng.Next(0, 10) * 1000:N0}";
            sb.Append(CultureInfo.InvariantCulture,
                $"{city} {Pick(rng, Dongs)} {Pick(rng, Estate)} {deal} {price} {rng.Next(20, 200)}㎡ {rng.Next(1, 40)}/{rng.Next(5, 50)}층 {rng.Next(1985, 2025)}년 {Pick(rng, ["남향", "동향", "서향", "역세권", "풀옵션", "즉시입주"])}\n");
        }

        return sb.ToString();
    }

    /// <summary>A statistics table without text: a caption, a header of column names, rows of numbers.</summary>
    private static string NumberTable(Random rng, string[] nouns)
    {
        var sb = new StringBuilder();
        var cols = rng.Next(3, 8);
        var sep = Pick(rng, ["\t", "  ", " | ", " "]);
        sb.Append("표 ").Append(rng.Next(1, 30)).Append(". ").Append(Pick(rng, nouns)).Append(" 현황\n");
        sb.Append(string.Join(sep, Enumerable.Range(0, cols).Select(c => c == 0 ? "구분" : (2015 + c).ToString(CultureInfo.InvariantCulture)))).Append('\n');
        var rows = rng.Next(8, 30);
        for (var r = 0; r < rows; r++)
        {
            var cells = Enumerable.Range(0, cols).Select(c => c == 0 ? (r + 1).ToString(CultureInfo.InvariantCulture)
                : rng.Next(3) == 0 ? (rng.Next(0, 1000) / 10.0).ToString("0.0", CultureInfo.InvariantCulture) : rng.Next(0, 100000).ToString("N0", CultureInfo.InvariantCulture));
            sb.Append(string.Join(sep, cells)).Append('\n');
        }

        sb.Append("자료: ").Append(Pick(rng, nouns)).Append(", ").Append(rng.Next(2018, 2025)).Append('.');
        return sb.ToString();
    }

    /// <summary>A page that is mostly links and e-mail addresses: a directory of sites and contacts with short labels.</summary>
    private static string LinkFarm(Random rng, string[] nouns)
    {
        var sb = new StringBuilder();
        sb.Append(Pick(rng, nouns)).Append(" 관련 사이트 모음\n");
        var n = rng.Next(10, 30);
        for (var i = 0; i < n; i++)
        {
            var slug = new string(Enumerable.Range(0, rng.Next(4, 10)).Select(_ => (char)('a' + rng.Next(26))).ToArray());
            sb.Append(rng.Next(4) switch
            {
                0 => $"{Pick(rng, nouns)} https://www.{slug}.{Pick(rng, Domains)}/",
                1 => $"http://{slug}.{Pick(rng, Domains)}/board/view.php?id={rng.Next(1, 99999)}",
                2 => $"문의: {slug}{rng.Next(1, 99)}@{Pick(rng, Domains)}",
                _ => $"https://blog.{Pick(rng, Domains)}/{slug}/{rng.Next(100000, 999999)}",
            }).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>One notice, repeated for many dates, places and times with small changes (inside one page: repetition).</summary>
    private static string TemplatedNotice(Random rng, IReadOnlyList<string> reviews, string[] nouns)
    {
        var service = Pick(rng, nouns);
        var sb = new StringBuilder();
        var n = rng.Next(8, 20);
        for (var i = 0; i < n; i++)
        {
            var month = rng.Next(1, 13);
            var day = rng.Next(1, 29);
            sb.Append(CultureInfo.InvariantCulture, $"[공지] {month}월 {day}일 {service} 서비스 정기 점검 안내\n");
            sb.Append(CultureInfo.InvariantCulture,
                $"안녕하세요. {service} 운영팀입니다. 보다 안정적인 서비스 제공을 위하여 {month}월 {day}일 {rng.Next(0, 6):00}:00부터 {rng.Next(6, 10):00}:00까지 서버 정기 점검이 진행될 예정입니다. 점검 시간 동안에는 {service} 서비스 이용이 일시적으로 중단되오니 이용에 참고하여 주시기 바랍니다. 이용에 불편을 드려 죄송합니다. 감사합니다.\n\n");
        }

        if (rng.Next(2) == 0)
        {
            sb.Append(Pick(rng, reviews));
        }

        return sb.ToString();
    }
}
