import type { Db } from '../store/db';
import { AppointmentService } from './appointment-service';
import { HallService, type HallServiceOptions } from './hall-service';
import { KioskService } from './kiosk-service';
import { TerminalService } from './terminal-service';

/** The shell's services around one hall: the queue, kiosks' lookups, appointments, terminals. */
export interface HallServices {
  readonly hall: HallService;
  readonly kiosk: KioskService;
  readonly appointments: AppointmentService;
  readonly terminals: TerminalService;
}

export function createServices(options: HallServiceOptions & { readonly db: Db }): HallServices {
  const hall = new HallService(options);
  const appointments = new AppointmentService(options.db, hall, options.idKey);
  return {
    hall,
    appointments,
    kiosk: new KioskService(options.db, hall, appointments, options.idKey),
    terminals: new TerminalService(options.db, () => hall.clock(), hall.config),
  };
}
