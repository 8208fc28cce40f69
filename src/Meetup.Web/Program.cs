using Meetup.Web.Hosting;

// A table of contents: each line is one part of the app, set up in Hosting/.
var builder = WebApplication.CreateBuilder(CommandLineSwitches.Expand(args));

builder.AddMeetupLogging();
builder.AddMeetupDatabase();
builder.AddMeetupAuth();
builder.AddMeetupWeb();
builder.AddMeetupRateLimits();
builder.AddMeetupForwardedHeaders();
builder.Services.AddMeetupFeatures();

var app = builder.Build();

await app.PrepareDatabaseAsync();
app.UseMeetupPipeline();
app.MapMeetupEndpoints();

await app.RunAsync();

/// <summary>Entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
