using ChatApp.Identity.Application.Directory;

namespace ChatApp.Identity.Api;

public static class DirectoryEndpoints
{
    public static IEndpointRouteBuilder MapDirectoryEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/users").RequireAuthorization();
        users.MapGet("/", async (string? search, int? limit, SearchUsers searchUsers, CancellationToken cancellationToken) =>
            string.IsNullOrWhiteSpace(search) || search.Length > 64
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["search"] = ["Type 1–64 characters of a username or display name."] })
                : Results.Ok(await searchUsers.ExecuteAsync(search, limit ?? 20, cancellationToken)));

        users.MapPost("/lookup", async (LookupUsersRequest request, GetProfiles getProfiles, CancellationToken cancellationToken) =>
            Results.Ok(await getProfiles.ExecuteAsync(request.Ids!, cancellationToken)))
            .Validates<LookupUsersRequest>();
        return app;
    }
}
