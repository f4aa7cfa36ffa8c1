import { storage } from '#imports';
import * as z from 'zod/mini';

/** What the context menu hands the popup's "Track this page" form. */
export const TrackDraftSchema = z.object({ title: z.string().check(z.maxLength(500)), url: z.string().check(z.maxLength(4000)) });
export type TrackDraft = z.infer<typeof TrackDraftSchema>;

export const trackDraftItem = storage.defineItem<TrackDraft | null>('session:trackDraft', { fallback: null });
