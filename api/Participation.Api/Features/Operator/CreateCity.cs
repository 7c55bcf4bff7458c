using Microsoft.Extensions.Options;
using Participation.Api.Features.Grants;
using Participation.Api.Features.Invitations;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Operator;

/// <summary>
/// The operator opens a city: its slug, name, addresses (the first one is its links' address), languages, and its first
/// admin, who is invited exactly as an admin invites another (the invitations' own writer: the invitation, its token,
/// the e-mail in the city's outbox, the event in the city's audit log), the link on the city's first address. All in one
/// transaction with the operator's audit entry: a refused request writes nothing. A slug or an address already taken is
/// a 409.
/// </summary>
public static class CreateCity
{
    public sealed record Request(
        string Name,
        string Slug,
        IReadOnlyList<string>? Domains,
        IReadOnlyList<string>? Languages,
        string DefaultLanguage,
        string AdminEmail
    );

    public sealed record Command(
        Guid OperatorId,
        string Name,
        string Slug,
        IReadOnlyList<string>? Domains,
        IReadOnlyList<string>? Languages,
        string DefaultLanguage,
        string AdminEmail
    ) : ICommand<CitySummary>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).RequiredText(120);
            RuleFor(c => c.Slug).Must(CityRules.IsSlug).WithMessage("Lower-case letters and digits in words joined by '-' (63 at most).");
            RuleFor(c => c.Domains).Domains();
            RuleFor(c => c.Languages)
                .Must(l => l is { Count: > 0 } && l.All(TextRules.Locales.Contains) && l.Distinct().Count() == l.Count)
                .WithMessage("One or more of fr, nl and en, each once.");
            RuleFor(c => c.DefaultLanguage)
                .Must((c, d) => c.Languages is not null && c.Languages.Contains(d))
                .WithMessage("One of the city's languages.");
            RuleFor(c => c.AdminEmail).EmailAddress();
        }
    }

    public sealed class Handler(PlatformDb db, InvitationWriter invitations, CityDirectory directory, IOptions<EmailOptions> email)
        : ICommandHandler<Command, CitySummary>
    {
        private const string InsertCity = """
            INSERT INTO cities (id, slug, name) VALUES (@Id, @Slug, @Name);
            INSERT INTO city_domains (host, city_id, position)
            SELECT host, @Id, position FROM unnest(@Domains::text[]) WITH ORDINALITY AS d (host, position);
            """;

        // The city's own rows, as a new install has them: its settings, the first terms of use, the standard pages.
        private const string SeedCity = """
            SELECT set_config('participation.city_id', @Id::text, true);
            INSERT INTO platform_settings (city_id, name, languages, default_language)
            VALUES (@Id, @Name, @Languages, @DefaultLanguage);
            INSERT INTO terms_versions (city_id, version) VALUES (@Id, '1');
            SELECT seed_standard_pages();
            """;

        private const string AsCity = "SET LOCAL ROLE " + CityDataSources.AppRole + ";";

        public async ValueTask<CitySummary> Handle(Command c, CancellationToken ct)
        {
            var id = Guid.CreateVersion7();
            var domains = CityRules.Normalize(c.Domains);
            var admin = TextRules.NormalizeEmail(c.AdminEmail);
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var args = new
            {
                Id = id,
                Slug = c.Slug,
                Name = c.Name.Trim(),
                Domains = domains.ToArray(),
                Languages = c.Languages!.ToArray(),
                c.DefaultLanguage,
            };
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(InsertCity, args, tx, cancellationToken: ct));
            }
            catch (PostgresException ex) when (ex.IsUniqueViolation("cities_slug_key"))
            {
                throw new ConflictException("Another city has this slug.", "slug");
            }
            catch (PostgresException ex) when (ex.IsUniqueViolation("city_domains_pkey"))
            {
                throw new ConflictException("Another city answers on one of these addresses.", "domains");
            }
            await connection.ExecuteAsync(new CommandDefinition(SeedCity, args, tx, cancellationToken: ct));
            var inviter = await connection.ExecuteScalarAsync<string>(
                new CommandDefinition("SELECT display_name FROM operators WHERE id = @OperatorId;", c, tx, cancellationToken: ct)
            );

            // The first admin's invitation, written by the invitations' own code inside the new city: this transaction takes
            // the API's role and the city's setting, so row-level security holds as on the city's own connections.
            InvitationReport report;
            using (CityScope.Enter(id))
            {
                await connection.ExecuteAsync(new CommandDefinition(AsCity, transaction: tx, cancellationToken: ct));
                report = await invitations.WriteAsync(
                    connection,
                    tx,
                    null,
                    new(Role.Admin.ToWire(), ScopeType.Platform.ToWire(), null, null, BaseUrl(email.Value, domains[0]), inviter),
                    [(1, new Invitee(admin, null, null, c.DefaultLanguage))],
                    ct
                );
                await connection.ExecuteAsync(new CommandDefinition("RESET ROLE;", transaction: tx, cancellationToken: ct));
            }
            if (report.Invited.Count != 1)
                throw new InvalidOperationException("The first admin's invitation was not written.");

            await OperatorAudit.WriteAsync(
                connection,
                tx,
                c.OperatorId,
                "city.created",
                id,
                new
                {
                    args.Slug,
                    args.Name,
                    Domains = domains,
                    Languages = args.Languages,
                    args.DefaultLanguage,
                    AdminEmail = admin,
                    InvitationId = report.Invited[0].Id,
                },
                ct
            );
            await tx.CommitAsync(ct);
            directory.Invalidate();
            return (await CityHealthQuery.ReadAsync(connection, id, ct)).Single();
        }

        /// <summary>
        /// The web app's address on the city's host, as its links will have it once its domains are committed (read by
        /// <see cref="CityAddresses"/> then): the install's scheme, port and path, the city's host name.
        /// </summary>
        public static string BaseUrl(EmailOptions options, string host) => AppAddress.On(options, host).AppBaseUrl;
    }

    [EndpointSummary("Open a city: its addresses, languages and first admin (invited by e-mail on the city's first address).")]
    public static async Task<Created<CitySummary>> Endpoint(Request body, OperatorCaller caller, ISender sender, CancellationToken ct)
    {
        var city = await sender.Send(
            new Command(caller.Id, body.Name, body.Slug, body.Domains, body.Languages, body.DefaultLanguage, body.AdminEmail),
            ct
        );
        return TypedResults.Created($"/api/v1/operator/cities/{city.Id}", city);
    }
}
