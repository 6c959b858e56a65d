import net from "node:net";

export type SilentTcpServer = {
  url: string;
  /** Resolves with the first accepted connection. */
  firstConnection: Promise<net.Socket>;
  /** Resolves once that connection has been closed by the client (the server never closes it first). */
  firstConnectionClosed: Promise<void>;
  /** How many connections it has accepted so far (each SDK attempt after a timeout opens one). */
  connectionCount(): number;
  close(): Promise<void>;
};

/** A loopback endpoint that accepts TCP connections and never sends a byte: a hung service. */
export async function startSilentTcpServer(): Promise<SilentTcpServer> {
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  let onFirst: (socket: net.Socket) => void = () => {};
  const firstConnection = new Promise<net.Socket>((resolve) => (onFirst = resolve));
  const server = net.createServer((socket) => {
    if (accepted++ === 0) onFirst(socket);
    sockets.add(socket);
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    firstConnection,
    firstConnectionClosed: firstConnection.then((socket) =>
      socket.closed ? undefined : new Promise<void>((resolve) => socket.once("close", () => resolve())),
    ),
    connectionCount: () => accepted,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
