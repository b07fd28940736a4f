// Grouping 20,000 campaign-heavy comments (consultation/grouping.ts), beside the naive
// all-pairs comparison, with pairwise precision and recall against the generator's groups.
import { toCyrillic } from '../drafting/transliteration.ts'
import { foldText } from '../consultation/search/text.ts'
import {
  DEFAULT_GROUPING_THRESHOLD, fingerprintComment, groupComments, nearDuplicates, pairwisePrecisionRecall,
} from '../consultation/grouping.ts'
import { medianMs, type Figure } from './measure.ts'

/** A small deterministic generator (mulberry32): every run groups the same comments. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Rng = () => number
const pick = <T>(next: Rng, list: readonly T[]): T => list[Math.floor(next() * list.length)]!
const between = (next: Rng, low: number, high: number) => low + Math.floor(next() * (high - low + 1))

// ── Vocabulary of comments on a law on social services ────────────────────────────────

const FIRST_NAMES = 'Amra Emina Lejla Selma Aida Mirsada Jasmina Sanela Ivana Marija Ana Jelena Dragana Vesna Azra Merima Senada Nermina Edin Mirza Senad Adnan Haris Kenan Almir Damir Nedim Ivan Marko Josip Goran Dragan Nenad Zoran Emir Tarik Samir Dženan Đorđe Mehmed'.split(' ')
const LAST_NAMES = 'Hodžić Mehmedović Kurtović Begić Hadžić Kovačević Delić Husić Omerović Babić Jukić Marić Petrović Jovanović Šehić Mujić Alić Hasanović Ibrahimović Softić Karić Topić Đurić Lončar Perić Ćosić Žunić Vuković Salihović Smajić'.split(' ')
// [nominative, locative]
const CITIES: readonly (readonly [string, string])[] = [
  ['Sarajevo', 'u Sarajevu'], ['Tuzla', 'u Tuzli'], ['Zenica', 'u Zenici'], ['Mostar', 'u Mostaru'], ['Bihać', 'u Bihaću'],
  ['Travnik', 'u Travniku'], ['Goražde', 'u Goraždu'], ['Livno', 'u Livnu'], ['Orašje', 'u Orašju'], ['Konjic', 'u Konjicu'],
  ['Visoko', 'u Visokom'], ['Gračanica', 'u Gračanici'], ['Cazin', 'u Cazinu'], ['Jajce', 'u Jajcu'], ['Kakanj', 'u Kaknju'],
  ['Bugojno', 'u Bugojnu'], ['Žepče', 'u Žepču'], ['Srebrenik', 'u Srebreniku'], ['Lukavac', 'u Lukavcu'], ['Maglaj', 'u Maglaju'],
  ['Široki Brijeg', 'u Širokom Brijegu'], ['Čapljina', 'u Čapljini'], ['Velika Kladuša', 'u Velikoj Kladuši'], ['Tešanj', 'u Tešnju'],
]
const ROLES = [
  'majka djeteta s invaliditetom', 'otac djeteta s autizmom', 'socijalna radnica', 'socijalni radnik', 'hraniteljica', 'hranitelj',
  'penzioner', 'penzionerka', 'pravnica', 'pravnik u nevladinoj organizaciji', 'student socijalnog rada', 'direktor dnevnog centra',
  'psihologinja u centru za mentalno zdravlje', 'medicinska sestra u kućnoj njezi', 'osoba s invaliditetom', 'volonterka Crvenog križa',
  'predsjednica udruženja roditelja', 'defektolog', 'pedagogica', 'ljekar porodične medicine', 'korisnik usluge dnevnog boravka',
]
// [nominative, genitive, accusative]
const SERVICES: readonly (readonly [string, string, string])[] = [
  ['usluga predaha', 'usluge predaha', 'uslugu predaha'],
  ['pomoć u kući', 'pomoći u kući', 'pomoć u kući'],
  ['dnevni boravak', 'dnevnog boravka', 'dnevni boravak'],
  ['personalna asistencija', 'personalne asistencije', 'personalnu asistenciju'],
  ['stanovanje uz podršku', 'stanovanja uz podršku', 'stanovanje uz podršku'],
  ['hraniteljstvo', 'hraniteljstva', 'hraniteljstvo'],
  ['smještaj u ustanovu', 'smještaja u ustanovu', 'smještaj u ustanovu'],
  ['rana intervencija', 'rane intervencije', 'ranu intervenciju'],
  ['savjetovanje', 'savjetovanja', 'savjetovanje'],
  ['privremeni smještaj', 'privremenog smještaja', 'privremeni smještaj'],
  ['procjena potreba', 'procjene potreba', 'procjenu potreba'],
  ['individualni plan', 'individualnog plana', 'individualni plan'],
  ['kućna njega', 'kućne njege', 'kućnu njegu'],
  ['mobilni tim', 'mobilnog tima', 'mobilni tim'],
]
// [nominative, genitive, dative, accusative]
const GROUPS: readonly (readonly [string, string, string, string])[] = [
  ['osobe s invaliditetom', 'osoba s invaliditetom', 'osobama s invaliditetom', 'osobe s invaliditetom'],
  ['starije osobe', 'starijih osoba', 'starijim osobama', 'starije osobe'],
  ['djeca bez roditeljskog staranja', 'djece bez roditeljskog staranja', 'djeci bez roditeljskog staranja', 'djecu bez roditeljskog staranja'],
  ['porodice s niskim primanjima', 'porodica s niskim primanjima', 'porodicama s niskim primanjima', 'porodice s niskim primanjima'],
  ['žrtve nasilja u porodici', 'žrtava nasilja u porodici', 'žrtvama nasilja u porodici', 'žrtve nasilja u porodici'],
  ['mladi koji napuštaju alternativnu brigu', 'mladih koji napuštaju alternativnu brigu', 'mladima koji napuštaju alternativnu brigu', 'mlade koji napuštaju alternativnu brigu'],
  ['djeca s teškoćama u razvoju', 'djece s teškoćama u razvoju', 'djeci s teškoćama u razvoju', 'djecu s teškoćama u razvoju'],
  ['osobe s duševnim smetnjama', 'osoba s duševnim smetnjama', 'osobama s duševnim smetnjama', 'osobe s duševnim smetnjama'],
  ['samohrani roditelji', 'samohranih roditelja', 'samohranim roditeljima', 'samohrane roditelje'],
  ['romske porodice', 'romskih porodica', 'romskim porodicama', 'romske porodice'],
  ['stanovnici ruralnih područja', 'stanovnika ruralnih područja', 'stanovnicima ruralnih područja', 'stanovnike ruralnih područja'],
  ['gluhe i nagluhe osobe', 'gluhih i nagluhih osoba', 'gluhim i nagluhim osobama', 'gluhe i nagluhe osobe'],
  ['osobe ovisne o tuđoj njezi', 'osoba ovisnih o tuđoj njezi', 'osobama ovisnim o tuđoj njezi', 'osobe ovisne o tuđoj njezi'],
]
// [nominative, genitive]
const INSTITUTIONS: readonly (readonly [string, string])[] = [
  ['centar za socijalni rad', 'centra za socijalni rad'], ['kantonalno ministarstvo', 'kantonalnog ministarstva'],
  ['Federalno ministarstvo', 'Federalnog ministarstva'], ['općina', 'općine'], ['pružalac usluge', 'pružaoca usluge'],
  ['inspekcija', 'inspekcije'], ['javna ustanova', 'javne ustanove'], ['grad', 'grada'], ['kanton', 'kantona'],
]
const JUDGEMENTS = ['prekratak', 'predug', 'nerealan', 'neprecizan', 'neprovodiv', 'nejasan']
const REPLACEMENTS: readonly (readonly [string, string])[] = [
  ['može', 'mora'], ['u pravilu', 'uvijek'], ['najviše', 'najmanje'], ['kanton', 'Federacija'], ['osam dana', 'petnaest dana'],
  ['pismeno', 'pismeno ili elektronski'], ['rješenjem', 'pismenim rješenjem'], ['po potrebi', 'najmanje jednom godišnje'],
  ['stručni radnik', 'socijalni radnik'], ['korisnik', 'korisnik ili njegov zakonski zastupnik'], ['ustanova', 'javna ustanova'],
]
const CLAUSES = [
  'Kanton je dužan osigurati sredstva za pružanje usluge u roku od {d} dana',
  'Korisnik se ne može uputiti u ustanovu izvan kantona bez svog pristanka',
  'Pružalac je dužan objaviti cjenovnik usluga na svojoj internet stranici',
  'Mišljenje djeteta pribavlja se i evidentira u spisu predmeta',
  'Troškove prevodioca za znakovni jezik snosi centar za socijalni rad',
  'Korisnik ima pravo na besplatnu pravnu pomoć u postupku',
  'Usluga se ne može prekinuti dok se ne osigura druga odgovarajuća usluga',
]
const CONNECTIVES = ['', '', '', 'Osim toga, ', 'Također, ', 'S druge strane, ', 'Posebno ističem da ', 'Dodatno, ', 'Pored toga, ']

/**
 * One sentence of an argument. `{slot}` is filled from the vocabulary above (`{a}` article,
 * `{p}` paragraph); `[x|y|z]` is one of its alternatives, so that two people who make the
 * same point rarely write the same sentence.
 */
