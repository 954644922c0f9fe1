using Moa.Hub.Accounts;
using Moa.Hub.Catalogue;
using Moa.Hub.Storage;
using Moa.Hub.Web;

namespace Moa.Hub;

/// <summary>Entry points for the CLI and scripts: open and migrate a database, register curate outputs and benchmarks, serve.</summary>
public static class HubBootstrap
{
    /// <summary>Opens <c>sqlite:PATH</c> or <c>postgres:CONNSTRING</c> and applies pending migrations.</summary>
    public static async Task<HubDatabase> OpenAsync(string dbSpec)
    {
        var db = HubDatabase.Parse(dbSpec);
        try
        {
            await db.MigrateAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or Microsoft.Data.Sqlite.SqliteException)
        {
            await db.DisposeAsync().ConfigureAwait(false);
            throw new MoaException($"--db {db.Description}: cannot open or migrate the database ({ex.Message}).", ex);
        }

        return db;
    }

    /// <summary>Registers a <c>moa curate</c> output folder as a dataset (a new version when its files changed). Audited as <c>system</c>.</summary>
    public static Task<DatasetVersion> RegisterDatasetAsync(HubDatabase db, string curateOutputDir, string slug, string name, string licence, string description = "") =>
        new CatalogueService(db, TimeProvider.System).RegisterAsync(null, curateOutputDir, slug, name, licence, description, null);

    /// <summary>Registers a benchmark folder (<c>benchmark.yaml</c> + <c>items.jsonl</c>). Audited as <c>system</c>.</summary>
    public static Task<BenchmarkEntry> RegisterBenchmarkAsync(HubDatabase db, string benchmarkDir, string slug) =>
        new CatalogueService(db, TimeProvider.System).RegisterBenchmarkAsync(null, benchmarkDir, slug);

    /// <summary>
    /// Creates the first operator if none exists (password from <c>MOA_OPERATOR_PASSWORD</c>, else generated and printed once
    /// to <paramref name="output"/>), then serves the hub on <paramref name="urls"/> until <paramref name="cancellationToken"/> fires.
    /// </summary>
    public static async Task ServeAsync(HubDatabase db, HubOptions options, string urls, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        // Anchor the audit chain from the first write on, and record the head as it is now (entries written offline included).
        db.Anchor ??= new Audit.AuditAnchor(options.DataDirectory);
        await using (var conn = await db.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            var head = await Dapper.SqlMapper.QueryFirstOrDefaultAsync<Audit.AuditEntry>(conn, "SELECT seq, at, hash FROM audit_log ORDER BY seq DESC LIMIT 1").ConfigureAwait(false);
            if (head is not null)
            {
                db.Anchor.Record(head.Seq, head.Hash, head.At);
            }
        }

        var accounts = new AccountService(db, TimeProvider.System, options);
        var email = Environment.GetEnvironmentVariable("MOA_OPERATOR_EMAIL") ?? "operator@moa.local";
        var (created, generated) = await accounts.EnsureOperatorAsync(email, Environment.GetEnvironmentVariable("MOA_OPERATOR_PASSWORD")).ConfigureAwait(false);
        if (created)
        {
            await output.WriteLineAsync(generated is null
                ? $"moa hub: created operator {email} with the password from MOA_OPERATOR_PASSWORD."
                : $"moa hub: created operator {email} with password {generated} (shown once; change it after signing in: POST /api/me/password).").ConfigureAwait(false);
        }

        await using var app = HubApp.Build(db, options, urls);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            throw new MoaException($"--urls {urls}: the address is already in use; stop the other server or choose another port.", ex);
        }

        foreach (var url in app.Urls)
        {
            await output.WriteLineAsync($"moa hub: serving {db.Description} at {url}").ConfigureAwait(false);
        }

        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
