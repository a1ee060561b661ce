using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace CoCreation.Projects.Infrastructure;

/// <summary>The <c>References</c> configuration section: where the city's reference signing key is kept.</summary>
public sealed class ReferenceSigningOptions
{
    public const string SectionName = "References";

    /// <summary>
    /// A PEM file with the city's ECDSA P-256 private key. Created on first start if missing; every instance of the
    /// service must read the same file (a mounted secret in production). Unset, a key lives only as long as the process.
    /// </summary>
    public string? SigningKeyPath { get; set; }
}

/// <summary>
/// Signs co-creation references with the city's key as compact JWS (ES256), so anyone can check one with the public
/// key (<see cref="PublicJwk"/>), with this service or any JOSE library, without an account.
/// </summary>
public sealed class ReferenceSigner : IDisposable
{
    public const string Algorithm = "ES256";

    // Names as they are written (Mäntylä, not M\u00E4ntyl\u00E4): any encoding verifies; this one reads.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ECDsa _key;

    public string KeyId { get; }

    public ReferenceSigner(IOptions<ReferenceSigningOptions> options, ILogger<ReferenceSigner> logger)
    {
        _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = options.Value.SigningKeyPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            logger.LogWarning("References:SigningKeyPath is not set: co-creation references are signed with a key that ends with this process, and will not verify after a restart.");
        }
        else if (File.Exists(path))
        {
            _key.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, _key.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            logger.LogInformation("Created the city's reference signing key at {Path}; keep it safe, and give every instance the same file.", path);
        }
        // RFC 7638 thumbprint: the key's id is derived from the key, so two instances with the same key agree on it.
        KeyId = Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(ThumbprintInput())));
    }

    public string Sign(JsonObject payload)
    {
        // A JWT (RFC 7519): its claims iss, sub and iat are the reference's city, project and time of signing.
        var header = new JsonObject { ["alg"] = Algorithm, ["typ"] = "JWT", ["kid"] = KeyId };
        var signingInput = $"{Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString(Readable)))}.{Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString(Readable)))}";
        // .NET signs in the IEEE P1363 form (r||s), which is what JWS ES256 asks for; the low-s form of the two
        // equivalent signatures, so that a reference has exactly one valid form (see Verify).
        return $"{signingInput}.{Base64Url(LowS(_key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256)))}";
    }

    /// <summary>The payload of a reference this key signed, or why it is not one: null and a reason.</summary>
    public (JsonObject? Payload, string? Problem) Verify(string compact)
    {
        var parts = compact.Trim().Split('.');
        if (parts.Length != 3)
        {
            return (null, "A reference has three parts separated by dots (a compact JWS); this is not one.");
        }
        try
        {
            var header = JsonNode.Parse(FromBase64Url(parts[0])) as JsonObject;
            if (header?["alg"]?.GetValue<string>() != Algorithm || header["kid"]?.GetValue<string>() != KeyId)
            {
                return (null, "The reference was not signed with the city's key.");
            }
            var signature = FromBase64Url(parts[2]);
            // One reference, one form: ECDSA also accepts (r, n−s), and a decoder forgives padding and stray bits, so
            // anything but the canonical encoding of a 64-byte low-s signature is refused rather than called valid.
            if (signature.Length != 64 || Base64Url(signature) != parts[2] || !IsLowS(signature))
            {
                return (null, "The signature is not in its one canonical form (64 bytes, low s, base64url without padding): the reference was altered.");
            }
            if (!_key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature, HashAlgorithmName.SHA256))
            {
                return (null, "The signature does not match: the reference was altered after it was signed, or forged.");
            }
            return (JsonNode.Parse(FromBase64Url(parts[1])) as JsonObject, null);
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return (null, "The reference is not readable: its parts are not base64url JSON.");
        }
    }

    /// <summary>The public half of the key as a JSON Web Key.</summary>
    public JsonObject PublicJwk()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Base64Url(parameters.Q.X!), ["y"] = Base64Url(parameters.Q.Y!),
            ["use"] = "sig", ["alg"] = Algorithm, ["kid"] = KeyId,
        };
    }

    public string PublicKeyPem() => _key.ExportSubjectPublicKeyInfoPem();

    public void Dispose() => _key.Dispose();

    private string ThumbprintInput()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        return $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{Base64Url(parameters.Q.X!)}\",\"y\":\"{Base64Url(parameters.Q.Y!)}\"}}";
    }

    // The order n of P-256's group: s and n−s sign the same message.
    private static readonly System.Numerics.BigInteger CurveOrder = System.Numerics.BigInteger.Parse(
        "0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    private static System.Numerics.BigInteger S(byte[] signature) => new(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);

    private static bool IsLowS(byte[] signature) => S(signature) <= CurveOrder / 2;

    /// <summary>The signature with s replaced by n−s when s is in the upper half: the same signature, in its one low-s form.</summary>
    internal static byte[] LowS(byte[] signature)
    {
        if (IsLowS(signature))
        {
            return signature;
        }
        var low = (CurveOrder - S(signature)).ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = (byte[])signature.Clone();
        Array.Clear(result, 32, 32);
        low.CopyTo(result, 64 - low.Length);
        return result;
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static byte[] FromBase64Url(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
}
