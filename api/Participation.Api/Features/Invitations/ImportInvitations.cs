using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Invitations;

/// <summary>
/// Bulk invitations from a CSV file (UTF-8, comma or semicolon separated, header row with email,
/// first_name, last_name, locale; at most 1,000 rows). A malformed file creates nothing; otherwise each
/// row is reported like the form's.
/// </summary>
public static class ImportInvitations
{
    public const int MaxBytes = 512 * 1024;

    public sealed record Command(Guid ActorId, Stream? File, long Length, Role Role, ScopeType ScopeType, Guid? ScopeId, string? Message)
        : ICommand<InvitationReport>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.File).NotNull().WithMessage(_ => Messages.Get("attach_csv"));
            RuleFor(c => c.Length).LessThanOrEqualTo(MaxBytes).WithMessage(_ => Messages.Get("csv_too_large")).OverridePropertyName("file");
            Include(new ScopeRules<Command>(c => c.Role, c => c.ScopeType, c => c.ScopeId, c => c.Message));
        }
    }

    public sealed class Handler(CityDb db, InvitationWriter writer) : ICommandHandler<Command, InvitationReport>
    {
        public async ValueTask<InvitationReport> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await GrantPolicy.AuthorizeGrantAsync(connection, tx, c.ActorId, c.Role, c.ScopeType, c.ScopeId, ct);
            var rows = await ParseAsync(c.File!, ct);
            var report = await writer.WriteAsync(
                connection,
                tx,
                c.ActorId,
                new(c.Role.ToWire(), c.ScopeType.ToWire(), c.ScopeId, c.Message),
                rows,
                ct
            );
            await tx.CommitAsync(ct);
            return report;
        }
    }

    /// <summary>Reads the whole file first: a file that cannot be read as CSV is refused as a whole.</summary>
    public static async Task<List<(int Row, Invitee Invitee)>> ParseAsync(Stream file, CancellationToken ct)
    {
        static FluentValidation.ValidationException Malformed(string message) => new([new ValidationFailure("file", message)]);
        using var reader = new StreamReader(
            file,
            new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: true
        );
        string text;
        try
        {
            text = await reader.ReadToEndAsync(ct);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw Malformed("The file is not UTF-8 text.");
        }
        if (text.Contains('\0'))
            throw Malformed("The file is not a text file.");

        var firstLine = text.Split('\n', 2)[0];
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = firstLine.Count(ch => ch == ';') > firstLine.Count(ch => ch == ',') ? ";" : ",",
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.Trim,
        };
        var rows = new List<(int, Invitee)>();
        try
        {
            using var csv = new CsvReader(new StringReader(text), config);
            if (!await csv.ReadAsync() || !csv.ReadHeader())
                throw Malformed("The file is empty.");
            var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            if (!header.Contains("email"))
                throw Malformed("The header row must name an 'email' column (and optionally first_name, last_name, locale).");
            var unknown = header.Except(["email", "first_name", "last_name", "locale"]).Where(h => h.Length > 0).ToList();
            if (unknown.Count > 0)
                throw Malformed($"Unknown columns: {string.Join(", ", unknown)}.");
            while (await csv.ReadAsync())
            {
                if (csv.Parser.Record is { } record && record.All(string.IsNullOrWhiteSpace))
                    continue;
                if (rows.Count == CreateInvitations.MaxInvitees)
                    throw Malformed($"At most {CreateInvitations.MaxInvitees} rows per file.");
                string? Field(string name) => header.Contains(name) ? Blank(csv.GetField(name)) : null;
                rows.Add(
                    (
                        csv.Parser.RawRow,
                        new Invitee(Field("email"), Field("first_name"), Field("last_name"), Field("locale")?.ToLowerInvariant())
                    )
                );
            }
        }
        catch (CsvHelperException ex)
        {
            throw Malformed($"The file is not valid CSV (line {ex.Context?.Parser?.RawRow}).");
        }
        if (rows.Count == 0)
            throw Malformed("The file has no rows.");
        return rows;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    [EndpointSummary("Invite people listed in a CSV file (columns email, first_name, last_name, locale; at most 1,000 rows).")]
    public static async Task<InvitationReport> Endpoint(
        IFormFile? file,
        [FromForm, QueryEnum<Role>] string role,
        [FromForm, QueryEnum<ScopeType>] string scopeType,
        [FromForm] Guid? scopeId,
        [FromForm] string? message,
        Caller caller,
        ISender sender,
        CancellationToken ct
    )
    {
        await using var stream = file?.OpenReadStream();
        return await sender.Send(
            new Command(
                caller.UserId,
                stream,
                file?.Length ?? 0,
                WireEnum.FromQuery<Role>(role) ?? WireEnum<Role>.Unknown,
                WireEnum.FromQuery<ScopeType>(scopeType) ?? WireEnum<ScopeType>.Unknown,
                scopeId,
                message
            ),
            ct
        );
    }
}
