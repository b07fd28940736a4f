// Sample data, continued: the earlier consultation on the preliminary draft (version 1,
// stage prednacrt) of the sample law, closed long ago, every comment answered and the
// report published, so that a new user finds a finished consolidated report at once
// (/rounds/<id>/report). Called by seed() in prisma/seed.ts, after the main sample.
import type { Db } from '../drafting/db.ts'
import { slugify } from '../accounts/slug.ts'
import { fromSarajevoLocal } from '../consultation/sarajevo-time.ts'

const DAY = 24 * 60 * 60 * 1000
const HOUR = 60 * 60 * 1000

type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string }

/** Who wrote a comment: a citizen (named only with consent), or an organisation. */
type Author =
  | { person: string; email: string; named: boolean }
  | { organisation: string; kind: string; email: string; person: string }

interface SampleComment {
  author: Author
  /** The article's heading in version 1; null for the draft as a whole; 'memorandum' for the memorandum. */
  article: string | null
  paragraph?: number
  body: string
  proposedWording?: string
  answer: { status: 'accepted' | 'partly-accepted' | 'rejected' | 'noted'; reasoning: string; changed?: boolean } | null
  channel?: 'online' | 'letter' | 'email' | 'hearing'
  category?: string
  day: number
  /** Members of the same campaign share a key. */
  campaign?: string
  hidden?: 'offensive'
  withdrawn?: boolean
}

const person = (name: string, email: string, named = true): Author => ({ person: name, email, named })
const org = (organisation: string, kind: string, person: string, email: string): Author => ({ organisation, kind, person, email })

const CAMPAIGN_TEXT =
  'Tražimo da se u zakon izričito unese pravo roditelja djece s teškoćama u razvoju na uslugu predaha od najmanje 30 dana godišnje, besplatno za porodice u stanju socijalne potrebe.'

