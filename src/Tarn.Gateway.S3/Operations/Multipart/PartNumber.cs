using System.Globalization;
using Tarn.Gateway.S3.Errors;

namespace Tarn.Gateway.S3.Operations.Multipart;

/// <summary>The <c>partNumber</c> query parameter: an integer from 1 to 10000, else 400 <c>InvalidArgument</c>.</summary>
public static class PartNumber
{
    public const int Max = 10_000;

    public static int Parse(string? text)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number is < 1 or > Max)
        {
            throw new S3ErrorException(S3Errors.InvalidArgument, $"Part number must be an integer between 1 and {Max}, inclusive");
        }

        return number;
    }
}
