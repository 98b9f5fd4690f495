import { defineMessages } from '../define.ts'
import { workspaceKy } from './ky/workspace.ts'

// The partnership screen: agencies and their people, from the workspace document.
export const workspace = defineMessages({
  en: {
    'workspace.title': 'Partnership',
    'workspace.intro':
      'The agencies and people of this partnership. The list is kept on this device and works offline.',
    'workspace.agencyCount': { one: '{count} agency', other: '{count} agencies' },
    'workspace.peopleCount': { one: '{count} person', other: '{count} people' },
    'workspace.you': 'you',
    'workspace.yourAgency': 'your agency',
    'workspace.empty':
      'The partnership directory has not reached this device yet. It arrives with the first connection to the server.',
    'workspace.noPeople': 'No people in this agency yet.',
    'workspace.unknownAgency': 'Agency missing from the directory',
  },
  pl: {
    'workspace.title': 'Partnerstwo',
    'workspace.intro':
      'Instytucje i osoby tego partnerstwa. Lista jest zapisana na tym urządzeniu i działa bez połączenia.',
    'workspace.agencyCount': {
      one: '{count} instytucja',
      few: '{count} instytucje',
      many: '{count} instytucji',
      other: '{count} instytucji',
    },
    'workspace.peopleCount': {
      one: '{count} osoba',
      few: '{count} osoby',
      many: '{count} osób',
      other: '{count} osoby',
    },
    'workspace.you': 'Ty',
    'workspace.yourAgency': 'Twoja instytucja',
    'workspace.empty':
      'Lista partnerstwa nie dotarła jeszcze na to urządzenie. Pojawi się po pierwszym połączeniu z serwerem.',
    'workspace.noPeople': 'W tej instytucji nie ma jeszcze nikogo.',
    'workspace.unknownAgency': 'Instytucja spoza listy partnerstwa',
  },
  ru: {
    'workspace.title': 'Партнёрство',
    'workspace.intro':
      'Организации и люди этого партнёрства. Список хранится на этом устройстве и доступен без интернета.',
    'workspace.agencyCount': {
      one: '{count} организация',
      few: '{count} организации',
      many: '{count} организаций',
      other: '{count} организации',
    },
    'workspace.peopleCount': {
      one: '{count} человек',
      few: '{count} человека',
      many: '{count} человек',
      other: '{count} человека',
    },
    'workspace.you': 'вы',
    'workspace.yourAgency': 'ваша организация',
    'workspace.empty':
      'Список партнёрства ещё не загружен на это устройство. Он появится после первого подключения к серверу.',
    'workspace.noPeople': 'В этой организации пока никого нет.',
    'workspace.unknownAgency': 'Организация не из списка партнёрства',
  },
  ky: workspaceKy,
})
