import { interviewSchema, type Interview } from '../../preload/contract/interview-schema';
import type { KeyValueStore } from '../store/key-value-store';

/** The interviews, held in memory and written through to the store (main is the only writer). */
export interface InterviewRepository {
  all(): Interview[];
  get(id: string): Interview | undefined;
  /** Saves one interview (validated against the schema first: nothing malformed reaches the file). */
  put(interview: Interview): void;
  /** Saves many in one write. */
  putMany(interviews: Interview[]): void;
  /** Forgets one interview (a candidate removing their own copy). */
  remove(id: string): void;
}

/** Creates the repository over the app store's `interviews` key. */
export function createInterviewRepository(store: KeyValueStore): InterviewRepository {
  const byId = new Map<string, Interview>();
  for (const raw of (store.get('interviews') as unknown[] | undefined) ?? []) {
    const parsed = interviewSchema.safeParse(raw);
    if (parsed.success) byId.set(parsed.data.id, parsed.data);
  }
  const flush = () => store.set('interviews', [...byId.values()]);
  return {
    all: () => [...byId.values()],
    get: (id) => byId.get(id),
    put(interview) {
      byId.set(interview.id, interviewSchema.parse(interview));
      flush();
    },
    putMany(interviews) {
      for (const i of interviews) byId.set(i.id, interviewSchema.parse(i));
      flush();
    },
    remove(id) {
      if (byId.delete(id)) flush();
    },
  };
}
