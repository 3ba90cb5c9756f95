/**
 * Every socket command (and unknown event names) from every role, with arbitrary payloads:
 * wrong types, huge strings, deep nesting, prototype-pollution keys, binary buffers, extra
 * arguments, no ack callback. Every ack is a typed error or a success in its schema; the
 * server never throws, never pollutes prototypes, and stays up. In-process first (to watch
 * console.error and Object.prototype), then against the real entry point in a child process.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  clerkClient,
  connectClient,
  createTestHall,
  type HallClient,
  removeTestHall,
  send,
  startTestServer,
  TEST_GREEN_CARD,
  type TestHall,
} from '@yimen/hall-server/testing/test-server';
import {
  type Ack,
  AppointmentView,
  CaseChangedEvent,
  CaseDetail,
  CaseListEntry,
  CaseNoticeResponse,
  CaseProgress,
  COMMAND_ROLES,
  COMMAND_SCHEMAS,
  type CommandName,
  ErrorBody,
  IssuedTicket,
  KioskLookup,
  NoticeChangedEvent,
  PRIORITY_CLASSES,
  QueueChangedEvent,
  QueueSnapshot,
  RatingView,
  RectificationView,
  type Role,
  Ticket,
  TicketCalledEvent,
  TicketChangedEvent,
  WindowChangedEvent,
  WindowStats,
  WindowView,
} from '@yimen/protocol';
import fc from 'fast-check';
import { startHallProcess } from '../support/hall-process';

const ROLES: readonly Role[] = ['kiosk', 'display', 'evaluator', 'clerk', 'admin'];
const COMMANDS = Object.keys(COMMAND_SCHEMAS) as CommandName[];
/** The server's maxHttpBufferSize: a bigger packet closes the connection instead of getting an ack. */
const MAX_PACKET = 64 * 1024;
/** socket.io-client refuses to emit these names itself. */
const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);

let hall: TestHall;
let server: Awaited<ReturnType<typeof startTestServer>>;
const clients = new Map<Role, HallClient>();
/** Real ids, so some fuzzed commands reach the domain rather than stopping at NOT_FOUND. */
const ticketIds: string[] = [];

const TERMINAL: Record<Exclude<Role, 'clerk'>, string> = {
  kiosk: 'kiosk-1',
  display: 'display-1',
  evaluator: 'evaluator-win-1',
  admin: 'admin-1',
};

async function connect(target: { url: string; hall: TestHall }, role: Role): Promise<HallClient> {
  clients.get(role)?.close();
  const socket =
    role === 'clerk'
      ? (await clerkClient(target.url, 'T001', 'win-1')).socket
      : await connectClient(target.url, { token: target.hall.token(TERMINAL[role]) });
  clients.set(role, socket);
  return socket;
}

before(async () => {
  hall = createTestHall();
  server = await startTestServer(hall);
  for (const role of ROLES) await connect({ url: server.url, hall }, role);
  for (let i = 0; i < 6; i++) {
    const ack = await send<{ ticket: IssuedTicket }>(clients.get('kiosk') as HallClient, 'ticket:issue', {
      categoryId: i % 2 ? 'cat-a' : 'cat-b',
      idempotencyKey: `fuzz-seed-${i}`,
    });
    assert.ok(ack.ok);
    ticketIds.push(ack.ticket.id);
  }
});

after(async () => {
  for (const socket of clients.values()) socket.close();
  await server.dispose();
  removeTestHall(hall);
});

// ---- payloads ----

const nest = (depth: number, leaf: unknown): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
};

const oddString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '../../etc/passwd', "'; DROP TABLE tickets; --", '__proto__', 'constructor'),
  fc.integer({ min: 1000, max: 70_000 }).map((n) => 'x'.repeat(n)),
);
const idLike = () =>
  fc.oneof(fc.constantFrom(...ticketIds, 'win-1', 'win-2', 'win-9', 'cat-a', 'cat-b', 'cat-c'), oddString);

/** A field of some command's schema, with a plausible, wrong or hostile value. */
const fieldValue = () =>
  fc.oneof(
    idLike(),
    fc.anything({ maxDepth: 3 }),
    fc.integer(),
    fc.double(),
    fc.constantFrom(null, true, [], {}, -1, 0, 2 ** 53, 'ordinary', 'special', 'agent'),
    fc.record({ idNumber: fc.oneof(oddString, fc.constant('11010519491231002X')), name: oddString }),
  );
