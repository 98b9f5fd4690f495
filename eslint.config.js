import tseslint from 'typescript-eslint'

// Layer boundaries from docs/architecture.md: model ← sync ← ui; the relay shares only the
// protocol module and the pure model with the client.
const restrict = (patterns) => ['error', { patterns }]
const MODEL_IS_PURE = {
  group: ['**/sync/**', '**/ui/**', 'solid-js', 'solid-js/*', 'y-websocket', 'y-indexeddb'],
  message: 'src/model is pure: no sync, UI, network or storage.',
}

export default tseslint.config(
  { ignores: ['dist', 'dev-dist', 'data', 'node_modules'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/model/**'],
    rules: {
      'no-restricted-imports': restrict([
        MODEL_IS_PURE,
        {
          group: ['date-holidays', 'date-holidays-parser'],
          message: 'date-holidays weighs 1.5 MB: only public-holidays.ts builds the calendar (W7).',
        },
      ]),
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'indexedDB',
        'fetch',
        'localStorage',
        'WebSocket',
      ],
    },
  },
  {
    files: ['src/model/public-holidays.ts'],
    rules: { 'no-restricted-imports': restrict([MODEL_IS_PURE]) },
  },
  {
    files: ['src/sync/**'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['**/ui/**', 'solid-js', 'solid-js/*'],
          message: 'src/sync knows providers, not the UI.',
        },
      ]),
    },
  },
  {
    files: ['sync-server/**'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['**/src/ui/**', '**/src/sync/*', '!**/src/sync/protocol.ts'],
          message: 'The relay shares only the protocol module and the pure model with the client.',
        },
      ]),
    },
  },
  {
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['yjs', 'y-websocket', 'y-indexeddb', 'y-protocols/*'],
          message: 'UI never touches Y types: call the model or sync layer.',
        },
        {
          group: ['**/model/public-holidays*', 'date-holidays', 'date-holidays-parser'],
          message: 'The holiday calendar is imported lazily (state/holiday-calendar.ts), W7.',
        },
      ]),
    },
  },
)
