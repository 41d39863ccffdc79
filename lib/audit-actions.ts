// Action codes of the audit log ("proposal.move") and their names in the message files, under
// audit.actions. next-intl reads a dot in a key as nesting, so the key spells the dots as dashes.

export const actionMessageKey = (code: string): string => code.replaceAll('.', '-');

export const actionCodeOfMessageKey = (key: string): string => key.replaceAll('-', '.');