const FIELDS = [
  'categoryId',
  'idempotencyKey',
  'idCard',
  'priority',
  'ticketId',
  'reason',
  'toCategoryId',
  'toWindowId',
  'windowId',
  'lastSeq',
  'status',
  'caseId',
  'number',
  'itemIds',
  'applicant',
  'marks',
  'pledge',
  'handling',
  'notice',
];
/** Objects shaped like commands: known field names with any values, plus keys that pollute prototypes. */
const shaped = () =>
  fc.dictionary(fc.constantFrom(...FIELDS, '__proto__', 'constructor', 'prototype', 'toString'), fieldValue(), {
    maxKeys: 5,
  });

/** Payloads that pass the schemas, so the domain and the success acks get fuzzed too. */
const wellFormed = () =>
  fc.record(
    {
      categoryId: fc.constantFrom('cat-a', 'cat-b', 'cat-c', 'cat-x'),
      idempotencyKey: fc.string({ minLength: 8, maxLength: 100 }),
      priority: fc.constantFrom(...PRIORITY_CLASSES),
      idCard: fc.record({
        idNumber: fc.constantFrom('11010519491231002X', '110105199003071239', TEST_GREEN_CARD.idNumber),
        name: fc.string({ minLength: 1, maxLength: 60 }),
      }),
      ticketId: fc.constantFrom(...ticketIds),
      reason: fc.string({ minLength: 1, maxLength: 100 }),
      toCategoryId: fc.constantFrom('cat-a', 'cat-b', 'cat-c'),
      toWindowId: fc.constantFrom('win-1', 'win-2', 'win-3', 'win-9'),
      windowId: fc.constantFrom('win-1', 'win-2'),
      lastSeq: fc.nat({ max: 5000 }),
      caseId: fc.string({ minLength: 1, maxLength: 64 }),
      number: fc.constantFrom('202601050001', '999999999999'),
      itemIds: fc.constant(['item-a']),
      notice: fc.constantFrom('missingMaterials', 'deferredAcceptance', 'notAccepted', 'timeLimit'),
      status: fc.constantFrom(
        { devices: { printer: { state: 'ready' } }, printer: null },
        {
          devices: { printer: { state: 'fault', reason: 'paperOut' }, idcard: { state: 'absent' } },
          printer: { online: true, coverOpen: false, paperNearEnd: true, paperOut: true },
        },
      ),
    },
    { requiredKeys: [] },
  );

const pollution = fc.constantFrom(
  JSON.parse('{"__proto__":{"polluted":"yes"}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  JSON.parse('{"ticketId":"x","__proto__":{"ticketId":"y","polluted":"yes"}}'),
);

/** A fuzzed payload; printed short in counterexamples, where a 3000-deep value would overflow the reporter. */
class Payload {
  constructor(
    readonly value: unknown,
    readonly binary = false,
    private readonly label?: string,
  ) {}
  [fc.toStringMethod](): string {
    return this.label ?? fc.stringify(this.value).slice(0, 300);
  }
}

const payloads = (): fc.Arbitrary<Payload> =>
  fc.oneof(
    { weight: 4, arbitrary: shaped().map((value) => new Payload(value)) },
    { weight: 4, arbitrary: wellFormed().map((value) => new Payload(value)) },
    {
      weight: 2,
      arbitrary: fc
        .anything({ maxDepth: 4, withNullPrototype: true, withBoxedValues: true, withObjectString: true })
        .map((value) => new Payload(value)),
    },
    { weight: 1, arbitrary: pollution.map((value) => new Payload(value)) },
    {
      weight: 1,
      // socket.io-client itself cannot encode a binary packet much deeper than a thousand levels.
      arbitrary: fc
        .boolean()
        .chain((buffer) => fc.tuple(fc.integer({ min: 50, max: buffer ? 1000 : 3000 }), fc.constant(buffer)))
        .map(
          ([depth, buffer]) =>
            new Payload(
              nest(depth, buffer ? Buffer.from('leaf') : 'leaf'),
              buffer,
              `nested ${depth} deep, buffer ${buffer}`,
            ),
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ maxLength: 2048 })
        .chain((bytes) =>
          fc.constantFrom<unknown>(Buffer.from(bytes), { ticketId: Buffer.from(bytes) }, [Buffer.from(bytes), 'x']),
        )
        .map((value) => new Payload(value, true)),
    },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null).map((value) => new Payload(value)) },
  );

/** How the call is made: with an ack or without, and with extra arguments after the payload. */
const shapes = fc.record({ ack: fc.boolean(), extra: fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 2 }) });

// ---- the oracle ----

