import { describe, expect, it } from 'vitest';
import { addMonths, nextRoundDue } from '../../src/domain/rhythm/cadence.ts';
import { calendarFile } from '../../src/domain/rhythm/ics.ts';

describe('the cadence of rounds', () => {
  it('counts calendar months from the reveal, ending short months on their last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-24', 2)).toBe('2027-01-24');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2100-12-31', 3)).toBe('2101-03-31');
  });

  it('asks for a next round only after a reveal and only when the partners keep a rhythm', () => {
    expect(nextRoundDue('quarterly', { revealedAt: '2026-11-24T10:00:00.000Z' })).toBe('2027-02-24');
    expect(nextRoundDue('monthly', { revealedAt: '2026-11-24T10:00:00.000Z' })).toBe('2026-12-24');
    expect(nextRoundDue('off', { revealedAt: '2026-11-24T10:00:00.000Z' })).toBeNull();
    expect(nextRoundDue('half-yearly', { revealedAt: null })).toBeNull();
    expect(nextRoundDue('two-monthly', null)).toBeNull();
  });
});

const unfold = (ics: string) => ics.replace(/\r\n /g, '');

describe('calendar files', () => {
  const now = new Date('2026-11-24T09:00:00Z');

  it('write a timed event in UTC with escaped text and CRLF line ends', () => {
    const ics = calendarFile(
      {
        uid: 'conversation-1@impactwheel',
        summary: 'Gesprek Werkpoort, Bouw; samen',
        location: 'Stationsplein 1\nTilburg',
        url: 'https://meet.example.org/abc',
        start: new Date('2026-12-01T13:00:00Z'),
        minutes: 90,
      },
      now,
    );
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    const lines = unfold(ics).split('\r\n');
    expect(lines).toContain('DTSTART:20261201T130000Z');
    expect(lines).toContain('DTEND:20261201T143000Z');
    expect(lines).toContain('DTSTAMP:20261124T090000Z');
    expect(lines).toContain('SUMMARY:Gesprek Werkpoort\\, Bouw\\; samen');
    expect(lines).toContain('LOCATION:Stationsplein 1\\nTilburg');
    expect(lines).toContain('UID:conversation-1@impactwheel');
  });

  it('write an all-day event for a due date, ending the next day', () => {
    const lines = calendarFile({ uid: 'a', summary: 'Actie', date: '2026-12-31' }, now).split('\r\n');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261231');
    expect(lines).toContain('DTEND;VALUE=DATE:20270101');
  });

  it('fold long lines at 75 octets without splitting a character', () => {
    const summary = 'Één gesprek over verantwoordelijkheid '.repeat(8);
    const ics = calendarFile({ uid: 'b', summary, date: '2026-12-31' }, now);
    for (const line of ics.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(unfold(ics)).toContain(`SUMMARY:${summary}`);
    expect(ics).not.toContain('\uFFFD');
  });
});
