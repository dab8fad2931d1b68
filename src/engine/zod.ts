// The one zod the game uses: the functional `zod/mini` flavour, because the classic API's method
// chains keep every check and helper in the browser bundle whether used or not (about 26 kB gzip of
// app JS; mini tree-shakes to what the schemas use). Mini ships no message locale, so zod's English
// messages are registered here: level, run-file and command errors name the field *and* the
// reason ("expected number, received string"), and tests assert those words. Every schema imports
// `z` from this module, so no parse can happen before the locale is set.
import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

export { z };
