import { zhCN } from '@yimen/protocol';
import { useState } from 'react';
import { checkPin } from '../../common/pin';
import { reopening } from '../../common/time-format';
import type { DevicesView } from '../use-devices';
import { PinPad } from './PinPad';
import { SettingsPanel } from './SettingsPanel';
import type { EnrolledTerminal } from './TerminalApp';

const T = zhCN.terminal;

export interface SettingsGateProps {
  readonly terminal: EnrolledTerminal;
  /** The staff gesture was made: ask for the PIN. */
  readonly asking: boolean;
  readonly onClose: () => void;
  readonly timeZone: string;
  /** The terminal's devices; absent on one without any (a hall display). */
  readonly devices?: DevicesView;
  /** The terminal goes back to its home screen when idle, after a time the staff may set here. */
  readonly idleTimeSetting?: boolean;
}

/** The way to a terminal's settings and out of it: the PIN set at enrolment, then the settings panel. */
export function SettingsGate({ terminal, asking, onClose, timeZone, devices, idleTimeSetting }: SettingsGateProps) {
  const { env, record, onRecord, onForget } = terminal;
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const close = () => {
    setOpen(false);
    setMessage(null);
    onClose();
  };
  const submit = async (entered: string) => {
    const result = await checkPin(record, entered, Date.now());
    await env.store.save(result.record);
    onRecord(result.record);
    if (result.ok) {
      setOpen(true);
      setMessage(null);
    } else if (result.lockedUntil) setMessage(T.pinLocked(reopening(result.lockedUntil, Date.now(), timeZone)));
    else setMessage(T.pinWrong(result.triesLeft));
  };
  if (open) {
    return (
      <SettingsPanel
        record={record}
        {...(devices ? { devices } : {})}
        onForget={onForget}
        {...(idleTimeSetting
          ? {
              onIdleSeconds: async (idleSeconds: number) => {
                const next = { ...record, idleSeconds };
                await env.store.save(next);
                onRecord(next);
              },
            }
          : {})}
        {...(env.electron ? { onQuit: () => env.electron?.quit() } : {})}
        onClose={close}
      />
    );
  }
  if (!asking) return null;
  return (
    <PinPad
      message={message}
      disabled={record.pinLockedUntil !== null && record.pinLockedUntil > Date.now()}
      onSubmit={(p) => void submit(p)}
      onCancel={close}
    />
  );
}
