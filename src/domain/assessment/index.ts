export * from './continuum.ts';
export * from './mapping.ts';
export * from './suppression.ts';
