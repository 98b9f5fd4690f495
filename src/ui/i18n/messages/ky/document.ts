import type { Messages } from '../../define.ts'

// Machine-assisted Kyrgyz, to be reviewed by a native speaker (see README, Languages).
export const openDocumentKy = {
  'document.back': 'Бардык документтер',
  'document.untitled': 'Аталышы жок документ',
  'document.loading': 'Документ бул түзмөктө ачылууда…',
  'document.invalidId': 'Бул документтин туура дареги эмес.',
  'document.notHere': 'Бул документ бул түзмөккө али келе элек.',
  'document.notHereHint':
    'Түзмөк серверге туташаары менен пайда болот, эгер мекемеңиздин ага кирүү укугу болсо.',
  'document.waiting': 'Документтин мазмуну серверден күтүлүүдө…',
  'document.status.label': 'Бул документ',
  'document.readOnly.observer': 'Сиз байкоочусуз: бул планды окуй аласыз, бирок өзгөртө албайсыз.',
  'document.readOnly.grant': 'Мекемеңиз бул документти окуй алат, бирок өзгөртө албайт.',
  'document.refused.forbidden': 'Бул документке кирүү укугуңуз жок.',
  'document.refused.revoked': 'Бул түзмөктүн кирүү укугу жокко чыгарылды.',
  'document.refused.badRoom': 'Бул документтин туура дареги эмес.',
  'document.refused.tooLarge': 'Өзгөртүү сервер үчүн өтө чоң болду. Текстти кыскартыңыз.',
  'document.refused.other': 'Сервер бул документти кабыл алган жок (код {code}).',
  'document.wrongKind': 'Көпүрөлөрдүн бул версиясы мындай документти азырынча көрсөтө албайт.',
  'document.schemaTooNew':
    'Бул документ Көпүрөлөрдүн жаңыраак версиясында сакталган. Жаңыртуу үчүн колдонмону кайра жүктөңүз.',
  'document.presence.label': 'Азыр бул жерде дагы',
  'document.presence.inField': '{name} — «{field}» талаасында',
  'document.presence.reading': '{name} — окуп жатат',
  'document.editing': { one: '{names} түзөтүп жатат', other: '{names} түзөтүп жатышат' },
  'document.refused.purged':
    'Документ өнөктөштүктүн сактоо эрежелерине ылайык өчүрүлдү; анын бул түзмөктөгү көчүрмөсү да өчүрүлдү.',
} satisfies Messages
