export * from './indicators.ts';
export * from './periods.ts';
export * from './progress.ts';
