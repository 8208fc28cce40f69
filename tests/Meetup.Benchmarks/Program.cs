using Meetup.Benchmarks;

// dotnet run -c Release --project tests/Meetup.Benchmarks -- rsvp
switch (args.FirstOrDefault())
{
    case "rsvp":
        return await RsvpBenchmark.RunAsync();
    default:
        Console.WriteLine("usage: Meetup.Benchmarks rsvp");
        return 1;
}
