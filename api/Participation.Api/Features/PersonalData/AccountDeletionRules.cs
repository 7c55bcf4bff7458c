namespace Participation.Api.Features.PersonalData;

/// <summary>What happens to a column that points at a person when that person deletes their account.</summary>
internal enum DeletionRule
{
    /// <summary>Kept, moved to the "former participant" account (counts and results stay the same).</summary>
    Reassign,

    /// <summary>Removed with the person (the foreign key says <c>ON DELETE CASCADE</c>).</summary>
    Delete,

    /// <summary>Forgotten (the foreign key says <c>ON DELETE SET NULL</c>): staff bookkeeping such as "created by".</summary>
    Null,
}

/// <summary>
/// Every column that references <c>users(id)</c>, with its rule. A test reads the catalogue (pg_constraint) and fails when
/// a foreign key to users has no rule here, or when a Delete/Null rule disagrees with the key's ON DELETE action: a table
/// added later must be classified. Reassigned columns are moved by <see cref="DeleteAccount"/>; the others follow from
/// deleting the person's row.
/// </summary>
internal static class AccountDeletionRules
{
    public static readonly IReadOnlyDictionary<string, DeletionRule> ForeignKeys = new Dictionary<string, DeletionRule>
    {
        // What the person did, kept anonymously.
        ["ideas.author_id"] = DeletionRule.Reassign,
        ["comments.author_id"] = DeletionRule.Reassign,
        ["idea_reactions.user_id"] = DeletionRule.Reassign,
        ["idea_votes.user_id"] = DeletionRule.Reassign,
        ["baskets.user_id"] = DeletionRule.Reassign,
        ["survey_responses.user_id"] = DeletionRule.Reassign,
        ["calendar_event_registrations.user_id"] = DeletionRule.Reassign,
        ["content_flags.user_id"] = DeletionRule.Reassign,
        ["phase_participants.user_id"] = DeletionRule.Reassign,
        ["idea_notes.author_id"] = DeletionRule.Reassign,
        ["events.actor_id"] = DeletionRule.Reassign,
        // A like is counted on the comment: kept under the former participant, so the counts stay.
        ["comment_likes.user_id"] = DeletionRule.Reassign,
        // Personal: removed.
        ["refresh_tokens.user_id"] = DeletionRule.Delete,
        ["user_tokens.user_id"] = DeletionRule.Delete,
        ["user_roles.user_id"] = DeletionRule.Delete,
        ["user_blocks.user_id"] = DeletionRule.Delete,
        ["notifications.user_id"] = DeletionRule.Delete,
        ["notification_preferences.user_id"] = DeletionRule.Delete,
        ["newsletter_consents.user_id"] = DeletionRule.Delete,
        ["consents.user_id"] = DeletionRule.Delete,
        ["campaign_recipients.user_id"] = DeletionRule.Delete,
        ["idea_follows.user_id"] = DeletionRule.Delete,
        ["project_follows.user_id"] = DeletionRule.Delete,
        ["idempotency_keys.user_id"] = DeletionRule.Delete,
        ["organisation_members.user_id"] = DeletionRule.Delete,
        ["digests.user_id"] = DeletionRule.Delete,
        ["content_calendar_feeds.user_id"] = DeletionRule.Delete,
        ["exports.requested_by"] = DeletionRule.Delete,
        ["briefings.official_id"] = DeletionRule.Delete,
        ["briefing_launches.official_id"] = DeletionRule.Delete,
        ["personal_data_exports.user_id"] = DeletionRule.Delete,
        ["onboarding_dismissals.user_id"] = DeletionRule.Delete,
        // Staff bookkeeping: forgotten.
        ["user_roles.granted_by"] = DeletionRule.Null,
        ["user_blocks.blocked_by"] = DeletionRule.Null,
        ["invitations.invited_by"] = DeletionRule.Null,
        ["invitations.accepted_by"] = DeletionRule.Null,
        ["invitations.revoked_by"] = DeletionRule.Null,
        ["organisations.created_by"] = DeletionRule.Null,
        ["organisations.reviewed_by"] = DeletionRule.Null,
        ["organisation_invitations.invited_by"] = DeletionRule.Null,
        ["projects.created_by"] = DeletionRule.Null,
        ["ideas.assignee_id"] = DeletionRule.Null,
        ["idea_status_changes.changed_by"] = DeletionRule.Null,
        ["api_clients.created_by"] = DeletionRule.Null,
        ["api_client_secrets.created_by"] = DeletionRule.Null,
        ["webhook_subscriptions.created_by"] = DeletionRule.Null,
        ["widgets.created_by"] = DeletionRule.Null,
        ["feedback_templates.created_by"] = DeletionRule.Null,
        ["briefing_schedule.updated_by"] = DeletionRule.Null,
        ["briefings.sent_by"] = DeletionRule.Null,
        ["project_reports.updated_by"] = DeletionRule.Null,
        ["project_setups.updated_by"] = DeletionRule.Null,
        ["calendar_events.created_by"] = DeletionRule.Null,
        ["media.uploaded_by"] = DeletionRule.Null,
        // An idea's photos and documents stay with the (anonymised) idea they illustrate.
        ["idea_attachments.uploaded_by"] = DeletionRule.Null,
        ["campaigns.created_by"] = DeletionRule.Null,
        ["home_pages.updated_by"] = DeletionRule.Null,
        // Support access granted or revoked, and messages to the vendor's support: kept, without their author.
        ["support_grants.granted_by"] = DeletionRule.Null,
        ["support_grants.revoked_by"] = DeletionRule.Null,
        ["support_requests.author_id"] = DeletionRule.Null,
    };

    /// <summary>Columns holding a person's id without a foreign key (kept in step by triggers), moved like the others.</summary>
    public static readonly IReadOnlyList<string> ReassignedWithoutForeignKey = ["participation_actions.user_id"];

    /// <summary>One UPDATE per reassigned column (the names are the constants above, never input).</summary>
    public static readonly string ReassignSql = string.Join(
        "\n",
        ForeignKeys
            .Where(r => r.Value == DeletionRule.Reassign)
            .Select(r => r.Key)
            .Concat(ReassignedWithoutForeignKey)
            .Select(column => column.Split('.'))
            .Select(p => $"UPDATE {p[0]} SET {p[1]} = @Ghost WHERE {p[1]} = @Old;")
    );
}
