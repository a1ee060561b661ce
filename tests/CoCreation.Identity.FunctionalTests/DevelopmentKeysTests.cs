using System.Security.Cryptography.X509Certificates;
using CoCreation.Identity.Infrastructure;

namespace CoCreation.Identity.FunctionalTests;

/// <summary>Development's keys are made once and then read back, so a restarted identity service signs with the same key.</summary>
public sealed class DevelopmentKeysTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cocreation-keys-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void A_key_is_made_once_and_the_same_key_comes_back_after_a_restart()
    {
        using var first = DevelopmentKeys.LoadOrCreate(_folder, "signing", X509KeyUsageFlags.DigitalSignature, TimeProvider.System);
        using var again = DevelopmentKeys.LoadOrCreate(_folder, "signing", X509KeyUsageFlags.DigitalSignature, TimeProvider.System);

        Assert.Equal(first.Thumbprint, again.Thumbprint);
        Assert.True(again.HasPrivateKey);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, again.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
        Assert.Equal([Path.Combine(_folder, "signing.pfx")], Directory.GetFiles(_folder));
    }

    [Fact]
    public void The_key_file_is_readable_by_its_owner_only_and_each_purpose_has_its_own_key()
    {
        using var signing = DevelopmentKeys.LoadOrCreate(_folder, "signing", X509KeyUsageFlags.DigitalSignature, TimeProvider.System);
        using var encryption = DevelopmentKeys.LoadOrCreate(_folder, "encryption", X509KeyUsageFlags.KeyEncipherment, TimeProvider.System);

        Assert.NotEqual(signing.Thumbprint, encryption.Thumbprint);
        Assert.Equal(X509KeyUsageFlags.KeyEncipherment, encryption.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder, "encryption.pfx")));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
