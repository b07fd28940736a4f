import { describe, expect, it } from 'vitest'
import { toCyrillic } from '../drafting/transliteration.ts'
import { fingerprintComment, groupComments, nearDuplicates, pairwisePrecisionRecall, type CommentGroup } from './grouping.ts'

const CAMPAIGN =
  'Kao roditelji djece s teškoćama u razvoju tražimo da se u članu 28. ukine ograničenje od 45 dana godišnje ' +
  'za korištenje usluge predaha. Porodice koje brinu o djetetu s najtežim oblikom invaliditeta trebaju predah ' +
  'tokom cijele godine, a ne samo nekoliko sedmica. Predlažemo da se broj dana utvrđuje individualnim planom, ' +
  'prema stvarnim potrebama porodice.'

/** Comments with ids c0, c1, … in the order given. */
const comments = (...bodies: string[]) => bodies.map((body, i) => ({ id: `c${i}`, body }))
const grouped = (a: string, b: string) => groupComments(comments(a, b)).length === 1

describe('groupComments', () => {
  it('groups identical texts under the id of the first of them', () => {
    expect(groupComments(comments('Drugi komentar o članu 5. i njegovim rokovima za centre.', CAMPAIGN, CAMPAIGN, CAMPAIGN))).toEqual([
      { key: 'c1', ids: ['c1', 'c2', 'c3'] },
    ])
  })

  it('returns no group for comments that are all different, nor for an empty list', () => {
    expect(groupComments(comments('Podržavam.', 'Ne podržavam.', CAMPAIGN))).toEqual([])
    expect(groupComments([])).toEqual([])
  })

  it('groups a text with one word changed', () => {
    expect(grouped(CAMPAIGN, CAMPAIGN.replace('tražimo', 'zahtijevamo'))).toBe(true)
  })

  it('groups a text with its punctuation changed', () => {
    expect(grouped(CAMPAIGN, CAMPAIGN.replace(/,/g, '').replace(/\. /g, '!!!\n').replace(/\.$/, ''))).toBe(true)
  })

  it('groups a text typed without diacritics, and in capitals', () => {
    const plain = CAMPAIGN.replace(/[čć]/g, 'c').replace(/š/g, 's').replace(/ž/g, 'z').replace(/đ/g, 'dj')
    expect(grouped(CAMPAIGN, plain)).toBe(true)
    expect(grouped(CAMPAIGN, plain.toUpperCase())).toBe(true)
  })

  it('groups the Cyrillic version of a Latin text', () => {
    expect(grouped(CAMPAIGN, toCyrillic(CAMPAIGN))).toBe(true)
  })

  it('groups a text with a greeting and a signature added', () => {
    expect(grouped(CAMPAIGN, `Poštovani,\n${CAMPAIGN}\n\nS poštovanjem,\nAmra Hodžić, Tuzla`)).toBe(true)
  })

  it('groups a text with a typo, a greeting and a signature, through other members of the campaign', () => {
    const members = comments(
      `Dobar dan,\n${CAMPAIGN.replace('ograničenje', 'ogarničenje')}\nMirza Kurtović`,
      CAMPAIGN,
      `${CAMPAIGN.replace('godišnje', 'godisnje')}\n— Selma Begić, Zenica`,
    )
    expect(groupComments(members)).toEqual([{ key: 'c0', ids: ['c0', 'c1', 'c2'] }])
  })

  it('keeps apart different comments on the same article that share its vocabulary', () => {
    const about28 = comments(
      CAMPAIGN,
      'Član 28. stav (2) ograničava uslugu predaha na 45 dana godišnje, što je premalo za porodice koje brinu o djetetu ' +
        's teškim invaliditetom. Predlažem da se broj dana utvrđuje individualnim planom porodice.',
      'Član 28. stav (2) ne kaže ko plaća uslugu predaha kada porodica nema prihoda. Predlažem da troškove usluge ' +
        'predaha u tom slučaju snosi kanton, a ne porodica, i da se usluga osigura u roku od 45 dana.',
      'Udruženje roditelja predlaže izmjenu člana 28. tako da usluga predaha bude osigurana najmanje 60 dana godišnje, ' +
        'uz mogućnost korištenja po satima. Porodice koje brinu o djetetu s teškoćama u razvoju nemaju slobodan dan.',
    )
    expect(groupComments(about28)).toEqual([])
  })

  it('keeps apart texts that cite different numbers, and groups one that only adds a number', () => {
    const other = CAMPAIGN.replace('članu 28.', 'članu 29.')
    expect(grouped(CAMPAIGN, other)).toBe(false)
    expect(grouped(CAMPAIGN, `${CAMPAIGN} Moj sin ima 14 godina.`)).toBe(true)
  })

  describe('short comments (fewer than eight words)', () => {
    it('group when identical after folding: a campaign of "Podržavam!" is a campaign', () => {
      expect(groupComments(comments('Podržavam!', 'podrzavam', 'ПОДРЖАВАМ!!!', '  Podržavam. '))).toEqual([
        { key: 'c0', ids: ['c0', 'c1', 'c2', 'c3'] },
      ])
    })

    it('do not group when nearly identical: one word can reverse them', () => {
      expect(grouped('Slažem se s prijedlogom udruženja roditelja.', 'Ne slažem se s prijedlogom udruženja roditelja.')).toBe(false)
      expect(grouped('Podržavam ovaj prijedlog.', 'Podržavam ovaj prijedlog u potpunosti.')).toBe(false)
    })

    it('do not group with a long text that contains them', () => {
      expect(grouped('Podržavam prijedlog roditelja.', `Podržavam prijedlog roditelja. ${CAMPAIGN}`)).toBe(false)
    })
  })

  it('never groups comments without words', () => {
    expect(groupComments(comments('!!!', '...', ''))).toEqual([])
  })

  it('takes a threshold: a stricter one keeps a loosely copied text apart', () => {
    const loose = `Poštovani,\n${CAMPAIGN.replace('tražimo', 'zahtijevamo').replace('sedmica', 'mjeseci')} Ovo je i moje iskustvo.\nAmra`
    expect(groupComments(comments(CAMPAIGN, loose))).toHaveLength(1)
    expect(groupComments(comments(CAMPAIGN, loose), { threshold: 0.9 })).toEqual([])
  })

  it('rejects a threshold outside (0, 1] and a repeated id', () => {
    expect(() => groupComments(comments(CAMPAIGN), { threshold: 0 })).toThrow(RangeError)
    expect(() => groupComments(comments(CAMPAIGN), { threshold: 1.5 })).toThrow(RangeError)
    expect(() => groupComments([{ id: 'x', body: 'a' }, { id: 'x', body: 'b' }])).toThrow(RangeError)
  })

  it('is deterministic, and its groups do not depend on the input order', () => {
    const input = campaignAndOthers()
    const first = groupComments(input)
    expect(groupComments(input)).toEqual(first)
    const reversed = groupComments([...input].reverse())
    expect(asSets(reversed)).toEqual(asSets(first))
    for (const group of reversed) expect(group.key).toBe(group.ids[0])
  })

  it('finds the same groups as comparing every pair', () => {
    const input = campaignAndOthers()
    const prints = input.map((c) => fingerprintComment(c.body))
    const parent = input.map((_, i) => i)
    const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)))
    for (let i = 0; i < input.length; i++) for (let j = 0; j < i; j++) if (nearDuplicates(prints[i]!, prints[j]!)) parent[find(i)] = find(j)
    const naive = new Map<number, string[]>()
    input.forEach((c, i) => naive.set(find(i), [...(naive.get(find(i)) ?? []), c.id]))
    const groups = groupComments(input)
    expect(asSets(groups)).toEqual(asSets([...naive.values()].filter((g) => g.length > 1).map((ids) => ({ key: ids[0]!, ids }))))
    expect(groups.find((g) => g.ids.includes('m0'))?.ids).toHaveLength(120)
  })
})

