using Tarn.Auth.Authentication;
using Tarn.Auth.Secrets;
using Tarn.Core;

namespace Tarn.Auth.Tests;

public sealed class SecretVerifierTests
{
    private readonly SecretCipher _cipher = new("master-one");

    [Fact]
    public void Accepts_the_sealed_secret_and_only_it_every_time()
    {
        var verifier = new SecretVerifier(_cipher);
        var sealedSecret = _cipher.Encrypt("AKIAEXAMPLE", "right-secret");

        for (var i = 0; i < 3; i++)
        {
            Assert.True(verifier.Matches("AKIAEXAMPLE", sealedSecret, "right-secret"));
            Assert.False(verifier.Matches("AKIAEXAMPLE", sealedSecret, "wrong-secret"));
            Assert.False(verifier.Matches("AKIAEXAMPLE", sealedSecret, "right-secret "));
            Assert.False(verifier.Matches("AKIAEXAMPLE", sealedSecret, ""));
        }
    }

    [Fact]
    public void A_new_sealed_secret_for_the_same_key_is_checked_on_its_own()
    {
        var verifier = new SecretVerifier(_cipher);
        var first = _cipher.Encrypt("AKIAEXAMPLE", "first-secret");
        Assert.True(verifier.Matches("AKIAEXAMPLE", first, "first-secret"));

        var second = _cipher.Encrypt("AKIAEXAMPLE", "second-secret");
        Assert.True(verifier.Matches("AKIAEXAMPLE", second, "second-secret"));
        Assert.False(verifier.Matches("AKIAEXAMPLE", second, "first-secret"));
    }

    [Fact]
    public void A_secret_sealed_for_another_key_id_is_refused_as_undecryptable()
    {
        var verifier = new SecretVerifier(_cipher);
        var sealedSecret = _cipher.Encrypt("AKIAOTHER", "secret");
        Assert.Throws<TarnException>(() => verifier.Matches("AKIAEXAMPLE", sealedSecret, "secret"));
    }
}
