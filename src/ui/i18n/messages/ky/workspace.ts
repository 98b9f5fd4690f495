import type { Messages } from '../../define.ts'

// Machine-assisted Kyrgyz, to be reviewed by a native speaker (see README, Languages).
export const workspaceKy = {
  'workspace.title': 'Өнөктөштүк',
  'workspace.intro':
    'Бул өнөктөштүктүн мекемелери жана адамдары. Тизме ушул түзмөктө сакталат жана интернетсиз иштейт.',
  'workspace.agencyCount': { one: '{count} мекеме', other: '{count} мекеме' },
  'workspace.peopleCount': { one: '{count} адам', other: '{count} адам' },
  'workspace.you': 'сиз',
  'workspace.yourAgency': 'сиздин мекемеңиз',
  'workspace.empty':
    'Өнөктөштүктүн маалымдамасы бул түзмөккө али келе элек. Ал сервер менен биринчи байланышта келет.',
  'workspace.noPeople': 'Бул мекемеде азырынча адамдар жок.',
  'workspace.unknownAgency': 'Маалымдамада жок мекеме',
} satisfies Messages
