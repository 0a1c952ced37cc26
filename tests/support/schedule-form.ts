/** The form's date `days` ahead of now, as the UTC calendar day (`YYYY-MM-DD`). */
export function utcDateAhead(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * The "Schedule interview" form for the `n`th interview `days` ahead, each with its own candidate
 * and day (so none conflicts with another); `extra` overrides fields. For tests and benches that
 * schedule many.
 */
export function scheduleFormFor(days: number, extra: Record<string, unknown> = {}) {
  return {
    candidateName: `Candidate ${days}`,
    candidateEmail: `c${days}@example.com`,
    jobTitle: 'Engineer',
    date: utcDateAhead(days),
    time: '10:00',
    timeZone: 'Europe/Berlin',
    durationMinutes: 45,
    ...extra,
  };
}
