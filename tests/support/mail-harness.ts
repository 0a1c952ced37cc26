import type { ReceivedMail } from './smtp-sink';

/** The MIME parts of a received message, flattened, as [content-type with params]. */
export function mimeOutline(raw: string): string[] {
  return [...raw.matchAll(/^Content-Type:\s*([^\r\n]+(?:\r?\n[ \t][^\r\n]+)*)/gim)].map((m) =>
    m[1]!
      .replace(/\r?\n[ \t]+/g, ' ')
      .replace(/;\s*boundary="?[^";]+"?/i, '')
      .trim(),
  );
}

/** The invite text of a message: the text/calendar alternative. */
export function calendarPart(mail: ReceivedMail): string {
  const alt = mail.parsed.attachments.find((a) => a.contentType === 'text/calendar');
  if (alt) return alt.content.toString('utf8');
  const match = /BEGIN:VCALENDAR[\s\S]+?END:VCALENDAR/.exec(mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='));
  if (!match) throw new Error('no calendar part');
  return match[0];
}

/** The invite.ics attachment's text. */
export function icsAttachment(mail: ReceivedMail): string {
  const attachment = mail.parsed.attachments.find((a) => a.filename === 'invite.ics');
  if (!attachment) throw new Error('no invite.ics attachment');
  return attachment.content.toString('utf8');
}
