import { type DeviceKind, zhCN } from '@yimen/protocol';
import type { TerminalRecord } from '../../common/terminal-record';
import type { DevicesView } from '../use-devices';

const T = zhCN.terminal;

export interface SettingsPanelProps {
  readonly record: TerminalRecord;
  /** Absent on a terminal without devices (a hall display). */
  readonly devices?: DevicesView;
  readonly onForget: () => void;
  /** Present in Electron: leave kiosk mode. */
  readonly onQuit?: () => void;
  readonly onClose: () => void;
}

/** Behind the PIN: which terminal this is, its devices, and the ways out. No token is ever shown. */
export function SettingsPanel({ record, devices, onForget, onQuit, onClose }: SettingsPanelProps) {
  const entries = Object.entries(devices?.status.devices ?? {}) as [
    DeviceKind,
    { state: 'ready' | 'absent' | 'fault'; reason?: string },
  ][];
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
        <div className="row" style={{ marginTop: 28 }}>
          <button type="button" className="button" onClick={onClose}>
            {T.close}
          </button>
          <button type="button" className="button danger" onClick={onForget}>
            {T.forget}
          </button>
          {onQuit ? (
            <button type="button" className="button secondary" onClick={onQuit}>
              {T.quit}
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
