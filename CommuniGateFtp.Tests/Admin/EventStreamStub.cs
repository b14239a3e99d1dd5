using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CommuniGateFtp.Tests.Admin;

/// <summary>A server-sent-events response that stays open: the test sends events into it one at a time, as the API would.</summary>
public sealed class EventStreamStub
{
    private readonly Pipe _pipe = new();

    public HttpResponseMessage Response()
    {
        var content = new StreamContent(_pipe.Reader.AsStream());
        content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    public async Task SendAsync(string name, object data) =>
        await _pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes($"event: {name}\ndata: {JsonSerializer.Serialize(data, JsonSerializerOptions.Web)}\n\n"));
}
