// The one platform API the core uses: TextDecoder (a web standard that Node and every browser
// have), to read a letter's bytes. Declared here because the core compiles with no platform types.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
