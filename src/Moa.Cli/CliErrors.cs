namespace Moa.Cli;

/// <summary>
/// Turns user errors into one clear line on stderr and a non-zero exit code. A bug (any other exception) is reported in
/// two lines that say it is one and where its stack trace was written; users see no stack trace unless they ask for it
/// with <c>MOA_DEBUG=1</c>.
/// </summary>
internal static class CliErrors
{
    /// <summary>Exit code for a user error (bad input, bad config, unwritable output).</summary>
    public const int UserError = 2;

    /// <summary>Exit code for a bug in moa (BSD's EX_SOFTWARE).</summary>
    public const int InternalError = 70;

    public static int Guard(Func<int> action) => Guard(action, Console.Error);

    internal static int Guard(Func<int> action, TextWriter error)
    {
        try
        {
            return action();
        }
        catch (MoaException ex)
        {
            return Report(ex.Message, error);
        }
        catch (UnauthorizedAccessException ex)
        {
            return Report($"permission denied: {ex.Message}", error);
        }
        catch (OperationCanceledException)
        {
            return Report("cancelled.", error);
        }
        catch (IOException ex)
        {
            // (A full disk, a file another process holds, a path that vanished mid-run: the system's words name the file.)
            return Report($"input/output error: {ex.Message}", error);
        }
        catch (Exception ex)
        {
            return ReportBug(ex, error);
        }
    }

    /// <summary>Prints <c>moa: error: MESSAGE</c> to stderr and returns <see cref="UserError"/>.</summary>
    public static int Report(string message) => Report(message, Console.Error);

    private static int Report(string message, TextWriter error)
    {
        error.WriteLine($"moa: error: {message}");
        return UserError;
    }

    /// <summary>
    /// Reports an exception no command expected: its type and message, and the file its stack trace went to (or the trace
    /// itself under <c>MOA_DEBUG=1</c>), so that a report to the maintainers can carry it.
    /// </summary>
    private static int ReportBug(Exception ex, TextWriter error)
    {
        error.WriteLine($"moa: internal error: {ex.GetType().Name}: {ex.Message}");
        if (Environment.GetEnvironmentVariable("MOA_DEBUG") is "1" or "true")
        {
            error.WriteLine(ex.ToString());
            return InternalError;
        }

        string where;
        try
        {
            var path = Path.Combine(Path.GetTempPath(), $"moa-crash-{DateTime.UtcNow:yyyyMMdd'T'HHmmss}-{Environment.ProcessId}.txt");
            File.WriteAllText(path, $"moa {typeof(CliErrors).Assembly.GetName().Version}\n{Environment.CommandLine}\n\n{ex}\n");
            where = $"its details are in {path}";
        }
        catch (Exception writeFailed) when (writeFailed is IOException or UnauthorizedAccessException)
        {
            where = "set MOA_DEBUG=1 to print its details";
        }

        error.WriteLine($"moa: this is a bug in moa, not in your input; {where}. Please report it with the command you ran.");
        return InternalError;
    }
}
