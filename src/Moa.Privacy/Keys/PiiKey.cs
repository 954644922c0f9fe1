using System.Security.Cryptography;
using System.Text;

namespace Moa.Privacy;

/// <summary>
/// The secret behind pseudonyms and encryption: 32 random bytes in a key file made by <c>moa pii keygen</c>.
/// Separate sub-keys for HMAC pseudonyms, AES-GCM encryption and nonce derivation are derived with HMAC-SHA-256.
/// Per PIPC's guideline the key is the "additional information" and must be kept apart from the data:
/// a key file others can read (group or world permissions) or one that is malformed is refused.
/// </summary>
public sealed class PiiKey
{
    private const string Header = "moa-pii-key v1";
    private const int KeyBytes = 32;

    private PiiKey(byte[] master)
    {
        PseudonymKey = Derive(master, "moa/pii/pseudonym");
        EncryptionKey = Derive(master, "moa/pii/encrypt");
        NonceKey = Derive(master, "moa/pii/nonce");
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Derive(master, "moa/pii/fingerprint")).AsSpan(0, 6));
    }

    /// <summary>A short, non-secret identifier of the key (recorded with outputs so a reader knows which key to ask for).</summary>
    public string Fingerprint { get; }

    internal byte[] PseudonymKey { get; }

    internal byte[] EncryptionKey { get; }

    internal byte[] NonceKey { get; }

    /// <summary>A key from raw bytes (tests and tools); <paramref name="master"/> must be 32 bytes.</summary>
    public static PiiKey FromBytes(ReadOnlySpan<byte> master) =>
        master.Length == KeyBytes ? new PiiKey(master.ToArray()) : throw new MoaException($"a PII key has {KeyBytes} bytes, got {master.Length}.");

    /// <summary>Writes a new random key to <paramref name="path"/> with owner-only permissions (0600); never overwrites.</summary>
    public static PiiKey Generate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
        {
            throw new MoaException($"{path}: a key file already exists; refusing to overwrite it (data pseudonymised with it would become unreadable). Choose another path.");
        }

        var master = RandomNumberGenerator.GetBytes(KeyBytes);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null && !Directory.Exists(dir))
        {
            throw new MoaException($"{path}: folder {dir} does not exist.");
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            writer.Write($"{Header}\n{Convert.ToBase64String(master)}\n");
        }

        return new PiiKey(master);
    }

    /// <summary>Reads a key file, refusing one readable or writable by group or others, or one that is malformed.</summary>
    public static PiiKey Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new MoaException($"{path}: key file not found. Create one with `moa pii keygen --out {path}`.");
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
            if ((mode & others) != 0)
            {
                throw new MoaException(
                    $"{path}: key file is accessible to other users (mode {Convert.ToString((int)mode, 8)}); anyone who can read it can reverse the pseudonyms. Run `chmod 600 {path}`.");
            }
        }

        var lines = File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length != 2 || lines[0] != Header)
        {
            throw new MoaException($"{path}: not a Moa PII key file (expected a first line '{Header}' and one base64 line, as written by `moa pii keygen`).");
        }

        var master = new byte[KeyBytes];
        if (!Convert.TryFromBase64String(lines[1], master, out var written) || written != KeyBytes)
        {
            throw new MoaException($"{path}: line 2 must be {KeyBytes} bytes in base64; the key is damaged. Restore it from your backup.");
        }

        return new PiiKey(master);
    }

    private static byte[] Derive(byte[] master, string label) => HMACSHA256.HashData(master, Encoding.UTF8.GetBytes(label));
}
