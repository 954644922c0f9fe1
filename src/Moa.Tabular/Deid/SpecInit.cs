using System.Globalization;
using Moa.Tabular.Hierarchies;
using Moa.Tabular.Tables;

namespace Moa.Tabular.Deid;

/// <summary>A column's profile for <c>moa deid init</c>: what it holds and the role suggested for it.</summary>
/// <param name="Name">The column.</param>
/// <param name="Distinct">Distinct values.</param>
/// <param name="Empty">Empty cells.</param>
/// <param name="UniqueShare">Distinct values / non-empty cells (1 = every value unique).</param>
/// <param name="Kind">number, date, text.</param>
/// <param name="Examples">Up to three example values.</param>
/// <param name="Role">Suggested role.</param>
/// <param name="Technique">Suggested technique.</param>
/// <param name="Hierarchy">Suggested hierarchy (built-in), or null.</param>
/// <param name="Reason">Why.</param>
public sealed record ColumnProfile(string Name, int Distinct, int Empty, double UniqueShare, string Kind, IReadOnlyList<string> Examples, string Role, string Technique, string? Hierarchy, string Reason);

/// <summary>
/// Profiles a table's columns and suggests roles: direct identifiers by name (이름, 전화, 주민, 이메일, ID…) or by
/// near-unique text; quasi-identifiers by name (나이, 생년월일, 주소, 우편번호, 성별…) with a built-in hierarchy, or by low
/// cardinality; sensitive attributes by name (진단, 질병, 소득, 직업…). The suggestions are a starting point for the data
/// officer, who reviews every line.
/// </summary>
public static class SpecInit
{
    private static readonly string[] s_names = ["이름", "성명", "name", "성함"];
    private static readonly string[] s_contacts = ["전화", "휴대", "연락처", "phone", "tel", "mobile", "이메일", "email", "e-mail", "메일"];
    private static readonly string[] s_ids = ["주민", "rrn", "여권", "passport", "면허", "계좌", "account", "카드", "card", "id", "아이디", "회원번호", "번호"];
    private static readonly string[] s_sensitive = ["진단", "질병", "병명", "상병", "disease", "diagnosis", "소득", "income", "salary", "연봉", "급여", "직업", "occupation", "종교", "religion", "장애"];

    /// <summary>Profiles every column of <paramref name="table"/>.</summary>
    public static IReadOnlyList<ColumnProfile> Profile(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var profiles = new List<ColumnProfile>();
        foreach (var column in table.Columns)
        {
            var counts = column.Counts();
            var emptyCode = column.IndexOf(string.Empty);
            var empty = emptyCode >= 0 ? counts[emptyCode] : 0;
            var nonEmpty = Math.Max(table.RowCount - empty, 1);
            var distinct = column.Cardinality - (emptyCode >= 0 ? 1 : 0);
            var values = column.Values.Where(v => v.Length > 0).ToList();
            var kind = values.Count > 0 && values.All(v => ColumnTechniques.Number(v) is not null) ? "number"
                : values.Count > 0 && values.All(v => KoreanHierarchies.ParseDate(v) is not null) ? "date" : "text";
            var unique = (double)distinct / nonEmpty;
            var (role, technique, hierarchy, reason) = Suggest(column.Name, kind, unique, distinct, values);
            profiles.Add(new ColumnProfile(column.Name, distinct, empty, unique, kind, [.. values.Take(3)], role, technique, hierarchy, reason));
        }

        return profiles;
    }

