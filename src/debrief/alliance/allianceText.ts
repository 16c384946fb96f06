/**
 * The alliance view's words, Dutch and English. Neutral on purpose: talking points, never alarms, and no score of a
 * person. Kept next to the view (not in the app's string table) so the feature stays in one folder.
 */
import type { Language } from '../../script/localized.ts'

const text = {
  nl: {
    title: 'Werkrelatie: cliënt en begeleider naast elkaar',
    intro: 'Per onderdeel: hoe cliënt en begeleider het contact zagen (1 = helemaal niet mee eens, 5 = helemaal mee eens). Bij wrijving betekent hoger: meer wrijving.',
    client: 'Cliënt',
    worker: 'Begeleider',
    legend: 'Legenda',
    overall: 'Samen (wrijving omgedraaid)',
    chartTitle: 'Per onderdeel, per contact',
    axis: 'Contact (datum · soort)',
    talkingTitle: 'Bespreekpunten',
    noTalking: 'Geen bespreekpunten: de kanten liggen op elk onderdeel minder dan 2 punten uit elkaar, en wrijving neemt niet toe.',
    differ: 'Bespreekpunt: jullie kijken verschillend naar {part} ({date}: cliënt {client}, begeleider {worker}).',
    rises: 'Bespreekpunt: {part} neemt toe over de laatste drie contacten ({side}: {values}).',
    modeTitle: 'Per soort contact: face to face en op afstand',
    faceToFace: 'Face to face (kantoor, thuis)',
    remote: 'Op afstand (video, telefoon, chat)',
    count: 'Aantal contacten',
    tooFew: 'Te weinig contacten om iets te zeggen: er zijn er minstens {min} van elke soort nodig, per kant die invulde. Nu: face to face {face}, op afstand {remote}.',
    enough: 'Genoeg contacten om de soorten te vergelijken. Het blijft één cliënt: bespreek het, trek geen conclusie.',
    incomplete: 'onvolledig',
    incompleteNote: 'Een onderdeel met een open antwoord heet onvolledig; er wordt niets ingevuld of geraden.',
    table: 'Alle check-ins',
    date: 'Datum',
    kind: 'Soort',
    planned: 'Gepland',
    side: 'Kant',
    set: 'Vragenlijst',
    noDate: 'geen datum',
    yes: 'ja',
    no: 'nee',
    parts: { direction: 'richting en kader', trust: 'vertrouwen', bond: 'band', friction: 'wrijving' } as Record<string, string>,
    kinds: { office: 'kantoor', home: 'thuis', video: 'video', phone: 'telefoon', chat: 'chat' } as Record<string, string>,
    // The worker's form.
    formTitle: 'Check-in van de begeleider',
    formIntro: 'Vul na een contact jouw kant in: dezelfde onderdelen als de cliënt. Ook voor een contact waarover de cliënt niets invulde.',
    formOpen: 'Vul een check-in in',
    formCode: 'Code van de cliënt',
    formCodeHint: '4 tot 12 letters en cijfers, met minstens één cijfer. Geen naam.',
    formSave: 'Zet in het overzicht',
    formCancel: 'Annuleer',
    formMissing: 'Nog niet beantwoord: {items}. Je kunt het zo opslaan; die onderdelen heten dan onvolledig.',
    formBadCode: 'Vul een geldige code in.',
    formBadDate: 'Kies een datum vandaag of eerder.',
    formDone: 'Check-in voor {code} ({date}) staat in het overzicht.',
    formNotKept: 'Alleen in dit venster, tenzij je "Bewaar op deze laptop" kiest.',
    formDownload: 'Bewaar check-in als bestand',
    formDataset: 'Bewaar map voor onderzoek (zip)',
  },
  en: {
    title: 'Working alliance: client and worker side by side',
    intro: 'Per part: how the client and the worker saw the contact (1 = strongly disagree, 5 = strongly agree). For friction, higher means more friction.',
    client: 'Client',
    worker: 'Worker',
    legend: 'Legend',
    overall: 'Together (friction reversed)',
    chartTitle: 'Per part, per contact',
    axis: 'Contact (date · kind)',
    talkingTitle: 'Talking points',
    noTalking: 'No talking points: the sides are less than 2 points apart on every part, and friction does not rise.',
    differ: 'Talking point: you see {part} differently ({date}: client {client}, worker {worker}).',
    rises: 'Talking point: {part} rises over the last three contacts ({side}: {values}).',
    modeTitle: 'Per kind of contact: face to face and remote',
    faceToFace: 'Face to face (office, home)',
    remote: 'Remote (video, phone, chat)',
    count: 'Contacts',
    tooFew: 'Too few contacts to say anything: at least {min} of each kind are needed, for each side that answered. Now: face to face {face}, remote {remote}.',
    enough: 'Enough contacts to compare the kinds. It is still one client: talk about it, draw no conclusion.',
    incomplete: 'incomplete',
    incompleteNote: 'A part with an open answer is called incomplete; nothing is filled in or guessed.',
    table: 'All check-ins',
    date: 'Date',
    kind: 'Kind',
    planned: 'Planned',
    side: 'Side',
    set: 'Item set',
    noDate: 'no date',
    yes: 'yes',
    no: 'no',
    parts: { direction: 'direction and frame', trust: 'trust', bond: 'bond', friction: 'friction' } as Record<string, string>,
    kinds: { office: 'office', home: 'home', video: 'video', phone: 'phone', chat: 'chat' } as Record<string, string>,
    formTitle: "The worker's check-in",
    formIntro: "After a contact, fill in your side: the same parts as the client's. Also for a contact the client did not answer about.",
    formOpen: 'Fill in a check-in',
    formCode: "Client's code",
    formCodeHint: '4 to 12 letters and digits, with at least one digit. No name.',
    formSave: 'Put it in the report',
    formCancel: 'Cancel',
    formMissing: 'Not answered yet: {items}. You can save it like this; those parts are then incomplete.',
    formBadCode: 'Fill in a valid code.',
    formBadDate: 'Choose a date today or earlier.',
    formDone: 'Check-in for {code} ({date}) is in the report.',
    formNotKept: 'In this window only, unless you choose "Keep on this laptop".',
    formDownload: 'Save check-in as a file',
    formDataset: 'Save research folder (zip)',
  },
}

export type AllianceKey = Exclude<keyof (typeof text)['nl'], 'parts' | 'kinds'>

export function allianceText(language: Language, key: AllianceKey, vars: Record<string, string | number> = {}): string {
  return text[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
}

export function builtInPartLabel(language: Language, part: string): string | undefined {
  return text[language].parts[part]
}

export function builtInKindLabel(language: Language, kind: string): string | undefined {
  return text[language].kinds[kind]
}

/** The whole table in both languages, for the debrief's string check (reportLanguage.test.tsx). */
export const allianceStrings = text
