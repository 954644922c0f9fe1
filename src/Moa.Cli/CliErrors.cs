namespace Moa.Cli;

/// <summary>Turns user errors into one clear line on stderr and a non-zero exit code; bugs still crash loudly.</summary>
internal static class CliErrors
{
    /// <summary>Exit code for a user error (bad input, bad config, unwritable output).</summary>
    public const int UserError = 2;

    public static int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (MoaException ex)
        {
            return Report(ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            return Report($"permission denied: {ex.Message}");
        }
        catch (OperationCanceledException)
        {
            return Report("cancelled.");
        }
    }

    /// <summary>Prints <c>moa: error: MESSAGE</c> to stderr and returns <see cref="UserError"/>.</summary>
    public static int Report(string message)
    {
        Console.Error.WriteLine($"moa: error: {message}");
        return UserError;
    }
}
