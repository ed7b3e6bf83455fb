namespace TpmPrep.Web.Data;

public enum ImportStatus
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}
