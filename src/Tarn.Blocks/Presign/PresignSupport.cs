using Tarn.Core;

namespace Tarn.Blocks.Presign;

/// <summary>
/// Whether <c>presign=true</c> can be honoured: the adapter says so in <see cref="BlockstoreDescription.PreSignSupport"/>.
/// Requests for presigned URLs from an adapter without support are a 400 (docs/objects.md, "Presigned URLs").
/// </summary>
public static class PresignSupport
{
    /// <summary>lakeFS's error text for the case.</summary>
    public const string NotSupportedMessage = "operation not supported";

    public static bool IsSupported(IBlockAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        return adapter.Description.PreSignSupport;
    }

    /// <summary>Throws <see cref="ErrorKind.InvalidArgument"/> unless <paramref name="adapter"/> can presign.</summary>
    public static void Require(IBlockAdapter adapter)
    {
        if (!IsSupported(adapter))
        {
            throw TarnException.Invalid($"{NotSupportedMessage}: the '{adapter.Description.BlockstoreType}' block store cannot presign URLs");
        }
    }
}
