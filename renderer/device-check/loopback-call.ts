import type { CallStats } from '../../preload/shared/rules/device-analysis';

/**
 * A WebRTC call on this machine: the camera's track is sent from one peer connection to another,
 * and getStats measures what arrived (bitrate, loss, jitter, round trip) and what the sender aimed for
 * (the encoder's target bitrate and the bandwidth estimate).
 */
export async function loopbackCall(track: MediaStreamTrack, durationMs = 3000): Promise<CallStats> {
  const sender = new RTCPeerConnection({ iceServers: [] });
  const receiver = new RTCPeerConnection({ iceServers: [] });
  try {
    sender.onicecandidate = (e) => e.candidate && void receiver.addIceCandidate(e.candidate);
    receiver.onicecandidate = (e) => e.candidate && void sender.addIceCandidate(e.candidate);
    sender.addTrack(track);
    const connected = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the test call did not connect')), 5000);
      receiver.onconnectionstatechange = () => {
        if (receiver.connectionState === 'connected') {
          clearTimeout(timer);
          resolve();
        }
      };
    });
    await sender.setLocalDescription(await sender.createOffer());
    await receiver.setRemoteDescription(sender.localDescription!);
    await receiver.setLocalDescription(await receiver.createAnswer());
    await sender.setRemoteDescription(receiver.localDescription!);
    await connected;
    const read = async () => {
      let bytes = 0;
      let lost = 0;
      let received = 0;
      let jitter = 0;
      let rtt: number | undefined;
      let target: number | undefined;
      let available: number | undefined;
      (await receiver.getStats()).forEach((s: RTCStats & Record<string, unknown>) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') {
          bytes = Number(s.bytesReceived ?? 0);
          lost = Number(s.packetsLost ?? 0);
          received = Number(s.packetsReceived ?? 0);
          jitter = Number(s.jitter ?? 0);
        }
        if (s.type === 'candidate-pair' && s.state === 'succeeded' && typeof s.currentRoundTripTime === 'number')
          rtt = s.currentRoundTripTime;
      });
      // What the sender aimed for and thought it could send: the call is judged against these.
      (await sender.getStats()).forEach((s: RTCStats & Record<string, unknown>) => {
        if (s.type === 'outbound-rtp' && s.kind === 'video' && typeof s.targetBitrate === 'number')
          target = s.targetBitrate;
        if (s.type === 'candidate-pair' && s.state === 'succeeded' && typeof s.availableOutgoingBitrate === 'number')
          available = Math.max(available ?? 0, s.availableOutgoingBitrate);
      });
      return { bytes, lost, received, jitter, rtt, target, available, at: performance.now() };
    };
    const first = await read();
    // The encoder's target ramps up with the call, so it is averaged over the same time as the bitrate.
    const targets: number[] = [];
    let last = first;
    const steps = Math.max(1, Math.round(durationMs / 500));
    for (let step = 0; step < steps; step++) {
      await new Promise((resolve) => setTimeout(resolve, durationMs / steps));
      last = await read();
      if (last.target !== undefined) targets.push(last.target);
    }
    const seconds = (last.at - first.at) / 1000;
    const packets = last.received - first.received + (last.lost - first.lost);
    return {
      bitrateKbps: ((last.bytes - first.bytes) * 8) / 1000 / seconds,
      ...(targets.length ? { targetKbps: targets.reduce((a, b) => a + b, 0) / targets.length / 1000 } : {}),
      ...(last.available !== undefined ? { availableKbps: last.available / 1000 } : {}),
      lossPct: packets > 0 ? ((last.lost - first.lost) / packets) * 100 : 0,
      jitterMs: last.jitter * 1000,
      ...(last.rtt !== undefined ? { rttMs: last.rtt * 1000 } : {}),
    };
  } finally {
    sender.close();
    receiver.close();
  }
}
