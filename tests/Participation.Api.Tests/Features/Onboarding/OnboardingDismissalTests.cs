using System.Net;
using Participation.Api.Features.Grants;
using Participation.Api.Features.Onboarding;
using Participation.Api.Infrastructure.Enums;
using Participation.Api.Infrastructure.Validation;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Onboarding;

/// <summary>
/// The first-login display: a role's onboarding is put away and reopened by its holder, idempotently, for a role they hold
/// only; bad input writes nothing. And the texts: every role and item in French, Dutch and English.
/// </summary>
[Collection(ApiCollection.C)]
public sealed class OnboardingDismissalTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Dismissing_is_idempotent_per_role_and_reopening_brings_it_back()
    {
        var user = await Api.CreateUserAsync(role: "admin");
        var admin = Api.ClientFor(user.Id);
        Assert.False((await admin.ChecklistAsync("admin"))["dismissed"]!.GetValue<bool>());

        var first = await (await admin.DismissAsync("admin")).ReadJsonAsync();
        Assert.True(first["dismissed"]!.GetValue<bool>());
        var again = await admin.DismissAsync("admin");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(
            first["dismissedAt"]!.GetValue<DateTimeOffset>(),
            (await again.ReadJsonAsync())["dismissedAt"]!.GetValue<DateTimeOffset>()
        );
        var checklist = await admin.ChecklistAsync("admin");
        Assert.True(checklist["dismissed"]!.GetValue<bool>());
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM onboarding_dismissals WHERE user_id = @Id", new { user.Id }));

        var reopened = await (await admin.DismissAsync("admin", dismissed: false)).ReadJsonAsync();
        Assert.False(reopened["dismissed"]!.GetValue<bool>());
        Assert.Null(reopened["dismissedAt"]?.GetValue<DateTimeOffset?>());
        Assert.Equal(HttpStatusCode.OK, (await admin.DismissAsync("admin", dismissed: false)).StatusCode);
        Assert.False((await admin.ChecklistAsync("admin"))["dismissed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_role_not_held_is_a_404_and_a_bad_role_a_400_and_nothing_is_written()
    {
        var admin = Api.ClientFor((await Api.CreateUserAsync(role: "admin")).Id);
        await (await admin.DismissAsync("it_manager")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DismissAsync("owner")).AssertFieldErrorsAsync("role");
        await (await admin.PutAsync("/api/v1/me/onboarding/dismissal", Http.Json("""{"role":"admin"}"""))).AssertProblemAsync(
            HttpStatusCode.BadRequest
        );
        await (
            await admin.PutAsync("/api/v1/me/onboarding/dismissal", Http.Json("""{"role":"admin","dismissed":true}""", "text/plain"))
        ).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var resident = Api.ClientFor((await Api.CreateUserAsync()).Id);
        await (await resident.DismissAsync("admin")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await Api.CountAsync("onboarding_dismissals"));
    }

    [Fact]
    public void Every_role_item_and_setup_reminder_has_its_text_in_french_dutch_and_english()
    {
        var missing = new List<string>();
        var keys = Enum.GetValues<Role>()
            .SelectMany(r => new[] { "title", "tasks", "workload", "good_to_know" }.Select(p => $"role.{r.ToWire()}.{p}"))
            .Concat(Enum.GetValues<OnboardingStep>().Select(s => $"step.{s.ToWire()}"))
            .Concat(Enum.GetValues<ProjectSetupStep>().Select(s => $"setup.{s.ToWire()}"));
        foreach (var key in keys)
        {
            var texts = new[] { "fr", "nl", "en" }
                .Select(language =>
                {
                    RequestLanguage.Set(language);
                    try
                    {
                        return OnboardingTexts.Get(key);
                    }
                    catch (KeyNotFoundException)
                    {
                        return "";
                    }
                })
                .ToArray();
            RequestLanguage.Set("fr");
            if (texts.Any(string.IsNullOrWhiteSpace) || texts.Distinct().Count() < 2)
                missing.Add(key);
        }
        Assert.Empty(missing);
        // Every item belongs to exactly one role's checklist.
        Assert.Equal(Enum.GetValues<OnboardingStep>().Order(), OnboardingSteps.ByRole.Values.SelectMany(s => s).Order());
        Assert.Equal(Enum.GetValues<Role>().Order(), OnboardingSteps.ByRole.Keys.Order());
    }

    [Fact]
    public async Task The_checklist_speaks_the_reader_s_language()
    {
        var head = Api.ClientFor((await Api.CreateUserAsync(role: "it_manager")).Id);
        var fr = (await head.ChecklistsAsync("fr"))[0]!;
        var nl = (await head.ChecklistsAsync("nl"))[0]!;
        var en = (await head.ChecklistsAsync("en"))[0]!;
        Assert.Equal("Intervention ponctuelle, au lancement de la plateforme.", fr["workload"]!.GetValue<string>());
        Assert.Equal("Eenmalige tussenkomst, bij de start van het platform.", nl["workload"]!.GetValue<string>());
        Assert.Equal("A one-off intervention, when the platform is launched.", en["workload"]!.GetValue<string>());
        Assert.Equal("Create an API client", en["items"]![1]!["label"]!.GetValue<string>());
    }
}
