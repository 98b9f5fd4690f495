import { defineMessages } from '../define.ts'
import { settingsKy } from './ky/settings.ts'

// Settings: language, storage on this device, who I am, and logging out (which wipes the device).
export const settings = defineMessages({
  en: {
    'settings.title': 'Settings',
    'settings.language.heading': 'Language of the interface',
    'settings.storage.heading': 'Storage on this device',
    'settings.storage.help':
      'Mosty keeps every document you open on this device, so that it works offline. Ask the browser to keep this data even when space runs low.',
    'settings.storage.persist': 'Keep documents on this device',
    'settings.storage.asking': 'Asking the browser…',
    'settings.storage.granted': 'The browser will keep the data of Mosty until you log out.',
    'settings.storage.notGranted':
      'The browser has not promised to keep the data: it may delete it when space runs low. Adding Mosty to the home screen or to bookmarks often helps.',
    'settings.storage.unsupported': 'This browser cannot be asked to keep the data.',
    'settings.storage.usage': '{used} of {quota} used',
    'settings.storage.usageUnknown': 'The browser does not say how much space is used.',
    'settings.me.heading': 'Who I am',
    'settings.me.name': 'Name',
    'settings.me.agency': 'Agency',
    'settings.me.role': 'Role',
    'settings.me.unknown':
      'Your details have not reached this device yet; they arrive with the first connection.',
    'settings.logout.heading': 'Log out',
    'settings.logout.help':
      'Logging out wipes every document on this device. Do it when you hand the device on or stop using Mosty on it.',
    'settings.logout.button': 'Log out…',
    'settings.logout.warning':
      'This wipes every document on this device. Any change not yet saved on the server is lost for good.',
    'settings.logout.pending': {
      one: '{count} change on this device is not yet saved on the server and will be lost.',
      other: '{count} changes on this device are not yet saved on the server and will be lost.',
    },
    'settings.logout.waitHint':
      'Connect to the internet and wait until they are saved before you log out.',
    'settings.logout.confirm': 'Wipe this device and log out',
    'settings.logout.working': 'Wiping…',
  },
  pl: {
    'settings.title': 'Ustawienia',
    'settings.language.heading': 'Język interfejsu',
    'settings.storage.heading': 'Dane na tym urządzeniu',
    'settings.storage.help':
      'Mosty przechowują na tym urządzeniu każdy otwarty dokument, żeby działał bez połączenia. Poproś przeglądarkę, by nie usuwała tych danych, gdy zabraknie miejsca.',
    'settings.storage.persist': 'Zachowaj dokumenty na tym urządzeniu',
    'settings.storage.asking': 'Pytanie przeglądarki…',
    'settings.storage.granted': 'Przeglądarka zachowa dane Mostów do czasu wylogowania.',
    'settings.storage.notGranted':
      'Przeglądarka nie zagwarantowała zachowania danych — może je usunąć, gdy zabraknie miejsca. Często pomaga dodanie Mostów do ekranu głównego lub do zakładek.',
    'settings.storage.unsupported':
      'Tej przeglądarki nie można poprosić o trwałe zachowanie danych.',
    'settings.storage.usage': 'Zajęte: {used} z {quota}',
    'settings.storage.usageUnknown': 'Przeglądarka nie podaje, ile miejsca jest zajęte.',
    'settings.me.heading': 'Kim jestem',
    'settings.me.name': 'Imię i nazwisko',
    'settings.me.agency': 'Instytucja',
    'settings.me.role': 'Rola',
    'settings.me.unknown':
      'Twoje dane nie dotarły jeszcze na to urządzenie — pojawią się po pierwszym połączeniu.',
    'settings.logout.heading': 'Wylogowanie',
    'settings.logout.help':
      'Wylogowanie usuwa z tego urządzenia wszystkie dokumenty. Zrób to, gdy przekazujesz urządzenie komuś innemu albo przestajesz na nim korzystać z Mostów.',
    'settings.logout.button': 'Wyloguj…',
    'settings.logout.warning':
      'To usunie wszystkie dokumenty z tego urządzenia. Zmiany, które nie zostały jeszcze zapisane na serwerze, przepadną bezpowrotnie.',
    'settings.logout.pending': {
      one: '{count} zmiana na tym urządzeniu nie jest jeszcze zapisana na serwerze i przepadnie.',
      few: '{count} zmiany na tym urządzeniu nie są jeszcze zapisane na serwerze i przepadną.',
      many: '{count} zmian na tym urządzeniu nie jest jeszcze zapisanych na serwerze i przepadnie.',
      other: '{count} zmiany na tym urządzeniu nie są jeszcze zapisane na serwerze i przepadną.',
    },
    'settings.logout.waitHint':
      'Połącz się z internetem i poczekaj, aż zostaną zapisane, zanim się wylogujesz.',
    'settings.logout.confirm': 'Usuń dane i wyloguj',
    'settings.logout.working': 'Usuwanie danych…',
  },
  ru: {
    'settings.title': 'Настройки',
    'settings.language.heading': 'Язык интерфейса',
    'settings.storage.heading': 'Данные на этом устройстве',
    'settings.storage.help':
      '«Мосты» хранят на этом устройстве каждый открытый документ, чтобы он был доступен без интернета. Попросите браузер не удалять эти данные, даже когда заканчивается место.',
    'settings.storage.persist': 'Сохранять документы на этом устройстве',
    'settings.storage.asking': 'Запрос к браузеру…',
    'settings.storage.granted': 'Браузер сохранит данные «Мостов» до вашего выхода из системы.',
    'settings.storage.notGranted':
      'Браузер не гарантировал сохранность данных — он может удалить их, когда закончится место. Часто помогает добавить «Мосты» на главный экран или в закладки.',
    'settings.storage.unsupported':
      'Этот браузер не поддерживает запрос на постоянное хранение данных.',
    'settings.storage.usage': 'Занято: {used} из {quota}',
    'settings.storage.usageUnknown': 'Браузер не сообщает, сколько места занято.',
    'settings.me.heading': 'Кто я',
    'settings.me.name': 'Имя',
    'settings.me.agency': 'Организация',
    'settings.me.role': 'Роль',
    'settings.me.unknown':
      'Ваши данные ещё не загружены на это устройство — они появятся после первого подключения.',
    'settings.logout.heading': 'Выход',
    'settings.logout.help':
      'При выходе все документы удаляются с этого устройства. Выходите, когда передаёте устройство другому человеку или больше не работаете на нём с «Мостами».',
    'settings.logout.button': 'Выйти…',
    'settings.logout.warning':
      'Все документы на этом устройстве будут удалены. Изменения, ещё не сохранённые на сервере, будут безвозвратно потеряны.',
    'settings.logout.pending': {
      one: '{count} изменение на этом устройстве ещё не сохранено на сервере и будет потеряно.',
      few: '{count} изменения на этом устройстве ещё не сохранены на сервере и будут потеряны.',
      many: '{count} изменений на этом устройстве ещё не сохранены на сервере и будут потеряны.',
      other: '{count} изменения на этом устройстве ещё не сохранены на сервере и будут потеряны.',
    },
    'settings.logout.waitHint':
      'Подключитесь к интернету и дождитесь, пока они сохранятся, прежде чем выходить.',
    'settings.logout.confirm': 'Удалить данные и выйти',
    'settings.logout.working': 'Удаление данных…',
  },
  ky: settingsKy,
})
