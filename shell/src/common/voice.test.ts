import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CHIME,
  clipFile,
  clipFragments,
  pickVoice,
  prompts,
  SpeechQueue,
  sayNumber,
  spellTicket,
  textOf,
} from './voice';

test('ticket numbers are spelled digit by digit; counts and windows read as numbers', () => {
  assert.deepEqual(spellTicket('A012'), ['A', '零', '一', '二']);
  assert.deepEqual(spellTicket('BZ100'), ['B', 'Z', '一', '零', '零']);
  const said = (n: number) => sayNumber(n).join('');
  assert.equal(said(0), '零');
  assert.equal(said(3), '三');
  assert.equal(said(10), '十');
  assert.equal(said(12), '十二');
  assert.equal(said(20), '二十');
  assert.equal(said(105), '一百零五');
  assert.equal(said(110), '一百一十');
  assert.equal(said(999), '九百九十九');
  assert.equal(said(1001), '一千零一');
  assert.equal(said(2010), '二千零一十');
  assert.throws(() => sayNumber(-1), RangeError);
  assert.throws(() => sayNumber(1.5), RangeError);
});

test('the prompts read as the hall says them', () => {
  assert.equal(textOf(prompts.call('A012', 3)), '请A零一二号到三号窗口办理');
  assert.equal(textOf(prompts.issued('A005', 3)), '您已领取A零零五号前面还有三人');
  assert.equal(textOf(prompts.issued('C101', 12)), '您已领取C一零一号前面还有十二人');
});

test('every fragment of every prompt has a clip, with a file name safe anywhere', () => {
  const clips = new Set(clipFragments());
  for (const utterance of [
    prompts.call('AZ019', 173),
    prompts.issued('B999', 1234),
    prompts.elderWelcome(),
    prompts.printFailed(),
  ]) {
    for (const fragment of utterance) assert.ok(clips.has(fragment), `no clip for ${fragment}`);
  }
  for (const fragment of clips) assert.match(clipFile(fragment), /^[0-9a-f]+\.wav$/);
  assert.notEqual(clipFile('一'), clipFile('二'));
});

test('speech plays one utterance at a time, in order, repeats included, nothing cut off', () => {
  const q = new SpeechQueue();
  const first = prompts.call('A001', 1);
  const second = prompts.call('B002', 2);
  assert.equal(q.enqueue(first, 2), true, 'idle: start now');
  assert.equal(q.next(), first);
  assert.equal(q.enqueue(second, 2), false, 'busy: wait for the current one');
  assert.equal(q.next(), null, 'the playing one is not interrupted');
  q.finished();
  assert.equal(q.next(), first, 'the repeat comes before the next call');
  q.finished();
  assert.equal(q.next(), second);
  q.finished();
  assert.equal(q.next(), second);
  q.clearWaiting();
  q.finished();
  assert.equal(q.next(), null);
});

test('the chime is a tone: played, not read out', () => {
  assert.equal(textOf([CHIME, ...prompts.call('A012', 3)]), '请A零一二号到三号窗口办理');
  assert.ok(clipFragments().includes(CHIME));
});

test('the Mandarin voice of the mainland is preferred; Cantonese is never picked', () => {
  const v = (lang: string) => ({ lang });
  assert.equal(pickVoice([v('en-US'), v('zh-TW'), v('zh-CN')])?.lang, 'zh-CN');
  assert.equal(pickVoice([v('zh_CN')])?.lang, 'zh_CN');
  assert.equal(pickVoice([v('en-US'), v('zh-TW')])?.lang, 'zh-TW');
  assert.equal(pickVoice([v('zh-HK'), v('yue-Hant-HK'), v('en-GB')]), null);
  assert.equal(pickVoice([]), null);
});
