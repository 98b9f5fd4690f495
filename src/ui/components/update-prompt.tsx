// Replaced by the PWA work: the "update available — reload" prompt.
export const UpdatePrompt = () => null
