import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { wrapText } from './wrap';

/** Half-width columns, counted apart from the code under test. */
function columnsOf(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) < 0x80 ? 1 : 2;
  return n;
}

test('full-width characters take two columns', () => {
  assert.deepEqual(wrapText('测'.repeat(17), 32), ['测'.repeat(16), '测']);
  assert.deepEqual(wrapText(`A${'测'.repeat(16)}`, 32), [`A${'测'.repeat(15)}`, '测']);
  assert.deepEqual(wrapText('x'.repeat(33), 32), ['x'.repeat(32), 'x']);
});

test('ASCII words stay whole and wrapped lines drop the space', () => {
  assert.deepEqual(wrapText('call 010-12345678 now', 12), ['call', '010-12345678', 'now']);
});

test('closing punctuation pulls the previous character down; opening brackets do not end a line', () => {
  assert.deepEqual(wrapText('一二三，四', 6), ['一二', '三，四']);
  assert.deepEqual(wrapText('一二（三）', 6), ['一二', '（三）']);
});

test('the punctuation rules give way rather than overflow a line', () => {
  assert.deepEqual(wrapText('A（（测', 5), ['A（（', '测']);
});

test('hanging indent: later lines get their own width; newlines start new lines', () => {
  assert.deepEqual(wrapText('一二三四五六', 8, 4), ['一二三四', '五六']);
  assert.deepEqual(wrapText('一二三四五六七八', 8, 4), ['一二三四', '五六', '七八']);
  assert.deepEqual(wrapText('甲\n乙', 8), ['甲', '乙']);
});

test('property: lines fit and no character is lost', () => {
  const char = fc.constantFrom('测', '试', 'A', 'b', '1', ' ', '，', '。', '（', '）', '￥', '𬌗', '-');
  fc.assert(
    fc.property(fc.array(char, { maxLength: 120 }), fc.integer({ min: 4, max: 9 }), (chars, columns) => {
      const text = chars.join('');
      const lines = wrapText(text, columns);
      for (const line of lines) assert.ok(columnsOf(line) <= columns, `${line} > ${columns}`);
      assert.equal(lines.join('').replace(/ /g, ''), text.replace(/ /g, ''));
    }),
    { numRuns: 2000 },
  );
});
