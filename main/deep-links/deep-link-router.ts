import type { JoinPreview, NavigateTarget } from '../../preload/shared/contract/ipc-contract';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import type { InterviewQueries } from '../interviews/interview-queries';
import type { CandidateCopies } from '../interviews/candidate-copies';
import type { Clock } from '../platform/clock';
import { DeskFailure } from '../shared/desk-failure';
import type { EventHub } from '../shared/event-hub';
import { DeepLinkError, parseDeepLink, type DeepLink } from './parse-deep-link';

type InvitationLink = Extract<DeepLink, { kind: 'join' | 'panel' }>;

/** Whose copy an invitation link saves: the candidate's (join) or a co-interviewer's (panel). */
const copyOrigin = (link: InvitationLink) => (link.kind === 'panel' ? 'panelist' : 'candidate');

/** What routing an interview-desk:// link needs. */
export interface DeepLinkRouterDeps {
  clock: Clock;
  interviews: InterviewQueries;
  copies: Pick<CandidateCopies, 'find' | 'save'>;
  events: EventHub;
}

/** Opens, previews and confirms interview-desk:// links. */
export interface DeepLinkRouter {
  /** Answers where the link leads and tells open windows to go there. */
  open(raw: string): NavigateTarget;
  /** What a join link would save, and the saved copy when there is one. */
  preview(raw: string): JoinPreview;
  /** Saves the invitation link's interview (the candidate's or a co-interviewer's copy) once the person has agreed. */
  confirmJoin(raw: string): Interview;
}

/** Creates the deep-link router; a bad link is refused with `invalid_input` on the `link` field. */
export function createDeepLinkRouter(deps: DeepLinkRouterDeps): DeepLinkRouter {
  const { interviews, copies } = deps;
  const parseLink = (raw: string) => {
    try {
      return parseDeepLink(raw, deps.clock.now());
    } catch (error) {
      if (error instanceof DeepLinkError) throw new DeskFailure('invalid_input', error.message, 'link');
      throw error;
    }
  };
  const parseJoinLink = (raw: string): InvitationLink => {
    const link = parseLink(raw);
    if (link.kind !== 'join' && link.kind !== 'panel')
      throw new DeskFailure('invalid_input', 'That is not an invitation link.', 'link');
    return link;
  };
  return {
    open(raw) {
      const link = parseLink(raw);
      let target: NavigateTarget;
      if (link.kind === 'device-check') target = { screen: 'device-check' };
      else if (link.kind === 'interview') {
        interviews.get(link.id); // not_found when it is not ours
        target = { screen: 'interview', id: link.id };
      } else {
        // Anyone can send such a link: nothing is saved until the person has seen what it holds and agreed.
        const saved = copies.find(link.meetLink, link.startUtc, copyOrigin(link));
        target = saved ? { screen: 'interview', id: saved.id } : { screen: 'join-preview', link: raw };
      }
      deps.events.emit('app:navigate', target);
      return target;
    },
    preview(raw) {
      const link = parseJoinLink(raw);
      const saved = copies.find(link.meetLink, link.startUtc, copyOrigin(link));
      return {
        title: link.title,
        meetLink: link.meetLink,
        startUtc: link.startUtc,
        ...(link.durationMinutes ? { durationMinutes: link.durationMinutes } : {}),
        ...(link.kind === 'panel' ? { panelistFor: link.candidateName } : {}),
        ...(saved ? { savedId: saved.id } : {}),
      };
    },
    confirmJoin(raw) {
      const link = parseJoinLink(raw);
      return copies.save({
        meetLink: link.meetLink,
        startUtc: link.startUtc,
        title: link.title,
        ...(link.durationMinutes ? { durationMinutes: link.durationMinutes } : {}),
        ...(link.kind === 'panel' ? { panelistFor: link.candidateName } : {}),
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
    },
  };
}
