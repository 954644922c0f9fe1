using System.Text;

namespace Moa.Privacy.Tests.EvalSet;

/// <summary>
/// Generates valid synthetic identifiers of every type (correct dates, check digits, region codes, issuer prefixes)
/// in the formats people actually write, from a seeded <see cref="Random"/>. No real person's data.
/// </summary>
internal sealed class ValueFactory(Random rng)
{
    private const string Surnames = "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하";
    private const string Given = "민준서연지훈하은도윤수빈예준지우현우서윤건우채원우진지민유진승현다은시우소율태윤가은정호영수미경혜진동현";
    private static readonly string[] s_english = ["James", "Mary", "John", "Linda", "Michael", "Sarah", "David", "Emma", "Daniel", "Olivia", "Kevin", "Grace"];
    private static readonly string[] s_englishLast = ["Smith", "Johnson", "Brown", "Kim", "Lee", "Park", "Miller", "Wilson", "Taylor", "Anderson"];
    private static readonly string[] s_domains = ["naver.com", "gmail.com", "daum.net", "hanmail.net", "korea.kr", "example.co.kr", "snu.ac.kr", "kakao.com", "company.com"];
    private static readonly string[] s_romanised = ["minjun", "seoyeon", "jihoon", "haeun", "doyun", "subin", "hong", "kim.js", "park_ys", "lee.hr", "choi77", "jung"];
    private static readonly string[] s_banks = ["국민은행", "신한은행", "우리은행", "하나은행", "농협", "기업은행", "카카오뱅크", "우체국", "KB국민", "토스뱅크"];
    private static readonly int[][] s_accountShapes = [[6, 2, 6], [3, 3, 6], [4, 3, 6], [3, 6, 5], [3, 4, 4, 2], [3, 6, 2, 3], [4, 2, 7], [6, 2, 7]];
    private static readonly string[] s_provinces = ["서울특별시", "부산광역시", "대구광역시", "인천광역시", "광주광역시", "대전광역시", "경기도", "강원도", "충청북도", "전라남도", "경상북도", "제주특별자치도"];
    private static readonly string[] s_districts = ["종로구", "강남구", "수성구", "해운대구", "남동구", "서구", "유성구", "성남시 분당구", "수원시 영통구", "춘천시", "청주시 상당구", "여수시", "포항시 북구", "제주시"];
    private static readonly string[] s_roads = ["세종대로", "테헤란로", "판교역로", "중앙로", "시청로", "대학로", "해안로", "동성로", "은행로", "공원로", "학동로", "새말로"];
    private static readonly string[] s_dongs = ["역삼동", "대흥동", "율하동", "삼성동", "신림동", "봉명동", "연산동", "구월동", "서초동", "오라이동"];
    private const string PlateLetters = "가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주바사아자배하허호";

    public string Name()
    {
        var sb = new StringBuilder();
        sb.Append(Surnames[rng.Next(Surnames.Length)]);
        sb.Append(Given[rng.Next(Given.Length)]);
        sb.Append(Given[rng.Next(Given.Length)]);
        return sb.ToString();
    }

    public string EnglishName() => s_english[rng.Next(s_english.Length)] + " " + s_englishLast[rng.Next(s_englishLast.Length)];

    public string Bank() => s_banks[rng.Next(s_banks.Length)];

    private string Digits(int n)
    {
        var sb = new StringBuilder(n);
        for (var i = 0; i < n; i++)
        {
            sb.Append((char)('0' + rng.Next(10)));
        }

        return sb.ToString();
    }

    private (string Date, int Year) BirthDate(int minYear, int maxYear)
    {
        var year = rng.Next(minYear, maxYear + 1);
        var month = rng.Next(1, 13);
        var day = rng.Next(1, DateTime.DaysInMonth(year, month) + 1);
        return ($"{year % 100:00}{month:00}{day:00}", year);
    }

    private static int RegistrationSum(string d12)
    {
        var s = 0;
        for (var i = 0; i < 12; i++)
        {
            s += (d12[i] - '0') * ((i % 8) + 2);
        }

        return s;
    }

    /// <summary>RRN; <paramref name="issuedAfter2020"/> gives random digits whose check digit does not hold.</summary>
    public string Rrn(bool hyphen = true, bool issuedAfter2020 = false)
    {
        var (date, year) = BirthDate(issuedAfter2020 ? 2020 : 1940, issuedAfter2020 ? 2024 : 2019);
        if (issuedAfter2020 && year == 2020 && int.Parse(date[2..4]) < 10)
        {
            date = "2011" + date[4..];
            year = 2020;
        }

        var g = (year >= 2000 ? 3 : 1) + rng.Next(2);
        var body = date + g + Digits(5);
        var check = (11 - (RegistrationSum(body) % 11)) % 10;
        if (issuedAfter2020)
        {
            check = (check + 1 + rng.Next(9)) % 10;
        }

        var full = body + check;
        return hyphen ? full[..6] + "-" + full[6..] : full;
    }

    public string Arn()
    {
        var (date, year) = BirthDate(1950, 2015);
        var g = (year >= 2000 ? 7 : 5) + rng.Next(2);
        var body = date + g + Digits(5);
        var legacy = rng.Next(2) == 0;
        var check = ((legacy ? 13 : 11) - (RegistrationSum(body) % 11)) % 10;
        var full = body + check;
        return full[..6] + "-" + full[6..];
    }

