namespace Participation.Api.Infrastructure;

/// <summary>
/// With several instances behind a proxy (<c>make run-cluster</c>), <c>Cluster:InstanceName</c> names this one in an
/// <c>X-Instance</c> response header (which instance answered); unset, nothing is added.
/// </summary>
public static class InstanceName
{
    public const string Header = "X-Instance";

    public static IApplicationBuilder UseInstanceName(this WebApplication app)
    {
        var name = app.Configuration["Cluster:InstanceName"];
        if (string.IsNullOrWhiteSpace(name))
            return app;
        return app.Use(
            (http, next) =>
            {
                http.Response.Headers[Header] = name;
                return next(http);
            }
        );
    }
}
