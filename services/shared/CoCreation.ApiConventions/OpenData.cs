using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoCreation.ApiConventions;

/// <summary>
/// The open-data downloads: anonymous, read-only, published content only, no personal data, licensed CC BY 4.0.
/// Every service writes its datasets the same way: a CSV (RFC 4180, UTF-8) or a JSON document with the licence,
/// streamed row by row so a large dataset never sits in memory.
/// </summary>
public static class OpenData
{
    public const string License = "CC-BY-4.0";
    public const string LicenseUrl = "https://creativecommons.org/licenses/by/4.0/";
    public const string Attribution = "CoCreation platform, the city and its partners";

    /// <summary>One column: its header and how to read it from a row.</summary>
    public sealed record Column<T>(string Name, Func<T, object?> Value);

    /// <summary>Writes <paramref name="rows"/> as <paramref name="format"/> ("csv" or "json"); another format is a 400 naming it.</summary>
    public static IResult Download<T>(string dataset, string format, IAsyncEnumerable<T> rows, IReadOnlyList<Column<T>> columns) => format switch
    {
        "csv" => new StreamedDataset<T>(dataset, rows, columns, Csv: true),
        "json" => new StreamedDataset<T>(dataset, rows, columns, Csv: false),
        _ => throw new InvalidFieldException("format", "The format is csv or json."),
    };

    private sealed record StreamedDataset<T>(string Dataset, IAsyncEnumerable<T> Rows, IReadOnlyList<Column<T>> Columns, bool Csv) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var response = http.Response;
            var extension = Csv ? "csv" : "json";
            response.ContentType = Csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
            response.Headers.ContentDisposition = $"attachment; filename=\"cocreation-{Dataset}.{extension}\"";
            response.Headers.Append("Link", $"<{LicenseUrl}>; rel=\"license\"");
            response.Headers.CacheControl = "public, max-age=300";
            if (Csv)
            {
                await WriteCsvAsync(response.Body, http.RequestAborted);
            }
            else
            {
                var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
                await WriteJsonAsync(response.BodyWriter, options, http.RequestAborted);
            }
        }

        private async Task WriteCsvAsync(Stream body, CancellationToken cancellationToken)
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024);
            writer.NewLine = "\r\n";
            await writer.WriteLineAsync(string.Join(',', Columns.Select(c => Quote(c.Name))));
            await foreach (var row in Rows.WithCancellation(cancellationToken))
            {
                await writer.WriteLineAsync(string.Join(',', Columns.Select(c => Quote(CsvText(c.Value(row))))));
            }
        }

        /// <summary>Into the response's pipe: the serializer's flushes only hand over bytes, the awaited ones send them.</summary>
        private async Task WriteJsonAsync(System.IO.Pipelines.PipeWriter body, JsonSerializerOptions options, CancellationToken cancellationToken)
        {
            await using var json = new Utf8JsonWriter(body);
            json.WriteStartObject();
            json.WriteString("dataset", Dataset);
            json.WriteString("license", License);
            json.WriteString("licenseUrl", LicenseUrl);
            json.WriteString("attribution", Attribution);
            json.WriteString("generatedAt", DateTime.UtcNow);
            json.WriteStartArray("items");
            var written = 0;
            await foreach (var row in Rows.WithCancellation(cancellationToken))
            {
                json.WriteStartObject();
                foreach (var column in Columns)
                {
                    json.WritePropertyName(column.Name);
                    JsonSerializer.Serialize(json, column.Value(row), options);
                }
                json.WriteEndObject();
                if (++written % 500 == 0)
                {
                    json.Flush();
                    await body.FlushAsync(cancellationToken);
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            await body.FlushAsync(cancellationToken);
        }

        /// <summary>Lists become "a;b;c"; times ISO 8601 in UTC; everything else its invariant text.</summary>
        private static string CsvText(object? value) => value switch
        {
            null => "",
            string text => DefuseFormula(text),
            DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IEnumerable<string> list => DefuseFormula(string.Join(';', list)),
            Enum kind => kind.ToKebabCase(),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

        /// <summary>
        /// A leading ' on text that starts like a formula (=, +, -, @), so that a spreadsheet never runs it: text in
        /// an export is someone's input (OWASP, CSV injection).
        /// </summary>
        private static string DefuseFormula(string text) =>
            text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

        /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.</summary>
        private static string Quote(string text)
        {
            return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
        }
    }
}
