using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CoCreation.Identity.Infrastructure;

/// <summary>
/// Development's signing and encryption keys, kept as self-signed certificates in <c>Identity:DevelopmentKeysPath</c>
/// (the AppHost puts them in the data folder). Keys that survive a restart of the identity service keep every token,
/// refresh token and sign-in valid across it: with keys that died with the process, every session ended at a
/// restart, and services and the web refused new tokens until they fetched the new keys.
/// </summary>
public static class DevelopmentKeys
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(5 * 365);

    /// <summary>The certificate in <paramref name="folder"/>/<paramref name="name"/>.pfx, made (once) when missing.</summary>
    public static X509Certificate2 LoadOrCreate(string folder, string name, X509KeyUsageFlags usage, TimeProvider clock)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".pfx");
        if (!File.Exists(path))
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest($"CN=CoCreation development {name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
            var now = clock.GetUtcNow();
            using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.Add(Lifetime));
            var written = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(written, created.Export(X509ContentType.Pfx));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(written, UnixFileMode.UserRead | UnixFileMode.UserWrite); // a private key: its owner only
            }
            try
            {
                File.Move(written, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(written); // another instance made it first; use that one
            }
        }
        return X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
    }
}
