export * from './agenda.ts';
export * from './explain.ts';
export * from './rules.ts';
export * from './timeline.ts';
