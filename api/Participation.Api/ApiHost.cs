using Participation.Api.Cli;
using Participation.Api.Features.ApiClients;
using Participation.Api.Features.Areas;
using Participation.Api.Features.AuditLog;
using Participation.Api.Features.Auth;
using Participation.Api.Features.Briefings;
using Participation.Api.Features.Budgets;
using Participation.Api.Features.CalendarEvents;
using Participation.Api.Features.Campaigns;
using Participation.Api.Features.Comments;
using Participation.Api.Features.Consents;
using Participation.Api.Features.ContentCalendar;
using Participation.Api.Features.Departments;
using Participation.Api.Features.Digests;
using Participation.Api.Features.Exports;
using Participation.Api.Features.Feed;
using Participation.Api.Features.Figures;
using Participation.Api.Features.Geocoding;
using Participation.Api.Features.HomePage;
using Participation.Api.Features.Ideas;
using Participation.Api.Features.IdeasManager;
using Participation.Api.Features.Invitations;
using Participation.Api.Features.Me;
using Participation.Api.Features.Media;
using Participation.Api.Features.Moderation;
using Participation.Api.Features.Notifications;
using Participation.Api.Features.Onboarding;
using Participation.Api.Features.Organisations;
using Participation.Api.Features.Pages;
using Participation.Api.Features.Platform;
using Participation.Api.Features.Projects;
using Participation.Api.Features.Reports;
using Participation.Api.Features.Sharing;
using Participation.Api.Features.Support;
using Participation.Api.Features.Surveys;
using Participation.Api.Features.Topics;
using Participation.Api.Features.Users;
using Participation.Api.Features.Votes;
using Participation.Api.Features.Webhooks;
using Participation.Api.Features.Widgets;
using Participation.Api.Infrastructure;
using Participation.Api.Infrastructure.Email;
using Participation.Api.Infrastructure.Idempotency;
using Participation.Api.Infrastructure.Jobs;
using Participation.Api.Infrastructure.Mediator;
using Participation.Api.Infrastructure.Security;
using Participation.Api.Infrastructure.Telemetry;

namespace Participation.Api;

/// <summary>
/// The API's composition root: runs an operator command (<see cref="Commands"/>) or serves the API.
/// </summary>
public static class ApiHost
{
    /// <summary>The exit code; <paramref name="extraEndpoints"/> maps more routes beside the API's (the benchmark's host,
    /// bench/Participation.Bench.Host, maps its baselines).</summary>
    public static async Task<int> RunAsync(string[] args, Action<WebApplication>? extraEndpoints = null)
    {
        if (Commands.Preflight(args, Console.Out, Console.Error, out var command) is { } answered)
            return answered;

        var builder = WebApplication.CreateBuilder(args);
        var services = builder.Services;

        services.AddDatabase();
        services.AddSingleton<Migrator>();
        services.AddCqrs();
        services.AddProblemResponses();
        services.AddHttpHardening(builder.Configuration);
        services.AddJwtAuth(builder.Configuration, builder.Environment);
        services.AddOperatorAuth();
        services.AddApiClients(builder.Configuration, builder.Environment);
        services.AddRateLimits(builder.Configuration);
        services.AddEmail(builder.Configuration);
        services.AddOpenApiDocument();
        services.AddHealth();
        services.AddTelemetry(builder.Configuration);
        services.Configure<Participation.Api.Infrastructure.Storage.StorageOptions>(builder.Configuration.GetSection("Storage"));
        services.AddSingleton<
            Participation.Api.Infrastructure.Storage.IFileStorage,
            Participation.Api.Infrastructure.Storage.DiskFileStorage
        >();
        services.AddInvitations(builder.Configuration);
        services.AddSupport(builder.Configuration);
        services.AddPlatform(builder.Configuration);
        services.AddNotifications(builder.Configuration);
        services.AddWebhooks(builder.Configuration);
        services.AddExports(builder.Configuration);
        Participation.Api.Features.PersonalData.PersonalDataSetup.AddPersonalData(services);
        services.AddDigests(builder.Configuration);
        services.AddBriefings();
        services.AddCampaigns();
        services.AddCalendarEvents(builder.Configuration);
        services.AddPhaseStarts(builder.Configuration);
        services.AddGeocoding(builder.Configuration);
        services.AddSingleton<RefreshTrending>();
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<RefreshTrending>());
        services.AddIdempotency();
        services.AddSingleton<Participation.Api.Features.Events.EventRecorder>();
        services.AddSingleton<Participation.Api.Features.Ideas.AttachmentLinks>();
        services.AddSingleton<Participation.Api.Features.Grants.RoleGrants>();

        var app = builder.Build();

        if (command is not null)
            return await Commands.RunAsync(app, command);
        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
            await app.Services.GetRequiredService<Migrator>().MigrateAsync();

        app.UseForwardedHeaders();
        app.UseInstanceName();
        app.UseRequestLanguage(); // outside the error handling, so that problems are written in the caller's language too
        app.UseProblemResponses();
        app.UseCityRouting(); // inside the error handling: an unknown host is a problem+json 404
        app.UseHttpHardening();
        app.UseSwaggerUserInterface();
        app.UseUnmatchedRouteAnswers();
        app.UseAuthentication();
        app.UseSupportSession(); // a support request's grant, for the events it records
        app.UseAuthorization();
        app.UseOperatorPasswordChange(); // a console person with a password set by another operator: only its change
        app.UseClientScopes();
        app.UseRateLimiter();
        app.UseReadYourWrites();
        app.UseIdempotency();

        app.MapOpenApiDocument();
        app.MapHealth();
        app.MapTelemetry();
        var api = app.MapGroup("/api/v1");
        api.MapAuthEndpoints();
        api.MapMeEndpoints();
        Participation.Api.Features.PersonalData.PersonalDataEndpoints.MapPersonalDataEndpoints(api);
        api.MapUsersEndpoints();
        api.MapPlatformEndpoints();
        api.MapDepartmentsEndpoints();
        api.MapInvitationsEndpoints();
        api.MapOrganisationsEndpoints();
        api.MapProjectsEndpoints();
        api.MapAuditLogEndpoints();
        api.MapSupportEndpoints();
        api.MapIdeasEndpoints();
        api.MapCommentsEndpoints();
        api.MapModerationEndpoints();
        api.MapNotificationsEndpoints();
        api.MapVotesEndpoints();
        api.MapSurveysEndpoints();
        api.MapBudgetsEndpoints();
        api.MapApiClientsEndpoints();
        api.MapChangesEndpoints();
        api.MapWidgetsEndpoints();
        api.MapWebhooksEndpoints();
        api.MapFiguresEndpoints();
        api.MapExportsEndpoints();
        api.MapBriefingsEndpoints();
        api.MapIdeasManagerEndpoints();
        api.MapDigestsEndpoints();
        api.MapReportsEndpoints();
        api.MapMediaEndpoints();
        api.MapCalendarEventsEndpoints();
        api.MapCampaignsEndpoints();
        api.MapConsentsEndpoints();
        api.MapPagesEndpoints();
        api.MapHomePageEndpoints();
        api.MapTopicsEndpoints();
        api.MapAreasEndpoints();
        api.MapGeocodingEndpoints();
        api.MapContentCalendarEndpoints();
        api.MapOnboardingEndpoints();
        Participation.Api.Features.Operator.OperatorEndpoints.MapOperatorEndpoints(api);
        api.MapOperatorSupportEndpoints();
        app.MapEmbedEndpoints();
        app.MapShareEndpoints();
        extraEndpoints?.Invoke(app);
        await app.RunAsync();
        return 0;
    }
}
