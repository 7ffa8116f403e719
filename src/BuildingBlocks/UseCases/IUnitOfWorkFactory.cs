namespace ChatApp.BuildingBlocks.UseCases;

/// <summary>Begins units of work on the service's own database.</summary>
public interface IUnitOfWorkFactory
{
    Task<IUnitOfWork> BeginAsync(CancellationToken cancellationToken);
}
