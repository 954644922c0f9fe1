using System.Data.Common;
using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Moa.Hub.Storage;

/// <summary>Which SQL engine the hub runs on; migrations and a few statements differ per dialect.</summary>
public enum SqlDialect
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The hub's database: opens connections for either SQLite (embedded default) or PostgreSQL (production),
/// applies the versioned SQL migrations of its dialect, and serialises writes within the process.
/// </summary>
public sealed class HubDatabase : IAsyncDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly NpgsqlDataSource? _npgsql;
    private readonly string _connectionString;

    static HubDatabase()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    private HubDatabase(SqlDialect dialect, string connectionString, string description)
    {
        Dialect = dialect;
        _connectionString = connectionString;
        Description = description;
        if (dialect == SqlDialect.Postgres)
        {
            _npgsql = NpgsqlDataSource.Create(connectionString);
        }
    }

    /// <summary>The SQL dialect of this database.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>Where the data lives, without secrets (for logs).</summary>
    public string Description { get; }

    /// <summary>The SQLite file, or null for PostgreSQL.</summary>
    public string? SqlitePath { get; private init; }

    /// <summary>Signs the audit head after every committed write that appended entries (set when the hub serves).</summary>
    public Audit.AuditAnchor? Anchor { get; set; }

    /// <summary>
    /// Parses <c>sqlite:PATH</c> or <c>postgres:CONNSTRING</c> (e.g. <c>postgres:Host=127.0.0.1;Username=moa;Password=...;Database=moa</c>).
    /// </summary>
    public static HubDatabase Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = Path.GetFullPath(spec["sqlite:".Length..]);
            var dir = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }

            var cs = new SqliteConnectionStringBuilder { DataSource = path, Cache = SqliteCacheMode.Private, Pooling = true }.ToString();
            return new HubDatabase(SqlDialect.Sqlite, cs, "sqlite:" + path) { SqlitePath = path };
        }

        if (spec.StartsWith("postgres:", StringComparison.OrdinalIgnoreCase) || spec.StartsWith("postgresql:", StringComparison.OrdinalIgnoreCase))
        {
            var cs = spec[(spec.IndexOf(':', StringComparison.Ordinal) + 1)..];
            NpgsqlConnectionStringBuilder builder;
            try
            {
                builder = new NpgsqlConnectionStringBuilder(cs);
            }
            catch (ArgumentException ex)
            {
                throw new MoaException($"--db: the PostgreSQL connection string is malformed ({ex.Message}). Expected postgres:Host=...;Username=...;Password=...;Database=...", ex);
            }

            return new HubDatabase(SqlDialect.Postgres, cs, $"postgres:{builder.Host}:{builder.Port}/{builder.Database}");
        }

        throw new MoaException($"--db: '{spec}' is not understood. Use sqlite:PATH (e.g. sqlite:data/hub.db) or postgres:CONNSTRING.");
    }

    /// <summary>Opens a connection (SQLite connections get WAL, a busy timeout and foreign keys).</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_npgsql is not null)
        {
            return await _npgsql.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        var conn = new SqliteConnection(_connectionString);
        await conn.OpenAsync(cancellationToken).ConfigureAwait(false);
        await conn.ExecuteAsync("PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL;").ConfigureAwait(false);
        return conn;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, one writer at a time in this process
    /// (SQLite allows one writer; the audit chain needs appends in order).
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var conn = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (Dialect == SqlDialect.Postgres)
            {
                // Serialises writers across processes sharing one PostgreSQL database.
                await conn.ExecuteAsync("SELECT pg_advisory_xact_lock(7277)", transaction: tx).ConfigureAwait(false);
            }

            var result = await work(conn, tx).ConfigureAwait(false);
            var head = Anchor is null ? null
                : await conn.QueryFirstOrDefaultAsync<Audit.AuditEntry>("SELECT seq, at, hash FROM audit_log ORDER BY seq DESC LIMIT 1", transaction: tx).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            if (head is not null)
            {
                Anchor!.Record(head.Seq, head.Hash, head.At);
            }

            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Applies every migration of this dialect not yet recorded in <c>schema_migrations</c>; returns how many ran.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var conn = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (Dialect == SqlDialect.Sqlite)
        {
            await conn.ExecuteAsync("PRAGMA journal_mode=WAL;").ConfigureAwait(false);
        }

        await conn.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)").ConfigureAwait(false);
        var applied = (await conn.QueryAsync<long>("SELECT version FROM schema_migrations").ConfigureAwait(false)).ToHashSet();
        var ran = 0;
        foreach (var (version, name, sql) in Migrations(Dialect))
        {
            if (applied.Contains(version))
            {
                continue;
            }

            await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (Dialect == SqlDialect.Postgres)
            {
                await conn.ExecuteAsync("SELECT pg_advisory_xact_lock(7278)", transaction: tx).ConfigureAwait(false);
                var already = await conn.ExecuteScalarAsync<long?>("SELECT version FROM schema_migrations WHERE version = @version", new { version }, tx).ConfigureAwait(false);
                if (already is not null)
                {
                    await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            await conn.ExecuteAsync(sql, transaction: tx).ConfigureAwait(false);
            await conn.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)",
                new { version, name, at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
                tx).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            ran++;
        }

        if (SqlitePath is not null && !OperatingSystem.IsWindows())
        {
            // The database holds password hashes and the audit log: readable by the hub's OS user only (SQLite gives
            // its -wal and -shm files the main file's permissions).
            foreach (var file in new[] { SqlitePath, SqlitePath + "-wal", SqlitePath + "-shm" })
            {
                Web.FilePermissions.RestrictFile(file);
            }
        }

        return ran;
    }

    /// <summary>The embedded migrations of a dialect, ordered by version (file names <c>NNNN_name.sql</c>).</summary>
    internal static IReadOnlyList<(long Version, string Name, string Sql)> Migrations(SqlDialect dialect)
    {
        var asm = typeof(HubDatabase).Assembly;
        var prefix = $"Moa.Hub.Storage.Migrations.{dialect.ToString().ToLowerInvariant()}.";
        var list = new List<(long, string, string)>();
        foreach (var res in asm.GetManifestResourceNames())
        {
            if (!res.StartsWith(prefix, StringComparison.Ordinal) || !res.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var file = res[prefix.Length..^4];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            var version = long.Parse(file.AsSpan(0, underscore), System.Globalization.CultureInfo.InvariantCulture);
            list.Add((version, file[(underscore + 1)..], ReadResource(asm, res)));
        }

        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return list;
    }

    private static string ReadResource(Assembly asm, string name)
    {
        using var stream = asm.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public async ValueTask DisposeAsync()
    {
        if (_npgsql is not null)
        {
            await _npgsql.DisposeAsync().ConfigureAwait(false);
        }

        _writeLock.Dispose();
    }
}
