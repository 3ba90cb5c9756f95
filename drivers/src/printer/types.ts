/**
 * What the templates print. The papers are the shapes terminals send through the protocol;
 * times are epoch milliseconds, shown in the hall's IANA time zone.
 */
import type { MaterialEntry } from '@yimen/protocol';

export type { MaterialEntry, MaterialsListPrint, NoticePrint, TicketPrint } from '@yimen/protocol';

/** How a material is handed in. */
export type MaterialForm = MaterialEntry['form'];

/** 58 mm paper: 32 half-width columns (384 dots); 80 mm: 48 columns (576 dots). */
export type PaperWidth = 58 | 80;

export interface RenderOptions {
  width: PaperWidth;
}
