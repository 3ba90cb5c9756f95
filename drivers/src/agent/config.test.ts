import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError, defaultSimulateConfig, EXAMPLE_CONFIG, loadConfig, parseConfig } from './config';
import { hostDevicesFromConfig, ratingPadProfile } from './links';

/** The example with its placeholder token replaced, as an installer must do. */
const DEPLOYED = { ...EXAMPLE_CONFIG, agent: { ...EXAMPLE_CONFIG.agent, token: 'k'.repeat(43) } };

test('the example token itself is refused: a deployment must set its own', () => {
  assert.throws(() => parseConfig(EXAMPLE_CONFIG), ConfigError);
});

test('the documented example parses, with defaults filled in', () => {
  const config = parseConfig(DEPLOYED);
  assert.equal(config.agent.port, 17_321);
  assert.deepEqual(config.agent.allowedOrigins, ['http://192.168.10.2:3000']);
  assert.equal(config.devices.idcard?.withFingerprint, false);
  assert.equal(config.devices.led?.address, 1);
  assert.deepEqual(Object.keys(config.devices).sort(), [
    'callerBus',
    'fingerprint',
    'idcard',
    'led',
    'printer',
    'ratingPad',
  ]);
});

test('a terminal may have no devices; each configured one gets its driver options', () => {
  const bare = parseConfig({ terminal: { id: 'display-1', role: 'display' }, agent: { token: 'x'.repeat(16) } });
  assert.deepEqual(bare.devices, {});
  assert.deepEqual(hostDevicesFromConfig(bare.devices), {});

  const links: string[] = [];
  const host = hostDevicesFromConfig(parseConfig(DEPLOYED).devices, (kind, link) => {
    links.push(`${kind}:${link.type}`);
    return () => {
      throw new Error('not opened in this test');
    };
  });
  assert.deepEqual(links, [
    'idcard:serial',
    'fingerprint:serial',
    'printer:tcp',
    'ratingPad:hid',
    'callerBus:serial',
    'led:serial',
  ]);
  assert.equal(host.printer?.paperWidth, 80);
  assert.equal(host.led?.address, 1);
  assert.deepEqual(host.ratingPad?.profile, {
    vendorId: 0x1209,
    productId: 0x0001,
    usagePage: 0xff00,
    reportId: 1,
    keyByteIndex: 1,
    keys: { 1: 'verySatisfied', 2: 'satisfied', 3: 'basic', 4: 'dissatisfied', 5: 'veryDissatisfied' },
  });
});

test('a pad without a profile uses the default report layout for its own vendor and product id', () => {
  const profile = ratingPadProfile({ transport: { type: 'hid', vendorId: 0x0483, productId: 0x5750 } });
  assert.equal(profile.vendorId, 0x0483);
  assert.equal(profile.usagePage, undefined);
  assert.equal(profile.keys[3], 'basic');
});

test('mistakes are refused with a readable message', () => {
  const base = { terminal: { id: 'k', role: 'kiosk' }, agent: { token: 'x'.repeat(16) } };
  const cases: [string, unknown][] = [
    ['short token', { ...base, agent: { token: 'short' } }],
    ['bad port', { ...base, agent: { token: 'x'.repeat(16), port: 70_000 } }],
    ['unknown key', { ...base, agent: { ...base.agent, host: '0.0.0.0' } }],
    ['unknown device', { ...base, devices: { scanner: {} } }],
    ['hid printer', { ...base, devices: { printer: { transport: { type: 'hid', vendorId: 1, productId: 2 } } } }],
    ['bad origin', { ...base, agent: { ...base.agent, allowedOrigins: ['not a url'] } }],
    ['bad role', { ...base, terminal: { id: 'k', role: 'admin' } }],
  ];
  for (const [name, value] of cases) {
    assert.throws(() => parseConfig(value), ConfigError, name);
  }
  // There is no way to listen anywhere but 127.0.0.1: the schema has no host.
  assert.throws(() => parseConfig({ ...base, agent: { ...base.agent, host: '0.0.0.0' } }), /host/);
});

test('allowed origins are normalised to origins', () => {
  const config = parseConfig({
    terminal: { id: 'k', role: 'kiosk' },
    agent: { token: 'x'.repeat(16), allowedOrigins: ['http://192.168.10.2:3000/kiosk/'] },
  });
  assert.deepEqual(config.agent.allowedOrigins, ['http://192.168.10.2:3000']);
});

test('the simulate default has every device and the given token', () => {
  const config = defaultSimulateConfig('t'.repeat(32));
  assert.equal(config.agent.token, 't'.repeat(32));
  assert.equal(config.devices.printer?.transport.type, 'tcp');
  assert.equal(Object.keys(config.devices).length, 6);
});

test('loadConfig reads a file and reports unreadable or invalid ones as ConfigError', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'agent-config-'));
  try {
    const good = join(dir, 'good.json');
    await writeFile(good, JSON.stringify(DEPLOYED));
    assert.equal((await loadConfig(good)).terminal.id, 'kiosk-1');
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{ "terminal": ');
    await assert.rejects(
      loadConfig(broken),
      (error: unknown) => error instanceof ConfigError && /not JSON/.test(error.message),
    );
    await assert.rejects(loadConfig(join(dir, 'missing.json')), ConfigError);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
