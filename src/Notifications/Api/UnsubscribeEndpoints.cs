using ChatApp.BuildingBlocks.Api;
using ChatApp.Notifications.Application.Preferences;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatApp.Notifications.Api;

/// <summary>
/// The link in every email that can be switched off. Mail clients that support RFC 8058 POST to
/// it (one click, no page); a person opening it gets a page with a button, because link
/// scanners and previews open links too and must not unsubscribe anyone.
/// </summary>
public static class UnsubscribeEndpoints
{
    public static IEndpointRouteBuilder MapUnsubscribeEndpoints(this IEndpointRouteBuilder app)
    {
        // Opened from an email, signed in or not: the signed token in the link is the credential.
        // A link that is not one we signed answers 400; one for an account not known yet, 404.
        var links = app.MapGroup("/unsubscribe").AllowAnonymous().WithTags("Unsubscribe")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        links.MapGet("", async Task<Results<ContentHttpResult, ProblemHttpResult>> (
                string? token, Unsubscribe unsubscribe, HttpContext context, CancellationToken cancellationToken) =>
            {
                var result = await unsubscribe.InspectAsync(token, cancellationToken);
                return result.Answer(context, preferences => UnsubscribePage.Confirm(preferences, context.Request.Path + context.Request.QueryString));
            })
            .WithName("ShowUnsubscribePage")
            .Produces<string>(StatusCodes.Status200OK, UnsubscribePage.ContentType)
            .WithSummary("The page an unsubscribe link opens: what it would switch off, and a button to confirm. Changes nothing.");

        // The body (List-Unsubscribe=One-Click) is not read: the signed token says everything.
        links.MapPost("", async Task<Results<ContentHttpResult, ProblemHttpResult>> (
                string? token, Unsubscribe unsubscribe, HttpContext context, CancellationToken cancellationToken) =>
            {
                var result = await unsubscribe.ExecuteAsync(token, cancellationToken);
                return result.Answer(context, UnsubscribePage.Done);
            })
            .WithName("Unsubscribe")
            .Produces<string>(StatusCodes.Status200OK, UnsubscribePage.ContentType)
            .WithSummary("Switches off what the link names (RFC 8058 one-click unsubscribe) and answers a page saying so.");
        return app;
    }
}
