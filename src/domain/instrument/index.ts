// The instrument definitions, copied from the research (see docs/instrument.md). Import the single
// modules (wheel.ts, assessment.ts, process.ts) from the web client so its bundle carries only what it shows.
export * from './assessment.ts';
export * from './process.ts';
export * from './types.ts';
export * from './wheel.ts';
