export * from './agenda.ts';
export * from './rules.ts';
export * from './timeline.ts';
