import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));
const load = (path: string) => parse(readFileSync(`${root}${path}`, 'utf8')) as Record<string, unknown>;

/** The terminals packaged as Electron apps, with their own configs. */
const TERMINALS = ['kiosk', 'queue-display', 'evaluator'];

test('the shared packaging config targets Windows NSIS and Linux AppImage and deb, from the build output', () => {
  const base = load('electron-builder.yml');
  assert.deepEqual((base.linux as { target: string[] }).target, ['AppImage', 'deb']);
  assert.deepEqual((base.win as { target: string[] }).target, ['nsis']);
  assert.ok((base.files as string[]).includes('dist/**'));
  assert.equal((base.extraMetadata as { main: string }).main, 'dist/main.js');
  assert.equal(base.npmRebuild, true);
});

for (const terminal of TERMINALS) {
  test(`${terminal}: its config extends the shared one, and its build holds what it names`, () => {
    const own = load(`${terminal}/electron-builder.yml`);
    assert.equal(own.extends, '../electron-builder.yml');
    assert.match(String(own.appId), /^cn\.yimen\.[a-z-]+$/);
    assert.ok(own.productName);
    const pkg = JSON.parse(readFileSync(`${root}${terminal}/package.json`, 'utf8')) as { main: string };
    assert.equal(pkg.main, 'dist/main.js');
    for (const file of ['dist/main.js', 'dist/preload.js', 'dist/renderer/index.html']) {
      assert.ok(existsSync(`${root}${terminal}/${file}`), `${terminal}/${file} (run npm run build)`);
    }
  });
}
