import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BridgeEvents, BridgeReply, FingerprintIdentifyOutcome } from '@yimen/protocol';
import { type DeskDeps, type DeskNotice, FingerprintDesk } from './fingerprint-desk';

const ok = <T>(result: T): BridgeReply<T> => ({ ok: true, result });

/** A module that answers from a script, and a hall that records what it was told. */
function rig(identify: () => Promise<BridgeReply<FingerprintIdentifyOutcome>>) {
  const calls: string[] = [];
  const sent: [string, unknown][] = [];
  const notices: DeskNotice[] = [];
  let cancelled: (() => void) | null = null;
  const stepListeners = new Set<(e: BridgeEvents['fingerprint']) => void>();
  // `on` is a method, as on the real bridge client: calling it detached from the bridge fails.
  const bridge: DeskDeps['bridge'] & { steps: typeof stepListeners } = {
    steps: stepListeners,
    on: function (
      this: { steps: typeof stepListeners },
      event: string,
      listener: (e: BridgeEvents['fingerprint']) => void,
    ) {
      if (event === 'fingerprint') this.steps.add(listener);
      return () => this.steps.delete(listener);
    } as DeskDeps['bridge']['on'],
    fingerprint: {
      identify: async () => {
        calls.push('identify');
        return identify();
      },
      enroll: async ({ pageId }) => {
        calls.push(`enroll ${pageId}`);
        for (const l of stepListeners) l({ type: 'step', step: 'press' });
        return ok({ kind: 'enrolled', pageId });
      },
      cancel: async () => {
        calls.push('cancel');
        cancelled?.();
        return ok(null);
      },
      readTemplate: async ({ pageId }) => {
        calls.push(`read ${pageId}`);
        return ok({ template: 'VEVNUExBVEU=' });
      },
      writeTemplate: async ({ pageId }) => {
        calls.push(`write ${pageId}`);
        return ok(null);
      },
      clear: async () => {
        calls.push('clear');
        return ok(null);
      },
      delete: async ({ pageId }) => {
        calls.push(`delete ${pageId}`);
        return ok(null);
      },
    },
  };
  const request = (async (name: string, payload: unknown) => {
    sent.push([name, payload]);
    if (name === 'fingerprint:library') return { ok: true, templates: [{ pageId: 3, template: 'QUJD' }] };
    // As the hall answers: a match is greeted; anything else answers nobody's request.
    if (name === 'fingerprint:identified') {
      return (payload as { outcome: FingerprintIdentifyOutcome }).outcome.kind === 'match'
        ? { ok: true, clerk: { id: 'c1', name: '张三' }, at: 1, signedIn: false }
        : { ok: false, error: { code: 'NOT_FOUND', message: '' } };
    }
    return { ok: true };
  }) as DeskDeps['request'];
  const desk = new FingerprintDesk({ request, bridge, notify: (n) => notices.push(n) });
  return { desk, calls, sent, notices, onCancel: (f: () => void) => (cancelled = f) };
}

/** An identify that waits for a finger until cancelled. */
function waiting(r: { onCancel: (f: () => void) => void }) {
  return () =>
    new Promise<BridgeReply<FingerprintIdentifyOutcome>>((resolve) =>
      r.onCancel(() => resolve(ok({ kind: 'cancelled' }))),
    );
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
/** Lets the desk's promises run, for tests whose timers are mocked. */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}
/** The pause after a finger was read, before the next punch wait. */
const AFTER_PRESS_MS = 2000;

test('the library is loaded whole, then the module waits for punches', async () => {
  let r!: ReturnType<typeof rig>;
  r = rig(() => waiting(r)());
  r.desk.loadLibrary();
  await settle();
  assert.deepEqual(r.calls, ['clear', 'write 3', 'identify']);
  r.desk.dispose();
});

test('an enrolment interrupts the punch wait, uploads the template to the hall, then punching resumes', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let r!: ReturnType<typeof rig>;
  r = rig(() => waiting(r)());
  r.desk.loadLibrary();
  await flush();
  r.desk.enrol({ jobId: 'job-1', pageId: 7, clerkName: '李四' });
  await flush();
  assert.deepEqual(r.calls.slice(3), ['cancel', 'enroll 7', 'read 7'], 'the enrolled finger is no punch');
  t.mock.timers.tick(AFTER_PRESS_MS);
  await flush();
  assert.deepEqual(r.calls.slice(6), ['identify'], 'then the module waits for punches again');
  assert.deepEqual(r.sent.at(-1), [
    'fingerprint:enrolled',
    { jobId: 'job-1', outcome: { kind: 'enrolled', pageId: 7 }, template: 'VEVNUExBVEU=' },
  ]);
  assert.deepEqual(r.notices.slice(0, 2), [{ kind: 'enrolling', clerkName: '李四', step: 'press' }, { kind: 'done' }]);
  r.desk.dispose();
});

