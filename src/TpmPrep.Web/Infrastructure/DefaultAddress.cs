namespace TpmPrep.Web.Infrastructure;

public static class DefaultAddress
{
    public const string Url = "http://localhost:5080";
}
