import { z } from 'zod';
import { Id } from './hall';

/** The hall view (current call, last calls, waiting counts) or one column per window. */
export const DisplayLayout = z.enum(['hall', 'windows']);
export type DisplayLayout = z.infer<typeof DisplayLayout>;

/**
 * A hall display's own settings, kept by the hall-server per terminal and sent to the
 * display on every connect and when the admin changes them: its layout, and the queues or
 * windows it is limited to (a floor, a zone; all when null).
 */
export const DisplaySettings = z.object({
  layout: DisplayLayout,
  categoryIds: z.array(Id).min(1).max(200).nullable(),
  windowIds: z.array(Id).min(1).max(500).nullable(),
});
export type DisplaySettings = z.infer<typeof DisplaySettings>;

export const DEFAULT_DISPLAY_SETTINGS: DisplaySettings = { layout: 'hall', categoryIds: null, windowIds: null };

/** PUT /api/admin/notice (admin): the notice line every display shows; empty clears it. */
export const NoticeRequest = z.object({ text: z.string().trim().max(200) });
export type NoticeRequest = z.infer<typeof NoticeRequest>;

export const NoticeChangedEvent = z.object({ seq: z.number().int(), text: z.string() });
export type NoticeChangedEvent = z.infer<typeof NoticeChangedEvent>;
