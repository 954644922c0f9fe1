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

    /// <summary>Rejects passwords too short to resist guessing, with a message that says the rule.</summary>
    public static void CheckStrength(string? password)
    {
        if (password is null || password.Length < 12)
        {
            throw HubException.Invalid("password: at least 12 characters are required.");
        }
    }

    /// <summary>A random password of 20 URL-safe characters (for the first operator).</summary>
    public static string Generate()
    {
        Span<byte> bytes = stackalloc byte[15];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).Replace('+', 'x').Replace('/', 'y');
    }
}
