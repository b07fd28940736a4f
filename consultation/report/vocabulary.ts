import { toCyrillic } from '../../drafting/transliteration.ts'
import type { CommentChannel, ConsultationMethod, ParticipantCategory, ReportLang, ReportStatus } from './model.ts'

// The words of the report and its exports in the five languages. They live in the domain,
// not in app/locales, because the exporters run where there is no interface: in the export
// worker and on the command line (see docs/decisions/0020-report-and-exports.md). Serbian
// Cyrillic is not written by hand: it is the Serbian Latin vocabulary through toCyrillic,
// so the two scripts can never say different things.

/** Every word a report and its exports use, in one language and script. */
export interface ReportVocabulary {
  lang: ReportLang
  title: string
  facts: {
    heading: string
    act: string
    version: string
    stage: string
    institution: string
    round: string
    period: string
    duration: string
    minimumDays: string
    shortPeriodReason: string
    methods: string
    hearings: string
    contact: string
    published: string
    notYetPublished: string
  }
  stages: Record<'prednacrt' | 'nacrt' | 'prijedlog', string>
  methods: Record<ConsultationMethod, string>
  channels: Record<CommentChannel, string>
  categories: Record<ParticipantCategory, string>
  statuses: Record<ReportStatus, string>
  participants: { heading: string; category: string; participants: string; comments: string; total: string }
  counts: {
    heading: string
    received: string
    published: string
    notPublished: string
    withdrawn: string
    groups: string
    status: string
    number: string
  }
  comments: { heading: string; general: string; memorandum: string; none: string }
  columns: {
    no: string
    section: string
    unit: string
    author: string
    category: string
    channel: string
    date: string
    comment: string
    proposedWording: string
    count: string
    signers: string
    status: string
    reasoning: string
    visibility: string
  }
  anonymous: string
  visibility: { published: string; hidden: string; pending: string }
  answerDraft: string
  wholeDraft: string
  /** "Strana 3 od 12": the words around the two numbers. */
  page: { page: string; of: string }
  charts: { perArticle: string; perCategory: string; perStatus: string; empty: string }
  sheets: { comments: string; summary: string }
  /** "Grupa istovjetnih komentara: 12" */
  group: (count: number) => string
  /** "Ana Anić, Udruženje Most; neimenovanih: 3" */
  signers: (names: readonly string[], anonymous: number) => string
  /** "Ostali članovi s komentarima: 7" */
  moreArticles: (count: number) => string
  /** "30 dana" */
  days: (count: number) => string
  /** "23. novembra 2026." in Europe/Sarajevo */
  date: (value: Date) => string
  /** "23. novembra 2026. u 14:30" in Europe/Sarajevo */
  dateTime: (value: Date) => string
}

// A month named with its day takes the genitive ("23. novembra 2026.", "23. studenoga 2026."), as on the pages (app/i18n/format.ts).
const MONTHS: Record<Exclude<ReportLang, 'sr-Cyrl'>, string[]> = {
  bs: ['januara', 'februara', 'marta', 'aprila', 'maja', 'juna', 'jula', 'augusta', 'septembra', 'oktobra', 'novembra', 'decembra'],
  hr: ['siječnja', 'veljače', 'ožujka', 'travnja', 'svibnja', 'lipnja', 'srpnja', 'kolovoza', 'rujna', 'listopada', 'studenoga', 'prosinca'],
  'sr-Latn': ['januara', 'februara', 'marta', 'aprila', 'maja', 'juna', 'jula', 'avgusta', 'septembra', 'oktobra', 'novembra', 'decembra'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
}

const SARAJEVO = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Sarajevo', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
})

/** The calendar fields of an instant in Europe/Sarajevo. */
export function sarajevoParts(value: Date): { year: number; month: number; day: number; hour: string; minute: string } {
  const parts = Object.fromEntries(SARAJEVO.formatToParts(value).map((p) => [p.type, p.value]))
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: parts.hour ?? '00', minute: parts.minute ?? '00' }
}

