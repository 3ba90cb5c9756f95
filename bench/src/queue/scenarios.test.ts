import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseScenario } from '@yimen/hall-server/domain/simulation/scenario';

test('the built-in scenarios parse', () => {
  for (const name of ['county-hall', 'surge-day', 'mmc-check']) {
    const text = readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8');
    assert.equal(parseScenario(JSON.parse(text)).name, name);
  }
});
