using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Moa.Hub.Web;

namespace Moa.Hub.Audit;

/// <summary>A signed record of the audit chain's head at one moment: entry <see cref="Seq"/> had hash <see cref="Hash"/>.</summary>
public sealed record AuditCheckpoint(long Seq, string Hash, long At, string Signature)
{
    /// <summary>The bytes the signature covers.</summary>
    public static byte[] Payload(long seq, string hash, long at) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"moa-audit-checkpoint\n{seq}\n{hash}\n{at}"));
}

/// <summary>
/// Anchors the audit chain outside the database: after every committed write that added entries, the new head
/// (sequence number and hash) is signed with the hub's ECDSA P-256 key and appended to
/// <c>audit-checkpoints.jsonl</c> in the data folder and written to the hub's log. <c>moa audit verify</c> checks
/// every checkpoint's signature against <c>audit-anchor.pub</c> and that the database still holds each
/// checkpointed entry with the same hash, so deleting the newest entries or rewriting entries with recomputed hashes
/// is detected. The private key (0600) and the checkpoint file live beside the data; a copy of the public key and of
/// the log kept elsewhere is what makes the anchor hold against someone who controls the data folder.
/// </summary>
public sealed class AuditAnchor
{
    public const string CheckpointFile = "audit-checkpoints.jsonl";
    public const string PrivateKeyFile = "audit-anchor.key";
    public const string PublicKeyFile = "audit-anchor.pub";

    private readonly Lock _lock = new();
    private readonly ECDsa _key;
    private readonly string _checkpoints;
    private long _lastSeq;

    public AuditAnchor(string dataDirectory)
    {
        FilePermissions.CreatePrivateDirectory(dataDirectory);
        _checkpoints = Path.Combine(dataDirectory, CheckpointFile);
        var keyPath = Path.Combine(dataDirectory, PrivateKeyFile);
        _key = ECDsa.Create();
        if (File.Exists(keyPath))
        {
            _key.ImportFromPem(File.ReadAllText(keyPath));
        }
        else
        {
            _key.GenerateKey(ECCurve.NamedCurves.nistP256);
            using (var w = new StreamWriter(FilePermissions.CreatePrivateFile(keyPath, FileMode.CreateNew)))
            {
                w.Write(_key.ExportPkcs8PrivateKeyPem());
            }
        }

        var pubPath = Path.Combine(dataDirectory, PublicKeyFile);
        if (!File.Exists(pubPath))
        {
            File.WriteAllText(pubPath, _key.ExportSubjectPublicKeyInfoPem());
        }

        if (File.Exists(_checkpoints))
        {
            _lastSeq = ReadCheckpoints(_checkpoints).Select(c => c.Checkpoint.Seq).DefaultIfEmpty(0).Max();
        }
    }

    /// <summary>Where checkpoints are also written (the hub's log); may be null.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>The public key in PEM (SubjectPublicKeyInfo), for verifying checkpoints elsewhere.</summary>
    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Signs and records a head the database has committed, unless an equal or later one is recorded already.</summary>
    public AuditCheckpoint? Record(long seq, string hash, long at)
    {
        lock (_lock)
        {
            if (seq <= _lastSeq)
            {
                return null;
            }

            var checkpoint = new AuditCheckpoint(seq, hash, at, Convert.ToBase64String(_key.SignData(AuditCheckpoint.Payload(seq, hash, at), HashAlgorithmName.SHA256)));
            var line = JsonSerializer.Serialize(checkpoint, JsonSerializerOptions.Web) + "\n";
            using (var stream = File.Exists(_checkpoints) ? new FileStream(_checkpoints, FileMode.Append, FileAccess.Write, FileShare.Read) : FilePermissions.CreatePrivateFile(_checkpoints, FileMode.Append))
            {
                stream.Write(Encoding.UTF8.GetBytes(line));
                stream.Flush(flushToDisk: true);
            }

            _lastSeq = seq;
            Logger?.LogInformation("audit checkpoint {Checkpoint}", line.TrimEnd());
            return checkpoint;
        }
    }

    /// <summary>Reads a checkpoint file; throws naming the line when one is malformed.</summary>
    public static IReadOnlyList<(int Line, AuditCheckpoint Checkpoint)> ReadCheckpoints(string path)
    {
        var list = new List<(int, AuditCheckpoint)>();
        var n = 0;
        foreach (var text in File.ReadLines(path))
        {
            n++;
            if (text.Length == 0)
            {
                continue;
            }

            try
            {
                var c = JsonSerializer.Deserialize<AuditCheckpoint>(text, JsonSerializerOptions.Web);
                if (c is null || c.Hash is null || c.Signature is null)
                {
                    throw new JsonException("seq, hash, at and signature are required");
                }

                list.Add((n, c));
            }
            catch (JsonException ex)
            {
                throw new MoaException($"{path}: line {n}: not an audit checkpoint ({ex.Message}).", ex);
            }
        }

        return list;
    }

    /// <summary>
    /// Checks a chain against checkpoints: each checkpoint's signature, and that the chain still has each checkpointed
    /// entry with the recorded hash. Run after <see cref="AuditVerifier.Verify"/> has found the chain itself intact.
    /// </summary>
    public static AuditVerification VerifyAgainst(IReadOnlyList<AuditEntry> entries, IReadOnlyList<(int Line, AuditCheckpoint Checkpoint)> checkpoints, string publicKeyPem, string checkpointSource)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(checkpoints);
        using var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(publicKeyPem);
        }
        catch (ArgumentException ex)
        {
            throw new MoaException($"the audit public key is not a PEM public key ({ex.Message}).", ex);
        }

        var bySeq = entries.ToDictionary(e => e.Seq);
        var last = entries.Count == 0 ? 0 : entries[^1].Seq;
        foreach (var (line, c) in checkpoints)
        {
            byte[] sig;
            try
            {
                sig = Convert.FromBase64String(c.Signature);
            }
            catch (FormatException)
            {
                sig = [];
            }

            if (!key.VerifyData(AuditCheckpoint.Payload(c.Seq, c.Hash, c.At), sig, HashAlgorithmName.SHA256))
            {
                return new(false, entries.Count, c.Seq, $"{checkpointSource}: line {line}: the checkpoint's signature does not verify with the hub's public key; the checkpoint file was altered.");
            }

            if (!bySeq.TryGetValue(c.Seq, out var e))
            {
                return new(false, entries.Count, c.Seq,
                    $"{checkpointSource}: line {line}: checkpoint of entry {c.Seq} ({DateTimeOffset.FromUnixTimeMilliseconds(c.At):yyyy-MM-dd HH:mm:ss}Z) but the log ends at entry {last}; the newest entries were deleted.");
            }

            if (!string.Equals(e.Hash, c.Hash, StringComparison.Ordinal))
            {
                return new(false, entries.Count, c.Seq,
                    $"{checkpointSource}: line {line}: entry {c.Seq} hashes to {Short(e.Hash)} but was checkpointed as {Short(c.Hash)}; entries up to {c.Seq} were rewritten and their hashes recomputed.");
            }
        }

        var anchored = checkpoints.Count == 0 ? 0 : checkpoints.Max(c => c.Checkpoint.Seq);
        var tail = last - anchored;
        return new(true, entries.Count, null,
            $"{entries.Count} entries, chain intact, {checkpoints.Count} signed checkpoint(s) match (anchored up to entry {anchored}{(tail > 0 ? $"; the last {tail} entr{(tail == 1 ? "y is" : "ies are")} not yet anchored" : "")}).");
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;
}
