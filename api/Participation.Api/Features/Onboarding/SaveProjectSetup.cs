using Participation.Api.Features.Events;

namespace Participation.Api.Features.Onboarding;

/// <summary>
/// The project's staff answer its setup checklist (plain text, at most 2,000 characters each; null keeps nothing: the
/// answer becomes empty). <c>version</c> is the one last read (0 before the first save): someone else's save in between is a
/// 409, never a lost update. A save that changes nothing writes nothing; otherwise audited (project.setup_edited).
/// </summary>
public static class SaveProjectSetup
{
    public sealed record Request(
        [property: System.Text.Json.Serialization.JsonRequired] int Version,
        string? DecisionProcess,
        string? KeyDates,
        string? PublicGoals,
        string? Stakeholders
    );

    public sealed record Command(Guid ActorId, Guid ProjectId, Request Body) : ICommand<ProjectSetup.View>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body).NotNull().WithMessage(_ => Messages.Get("required")).OverridePropertyName("body");
            When(
                c => c.Body is not null,
                () =>
                {
                    RuleFor(c => c.Body.Version).GreaterThanOrEqualTo(0).OverridePropertyName("version");
                    RuleFor(c => c.Body.DecisionProcess).PlainText(ProjectSetup.MaxLength).OverridePropertyName("decisionProcess");
                    RuleFor(c => c.Body.KeyDates).PlainText(ProjectSetup.MaxLength).OverridePropertyName("keyDates");
                    RuleFor(c => c.Body.PublicGoals).PlainText(ProjectSetup.MaxLength).OverridePropertyName("publicGoals");
                    RuleFor(c => c.Body.Stakeholders).PlainText(ProjectSetup.MaxLength).OverridePropertyName("stakeholders");
                }
            );
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, ProjectSetup.View>
    {
        private const string LockSql = """
            SELECT version, decision_process, key_dates, public_goals, stakeholders
              FROM project_setups WHERE project_id = @ProjectId FOR UPDATE;
            """;

        private const string InsertSql = """
            INSERT INTO project_setups (project_id, decision_process, key_dates, public_goals, stakeholders, updated_by)
            VALUES (@ProjectId, @DecisionProcess, @KeyDates, @PublicGoals, @Stakeholders, @ActorId)
            ON CONFLICT (project_id) DO NOTHING
            RETURNING version;
            """;

        private const string UpdateSql = """
            UPDATE project_setups
               SET decision_process = @DecisionProcess, key_dates = @KeyDates, public_goals = @PublicGoals,
                   stakeholders = @Stakeholders, version = version + 1, updated_at = now(), updated_by = @ActorId
             WHERE project_id = @ProjectId
            RETURNING version;
            """;

        private sealed record Answers(string DecisionProcess, string KeyDates, string PublicGoals, string Stakeholders);

        private sealed record Row(int Version, string DecisionProcess, string KeyDates, string PublicGoals, string Stakeholders)
        {
            public Answers Answers => new(DecisionProcess, KeyDates, PublicGoals, Stakeholders);
        }

        public async ValueTask<ProjectSetup.View> Handle(Command c, CancellationToken ct)
        {
            var b = c.Body;
            var answers = new Answers(
                (b.DecisionProcess ?? "").Trim(),
                (b.KeyDates ?? "").Trim(),
                (b.PublicGoals ?? "").Trim(),
                (b.Stakeholders ?? "").Trim()
            );

            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await ProjectSetup.RequireStaffAsync(connection, c.ActorId, c.ProjectId, tx, ct);
            var current = await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition(LockSql, new { c.ProjectId }, tx, cancellationToken: ct)
            );
            if (b.Version != (current?.Version ?? 0))
                throw new ConflictException(Messages.Get("project_setup_stale"), "version");
            if (current is not null && current.Answers == answers)
                return await ProjectSetup.ReadAsync(connection, c.ProjectId, tx, ct);

            var saved = await connection.QuerySingleOrDefaultAsync<int?>(
                new CommandDefinition(
                    current is null ? InsertSql : UpdateSql,
                    new
                    {
                        c.ProjectId,
                        c.ActorId,
                        answers.DecisionProcess,
                        answers.KeyDates,
                        answers.PublicGoals,
                        answers.Stakeholders,
                    },
                    tx,
                    cancellationToken: ct
                )
            ) ?? throw new ConflictException(Messages.Get("project_setup_stale"), "version"); // created by someone else in between

            static object Summary(Answers a) =>
                new
                {
                    decisionProcessLength = a.DecisionProcess.Length,
                    keyDatesLength = a.KeyDates.Length,
                    publicGoalsLength = a.PublicGoals.Length,
                    stakeholdersLength = a.Stakeholders.Length,
                };
            await events.RecordAsync(
                tx,
                EventType.ProjectSetupEdited,
                Actor.User(c.ActorId),
                c.ProjectId,
                Scope.Project(c.ProjectId),
                before: current is null ? null : Summary(current.Answers),
                after: Summary(answers),
                data: new { version = saved },
                ct: ct
            );
            var view = await ProjectSetup.ReadAsync(connection, c.ProjectId, tx, ct);
            await tx.CommitAsync(ct);
            return view;
        }
    }

    [EndpointSummary("Answer a project's setup checklist (its staff; audited). A stale version is a 409.")]
    public static ValueTask<ProjectSetup.View> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, body), ct);
}
