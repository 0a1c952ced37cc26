import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useFocusLater } from '../common/use-focus-later';
import { levelWords } from '../../preload/shared/rules/level-words';
import {
  callVerdict,
  cameraVerdict,
  mediaErrorResult,
  microphoneVerdict,
  networkVerdict,
  overallVerdict,
  readTogether,
  type CheckResult,
} from '../../preload/shared/rules/device-analysis';
import type { Settings } from '../../preload/shared/contract/settings-schema';
import { desk } from '../bridge/desk';
import { useCall } from '../common/use-call';
import { measureCamera } from './measure-camera';
import { measureMicrophone, recordClip, startLevelMeter } from './measure-microphone';
import { loopbackCall } from './loopback-call';
import { buildReport, reportText, testToneUrl, type DeviceReport } from './report';

type Kind = 'camera' | 'microphone' | 'speaker';
type Choices = Settings['deviceChoices'];
const kindOf: Record<MediaDeviceKind, Kind> = {
  videoinput: 'camera',
  audioinput: 'microphone',
  audiooutput: 'speaker',
};
const verdictWords = { pass: 'Pass', warning: 'Warning', fail: 'Problem' } as const;
const overallWords = {
  pass: 'Everything works. You are ready for your interview.',
  warning: 'You can join, but something could be better. See below.',
  fail: 'Something needs fixing before the interview. See below.',
} as const;

/**
 * The pre-call device check: real camera, microphone, speaker and network tests with fixes, and a
 * report. `back`: the way back to where the person came from (a candidate's interview).
 */
