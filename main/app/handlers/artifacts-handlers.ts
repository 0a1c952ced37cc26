import type { MeetArtifacts } from '../../meet-artifacts/artifact-service';
import type { InterviewQueries } from '../../interviews/interview-queries';
import type { NamespaceHandlers } from './namespace-handlers';

/** Meet's transcript, recording and notes of an interview, and "Check Meet now". */
export function artifactsHandlers(deps: {
  artifacts: MeetArtifacts;
  interviews: InterviewQueries;
}): NamespaceHandlers<'artifacts'> {
  const { artifacts, interviews } = deps;
  return {
    // Read through the schedule first: an unknown id is "no longer exists", in the schedule's words.
    'artifacts:get': (id) => artifacts.view(interviews.get(id).id),
    'artifacts:checkNow': (id) => artifacts.checkNow(interviews.get(id).id),
    'artifacts:lines': ({ interviewId, ...ask }) => artifacts.lines(interviews.get(interviewId).id, ask),
  };
}
