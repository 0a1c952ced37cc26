/**
 * The email that asks a co-interviewer for their scorecard, and its daily reminders: the form's
 * link in the app's branded template (HTML and plain text), from the recruiter's sender, replies to
 * the recruiter. Only ever to a co-interviewer: it names the candidate and links the panel's form,
 * which the candidate must never see. No calendar file: it is not about the meeting's time.
 */
import { createHash } from 'node:crypto';
import type Mail from 'nodemailer/lib/mailer';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import { formatInstant, timeStyleOf, zoneLongName } from '../../preload/shared/rules/time-format';
import { messageIdFor } from './compose-message';
import type { MessageSettings } from './message-content';
import type { RenderedEmail } from './render-email';

/** Which message of the series: the first ask, or the nth daily reminder. */
export type ScorecardRequestKind = { kind: 'ask' } | { kind: 'reminder'; number: number };

/** What the scorecard-request templates show; plain text, escaped by the template engine. */
export interface ScorecardRequestView {
  subject: string;
  headline: string;
  greeting: string;
  intro: string;
  header: string;
  brandColor: string;
  candidateName: string;
  jobTitle: string;
  when: string;
  zoneName: string;
  formUrl: string;
  privacyLine: string;
  contactText: string;
  replyUrl: string;
  replyAddress: string;
  senderName: string;
  footer: string;
}

/** The subject every request and reminder carries ("Your scorecard: Ada Lovelace, Compiler Engineer"). */
export function scorecardSubject(interview: Pick<Interview, 'candidate' | 'jobTitle'>): string {
  return `Your scorecard: ${interview.candidate.name}, ${interview.jobTitle}`;
}

/** The words of one request. */
export function scorecardRequestView(input: {
  interview: Interview;
  person: { name: string; email: string };
  which: ScorecardRequestKind;
  formUrl: string;
  settings: Pick<MessageSettings, 'companyName' | 'brandColor'>;
  locale?: string;
}): ScorecardRequestView {
  const { interview, which } = input;
  const style = timeStyleOf(input.locale);
  const start = Date.parse(interview.startUtc);
  const company = input.settings.companyName.trim();
  const recruiter = interview.recruiter;
  const subject = scorecardSubject(interview);
  return {
    subject: which.kind === 'ask' ? subject : `${subject} (reminder)`,
    headline: which.kind === 'ask' ? 'Your scorecard, please' : 'A reminder: your scorecard',
    greeting: `Hello ${input.person.name},`,
    intro:
      which.kind === 'ask'
        ? `Thank you for interviewing ${interview.candidate.name} for ${interview.jobTitle}. ${recruiter.name} asks for your scorecard while the interview is fresh: it takes a few minutes in Google Forms.`
        : `${recruiter.name} has not received your scorecard for the interview with ${interview.candidate.name} yet. It takes a few minutes in Google Forms.`,
    header: company || 'Interview Desk',
    brandColor: input.settings.brandColor,
    candidateName: interview.candidate.name,
    jobTitle: interview.jobTitle,
    when: formatInstant(start, interview.timeZone, style, { date: 'long' }),
    zoneName: `${zoneLongName(start, interview.timeZone, style)} (${interview.timeZone})`,
    formUrl: input.formUrl,
    privacyLine: `Sign in with your Google account (${input.person.email}) to answer: Google records your address with your response, and only ${recruiter.name} sees the panel's answers.`,
    contactText: `Questions? Contact ${recruiter.name} at`,
    replyUrl: `mailto:${recruiter.email}`,
    replyAddress: recruiter.email,
    senderName: 'Interview Desk',
    footer:
      which.kind === 'ask'
        ? `Sent by Interview Desk for ${recruiter.name}. A reminder follows daily, at most five times, until your scorecard arrives.`
        : `Sent by Interview Desk for ${recruiter.name}. Reminder ${which.number} of 5; none follows once your scorecard arrives.`,
  };
}

/** The stable key of one message of the series: the same Message-ID if it is ever sent again. */
export function scorecardRequestKey(interviewId: string, email: string, which: ScorecardRequestKind): string {
  const who = createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 16);
  return `scorecard-${interviewId}-${who}-${which.kind === 'ask' ? 'ask' : `r${which.number}`}`;
}

/** One request as nodemailer options: text and HTML alternatives, nothing attached. */
export function composeScorecardRequest(input: {
  interview: Interview;
  person: { name: string; email: string };
  which: ScorecardRequestKind;
  formUrl: string;
  settings: Pick<MessageSettings, 'companyName' | 'brandColor'>;
  render: (view: ScorecardRequestView) => RenderedEmail;
  from: { name: string; address: string };
  now: number;
  locale?: string;
}): Mail.Options {
  const view = scorecardRequestView(input);
  const { html, text } = input.render(view);
  return {
    messageId: messageIdFor(scorecardRequestKey(input.interview.id, input.person.email, input.which)),
    from: input.from,
    to: [{ name: input.person.name, address: input.person.email }],
    replyTo: { name: input.interview.recruiter.name, address: input.interview.recruiter.email },
    subject: view.subject,
    text,
    html,
    headers: { 'X-Interview-Desk-Interview': input.interview.id },
    date: new Date(input.now),
  };
}