    public string Crn()
    {
        string[] offices = ["1101", "1201", "1311", "1345", "1701", "2841", "1501", "1614"];
        var body = offices[rng.Next(offices.Length)] + (rng.Next(3) switch { 0 => "11", 1 => "71", _ => "81" }) + Digits(6);
        var s = 0;
        for (var i = 0; i < 12; i++)
        {
            s += (body[i] - '0') * ((i % 2) + 1);
        }

        var full = body + ((10 - (s % 10)) % 10);
        return full[..6] + "-" + full[6..];
    }

    public string Brn(bool hyphen = true)
    {
        var body = (rng.Next(101, 999)).ToString() + (rng.Next(1, 100)).ToString("00") + Digits(4);
        int[] w = [1, 3, 7, 1, 3, 7, 1, 3, 5];
        var s = 0;
        for (var i = 0; i < 9; i++)
        {
            s += (body[i] - '0') * w[i];
        }

        s += (body[8] - '0') * 5 / 10;
        var full = body + ((10 - (s % 10)) % 10);
        return hyphen ? $"{full[..3]}-{full[3..5]}-{full[5..]}" : full;
    }

    public string Passport() => rng.Next(3) == 0
        ? "M" + Digits(3) + (char)('A' + rng.Next(26)) + Digits(4)
        : (rng.Next(5) == 0 ? "S" : "M") + Digits(8);

    public string DriverLicense()
    {
        int[] regions = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28];
        return $"{regions[rng.Next(regions.Length)]}-{rng.Next(0, 100):00}-{Digits(6)}-{Digits(2)}";
    }

    public string Phone()
    {
        var sep = rng.Next(10) switch { < 6 => "-", 6 => ".", 7 => " ", _ => "" };
        var local4 = () => (char)('2' + rng.Next(8)) + Digits(3);
        return rng.Next(10) switch
        {
            < 5 => "010" + sep + local4() + sep + Digits(4),
            5 => "02" + sep + local4() + sep + Digits(4),
            6 => new[] { "031", "032", "051", "053", "062", "064" }[rng.Next(6)] + (sep == "" ? "-" : sep) + (char)('2' + rng.Next(8)) + Digits(2) + (sep == "" ? "-" : sep) + Digits(4),
            7 => "+82 10-" + local4() + "-" + Digits(4),
            8 => "070-" + local4() + "-" + Digits(4),
            _ => "010-" + local4() + "-" + Digits(4),
        };
    }

    public string Email() => s_romanised[rng.Next(s_romanised.Length)] + (rng.Next(2) == 0 ? Digits(2) : "") + "@" + s_domains[rng.Next(s_domains.Length)];

    public string Card()
    {
        var (prefix, length) = rng.Next(4) switch { 0 => ("4", 16), 1 => ("5" + (1 + rng.Next(5)), 16), 2 => ("37", 15), _ => ("9410", 16) };
        var body = prefix + Digits(length - prefix.Length - 1);
        for (var c = 0; c < 10; c++)
        {
            var candidate = body + c;
            if (Luhn(candidate))
            {
                body = candidate;
                break;
            }
        }

        if (length == 15)
        {
            return $"{body[..4]}-{body[4..10]}-{body[10..]}";
        }

        var sep = rng.Next(4) switch { 0 => " ", 1 => "", _ => "-" };
        return sep == "" ? body : string.Join(sep, body[..4], body[4..8], body[8..12], body[12..]);
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

    public string Account()
    {
        var shape = s_accountShapes[rng.Next(s_accountShapes.Length)];
        return string.Join("-", shape.Select(n => Digits(n)));
    }

    public string Ip() => rng.Next(3) switch
    {
        0 => $"192.168.{rng.Next(256)}.{rng.Next(1, 255)}",
        1 => $"10.{rng.Next(256)}.{rng.Next(256)}.{rng.Next(1, 255)}",
        _ => $"{rng.Next(11, 224)}.{rng.Next(256)}.{rng.Next(256)}.{rng.Next(1, 255)}",
    };

    public string Plate()
    {
        var letter = PlateLetters[rng.Next(PlateLetters.Length)];
        return rng.Next(4) switch
        {
            0 => $"{rng.Next(100, 1000)}{letter}{Digits(4)}",
            1 => $"서울{rng.Next(10, 100)}{letter}{Digits(4)}",
            _ => $"{rng.Next(10, 100)}{letter}{Digits(4)}",
        };
    }

    public string Address()
    {
        var province = s_provinces[rng.Next(s_provinces.Length)];
        var district = s_districts[rng.Next(s_districts.Length)];
        return rng.Next(5) switch
        {
            0 => $"{province} {district} {s_dongs[rng.Next(s_dongs.Length)]} {rng.Next(1, 999)}-{rng.Next(1, 99)}",
            1 => $"{province} {district} {s_roads[rng.Next(s_roads.Length)]} {rng.Next(1, 400)}, {rng.Next(101, 120)}동 {rng.Next(1, 25)}0{rng.Next(1, 5)}호",
            2 => $"{district} {s_roads[rng.Next(s_roads.Length)]}{rng.Next(1, 80)}길 {rng.Next(1, 60)}",
            _ => $"{province} {district} {s_roads[rng.Next(s_roads.Length)]} {rng.Next(1, 400)}",
        };
    }
}
