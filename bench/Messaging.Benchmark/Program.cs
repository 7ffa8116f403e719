using ChatApp.Messaging.Benchmark;
using ChatApp.Messaging.Benchmark.Idle;
using ChatApp.Messaging.Benchmark.Relay;
using ChatApp.Messaging.Benchmark.Stack;

// dotnet run -c Release --project bench/Messaging.Benchmark [-- --users 1000 --rate 1000 --seconds 60 --ceiling on --step 20 --idle 20000 --acks on --baseline on]
switch (args.FirstOrDefault())
{
    case RelayServer.Mode:
        await RelayServer.RunAsync(args[1..]);
        return 0;
    case IdleClient.Mode:
        await IdleClient.RunAsync(args[1..]);
        return 0;
}

var options = BenchmarkOptions.Parse(args);
var report = new Report(options);
report.Header();

await using var stack = await SystemUnderTest.StartAsync();
report.Line("stack up: MariaDB, RabbitMQ, Redis, token authority, Messaging");

if (options.Baseline)
    report.Add(await Scenarios.RelayBaselineAsync(stack, options, report));
report.Add(await Scenarios.MessagingAsync(stack, options, report));
if (options.IdleConnections > 0)
    report.Idle(await IdleScenario.RunAsync(stack, options, report));

report.Summary();
return 0;
