import net from "node:net";

export type PausableTcpProxy = {
  /** `targetUrl` with its host and port replaced by the proxy's */
  url: string;
  /** From now on nothing is forwarded and new connections are accepted but never answered: a frozen server. */
  pause(): void;
  close(): Promise<void>;
};

/** A loopback TCP proxy in front of `targetUrl`'s host and port that can freeze like a paused server. */
export async function startPausableTcpProxy(targetUrl: string): Promise<PausableTcpProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<net.Socket>();
  const pipes: Array<() => void> = [];
  let isPaused = false;
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("error", () => {});
    if (isPaused) return;
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(upstream);
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
    pipes.push(() => {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(targetUrl);
  url.hostname = "127.0.0.1";
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    pause: () => {
      isPaused = true;
      for (const stop of pipes) stop();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
