import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { Settings } from '../../preload/shared/contract/settings-schema';
import { invitationLink } from '../deep-links/invitation-link';
import { meetJoinUrlOrNone } from '../security/url-policy';
import { addresseeOf, roleOf, type MailKind, type Recipient, type Role } from './mail-kinds';
import { reminderWhen } from '../../preload/shared/rules/time-left';
import { formatInstant, timeStyleOf, zoneLongName, type TimeStyle } from '../../preload/shared/rules/time-format';
import { personName } from '../../preload/shared/rules/person-name';

/** The settings a message uses. */
export type MessageSettings = Pick<Settings, 'companyName' | 'brandColor' | 'signOff'> &
  Partial<Pick<Settings, 'candidateDownloadUrl'>>;

/** What the person was last told before an update: time, length and (when it changed) the Meet link. */
export interface PreviousTime {
  startUtc: string;
  durationMinutes: number;
  /** Set when the update is (also) about a new Meet link. */
  meetLink?: string;
  /** Set when the update is (also) about who interviews: the names the person was last given. */
  interviewers?: string[];
}

/** Who interviews, as every message names them: the recruiter first, then the panel. */
export function interviewerNames(interview: Pick<Interview, 'recruiter' | 'coInterviewers'>): string[] {
  return [interview.recruiter.name, ...interview.coInterviewers.map(personName)];
}

/** Whether an update still has something to say: a new time or length, a new link, or a new panel. */
export function updateSaysAnything(interview: Interview, previous: PreviousTime): boolean {
  return isMove(interview, previous) || isRelink(interview, previous) || isPanelChange(interview, previous);
}

/** Whether an update changes who interviews. */
function isPanelChange(interview: Interview, previous: PreviousTime | undefined): boolean {
  return (
    previous?.interviewers !== undefined && previous.interviewers.join('\n') !== interviewerNames(interview).join('\n')
  );
}

/**
 * Everything the templates show; values are plain text, escaped by the template engine. The
 * interview's private notes are not a field here on purpose: they can never reach a message.
 */
export interface MessageView {
  subject: string;
  headline: string;
  greeting: string;
  intro: string;
  /** What an update changed, one line each ("New time: … (was …)"). */
  changes: string[];
  header: string;
  brandColor: string;
  jobTitle: string;
  whenLabel: string;
  when: string;
  zoneName: string;
  otherLabel?: string;
  otherWhen?: string;
  otherZoneName?: string;
  duration: number;
  /** "Interviewer" or "Interviewers" (a panel). */
  interviewerLabel: string;
  interviewer: string;
  candidateLine?: string;
  /** The recruiter's message to the candidate, with its label; absent when there is none to show. */
  message?: { label: string; text: string };
  cancelled: boolean;
  /** The join links; absent on a cancellation. The Meet link comes first: it works for everyone. */
  join?: { meetUrl: string; appUrl: string; appLabel: string; deviceCheckUrl: string; downloadUrl?: string };
  contactText: string;
  replyUrl: string;
  replyAddress: string;
  signOff?: string;
  senderName: string;
  footer: string;
}

function format(ms: number, zone: string, style: TimeStyle): { when: string; zoneName: string } {
  return {
    when: formatInstant(ms, zone, style, { date: 'long' }),
    zoneName: `${zoneLongName(ms, zone, style)} (${zone})`,
  };
}

/** The recruiter's deep link to the interview room. */
export function recruiterRoomLink(interview: Interview): string {
  return `interview-desk://interview/${encodeURIComponent(interview.id)}`;
}

/** The download link from Settings, only when it is still a plain https URL (it goes into an href). */
function safeDownloadUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const headlines: Record<MailKind, Record<Role, string>> = {
  invitation: {
    candidate: 'You are invited to an interview',
    recruiter: 'Interview scheduled',
    panelist: 'You are on an interview panel',
  },
  update: {
    candidate: 'Your interview has a new time',
    recruiter: 'Interview rescheduled',
    panelist: 'Panel interview rescheduled',
  },
  cancellation: {
    candidate: 'Your interview has been cancelled',
    recruiter: 'Interview cancelled',
    panelist: 'Panel interview cancelled',
  },
  reminder: {
    candidate: 'Reminder: your interview is coming up',
    recruiter: 'Reminder: interview coming up',
    panelist: 'Reminder: panel interview coming up',
  },
};

