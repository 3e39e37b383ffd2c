// The wheel as the PDFs draw it (the empty canvas and the round report): the arcs of the screen
// (src/domain/wheel/geometry.ts), with labels fitted to their segment at a size that stays legible on paper.
import type { Locale, WheelTopic } from '../../domain/instrument/types.ts';
import { wheel } from '../../domain/instrument/wheel.ts';
import { CENTRE, RING_RADII, type Segment, wheelSegments } from '../../domain/wheel/geometry.ts';
import { DOMAIN_COLOURS, GAP_COLOUR } from '../../domain/wheel/palette.ts';

type Doc = PDFKit.PDFDocument;

/** Nothing on paper is set smaller than this (issue 10, point 15: no text under 8 pt on A4). */
export const MIN_FONT = 8;
const INK = '#1d2327';

/** How one topic is drawn: its shade, a gap outline, a check for an agreement, a line of ratings. */
export type TopicMarks = {
  shade: 'empty' | 'answered' | 'inPlace';
  gap?: boolean;
  agreed?: boolean;
  /** A second line under the label, such as "3 · 4". */
  ratings?: string;
};

export type WheelDrawing = {
  cx: number;
  cy: number;
  /** Across the outer ring, in points. */
  diameter: number;
  lang: Locale;
  marks?: (topic: WheelTopic) => TopicMarks;
  /** An empty box in every segment to write a rating in (the empty canvas). */
  ratingBoxes?: boolean;
  /** The domains' names in the corners above the wheel and under it (needs 24 pt below). */
  domainNames?: boolean;
};

/** Draws the 21 segments with their labels; returns the scale from the 600-unit canvas to points. */
export function drawWheel(doc: Doc, drawing: WheelDrawing): number {
  const { cx, cy, lang } = drawing;
  const outer = RING_RADII.orientation[1];
  const scale = drawing.diameter / (2 * outer);
  const at = (x: number, y: number) => [cx + (x - CENTRE) * scale, cy + (y - CENTRE) * scale] as const;
  const maxFont = Math.max(MIN_FONT, 13 * scale);

  for (const segment of wheelSegments(lang)) {
    const { topic } = segment;
    const marks = drawing.marks?.(topic) ?? { shade: 'empty' };
    const [pale, middle, deep] = DOMAIN_COLOURS[topic.domain];
    const fill = marks.shade === 'inPlace' ? deep : marks.shade === 'answered' ? middle : pale;
    doc.save().translate(cx, cy).scale(scale).path(segment.path).fillColor(fill).fill().restore();
    // A thin outline in the domain's colour, so the segments still read apart on a black-and-white print.
    doc
      .save()
      .translate(cx, cy)
      .scale(scale)
      .path(segment.path)
      .lineWidth(1 / scale)
      .strokeColor(deep)
      .stroke()
      .restore();
    if (marks.gap) {
      doc
        .save()
        .translate(cx, cy)
        .scale(scale)
        .path(segment.path)
        .lineWidth(3 / scale)
        .strokeColor(GAP_COLOUR)
        .dash(4 / scale, { space: 2 / scale })
        .stroke()
        .restore();
    }

    const colour = marks.shade === 'inPlace' ? '#ffffff' : INK;
    const [x, y] = at(segment.x, segment.y);
    const extra = marks.ratings ? 1 : 0;
    const fitted = fitLabel(
      doc,
      topic.label[lang],
      (size, lines) => labelRoom(segment, scale, size * 1.15 * (lines + extra)),
      maxFont,
    );
    const room = fitted.width;
    const lineHeight = fitted.size * 1.15;
    const block = lineHeight * (fitted.lines.length + extra);
    doc.save().translate(x, y).rotate(segment.rotation).fillColor(colour);
    doc.font('Helvetica-Bold').fontSize(fitted.size);
    fitted.lines.forEach((line, i) => {
      doc.text(line, -room / 2, -block / 2 + i * lineHeight, {
        width: room,
        align: 'center',
        lineBreak: false,
      });
    });
    if (marks.ratings) {
      doc
        .font('Helvetica')
        .fontSize(fitted.size)
        .text(marks.ratings, -room / 2, -block / 2 + fitted.lines.length * lineHeight, {
          width: room,
          align: 'center',
          lineBreak: false,
        });
    }
    doc.restore();

    // The box (or the check) sits in the segment's clockwise corner by the rim, away from the label.
    const box = Math.max(11, 16 * scale);
    const [, rim] = RING_RADII[topic.stage];
    const cornerRadius = rim * scale - box / 2 - 3;
    const cornerAngle = segment.angle + halfAngle(segment) - (box / 2 + 4) / cornerRadius;
    const mx = cx + cornerRadius * Math.sin(cornerAngle);
    const my = cy - cornerRadius * Math.cos(cornerAngle);
    if (drawing.ratingBoxes) {
      doc
        .save()
        .roundedRect(mx - box / 2, my - box / 2, box, box, 2)
        .fillColor('#ffffff')
        .strokeColor(deep)
        .lineWidth(0.8)
        .fillAndStroke()
        .restore();
    }
    if (marks.agreed) {
      // A drawn check: the standard PDF fonts have no ✓.
      const c = Math.max(5, 7 * scale);
      doc
        .save()
        .moveTo(mx - c, my)
        .lineTo(mx - c / 3, my + c * 0.7)
        .lineTo(mx + c, my - c * 0.8)
        .lineWidth(2)
        .lineCap('round')
        .lineJoin('round')
        .strokeColor(marks.shade === 'inPlace' ? '#ffffff' : INK)
        .stroke()
        .restore();
    }
  }

  if (drawing.domainNames) {
    // Each name in its domain's corner of the wheel's square, clear of the rim; the one below hangs under it.
    const radius = drawing.diameter / 2;
    const width = 0.45 * radius;
    doc.font('Helvetica-Bold').fontSize(Math.max(10, 14 * scale));
    for (const domain of wheel.domains) {
      const angles = wheelSegments(lang)
        .filter((s) => s.topic.domain === domain.id)
        .map((s) => s.angle);
      const angle = (Math.min(...angles) + Math.max(...angles)) / 2;
      doc.fillColor(DOMAIN_COLOURS[domain.id][2]);
      if (Math.cos(angle) < -0.5) {
        doc.text(domain.label[lang], cx - radius, cy + radius + 4, { width: 2 * radius, align: 'center' });
      } else {
        const right = Math.sin(angle) > 0;
        doc.text(domain.label[lang], right ? cx + radius - width : cx - radius, cy - radius, {
          width,
          align: right ? 'right' : 'left',
        });
      }
    }
  }
  doc.fillColor('#000000');
  return scale;
}