const COMMENTS: SampleComment[] = [
  { author: person('Amra Hodžić', 'amra.hodzic@example.ba'), article: null, day: 0, body: 'Pozdravljam što se socijalne usluge prvi put uređuju jednim federalnim zakonom. Prednacrt ipak ne kaže kako će se osigurati ista dostupnost usluga u manjim općinama kao u Sarajevu ili Tuzli.', answer: { status: 'noted', reasoning: 'Primljeno k znanju. Dostupnost u manjim općinama uređuje se programom podrške razvoju usluga (dio sedmi), koji će biti razrađen u nacrtu.' } },
  { author: org('Udruženje socijalnih radnika FBiH', 'ngo', 'Nermina Pašić', 'nermina.pasic@example.ba'), article: null, day: 1, body: 'Prednacrt uvodi mnogo novih obaveza za centre za socijalni rad, a obrazloženje ne procjenjuje koliko je novih stručnih radnika potrebno. Tražimo analizu kadrovskih potreba prije nacrta.', answer: { status: 'accepted', reasoning: 'Prihvaćeno. Ministarstvo je uz nacrt pripremilo procjenu kadrovskih potreba centara, a norma iz člana o centru za socijalni rad je izmijenjena.' } },
  { author: person('Goran Ilić', 'goran.ilic@example.ba', false), article: null, day: 3, channel: 'email', body: 'Zakon je predug i previše stručan. Građani neće razumjeti koja prava imaju. Predlažem kratak vodič uz zakon.', answer: { status: 'noted', reasoning: 'Primljeno k znanju. Vodič za korisnike nije dio zakona; ministarstvo će ga pripremiti nakon usvajanja.' } },
  { author: person('Ivana Šarić', 'ivana.saric@example.ba'), article: 'Predmet', body: 'Predmet zakona treba obuhvatiti i porodice korisnika, jer se većina usluga pruža upravo kroz porodicu.', proposedWording: '(1) Ovim zakonom uređuju se vrste socijalnih usluga, korisnici i njihove porodice, njihova prava i obaveze, pružaoci socijalnih usluga, standardi kvaliteta, finansiranje i nadzor nad pružanjem socijalnih usluga u Federaciji Bosne i Hercegovine.', day: 1, answer: { status: 'partly-accepted', reasoning: 'Djelimično prihvaćeno: porodica je dodana u definicije (član 2.), a predmet zakona ostaje kako je napisan jer porodica nije samostalan nosilac prava.', changed: true } },
  { author: org('Savez udruženja osoba s invaliditetom', 'ngo', 'Mirsada Begić', 'mirsada.begic@example.ba'), article: 'Definicije', paragraph: 1, body: 'Definicija osobe s invaliditetom mora slijediti Konvenciju UN-a o pravima osoba s invaliditetom, a ne medicinski model procjene.', proposedWording: 'osoba s invaliditetom je osoba koja ima dugoročna fizička, mentalna, intelektualna ili senzorna oštećenja koja u interakciji s različitim preprekama mogu ometati njeno puno i djelotvorno učešće u društvu na ravnopravnoj osnovi s drugima;', day: 2, answer: { status: 'accepted', reasoning: 'Prihvaćeno. Definicija je preuzeta iz člana 1. Konvencije o pravima osoba s invaliditetom.', changed: true } },
  { author: person('Dženana Čaušević', 'dzenana.causevic@example.ba', false), article: 'Načela', body: 'Među načelima nedostaje načelo učešća korisnika u odlučivanju. Bez njega ostala načela ostaju deklarativna.', day: 2, answer: { status: 'accepted', reasoning: 'Prihvaćeno. Načelo učešća korisnika dodano je u stav (1).', changed: true } },
  { author: org('SOS Dječija sela BiH', 'ngo', 'Selma Avdić', 'selma.avdic@example.ba'), article: 'Najbolji interes djeteta', paragraph: 3, body: 'Odredba da se dijete ne odvaja od roditelja zbog siromaštva je dobra, ali treba dodati obavezu centra da porodici ponudi usluge podrške prije bilo kakvog odvajanja.', proposedWording: '(3) Dijete se ne može odvojiti od roditelja isključivo zbog siromaštva porodice. Prije odluke o odvajanju centar za socijalni rad dužan je porodici ponuditi usluge podrške u porodici i zajednici.', day: 3, answer: { status: 'accepted', reasoning: 'Prihvaćeno u cijelosti.', changed: true } },
  { author: person('Emir Delić', 'emir.delic@example.ba'), article: 'Zabrana diskriminacije', body: 'Treba izričito navesti i diskriminaciju po osnovu mjesta prebivališta, jer se usluge danas razlikuju od kantona do kantona.', day: 4, answer: { status: 'rejected', reasoning: 'Nije prihvaćeno. Zakon o zabrani diskriminacije BiH već obuhvata sve osnove, a razlike među kantonima zakon otklanja minimumom usluga iz člana 20.' } },
  { author: person('Lejla Kovačević', 'lejla.kovacevic@example.ba', false), article: 'Korisnici', paragraph: 1, body: 'Strani državljani s privremenim boravkom ne bi trebali imati pravo na sve usluge, to je preveliki trošak za budžet.', day: 4, answer: { status: 'rejected', reasoning: 'Nije prihvaćeno. Međunarodne obaveze BiH zahtijevaju da se osnovne usluge osiguraju svima na njenoj teritoriji; obim prava stranaca uređen je članom 13.' } },
  { author: org('UNICEF BiH', 'international', 'Kenan Imamović', 'kenan.imamovic@example.ba'), article: 'Pravo na izbor pružaoca', body: 'Pravo na izbor pružaoca je važno, ali roditelji djece s teškoćama često ne znaju koje usluge postoje. Centar bi trebao voditi javni registar pružalaca po općinama.', day: 5, answer: { status: 'partly-accepted', reasoning: 'Djelimično prihvaćeno: javni registar licenciranih pružalaca vodi ministarstvo (član 66.), a centar je dužan korisniku dati popis pružalaca u njegovoj općini.' } },
  { author: person('Haris Zukanović', 'haris.zukanovic@example.ba'), article: 'Pravo na prigovor', paragraph: 1, body: 'Rok od 8 dana za prigovor je prekratak za starije osobe i osobe s invaliditetom. Predlažem 15 dana.', proposedWording: '(1) Korisnik koji je nezadovoljan pruženom uslugom ili postupanjem stručnog radnika može podnijeti prigovor pružaocu u roku od 15 dana od dana kada je saznao za razlog nezadovoljstva.', day: 5, answer: { status: 'accepted', reasoning: 'Prihvaćeno. Rok je produžen na 15 dana.', changed: true } },
  { author: org('Fakultet političkih nauka Univerziteta u Sarajevu – Odsjek za socijalni rad', 'academia', 'Aida Čaušević', 'aida.causevic@example.ba'), article: 'Vrste socijalnih usluga', channel: 'letter', category: 'academia', body: 'Katalog usluga ne sadrži uslugu savjetodavno-terapijskog rada s počiniocima nasilja u porodici, iako je to obaveza iz Istanbulske konvencije. Dopis je dostavljen poštom.', day: 6, answer: { status: 'partly-accepted', reasoning: 'Djelimično prihvaćeno: programi za počinioce nasilja uređuju se posebnim zakonom o zaštiti od nasilja u porodici; usluga savjetovanja iz člana 22. proširena je i na rad s porodicom nakon nasilja.' } },
  { author: person('Marija Simić', 'marija.simic@example.ba'), article: 'Rana intervencija', body: 'Rana intervencija do šeste godine je premalo; djeci s autizmom podrška je potrebna i u prvim razredima škole.', day: 6, channel: 'hearing', answer: { status: 'noted', reasoning: 'Primljeno k znanju. Podrška djeci školskog uzrasta uređena je propisima o obrazovanju; zakon predviđa prelazni plan pri polasku u školu.' } },
  { author: person('Mladen Jurić', 'mladen.juric@example.ba', false), article: 'Pomoć u kući', paragraph: 3, body: 'Ograničenje pomoći u kući na 20 sati sedmično je nerealno za nepokretne osobe koje žive same.', day: 7, answer: { status: 'partly-accepted', reasoning: 'Djelimično prihvaćeno: u izuzetnim slučajevima, na osnovu procjene potreba, obim se može povećati do 40 sati sedmično.', changed: true } },
  { author: org('Udruženje socijalnih radnika FBiH', 'ngo', 'Nermina Pašić', 'nermina.pasic@example.ba'), article: 'Personalna asistencija', body: 'Personalni asistent ne bi smio biti član uže porodice korisnika, jer se tako usluga pretvara u novčanu naknadu porodici.', day: 7, answer: { status: 'rejected', reasoning: 'Nije prihvaćeno. Korisnik bira asistenta; zabrana bi posebno pogodila ruralna područja bez drugih pružalaca. Kvalitet se provjerava standardima iz dijela petog.' } },
  { author: person('Zlatan Hasanbegović', 'zlatan.hasanbegovic@example.ba'), article: 'Usluga predaha', body: 'Predah treba biti dostupan i porodicama koje njeguju odraslu osobu s invaliditetom, ne samo porodicama djece.', day: 3, answer: { status: 'accepted', reasoning: 'Prihvaćeno. Usluga predaha proširena je na porodice koje njeguju odraslu osobu s invaliditetom.', changed: true } },
  { author: person('Emina Kadrić', 'emina.kadric@example.ba'), article: 'Usluga predaha', day: 2, campaign: 'predah', body: CAMPAIGN_TEXT, answer: { status: 'partly-accepted', reasoning: 'Djelimično prihvaćeno: pravo na predah utvrđeno je zakonom u trajanju do 30 dana godišnje; besplatnost za porodice u stanju socijalne potrebe uređuju kantoni propisima o participaciji.' } },
  { author: person('Merima Zukić', 'merima.zukic@example.ba', false), article: 'Usluga predaha', day: 2, campaign: 'predah', body: CAMPAIGN_TEXT, answer: null },
  { author: person('Amela Selimović', 'amela.selimovic@example.ba'), article: 'Usluga predaha', day: 3, campaign: 'predah', body: `${CAMPAIGN_TEXT} Hvala.`, answer: null },
  { author: person('Ibrahim Softić', 'ibrahim.softic@example.ba', false), article: 'Usluga predaha', day: 3, campaign: 'predah', body: CAMPAIGN_TEXT.replace(/č/g, 'c').replace(/š/g, 's').replace(/ž/g, 'z'), answer: null },
  { author: org('Udruga roditelja djece s teškoćama „Zajedno”', 'ngo', 'Dragan Petrović', 'dragan.petrovic@example.ba'), article: 'Usluga predaha', day: 4, campaign: 'predah', body: CAMPAIGN_TEXT, answer: null },
  { author: person('Senad Kurtović', 'senad.kurtovic@example.ba'), article: 'Hraniteljstvo', paragraph: 3, body: 'Naknada hraniteljima mora biti jednaka u cijeloj Federaciji; danas se razlikuje i do tri puta među kantonima.', day: 5, answer: { status: 'accepted', reasoning: 'Prihvaćeno. Najniži iznos naknade utvrđuje Vlada Federacije i obavezuje sve kantone.', changed: true } },
  { author: person('Jasmina Bećirević', 'jasmina.becirevic@example.ba', false), article: 'Uslovi za hranitelja', paragraph: 3, body: 'Najviše tri djeteta u hraniteljskoj porodici ne smije razdvojiti braću i sestre.', day: 6, answer: { status: 'accepted', reasoning: 'Prihvaćeno. Dodan je izuzetak za braću i sestre.', changed: true } },
  { author: org('Ministarstvo za rad, socijalnu politiku i izbjeglice Kantona Sarajevo', 'public-institution', 'Nermin Hadžić', 'nermin.hadzic@example.ba'), article: 'Ograničenje smještaja djece u ustanove', paragraph: 1, channel: 'email', body: 'Zabrana smještaja djece mlađe od tri godine u ustanove je ispravna, ali kantonima treba prelazni rok od najmanje dvije godine da razviju hraniteljstvo.', day: 7, answer: { status: 'accepted', reasoning: 'Prihvaćeno. U prelaznim odredbama utvrđen je rok od dvije godine.', changed: true } },
  { author: org('JU Kantonalni centar za socijalni rad Sarajevo', 'public-institution', 'Lejla Mehmedović', 'lejla.mehmedovic@example.ba'), article: 'Centar za socijalni rad', paragraph: 4, body: 'Norma od jednog socijalnog radnika na 5.000 stanovnika je preniska s obzirom na nove obaveze centra.', proposedWording: '(4) Centar za socijalni rad mora imati najmanje jednog socijalnog radnika na 3.000 stanovnika grada, odnosno općine za koju je osnovan.', day: 8, answer: { status: 'partly-accepted', reasoning: 'Djelimično prihvaćeno: norma je smanjena na jednog radnika na 4.000 stanovnika, uz obavezu revizije nakon tri godine.', changed: true } },
  { author: person('Tarik Begović', 'tarik.begovic@example.ba', false), article: 'Centar za socijalni rad', body: 'Svi u centrima su lijeni i nesposobni, ovo je sramota.', day: 8, hidden: 'offensive', answer: null },
  { author: person('Vesna Todorović', 'vesna.todorovic@example.ba'), article: 'Pomoć u kući', body: 'Povlačim ovaj komentar jer sam ga poslala dva puta.', day: 8, withdrawn: true, answer: null },
  { author: org('Sindikat radnika socijalne zaštite u Federaciji BiH', 'union', 'Nedim Hasić', 'nedim.hasic@example.ba'), article: 'memorandum', body: 'Obrazloženje procjenjuje troškove na 2,8 miliona KM godišnje, ali ne uračunava povećanje broja zaposlenih u centrima. Tražimo realnu procjenu fiskalnog učinka.', day: 8, answer: { status: 'noted', reasoning: 'Primljeno k znanju. Procjena fiskalnog učinka dopunjena je uz nacrt i uključuje troškove novih zaposlenih.' } },
]

