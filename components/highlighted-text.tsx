import { splitHighlight } from '@/lib/search';

/** A search headline with its matches in <mark>; the text itself is rendered as text, never as HTML. */
export function HighlightedText({ headline }: { headline: string }) {
  return splitHighlight(headline).map((piece, index) => (piece.match ? <mark key={index}>{piece.text}</mark> : <span key={index}>{piece.text}</span>));
}
