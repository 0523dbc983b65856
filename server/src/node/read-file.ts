import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * The largest file read as a letter (or a catalog): real letters are 5-20 KB, and past this a file
 * is not one. Checked before a byte is read, so a link to /dev/zero or a huge file costs nothing.
 */
const MAX_FILE_MB = 50;
const MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024;

/** A file that is not read, and why, in words for the user. */
export class FileRefused extends Error {
  override name = 'FileRefused';
}

// Opened without blocking: opening a FIFO for reading waits for a writer, forever if none comes.
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function refuse(size: number, isFile: boolean, max: number): void {
  if (!isFile) throw new FileRefused('not a regular file (a device, a pipe, a socket or a folder)');
  if (size > max) throw new FileRefused(`larger than ${Math.round(max / 1024 / 1024)} MB, so not read`);
}

/** The bytes of a regular file of at most `max` bytes; throws FileRefused (or the system's error) otherwise. */
export function readFileBounded(path: string, max = MAX_FILE_BYTES): Buffer {
  const fd = openSync(path, FLAGS);
  try {
    const stat = fstatSync(fd);
    refuse(stat.size, stat.isFile(), max);
    // At most one byte more than allowed: a file that grew since its size was read is refused too.
    const buffer = Buffer.alloc(Math.min(stat.size, max) + 1);
    let read = 0;
    for (let n = 1; n > 0 && read < buffer.length; read += n)
      n = readSync(fd, buffer, read, buffer.length - read, read);
    refuse(read, true, max);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** As readFileBounded, without blocking the thread (the server). */
export async function readFileBoundedAsync(path: string, max = MAX_FILE_BYTES): Promise<Buffer> {
  const file = await open(path, FLAGS);
  try {
    const stat = await file.stat();
    refuse(stat.size, stat.isFile(), max);
    const buffer = Buffer.alloc(Math.min(stat.size, max) + 1);
    let read = 0;
    for (let n = 1; n > 0 && read < buffer.length; read += n)
      n = (await file.read(buffer, read, buffer.length - read, read)).bytesRead;
    refuse(read, true, max);
    return buffer.subarray(0, read);
  } finally {
    await file.close();
  }
}
