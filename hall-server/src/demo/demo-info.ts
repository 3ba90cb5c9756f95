import { existsSync, readFileSync } from 'node:fs';
import { sampleCards } from '@yimen/drivers/idcard/samples';
import { zhCN } from '@yimen/protocol';
import { z } from 'zod';
import { AttendanceRepo } from '../store/attendance-repo';
import { ConfigRepo } from '../store/config-repo';
import type { Db } from '../store/db';
import type { DemoInfo } from '../web/home-page';

const AgentsFile = z.array(
  z.object({ terminalId: z.string(), bridgeUrl: z.string(), token: z.string(), controlUrl: z.string() }),
);
const CredentialsFile = z.object({
  clerks: z.array(
    z.object({ staffNo: z.string(), name: z.string(), password: z.string(), windowId: z.string().nullable() }),
  ),
});

/** The simulator's resident cards, whose holders a demo visitor may book as: test data, made up. */
const BOOKABLE_SAMPLES = ['resident', 'elderly', 'greenCardAgent', 'residentLongTerm'] as const;

/**
 * The demo's links for its home page: only for a hall seeded as the demo, with the agents
 * the demo launcher started (their list in `agentsPath`), the clerks' demo passwords, who has
 * a finger enrolled (the simulator's clerk finger signs them in) and the people on the
 * simulator's sample cards.
 */
export function loadDemoInfo(db: Db, credentialsPath: string, agentsPath: string | undefined): DemoInfo | null {
  if (new ConfigRepo(db).getMeta('demo') !== '1' || !existsSync(credentialsPath)) return null;
  const clerks = CredentialsFile.parse(JSON.parse(readFileSync(credentialsPath, 'utf8'))).clerks;
  const agents =
    agentsPath && existsSync(agentsPath) ? AgentsFile.parse(JSON.parse(readFileSync(agentsPath, 'utf8'))) : [];
  const identities = BOOKABLE_SAMPLES.map((key) => ({
    key,
    name: sampleCards[key].name,
    idNumber: sampleCards[key].idNumber,
    note: zhCN.home.sampleNotes[key] ?? '',
  }));
  const config = new ConfigRepo(db);
  const enrolled = new Set(new AttendanceRepo(db).templates().map((t) => t.clerkId));
  const fingerClerks = config
    .load()
    .clerks.filter((c) => enrolled.has(c.id))
    .map((c) => c.staffNo);
  return { agents, clerks, identities, fingerClerks };
}