export function DeviceCheckScreen({ back }: { back?: { href: string; label: string } | undefined } = {}) {
  const info = useCall(() => desk.app.info());
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [choices, setChoices] = useState<Choices>({});
  const [results, setResults] = useState<CheckResult[] | undefined>();
  const [progress, setProgress] = useState<{ step: string; value: number } | undefined>();
  const [level, setLevel] = useState<number>(Number.NEGATIVE_INFINITY);
  const [speakerHeard, setSpeakerHeard] = useState<boolean | null>(null);
  const [tonePlayed, setTonePlayed] = useState(false);
  const [clipUrl, setClipUrl] = useState<string | undefined>();
  const [devicesChanged, setDevicesChanged] = useState(false);
  const [copied, setCopied] = useState(false);
  // When the check finishes, focus goes to the verdict (the result), which is also announced.
  const [verdictRef, focusVerdict] = useFocusLater<HTMLDivElement>();
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const stopMeter = useRef<(() => void) | null>(null);
  const ids = { camera: useId(), microphone: useId(), speaker: useId() };

  const enumerate = useCallback(async () => {
    if (!navigator.mediaDevices?.enumerateDevices) return;
    setDevices(await navigator.mediaDevices.enumerateDevices());
  }, []);

  useEffect(() => {
    void desk.settings.get().then((r) => {
      if (r.ok) setChoices(r.value.deviceChoices);
      return enumerate();
    });
    const onChange = () => {
      setDevicesChanged(true);
      void enumerate();
    };
    navigator.mediaDevices?.addEventListener('devicechange', onChange);
    return () => {
      navigator.mediaDevices?.removeEventListener('devicechange', onChange);
      stopMeter.current?.();
      stream.current?.getTracks().forEach((t) => t.stop());
    };
  }, [enumerate]);

  const choose = (kind: Kind, id: string) => {
    const device = devices.find((d) => d.deviceId === id && kindOf[d.kind] === kind);
    const next = { ...choices, [kind]: { id, label: device?.label ?? '' } };
    setChoices(next);
    void desk.settings.update({ deviceChoices: next });
  };

  const run = async () => {
    setResults(undefined);
    setDevicesChanged(false);
    setSpeakerHeard(null);
    setTonePlayed(false);
    stopMeter.current?.();
    stream.current?.getTracks().forEach((t) => t.stop());
    const checks: CheckResult[] = [];
    setProgress({ step: 'Asking for your camera and microphone…', value: 5 });
    const access = await desk.devicecheck.mediaAccess();
    const deniedBySystem = (k: 'camera' | 'microphone') =>
      access.ok && ['denied', 'restricted'].includes(access.value[k]);
    if (!navigator.mediaDevices?.getUserMedia) {
      setResults([
        {
          id: 'camera',
          label: 'Camera',
          verdict: 'fail',
          summary: 'This window cannot use cameras',
          figure: 'mediaDevices not available',
          fix: 'This window cannot use cameras. Open Interview Desk again or use another browser.',
        },
      ]);
      setProgress(undefined);
      focusVerdict();
      return;
    }
    const want = (k: 'camera' | 'microphone') => (choices[k]?.id ? { deviceId: { exact: choices[k]!.id } } : {});
    const [videoResult, audioResult] = await Promise.allSettled([
      navigator.mediaDevices.getUserMedia({
        video: { ...want('camera'), width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } },
      }),
      navigator.mediaDevices.getUserMedia({
        audio: { ...want('microphone'), echoCancellation: false, noiseSuppression: false, autoGainControl: false },
      }),
    ]);
    const combined = new MediaStream();
    if (videoResult.status === 'fulfilled') videoResult.value.getTracks().forEach((t) => combined.addTrack(t));
    else checks.push(mediaErrorResult('camera', videoResult.reason as DOMException, deniedBySystem('camera')));
    if (audioResult.status === 'fulfilled') audioResult.value.getTracks().forEach((t) => combined.addTrack(t));
    else checks.push(mediaErrorResult('microphone', audioResult.reason as DOMException, deniedBySystem('microphone')));
    stream.current = combined;
    await enumerate();
    const videoTrack = combined.getVideoTracks()[0];
    if (video.current && videoTrack) {
      video.current.srcObject = new MediaStream([videoTrack]);
      await video.current.play().catch(() => undefined);
    }
    setProgress({
      step: 'Measuring your camera, microphone and connection… Say a few words, with a short pause between them.',
      value: 20,
    });
    const tick = setInterval(() => setProgress((p) => (p ? { ...p, value: Math.min(90, p.value + 3) } : p)), 200);
    const tasks: Array<Promise<void>> = [
      desk.devicecheck.network().then((r) => {
        checks.push(
          r.ok
            ? networkVerdict({
                online: r.value.online,
                rttMs: r.value.rttMs,
                jitterMs: r.value.jitterMs,
                downloadMbps: r.value.downloadMbps,
                stunOk: r.value.stun.ok,
              })
            : {
                id: 'network',
                label: 'Network',
                verdict: 'fail',
                summary: 'The network could not be measured',
                figure: 'not measured',
                fix: r.error.message,
              },
        );
      }),
    ];
    if (videoTrack && video.current) {
      tasks.push(measureCamera(video.current, combined).then((m) => void checks.push(cameraVerdict(m))));
      tasks.push(
        loopbackCall(videoTrack.clone())
          .then((s) => void checks.push(callVerdict(s)))
          .catch(
            (error: Error) =>
              void checks.push({
                id: 'connection',
                label: 'Video call test',
                verdict: 'warning',
                summary: 'The test call could not run',
                figure: error.message,
                fix: `A test call on this computer failed (${error.message}). Restart the app and try again.`,
              }),
          ),
      );
    }
    if (combined.getAudioTracks().length)
      tasks.push(
        measureMicrophone(combined, setLevel).then(
          (m) => void checks.push(microphoneVerdict(m.levels, m.noiseFloorDbfs)),
        ),
      );
    await Promise.all(tasks);
    clearInterval(tick);
    if (combined.getAudioTracks().length) stopMeter.current = startLevelMeter(combined, (dbfs) => setLevel(dbfs));
    const order = ['camera', 'microphone', 'network', 'connection'];
    setResults(readTogether(checks.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))));
    setProgress(undefined);
    focusVerdict();
  };

  const playTone = async () => {
    const audio = new Audio(testToneUrl()) as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };
    if (choices.speaker?.id && audio.setSinkId) await audio.setSinkId(choices.speaker.id).catch(() => undefined);
    await audio.play().catch(() => undefined);
    setTonePlayed(true);
  };

  const record = async () => {
    if (!stream.current?.getAudioTracks().length) return;
    setClipUrl(undefined);
    const url = await recordClip(stream.current);
    setClipUrl(url);
    void new Audio(url).play().catch(() => undefined);
  };

  const labelOf = (kind: Kind) =>
    devices.find((d) => kindOf[d.kind] === kind && (choices[kind]?.id ? d.deviceId === choices[kind]!.id : true))
      ?.label || undefined;
  const report: DeviceReport | undefined = results
    ? buildReport(
        info.value,
        { camera: labelOf('camera'), microphone: labelOf('microphone'), speaker: labelOf('speaker') },
        results,
        speakerHeard,
      )
    : undefined;
  const overall = results
    ? overallVerdict([
        ...results,
        ...(speakerHeard === false
          ? [
              {
                id: 'speaker' as const,
                label: 'Speaker',
                verdict: 'fail' as const,
                summary: 'The test sound was not heard',
                figure: 'not heard',
              },
            ]
          : []),
      ])
    : undefined;
  const download = (name: string, type: string, content: string) => {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const meterPercent = Number.isFinite(level) ? Math.max(0, Math.min(100, ((level + 60) / 60) * 100)) : 0;

  return (
    <section className="device-check" aria-labelledby="dc-title">
      <div className="screen-header">
        <h1 id="dc-title">Device check</h1>
        {/* Not `disabled` while running: a disabled button drops keyboard focus to <body>. */}
        <button type="button" className="primary" onClick={() => void (!progress && run())} aria-disabled={!!progress}>
          {results ? 'Run the check again' : 'Start device check'}
        </button>
      </div>
      <p className="lead">
        Checks your camera, microphone, speakers and connection in about ten seconds. Nothing is recorded or sent
        anywhere.
      </p>
      {back && (
        <p>
          <a href={back.href}>{back.label}</a>
        </p>
      )}
      {progress && (
        <div className="panel" role="status">
          <p>{progress.step}</p>
          <progress max={100} value={progress.value} aria-label="Device check progress" />
        </div>
      )}
      {overall && (
        <div
          ref={verdictRef}
          tabIndex={-1}
          className={`overall overall-${overall}`}
          role="status"
          data-testid="overall"
        >
          <strong>{verdictWords[overall]}:</strong> {overallWords[overall]}
        </div>
      )}
      {devicesChanged && <p className="warning">Your devices changed. Pick them below and run the check again.</p>}
      <div className="dc-grid">
        <div className="panel">
          <video ref={video} className="preview-video" muted playsInline aria-label="Camera preview" />
          <div className="meter" aria-label="Microphone level">
            <meter min={0} max={100} value={meterPercent} aria-label="Microphone level meter" />
            <span data-testid="level">{levelWords(level)}</span>
          </div>
          {(['camera', 'microphone', 'speaker'] as const).map((kind) => {
            const list = devices.filter((d) => kindOf[d.kind] === kind);
            return (
              <div key={kind} className="device-picker">
                <label htmlFor={ids[kind]}>
                  {kind === 'camera' ? 'Camera' : kind === 'microphone' ? 'Microphone' : 'Speakers'}
                </label>
                <select id={ids[kind]} value={choices[kind]?.id ?? ''} onChange={(e) => choose(kind, e.target.value)}>
                  <option value="">System default</option>
                  {list.map((d, i) => (
                    <option key={d.deviceId || i} value={d.deviceId}>
                      {d.label || `${kind} ${i + 1} (allow access to see its name)`}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </div>
        <div className="panel">
          <h2>Results</h2>
          {!results && <p className="muted">Start the check to see results here.</p>}
          <ul className="checks">
            {results?.map((r) => (
              <li key={r.id} className={`check check-${r.verdict}`} data-testid={`check-${r.id}`}>
                <span className={`verdict verdict-${r.verdict}`}>{verdictWords[r.verdict]}</span>{' '}
                <strong>{r.label}</strong>: {r.summary}
                {r.fix && <p className="fix">{r.fix}</p>}
                {/* The numbers behind the verdict, for whoever helps: in the report too. */}
                <details className="figures">
                  <summary>Measurements</summary>
                  <span data-testid={`figure-${r.id}`}>{r.figure}</span>
                </details>
              </li>
            ))}
          </ul>
          <h2>Speakers</h2>
          <div className="actions">
            <button type="button" onClick={() => void playTone()}>
              Play test sound
            </button>
            {tonePlayed && (
              <>
                <span>Did you hear it?</span>
                <button type="button" onClick={() => setSpeakerHeard(true)} aria-pressed={speakerHeard === true}>
                  Yes
                </button>
                <button type="button" onClick={() => setSpeakerHeard(false)} aria-pressed={speakerHeard === false}>
                  No
                </button>
              </>
            )}
          </div>
          {speakerHeard === false && (
            <p className="fix">
              Check the volume and that the right speakers are chosen above (headphones plugged in?), then play the
              sound again.
            </p>
          )}
          <h2>Hear yourself</h2>
          <div className="actions">
            <button type="button" onClick={() => void record()} disabled={!results}>
              Record 3 seconds and play back
            </button>
            {clipUrl && <audio src={clipUrl} controls aria-label="Your recording" />}
          </div>
          {report && (
            <>
              <h2>Share the report</h2>
              <div className="actions">
                <button
                  type="button"
                  onClick={() => {
                    void navigator.clipboard?.writeText(reportText(report)).then(() => setCopied(true));
                  }}
                >
                  Copy report
                </button>
                <button
                  type="button"
                  onClick={() => download('device-check.json', 'application/json', JSON.stringify(report, null, 2))}
                >
                  Save report (JSON)
                </button>
                <button type="button" onClick={() => download('device-check.txt', 'text/plain', reportText(report))}>
                  Save report (text)
                </button>
                {copied && <span role="status">Copied.</span>}
              </div>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
