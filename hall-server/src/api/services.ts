import type { Db } from '../store/db';
import { AppointmentService } from './appointment-service';
import { AttendanceService } from './attendance-service';
import { CaseService } from './case-service';
import { FingerprintService } from './fingerprint-service';
import { HallService, type HallServiceOptions } from './hall-service';
import { KioskService } from './kiosk-service';
import { RatingService } from './rating-service';
import { TerminalService } from './terminal-service';
import { WindowKeyService } from './window-key-service';

/** The shell's services around one hall: the queue, kiosks' lookups, appointments, terminals, cases, the window's pad and devices. */
export interface HallServices {
  readonly hall: HallService;
  readonly kiosk: KioskService;
  readonly appointments: AppointmentService;
  readonly terminals: TerminalService;
  readonly cases: CaseService;
  readonly ratings: RatingService;
  readonly windowKeys: WindowKeyService;
  readonly fingerprints: FingerprintService;
  readonly attendance: AttendanceService;
}

export function createServices(options: HallServiceOptions & { readonly db: Db }): HallServices {
  const hall = new HallService(options);
  const appointments = new AppointmentService(options.db, hall, options.idKey);
  const ratings = new RatingService(options.db, hall, options.idKey);
  return {
    ratings,
    windowKeys: new WindowKeyService(hall, ratings),
    fingerprints: new FingerprintService(options.db, hall, options.idKey),
    attendance: new AttendanceService(options.db, hall),
    hall,
    appointments,
    kiosk: new KioskService(options.db, hall, appointments, options.idKey),
    terminals: new TerminalService(options.db, () => hall.clock(), hall.config),
    cases: new CaseService(options.db, hall, options.idKey),
  };
}
