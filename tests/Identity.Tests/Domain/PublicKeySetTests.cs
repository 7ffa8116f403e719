using System.Buffers.Text;
using System.Security.Cryptography;
using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Tests.Domain;

public sealed class PublicKeySetTests
{
    [Theory]
    [InlineData("AQID", 3)]        // 01 02 03
    [InlineData("_-8", 2)]         // ff ef
    [InlineData("AQ", 1)]
    public void Reads_canonical_base64url_without_padding(string text, int length)
    {
        Assert.True(KeyEncoding.TryDecode(text, 16, out var bytes));
        Assert.Equal(length, bytes.Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AQ==")]     // padding
    [InlineData("AR")]       // stray low bits: a second spelling of "AQ"
    [InlineData("A")]        // no whole byte
    [InlineData("/+8")]      // standard base64 alphabet
    [InlineData("AQ ID")]    // whitespace
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAA")] // 17 bytes, over the limit of 16
    public void Refuses_any_other_spelling(string? text) =>
        Assert.False(KeyEncoding.TryDecode(text, 16, out _));

    [Fact]
    public void A_real_key_set_parses_and_its_key_id_is_the_truncated_sha256_of_both_points()
    {
        using var agreement = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        using var signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        byte[] a = [0x04, .. agreement.ExportParameters(false).Q.X!, .. agreement.ExportParameters(false).Q.Y!];
        byte[] s = [0x04, .. signing.ExportParameters(false).Q.X!, .. signing.ExportParameters(false).Q.Y!];
        var keyId = Base64Url.EncodeToString(SHA256.HashData([.. a, .. s]).AsSpan(0, 16));

        var keys = PublicKeySet.Parse(keyId, Base64Url.EncodeToString(a), Base64Url.EncodeToString(s));

        Assert.Equal(22, keys.KeyId.Length);
        Assert.Equal(a, keys.AgreementKey);
        Assert.Equal(s, keys.SigningKey);
        Assert.Throws<ArgumentException>(() => PublicKeySet.Parse(keyId, Base64Url.EncodeToString(s), Base64Url.EncodeToString(a)));
    }

    [Fact]
    public void Points_off_the_curve_or_out_of_range_are_not_public_keys()
    {
        byte[] offCurve = [0x04, .. Enumerable.Repeat((byte)0x01, 64)];
        byte[] outOfRange = [0x04, .. Enumerable.Repeat((byte)0xff, 64)];
        byte[] compressed = [0x02, .. Enumerable.Repeat((byte)0x01, 32)];

        Assert.False(PublicKeySet.IsPublicKey(Base64Url.EncodeToString(offCurve)));
        Assert.False(PublicKeySet.IsPublicKey(Base64Url.EncodeToString(outOfRange)));
        Assert.False(PublicKeySet.IsPublicKey(Base64Url.EncodeToString(compressed)));
    }
}
