using Tarn.Auth.Secrets;
using Tarn.Core;

namespace Tarn.Auth.Tests;

public sealed class SecretCipherTests
{
    private readonly SecretCipher _cipher = new("master-one");

    [Fact]
    public void A_sealed_secret_opens_with_the_same_master_secret_and_key_id()
    {
        var sealedSecret = _cipher.Encrypt("AKIAEXAMPLE", "s3cr3t/+=");

        Assert.Equal("s3cr3t/+=", new SecretCipher("master-one").Decrypt("AKIAEXAMPLE", sealedSecret));
        Assert.Equal(SecretCipher.CurrentVersion, sealedSecret[0]);
    }

    [Fact]
    public void Each_sealing_uses_a_fresh_nonce()
    {
        var first = _cipher.Encrypt("AKIAEXAMPLE", "same");
        var second = _cipher.Encrypt("AKIAEXAMPLE", "same");

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Any_flipped_byte_is_detected()
    {
        var sealedSecret = _cipher.Encrypt("AKIAEXAMPLE", "secret");
        for (var i = 0; i < sealedSecret.Length; i++)
        {
            var tampered = sealedSecret.ToArray();
            tampered[i] ^= 0x01;

            var error = Assert.Throws<TarnException>(() => _cipher.Decrypt("AKIAEXAMPLE", tampered));
            Assert.Equal(ErrorKind.Internal, error.Kind);
        }
    }

    [Fact]
    public void A_sealed_secret_cannot_be_moved_to_another_key_id()
    {
        var sealedSecret = _cipher.Encrypt("AKIAEXAMPLE", "secret");

        Assert.Throws<TarnException>(() => _cipher.Decrypt("AKIAOTHER", sealedSecret));
    }

    [Fact]
    public void Another_master_secret_cannot_open_it_and_says_why()
    {
        var sealedSecret = _cipher.Encrypt("AKIAEXAMPLE", "secret");

        var error = Assert.Throws<TarnException>(() => new SecretCipher("master-two").Decrypt("AKIAEXAMPLE", sealedSecret));
        Assert.Contains("auth.encrypt.secret_key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_records_are_refused()
    {
        Assert.Throws<TarnException>(() => _cipher.Decrypt("AKIAEXAMPLE", [SecretCipher.CurrentVersion, 1, 2, 3]));
    }
}
