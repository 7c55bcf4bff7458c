namespace Participation.Ops.Tests.Deployment;

/// <summary>
/// The nginx site of deploy/nginx/ passes `nginx -t` and, served on loopback ports with a self-signed certificate,
/// answers as the web app and the widgets need (.ci/nginx-check.sh: SPA fallback, caching, gzip_static, HTTP/2,
/// security headers, nothing added to the API's framing rules). nginx is stopped by the script.
/// </summary>
public sealed class NginxSiteTests
{
    [Fact]
    public async Task The_nginx_site_is_valid_and_serves_the_web_app_and_the_api_as_required()
    {
        var result = await Shell.RunAsync("bash", [Infrastructure.Repo.Ci("nginx-check.sh")], limit: TimeSpan.FromMinutes(10));

        Assert.True(result.ExitCode == 0, result.Both);
        Assert.Matches(@"nginx-check: \d+ passed, 0 failed", result.Output);
    }
}
