using System.Security.Cryptography;
using System.Text;

namespace Moa.Curation.Perplexity;

/// <summary>
/// The fixed tuning/test split of an evaluation set: a document is in the tuning half when the first byte of the
/// SHA-256 of its id (UTF-8) is below 128. Models are trained and thresholds chosen on the tuning half only.
/// </summary>
public static class TuningSplit
{
    /// <summary>Whether the document with this id belongs to the tuning half (else to the test half).</summary>
    public static bool IsTuning(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(id), hash);
        return hash[0] < 128;
    }
}
