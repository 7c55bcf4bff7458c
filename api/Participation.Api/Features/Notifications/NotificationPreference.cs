namespace Participation.Api.Features.Notifications;

/// <summary>The channel of one notification category for a person, and the category's default.</summary>
public sealed record NotificationPreference(NotificationCategory Category, NotificationChannel Channel, NotificationChannel DefaultChannel);
