namespace Tarn.Load.Api;

/// <summary>A request the server answered with an unexpected status; the message names the operation, not the object, so failures group well.</summary>
internal sealed class LoadRequestException : Exception
{
    public LoadRequestException(string operation, int status, string detail)
        : base($"{operation}: HTTP {status} {detail}".TrimEnd())
    {
        Status = status;
    }

    public LoadRequestException()
    {
    }

    public LoadRequestException(string message)
        : base(message)
    {
    }

    public LoadRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Status { get; }
}
