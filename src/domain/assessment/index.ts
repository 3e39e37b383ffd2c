export * from './continuum.ts';
export * from './mapping.ts';