const ARGUMENTS = [
  '[član {a}. stav ({p})|stav ({p}) člana {a}.|ova odredba] [ne precizira|ne kaže jasno|ostavlja otvorenim pitanje] ko snosi troškove {serviceG} [kada korisnik nema vlastitih prihoda|ako porodica nema novca|za korisnike bez primanja|u slučaju kada kanton nema sredstava].',
  '[rok od {d} dana iz člana {a}.|propisani rok od {d} dana|rok iz stava ({p})] [je|mi se čini|je po mom mišljenju|je zaista] {judgement}[, jer {inst} nema dovoljno stručnih radnika|, posebno u manjim općinama| za ljude kojima je pomoć potrebna odmah|, što znamo iz prakse].',
  '[predlažem|tražim|molim] da se u članu {a}. stav ({p}) riječi "{from}" zamijene riječima "{to}"[| kako bi odredba bila jasnija| jer je sadašnji tekst nejasan].',
  '{groupN} {cityL} [već godinama|odavno|i danas|mjesecima] čekaju na {serviceA}, a [nacrt to ne rješava|zakon o tome šuti|niko ne preuzima odgovornost|{inst} nema odgovor].',
  'nije [jasno|objašnjeno|navedeno] kako će {inst} [osigurati|finansirati|organizovati] {serviceA} [bez dodatnih sredstava iz budžeta|s postojećim brojem zaposlenih|u roku od {m} mjeseci].',
  '[participacija od {pct}% prihoda|iznos participacije od {pct}%|učešće korisnika od {pct}% u cijeni] [previše opterećuje {groupA}|najviše pogađa one koji imaju najmanje, a to su {groupN}|isključuje iz usluge {groupA}].',
  '[smatram|mislim|uvjeren sam] da pravo na {serviceA} treba [osigurati|garantovati|omogućiti] i {groupD} [u manjim općinama|na selu|izvan velikih gradova|bez obzira na mjesto stanovanja].',
  'u članu {a}. [treba dodati|nedostaje] obaveza {instG} da korisnika [pismeno|na razumljiv način|odmah] obavijesti o [odluci|rješenju|svakoj promjeni usluge] u roku od {d} dana.',
  'standardi kvaliteta za {serviceA} [moraju se donijeti|trebaju biti usvojeni|moraju biti poznati] [prije početka primjene zakona|istovremeno sa zakonom|najkasnije za {m} mjeseci].',
  '[iskustvo {cityG} pokazuje|u praksi se vidi|iz vlastitog iskustva znam] da {inst} ne može [obraditi zahtjeve|donijeti rješenje|izvršiti procjenu] u roku od {d} dana.',
  'naknada za [izdavanje licence|licenciranje] od {amount} KM [previsoka je za|nije realna za|će ugasiti] mala udruženja koja pružaju {serviceA}.',
  'treba jasno propisati da {groupN} [imaju pravo birati pružaoca|sami odlučuju o usluzi|mogu promijeniti pružaoca][, a ne da ih centar raspoređuje| bez dodatnih uslova| u svakom trenutku].',
  '[ne vidim razlog|nema opravdanja|nije prihvatljivo] da se {serviceN} ograniči na {d} dana godišnje[| za porodice kojima je potrebna stalna podrška| kada je potreba trajna].',
  'bez [mobilnih timova|prevoza do centra|terenskog rada] {groupN} [u udaljenim naseljima|na selu|u brdskim područjima] [neće imati pristup nijednoj usluzi|ostaju potpuno bez podrške|ostaju zaboravljeni].',
  '[predlažem|tražim] da se u član {a}. doda novi stav ({p}) koji glasi: "{clause}."',
  '[kazna od {amount} KM iz člana {a}.|predviđena kazna za prekršaj od {amount} KM] [nije srazmjerna|je previsoka|je nerealna] za [fizičke osobe|korisnike|porodice koje njeguju člana porodice].',
  'stručni radnici [trebaju imati|moraju imati pravo na] najmanje {h} sati [stručnog usavršavanja|obuke|supervizije] godišnje[ o trošku poslodavca| koje plaća kanton|].',
  'naknada koju hranitelji [dobijaju|primaju] {cityL} [ne pokriva ni osnovne troškove djeteta|nije dovoljna ni za hranu i odjeću|kasni po nekoliko mjeseci].',
  'kada {inst} ne donese rješenje u roku, korisnik ostaje [bez usluge i bez pravnog lijeka|u neizvjesnosti|bez ikakve zaštite][| mjesecima].',
  '[trebalo bi predvidjeti|neophodan je|predlažem] prelazni period od {m} mjeseci za [usklađivanje postojećih pružalaca|pripremu centara za socijalni rad|donošenje podzakonskih akata].',
  'nacrt [gotovo ne spominje|zanemaruje|nedovoljno štiti] {groupA}, iako su [među najugroženijima|u najtežem položaju|najviše izloženi siromaštvu].',
  'zašto se {serviceN} finansira iz budžeta [kantona|općine], a ne iz budžeta Federacije[?|, kada su potrebe iste u cijeloj zemlji?]',
  'u obrazloženju [nema procjene|ne piše] koliko će primjena člana {a}. koštati [budžete kantona i općina|Federaciju|korisnike].',
  'definicija iz člana 2. tačka {letter}) je [preširoka|preuska|nejasna] i [obuhvata i osobe kojima usluga nije potrebna|isključuje {groupA}|otvara prostor za različita tumačenja].',
  '[slažem se|dobro je] da {serviceN} [treba imati|ima] prednost u odnosu na smještaj u ustanovu[| i to treba dosljedno provesti| ali za to trebaju novac i ljudi].',
  'inspekcijski nadzor nad pružaocima [treba obavljati|mora se vršiti] najmanje jednom u {y} godine[ i bez najave|, uz učešće korisnika|].',
  'roditelji {groupG} [nemaju kome da se obrate|ostaju sami] kada im {inst} [odbije zahtjev|ne odgovori na zahtjev|ukine uslugu].',
  'moja porodica je na {serviceA} [čekala|čeka već] {months} mjeseci, a [rok iz člana {a}. to neće promijeniti|nacrt ne nudi rješenje|niko nam nije pomogao].',
  'u stavu ({p}) člana {a}. nedostaje rok u kojem {inst} mora [donijeti plan razvoja usluga|objaviti listu pružalaca|izvijestiti o stanju usluga].',
  'prihod porodice [ne bi smio biti uslov|ne treba uzimati u obzir] za {serviceA} kada se radi o {groupD}.',
  'evidencije iz člana {a}. ne smiju [sadržavati podatke o vjeroispovijesti i zdravlju korisnika|biti dostupne svim zaposlenima|se čuvati neograničeno].',
  '[podržavam|pozdravljam] odredbu o zabrani smještaja djece mlađe od {y} godine u ustanove[| i tražim da se dosljedno provodi| ali rok za njenu primjenu je predug].',
  'član {a}. [treba uskladiti|nije usklađen] s Konvencijom o [pravima osoba s invaliditetom|pravima djeteta][| i to treba hitno ispraviti].',
  'licencu stručnog radnika [ne bi trebalo obnavljati|je besmisleno obnavljati] svakih {y} godine, jer to [samo stvara troškove|opterećuje ljude koji su već preopterećeni|ništa ne doprinosi kvalitetu].',
]
const OPENINGS = [
  'Kao {role} {cityL}, [želim ukazati|moram ukazati|ukazujem] na [nekoliko problema|ozbiljne nedostatke|par stvari] u nacrtu.',
  'Ja sam {role} {cityL} i ovaj komentar dajem u svoje ime.',
  'Radim kao {role} već {years} godina.',
  'Obraćam se kao {role}[| {cityL}].',
  '[Nakon čitanja nacrta|Pažljivo sam pročitala nacrt i|Pročitao sam nacrt i] imam nekoliko primjedbi.',
  'Komentar se odnosi na član {a}. nacrta.',
  '[Podržavam|Pozdravljam] donošenje ovog zakona, ali imam primjedbe na pojedine odredbe.',
  'Cijenim trud radne grupe, ali nacrt [ima ozbiljne nedostatke|treba doraditi].',
  'Kao {role}, svakodnevno vidim kako sistem socijalnih usluga radi u praksi.',
]
const CLOSINGS = [
  'Hvala na prilici da učestvujem u konsultacijama.', 'Nadam se da će [moje primjedbe biti razmotrene|ovi prijedlozi biti razmotreni].',
  'Molim da se ovaj prijedlog uzme u obzir.', 'Očekujem odgovor radne grupe.', 'Za sva pojašnjenja stojim na raspolaganju.',
  'Nadam se da zakon neće ostati samo na papiru.', 'Hvala unaprijed.',
]
const SHORT_COMMENTS = [
  'Podržavam član {a}.', 'Član {a}. treba brisati.', 'Slažem se sa stavom ({p}) člana {a}.', 'Ne slažem se s članom {a}.',
  'Rok iz člana {a}. je {judgement}.', 'Dobro rješenje za {serviceA}.', 'Šta je s {groupI}?', 'Stav ({p}) člana {a}. je {judgement}.',
  'Podržavam {serviceA}.', 'Ko plaća {serviceA}?',
]
const GROUP_INSTRUMENTAL = ['osobama s invaliditetom', 'starijim osobama', 'hraniteljima', 'samohranim roditeljima', 'romskim porodicama', 'mladima', 'selom']