/** The width a label may take in its segment, in points, for a block of text `height` high. */
function labelRoom(segment: Segment, scale: number, height: number): number {
  const [inner, outer] = RING_RADII[segment.topic.stage];
  const middle = ((inner + outer) / 2) * scale;
  if (segment.topic.stage === 'transformation') return middle * 1.2;
  // The text runs along the tangent: its corners nearest the centre must stay inside the segment's angle.
  return 2 * (middle - height / 2) * Math.tan(halfAngle(segment) - 0.02);
}

/** Half the angle a segment spans: a domain's third of the circle shared by the topics of its ring. */
function halfAngle(segment: Segment): number {
  const sameRing = wheel.topics.filter(
    (t) => t.domain === segment.topic.domain && t.stage === segment.topic.stage,
  ).length;
  return Math.PI / 3 / sameRing;
}

/**
 * The largest size from `max` down to MIN_FONT at which the label fits its segment: on one line, or wrapped at
 * its spaces onto two. `room` gives the width for a block of so many lines at that size.
 */
export function fitLabel(
  doc: Doc,
  label: string,
  room: (size: number, lines: number) => number,
  max: number,
): { size: number; lines: string[]; width: number } {
  doc.font('Helvetica-Bold');
  for (let size = max; size >= MIN_FONT; size -= 0.5) {
    doc.fontSize(size);
    const one = room(size, 1);
    if (doc.widthOfString(label) <= one) return { size, lines: [label], width: one };
    const two = room(size, 2);
    const wrapped = wrap(doc, label, two);
    if (wrapped.length <= 2 && wrapped.every((line) => doc.widthOfString(line) <= two))
      return { size, lines: wrapped, width: two };
  }
  doc.fontSize(MIN_FONT);
  const width = room(MIN_FONT, 2);
  return { size: MIN_FONT, lines: wrap(doc, label, width), width };
}

/** Words onto lines no wider than `width` where they can be (a single long word keeps its own line). */
function wrap(doc: Doc, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && doc.widthOfString(`${last} ${word}`) <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
