using System.Diagnostics;
using System.Globalization;
using Moa.Curation.Pipeline;

namespace Moa.Cli.Curate;

/// <summary>
/// Shows curation progress on stderr: a redrawn bar with documents/s, MB/s and ETA on a terminal, a plain line
/// every few seconds otherwise (logs, CI).
/// </summary>
internal sealed class CurationProgressView : IProgress<CurationProgress>, IDisposable
{
    private readonly bool _quiet;
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private string _phase = string.Empty;
    private TimeSpan _phaseStart;
    private TimeSpan? _last;
    private bool _drawn;

    public CurationProgressView(bool quiet) => _quiet = quiet;

    public void Report(CurationProgress value)
    {
        if (_quiet)
        {
            return;
        }

        lock (_lock)
        {
            var now = _clock.Elapsed;
            if (value.Phase != _phase)
            {
                _phase = value.Phase;
                _phaseStart = now;
                _last = null;
            }

            var interval = _terminal ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(5);
            if (_last is { } last && now - last < interval)
            {
                return;
            }

            _last = now;
            var elapsed = Math.Max(0.001, (now - _phaseStart).TotalSeconds);
            var fraction = value.TotalBytes > 0 ? Math.Clamp(value.Bytes / (double)value.TotalBytes, 0, 1) : 0;
            var docsPerSecond = value.Documents / elapsed;
            var eta = fraction > 0.01 ? TimeSpan.FromSeconds(elapsed * (1 - fraction) / fraction) : (TimeSpan?)null;
            var rate = value.Phase == "map" ? $" {value.Bytes / elapsed / 1e6,7:0.0} MB/s" : string.Empty;
            var line = string.Create(CultureInfo.InvariantCulture, $"{value.Phase,-6} {Bar(fraction)} {fraction,6:P1} {value.Documents,12:N0} docs {docsPerSecond,10:N0} docs/s{rate} ETA {(eta is { } e ? e.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : "--:--:--")}");
            if (_terminal)
            {
                Console.Error.Write("\r" + line);
                _drawn = true;
            }
            else
            {
                Console.Error.WriteLine(line);
            }
        }
    }

    /// <summary>Ends the redrawn line.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (_drawn)
            {
                Console.Error.WriteLine();
                _drawn = false;
            }
        }
    }

    public void Dispose() => Finish();

    private static string Bar(double fraction)
    {
        const int width = 24;
        var filled = (int)Math.Round(fraction * width);
        return "[" + new string('#', filled) + new string('.', width - filled) + "]";
    }
}
