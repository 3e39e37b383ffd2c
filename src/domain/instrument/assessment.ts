import assessmentData from './data/assessment.json' with { type: 'json' };
import type { Assessment } from './types.ts';

export const assessment = assessmentData as Assessment;
