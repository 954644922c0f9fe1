using System.Security.Cryptography;
using System.Text;

namespace Moa.Evaluation.Models;

/// <summary>
/// Disk cache of successful responses, one file per request, keyed by SHA-256 of endpoint, model, path and the exact request body
/// (the model is part of the key, so two models behind one URL never share answers). Files are written to a temporary name and
/// renamed, so a killed run leaves no half-written entry and a rerun resumes without repeating finished requests.
/// </summary>
public sealed class RequestCache
{
    private readonly string _root;

    public RequestCache(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        _root = Path.GetFullPath(directory);
        try
        {
            Directory.CreateDirectory(_root);
        }
        catch (IOException ex)
        {
            throw new MoaException($"{_root}: cannot create the request cache folder ({ex.Message}); give a writable --cache folder.", ex);
        }
    }

    /// <summary>Hex SHA-256 of endpoint, model, path and body.</summary>
    public static string Key(string endpoint, string model, string path, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(endpoint + "\n" + model + "\n" + path + "\n"));
        hash.AppendData(body);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }

    public bool TryGet(string key, out byte[] body)
    {
        var path = PathOf(key);
        try
        {
            body = File.ReadAllBytes(path);
            return true;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            body = [];
            return false;
        }
    }

    public void Put(string key, ReadOnlySpan<byte> body)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var tmp = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + Environment.CurrentManagedThreadId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
        using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None))
        {
            fs.Write(body);
        }

        File.Move(tmp, path, overwrite: true);
    }

    private string PathOf(string key) => Path.Combine(_root, key[..2], key[2..] + ".json");
}
