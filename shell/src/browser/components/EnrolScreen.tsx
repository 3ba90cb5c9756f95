import { EnrolResponse, type Role, zhCN } from '@yimen/protocol';
import { type FormEvent, useState } from 'react';
import { hashPin, PIN_PATTERN } from '../../common/pin';
import type { TerminalRecord, TerminalStore } from '../../common/terminal-record';
import type { EnrolFragment } from '../fragment';

const T = zhCN.terminal;

export interface EnrolScreenProps {
  readonly terminalRole: Exclude<Role, 'clerk'>;
  readonly store: TerminalStore;
  /** The hall-server's origin; editable where the page is not served by it (Electron). */
  readonly hallUrl: string;
  readonly hallUrlEditable: boolean;
  /** Whether the terminal talks to a device agent (browser mode) and so needs its address. */
  readonly needsAgent: boolean;
  readonly fragment: EnrolFragment;
  readonly onEnrolled: (record: TerminalRecord) => void;
}

/**
 * First start of a terminal: a one-time code from the admin is traded for the terminal's
 * long-lived token, which is kept locally and never shown; a PIN is set for the settings.
 */
export function EnrolScreen(props: EnrolScreenProps) {
  const [code, setCode] = useState(props.fragment.code ?? '');
  const [hallUrl, setHallUrl] = useState(props.hallUrl);
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [agentUrl, setAgentUrl] = useState(props.fragment.agentUrl ?? 'ws://127.0.0.1:17321/bridge');
  const [agentToken, setAgentToken] = useState(props.fragment.agentToken ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!PIN_PATTERN.test(pin)) return setError(T.pinFormat);
    if (pin !== pinAgain) return setError(T.pinMismatch);
    setBusy(true);
    setError(null);
    try {
      const base = new URL(hallUrl).origin;
      const response = await fetch(`${base}/api/terminals/enrol`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: code.trim() }),
      });
      const body = (await response.json()) as { ok: boolean; error?: { message: string } };
      if (!body.ok) return setError(body.error?.message ?? T.enrolFailed);
      const enrolled = EnrolResponse.parse(body);
      if (enrolled.terminal.role !== props.terminalRole) return setError(T.wrongRole(T.roles[enrolled.terminal.role]));
      const record: TerminalRecord = {
        terminal: enrolled.terminal,
        token: enrolled.token,
        hallUrl: base,
        agent: props.needsAgent && agentToken ? { url: agentUrl, token: agentToken } : null,
        pin: await hashPin(pin),
        pinFailures: 0,
        pinLockedUntil: null,
        idleSeconds: 60,
      };
      await props.store.save(record);
      props.onEnrolled(record);
    } catch (e) {
      setError(`${T.enrolFailed}：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="overlay" style={{ position: 'static', minHeight: '100%' }}>
      <form className="dialog form" onSubmit={submit} aria-label={T.enrolTitle}>
        <h2>{T.enrolTitle}</h2>
        <p>{T.enrolIntro}</p>
        <label htmlFor="enrol-code">{T.enrolCode}</label>
        <input
          id="enrol-code"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          required
        />
        {props.hallUrlEditable ? (
          <>
            <label htmlFor="enrol-hall">{T.hallUrl}</label>
            <input id="enrol-hall" value={hallUrl} onChange={(e) => setHallUrl(e.target.value)} required />
          </>
        ) : null}
        <label htmlFor="enrol-pin">{T.pin}</label>
        <input
          id="enrol-pin"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          maxLength={6}
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          required
        />
        <label htmlFor="enrol-pin-again">{T.pinAgain}</label>
        <input
          id="enrol-pin-again"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          maxLength={6}
          value={pinAgain}
          onChange={(e) => setPinAgain(e.target.value)}
          required
        />
        {props.needsAgent ? (
          <>
            <label htmlFor="enrol-agent">{T.agentUrl}</label>
            <input id="enrol-agent" value={agentUrl} onChange={(e) => setAgentUrl(e.target.value)} />
            <label htmlFor="enrol-agent-token">{T.agentToken}</label>
            <input
              id="enrol-agent-token"
              type="password"
              autoComplete="off"
              value={agentToken}
              onChange={(e) => setAgentToken(e.target.value)}
            />
          </>
        ) : null}
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="row" style={{ marginTop: 24 }}>
          <button className="button" type="submit" disabled={busy}>
            {busy ? T.enrolling : T.enrol}
          </button>
        </div>
      </form>
    </main>
  );
}
