using System.Diagnostics;
using Dapper;

namespace Moa.Hub.Tests.Integration;

/// <summary>The `moa serve` and `moa audit verify` verbs, run as processes of the built CLI.</summary>
public class CliTests
{
    [Fact]
    public async Task AuditVerify_TamperedDatabase_NamesFirstBrokenEntryAndExits1()
    {
        var dir = TestPaths.NewTempDir();
        var spec = "sqlite:" + Path.Combine(dir, "hub.db");
        await using (var db = await HubBootstrap.OpenAsync(spec))
        {
            var accounts = new Moa.Hub.Accounts.AccountService(db, TimeProvider.System, new HubOptions { DataDirectory = dir });
            await accounts.EnsureOperatorAsync("op@moa.test", "a-long-operator-password");
            await HubBootstrap.RegisterDatasetAsync(db, Infrastructure.CurateFolder.Create(Path.Combine(dir, "c"), parts: 1, perPart: 5), "d", "D", "CC0-1.0");
        }

        var (code, output) = await MoaCli.RunAsync("audit", "verify", "--db", spec);
        code.ShouldBe(0, output);
        output.ShouldContain("3 entries, chain intact");

        await using (var db = await HubBootstrap.OpenAsync(spec))
        await using (var conn = await db.OpenAsync())
        {
            // An attacker with database access drops the guard and edits entry 2.
            await conn.ExecuteAsync("DROP TRIGGER audit_log_no_update");
            await conn.ExecuteAsync("UPDATE audit_log SET detail = '{\"name\":\"other\"}' WHERE seq = 2");
        }

        (code, output) = await MoaCli.RunAsync("audit", "verify", "--db", spec);
        code.ShouldBe(1);
        output.ShouldContain("BROKEN at entry 2");
        output.ShouldContain("dataset.created");
    }

    [Fact]
    public async Task Serve_FirstStart_PrintsGeneratedOperatorPasswordOnceAndServes()
    {
        var dir = TestPaths.NewTempDir();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "moa.dll"), "serve", "--db", "sqlite:" + Path.Combine(dir, "hub.db"), "--urls", "http://127.0.0.1:0" })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["MOA_OPERATOR_PASSWORD"] = "";
        using var p = Process.Start(psi)!;
        try
        {
            string? url = null, password = null;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (url is null && DateTime.UtcNow < deadline)
            {
                var line = await p.StandardOutput.ReadLineAsync() ?? throw new ShouldAssertException("moa serve exited: " + await p.StandardError.ReadToEndAsync());
                if (line.Contains("with password ", StringComparison.Ordinal))
                {
                    password = line.Split("with password ")[1].Split(' ')[0];
                }

                if (line.StartsWith("moa hub: serving", StringComparison.Ordinal))
                {
                    url = line[(line.LastIndexOf(" at ", StringComparison.Ordinal) + 4)..];
                }
            }

            password.ShouldNotBeNullOrEmpty();
            url.ShouldNotBeNull();
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            (await http.GetStringAsync("/api/health")).ShouldContain("sqlite");
            var token = await http.PostAsync("/api/auth/token", new StringContent($"{{\"email\":\"operator@moa.local\",\"password\":\"{password}\",\"name\":\"t\"}}", System.Text.Encoding.UTF8, "application/json"));
            token.IsSuccessStatusCode.ShouldBeTrue();
        }
        finally
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
    }
}
