import { birthDateOf, type IdCardInput, isValidIdNumber, maskIdNumber, maskName } from '@yimen/protocol';
import type { HolderFacts } from '../domain';
import { hashIdNumber } from './credentials';

/**
 * What the hall keeps of a card the moment it arrives: the keyed hash for matching, the
 * masked forms for screens, the birth date for the elderly class. Null for a number that
 * fails GB 11643 (shape, date, check character). The full number goes no further.
 */
export function holderFacts(card: IdCardInput, idKey: Buffer): HolderFacts | null {
  const idNumber = card.idNumber.toUpperCase();
  if (!isValidIdNumber(idNumber)) return null;
  return {
    idHash: hashIdNumber(idNumber, idKey),
    idMasked: maskIdNumber(idNumber),
    nameMasked: maskName(card.name),
    birthDate: birthDateOf(idNumber),
  };
}
