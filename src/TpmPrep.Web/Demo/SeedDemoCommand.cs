using TpmPrep.Web.Catalogue;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Demo;

/// <summary><c>seed-demo [EMAIL] [PASSWORD]</c>: creates a demo candidate with four months of practice history, and a demo hiring manager with two interview kits.</summary>
internal static class SeedDemoCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length > 2)
        {
            await error.WriteLineAsync("usage: seed-demo [EMAIL] [PASSWORD]");
            return 2;
        }

        var email = args.Length > 0 ? args[0] : DemoData.DefaultEmail;
        var password = args.Length > 1 ? args[1] : DemoData.DefaultPassword;
        await services.PrepareDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var catalogue = scope.ServiceProvider.GetRequiredService<CatalogueProvider>().Current;
        var demo = scope.ServiceProvider.GetRequiredService<DemoData>();
        await output.WriteLineAsync(await demo.CreateAccountAsync(email, password, catalogue, CancellationToken.None)
            ? $"Demo candidate created: log in as {email} with the password {password}"
            : $"{email} already exists; nothing changed.");
        var hiring = scope.ServiceProvider.GetRequiredService<DemoHiring>();
        await output.WriteLineAsync(await hiring.CreateAsync(password, catalogue, CancellationToken.None)
            ? $"Demo hiring manager created, with two interview kits and a plan: log in as {DemoHiring.ManagerEmail} with the password {password} (interviewers: {string.Join(", ", DemoHiring.InterviewerEmails)}, same password)"
            : $"{DemoHiring.ManagerEmail} already exists; nothing changed.");
        var coaching = scope.ServiceProvider.GetRequiredService<DemoCoaching>();
        await output.WriteLineAsync(await coaching.CreateAsync(email, password, CancellationToken.None)
            ? $"Demo coach created, coaching {email}: log in as {DemoCoaching.CoachEmail} with the password {password}"
            : $"{DemoCoaching.CoachEmail} already exists; nothing changed.");
        return 0;
    }
}
