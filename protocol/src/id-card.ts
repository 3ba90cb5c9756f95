import { z } from 'zod';

/** What a kiosk or window sends of a card it read; the server hashes the number at once. */
export const IdCardInput = z.object({
  idNumber: z.string().regex(/^\d{17}[\dXx]$/),
  name: z.string().min(1).max(60),
});
export type IdCardInput = z.infer<typeof IdCardInput>;
