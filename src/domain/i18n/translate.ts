// One catalogue per language (nl.json, en.json beside this file) serves the web client, the PDF and the
// sentences the domain writes. The web loads one language at a time through i18next; the server and the
// domain translate with the function below. Keys are typed, so a missing or misspelt key fails the type check.

import type en from './en.json';
import type nl from './nl.json';

export type Catalogue = typeof nl;

type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];
/** Every key of the catalogue, such as "collab.stages.integration". */
export type MessageKey = Leaves<Catalogue>;
export type MessageValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

// English must hold exactly the keys Dutch holds: a key added to one file only fails the type check here.
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameKeys: Same<Shape<typeof en>, Shape<Catalogue>> = true;
void sameKeys;

/** A translator over one language's catalogue; `{{name}}` is filled in as i18next does on the screen. */
export function createTranslate(catalogue: Catalogue): Translate {
  return (key, values) => {
    let node: unknown = catalogue;
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    if (typeof node !== 'string') return key;
    return values
      ? node.replace(/\{\{\s*(\w+)\s*\}\}/g, (all, name: string) => String(values[name] ?? all))
      : node;
  };
}
