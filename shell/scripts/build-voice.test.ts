import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { CHIME, clipFile, prompts } from '../src/common/voice';
import { recordClips } from './build-voice';

/** Length, loudness and rough pitch of a WAV file, as `sox <file> -n stat` reports them (on stderr). */
function soxStat(path: string): { seconds: number; rms: number; hz: number } {
  const { stderr } = spawnSync('sox', [path, '-n', 'stat'], { encoding: 'utf8' });
  return {
    seconds: Number(/Length \(seconds\):\s+([\d.]+)/.exec(stderr)?.[1]),
    rms: Number(/RMS\s+amplitude:\s+([\d.]+)/.exec(stderr)?.[1]),
    hz: Number(/Rough\s+frequency:\s+(\d+)/.exec(stderr)?.[1]),
  };
}

const call = prompts.call('A012', 3);
const fragments = [...new Set([CHIME, ...call])];
let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'yimen-voice-'));
  recordClips(dir, fragments);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('the recorded clips are speech: not silent, of a plausible length, one per fragment', () => {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, string>;
  assert.deepEqual(Object.keys(manifest).sort(), [...fragments].sort());
  for (const fragment of call) {
    const { seconds, rms } = soxStat(join(dir, clipFile(fragment)));
    assert.ok(rms > 0.01, `${fragment}: silent (RMS ${rms})`);
    // Mandarin at 150 wpm, espeak's silence cut: a syllable takes roughly 0.2-0.6 s.
    const syllables = [...fragment].length;
    assert.ok(seconds > 0.15 * syllables && seconds < 0.6 * syllables + 0.3, `${fragment}: ${seconds} s`);
  }
});

test('the chime is two notes around 520-660 Hz, about a second and a quarter', () => {
  const { seconds, rms, hz } = soxStat(join(dir, clipFile(CHIME)));
  assert.ok(rms > 0.05, `chime RMS ${rms}`);
  assert.ok(seconds > 1.1 && seconds < 1.4, `chime ${seconds} s`);
  assert.ok(hz > 450 && hz < 750, `chime at ${hz} Hz`);
});

test('a whole call, its clips joined as the display plays them, is one sentence of speech', () => {
  const joined = join(dir, 'call.wav');
  const sox = spawnSync('sox', [...call.map((f) => join(dir, clipFile(f))), joined]);
  assert.equal(sox.status, 0, String(sox.stderr));
  const { seconds, rms } = soxStat(joined);
  assert.ok(rms > 0.02, `joined call RMS ${rms}`);
  // 请A零一二号到三号窗口办理: 13 syllables; spoken in 3 to 7 seconds, as a hall announcement is.
  assert.ok(seconds > 3 && seconds < 7, `joined call ${seconds} s`);
});
