import type { DomainId, Locale, Ring, StageId } from '../vocabulary.ts';

export type { DomainId, Locale, StageId } from '../vocabulary.ts';
export { LOCALES } from '../vocabulary.ts';

export type Localised = Record<Locale, string>;

export type WheelStage = {
  id: StageId;
  order: number;
  ring: Ring;
  label: Localised;
  purpose: Localised;
};
export type WheelDomain = { id: DomainId; label: Localised };
export type WheelTopic = {
  id: string;
  domain: DomainId;
  stage: StageId;
  label: Localised;
  question: Localised;
};
export type Wheel = {
  id: string;
  version: string;
  title: Localised;
  source: string;
  notes: string[];
  stages: WheelStage[];
  domains: WheelDomain[];
  topics: WheelTopic[];
};

export type ScalePoint = { value: number; label: Localised };
export type AssessmentItem = {
  id: string;
  domain: DomainId;
  component: string;
  label: Localised;
  operationalisation: string;
  statement: Localised;
};
export type AmbitionLevel = { id: string; label: Localised; meaning?: Localised };
export type Assessment = {
  id: string;
  version: string;
  title: Localised;
  source: string;
  scale: { type: string; points: ScalePoint[]; allowsNoAnswer: boolean };
  instructions: Localised;
  domains: WheelDomain[];
  items: AssessmentItem[];
  ambitions: {
    impact: { question: Localised; levels: AmbitionLevel[] };
    partnership: { question: Localised; levels: AmbitionLevel[] };
  };
  collaborationContinuum: {
    source: string;
    stages: { id: string; label: Localised; description: Localised }[];
  };
};

export type ProcessActivity = { id: string; label: Localised; objective: Localised; tools?: Localised[] };
export type ProcessStep = {
  id: string;
  order: number;
  label: Localised;
  goal: Localised;
  activities: ProcessActivity[];
};
export type PartneringProcess = {
  id: string;
  version: string;
  title: Localised;
  source: string;
  notes: string[];
  steps: ProcessStep[];
  appropriateness: { id: string; text: Localised }[];
  readiness: { id: string; text: Localised }[];
  mindsetShifts: { from: Localised; to: Localised }[];
  keysToSuccess: Localised[];
};
