using System.Net;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Tests.Ftp.Protocol;

public sealed class HostPortTests
{
    [Fact]
    public void Port_argument_parses_and_pasv_formats_the_same_shape()
    {
        Assert.True(HostPort.TryParsePort("127,0,0,1,195,80", out var endPoint));
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 50000), endPoint);
        Assert.Equal("127,0,0,1,195,80", HostPort.FormatPasv(IPAddress.Loopback, 50000));
        Assert.Equal("4,4,127,0,0,1,2,195,80", HostPort.FormatLpsv(IPAddress.Loopback, 50000));
    }

    [Theory]
    [InlineData("127,0,0,1,195")]
    [InlineData("127,0,0,1,195,256")]
    [InlineData("127,0,0,-1,1,1")]
    [InlineData("a,b,c,d,e,f")]
    [InlineData("99999999999999999999,0,0,1,1,1")]
    public void Bad_port_arguments_are_refused(string argument) => Assert.False(HostPort.TryParsePort(argument, out _));

    [Theory]
    [InlineData("|1|127.0.0.1|6446|", EprtResult.Ok)]
    [InlineData("|2|::1|6446|", EprtResult.Ok)]
    [InlineData("!1!127.0.0.1!6446!", EprtResult.Ok)]
    [InlineData("|3|127.0.0.1|6446|", EprtResult.UnsupportedFamily)]
    [InlineData("|1|::1|6446|", EprtResult.Invalid)]
    [InlineData("|1|127.0.0.1|70000|", EprtResult.Invalid)]
    [InlineData("|1|127.0.0.1|", EprtResult.Invalid)]
    public void Eprt_arguments(string argument, EprtResult expected) => Assert.Equal(expected, HostPort.TryParseEprt(argument, out _));

    [Theory]
    [InlineData("4,4,127,0,0,1,2,195,80", EprtResult.Ok)]
    [InlineData("6,16,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,2,195,80", EprtResult.Ok)]
    [InlineData("5,4,127,0,0,1,2,195,80", EprtResult.UnsupportedFamily)]
    [InlineData("4,4,127,0,0,1,3,195,80,1", EprtResult.Invalid)]
    public void Lprt_arguments(string argument, EprtResult expected) => Assert.Equal(expected, HostPort.TryParseLprt(argument, out _));
}
