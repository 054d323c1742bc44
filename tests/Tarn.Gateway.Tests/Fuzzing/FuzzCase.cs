using System.Net;
using System.Text;

namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>What the oracle demands of a case beyond the rules every answer obeys.</summary>
internal enum Demand
{
    /// <summary>Only the general rules (no 5xx, an answer, S3 XML errors, routing by the raw path).</summary>
    None,

    /// <summary>
    /// The request carries no valid proof of identity (a mutated, expired or missing signature, a corrupted
    /// signed body): never 2xx/3xx, and its <see cref="FuzzCase.Probes"/> must find nothing changed.
    /// </summary>
    Refusal,
}

/// <summary>One generated request with what is known about it: who signed it, how it was broken, what it must not change.</summary>
internal sealed class FuzzCase
{
    public required int Iteration { get; init; }

    /// <summary>The generator's name for what was done, e.g. <c>sigv4-header/flip-signature</c>.</summary>
    public required string Family { get; init; }

    public required RawHttpRequest Request { get; init; }

    /// <summary>The key the request was signed with (correctly or not); null when unsigned.</summary>
    public FuzzKey? Key { get; init; }

    /// <summary>The loopback address to send from (distinct clients are throttled apart); null for the default.</summary>
    public IPAddress? LocalAddress { get; set; }

    public Demand Demand { get; set; }

    /// <summary>The signature is valid as the AWS documentation computes it: a SignatureDoesNotMatch is a defect.</summary>
    public bool SignedCorrectly { get; set; }

    /// <summary>State the request must leave as it was (checked right after it).</summary>
    public List<StateProbe> Probes { get; } = [];

    /// <summary>Whether the sentinel repository is to be checked right after this request.</summary>
    public bool MayReachSentinels { get; set; }

    public string Describe()
    {
        var text = new StringBuilder();
        text.Append("iteration ").Append(Iteration).Append(", ").Append(Family);
        text.Append(", key ").Append(Key is null ? "none" : $"{Key.Role} {Key.AccessKeyId}");
        if (LocalAddress is not null)
        {
            text.Append(", from ").Append(LocalAddress);
        }

        text.Append(Demand == Demand.Refusal ? ", must be refused" : "").Append(SignedCorrectly ? ", signed correctly" : "");
        text.Append('\n').Append(Request.Describe());
        return text.ToString();
    }
}

/// <summary>A piece of server state a case must not change.</summary>
internal abstract record StateProbe;

/// <summary>No object at the path: a refused write must not have created it.</summary>
internal sealed record ObjectAbsent(string Repository, string Branch, string Path) : StateProbe;

/// <summary>The object is still there with the same checksum: a refused delete or overwrite must not have touched it.</summary>
internal sealed record ObjectUnchanged(string Repository, string Branch, string Path, string Checksum) : StateProbe;

/// <summary>The open upload still exists with the same parts: a refused part, complete or abort must not have touched it.</summary>
internal sealed record UploadUnchanged(GuardedUpload Upload) : StateProbe;

/// <summary>An open multipart upload that only refused requests name.</summary>
internal sealed record GuardedUpload(string UploadId, string Repository, string Branch, string Path, string PartsFingerprint);
