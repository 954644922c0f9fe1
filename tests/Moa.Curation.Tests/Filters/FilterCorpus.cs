using System.Text;
using System.Text.Json;

namespace Moa.Curation.Tests.Filters;

/// <summary>
/// One labelled document of the threshold study. <paramref name="Id"/> is fixed (the file's id, or the set name and
/// the document's index within its set) and decides the document's half: see <see cref="HeldOut"/>.
/// </summary>
internal sealed record CorpusDoc(string Set, string Language, string Text, string Id = "")
{
    /// <summary>True for the test half (figures are reported and asserted on it); false for the tuning half.</summary>
    public bool IsTest => HeldOut.IsTest(Id);
}

/// <summary>
/// The fixed split of every evaluation set into a tuning half and a test half: XxHash64 (seed 0) of the document
/// id's UTF-16 text, odd = test, even = tuning. Thresholds and profiles are chosen on the tuning half only.
/// </summary>
internal static class HeldOut
{
    public static bool IsTest(string id) => (Moa.Text.Hashing.TextHash.XxHash64(id.AsSpan()) & 1) == 1;

    /// <summary>Gives every document without an id the id "set#index" (index within its set, in build order).</summary>
    public static List<CorpusDoc> WithIds(IEnumerable<CorpusDoc> docs)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = new List<CorpusDoc>();
        foreach (var d in docs)
        {
            var n = counts.GetValueOrDefault(d.Set);
            counts[d.Set] = n + 1;
            list.Add(d.Id.Length > 0 ? d : d with { Id = $"{d.Set}#{n}" });
        }

        return list;
    }
}

/// <summary>
/// Clean prose and generated junk, all built from the real files in shared/data and the programme seeds.
/// Deterministic: fixed seeds, sorted inputs. Used by the threshold study, the acceptance tests and the benchmark.
/// </summary>
internal static class FilterCorpus
{
    public const string KoBoolQ = "clean.ko.kobest_boolq";
    public const string KoClick = "clean.ko.click";
    public const string KoHellaSwag = "clean.ko.kobest_hellaswag";
    public const string KoSeed = "clean.ko.seed_003";
    public const string KoForum = "clean.ko.nsmc_thread";
    public const string EnSeed = "clean.en.seeds";

    /// <summary>Prefix of the clean sets read from <c>shared/data/text/genres/*.jsonl</c> (one set per file).</summary>
    public const string GenrePrefix = "clean.genre.";

    private static readonly Lazy<IReadOnlyList<CorpusDoc>> s_clean = new(() => HeldOut.WithIds(BuildClean()));
    private static readonly Lazy<IReadOnlyList<CorpusDoc>> s_junk = new(() => HeldOut.WithIds(BuildJunk()));
    private static readonly Lazy<IReadOnlyList<CorpusDoc>> s_genres = new(BuildGenres);

    /// <summary>The clean sets built from benchmark texts and seeds (both halves).</summary>
    public static IReadOnlyList<CorpusDoc> Clean => s_clean.Value;

    /// <summary>The junk kinds (both halves).</summary>
    public static IReadOnlyList<CorpusDoc> Junk => s_junk.Value;

    /// <summary>The real genre files in shared/data/text/genres (both halves); ids are the files' own.</summary>
    public static IReadOnlyList<CorpusDoc> Genres => s_genres.Value;

    /// <summary>Every clean document: the clean sets and the genre files.</summary>
    public static IEnumerable<CorpusDoc> AllClean => Clean.Concat(Genres);

    private static List<CorpusDoc> BuildGenres()
    {
        var files = Directory.GetFiles(TestPaths.Data("text", "genres"), "*.jsonl");
        Array.Sort(files, StringComparer.Ordinal);
        var docs = new List<CorpusDoc>();
        foreach (var file in files)
        {
            var set = GenrePrefix + Path.GetFileNameWithoutExtension(file);
            foreach (var line in File.ReadLines(file))
            {
                using var doc = JsonDocument.Parse(line);
                var id = doc.RootElement.GetProperty("id").GetString()!;
                var text = doc.RootElement.GetProperty("text").GetString()!;
                docs.Add(new CorpusDoc(set, "ko", text.Normalize(NormalizationForm.FormC), id));
            }
        }

        return docs;
    }

