import { render } from 'solid-js/web'

// Placeholder shell until the client issue lands; the relay beside it is real.
render(
  () => (
    <main>
      <h1>Mosty</h1>
    </main>
  ),
  document.getElementById('root') as HTMLElement,
)
