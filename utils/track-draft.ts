import { storage } from '#imports';
import { z } from 'zod';

/** What the context menu hands the popup's "Track this page" form. */
export const TrackDraftSchema = z.object({ title: z.string().max(500), url: z.string().max(4000) });
export type TrackDraft = z.infer<typeof TrackDraftSchema>;

export const trackDraftItem = storage.defineItem<TrackDraft | null>('session:trackDraft', { fallback: null });
