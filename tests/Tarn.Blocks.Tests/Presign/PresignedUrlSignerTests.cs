using System.Reflection;
using System.Reflection.Emit;
using System.Web;
using Tarn.Blocks.Presign;
using Tarn.Core;

namespace Tarn.Blocks.Tests.Presign;

public sealed class PresignedUrlSignerTests
{
    private const string Address = "local:///data/lakefs/r1/data/gabc/c d/ü";
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(Now);
    private readonly PresignedUrlSigner _signer;

    public PresignedUrlSignerTests() => _signer = new PresignedUrlSigner(PresignedUrlSigner.DeriveKey("master secret"), _clock);

    [Fact]
    public void A_signed_url_verifies_for_its_method_and_yields_the_address()
    {
        var url = _signer.Sign(PresignedMethod.Get, Address, TimeSpan.FromMinutes(15));
        var (token, expires, signature) = Parts(url);

        var verdict = _signer.Verify(PresignedMethod.Get, token, expires, signature);

        Assert.True(verdict.IsValid);
        Assert.Equal(Address, verdict.PhysicalAddress);
        Assert.Equal(Now.AddMinutes(15), url.ExpiresAt);
        Assert.StartsWith(PresignedUrlSigner.PathPrefix, url.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("http://127.0.0.1:8000" + url.PathAndQuery, url.Under("http://127.0.0.1:8000/"));
    }

    [Fact]
    public void The_url_needs_no_escaping()
    {
        var url = _signer.Sign(PresignedMethod.Put, Address, TimeSpan.FromMinutes(1));

        Assert.All(url.PathAndQuery, c => Assert.True(char.IsAsciiLetterOrDigit(c) || "-_/?=&".Contains(c), $"'{c}' needs escaping"));
    }

    [Fact]
    public void A_url_for_one_method_is_refused_for_the_other()
    {
        var (token, expires, signature) = Parts(_signer.Sign(PresignedMethod.Get, Address, TimeSpan.FromMinutes(1)));

        Assert.Equal(PresignedUrlStatus.BadSignature, _signer.Verify(PresignedMethod.Put, token, expires, signature).Status);
    }

    [Fact]
    public void Changing_the_address_is_detected()
    {
        var (_, expires, signature) = Parts(_signer.Sign(PresignedMethod.Get, Address, TimeSpan.FromMinutes(1)));
        var (otherToken, _, _) = Parts(_signer.Sign(PresignedMethod.Get, Address + "x", TimeSpan.FromMinutes(1)));

        var verdict = _signer.Verify(PresignedMethod.Get, otherToken, expires, signature);

        Assert.Equal(PresignedUrlStatus.BadSignature, verdict.Status);
        Assert.Null(verdict.PhysicalAddress);
    }

    [Fact]
    public void Extending_the_expiry_is_detected()
    {
        var (token, expires, signature) = Parts(_signer.Sign(PresignedMethod.Get, Address, TimeSpan.FromMinutes(1)));
        var later = (long.Parse(expires, System.Globalization.CultureInfo.InvariantCulture) + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(PresignedUrlStatus.BadSignature, _signer.Verify(PresignedMethod.Get, token, later, signature).Status);
        Assert.Equal(PresignedUrlStatus.BadSignature, _signer.Verify(PresignedMethod.Get, token, "0" + expires, signature).Status);
    }

    [Fact]
    public void Changing_any_character_of_the_signature_is_detected()
    {
        var (token, expires, signature) = Parts(_signer.Sign(PresignedMethod.Get, Address, TimeSpan.FromMinutes(1)));

        for (var i = 0; i < signature.Length; i++)
        {
            var flipped = signature[..i] + (signature[i] == 'A' ? 'B' : 'A') + signature[(i + 1)..];
            Assert.Equal(PresignedUrlStatus.BadSignature, _signer.Verify(PresignedMethod.Get, token, expires, flipped).Status);
        }

        Assert.Equal(PresignedUrlStatus.BadSignature, _signer.Verify(PresignedMethod.Get, token, expires, signature[..^1]).Status);
    }

    [Fact]
    public void A_url_signed_with_another_key_is_refused()
    {
        var other = new PresignedUrlSigner(PresignedUrlSigner.DeriveKey("another secret"), _clock);
        var (token, expires, signature) = Parts(other.Sign(PresignedMethod.Get, Address, TimeSpan.FromMinutes(1)));

        Assert.Equal(PresignedUrlStatus.BadSignature, _signer.Verify(PresignedMethod.Get, token, expires, signature).Status);
    }

    [Fact]
    public void A_url_works_through_its_last_second_and_then_expires()
    {
        var (token, expires, signature) = Parts(_signer.Sign(PresignedMethod.Get, Address, TimeSpan.FromSeconds(60)));

        _clock.Advance(TimeSpan.FromSeconds(60.9));
        Assert.True(_signer.Verify(PresignedMethod.Get, token, expires, signature).IsValid);

        _clock.Advance(TimeSpan.FromSeconds(0.2));
        var verdict = _signer.Verify(PresignedMethod.Get, token, expires, signature);
        Assert.Equal(PresignedUrlStatus.Expired, verdict.Status);
        Assert.Null(verdict.PhysicalAddress);
    }

    [Theory]
    [InlineData(null, "1", "s")]
    [InlineData("", "1", "s")]
    [InlineData("dG9rZW4", null, "s")]
    [InlineData("dG9rZW4", "-5", "s")]
    [InlineData("dG9rZW4", "1e3", "s")]
    [InlineData("dG9rZW4", "1", null)]
    [InlineData("dG9rZW4", "1", "")]
    [InlineData("not base64!", "1", "s")]
    [InlineData("dG9rZW4=", "1", "s")] // padded: not the form the signer issues
    [InlineData("//79", "1", "s")] // not UTF-8
    public void Malformed_parts_are_refused_before_any_signature_check(string? token, string? expires, string? signature) =>
        Assert.Equal(PresignedUrlStatus.Malformed, _signer.Verify(PresignedMethod.Get, token, expires, signature).Status);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(7 * 24 * 3600 + 1)]
    public void Lifetimes_outside_one_second_to_seven_days_are_refused(int seconds) =>
        Assert.Equal(ErrorKind.InvalidArgument, Assert.Throws<TarnException>(() => _signer.Sign(PresignedMethod.Get, Address, TimeSpan.FromSeconds(seconds))).Kind);

    [Fact]
    public void Short_keys_are_refused_and_derived_keys_are_stable_per_secret()
    {
        Assert.Throws<ArgumentException>(() => new PresignedUrlSigner(new byte[16], _clock));
        Assert.Equal(PresignedUrlSigner.DeriveKey("s"), PresignedUrlSigner.DeriveKey("s"));
        Assert.NotEqual(PresignedUrlSigner.DeriveKey("s"), PresignedUrlSigner.DeriveKey("t"));
    }

    [Fact]
    public void Signatures_are_compared_in_constant_time()
    {
        // The comparison is a call in Verify's IL: it must be Secret.EqualsConstantTime, and no ordinary
        // string or span equality may appear there instead.
        var verify = typeof(PresignedUrlSigner).GetMethod(nameof(PresignedUrlSigner.Verify))!;
        var called = CalledMethods(verify).ToList();

        Assert.Contains(called, m => m.DeclaringType == typeof(Secret) && m.Name == nameof(Secret.EqualsConstantTime));
        Assert.DoesNotContain(called, m => m.DeclaringType == typeof(string) && m.Name is "Equals" or "op_Equality" or "CompareOrdinal");
        Assert.DoesNotContain(called, m => m.Name is "SequenceEqual");
    }

    private static (string Token, string Expires, string Signature) Parts(PresignedUrl url)
    {
        var uri = new Uri("http://h" + url.PathAndQuery);
        var query = HttpUtility.ParseQueryString(uri.Query);
        return (uri.AbsolutePath[PresignedUrlSigner.PathPrefix.Length..], query[PresignedUrlSigner.ExpiresParameter]!, query[PresignedUrlSigner.SignatureParameter]!);
    }

    private static IEnumerable<MethodBase> CalledMethods(MethodInfo method)
    {
        var il = method.GetMethodBody()!.GetILAsByteArray()!;
        var call = OpCodes.Call.Value;
        var callVirt = OpCodes.Callvirt.Value;
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] != call && il[i] != callVirt)
            {
                continue;
            }

            MethodBase? target = null;
            try
            {
                target = method.Module.ResolveMethod(BitConverter.ToInt32(il, i + 1));
            }
            catch (ArgumentException)
            {
                // Not a call instruction after all, just a byte with the same value.
            }

            if (target is not null)
            {
                yield return target;
            }
        }
    }
}