function fill(next: Rng, template: string): string {
  const service = pick(next, SERVICES)
  const group = pick(next, GROUPS)
  const inst = pick(next, INSTITUTIONS)
  const city = pick(next, CITIES)
  const [from, to] = pick(next, REPLACEMENTS)
  const values: Record<string, () => string> = {
    a: () => String(between(next, 1, 86)), p: () => String(between(next, 1, 6)), d: () => String(pick(next, [8, 15, 30, 45, 60, 90])),
    m: () => String(pick(next, [6, 12, 18, 24, 36])), y: () => String(pick(next, [2, 3])), h: () => String(pick(next, [20, 24, 30, 40])),
    months: () => String(between(next, 2, 18)), years: () => String(between(next, 2, 30)), pct: () => String(pick(next, [10, 20, 30, 40, 50])),
    amount: () => String(pick(next, [100, 200, 500, 1000, 1500, 3000])), letter: () => pick(next, ['a', 'b', 'c', 'd', 'e', 'f']),
    serviceN: () => service[0], serviceG: () => service[1], serviceA: () => service[2],
    groupN: () => group[0], groupG: () => group[1], groupD: () => group[2], groupA: () => group[3], groupI: () => pick(next, GROUP_INSTRUMENTAL),
    inst: () => inst[0], instG: () => inst[1], cityL: () => city[1], cityG: () => city[0], role: () => pick(next, ROLES),
    judgement: () => pick(next, JUDGEMENTS), from: () => from, to: () => to,
    clause: () => fill(next, pick(next, CLAUSES)),
  }
  return template
    .replace(/\[([^\]]*)\]/g, (_, alternatives: string) => pick(next, alternatives.split('|')))
    .replace(/\{(\w+)\}/g, (_, slot: string) => values[slot]!())
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/**
 * A comment written by one person: a short one (8%), or an optional opening, two to four
 * arguments and an optional closing. Never a single argument: two one-sentence comments
 * from one template can differ in a number alone, and would be near-duplicates by
 * construction, not by the people who wrote them.
 */
