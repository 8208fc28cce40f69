namespace Meetup.Web.Features.Retention.Dashboard;

/// <summary>Which figures a session table shows: the ones of the chart it stands in for.</summary>
public enum SessionFigures { ReturnRate, Lifecycle, NoShows }
