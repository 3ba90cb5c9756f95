import type {
  AppointmentView,
  CaseProgress,
  CheckInState,
  ErrorBody,
  IdCardInput,
  IssuedTicket,
  KioskLookup,
} from '@yimen/protocol';
import { zhCN } from '@yimen/protocol';
import { prompts, type Utterance } from '@yimen/shell/common/voice';

/**
 * The kiosk's flow as a small explicit state machine: home → card (choose) → issuing →
 * printing → done | failed, plus the guide and search screens. Pure: `transition` returns
 * the next state and the effects to perform; the controller performs them and feeds their
 * outcomes back as events. Personal data lives only in the card screen and the requests it
 * makes, and leaves the state on every way back home.
 */

/** A card as the kiosk holds it while its holder is at the screen. */
export interface HeldCard {
  readonly input: IdCardInput;
  readonly masked: { readonly name: string; readonly idNumber: string };
}

export type IssueRequest =
  | {
      readonly kind: 'issue';
      readonly categoryId: string;
      readonly idempotencyKey: string;
      readonly idCard: IdCardInput | null;
      readonly agent: boolean;
    }
  | { readonly kind: 'reprint'; readonly ticketId: string; readonly idCard: IdCardInput }
  | { readonly kind: 'checkIn'; readonly idempotencyKey: string; readonly idCard: IdCardInput };

export type Screen =
  | { readonly name: 'home' }
  | {
      readonly name: 'card';
      readonly card: HeldCard;
      readonly lookup: KioskLookup | null;
      /** A refusal to show above the choices (lookup failed, check-in too early …). */
      readonly notice: string | null;
    }
  | {
      readonly name: 'issuing';
      readonly request: IssueRequest;
      /** The hall did not answer: the same request goes again, same key, once it is back. */
      readonly waitingForHall: boolean;
      readonly card: HeldCard | null;
    }
  | { readonly name: 'printing'; readonly ticket: IssuedTicket; readonly kind: IssueRequest['kind'] }
  | { readonly name: 'done'; readonly ticket: IssuedTicket; readonly kind: IssueRequest['kind'] }
  | { readonly name: 'failed'; readonly message: string; readonly deskAdvice: boolean }
  | { readonly name: 'search'; readonly query: string }
  | {
      /** 办件查询: by the case number typed on the keypad, or by the card on the reader. */
      readonly name: 'cases';
      readonly number: string;
      readonly card: HeldCard | null;
      /** null until a lookup answered. */
      readonly results: readonly CaseProgress[] | null;
      readonly searching: boolean;
      readonly notice: string | null;
    }
  | { readonly name: 'guide'; readonly departmentId: string | null; readonly itemId: string | null };

export interface KioskState {
  readonly screen: Screen;
  readonly elder: boolean;
  /**
   * Elder mode came on by itself, from a card's age: it belongs to that citizen and ends
   * with their visit. One chosen on the button stays until it is switched off or the kiosk idles.
   */
  readonly elderAuto: boolean;
  /** In elder mode, every queue is shown instead of the few most used ones (更多业务). */
  readonly allCategories: boolean;
  /** A passing message on the home screen (a card that could not be read, a guide printed). */
  readonly notice: string | null;
}

export type KioskEvent =
  | { readonly type: 'cardRead'; readonly card: HeldCard }
  | { readonly type: 'cardRejected'; readonly message: string }
  /** `canIssue` false: no ticket can be printed here now (printer or hall down), so none is offered aloud. */
  | { readonly type: 'lookupDone'; readonly lookup: KioskLookup; readonly canIssue?: boolean }
  | { readonly type: 'lookupFailed'; readonly error: ErrorBody }
  | { readonly type: 'choose'; readonly categoryId: string; readonly idempotencyKey: string }
  | { readonly type: 'reprint'; readonly ticketId: string }
  | { readonly type: 'checkIn'; readonly idempotencyKey: string }
  | { readonly type: 'issued'; readonly ticket: IssuedTicket }
  | { readonly type: 'issueFailed'; readonly error: ErrorBody }
  | { readonly type: 'hallOnline' }
  | { readonly type: 'printed' }
  | { readonly type: 'printFailed'; readonly message: string }
  | { readonly type: 'home' }
  | { readonly type: 'back' }
  | { readonly type: 'idle' }
  | { readonly type: 'toggleElder' }
  | { readonly type: 'moreCategories' }
  | { readonly type: 'openSearch' }
  | { readonly type: 'search'; readonly query: string }
  | { readonly type: 'openGuide'; readonly departmentId: string | null; readonly itemId: string | null }
  | { readonly type: 'printGuide'; readonly itemId: string }
  | { readonly type: 'notice'; readonly message: string | null }
  | { readonly type: 'openCases' }
  | { readonly type: 'caseNumber'; readonly number: string }
  | { readonly type: 'findCase' }
  | { readonly type: 'casesFound'; readonly cases: readonly CaseProgress[] }
  | { readonly type: 'casesFailed'; readonly error: ErrorBody };

