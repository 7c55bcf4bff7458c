using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Participation.Api.Tests.Infrastructure;

/// <summary>
/// The API whose callers choose the address they connect from (the in-process test server has none): a request's
/// <see cref="Header"/> sets the connection's remote address before the app's own middleware runs (the forwarded
/// headers and the per-IP rate limits then see it as a real peer).
/// </summary>
public abstract class ClientIpApiFactory : ApiFactory
{
    public const string Header = "X-Test-Client-Ip";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, FromHeader>());
    }

    private sealed class FromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
            app =>
            {
                app.Use(
                    (http, following) =>
                    {
                        if (http.Request.Headers.TryGetValue(Header, out var ip))
                            http.Connection.RemoteIpAddress = IPAddress.Parse(ip.ToString());
                        return following(http);
                    }
                );
                next(app);
            };
    }
}
