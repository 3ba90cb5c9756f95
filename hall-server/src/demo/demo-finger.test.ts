import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fingerOfTemplate, SIMULATED_FINGERS } from '@yimen/drivers/fingerprint/simulator';
import { FingerprintService } from '../api/fingerprint-service';
import { HallService } from '../api/hall-service';
import { openDb } from '../store/db';
import { loadDemoInfo } from './demo-info';
import { seedDemoHall } from './seed';

test('the demo hall has the simulator’s clerk finger enrolled, sealed, for the clerk of window 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yimen-demo-'));
  const db = openDb(join(dir, 'hall.db'));
  try {
    const idKey = Buffer.alloc(32, 3);
    const credentialsPath = join(dir, 'demo-credentials.json');
    seedDemoHall(db, credentialsPath, idKey);
    const library = new FingerprintService(
      db,
      new HallService({ db, idKey, publicUrl: 'http://hall.test' }),
      idKey,
    ).library();
    assert.deepEqual(
      library.map((t) => [t.pageId, fingerOfTemplate(Buffer.from(t.template, 'base64'))]),
      [[1, SIMULATED_FINGERS.clerk]],
    );
    const stored = db.prepare('SELECT template_enc AS sealed FROM fingerprints').get() as { sealed: string };
    assert.notEqual(stored.sealed, library[0]?.template, 'sealed at rest');
    const demo = loadDemoInfo(db, credentialsPath, undefined);
    const windowOne = demo?.clerks.find((c) => c.windowId === 'win-01');
    assert.ok(windowOne);
    assert.deepEqual(demo?.fingerClerks, [windowOne.staffNo], 'the home page names who the finger signs in');
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
