using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Calls.Application.IceServers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatApp.Calls.Api.Endpoints;

public static class IceServerEndpoints
{
    public static IEndpointRouteBuilder MapIceServerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ice-servers", Ok<IceServersView> (GetIceServers iceServers, HttpContext context) =>
                TypedResults.Ok(iceServers.Execute(context.User.GetUserId())))
            .RequireAuthorization().WithTags("Calls")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithName("GetIceServers")
            .WithSummary("STUN and TURN servers for a call, with TURN credentials of mine that expire at expiresAt.");
        return app;
    }
}
