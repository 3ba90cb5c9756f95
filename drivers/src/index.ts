export * from './fingerprint';
export * as r30x from './fingerprint/r30x-codec';
export * from './transport/memory';
export * from './transport/transport';
