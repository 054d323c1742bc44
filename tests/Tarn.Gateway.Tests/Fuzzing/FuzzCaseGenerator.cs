namespace Tarn.Gateway.Tests.Fuzzing;

/// <summary>The prefixes of case families, as they appear in reports.</summary>
internal static class CaseFamilies
{
    public const string Writer = "writer/";
    public const string Signature = "bad-signature/";
    public const string Body = "bad-body/";
    public const string Xml = "bad-xml/";
    public const string Anonymous = "anonymous/";
    public const string FallThroughPrefix = "fall-through/";
    public const string Limits = "limits/";
    public const string Smuggling = "smuggling/";
}

/// <summary>
/// Makes case <c>i</c> of a seed: its random source depends only on the seed and <c>i</c>, so any case can be
/// made again alone, and the same seed gives the same requests in every run (signatures aside, which carry
/// the time).
/// </summary>
internal sealed class FuzzCaseGenerator(int seed, FuzzTargets targets)
{
    public FuzzCase Create(int iteration)
    {
        var c = new CaseContext(iteration, new Random(CaseSeed(seed, iteration)), targets);
        var roll = c.Random.Next(100);
        return roll switch
        {
            < 38 => Writer(c),
            < 68 => BadSignature(c),
            < 80 => BadBody(c),
            < 86 => BadXml(c),
            < 91 => Anonymous(c),
            < 96 => FallThrough(c),
            < 98 => Limits(c),
            _ => Smuggling(c),
        };
    }

    /// <summary>A well-mixed 32-bit seed for one case (SplitMix64's finaliser over seed and iteration).</summary>
    public static int CaseSeed(int seed, int iteration)
    {
        var z = ((ulong)(uint)seed << 32 | (uint)iteration) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)(z ^ (z >> 31));
    }

    private static FuzzCase Writer(CaseContext c)
    {
        var (request, name) = WriterRequests.Any(c);
        var style = WriterSigning.Sign(c, request);
        return new FuzzCase
        {
            Iteration = c.Iteration,
            Family = CaseFamilies.Writer + name + "/" + style,
            Request = request,
            Key = c.Targets.Writer,
            SignedCorrectly = true,
            MayReachSentinels = TouchesSentinels(request),
        };
    }

    private static FuzzCase BadSignature(CaseContext c)
    {
        var refusable = RefusableRequests.Any(c);
        var (attacker, address) = c.AttackerSlot();
        var (request, mutation) = SignatureMutations.Any(c, refusable.Request, attacker);
        var fuzzCase = new FuzzCase
        {
            Iteration = c.Iteration,
            Family = CaseFamilies.Signature + refusable.Name + "/" + mutation,
            Request = request,
            Key = attacker,
            LocalAddress = address,
            Demand = Demand.Refusal,
        };
        fuzzCase.Probes.AddRange(refusable.Probes);
        return fuzzCase;
    }

    private static FuzzCase BadBody(CaseContext c)
    {
        var (request, name, probes) = BodyMutations.Any(c);
        var fuzzCase = new FuzzCase
        {
            Iteration = c.Iteration,
            Family = CaseFamilies.Body + name,
            Request = request,
            Key = c.Targets.Writer,
            Demand = Demand.Refusal,
        };
        fuzzCase.Probes.AddRange(probes);
        return fuzzCase;
    }

    private static FuzzCase BadXml(CaseContext c)
    {
        var (request, name, probes) = XmlCases.Any(c);
        SigV4Signer.SignHeader(request, c.Targets.Writer, new SigV4Options { Time = c.Now });
        var fuzzCase = new FuzzCase
        {
            Iteration = c.Iteration,
            Family = CaseFamilies.Xml + name,
            Request = request,
            Key = c.Targets.Writer,
            Demand = Demand.Refusal,
            SignedCorrectly = true,
        };
        fuzzCase.Probes.AddRange(probes);
        return fuzzCase;
    }

    private static FuzzCase Anonymous(CaseContext c)
    {
        var (request, name, probes) = UnsignedRequests.Anonymous(c);
        var fuzzCase = new FuzzCase { Iteration = c.Iteration, Family = CaseFamilies.Anonymous + name, Request = request, Demand = Demand.Refusal };
        fuzzCase.Probes.AddRange(probes);
        return fuzzCase;
    }

    private static FuzzCase FallThrough(CaseContext c)
    {
        var (request, name) = UnsignedRequests.FallThrough(c);
        return new FuzzCase
        {
            Iteration = c.Iteration,
            Family = CaseFamilies.FallThroughPrefix + name,
            Request = request,
            MayReachSentinels = true,
        };
    }

    private static FuzzCase Limits(CaseContext c)
    {
        var (request, name, signed) = LimitRequests.Any(c);
        if (signed)
        {
            SigV4Signer.SignHeader(request, c.Targets.Writer, new SigV4Options { Time = c.Now });
        }

        return new FuzzCase
        {
            Iteration = c.Iteration,
            Family = CaseFamilies.Limits + name,
            Request = request,
            Key = signed ? c.Targets.Writer : null,
            SignedCorrectly = signed,
            MayReachSentinels = TouchesSentinels(request),
        };
    }

    private static FuzzCase Smuggling(CaseContext c)
    {
        var (request, name, probes) = SmugglingRequests.Any(c);
        var fuzzCase = new FuzzCase
        {
            Iteration = c.Iteration,
            Family = CaseFamilies.Smuggling + name,
            Request = request,
            Key = name == "after-aws-chunked-end" ? c.Targets.Writer : c.AttackerSlot().Key,
            LocalAddress = c.AttackerSlot().Address,
        };
        fuzzCase.Probes.AddRange(probes);
        return fuzzCase;
    }

    private static bool TouchesSentinels(RawHttpRequest request) =>
        request.Target.Contains(FuzzTargets.SentinelRepository, StringComparison.Ordinal)
        || (request.Header("Host") ?? "").Contains(FuzzTargets.SentinelRepository, StringComparison.Ordinal)
        || DotSegments.Contains(request.RawPath);
}
