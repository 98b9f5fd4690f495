import { defineMessages } from '../define.ts'
import { welcomeKy } from './ky/welcome.ts'

// The welcome screen (`welcome.*`), the invitation link target (`join.*`) and the relay's
// enrolment errors in words a person can act on (`enrol.*`).
export const welcome = defineMessages({
  en: {
    'welcome.title': 'Welcome to Mosty',
    'welcome.intro':
      'Mosty lets the agencies around one family write their shared plans, referrals and mediation records together, also where there is no network.',
    'welcome.code.heading': 'I have an invitation',
    'welcome.code.help':
      'Your coordinator gave you a code of ten letters and digits, or a link to open.',
    'welcome.code.label': 'Invitation code',
    'welcome.code.submit': 'Continue',
    'welcome.demo.heading': 'Try the demo partnership',
    'welcome.demo.help':
      'This server runs a demo with made-up agencies and people. Choose who you want to be; nothing here is real case data.',
    'welcome.demo.entering': 'Entering as {name}…',
    'welcome.retry': 'Try again',
    'join.title': 'Enrol this device',
    'join.intro':
      'You were invited to a Mosty partnership. Enrolling links this device to your name in it.',
    'join.confidential':
      'This device will hold confidential documents about the families you work with, also when it is offline. Enrol only a device that you alone use and that locks with a PIN, password or fingerprint.',
    'join.code.label': 'Invitation code',
    'join.submit': 'Enrol this device',
    'join.submitting': 'Enrolling…',
    'join.noInvitation': 'I have no invitation',
    'join.alreadyEnrolled':
      'This device is already enrolled. To enrol it for another person, log out in Settings first.',
    'join.toDocuments': 'Go to documents',
    'join.toSettings': 'Open settings',
    'enrol.error.codeRequired': 'Enter the invitation code.',
    'enrol.error.notFound':
      'This invitation code is not known. Check it for typos, or ask your coordinator for a new invitation.',
    'enrol.error.used':
      'This invitation was already used: each invitation enrols one device. Ask your coordinator for a new one.',
    'enrol.error.expired': 'This invitation has expired. Ask your coordinator for a new one.',
    'enrol.error.memberRemoved':
      'This person was removed from the partnership, so no device can be enrolled for them.',
    'enrol.error.demoOff': 'The demo partnership is not available on this server.',
    'enrol.error.offline':
      'No connection to the Mosty server. Enrolling a device needs a connection; try again when you are online.',
  },
  pl: {
    'welcome.title': 'Witamy w Mostach',
    'welcome.intro':
      'Mosty pozwalają instytucjom wspierającym jedną rodzinę wspólnie pisać plany, skierowania i zapisy mediacji — także tam, gdzie nie ma zasięgu.',
    'welcome.code.heading': 'Mam zaproszenie',
    'welcome.code.help':
      'Koordynator przekazał Ci kod złożony z dziesięciu liter i cyfr albo link do otwarcia.',
    'welcome.code.label': 'Kod zaproszenia',
    'welcome.code.submit': 'Dalej',
    'welcome.demo.heading': 'Wypróbuj partnerstwo demonstracyjne',
    'welcome.demo.help':
      'Na tym serwerze działa wersja demonstracyjna ze zmyślonymi instytucjami i osobami. Wybierz, kim chcesz być — nie ma tu prawdziwych danych.',
    'welcome.demo.entering': 'Wchodzisz jako {name}…',
    'welcome.retry': 'Spróbuj ponownie',
    'join.title': 'Zarejestruj to urządzenie',
    'join.intro':
      'Zaproszono Cię do partnerstwa w Mostach. Rejestracja połączy to urządzenie z Twoim kontem w partnerstwie.',
    'join.confidential':
      'Na tym urządzeniu będą przechowywane poufne dokumenty dotyczące rodzin, z którymi pracujesz — także bez połączenia z internetem. Rejestruj tylko urządzenie, z którego korzystasz wyłącznie Ty i które jest zabezpieczone PIN-em, hasłem lub odciskiem palca.',
    'join.code.label': 'Kod zaproszenia',
    'join.submit': 'Zarejestruj to urządzenie',
    'join.submitting': 'Rejestrowanie…',
    'join.noInvitation': 'Nie mam zaproszenia',
    'join.alreadyEnrolled':
      'To urządzenie jest już zarejestrowane. Aby zarejestrować je dla innej osoby, najpierw wyloguj się w Ustawieniach.',
    'join.toDocuments': 'Przejdź do dokumentów',
    'join.toSettings': 'Otwórz ustawienia',
    'enrol.error.codeRequired': 'Wpisz kod zaproszenia.',
    'enrol.error.notFound':
      'Nie ma takiego kodu zaproszenia. Sprawdź, czy nie ma w nim literówki, albo poproś koordynatora o nowe zaproszenie.',
    'enrol.error.used':
      'To zaproszenie zostało już wykorzystane — każde zaproszenie rejestruje jedno urządzenie. Poproś koordynatora o nowe.',
    'enrol.error.expired': 'To zaproszenie wygasło. Poproś koordynatora o nowe.',
    'enrol.error.memberRemoved':
      'Ta osoba została usunięta z partnerstwa, więc nie można zarejestrować dla niej urządzenia.',
    'enrol.error.demoOff': 'Partnerstwo demonstracyjne nie jest dostępne na tym serwerze.',
    'enrol.error.offline':
      'Brak połączenia z serwerem Mostów. Rejestracja urządzenia wymaga połączenia — spróbuj ponownie, gdy będziesz online.',
  },
  ru: {
    'welcome.title': 'Добро пожаловать в «Мосты»',
    'welcome.intro':
      '«Мосты» помогают организациям, которые работают с одной семьёй, вместе вести общие планы, направления и протоколы медиации — даже там, где нет связи.',
    'welcome.code.heading': 'У меня есть приглашение',
    'welcome.code.help': 'Координатор дал вам код из десяти букв и цифр или ссылку.',
    'welcome.code.label': 'Код приглашения',
    'welcome.code.submit': 'Продолжить',
    'welcome.demo.heading': 'Попробуйте демонстрационное партнёрство',
    'welcome.demo.help':
      'На этом сервере работает демоверсия с вымышленными организациями и людьми. Выберите, кем вы хотите войти, — настоящих данных здесь нет.',
    'welcome.demo.entering': 'Вход от имени: {name}…',
    'welcome.retry': 'Повторить',
    'join.title': 'Регистрация устройства',
    'join.intro':
      'Вас пригласили в партнёрство в «Мостах». Регистрация свяжет это устройство с вашей учётной записью в партнёрстве.',
    'join.confidential':
      'На этом устройстве будут храниться конфиденциальные документы о семьях, с которыми вы работаете, — в том числе без интернета. Регистрируйте только устройство, которым пользуетесь только вы и которое защищено PIN-кодом, паролем или отпечатком пальца.',
    'join.code.label': 'Код приглашения',
    'join.submit': 'Зарегистрировать это устройство',
    'join.submitting': 'Регистрация…',
    'join.noInvitation': 'У меня нет приглашения',
    'join.alreadyEnrolled':
      'Это устройство уже зарегистрировано. Чтобы зарегистрировать его на другого человека, сначала выйдите из системы в настройках.',
    'join.toDocuments': 'К документам',
    'join.toSettings': 'Открыть настройки',
    'enrol.error.codeRequired': 'Введите код приглашения.',
    'enrol.error.notFound':
      'Такой код приглашения не найден. Проверьте, нет ли в нём опечатки, или попросите координатора о новом приглашении.',
    'enrol.error.used':
      'Это приглашение уже использовано: каждое приглашение регистрирует одно устройство. Попросите координатора о новом.',
    'enrol.error.expired': 'Срок действия приглашения истёк. Попросите координатора о новом.',
    'enrol.error.memberRemoved':
      'Этот человек исключён из партнёрства, поэтому зарегистрировать для него устройство нельзя.',
    'enrol.error.demoOff': 'Демонстрационное партнёрство на этом сервере недоступно.',
    'enrol.error.offline':
      'Нет связи с сервером «Мостов». Для регистрации устройства нужно подключение — попробуйте ещё раз, когда появится интернет.',
  },
  ky: welcomeKy,
})
