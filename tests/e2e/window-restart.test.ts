/**
 * The hall-server dies (SIGKILL) while a clerk console and a hall display are open, and
 * restarts on the same address. Neither page is reloaded: both say the hall is gone, both
 * come back by themselves; the clerk's session outlives the server, the next call works from
 * the keyboard, and the display shows it and queues it for the voice.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { clerkPassword, connectClient, removeTestHall, send } from '@yimen/hall-server/testing/test-server';
import type { IssuedTicket } from '@yimen/protocol';
import { launchChromium } from '../support/browser';
import { freePort, type HallProcess, startHallProcess } from '../support/hall-process';
import { createKioskHall, enrolTerminal, shot } from '../support/kiosk-rig';
import { demoClerk } from '../support/window-rig';

const hall = createKioskHall();
const running: HallProcess[] = [];
after(async () => {
  for (const p of running) if (p.child.exitCode === null) await p.kill();
  removeTestHall(hall);
});

const POLL = { polling: 100, timeout: 30_000 } as const;

async function issue(url: string): Promise<string> {
  const kiosk = await connectClient(url, { token: hall.token('kiosk-1') });
  const ack = await send<{ ticket: IssuedTicket }>(kiosk, 'ticket:issue', {
    categoryId: 'cat-sb',
    idempotencyKey: `restart-${Date.now()}`,
  });
  kiosk.close();
  assert.ok(ack.ok);
  return ack.ticket.number;
}

test('killed and restarted under an open console and display: both come back without a reload', async () => {
  const port = await freePort();
  const first = await startHallProcess(hall.dbPath, { PORT: String(port) });
  running.push(first);
  const browser = await launchChromium();
  try {
    const display = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await enrolTerminal(display, first.url, hall.token('admin-1'), { id: 'display-1', path: '/display/' });
    await display.waitForSelector('[data-testid=current-call]');
    const desk = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await desk.goto(`${first.url}/console/`);
    const { staffNo } = demoClerk(0);
    await desk.waitForSelector('#signin-window option[value=win-01]', { state: 'attached' });
    await desk.selectOption('#signin-window', 'win-01');
    await desk.fill('#signin-staff', staffNo);
    await desk.fill('#signin-password', clerkPassword(staffNo));
    await desk.click('.signin-form button[type=submit]');
    await desk.waitForSelector('[data-testid=window-status]:has-text("服务中")');

    await first.kill();
    await display.waitForSelector('[data-testid=hall-banner]');
    await desk.waitForSelector('[data-testid=hall-banner]');
    await shot(display, 'display-hall-lost');

    const second = await startHallProcess(hall.dbPath, { PORT: String(port) });
    running.push(second);
    const number = await issue(second.url);
    await desk.waitForSelector('[data-testid=hall-banner]', { state: 'detached', timeout: 30_000 });
    await desk.waitForSelector(`[data-testid=waiting] li[data-number="${number}"]`);
    // The display must be back before the call: one made while it is still away arrives as a replay, shown, not said.
    await display.waitForSelector('[data-testid=hall-banner]', { state: 'detached', timeout: 30_000 });
    await desk.keyboard.press('F1');
    await desk.waitForFunction(
      (n) => document.querySelector('[data-testid=result]')?.textContent === `已呼叫 ${n}`,
      number,
      POLL,
    );
    await display.waitForFunction(
      (n) => document.querySelector('[data-testid=current-number]')?.textContent === n,
      number,
      POLL,
    );
    const queued = await display.evaluate(
      () => (window as unknown as { yimenVoice?: { queued: readonly string[] } }).yimenVoice?.queued.length ?? 0,
    );
    assert.equal(queued, 2, 'the call after the restart is announced, twice');
    await second.stop();
  } finally {
    await browser.close();
  }
});
