/**
 * Records one clip per speech fragment with espeak-ng (Mandarin), for terminals whose
 * browser has no zh-CN speech voice: shell/dist/voice/<hex>.wav and a manifest. Run at
 * build time; terminals never download a voice.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clipFile, clipFragments } from '../src/common/voice';

export function recordClips(outDir: string, fragments: readonly string[]): void {
  mkdirSync(outDir, { recursive: true });
  for (const fragment of fragments) {
    // 150 words a minute: slower than espeak's default, as halls announce for everyone.
    execFileSync('espeak-ng', ['-v', 'cmn', '-s', '150', '-w', join(outDir, clipFile(fragment)), fragment]);
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
