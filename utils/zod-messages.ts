import * as z from 'zod/mini';
import { en } from 'zod/locales';

/**
 * zod/mini loads no locale: without this every issue reads "Invalid input". Classic zod loaded English
 * on import, and the owner reads these messages (import errors, "Not saved: …" in the options page,
 * rejected messages answered to the popup and logged by the background), so they must read as before.
 *
 * Imported for its side effect by the modules that turn zod issues into words, all outside the content
 * script: the content script only asks whether a value parses, so it does not carry the locale (~5 KB).
 * Messages are written when a value is parsed, so this must run before the first parse: importing it
 * from the module that parses is enough.
 */
z.config(en());
