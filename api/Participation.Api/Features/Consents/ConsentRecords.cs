using System.Data;

namespace Participation.Api.Features.Consents;

/// <summary>
/// The consent history (<c>consents</c>): every acceptance of the terms and every newsletter choice adds a dated row, in
/// the transaction of the change that it records; rows are never updated.
/// </summary>
public static class ConsentRecords
{
    /// <summary>The current version of the terms of use: the latest published.</summary>
    internal const string CurrentTermsSql = "SELECT version FROM terms_versions ORDER BY published_at DESC, version DESC LIMIT 1";

    private const string InsertSql = """
        INSERT INTO consents (user_id, kind, terms_version, given, source) VALUES (@UserId, @Kind, @TermsVersion, @Given, @Source);
        """;

    public static Task<string> CurrentTermsVersionAsync(IDbConnection connection, IDbTransaction? tx, CancellationToken ct) =>
        connection.QuerySingleAsync<string>(new CommandDefinition(CurrentTermsSql + ";", transaction: tx, cancellationToken: ct));

    /// <summary>Adds a newsletter row (the person's choice, given or not).</summary>
    public static Task NewsletterAsync(IDbTransaction tx, Guid userId, bool given, string source, CancellationToken ct) =>
        InsertAsync(
            tx,
            new
            {
                UserId = userId,
                Kind = "newsletter",
                TermsVersion = (string?)null,
                Given = given,
                Source = source,
            },
            ct
        );

    /// <summary>Adds a row saying the person accepted <paramref name="version"/> of the terms.</summary>
    public static Task TermsAsync(IDbTransaction tx, Guid userId, string version, string source, CancellationToken ct) =>
        InsertAsync(
            tx,
            new
            {
                UserId = userId,
                Kind = "terms",
                TermsVersion = version,
                Given = true,
                Source = source,
            },
            ct
        );

    private static Task InsertAsync(IDbTransaction tx, object row, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition(InsertSql, row, tx, cancellationToken: ct));
}

/// <summary>
/// A version of the terms of use as it is sent (published, accepted, or accepted on registering): one line of at most
/// 40 characters (a length the contract states). Whether it is required is each caller's rule.
/// </summary>
public static class TermsVersionRules
{
    public const int MaxLength = 40;

    public static IRuleBuilderOptions<T, string> TermsVersion<T>(this IRuleBuilder<T, string> rule) =>
        rule.MaximumLength(MaxLength).WithMessage(_ => Messages.Get("too_long")).SingleLine();
}

/// <summary>Where a consent was given or withdrawn (kept with its <c>consents</c> row and its event's data).</summary>
public static class ConsentSource
{
    public const string Registration = "registration";

    /// <summary>The terms accepted from the banner shown to signed-in people.</summary>
    public const string Banner = "banner";

    /// <summary>The newsletter choice changed in the person's preferences.</summary>
    public const string Preferences = "preferences";

    /// <summary>The newsletter left from the link in a campaign.</summary>
    public const string UnsubscribeLink = "unsubscribe_link";
}
