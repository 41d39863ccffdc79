/** Lets other requests run between the parts of a long export, so that one export does not hold up the server. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Control characters pasted into a comment are not allowed in XML and would make Word and Excel refuse the file. */
export const xmlSafe = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
