export * from './profile';
export * from './rating-pad';
export * from './reports';
export * from './simulator';
