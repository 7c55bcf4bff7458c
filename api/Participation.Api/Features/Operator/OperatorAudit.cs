using System.Data;
using System.Text.Json;

namespace Participation.Api.Features.Operator;

/// <summary>
/// The operators' audit (<c>operator_audit</c>, a platform table): written in the transaction of the change it records,
/// so a change without its entry, or an entry without its change, cannot happen.
/// </summary>
public static class OperatorAudit
{
    private const string Insert = """
        INSERT INTO operator_audit (id, operator_id, action, city_id, details)
        VALUES (@Id, @OperatorId, @Action, @CityId, @Details::jsonb);
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(
        IDbConnection connection,
        IDbTransaction? tx,
        Guid operatorId,
        string action,
        Guid? cityId,
        object details,
        CancellationToken ct
    ) =>
        connection.ExecuteAsync(
            new CommandDefinition(
                Insert,
                new
                {
                    Id = Guid.CreateVersion7(),
                    OperatorId = operatorId,
                    Action = action,
                    CityId = cityId,
                    Details = JsonSerializer.Serialize(details, Json),
                },
                tx,
                cancellationToken: ct
            )
        );
}
