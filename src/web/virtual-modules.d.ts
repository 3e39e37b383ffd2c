/// <reference types="vite/client" />
// Modules that vite.config.ts generates at build time. (An ambient module cannot import types by a relative
// path, so the shapes are spelled out here.)

declare module 'virtual:wheel-picture' {
  type Localised<T> = { nl: T; en: T };
  export type PictureSegment = {
    id: string;
    domain: 'value-creation' | 'resources' | 'partnership-processes';
    stage: 'orientation' | 'integration' | 'transformation';
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
