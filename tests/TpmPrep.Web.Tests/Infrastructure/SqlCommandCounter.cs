using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TpmPrep.Web.Tests.Infrastructure;

/// <summary>Counts the SQL commands EF Core sends to one test database while it is alive, optionally only those that match.</summary>
public sealed class SqlCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly TestDatabase _database;
    private readonly Func<string, bool> _matches;
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private int _count;

    public SqlCommandCounter(TestDatabase database, Func<string, bool>? matches = null)
    {
        _database = database;
        _matches = matches ?? (_ => true);
        _subscription = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_listeners)
            {
                _listeners.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data
            && _database.Owns(data.Command.Connection) && _matches(data.Command.CommandText))
        {
            Interlocked.Increment(ref _count);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners)
        {
            _listeners.ForEach(l => l.Dispose());
        }
    }
}
