export * from './caller-bus';
export * from './codec';
export * from './messages';
export * from './parser';
export * from './simulator';
