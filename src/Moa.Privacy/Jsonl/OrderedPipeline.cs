using System.Buffers;
using Moa.Documents.Jsonl;

namespace Moa.Privacy.Jsonl;

/// <summary>
/// Runs a function over the blocks of a <see cref="JsonlChunks"/> on several threads (the caller's among them) and
/// writes the results in block order: whichever thread finishes the next block due writes it and every later one
/// already done, so no thread sits waiting on another while work is left. Output is the same for any thread count,
/// and when blocks fail, the error of the earliest one is thrown after every block before it was written.
/// </summary>
internal sealed class OrderedPipeline<T>(JsonlChunks chunks, Func<JsonlChunk, T> work, Action<T> write, int threads) : IDisposable
{
    private readonly Lock _readLock = new();
    private readonly Lock _writeLock = new();
    private readonly Dictionary<long, T> _done = [];
    private readonly SemaphoreSlim _window = new(threads * 4);
    private long _nextRead;
    private long _nextWrite;
    private long _failedAt = long.MaxValue;
    private volatile Exception? _error;

    public void Run()
    {
        if (threads <= 1)
        {
            while (chunks.TryRead(out var chunk))
            {
                write(Process(chunk));
            }

            return;
        }

        var helpers = new Task[threads - 1];
        for (var i = 0; i < helpers.Length; i++)
        {
            helpers[i] = Task.Factory.StartNew(Loop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        Loop();
        Task.WaitAll(helpers);
        if (_error is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_error);
        }
    }

    private void Loop()
    {
        while (true)
        {
            // Bounds the results held for a slow earlier block.
            _window.Wait();
            long sequence;
            JsonlChunk chunk;
            lock (_readLock)
            {
                if (_error is not null || !TryRead(out chunk))
                {
                    _window.Release();
                    return;
                }

                sequence = _nextRead++;
            }

            T result;
            try
            {
                result = Process(chunk);
            }
            catch (Exception ex)
            {
                Fail(sequence, ex);
                _window.Release();
                return;
            }

            Deliver(sequence, result);
        }
    }

    private bool TryRead(out JsonlChunk chunk)
    {
        try
        {
            return chunks.TryRead(out chunk);
        }
        catch (Exception ex)
        {
            Fail(_nextRead, ex);
            chunk = default;
            return false;
        }
    }

    private T Process(JsonlChunk chunk)
    {
        try
        {
            return work(chunk);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk.Buffer);
        }
    }

    private void Deliver(long sequence, T result)
    {
        lock (_writeLock)
        {
            _done.Add(sequence, result);
            while (_nextWrite < _failedAt && _done.Remove(_nextWrite, out var ready))
            {
                try
                {
                    write(ready);
                }
                catch (Exception ex)
                {
                    FailLocked(_nextWrite, ex);
                    return;
                }
                finally
                {
                    _window.Release();
                }

                _nextWrite++;
            }
        }
    }

    private void Fail(long sequence, Exception ex)
    {
        lock (_writeLock)
        {
            FailLocked(sequence, ex);
        }
    }

    private void FailLocked(long sequence, Exception ex)
    {
        if (sequence < _failedAt)
        {
            // The first failure wakes every thread waiting for room, so they see it and stop.
            if (_error is null)
            {
                _window.Release(threads);
            }

            _failedAt = sequence;
            _error = ex;
        }
    }

    public void Dispose() => _window.Dispose();
}
