using System.Buffers;

namespace CommuniGateFtp.Ftp.Protocol;

/// <summary>
/// Removes Telnet commands from a control line (LIM-TELNET, RFC 854/1123): <c>IAC IAC</c> becomes byte 0xFF, option
/// requests are refused (WILL → DONT, DO → WONT), subnegotiations and other commands (IP, DM, Synch) are dropped.
/// </summary>
public static class TelnetFilter
{
    public const byte Iac = 255;
    public const byte Dont = 254;
    public const byte Do = 253;
    public const byte Wont = 252;
    public const byte Will = 251;
    public const byte Subnegotiation = 250;
    public const byte SubnegotiationEnd = 240;

    /// <summary>Writes the line's data bytes to <paramref name="data"/> and any refusals to <paramref name="refusals"/>.</summary>
    public static void Filter(in ReadOnlySequence<byte> line, IBufferWriter<byte> data, IBufferWriter<byte> refusals)
    {
        var reader = new SequenceReader<byte>(line);
        var inSubnegotiation = false;
        while (reader.TryRead(out var b))
        {
            if (b != Iac)
            {
                if (!inSubnegotiation)
                {
                    Write(data, b);
                }
                continue;
            }
            if (!reader.TryRead(out var command))
            {
                return; // a lone IAC at the end of the line carries nothing
            }
            switch (command)
            {
                case Iac when !inSubnegotiation:
                    Write(data, Iac);
                    break;
                case Will or Do when reader.TryRead(out var option):
                    WriteRefusal(refusals, command == Will ? Dont : Wont, option);
                    break;
                case Wont or Dont:
                    reader.Advance(reader.Remaining > 0 ? 1 : 0);
                    break;
                case Subnegotiation:
                    inSubnegotiation = true;
                    break;
                case SubnegotiationEnd:
                    inSubnegotiation = false;
                    break;
                default:
                    break; // IP, DM, AO, AYT, ...: no data
            }
        }
    }

    private static void Write(IBufferWriter<byte> writer, byte value)
    {
        writer.GetSpan(1)[0] = value;
        writer.Advance(1);
    }

    private static void WriteRefusal(IBufferWriter<byte> writer, byte verb, byte option)
    {
        var span = writer.GetSpan(3);
        span[0] = Iac;
        span[1] = verb;
        span[2] = option;
        writer.Advance(3);
    }
}
