using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;

namespace Moa.Hub.Audit;

/// <summary>One audit entry: who did what to which subject, chained to the previous entry by hash.</summary>
public sealed class AuditEntry
{
    public long Seq { get; set; }

    /// <summary>Unix milliseconds (UTC).</summary>
    public long At { get; set; }

    public string Actor { get; set; } = "";

    public string Action { get; set; } = "";

    public string Subject { get; set; } = "";

    /// <summary>JSON object with the details.</summary>
    public string Detail { get; set; } = "{}";

    public string PrevHash { get; set; } = "";

    public string Hash { get; set; } = "";
}

/// <summary>
/// The append-only, hash-chained audit log: entry <c>n</c> stores SHA-256 over entry <c>n-1</c>'s hash and its own
/// canonical fields, so changing, removing or reordering any entry breaks every hash after it.
/// </summary>
public static class AuditLog
{
    /// <summary>The previous hash of the first entry.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// Appends an entry inside the caller's write transaction (so the change and its record commit together).
    /// Callers must hold the database's write lock (<see cref="Storage.HubDatabase.WriteAsync{T}"/>).
    /// </summary>
    public static async Task<AuditEntry> AppendAsync(DbConnection conn, DbTransaction tx, long at, string actor, string action, string subject, object? detail = null)
    {
        ArgumentNullException.ThrowIfNull(conn);
        var last = await conn.QueryFirstOrDefaultAsync<AuditEntry>(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", transaction: tx).ConfigureAwait(false);
        var entry = new AuditEntry
        {
            Seq = (last?.Seq ?? 0) + 1,
            At = at,
            Actor = actor,
            Action = action,
            Subject = subject,
            Detail = detail is null ? "{}" : detail as string ?? JsonSerializer.Serialize(detail),
            PrevHash = last?.Hash ?? GenesisHash,
        };
        entry.Hash = ComputeHash(entry);
        await conn.ExecuteAsync(
            "INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev_hash, hash) VALUES (@Seq, @At, @Actor, @Action, @Subject, @Detail, @PrevHash, @Hash)",
            entry, tx).ConfigureAwait(false);
        return entry;
    }

    /// <summary>SHA-256 (lower-case hex) over the previous hash and the entry's fields, each length-prefixed so fields cannot run together.</summary>
    public static string ComputeHash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var sb = new StringBuilder(256);
        Append(sb, entry.PrevHash);
        Append(sb, entry.Seq.ToString(CultureInfo.InvariantCulture));
        Append(sb, entry.At.ToString(CultureInfo.InvariantCulture));
        Append(sb, entry.Actor);
        Append(sb, entry.Action);
        Append(sb, entry.Subject);
        Append(sb, entry.Detail);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));

        static void Append(StringBuilder sb, string value) => sb.Append(value.Length).Append(':').Append(value).Append('\n');
    }

    /// <summary>Reads the whole chain in order.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> ReadAllAsync(DbConnection conn, long afterSeq = 0, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(conn);
        var rows = await conn.QueryAsync<AuditEntry>(
            "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit_log WHERE seq > @afterSeq ORDER BY seq LIMIT @limit",
            new { afterSeq, limit = (long)limit }).ConfigureAwait(false);
        return rows.AsList();
    }
}

/// <summary>The result of checking a chain: fine, or the first entry that breaks it and why.</summary>
public sealed record AuditVerification(bool Ok, long Entries, long? BrokenSeq, string Message);

/// <summary>Checks a chain offline: sequence without gaps, each previous hash equal to the entry before, each hash recomputed.</summary>
public static class AuditVerifier
{
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var prevHash = AuditLog.GenesisHash;
        long expectedSeq = 1, count = 0;
        foreach (var e in entries)
        {
            count++;
            var where = $"entry {e.Seq} ({DateTimeOffset.FromUnixTimeMilliseconds(e.At):yyyy-MM-dd HH:mm:ss}Z, {e.Action} {e.Subject} by {e.Actor})";
            if (e.Seq != expectedSeq)
            {
                return new(false, count, e.Seq, $"{where}: expected sequence number {expectedSeq}; entries are missing or reordered.");
            }

            if (!string.Equals(e.PrevHash, prevHash, StringComparison.Ordinal))
            {
                return new(false, count, e.Seq, $"{where}: its previous-hash {Short(e.PrevHash)} does not match entry {e.Seq - 1}'s hash {Short(prevHash)}; an earlier entry was changed or removed.");
            }

            var computed = AuditLog.ComputeHash(e);
            if (!string.Equals(computed, e.Hash, StringComparison.Ordinal))
            {
                return new(false, count, e.Seq, $"{where}: stored hash {Short(e.Hash)} but its contents hash to {Short(computed)}; this entry was altered.");
            }

            prevHash = e.Hash;
            expectedSeq++;
        }

        return new(true, count, null, $"{count} entries, chain intact (last hash {Short(prevHash)}).");
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;
}