/** What the kiosk asks the hall for a citizen's cases. */
export type CaseQuery = { readonly number: string } | { readonly idCard: IdCardInput };

export type Effect =
  | { readonly type: 'lookup'; readonly card: IdCardInput }
  | { readonly type: 'send'; readonly request: IssueRequest }
  | { readonly type: 'print'; readonly ticket: IssuedTicket; readonly kind: IssueRequest['kind'] }
  /** The slip did not come out: the number must not stay in the queue. */
  | { readonly type: 'void'; readonly ticketId: string; readonly reason: string }
  /** The citizen left while the hall was unreachable: settle the request in the background. */
  | { readonly type: 'abandon'; readonly request: IssueRequest }
  | { readonly type: 'printGuide'; readonly itemId: string }
  | { readonly type: 'findCases'; readonly query: CaseQuery }
  | { readonly type: 'speak'; readonly utterance: Utterance }
  | { readonly type: 'silence' };

export interface Step {
  readonly state: KioskState;
  readonly effects: readonly Effect[];
}

export const INITIAL: KioskState = {
  screen: { name: 'home' },
  elder: false,
  elderAuto: false,
  allCategories: false,
  notice: null,
};

/** Refusals the citizen is told about on the card screen, where the other choices still stand. */
const CHECK_IN_REFUSALS = new Set(['CHECK_IN_TOO_EARLY', 'CHECK_IN_TOO_LATE', 'NOT_FOUND']);

const at = (state: KioskState, screen: Screen, ...effects: Effect[]): Step => ({
  state: { ...state, screen },
  effects,
});

const stay = (state: KioskState): Step => ({ state, effects: [] });

function goHome(state: KioskState, keepElder: boolean): Step {
  const effects: Effect[] = [{ type: 'silence' }];
  if (state.screen.name === 'issuing' && state.screen.waitingForHall) {
    effects.push({ type: 'abandon', request: state.screen.request });
  }
  // Mid-issue or mid-print the work is not the citizen's to abandon: the controller finishes it.
  if (state.screen.name === 'issuing' && !state.screen.waitingForHall) return stay(state);
  if (state.screen.name === 'printing') return stay(state);
  const elder = keepElder && state.elder && !state.elderAuto;
  return { state: { ...INITIAL, elder }, effects };
}

function issueRequest(screen: Screen, event: KioskEvent & { type: 'choose' }): IssueRequest | null {
  if (screen.name === 'home' || screen.name === 'search' || screen.name === 'guide') {
    return {
      kind: 'issue',
      categoryId: event.categoryId,
      idempotencyKey: event.idempotencyKey,
      idCard: null,
      agent: false,
    };
  }
  if (screen.name === 'card' && screen.lookup) {
    const availability = screen.lookup.categories[event.categoryId];
    if (availability?.state !== 'open') return null;
    return {
      kind: 'issue',
      categoryId: event.categoryId,
      idempotencyKey: event.idempotencyKey,
      idCard: screen.card.input,
      agent: screen.lookup.agent,
    };
  }
  return null;
}

const CASE_NUMBER = /^\d{12}$/;

function casesScreen(card: HeldCard | null, searching: boolean): Screen {
  return { name: 'cases', number: '', card, results: null, searching, notice: null };
}

/**
 * What the card screen offers for today's booking: check in now, or, too early or too late
 * by the hall's clock, why not (the ordinary tickets below stay on offer). Null without one.
 */
