using System.Net;
using System.Text.Json.Nodes;

namespace Participation.Ops.Tests.Faults;

/// <summary>
/// One resident in the storm: one request at a time (votes cast and withdrawn, basket lines added and removed, the basket
/// submitted and reopened), keeping what each acknowledged answer says is committed. An answer that never came (the
/// instance died) leaves the outcome unknown until a later acknowledged answer on the same thing.
/// </summary>
internal sealed class StormResident(int index, Guid id, string token, StormCity city)
{
    public enum Outcome
    {
        /// <summary>2xx: committed, and the answer says the state it left.</summary>
        Acknowledged,

        /// <summary>A refusal by a rule (vote limit, budget, submitted basket): nothing changed.</summary>
        Refused,

        /// <summary>No answer from an instance being killed: committed or not, nobody knows.</summary>
        Unknown,

        /// <summary>Anything else: a test failure (recorded in <see cref="Unexpected"/>).</summary>
        Unexpected,
    }

    private readonly Random _random = new(index);

    public Guid Id => id;
    public string Token => token;

    /// <summary>Per voting idea: whether the last answer said the vote is there (null: a later outcome is unknown).</summary>
    public Dictionary<Guid, bool?> Votes { get; } = city.VotingIdeas.ToDictionary(i => i, _ => (bool?)false);

    /// <summary>The basket's lines as the last answer listed them (null: a later outcome is unknown).</summary>
    public HashSet<Guid>? Lines { get; private set; } = [];

    /// <summary>Whether the last answer said the basket is submitted (null: a later outcome is unknown).</summary>
    public bool? Submitted { get; private set; } = false;

    /// <summary>
    /// Changes the answers prove happened (the state before was known and the answer's differs): each must have its event,
    /// by event type and idea (<see cref="Guid.Empty"/> for the basket's submission).
    /// </summary>
    public Dictionary<(string Type, Guid Idea), int> Changes { get; } = [];

    public List<string> Unexpected { get; } = [];

    /// <summary>How each unanswered request failed (e.g. ConnectionError: refused; ResponseEnded: cut off in flight).</summary>
    public List<string> Lost { get; } = [];

    /// <summary>
    /// Sends one request (chosen at random from what the resident believes) through <paramref name="client"/>.
    /// <paramref name="mayBeLost"/> says, when no answer comes, whether that is expected (the instance is being killed).
    /// </summary>
    public async Task<Outcome> StepAsync(HttpClient client, Func<bool> mayBeLost)
    {
        var roll = _random.Next(10);
        if (roll < 4)
        {
            var idea = city.VotingIdeas[_random.Next(city.VotingIdeas.Count)];
            var cast = Votes[idea] switch
            {
                true => false,
                false => true,
                null => _random.Next(2) == 0,
            };
            return await VoteAsync(client, mayBeLost, idea, cast);
        }
        if (Submitted == true || roll == 9)
            return await SubmitAsync(client, mayBeLost, submit: Submitted != true);
        var line = city.BudgetIdeas[_random.Next(city.BudgetIdeas.Count)];
        return await BasketAsync(client, mayBeLost, line, add: Lines is null ? _random.Next(2) == 0 : !Lines.Contains(line));
    }

    public async Task<Outcome> VoteAsync(HttpClient client, Func<bool> mayBeLost, Guid idea, bool cast)
    {
        var (outcome, body) = await SendAsync(
            client,
            mayBeLost,
            new HttpRequestMessage(cast ? HttpMethod.Put : HttpMethod.Delete, $"/api/v1/ideas/{idea}/vote")
        );
        switch (outcome)
        {
            case Outcome.Unknown:
                Votes[idea] = null;
                break;
            case Outcome.Acknowledged:
                var voted = body!["voted"]!.GetValue<bool>();
                if (voted != cast)
                    return Fail($"{(cast ? "cast" : "withdrawn")} vote on {idea} answered voted={voted}");
                if (Votes[idea] is { } before && before != voted)
                    Count(voted ? "vote.cast" : "vote.removed", idea);
                Votes[idea] = voted;
                break;
            case Outcome.Refused when !cast || (body?["reason"]?.GetValue<string>()) != "limit_reached":
                return Fail($"vote on {idea} refused: {body?.ToJsonString()}");
        }
        return outcome;
    }

