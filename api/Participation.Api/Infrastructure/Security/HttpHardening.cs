using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Participation.Api.Infrastructure.Security;

public sealed class HttpOptions
{
    public const string Section = "Http";

    /// <summary>Largest request body accepted, in bytes (uploads have their own limit).</summary>
    public long MaxBodyBytes { get; set; } = 1_048_576;

    /// <summary>Origins allowed to call the API from a browser (CORS).</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Reverse proxies (IP addresses) whose X-Forwarded-For/-Proto are honoured; none by default.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR) of reverse proxies whose X-Forwarded-For/-Proto are honoured; none by default.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies' entries of X-Forwarded-For are read, from the right (1: the proxy in front of the API).</summary>
    public int ForwardLimit { get; set; } = 1;
}

public static class HttpHardening
{
    public const string CorsPolicy = "web-client";

    public static IServiceCollection AddHttpHardening(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HttpOptions>(configuration.GetSection(HttpOptions.Section));
        services
            .AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<IOptions<HttpOptions>>((k, o) => k.Limits.MaxRequestBodySize = o.Value.MaxBodyBytes);
        // Behind the city's reverse proxy, the client's address comes from X-Forwarded-For (per-IP rate limits),
        // but only from proxies configured as trusted: the default loopback entries are cleared.
        services
            .AddOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>()
            .Configure<IOptions<HttpOptions>>(
                (f, o) =>
                {
                    f.ForwardedHeaders =
                        Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
                        | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
                    f.ForwardLimit = Math.Max(1, o.Value.ForwardLimit);
                    f.KnownProxies.Clear();
                    f.KnownIPNetworks.Clear();
                    foreach (var proxy in o.Value.KnownProxies)
                        f.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
                    foreach (var network in o.Value.KnownNetworks)
                        f.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                    // Empty lists would make the middleware trust every address: with nothing configured, forward nothing.
                    if (f.KnownProxies.Count == 0 && f.KnownIPNetworks.Count == 0)
                        f.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.None;
                }
            );
        services.AddCors();
        services
            .AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<HttpOptions>>(
                (c, o) =>
                    c.AddPolicy(CorsPolicy, p =>
                        p.WithOrigins(o.Value.CorsOrigins)
                            .AllowAnyHeader()
                            .AllowAnyMethod()
                            .WithExposedHeaders(
                                "Location",
                                "Retry-After",
                                "Content-Disposition",
                                "Idempotent-Replayed",
                                "Deprecation",
                                "Sunset",
                                "Link"
                            )
                    )
            );
        services.ConfigureHttpJsonOptions(j => Configure(j.SerializerOptions));
        return services;
    }

    /// <summary>Strict JSON: no duplicate properties, no NUL characters, bounded depth.</summary>
    public static void Configure(JsonSerializerOptions json)
    {
        json.AllowDuplicateProperties = false;
        // A misspelt or unknown field is an error (400 naming it), not silently dropped; the contract says additionalProperties: false.
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // Letters of every script stay readable; <, >, &, ' and " are always escaped (\u003C...).
        json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        json.MaxDepth = 32;
        json.Converters.Add(new NoNulStringConverter());
        json.Converters.Add(new Enums.WireEnumConverter());
    }

    public static WebApplication UseHttpHardening(this WebApplication app)
    {
        var o = app.Services.GetRequiredService<IOptions<HttpOptions>>().Value;
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.Use(
            async (http, next) =>
            {
                // Set when the response starts, so error responses (whose headers are reset) carry them too.
                http.Response.OnStarting(() =>
                {
                    var headers = http.Response.Headers;
                    headers.XContentTypeOptions = "nosniff";
                    headers["Referrer-Policy"] = "no-referrer";
                    headers["Cross-Origin-Opener-Policy"] = "same-origin";
                    headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                    // A response with its own policy keeps it, without X-Frame-Options: a widget's embed page says in its
                    // frame-ancestors which sites may frame it (DENY would forbid them all). Every other response is never framed.
                    if (!headers.ContainsKey("Content-Security-Policy"))
                    {
                        // The Swagger UI page needs its own scripts, styles (some inline), images and the document it fetches;
                        // it is never framed either.
                        headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/swagger")
                            ? "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                                + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'"
                            : "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
                        headers.XFrameOptions = "DENY";
                    }
                    return Task.CompletedTask;
                });
                // The endpoint's own limit (uploads) or the global one; a declared length over it is refused before
                // the body is read, and Kestrel enforces it on streamed bodies.
                var limit = http.GetEndpoint()
                    ?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()
                    ?.MaxRequestBodySize
                    ?? o.MaxBodyBytes;
                if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                    size.MaxRequestBodySize = limit;
                if (http.Request.ContentLength > limit)
                    throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
                await next(http);
            }
        );
        app.UseCors(CorsPolicy);
        return app;
    }

    /// <summary>PostgreSQL cannot store U+0000 in text: refuse it at the door as a 400.</summary>
    private sealed class NoNulStringConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
                throw new JsonException($"Expected a string, got {reader.TokenType}.");
            var value = reader.GetString();
            if (value is not null && value.Contains('\0'))
                throw new Errors.NulCharacterException();
            return value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
