using Participation.Api.Infrastructure.Validation;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Validation;

public sealed class MessagesTests(ApiFactory api) : ApiTest(api)
{
    [Theory]
    [InlineData(null, "fr")]
    [InlineData("", "fr")]
    [InlineData("nl-BE,nl;q=0.9,en;q=0.8", "nl")]
    [InlineData("de-DE,de;q=0.9,en;q=0.5", "en")]
    [InlineData("en;q=0.4,fr;q=0.8", "fr")]
    [InlineData("fr;q=0,nl;q=0.1", "nl")]
    [InlineData("zz,*", "fr")]
    public void The_request_language_is_negotiated_among_fr_nl_en(string? header, string expected) =>
        Assert.Equal(expected, RequestLanguage.Negotiate(header));

    [Theory]
    [InlineData("nl", "Dit veld is verplicht.")]
    [InlineData("en", "This field is required.")]
    [InlineData("fr-BE", "Ce champ est obligatoire.")]
    public async Task Field_errors_speak_the_callers_language(string language, string expected)
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var response = await client.PostAsync(
            "/api/v1/auth/register",
            Http.Json("""{"email":"","password":"a long enough password","firstName":"A","lastName":"B"}""")
        );

        await response.AssertFieldErrorsAsync("email");
        Assert.Equal(expected, (await response.ReadJsonAsync())["errors"]!["email"]![0]!.GetValue<string>());
    }
}