describe('pairwisePrecisionRecall', () => {
  const truth = [['a', 'b', 'c'], ['d', 'e']] // 3 + 1 = 4 true pairs

  it('is 1 and 1 for the true grouping', () => {
    expect(pairwisePrecisionRecall([['c', 'b', 'a'], ['e', 'd']], truth)).toEqual({ precision: 1, recall: 1 })
  })

  it('counts the pairs that a split and a merge keep', () => {
    // predicted pairs: ab; cd ce de = 4; of them true: ab, de = 2
    expect(pairwisePrecisionRecall([['a', 'b'], ['c', 'd', 'e']], truth)).toEqual({ precision: 0.5, recall: 0.5 })
    // one group of five: 10 pairs, all 4 true pairs among them
    expect(pairwisePrecisionRecall([['a', 'b', 'c', 'd', 'e']], truth)).toEqual({ precision: 0.4, recall: 1 })
  })

  it('treats items in no group as alone', () => {
    expect(pairwisePrecisionRecall([], truth)).toEqual({ precision: 1, recall: 0 })
    expect(pairwisePrecisionRecall([['a', 'x']], truth)).toEqual({ precision: 0, recall: 0 })
    expect(pairwisePrecisionRecall([['a', 'b']], [])).toEqual({ precision: 0, recall: 1 })
  })

  it('rejects an item in two groups', () => {
    expect(() => pairwisePrecisionRecall([['a', 'b'], ['b', 'c']], truth)).toThrow(RangeError)
    expect(() => pairwisePrecisionRecall([], [['a'], ['a']])).toThrow(RangeError)
  })
})

