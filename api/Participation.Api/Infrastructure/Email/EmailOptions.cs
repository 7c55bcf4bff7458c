namespace Participation.Api.Infrastructure.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";
    public string FromAddress { get; set; } = "no-reply@participation.local";
    public string FromName { get; set; } = "Participation";

    /// <summary>Public address of the web app; links in e-mails point there.</summary>
    public string AppBaseUrl { get; set; } = "http://localhost:5173";

    /// <summary>Public address of the API when it is not served under the web app's address (one-click unsubscribe links).</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>SMTP host; when empty, messages are written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>Auto (STARTTLS when offered), None, StartTls or SslOnConnect.</summary>
    public string SmtpSecurity { get; set; } = "Auto";
    public string PickupDirectory { get; set; } = ".local/mail";

    /// <summary>Whether this instance runs the background sender.</summary>
    public bool SenderEnabled { get; set; } = true;
    public int PollSeconds { get; set; } = 2;
    public int BatchSize { get; set; } = 20;
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the first retry of a failed message, doubled at each attempt (at most an hour).</summary>
    public int RetrySeconds { get; set; } = 5;

    public int LeaseSeconds { get; set; } = 300;
}
