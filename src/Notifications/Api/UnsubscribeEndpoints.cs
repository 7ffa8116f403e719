using ChatApp.BuildingBlocks.Api;
using ChatApp.Notifications.Application.Preferences;

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
        var links = app.MapGroup("/unsubscribe").AllowAnonymous().WithTags("Unsubscribe");
        links.MapGet("", async (string? token, Unsubscribe unsubscribe, HttpContext context, CancellationToken cancellationToken) =>
            (await unsubscribe.InspectAsync(token, cancellationToken))
            .ToResult(context, link => UnsubscribePage.Confirm(link, context.Request.Path + context.Request.QueryString)))
            .WithName("ShowUnsubscribePage")
            .Produces<string>(StatusCodes.Status200OK, UnsubscribePage.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        // The body (List-Unsubscribe=One-Click) is not read: the signed token says everything.
        links.MapPost("", async (string? token, Unsubscribe unsubscribe, HttpContext context, CancellationToken cancellationToken) =>
            (await unsubscribe.ExecuteAsync(token, cancellationToken)).ToResult(context, UnsubscribePage.Done))
            .WithName("Unsubscribe")
            .Produces<string>(StatusCodes.Status200OK, UnsubscribePage.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
