using System.Runtime.ExceptionServices;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Data;

/// <summary>
/// The server starts while the database is being prepared (migrations, WAL mode, roles: <see cref="DatabaseStartup"/>),
/// on another core, instead of after it. Until it is ready, each request but the health check and static files
/// waits for it without holding a thread (<see cref="DatabaseReady.UseDatabaseReady"/>), and the import worker does not start
/// work. When preparing fails, the app stops and the error comes out of <see cref="ThrowIfFailed"/>, as it did when
/// preparing came first.
/// </summary>
public sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Exception? _failure;

    /// <summary>The lifetime of the app this prepares the database for (set by <see cref="Start"/>).</summary>
    internal IHostApplicationLifetime? Lifetime { get; private set; }

    /// <summary>Completes when the database is ready; faults with the error when it cannot be.</summary>
    public Task Ready => _ready.Task;

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>Prepares the database on the thread pool; the app is stopped if that fails.</summary>
    public void Start(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(lifetime);
        Lifetime = lifetime;
        _ = Task.Run(async () =>
        {
            try
            {
                await services.PrepareDatabaseAsync(lifetime.ApplicationStopping);
                _ready.TrySetResult();
            }
#pragma warning disable CA1031 // Any failure stops the app and is thrown again from Main.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogCritical(ex, "The database could not be prepared; the app stops");
                // The app stops before Ready faults, so whatever sees the fault sees the app stopping; and
                // Main, once the server has stopped, finds the error here.
                Volatile.Write(ref _failure, ex);
                lifetime.StopApplication();
                _ready.TrySetException(ex);
            }
        });
    }

    /// <summary>Throws the error that stopped the app, if preparing the database failed.</summary>
    public void ThrowIfFailed()
    {
        if (Volatile.Read(ref _failure) is { } error)
        {
            ExceptionDispatchInfo.Throw(error);
        }
    }
}

/// <summary>Holds requests back until the database is ready (see <see cref="DatabaseReadiness"/>).</summary>
public static class DatabaseReady
{
    public static IApplicationBuilder UseDatabaseReady(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var readiness = app.ApplicationServices.GetRequiredService<DatabaseReadiness>();
        return app.UseHeldUntil(() => readiness.IsReady, () => readiness.Ready);
    }
}
