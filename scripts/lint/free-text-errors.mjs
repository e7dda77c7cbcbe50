// Files that still give createError a text of their own instead of naming a catalogue message
// (extensions/sdk/src/error-messages.ts). The list only shrinks: a file moved to named messages
// leaves it, and eslint.config.js refuses free text everywhere else.
export const freeTextErrorFiles = [];
