import { describe, expect, it } from 'vitest';
import { translators } from '../../src/domain/i18n/catalogues.ts';
import { wheel } from '../../src/domain/instrument/wheel.ts';
import { LOCALES, STAGE_IDS } from '../../src/domain/vocabulary.ts';
import { LABEL_MIN, RING_NAME_HALF_WIDTH, wheelSegments } from '../../src/domain/wheel/geometry.ts';
import { fitLabel, textWidth } from '../../src/domain/wheel/labels.ts';
import {
  contrastRatio,
  DOMAIN_COLOURS,
  GAP_COLOUR,
  INK,
  NOT_RELEVANT_SHADE,
  RATING_SHADES,
} from '../../src/domain/wheel/palette.ts';

// Issue 10, point 9: every label readable (11 px or more with the wheel 620 px wide), none cut off.
describe('the wheel labels', () => {
  for (const lang of LOCALES) {
    it(`fit their segment at ${LABEL_MIN} canvas units or more, whole, in ${lang}`, () => {
      for (const s of wheelSegments(lang)) {
        expect(s.label.fits, `${s.topic.label[lang]} fits`).toBe(true);
        expect(s.label.size).toBeGreaterThanOrEqual(LABEL_MIN);
        expect(s.label.lines.length).toBeLessThanOrEqual(3);
        // Broken lines put back together give the name again: nothing dropped, hyphens only where broken.
        const joined = s.label.lines
          .map((l, i) => (l.endsWith('-') && i < s.label.lines.length - 1 ? l.slice(0, -1) : `${l} `))
          .join('');
        expect(joined.trim()).toBe(s.topic.label[lang]);
      }
    });
  }

  it('no longer sets "Verantwoordelijkheid" at 7 px: it is broken at a syllable instead', () => {
    const s = wheelSegments('nl').find((x) => x.topic.label.nl === 'Verantwoordelijkheid')!;
    expect(s.label.size).toBeGreaterThanOrEqual(13);
    expect(s.label.lines.length).toBe(2);
    expect(s.label.lines[0]!.endsWith('-')).toBe(true);
  });

  it('prefers one line, breaks at a space before a syllable, and gives up when nothing fits', () => {
    const wide = () => 1000;
    expect(fitLabel('Toegevoegde waarde', wide, { min: 12, max: 16 })).toEqual({
      size: 16,
      lines: ['Toegevoegde waarde'],
    });
    const narrow = (size: number) => textWidth('Toegevoegde', size) + 1;
    expect(fitLabel('Toegevoegde waarde', narrow, { min: 12, max: 16 })?.lines).toEqual([
      'Toegevoegde',
      'waarde',
    ]);
    expect(fitLabel('Verantwoordelijkheid', () => 40, { min: 12, max: 16 })).toBeNull();
  });

  it('keeps room on the line straight up for every ring name in every language', () => {
    for (const lang of LOCALES) {
      for (const stage of STAGE_IDS) {
        const name = translators[lang](`collab.stages.${stage}`);
        expect(textWidth(name, LABEL_MIN) / 2 + 4, `${lang} ${name}`).toBeLessThanOrEqual(
          RING_NAME_HALF_WIDTH[stage],
        );
      }
    }
  });
});

// Issue 10, point 9: domain colours and states pass contrast checks.
describe('the wheel colours', () => {
  const page = '#fbfaf7';
  for (const domain of wheel.domains.map((d) => d.id)) {
    it(`keep text readable in ${domain}`, () => {
      const [pale, middle, deep] = DOMAIN_COLOURS[domain];
      // Labels: ink on the pale (ours) and middle (revealed) body, white on the deep (in place) body.
      expect(contrastRatio(INK, pale)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(INK, middle)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio('#ffffff', deep)).toBeGreaterThanOrEqual(4.5);
      // The domain's name around the wheel, in its deep shade on the page.
      expect(contrastRatio(deep, page)).toBeGreaterThanOrEqual(4.5);
      // The ratings on the rim: ink on each shade.
      for (const shade of [...RATING_SHADES[domain], NOT_RELEVANT_SHADE])
        expect(contrastRatio(INK, shade), shade).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('draws the gap outline with enough contrast for a graphic against white and the page', () => {
    expect(contrastRatio(GAP_COLOUR, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(GAP_COLOUR, page)).toBeGreaterThanOrEqual(3);
  });

  it('computes the WCAG ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
  });
});
