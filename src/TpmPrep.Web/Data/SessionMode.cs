namespace TpmPrep.Web.Data;

public enum SessionMode
{
    Practice = 0,
    MockInterview = 1,
}
