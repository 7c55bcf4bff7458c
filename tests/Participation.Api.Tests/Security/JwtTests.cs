using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Security;

public sealed class JwtTests(ApiFactory api) : ApiTest(api)
{
    private static string Mint(
        Guid userId,
        string key = ApiFactory.SigningKey,
        string issuer = "participation",
        string audience = "participation",
        DateTime? expires = null,
        string algorithm = SecurityAlgorithms.HmacSha256
    )
    {
        var exp = expires ?? DateTime.UtcNow.AddMinutes(5);
        return new JsonWebTokenHandler().CreateToken(
            new SecurityTokenDescriptor
            {
                Issuer = issuer,
                Audience = audience,
                IssuedAt = exp.AddMinutes(-10),
                NotBefore = exp.AddMinutes(-10),
                Expires = exp,
                Subject = new ClaimsIdentity([new Claim("sub", userId.ToString()), new Claim("rv", "1", ClaimValueTypes.Integer32)]),
                SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), algorithm),
            }
        );
    }

    private async Task<HttpStatusCode> MeWith(string token)
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync("/api/v1/me")).StatusCode;
    }

    private static string B64(string s) => Base64UrlEncoder.Encode(s);

    [Fact]
    public async Task A_well_formed_token_is_accepted()
    {
        var user = await Api.CreateUserAsync();
        Assert.Equal(HttpStatusCode.OK, await MeWith(Mint(user.Id)));
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_rejected()
    {
        var user = await Api.CreateUserAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var token =
            $"{B64("""{"alg":"none","typ":"JWT"}""")}."
            + $"{B64($$"""{"sub":"{{user.Id}}","iss":"participation","aud":"participation","exp":{{now + 300}},"nbf":{{now - 10}}}""")}.";
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWith(token));
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_rejected()
    {
        var user = await Api.CreateUserAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWith(Mint(user.Id, key: "another-key-another-key-another-key-123456")));
    }

    [Fact]
    public async Task A_token_with_another_algorithm_is_rejected()
    {
        var user = await Api.CreateUserAsync();
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            await MeWith(Mint(user.Id, key: ApiFactory.SigningKey + ApiFactory.SigningKey, algorithm: SecurityAlgorithms.HmacSha512))
        );
    }

    [Fact]
    public async Task A_token_from_another_issuer_or_audience_is_rejected()
    {
        var user = await Api.CreateUserAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWith(Mint(user.Id, issuer: "someone-else")));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWith(Mint(user.Id, audience: "someone-else")));
    }

    [Fact]
    public async Task An_expired_token_is_rejected_beyond_30_seconds_of_clock_skew()
    {
        var user = await Api.CreateUserAsync();
        Assert.Equal(HttpStatusCode.OK, await MeWith(Mint(user.Id, expires: DateTime.UtcNow.AddSeconds(-10))));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWith(Mint(user.Id, expires: DateTime.UtcNow.AddSeconds(-45))));
    }

    [Fact]
    public async Task A_tampered_payload_is_rejected()
    {
        var user = await Api.CreateUserAsync();
        var other = await Api.CreateUserAsync();
        var parts = Mint(user.Id).Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace(user.Id.ToString(), other.Id.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWith($"{parts[0]}.{B64(payload)}.{parts[2]}"));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("")]
    public async Task Garbage_tokens_are_rejected(string token)
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }
}
