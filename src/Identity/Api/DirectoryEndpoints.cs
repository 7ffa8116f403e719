using ChatApp.Identity.Application.Directory;

namespace ChatApp.Identity.Api;

public static class DirectoryEndpoints
{
    public static IEndpointRouteBuilder MapDirectoryEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/users").RequireAuthorization().WithTags("Users");
        users.MapGet("/", async (string? search, int? limit, SearchUsers searchUsers, CancellationToken cancellationToken) =>
            string.IsNullOrWhiteSpace(search) || search.Length > 64
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["search"] = ["Type 1–64 characters of a username or display name."] })
                : limit is < 1 or > SearchUsers.MaxResults
                    ? Results.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"Ask for 1 to {SearchUsers.MaxResults} people."] })
                    : Results.Ok(await searchUsers.ExecuteAsync(search, limit ?? 20, cancellationToken)))
            .WithName("SearchUsers")
            .Produces<IReadOnlyList<UserProfile>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        users.MapPost("/lookup", async (LookupUsersRequest request, GetProfiles getProfiles, CancellationToken cancellationToken) =>
            Results.Ok(await getProfiles.ExecuteAsync(request.Ids!, cancellationToken)))
            .WithName("LookupUsers")
            .Validates<LookupUsersRequest>()
            .Produces<IReadOnlyList<UserProfile>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}
