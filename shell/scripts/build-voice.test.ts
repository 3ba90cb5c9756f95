import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { clipFile, prompts } from '../src/common/voice';
import { recordClips } from './build-voice';

/** Length and loudness of a WAV file, as `sox <file> -n stat` reports them (on stderr). */
function soxStat(path: string): { seconds: number; rms: number } {
  const { stderr } = spawnSync('sox', [path, '-n', 'stat'], { encoding: 'utf8' });
  return {
    seconds: Number(/Length \(seconds\):\s+([\d.]+)/.exec(stderr)?.[1]),
    rms: Number(/RMS\s+amplitude:\s+([\d.]+)/.exec(stderr)?.[1]),
  };
}

test('the recorded clips are speech: not silent, of a plausible length, one per fragment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yimen-voice-'));
  try {
    const fragments = [...new Set(prompts.call('A012', 3))];
    recordClips(dir, fragments);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(Object.keys(manifest).sort(), [...fragments].sort());
    for (const fragment of fragments) {
      const { seconds, rms } = soxStat(join(dir, clipFile(fragment)));
      assert.ok(rms > 0.01, `${fragment}: silent (RMS ${rms})`);
      // Mandarin at 150 wpm: a syllable takes roughly 0.2-0.7 s, plus espeak's lead-in and tail.
      const syllables = [...fragment].length;
      assert.ok(seconds > 0.15 * syllables && seconds < 0.9 * syllables + 0.6, `${fragment}: ${seconds} s`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
