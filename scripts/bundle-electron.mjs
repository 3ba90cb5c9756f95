// Bundles an Electron terminal's main process and preload into its dist/ (run from the
// terminal's folder: `node ../scripts/bundle-electron.mjs`): CommonJS, as Electron loads a
// sandboxed preload; native modules stay outside the bundle and are rebuilt by
// electron-builder for Electron's ABI. Also puts the speech clips beside the renderer.
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const cwd = process.cwd();
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  external: ['electron', 'serialport', '@serialport/*', 'node-hid', '@napi-rs/canvas', 'better-sqlite3'],
  // import.meta.url in the sources becomes the bundle's own file URL.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};
await build({ ...common, entryPoints: [join(cwd, 'src/main.ts')], outfile: join(cwd, 'dist/main.js') });
await build({ ...common, entryPoints: [join(cwd, 'src/preload.ts')], outfile: join(cwd, 'dist/preload.js') });
const voice = join(cwd, '../shell/dist/voice');
if (existsSync(voice)) cpSync(voice, join(cwd, 'dist/renderer/voice'), { recursive: true });
