import { spawnSync } from 'node:child_process';
import ICAL from 'ical.js';

/** What both independent parsers read out of an invite. */
export interface ParsedInvite {
  method: string;
  vevents: number;
  uid: string;
  sequence: number;
  status: string;
  start: string;
  end: string;
  organizer: string;
  attendees: Array<{ email: string; rsvp: string; partstat: string; role: string }>;
  location: string;
  url: string;
}

/** Parses with ical.js (Mozilla's parser). */
export function parseWithIcalJs(text: string): ParsedInvite {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent');
  const event = events[0]!;
  const value = (name: string) => String(event.getFirstPropertyValue(name) ?? '');
  const time = (name: string) => (event.getFirstPropertyValue(name) as ICAL.Time).toJSDate().toISOString();
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    vevents: events.length,
    uid: value('uid'),
    sequence: Number(value('sequence')),
    status: value('status'),
    start: time('dtstart'),
    end: time('dtend'),
    organizer: value('organizer').toLowerCase(),
    attendees: event.getAllProperties('attendee').map((p) => ({
      email: String(p.getFirstValue()).toLowerCase(),
      rsvp: String(p.getParameter('rsvp')),
      partstat: String(p.getParameter('partstat')),
      role: String(p.getParameter('role')),
    })),
    location: value('location'),
    url: value('url'),
  };
}

/** Parses with Python's icalendar (Debian's python3-icalendar), a second independent reader. */
export function parseWithPython(text: string): ParsedInvite {
  const script = `
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
events = [c for c in cal.walk() if c.name == 'VEVENT']
e = events[0]
atts = e.get('attendee')
atts = atts if isinstance(atts, list) else ([atts] if atts else [])
iso = lambda d: d.dt.astimezone(__import__('datetime').timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.000Z')
print(json.dumps({
  'method': str(cal.get('method')), 'vevents': len(events), 'uid': str(e.get('uid')), 'sequence': int(e.get('sequence')),
  'status': str(e.get('status')), 'start': iso(e.get('dtstart')), 'end': iso(e.get('dtend')),
  'organizer': str(e.get('organizer')).lower(),
  'attendees': [{'email': str(a).lower(), 'rsvp': str(a.params.get('RSVP')), 'partstat': str(a.params.get('PARTSTAT')), 'role': str(a.params.get('ROLE'))} for a in atts],
  'location': str(e.get('location')),
  'url': str(e.get('url')),
}))
`;
  const result = spawnSync('/usr/bin/python3', ['-c', script], { input: text, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python icalendar failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ParsedInvite;
}
