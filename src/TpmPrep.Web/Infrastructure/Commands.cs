using TpmPrep.Content.Loading;
using TpmPrep.Web.Accounts;
using TpmPrep.Web.Data;
using TpmPrep.Web.Demo;

namespace TpmPrep.Web.Infrastructure;

/// <summary>The command-line verbs: <c>dotnet run -- NAME ...</c> does one job and exits instead of serving.</summary>
public static class Commands
{
    /// <summary>check-content needs no host; the exit code when <paramref name="args"/> name it.</summary>
    public static int? RunWithoutHost(string[] args) =>
        args is ["check-content", .. var rest] ? ContentCheck.Run(rest, Console.Out, Console.Error) : null;

    /// <summary>The commands that use the app's services and database; the exit code when <paramref name="args"/> name one.</summary>
    public static async Task<int?> RunAsync(WebApplication app, TpmPrepPaths paths, string[] args)
    {
        if (args.Length == 0)
        {
            return null;
        }

        var rest = args[1..];
        return args[0] switch
        {
            "make-admin" => await AdminCommand.RunAsync(app.Services, rest, Console.Out, Console.Error),
            "copy-to-postgresql" => await CopyToPostgresCommand.RunAsync(app.Services, paths, rest, Console.Out, Console.Error),
            "reset-link" => await ResetLinkCommand.RunAsync(app.Services, app.Configuration, rest, Console.Out, Console.Error),
            "seed-demo" => await SeedDemoCommand.RunAsync(app.Services, rest, Console.Out, Console.Error),
            "seed-load-test" => await SeedLoadTestCommand.RunAsync(app.Services, rest, Console.Out, Console.Error),
            _ => null,
        };
    }
}
