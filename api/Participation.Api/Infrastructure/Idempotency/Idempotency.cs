using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Participation.Api.Infrastructure.Jobs;

namespace Participation.Api.Infrastructure.Idempotency;

/// <summary>Marks an endpoint as honouring the <c>Idempotency-Key</c> request header.</summary>
public sealed class IdempotentMetadata;

/// <summary>
/// <c>Idempotency-Key</c> for POST endpoints that are not idempotent by construction. The first request with a
/// key (per signed-in user) claims it in the database before it runs; its response (status, type, location,
/// body) is stored when it completes. The same key with the same request replays that response
/// (<c>Idempotent-Replayed: true</c>) without a second effect; with a different request it is a 422; while the
/// first is still running, a 409. A request that failed with an error leaves no key behind, so it can be retried.
/// A claim left by a crashed instance can be taken over after a minute. Keys live for a day.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, CityDb db, IProblemDetailsService problems)
{
    public const string Header = "Idempotency-Key";

    private const string ClaimSql = """
        INSERT INTO idempotency_keys (user_id, key, request_hash) VALUES (@UserId, @Key, @Hash)
        ON CONFLICT (user_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now()
         WHERE idempotency_keys.completed_at IS NULL AND idempotency_keys.created_at < now() - interval '1 minute'
           AND idempotency_keys.request_hash = EXCLUDED.request_hash
        RETURNING true;
        """;

    private const string FindSql = """
        SELECT request_hash, status_code, content_type, location, response_body, completed_at IS NOT NULL AS completed
          FROM idempotency_keys WHERE user_id = @UserId AND key = @Key;
        """;

    private const string CompleteSql = """
        UPDATE idempotency_keys SET status_code = @Status, content_type = @ContentType, location = @Location, response_body = @Body,
               completed_at = now()
         WHERE user_id = @UserId AND key = @Key;
        """;

    private const string ReleaseSql = "DELETE FROM idempotency_keys WHERE user_id = @UserId AND key = @Key AND completed_at IS NULL;";

    private sealed record Stored(
        byte[] RequestHash,
        int? StatusCode,
        string? ContentType,
        string? Location,
        byte[]? ResponseBody,
        bool Completed
    );

    public async Task InvokeAsync(HttpContext http)
    {
        // An empty header counts as no header (generated clients send one when the optional key is left out).
        if (
            http.GetEndpoint()?.Metadata.GetMetadata<IdempotentMetadata>() is null
            || !http.Request.Headers.TryGetValue(Header, out var values)
            || values.All(string.IsNullOrEmpty)
            || http.User.UserIdOrNull() is not { } userId
        )
        {
            await next(http);
            return;
        }
        var key = values.ToString();
        if (values.Count != 1 || key.Length > 200 || key.Any(TextRules.IsForbidden))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await problems.WriteAsync(
                new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = Errors.RequestErrors.Invalid(Header, Messages.Get("idempotency_key")),
                }
            );
            return;
        }

        http.Request.EnableBuffering();
        using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hasher.AppendData(System.Text.Encoding.UTF8.GetBytes($"{http.Request.Method}\n{http.Request.Path}{http.Request.QueryString}\n"));
        await using (var copy = new MemoryStream())
        {
            await http.Request.Body.CopyToAsync(copy, http.RequestAborted);
            hasher.AppendData(copy.ToArray());
        }
        http.Request.Body.Position = 0;
        var hash = hasher.GetHashAndReset();
        var args = new
        {
            UserId = userId,
            Key = key,
            Hash = hash,
        };

        bool claimed;
        await using (var connection = await db.OpenConnectionAsync(http.RequestAborted))
        {
            claimed =
                await connection.ExecuteScalarAsync<bool?>(new CommandDefinition(ClaimSql, args, cancellationToken: http.RequestAborted))
                == true;
            if (!claimed)
            {
                var stored = await connection.QuerySingleOrDefaultAsync<Stored>(
                    new CommandDefinition(FindSql, args, cancellationToken: http.RequestAborted)
                );
                if (stored is null)
                    await ProblemAsync(http, StatusCodes.Status409Conflict, Messages.Get("idempotency_in_progress"));
                else if (!CryptographicOperations.FixedTimeEquals(stored.RequestHash, hash))
                    await ProblemAsync(http, StatusCodes.Status422UnprocessableEntity, Messages.Get("idempotency_mismatch"));
                else if (!stored.Completed)
                    await ProblemAsync(http, StatusCodes.Status409Conflict, Messages.Get("idempotency_in_progress"));
                else
                    await ReplayAsync(http, stored);
                return;
            }
        }

        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        catch
        {
            http.Response.Body = original;
            await ReleaseAsync(args);
            throw;
        }
        http.Response.Body = original;
        var status = http.Response.StatusCode;
        await using (var connection = await db.OpenConnectionAsync(CancellationToken.None))
        {
            if (status >= 500)
                await connection.ExecuteAsync(ReleaseSql, args);
            else
                await connection.ExecuteAsync(
                    CompleteSql,
                    new
                    {
                        userId,
                        Key = key,
                        Status = status,
                        http.Response.ContentType,
                        Location = http.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null,
                        Body = buffer.ToArray(),
                    }
                );
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private async Task ReleaseAsync(object args)
    {
        await using var connection = await db.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync(ReleaseSql, args);
    }

    private static async Task ReplayAsync(HttpContext http, Stored stored)
    {
        http.Response.StatusCode = stored.StatusCode ?? StatusCodes.Status200OK;
        if (stored.ContentType is not null)
            http.Response.ContentType = stored.ContentType;
        if (stored.Location is not null)
            http.Response.Headers.Location = stored.Location;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (stored.ResponseBody is { Length: > 0 } body)
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    private Task ProblemAsync(HttpContext http, int status, string title)
    {
        http.Response.StatusCode = status;
        return problems
            .WriteAsync(
                new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails { Status = status, Title = title },
                }
            )
            .AsTask();
    }
}

/// <summary>Forgets keys older than a day.</summary>
public sealed class IdempotencyKeyCleanup(CityDb db) : IPeriodicJob
{
    public string Name => "idempotency keys";

    public TimeSpan Interval(JobOptions o) => TimeSpan.FromHours(1);

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(
            new CommandDefinition("DELETE FROM idempotency_keys WHERE created_at < now() - interval '1 day';", cancellationToken: ct)
        );
        return 0;
    }
}

public static class IdempotencySetup
{
    /// <summary>The endpoint honours Idempotency-Key (documented in OpenAPI by the operation filter).</summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder) => builder.WithMetadata(new IdempotentMetadata());

    public static IServiceCollection AddIdempotency(this IServiceCollection services)
    {
        services.AddSingleton<IdempotencyKeyCleanup>();
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<IdempotencyKeyCleanup>());
        return services;
    }

    public static WebApplication UseIdempotency(this WebApplication app)
    {
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }
}
