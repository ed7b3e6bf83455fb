using Microsoft.Extensions.Diagnostics.HealthChecks;
using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Infrastructure;

/// <summary>Healthy when the database answers and the catalogue has at least one question to serve.</summary>
internal sealed class TpmPrepHealthCheck(AppDbContext db, CatalogueProvider catalogue) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("database unreachable");
        }

        var current = catalogue.Current;
        return current.QuestionCount == 0
            ? HealthCheckResult.Unhealthy($"no questions loaded ({current.Errors.Count} content errors)")
            : HealthCheckResult.Healthy($"{current.QuestionCount} questions, {current.Errors.Count} content errors");
    }
}
