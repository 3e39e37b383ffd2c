import { CANVAS_SIZES, type CanvasSize, type Locale } from '../../../domain/vocabulary.ts';

export { CANVAS_SIZES };

/** The printable empty canvas in the reader's language: public, so the method page links to it too. */
export const canvasUrl = (size: CanvasSize, lang: Locale) =>
  `/api/v1/instrument/canvas.pdf?size=${size}&lang=${lang}`;
