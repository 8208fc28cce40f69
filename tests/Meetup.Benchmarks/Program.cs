using Meetup.Benchmarks;

// dotnet run -c Release --project tests/Meetup.Benchmarks -- retention [--runs N]
//                                                          -- import
//                                                          -- dashboard [--runs N]
var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(11);
switch (args.FirstOrDefault())
{
    case "retention":
        await RetentionBenchmark.RunAsync(runs);
        break;
    case "import":
        await ImportBenchmark.RunAsync();
        break;
    case "dashboard":
        return await DashboardBenchmark.RunAsync(runs);
    default:
        Console.WriteLine("usage: Meetup.Benchmarks retention [--runs N] | import | dashboard [--runs N]");
        return 1;
}
return 0;
