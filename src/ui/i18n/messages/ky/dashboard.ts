import type { Messages } from '../../define.ts'

// Machine-assisted Kyrgyz, to be reviewed by a native speaker (see README, Languages).
export const dashboardKy = {
  'dashboard.heading': 'Өнөктөштүктүн иши кандай жүрүп жатат',
  'dashboard.lead':
    'Сиз окуй турган документтер боюнча ушул түзмөктө эсептелди. Даталар — UTC боюнча календардык күндөр.',
  'dashboard.loading': 'Өнөктөштүктүн документтери жүктөлүүдө…',
  'dashboard.noMembership':
    'Бул түзмөк сиздин мекемеңизди али билбейт. Жыйынтыкты көрүү үчүн бир жолу интернетке туташыңыз.',
  'dashboard.filters': 'Эмнени эсептөө керек',
  'dashboard.from': 'Башталышы',
  'dashboard.to': 'Аягы',
  'dashboard.agency': 'Мекеме',
  'dashboard.agency.all': 'Бүт өнөктөштүк',
  'dashboard.periodInvalid': 'Эки дата тандаңыз, биринчиси экинчисинен кеч болбосун.',
  'dashboard.period': '{from} – {to}',
  'dashboard.readable': {
    one: 'Сиз окуй турган {count} документ боюнча эсептелди.',
    other: 'Сиз окуй турган {count} документ боюнча эсептелди.',
  },
  'dashboard.grantsOffline':
    'Байланыш жок: сиз менен жеке бөлүшүлгөн медиациялар кайра онлайн болгондо эсептелет.',
  'dashboard.chartNote': 'Диаграмма; таблицада ошол эле сандар көрсөтүлгөн.',
  'dashboard.csv': 'CSV жүктөп алуу',
  'dashboard.csvDone': '{file} жүктөлүп алынды.',
  'dashboard.total': 'Бардыгы',
  'dashboard.empty': 'Бул мезгилде эсептей турган эч нерсе жок.',
  'dashboard.col.count': 'Саны',
  'dashboard.col.agency': 'Мекеме',
  'dashboard.col.status': 'Абалы',
  'dashboard.col.accepted': 'Кабыл алынган жолдомолор',
  'dashboard.col.medianDays': 'Медиана (күн)',
  'dashboard.col.responsible': 'Жооптуу',
  'dashboard.col.stage': 'Баскыч',
  'dashboard.col.open': 'Ачык',
  'dashboard.col.breached': 'Мөөнөтү бузулган',
  'dashboard.family': 'Үй-бүлө',
  'dashboard.allAgencies': 'Бардык мекемелер',
  'dashboard.days': { one: '{count} күн', other: '{count} күн' },
  'dashboard.status.heading': 'Жолдомолор абалы боюнча',
  'dashboard.status.hint': 'Мезгил ичинде түзүлгөн жолдомолор, бүгүнкү абалы боюнча.',
  'dashboard.acceptance.heading': 'Сурамдан кабыл алууга чейинки убакыт',
  'dashboard.acceptance.hint':
    'Мезгил ичинде кабыл алынган жолдомолор: сурамдан биринчи кабыл алууга чейинки убакыттын медианасы, кабыл алуучу мекеме боюнча.',
  'dashboard.acceptance.overall': 'Медиана: {median} ({count} кабыл алынган)',
  'dashboard.responses.heading': 'Мөөнөтү өткөн жолдомо жооптору',
  'dashboard.responses.hint':
    'Жооп берүү мөөнөтү ушул мезгилге туура келип, өтүп кеткен, бирок али кабыл алуу же баш тартуу жок; жооп бериши керек болгон мекеме боюнча.',
  'dashboard.actions.heading': 'Мөөнөтү өткөн план иш-аракеттери мекеме боюнча',
  'dashboard.actions.hint':
    'Мөөнөтү ушул мезгилге туура келген, аткарылбаган жана мөөнөтү өткөн план иш-аракеттери. Жооптуусу талаштуу болгон иш-аракет ар бир талапкер үчүн эсептелет.',
  'dashboard.mediations.heading': 'Ачык медиациялар баскыч боюнча',
  'dashboard.mediations.hint':
    'Мезгилдин аягына чейин ачылган жана али ачык турган медиациялар, мөөнөтү өткөндөрү менен.',
  'dashboard.stage.1': '1 · адистер',
  'dashboard.stage.2': '2 · жетекчилер',
  'dashboard.stage.3': '3 · расмий',
  'dashboard.stage.4': '4 · өнөктөштүк кеңеши',
  'dashboard.inTime.heading': 'Мөөнөтүндө берилген жооптор',
  'dashboard.inTime.hint':
    'Жооп берүү мөөнөтү ушул мезгилге туура келген жана жообу күтүлгөн жолдомолор: кабыл алынган же четке кагылган, же мөөнөтү өтсө да дагы эле күтүлүүдө. Жооп мөөнөттүн күнүнөн кечиктирбей келсе, мөөнөтүндө; жооп берүүчү мекеме боюнча.',
  'dashboard.inTime.overall': '{due} жооптун {inTime} мөөнөтүндө',
  'dashboard.col.due': 'Күтүлгөн жооптор',
  'dashboard.col.inTime': 'Мөөнөтүндө',
} satisfies Messages
