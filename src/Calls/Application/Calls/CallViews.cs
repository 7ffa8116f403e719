using ChatApp.Calls.Application.Users;
using ChatApp.Calls.Domain;

namespace ChatApp.Calls.Application.Calls;

/// <summary>Turns calls into <see cref="CallView"/>s with the two people's names.</summary>
public sealed class CallViews(IUserDirectory directory)
{
    public async Task<CallView> OfAsync(Call call, CancellationToken cancellationToken) =>
        CallView.Of(call, await directory.FindAsync([call.Caller.UserId, call.Callee.UserId], cancellationToken));
}
