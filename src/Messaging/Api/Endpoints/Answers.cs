namespace ChatApp.Messaging.Api.Endpoints;

/// <summary>What every Messaging endpoint shares: a signed-in caller.</summary>
internal static class Answers
{
    /// <summary>
    /// Only for a signed-in caller; anyone else is answered 401 by the authentication middleware,
    /// without a body, which the document says.
    /// </summary>
    public static TBuilder RequireSignedIn<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization().WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(void)));
}
