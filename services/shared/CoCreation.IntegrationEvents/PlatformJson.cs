using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoCreation.IntegrationEvents;

/// <summary>
/// Enum values by their kebab-case names ("partner-found") in every JSON the platform writes: API answers, events on
/// the broker, webhooks and personal-data exports. A number is never written, so no reader has to know our ordinals.
/// </summary>
public static class PlatformJson
{
    /// <summary>
    /// For what clients send: names only. A number, a numeric string or an unknown name fails to bind, so it is a 400
    /// naming the field and nothing is stored (one idea of kind 99 once made every page that listed it fail).
    /// </summary>
    public static JsonStringEnumConverter NamesOnly() => new(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);

    /// <summary>
    /// For what the services send each other: names written; numbers still read, so that messages queued or kept in
    /// an outbox before names were written are delivered.
    /// </summary>
    public static JsonStringEnumConverter NamesWrittenNumbersRead() => new(JsonNamingPolicy.KebabCaseLower);

    /// <summary>The web defaults with enums by name, for events, webhooks and exports.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { NamesWrittenNumbersRead() } };
}