function ownComment(next: Rng, minArguments = 2): string {
  if (minArguments === 2 && next() < 0.08) return fill(next, pick(next, SHORT_COMMENTS))
  const sentences: string[] = []
  if (next() < 0.45) sentences.push(fill(next, pick(next, OPENINGS)))
  const r = next()
  const count = Math.max(minArguments, r < 0.5 ? 2 : r < 0.85 ? 3 : 4)
  const used = new Set<string>()
  for (let i = 0; i < count; i++) {
    let template: string
    do template = pick(next, ARGUMENTS)
    while (used.has(template))
    used.add(template)
    const connective = i === 0 ? '' : pick(next, CONNECTIVES)
    const argument = fill(next, template)
    sentences.push(connective ? connective + argument : capitalise(argument))
  }
  if (next() < 0.4) sentences.push(pick(next, CLOSINGS))
  return sentences.join(next() < 0.15 ? '\n' : ' ')
}

// ── Campaigns: one text, sent by many people ─────────────────────────────────────────

const CAMPAIGN_TEXTS = [
  'Kao roditelji djece s teškoćama u razvoju tražimo da se u članu 28. ukine ograničenje od 45 dana godišnje za korištenje usluge predaha. Porodice koje brinu o djetetu s najtežim oblikom invaliditeta trebaju predah tokom cijele godine, a ne samo nekoliko sedmica. Predlažemo da se broj dana utvrđuje individualnim planom, prema stvarnim potrebama porodice. Usluga predaha mora biti dostupna u svakoj općini, a ne samo u velikim gradovima.',
  'Mi, hranitelji iz Federacije Bosne i Hercegovine, tražimo da se naknada za hraniteljstvo utvrdi jedinstveno za cijelu Federaciju i da ne bude niža od 50% prosječne plaće. Danas hranitelj u jednom kantonu dobija dvostruko više nego u susjednom, za isto dijete i isti posao. Također tražimo da se hraniteljima prizna radni staž i zdravstveno osiguranje, jer je hraniteljstvo posao koji traje 24 sata dnevno.',
  'Socijalni radnici centara za socijalni rad traže da se u članu 36. propiše norma od jednog socijalnog radnika na 3.000 stanovnika. Nacrt nam daje niz novih poslova, od procjene potreba u roku od 30 dana do vođenja jedinstvenog informacionog sistema, a broj zaposlenih ostaje isti. Bez realne norme rokovi iz zakona ostat će na papiru, a posljedice će snositi korisnici.',
  'Penzioneri traže da se participacija korisnika iz člana 64. ograniči na najviše 10% mjesečnih primanja. Većina penzionera prima najnižu penziju i ne može platiti pomoć u kući niti dnevni boravak po cijenama koje predviđa nacrt. Zakon mora osigurati da niko ne ostane bez usluge samo zato što je siromašan.',
  'U ime Saveza gluhih i nagluhih tražimo da se u članu 8. izričito propiše pravo na besplatnog prevodioca za znakovni jezik u svim postupcima pred centrom za socijalni rad. Gluhe osobe danas moraju same plaćati prevodioca ili dovoditi članove porodice, što krši njihovo pravo na privatnost. Pristupačnost informacija mora biti obaveza, a ne preporuka.',
  'Osobe s invaliditetom traže da personalna asistencija iz člana 26. bude pravo svake osobe kojoj je potrebna, bez obzira na prihode porodice. Personalni asistent nam omogućava da radimo, studiramo i živimo samostalno, umjesto da budemo zatvoreni u kući ili smješteni u ustanovu. Broj sati asistencije mora se utvrđivati prema stvarnim potrebama, a ne prema raspoloživim sredstvima kantona.',
  'Tražimo da se u članu 10. ukine uslov prebivališta za korištenje hitnih socijalnih usluga. Mnoge romske porodice nemaju prijavljeno prebivalište ili lične dokumente i zbog toga ostaju bez ikakve podrške, iako su u najtežem položaju. Centar za socijalni rad mora pomoći u pribavljanju dokumenata, a usluga se mora pružiti odmah, dok postupak traje.',
  'Podržavamo zabranu smještaja djece mlađe od tri godine u ustanove iz člana 33. i tražimo da se ta zabrana proširi na svu djecu do navršene šeste godine. Dijete mora odrastati u porodici, a ne u domu. Tražimo i da se plan deinstitucionalizacije donese u roku od jedne godine, s jasnim rokovima i sredstvima za razvoj hraniteljstva i usluga u zajednici.',
  'Udruženja koja pružaju socijalne usluge traže da se uslovi za izdavanje licence iz člana 43. prilagode malim pružaocima. Naknada za licencu, obavezni broj zaposlenih i vanjska procjena kvaliteta svake dvije godine za mala udruženja su nepremostiv teret. Predlažemo jednostavniji postupak za pružaoce s manje od deset korisnika i prelazni period od tri godine.',
  'Tražimo da se u članu 34. sigurne kuće izričito navedu kao pružaoci privremenog smještaja u kriznim situacijama i da se njihov rad finansira iz budžeta Federacije, a ne iz donacija. Žene i djeca koji bježe od nasilja ne smiju čekati rješenje centra za socijalni rad da bi dobili smještaj. Smještaj se mora osigurati isti dan, a rješenje donijeti naknadno.',
  'Stanovnici ruralnih područja traže da se u članu 8. propiše obaveza kantona da osigura mobilne timove za pomoć u kući i procjenu potreba u svim naseljima udaljenim više od 20 kilometara od centra za socijalni rad. Starije osobe na selu danas ne mogu doći do centra, a usluge do njih ne dolaze. Bez mobilnih timova zakon će važiti samo za gradove.',
  // The same issue as the first campaign, in other words: the two must stay apart.
  'Udruženje roditelja Dajte nam šansu predlaže izmjenu člana 28. tako da usluga predaha bude osigurana najmanje 60 dana godišnje, uz mogućnost korištenja po satima. Roditelji koji sami njeguju dijete s autizmom ili cerebralnom paralizom godinama nemaju nijedan slobodan dan. Predah nije luksuz, nego uslov da porodica ostane na okupu i da dijete ne završi u ustanovi.',
  'Mladi koji izlaze iz alternativne brige traže da se podrška u osamostaljivanju iz člana 11. produži do navršene 26. godine za sve, a ne samo za one koji se školuju. Sa 18 godina ostajemo bez smještaja, bez posla i bez ikoga, i mnogi od nas završe na ulici. Tražimo pravo na stanovanje uz podršku i savjetnika koji će nas pratiti do zaposlenja.',
  'Tražimo da se iz člana 67. izbriše obaveza unosa podataka o zdravstvenom stanju i vjeroispovijesti korisnika u jedinstveni informacioni sistem. Ovi podaci nisu potrebni za pružanje usluge, a njihovo prikupljanje na jednom mjestu stvara ozbiljan rizik za privatnost korisnika. Pristup sistemu moraju imati samo stručni radnici koji vode predmet, uz evidenciju svakog pristupa.',
]
const CAMPAIGN_SIZES = [500, 430, 360, 300, 250, 210, 170, 140, 110, 90, 70, 55, 40, 30]
// Short campaigns: members differ only in what folding removes (case, punctuation,
// diacritics, script), because short texts group only when identical after folding.
const SHORT_CAMPAIGNS: readonly (readonly [string, number])[] = [
  ['Podržavam!', 150], ['Podržavam prijedlog roditelja.', 60], ['Tražimo ukidanje participacije!', 35], ['Potpisujem peticiju udruženja Naša djeca.', 25],
]

