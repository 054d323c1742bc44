using Microsoft.AspNetCore.Http;
using Tarn.Gateway.S3.Errors;
using Tarn.Gateway.S3.Routing;

namespace Tarn.Gateway.S3.Operations.Objects;

/// <summary>
/// GET's <c>response-*</c> query parameters, which replace response headers (S3 allows them on signed
/// requests only, and every gateway request is signed). Presigned download links use them to name the
/// downloaded file (<c>response-content-disposition</c>) or fix its type.
/// </summary>
internal static class ResponseOverrides
{
    private static readonly (string Parameter, string Header)[] Table =
    [
        ("response-content-type", "Content-Type"),
        ("response-content-language", "Content-Language"),
        ("response-expires", "Expires"),
        ("response-cache-control", "Cache-Control"),
        ("response-content-disposition", "Content-Disposition"),
        ("response-content-encoding", "Content-Encoding"),
    ];

    /// <summary>Sets the headers the query asks for; a value that cannot be a header is 400 <c>InvalidArgument</c>.</summary>
    public static void Apply(S3Query query, HttpResponse response)
    {
        foreach (var (parameter, header) in Table)
        {
            if (query.Get(parameter) is not { } value)
            {
                continue;
            }

            if (!value.All(c => c is >= ' ' and <= '~' or '\t'))
            {
                throw new S3ErrorException(S3Errors.InvalidArgument, $"The {parameter} value cannot be sent as a header.");
            }

            response.Headers[header] = value;
        }
    }
}
