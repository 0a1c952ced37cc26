/**
 * How "Find in transcript" reads an interview's lines. Up to `findByCharactersLines` lines it looks
 * for the characters as typed (and for the words); in a longer transcript for words and speakers'
 * names only, through the word index. A stored line may hold 10,000 characters, and SQLite reads
 * every character of every line for a search that finds little: about 2,000 such lines fit in a
 * find that keeps main's thread free (`npm run bench transcript-page`); 20,000 take half a second.
 */

/** The most lines a find reads character by character; an hour of talk is about a thousand. */
export const findByCharactersLines = 2_000;

/** Whether find in a transcript of `total` lines looks for words only. */
export const findsWordsOnly = (total: number): boolean => total > findByCharactersLines;