const SYNONYMS = new Map([
  ['tražimo', 'zahtijevamo'], ['traže', 'zahtijevaju'], ['predlažemo', 'predlažem'], ['mora', 'treba'], ['porodice', 'obitelji'],
  ['također', 'isto tako'], ['samo', 'jedino'], ['ukine', 'ukloni'], ['jer', 'zato što'], ['odmah', 'bez odlaganja'],
  ['najmanje', 'barem'], ['dijete', 'djete'], ['danas', 'sada'], ['izričito', 'jasno'], ['osigura', 'obezbijedi'],
])
const FILLER_WORDS = 'zaista uvijek posebno hitno jasno stvarno sve naše vaše ovaj taj'.split(' ')
const GREETINGS = ['Poštovani,', 'Poštovana radna grupo,', 'Dobar dan,', 'Poštovani članovi radne grupe,', 'Zdravo,', 'Poštovanje,']
const PERSONAL = [
  'Ja sam majka dvoje djece {cityL}.', 'Moj sin ima {years} godina.', 'Živim {cityL} i ovo se tiče moje porodice.',
  'Potpisujem ovaj zahtjev u ime svoje porodice.', 'Ovo je i moje iskustvo.',
]

function signature(next: Rng): string {
  const name = `${pick(next, FIRST_NAMES)} ${pick(next, LAST_NAMES)}`
  const city = pick(next, CITIES)[0]
  return pick(next, [
    `\n\nS poštovanjem,\n${name}`, `\n${name}, ${city}`, `\nLijep pozdrav, ${name.split(' ')[0]}`, ` ${name}`,
    `\n\n${name}\n${city}`, `\n— ${name}, ${pick(next, ROLES)}`, `\n${city}, ${between(next, 1, 30)}. 11. 2026.\n${name}`,
  ])
}

