using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;
using QRCoder;

namespace CoCreation.Web.Components.Projects;

/// <summary>
/// A QR code drawn as one SVG path from QRCoder's module matrix: crisp at any print size, and made only of
/// attributes, so the page's content security policy (no inline styles) lets it show.
/// </summary>
public static class QrSvg
{
    public static MarkupString For(string text, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var path = new StringBuilder();
        for (var y = 0; y < modules.Count; y++)
        {
            for (var x = 0; x < modules[y].Count; x++)
            {
                if (modules[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x},{y}h1v1h-1z");
                }
            }
        }
        var size = modules.Count;
        return new MarkupString(
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\" class=\"qr-code\" shape-rendering=\"crispEdges\">" +
            $"<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>");
    }
}
