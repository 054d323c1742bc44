namespace Tarn.Gateway.S3.Errors;

/// <summary>An S3 error code with its HTTP status and default message, as clients see them in the XML body.</summary>
public sealed record S3Error(string Code, int Status, string Message)
{
    /// <summary>The same error with a more specific message.</summary>
    public S3Error WithMessage(string message) => this with { Message = message };
}