function typo(next: Rng, word: string): string {
  const at = between(next, 1, word.length - 2)
  switch (between(next, 0, 3)) {
    case 0: return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) // swapped letters
    case 1: return word.slice(0, at) + word.slice(at + 1) // a letter dropped
    case 2: return word.slice(0, at) + word[at] + word.slice(at) // a letter doubled
    default: return word.slice(0, at) + pick(next, [...'aeiounrst']) + word.slice(at + 1) // a wrong letter
  }
}

const stripDiacritics = (text: string, dj: string) =>
  text.replace(/[čćšžđČĆŠŽĐ]/g, (c) => ({ č: 'c', ć: 'c', š: 's', ž: 'z', đ: dj, Č: 'C', Ć: 'C', Š: 'S', Ž: 'Z', Đ: dj.toUpperCase() })[c]!)

/** One campaign member: the campaign's text as one person sends it. */
function perturb(next: Rng, template: string): string {
  let sentences = template.split(/(?<=[.!?])\s+/)
  if (sentences.length > 2 && next() < 0.04) sentences = sentences.slice(0, -1) // copied only in part
  if (next() < 0.1) sentences.splice(next() < 0.5 ? 0 : sentences.length, 0, fill(next, pick(next, PERSONAL)))
  const words = sentences.join(' ').split(' ')
  const edit = (count: number, change: (word: string) => string | null) => {
    for (let k = 0; k < count; k++) {
      const at = Math.floor(next() * words.length)
      const changed = change(words[at]!)
      if (changed !== null) words[at] = changed
    }
  }
  const typos = pick(next, [0, 0, 0, 0, 0, 1, 1, 1, 2, 3])
  edit(typos, (word) => (/^\p{L}{4,}/u.test(word) ? typo(next, word) : null))
  const changes = pick(next, [0, 0, 0, 0, 0, 0, 1, 1, 2])
  edit(changes, (word) => {
    const bare = word.replace(/[^\p{L}]/gu, '').toLowerCase()
    return SYNONYMS.has(bare) ? word.replace(/\p{L}+/u, SYNONYMS.get(bare)!) : next() < 0.5 ? `${word} ${pick(next, FILLER_WORDS)}` : null
  })
  if (next() < 0.05) words.splice(Math.floor(next() * words.length), 1) // a word left out
  let text = words.join(' ')
  if (next() < 0.3) text = text.replace(/,/g, '')
  if (next() < 0.2) text = text.replace(/\. /g, '.\n')
  if (next() < 0.2) text = text.replace(/\.$/, pick(next, ['!', '!!!', '']))
  if (next() < 0.35) text = `${pick(next, GREETINGS)}\n${text}`
  if (next() < 0.4) text += signature(next)
  const form = next()
  if (form < 0.05) text = text.toUpperCase()
  else if (form < 0.1) text = text.toLowerCase()
  const script = next()
  if (script < 0.3) text = stripDiacritics(text, next() < 0.5 ? 'dj' : 'd')
  else if (script < 0.38) text = toCyrillic(text)
  return text
}

