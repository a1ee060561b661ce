using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The one way a process behind another of ours (the web and the identity service behind the gateway, the gateway
/// behind the web's API calls) learns the address people used and who they are: X-Forwarded-* headers, believed only
/// from loopback and the networks in <c>ForwardedHeaders:TrustedNetworks</c> (CIDR, such as <c>10.0.0.0/8</c>), so
/// nobody else can claim another address.
/// </summary>
public static class ForwardedHeadersDefaults
{
    public static WebApplication UseTrustedForwardedHeaders(this WebApplication app, ForwardedHeaders headers)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = headers };
        foreach (var network in app.Configuration.GetSection("ForwardedHeaders:TrustedNetworks").Get<string[]>() ?? [])
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
        app.UseForwardedHeaders(options);
        return app;
    }
}