function dates(lang: Exclude<ReportLang, 'sr-Cyrl'>, at: string) {
  const date = (value: Date) => {
    const { year, month, day } = sarajevoParts(value)
    const name = MONTHS[lang][month - 1]
    return lang === 'en' ? `${day} ${name} ${year}` : `${day}. ${name} ${year}.`
  }
  return {
    date,
    dateTime: (value: Date) => {
      const { hour, minute } = sarajevoParts(value)
      return `${date(value)} ${at} ${hour}:${minute}`
    },
  }
}

/** "1 dan, 2 dana, 5 dana, 21 dan": Bosnian, Croatian and Serbian share the forms. */
function slavicDays(count: number): string {
  const one = count % 10 === 1 && count % 100 !== 11
  return `${count} ${one ? 'dan' : 'dana'}`
}

const signersWith = (unnamed: string) => (names: readonly string[], anonymous: number) =>
  [names.join(', '), anonymous > 0 ? `${unnamed}: ${anonymous}` : ''].filter(Boolean).join('; ')

const bs: ReportVocabulary = {
  lang: 'bs',
  title: 'Izvještaj o provedenim konsultacijama',
  facts: {
    heading: 'Podaci o konsultacijama',
    act: 'Propis',
    version: 'Verzija teksta',
    stage: 'Faza',
    institution: 'Nosilac izrade',
    round: 'Konsultacije',
    period: 'Trajanje konsultacija',
    duration: 'Broj dana',
    minimumDays: 'Najkraći propisani rok',
    shortPeriodReason: 'Razlog kraćeg roka',
    methods: 'Načini konsultovanja',
    hearings: 'Javne rasprave',
    contact: 'Voditelj konsultacija',
    published: 'Izvještaj objavljen',
    notYetPublished: 'Izvještaj još nije objavljen (radna verzija)',
  },
  stages: { prednacrt: 'Prednacrt', nacrt: 'Nacrt', prijedlog: 'Prijedlog' },
  methods: { online: 'Komentari na internet stranici', hearings: 'Javne rasprave', written: 'Pisani komentari (pošta, e-mail)' },
  channels: { online: 'Internet stranica', letter: 'Pismo', email: 'E-mail', hearing: 'Javna rasprava' },
  categories: {
    citizen: 'Građani',
    ngo: 'Udruženja i fondacije (nevladine organizacije)',
    'informal-group': 'Neformalne grupe',
    academia: 'Akademska zajednica',
    chamber: 'Komore i strukovna udruženja',
    business: 'Privredna društva',
    'public-institution': 'Javne institucije',
    international: 'Međunarodne organizacije',
  },
  statuses: { accepted: 'Prihvaćen', 'partly-accepted': 'Djelimično prihvaćen', rejected: 'Odbijen', noted: 'Primljen k znanju', unanswered: 'Bez odgovora' },
  participants: { heading: 'Učesnici u konsultacijama', category: 'Kategorija', participants: 'Učesnika', comments: 'Komentara', total: 'Ukupno' },
  counts: {
    heading: 'Komentari i odgovori u brojkama',
    received: 'Primljeno komentara (bez povučenih)',
    published: 'od toga objavljeno',
    notPublished: 'od toga nije objavljeno (moderacija ili bez saglasnosti)',
    withdrawn: 'Povukli podnosioci (nije uračunato gore)',
    groups: 'Grupe istovjetnih komentara',
    status: 'Status odgovora',
    number: 'Broj',
  },
  comments: { heading: 'Komentari i odgovori po članovima', general: 'Opći komentari na nacrt', memorandum: 'Komentari na obrazloženje', none: 'Nema komentara.' },
  columns: {
    no: 'R. br.', section: 'Dio propisa', unit: 'Odredba', author: 'Podnosilac', category: 'Kategorija', channel: 'Način dostavljanja',
    date: 'Datum', comment: 'Komentar', proposedWording: 'Predloženi tekst', count: 'Broj komentara', signers: 'Potpisnici',
    status: 'Status', reasoning: 'Obrazloženje odgovora', visibility: 'Objava',
  },
  anonymous: 'Anonimizirano',
  visibility: { published: 'Objavljen', hidden: 'Skriven (moderacija)', pending: 'Čeka odobrenje' },
  answerDraft: 'Nacrt odgovora – objavljuje se s izvještajem',
  wholeDraft: 'Nacrt u cjelini',
  page: { page: 'Strana', of: 'od' },
  charts: { perArticle: 'Objavljeni komentari po članovima', perCategory: 'Primljeni komentari po kategorijama učesnika', perStatus: 'Odgovori na objavljene komentare', empty: 'Nema podataka.' },
  sheets: { comments: 'Komentari', summary: 'Sažetak' },
  group: (count) => `Grupa istovjetnih komentara: ${count}`,
  signers: signersWith('neimenovanih'),
  moreArticles: (count) => `Ostali članovi s komentarima: ${count}`,
  days: slavicDays,
  ...dates('bs', 'u'),
}

