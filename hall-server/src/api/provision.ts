import { maskName, type Role } from '@yimen/protocol';
import { AuthRepo } from '../store/auth-repo';
import { ConfigRepo, type HallConfig } from '../store/config-repo';
import type { Db } from '../store/db';
import { hashIdNumber, hashPassword, hashToken, newSecret } from './credentials';

export interface TerminalSpec {
  readonly id: string;
  readonly name: string;
  readonly role: Exclude<Role, 'clerk'>;
  readonly windowId: string | null;
}

/** An agent (代办员) holding the hall's green card; only the keyed hash of the ID number is stored. */
export interface GreenCardSpec {
  readonly cardNo: string;
  readonly idNumber: string;
  readonly name: string;
}

export interface ProvisionOptions {
  /** Clerk passwords by staff number; missing ones are random. */
  readonly passwords?: ReadonlyMap<string, string>;
  readonly greenCards?: readonly GreenCardSpec[];
  /** The ID-hashing key, needed for green cards. */
  readonly idKey?: Buffer;
}

/** Plain credentials, returned once at provisioning; only hashes are stored. */
export interface Credentials {
  readonly terminals: readonly (TerminalSpec & { token: string })[];
  readonly clerks: readonly { staffNo: string; name: string; password: string }[];
}

/**
 * Writes a hall's configuration into an empty database and issues credentials: a token per
 * terminal and a password per clerk (given, or random); registers green-card agents.
 */
export function provisionHall(
  db: Db,
  config: HallConfig,
  terminals: readonly TerminalSpec[],
  { passwords = new Map(), greenCards = [], idKey }: ProvisionOptions = {},
): Credentials {
  if (greenCards.length > 0 && !idKey) throw new Error('green cards need the ID-hashing key');
  const configRepo = new ConfigRepo(db);
  const auth = new AuthRepo(db);
  const clerks = config.clerks.map((c) => ({
    id: c.id,
    staffNo: c.staffNo,
    name: c.name,
    password: passwords.get(c.staffNo) ?? newSecret().slice(0, 10),
  }));
  const issued = terminals.map((t) => ({ ...t, token: newSecret() }));
  db.transaction(() => {
    configRepo.save(config, new Map(clerks.map((c) => [c.id, hashPassword(c.password)])));
    for (const t of issued) auth.addTerminal(t, hashToken(t.token));
    for (const g of greenCards)
      auth.addGreenCard(hashIdNumber(g.idNumber, idKey as Buffer), g.cardNo, maskName(g.name));
  })();
  return {
    terminals: issued,
    clerks: clerks.map(({ staffNo, name, password }) => ({ staffNo, name, password })),
  };
}
