export * from './transport/transport';
export * from './transport/memory';
