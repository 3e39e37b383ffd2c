/// <reference types="vite/client" />
// Modules that vite.config.ts generates at build time.

declare module 'virtual:wheel-picture' {
  type Localised<T> = { nl: T; en: T };
  export type PictureSegment = {
    id: string;
    domain: import('../domain/vocabulary.ts').DomainId;
    stage: import('../domain/vocabulary.ts').StageId;
    /** Arc path around the wheel's centre. */
    path: string;
    x: number;
    y: number;
    rotation: number;
    label: Localised<string>;
    fontSize: Localised<number>;
  };
  export const segments: PictureSegment[];
}
