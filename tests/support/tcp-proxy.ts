import { connect, createServer, type Server, type Socket } from 'node:net';

/** A cable between a terminal and the hall that a test can pull and plug back in. */
export interface TcpProxy {
  readonly url: string;
  /** Cuts every open connection and refuses new ones. */
  pull(): void;
  plugIn(): void;
  close(): Promise<void>;
}

/** Forwards 127.0.0.1:<free port> to the hall's port, byte for byte, until pulled. */
export function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let plugged = true;
  const server: Server = createServer((client) => {
    if (!plugged) {
      client.destroy();
      return;
    }
    const hall = connect(targetPort, '127.0.0.1');
    for (const s of [client, hall]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(hall).pipe(client);
    client.on('close', () => hall.destroy());
    hall.on('close', () => client.destroy());
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        pull() {
          plugged = false;
          for (const s of open) s.destroy();
        },
        plugIn() {
          plugged = true;
        },
        close: () =>
          new Promise<void>((done) => {
            for (const s of open) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