    /// <summary>A starter spec for <paramref name="inputPath"/> from the profiles (the output beside the input, <c>*.deid.EXT</c>).</summary>
    public static DeidSpec Starter(string inputPath, IReadOnlyList<ColumnProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        ArgumentNullException.ThrowIfNull(profiles);
        var name = Path.GetFileName(inputPath);
        var ext = Path.GetExtension(inputPath);
        var spec = new DeidSpec
        {
            Dataset = Path.GetFileNameWithoutExtension(inputPath),
            Input = name,
            Output = Path.GetFileNameWithoutExtension(inputPath) + ".deid" + ext,
            Purpose = "",
            LegalBasis = "개인정보 보호법 제28조의2 (가명정보의 처리)",
            ConditionsOfUse = "",
            KeyCustodian = "",
        };
        if (profiles.Any(p => p.Technique == "pseudonym"))
        {
            spec.KeyFile = "../keys/deid.key";
            spec.MappingFile = "../keys/" + Path.GetFileNameWithoutExtension(inputPath) + ".mapping.csv";
        }

        foreach (var p in profiles)
        {
            spec.Columns.Add(new ColumnSpec { Name = p.Name, Role = p.Role, Technique = p.Technique, Hierarchy = p.Hierarchy });
        }

        return spec;
    }

    /// <summary>The starter spec as YAML with each column's profile as a comment.</summary>
    public static string ToYaml(DeidSpec spec, IReadOnlyList<ColumnProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(profiles);
        var header = new System.Text.StringBuilder();
        header.Append("# moa deid spec — review every suggested role before running `moa deid run`.\n");
        header.Append("# roles: identifier | quasi | sensitive | insensitive\n");
        header.Append("# techniques: keep drop partial mask pseudonym generalize round top_bottom noise aggregate suppress_rare\n");
        header.Append("# hierarchies: builtin:date builtin:age builtin:address builtin:postcode builtin:rrn, or an ARX CSV file\n#\n# column profiles:\n");
        foreach (var p in profiles)
        {
            header.Append(CultureInfo.InvariantCulture, $"#   {p.Name}: {p.Kind}, {p.Distinct:N0} distinct, {p.Empty:N0} empty, unique share {p.UniqueShare:0.###}; e.g. {string.Join(" | ", p.Examples)} -> {p.Role}/{p.Technique} ({p.Reason})\n");
        }

        return header.Append('\n').Append(DeidSpecLoader.ToYaml(spec)).ToString();
    }

    private static (string Role, string Technique, string? Hierarchy, string Reason) Suggest(string name, string kind, double unique, int distinct, List<string> values)
    {
        var n = name.ToLowerInvariant();
        bool Has(string[] words) => words.Any(w => n.Contains(w, StringComparison.Ordinal));
        if (Has(["주민"]) && values.All(v => v.Count(char.IsAsciiDigit) >= 7))
        {
            return ("identifier", "drop", null, "resident registration number");
        }

        if (Has(s_names))
        {
            return ("identifier", "drop", null, "a person's name");
        }

        if (Has(s_contacts))
        {
            return ("identifier", "drop", null, "contact detail");
        }

        if (Has(["나이", "연령", "age"]) && kind == "number")
        {
            return ("quasi", "keep", "builtin:age", "age");
        }

        if (Has(["생년월일", "생일", "birth", "일자", "날짜", "date", "일시"]) && kind == "date")
        {
            return ("quasi", "keep", "builtin:date", "date");
        }

        if (Has(["우편", "postcode", "zip"]))
        {
            return ("quasi", "keep", "builtin:postcode", "postcode");
        }

        if (Has(["주소", "address", "소재지"]) && values.Take(50).Count(v => v.Split(' ').Length >= 2) > 0)
        {
            return ("quasi", "keep", "builtin:address", "address");
        }

        if (Has(s_sensitive))
        {
            return ("sensitive", "keep", null, "sensitive by name");
        }

        if (Has(s_ids) && unique > 0.5)
        {
            return ("identifier", "pseudonym", null, "identifier-like name with mostly unique values");
        }

        if (Has(["성별", "sex", "gender", "지역", "시도", "시군구", "region", "국적", "nationality", "혼인", "marital", "학력", "education"]))
        {
            return ("quasi", "keep", null, "demographic attribute");
        }

        if (kind == "text" && unique > 0.9 && distinct > 20)
        {
            return ("identifier", "pseudonym", null, "nearly every value unique");
        }

        return ("insensitive", "keep", null, kind == "number" ? "measurement" : "no rule matched");
    }
}
