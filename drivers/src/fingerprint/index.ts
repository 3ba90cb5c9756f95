/** Fingerprint module (R30x / AS608): scanner for clerk sign-in and its simulator. */
export {
  type BadImage,
  type EnrollOptions,
  type EnrollResult,
  type EnrollStep,
  FingerprintRejectedError,
  FingerprintScanner,
  type FingerprintScannerOptions,
  type IdentifyResult,
  type WaitEnded,
  type WaitOptions,
} from './scanner';
export {
  FingerprintSimulator,
  type FingerprintSimulatorOptions,
  type PressQuality,
  type SimulatorFault,
} from './simulator';
