/**
 * Records one clip per speech fragment with espeak-ng (Mandarin), for terminals whose
 * browser has no zh-CN speech voice: shell/dist/voice/<hex>.wav and a manifest. The chime
 * is synthesised by sox as two notes. Run at build time; terminals never download a voice.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clipFile, clipFragments, isTone } from '../src/common/voice';

/** espeak's own rate and format: 22.05 kHz, 16-bit mono; the chime is made the same, so clips join. */
const FORMAT = ['-r', '22050', '-b', '16', '-c', '1'];

/**
 * espeak leads and trails each word with silence; clips played one after another would
 * stutter. Cut both ends (below 0.5 % for 20 ms) and keep a short pause after the word.
 */
const TRIM = ['silence', '1', '0.02', '0.5%', 'reverse', 'silence', '1', '0.02', '0.5%', 'reverse', 'pad', '0', '0.06'];

function recordSpeech(path: string, fragment: string): void {
  // 150 words a minute: slower than espeak's default, as halls announce for everyone.
  const wav = execFileSync('espeak-ng', ['-v', 'cmn', '-s', '150', '--stdout', fragment]);
  execFileSync('sox', ['-t', 'wav', '-', ...FORMAT, path, ...TRIM], { input: wav });
}

/** 叮咚: E5 then C5, each struck and fading, as hall chimes go. */
function recordChime(path: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'yimen-chime-'));
  try {
    const note = (file: string, hz: number, seconds: number) =>
      execFileSync('sox', [
        '-n',
        ...FORMAT,
        file,
        'synth',
        String(seconds),
        'sine',
        String(hz),
        'fade',
        'q',
        '0.01',
        String(seconds),
        String(seconds * 0.85),
        'vol',
        '0.5',
      ]);
    note(join(dir, 'ding.wav'), 659.25, 0.45);
    note(join(dir, 'dong.wav'), 523.25, 0.8);
    execFileSync('sox', [join(dir, 'ding.wav'), join(dir, 'dong.wav'), path]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function recordClips(outDir: string, fragments: readonly string[]): void {
  mkdirSync(outDir, { recursive: true });
  for (const fragment of fragments) {
    const path = join(outDir, clipFile(fragment));
    if (isTone(fragment)) recordChime(path);
    else recordSpeech(path, fragment);
  }
  const manifest = Object.fromEntries(fragments.map((f) => [f, clipFile(f)]));
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = fileURLToPath(new URL('../dist/voice/', import.meta.url));
  const fragments = clipFragments();
  recordClips(out, fragments);
  console.log(`[voice] ${fragments.length} clips in ${out}`);
}
