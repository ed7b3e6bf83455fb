using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Infrastructure;

/// <summary>
/// Healthy when the database answers and the catalogue loaded without errors; degraded (still 200) while
/// content errors are reported and the last good content is served; unhealthy (503) without a database
/// or without a single question to serve, and while the content is still being loaded or the database prepared at start-up.
/// </summary>
internal sealed class TpmPrepHealthCheck(AppDbContext db, DatabaseReadiness database, CatalogueProvider catalogue) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!catalogue.IsLoaded)
        {
            // Listening already, but pages wait until the library is read: not ready for traffic yet.
            return HealthCheckResult.Unhealthy("loading content", data: new Dictionary<string, object> { ["loading"] = true });
        }

        if (!database.IsReady)
        {
            // Listening already, but pages wait until migrations have run: not ready for traffic yet.
            return HealthCheckResult.Unhealthy("preparing the database", data: new Dictionary<string, object> { ["preparing"] = true });
        }

        var current = catalogue.Current;
        var data = new Dictionary<string, object>
        {
            ["database"] = db.Database.IsNpgsql() ? "PostgreSQL" : db.Database.IsSqlite() ? "SQLite" : db.Database.ProviderName ?? "unknown",
            ["questions"] = current.QuestionCount,
            ["contentErrors"] = current.Errors.Count,
            ["keptFiles"] = current.KeptFiles.Count,
        };
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("database unreachable", data: data);
        }

        if (current.QuestionCount == 0)
        {
            return HealthCheckResult.Unhealthy($"no questions loaded ({current.Errors.Count} content errors)", data: data);
        }

        return current.Errors.Count == 0
            ? HealthCheckResult.Healthy($"{current.QuestionCount} questions", data)
            : HealthCheckResult.Degraded($"{current.QuestionCount} questions served, {current.Errors.Count} content errors (see /content-status)", data: data);
    }

    /// <summary>The report as one JSON object: status, what it means, and the figures behind it.</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var entry = report.Entries.Values.FirstOrDefault();
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new Dictionary<string, object?> { ["status"] = report.Status.ToString(), ["description"] = entry.Description };
        foreach (var (key, value) in entry.Data ?? new Dictionary<string, object>())
        {
            body[key] = value;
        }

        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
