import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_HALL } from '@yimen/hall-server/demo/demo-hall';
import { searchIndex, searchItems } from './item-search';

const index = searchIndex(DEMO_HALL.items);
const names = (q: string) => searchItems(index, q).map((i) => i.name);

test('"bdc" finds 不动产登记 by its pinyin initials, first', () => {
  const found = names('bdc');
  assert.ok(found.length > 0);
  assert.ok(found[0]?.startsWith('不动产'), found[0]);
  assert.ok(
    found.every((n) => n.includes('不动产')),
    found.join(','),
  );
});

test('by name, by full pinyin, in upper case, with spaces', () => {
  assert.ok(names('不动产').every((n) => n.includes('不动产')));
  assert.ok(names('不动产').length >= 3);
  assert.ok(names('budongchan')[0]?.startsWith('不动产'));
  assert.deepEqual(names('B D C'), names('bdc'));
});

test('nothing for nonsense, nothing for an empty box', () => {
  assert.deepEqual(names('zzzzqqq'), []);
  assert.deepEqual(names('  '), []);
});