/** The payload as the server decodes it (JSON on the wire), for the checks that need no binary. */
function onTheWire(value: unknown): unknown {
  const encoded = JSON.stringify([value]);
  return encoded === undefined ? null : (JSON.parse(encoded) as unknown[])[0];
}

/** What the server must answer before the domain gets a say: role first, then the schema. */
function refusal(name: string, role: Role, wire: unknown, binary: boolean): 'FORBIDDEN' | 'BAD_REQUEST' | null {
  if (!Object.hasOwn(COMMAND_SCHEMAS, name)) return 'BAD_REQUEST';
  const command = name as CommandName;
  if (!COMMAND_ROLES[command].includes(role)) return 'FORBIDDEN';
  if (!binary && !COMMAND_SCHEMAS[command].safeParse(wire ?? {}).success) return 'BAD_REQUEST';
  return null;
}

const TICKET = ['ticket:void', 'ticket:requeue', 'ticket:noShow', 'ticket:start', 'ticket:finish', 'ticket:hold'];
const CALL = ['window:callNext', 'ticket:callSpecific', 'ticket:recall', 'ticket:resume'];

/** A successful ack must be in the shape its command promises. */
// biome-ignore lint/suspicious/noExplicitAny: the ack is checked field by field against the protocol's schemas.
function checkSuccess(name: CommandName, ack: any): void {
  if (name === 'ticket:issue') {
    IssuedTicket.parse(ack.ticket);
    assert.equal(typeof ack.replayed, 'boolean');
  } else if (TICKET.includes(name) || name === 'ticket:transfer' || name === 'ticket:cancel') {
    Ticket.parse(ack.ticket);
  } else if (CALL.includes(name)) {
    Ticket.parse(ack.ticket);
    assert.equal(typeof ack.voiceText, 'string');
  } else if (name === 'window:pause' || name === 'window:resume') {
    WindowView.parse(ack.window);
  } else if (name === 'kiosk:lookup') {
    KioskLookup.parse(ack.lookup);
  } else if (name === 'ticket:reprint') {
    IssuedTicket.parse(ack.ticket);
  } else if (name === 'appointment:checkIn') {
    IssuedTicket.parse(ack.ticket);
    AppointmentView.parse(ack.appointment);
  } else if (name === 'terminal:devices' || name === 'rating:expire' || name === 'fingerprint:enrolled') {
    assert.deepEqual(ack, { ok: true });
  } else if (name === 'case:list') {
    CaseListEntry.array().parse(ack.cases);
  } else if (name === 'case:progress') {
    CaseProgress.array().parse(ack.cases);
  } else if (name === 'case:notice') {
    CaseNoticeResponse.parse(ack);
  } else if (name.startsWith('case:')) {
    CaseDetail.parse(ack.case);
  } else if (name === 'rating:submit') {
    RatingView.parse(ack.rating);
  } else if (name === 'window:key') {
    WindowView.parse(ack.window);
    if (ack.ticket !== null) Ticket.parse(ack.ticket);
    assert.equal(typeof ack.waiting, 'number');
  } else if (name === 'fingerprint:identified') {
    assert.equal(typeof ack.clerk.name, 'string');
  } else if (name === 'fingerprint:library') {
    assert.ok(Array.isArray(ack.templates));
  } else if (name === 'rectification:appeal') {
    RectificationView.parse(ack.rectification);
  } else if (name === 'window:stats') {
    WindowStats.parse(ack.stats);
  } else if (ack.mode === 'snapshot') {
    QueueSnapshot.parse(ack.snapshot);
  } else {
    assert.equal(ack.mode, 'events');
    const schemas = {
      'ticket:called': TicketCalledEvent,
      'ticket:changed': TicketChangedEvent,
      'window:changed': WindowChangedEvent,
      'queue:changed': QueueChangedEvent,
      'case:changed': CaseChangedEvent,
      'notice:changed': NoticeChangedEvent,
    } as const;
    for (const e of ack.events as { name: keyof typeof schemas; payload: unknown }[]) schemas[e.name].parse(e.payload);
  }
}

