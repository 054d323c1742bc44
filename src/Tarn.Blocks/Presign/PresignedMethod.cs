namespace Tarn.Blocks.Presign;

/// <summary>What a presigned URL lets its holder do; the signature binds it, so a GET URL cannot be used to PUT.</summary>
public enum PresignedMethod
{
    /// <summary>Read the object (HTTP GET, with an optional Range).</summary>
    Get,

    /// <summary>Write the object (HTTP PUT of the whole body): staging uploads.</summary>
    Put,
}
