import { addDays } from '../notifications/dates.ts';

/**
 * Calendar files (RFC 5545) for the next conversation and for actions with a due date, so partners can put them
 * in whatever calendar they use. Times go out in UTC; calendars show them in the reader's own time zone.
 */
export type CalendarEvent = {
  /** Stable across downloads, so importing again updates the event instead of adding a second one. */
  uid: string;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
} & ({ start: Date; minutes: number } | { date: string });

const escapeText = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

const utc = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const day = (date: string) => date.replace(/-/g, '');

/** Lines longer than 75 octets are folded: a line break and a space, never inside a multi-byte character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = utf8Length(char.codePointAt(0) ?? 0);
    if (size + bytes > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function calendarFile(event: CalendarEvent, now: Date): string {
  const when =
    'start' in event
      ? [
          `DTSTART:${utc(event.start)}`,
          `DTEND:${utc(new Date(event.start.getTime() + event.minutes * 60_000))}`,
        ]
      : [`DTSTART;VALUE=DATE:${day(event.date)}`, `DTEND;VALUE=DATE:${day(nextDay(event.date))}`];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Impact Wheel//Impact Wheel//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utc(now)}`,
    ...when,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

const utf8Length = (code: number) => (code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4);

const nextDay = (date: string) => addDays(date, 1);
