using System.Security.Cryptography;
using System.Text;

namespace TpmPrep.Web.Coaching;

/// <summary>
/// Invitation codes: 12 characters of Crockford's base 32 (60 random bits), shown as XXXX-XXXX-XXXX so they can be
/// read out or typed. Only <see cref="Hash"/> of a code is ever stored. Typing is forgiven: case, spaces, dashes, and
/// the letters O, I and L for the digits 0, 1 and 1.
/// </summary>
public static class InviteCodes
{
    public const int Length = 12;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new random code, already normalised (no dashes).</summary>
    public static string New()
    {
        Span<byte> random = stackalloc byte[Length];
        RandomNumberGenerator.Fill(random);
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            // 256 is a multiple of 32, so each character is uniform.
            chars[i] = Alphabet[random[i] % 32];
        }

        return new string(chars);
    }

    /// <summary>The code as people see it: XXXX-XXXX-XXXX.</summary>
    public static string Format(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Length == Length ? $"{code[..4]}-{code[4..8]}-{code[8..]}" : code;
    }

    /// <summary>What someone typed or pasted, as a code; null when it cannot be one (wrong length or a character outside the alphabet).</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 64)
        {
            return null;
        }

        var builder = new StringBuilder(Length);
        foreach (var raw in typed)
        {
            if (raw == '-' || char.IsWhiteSpace(raw))
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };
            if (!Alphabet.Contains(c, StringComparison.Ordinal) || builder.Length == Length)
            {
                return null;
            }

            builder.Append(c);
        }

        return builder.Length == Length ? builder.ToString() : null;
    }

    /// <summary>SHA-256 of the normalised code, lower-case hex: all the database keeps.</summary>
    public static string Hash(string normalisedCode)
    {
        ArgumentNullException.ThrowIfNull(normalisedCode);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normalisedCode)));
    }
}