function headingOf(node: Json): string | null {
  const first = node.content?.[0]
  if (!first || (first.type !== 'heading' && first.type !== 'article_heading')) return null
  return (first.content ?? []).map((t) => t.text ?? '').join('')
}

function find(doc: Json, test: (node: Json) => boolean): Json | null {
  if (test(doc)) return doc
  for (const child of doc.content ?? []) {
    const found = find(child, test)
    if (found) return found
  }
  return null
}

/**
 * Seeds the closed consultation on version 1 of the sample law, with its report published.
 * Expects seed()'s sample law, its ministry and coordinator; does nothing without them.
 */
export async function seedClosedRound(db: Db, now: Date): Promise<void> {
  const draft = await db.draft.findUnique({
    where: { slug: 'zakon-o-socijalnim-uslugama' },
    select: { id: true, versions: { select: { id: true, seq: true, doc: true }, orderBy: { seq: 'asc' } } },
  })
  const coordinator = await db.user.findUnique({ where: { email: 'lejla.mehmedovic@fmrsp.example.ba' }, select: { id: true } })
  const responder = await db.user.findUnique({ where: { email: 'emir.begic@fmrsp.example.ba' }, select: { id: true } })
  const [v1, v2] = draft?.versions ?? []
  if (!draft || !v1 || !coordinator) return
  const doc = v1.doc as unknown as Json

  // Open for ten days, 80 days ago, from 08:00 on the first day to 23:59 on the tenth in
  // Sarajevo: shorter than the FBiH minimum of 15, with its reason.
  const day = (offset: number) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10)
  const opensAt = fromSarajevoLocal(`${day(-80)}T08:00`)!
  const closesAt = fromSarajevoLocal(`${day(-71)}T23:59`)!
  const reportPublishedAt = new Date(closesAt.getTime() + 12 * DAY)
  const answeredAt = new Date(closesAt.getTime() + 10 * DAY)

  await db.$transaction(
    async (tx) => {
      const round = await tx.round.create({
        data: {
          draftId: draft.id,
          versionId: v1.id,
          title: 'Prethodne konsultacije o Prednacrtu zakona o socijalnim uslugama',
          stage: 'prednacrt',
          state: 'report-published',
          opensAt,
          closesAt,
          shortPeriodReason:
            'Rok je skraćen na 10 dana jer je Vlada Federacije zatražila da se prednacrt razmotri u tekućem kvartalu. Široke javne konsultacije od 30 dana slijede na nacrtu.',
          moderationMode: 'post',
          summary: 'Prethodne konsultacije sa stručnom javnošću i udruženjima o prvoj verziji teksta, prije izrade nacrta.',
          leadId: coordinator.id,
          reportPublishedAt,
          targetGroups: 'Centri za socijalni rad, udruženja korisnika i pružalaca, akademska zajednica, kantonalna ministarstva.',
          methods: ['online', 'hearings', 'written'],
          contactName: 'Lejla Mehmedović',
          contactEmail: 'konsultacije@fmrsp.example.ba',
          answersPublication: 'with-report',
          createdAt: new Date(opensAt.getTime() - 5 * DAY),
        },
      })
      await tx.hearing.create({
        data: {
          roundId: round.id,
          startsAt: new Date(opensAt.getTime() + 5 * DAY + 3 * HOUR),
          place: 'Sarajevo, Vlada Federacije BiH, Alipašina 41, sala 2',
          agenda: 'Predstavljanje prednacrta; katalog usluga i finansiranje',
          createdAt: round.createdAt,
        },
      })
      const key = (to: string, at: Date) => `${round.id}:${to}:${at.toISOString()}`
      await tx.roundTransition.createMany({
        data: [
          { roundId: round.id, fromState: 'planned', toState: 'open', at: opensAt, scheduleKey: key('open', opensAt) },
          { roundId: round.id, fromState: 'open', toState: 'closed', at: closesAt, scheduleKey: key('closed', closesAt) },
          { roundId: round.id, fromState: 'closed', toState: 'report-published', at: reportPublishedAt, byId: coordinator.id },
        ],
      })

      const users = new Map<string, string>()
      const organisations = new Map<string, string>()
      const userFor = async (email: string, name: string) => {
        const known = users.get(email) ?? (await tx.user.findUnique({ where: { email }, select: { id: true } }))?.id
        if (known) return known
        const created = await tx.user.create({ data: { email, name, locale: 'bs', emailVerifiedAt: opensAt, createdAt: opensAt } })
        users.set(email, created.id)
        return created.id
      }
      const organisationFor = async (name: string, kind: string) => {
        const known = organisations.get(name) ?? (await tx.organisation.findFirst({ where: { name }, select: { id: true } }))?.id
        if (known) return known
        const created = await tx.organisation.create({
          data: { slug: `${slugify(name)}-${round.id.slice(-6)}`, name, kind, verification: 'verified', verifiedAt: opensAt },
        })
        organisations.set(name, created.id)
        return created.id
      }

      const memorandumSection = find(doc, (n) => n.type === 'memorandum_section' && /FINANSIJSK/i.test(headingOf(n) ?? ''))
      const campaigns = new Map<string, string>()
      for (const [index, c] of COMMENTS.entries()) {
        let targetKind = 'draft'
        let targetNodeId: string | null = null
        let articleNodeId: string | null = null
        if (c.article === 'memorandum') {
          targetKind = 'memorandum'
          targetNodeId = (memorandumSection?.attrs?.id as string | undefined) ?? null
        } else if (c.article) {
          const article = find(doc, (n) => n.type === 'article' && headingOf(n) === c.article)
          if (!article) throw new Error(`Closed-round sample comment ${index + 1} names an unknown article: ${c.article}`)
          articleNodeId = article.attrs!.id as string
          targetKind = 'article'
          targetNodeId = articleNodeId
          if (c.paragraph) {
            const paragraph = (article.content ?? []).filter((n) => n.type === 'paragraph')[c.paragraph - 1]
            if (!paragraph) throw new Error(`Closed-round sample comment ${index + 1}: "${c.article}" has no paragraph ${c.paragraph}`)
            targetKind = 'paragraph'
            targetNodeId = paragraph.attrs!.id as string
          }
        }
        const a = c.author
        const authorId = await userFor(a.email, a.person)
        const organisationId = 'organisation' in a ? await organisationFor(a.organisation, a.kind) : null
        const named = 'organisation' in a ? false : a.named
        const createdAt = new Date(opensAt.getTime() + c.day * DAY + ((index * 7) % 9) * HOUR + 30 * 60_000)
        const staffEntered = c.channel === 'letter' || c.channel === 'email' || c.channel === 'hearing'
        const comment = await tx.comment.create({
          data: {
            roundId: round.id,
            authorId,
            organisationId,
            targetKind,
            targetNodeId,
            articleNodeId,
            body: c.body,
            proposedWording: c.proposedWording ?? null,
            status: c.hidden ? 'hidden' : 'published',
            hiddenReason: c.hidden ?? null,
            moderatedAt: c.hidden ? new Date(createdAt.getTime() + 2 * HOUR) : null,
            moderatedById: c.hidden ? coordinator.id : null,
            consentToPublish: true,
            consentToBeNamed: named,
            authorName: named ? a.person : null,
            consentedAt: createdAt,
            createdAt,
            withdrawnAt: c.withdrawn ? new Date(createdAt.getTime() + HOUR) : null,
            channel: c.channel ?? 'online',
            enteredById: staffEntered ? coordinator.id : null,
            authorCategory: c.category ?? 'citizen',
            groupKey: c.campaign ? (campaigns.get(c.campaign) ?? null) : null,
          },
          select: { id: true },
        })
        if (c.campaign && !campaigns.has(c.campaign)) {
          campaigns.set(c.campaign, comment.id)
          await tx.comment.update({ where: { id: comment.id }, data: { groupKey: comment.id } })
        }
        // Members of a campaign carry the answer given to the whole group.
        const answer = c.answer ?? (c.campaign ? COMMENTS.find((x) => x.campaign === c.campaign && x.answer)?.answer ?? null : null)
        if (answer && !c.hidden && !c.withdrawn) {
          await tx.response.create({
            data: {
              commentId: comment.id,
              status: answer.status,
              reasoning: answer.reasoning,
              authorId: responder?.id ?? coordinator.id,
              publishedAt: answeredAt,
              createdAt: new Date(answeredAt.getTime() - 3 * DAY),
              updatedAt: answeredAt,
              changeVersionId: answer.changed && v2 && articleNodeId ? v2.id : null,
              changeNodeId: answer.changed && v2 && articleNodeId ? articleNodeId : null,
            },
          })
        }
      }
    },
    { timeout: 60_000 },
  )
}
