using Microsoft.AspNetCore.Identity;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Accounts;

/// <summary><c>make-admin EMAIL</c>: gives an existing account the Admin role, so it can change other people's roles.</summary>
internal static class AdminCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length != 1)
        {
            await error.WriteLineAsync("usage: make-admin EMAIL");
            return 2;
        }

        await services.PrepareDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(args[0]);
        if (user is null)
        {
            await error.WriteLineAsync($"No account with the email {args[0]}: register it first.");
            return 1;
        }

        if (!await users.IsInRoleAsync(user, AppRoles.Admin))
        {
            await users.AddToRoleAsync(user, AppRoles.Admin);
        }

        await output.WriteLineAsync($"{args[0]} is now an admin.");
        return 0;
    }
}