const hr: ReportVocabulary = {
  lang: 'hr',
  title: 'Izvješće o provedenom savjetovanju',
  facts: {
    heading: 'Podaci o savjetovanju',
    act: 'Propis',
    version: 'Inačica teksta',
    stage: 'Faza',
    institution: 'Nositelj izrade',
    round: 'Savjetovanje',
    period: 'Trajanje savjetovanja',
    duration: 'Broj dana',
    minimumDays: 'Najkraći propisani rok',
    shortPeriodReason: 'Razlog kraćeg roka',
    methods: 'Načini savjetovanja',
    hearings: 'Javne rasprave',
    contact: 'Voditelj savjetovanja',
    published: 'Izvješće objavljeno',
    notYetPublished: 'Izvješće još nije objavljeno (radna inačica)',
  },
  stages: { prednacrt: 'Prednacrt', nacrt: 'Nacrt', prijedlog: 'Prijedlog' },
  methods: { online: 'Komentari na internetskoj stranici', hearings: 'Javne rasprave', written: 'Pisani komentari (pošta, e-pošta)' },
  channels: { online: 'Internetska stranica', letter: 'Pismo', email: 'E-pošta', hearing: 'Javna rasprava' },
  categories: {
    citizen: 'Građani',
    ngo: 'Udruge i zaklade (nevladine organizacije)',
    'informal-group': 'Neformalne skupine',
    academia: 'Akademska zajednica',
    chamber: 'Komore i strukovne udruge',
    business: 'Trgovačka društva',
    'public-institution': 'Javne institucije',
    international: 'Međunarodne organizacije',
  },
  statuses: { accepted: 'Prihvaćen', 'partly-accepted': 'Djelomično prihvaćen', rejected: 'Odbijen', noted: 'Primljeno na znanje', unanswered: 'Bez odgovora' },
  participants: { heading: 'Sudionici savjetovanja', category: 'Kategorija', participants: 'Sudionika', comments: 'Komentara', total: 'Ukupno' },
  counts: {
    heading: 'Komentari i odgovori u brojkama',
    received: 'Zaprimljeno komentara (bez povučenih)',
    published: 'od toga objavljeno',
    notPublished: 'od toga nije objavljeno (moderacija ili bez privole)',
    withdrawn: 'Povukli podnositelji (nije uračunato gore)',
    groups: 'Skupine istovjetnih komentara',
    status: 'Status odgovora',
    number: 'Broj',
  },
  comments: { heading: 'Komentari i odgovori po člancima', general: 'Opći komentari na nacrt', memorandum: 'Komentari na obrazloženje', none: 'Nema komentara.' },
  columns: {
    no: 'R. br.', section: 'Dio propisa', unit: 'Odredba', author: 'Podnositelj', category: 'Kategorija', channel: 'Način dostave',
    date: 'Datum', comment: 'Komentar', proposedWording: 'Predloženi tekst', count: 'Broj komentara', signers: 'Potpisnici',
    status: 'Status', reasoning: 'Obrazloženje odgovora', visibility: 'Objava',
  },
  anonymous: 'Anonimizirano',
  visibility: { published: 'Objavljen', hidden: 'Skriven (moderacija)', pending: 'Čeka odobrenje' },
  answerDraft: 'Nacrt odgovora – objavljuje se s izvješćem',
  wholeDraft: 'Nacrt u cjelini',
  page: { page: 'Stranica', of: 'od' },
  charts: { perArticle: 'Objavljeni komentari po člancima', perCategory: 'Zaprimljeni komentari po kategorijama sudionika', perStatus: 'Odgovori na objavljene komentare', empty: 'Nema podataka.' },
  sheets: { comments: 'Komentari', summary: 'Sažetak' },
  group: (count) => `Skupina istovjetnih komentara: ${count}`,
  signers: signersWith('neimenovanih'),
  moreArticles: (count) => `Ostali članci s komentarima: ${count}`,
  days: slavicDays,
  ...dates('hr', 'u'),
}

