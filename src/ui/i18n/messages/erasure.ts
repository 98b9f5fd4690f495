import { defineMessages } from '../define.ts'

/** Erasing a detail for good (the relay's R30): the action, its confirmation, its outcome. */
export const erasure = defineMessages({
  en: {
    'erasure.button': 'Erase for good…',
    'erasure.buttonFor': 'Erase for good: {what}',
    'erasure.confirm':
      'Erase “{what}” for good? Its text and every earlier version of it are removed from this document, its history and the server, on every device. This cannot be undone.',
    'erasure.confirmYes': 'Erase for good',
    'erasure.done': 'Erased for good. The history keeps only that it was erased, by whom and when.',
    'erasure.error.offline': 'Erasing needs a connection to the server. Try again when online.',
    'erasure.error.forbidden': 'You may not change this document, so you cannot erase from it.',
    'erasure.error.notOnServer':
      'This document has not reached the server yet. Try again once it is saved there.',
    'erasure.error.other': 'The server could not erase it: {message}',
    'erasure.what.identity': 'identifying details',
  },
  pl: {
    'erasure.button': 'Usuń trwale…',
    'erasure.buttonFor': 'Usuń trwale: {what}',
    'erasure.confirm':
      'Usunąć trwale „{what}”? Tekst i każda jego wcześniejsza wersja znikną z tego dokumentu, jego historii i serwera, na każdym urządzeniu. Tego nie można cofnąć.',
    'erasure.confirmYes': 'Usuń trwale',
    'erasure.done': 'Usunięto trwale. Historia zachowuje tylko to, że usunięto, kto i kiedy.',
    'erasure.error.offline':
      'Trwałe usunięcie wymaga połączenia z serwerem. Spróbuj ponownie, gdy będzie sieć.',
    'erasure.error.forbidden':
      'Nie możesz zmieniać tego dokumentu, więc nie możesz z niego usuwać.',
    'erasure.error.notOnServer':
      'Ten dokument nie dotarł jeszcze na serwer. Spróbuj ponownie, gdy zostanie tam zapisany.',
    'erasure.error.other': 'Serwer nie mógł tego usunąć: {message}',
    'erasure.what.identity': 'dane identyfikujące',
  },
  ru: {
    'erasure.button': 'Удалить безвозвратно…',
    'erasure.buttonFor': 'Удалить безвозвратно: {what}',
    'erasure.confirm':
      'Удалить «{what}» безвозвратно? Текст и все его прежние версии исчезнут из этого документа, его истории и с сервера, на всех устройствах. Это нельзя отменить.',
    'erasure.confirmYes': 'Удалить безвозвратно',
    'erasure.done': 'Удалено безвозвратно. В истории остаётся только факт удаления: кто и когда.',
    'erasure.error.offline':
      'Для безвозвратного удаления нужно соединение с сервером. Повторите, когда появится сеть.',
    'erasure.error.forbidden':
      'Вы не можете изменять этот документ, поэтому не можете удалять из него.',
    'erasure.error.notOnServer':
      'Этот документ ещё не дошёл до сервера. Повторите, когда он там сохранится.',
    'erasure.error.other': 'Сервер не смог удалить: {message}',
    'erasure.what.identity': 'идентифицирующие данные',
  },
  ky: {
    'erasure.button': 'Биротоло өчүрүү…',
    'erasure.buttonFor': 'Биротоло өчүрүү: {what}',
    'erasure.confirm':
      '«{what}» биротоло өчүрүлсүнбү? Тексти жана анын мурунку бардык нускалары бул документтен, анын тарыхынан жана серверден, бардык түзмөктөрдөн жок болот. Муну кайтарууга болбойт.',
    'erasure.confirmYes': 'Биротоло өчүрүү',
    'erasure.done': 'Биротоло өчүрүлдү. Тарыхта өчүрүлгөнү гана, ким жана качан экени сакталат.',
    'erasure.error.offline':
      'Биротоло өчүрүү үчүн сервер менен байланыш керек. Тармак болгондо кайра аракет кылыңыз.',
    'erasure.error.forbidden': 'Бул документти өзгөртө албайсыз, ошондуктан андан өчүрө албайсыз.',
    'erasure.error.notOnServer':
      'Бул документ серверге азырынча жете элек. Ал жерде сакталгандан кийин кайра аракет кылыңыз.',
    'erasure.error.other': 'Сервер өчүрө алган жок: {message}',
    'erasure.what.identity': 'инсандыгын аныктоочу маалыматтар',
  },
})
