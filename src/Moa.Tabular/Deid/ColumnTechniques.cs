using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Moa.Privacy;
using Moa.Tabular.Hierarchies;
using Moa.Tabular.Tables;

namespace Moa.Tabular.Deid;

/// <summary>What was done to one column, with its parameters, for the adequacy-review report.</summary>
/// <param name="Column">The column.</param>
/// <param name="Role">Its role.</param>
/// <param name="Technique">The technique's id (drop, mask, pseudonym…).</param>
/// <param name="Parameters">The technique's parameters as given.</param>
/// <param name="Detail">What it did (e.g. realised mean absolute noise, cells suppressed).</param>
public sealed record TechniqueRecord(string Column, string Role, string Technique, IReadOnlyDictionary<string, string> Parameters, string Detail);

/// <summary>
/// The PIPC guideline's per-column techniques over a <see cref="Table"/>: 삭제 (drop), 부분삭제 (partial), 마스킹 (mask),
/// 가명 (keyed HMAC-SHA-256 pseudonym with the project's <see cref="PiiKey"/>), 범주화 (generalise to a fixed level),
/// 라운딩 (round), 상·하단코딩 (top/bottom coding), 잡음 (Laplace or Gaussian noise), 총계 (aggregate) and local
/// suppression of rare cells. Most work once per distinct value; noise works per row with an explicit seed.
/// </summary>
public static class ColumnTechniques
{
    /// <summary>
    /// Applies <paramref name="spec"/>'s technique to its column. <paramref name="mapping"/> collects pseudonym → original
    /// pairs (the 추가정보) when the technique is <c>pseudonym</c>.
    /// </summary>
    public static (Table Table, TechniqueRecord Record) Apply(Table table, ColumnSpec spec, PiiKey? key, Dictionary<string, string> mapping, Func<string, Hierarchy> hierarchies)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(hierarchies);
        var column = table[spec.Name];
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        string detail;
        Table result;
        switch (spec.Technique)
        {
            case "keep":
                return (table, new TechniqueRecord(spec.Name, spec.Role, "keep", parameters, "unchanged"));
            case "drop":
                return (table.Without(spec.Name), new TechniqueRecord(spec.Name, spec.Role, "drop", parameters, "column removed"));
            case "partial":
                parameters["keep_prefix"] = I(spec.KeepPrefix);
                parameters["keep_suffix"] = I(spec.KeepSuffix);
                result = table.WithColumn(column.MapValues(v => Partial(v, spec.KeepPrefix, spec.KeepSuffix)));
                detail = "characters outside the kept prefix/suffix removed";
                break;
            case "mask":
                parameters["keep_prefix"] = I(spec.KeepPrefix);
                parameters["keep_suffix"] = I(spec.KeepSuffix);
                parameters["mask_char"] = spec.MaskChar;
                result = table.WithColumn(column.MapValues(v => Mask(v, spec.KeepPrefix, spec.KeepSuffix, spec.MaskChar[0])));
                detail = "characters outside the kept prefix/suffix masked";
                break;
            case "pseudonym":
                if (key is null)
                {
                    throw new MoaException($"column '{spec.Name}': pseudonym needs key_file in the spec (create one with `moa pii keygen --out FILE`).");
                }

                parameters["algorithm"] = "HMAC-SHA-256, 64-bit hex token";
                parameters["key_fingerprint"] = key.Fingerprint;
                result = table.WithColumn(column.MapValues(v =>
                {
                    if (v.Length == 0)
                    {
                        return v;
                    }

                    var token = Pseudonym(key, v);
                    mapping.TryAdd(token, v);
                    return token;
                }));
                detail = $"{column.Cardinality:N0} distinct values replaced by keyed tokens; stable under one key";
                break;
            case "generalize":
                var hierarchy = hierarchies(spec.Hierarchy!);
                var level = spec.Level ?? 1;
                if (level < 0 || level >= hierarchy.Height)
                {
                    throw new MoaException($"column '{spec.Name}': level {level} is outside hierarchy {hierarchy.Name} (levels 0–{hierarchy.Height - 1}).");
                }

                parameters["hierarchy"] = hierarchy.Name;
                parameters["level"] = I(level);
                result = table.WithColumn(MapChecked(table, column, v =>
                    hierarchy.TryGeneralize(v, level, out var g, out var problem) ? (g, null) : (null, problem)));
                detail = $"generalised to level {level} of {hierarchy.Name}";
                break;
            case "round":
                parameters["base"] = D(spec.Base);
                result = table.WithColumn(MapChecked(table, column, v => Number(v) is { } x
                    ? (Format(Math.Round(x / spec.Base, MidpointRounding.AwayFromZero) * spec.Base, spec.Decimals), null)
                    : (null, $"'{v}' is not a number")));
                detail = $"rounded to multiples of {D(spec.Base)}";
                break;
            case "top_bottom":
                if (spec.Top is { } top)
                {
                    parameters["top"] = D(top);
                }

                if (spec.Bottom is { } bottom)
                {
                    parameters["bottom"] = D(bottom);
                }

                var coded = 0;
                var counts = column.Counts();
                result = table.WithColumn(MapChecked(table, column, v =>
                {
                    if (Number(v) is not { } x)
                    {
                        return (null, $"'{v}' is not a number");
                    }

                    if (spec.Top is { } t && x >= t)
                    {
                        return ("≥" + D(t), null);
                    }

                    return spec.Bottom is { } b && x <= b ? ("≤" + D(b), null) : (v, null);
                }));
                for (var code = 0; code < column.Cardinality; code++)
                {
                    if (Number(column.Values[code]) is { } x && ((spec.Top is { } t && x >= t) || (spec.Bottom is { } b && x <= b)))
                    {
                        coded += counts[code];
                    }
                }

                detail = $"{coded:N0} cells coded at the top or bottom";
                break;
            case "noise":
                (result, detail) = Noise(table, column, spec, parameters);
                break;
            case "aggregate":
                (result, detail) = Aggregate(table, column, spec, parameters);
                break;
            case "suppress_rare":
                parameters["min_count"] = I(spec.MinCount);
                var frequencies = column.Counts();
                var suppressed = 0;
                var replaced = new string[column.Cardinality];
                for (var code = 0; code < replaced.Length; code++)
                {
                    var rare = frequencies[code] < spec.MinCount && column.Values[code].Length > 0;
                    replaced[code] = rare ? "*" : column.Values[code];
                    suppressed += rare ? frequencies[code] : 0;
                }

                result = table.WithColumn(Column.Recode(spec.Name, replaced, column.Codes));
                detail = $"{suppressed:N0} cells with values seen fewer than {spec.MinCount} times suppressed";
                break;
            default:
                throw new MoaException($"column '{spec.Name}': unknown technique '{spec.Technique}'.");
        }

