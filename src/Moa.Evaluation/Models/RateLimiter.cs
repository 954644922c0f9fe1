using System.Diagnostics;

namespace Moa.Evaluation.Models;

/// <summary>Spaces request starts at most <c>rate</c> per second (a leaky bucket with no burst); a rate of 0 means no limit.</summary>
public sealed class RateLimiter
{
    private readonly long _intervalTicks;
    private readonly Lock _gate = new();
    private long _next;

    public RateLimiter(double requestsPerSecond)
    {
        _intervalTicks = requestsPerSecond > 0 ? (long)(Stopwatch.Frequency / requestsPerSecond) : 0;
    }

    public ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (_intervalTicks == 0)
        {
            return ValueTask.CompletedTask;
        }

        long slot;
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            slot = Math.Max(now, _next);
            _next = slot + _intervalTicks;
        }

        var wait = Stopwatch.GetElapsedTime(now, slot);
        return wait <= TimeSpan.Zero ? ValueTask.CompletedTask : new ValueTask(Task.Delay(wait, cancellationToken));
    }
}
