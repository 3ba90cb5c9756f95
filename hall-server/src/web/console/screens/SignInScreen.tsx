import { type PublicConfig, type QueueSnapshot, zhCN } from '@yimen/protocol';
import { useNow } from '@yimen/shell/browser/use-now';
import { type FormEvent, useEffect, useState } from 'react';
import type { FingerprintSignIn } from '../flow/console-flow';

const C = zhCN.clerkConsole;
const F = C.fingerprint;
/** The window PC's window, remembered for the next sign-in: a clerk's PC stays at its window. */
const LAST_WINDOW = 'yimen.clerk.lastWindow';

export interface SignInScreenProps {
  readonly hallUrl: string;
  readonly busy: boolean;
  readonly message: string | null;
  readonly fingerprint: FingerprintSignIn | null;
  readonly onSignIn: (staffNo: string, password: string, windowId: string) => void;
  readonly onFingerprint: (windowId: string) => void;
  readonly onCancelFingerprint: () => void;
}

interface Hall {
  readonly config: PublicConfig;
  /** Who is signed in at each window now. */
  readonly occupied: ReadonlyMap<string, string>;
}

async function loadHall(hallUrl: string): Promise<Hall> {
  const [config, queue] = await Promise.all([
    fetch(`${hallUrl}/api/config`).then((r) => r.json() as Promise<PublicConfig>),
    fetch(`${hallUrl}/api/queue`).then((r) => r.json() as Promise<QueueSnapshot>),
  ]);
  const names = new Map(config.clerks.map((c) => [c.id, c.name]));
  const occupied = new Map(
    queue.windows.flatMap((w) => (w.clerkId ? [[w.id, names.get(w.clerkId) ?? w.clerkId] as const] : [])),
  );
  return { config, occupied };
}

/** The fingerprint way in: the button, then the prompt with its code and time left, until the answer. */
function FingerprintPanel({
  fingerprint,
  windowName,
  disabled,
  onStart,
  onCancel,
}: {
  readonly fingerprint: FingerprintSignIn | null;
  readonly windowName: string;
  readonly disabled: boolean;
  readonly onStart: () => void;
  readonly onCancel: () => void;
}) {
  const now = useNow(1000);
  return (
    <section className="signin-fingerprint" aria-labelledby="fingerprint-title" data-testid="fingerprint-signin">
      <h3 id="fingerprint-title">{F.title}</h3>
      {fingerprint?.phase === 'waiting' ? (
        <div className="fingerprint-waiting">
          <div role="status">
            <p className="press">{F.press(windowName)}</p>
            <p className="code">
              {F.code}{' '}
              <strong className="fingerprint-code tabular" data-testid="fingerprint-code">
                {fingerprint.code}
              </strong>
            </p>
          </div>
          <p className="muted">{F.codeHint}</p>
          <p className="muted tabular">{F.secondsLeft(Math.max(0, Math.ceil((fingerprint.until - now) / 1000)))}</p>
          <button type="button" className="desk-button wide" onClick={onCancel} data-testid="fingerprint-cancel">
            {F.cancel}
          </button>
        </div>
      ) : (
        <>
          <p className="muted">{F.intro}</p>
          <button
            type="button"
            className="desk-button primary wide"
            onClick={onStart}
            disabled={disabled}
            data-testid="fingerprint-start"
          >
            {fingerprint?.phase === 'starting' ? F.starting : F.start}
          </button>
        </>
      )}
    </section>
  );
}

/**
 * Sign-in to one window: by staff number and password, or by the finger on the window's
 * module (the request is this console's; the pad shows the same code).
 */
export function SignInScreen({
  hallUrl,
  busy,
  message,
  fingerprint,
  onSignIn,
  onFingerprint,
  onCancelFingerprint,
}: SignInScreenProps) {
  const [hall, setHall] = useState<Hall | null>(null);
  const [unreachable, setUnreachable] = useState(false);
  const [windowId, setWindowId] = useState(() => localStorage.getItem(LAST_WINDOW) ?? '');
  const [staffNo, setStaffNo] = useState('');
  const [password, setPassword] = useState('');

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      loadHall(hallUrl).then(
        (h) => {
          if (!live) return;
          setHall(h);
          setUnreachable(false);
        },
        () => {
          if (!live) return;
          setUnreachable(true);
          timer = setTimeout(load, 5000);
        },
      );
    void load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [hallUrl]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!windowId || !staffNo.trim() || !password) return;
    localStorage.setItem(LAST_WINDOW, windowId);
    onSignIn(staffNo.trim(), password, windowId);
    setPassword('');
  };
  const byFinger = () => {
    if (windowId) localStorage.setItem(LAST_WINDOW, windowId);
    onFingerprint(windowId);
  };
  const windowName = hall?.config.windows.find((w) => w.id === windowId)?.name ?? '';

  return (
    <main className="signin">
      <div className="signin-card">
        <h1>{hall?.config.hallName ?? C.title}</h1>
        <h2>{C.signInTitle}</h2>
        <p className="muted">{C.signInIntro}</p>
        {unreachable ? (
          <p className="notice error" role="alert">
            {zhCN.errorMessage.UNREACHABLE}
          </p>
        ) : null}
        {message ? (
          <p className="notice" role="status" data-testid="signin-message">
            {message}
          </p>
        ) : null}
        <label htmlFor="signin-window" className="signin-window-label">
          {C.window}
        </label>
        <select
          id="signin-window"
          form="signin-form"
          value={windowId}
          onChange={(e) => setWindowId(e.target.value)}
          required
          disabled={!hall || fingerprint !== null}
        >
          <option value="">{C.chooseWindow}</option>
          {hall?.config.windows.map((w) => {
            const who = hall.occupied.get(w.id);
            return (
              <option key={w.id} value={w.id}>
                {w.name}
                {who ? C.windowTaken(who) : ''}
              </option>
            );
          })}
        </select>
        <div className="signin-methods">
          <form id="signin-form" className="signin-form" onSubmit={submit} aria-label={C.signInMethod}>
            <h3>{C.signInMethod}</h3>
            <label htmlFor="signin-staff">{C.staffNo}</label>
            <input
              id="signin-staff"
              autoComplete="username"
              value={staffNo}
              onChange={(e) => setStaffNo(e.target.value)}
              maxLength={32}
              required
            />
            <label htmlFor="signin-password">{C.password}</label>
            <input
              id="signin-password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              maxLength={200}
              required
            />
            <button type="submit" className="desk-button primary wide" disabled={busy || !hall}>
              {busy && !fingerprint ? C.signingIn : C.signIn}
            </button>
          </form>
          <FingerprintPanel
            fingerprint={fingerprint}
            windowName={windowName}
            disabled={busy || !hall}
            onStart={byFinger}
            onCancel={onCancelFingerprint}
          />
        </div>
      </div>
    </main>
  );
}
