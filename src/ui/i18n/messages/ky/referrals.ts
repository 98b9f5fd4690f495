import type { Messages } from '../../define.ts'

// Machine-assisted Kyrgyz, to be reviewed by a native speaker (see README, Languages).
export const referralsKy = {
  'referrals.heading': 'Жолдомолор',
  'referrals.loading': 'Өнөктөштүктүн жолдомолору жүктөлүүдө…',
  'referrals.noMembership':
    'Бул түзмөк сиздин мекемеңизди али билбейт. Жолдомолорду көрүү үчүн бир жолу интернетке туташыңыз.',
  'referrals.tabs.label': 'Көрсөтүү',
  'referrals.tab.action': 'Менин иш-аракетимди күткөн',
  'referrals.tab.received': 'Келгендер',
  'referrals.tab.sent': 'Жөнөтүлгөндөр',
  'referrals.count': { one: '{count} жолдомо', other: '{count} жолдомо' },
  'referrals.overdueCount': {
    one: 'мөөнөтү өткөн: {count}',
    other: 'мөөнөтү өткөн: {count}',
  },
  'referrals.empty.action': 'Азыр мекемеңизди эч нерсе күтпөйт.',
  'referrals.empty.received': 'Мекемеңизге азырынча бир да жолдомо жөнөтүлгөн жок.',
  'referrals.empty.sent': 'Мекемеңиз азырынча эч кимди жолдомо менен жөнөткөн жок.',
  'referrals.row.to': 'кимге: {agency}',
  'referrals.row.from': 'кимден: {agency}',
  'referrals.new.open': 'Жаңы жолдомо',
  'referrals.new.observer': 'Байкоочу катары жолдомолорду окуй аласыз, бирок аларды түзө албайсыз.',
  'referrals.new.heading': 'Жаңы жолдомо',
  'referrals.new.lead':
    'Ал бул түзмөктө долбоор катары түзүлөт, интернетсиз да. Даяр болгондо аны жолдомонун өзүнөн жөнөтүңүз.',
  'referrals.new.agency': 'Кайсы мекемеге жолдомо берилет',
  'referrals.new.agencyChoose': 'Мекемени тандаңыз',
  'referrals.new.service': 'Кызмат (милдеттүү эмес)',
  'referrals.new.serviceHint':
    'Өнөктөштүктүн маалымдамасынан мекеменин кызматтарынын бирин тандаңыз же атын жазыңыз (мисалы, үй-бүлөлүк терапия).',
  'referrals.new.person': 'Жолдомо ким үчүн',
  'referrals.new.kind': 'Бир адам же бүт үй-бүлө',
  'referrals.new.code': 'Иштин коду',
  'referrals.new.codeHint':
    'Иштин коду, эч качан аты эмес — мисалы, R-2026-014. Анда жок дегенде бир сан болушу керек. Өнөктөштүктүн ар бир мекемеси аны өз тизмелеринде көрөт.',
  'referrals.new.textHint':
    'Бул жерде милдеттүү эмес: экөөнү тең жолдомонун өзүнө жазсаңыз болот. Аттарды жазбаңыз.',
  'referrals.new.submit': 'Долбоор түзүү',
  'referrals.new.creating': 'Түзүлүүдө…',
  'referrals.new.error.agency': 'Жолдомо берилүүчү мекемени тандаңыз.',
  'referrals.new.error.code':
    'Иштин кодун жазыңыз: тамгалар, сандар жана . _ / - белгилери, жок дегенде бир сан, боштуксуз.',
  'referrals.new.error.service': 'Кызматтын атын жазыңыз же бош калтырыңыз.',
  'referrals.new.respondByAgreed.working-days': {
    other:
      'Өнөктөштүктө макулдашылган жооп берүү мөөнөтү боюнча сунушталды: {count} жумуш күнү, дем алыш жана майрам күндөрү эсепке алынбайт.',
  },
  'referrals.new.respondByAgreed.hours': {
    other: 'Өнөктөштүктө макулдашылган жооп берүү мөөнөтү боюнча сунушталды: {count} саат.',
  },
} satisfies Messages
