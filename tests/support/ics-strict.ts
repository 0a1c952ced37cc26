/**
 * A third, deliberately strict iCalendar reader written from RFC 5545 §3.1–3.3 for the tests: CRLF
 * line ends only (a bare CR or LF is an error, not a line break), unfolding of CRLF + one space/tab,
 * no control character but HTAB anywhere, parameter values quoted or plain per the grammar, balanced
 * BEGIN/END. Where a lenient client would split or guess, this one throws.
 */

export interface StrictProperty {
  name: string;
  params: Record<string, string[]>;
  value: string;
}

export interface StrictInvite {
  method: string;
  vevents: number;
  organizer: string;
  attendees: string[];
  /** TEXT values unescaped (§3.3.11). */
  summary: string;
  description: string;
  location: string;
  uid: string;
}

const name = /^[A-Za-z0-9-]+$/;
// eslint-disable-next-line no-control-regex
const control = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** Splits the text into unfolded content lines, refusing anything but CRLF line ends. */
export function strictContentLines(text: string): string[] {
  if (!text.endsWith('\r\n')) throw new Error('the last line does not end with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  const lines: string[] = [];
  for (const line of physical) {
    if (line.includes('\r') || line.includes('\n'))
      throw new Error(`bare CR or LF inside a line: ${JSON.stringify(line.slice(0, 60))}`);
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (lines.length === 0) throw new Error('a continuation line before any line');
      lines[lines.length - 1] += line.slice(1);
    } else lines.push(line);
  }
  for (const line of lines)
    if (control.test(line))
      throw new Error(`control character in a content line: ${JSON.stringify(line.slice(0, 60))}`);
  return lines;
}

/** Parses one content line: name, parameters (quoted or plain values), value. */
export function strictProperty(line: string): StrictProperty {
  let i = 0;
  const readName = () => {
    const start = i;
    while (i < line.length && /[A-Za-z0-9-]/.test(line[i]!)) i++;
    const n = line.slice(start, i);
    if (!name.test(n)) throw new Error(`bad name at ${start} in ${JSON.stringify(line.slice(0, 60))}`);
    return n.toUpperCase();
  };
  const propName = readName();
  const params: Record<string, string[]> = {};
  while (line[i] === ';') {
    i++;
    const paramName = readName();
    if (line[i] !== '=') throw new Error(`parameter ${paramName} without "="`);
    i++;
    const values: string[] = [];
    for (;;) {
      if (line[i] === '"') {
        const end = line.indexOf('"', i + 1);
        if (end < 0) throw new Error(`unterminated quoted value for ${paramName}`);
        values.push(line.slice(i + 1, end));
        i = end + 1;
      } else {
        const start = i;
        while (i < line.length && !';:,"'.includes(line[i]!)) i++;
        values.push(line.slice(start, i));
      }
      if (line[i] === ',') i++;
      else break;
    }
    if (params[paramName]) throw new Error(`parameter ${paramName} given twice`);
    params[paramName] = values;
  }
  if (line[i] !== ':') throw new Error(`expected ":" after ${propName} in ${JSON.stringify(line.slice(0, 60))}`);
  return { name: propName, params, value: line.slice(i + 1) };
}

/** Unescapes a TEXT value; any backslash not followed by `\ ; , n N` is an error. */
export function strictText(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\') {
      const next = value[++i];
      if (next === 'n' || next === 'N') out += '\n';
      else if (next === '\\' || next === ';' || next === ',') out += next;
      else throw new Error(`bad escape \\${next ?? ''}`);
    } else if (c === ';' || c === ',') throw new Error(`unescaped "${c}" in a TEXT value`);
    else out += c;
  }
  return out;
}

/** Reads an invite strictly: one VCALENDAR, balanced components, the fields the tests compare. */
export function parseStrict(text: string): StrictInvite {
  const stack: string[] = [];
  const invite: StrictInvite = {
    method: '',
    vevents: 0,
    organizer: '',
    attendees: [],
    summary: '',
    description: '',
    location: '',
    uid: '',
  };
  for (const line of strictContentLines(text)) {
    const prop = strictProperty(line);
    if (prop.name === 'BEGIN') {
      stack.push(prop.value.toUpperCase());
      if (prop.value.toUpperCase() === 'VEVENT') invite.vevents++;
      continue;
    }
    if (prop.name === 'END') {
      if (stack.pop() !== prop.value.toUpperCase()) throw new Error(`END:${prop.value} does not match`);
      continue;
    }
    const where = stack.at(-1);
    if (where === 'VCALENDAR' && prop.name === 'METHOD') invite.method = prop.value;
    if (where !== 'VEVENT') continue;
    if (prop.name === 'ORGANIZER') invite.organizer = prop.value.toLowerCase();
    if (prop.name === 'ATTENDEE') invite.attendees.push(prop.value.toLowerCase());
    if (prop.name === 'SUMMARY') invite.summary = strictText(prop.value);
    if (prop.name === 'DESCRIPTION') invite.description = strictText(prop.value);
    if (prop.name === 'LOCATION') invite.location = strictText(prop.value);
    if (prop.name === 'UID') invite.uid = strictText(prop.value);
  }
  if (stack.length !== 0) throw new Error(`unclosed ${stack.join(', ')}`);
  return invite;
}
