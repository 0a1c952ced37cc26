/**
 * The normalised text the schedule searches: lower case, accents and other marks removed, spaces
 * collapsed, so "José" is found by "jose". Stored in its own column beside each interview.
 */
export function searchText(...parts: string[]): string {
  return (
    parts
      .join(' ')
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      // Control characters match nothing a person typed (and FTS5 stops reading a query at a NUL).
      .replace(/\p{Cc}/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
