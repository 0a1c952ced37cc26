/** The first letter of the name (or email) for an avatar: no picture is ever fetched from outside. */
export function initialOf(name: string, email: string): string {
  const first = [...(name.trim() || email.trim())][0];
  return first ? first.toLocaleUpperCase() : '?';
}
