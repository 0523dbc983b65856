// Imported before pdfjs-dist: its legacy build installs core-js polyfills as it loads, and one of
// them replaces Array.prototype.push (Node 20's fails a spec check on a non-writable length) with
// a slower one, for the whole process. The native one is kept here to be put back.
export const nativePush = Array.prototype.push;
