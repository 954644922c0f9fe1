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
        var verify = new Command("verify", "Recompute the audit chain; exit 0 when intact, 1 and the first broken entry when not.");
        verify.Options.Add(db);
        verify.Options.Add(file);
        verify.SetAction(parse => CliErrors.Guard(() =>
        {
            var result = VerifyAsync(parse.GetValue(db), parse.GetValue(file)).GetAwaiter().GetResult();
            Console.Out.WriteLine(result.Ok ? $"audit: ok — {result.Message}" : $"audit: BROKEN at entry {result.BrokenSeq} — {result.Message}");
            return result.Ok ? 0 : 1;
        }));
        var command = new Command("audit", "Work with the hub's audit log.");
        command.Subcommands.Add(verify);
        return command;
    }

    internal static async Task<AuditVerification> VerifyAsync(string? dbSpec, string? file)
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

            return AuditVerifier.Verify(entries);
        }

        await using var database = await HubBootstrap.OpenAsync(dbSpec!).ConfigureAwait(false);
        await using var conn = await database.OpenAsync().ConfigureAwait(false);
        return AuditVerifier.Verify(await AuditLog.ReadAllAsync(conn).ConfigureAwait(false));
    }
}