    public Task<Outcome> BasketAsync(HttpClient client, Func<bool> mayBeLost, Guid idea, bool add) =>
        BasketRequestAsync(
            client,
            mayBeLost,
            new HttpRequestMessage(add ? HttpMethod.Put : HttpMethod.Delete, $"/api/v1/projects/{city.BudgetProject}/basket/ideas/{idea}"),
            (lines, _) => lines.Contains(idea) == add
        );

    public Task<Outcome> SubmitAsync(HttpClient client, Func<bool> mayBeLost, bool submit) =>
        BasketRequestAsync(
            client,
            mayBeLost,
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{city.BudgetProject}/basket/{(submit ? "submit" : "reopen")}"),
            (_, submitted) => submitted == submit
        );

    private async Task<Outcome> BasketRequestAsync(
        HttpClient client,
        Func<bool> mayBeLost,
        HttpRequestMessage request,
        Func<HashSet<Guid>, bool, bool> intended
    )
    {
        var what = $"{request.Method} {request.RequestUri}";
        var (outcome, body) = await SendAsync(client, mayBeLost, request);
        switch (outcome)
        {
            case Outcome.Unknown:
                (Lines, Submitted) = (null, null);
                break;
            case Outcome.Acknowledged:
                var lines = body!["lines"]!.AsArray().Select(l => l!["ideaId"]!.GetValue<Guid>()).ToHashSet();
                var submitted = body["submittedAt"] is not null;
                if (!intended(lines, submitted))
                    return Fail($"{what} answered {body.ToJsonString()}");
                if (Lines is { } before)
                {
                    foreach (var added in lines.Except(before))
                        Count("basket.idea_added", added);
                    foreach (var removed in before.Except(lines))
                        Count("basket.idea_removed", removed);
                }
                if (Submitted is { } was && was != submitted)
                    Count(submitted ? "basket.submitted" : "basket.reopened", Guid.Empty);
                (Lines, Submitted) = (lines, submitted);
                break;
            case Outcome.Refused when (body?["status"]?.GetValue<int>()) != 409: // over budget, empty or submitted basket
                return Fail($"{what} refused: {body?.ToJsonString()}");
        }
        return outcome;
    }

    /// <summary>
    /// 200: acknowledged (its body); 403 or 409 with a problem: refused by a rule; no answer: unknown when
    /// <paramref name="mayBeLost"/> says so; anything else unexpected.
    /// </summary>
    private async Task<(Outcome, JsonNode?)> SendAsync(HttpClient client, Func<bool> mayBeLost, HttpRequestMessage request)
    {
        using (request)
        {
            try
            {
                using var response = await client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var body = text.Length > 0 ? JsonNode.Parse(text) : null;
                return response.StatusCode switch
                {
                    HttpStatusCode.OK => (Outcome.Acknowledged, body),
                    HttpStatusCode.Forbidden or HttpStatusCode.Conflict => (Outcome.Refused, body),
                    _ => (Fail($"{request.Method} {request.RequestUri} on {client.BaseAddress}: {(int)response.StatusCode} {text}"), body),
                };
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                Lost.Add(ex is HttpRequestException h ? $"{h.HttpRequestError}" : ex.GetType().Name);
                return mayBeLost()
                    ? (Outcome.Unknown, null)
                    : (Fail($"{request.Method} {request.RequestUri} on {client.BaseAddress}: {ex.GetType().Name} {ex.Message}"), null);
            }
        }
    }

    private void Count(string type, Guid idea) => Changes[(type, idea)] = Changes.GetValueOrDefault((type, idea)) + 1;

    private Outcome Fail(string what)
    {
        Unexpected.Add($"resident {index}: {what}");
        return Outcome.Unexpected;
    }
}