        return (result, new TechniqueRecord(spec.Name, spec.Role, spec.Technique, parameters, detail));
    }

    /// <summary>The keyed pseudonym of <paramref name="value"/>: the first 8 bytes of HMAC-SHA-256 under the key's pseudonym sub-key, as hex.</summary>
    public static string Pseudonym(PiiKey key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key.PseudonymKey, Encoding.UTF8.GetBytes("moa/deid\0" + value.Trim()), mac);
        return Convert.ToHexStringLower(mac[..8]);
    }

    internal static double? Number(string value)
    {
        var v = value.Trim().Replace(",", "", StringComparison.Ordinal);
        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x) ? x : null;
    }

    private static string Partial(string value, int prefix, int suffix)
    {
        if (value.Length <= prefix + suffix)
        {
            return value;
        }

        return value[..prefix] + value[^suffix..];
    }

    private static string Mask(string value, int prefix, int suffix, char mask)
    {
        if (value.Length == 0)
        {
            return value;
        }

        var chars = value.ToCharArray();
        for (var i = prefix; i < chars.Length - suffix; i++)
        {
            if (!char.IsWhiteSpace(chars[i]) && chars[i] != '-')
            {
                chars[i] = mask;
            }
        }

        return new string(chars);
    }

    /// <summary>Maps each distinct value; an empty cell stays empty; a failure names the first row holding the value.</summary>
    private static Column MapChecked(Table table, Column column, Func<string, (string? Value, string? Problem)> map)
    {
        var mapped = new string[column.Cardinality];
        for (var code = 0; code < mapped.Length; code++)
        {
            var value = column.Values[code];
            if (value.Length == 0)
            {
                mapped[code] = value;
                continue;
            }

            var (result, problem) = map(value);
            if (result is null)
            {
                throw new MoaException($"{table.Locate(column.FirstRowOf(code), column.Name)}: {problem}.");
            }

            mapped[code] = result;
        }

        return Column.Recode(column.Name, mapped, column.Codes);
    }

    private static (Table, string) Noise(Table table, Column column, ColumnSpec spec, Dictionary<string, string> parameters)
    {
        parameters["distribution"] = spec.Distribution;
        parameters["scale"] = D(spec.Scale);
        parameters["seed"] = I(spec.Seed);
        parameters["decimals"] = I(spec.Decimals);
        var values = new double?[column.Cardinality];
        for (var code = 0; code < values.Length; code++)
        {
            var v = column.Values[code];
            values[code] = v.Length == 0 ? null : Number(v) ?? throw new MoaException($"{table.Locate(column.FirstRowOf(code), column.Name)}: '{v}' is not a number; noise needs numbers.");
        }

        var random = new Random(spec.Seed);
        var output = new string[table.RowCount];
        var sumAbs = 0.0;
        var noised = 0;
        for (var r = 0; r < output.Length; r++)
        {
            if (values[column.Codes[r]] is not { } x)
            {
                output[r] = string.Empty;
                continue;
            }

            double noise;
            if (spec.Distribution == "gaussian")
            {
                var u1 = 1.0 - random.NextDouble();
                var u2 = random.NextDouble();
                noise = spec.Scale * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            }
            else
            {
                var u = random.NextDouble() - 0.5;
                noise = -spec.Scale * Math.Sign(u) * Math.Log(1 - (2 * Math.Abs(u)));
            }

            var y = Math.Round(x + noise, spec.Decimals, MidpointRounding.AwayFromZero);
            sumAbs += Math.Abs(y - x);
            noised++;
            output[r] = Format(y, spec.Decimals);
        }

        var mean = noised == 0 ? 0 : sumAbs / noised;
        return (table.WithColumn(Column.FromValues(column.Name, output)),
            string.Create(CultureInfo.InvariantCulture, $"{noised:N0} values perturbed; realised mean absolute change {mean:0.####} (expected {(spec.Distribution == "gaussian" ? spec.Scale * Math.Sqrt(2 / Math.PI) : spec.Scale):0.####})"));
    }

    private static (Table, string) Aggregate(Table table, Column column, ColumnSpec spec, Dictionary<string, string> parameters)
    {
        parameters["function"] = spec.Function;
        parameters["group_by"] = string.Join(",", spec.GroupBy);
        foreach (var g in spec.GroupBy)
        {
            table.Require(g, $"group_by of column '{spec.Name}'");
        }

        var groups = spec.GroupBy.Count == 0
            ? new int[table.RowCount]
            : [.. Risk.EquivalenceClasses.Of(table, spec.GroupBy).ClassOfRow];
        var byGroup = new Dictionary<int, List<double>>();
        for (var r = 0; r < table.RowCount; r++)
        {
            var v = column[r];
            if (v.Length == 0)
            {
                continue;
            }

            var x = Number(v) ?? throw new MoaException($"{table.Locate(r, column.Name)}: '{v}' is not a number; aggregate needs numbers.");
            if (!byGroup.TryGetValue(groups[r], out var list))
            {
                byGroup[groups[r]] = list = [];
            }

            list.Add(x);
        }

        var aggregated = byGroup.ToDictionary(kv => kv.Key, kv =>
        {
            var xs = kv.Value;
            var value = spec.Function switch
            {
                "sum" => xs.Sum(),
                "median" => Median(xs),
                _ => xs.Average(),
            };
            return Format(value, spec.Decimals);
        });
        var output = new string[table.RowCount];
        for (var r = 0; r < output.Length; r++)
        {
            output[r] = column[r].Length == 0 ? string.Empty : aggregated[groups[r]];
        }

        return (table.WithColumn(Column.FromValues(column.Name, output)), $"values replaced by the group {spec.Function} over {byGroup.Count:N0} groups");
    }

    private static double Median(List<double> xs)
    {
        var sorted = xs.Order().ToList();
        var n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
    }

    private static string Format(double value, int decimals) => (value == 0 ? 0.0 : value).ToString("F" + I(decimals), CultureInfo.InvariantCulture);

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
