import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ackPacket,
  CONFIRMATION_CODES,
  commandPacket,
  commands,
  confirmation,
  confirmationCode,
  DEFAULT_ADDRESS,
  DEFAULT_BAUD_RATE,
  DEFAULT_PASSWORD,
  decodeAck,
  decodeCommand,
  decodeMatchReply,
  decodePacket,
  decodeSearchReply,
  decodeSystemParameters,
  decodeTemplateNumReply,
  encodePacket,
  PacketId,
  R30xError,
  R30xStreamParser,
  searchReplyData,
  systemParametersData,
} from './r30x-codec';

const hex = (s: string) => Uint8Array.from(s.split(/\s+/).map((b) => Number.parseInt(b, 16)));
const HEAD = 'EF 01 FF FF FF FF';

/** Independent checksum: the 16-bit sum of pid, length and payload (bytes 6..end-2). */
function checksumOf(packet: Uint8Array): [number, number] {
  let sum = 0;
  for (let i = 6; i < packet.length - 2; i++) sum += packet[i] as number;
  return [(sum >> 8) & 0xff, sum & 0xff];
}

/** Byte examples from hardware-protocols.md §2 (the head `EF 01 FF FF FF FF` is elided there). */
const EXAMPLES: Array<{ name: string; bytes: string; payload: () => Uint8Array; pid: number }> = [
  { name: 'GenImg', bytes: `${HEAD} 01 00 03 01 00 05`, payload: commands.genImg, pid: 0x01 },
  { name: 'Img2Tz(1)', bytes: `${HEAD} 01 00 04 02 01 00 08`, payload: () => commands.img2Tz(1), pid: 0x01 },
  { name: 'RegModel', bytes: `${HEAD} 01 00 03 05 00 09`, payload: commands.regModel, pid: 0x01 },
  {
    name: 'Store(1, id 1)',
    bytes: `${HEAD} 01 00 06 06 01 00 01 00 0F`,
    payload: () => commands.store(1, 1),
    pid: 0x01,
  },
  { name: 'VfyPwd(0)', bytes: `${HEAD} 01 00 07 13 00 00 00 00 00 1B`, payload: () => commands.vfyPwd(0), pid: 0x01 },
  {
    name: 'HighSpeedSearch(1, 0, 0xA3)',
    bytes: `${HEAD} 01 00 08 1B 01 00 00 00 A3 00 C8`,
    payload: () => commands.highSpeedSearch(1, 0, 0xa3),
    pid: 0x01,
  },
  { name: 'TemplateNum', bytes: `${HEAD} 01 00 03 1D 00 21`, payload: commands.templateNum, pid: 0x01 },
  { name: 'ACK OK', bytes: `${HEAD} 07 00 03 00 00 0A`, payload: () => Uint8Array.of(0x00), pid: 0x07 },
  { name: 'ACK no finger', bytes: `${HEAD} 07 00 03 02 00 0C`, payload: () => Uint8Array.of(0x02), pid: 0x07 },
];

test('defaults: address FF FF FF FF, password 0, 57600 baud', () => {
  assert.equal(DEFAULT_ADDRESS, 0xffffffff);
  assert.equal(DEFAULT_PASSWORD, 0);
  assert.equal(DEFAULT_BAUD_RATE, 57600);
});

for (const example of EXAMPLES) {
  test(`reference example ${example.name}: checksum, encode and decode`, () => {
    const bytes = hex(example.bytes);
    assert.deepEqual(checksumOf(bytes), [bytes.at(-2), bytes.at(-1)], 'the documented checksum is the byte sum');
    const payload = example.payload();
    assert.deepEqual(encodePacket({ pid: example.pid as PacketId, payload }), bytes);
    const decoded = decodePacket(bytes);
    assert.equal(decoded.address, 0xffffffff);
    assert.equal(decoded.pid, example.pid);
    assert.deepEqual(decoded.payload, payload);
  });
}

test('commandPacket wraps a payload as a command packet with the default address', () => {
  assert.deepEqual(commandPacket(commands.genImg()), hex(`${HEAD} 01 00 03 01 00 05`));
});

test('a non-default address is carried in the header and not in the checksum', () => {
  const bytes = hex('EF 01 12 34 56 78 01 00 03 1D 00 00');
  bytes.set(checksumOf(bytes), bytes.length - 2);
  assert.deepEqual(commandPacket(commands.templateNum(), 0x12345678), bytes);
  assert.equal(decodePacket(bytes).address, 0x12345678);
});

test('ACK examples decode to typed confirmations', () => {
  const ok = decodeAck(decodePacket(hex(`${HEAD} 07 00 03 00 00 0A`)));
  assert.equal(ok.confirmation.key, 'ok');
  assert.equal(ok.confirmation.ok, true);
  const noFinger = decodeAck(decodePacket(hex(`${HEAD} 07 00 03 02 00 0C`)));
  assert.equal(noFinger.confirmation.key, 'noFinger');
  assert.equal(noFinger.confirmation.ok, false);
  assert.equal(noFinger.confirmation.zh, '传感器上没有手指');
  assert.deepEqual(ackPacket(0x02), hex(`${HEAD} 07 00 03 02 00 0C`));
});

