// Orderings that must be identical on every device use UTF-16 code-unit comparison:
// localeCompare depends on the device's language and would let replicas disagree.

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
