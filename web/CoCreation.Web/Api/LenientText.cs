using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoCreation.Web.Api;

/// <summary>
/// The API's text values, read so that one odd value cannot fail a whole page: a number, true/false, an object or a
/// list where text was expected (an enum value stored before the API refused numbers) is read as empty text, and the
/// page shows the item without it. Each such value is reported, so an operator sees it in the logs.
/// </summary>
public sealed class LenientText : JsonConverter<string>
{
    /// <summary>Where a value that was not text is reported; the web's Program points it at its log.</summary>
    public static Action<string>? Report { get; set; }

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        using var value = JsonDocument.ParseValue(ref reader);
        Report?.Invoke(value.RootElement.GetRawText());
        return "";
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
