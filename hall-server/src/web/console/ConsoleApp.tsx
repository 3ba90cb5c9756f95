import { HallConnection } from '@yimen/shell/browser/hall-connection';
import { useEffect, useMemo, useReducer } from 'react';
import { ConsoleController } from './flow/console-controller';
import { isShortcut } from './flow/console-flow';
import { DeskScreen } from './screens/DeskScreen';
import { SignInScreen } from './screens/SignInScreen';

/** The clerk console: the sign-in form, or the desk of the window signed in to. */
export function ConsoleApp() {
  const controller = useMemo(
    () =>
      new ConsoleController({
        hallUrl: window.location.origin,
        storage: window.localStorage,
        connect: (session) => new HallConnection({ url: window.location.origin, auth: { session } }),
        now: Date.now,
      }),
    [],
  );
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const off = controller.subscribe(rerender);
    return () => {
      off();
      controller.dispose();
    };
  }, [controller]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(event.key) || event.repeat) return;
      // F1 would open the browser's help, F3 its search …: the console's keys are the console's.
      event.preventDefault();
      controller.dispatch({ type: 'key', key: event.key });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller]);

  const { state } = controller;
  if (state.screen.name === 'signIn') {
    return (
      <SignInScreen
        hallUrl={window.location.origin}
        busy={state.screen.busy}
        message={state.screen.message}
        fingerprint={state.screen.fingerprint}
        onSignIn={(staffNo, password, windowId) => controller.dispatch({ type: 'signIn', staffNo, password, windowId })}
        onFingerprint={(windowId) => controller.dispatch({ type: 'fingerprint', windowId, now: Date.now() })}
        onCancelFingerprint={() => controller.dispatch({ type: 'fingerprintCancel' })}
      />
    );
  }
  return <DeskScreen controller={controller} session={state.screen.session} />;
}
