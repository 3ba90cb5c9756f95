/**
 * One WebSocket message in, one reply out: parse, validate the envelope and the params with the
 * protocol's zod schemas, call the bridge. Whatever arrives, the answer is a reply, never a throw.
 */
import {
  BRIDGE_PARAMS,
  type BridgeMethod,
  type BridgeParams,
  type BridgeReply,
  type BridgeReplyMessage,
  BridgeRequest,
  type BridgeRequestId,
  type BridgeResults,
  BridgeRequestId as RequestIdSchema,
  type TerminalBridge,
} from '@yimen/protocol';
import { z } from 'zod';
import { bridgeError } from './errors';

type Calls = {
  [M in BridgeMethod]: (bridge: TerminalBridge, params: BridgeParams[M]) => Promise<BridgeReply<BridgeResults[M]>>;
};

const CALLS: Calls = {
  status: (bridge) => bridge.status(),
  print: (bridge, job) => bridge.print(job),
  led: (bridge, request) => bridge.led(request),
  'fingerprint.identify': (bridge, options) => bridge.fingerprint.identify(options),
  'fingerprint.enroll': (bridge, params) => bridge.fingerprint.enroll(params),
  'fingerprint.cancel': (bridge) => bridge.fingerprint.cancel(),
  'fingerprint.readTemplate': (bridge, params) => bridge.fingerprint.readTemplate(params),
  'fingerprint.writeTemplate': (bridge, params) => bridge.fingerprint.writeTemplate(params),
  'fingerprint.clear': (bridge) => bridge.fingerprint.clear(),
  'fingerprint.delete': (bridge, params) => bridge.fingerprint.delete(params),
  'caller.show': (bridge, request) => bridge.caller.show(request),
  'idcard.start': (bridge) => bridge.idcard.start(),
  'idcard.stop': (bridge) => bridge.idcard.stop(),
};

function isMethod(method: string): method is BridgeMethod {
  return Object.hasOwn(BRIDGE_PARAMS, method);
}

function failure(id: BridgeRequestId | null, error: ReturnType<typeof bridgeError>): BridgeReplyMessage {
  return { id, ok: false, error };
}

/** The request id, when a message that failed validation still carries a usable one. */
function salvageId(value: unknown): BridgeRequestId | null {
  const id = (value as { id?: unknown } | null)?.id;
  const parsed = RequestIdSchema.safeParse(id);
  return parsed.success ? parsed.data : null;
}

async function call<M extends BridgeMethod>(bridge: TerminalBridge, method: M, params: unknown) {
  const parsed = BRIDGE_PARAMS[method].safeParse(params);
  if (!parsed.success) return { parsed };
  return { reply: await CALLS[method](bridge, parsed.data as BridgeParams[M]) };
}

export async function handleMessage(bridge: TerminalBridge, text: string): Promise<BridgeReplyMessage> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return failure(null, bridgeError('badRequest', '请求格式错误', `not JSON: ${(error as Error).message}`));
  }
  const request = BridgeRequest.safeParse(value);
  if (!request.success) {
    return failure(
      salvageId(value),
      bridgeError('badRequest', '请求格式错误', `expected {id, method, params}: ${z.prettifyError(request.error)}`),
    );
  }
  const { id, method, params } = request.data;
  if (!isMethod(method))
    return failure(id, bridgeError('unknownMethod', '不支持的设备指令', `unknown method ${method}`));
  try {
    const outcome = await call(bridge, method, params);
    if (outcome.parsed) {
      return failure(id, bridgeError('badRequest', '指令参数有误', z.prettifyError(outcome.parsed.error)));
    }
    const reply = outcome.reply;
    return reply.ok ? { id, ok: true, result: reply.result } : { id, ok: false, error: reply.error };
  } catch (error) {
    return failure(
      id,
      bridgeError('internal', '设备服务内部错误', error instanceof Error ? error.message : String(error)),
    );
  }
}
