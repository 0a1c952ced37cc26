import { audioLevels, noiseFloorDbfs, type AudioLevels } from '../../preload/shared/rules/device-analysis';

export interface MicrophoneMeasurement {
  levels: AudioLevels;
  /** The room's noise, read in the quiet moments of the whole recording. */
  noiseFloorDbfs: number;
}

/** A live meter: calls `onLevel` with the RMS dBFS of each 50 ms block until stopped. */
export function startLevelMeter(stream: MediaStream, onLevel: (dbfs: number, block: Float32Array) => void): () => void {
  const context = new AudioContext();
  const source = context.createMediaStreamSource(stream);
  const analyser = context.createAnalyser();
  analyser.fftSize = 2048;
  source.connect(analyser);
  const block = new Float32Array(analyser.fftSize);
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(block);
    onLevel(audioLevels(block).rmsDbfs, block.slice());
  }, 50);
  return () => {
    clearInterval(timer);
    source.disconnect();
    void context.close();
  };
}

/** Records `durationMs` of samples through the meter and analyses them. */
export async function measureMicrophone(
  stream: MediaStream,
  onLevel: (dbfs: number) => void,
  durationMs = 2500,
): Promise<MicrophoneMeasurement> {
  const blocks: Float32Array[] = [];
  const stop = startLevelMeter(stream, (dbfs, block) => {
    blocks.push(block);
    onLevel(dbfs);
  });
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  stop();
  const all = new Float32Array(blocks.reduce((n, b) => n + b.length, 0));
  let offset = 0;
  for (const b of blocks) {
    all.set(b, offset);
    offset += b.length;
  }
  return { levels: audioLevels(all), noiseFloorDbfs: noiseFloorDbfs(all) };
}

/** Records three seconds and returns a playable blob URL ("record and play back"). */
export async function recordClip(stream: MediaStream, ms = 3000): Promise<string> {
  const recorder = new MediaRecorder(new MediaStream(stream.getAudioTracks()));
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  const done = new Promise((resolve) => (recorder.onstop = resolve));
  recorder.start();
  await new Promise((resolve) => setTimeout(resolve, ms));
  recorder.stop();
  await done;
  return URL.createObjectURL(new Blob(chunks, { type: recorder.mimeType }));
}
