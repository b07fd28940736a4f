import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyse, foldText, parseArticleReference, stem, tokenize } from './text.ts'

/** The stem search gives a word as people type it (any script, with or without diacritics). */
const stemOf = (word: string) => stem(foldText(word))

describe('foldText', () => {
  it.each([
    ['Zaštita ĐAKA', 'zastita djaka'],
    ['đak', 'djak'],
    ['Đorđe', 'djordje'],
    ['ÐAK', 'djak'], // Ð (eth), the look-alike typed for Đ
    ['čćšž ČĆŠŽ', 'ccsz ccsz'],
    ['džep DŽEP Džep', 'dzep dzep dzep'],
    ['ǆep', 'dzep'], // the one-character digraph
    ['заштита', 'zastita'],
    ['ђак', 'djak'],
    ['Џеп', 'dzep'],
    ['Љиљана', 'ljiljana'],
    ['ЉУБАВ', 'ljubav'],
    ['њива', 'njiva'],
    ['ћирилица', 'cirilica'],
    ['чл. 12.', 'cl 12'],
    ['c\u030Cas', 'cas'], // č as c + combining caron
    ['so\u00ADcijalne', 'socijalne'], // soft hyphen inside a word
    ['„Službeni glasnik BiH“, br. 12/23', 'sluzbeni glasnik bih br 12 23'],
    ['  a \n\t b  ', 'a b'],
    ['Član 18a.', 'clan 18a'],
    ['сѐ', 'se'], // Cyrillic with an accent mark
    ['—…!?', ''],
  ])('folds %j to %j', (text, folded) => {
    expect(foldText(text)).toBe(folded)
  })

  it('is idempotent and leaves only lower-case words separated by single spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const folded = foldText(text)
        expect(foldText(folded)).toBe(folded)
        expect(folded).toMatch(/^(?:[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*)?$/u)
        expect(folded).toBe(folded.toLowerCase())
        expect(folded).not.toMatch(/[čćšžđ]/)
      }),
    )
  })
})

describe('tokenize', () => {
  it('splits folded text into words, keeping numbers and numbered letters', () => {
    expect(tokenize('Član 18a. (zaštita) — stav 2')).toEqual(['clan', '18a', 'zastita', 'stav', '2'])
  })

  it('gives no words for empty or punctuation-only text', () => {
    expect(tokenize('')).toEqual([])
    expect(tokenize(' … ')).toEqual([])
  })
})