test('every builder matches its instruction code and parameters byte for byte', () => {
  assert.deepEqual(commands.match(), hex('03'));
  assert.deepEqual(commands.search(2, 0x0102, 0x0304), hex('04 02 01 02 03 04'));
  assert.deepEqual(commands.deletChar(5), hex('0C 00 05 00 01'));
  assert.deepEqual(commands.deletChar(0x0100, 3), hex('0C 01 00 00 03'));
  assert.deepEqual(commands.empty(), hex('0D'));
  assert.deepEqual(commands.readSysPara(), hex('0F'));
  assert.deepEqual(commands.vfyPwd(0x0a0b0c0d), hex('13 0A 0B 0C 0D'));
  assert.deepEqual(commands.img2Tz(2), hex('02 02'));
});

test('builders reject out-of-range arguments with a typed error', () => {
  const bad = (fn: () => unknown) => assert.throws(fn, (e) => e instanceof R30xError && e.code === 'badArgument');
  bad(() => commands.img2Tz(3 as 1));
  bad(() => commands.store(1, 0x10000));
  bad(() => commands.deletChar(-1));
  bad(() => commands.vfyPwd(2 ** 32));
  bad(() => commands.highSpeedSearch(1, 0, 1.5));
  bad(() => encodePacket({ address: -1, pid: PacketId.command, payload: new Uint8Array(0) }));
});

test('decodeCommand reads back what every builder writes', () => {
  assert.deepEqual(decodeCommand(commands.genImg()), { name: 'genImg' });
  assert.deepEqual(decodeCommand(commands.img2Tz(2)), { name: 'img2Tz', buffer: 2 });
  assert.deepEqual(decodeCommand(commands.match()), { name: 'match' });
  assert.deepEqual(decodeCommand(commands.search(1, 2, 3)), { name: 'search', buffer: 1, startPage: 2, pageCount: 3 });
  assert.deepEqual(decodeCommand(commands.regModel()), { name: 'regModel' });
  assert.deepEqual(decodeCommand(commands.store(2, 300)), { name: 'store', buffer: 2, pageId: 300 });
  assert.deepEqual(decodeCommand(commands.deletChar(7, 2)), { name: 'deletChar', pageId: 7, count: 2 });
  assert.deepEqual(decodeCommand(commands.empty()), { name: 'empty' });
  assert.deepEqual(decodeCommand(commands.readSysPara()), { name: 'readSysPara' });
  assert.deepEqual(decodeCommand(commands.vfyPwd(0xdeadbeef)), { name: 'vfyPwd', password: 0xdeadbeef });
  assert.deepEqual(decodeCommand(commands.highSpeedSearch(1, 0, 0xa3)), {
    name: 'highSpeedSearch',
    buffer: 1,
    startPage: 0,
    pageCount: 0xa3,
  });
  assert.deepEqual(decodeCommand(commands.templateNum()), { name: 'templateNum' });
  for (const bad of [hex('FF'), new Uint8Array(0), hex('02'), hex('01 00')]) {
    assert.throws(
      () => decodeCommand(bad),
      (e) => e instanceof R30xError && e.code === 'badCommand',
    );
  }
});

test('decodePacket: typed errors for bad header, id, length, checksum and truncation', () => {
  const good = hex(`${HEAD} 07 00 03 00 00 0A`);
  const code = (bytes: Uint8Array, expected: string) =>
    assert.throws(
      () => decodePacket(bytes),
      (e) => e instanceof R30xError && e.code === expected,
      expected,
    );
  code(hex('EE 01 FF FF FF FF 07 00 03 00 00 0A'), 'badHeader');
  code(hex('EF 02 FF FF FF FF 07 00 03 00 00 0A'), 'badHeader');
  code(hex('EF 01 FF FF FF FF 03 00 03 00 00 06'), 'badPacketId');
  code(hex('EF 01 FF FF FF FF 07 00 01 00 08'), 'badLength');
  code(hex('EF 01 FF FF FF FF 07 01 03 00'), 'badLength');
  code(Uint8Array.of(...good, 0x00), 'badLength');
  code(good.slice(0, -1), 'truncated');
  code(good.slice(0, 5), 'truncated');
  code(new Uint8Array(0), 'truncated');
  code(hex('EF 01 FF FF FF FF 07 00 03 00 00 0B'), 'checksum');
  code(hex('EF 01 FF FF FF FF 07 00 03 01 00 0A'), 'checksum');
});

test('encodePacket refuses payloads over 256 bytes; 256 round-trips', () => {
  assert.throws(
    () => encodePacket({ pid: PacketId.data, payload: new Uint8Array(257) }),
    (e) => e instanceof R30xError && e.code === 'badLength',
  );
  const payload = Uint8Array.from({ length: 256 }, (_, i) => i);
  const bytes = encodePacket({ pid: PacketId.data, payload });
  assert.deepEqual(bytes.subarray(-2), Uint8Array.from(checksumOf(bytes)));
  assert.deepEqual(decodePacket(bytes).payload, payload);
});

