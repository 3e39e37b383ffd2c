import processData from './data/process.json' with { type: 'json' };
import type { PartneringProcess } from './types.ts';

export const partneringProcess = processData as PartneringProcess;
