import type { AbstractIntlMessages } from 'next-intl';

// The messages the layout hands to client components, which the browser receives with every
// page. Namespaces that only server components and server-made documents read stay on the
// server: the legal pages, the audit log, mail, the public consultation and search pages, and the
// høringsnotat's and tables' labels. Together they are about a third of the messages.
// client-messages.test.ts checks that no client component, nor a module one imports, reads them.
export const SERVER_ONLY_MESSAGES = ['legal', 'audit', 'mail', 'publicConsultations', 'search', 'exports.note', 'exports.table'] as const;

function without(messages: AbstractIntlMessages, path: string[]): AbstractIntlMessages {
  const [head, ...rest] = path;
  if (head === undefined || !(head in messages)) return messages;
  const { [head]: inner, ...others } = messages;
  if (!rest.length) return others;
  return typeof inner === 'object' ? { ...others, [head]: without(inner, rest) } : messages;
}

export function clientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  return SERVER_ONLY_MESSAGES.reduce((kept, namespace) => without(kept, namespace.split('.')), messages);
}
