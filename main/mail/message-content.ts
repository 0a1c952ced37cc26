import type { Interview } from '../../preload/contract/interview-schema';
import type { Settings } from '../../preload/contract/settings-schema';
import { meetLinkPattern } from '../../preload/contract/interview-schema';
import type { MailKind, Recipient } from './mail-kinds';

/** Everything the templates show; values are plain text, escaped by the template engine. */
export interface MessageView {
  subject: string;
  headline: string;
  greeting: string;
  intro: string;
  companyName: string;
  brandColor: string;
  jobTitle: string;
  when: string;
  zoneName: string;
  otherLabel?: string;
  otherWhen?: string;
  otherZoneName?: string;
  duration: number;
  interviewer: string;
  candidateLine?: string;
  notes: string;
  cancelled: boolean;
  meetUrl: string;
  appUrl: string;
  deviceCheckUrl: string;
  replyUrl: string;
  replyAddress: string;
  rescheduleText: string;
  signOff: string;
  senderName: string;
  footer: string;
}

// Building an Intl.DateTimeFormat costs far more than using one (it was the outbox's largest cost
// per message): one pair per zone, made once.
const formatters = new Map<string, { when: Intl.DateTimeFormat; zone: Intl.DateTimeFormat }>();
function formattersFor(zone: string) {
  let pair = formatters.get(zone);
  if (!pair) {
    pair = {
      when: new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      zone: new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'long' }),
    };
    formatters.set(zone, pair);
  }
  return pair;
}

function format(ms: number, zone: string): { when: string; zoneName: string } {
  const formatter = formattersFor(zone);
  const when = formatter.when.format(ms);
  const zoneName = formatter.zone.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? zone;
  return { when, zoneName: `${zoneName} (${zone})` };
}

/**
 * The candidate's "Open in Interview Desk" link, built from validated parts only: the Meet code
 * (checked against the Meet pattern), the start instant and the title, URL-encoded.
 */
export function candidateJoinLink(interview: Interview): string {
  const params = new URLSearchParams();
  if (interview.meetLink && meetLinkPattern.test(interview.meetLink)) params.set('meet', interview.meetLink.slice('https://meet.google.com/'.length));
  params.set('start', interview.startUtc);
  params.set('title', `${interview.jobTitle} interview`.slice(0, 200));
  return `interview-desk://join?${params.toString()}`;
}

/** The recruiter's deep link to the interview room. */
export function recruiterRoomLink(interview: Interview): string {
  return `interview-desk://interview/${encodeURIComponent(interview.id)}`;
}

const headlines: Record<MailKind, Record<Recipient, string>> = {
  invitation: { candidate: 'You are invited to an interview', recruiter: 'Interview scheduled' },
  update: { candidate: 'Your interview has a new time', recruiter: 'Interview rescheduled' },
  cancellation: { candidate: 'Your interview has been cancelled', recruiter: 'Interview cancelled' },
  reminder: { candidate: 'Reminder: your interview is coming up', recruiter: 'Reminder: interview coming up' },
};

const subjects: Record<MailKind, string> = {
  invitation: 'Interview invitation',
  update: 'Updated interview time',
  cancellation: 'Interview cancelled',
  reminder: 'Interview reminder',
};

/** Builds the view for one message. */
export function messageView(interview: Interview, kind: MailKind, recipient: Recipient, settings: Pick<Settings, 'companyName' | 'brandColor' | 'signOff'>): MessageView {
  const start = Date.parse(interview.startUtc);
  const candidateZone = interview.candidate.timeZone ?? interview.timeZone;
  const own = format(start, recipient === 'candidate' ? candidateZone : interview.timeZone);
  const other = recipient === 'recruiter' && candidateZone !== interview.timeZone ? format(start, candidateZone) : undefined;
  const intros: Record<MailKind, Record<Recipient, string>> = {
    invitation: {
      candidate: `${interview.recruiter.name} has invited you to an interview for the ${interview.jobTitle} position at ${settings.companyName}. It takes place on Google Meet.`,
      recruiter: `Your interview with ${interview.candidate.name} for ${interview.jobTitle} is scheduled and the invitation has been sent.`,
    },
    update: {
      candidate: `The interview for the ${interview.jobTitle} position has moved. Here are the new details.`,
      recruiter: `Your interview with ${interview.candidate.name} has moved; the candidate has been sent the new time.`,
    },
    cancellation: {
      candidate: `The interview for the ${interview.jobTitle} position has been cancelled. ${interview.recruiter.name} will be in touch.`,
      recruiter: `Your interview with ${interview.candidate.name} has been cancelled and the candidate has been told.`,
    },
    reminder: {
      candidate: `This is a reminder of your interview for the ${interview.jobTitle} position. Please check your camera and microphone beforehand.`,
      recruiter: `Reminder of your interview with ${interview.candidate.name}.`,
    },
  };
  return {
    subject: `${subjects[kind]}: ${interview.jobTitle} at ${settings.companyName}${recipient === 'recruiter' ? ` — ${interview.candidate.name}` : ''}`,
    headline: headlines[kind][recipient],
    greeting: `Hello ${recipient === 'candidate' ? interview.candidate.name : interview.recruiter.name},`,
    intro: intros[kind][recipient],
    companyName: settings.companyName,
    brandColor: settings.brandColor,
    jobTitle: interview.jobTitle,
    when: own.when,
    zoneName: own.zoneName,
    ...(other ? { otherLabel: "Candidate's time", otherWhen: other.when, otherZoneName: other.zoneName } : {}),
    duration: interview.durationMinutes,
    interviewer: interview.recruiter.name,
    ...(recipient === 'recruiter' ? { candidateLine: `${interview.candidate.name} <${interview.candidate.email}>` } : {}),
    notes: interview.notes,
    cancelled: kind === 'cancellation',
    meetUrl: interview.meetLink ?? '',
    appUrl: recipient === 'candidate' ? candidateJoinLink(interview) : recruiterRoomLink(interview),
    deviceCheckUrl: 'interview-desk://device-check',
    replyUrl: `mailto:${recipient === 'candidate' ? interview.recruiter.email : interview.candidate.email}`,
    replyAddress: recipient === 'candidate' ? interview.recruiter.email : interview.candidate.email,
    rescheduleText: recipient === 'candidate' ? 'Need a different time? Reply to this email or write to' : 'To reach the candidate, write to',
    signOff: settings.signOff,
    senderName: recipient === 'candidate' ? `${interview.recruiter.name}, ${settings.companyName}` : 'Interview Desk',
    footer: `Sent by Interview Desk for ${settings.companyName}. The attached invitation adds this interview to your calendar.`,
  };
}
