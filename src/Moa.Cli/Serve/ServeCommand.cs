using System.CommandLine;
using Moa.Hub;

namespace Moa.Cli.Serve;

/// <summary><c>moa serve</c>: runs the hub (web pages and REST API) over SQLite or PostgreSQL.</summary>
internal static class ServeCommand
{
    internal static Command Create()
    {
        var db = new Option<string>("--db") { Description = "sqlite:PATH (default sqlite:data/hub.db) or postgres:CONNSTRING", DefaultValueFactory = _ => "sqlite:data/hub.db" };
        var urls = new Option<string>("--urls") { Description = "where to listen, e.g. http://127.0.0.1:5080", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var data = new Option<string?>("--data-dir") { Description = "folder for uploads and the link-signing key (default: beside the SQLite file, else ./data)" };
        var https = new Option<bool>("--https") { Description = "the hub is reached over HTTPS (directly or through a TLS proxy): Secure cookies and Strict-Transport-Security" };
        var proxies = new Option<string[]>("--trusted-proxy")
        {
            Description = "address of a reverse proxy whose X-Forwarded-For/-Proto headers are trusted (repeatable)",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("serve", "Run the hub: intake, agreements, governed catalogue and downloads, audit log.");
        command.Options.Add(db);
        command.Options.Add(urls);
        command.Options.Add(data);
        command.Options.Add(https);
        command.Options.Add(proxies);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var spec = parse.GetValue(db)!;
            var dataDir = parse.GetValue(data)
                ?? (spec.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? Path.GetDirectoryName(Path.GetFullPath(spec["sqlite:".Length..])) : null)
                ?? Path.GetFullPath("data");
            using var signals = CliSignals.Listen();
            var options = new HubOptions { DataDirectory = dataDir, Https = parse.GetValue(https) };
            options.SecureCookies = options.Https;
            foreach (var p in parse.GetValue(proxies) ?? [])
            {
                options.TrustedProxies.Add(System.Net.IPAddress.TryParse(p, out var ip) ? ip : throw new MoaException($"--trusted-proxy: '{p}' is not an IP address."));
            }

            Run(spec, parse.GetValue(urls)!, options, signals.Token).GetAwaiter().GetResult();
            return 0;
        }));
        return command;
    }

    private static async Task Run(string spec, string urls, HubOptions options, CancellationToken token)
    {
        await using var database = await HubBootstrap.OpenAsync(spec).ConfigureAwait(false);
        await HubBootstrap.ServeAsync(database, options, urls, Console.Out, token).ConfigureAwait(false);
    }
}
