import type da from './messages/da.json';

/** Every dotted path to a message in a message tree. */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A key of the Danish message file (lib/i18n/messages.test.ts keeps the English one the same). */
export type MessageKey = Leaves<typeof da>;
