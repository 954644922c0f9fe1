using System.Globalization;
using System.Reflection;
using System.Text.Json;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Moa.Curation.Filters;

/// <summary>
/// Named filter profiles: rule overrides ("group.key": value) on top of the thresholds of <see cref="QualityOptions"/>.
/// The built-in ones and why each override is there are in docs/curation/filters.md; their values were chosen on the
/// tuning halves of the evaluation sets only.
/// </summary>
public static class QualityProfiles
{
    public const string Auto = "auto";
    public const string Web = "web";
    public const string Documents = "documents";
    public const string Technical = "technical";
    public const string Conversation = "conversation";

    /// <summary>Keys that change what is measured (line removal, what a short line is); a profile cannot override them.</summary>
    private static readonly HashSet<string> s_measurementKeys = new(StringComparer.Ordinal)
    {
        "c4.remove_javascript_lines", "c4.remove_policy_lines", "c4.remove_no_terminal_punct_lines", "c4.terminal_punct_exempt_languages",
        "c4.min_words_per_line", "c4.max_word_length", "fineweb.short_line_length", "fineweb.short_line_length_ko",
    };

    /// <summary>A fresh copy of the built-in profiles.</summary>
    public static Dictionary<string, Dictionary<string, object?>> BuiltIn() => new(StringComparer.Ordinal)
    {
        [Web] = new(StringComparer.Ordinal),
        [Documents] = new(StringComparer.Ordinal)
        {
            ["c4.filter_curly_bracket"] = false,
            ["fineweb.max_short_line_ratio"] = 0.9,
            ["prose.min_prose_share"] = 0.25,
        },
        [Technical] = new(StringComparer.Ordinal)
        {
            ["c4.filter_curly_bracket"] = false,
            ["korean.max_symbol_ratio"] = 0.15,
            ["gopher_quality.max_mean_word_length_ko"] = 8.0,
            ["gopher_repetition.max_dup_line_char_frac"] = 0.3,
            ["gopher_repetition.max_dup5_gram_frac"] = 0.3,
            ["gopher_repetition.max_dup6_gram_frac"] = 0.28,
            ["gopher_repetition.max_dup7_gram_frac"] = 0.26,
            ["gopher_repetition.max_dup8_gram_frac"] = 0.24,
            ["gopher_repetition.max_dup9_gram_frac"] = 0.22,
            ["gopher_repetition.max_dup10_gram_frac"] = 0.2,
            ["fineweb.max_char_dup_ratio"] = 0.2,
            ["fineweb.max_short_line_ratio"] = 0.95,
            ["fineweb.max_newline_word_ratio"] = 0.5,
            ["prose.min_prose_share"] = 0.1,
            ["korean.min_sentence_coherence"] = null,
        },
        [Conversation] = new(StringComparer.Ordinal)
        {
            ["gopher_repetition.max_dup_line_frac"] = 0.5,
            ["gopher_repetition.max_dup_line_char_frac"] = 0.4,
            ["fineweb.max_char_dup_ratio"] = 0.4,
            ["fineweb.max_short_line_ratio"] = 0.9,
            ["korean.min_sentence_coherence"] = null,
        },
    };

    /// <summary>
    /// The effective options of every profile: the base thresholds with the profile's overrides applied.
    /// </summary>
    /// <exception cref="MoaException">An unknown profile, key or value; the message names the YAML key.</exception>
    public static Dictionary<string, QualityOptions> Resolve(QualityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var profiles = Merge(options.Profiles);
        var result = new Dictionary<string, QualityOptions>(StringComparer.Ordinal);
        foreach (var (name, overrides) in profiles)
        {
            if (string.IsNullOrWhiteSpace(name) || name == Auto)
            {
                throw new MoaException($"quality.profiles: '{name}' cannot name a profile (it is empty or reserved). Choose another name.");
            }

            var copy = Clone(options);
            foreach (var (key, value) in overrides ?? [])
            {
                Apply(copy, name, key, value);
            }

            try
            {
                QualityOptionsValidation.Validate(copy);
            }
            catch (MoaException ex)
            {
                throw new MoaException($"quality.profiles.{name}: {ex.Message}", ex);
            }

            result[name] = copy;
        }

        Check(options.Profile, "quality.profile", result, allowAuto: true);
        foreach (var (key, profile) in options.ProfileByInput ?? [])
        {
            Check(profile, $"quality.profile_by_input['{key}']", result, allowAuto: false);
        }

        foreach (var (key, profile) in options.ProfileByProvider ?? [])
        {
            Check(profile, $"quality.profile_by_provider['{key}']", result, allowAuto: false);
        }

        foreach (var (key, profile) in options.ProfileByFormat ?? [])
        {
            Check(profile, $"quality.profile_by_format['{key}']", result, allowAuto: false);
        }

        return result;
    }

