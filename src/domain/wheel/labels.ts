// Fitting a topic's name into its segment of the wheel: as large as the segment allows, wrapped at spaces and,
// for the long Dutch compounds, hyphenated at a syllable, so no name is shrunk until it can no longer be read.

/**
 * Where the long words of the wheel may be broken. Only words that need it are listed; the unit test
 * (tests/unit/wheel-labels.test.ts) fails when a label cannot be set at the smallest size without a new entry.
 */
const SYLLABLES: Record<string, string> = {
  Investeringsbereidheid: 'In·ves·te·rings·be·reid·heid',
  Gelijkwaardigheid: 'Ge·lijk·waar·dig·heid',
  Complementariteit: 'Com·ple·men·ta·ri·teit',
  Verantwoordelijkheid: 'Ver·ant·woor·de·lijk·heid',
  Zichtbaarheid: 'Zicht·baar·heid',
  Toegevoegde: 'Toe·ge·voeg·de',
  Transparantie: 'Trans·pa·ran·tie',
  Flexibiliteit: 'Flexi·bi·li·teit',
  Vertrouwen: 'Ver·trou·wen',
  Ecosysteem: 'Eco·sys·teem',
  Complementarity: 'Com·ple·men·tar·ity',
  Responsibility: 'Re·spon·si·bil·ity',
  Transparency: 'Trans·par·ency',
  Embeddedness: 'Em·bed·ded·ness',
  Willingness: 'Will·ing·ness',
  Flexibility: 'Flex·ibil·ity',
  Visibility: 'Vis·ibil·ity',
  Commitment: 'Com·mit·ment',
};

// Advance widths of Helvetica Bold (Arial and Liberation Sans share them) in thousandths of the size: the
// screen sets wheel labels in that family, and bold is the widest weight a label takes.
const WIDTHS: Record<string, number> = {
  a: 556,
  b: 611,
  c: 556,
  d: 611,
  e: 556,
  f: 333,
  g: 611,
  h: 611,
  i: 278,
  j: 278,
  k: 556,
  l: 278,
  m: 889,
  n: 611,
  o: 611,
  p: 611,
  q: 611,
  r: 389,
  s: 556,
  t: 333,
  u: 611,
  v: 556,
  w: 778,
  x: 556,
  y: 556,
  z: 500,
  A: 722,
  B: 722,
  C: 722,
  D: 722,
  E: 667,
  F: 611,
  G: 778,
  H: 722,
  I: 278,
  J: 556,
  K: 722,
  L: 611,
  M: 833,
  N: 722,
  O: 778,
  P: 667,
  Q: 778,
  R: 722,
  S: 667,
  T: 611,
  U: 722,
  V: 667,
  W: 944,
  X: 667,
  Y: 667,
  Z: 611,
  ' ': 278,
  '-': 333,
};

/** The width of `text` at `size`, with a little to spare for fonts that run wider than Helvetica. */
export function textWidth(text: string, size: number): number {
  let total = 0;
  for (const ch of text.normalize('NFD').replace(/\p{M}/gu, '')) total += WIDTHS[ch] ?? 667;
  return (total / 1000) * size * 1.06;
}

export type LabelLayout = { size: number; lines: string[] };

/** Where a label may break: after a word (the space goes) or inside a listed word (a hyphen is added). */
type Piece = { text: string; breakAfter: 'space' | 'hyphen' | 'end' };

function pieces(label: string): Piece[] {
  const words = label.split(' ');
  return words.flatMap((word, w) => {
    const parts = (SYLLABLES[word] ?? word).split('·');
    return parts.map((text, p) => ({
      text,
      breakAfter: p < parts.length - 1 ? 'hyphen' : w < words.length - 1 ? 'space' : 'end',
    }));
  });
}

/** Every way of setting the label on one, two or three lines. */
function candidates(label: string): { lines: string[]; hyphens: number }[] {
  const ps = pieces(label);
  const breaks = ps.map((_, i) => i).filter((i) => i < ps.length - 1);
  const setLines = (cuts: number[]) => {
    const lines: string[] = [];
    let line = '';
    let hyphens = 0;
    ps.forEach((p, i) => {
      line += p.text;
      if (cuts.includes(i)) {
        if (p.breakAfter === 'hyphen') {
          line += '-';
          hyphens++;
        }
        lines.push(line);
        line = '';
      } else if (p.breakAfter === 'space') line += ' ';
    });
    lines.push(line);
    return { lines, hyphens };
  };
  const out = [setLines([])];
  for (const a of breaks) {
    out.push(setLines([a]));
    for (const b of breaks) if (b > a) out.push(setLines([a, b]));
  }
  return out;
}

/**
 * The label set as large as its segment allows, between `min` and `max`. `room(size, lines)` is the width a
 * block of that many lines may take at that size (0 when it is too tall). Each extra line and each hyphen costs
 * a little size, so a name breaks only when that makes it clearly larger. Null when nothing fits at `min`.
 */
export function fitLabel(
  label: string,
  room: (size: number, lines: number) => number,
  { min, max }: { min: number; max: number },
): LabelLayout | null {
  let best: (LabelLayout & { score: number }) | null = null;
  for (const candidate of candidates(label)) {
    const n = candidate.lines.length;
    // A syllable alone on a line ("heid") reads badly; a hyphenated line must keep three letters or more.
    if (candidate.hyphens > 0 && candidate.lines.some((l) => l.replace('-', '').length < 3)) continue;
    for (let size = max; size >= min; size -= 0.25) {
      const width = room(size, n);
      if (candidate.lines.every((line) => textWidth(line, size) <= width)) {
        const score = size - 1.2 * (n - 1) - 1.5 * candidate.hyphens;
        if (!best || score > best.score) best = { size, lines: candidate.lines, score };
        break;
      }
    }
  }
  return best && { size: best.size, lines: best.lines };
}

/** What a rating says on a segment's rim: the number, a dash for "not relevant yet", a question mark for none. */
export const ratingMark = (rating: 1 | 2 | 3 | 4 | 'nr' | null) =>
  rating === null ? '?' : rating === 'nr' ? '–' : String(rating);
