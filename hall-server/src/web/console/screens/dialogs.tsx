import { type PublicConfig, type WindowView, zhCN } from '@yimen/protocol';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import type { Action } from '../flow/console-flow';

const C = zhCN.clerkConsole;

interface DialogProps {
  readonly title: string;
  readonly onSubmit: () => void;
  readonly onClose: () => void;
  readonly children: ReactNode;
}

/** A modal form: Enter confirms, Esc (the console's key) or 取消 closes. */
function Dialog({ title, onSubmit, onClose, children }: DialogProps) {
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <div className="overlay">
      <form className="desk-dialog" role="dialog" aria-modal="true" aria-labelledby={id} onSubmit={submit}>
        <h2 id={id}>{title}</h2>
        {children}
        <div className="dialog-buttons">
          <button type="submit" className="desk-button primary">
            {C.confirm}
          </button>
          <button type="button" className="desk-button" onClick={onClose}>
            {C.cancel}
          </button>
        </div>
      </form>
    </div>
  );
}

export function CallSpecificDialog({ onCall, onClose }: { onCall: (number: string) => void; onClose: () => void }) {
  const [number, setNumber] = useState('');
  return (
    <Dialog title={C.specialTitle} onSubmit={() => number.trim() && onCall(number)} onClose={onClose}>
      <label htmlFor="special-number">{C.specialNumber}</label>
      <input
        id="special-number"
        className="big-input tabular"
        value={number}
        onChange={(e) => setNumber(e.target.value)}
        maxLength={5}
        autoComplete="off"
        autoFocus
        required
      />
      <p className="muted small">{C.specialHint}</p>
    </Dialog>
  );
}

export interface TransferDialogProps {
  readonly config: PublicConfig;
  /** The windows' live state: a closed one cannot take a transfer. */
  readonly windows: readonly WindowView[];
  readonly ownWindowId: string;
  readonly onTransfer: (action: Action & { kind: 'transfer' }) => void;
  readonly onClose: () => void;
}

export function TransferDialog({ config, windows, ownWindowId, onTransfer, onClose }: TransferDialogProps) {
  const [to, setTo] = useState<'queue' | 'window'>('queue');
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const status = new Map(windows.map((w) => [w.id, w.status]));
  const submit = () => {
    if (!target) return;
    if (to === 'queue') {
      const name = config.categories.find((c) => c.id === target)?.name ?? target;
      onTransfer({ kind: 'transfer', target: { toCategoryId: target }, targetName: name, note });
    } else {
      const name = config.windows.find((w) => w.id === target)?.name ?? target;
      onTransfer({ kind: 'transfer', target: { toWindowId: target }, targetName: name, note });
    }
  };
  return (
    <Dialog title={C.transferTitle} onSubmit={submit} onClose={onClose}>
      <fieldset className="choice">
        <legend>{C.target}</legend>
        <label>
          <input
            type="radio"
            name="transfer-to"
            checked={to === 'queue'}
            onChange={() => {
              setTo('queue');
              setTarget('');
            }}
          />
          {C.toQueue}
        </label>
        <label>
          <input
            type="radio"
            name="transfer-to"
            checked={to === 'window'}
            onChange={() => {
              setTo('window');
              setTarget('');
            }}
          />
          {C.toWindow}
        </label>
      </fieldset>
      <label htmlFor="transfer-target">{to === 'queue' ? C.toQueue : C.toWindow}</label>
      <select
        id="transfer-target"
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        required
        // biome-ignore lint/a11y/noAutofocus: opened by F9 from the keyboard; the choice is the first thing to make.
        autoFocus
      >
        <option value="">{C.chooseTarget}</option>
        {to === 'queue'
          ? config.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.prefix} {c.name}
              </option>
            ))
          : config.windows
              .filter((w) => w.id !== ownWindowId)
              .map((w) => (
                <option key={w.id} value={w.id} disabled={status.get(w.id) === 'closed'}>
                  {w.name}
                  {status.get(w.id) === 'closed' ? C.windowClosedTag : ''}
                </option>
              ))}
      </select>
      <label htmlFor="transfer-note">{C.note}</label>
      <textarea id="transfer-note" rows={3} maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />
    </Dialog>
  );
}

export function PauseDialog({ onPause, onClose }: { onPause: (reason: string) => void; onClose: () => void }) {
  const [choice, setChoice] = useState<string>(C.pauseReasons[0]);
  const [other, setOther] = useState('');
  const OTHER = 'other';
  const reason = choice === OTHER ? other.trim() : choice;
  return (
    <Dialog title={C.pauseTitle} onSubmit={() => reason && onPause(reason.slice(0, 100))} onClose={onClose}>
      <fieldset className="choice">
        <legend>{C.pauseReason}</legend>
        {[...C.pauseReasons, OTHER].map((r) => (
          <label key={r}>
            <input
              type="radio"
              name="pause-reason"
              checked={choice === r}
              onChange={() => setChoice(r)}
              autoFocus={choice === r}
            />
            {r === OTHER ? C.otherReason : r}
          </label>
        ))}
      </fieldset>
      {choice === OTHER ? (
        <>
          <label htmlFor="pause-other">{C.otherReasonText}</label>
          <input
            id="pause-other"
            value={other}
            onChange={(e) => setOther(e.target.value)}
            maxLength={100}
            autoFocus
            required
          />
        </>
      ) : null}
    </Dialog>
  );
}