const srLatn: ReportVocabulary = {
  lang: 'sr-Latn',
  title: 'Izvještaj o sprovedenim konsultacijama',
  facts: {
    heading: 'Podaci o konsultacijama',
    act: 'Propis',
    version: 'Verzija teksta',
    stage: 'Faza',
    institution: 'Obrađivač propisa',
    round: 'Konsultacije',
    period: 'Trajanje konsultacija',
    duration: 'Broj dana',
    minimumDays: 'Najkraći propisani rok',
    shortPeriodReason: 'Razlog kraćeg roka',
    methods: 'Načini konsultovanja',
    hearings: 'Javne rasprave',
    contact: 'Rukovodilac konsultacija',
    published: 'Izvještaj objavljen',
    notYetPublished: 'Izvještaj još nije objavljen (radna verzija)',
  },
  stages: { prednacrt: 'Prednacrt', nacrt: 'Nacrt', prijedlog: 'Prijedlog' },
  methods: { online: 'Komentari na internet stranici', hearings: 'Javne rasprave', written: 'Pisani komentari (pošta, elektronska pošta)' },
  channels: { online: 'Internet stranica', letter: 'Pismo', email: 'Elektronska pošta', hearing: 'Javna rasprava' },
  categories: {
    citizen: 'Građani',
    ngo: 'Udruženja i fondacije (nevladine organizacije)',
    'informal-group': 'Neformalne grupe',
    academia: 'Akademska zajednica',
    chamber: 'Komore i strukovna udruženja',
    business: 'Privredna društva',
    'public-institution': 'Javne institucije',
    international: 'Međunarodne organizacije',
  },
  statuses: { accepted: 'Prihvaćen', 'partly-accepted': 'Djelimično prihvaćen', rejected: 'Odbijen', noted: 'Primljen k znanju', unanswered: 'Bez odgovora' },
  participants: { heading: 'Učesnici u konsultacijama', category: 'Kategorija', participants: 'Učesnika', comments: 'Komentara', total: 'Ukupno' },
  counts: {
    heading: 'Komentari i odgovori u brojkama',
    received: 'Primljeno komentara (bez povučenih)',
    published: 'od toga objavljeno',
    notPublished: 'od toga nije objavljeno (moderacija ili bez saglasnosti)',
    withdrawn: 'Povukli podnosioci (nije uračunato gore)',
    groups: 'Grupe istovjetnih komentara',
    status: 'Status odgovora',
    number: 'Broj',
  },
  comments: { heading: 'Komentari i odgovori po članovima', general: 'Opšti komentari na nacrt', memorandum: 'Komentari na obrazloženje', none: 'Nema komentara.' },
  columns: {
    no: 'R. br.', section: 'Dio propisa', unit: 'Odredba', author: 'Podnosilac', category: 'Kategorija', channel: 'Način dostavljanja',
    date: 'Datum', comment: 'Komentar', proposedWording: 'Predloženi tekst', count: 'Broj komentara', signers: 'Potpisnici',
    status: 'Status', reasoning: 'Obrazloženje odgovora', visibility: 'Objava',
  },
  anonymous: 'Anonimizovano',
  visibility: { published: 'Objavljen', hidden: 'Sakriven (moderacija)', pending: 'Čeka odobrenje' },
  answerDraft: 'Nacrt odgovora – objavljuje se sa izvještajem',
  wholeDraft: 'Nacrt u cjelini',
  page: { page: 'Strana', of: 'od' },
  charts: { perArticle: 'Objavljeni komentari po članovima', perCategory: 'Primljeni komentari po kategorijama učesnika', perStatus: 'Odgovori na objavljene komentare', empty: 'Nema podataka.' },
  sheets: { comments: 'Komentari', summary: 'Rezime' },
  group: (count) => `Grupa istovjetnih komentara: ${count}`,
  signers: signersWith('neimenovanih'),
  moreArticles: (count) => `Ostali članovi sa komentarima: ${count}`,
  days: slavicDays,
  ...dates('sr-Latn', 'u'),
}

