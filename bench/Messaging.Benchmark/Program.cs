using ChatApp.Messaging.Benchmark;
using ChatApp.Messaging.Benchmark.Load;
using ChatApp.Messaging.Benchmark.Relay;
using ChatApp.Messaging.Benchmark.Stack;

// dotnet run -c Release --project bench/Messaging.Benchmark [-- --users 1000 --rate 1000 --seconds 60 --idle 10000 --acks on --baseline on]
if (args.FirstOrDefault() == RelayServer.Mode)
{
    await RelayServer.RunAsync(args[1..]);
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
    report.Idle(await Scenarios.IdleAsync(stack, options, report));

report.Summary();
return 0;
