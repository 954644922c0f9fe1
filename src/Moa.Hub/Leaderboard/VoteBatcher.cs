using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Dapper;
using Moa.Hub.Storage;

namespace Moa.Hub.Leaderboard;

/// <summary>A vote waiting for the group commit: the row to insert and the caller's completion (true = inserted, false = conflict).</summary>
internal sealed record PendingVote(long PhaseId, long PromptId, long OrganisationA, long OrganisationB, long VoterId, long Seq, string Outcome, int? RatingA, int? RatingB, long Now)
{
    public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The vote queue is full: the caller should retry after <see cref="VoteBatcher.RetryAfterSeconds"/> (503, never 500).</summary>
public sealed class VoteQueueFullException : MoaException
{
    public VoteQueueFullException()
        : base($"the hub is receiving more votes than it can store right now; send the vote again in {VoteBatcher.RetryAfterSeconds} s.")
    {
    }

    public VoteQueueFullException(string message) : base(message)
    {
    }

    public VoteQueueFullException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>
/// Group commit for battle votes: callers put a vote into a bounded queue and await its own result; one writer loop takes
/// the first waiting vote, gathers what else arrives within <see cref="Window"/> (up to <see cref="MaxBatch"/> votes) and
/// inserts them all in one transaction of the hub's single writer. Each insert is <c>ON CONFLICT DO NOTHING</c>, so a
/// vote that repeats a battle (unique phase, voter, battle number) fails only its own caller (409) and the rest of the
/// batch commits (one multi-row insert). A full queue refuses at once (<see cref="VoteQueueFullException"/>: 503 with Retry-After).
/// </summary>
public sealed class VoteBatcher : IAsyncDisposable
{
    /// <summary>What a refused caller is told to wait, in seconds.</summary>
    public const int RetryAfterSeconds = 1;

    private readonly HubDatabase _db;
    private readonly Channel<PendingVote> _queue;
    private readonly Task _loop;
    private long _batches;
    private long _votes;

    /// <param name="db">The hub database (its single writer commits each batch).</param>
    /// <param name="capacity">Votes that may wait; more are refused (503).</param>
    /// <param name="maxBatch">Most votes per transaction.</param>
    /// <param name="window">How long the writer waits for more votes after the first of a batch.</param>
    internal VoteBatcher(HubDatabase db, int capacity = 4096, int maxBatch = 256, TimeSpan? window = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _db = db;
        MaxBatch = maxBatch;
        Window = window ?? TimeSpan.FromMilliseconds(2);
        _queue = Channel.CreateBounded<PendingVote>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        // The writer loop has its own thread: under load it must not queue behind the requests' work items for every
        // step of a commit (SQLite's calls complete synchronously, so a commit runs on this thread from start to end).
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _loop = done.Task;
        new Thread(() =>
        {
            try
            {
                Run();
            }
            finally
            {
                done.SetResult();
            }
        })
        { IsBackground = true, Name = "moa-vote-writer" }.Start();
    }

    /// <summary>Most votes per transaction.</summary>
    public int MaxBatch { get; }

    /// <summary>How long the writer gathers more votes after the first of a batch.</summary>
    public TimeSpan Window { get; }

    /// <summary>Transactions committed so far.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Votes handled so far (inserted or refused as repeats).</summary>
    public long Votes => Interlocked.Read(ref _votes);

    /// <summary>Queues a vote; the task completes when its batch commits (true = stored, false = that battle was voted already).</summary>
    internal Task<bool> SubmitAsync(PendingVote vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        if (!_queue.Writer.TryWrite(vote))
        {
            throw new VoteQueueFullException();
        }

        return vote.Done.Task;
    }

