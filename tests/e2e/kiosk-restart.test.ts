/**
 * The hall-server dies (SIGKILL) after committing a kiosk's ticket but before its ack
 * reached the kiosk; it restarts on the same address. The kiosk must find its way back by
 * itself and, retrying with the same idempotency key, get that very ticket — printed once,
 * held by the citizen standing there, and no second number in the queue.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { removeTestHall } from '@yimen/hall-server/testing/test-server';
import Database from 'better-sqlite3';
import { launchChromium } from '../support/browser';
import { freePort, type HallProcess, startHallProcess } from '../support/hall-process';
import { createKioskHall, enrolKiosk, printed, shot, startKioskAgent } from '../support/kiosk-rig';

const hall = createKioskHall();
const running: HallProcess[] = [];
after(async () => {
  for (const p of running) if (p.child.exitCode === null) await p.kill();
  removeTestHall(hall);
});

test('killed after the commit, before the ack: the kiosk reconnects and its retry gets the same ticket', async () => {
  const port = await freePort();
  const first = await startHallProcess(hall.dbPath, { PORT: String(port) });
  running.push(first);
  const agent = await startKioskAgent([first.url]);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    let dropped: () => void = () => {};
    const ackDropped = new Promise<void>((resolve) => {
      dropped = resolve;
    });
    let dropNext = true;
    // Between the page and the hall: the first fresh issue ack (socket.io packet 43…) is lost on the way.
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => server.send(m));
      server.onMessage((m) => {
        if (dropNext && typeof m === 'string' && m.startsWith('43') && m.includes('"replayed":false')) {
          dropNext = false;
          dropped();
          return;
        }
        ws.send(m);
      });
      server.onClose((code, reason) => ws.close({ code, reason }));
      ws.onClose((code, reason) => server.close({ code, reason }));
    });
    await enrolKiosk(page, first.url, hall.token('admin-1'), agent);
    const before = printed(agent).length;
    await page.click('.tile[data-category=cat-sb]');
    await ackDropped;
    await first.kill();
    await page.waitForSelector('[data-testid=hall-banner]');
    await page.waitForSelector('text=正在连接大厅服务器', { timeout: 20_000 });
    await shot(page, 'kiosk-waiting-for-hall');
    assert.equal(printed(agent).length, before, 'nothing printed without an ack');

    const second = await startHallProcess(hall.dbPath, { PORT: String(port) });
    running.push(second);
    await page.waitForSelector('[data-testid=done]', { timeout: 30_000 });
    const number = (await page.textContent('[data-testid=ticket-number]'))?.trim() ?? '';
    assert.match(number, /^A\d{3}$/);
    assert.equal(await page.isVisible('[data-testid=hall-banner]'), false, 'back online without a reload');
    const slips = printed(agent).slice(before);
    assert.equal(slips.length, 1, 'one slip');
    assert.ok(slips[0]?.lines.some((l) => l.text.includes(number)));
    await second.stop();
    const db = new Database(hall.dbPath, { readonly: true });
    const rows = db.prepare("SELECT number, status FROM tickets WHERE issue_category_id = 'cat-sb'").all();
    db.close();
    assert.deepEqual(rows, [{ number, status: 'waiting' }], 'the same ticket, and only one');
  } finally {
    await browser.close();
    await agent.close();
  }
});
