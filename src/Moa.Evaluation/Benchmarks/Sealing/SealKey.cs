using System.Security.Cryptography;

namespace Moa.Evaluation.Benchmarks.Sealing;

/// <summary>
/// The operator's sealing key: a file holding 32 random bytes in base64. Files readable or writable by other users are refused.
/// </summary>
public static class SealKey
{
    /// <summary>Key length in bytes (AES-256).</summary>
    public const int Length = 32;

    /// <summary>Creates a new key file readable by its owner only (mode 600); refuses to overwrite.</summary>
    /// <exception cref="MoaException">The file exists or the folder is missing.</exception>
    public static void Generate(string path)
    {
        if (File.Exists(path))
        {
            throw new MoaException($"{path} exists; refusing to overwrite a key (the benchmarks sealed with it could no longer be opened). Choose another path.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
        {
            throw new MoaException($"{folder}: folder not found for the key file.");
        }

        var key = RandomNumberGenerator.GetBytes(Length);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(Convert.ToBase64String(key));
        writer.Write('\n');
        CryptographicOperations.ZeroMemory(key);
    }

    /// <summary>Reads a key file.</summary>
    /// <exception cref="MoaException">The file is missing, open to other users, or not 32 bytes of base64.</exception>
    public static byte[] Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new MoaException($"{path}: key file not found. Create one with 'moa bench keygen {path}' and keep it away from the data.");
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
            {
                throw new MoaException($"{path}: the key file can be read or written by every user (mode {Convert.ToString((int)mode, 8)}); run 'chmod 600 {path}' and consider the key exposed if others had access.");
            }
        }

        var text = File.ReadAllText(path).Trim();
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text);
        }
        catch (FormatException ex)
        {
            throw new MoaException($"{path}: not a key file (expected {Length} bytes in base64 on one line, as 'moa bench keygen' writes).", ex);
        }

        if (key.Length != Length)
        {
            throw new MoaException($"{path}: the key is {key.Length} bytes; expected {Length} bytes (AES-256) in base64.");
        }

        return key;
    }
}
