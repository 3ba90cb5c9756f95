import { type PublicConfig, type QueueSnapshot, zhCN } from '@yimen/protocol';
import { type FormEvent, useEffect, useState } from 'react';

const C = zhCN.clerkConsole;
/** The window PC's window, remembered for the next sign-in: a clerk's PC stays at its window. */
const LAST_WINDOW = 'yimen.clerk.lastWindow';

export interface SignInScreenProps {
  readonly hallUrl: string;
  readonly busy: boolean;
  readonly message: string | null;
  readonly onSignIn: (staffNo: string, password: string, windowId: string) => void;
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

/**
 * Sign-in to one window. The staff number and password are one way in; the fingerprint
 * on the window's module will sit beside them as another (`signin-methods`).
 */
export function SignInScreen({ hallUrl, busy, message, onSignIn }: SignInScreenProps) {
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
        <div className="signin-methods">
          <form className="signin-form" onSubmit={submit} aria-label={C.signInMethod}>
            <label htmlFor="signin-window">{C.window}</label>
            <select
              id="signin-window"
              value={windowId}
              onChange={(e) => setWindowId(e.target.value)}
              required
              disabled={!hall}
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
              {busy ? C.signingIn : C.signIn}
            </button>
          </form>
        </div>
      </div>
    </main>
  );
}
