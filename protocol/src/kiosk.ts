import { z } from 'zod';
import { AppointmentView } from './appointments';
import { BridgeStatus } from './devices';
import { Id } from './hall';
import { IdCardInput } from './id-card';

/** What one card holder may take at a kiosk, per category. */
export const HolderAvailability = z.discriminatedUnion('state', [
  z.object({ state: z.literal('open') }),
  z.object({ state: z.literal('closed'), reopensAt: z.number().nullable() }),
  z.object({ state: z.literal('full'), reopensAt: z.number().nullable() }),
  /** The per-ID daily limit for the category is reached (防黄牛). */
  z.object({ state: z.literal('idLimit') }),
  /** The holder has an open ticket in the category: offered a reprint, not a second number. */
  z.object({ state: z.literal('holding'), ticketId: Id, number: z.string(), reprintsLeft: z.number().int().min(0) }),
]);
export type HolderAvailability = z.infer<typeof HolderAvailability>;

export const KioskLookupRequest = z.object({ idCard: IdCardInput });
export type KioskLookupRequest = z.infer<typeof KioskLookupRequest>;

/** Whether today's booking can be checked in now, by the hall's clock. */
export const CheckInState = z.enum(['early', 'open', 'late']);
export type CheckInState = z.infer<typeof CheckInState>;

export const KioskLookup = z.object({
  categories: z.record(z.string(), HolderAvailability),
  /** At or over the hall's elderly age on the day: elder mode and the elderly class. */
  elderly: z.boolean(),
  /** A registered green-card agent (代办员). */
  agent: z.boolean(),
  /** Today's booking, if any, whether or not it is in its check-in window. */
  appointment: AppointmentView.nullable(),
  /** For a booking still to check in (or missed): its state now; null otherwise. */
  checkIn: CheckInState.nullable(),
});
export type KioskLookup = z.infer<typeof KioskLookup>;

/** The holder proves it is theirs with the same card; a ticket taken without a card cannot be reprinted. */
export const ReprintRequest = z.object({ ticketId: Id, idCard: IdCardInput });
export type ReprintRequest = z.infer<typeof ReprintRequest>;

export const CheckInRequest = z.object({ idCard: IdCardInput, idempotencyKey: z.string().min(8).max(100) });
export type CheckInRequest = z.infer<typeof CheckInRequest>;

/** A terminal reports its devices whenever their status changes. */
export const DeviceReportRequest = z.object({ status: BridgeStatus });
export type DeviceReportRequest = z.infer<typeof DeviceReportRequest>;
