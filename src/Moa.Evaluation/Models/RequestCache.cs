using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Moa.Evaluation.Models;

/// <summary>
/// Disk cache of successful responses, keyed by SHA-256 of endpoint, model, the digest of its weights, path and the exact request body (so
/// two models behind one URL, or new weights under an old name, never share answers). Each process appends to its own segment file
/// (<c>KEY LENGTH\n BODY \n</c> records, written with positional writes, no per-request file creation); at start every segment
/// in the folder is indexed, and a record cut short by a kill is ignored, so a killed run resumes without repeating finished requests.
/// </summary>
public sealed class RequestCache : IDisposable
{
    private const string Extension = ".seg";
    private readonly string _root;
    private readonly ConcurrentDictionary<string, Entry> _index = new(StringComparer.Ordinal);
    private readonly List<SafeFileHandle> _handles = [];
    private readonly Lock _gate = new();
    private SafeFileHandle? _own;
    private int _ownHandle = -1;
    private long _ownOffset;

    public RequestCache(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        _root = Path.GetFullPath(directory);
        try
        {
            Directory.CreateDirectory(_root);
            foreach (var file in Directory.EnumerateFiles(_root, "*" + Extension).Order(StringComparer.Ordinal))
            {
                Load(file);
            }
        }
        catch (IOException ex)
        {
            throw new MoaException($"{_root}: cannot open the request cache folder ({ex.Message}); give a writable --cache folder.", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new MoaException($"{_root}: the request cache folder is not accessible ({ex.Message}); give a writable --cache folder.", ex);
        }
    }

    /// <summary>Responses currently in the cache.</summary>
    public int Count => _index.Count;

    /// <summary>Hex SHA-256 of endpoint, model, the digest of its weights, path and body.</summary>
    public static string Key(string endpoint, string model, string modelDigest, string path, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(modelDigest);
        ArgumentNullException.ThrowIfNull(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(endpoint + "\n" + model + "\n" + modelDigest + "\n" + path + "\n"));
        hash.AppendData(body);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }

    public bool TryGet(string key, out byte[] body)
    {
        if (!_index.TryGetValue(key, out var entry))
        {
            body = [];
            return false;
        }

        body = new byte[entry.Length];
        SafeFileHandle handle;
        lock (_gate)
        {
            handle = _handles[entry.Handle];
        }

        var read = RandomAccess.Read(handle, body, entry.Offset);
        return read == entry.Length;
    }

    public void Put(string key, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(key);
        var header = Encoding.ASCII.GetBytes(key + " " + body.Length.ToString(CultureInfo.InvariantCulture) + "\n");
        var record = new byte[header.Length + body.Length + 1];
        header.CopyTo(record, 0);
        body.CopyTo(record.AsSpan(header.Length));
        record[^1] = (byte)'\n';
        lock (_gate)
        {
            if (_own is null)
            {
                var name = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture)
                    + "-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture) + Extension;
                _own = File.OpenHandle(Path.Combine(_root, name), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read);
                _handles.Add(_own);
                _ownHandle = _handles.Count - 1;
            }

            RandomAccess.Write(_own, record, _ownOffset);
            _index[key] = new Entry(_ownHandle, _ownOffset + header.Length, body.Length);
            _ownOffset += record.Length;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var h in _handles)
            {
                h.Dispose();
            }

            _handles.Clear();
        }
    }

    private void Load(string file)
    {
        var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        _handles.Add(handle);
        var index = _handles.Count - 1;
        var length = RandomAccess.GetLength(handle);
        Span<byte> header = stackalloc byte[96];
        Span<byte> end = stackalloc byte[1];
        long offset = 0;
        while (offset < length)
        {
            var n = RandomAccess.Read(handle, header, offset);
            var nl = header[..n].IndexOf((byte)'\n');
            var space = nl > 0 ? header[..nl].IndexOf((byte)' ') : -1;
            if (space != 64 || !int.TryParse(header[(space + 1)..nl], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                return; // torn or foreign tail: ignore the rest of this segment
            }

            var bodyAt = offset + nl + 1;
            if (bodyAt + size + 1 > length || RandomAccess.Read(handle, end, bodyAt + size) != 1 || end[0] != (byte)'\n')
            {
                return;
            }

            _index[Encoding.ASCII.GetString(header[..space])] = new Entry(index, bodyAt, size);
            offset = bodyAt + size + 1;
        }
    }

    private readonly record struct Entry(int Handle, long Offset, int Length);
}