const en: ReportVocabulary = {
  lang: 'en',
  title: 'Report on the public consultation',
  facts: {
    heading: 'The consultation',
    act: 'Act',
    version: 'Version of the text',
    stage: 'Stage',
    institution: 'Drafting institution',
    round: 'Consultation',
    period: 'Period',
    duration: 'Days',
    minimumDays: 'Minimum period under the rules',
    shortPeriodReason: 'Reason for the shorter period',
    methods: 'Methods',
    hearings: 'Public hearings',
    contact: 'Consultation lead',
    published: 'Report published',
    notYetPublished: 'Not yet published (working version)',
  },
  stages: { prednacrt: 'Preliminary draft', nacrt: 'Draft', prijedlog: 'Proposal' },
  methods: { online: 'Comments on the website', hearings: 'Public hearings', written: 'Written comments (post, e-mail)' },
  channels: { online: 'Website', letter: 'Letter', email: 'E-mail', hearing: 'Public hearing' },
  categories: {
    citizen: 'Citizens',
    ngo: 'Associations and foundations (NGOs)',
    'informal-group': 'Informal groups',
    academia: 'Academia',
    chamber: 'Chambers and professional bodies',
    business: 'Companies',
    'public-institution': 'Public institutions',
    international: 'International organisations',
  },
  statuses: { accepted: 'Accepted', 'partly-accepted': 'Partly accepted', rejected: 'Rejected', noted: 'Noted', unanswered: 'No answer' },
  participants: { heading: 'Participants', category: 'Category', participants: 'Participants', comments: 'Comments', total: 'Total' },
  counts: {
    heading: 'Comments and answers in numbers',
    received: 'Comments received (withdrawn ones not included)',
    published: 'of which published',
    notPublished: 'of which not published (moderation or no consent)',
    withdrawn: 'Withdrawn by their authors (not counted above)',
    groups: 'Groups of identical comments',
    status: 'Answer',
    number: 'Number',
  },
  comments: { heading: 'Comments and answers, article by article', general: 'General comments on the draft', memorandum: 'Comments on the explanatory memorandum', none: 'No comments.' },
  columns: {
    no: 'No.', section: 'Part of the act', unit: 'Provision', author: 'Submitted by', category: 'Category', channel: 'Received by',
    date: 'Date', comment: 'Comment', proposedWording: 'Proposed wording', count: 'Comments', signers: 'Signers',
    status: 'Status', reasoning: 'Reasoning of the answer', visibility: 'Publication',
  },
  anonymous: 'Anonymised',
  visibility: { published: 'Published', hidden: 'Hidden (moderation)', pending: 'Awaiting approval' },
  answerDraft: 'Draft answer – published with the report',
  wholeDraft: 'The draft as a whole',
  page: { page: 'Page', of: 'of' },
  charts: { perArticle: 'Published comments per article', perCategory: 'Comments received per participant category', perStatus: 'Answers to published comments', empty: 'No data.' },
  sheets: { comments: 'Comments', summary: 'Summary' },
  group: (count) => `Group of identical comments: ${count}`,
  signers: signersWith('unnamed'),
  moreArticles: (count) => `Other articles with comments: ${count}`,
  days: (count) => `${count} ${count === 1 ? 'day' : 'days'}`,
  ...dates('en', 'at'),
}

/** Every string of a vocabulary, and every string its functions return, through `f`. */
function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T
  if (typeof value === 'function') return ((...args: unknown[]) => f((value as (...a: unknown[]) => string)(...args))) as T
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'lang' ? v : mapStrings(v, f)])) as T
  }
  return value
}

const srCyrl: ReportVocabulary = { ...mapStrings(srLatn, toCyrillic), lang: 'sr-Cyrl' }

const VOCABULARIES: Record<ReportLang, ReportVocabulary> = { bs, hr, 'sr-Latn': srLatn, 'sr-Cyrl': srCyrl, en }

/** The words of a report in a language and script. */
export function reportVocabulary(lang: ReportLang): ReportVocabulary {
  return VOCABULARIES[lang]
}
