// Screen under construction by its owner; see docs/architecture.md.
export default function Screen() {
  return <section />
}
