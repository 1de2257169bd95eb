// A short article written for ClaimLens, opened by "Open Sample Article" in an untitled editor.
// It exercises each kind of finding: a sourced quote, a pronoun speaker, a vague source,
// an unsourced figure.
export const SAMPLE_ARTICLE = `Local news

Town reopens its library after flood repairs

By Ana Ferreira

Lisbon, May 2 (Lusa).- The municipal library of Alverca reopened on Thursday, eight months after a flood destroyed more than 12,000 books, the town's mayor said.

Mayor Rui Costa, who cut the ribbon, said the repairs cost about €1.8 million and were paid for by the national government.

"We did not lose a single member of staff, and we did not lose our readers," Costa said. "They waited for us."

He added that donations had replaced nearly half of the lost collection.

Officials say visits could double by next year.

Around 40% of the town's residents hold a library card.
`;
