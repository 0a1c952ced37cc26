import { frameSimilarity, meanBrightness, type CameraMeasurement } from '../../preload/shared/rules/device-analysis';

type FrameVideo = HTMLVideoElement & { requestVideoFrameCallback?: (cb: () => void) => number };

/**
 * Measures what the camera really delivers over `durationMs`: the decoded resolution, frames per
 * second counted frame by frame, and brightness/similarity of small samples taken every 200 ms.
 */
export async function measureCamera(
  video: FrameVideo,
  stream: MediaStream,
  durationMs = 2500,
): Promise<CameraMeasurement> {
  const track = stream.getVideoTracks()[0];
  const requestedFps = track?.getSettings().frameRate ?? 30;
  if (video.readyState < 2)
    await new Promise((resolve) => video.addEventListener('loadeddata', resolve, { once: true }));
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 36;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  const samples: Uint8ClampedArray[] = [];
  let frames = 0;
  let lastTime = -1;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const count = () => {
      frames++;
      if (performance.now() - started < durationMs) video.requestVideoFrameCallback!(count);
    };
    if (video.requestVideoFrameCallback) video.requestVideoFrameCallback(count);
    const sampler = setInterval(() => {
      // Without requestVideoFrameCallback, count distinct presentation times instead.
      if (!video.requestVideoFrameCallback && video.currentTime !== lastTime) {
        frames++;
        lastTime = video.currentTime;
      }
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      samples.push(context.getImageData(0, 0, canvas.width, canvas.height).data);
      if (performance.now() - started >= durationMs) {
        clearInterval(sampler);
        resolve();
      }
    }, 200);
  });
  const seconds = (performance.now() - started) / 1000;
  const similarities = samples.slice(1).map((s, i) => frameSimilarity(samples[i]!, s));
  const brightness = samples.length ? samples.reduce((sum, s) => sum + meanBrightness(s), 0) / samples.length : 0;
  return {
    width: video.videoWidth,
    height: video.videoHeight,
    fps: frames / seconds,
    requestedFps,
    brightness,
    similarities,
  };
}
