// The budget office's themes for the demo consultation, with keywords that the demo comments
// (comments.ts) use, so that the suggested tags show something. Nothing is tagged by the seed.
export const DEMO_THEMES: { name: string; description: string; keywords: string[] }[] = [
  { name: 'Brugerbetaling', description: 'Højere takster og egenbetaling for borgerne.', keywords: ['brugerbetaling', 'egenbetaling', 'forældrebetaling', 'takst'] },
  { name: 'Konsekvenser for ældre', description: 'Pleje, plejehjem og hjemmepleje.', keywords: ['plejehjem', 'plejecenter', 'hjemmepleje', 'ældre'] },
  { name: 'Flytter udgiften', description: 'Besparelsen giver udgifter et andet sted.', keywords: ['merudgift', 'udgift', 'flytter'] },
  { name: 'Børn og skole', description: 'Konsekvenser for børn, dagtilbud og skoler.', keywords: ['skole', 'elever', 'daginstitution', 'børnehave'] },
];
