using System.Runtime.InteropServices;

namespace Moa.Cli;

/// <summary>The one way a long-running verb (hub, reference model, quickstart) stops: SIGINT and SIGTERM cancel a token.</summary>
internal sealed class CliSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _sigint;
    private readonly PosixSignalRegistration _sigterm;

    private CliSignals()
    {
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    }

    /// <summary>Cancelled on the first SIGINT (Ctrl+C) or SIGTERM; the process then shuts down cleanly instead of dying.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Starts listening for SIGINT and SIGTERM until disposed.</summary>
    public static CliSignals Listen() => new();

    public void Dispose()
    {
        _sigint.Dispose();
        _sigterm.Dispose();
        _stop.Dispose();
    }

    private void Stop(PosixSignalContext signal)
    {
        signal.Cancel = true;
        _stop.Cancel();
    }
}
