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
        var command = new Command("serve", "Run the hub: intake, agreements, governed catalogue and downloads, audit log.");
        command.Options.Add(db);
        command.Options.Add(urls);
        command.Options.Add(data);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var spec = parse.GetValue(db)!;
            var dataDir = parse.GetValue(data)
                ?? (spec.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? Path.GetDirectoryName(Path.GetFullPath(spec["sqlite:".Length..])) : null)
                ?? Path.GetFullPath("data");
            using var signals = CliSignals.Listen();
            Run(spec, parse.GetValue(urls)!, dataDir, signals.Token).GetAwaiter().GetResult();
            return 0;
        }));
        return command;
    }

    private static async Task Run(string spec, string urls, string dataDir, CancellationToken token)
    {
        await using var database = await HubBootstrap.OpenAsync(spec).ConfigureAwait(false);
        await HubBootstrap.ServeAsync(database, new HubOptions { DataDirectory = dataDir }, urls, Console.Out, token).ConfigureAwait(false);
    }
}
