import { DEMO_HALL } from '@yimen/hall-server/demo/demo-hall';
import type { Clerk } from '@yimen/protocol';

/** Clerks of the demo hall, for the console's sign-in (passwords are `pw-<staffNo>` in test halls). */
export function demoClerk(index: number): Clerk {
  const clerk = DEMO_HALL.clerks[index];
  if (!clerk) throw new Error(`the demo hall has no clerk ${index}`);
  return clerk;
}
