/**
 * How the app names a person to a reader: by name when it knows one, else by address. Every
 * delivery line, notice and email names people through this.
 */
export function personName(person: { name?: string | undefined; email: string }): string {
  return person.name?.trim() || person.email;
}
