using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Infrastructure.RateLimiting;
using ChatApp.Identity.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.Identity.Tests.Security;

/// <summary>The attempt limiter against the service's real database, with a clock the test moves.</summary>
public sealed class AttemptLimiterTests(IdentityFixture identity)
{
    private static readonly RateLimit ThreePerTenMinutes = new(3, TimeSpan.FromMinutes(10));

    // Just before a clock-aligned boundary of the window (a multiple of ten minutes).
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 30, 12, 9, 59, TimeSpan.Zero));

    private AttemptLimiter Limiter => new(identity.IdentityServices.GetRequiredService<ServiceDatabase>(), _clock);

    private static string NewBucket() => $"test:{Guid.NewGuid():N}";

    [Fact]
    public async Task Twice_the_limit_does_not_fit_across_a_window_boundary()
    {
        var bucket = NewBucket();
        for (var i = 0; i < 3; i++)
            Assert.Null(await Limiter.HitAsync(bucket, ThreePerTenMinutes, TestContext.Current.CancellationToken));

        // Two seconds later a fixed window would have started afresh at 12:10:00.
        _clock.Now += TimeSpan.FromSeconds(2);
        var retryAfter = await Limiter.HitAsync(bucket, ThreePerTenMinutes, TestContext.Current.CancellationToken);

        Assert.Equal(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(2), retryAfter);
    }

    [Fact]
    public async Task An_attempt_is_admitted_again_exactly_when_the_oldest_leaves_the_window()
    {
        var bucket = NewBucket();
        var start = _clock.Now;
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(await Limiter.HitAsync(bucket, ThreePerTenMinutes, TestContext.Current.CancellationToken));
            _clock.Now += TimeSpan.FromMinutes(1);
        }

        // Refused attempts are not counted: hammering does not push the opening further away.
        for (var i = 0; i < 5; i++)
            Assert.NotNull(await Limiter.HitAsync(bucket, ThreePerTenMinutes, TestContext.Current.CancellationToken));
        _clock.Now = start + TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(10);
        Assert.Equal(TimeSpan.FromTicks(10), await Limiter.HitAsync(bucket, ThreePerTenMinutes, TestContext.Current.CancellationToken));

        _clock.Now = start + TimeSpan.FromMinutes(10);
        Assert.Null(await Limiter.HitAsync(bucket, ThreePerTenMinutes, TestContext.Current.CancellationToken));
        // One place came free, and only one: the next waits for the second oldest (admitted a minute after the first).
        Assert.Equal(TimeSpan.FromMinutes(1), await Limiter.HitAsync(bucket, ThreePerTenMinutes, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Concurrent_attempts_from_several_replicas_never_exceed_the_limit()
    {
        var bucket = NewBucket();
        var database = identity.IdentityServices.GetRequiredService<ServiceDatabase>();
        // Separate limiters stand for separate replicas sharing the database.
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            new AttemptLimiter(database, _clock).HitAsync(bucket, ThreePerTenMinutes, TestContext.Current.CancellationToken)));

        Assert.Equal(3, results.Count(result => result is null));
    }
}
