using System.Text;

namespace Moa.Privacy.Tests.RealCarriers;

/// <summary>
/// Generates valid synthetic identifiers (correct dates, check digits, prefixes) in the spellings people use, and
/// look-alikes that are not personal data (hard negatives), from a seeded <see cref="Random"/>. Each value comes with
/// the name of its spelling variant. Values are planted bare into real text; only the forms that cannot be told from
/// other numbers without a name carry one, as forms and transfer requests write them: bank accounts (a bank name),
/// corporate registration numbers, bare business registration and bare driver's licence numbers (the field name).
/// Then the labelled span is marked «…» inside the returned text.
/// </summary>
internal sealed class PlantedValues(Random rng)
{
    private const string PlateLetters = "가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주바사아자배하허호";
    private static readonly string[] s_locals = ["minjun", "seoyeon", "jihoon.kim", "haeun_lee", "doyun92", "subin.park", "hong", "ys.choi", "lee-hr", "jung77", "k.sh", "yoonah"];
    private static readonly string[] s_domains = ["naver.com", "gmail.com", "daum.net", "hanmail.net", "korea.kr", "snu.ac.kr", "kaist.ac.kr", "lgcns.com", "dept.go.kr", "mail.example.co.kr"];

    // Field names and bank names as they appear on Korean forms and transfer requests.
    private static readonly string[] s_banks = ["국민", "국민은행", "KB국민", "신한", "신한은행", "우리", "우리은행", "하나", "하나은행", "농협", "NH농협", "기업", "IBK기업은행", "카카오뱅크", "카뱅", "토스뱅크", "케이뱅크", "우체국", "새마을금고", "SC제일", "수협", "부산은행", "대구은행"];
    private static readonly string[] s_crnLabels = ["법인등록번호", "법인등록번호:", "법인번호", "법인번호:", "(법인등록번호)", "법인 등록번호"];
    private static readonly string[] s_brnLabels = ["사업자등록번호", "사업자등록번호:", "사업자번호", "사업자 번호:", "등록번호"];
    private static readonly string[] s_licenceLabels = ["운전면허번호", "운전면허", "면허번호:", "자동차운전면허증"];
    private static readonly int[][] s_accountShapes = [[6, 2, 6], [3, 3, 6], [4, 3, 6], [3, 6, 5], [3, 4, 4, 2], [3, 6, 2, 3], [4, 2, 7], [6, 2, 7], [3, 2, 6], [3, 4, 6]];

    private string Digits(int n)
    {
        var sb = new StringBuilder(n);
        for (var i = 0; i < n; i++)
        {
            sb.Append((char)('0' + rng.Next(10)));
        }

        return sb.ToString();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private static string FullWidth(string s) =>
        string.Concat(s.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c));

    private static int RegistrationSum(string d12)
    {
        var s = 0;
        for (var i = 0; i < 12; i++)
        {
            s += (d12[i] - '0') * ((i % 8) + 2);
        }

        return s;
    }

    private string BirthDate(int minYear, int maxYear, out int year)
    {
        year = rng.Next(minYear, maxYear + 1);
        var month = rng.Next(1, 13);
        var day = rng.Next(1, DateTime.DaysInMonth(year, month) + 1);
        return $"{year % 100:00}{month:00}{day:00}";
    }

    /// <summary>13 digits of a resident (or alien) registration number with a valid check digit.</summary>
    private string Registration(bool alien)
    {
        var date = BirthDate(1945, 2019, out var year);
        var g = (alien ? (year >= 2000 ? 7 : 5) : (year >= 2000 ? 3 : 1)) + rng.Next(2);
        var body = date + g + Digits(5);
        return body + ((11 - (RegistrationSum(body) % 11)) % 10);
    }

