using System.Net;
using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.Listeners;

/// <summary>
/// An admitted connection's places: a channel, its socket's per-IP count and, until it logs in, the per-address count
/// of connections not logged in. <see cref="ConnectionAdmission.Release"/> gives them back when the connection ends.
/// </summary>
internal sealed class AdmissionTicket(IPAddress client, ListenerBinding binding, AddressCounts unauthenticated) : ILoginCompletionFeature
{
    private int _loginPending = 1;

    public IPAddress Client { get; } = client;

    public ListenerBinding Binding { get; } = binding;

    public void LoginCompleted()
    {
        if (Interlocked.Exchange(ref _loginPending, 0) == 1)
        {
            unauthenticated.Leave(Client);
        }
    }
}
