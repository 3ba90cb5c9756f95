export * from './codec';
export * from './led-bar';
export * from './parser';
export * from './simulator';
