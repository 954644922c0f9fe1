using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Moa.Hub.Accounts;

/// <summary>
/// PBKDF2-HMAC-SHA256 password hashes in the self-describing form <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c>
/// (base64), compared in constant time; stored iteration counts below the current one are still verified.
/// </summary>
public static class PasswordHasher
{
    /// <summary>Iterations for new hashes (OWASP 2023 advises 600k for SHA-256; 210k keeps sign-in near 60 ms on 2 cores).</summary>
    public const int Iterations = 210_000;

    /// <summary>Smallest iteration count accepted when verifying.</summary>
    public const int MinimumIterations = 100_000;

    private const string Scheme = "pbkdf2-sha256";

    /// <summary>Hashes a password with a fresh 16-byte salt.</summary>
    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        Span<byte> salt = stackalloc byte[16];
        RandomNumberGenerator.Fill(salt);
        Span<byte> hash = stackalloc byte[32];
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, hash, Iterations, HashAlgorithmName.SHA256);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>Whether <paramref name="password"/> matches <paramref name="stored"/>; false for malformed or weak stored hashes.</summary>
    public static bool Verify(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations < MinimumIterations)
        {
            return false;
        }

        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>
    /// Rejects passwords that resist guessing poorly, with a message that says the rule: fewer than 12 characters, one
    /// of the most common passwords (also with digits or symbols added at the end), a character or short pattern
    /// repeated, a run of consecutive keys or digits, or the account's own email name.
    /// </summary>
    public static void CheckStrength(string? password, string? email = null)
    {
        if (password is null || password.Length < 12)
        {
            throw HubException.Invalid("password: at least 12 characters are required.");
        }

        if (password.Length > 256)
        {
            throw HubException.Invalid("password: at most 256 characters.");
        }

        var lower = password.ToLowerInvariant();
        var core = lower.TrimEnd("0123456789!@#$%^&*.-_ ".ToCharArray());
        if (CommonPasswords.Contains(lower) || (core.Length >= 4 && CommonPasswords.Contains(core)))
        {
            throw HubException.Invalid("password: this is one of the most common passwords; choose a passphrase of several unrelated words.");
        }

        if (lower.Distinct().Count() <= 3 || IsRepeatedPattern(lower))
        {
            throw HubException.Invalid("password: it repeats a character or a short pattern; choose a passphrase of several unrelated words.");
        }

        if (IsRun(lower))
        {
            throw HubException.Invalid("password: it is a run of consecutive keys or digits; choose a passphrase of several unrelated words.");
        }

        var local = email?.Split('@')[0].ToLowerInvariant();
        if (local is { Length: >= 4 } && lower.Contains(local, StringComparison.Ordinal) && lower.Length - local.Length < 8)
        {
            throw HubException.Invalid("password: it is mostly the account's email name; choose a passphrase of several unrelated words.");
        }
    }

    private static bool IsRepeatedPattern(string s)
    {
        for (var period = 1; period <= 4 && period < s.Length; period++)
        {
            var repeats = true;
            for (var i = period; i < s.Length && repeats; i++)
            {
                repeats = s[i] == s[i - period];
            }

            if (repeats)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRun(string s)
    {
        const string rows = "abcdefghijklmnopqrstuvwxyz 01234567890 qwertyuiop asdfghjkl zxcvbnm 1qaz2wsx3edc4rfv";
        var reversed = new string(rows.Reverse().ToArray());
        var longest = 0;
        for (var len = s.Length; len >= 6 && longest == 0; len--)
        {
            for (var i = 0; i + len <= s.Length; i++)
            {
                var part = s.Substring(i, len);
                if (rows.Contains(part, StringComparison.Ordinal) || reversed.Contains(part, StringComparison.Ordinal))
                {
                    longest = len;
                    break;
                }
            }
        }

        return longest * 3 >= s.Length * 2;
    }

    /// <summary>The most frequent passwords of public breach-frequency lists (lower-case).</summary>
    private static readonly HashSet<string> CommonPasswords = new(StringComparer.Ordinal)
    {
        "password", "passw0rd", "p@ssword", "p@ssw0rd", "qwerty", "qwertyuiop", "letmein", "welcome", "admin", "administrator",
        "iloveyou", "monkey", "dragon", "football", "baseball", "master", "sunshine", "princess", "shadow", "superman",
        "trustno1", "starwars", "whatever", "freedom", "computer", "internet", "changeme", "secret", "default", "login",
        "operator", "samsung", "korea", "seoul", "sarang", "saranghae", "love", "test", "guest", "root", "qwer1234",
        "asdf1234", "zxcv1234", "1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6y", "a1b2c3d4", "abc123", "abcd1234", "password1",
        "passwordpassword", "correcthorsebatterystaple", "moa", "moahub", "hunter2", "michael", "jennifer", "jordan23",
    };

    /// <summary>A random password of 20 URL-safe characters (for the first operator).</summary>
    public static string Generate()
    {
        Span<byte> bytes = stackalloc byte[15];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).Replace('+', 'x').Replace('/', 'y');
    }
}
