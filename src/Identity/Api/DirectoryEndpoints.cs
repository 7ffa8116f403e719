using ChatApp.Identity.Application.Directory;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatApp.Identity.Api;

public static class DirectoryEndpoints
{
    public static IEndpointRouteBuilder MapDirectoryEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/users").RequireAuthorization().WithTags("Users");
        users.MapGet("/", async Task<Results<Ok<IReadOnlyList<UserProfile>>, ValidationProblem>> (
                string? search, int? limit, SearchUsers searchUsers, CancellationToken cancellationToken) =>
            string.IsNullOrWhiteSpace(search) || search.Length > 64
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["search"] = ["Type 1–64 characters of a username or display name."] })
                : limit is < 1 or > SearchUsers.MaxResults
                    ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"Ask for 1 to {SearchUsers.MaxResults} people."] })
                    : TypedResults.Ok(await searchUsers.ExecuteAsync(search, limit ?? 20, cancellationToken)))
            .WithName("SearchUsers")
            .WithSummary("People whose username or display name starts with search, by username, to start a chat with.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        users.MapPost("/lookup", async Task<Ok<IReadOnlyList<UserProfile>>> (LookupUsersRequest request, GetProfiles getProfiles, CancellationToken cancellationToken) =>
                TypedResults.Ok(await getProfiles.ExecuteAsync(request.Ids!, cancellationToken)))
            .WithName("LookupUsers")
            .WithSummary("The profiles of a batch of user ids; ids that name nobody are left out.")
            .Validates<LookupUsersRequest>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}
