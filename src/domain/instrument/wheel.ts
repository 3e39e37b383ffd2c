import wheelData from './data/wheel.json' with { type: 'json' };
import type { Wheel } from './types.ts';

// Checked field by field in tests/unit/instrument.test.ts, so a malformed copy fails the unit layer.
export const wheel = wheelData as Wheel;
