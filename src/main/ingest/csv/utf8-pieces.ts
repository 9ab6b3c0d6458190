/**
 * Turns a text file's raw pieces into checked UTF-8 bytes for the tokenizer: other encodings are
 * decoded, a UTF-8 sequence cut by a piece boundary is held back for the next piece, and bytes
 * that are not UTF-8, or NUL bytes, stop the import with their position in the file.
 */
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { SlicewiseError } from '../../../shared/errors';
import { completeUtf8Length, type TextEncoding } from './sniff';

export class Utf8Pieces {
  private readonly decoder: TextDecoder | null;
  /** An incomplete UTF-8 sequence cut by a piece boundary. */
  private heldBack: Buffer | null = null;

  /** `consumed`: UTF-8 bytes before the first piece (where a part of a file starts), for positions in messages. */
  constructor(
    private readonly file: string,
    encoding: TextEncoding,
    private consumed = 0,
  ) {
    this.decoder = encoding === 'utf-8' ? null : new TextDecoder(encoding);
  }

  get decoding(): boolean {
    return this.decoder !== null;
  }

  /** The next piece as UTF-8; `last` for the file's last piece. */
  next(piece: Buffer, last: boolean): Buffer {
    if (this.decoder) return Buffer.from(this.decoder.decode(piece, { stream: !last }), 'utf8');
    let bytes = this.heldBack ? Buffer.concat([this.heldBack, piece]) : piece;
    this.heldBack = null;
    if (!last) {
      const complete = completeUtf8Length(bytes);
      if (complete < bytes.length) {
        this.heldBack = Buffer.from(bytes.subarray(complete));
        bytes = bytes.subarray(0, complete);
      }
    }
    const file = this.file;
    if (!isUtf8(bytes)) {
      const at = this.consumed + firstInvalidUtf8(bytes);
      throw new SlicewiseError({
        code: 'PARSE_ERROR',
        message: `${file} is not valid UTF-8 text: the bytes at position ${at} are not a character in UTF-8. If it was saved by an older program, import it again choosing the Windows-1252 encoding.`,
        location: { file },
        details: { byteOffset: at },
      });
    }
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      throw new SlicewiseError({ code: 'PARSE_ERROR', message: `${file} contains NUL bytes (near byte ${this.consumed + nul}): it looks like a binary file, not text.`, location: { file } });
    }
    this.consumed += bytes.length;
    return bytes;
  }

  /** What is left after the last piece (the decoder's tail, or a sequence cut at the very end). */
  rest(): Buffer | null {
    if (this.decoder) {
      const rest = Buffer.from(this.decoder.decode(), 'utf8');
      return rest.length ? rest : null;
    }
    return this.heldBack ? this.next(Buffer.alloc(0), true) : null;
  }
}

/** Offset of the first byte that breaks UTF-8 (for a precise message). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search on prefixes that are valid once trailing incomplete sequences are trimmed.
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const prefix = bytes.subarray(0, mid);
    if (isUtf8(prefix.subarray(0, completeUtf8Length(prefix)))) lo = mid;
    else hi = mid;
  }
  return lo;
}
