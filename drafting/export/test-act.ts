// A small act for the export tests: a part with a chapter, articles with headings,
// numbered paragraphs, points with a sub-point and an indent, a reference, a memorandum.
const text = (t: string) => ({ type: 'text', text: t })
const tb = (...inline: unknown[]) => ({ type: 'text_block', content: inline.map((i) => (typeof i === 'string' ? text(i) : i)) })

/** The act as stored (ProseMirror JSON with stable ids), Bosnian, Latin script. */
export const TEST_ACT = {
  type: 'doc',
  content: [
    { type: 'title', content: [text('Zakon o socijalnim uslugama & <pravima>')] },
    { type: 'preamble', attrs: { id: 'pre' }, content: [tb('Na osnovu člana IV.B.7. a)(IV) Ustava Federacije Bosne i Hercegovine donosi se')] },
    {
      type: 'part',
      attrs: { id: 'p1', num: null },
      content: [
        { type: 'heading', content: [text('OSNOVNE ODREDBE')] },
        {
          type: 'chapter',
          attrs: { id: 'c1', num: null },
          content: [
            { type: 'heading', content: [text('Predmet i ciljevi')] },
            {
              type: 'article',
              attrs: { id: 'a1', num: null },
              content: [
                { type: 'article_heading', content: [text('Predmet')] },
                { type: 'paragraph', attrs: { id: 'a1p1', num: null }, content: [tb('Ovim zakonom uređuju se socijalne usluge, đačke potrebe i žalbe.')] },
              ],
            },
            {
              type: 'article',
              attrs: { id: 'a2', num: null },
              content: [
                { type: 'article_heading', content: [text('Definicije')] },
                {
                  type: 'paragraph',
                  attrs: { id: 'a2p1', num: null },
                  content: [
                    tb('U smislu ovog zakona:'),
                    {
                      type: 'point',
                      attrs: { id: 'a2p1a', num: null },
                      content: [tb('korisnik je osoba u stanju socijalne potrebe,'), { type: 'subpoint', attrs: { id: 'a2p1a1', num: null }, content: [tb('dijete bez roditeljskog staranja,')] }],
                    },
                    { type: 'point', attrs: { id: 'a2p1b', num: null }, content: [tb('pružalac je ustanova ili udruženje.')] },
                  ],
                },
                { type: 'paragraph', attrs: { id: 'a2p2', num: null }, content: [tb('Usluge se pružaju:'), { type: 'indent', attrs: { id: 'a2p2i1' }, content: [tb('bez diskriminacije.')] }] },
              ],
            },
          ],
        },
      ],
    },
    {
      type: 'article',
      attrs: { id: 'a3', num: null },
      content: [
        { type: 'paragraph', attrs: { id: 'a3p1', num: null }, content: [tb('Korisnik iz ', { type: 'reference', attrs: { article: 'a2', paragraph: 'a2p1', point: 'a2p1b', form: 'gen' } }, ' ovog zakona ima pravo na žalbu.')] },
      ],
    },
    {
      type: 'memorandum',
      attrs: { id: 'm' },
      content: [{ type: 'memorandum_section', attrs: { id: 'm1' }, content: [{ type: 'heading', content: [text('I. USTAVNI OSNOV')] }, tb('Ustavni osnov je član III.3. b) Ustava.')] }],
    },
  ],
}
