using System.Text;

namespace Moa.Privacy;

/// <summary>
/// Replaces one finding in the output text. Operators are stateless and thread-safe.
/// <c>tag</c> → <c>[KR_RRN]</c>; <c>mask</c> keeps the shape (<c>900101-1******</c>); <c>pseudonym</c> → keyed HMAC token
/// (format-preserving, never valid, for phones and registration numbers); <c>encrypt</c> → AES-GCM token for <c>moa pii reveal</c>.
/// </summary>
public abstract class PiiOperator
{
    /// <summary>The operator names accepted by <see cref="Create"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["tag", "mask", "pseudonym", "encrypt"];

    /// <summary>The operator's name as given in configs.</summary>
    public abstract string Name { get; }

    /// <summary>Appends the replacement for <paramref name="value"/> (a finding of <paramref name="type"/>).</summary>
    public abstract void Append(StringBuilder output, string type, ReadOnlySpan<char> value);

    /// <summary>The operator called <paramref name="name"/>; <paramref name="key"/> is required by pseudonym and encrypt.</summary>
    public static PiiOperator Create(string name, PiiKey? key)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "tag" => new TagOperator(),
            "mask" => new MaskOperator(),
            "pseudonym" => new PseudonymOperator(key ?? throw NeedsKey("pseudonym")),
            "encrypt" => new EncryptOperator(key ?? throw NeedsKey("encrypt")),
            _ => throw new MoaException($"unknown PII operator '{name}'. Valid operators: {string.Join(", ", Names)}."),
        };
    }

    /// <summary>Whether the named operator needs a key file.</summary>
    public static bool NeedsKeyFile(string name) => name.Trim().ToLowerInvariant() is "pseudonym" or "encrypt";

    private static MoaException NeedsKey(string name) =>
        new($"the '{name}' operator needs a key file (--key-file, or key_file in the pii stage config); create one with `moa pii keygen --out FILE`.");
}
