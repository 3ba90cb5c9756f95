export { encodeIdentity, IdentityError, type IdentityErrorCode, parseIdentity } from './identity';
export { NATIONS, nationCode, nationName } from './nations';
export {
  IdCardReader,
  type IdCardReaderError,
  type IdCardReaderEvents,
  type IdCardReaderOptions,
  type IdCardReading,
  InvalidCardError,
} from './reader';
export { invalidResidentCard, sampleCards } from './samples';
export { IdCardSimulator, samplePhoto } from './simulator';