describe('stem', () => {
  // Each row: forms of one word (cases, numbers, ijekavian and ekavian, both scripts)
  // that must give one stem.
  const sameStem: [string, string[]][] = [
    ['dijete with djeca, both reflexes', ['dijete', 'djeteta', 'djetetu', 'djetetom', 'dete', 'deteta', 'djeca', 'djece', 'djeci', 'djecu', 'djecom', 'deca', 'deci', 'дјеца', 'деца']],
    ['dječji with dijete', ['dijete', 'dječji', 'dječjeg', 'dečji', 'dječiji', 'dečijih']],
    ['socijalni', ['socijalne', 'socijalnih', 'socijalna', 'socijalni', 'socijalnog', 'socijalnoga', 'socijalnom', 'socijalnoj', 'socijalnim', 'socijalnima', 'socijalnu', 'социјалне']],
    ['usluga, with sibilarisation', ['usluga', 'usluge', 'usluzi', 'uslugu', 'uslugom', 'uslugama', 'услуга']],
    ['zaštita, any script or spelling', ['zaštita', 'zastita', 'заштита', 'ZAŠTITA', 'zaštite', 'zaštiti', 'zaštitu', 'zaštitom', 'zaštititi']],
    ['ruka, with sibilarisation', ['ruka', 'ruci', 'ruku', 'rukom', 'rukama']],
    ['jedinica', ['jedinica', 'jedinice', 'jedinici', 'jedinicu', 'jedinicama']],
    ['zakon', ['zakon', 'zakona', 'zakonu', 'zakonom', 'zakoni', 'zakonima', 'закон', 'закона']],
    ['mlijeko / mleko', ['mlijeko', 'mleko', 'mlijeka', 'mleka', 'млеко']],
    ['vrijeme / vreme (-n- stem)', ['vrijeme', 'vreme', 'vremena', 'vremenu', 'vremenom', 'време']],
    ['cvijet / cvet', ['cvijet', 'cvet', 'cvijeta', 'cvjetovi', 'cvetovi', 'цвијет']],
    ['dio / deo', ['dio', 'deo', 'dijela', 'dela', 'dijelu', 'delu', 'dijelovi', 'delovi', 'дио', 'део']],
    ['mjesto / mesto', ['mjesto', 'mesto', 'mjesta', 'mesta', 'mjestu']],
    ['rješenje / rešenje', ['rješenje', 'rešenje', 'rješenja', 'решење', 'рјешење']],
    ['prijedlog / predlog', ['prijedlog', 'predlog', 'prijedloga', 'predloga', 'prijedlozi', 'predlozima']],
    ['prilog (-og is its root)', ['prilog', 'priloga', 'prilogu', 'prilozi', 'prilozima']],
    ['postupak (fleeting a)', ['postupak', 'postupka', 'postupku', 'postupkom', 'postupci', 'postupaka', 'postupcima']],
    ['objekat / objekt', ['objekat', 'objekt', 'objekta', 'objekti', 'objektima']],
    ['projekat / projekt', ['projekt', 'projekat', 'projekta', 'projekti', 'projektima']],
    ['član', ['član', 'člana', 'članu', 'članom', 'članovi', 'članova', 'чланови']],
    ['članak', ['članak', 'članka', 'članku', 'članci', 'članaka']],
    ['sud (plural -ov-)', ['sud', 'suda', 'sudu', 'sudom', 'sudovi', 'sudova', 'sudovima']],
    ['broj (plural -ev-)', ['broj', 'broja', 'broju', 'brojem', 'brojevi', 'brojeva']],
    ['rok', ['rok', 'roka', 'roku', 'rokovi', 'rokova']],
    ['komisija', ['komisija', 'komisije', 'komisiji', 'komisiju', 'komisijom', 'komisijama']],
    ['djelatnost / delatnost', ['djelatnost', 'djelatnosti', 'djelatnošću', 'delatnost', 'delatnosti']],
    ['građanin / građani', ['građanin', 'građanina', 'građani', 'građana', 'građanima', 'gradjanin', 'gradjani', 'грађани']],
    ['đak / djak', ['đak', 'djak', 'đaka', 'đaci', 'ђак', 'ђаци']],
    ['obavezan (fleeting a)', ['obavezan', 'obavezna', 'obavezni', 'obaveznih', 'obaveznog']],
    ['područje', ['područje', 'područja', 'području', 'područjem']],
    ['pitanje', ['pitanje', 'pitanja', 'pitanju', 'pitanjem']],
    ['mišljenje', ['mišljenje', 'mišljenja', 'mišljenju', 'мишљење']],
    ['izmjena / izmena', ['izmjena', 'izmena', 'izmjene', 'izmene', 'izmjenama', 'izmenama']],
    ['primjena / primena', ['primjena', 'primena', 'primjene', 'primeni']],
    ['vijeće / veće', ['vijeće', 'veće', 'vijeća', 'vijeću', 'већа']],
    ['savjet / savet', ['savjet', 'savet', 'savjeta', 'saveta', 'savjeti', 'savetima']],
    ['razvoj (-oj is its root)', ['razvoj', 'razvoja', 'razvoju', 'razvojem']],
    ['slučaj (-aj is its root)', ['slučaj', 'slučaja', 'slučaju', 'slučajevi', 'slučajevima']],
    ['program (-am is its root)', ['program', 'programa', 'programu', 'programi', 'programima']],
    ['propis / propisati', ['propis', 'propisa', 'propisi', 'propisati', 'propisuje', 'propisuju']],
    ['finansirati', ['finansirati', 'finansira', 'finansiraju']],
    ['ljekar / lekar', ['ljekar', 'lekar', 'ljekara', 'lekari']],
    ['proljeće / proleće', ['proljeće', 'proleće', 'proljeća', 'пролеће']],
    ['odjeljenje / odeljenje', ['odjeljenje', 'odeljenje', 'odjeljenja', 'одељење']],
    ['lijep / lep', ['lijep', 'lep', 'lijepa', 'lepa', 'lijepog']],
    ['uslov', ['uslov', 'uslova', 'uslovi', 'uslovima', 'услов']],
    ['uvjet', ['uvjet', 'uvjeta', 'uvjeti', 'uvjetima']],
    ['posao', ['posao', 'posla', 'poslu', 'poslovi', 'poslova']],
    ['pravo', ['pravo', 'prava', 'pravu', 'pravom', 'pravima']],
    ['radio (participle)', ['radio', 'radila', 'radilo', 'radili']],
    ['podatak / podaci', ['podatak', 'podatka', 'podaci', 'podacima', 'podataka', 'подаци']],
    ['zemljište (instrumental -em after št)', ['zemljište', 'zemljišta', 'zemljištem']],
    ['sistem (-em is its root)', ['sistem', 'sistema', 'sistemom', 'sistemi']],
  ]

  it.each(sameStem)('gives one stem to the forms of %s', (_, forms) => {
    const first = stemOf(forms[0]!)
    expect(forms.map((form) => [form, stemOf(form)])).toEqual(forms.map((form) => [form, first]))
  })

  // Each row: two different words that must keep different stems.
  const differentStems: [string, string][] = [
    ['zakon', 'zakup'],
    ['dijete', 'dio'],
    ['djeca', 'dio'],
    ['usluga', 'uslov'],
    ['sud', 'sudija'],
    ['mjesto', 'mjesec'],
    ['rad', 'red'],
    ['ruka', 'rok'],
    ['zaštita', 'zastava'],
    ['projekt', 'objekt'],
    ['komisija', 'komisar'],
    ['član', 'članak'], // a member is not an article in Croatian
    ['vlada', 'vlast'],
    ['broj', 'brod'],
    ['razvoj', 'razvod'],
    ['prilog', 'prilaz'],
    ['lijek', 'lijevo'],
    ['vrijeme', 'vrijednost'],
    ['uslovi', 'usluge'],
    ['socijalni', 'socijalizam'],
  ]

  it.each(differentStems)('keeps %s and %s apart', (a, b) => {
    expect(stemOf(a)).not.toBe(stemOf(b))
  })

  it('leaves the je of projekt and the word je alone', () => {
    expect(stemOf('projekt')).toBe('projekt')
    expect(stemOf('je')).toBe('je')
  })

  it('keeps numbers and numbered letters as they are', () => {
    expect(stem('18a')).toBe('18a')
    expect(stem('2023')).toBe('2023')
  })

  it('keeps words of two letters as they are', () => {
    expect(stem('eu')).toBe('eu')
    expect(stem('ii')).toBe('ii')
  })
})

