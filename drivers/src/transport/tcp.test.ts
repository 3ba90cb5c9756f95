import assert from 'node:assert/strict';
import net from 'node:net';
import { test } from 'node:test';
import { socketTransport, TcpTransport } from './tcp';
import { collectBytes, isDeviceError, until } from './test-support';
import { DeviceError, type Transport } from './transport';

function listen(onSocket: (socket: net.Socket) => void): Promise<{ server: net.Server; port: number }> {
  return new Promise((resolve) => {
    const server = net.createServer(onSocket);
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as net.AddressInfo).port }));
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

  const atDevice = collectBytes(device);
  const atClient = collectBytes(client);
  await client.write(Buffer.from([0x10, 0x04, 0x01]));
  assert.deepEqual(await atDevice.waitFor(3), Buffer.from([0x10, 0x04, 0x01]));
  await device.write(Buffer.from([0x12]));
  assert.deepEqual(await atClient.waitFor(1), Buffer.from([0x12]));

  // The peer closing is a loss for the client, not a silent stop.
  const lost = new Promise<DeviceError>((resolve) => client.onLost(resolve));
  await device.close();
  const error = await lost;
  assert.equal(error.kind, 'absent');
  assert.equal(client.isOpen, false);
  await assert.rejects(device.open(), isDeviceError('absent'));
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
  await assert.rejects(client.write(Buffer.from([1])), isDeviceError('closed'));
});

test('the client can reopen after a loss', async () => {
  const sockets: net.Socket[] = [];
  const { server, port } = await listen((socket) => sockets.push(socket));
  const client = new TcpTransport({ host: '127.0.0.1', port });
  await client.open();
  const lost = new Promise<DeviceError>((resolve) => client.onLost(resolve));
  await until('the server side of the connection', () => sockets.length > 0);
  sockets[0]?.destroy();
  await lost;
  await client.open();
  assert.equal(client.isOpen, true);
  await client.close();
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});
