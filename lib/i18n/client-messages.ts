import type { AbstractIntlMessages } from 'next-intl';

// The messages handed to client components, which the browser receives with every page (in the
// HTML and again in each navigation's payload). The root layout hands them only ROOT_MESSAGES
// (the error page's and what every form shows); each page whose client components read more
// wraps itself in <ClientMessages namespaces={[...]}> (app/client-messages.tsx), which
// replaces them for that page with ROOT_MESSAGES, the given namespaces and, for pages with forms,
// every refusal's message (a form shows the key the server sends, which may be of any namespace).
// client-messages.test.ts checks that each page names every namespace its client components read,
// and that none of them reads SERVER_ONLY_MESSAGES.
export const SERVER_ONLY_MESSAGES = ['legal', 'audit', 'mail', 'publicConsultations', 'search', 'exports.note', 'exports.table'] as const;

/** What every page's client components may read: the error page's texts and the forms' own. */
export const ROOT_MESSAGES = ['app', 'errors', 'forms', 'locale'] as const;

function without(messages: AbstractIntlMessages, path: string[]): AbstractIntlMessages {
  const [head, ...rest] = path;
  if (head === undefined || !(head in messages)) return messages;
  const { [head]: inner, ...others } = messages;
  if (!rest.length) return others;
  return typeof inner === 'object' ? { ...others, [head]: without(inner, rest) } : messages;
}

/** Every message but the server-only namespaces. */
export function clientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  return SERVER_ONLY_MESSAGES.reduce((kept, namespace) => without(kept, namespace.split('.')), messages);
}

/** `into` with the message or namespace at `path` (dotted) copied from `messages`, if there is one. */
function copy(into: AbstractIntlMessages, messages: AbstractIntlMessages, path: string[]): AbstractIntlMessages {
  const [head, ...rest] = path;
  if (head === undefined || !(head in messages)) return into;
  const value = messages[head]!;
  if (!rest.length || typeof value !== 'object') return { ...into, [head]: value };
  const existing = into[head];
  return { ...into, [head]: copy(typeof existing === 'object' ? existing : {}, value, rest) };
}

/** The messages at the given dotted paths (namespaces or single messages), server-only ones never. */
export function pickMessages(messages: AbstractIntlMessages, paths: readonly string[]): AbstractIntlMessages {
  return clientMessages(paths.reduce((picked, path) => copy(picked, messages, path.split('.')), {} as AbstractIntlMessages));
}

/**
 * What a page's client components get: the root messages, its namespaces and, for a page with
 * forms, the messages any form may show (FORM_MESSAGE_KEYS of lib/server/errors.ts).
 */
export function pageMessages(messages: AbstractIntlMessages, namespaces: readonly string[], formKeys: readonly string[]): AbstractIntlMessages {
  // Single messages first: a whole namespace given after them replaces what was copied of it.
  return pickMessages(messages, [...formKeys, ...ROOT_MESSAGES, ...namespaces]);
}
