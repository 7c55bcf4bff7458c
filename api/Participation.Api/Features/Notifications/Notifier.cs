using System.Data;
using System.Text.Json;

namespace Participation.Api.Features.Notifications;

/// <summary>One event that notifies a set of people (computed in SQL) in one category.</summary>
internal sealed record NotificationEvent(
    NotificationCategory Category,
    string EventKey,
    Guid? ActorId,
    Guid? ProjectId,
    Guid? IdeaId,
    Guid? CommentId,
    IReadOnlyDictionary<string, string?> Data
);

/// <summary>
/// Writes notifications in the transaction that records their event (its only caller is <see cref="NotificationsProjection"/>),
/// one set-based INSERT per notification whatever the number of recipients: the actor is never notified of their own
/// action, "off" preferences are honoured, and the (user, event key) pair makes a retried, replayed or concurrent write
/// notify each person once. E-mails are rendered later by <see cref="NotificationMailer"/> from the rows whose e-mail is
/// pending.
/// </summary>
internal static class Notifier
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

    public static Task<int> NotifyAsync(
        IDbConnection connection,
        IDbTransaction tx,
        NotificationEvent e,
        string recipientsSql,
        object? recipientArgs,
        CancellationToken ct
    )
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
        return connection.ExecuteAsync(
            new CommandDefinition(
                string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, recipientsSql),
                args,
                tx,
                cancellationToken: ct
            )
        );
    }
}