test('a sign-in request answers with its id; a finger between jobs is a punch, greeted by name, once', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const outcomes: BridgeReply<FingerprintIdentifyOutcome>[] = [ok({ kind: 'match', pageId: 3, score: 90 })];
  let r!: ReturnType<typeof rig>;
  r = rig(() => {
    const next = outcomes.shift();
    return next ? Promise.resolve(next) : waiting(r)();
  });
  r.desk.identify({ requestId: 'req-1', timeoutMs: 5000, code: '0427' });
  await flush();
  t.mock.timers.tick(AFTER_PRESS_MS);
  await flush();
  assert.deepEqual(r.sent[0], [
    'fingerprint:identified',
    { requestId: 'req-1', outcome: { kind: 'match', pageId: 3, score: 90 } },
  ]);
  assert.deepEqual(r.notices.slice(0, 2), [
    { kind: 'signIn', code: '0427' },
    { kind: 'punched', name: '张三', at: 1, signedIn: false },
  ]);
  // A finger held on: read once, then left alone for a moment.
  outcomes.push(ok({ kind: 'match', pageId: 3, score: 80 }), ok({ kind: 'match', pageId: 3, score: 80 }));
  r.desk.templates({ put: [], removed: [5] });
  await flush();
  t.mock.timers.tick(AFTER_PRESS_MS - 1);
  await flush();
  assert.ok(r.calls.includes('delete 5'));
  assert.deepEqual(r.sent.at(-1), ['fingerprint:identified', { outcome: { kind: 'match', pageId: 3, score: 80 } }]);
  assert.deepEqual(r.notices.at(-1), { kind: 'punched', name: '张三', at: 1, signedIn: false });
  assert.equal(r.sent.filter(([name]) => name === 'fingerprint:identified').length, 2, 'the held finger, once');
  r.desk.dispose();
});

test('a sign-in the console gives up stops the scan, and the prompt goes; one still queued never scans', async () => {
  let r!: ReturnType<typeof rig>;
  r = rig(() => waiting(r)());
  r.desk.identify({ requestId: 'req-1', timeoutMs: 5000, code: '1111' });
  r.desk.identify({ requestId: 'req-2', timeoutMs: 5000, code: '2222' });
  await settle();
  assert.deepEqual(r.notices, [{ kind: 'signIn', code: '1111' }]);
  r.desk.cancelSignIn('req-2');
  r.desk.cancelSignIn('req-1');
  await settle();
  assert.deepEqual(r.sent[0], ['fingerprint:identified', { requestId: 'req-1', outcome: { kind: 'cancelled' } }]);
  assert.equal(
    r.sent.filter(([, p]) => (p as { requestId?: string }).requestId === 'req-2').length,
    0,
    'the queued one never ran',
  );
  assert.deepEqual(r.notices.slice(1, 2), [{ kind: 'done' }], 'the prompt goes');
  assert.equal(r.notices.filter((n) => n.kind === 'signIn').length, 1);
  r.desk.dispose();
});

test('a sign-in on a pad whose module cannot scan tells the hall why', async () => {
  const r = rig(async () => ({ ok: false, error: { code: 'notConfigured', message: '' } }));
  r.desk.identify({ requestId: 'req-9', timeoutMs: 5000, code: '9999' });
  await settle();
  assert.deepEqual(r.sent[0], [
    'fingerprint:identified',
    { requestId: 'req-9', outcome: { kind: 'cancelled' }, deviceError: '本窗口未配备指纹仪' },
  ]);
  assert.deepEqual(r.notices, [{ kind: 'signIn', code: '9999' }, { kind: 'done' }]);
  r.desk.dispose();
});

test('a pad without a fingerprint module does not keep asking', async () => {
  const r = rig(async () => ({ ok: false, error: { code: 'notConfigured', message: '' } }));
  r.desk.templates({ put: [], removed: [] });
  await settle();
  await settle();
  assert.deepEqual(r.calls, ['identify']);
  r.desk.dispose();
});
