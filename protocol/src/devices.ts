import { z } from 'zod';

/** What the device layer (Electron main or the device agent) reports to a terminal. */

export const DeviceKind = z.enum(['idcard', 'fingerprint', 'printer', 'ratingPad', 'callerBus', 'led']);
export type DeviceKind = z.infer<typeof DeviceKind>;

/** `ready`, `absent` (not plugged or not answering), or `fault` with a reason. */
export const DeviceStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready') }),
  z.object({ state: z.literal('absent'), reason: z.string().optional() }),
  z.object({ state: z.literal('fault'), reason: z.string() }),
]);
export type DeviceStatus = z.infer<typeof DeviceStatus>;

export const CardType = z.enum(['resident', 'foreignerOld', 'foreigner2023', 'hkMacauTaiwan']);
export type CardType = z.infer<typeof CardType>;

/**
 * A card as read. It carries the full ID number because the hall-server must hash it;
 * terminals show only the masked forms.
 */
export const IdentityCard = z.object({
  cardType: CardType,
  name: z.string(),
  nameEn: z.string().optional(),
  sex: z.enum(['unknown', 'male', 'female', 'unspecified']),
  nation: z.string().optional(),
  nationality: z.string().optional(),
  birthDate: z.string(),
  address: z.string().optional(),
  idNumber: z.string(),
  authority: z.string().optional(),
  validFrom: z.string(),
  /** A date, or 长期 for a card that never expires. */
  validTo: z.string(),
  passNumber: z.string().optional(),
  issueCount: z.string().optional(),
});
export type IdentityCard = z.infer<typeof IdentityCard>;

/** 好差评: five levels, the bottom two count as bad ratings (差评). */
export const RatingLevel = z.enum(['verySatisfied', 'satisfied', 'basic', 'dissatisfied', 'veryDissatisfied']);
export type RatingLevel = z.infer<typeof RatingLevel>;

export const PrinterStatus = z.object({
  online: z.boolean(),
  coverOpen: z.boolean(),
  paperNearEnd: z.boolean(),
  paperOut: z.boolean(),
});
export type PrinterStatus = z.infer<typeof PrinterStatus>;
