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

/**
 * A TEXT value on one line: every kind of line break (a lone CR too, and the Unicode ones some readers split on)
 * becomes a backslash and an n, and other control characters, which TEXT may not hold, are dropped; otherwise a
 * partner's place or action text could start a calendar property of its own.
 */
const escapeText = (value: string) =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, '\\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed here
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');

/**
 * A URI value as the URL parser reads it: the parser accepts a link with CR, LF or tabs in it by dropping them,
 * so the text as typed must not be written out (it would start a property of its own). Unparseable: left out.
 */
function uri(value: string): string | null {
  try {
    return new URL(value).href;
  } catch {
    return null;
  }
}

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
  const url = event.url ? uri(event.url) : null;
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
    ...(url ? [`URL:${url}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

const utf8Length = (code: number) => (code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4);

const nextDay = (date: string) => addDays(date, 1);