/** Group ids as sorted lists, sorted: the partition, whatever the order. */
function asSets(groups: readonly CommentGroup[]): string[][] {
  return groups.map((g) => [...g.ids].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!))
}

/**
 * 120 members of a campaign (signatures, greetings, a changed word, no diacritics, some in
 * Cyrillic), interleaved with 80 comments of their own on the same law.
 */
function campaignAndOthers(): { id: string; body: string }[] {
  const names = ['Amra Hodžić', 'Mirza Kurtović', 'Ivana Marić', 'Dragan Jukić', 'Selma Begić', 'Edin Delić']
  const services = ['usluge predaha', 'pomoći u kući', 'dnevnog boravka', 'personalne asistencije', 'kućne njege']
  const out: { id: string; body: string }[] = []
  for (let i = 0; i < 120; i++) {
    let body = CAMPAIGN
    if (i % 3 === 1) body = body.replace('tražimo', 'zahtijevamo')
    if (i % 4 === 2) body = `Poštovani,\n${body}`
    if (i % 5 !== 0) body += `\n${names[i % names.length]}`
    if (i % 7 === 3) body = body.replace(/[čć]/g, 'c').replace(/š/g, 's').replace(/ž/g, 'z')
    if (i % 11 === 5) body = toCyrillic(body)
    out.push({ id: `m${i}`, body })
  }
  for (let i = 0; i < 80; i++) {
    const service = services[i % services.length]!
    const body =
      `Član ${10 + i}. ne precizira ko snosi troškove ${service} kada korisnik nema prihoda. ` +
      `Rok od ${15 + (i % 4) * 15} dana je ${['prekratak', 'nerealan', 'predug'][i % 3]} za ${['centar za socijalni rad', 'kanton', 'općinu'][i % 3]}, ` +
      `a ${names[i % names.length]} iz ${['Tuzle', 'Zenice', 'Mostara', 'Bihaća'][i % 4]} čeka već ${2 + i} mjeseci.`
    out.splice(i * 2 + 1, 0, { id: `o${i}`, body })
  }
  return out
}
