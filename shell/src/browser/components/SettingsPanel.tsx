import { type DeviceKind, zhCN } from '@yimen/protocol';
import { useState } from 'react';
import { IDLE_SETTING, stepIdleSeconds, type TerminalRecord } from '../../common/terminal-record';
import type { DevicesView } from '../use-devices';

const T = zhCN.terminal;

export interface SettingsPanelProps {
  readonly record: TerminalRecord;
  /** Absent on a terminal without devices (a hall display). */
  readonly devices?: DevicesView;
  readonly onForget: () => void;
  /** Present where the screen goes home by itself: saves a new idle time into the record. */
  readonly onIdleSeconds?: (seconds: number) => Promise<void>;
  /** Present in Electron: leave kiosk mode. */
  readonly onQuit?: () => void;
  readonly onClose: () => void;
}

/** Behind the PIN: which terminal this is, its devices, its idle time, and the ways out. No token is ever shown. */
export function SettingsPanel({ record, devices, onForget, onIdleSeconds, onQuit, onClose }: SettingsPanelProps) {
  const entries = Object.entries(devices?.status.devices ?? {}) as [
    DeviceKind,
    { state: 'ready' | 'absent' | 'fault'; reason?: string },
  ][];
  const [idle, setIdle] = useState(() => stepIdleSeconds(record.idleSeconds, 0));
  const [saved, setSaved] = useState(false);
  // One tap must not wipe the enrolment: forgetting asks once more.
  const [confirmForget, setConfirmForget] = useState(false);
  const step = (steps: number) => {
    setIdle((s) => stepIdleSeconds(s, steps));
    setSaved(false);
  };
  return (
    <div className="overlay">
      <div className="dialog" role="dialog" aria-modal="true" aria-label={T.settingsTitle}>
        <h2>{T.settingsTitle}</h2>
        <p>
          {T.terminalName}：{record.terminal.name}（{record.terminal.id}）
        </p>
        <p>
          {T.hallUrl}：{record.hallUrl}
        </p>
        <p>
          {T.agentUrl}：{record.agent?.url ?? T.noAgent}
        </p>
        {devices ? <h3>{T.devices}</h3> : null}
        {devices && !devices.connected ? <p className="error">{T.devicesOffline}</p> : null}
        <ul className="device-list">
          {entries.map(([kind, status]) => (
            <li key={kind}>
              <span>{T.deviceLabels[kind]}</span>
              <span className={status.state}>
                {T.deviceStates[status.state]}
                {status.reason ? `（${status.reason}）` : ''}
              </span>
            </li>
          ))}
        </ul>
        {onIdleSeconds ? (
          <section className="idle-setting" aria-label={T.idleSeconds}>
            <h3>{T.idleSeconds}</h3>
            <div className="row">
              <button
                type="button"
                className="button secondary"
                aria-label={T.shorter}
                disabled={idle <= IDLE_SETTING.min}
                onClick={() => step(-1)}
              >
                −
              </button>
              <output className="tabular idle-value" data-testid="idle-value">
                {idle}
              </output>
              <button
                type="button"
                className="button secondary"
                aria-label={T.longer}
                disabled={idle >= IDLE_SETTING.max}
                onClick={() => step(1)}
              >
                +
              </button>
              <button
                type="button"
                className="button"
                disabled={idle === record.idleSeconds}
                onClick={() => void onIdleSeconds(idle).then(() => setSaved(true))}
              >
                {T.save}
              </button>
              {saved ? <span role="status">{T.idleSaved}</span> : null}
            </div>
            <p className="muted">{T.idleRange(IDLE_SETTING.min, IDLE_SETTING.max)}</p>
          </section>
        ) : null}
        {confirmForget ? (
          <div className="confirm" role="alertdialog" aria-label={T.forget}>
            <p className="error">{T.forgetConfirm}</p>
            <div className="row">
              <button type="button" className="button danger" onClick={onForget}>
                {T.forgetYes}
              </button>
              <button type="button" className="button secondary" onClick={() => setConfirmForget(false)}>
                {T.cancel}
              </button>
            </div>
          </div>
        ) : (
          <div className="row" style={{ marginTop: 28 }}>
            <button type="button" className="button" onClick={onClose}>
              {T.close}
            </button>
            <button type="button" className="button danger" onClick={() => setConfirmForget(true)}>
              {T.forget}
            </button>
            {onQuit ? (
              <button type="button" className="button secondary" onClick={onQuit}>
                {T.quit}
              </button>
            ) : null}
          </div>
        )}
      </div>
    </div>
  );
}
