using System.CommandLine;
using System.Text.Json;
using Moa.Hub;
using Moa.Hub.Audit;

namespace Moa.Cli.Audit;

/// <summary><c>moa audit verify</c>: checks the hub's hash-chained audit log offline and names the first broken entry.</summary>
internal static class AuditCommand
{
    internal static Command Create()
    {
        var db = new Option<string?>("--db") { Description = "sqlite:PATH or postgres:CONNSTRING of the hub database" };
        var file = new Option<string?>("--file") { Description = "an audit export (JSON lines from GET /api/audit/export) instead of a database" };
        var checkpoints = new Option<string?>("--checkpoints")
        {
            Description = "signed checkpoints of the chain's head (default: audit-checkpoints.jsonl in --data-dir, or beside the SQLite file)",
        };
        var publicKey = new Option<string?>("--public-key") { Description = "the hub's audit public key (default: audit-anchor.pub beside the checkpoints); keep a copy off the server" };
        var dataDir = new Option<string?>("--data-dir") { Description = "the hub's data folder, where serve writes the checkpoints and keys" };
        var verify = new Command("verify", "Recompute the audit chain and check it against the signed checkpoints; exit 0 when intact, 1 and the first broken entry when not.");
        verify.Options.Add(db);
        verify.Options.Add(file);
        verify.Options.Add(checkpoints);
        verify.Options.Add(publicKey);
        verify.Options.Add(dataDir);
        verify.SetAction(parse => CliErrors.Guard(() =>
        {
            var result = VerifyAsync(parse.GetValue(db), parse.GetValue(file), parse.GetValue(checkpoints), parse.GetValue(publicKey), parse.GetValue(dataDir), Console.Out).GetAwaiter().GetResult();
            Console.Out.WriteLine(result.Ok ? $"audit: ok — {result.Message}" : $"audit: BROKEN at entry {result.BrokenSeq} — {result.Message}");
            return result.Ok ? 0 : 1;
        }));
        var command = new Command("audit", "Work with the hub's audit log.");
        command.Subcommands.Add(verify);
        return command;
    }

    internal static async Task<AuditVerification> VerifyAsync(string? dbSpec, string? file, string? checkpoints, string? publicKey, string? dataDir, TextWriter output)
    {
        var entries = await ReadEntriesAsync(dbSpec, file).ConfigureAwait(false);
        var chain = AuditVerifier.Verify(entries);
        if (!chain.Ok)
        {
            return chain;
        }

        dataDir ??= dbSpec is not null && dbSpec.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? Path.GetDirectoryName(Path.GetFullPath(dbSpec["sqlite:".Length..])) : null;
        checkpoints ??= dataDir is null ? null : Path.Combine(dataDir, AuditAnchor.CheckpointFile);
        if (checkpoints is null || !File.Exists(checkpoints))
        {
            if (checkpoints is not null && (file is null || dataDir is not null))
            {
                await output.WriteLineAsync($"audit: warning — no checkpoint file at {checkpoints}; the chain is verified on its own, so deleting the newest entries or rewriting the whole chain would not be detected.").ConfigureAwait(false);
            }

            return chain;
        }

        publicKey ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(checkpoints))!, AuditAnchor.PublicKeyFile);
        if (!File.Exists(publicKey))
        {
            throw new MoaException($"{publicKey}: no such file; give the hub's audit public key with --public-key.");
        }

        return AuditAnchor.VerifyAgainst(entries, AuditAnchor.ReadCheckpoints(checkpoints), await File.ReadAllTextAsync(publicKey).ConfigureAwait(false), checkpoints);
    }

    private static async Task<IReadOnlyList<AuditEntry>> ReadEntriesAsync(string? dbSpec, string? file)
    {
        if ((dbSpec is null) == (file is null))
        {
            throw new MoaException("audit verify: give exactly one of --db sqlite:PATH|postgres:CONNSTRING or --file EXPORT.jsonl.");
        }

        if (file is not null)
        {
            if (!File.Exists(file))
            {
                throw new MoaException($"{file}: no such file.");
            }

            var entries = new List<AuditEntry>();
            var line = 0;
            foreach (var text in File.ReadLines(file))
            {
                line++;
                if (text.Length == 0)
                {
                    continue;
                }

                try
                {
                    entries.Add(JsonSerializer.Deserialize<AuditEntry>(text, JsonSerializerOptions.Web) ?? throw new JsonException("null"));
                }
                catch (JsonException ex)
                {
                    throw new MoaException($"{file}: line {line}: not an audit entry ({ex.Message}).", ex);
                }
            }

            return entries;
        }

        await using var database = await HubBootstrap.OpenAsync(dbSpec!).ConfigureAwait(false);
        await using var conn = await database.OpenAsync().ConfigureAwait(false);
        return await AuditLog.ReadAllAsync(conn).ConfigureAwait(false);
    }
}