    public (string Value, string Variant) Rrn()
    {
        var d = Registration(alien: false);
        var (a, b) = (d[..6], d[6..]);
        return rng.Next(11) switch
        {
            0 => ($"{a} - {b}", "spaced-dash"),
            1 => ($"{a}- {b}", "half-spaced-dash"),
            2 => ($"{a} {b}", "space"),
            3 => (d, "bare-valid-check"),
            4 => (FullWidth($"{a}-{b}"), "full-width"),
            5 => ($"{a}\u2013{b}", "en-dash"),
            6 => ($"{a}-\n{b}", "line-break"),
            7 => ($"{a}-{b[0]}******", "masked-after-sex-digit"),
            8 => ($"{a}-*******", "masked-back"),
            9 => ($"{a}-{b[..3]}****", "masked-partly"),
            _ => ($"{a}-{b}", "hyphen"),
        };
    }

    public (string Value, string Variant) Arn()
    {
        var d = Registration(alien: true);
        var (a, b) = (d[..6], d[6..]);
        return rng.Next(4) switch
        {
            0 => ($"{a} - {b}", "spaced-dash"),
            1 => (FullWidth($"{a}-{b}"), "full-width"),
            2 => ($"{a}-{b[0]}******", "masked-after-sex-digit"),
            _ => ($"{a}-{b}", "hyphen"),
        };
    }

    public (string Value, string Variant) Crn()
    {
        string[] offices = ["1101", "1201", "1311", "1345", "1701", "2841", "1501", "1614", "1358", "2001"];
        var body = Pick(offices) + Pick(new[] { "11", "71", "81", "21" }) + Digits(6);
        var s = 0;
        for (var i = 0; i < 12; i++)
        {
            s += (body[i] - '0') * ((i % 2) + 1);
        }

        var d = body + ((10 - (s % 10)) % 10);
        var label = Pick(s_crnLabels);
        return rng.Next(3) switch
        {
            0 => ($"{label} «{d}»", "labelled-bare"),
            1 => ($"{label} «{d[..6]} - {d[6..]}»", "labelled-spaced-dash"),
            _ => ($"{label} «{d[..6]}-{d[6..]}»", "labelled-hyphen"),
        };
    }

    private string BrnDigits()
    {
        var body = rng.Next(101, 999).ToString() + rng.Next(1, 100).ToString("00") + Digits(4);
        int[] w = [1, 3, 7, 1, 3, 7, 1, 3, 5];
        var s = 0;
        for (var i = 0; i < 9; i++)
        {
            s += (body[i] - '0') * w[i];
        }

        s += (body[8] - '0') * 5 / 10;
        return body + ((10 - (s % 10)) % 10);
    }

    public (string Value, string Variant) Brn()
    {
        var d = BrnDigits();
        return rng.Next(5) switch
        {
            0 => ($"{d[..3]} - {d[3..5]} - {d[5..]}", "spaced-dash"),
            1 => (FullWidth($"{d[..3]}-{d[3..5]}-{d[5..]}"), "full-width"),
            2 => ($"{Pick(s_brnLabels)} «{d}»", "labelled-bare"),
            _ => ($"{d[..3]}-{d[3..5]}-{d[5..]}", "hyphen"),
        };
    }

    public (string Value, string Variant) Card()
    {
        var (prefix, length) = rng.Next(5) switch { 0 => ("4", 16), 1 => ("5" + (1 + rng.Next(5)), 16), 2 => ("37", 15), 3 => ("9410", 16), _ => ("6" + rng.Next(2, 5), 16) };
        var body = prefix + Digits(length - prefix.Length - 1);
        var d = Enumerable.Range(0, 10).Select(c => body + c).First(Luhn);
        if (length == 15)
        {
            return ($"{d[..4]}-{d[4..10]}-{d[10..]}", "amex-4-6-5");
        }

        var groups = new[] { d[..4], d[4..8], d[8..12], d[12..] };
        return rng.Next(5) switch
        {
            0 => (string.Join(' ', groups), "space"),
            1 => (d, "bare"),
            2 => (FullWidth(string.Join('-', groups)), "full-width"),
            _ => (string.Join('-', groups), "hyphen"),
        };
    }