/** Sends one fuzzed command and checks the answer; reconnects a client the server dropped for an oversized packet. */
async function fuzzOne(
  target: { url: string; hall: TestHall },
  name: string,
  role: Role,
  payload: Payload,
  shape: { ack: boolean; extra: unknown[] },
) {
  let socket = clients.get(role) as HallClient;
  if (!socket.connected) socket = await connect(target, role);
  const args = [payload.value, ...shape.extra];
  const size = Buffer.byteLength(JSON.stringify(args.map((a) => (Buffer.isBuffer(a) ? null : a))) ?? '');
  const emit = (socket.emit as (e: string, ...a: unknown[]) => void).bind(socket);
  if (!shape.ack) {
    emit(name, ...args);
    // Still connected and answering: the command without an ack did not take the connection down.
    const probe = await send(socket, 'hall:sync', { lastSeq: 0 }).catch((error: Error) => error);
    if (probe instanceof Error)
      assert.ok(size > MAX_PACKET / 2, `${name} without ack dropped the connection: ${probe.message}`);
    return;
  }
  const ack = await new Promise<Ack | Error>((resolve) => {
    const done = (result: Ack | Error) => {
      clearTimeout(timer);
      socket.off('disconnect', dropped);
      resolve(result);
    };
    const dropped = () => done(new Error('disconnected'));
    const timer = setTimeout(() => done(new Error('no ack within 2 s')), 2000);
    socket.once('disconnect', dropped);
    emit(name, ...args, done);
  });
  if (ack instanceof Error) {
    // Only a packet over the limit may cost the connection; anything else deserves an answer.
    assert.ok(size > MAX_PACKET / 2, `${role} ${name}: ${ack.message} (payload ${size} bytes)`);
    return;
  }
  const expected = refusal(name, role, onTheWire(payload.value), payload.binary);
  if (ack.ok) {
    assert.equal(expected, null, `${role} ${name} succeeded where ${expected} was due`);
    checkSuccess(name as CommandName, ack);
    const id = (ack as { ticket?: { id: string } }).ticket?.id;
    if (id && !ticketIds.includes(id)) ticketIds.push(id);
  } else {
    ErrorBody.parse(ack.error);
    assert.notEqual(ack.error.code, 'INTERNAL', `${role} ${name}: the handler threw`);
    if (expected) assert.equal(ack.error.code, expected, `${role} ${name}: ${ack.error.message}`);
  }
}

async function healthy(url: string): Promise<void> {
  const res = await fetch(`${url}/api/health`);
  assert.equal(res.status, 200);
  assert.equal(((await res.json()) as { ok: boolean }).ok, true);
}

const unknownNames = fc
  .oneof(
    fc.string({ maxLength: 60 }),
    fc.constantFrom('ticket:explode', 'hall:snapshot', 'hall:replay', '__proto__', 'constructor', 'toString'),
  )
  .filter((s) => !Object.hasOwn(COMMAND_SCHEMAS, s) && !RESERVED.has(s));

test('every command from every role: typed errors or valid successes, never a throw', async () => {
  const errors: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  try {
    const batches: [string, fc.Arbitrary<string>][] = [
      ...COMMANDS.map((c) => [c, fc.constant(c)] as [string, fc.Arbitrary<string>]),
      ['unknown events', unknownNames],
    ];
    for (const [i, [label, names]] of batches.entries()) {
      const allowed = Object.hasOwn(COMMAND_ROLES, label) ? COMMAND_ROLES[label as CommandName] : ROLES;
      const roles = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...allowed) }, fc.constantFrom(...ROLES));
      await fc.assert(
        fc.asyncProperty(names, roles, payloads(), shapes, (name, role, payload, shape) =>
          fuzzOne({ url: server.url, hall }, name, role, payload, shape),
        ),
        { numRuns: 200, seed: 4000 + i, includeErrorInReport: true },
      );
      await healthy(server.url);
      assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), prototypeKeys, `after ${label}`);
      assert.equal(({} as Record<string, unknown>).polluted, undefined, `after ${label}`);
    }
  } finally {
    console.error = consoleError;
  }
  assert.deepEqual(errors, [], 'the server logged errors');
});

test('the real entry point in a child process: answers fuzzed commands and prints no stack trace', async () => {
  const childHall = createTestHall();
  const child = await startHallProcess(childHall.dbPath);
  const target = { url: child.url, hall: childHall };
  try {
    for (const role of ROLES) await connect(target, role);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...COMMANDS), unknownNames),
        fc.constantFrom(...ROLES),
        payloads(),
        shapes,
        (name, role, payload, shape) => fuzzOne(target, name, role, payload, shape),
      ),
      { numRuns: 400, seed: 4100, includeErrorInReport: true },
    );
    await healthy(child.url);
  } finally {
    for (const socket of clients.values()) socket.close();
    assert.equal(await child.stop(), 0);
    removeTestHall(childHall);
  }
  assert.doesNotMatch(child.output(), /Error|\n\s+at |failed/);
});
