using Meetup.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

// A renderer of our own (as bunit has) to run after-render callbacks the way a circuit does.
#pragma warning disable BL0006

namespace Meetup.Tests.Components;

/// <summary>
/// A chart that calls JavaScript after rendering fails when the browser has already left; the guard around it
/// keeps that from being logged as an error of the circuit, and still reports any other failure.
/// </summary>
public class JSDisconnectGuardTests
{
    [Fact]
    public async Task A_js_call_after_the_browser_left_is_dropped_quietly()
    {
        var logs = new LogSink();
        using var renderer = new TestRenderer(logs);

        await renderer.RenderGuardedAsync(new JSDisconnectedException("The circuit has disconnected."));

        Assert.Empty(renderer.Unhandled);
        Assert.DoesNotContain(logs.Snapshot(), e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Any_other_failure_is_logged_as_an_error_and_the_rest_of_the_page_lives_on()
    {
        var logs = new LogSink();
        using var renderer = new TestRenderer(logs);

        await renderer.RenderGuardedAsync(new InvalidOperationException("The chart broke."));
        // Under load the guard's second render has been seen before its log line reached the sink: wait for the line.
        for (var waited = 0; waited < 100 && !logs.Has(LogLevel.Error); waited++)
        {
            await Task.Delay(100);
        }

        Assert.Empty(renderer.Unhandled);
        var error = Assert.Single(logs.Snapshot(), e => e.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(error.Exception);
    }

    /// <summary>Renders like a circuit: after-render callbacks run once the (here immediate) display update is done.</summary>
    private sealed class TestRenderer(LogSink logs) : Renderer(Services(logs), new LoggerFactory([logs]))
    {
        public List<Exception> Unhandled { get; } = [];

        public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();

        public async Task RenderGuardedAsync(Exception afterRender)
        {
            await Dispatcher.InvokeAsync(async () =>
            {
                var root = new Root(afterRender);
                var id = AssignRootComponentId(root);
                await RenderRootComponentAsync(id);
            });
            // The failing call lands after rendering; the guard logs it, then renders again (shown or hidden).
            await _guardRendered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        private readonly TaskCompletionSource _guardRendered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _updates;

        protected override void HandleException(Exception exception) => Unhandled.Add(exception);

        protected override Task UpdateDisplayAsync(in RenderBatch renderBatch)
        {
            if (++_updates == 2)
            {
                _guardRendered.TrySetResult();
            }
            return Task.CompletedTask;
        }

        private static ServiceProvider Services(LogSink logs)
        {
            var services = new ServiceCollection();
            services.AddLogging(b => b.AddProvider(logs));
            services.AddLocalization();
            services.AddSingleton<IStringLocalizerFactory, ResourceManagerStringLocalizerFactory>();
            return services.BuildServiceProvider();
        }
    }

    /// <summary>The guard around a component whose after-render JavaScript call fails.</summary>
    private sealed class Root(Exception afterRender) : IComponent
    {
        private RenderHandle _handle;

        public void Attach(RenderHandle renderHandle) => _handle = renderHandle;

        public Task SetParametersAsync(ParameterView parameters)
        {
            _handle.Render(builder =>
            {
                builder.OpenComponent<JSDisconnectGuard>(0);
                builder.AddComponentParameter(1, nameof(JSDisconnectGuard.ChildContent), (RenderFragment)(b =>
                {
                    b.OpenComponent<Failing>(0);
                    b.AddComponentParameter(1, nameof(Failing.Exception), afterRender);
                    b.CloseComponent();
                }));
                builder.CloseComponent();
            });
            return Task.CompletedTask;
        }
    }

    private sealed class Failing : ComponentBase
    {
        [Parameter]
        public Exception Exception { get; set; } = default!;

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddMarkupContent(0, "<svg></svg>");

        protected override async Task OnAfterRenderAsync(bool firstRender)
        {
            await Task.Yield();
            throw Exception;
        }
    }

    private sealed class LogSink : ILoggerProvider
    {
        public List<(LogLevel Level, Exception? Exception)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public bool Has(LogLevel level) => Snapshot().Any(e => e.Level == level);

        public List<(LogLevel Level, Exception? Exception)> Snapshot()
        {
            lock (Entries)
            {
                return [.. Entries];
            }
        }

        public void Dispose()
        {
        }

        private sealed class Logger(LogSink sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (sink.Entries)
                {
                    sink.Entries.Add((logLevel, exception));
                }
            }
        }
    }
}
