namespace ChatApp.BuildingBlocks.UseCases;

/// <summary>Why a use case refused, in terms the API turns into a problem-details answer.</summary>
public sealed record Failure(FailureKind Kind, string Title, string? Detail = null)
{
    /// <summary>Field name → what is wrong with it, for answers about the request's content.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>For <see cref="FailureKind.TooManyRequests"/>: when trying again makes sense.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static Failure Field(FailureKind kind, string title, string field, string problem) =>
        new(kind, title) { Errors = new Dictionary<string, string[]> { [field] = [problem] } };

    public static Failure TooMany(TimeSpan retryAfter) =>
        new(FailureKind.TooManyRequests, "Too many attempts", $"Try again in {Math.Ceiling(retryAfter.TotalSeconds)} seconds.") { RetryAfter = retryAfter };
}

public enum FailureKind
{
    Invalid,
    Unauthenticated,
    Forbidden,
    NotFound,
    Conflict,
    Gone,
    TooManyRequests,
}
