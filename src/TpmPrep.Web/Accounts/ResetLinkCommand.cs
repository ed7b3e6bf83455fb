using TpmPrep.Web.Data;
using TpmPrep.Web.Infrastructure;

namespace TpmPrep.Web.Accounts;

/// <summary><c>reset-link EMAIL</c>: prints a single-use link that lets the account's owner choose a new password.</summary>
internal static class ResetLinkCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, IConfiguration configuration, string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length != 1)
        {
            await error.WriteLineAsync("usage: reset-link EMAIL");
            return 2;
        }

        await services.PrepareDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<PasswordResets>().CreateAsync(args[0], CancellationToken.None);
        if (created is not { } link)
        {
            await error.WriteLineAsync($"No account with the email {args[0]}.");
            return 1;
        }

        var baseUrl = (configuration["TpmPrep:PublicUrl"] ?? DefaultAddress.Url).TrimEnd('/');
        await output.WriteLineAsync($"Reset link for {args[0]} (works once, until {link.ExpiresUtc:yyyy-MM-dd HH:mm} UTC):");
        await output.WriteLineAsync($"{baseUrl}/account/reset-password?token={link.Token}");
        return 0;
    }
}