/** A short campaign member: the same words, changed only in case, punctuation, diacritics or script. */
function perturbShort(next: Rng, template: string): string {
  let text = template
  if (next() < 0.3) text = text.replace(/[.!]$/, pick(next, ['', '!', '!!!', '.']))
  if (next() < 0.15) text = text.toUpperCase()
  else if (next() < 0.15) text = text.toLowerCase()
  if (next() < 0.3) text = stripDiacritics(text, 'dj')
  else if (next() < 0.1) text = toCyrillic(text)
  return next() < 0.1 ? `  ${text} ` : text
}

/**
 * `total` comments on a law on social services, shuffled, with the true campaign groups.
 * 70% are written by one person each (distinct after folding: the generator rejects a
 * repeat, so no two of them are truly identical); 30% belong to campaigns of 2 to 500
 * members: the fourteen campaign texts above, four short ones, and the rest small groups
 * (2 to 20) who copied one person's comment.
 */
export function generatedComments(total = 20_000): { comments: { id: string; body: string }[]; groups: string[][] } {
  const next = random(20_000)
  const scale = total / 20_000
  const campaignTotal = Math.round(total * 0.3)
  const bodies: { body: string; group: number }[] = []
  const taken = new Set<string>()
  let groupCount = 0
  const addGroup = (members: string[]) => {
    for (const body of members) bodies.push({ body, group: groupCount })
    groupCount++
  }

  let campaigned = 0
  CAMPAIGN_TEXTS.forEach((text, i) => {
    const size = Math.max(2, Math.round(CAMPAIGN_SIZES[i]! * scale))
    addGroup(Array.from({ length: size }, () => perturb(next, text)))
    taken.add(foldText(text))
    campaigned += size
  })
  for (const [text, size] of SHORT_CAMPAIGNS) {
    const n = Math.max(2, Math.round(size * scale))
    addGroup(Array.from({ length: n }, () => perturbShort(next, text)))
    taken.add(foldText(text))
    campaigned += n
  }
  while (campaigned < campaignTotal) {
    let size = 2 + Math.floor(next() ** 3 * 19)
    if (campaignTotal - campaigned - size < 2) size = campaignTotal - campaigned
    let text: string
    do text = ownComment(next, 3)
    while (taken.has(foldText(text)))
    taken.add(foldText(text))
    addGroup(Array.from({ length: size }, () => perturb(next, text)))
    campaigned += size
  }
  while (bodies.length < total) {
    const text = ownComment(next)
    const folded = foldText(text)
    if (taken.has(folded)) continue
    taken.add(folded)
    const r = next()
    bodies.push({ body: r < 0.1 ? stripDiacritics(text, 'dj') : r < 0.14 ? toCyrillic(text) : text, group: -1 })
  }

  for (let i = bodies.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[bodies[i], bodies[j]] = [bodies[j]!, bodies[i]!]
  }
  const comments = bodies.map((b, i) => ({ id: `k${String(i).padStart(5, '0')}`, body: b.body }))
  const groups: string[][] = Array.from({ length: groupCount }, () => [])
  bodies.forEach((b, i) => {
    if (b.group >= 0) groups[b.group]!.push(comments[i]!.id)
  })
  return { comments, groups }
}

