import { zhCN } from '@yimen/protocol';
import { useState } from 'react';

const T = zhCN.terminal;

export interface PinPadProps {
  readonly title?: string;
  readonly message?: string | null;
  readonly disabled?: boolean;
  readonly onSubmit: (pin: string) => void;
  readonly onCancel: () => void;
}

/** Six digits on large keys; the digits are shown as dots only. */
export function PinPad({ title = T.pinTitle, message, disabled, onSubmit, onCancel }: PinPadProps) {
  const [pin, setPin] = useState('');
  const press = (digit: string) => setPin((p) => (p.length < 6 ? p + digit : p));
  const submit = () => {
    if (pin.length !== 6) return;
    onSubmit(pin);
    setPin('');
  };
  return (
    <div className="overlay">
      <div className="dialog" role="dialog" aria-modal="true" aria-label={title}>
        <h2>{title}</h2>
        <div className="pin-dots" role="img" aria-label={`已输入${pin.length}位`}>
          {Array.from({ length: 6 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: six fixed positions.
            <span key={i} className={i < pin.length ? 'filled' : ''} />
          ))}
        </div>
        {message ? (
          <p className="error" role="alert">
            {message}
          </p>
        ) : null}
        <div className="pinpad">
          {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
            <button key={d} type="button" disabled={disabled} onClick={() => press(d)}>
              {d}
            </button>
          ))}
          <button type="button" className="action" onClick={() => setPin((p) => p.slice(0, -1))}>
            {T.delete}
          </button>
          <button type="button" disabled={disabled} onClick={() => press('0')}>
            0
          </button>
          <button type="button" className="action" disabled={disabled || pin.length !== 6} onClick={submit}>
            {T.confirm}
          </button>
        </div>
        <div className="row" style={{ justifyContent: 'center', marginTop: 24 }}>
          <button type="button" className="button secondary" onClick={onCancel}>
            {T.cancel}
          </button>
        </div>
      </div>
    </div>
  );
}
