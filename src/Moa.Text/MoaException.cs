namespace Moa;

/// <summary>
/// A problem with the user's input or environment, with a message a person can act on
/// (which file, line or field, what was expected, what to do). The CLI prints the message
/// without a stack trace and exits non-zero; anything else is a bug and crashes loudly.
/// </summary>
public class MoaException : Exception
{
    public MoaException()
    {
    }

    public MoaException(string message) : base(message)
    {
    }

    public MoaException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