    /// <summary>The built-in profiles with the configured ones laid over them key by key.</summary>
    public static Dictionary<string, Dictionary<string, object?>> Merge(Dictionary<string, Dictionary<string, object?>>? configured)
    {
        var merged = BuiltIn();
        foreach (var (name, overrides) in configured ?? [])
        {
            if (!merged.TryGetValue(name, out var target))
            {
                merged[name] = target = new Dictionary<string, object?>(StringComparer.Ordinal);
            }

            foreach (var (key, value) in overrides ?? [])
            {
                target[key] = value;
            }
        }

        return merged;
    }

    private static void Check(string? profile, string key, Dictionary<string, QualityOptions> known, bool allowAuto)
    {
        if (profile is null || !(known.ContainsKey(profile) || (allowAuto && profile == Auto)))
        {
            var names = string.Join(", ", (allowAuto ? [Auto] : Array.Empty<string>()).Concat(known.Keys.Order(StringComparer.Ordinal)));
            throw new MoaException($"{key} is '{profile}', which is not a filter profile. Known profiles: {names} (add one under quality.profiles).");
        }
    }

    private static QualityOptions Clone(QualityOptions o) => new()
    {
        Enabled = o.Enabled,
        GopherRepetition = CloneGroup(o.GopherRepetition),
        GopherQuality = CloneGroup(o.GopherQuality),
        Korean = CloneGroup(o.Korean),
        C4 = CloneGroup(o.C4),
        FineWeb = CloneGroup(o.FineWeb),
        Prose = CloneGroup(o.Prose),
    };

    private static T CloneGroup<T>(T group) where T : class =>
        group is null ? null! : JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(group))!;

    private static readonly Dictionary<string, PropertyInfo> s_groups = typeof(QualityOptions).GetProperties()
        .Where(p => p.PropertyType.IsClass && p.PropertyType != typeof(string) && !p.PropertyType.IsGenericType)
        .ToDictionary(YamlName, StringComparer.Ordinal);

    private static string YamlName(PropertyInfo p) =>
        p.GetCustomAttribute<YamlMemberAttribute>()?.Alias ?? UnderscoredNamingConvention.Instance.Apply(p.Name);

    /// <summary>
    /// Replaces every override value read from YAML (text) with its typed value (number, whole number, true/false,
    /// null), so a config read back equals the one written; checks keys, values and profile names on the way.
    /// </summary>
    /// <exception cref="MoaException">An unknown profile, key or value; the message names the YAML key.</exception>
    public static void Normalize(QualityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (name, overrides) in options.Profiles ?? [])
        {
            if (overrides is null)
            {
                options.Profiles![name] = new Dictionary<string, object?>(StringComparer.Ordinal);
                continue;
            }

            foreach (var key in overrides.Keys.ToList())
            {
                var (_, property, where) = Lookup(name, key);
                overrides[key] = Convert(overrides[key], property.PropertyType, where);
            }
        }

        Resolve(options);
    }

    private static (PropertyInfo Group, PropertyInfo Property, string Where) Lookup(string profile, string key)
    {
        var where = $"quality.profiles.{profile}.{key}";
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !s_groups.TryGetValue(key[..dot], out var groupProperty))
        {
            throw new MoaException(
                $"{where}: '{key}' is not a rule key; expected group.key with group one of {string.Join(", ", s_groups.Keys.Order(StringComparer.Ordinal))} (e.g. korean.max_symbol_ratio).");
        }

        if (s_measurementKeys.Contains(key))
        {
            throw new MoaException($"{where}: {key} changes what is measured (line removal, short lines), so it is set once under quality.{key}, not per profile.");
        }

        var property = groupProperty.PropertyType.GetProperties().FirstOrDefault(p => YamlName(p) == key[(dot + 1)..]);
        if (property is null)
        {
            throw new MoaException($"{where}: quality.{key[..dot]} has no key '{key[(dot + 1)..]}'. See examples/programme/pipeline.yaml for every key.");
        }

        return (groupProperty, property, where);
    }

    private static void Apply(QualityOptions target, string profile, string key, object? value)
    {
        var (groupProperty, property, where) = Lookup(profile, key);
        property.SetValue(groupProperty.GetValue(target)!, Convert(value, property.PropertyType, where));
    }

    private static object? Convert(object? value, Type type, string where)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var text = value switch
        {
            null => null,
            string s => s.Trim(),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        if (text is null or "~" or "null" or "")
        {
            if (underlying is not null || !type.IsValueType)
            {
                return null;
            }

            throw new MoaException($"{where}: needs a value ({Describe(type)}), not ~.");
        }

        var t = underlying ?? type;
        if (t == typeof(double) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        if (t == typeof(int) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
        {
            return i;
        }

        if (t == typeof(bool) && bool.TryParse(text, out var b))
        {
            return b;
        }

        if (t == typeof(List<string>) && value is IEnumerable<object> items)
        {
            return items.Select(x => System.Convert.ToString(x, CultureInfo.InvariantCulture) ?? "").ToList();
        }

        throw new MoaException($"{where}: '{text}' is not {Describe(type)}.");
    }

    private static string Describe(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(double) ? "a number" : t == typeof(int) ? "a whole number" : t == typeof(bool) ? "true or false" : "a list";
    }
}
