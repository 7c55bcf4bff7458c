using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Participation.Api.Infrastructure.Email;

public interface IEmailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Delivers over SMTP with MailKit.</summary>
public sealed class SmtpEmailTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var o = options.Value;
        using var client = new SmtpClient { Timeout = 60_000 };
        var security = Enum.TryParse<SecureSocketOptions>(o.SmtpSecurity, ignoreCase: true, out var s) ? s : SecureSocketOptions.Auto;
        await client.ConnectAsync(
            o.SmtpHost ?? throw new InvalidOperationException("Email:SmtpHost is not set."),
            o.SmtpPort,
            security,
            ct
        );
        if (!string.IsNullOrEmpty(o.SmtpUser))
            await client.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>Writes each message as an .eml file (local development and end-to-end tests).</summary>
public sealed class PickupDirectoryTransport(IOptions<EmailOptions> options, IHostEnvironment env) : IEmailTransport
{
    public string Directory => Path.GetFullPath(options.Value.PickupDirectory, env.ContentRootPath);

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";
        var temp = Path.Combine(Directory, name + ".tmp");
        await message.WriteToAsync(temp, ct);
        File.Move(temp, Path.Combine(Directory, name)); // readers never see a half-written file
    }
}
