using System.Text.RegularExpressions;
using Moa.Privacy.Analysis;

namespace Moa.Privacy.Recognizers.Korea;

/// <summary>
/// Korean postal addresses (<c>KR_ADDRESS</c>): road-name addresses (도로명주소, "서울특별시 종로구 세종대로 209") and
/// lot-number addresses (지번주소, "대구광역시 동구 율하동 1626", "산35"), anchored on the building or lot number and
/// extended back over the road or 동/리 word and the administrative units (시/도, 시/군/구, 읍/면), and forward over
/// "번지" and a unit detail ("101동 1203호"). Without an administrative unit only road words ending in 길 or 대로 count.
/// </summary>
internal static partial class StreetAddress
{
    private static readonly string[] s_provinces =
        ["서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "충북", "충남", "전북", "전남", "경북", "경남", "제주"];

    // The provinces' two syllables packed into one int each: 17 integer comparisons per word, no string comparison.
    private static readonly int[] s_provincePairs = [.. s_provinces.Select(p => (p[0] << 16) | p[1])];

    private static readonly HashSet<string> s_provinceNames = new(StringComparer.Ordinal)
    {
        "경기도", "강원도", "강원특별자치도", "충청북도", "충청남도", "전라북도", "전북특별자치도", "전라남도", "경상북도", "경상남도",
        "제주도", "제주특별자치도", "충북", "충남", "전북", "전남", "경북", "경남", "경기", "강원", "제주",
    };

    private static readonly HashSet<string> s_notRoads = new(StringComparer.Ordinal)
    {
        "그대로", "마음대로", "생각대로", "멋대로", "제멋대로", "말대로", "뜻대로", "이대로", "저대로", "법대로", "순서대로", "원래대로",
        "예상대로", "사실대로", "약속대로", "계획대로", "있는대로", "기대대로", "맘대로", "지맘대로", "내맘대로", "나름대로", "바라던대로",
    };

    // tokenStart: First digit of the number.
    // firstEnd: End of its first digit group.
    // dashEnd: End of a second group joined by '-' (lot 123-45), or -1.
    public static void TryMatch(string text, int tokenStart, int firstEnd, int dashEnd, List<PiiFinding> sink)
    {
        var numberStart = tokenStart;
        if (Context.At(text, numberStart - 1) == '산' && Context.At(text, numberStart - 2) == ' ')
        {
            numberStart--;
        }
        else if (Context.At(text, numberStart - 1) == ' ' && Context.At(text, numberStart - 2) == '산' && Context.At(text, numberStart - 3) == ' ')
        {
            numberStart -= 2;
        }

        if (firstEnd - tokenStart > 5)
        {
            return;
        }

        // The number either follows its road/동 word after a space (세종대로 209) or is glued to it (만어로776, 덕마리343-9).
        var glued = Context.At(text, numberStart - 1) is '로' or '길' or '동' or '리' or '가';
        if (!glued && Context.At(text, numberStart - 1) != ' ')
        {
            return;
        }

        var we = glued ? numberStart : numberStart - 1;

        // Settled by the word's last character before the word is walked back: only a road/동 suffix, or a Hangul
        // syllable or digit ending a bare 동 word (IsBareDongWord), can go on.
        var lastChar = Context.At(text, we - 1);
        if (lastChar is not ('로' or '길' or '동' or '리' or '가') && (glued || !(Context.IsHangulSyllable(lastChar) || Context.IsDigit(lastChar))))
        {
            return;
        }

        var ws = WordStart(text, we);
        if (we - ws < 2)
        {
            return;
        }

        var last = text[we - 1];
        bool road;
        var bare = false;
        if (last is '로' or '길')
        {
            road = true;
        }
        else if (last is '동' or '리' || last == '가' && Context.IsDigit(Context.At(text, we - 2)))
        {
            // (A 가 district is numbered, 종로3가 12; a word ending in 가 without a digit is a subject: 육소희가 112에.)
            road = false;
        }
        else if (!glued && IsBareDongWord(text.AsSpan(ws, we - ws)))
        {
            // A 동/리 written without its suffix (불광 270-11, 상봉2 114-1): needs a province and a district before it.
            road = false;
            bare = true;
        }
        else
        {
            return;
        }

        var end = dashEnd > 0 && dashEnd - firstEnd <= 5 ? dashEnd : firstEnd;
        var lotSuffix = false;
        if (text.AsSpan(end).StartsWith("번지", StringComparison.Ordinal))
        {
            end += 2;
            lotSuffix = true;
        }
        else if (!road)
        {
            end = ExtendLot(text, end);
        }

        var next = Context.At(text, end);
        if (next is '%' || Context.IsAsciiLetter(next) || (next is '.' or ',' && Context.IsDigit(Context.At(text, end + 1))))
        {
            return;
        }

        if (Context.IsHangulSyllable(next) && next is not ('에' or '의' or '로' or '으' or '은' or '는' or '이' or '가' or '호' or '층' or '길' or '번'))
        {
            return;
        }

        var start = ws;
        var admin = 0;
        var strongStart = -1;
        for (var k = 0; k < 4; k++)
        {
            if (Context.At(text, start - 1) != ' ')
            {
                break;
            }

            var pe = start - 1;
            var ps = WordStart(text, pe);
            if (pe - ps < 2 || !IsAdministrative(text.AsSpan(ps, pe - ps)))
            {
                break;
            }

            start = ps;
            admin++;
            if (IsStrongAdministrative(text.AsSpan(ps, pe - ps)))
            {
                strongStart = ps;
            }
        }

        // 읍/면/동 words alone ("이럴꺼면") are not enough: a 시/도/군/구 or province must be there too.
        if (strongStart < 0)
        {
            start = ws;
            admin = 0;
        }
        else
        {
            start = strongStart;
        }

        // A bare 동/리 word needs a province and a district before it, or an address field's label (소재지지번주소: 중계본 16-2).
        var labelled = bare && admin == 0 && AfterAddressLabel(text, ws);
        if ((glued && admin == 0) || (bare && !labelled && !StartsWithProvinceAndDistrict(text, start, ws)))
        {
            return;
        }

        double score;
        var word = text.AsSpan(ws, we - ws);
        if (road)
        {
            if (admin > 0)
            {
                score = 0.9;
            }
            else if (s_notRoads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
            {
                return;
            }
            else
            {
                score = word.EndsWith("길") || word.EndsWith("대로") ? 0.6 : 0.45;
            }
        }
        else
        {
            score = admin > 0 || labelled ? 0.85 : lotSuffix ? 0.7 : 0.4;
        }

        // A unit detail starts with ',', ' ' or a digit: anything else is settled without running the pattern.
        var first = Context.At(text, end);
        if (first is ',' or ' ' || Context.IsDigit(first))
        {
            var detail = DetailPattern().Match(text, end);
            if (detail.Success && detail.Index == end)
            {
                end += detail.Length;
            }
        }

        sink.Add(new PiiFinding(start, end, PiiTypes.Address, score));
    }

    /// <summary>
    /// Extends a lot number over a land-category letter (393임, 897-93답: 임야, 논, 밭, 대지, 잡종지), "일원" (the area
    /// around), and further lots in a comma list (626,633).
    /// </summary>
    private static int ExtendLot(string text, int end)
    {
        for (var guard = 0; guard < 8 && Context.At(text, end) == ',' && Context.IsDigit(Context.At(text, end + 1)); guard++)
        {
            var p = end + 1;
            while (p - end <= 5 && Context.IsDigit(Context.At(text, p)))
            {
                p++;
            }

            if (Context.At(text, p) == '-' && Context.IsDigit(Context.At(text, p + 1)))
            {
                p++;
                while (p - end <= 10 && Context.IsDigit(Context.At(text, p)))
                {
                    p++;
                }
            }

            if (Context.IsDigit(Context.At(text, p)))
            {
                break;
            }

            end = p;
        }

        if (Context.At(text, end) is '임' or '답' or '전' or '대' or '잡' && !Context.IsHangulSyllable(Context.At(text, end + 1)))
        {
            end++;
        }

        if (text.AsSpan(end).StartsWith(" 일원", StringComparison.Ordinal) && !Context.IsHangulSyllable(Context.At(text, end + 3)))
        {
            end += 3;
        }

        return end;
    }

    /// <summary>A 동/리 name written without its suffix: two to four syllables, optionally a digit (상봉2).</summary>
    private static bool IsBareDongWord(ReadOnlySpan<char> word)
    {
        var n = word.Length > 2 && Context.IsDigit(word[^1]) ? word.Length - 1 : word.Length;
        if (n is < 2 or > 4)
        {
            return false;
        }

        foreach (var c in word[..n])
        {
            if (!Context.IsHangulSyllable(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the words from <paramref name="start"/> to <paramref name="end"/> are a province (서울특별시, 경상북도) then a 시/군/구.</summary>
    private static bool StartsWithProvinceAndDistrict(string text, int start, int end)
    {
        var words = text.AsSpan(start, end - start).Trim();
        var space = words.IndexOf(' ');
        if (space < 0)
        {
            return false;
        }

        var province = words[..space];
        var district = words[(space + 1)..].Trim();
        var districtEnd = district.IndexOf(' ');
        district = districtEnd < 0 ? district : district[..districtEnd];
        var provinceOk = s_provinceNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(province);
        if (!provinceOk && province[^1] == '시')
        {
            foreach (var p in s_provinces)
            {
                provinceOk |= province.StartsWith(p, StringComparison.Ordinal);
            }
        }

        return provinceOk && district.Length >= 2 && district[^1] is '시' or '군' or '구';
    }

    /// <summary>
    /// Whether the word at <paramref name="wordStart"/> is the value of an address field: a label ending in 주소 or 소재지,
    /// a colon, and spaces (<c>소재지지번주소: </c>, <c>주소 : </c>), as CSV rows and forms write it.
    /// </summary>
    private static bool AfterAddressLabel(string text, int wordStart)
    {
        var p = wordStart;
        while (p > 0 && text[p - 1] == ' ')
        {
            p--;
        }

        if (Context.At(text, p - 1) != ':')
        {
            return false;
        }

        p--;
        while (p > 0 && text[p - 1] == ' ')
        {
            p--;
        }

        var label = text.AsSpan(0, p);
        return label.EndsWith("주소", StringComparison.Ordinal) || label.EndsWith("소재지", StringComparison.Ordinal);
    }

    private static int WordStart(string text, int wordEnd)
    {
        var p = wordEnd;
        while (p > 0 && !IsWhiteSpace(text[p - 1]) && text[p - 1] is not (',' or '(' or '"' or '\'' or ':' or '/'))
        {
            p--;
        }

        return p;
    }

    /// <summary><see cref="char.IsWhiteSpace(char)"/>, answered without a Unicode table look-up for Hangul syllables.</summary>
    private static bool IsWhiteSpace(char c) => !Context.IsHangulSyllable(c) && char.IsWhiteSpace(c);

    /// <summary>
    /// Whether <paramref name="word"/> is a province or metropolitan city (<c>충청북도</c>, <c>대구광역시</c>, <c>제주특별자치도</c>,
    /// <c>경기</c>): one of <see cref="s_provinceNames"/>, or a word that starts with one of <see cref="s_provinces"/> and ends
    /// with 시 or 도.
    /// </summary>
    internal static bool IsProvince(ReadOnlySpan<char> word) =>
        s_provinceNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || word.Length >= 3 && StartsWithProvince(word) && word[^1] is '시' or '도';

    /// <summary>Whether <paramref name="word"/> starts with one of <see cref="s_provinces"/> (all two syllables long).</summary>
    private static bool StartsWithProvince(ReadOnlySpan<char> word) => word.Length >= 2 && s_provincePairs.AsSpan().Contains((word[0] << 16) | word[1]);

    private static bool IsAdministrative(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!Context.IsHangulSyllable(c))
            {
                return false;
            }
        }

        if (StartsWithProvince(word))
        {
            return true;
        }

        return word[^1] is '시' or '도' or '군' or '구' or '읍' or '면' || (word.Length >= 2 && word[^1] == '동');
    }

    internal static bool IsStrongAdministrative(ReadOnlySpan<char> word)
    {
        if (StartsWithProvince(word))
        {
            return true;
        }

        return word[^1] is '시' or '도' or '군' or '구';
    }

    [GeneratedRegex(@"\G,? ?(?:(?:[0-9]{1,4}동 ?)?[0-9]{1,5}호|[0-9]{1,3}층)")]
    private static partial Regex DetailPattern();
}