export function checkInOffer(screen: Screen): { appointment: AppointmentView; state: CheckInState } | null {
  if (screen.name !== 'card' || !screen.lookup?.appointment || !screen.lookup.checkIn) return null;
  return { appointment: screen.lookup.appointment, state: screen.lookup.checkIn };
}

export function transition(state: KioskState, event: KioskEvent): Step {
  const { screen } = state;
  switch (event.type) {
    case 'cardRead': {
      if (screen.name === 'issuing' || screen.name === 'printing') return stay(state);
      // A new card is a new citizen: an elder mode the last card switched on was theirs.
      const next = state.elderAuto ? { ...state, elder: false, elderAuto: false } : state;
      if (screen.name === 'cases') {
        return at(next, casesScreen(event.card, true), { type: 'findCases', query: { idCard: event.card.input } });
      }
      return at(
        next,
        { name: 'card', card: event.card, lookup: null, notice: null },
        { type: 'lookup', card: event.card.input },
      );
    }
    case 'cardRejected':
      if (screen.name !== 'home') return stay(state);
      return { state: { ...state, notice: event.message }, effects: [] };
    case 'lookupDone': {
      if (screen.name !== 'card') return stay(state);
      const auto = !state.elder && event.lookup.elderly;
      const prompt = event.canIssue === false ? prompts.noTicketsHere() : prompts.chooseCategory();
      const effects: Effect[] = [{ type: 'speak', utterance: prompt }];
      const screenNow = { ...screen, lookup: event.lookup };
      if (!auto) return { state: { ...state, screen: screenNow }, effects };
      return { state: { ...state, elder: true, elderAuto: true, screen: screenNow }, effects };
    }
    case 'lookupFailed':
      if (screen.name !== 'card') return stay(state);
      return at(state, { ...screen, notice: event.error.message });
    case 'choose': {
      const request = issueRequest(screen, event);
      if (!request) return stay(state);
      const card = screen.name === 'card' ? screen.card : null;
      return at(state, { name: 'issuing', request, waitingForHall: false, card }, { type: 'send', request });
    }
    case 'reprint': {
      if (screen.name !== 'card' || !screen.lookup) return stay(state);
      const held = Object.values(screen.lookup.categories).find(
        (a) => a.state === 'holding' && a.ticketId === event.ticketId && a.reprintsLeft > 0,
      );
      if (!held) return stay(state);
      const request: IssueRequest = { kind: 'reprint', ticketId: event.ticketId, idCard: screen.card.input };
      return at(
        state,
        { name: 'issuing', request, waitingForHall: false, card: screen.card },
        { type: 'send', request },
      );
    }
    case 'checkIn': {
      if (screen.name !== 'card' || checkInOffer(screen)?.state !== 'open') return stay(state);
      const request: IssueRequest = {
        kind: 'checkIn',
        idempotencyKey: event.idempotencyKey,
        idCard: screen.card.input,
      };
      return at(
        state,
        { name: 'issuing', request, waitingForHall: false, card: screen.card },
        { type: 'send', request },
      );
    }
    case 'issued':
      if (screen.name !== 'issuing') return stay(state);
      return at(
        state,
        { name: 'printing', ticket: event.ticket, kind: screen.request.kind },
        {
          type: 'print',
          ticket: event.ticket,
          kind: screen.request.kind,
        },
      );
    case 'issueFailed': {
      if (screen.name !== 'issuing') return stay(state);
      if (event.error.code === 'UNREACHABLE') return at(state, { ...screen, waitingForHall: true });
      if (screen.card && screen.request.kind === 'checkIn' && CHECK_IN_REFUSALS.has(event.error.code)) {
        // Too early, too late or no booking: said plainly, with an ordinary ticket still on offer.
        return at(
          state,
          { name: 'card', card: screen.card, lookup: null, notice: event.error.message },
          {
            type: 'lookup',
            card: screen.card.input,
          },
        );
      }
      return at(state, { name: 'failed', message: event.error.message, deskAdvice: false });
    }
    case 'hallOnline':
      if (screen.name !== 'issuing' || !screen.waitingForHall) return stay(state);
      return at(state, { ...screen, waitingForHall: false }, { type: 'send', request: screen.request });
    case 'printed': {
      if (screen.name !== 'printing') return stay(state);
      const { number, aheadCount } = screen.ticket;
      const utterance =
        screen.kind === 'checkIn' ? prompts.checkedIn(number, aheadCount) : prompts.issued(number, aheadCount);
      return at(
        state,
        { name: 'done', ticket: screen.ticket, kind: screen.kind },
        { type: 'speak', utterance },
        {
          type: 'speak',
          utterance: prompts.takeTicket(),
        },
      );
    }
    case 'printFailed': {
      if (screen.name !== 'printing') return stay(state);
      const effects: Effect[] = [{ type: 'speak', utterance: prompts.printFailed() }];
      // A reprint's ticket stays: its holder still has a place, only the paper is missing.
      if (screen.kind !== 'reprint')
        effects.unshift({ type: 'void', ticketId: screen.ticket.id, reason: event.message });
      return at(state, { name: 'failed', message: event.message, deskAdvice: true }, ...effects);
    }
    case 'home':
      return goHome(state, true);
    case 'idle':
      return goHome(state, false);
    case 'back':
      if (screen.name === 'guide' && screen.itemId !== null) {
        return at(state, { name: 'guide', departmentId: screen.departmentId, itemId: null });
      }
      if (screen.name === 'guide' && screen.departmentId !== null) {
        return at(state, { name: 'guide', departmentId: null, itemId: null });
      }
      return goHome(state, true);
    case 'toggleElder': {
      const elder = !state.elder;
      return {
        state: { ...state, elder, elderAuto: false },
        effects: elder ? [{ type: 'speak', utterance: prompts.elderWelcome() }] : [{ type: 'silence' }],
      };
    }
    case 'moreCategories':
      return { state: { ...state, allCategories: true }, effects: [] };
    case 'openSearch':
      if (screen.name !== 'home') return stay(state);
      return at(state, { name: 'search', query: '' });
    case 'search':
      if (screen.name !== 'search') return stay(state);
      return at(state, { name: 'search', query: event.query.slice(0, 40) });
    case 'openGuide':
      if (screen.name === 'issuing' || screen.name === 'printing') return stay(state);
      return at(state, { name: 'guide', departmentId: event.departmentId, itemId: event.itemId });
    case 'printGuide':
      if (screen.name !== 'guide' || screen.itemId !== event.itemId) return stay(state);
      return { state, effects: [{ type: 'printGuide', itemId: event.itemId }] };
    case 'notice':
      return { state: { ...state, notice: event.message }, effects: [] };
    case 'openCases':
      // From home by the keypad; from the card screen with the card already read.
      if (screen.name === 'home') return at(state, casesScreen(null, false));
      if (screen.name === 'card') {
        return at(state, casesScreen(screen.card, true), { type: 'findCases', query: { idCard: screen.card.input } });
      }
      return stay(state);
    case 'caseNumber':
      if (screen.name !== 'cases' || screen.searching) return stay(state);
      return at(state, { ...screen, number: event.number.replace(/\D/g, '').slice(0, 12), notice: null });
    case 'findCase':
      if (screen.name !== 'cases' || screen.searching) return stay(state);
      if (!CASE_NUMBER.test(screen.number)) return at(state, { ...screen, notice: zhCN.cases.kioskNotFound });
      return at(
        state,
        { ...screen, card: null, searching: true, results: null, notice: null },
        { type: 'findCases', query: { number: screen.number } },
      );
    case 'casesFound':
      if (screen.name !== 'cases' || !screen.searching) return stay(state);
      return at(state, {
        ...screen,
        searching: false,
        results: event.cases,
        notice: event.cases.length > 0 ? null : screen.card ? zhCN.cases.kioskNone : zhCN.cases.kioskNotFound,
      });
    case 'casesFailed':
      if (screen.name !== 'cases' || !screen.searching) return stay(state);
      return at(state, { ...screen, searching: false, notice: event.error.message });
  }
}

/** Screens that count down to home when nobody touches them. Home itself holds nothing personal. */
export function idles(screen: Screen): boolean {
  return screen.name !== 'home' && screen.name !== 'issuing' && screen.name !== 'printing';
}
