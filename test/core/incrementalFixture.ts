// Articles written for the incremental-analysis tests: a header, enough body paragraphs for
// a window with context on both sides, people named once and then by surname or pronoun,
// continued quotations, repeated figures and quotations (ids with occurrence counts),
// sourced, unsourced and vaguely sourced figures, and trailing boilerplate.

import type { DocumentAnalysis, Source } from '../../server/src/analysis/types';

function section(person: string, surname: string, pronoun: string, role: string, place: string): string[] {
  return [
    `${person}, the ${role}, said the harbour plan would cost $24 million over five years.`,
    `“We cannot wait another decade for the dredging to start,” ${surname} said. “The ships are already turning away.”`,
    `“Every month of delay costs the port business,” ${pronoun} added.`,
    `About 1,200 jobs depend on the harbour in ${place}, and more than 40% of them are seasonal.`,
    `Officials said the first contracts would be signed in the spring.`,
    `${surname} told reporters that the budget had been approved by the regional board.`,
    `“It is a fair deal for everyone who works on the water,” ${pronoun} said.`,
    `The plan was first proposed in 2019, according to the council's annual report.`,
  ];
}

export function article(newline = '\n'): string {
  const paragraphs = [
    'Local news',
    'City council weighs harbour plan',
    'By Ana Ruiz',
    'PORTVILLE, March 3 (Harbour Wire) - The city council met on Monday to discuss the future of the old harbour.',
    'Residents filled the hall well before the meeting began.',
    'The debate lasted more than three hours.',
    ...section('Maria Keller', 'Keller', 'she', 'mayor of Portville', 'Portville'),
    'Nobody at the meeting disputed the figures.',
    ...section('Tomas Brandt', 'Brandt', 'he', 'head of the dock workers union', 'Eastport'),
    '“We have heard this promise before,” said one fisherman who declined to give his name, and who had waited all evening to speak.',
    'Experts say 3,000 tonnes of silt are removed from the channel every year.',
    'The council will vote again next month.',
    'Related Articles',
    'Back to top button',
  ];
  return paragraphs.join(newline + newline) + newline;
}

/** What a splice must get right whatever lies outside its window: paragraphs, sentences,
 * and every quotation, figure and claim with its id, span and kind, and where its source
 * stands. Who the source is (entity, name, vague or not) can depend on the whole document:
 * entity kinds and names are voted across it, and a capitalised word written in lower case
 * elsewhere is no name. */
export function windowIndependent(a: DocumentAnalysis): unknown {
  const source = (s: Source | undefined) => (s ? { how: s.how, span: s.span, cueSpan: s.cueSpan, cue: s.cue } : undefined);
  return {
    structure: a.structure,
    sentences: a.sentences,
    quotes: a.quotes.map((q) => ({ ...q, source: source(q.source) })),
    figures: a.figures.map((f) => ({ ...f, source: source(f.source) })),
    claims: a.claims.map((c) => ({ ...c, source: source(c.source), entities: [], sourced: undefined })),
  };
}