/** The naive way: the same rules (`nearDuplicates`) for every pair of comments, no MinHash, no LSH. */
export function naiveGrouping(comments: readonly { id: string; body: string }[], threshold = DEFAULT_GROUPING_THRESHOLD): string[][] {
  const prints = comments.map((c) => fingerprintComment(c.body))
  const parent = comments.map((_, i) => i)
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)))
  for (let i = 0; i < comments.length; i++) {
    for (let j = 0; j < i; j++) {
      if (nearDuplicates(prints[i]!, prints[j]!, threshold)) parent[find(i)] = find(j)
    }
  }
  const groups = new Map<number, string[]>()
  comments.forEach((c, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), c.id]))
  return [...groups.values()].filter((g) => g.length > 1)
}

/**
 * `grouping-20000` and `grouping-2000` (ms), `grouping-naive-2000` (all pairs, ms), and
 * `grouping-precision` / `grouping-recall`: pairwise, against the generator's groups.
 */
export function groupingFigures(): Figure[] {
  let data: ReturnType<typeof generatedComments> | null = null
  const input = () => (data ??= generatedComments(20_000))
  let quality: { precision: number; recall: number } | null = null
  const measureQuality = () => {
    if (quality === null) {
      const predicted = groupComments(input().comments).map((g) => g.ids)
      quality = pairwisePrecisionRecall(predicted, input().groups)
    }
    return quality
  }
  return [
    { name: 'grouping-20000', unit: 'ms', measure: () => medianMs(() => groupComments(input().comments), 5) },
    { name: 'grouping-2000', unit: 'ms', measure: () => medianMs(() => groupComments(input().comments.slice(0, 2000)), 10) },
    { name: 'grouping-naive-2000', unit: 'ms', measure: () => medianMs(() => naiveGrouping(input().comments.slice(0, 2000)), 3) },
    { name: 'grouping-precision', unit: 'ratio', measure: () => measureQuality().precision },
    { name: 'grouping-recall', unit: 'ratio', measure: () => measureQuality().recall },
  ]
}
