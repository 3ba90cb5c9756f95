import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHIME, clipFile, prompts } from '../common/voice';
import { SilentPlayer, settle } from '../testing/silent-player';
import { Speaker } from './speaker';

const call = prompts.call('A012', 3);

test('with a Mandarin voice: the chime as its clip, then the words spoken whole; nothing starts before the last ends', async () => {
  const player = new SilentPlayer(true);
  const spoken: string[] = [];
  const speaker = new Speaker({ clipBase: '/voice/', player, onSpeak: (t) => spoken.push(t) });
  speaker.say([CHIME, ...call]);
  speaker.say(call);
  speaker.say(prompts.call('B007', 12));
  await settle();
  assert.deepEqual(player.log, [`clip:/voice/${clipFile(CHIME)}`], 'one sound at a time');
  await player.end();
  assert.deepEqual(player.log.slice(1), ['say:请A零一二号到三号窗口办理']);
  await player.end();
  await player.end();
  await player.end();
  assert.deepEqual(player.log.slice(2), ['say:请A零一二号到三号窗口办理', 'say:请B零零七号到十二号窗口办理']);
  assert.deepEqual(spoken, ['请A零一二号到三号窗口办理', '请A零一二号到三号窗口办理', '请B零零七号到十二号窗口办理']);
  assert.equal(speaker.busy, false);
});

test('without a voice: every fragment is its clip, played in order and joined', async () => {
  const player = new SilentPlayer(false);
  const speaker = new Speaker({ clipBase: './voice/', player });
  speaker.say([CHIME, ...call]);
  await settle();
  await player.endAll();
  assert.deepEqual(
    player.log,
    [CHIME, '请', 'A', '零', '一', '二', '号', '到', '三', '号窗口办理'].map((f) => `clip:./voice/${clipFile(f)}`),
  );
});

test('a browser that blocks sound is reported, and the queue does not stall', async () => {
  const player = new SilentPlayer(false);
  player.blocked = true;
  let blocked = 0;
  const speaker = new Speaker({ clipBase: '/v/', player, onBlocked: () => blocked++ });
  speaker.say(call, 2);
  await settle();
  assert.equal(speaker.busy, false, 'both went by');
  assert.ok(blocked > 0);
});

test('silence stops the sound and drops what waits', async () => {
  const player = new SilentPlayer(true);
  const speaker = new Speaker({ clipBase: '/v/', player });
  speaker.say(call);
  speaker.say(call);
  await settle();
  speaker.silence();
  assert.equal(player.log.at(-1), 'stop');
  assert.equal(speaker.busy, false);
  await player.endAll();
  assert.equal(player.log.filter((l) => l.startsWith('say:')).length, 1, 'the dropped one never sounds');
  speaker.say(call);
  await settle();
  assert.equal(player.log.at(-1), 'say:请A零一二号到三号窗口办理', 'and it speaks again afterwards');
});
