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
    /** The label as the screen's wheel sets it: centre, turn, size, and its lines with their offsets. */
    label: Localised<{
      x: number;
      y: number;
      rotation: number;
      size: number;
      lines: { text: string; dy: number }[];
    }>;
  };
  /** The canvas's width and height. */
  export const size: number;
  export const segments: PictureSegment[];
}