test('confirmation codes: every documented code is typed with Chinese and English meaning', () => {
  const documented = [
    0x00, 0x01, 0x02, 0x03, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x13, 0x15, 0x18,
    0x1a, 0x1d, 0x20, 0x21,
  ];
  assert.deepEqual(
    [...CONFIRMATION_CODES].sort((a, b) => a - b),
    documented,
  );
  const keys = new Set<string>();
  for (const code of documented) {
    const c = confirmation(code);
    assert.notEqual(c.key, 'unknown');
    assert.equal(c.code, code);
    assert.equal(c.ok, code === 0);
    assert.match(c.zh, /[\u4e00-\u9fff]/);
    assert.match(c.en, /^[ -~]+$/);
    keys.add(c.key);
    assert.equal(confirmationCode(c.key as Exclude<typeof c.key, 'unknown'>), code);
  }
  assert.equal(keys.size, documented.length, 'keys are distinct');
  assert.equal(confirmation(0x0a).key, 'enrollMismatch');
  assert.equal(confirmation(0x13).key, 'wrongPassword');
  assert.equal(confirmation(0x09).key, 'notFound');
  const unknown = confirmation(0x04);
  assert.equal(unknown.key, 'unknown');
  assert.equal(unknown.ok, false);
  assert.match(unknown.zh, /0x04/);
});

test('search, match and template count replies decode from hand-built bytes', () => {
  const search = hex(`${HEAD} 07 00 07 00 00 05 00 64 00 00`);
  search.set(checksumOf(search), search.length - 2);
  assert.deepEqual(search.subarray(-2), hex('00 77'));
  assert.deepEqual(decodeSearchReply(decodeAck(decodePacket(search))), { pageId: 5, score: 100 });
  assert.deepEqual(ackPacket(0, searchReplyData({ pageId: 5, score: 100 })), search);

  const count = hex(`${HEAD} 07 00 05 00 00 0A 00 16`);
  assert.deepEqual(checksumOf(count), [0x00, 0x16]);
  assert.equal(decodeTemplateNumReply(decodeAck(decodePacket(count))), 10);

  const match = hex(`${HEAD} 07 00 05 00 01 2C 00 39`);
  assert.deepEqual(checksumOf(match), [0x00, 0x39]);
  assert.equal(decodeMatchReply(decodeAck(decodePacket(match))), 300);

  const short = decodeAck(decodePacket(hex(`${HEAD} 07 00 03 00 00 0A`)));
  assert.throws(
    () => decodeSearchReply(short),
    (e) => e instanceof R30xError && e.code === 'badReply',
  );
  assert.throws(
    () => decodeAck(decodePacket(hex(`${HEAD} 01 00 03 01 00 05`))),
    (e) => e instanceof R30xError && e.code === 'badReply',
  );
});

test('ReadSysPara reply: 16 bytes of registers', () => {
  // status 0, system id 0x0009, capacity 300, security 3, address FFFFFFFF, packet size code 2 (128), baud 6 (57600)
  const bytes = hex(`${HEAD} 07 00 13 00 00 00 00 09 01 2C 00 03 FF FF FF FF 00 02 00 06 00 00`);
  bytes.set(checksumOf(bytes), bytes.length - 2);
  const params = decodeSystemParameters(decodeAck(decodePacket(bytes)));
  assert.deepEqual(params, {
    statusRegister: 0,
    systemId: 9,
    capacity: 300,
    securityLevel: 3,
    address: 0xffffffff,
    packetSize: 128,
    baudRate: 57600,
  });
  assert.deepEqual(ackPacket(0, systemParametersData(params)), bytes);
});

test('stream parser: byte-at-a-time, back to back, garbage between, damaged frames reported', () => {
  const ok = hex(`${HEAD} 07 00 03 00 00 0A`);
  const noFinger = hex(`${HEAD} 07 00 03 02 00 0C`);
  const damaged = hex(`${HEAD} 07 00 03 02 00 0D`);
  const stream = Uint8Array.of(0x00, 0xef, 0x13, ...ok, ...damaged, 0xef, 0xef, ...noFinger, 0x55);
  const parser = new R30xStreamParser();
  const items = [...stream].flatMap((b) => parser.push(Uint8Array.of(b)));
  assert.deepEqual(
    items.map((i) => (i.kind === 'packet' ? i.packet.payload[0] : i.error.code)),
    [0x00, 'checksum', 0x02],
  );
  const whole = new R30xStreamParser().push(stream);
  assert.equal(whole.length, 3);
});

test('stream parser: a bogus start code claiming a long length does not hide the real packet', () => {
  const ok = hex(`${HEAD} 07 00 03 00 00 0A`);
  // EF 01, address, pid 02, length 0x0100: would swallow the reply if taken at its word.
  const bogus = hex('EF 01 00 00 00 00 02 01 00');
  const parser = new R30xStreamParser();
  const items = parser.push(Uint8Array.of(...bogus, ...ok));
  assert.equal(items.length, 1);
  assert.equal(items[0]?.kind, 'packet');
  assert.equal(parser.discarded, bogus.length);
});