const appLabels: Record<Role, string> = {
  candidate: 'open this interview in the app',
  recruiter: 'open the interview room',
  panelist: 'open this panel interview in the app',
};

const subjects: Record<MailKind, string> = {
  invitation: 'Interview invitation',
  update: 'New time for your interview',
  cancellation: 'Interview cancelled',
  reminder: 'Interview reminder',
};

const panelCalendarLine = 'The attached update keeps this interview in your calendar, with the new panel.';
const calendarLines: Record<MailKind, string> = {
  invitation: 'The attached invitation adds this interview to your calendar.',
  update: 'The attached update moves this interview in your calendar.',
  cancellation: 'The attached cancellation removes this interview from your calendar.',
  reminder: 'The attached invitation keeps this interview in your calendar.',
};

/** Whether an update moves the interview (an update without a recorded previous time is a move). */
function isMove(interview: Interview, previous: PreviousTime | undefined): boolean {
  return (
    !previous ||
    Date.parse(previous.startUtc) !== Date.parse(interview.startUtc) ||
    previous.durationMinutes !== interview.durationMinutes
  );
}

/** Whether an update brings a new Meet link. */
function isRelink(interview: Interview, previous: PreviousTime | undefined): boolean {
  return previous?.meetLink !== undefined && previous.meetLink !== interview.meetLink;
}

/** "New time: … (was …)", "New length: … (was …)" and "New Meet link: …", for what really changed. */
function changeLines(
  interview: Interview,
  previous: PreviousTime | undefined,
  zone: string,
  style: TimeStyle,
): string[] {
  const now = format(Date.parse(interview.startUtc), zone, style).when;
  if (!previous) return [`New time: ${now}`];
  const lines: string[] = [];
  const before = format(Date.parse(previous.startUtc), zone, style).when;
  if (Date.parse(previous.startUtc) !== Date.parse(interview.startUtc)) lines.push(`New time: ${now} (was ${before})`);
  if (previous.durationMinutes !== interview.durationMinutes)
    lines.push(`New length: ${interview.durationMinutes} minutes (was ${previous.durationMinutes} minutes)`);
  if (isRelink(interview, previous) && interview.meetLink)
    lines.push(`New Meet link: ${interview.meetLink} (the earlier link no longer applies)`);
  if (isPanelChange(interview, previous))
    lines.push(`New panel: ${interviewerNames(interview).join(', ')} (was ${previous.interviewers!.join(', ')})`);
  return lines.length ? lines : [`Time: ${now} (unchanged)`];
}

/**
 * Builds the view for one message, composed at `now` (a reminder states the real time left then):
 * each kind has its own words, and a cancellation no join links. Times are written in `locale`, the
 * recruiter's: the app keeps no other language for the candidate or the panel.
 */
