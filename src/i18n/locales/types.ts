import type { en } from './en';

export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every locale must have: the English tree with any string values. */
export type Resource = Widen<typeof en>;