    private static bool Luhn(string s)
    {
        var sum = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var v = s[s.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                v = v * 2 > 9 ? (v * 2) - 9 : v * 2;
            }

            sum += v;
        }

        return sum % 10 == 0;
    }

    public (string Value, string Variant) Passport() => rng.Next(4) switch
    {
        0 => ("M" + Digits(3) + (char)('A' + rng.Next(26)) + Digits(4), "2021-form"),
        1 => (Pick(new[] { "S", "R", "G", "D", "T" }) + Digits(8), "other-type-letter"),
        _ => ("M" + Digits(8), "M-eight-digits"),
    };

    public (string Value, string Variant) DriverLicense()
    {
        int[] regions = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28];
        string[] names = ["서울", "부산", "경기", "강원", "충북", "충남", "전북", "전남", "경북", "경남", "제주", "대구", "인천", "광주", "대전", "울산"];
        var r = Pick(regions);
        var (yy, serial, check) = (rng.Next(0, 100).ToString("00"), Digits(6), Digits(2));
        return rng.Next(5) switch
        {
            0 => ($"{Pick(names)} {yy}-{serial}-{check}", "region-name"),
            1 => ($"{Pick(s_licenceLabels)} «{r}{yy}{serial}{check}»", "labelled-bare"),
            2 => (FullWidth($"{r}-{yy}-{serial}-{check}"), "full-width"),
            _ => ($"{r}-{yy}-{serial}-{check}", "hyphen"),
        };
    }

    private string Local4() => (char)('2' + rng.Next(8)) + Digits(3);

    private string Area() => Pick(new[] { "031", "032", "033", "041", "042", "043", "044", "051", "052", "053", "054", "055", "061", "062", "063", "064" });

    public (string Value, string Variant) Phone()
    {
        var (b, c) = (Local4(), Digits(4));
        var mobile = "01" + Pick(new[] { "0", "0", "0", "1", "6", "9" });
        return rng.Next(22) switch
        {
            0 => ($"{mobile}.{b}.{c}", "dot"),
            1 => ($"{mobile} {b} {c}", "space"),
            2 => ($"010{b}{c}", "bare-mobile"),
            3 => ($"(02) {b}-{c}", "paren-area-space"),
            4 => ($"(010){b}-{c}", "paren-mobile"),
            5 => ($"02){Local4()[..3]}-{c}", "close-paren-area"),
            6 => ($"({Area()}){Local4()[..3]}-{c}", "paren-area"),
            7 => ($"+82 10-{b}-{c}", "plus82-space"),
            8 => ($"+82-2-{b}-{c}", "plus82-seoul"),
            9 => ($"+82(0)10-{b}-{c}", "plus82-paren-zero"),
            10 => (FullWidth($"010-{b}-{c}"), "full-width"),
            11 => ($"010 - {b} - {c}", "spaced-dash"),
            12 => ($"010-{b}-\n{c}", "line-break"),
            13 => ($"010-****-{c}", "masked-middle"),
            14 => ($"010-{b}-****", "masked-end"),
            15 => ($"070-{b}-{c}", "voip"),
            16 => ($"{Area()}-{Local4()[..3]}-{c}", "area-3-3-4"),
            17 => ($"02-{b}-{c}", "seoul"),
            18 => ($"{Area()}.{b}.{c}", "area-dot"),
            _ => ($"{mobile}-{b}-{c}", "hyphen-mobile"),
        };
    }

    public (string Value, string Variant) Email()
    {
        var local = Pick(s_locals) + (rng.Next(3) == 0 ? Digits(2) : "");
        var domain = Pick(s_domains);
        return rng.Next(9) switch
        {
            0 => ($"{local} @ {domain}", "spaced-at"),
            1 => ($"{local}[at]{domain}", "bracket-at"),
            2 => ($"{local} (at) {domain}", "paren-at-spaced"),
            3 => (FullWidth($"{local}@{domain}"), "full-width"),
            4 => ($"{local}+news@{domain}", "plus-tag"),
            5 => ($"{local.ToUpperInvariant()}@{domain.ToUpperInvariant()}", "upper-case"),
            _ => ($"{local}@{domain}", "plain"),
        };
    }

    public (string Value, string Variant) Ip()
    {
        string H() => rng.Next(0x10000).ToString(rng.Next(2) == 0 ? "x" : "X");
        string H4() => rng.Next(0x1000, 0x10000).ToString("x4");
        return rng.Next(12) switch
        {
            0 => ($"{rng.Next(1, 224)}.{rng.Next(256)}.{rng.Next(256)}.{rng.Next(1, 255)}", "v4"),
            1 => ($"192.168.{rng.Next(256)}.{rng.Next(1, 255)}:{rng.Next(1024, 65536)}", "v4-port"),
            2 => ($"2001:0db8:{H4()}:{H4()}:0000:{H4()}:{H4()}:{H4()}", "v6-full"),
            3 => ($"2001:db8::{H()}:{H()}", "v6-compressed"),
            4 => ($"2001:DB8:{H()}::{H()}", "v6-upper-case"),
            5 => ($"fe80::{H()}:{H()}:{H4()}%eth{rng.Next(3)}", "v6-zone"),
            6 => ($"::ffff:{rng.Next(1, 224)}.{rng.Next(256)}.{rng.Next(256)}.{rng.Next(1, 255)}", "v6-ipv4-mapped"),
            7 => ($"[2001:db8::{H()}]:{rng.Next(1024, 65536)}", "v6-bracket-port"),
            8 => ($"2400:{H4()}:{H()}::{H()}", "v6-global"),
            9 => ($"{H4()}:{H()}:{H()}:{H()}:{H()}:{H()}:{H()}:{H()}", "v6-full-uncompressed-short-groups"),
            _ => ($"10.{rng.Next(256)}.{rng.Next(256)}.{rng.Next(1, 255)}", "v4-private"),
        };
    }

    public (string Value, string Variant) BankAccount()
    {
        var shape = Pick(s_accountShapes);
        var number = string.Join("-", shape.Select(n => Digits(n)));
        var bank = Pick(s_banks);
        return rng.Next(4) switch
        {
            0 => ($"{bank} «{string.Concat(shape.Select(n => Digits(n)))}»", "bank-bare"),
            1 => ($"«{number}» ({bank})", "bank-after"),
            _ => ($"{bank} «{number}»", "bank-before"),
        };
    }

    public (string Value, string Variant) Plate()
    {
        var letter = PlateLetters[rng.Next(PlateLetters.Length)];
        return rng.Next(5) switch
        {
            0 => ($"{rng.Next(100, 1000)}{letter}{Digits(4)}", "three-digit"),
            1 => ($"{Pick(new[] { "서울", "경기", "부산", "인천" })}{rng.Next(10, 100)}{letter}{Digits(4)}", "region"),
            2 => ($"{rng.Next(10, 100)}{letter} {Digits(4)}", "spaced"),
            _ => ($"{rng.Next(10, 100)}{letter}{Digits(4)}", "two-digit"),
        };
    }

    /// <summary>A look-alike that is not personal data, with its kind.</summary>
    public (string Value, string Variant) HardNegative()
    {
        var year = rng.Next(1995, 2026);
        var (m, d) = (rng.Next(1, 13), rng.Next(1, 29));
        return rng.Next(26) switch
        {
            0 => ($"{year}{Pick(new[] { "가합", "가단", "나", "다", "도", "고단", "노", "구합", "누", "두", "므" })}{rng.Next(100, 99999)}", "court-case-number"),
            1 => (Isbn(hyphen: true), "isbn-13"),
            2 => (Isbn(hyphen: false), "isbn-13-bare"),
            3 => (Ean13(), "ean-13"),
            4 => ($"{year}{m:00}{d:00}-{Digits(6)}", "order-number"),
            5 => ($"{Digits(4)}-{Digits(4)}-{Digits(4)}", "tracking-number"),
            6 => ($"{year}.{m:00}.{d:00}", "date-dot"),
            7 => ($"{year}-{m:00}-{d:00}", "date-iso"),
            8 => ($"{year}. {m}. {d}.", "date-korean"),
            9 => ($"{rng.Next(0, 24):00}:{rng.Next(60):00}", "time"),
            10 => ($"{rng.Next(0, 24):00}:{rng.Next(60):00}:{rng.Next(60):00}", "time-seconds"),
            11 => ($"v{rng.Next(1, 20)}.{rng.Next(20)}.{rng.Next(50)}", "version"),
            12 => ($"{rng.Next(1, 20)}.{rng.Next(10)}.{rng.Next(30000)}.{rng.Next(2000)}", "version-four-part"),
            13 => ($"{Pick(new[] { "1588", "1577", "1544", "1600", "1661", "1644", "1566", "1599", "1899", "1670" })}-{Digits(4)}", "representative-number"),
            14 => ($"080-{rng.Next(200, 1000)}-{Digits(4)}", "free-call-080"),
            15 => ($"{rng.Next(1, 999)},{Digits(3)},{Digits(3)}원", "amount"),
            16 => ($"{rng.Next(1, 99)},{Digits(3)}", "amount-short"),
            17 => ($"제{rng.Next(1, 20000)}호", "statute-number"),
            18 => ($"제{rng.Next(1, 400)}조 제{rng.Next(1, 9)}항", "statute-article"),
            19 => ($"{rng.Next(33, 39)}.{Digits(6)}, {rng.Next(124, 131)}.{Digits(6)}", "coordinates"),
            20 => ($"부가46015-{rng.Next(100, 5000)}", "ruling-number"),
            21 => ($"{year}.{m}.{d} {rng.Next(0, 24):00}:{rng.Next(60):00}", "date-time"),
            22 => ($"{rng.Next(1, 99)}-{rng.Next(1, 99)}", "score-or-range"),
            23 => ($"{year} - {year + 1}", "year-range"),
            24 => ($"({Digits(2)}){Digits(3)}", "parenthesised-number"),
            _ => ($"1920x1080", "resolution"),
        };
    }

    private string Isbn(bool hyphen)
    {
        var body = "97889" + Digits(7);
        var s = 0;
        for (var i = 0; i < 12; i++)
        {
            s += (body[i] - '0') * (i % 2 == 0 ? 1 : 3);
        }

        var d = body + ((10 - (s % 10)) % 10);
        return hyphen ? $"{d[..3]}-{d[3..5]}-{d[5..9]}-{d[9..12]}-{d[12]}" : d;
    }

    /// <summary>
    /// A Korean EAN-13 (prefix 880). One in about 60 of them is also a resident registration number by every test (a
    /// valid 19xx birth date, sex digit 1/2 and check digit); such a number is not a hard negative, so another is drawn.
    /// </summary>
    private string Ean13()
    {
        while (true)
        {
            var body = "880" + Digits(9);
            var s = 0;
            for (var i = 0; i < 12; i++)
            {
                s += (body[i] - '0') * (i % 2 == 0 ? 1 : 3);
            }

            var d = body + ((10 - (s % 10)) % 10);
            var isRrn = d[6] is '1' or '2' && int.Parse(d[2..4]) is >= 1 and <= 12 && int.Parse(d[4..6]) is >= 1
                && int.Parse(d[4..6]) <= DateTime.DaysInMonth(1988, int.Parse(d[2..4]))
                && (11 - (RegistrationSum(d[..12]) % 11)) % 10 == d[12] - '0';
            if (!isRrn)
            {
                return d;
            }
        }
    }
}
