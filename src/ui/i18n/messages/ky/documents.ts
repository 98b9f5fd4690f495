import type { Messages } from '../../define.ts'

// Machine-assisted Kyrgyz, to be reviewed by a native speaker (see README, Languages).
export const documentsKy = {
  'kind.referral': 'Жолдомо боюнча макулдашуу',
  'kind.plan': 'Үй-бүлө менен иштөө планы',
  'kind.mediation': 'Медиация журналы',
  'documents.heading': 'Документтер',
  'documents.filter.label': 'Көрсөтүү',
  'documents.filter.all': 'Баары',
  'documents.filter.mine': 'Мен түзгөндөр',
  'documents.filter.my-agency': 'Менин мекемемдики',
  'documents.filter.shared-with-my-agency': 'Менин мекемем менен бөлүшүлгөн',
  'documents.filter.needs-my-action': 'Менин иш-аракетимди күткөн',
  'documents.search.label': 'Аталыштардан издөө',
  'documents.search.hint': 'Баш тамгалар жана диакритикалык белгилер эске алынбайт.',
  'documents.count': { one: '{count} документ', other: '{count} документ' },
  'documents.entry.ownedBy': 'ээси: {agency}',
  'documents.entry.created': 'түзүлгөн күнү: {date}',
  'documents.entry.needsAction': 'Мекемеңиздин иш-аракетин күтүүдө',
  'documents.entry.shared': 'Мекемеңиз менен бөлүшүлгөн',
  'documents.loading': 'Өнөктөштүктүн документтери жүктөлүүдө…',
  'documents.empty.none': 'Бул өнөктөштүктө азырынча документтер жок.',
  'documents.empty.noneCreate': 'Биринчи үй-бүлө планын жогорудагы форма менен баштаңыз.',
  'documents.empty.noneOffline':
    'Эгер документтер болушу керек болсо, бул түзмөк тизмени алышы үчүн бир жолу интернетке туташыңыз.',
  'documents.empty.filter': 'Бул көрүнүштө документтер жок.',
  'documents.empty.search': 'Бул көрүнүштө «{query}» камтыган документтин аталышы жок.',
  'documents.empty.reset': 'Бардык документтерди көрсөтүү',
  'documents.new.heading': 'Жаңы үй-бүлө планы',
  'documents.new.titleLabel': 'Кыска аталыш',
  'documents.new.titleHint':
    'Атын эмес, иштин кодун жазыңыз: бул тизмени өнөктөштүктөгү ар бир мекеме көрөт.',
  'documents.new.submit': 'План түзүү',
  'documents.new.creating': 'Түзүлүүдө…',
  'documents.new.errorEmpty': 'Кыска аталыш жазыңыз.',
  'documents.new.errorLong': {
    one: 'Эң көп дегенде {count} белги колдонуңуз.',
    other: 'Эң көп дегенде {count} белги колдонуңуз.',
  },
  'documents.new.failed': 'План түзүлгөн жок: {message}',
  'documents.new.observer': 'Байкоочу катары документтерди окуй аласыз, бирок түзө албайсыз.',
  'documents.new.noMembership':
    'Бул түзмөк сиздин мекемеңизди али билбейт. Документтерди түзүү үчүн бир жолу интернетке туташыңыз.',
} satisfies Messages
