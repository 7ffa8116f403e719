using System.Buffers.Binary;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.Identity.Tests.Api;

/// <summary>
/// A passkey authenticator in software, doing what a browser and a platform authenticator do
/// for navigator.credentials.create() and .get(): an ES256 key, "none" attestation, and
/// assertions signed over the authenticator data and the client data hash.
/// </summary>
public sealed class SoftwarePasskey : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string _origin;
    private uint _signCount;

    public SoftwarePasskey(string origin = "http://localhost:5080") => _origin = origin;

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(32);

    /// <summary>The answer to navigator.credentials.create(options), as the browser serialises it.</summary>
    public object Create(JsonElement options)
    {
        var rpId = options.GetProperty("rp").GetProperty("id").GetString()!;
        var clientData = ClientData("webauthn.create", options.GetProperty("challenge").GetString()!);

        var authData = new List<byte>();
        authData.AddRange(SHA256.HashData(Encoding.UTF8.GetBytes(rpId)));
        authData.Add(0x45); // user present, user verified, attested credential data included
        authData.AddRange(Counter(0));
        authData.AddRange(new byte[16]); // AAGUID: none
        authData.Add((byte)(CredentialId.Length >> 8));
        authData.Add((byte)CredentialId.Length);
        authData.AddRange(CredentialId);
        authData.AddRange(CosePublicKey());

        var attestation = new CborWriter(CborConformanceMode.Ctap2Canonical);
        attestation.WriteStartMap(3);
        attestation.WriteTextString("fmt");
        attestation.WriteTextString("none");
        attestation.WriteTextString("attStmt");
        attestation.WriteStartMap(0);
        attestation.WriteEndMap();
        attestation.WriteTextString("authData");
        attestation.WriteByteString([.. authData]);
        attestation.WriteEndMap();

        return new
        {
            id = Base64UrlEncoder.Encode(CredentialId),
            rawId = Base64UrlEncoder.Encode(CredentialId),
            type = "public-key",
            response = new
            {
                attestationObject = Base64UrlEncoder.Encode(attestation.Encode()),
                clientDataJSON = Base64UrlEncoder.Encode(clientData),
                transports = new[] { "internal" },
            },
            clientExtensionResults = new { },
        };
    }

    /// <summary>The answer to navigator.credentials.get(options).</summary>
    public object Get(JsonElement options, Guid userId, uint? signCount = null, ECDsa? signWith = null)
    {
        _signCount = signCount ?? _signCount + 1;
        var rpId = options.GetProperty("rpId").GetString()!;
        var clientData = ClientData("webauthn.get", options.GetProperty("challenge").GetString()!);
        byte[] authData = [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), 0x05, .. Counter(_signCount)];
        var signature = (signWith ?? _key).SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        return new
        {
            id = Base64UrlEncoder.Encode(CredentialId),
            rawId = Base64UrlEncoder.Encode(CredentialId),
            type = "public-key",
            response = new
            {
                authenticatorData = Base64UrlEncoder.Encode(authData),
                signature = Base64UrlEncoder.Encode(signature),
                clientDataJSON = Base64UrlEncoder.Encode(clientData),
                userHandle = Base64UrlEncoder.Encode(userId.ToByteArray()),
            },
            clientExtensionResults = new { },
        };
    }

    public void Dispose() => _key.Dispose();

    private byte[] ClientData(string type, string challenge) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["type"] = type, ["challenge"] = challenge, ["origin"] = _origin, ["crossOrigin"] = false });

    private byte[] CosePublicKey()
    {
        var point = _key.ExportParameters(includePrivateParameters: false).Q;
        var cose = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cose.WriteStartMap(5);
        cose.WriteInt32(1); cose.WriteInt32(2);   // kty: EC2
        cose.WriteInt32(3); cose.WriteInt32(-7);  // alg: ES256
        cose.WriteInt32(-1); cose.WriteInt32(1);  // crv: P-256
        cose.WriteInt32(-2); cose.WriteByteString(point.X!);
        cose.WriteInt32(-3); cose.WriteByteString(point.Y!);
        cose.WriteEndMap();
        return cose.Encode();
    }

    private static byte[] Counter(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