    private void Run()
    {
        var batch = new List<PendingVote>(MaxBatch);
        var reader = _queue.Reader;
        try
        {
            while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                batch.Clear();
                while (batch.Count < MaxBatch && reader.TryRead(out var v))
                {
                    batch.Add(v);
                }

                // Gather what arrives within the window (a vote rarely comes alone under load); the wait is this thread's
                // own (no timer callback that could queue behind requests).
                var started = Stopwatch.GetTimestamp();
                while (batch.Count < MaxBatch)
                {
                    var left = Window - Stopwatch.GetElapsedTime(started);
                    var more = reader.WaitToReadAsync().AsTask();
                    if (left <= TimeSpan.Zero || !more.Wait(left) || !more.Result)
                    {
                        break;
                    }

                    while (batch.Count < MaxBatch && reader.TryRead(out var v))
                    {
                        batch.Add(v);
                    }
                }

                CommitAsync(batch).GetAwaiter().GetResult();
            }
        }
        finally
        {
            foreach (var v in batch)
            {
                v.Done.TrySetException(new VoteQueueFullException("the hub is stopping; send the vote again."));
            }

            while (reader.TryRead(out var v))
            {
                v.Done.TrySetException(new VoteQueueFullException("the hub is stopping; send the vote again."));
            }
        }
    }

    private async Task CommitAsync(List<PendingVote> batch)
    {
        try
        {
            var (sql, parameters) = InsertStatement(batch);
            var stored = await _db.WriteAsync(async (conn, tx) =>
                (await conn.QueryAsync<(long PhaseId, long VoterId, long Seq)>(sql, parameters, tx).ConfigureAwait(false)).ToHashSet()).ConfigureAwait(false);
            var inserted = new bool[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                // A key the insert returned belongs to the first vote of the batch with that key; a repeat gets false.
                inserted[i] = stored.Remove((batch[i].PhaseId, batch[i].VoterId, batch[i].Seq));
            }

            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _votes, batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(inserted[i]);
            }
        }
#pragma warning disable CA1031 // Every caller of the failed batch gets the failure; the writer loop keeps running.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var v in batch)
            {
                v.Done.TrySetException(ex);
            }
        }

        batch.Clear();
    }

    /// <summary>
    /// One multi-row insert for the batch (SQLite and PostgreSQL alike): rows of a phase that is no longer open are not
    /// inserted, a repeated battle (unique phase, voter, battle number) is skipped, and the inserted keys come back.
    /// </summary>
    private static (string Sql, DynamicParameters Parameters) InsertStatement(List<PendingVote> batch)
    {
        var sql = new StringBuilder(
            "INSERT INTO lb_battles (phase_id, prompt_id, organisation_a, organisation_b, voter_id, battle_seq, outcome, rating_a, rating_b, created_at, voted_at) "
            + "SELECT v.column1, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9, v.column10, v.column10 FROM (VALUES ");
        var parameters = new DynamicParameters();
        parameters.Add("open", PhaseStates.Open);
        for (var i = 0; i < batch.Count; i++)
        {
            var v = batch[i];
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture,
                $"(CAST(@p{i} AS BIGINT), CAST(@q{i} AS BIGINT), CAST(@a{i} AS BIGINT), CAST(@b{i} AS BIGINT), CAST(@u{i} AS BIGINT), CAST(@s{i} AS BIGINT), @o{i}, CAST(@ra{i} AS INTEGER), CAST(@rb{i} AS INTEGER), CAST(@t{i} AS BIGINT))");
            parameters.Add($"p{i}", v.PhaseId);
            parameters.Add($"q{i}", v.PromptId);
            parameters.Add($"a{i}", v.OrganisationA);
            parameters.Add($"b{i}", v.OrganisationB);
            parameters.Add($"u{i}", v.VoterId);
            parameters.Add($"s{i}", v.Seq);
            parameters.Add($"o{i}", v.Outcome);
            parameters.Add($"ra{i}", v.RatingA, DbType.Int32);
            parameters.Add($"rb{i}", v.RatingB, DbType.Int32);
            parameters.Add($"t{i}", v.Now);
        }

        sql.Append(") AS v WHERE EXISTS (SELECT 1 FROM lb_phases WHERE id = v.column1 AND state = @open) ON CONFLICT DO NOTHING RETURNING phase_id, voter_id, battle_seq");
        return (sql.ToString(), parameters);
    }

    /// <summary>Takes no more votes, commits those waiting, and stops the writer loop.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }
}
