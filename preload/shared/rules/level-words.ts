import { quietDbfs } from './device-analysis';

/** Within 3 dB of full scale the voice is about to distort. */
const loudDbfs = -3;
/** Below this (but above silence) a voice is there, yet soft for the others. */
const softDbfs = -45;

/**
 * The live microphone meter in plain words, from the RMS level (dBFS) of the last moment: what a
 * candidate needs to know is whether they come through, not the figure (which waits under
 * "Measurements").
 */
export function levelWords(dbfs: number): string {
  if (!Number.isFinite(dbfs) || dbfs < quietDbfs) return 'No sound heard';
  if (dbfs < softDbfs) return 'Quiet: speak up or move closer';
  if (dbfs < loudDbfs) return 'Your voice comes through';
  return 'Very loud: move back a little';
}
