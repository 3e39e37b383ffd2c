import { z } from 'zod';
import { zId } from './common.ts';

/** What changed in a collaboration: a signal to fetch again through the API, never the content itself. */
export const LIVE_EVENT_KINDS = [
  'participant-joined',
  'participant-left',
  'submitted',
  'early-reveal',
  'revealed',
  'round-started',
  'agreement-changed',
  'action-changed',
  'assessment-submitted',
  'assessment-early-reveal',
  'collaboration-changed',
  'process-changed',
  'ledger-changed',
  'presence-changed',
] as const;

export const ZLiveEvent = z
  .object({
    /** Increasing per server process and comparable across servers (milliseconds × 1000 + a counter). */
    id: z.string(),
    collaborationId: zId,
    kind: z.enum(LIVE_EVENT_KINDS),
    /** The organisation whose action it was, to say "Bouwbedrijf has submitted"; null when nobody's. */
    organisationId: zId.nullable(),
    at: z.string(),
  })
  .meta({ id: 'LiveEvent' });
export type LiveEvent = z.infer<typeof ZLiveEvent>;
export type LiveEventKind = LiveEvent['kind'];

/** Who of the partners has the collaboration open now: names only, and which one is you. */
export const ZPresence = z
  .object({
    people: z.array(z.object({ name: z.string(), organisation: z.string(), you: z.boolean() })),
  })
  .meta({ id: 'Presence' });
export type Presence = z.infer<typeof ZPresence>;
