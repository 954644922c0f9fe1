using System.Diagnostics;
using System.Text;

namespace Moa.Cli.Tests;

/// <summary>Runs the real <c>moa</c> CLI as a separate process.</summary>
internal static class MoaProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "moa.dll");

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["MOA_HOME"] = TestPaths.RepoRoot;
        return info;
    }

    /// <summary>Runs to the end (at most two minutes) and returns exit code, stdout and stderr.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var p = Process.Start(StartInfo(args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("moa " + string.Join(' ', args) + " did not finish in two minutes");
        }

        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
