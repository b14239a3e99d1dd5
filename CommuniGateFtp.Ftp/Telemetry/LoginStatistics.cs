namespace CommuniGateFtp.Ftp.Telemetry;

/// <summary>PASS outcomes in the last hour, for <c>GET /api/stats</c> (the <c>ftp.logins</c> metric counts them for OpenTelemetry).</summary>
public sealed class LoginStatistics(TimeProvider time)
{
    public HourlyCount Succeeded { get; } = new(time);

    public HourlyCount Failed { get; } = new(time);

    public void Record(bool succeeded)
    {
        FtpTelemetry.Logins.Add(1, new KeyValuePair<string, object?>("result", succeeded ? "success" : "failure"));
        (succeeded ? Succeeded : Failed).Add();
    }
}
