namespace ChatApp.Identity.Application.Security;

/// <summary>
/// Every authentication event, as a structured log line (for the dashboard) and a stored row
/// (for the user's activity page and for investigations). Kinds are <see cref="SecurityEventKind"/>.
/// </summary>
public interface ISecurityEventLog
{
    /// <summary>Records inside the use case's unit of work: the event exists only if the change does.</summary>
    Task RecordAsync(IUnitOfWork unitOfWork, string kind, Client client, Guid? userId, Guid? sessionId = null, string? detail = null, CancellationToken cancellationToken = default);

    /// <summary>Records on its own, for failures whose use case changes nothing else.</summary>
    Task RecordAsync(string kind, Client client, Guid? userId, Guid? sessionId = null, string? detail = null, CancellationToken cancellationToken = default);
}
