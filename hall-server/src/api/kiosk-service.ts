import {
  type Ack,
  ageOn,
  type ErrorBody,
  type HolderAvailability,
  type IdCardInput,
  type IssuedTicket,
  type KioskLookup,
  type ReprintRequest,
  zhCN,
} from '@yimen/protocol';
import * as domain from '../domain';
import { AuthRepo } from '../store/auth-repo';
import type { Db } from '../store/db';
import type { AppointmentService } from './appointment-service';
import type { HallService } from './hall-service';
import { holderFacts } from './holder';

function failure(code: ErrorBody['code'], message: string = zhCN.errorMessage[code]): { ok: false; error: ErrorBody } {
  return { ok: false, error: { code, message } };
}

/** What a kiosk asks once a card is on the reader, and the reprint of a holder's slip. */
export class KioskService {
  private readonly auth: AuthRepo;

  constructor(
    db: Db,
    private readonly hall: HallService,
    private readonly appointments: AppointmentService,
    private readonly idKey: Buffer,
  ) {
    this.auth = new AuthRepo(db);
  }

  /** Per category, what this holder may take now and why not; elder and agent status; today's booking. */
  lookup(card: IdCardInput): Ack<{ lookup: KioskLookup }> {
    const holder = holderFacts(card, this.idKey);
    if (!holder) return failure('INVALID_ID_CARD');
    const state = this.hall.queueState;
    const summary = this.hall.snapshotSummary();
    const agent = this.auth.isGreenCard(holder.idHash);
    const limit = agent ? state.rules.agentDailyLimit : state.rules.perIdDailyLimit;
    const counts = this.hall.issuedTodayFor(holder.idHash);
    const categories: Record<string, HolderAvailability> = {};
    for (const category of state.categories.values()) {
      const general = summary.availability[category.id] ?? { state: 'open' };
      const held = agent ? null : domain.openTicketOf(state, holder.idHash, category.id);
      if (held) {
        const reprintsLeft = Math.max(0, state.rules.maxReprints - held.reprintCount);
        categories[category.id] = { state: 'holding', ticketId: held.id, number: held.number, reprintsLeft };
      } else if (general.state !== 'open') categories[category.id] = general;
      else if ((counts[category.id] ?? 0) >= limit) categories[category.id] = { state: 'idLimit' };
      else categories[category.id] = { state: 'open' };
    }
    const elderly = holder.birthDate !== null && ageOn(holder.birthDate, state.businessDay) >= state.rules.elderlyAge;
    const booking = this.appointments.todayFor(holder.idHash);
    const appointment = booking?.appointment ?? null;
    return { ok: true, lookup: { categories, elderly, agent, appointment, checkIn: booking?.checkIn ?? null } };
  }

  reprint(req: ReprintRequest): Ack<{ ticket: IssuedTicket }> {
    const holder = holderFacts(req.idCard, this.idKey);
    if (!holder) return failure('INVALID_ID_CARD');
    const result = this.hall.execute((state) => domain.reprintTicket(state, req.ticketId, holder.idHash));
    return result.ok ? { ok: true, ticket: this.hall.issuedView(result.reply) } : result;
  }
}
