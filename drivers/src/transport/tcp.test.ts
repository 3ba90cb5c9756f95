import assert from 'node:assert/strict';
import net from 'node:net';
import { test } from 'node:test';
import { socketTransport, TcpTransport } from './tcp';
import { DeviceError, type Transport } from './transport';

function listen(onSocket: (socket: net.Socket) => void): Promise<{ server: net.Server; port: number }> {
  return new Promise((resolve) => {
    const server = net.createServer(onSocket);
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as net.AddressInfo).port }));
  });
}

function nextData(transport: Transport, length: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const off = transport.onData((chunk) => {
      chunks.push(chunk);
      const all = Buffer.concat(chunks);
      if (all.length >= length) {
        off();
        resolve(all);
      }
    });
  });
}

test('tcp client and a wrapped accepted socket exchange bytes both ways', async () => {
  let accepted!: (transport: Transport) => void;
  const peer = new Promise<Transport>((resolve) => {
    accepted = resolve;
  });
  const { server, port } = await listen((socket) => accepted(socketTransport(socket)));
  const client = new TcpTransport({ host: '127.0.0.1', port });
  await client.open();
  const device = await peer;
  await device.open();
  assert.equal(client.isOpen, true);
  assert.equal(device.isOpen, true);

  const toDevice = nextData(device, 3);
  await client.write(Buffer.from([0x10, 0x04, 0x01]));
  assert.deepEqual(await toDevice, Buffer.from([0x10, 0x04, 0x01]));
  const toClient = nextData(client, 1);
  await device.write(Buffer.from([0x12]));
  assert.deepEqual(await toClient, Buffer.from([0x12]));

  // The peer closing is a loss for the client, not a silent stop.
  const lost = new Promise<DeviceError>((resolve) => client.onLost(resolve));
  await device.close();
  const error = await lost;
  assert.equal(error.kind, 'absent');
  assert.equal(client.isOpen, false);
  await assert.rejects(device.open(), (e: unknown) => e instanceof DeviceError && e.kind === 'absent');
  await client.close();
  await new Promise((resolve) => server.close(resolve));
});

test('connecting where nobody listens rejects with DeviceError absent', async () => {
  const { server, port } = await listen(() => {});
  await new Promise((resolve) => server.close(resolve));
  const client = new TcpTransport({ host: '127.0.0.1', port });
  await assert.rejects(client.open(), (error: unknown) => {
    assert.ok(error instanceof DeviceError);
    assert.equal(error.kind, 'absent');
    return true;
  });
  assert.equal(client.isOpen, false);
  await assert.rejects(client.write(Buffer.from([1])), (e: unknown) => e instanceof DeviceError && e.kind === 'closed');
});

test('the client can reopen after a loss', async () => {
  const sockets: net.Socket[] = [];
  const { server, port } = await listen((socket) => sockets.push(socket));
  const client = new TcpTransport({ host: '127.0.0.1', port });
  await client.open();
  const lost = new Promise<DeviceError>((resolve) => client.onLost(resolve));
  while (sockets.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  sockets[0]?.destroy();
  await lost;
  await client.open();
  assert.equal(client.isOpen, true);
  await client.close();
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});
