using System.Data;
using System.Text.Json;
using Dapper;

namespace Participation.Api.Infrastructure.Notifications;

/// <summary>Notification categories and what a person gets when they did not choose.</summary>
public static class NotificationCategories
{
    /// <summary>The wire names of <see cref="NotificationCategory"/>, as stored.</summary>
    public static readonly string[] All = WireEnum<NotificationCategory>.All;

    /// <summary>Followed ideas can be many: in-app only unless the person asks for e-mails.</summary>
    public static NotificationChannel Default(NotificationCategory category) =>
        category == NotificationCategory.IdeaStatusFollowed ? NotificationChannel.InApp : NotificationChannel.Email;
}

/// <summary>One event that notifies a set of people (computed in SQL) in one category.</summary>
public sealed record NotificationEvent(NotificationCategory Category, string EventKey, Guid? ActorId, Guid? ProjectId, Guid? IdeaId, Guid? CommentId,
    IReadOnlyDictionary<string, string?> Data);

/// <summary>
/// Writes notifications in the caller's transaction, one set-based INSERT per event whatever the number of
/// recipients: the actor is never notified of their own action, "off" preferences are honoured, and the
/// (user, event) key makes a retried or concurrent write notify each person once. E-mails are rendered later
/// by <see cref="NotificationMailer"/> from the rows whose e-mail is pending.
/// </summary>
public static class Notifier
{
    // The recipients fragment is constant SQL from the caller (never values): a SELECT yielding user_id.
    private const string Sql = """
        INSERT INTO notifications (user_id, category, event_key, project_id, idea_id, comment_id, data, email_state)
        SELECT DISTINCT r.user_id, @Category, @EventKey, @ProjectId::uuid, @IdeaId::uuid, @CommentId::uuid, CAST(@Data AS jsonb),
               CASE WHEN coalesce(np.channel, @DefaultChannel) = 'email' THEN 'pending' ELSE 'none' END
          FROM ({0}) r
          LEFT JOIN notification_preferences np ON np.user_id = r.user_id AND np.category = @Category
         WHERE r.user_id IS NOT NULL AND r.user_id IS DISTINCT FROM @ActorId::uuid
           AND coalesce(np.channel, @DefaultChannel) <> 'off'
        ON CONFLICT (user_id, event_key) DO NOTHING;
        """;

    public static Task<int> NotifyAsync(IDbConnection connection, IDbTransaction tx, NotificationEvent e, string recipientsSql, object? recipientArgs,
        CancellationToken ct)
    {
        var args = new DynamicParameters(recipientArgs);
        args.Add("Category", e.Category.ToWire());
        args.Add("EventKey", e.EventKey);
        args.Add("ActorId", e.ActorId);
        args.Add("ProjectId", e.ProjectId);
        args.Add("IdeaId", e.IdeaId);
        args.Add("CommentId", e.CommentId);
        args.Add("Data", JsonSerializer.Serialize(e.Data));
        args.Add("DefaultChannel", NotificationCategories.Default(e.Category).ToWire());
        return connection.ExecuteAsync(new CommandDefinition(string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, recipientsSql),
            args, tx, cancellationToken: ct));
    }

    /// <summary>A short plain excerpt of a text for a notification (markup removed).</summary>
    public static string Excerpt(string? text, int max = 280)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var plain = System.Text.RegularExpressions.Regex.Replace(text, "<[^>]*>", " ");
        plain = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(plain, @"\s+", " ")).Trim();
        return plain.Length <= max ? plain : plain[..(max - 1)].TrimEnd() + "…";
    }
}
