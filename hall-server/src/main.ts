import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { startHallServer } from './api/server';
import { loadDemoInfo } from './demo/demo-info';
import { seedDemoHall } from './demo/seed';
import { ConfigRepo } from './store/config-repo';
import { openDb } from './store/db';

/**
 * The ID-hashing key lives in a file beside the database, created once; the keys that seal
 * phone numbers and fingerprint templates are derived from it (api/field-crypto.ts).
 */
function loadIdKey(path: string): Buffer {
  if (!existsSync(path)) writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600 });
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
}

async function main(): Promise<void> {
  // npm runs workspace scripts in the workspace folder; paths given by the user are relative to where they typed.
  const base = process.env.INIT_CWD ?? process.cwd();
  const dbPath = resolve(base, process.env.YIMEN_DB ?? 'data/hall.db');
  const port = Number(process.env.PORT ?? 8080);
  const db = openDb(dbPath);
  const idKey = loadIdKey(`${dbPath}.key`);

  const credentialsPath = join(dirname(dbPath), 'demo-credentials.json');
  // Clerks' photos for the window pads, beside the database (the demo draws its own).
  const photosDir = join(dirname(dbPath), 'photos');
  if (new ConfigRepo(db).isEmpty()) {
    seedDemoHall(db, credentialsPath, idKey, photosDir);
    console.log(`[yimen] seeded the demo hall; credentials in ${credentialsPath}`);
  }

  const demo = loadDemoInfo(db, credentialsPath, process.env.YIMEN_DEMO_AGENTS);
  const server = await startHallServer({
    db,
    idKey,
    port,
    photosDir,
    ...(demo ? { demo } : {}),
    ...(process.env.HOST ? { host: process.env.HOST } : {}),
    ...(process.env.YIMEN_PUBLIC_URL ? { publicUrl: process.env.YIMEN_PUBLIC_URL } : {}),
  });
  console.log(`[yimen] ${server.service.config.hallName} listening on port ${server.port}`);
  console.log(`[yimen]   health        ${server.url}/api/health`);
  console.log(`[yimen]   hall config   ${server.url}/api/config`);
  console.log(`[yimen]   queue         ${server.url}/api/queue`);
  console.log(
    `[yimen]   ticket status ${server.publicUrl}/t/<token from the ticket's QR code> (set YIMEN_PUBLIC_URL if phones reach the hall by another address)`,
  );
  console.log(`[yimen]   socket.io     ${server.url} (auth: { token } or { session })`);
  console.log(`[yimen]   database      ${dbPath}`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    db.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(`[yimen] failed to start: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
