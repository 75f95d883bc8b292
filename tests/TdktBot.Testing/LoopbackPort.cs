using System.Net;
using System.Net.Sockets;

namespace TdktBot.Testing;

/// <summary>
/// A port on 127.0.0.1 for a server whose address must be known before it starts (a webhook URL is a setting).
/// Taken below the kernel's ephemeral range (32768 and up on Linux), where every port-0 listener of the tests (the fakes,
/// Kestrel) gets its port: one of those could otherwise take the port between this check and the bot's own bind.
/// </summary>
public static class LoopbackPort
{
    private const int Low = 20_000;
    private const int High = 32_000;

    public static int Free()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(Low, High);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }

        throw new InvalidOperationException($"No free port on 127.0.0.1 between {Low} and {High}.");
    }
}