describe('analyse', () => {
  it('drops function words and stems the rest', () => {
    expect(analyse('Zaštita djece i socijalne usluge')).toEqual(['zastit', 'detet', 'socijaln', 'usluz'])
  })

  it('matches inflected phrases stem by stem', () => {
    expect(analyse('socijalnih usluga')).toEqual(analyse('socijalne usluge'))
    expect(analyse('o pravima djeteta')).toEqual(analyse('prava djece'))
  })

  it('gives one result for both scripts and any diacritics', () => {
    expect(analyse('заштита')).toEqual(analyse('zaštita'))
    expect(analyse('zastita')).toEqual(analyse('zaštita'))
    expect(analyse('Закон о заштити дјеце')).toEqual(analyse('zakon o zaštiti djece'))
  })

  it('gives nothing for function words alone', () => {
    expect(analyse('i da je u to')).toEqual([])
    expect(analyse('njegovog koji njihovim svojih')).toEqual([])
  })
})

describe('parseArticleReference', () => {
  it.each([
    ['član 12', '12', ''],
    ['čl. 12', '12', ''],
    ['clan 12.', '12', ''],
    ['članak 12', '12', ''],
    ['члан 12', '12', ''],
    ['чл. 12', '12', ''],
    ['Član 18a', '18a', ''],
    ['Члан 18а', '18a', ''],
    ['cl 5', '5', ''],
    ['čl.7 stav 2', '7', 'stav 2'],
    ['zaštita djece član 12', '12', 'zaštita djece'],
    ['u članu 5. propisano', '5', 'u propisano'],
    ['članka 40 i usluge', '40', 'i usluge'],
    ['član 12 a', '12', 'a'], // a letter must follow the number directly
  ])('reads %j as article %j', (query, number, rest) => {
    expect(parseArticleReference(query)).toEqual({ number, rest })
  })

  it.each(['zaštita djece', 'član', 'klan 12', 'ključ 12', 'članica 12', 'cl12ab', '12'])('finds no article in %j', (query) => {
    expect(parseArticleReference(query)).toBeNull()
  })
})
