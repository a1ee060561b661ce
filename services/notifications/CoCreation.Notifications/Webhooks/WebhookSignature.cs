using System.Security.Cryptography;
using System.Text;

namespace CoCreation.Notifications.Webhooks;

/// <summary>
/// How a delivery is signed, and how a receiver checks it (docs/partner-guide.md shows the same in a few lines):
/// <c>CoCreation-Signature: v1=&lt;hex HMAC-SHA256 of "{id}.{timestamp}.{body}" with the subscription's secret&gt;</c>.
/// The id and the Unix timestamp are in their own headers; signing them too stops a replayed or re-dated delivery.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "CoCreation-Webhook-Id";
    public const string TimestampHeader = "CoCreation-Webhook-Timestamp";
    public const string SignatureHeader = "CoCreation-Signature";

    public static string Sign(string secret, Guid deliveryId, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{deliveryId}.{timestamp}.{body}"));
        return "v1=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>A receiver's check: the signature matches (compared in constant time) and the timestamp is recent.</summary>
    public static bool Verify(string secret, Guid deliveryId, long timestamp, string body, string signature, DateTimeOffset now, TimeSpan tolerance)
    {
        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > tolerance.TotalSeconds)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(secret, deliveryId, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
}
