using System.Globalization;

namespace Moa.Tabular.Hierarchies;

/// <summary>
/// Built-in hierarchies for Korean data, named in specs as <c>builtin:NAME</c>:
/// <list type="bullet">
/// <item><c>date</c>: day (yyyy-MM-dd; also yyyy.MM.dd, yyyy/MM/dd, yyyyMMdd) → month → quarter → year → *</item>
/// <item><c>age</c>: years → 5-year band → 10-year band → 20-year band → *</item>
/// <item><c>address</c>: full address → 시도 시군구 읍면동 → 시도 시군구 → 시도 → *</item>
/// <item><c>postcode</c>: 5-digit 국가기초구역번호 → first 3 digits (시군구) → first 2 (시도) → *</item>
/// <item><c>rrn</c>: resident-number prefix YYMMDD-S → YYMM + sex digit → YY + sex digit → decade + sex digit → *</item>
/// </list>
/// </summary>
public static class KoreanHierarchies
{
    private static readonly string[] s_dateFormats = ["yyyy-MM-dd", "yyyy.MM.dd", "yyyy/MM/dd", "yyyyMMdd", "yyyy-M-d", "yyyy.M.d", "yyyy. M. d.", "yyyy. M. d"];

    /// <summary>The names accepted after <c>builtin:</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["date", "age", "address", "postcode", "rrn"];

    /// <summary>The built-in hierarchy <paramref name="name"/>; an unknown name is a user error listing the known ones.</summary>
    public static Hierarchy Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name switch
        {
            "date" => new RuleHierarchy("builtin:date", 5, Date, "a date (yyyy-MM-dd)"),
            "age" => new RuleHierarchy("builtin:age", 5, Age, "an age in whole years (0–150)"),
            "address" => new RuleHierarchy("builtin:address", 5, Address, "a Korean address (시도 시군구 …)"),
            "postcode" => new RuleHierarchy("builtin:postcode", 4, Postcode, "a 5-digit postcode"),
            "rrn" => new RuleHierarchy("builtin:rrn", 5, Rrn, "a resident-number prefix (YYMMDD-S)"),
            _ => throw new MoaException($"unknown built-in hierarchy 'builtin:{name}'; the built-ins are {string.Join(", ", Names.Select(n => "builtin:" + n))}."),
        };
    }

    /// <summary>Parses the date forms Korean exports use; null when it is not a date.</summary>
    public static DateOnly? ParseDate(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var v = value.Trim();
        if (v.Length > 10 && v[10] is ' ' or 'T')
        {
            v = v[..10];
        }

        return DateOnly.TryParseExact(v, s_dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static string? Date(string value, int level)
    {
        if (ParseDate(value) is not { } d)
        {
            return null;
        }

        return level switch
        {
            0 => value,
            1 => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            2 => string.Create(CultureInfo.InvariantCulture, $"{d.Year}-Q{((d.Month - 1) / 3) + 1}"),
            3 => d.Year.ToString(CultureInfo.InvariantCulture),
            _ => "*",
        };
    }

    private static string? Age(string value, int level)
    {
        if (!int.TryParse(value.Trim().TrimEnd('세'), NumberStyles.None, CultureInfo.InvariantCulture, out var age) || age > 150)
        {
            return null;
        }

        return level switch
        {
            0 => value,
            1 => Band(age, 5),
            2 => Band(age, 10),
            3 => Band(age, 20),
            _ => "*",
        };

        static string Band(int age, int width)
        {
            var low = age / width * width;
            return string.Create(CultureInfo.InvariantCulture, $"{low}-{low + width - 1}");
        }
    }

    private static string? Address(string value, int level)
    {
        var parts = value.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !IsSido(parts[0]))
        {
            return null;
        }

        // 시도 시군구 [구] 읍면동: a 일반구 (e.g. 수원시 장안구) belongs to the 시군구 level.
        var sigungu = parts[1].EndsWith('시') && parts.Length > 2 && parts[2].EndsWith('구') ? 3 : 2;
        return level switch
        {
            0 => value,
            1 => string.Join(' ', parts.Take(Math.Min(parts.Length, sigungu + 1))),
            2 => string.Join(' ', parts.Take(Math.Min(parts.Length, sigungu))),
            3 => parts[0],
            _ => "*",
        };
    }

    private static bool IsSido(string token) =>
        token.EndsWith('시') || token.EndsWith('도') || token is "서울" or "부산" or "대구" or "인천" or "광주" or "대전" or "울산" or "세종"
            or "경기" or "강원" or "충북" or "충남" or "전북" or "전남" or "경북" or "경남" or "제주";

    private static string? Postcode(string value, int level)
    {
        var v = value.Trim();
        if (v.Length != 5 || !v.All(char.IsAsciiDigit))
        {
            return null;
        }

        return level switch
        {
            0 => v,
            1 => v[..3] + "**",
            2 => v[..2] + "***",
            _ => "*",
        };
    }

    private static string? Rrn(string value, int level)
    {
        var digits = new string([.. value.Where(char.IsAsciiDigit)]);
        if (digits.Length < 7 || digits[6] is not ('1' or '2' or '3' or '4' or '5' or '6' or '7' or '8' or '9' or '0'))
        {
            return null;
        }

        var month = int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(digits.AsSpan(4, 2), CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day is < 1 or > 31)
        {
            return null;
        }

        var sex = digits[6];
        return level switch
        {
            0 => value,
            1 => $"{digits[..4]}**-{sex}",
            2 => $"{digits[..2]}****-{sex}",
            3 => $"{digits[0]}*****-{sex}",
            _ => "*",
        };
    }
}
