using Meetup.Benchmarks;

// dotnet run -c Release --project tests/Meetup.Benchmarks -- retention [--runs N]
//                                                          -- import
//                                                          -- dashboard [--runs N]
//                                                          -- rsvp
//                                                          -- rsvp-writer [--runs N]
//                                                          -- public-pages [--runs N] [--page-reads N]
//                                                          -- outbox [--window S]
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
    case "rsvp":
        return await RsvpBenchmark.RunAsync();
    case "rsvp-writer":
        return await RsvpWriterBenchmark.RunAsync(args.Contains("--runs") ? runs : 5);
    case "public-pages":
        return await PublicPagesBenchmark.RunAsync(args.Contains("--runs") ? runs : 3,
            args.SkipWhile(a => a != "--page-reads").Skip(1).FirstOrDefault());
    case "outbox":
        return await OutboxBenchmark.RunAsync(TimeSpan.FromSeconds(args.SkipWhile(a => a != "--window").Skip(1).Select(int.Parse).FirstOrDefault(90)));
    default:
        Console.WriteLine("usage: Meetup.Benchmarks retention [--runs N] | import | dashboard [--runs N] | rsvp | rsvp-writer [--runs N] | public-pages [--runs N] [--page-reads N] | outbox [--window S]");
        return 1;
}
return 0;
