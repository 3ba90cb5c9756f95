import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_DISPLAY_SETTINGS, type DisplaySettings, type LoggedEvent, type Ticket } from '@yimen/protocol';
import { Speaker } from '@yimen/shell/browser/speaker';
import { CHIME, clipFile } from '@yimen/shell/common/voice';
import { SilentPlayer, settle } from '@yimen/shell/testing/silent-player';
import { Announcer } from './announcer';

let seq = 0;
function called(
  number: string,
  windowNumber: number,
  over: { categoryId?: string; recall?: number } = {},
): LoggedEvent {
  seq++;
  return {
    name: 'ticket:called',
    payload: {
      seq,
      ticket: { id: `t-${number}`, number, categoryId: over.categoryId ?? 'cat-a' } as Ticket,
      window: { id: `win-${windowNumber}`, number: windowNumber, name: `${windowNumber}号窗口` },
      voiceText: `请${number}号到${windowNumber}号窗口办理`,
      recall: over.recall ?? 0,
      outOfOrder: false,
      clerkId: null,
    },
  };
}

function rig(settings: DisplaySettings = DEFAULT_DISPLAY_SETTINGS, voice = true) {
  const player = new SilentPlayer(voice);
  const spoken: string[] = [];
  const speaker = new Speaker({ clipBase: '/voice/', player, onSpeak: (t) => spoken.push(t) });
  return { player, spoken, announcer: new Announcer(speaker, () => settings) };
}

test('each call: the chime, then the call twice; the next call waits its turn, none is cut off', async () => {
  const { player, spoken, announcer } = rig();
  assert.equal(announcer.heard(called('A012', 3)), true);
  assert.equal(announcer.heard(called('B007', 12)), true);
  await settle();
  assert.deepEqual(announcer.queued, [
    '请A零一二号到三号窗口办理',
    '请A零一二号到三号窗口办理',
    '请B零零七号到十二号窗口办理',
    '请B零零七号到十二号窗口办理',
  ]);
  while (player.playing > 0) {
    assert.equal(player.playing, 1, 'one sound at a time');
    await player.end();
  }
  assert.deepEqual(player.log, [
    `clip:/voice/${clipFile(CHIME)}`,
    'say:请A零一二号到三号窗口办理',
    'say:请A零一二号到三号窗口办理',
    `clip:/voice/${clipFile(CHIME)}`,
    'say:请B零零七号到十二号窗口办理',
    'say:请B零零七号到十二号窗口办理',
  ]);
  assert.deepEqual(spoken, announcer.queued, 'spoken in the order queued, every one to its end');
});

test('a call arriving mid-announcement is heard after it, in full', async () => {
  const { player, announcer } = rig(DEFAULT_DISPLAY_SETTINGS, false);
  announcer.heard(called('A001', 1));
  await settle();
  await player.end(); // the chime
  await player.end(); // 请
  announcer.heard(called('A002', 2));
  await settle();
  await player.endAll();
  const words = player.log.map((l) => l.replace(/^clip:\/voice\//, ''));
  const firstEnd = words.lastIndexOf(clipFile('一'));
  const secondChime = words.lastIndexOf(clipFile(CHIME));
  assert.ok(secondChime > firstEnd, 'the second chime only after the first call’s second reading');
  assert.equal(words.filter((w) => w === clipFile(CHIME)).length, 2);
});

test('a recall is announced again', () => {
  const { announcer } = rig();
  announcer.heard(called('C003', 5));
  announcer.heard(called('C003', 5, { recall: 1 }));
  assert.equal(announcer.queued.length, 4);
  assert.equal(announcer.queued[2], '请C零零三号到五号窗口办理');
});

test('a display limited to some queues or windows announces only theirs; other events are not calls', () => {
  const { announcer } = rig({ layout: 'windows', categoryIds: ['cat-a'], windowIds: ['win-1', 'win-2'] });
  assert.equal(announcer.heard(called('A001', 1)), true);
  assert.equal(announcer.heard(called('B001', 1, { categoryId: 'cat-b' })), false, 'another queue');
  assert.equal(announcer.heard(called('A002', 9)), false, 'another window');
  assert.equal(announcer.heard({ name: 'notice:changed', payload: { seq: 99, text: '公告' } }), false);
  assert.equal(announcer.queued.length, 2);
});
