using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Accounts;

/// <summary>
/// Refuses the passwords attackers try first: the 10,000 most common ones (Accounts/common-passwords.txt),
/// also with a few digits or symbols added ("dragon2026!"), and any that contain the person's e-mail or name.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<AppUser>
{
    /// <summary>Digits or symbols added to a common password that still leave it common.</summary>
    private const int MaxAddedCharacters = 6;

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public static int CommonPasswordCount => Common.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var errors = new List<IdentityError>();
        if (IsCommon(password))
        {
            errors.Add(new IdentityError { Code = "CommonPassword", Description = "This password is one of the most common ones, which attackers try first: choose one that is your own (a few unrelated words work well)." });
        }

        if (ContainsPersonalDetail(password, user))
        {
            errors.Add(new IdentityError { Code = "PersonalPassword", Description = "A password must not contain your e-mail address or your name." });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (Common.Value.Contains(lower))
        {
            return true;
        }

        var stem = lower.TrimEnd("0123456789!@#$%^&*()-_=+.,?~ ".ToCharArray());
        return stem.Length >= 6 && lower.Length - stem.Length <= MaxAddedCharacters && Common.Value.Contains(stem);
    }

    private static bool ContainsPersonalDetail(string password, AppUser user)
    {
        var lower = password.ToLowerInvariant();
        var details = new List<string>();
        if (user.Email is { } email)
        {
            details.Add(email.ToLowerInvariant());
            details.Add(email.Split('@')[0].ToLowerInvariant());
        }

        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            // The name as written, run together or joined by the usual separators, and each longer word of it.
            var words = user.DisplayName.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            details.AddRange(new[] { " ", string.Empty, "-", ".", "_" }.Select(separator => string.Join(separator, words)));
            details.AddRange(words.Where(w => w.Length >= 5));
        }

        // Very short names ("Al") would refuse too much.
        return details.Any(d => d.Length >= 4 && lower.Contains(d, StringComparison.Ordinal));
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("TpmPrep.Web.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("the common-password list is not embedded");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                passwords.Add(line.Trim().ToLowerInvariant());
            }
        }

        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