export function messageView(
  interview: Interview,
  kind: MailKind,
  recipient: Recipient,
  settings: MessageSettings,
  now: number,
  previous?: PreviousTime,
  addressee?: { name: string },
  locale?: string,
): MessageView {
  const start = Date.parse(interview.startUtc);
  const company = settings.companyName.trim();
  const atCompany = company ? ` at ${company}` : '';
  const role = roleOf(recipient);
  const forCandidate = role === 'candidate';
  const me = addressee ?? addresseeOf(interview, recipient);
  const candidateZone = interview.candidate.timeZone ?? interview.timeZone;
  const ownZone = forCandidate ? candidateZone : interview.timeZone;
  const style = timeStyleOf(locale);
  const own = format(start, ownZone, style);
  const other = !forCandidate && candidateZone !== interview.timeZone ? format(start, candidateZone, style) : undefined;
  const recruiter = interview.recruiter;
  const candidate = interview.candidate;
  const when = reminderWhen(start, now, ownZone, style);
  // An update that does not move the interview must not claim it moved: it brings a new Meet link,
  // or (only) a new panel.
  const unmoved = kind === 'update' && !isMove(interview, previous);
  const panelOnly = unmoved && !isRelink(interview, previous) && isPanelChange(interview, previous);
  const linkOnly = unmoved && isRelink(interview, previous);
  // Moved and a new panel at once: the words say both.
  const movedWithPanel = kind === 'update' && !unmoved && isPanelChange(interview, previous);
  // Moved with a new Meet link (a link given while a move made in Google Calendar was untold).
  const movedWithLink = kind === 'update' && !unmoved && !movedWithPanel && isRelink(interview, previous);
  const cancelled = kind === 'cancellation';
  // A cancellation while the interview still goes ahead: this co-interviewer was taken off the panel.
  // (Or cancelled after they were taken off, their notice still unsent: it says only that, never the panel now.)
  const offPanel =
    cancelled && role === 'panelist' && (interview.status === 'scheduled' || !addresseeOf(interview, recipient));
  // The recruiter's copy says who else was told: the panel gets the same message.
  const told = interview.coInterviewers.length > 0 ? 'the candidate and the panel have' : 'the candidate has';
  const intros: Record<MailKind, Record<Role, string>> = {
    invitation: {
      candidate: `${recruiter.name} has invited you to an interview for the ${interview.jobTitle} position${atCompany}. It takes place on Google Meet.`,
      recruiter: `Your interview with ${candidate.name} for ${interview.jobTitle} is scheduled and the invitation has been sent.`,
      panelist: `${recruiter.name} has asked you to interview ${candidate.name} for ${interview.jobTitle}${atCompany}, as part of the panel. It takes place on Google Meet.`,
    },
    update: panelOnly
      ? {
          candidate: `The interviewers for your interview for the ${interview.jobTitle} position${atCompany} have changed. The time and the Meet link stay the same.`,
          recruiter: `The panel for your interview with ${candidate.name} has changed; the candidate and the panel have been sent the update.`,
          panelist: `The panel for the interview with ${candidate.name} has changed. The time and the Meet link stay the same.`,
        }
      : linkOnly
        ? {
            candidate: `Your interview for the ${interview.jobTitle} position${atCompany} has a new Meet link. The time stays the same.`,
            recruiter: `Your interview with ${candidate.name} has a new Meet link; ${told} been sent it.`,
            panelist: `The panel interview with ${candidate.name} has a new Meet link. The time stays the same.`,
          }
        : movedWithPanel
          ? {
              candidate: `Your interview for the ${interview.jobTitle} position${atCompany} has moved, and your interviewers have changed.`,
              recruiter: `Your interview with ${candidate.name} has moved and its panel has changed; the candidate and the panel have been sent the update.`,
              panelist: `The panel interview with ${candidate.name} has moved, and the panel has changed.`,
            }
          : movedWithLink
            ? {
                candidate: `Your interview for the ${interview.jobTitle} position${atCompany} has moved, and it has a new Meet link.`,
                recruiter: `Your interview with ${candidate.name} has moved and has a new Meet link; ${told} been sent both.`,
                panelist: `The panel interview with ${candidate.name} has moved, and it has a new Meet link.`,
              }
            : {
                candidate: `Your interview for the ${interview.jobTitle} position${atCompany} has moved. Everything else stays the same.`,
                recruiter: `Your interview with ${candidate.name} has moved; ${told} been sent the new time.`,
                panelist: `The panel interview with ${candidate.name} has moved. Everything else stays the same.`,
              },
    cancellation: {
      candidate: `Your interview for the ${interview.jobTitle} position${atCompany}, planned for ${own.when}, has been cancelled.`,
      recruiter: `Your interview with ${candidate.name}, planned for ${own.when}, has been cancelled and ${told} been told.`,
      panelist: offPanel
        ? `You are no longer on the panel for the interview with ${candidate.name} (${interview.jobTitle}), planned for ${own.when}. It goes ahead without you; the attached cancellation removes it from your calendar.`
        : `The panel interview with ${candidate.name}, planned for ${own.when}, has been cancelled.`,
    },
    reminder: {
      candidate: `Your interview for the ${interview.jobTitle} position${atCompany} ${when}. Please check your camera and microphone beforehand.`,
      recruiter: `Your interview with ${candidate.name} ${when}.`,
      panelist: `The panel interview with ${candidate.name} ${when}.`,
    },
  };

  const contactText = forCandidate
    ? cancelled
      ? `Questions? Contact ${recruiter.name} at`
      : kind === 'reminder'
        ? `Can't make it? Reply to this email or write to ${recruiter.name} at`
        : 'Need a different time? Reply to this email or write to'
    : role === 'panelist'
      ? `Questions? Write to ${recruiter.name} at`
      : 'To reach the candidate, write to';
  const messageText = interview.candidateMessage.trim();
  // Whose words these are, said to each reader: the candidate hears from the recruiter, the recruiter
  // sees their own message, a co-interviewer sees what the recruiter told the candidate.
  const messageLabel = forCandidate
    ? `Message from ${recruiter.name}`
    : role === 'panelist'
      ? `${recruiter.name}'s message to the candidate`
      : 'Your message to the candidate';
  const message = messageText && !cancelled ? { label: messageLabel, text: messageText } : undefined;
  // Someone taken off the panel is not told who is on it now.
  const interviewers = offPanel ? [recruiter.name] : interviewerNames(interview);
  const downloadUrl = forCandidate ? safeDownloadUrl(settings.candidateDownloadUrl) : undefined;
  return {
    subject: `${panelOnly ? 'New interview panel' : movedWithPanel ? 'New time and panel for your interview' : movedWithLink ? 'New time and Meet link for your interview' : linkOnly ? 'New Meet link for your interview' : offPanel ? 'No longer on the interview panel' : subjects[kind]}: ${interview.jobTitle}${atCompany}${forCandidate ? '' : ` — ${candidate.name}`}`,
    headline: panelOnly
      ? forCandidate
        ? 'Your interviewers have changed'
        : 'Interview panel changed'
      : movedWithPanel
        ? forCandidate
          ? 'New time and interviewers'
          : 'Interview moved, panel changed'
        : movedWithLink
          ? forCandidate
            ? 'New time and Meet link'
            : 'Interview moved, new Meet link'
          : linkOnly
            ? forCandidate
              ? 'Your interview has a new Meet link'
              : 'Interview has a new Meet link'
            : offPanel
              ? 'You are off this interview panel'
              : headlines[kind][role],
    greeting: `Hello ${me?.name ?? recruiter.name},`,
    intro: intros[kind][role],
    changes: kind === 'update' ? changeLines(interview, previous, ownZone, style) : [],
    header: company || (forCandidate ? recruiter.name : 'Interview Desk'),
    brandColor: settings.brandColor,
    jobTitle: interview.jobTitle,
    whenLabel: cancelled ? 'Was planned for' : 'When',
    when: own.when,
    zoneName: own.zoneName,
    ...(other ? { otherLabel: "Candidate's time", otherWhen: other.when, otherZoneName: other.zoneName } : {}),
    duration: interview.durationMinutes,
    // A panel names everyone who interviews, the recruiter first.
    interviewerLabel: interviewers.length > 1 ? 'Interviewers' : 'Interviewer',
    interviewer: interviewers.join(', '),
    ...(forCandidate ? {} : { candidateLine: `${candidate.name} <${candidate.email}>` }),
    ...(message ? { message } : {}),
    cancelled,
    ...(cancelled
      ? {}
      : {
          join: {
            meetUrl: meetJoinUrlOrNone(interview.meetLink) ?? '',
            // The recruiter's app holds the interview; anyone else's app saves a copy for its reader
            // from the invitation link: the candidate's room, or a co-interviewer's panel room.
            appUrl: role === 'recruiter' ? recruiterRoomLink(interview) : invitationLink(interview, role),
            appLabel: appLabels[role],
            deviceCheckUrl: 'interview-desk://device-check',
            ...(downloadUrl ? { downloadUrl } : {}),
          },
        }),
    contactText,
    replyUrl: `mailto:${role === 'recruiter' ? candidate.email : recruiter.email}`,
    replyAddress: role === 'recruiter' ? candidate.email : recruiter.email,
    // The sign-off speaks to the candidate; the recruiter's own copy and a cancellation go without.
    ...(forCandidate && !cancelled ? { signOff: settings.signOff } : {}),
    senderName: forCandidate ? `${recruiter.name}${company ? `, ${company}` : ''}` : 'Interview Desk',
    footer: `${forCandidate ? `Sent by ${recruiter.name}${atCompany} with Interview Desk.` : 'Sent by Interview Desk.'} ${panelOnly ? panelCalendarLine : calendarLines[kind]}`,
  };
}
