using System.Collections.Concurrent;
using System.Text.Json;

namespace Moa.Hub.Catalogue;

/// <summary>Cached serialised catalogue responses, rebuilt when the catalogue changes (the hot read path).</summary>
internal sealed class ApiCache(CatalogueService catalogue)
{
    private readonly ConcurrentDictionary<string, (long Generation, byte[] Body)> _entries = new(StringComparer.Ordinal);

    public async Task<byte[]?> GetAsync(string key, Func<Task<object?>> build)
    {
        var gen = catalogue.Generation;
        if (_entries.TryGetValue(key, out var e) && e.Generation == gen)
        {
            return e.Body;
        }

        var value = await build().ConfigureAwait(false);
        if (value is null)
        {
            return null;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), s_json);
        _entries[key] = (gen, body);
        return body;
    }

    /// <summary>Cached raw bytes (e.g. a page rendered for the public), rebuilt when the catalogue changes.</summary>
    public async Task<byte[]?> GetRawAsync(string key, Func<Task<byte[]?>> build)
    {
        var gen = catalogue.Generation;
        if (_entries.TryGetValue(key, out var e) && e.Generation == gen)
        {
            return e.Body;
        }

        var body = await build().ConfigureAwait(false);
        if (body is not null)
        {
            _entries[key] = (gen, body);
        }

        return body;
    }

    internal static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
}