    public static string SeedsDir => Path.Combine(Path.GetDirectoryName(TestPaths.SharedData)!, "seeds");

    public static IReadOnlyList<string> BoolQTexts() => ReadTsvColumn("BoolQ", "Text");

    public static IReadOnlyList<string> HellaSwagContexts() => ReadTsvColumn("HellaSwag", "context");

    /// <summary>One column of every KoBEST split of a task (train, dev, test), distinct values in file order.</summary>
    public static IReadOnlyList<string> ReadTsvColumn(string task, string column)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<string>();
        foreach (var split in new[] { "train", "dev", "test" })
        {
            var lines = File.ReadAllLines(TestPaths.Data("benchmarks", "kobest", task, split + ".tsv"));
            var col = Array.IndexOf(lines[0].Split('\t'), column);
            col.ShouldBeGreaterThanOrEqualTo(0, $"column {column} in {task}/{split}.tsv");
            foreach (var line in lines.Skip(1))
            {
                var cells = line.Split('\t');
                if (cells.Length > col && !string.IsNullOrWhiteSpace(cells[col]) && seen.Add(cells[col]))
                {
                    list.Add(cells[col].Trim().Normalize(NormalizationForm.FormC));
                }
            }
        }

        return list;
    }

    public static IReadOnlyList<string> NsmcReviews()
    {
        var list = new List<string>();
        foreach (var line in File.ReadLines(TestPaths.Data("text", "nsmc_reviews_sample.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var text = doc.RootElement.GetProperty("text").GetString();
            if (!string.IsNullOrWhiteSpace(text))
            {
                list.Add(text.Trim().Normalize(NormalizationForm.FormC));
            }
        }

        return list;
    }

    public static IReadOnlyList<string> ClickParagraphs()
    {
        var root = TestPaths.Data("benchmarks", "click");
        var files = Directory.GetFiles(root, "*.json", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        var set = new HashSet<string>();
        var list = new List<string>();
        foreach (var file in files)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                var p = item.TryGetProperty("paragraph", out var v) ? v.GetString() : null;
                if (!string.IsNullOrWhiteSpace(p) && set.Add(p))
                {
                    list.Add(p.Trim().Normalize(NormalizationForm.FormC));
                }
            }
        }

        return list;
    }

    /// <summary>Paragraphs of a seed file grouped into documents of at least <paramref name="minChars"/> characters.</summary>
    public static IReadOnlyList<string> SeedDocuments(string prefix, int minChars)
    {
        var file = Directory.GetFiles(SeedsDir, prefix + "*.txt").Single();
        var text = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal).Normalize(NormalizationForm.FormC);
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var docs = new List<string>();
        var sb = new StringBuilder();
        foreach (var p in paragraphs)
        {
            if (sb.Length > 0)
            {
                sb.Append("\n\n");
            }

            sb.Append(p);
            if (sb.Length >= minChars)
            {
                docs.Add(sb.ToString());
                sb.Clear();
            }
        }

        if (sb.Length >= minChars / 2)
        {
            docs.Add(sb.ToString());
        }

        return docs;
    }

    private static List<CorpusDoc> BuildClean()
    {
        var docs = new List<CorpusDoc>();
        docs.AddRange(BoolQTexts().Select(t => new CorpusDoc(KoBoolQ, "ko", t)));
        docs.AddRange(ClickParagraphs().Select(t => new CorpusDoc(KoClick, "ko", t)));
        docs.AddRange(HellaSwagContexts().Select(t => new CorpusDoc(KoHellaSwag, "ko", t)));
        docs.AddRange(SeedDocuments("003", 600).Select(t => new CorpusDoc(KoSeed, "ko", t)));

        var reviews = NsmcReviews();
        var rng = new Random(20261121);
        for (var i = 0; i < 1500; i++)
        {
            var count = rng.Next(5, 21);
            var start = rng.Next(reviews.Count - count);
            docs.Add(new CorpusDoc(KoForum, "ko", string.Join('\n', reviews.Skip(start).Take(count))));
        }

        foreach (var prefix in new[] { "000", "001", "002", "004" })
        {
            docs.AddRange(SeedDocuments(prefix, 800).Select(t => new CorpusDoc(EnSeed, "en", t)));
        }

        return docs;
    }

    private static List<CorpusDoc> BuildJunk()
    {
        var rng = new Random(7);
        var boolq = BoolQTexts();
        var reviews = NsmcReviews();
        var docs = new List<CorpusDoc>();
        const int PerType = 300;

        string Pick(IReadOnlyList<string> list) => list[rng.Next(list.Count)];
        string Sentence()
        {
            var sentences = Pick(boolq).Split(". ", StringSplitOptions.RemoveEmptyEntries);
            return sentences[rng.Next(sentences.Length)].Trim();
        }

        string ShortReview()
        {
            while (true)
            {
                var r = Pick(reviews);
                if (r.Length < 60)
                {
                    return r;
                }
            }
        }

        string Fragment()
        {
            var words = Sentence().Split(' ');
            return string.Join(' ', words.Take(rng.Next(2, 9)));
        }

        for (var i = 0; i < PerType; i++)
        {
            // One real line repeated.
            var line = rng.Next(2) == 0 ? Sentence() : Pick(reviews);
            docs.Add(new CorpusDoc("junk.repeated_line", "ko", string.Join('\n', Enumerable.Repeat(line, rng.Next(8, 40)))));

            // A real paragraph repeated 3-5 times, with one other paragraph among the copies.
            var para = Pick(boolq);
            var copies = Enumerable.Repeat(para, rng.Next(3, 6)).ToList();
            copies.Insert(rng.Next(copies.Count + 1), Pick(boolq));
            docs.Add(new CorpusDoc("junk.repeated_paragraph", "ko", string.Join("\n\n", copies)));

            docs.Add(new CorpusDoc("junk.menu_spam", "ko", MenuSpam(rng)));
            docs.Add(new CorpusDoc("junk.keyword_spam", "ko", KeywordSpam(rng, boolq)));

            // Mojibake: CP949 bytes read as Latin-1, and UTF-8 bytes read as CP949.
            var source = Pick(boolq);
            docs.Add(new CorpusDoc("junk.mojibake_cp949_as_latin1", "other", Latin1.GetString(Cp949.GetBytes(source))));
            docs.Add(new CorpusDoc("junk.mojibake_utf8_as_cp949", "ko", Cp949.GetString(Encoding.UTF8.GetBytes(Pick(boolq)))));
            docs.Add(new CorpusDoc("junk.mojibake_utf8_as_cp1252", "other", Cp1252.GetString(Encoding.UTF8.GetBytes(Pick(boolq)))));

            docs.Add(new CorpusDoc("junk.symbol_noise", "ko", SymbolNoise(rng, Pick(boolq))));

            // Too short (under 60 characters): one short review, or a title-like fragment of 2-8 eojeol.
            docs.Add(new CorpusDoc("junk.too_short", "ko", rng.Next(2) == 0 ? ShortReview() : Fragment()));

            docs.Add(new CorpusDoc("junk.laugh_flood", "ko", LaughFlood(rng, reviews)));
            docs.Add(new CorpusDoc("junk.lorem_ipsum", rng.Next(2) == 0 ? "en" : "other", LoremIpsum(rng)));
            docs.Add(new CorpusDoc("junk.cookie_banner", rng.Next(2) == 0 ? "en" : "ko", CookieBanner(rng)));
        }

        docs.AddRange(CodeChunks().Select(c => new CorpusDoc("junk.code", "en", c)));
        var news = Genres.Where(d => d.Set == GenrePrefix + "news_ko_snippets").Select(d => d.Text).ToList();
        docs.AddRange(WebJunk.Build(new Random(20261203), boolq, reviews, HellaSwagContexts(), news, PerType));
        return docs;
    }

    private static readonly Encoding Latin1 = Encoding.Latin1;
    private static readonly Encoding Cp949 = CodePages(949);
    private static readonly Encoding Cp1252 = CodePages(1252);

    private static Encoding CodePages(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    private static readonly string[] MenuItems =
    [
        "홈", "회사소개", "고객센터", "로그인", "회원가입", "장바구니", "마이페이지", "공지사항", "이벤트", "자주묻는질문", "1:1문의",
        "사이트맵", "오시는길", "제품소개", "채용정보", "인재채용", "뉴스룸", "보도자료", "주문조회", "배송조회", "쇼핑백", "브랜드스토리",
        "신상품", "베스트", "할인상품", "카테고리", "전체보기", "게시판", "자료실", "갤러리", "커뮤니티", "이용안내", "개인정보처리방침",
        "이용약관", "이메일무단수집거부", "찾아오시는 길", "ENGLISH", "top", "더보기", "검색", "상품문의", "리뷰", "Q&A",
    ];

    private static string MenuSpam(Random rng)
    {
        var sb = new StringBuilder();
        var lines = rng.Next(3, 10);
        string[] seps = [" | ", " > ", " · ", "  ", " / "];
        for (var l = 0; l < lines; l++)
        {
            var sep = seps[rng.Next(seps.Length)];
            var n = rng.Next(4, 12);
            for (var k = 0; k < n; k++)
            {
                if (k > 0)
                {
                    sb.Append(sep);
                }

                sb.Append(MenuItems[rng.Next(MenuItems.Length)]);
            }

            sb.Append('\n');
        }

        sb.Append("Copyright © ").Append(rng.Next(2010, 2026)).Append(" All rights reserved.");
        return sb.ToString();
    }

    private static readonly string[] Particles = ["에서", "으로", "에게", "의", "을", "를", "이", "가", "은", "는", "에", "로", "와", "과", "도"];
    private static readonly string[] SeoSuffixes = ["추천", "가격", "후기", "맛집", "순위", "할인", "무료", "비교", "사이트", "정보", "방법", "예약", "쿠폰", "최저가"];

    /// <summary>SEO keyword lists: nouns taken from real sentences (eojeol with their particle removed) plus search suffixes.</summary>
    private static string KeywordSpam(Random rng, IReadOnlyList<string> source)
    {
        var nouns = new List<string>();
        while (nouns.Count < 40)
        {
            foreach (var word in source[rng.Next(source.Count)].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var w = word.TrimEnd('.', ',', '"', '\'', ')');
                foreach (var p in Particles)
                {
                    if (w.Length > p.Length + 1 && w.EndsWith(p, StringComparison.Ordinal) && w.All(c => c is >= '\uAC00' and <= '\uD7A3'))
                    {
                        nouns.Add(w[..^p.Length]);
                        break;
                    }
                }
            }
        }

        var count = rng.Next(15, 60);
        string[] seps = [", ", " ", " #", "\n", " | "];
        var sep = seps[rng.Next(seps.Length)];
        var parts = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var noun = nouns[rng.Next(nouns.Count)];
            parts.Add(rng.Next(3) == 0 ? noun : noun + " " + SeoSuffixes[rng.Next(SeoSuffixes.Length)]);
        }

        return (sep == " #" ? "#" : "") + string.Join(sep, parts);
    }

    private static readonly string[] Decorations = ["★", "☆", "♥", "♡", "◆", "◇", "■", "□", "▶", "◀", "♬", "♪", "✿", "❤", "☞", "☎", "※", "^^", "~♡", "▒", "━", "┃", "＊", "♣", "◎", "●", "○", "▲", "△", "♠"];

    /// <summary>Real text decorated with runs of symbols after most eojeol, and a few rule lines.</summary>
    private static string SymbolNoise(Random rng, string text)
    {
        var sb = new StringBuilder();
        var rule = string.Concat(Enumerable.Repeat(Decorations[rng.Next(Decorations.Length)], rng.Next(10, 30)));
        sb.Append(rule).Append('\n');
        foreach (var word in text.Split(' '))
        {
            sb.Append(word);
            if (rng.NextDouble() < 0.6)
            {
                var n = rng.Next(1, 4);
                for (var k = 0; k < n; k++)
                {
                    sb.Append(Decorations[rng.Next(Decorations.Length)]);
                }
            }

            sb.Append(' ');
        }

        sb.Append('\n').Append(rule);
        return sb.ToString();
    }

    private static string LaughFlood(Random rng, IReadOnlyList<string> reviews)
    {
        string[] jamo = ["ㅋ", "ㅎ", "ㅠ", "ㅜ", "ㄷ", "ㅋㅎ"];
        var sb = new StringBuilder();
        var lines = rng.Next(4, 15);
        for (var l = 0; l < lines; l++)
        {
            if (rng.Next(4) == 0)
            {
                sb.Append(reviews[rng.Next(reviews.Count)]).Append(' ');
            }

            var j = jamo[rng.Next(jamo.Length)];
            sb.Append(string.Concat(Enumerable.Repeat(j, rng.Next(6, 40) / j.Length))).Append('\n');
        }

        return sb.ToString();
    }

    private static readonly string[] LoremWords =
        "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo consequat duis aute irure in reprehenderit voluptate velit esse cillum fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim id est laborum"
            .Split(' ');

    private static string LoremIpsum(Random rng)
    {
        var sb = new StringBuilder();
        var paragraphs = rng.Next(1, 5);
        for (var p = 0; p < paragraphs; p++)
        {
            if (p == 0)
            {
                sb.Append("Lorem ipsum dolor sit amet, ");
            }

            var sentences = rng.Next(3, 8);
            for (var s = 0; s < sentences; s++)
            {
                var words = rng.Next(6, 16);
                for (var w = 0; w < words; w++)
                {
                    var word = LoremWords[rng.Next(LoremWords.Length)];
                    sb.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(w == words - 1 ? ". " : " ");
                }
            }

            sb.Append("\n\n");
        }

        return sb.ToString();
    }

    private static string CookieBanner(Random rng)
    {
        string[] en =
        [
            "We use cookies to improve your experience on our website.",
            "This website uses cookies to ensure you get the best experience.",
            "By continuing to browse, you agree to our use of cookies.",
            "Read our Privacy Policy and Cookie Policy for more information.",
            "You can change your cookie settings at any time.",
            "Terms of Use | Privacy Policy | Cookie Policy",
            "Accept all", "Reject all", "Manage preferences", "Got it!", "Necessary cookies only",
        ];
        string[] ko =
        [
            "이 웹사이트는 더 나은 서비스 제공을 위해 쿠키를 사용합니다.",
            "계속 이용하시면 쿠키 정책에 동의하는 것으로 간주됩니다.",
            "자세한 내용은 개인정보처리방침을 확인하세요.",
            "이용약관 | 개인정보처리방침 | 쿠키 설정",
            "모두 허용", "거부", "설정", "확인", "닫기", "필수 쿠키만 허용",
        ];
        var pool = rng.Next(2) == 0 ? en : ko;
        var n = rng.Next(3, 8);
        var lines = new List<string>(n);
        for (var i = 0; i < n; i++)
        {
            lines.Add(pool[rng.Next(pool.Length)]);
        }

        return string.Join('\n', lines);
    }

    /// <summary>Real source code: this repository's C# files cut into 40-line chunks.</summary>
    private static IEnumerable<string> CodeChunks()
    {
        var files = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i + 20 <= lines.Length; i += 40)
            {
                yield return string.Join('\n', lines.Skip(i).Take(40));
            }
        }
    }
}
