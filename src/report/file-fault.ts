import { ExitCode, LabError } from '../errors/lab-error.ts';

/** A file the lab was asked to write cannot be written; the message names the path and the cause. */
export class OutputPathError extends LabError {
  override name = 'OutputPathError';
  override readonly exitCode: number = ExitCode.badInput;
}

/** Saving failed part-way (full disk, I/O error); the result's files were removed. */
export class SaveError extends LabError {
  override name = 'SaveError';
}

const causes: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  EEXIST: 'it already exists',
  EIO: 'input/output error',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'a symbolic link loop: too many levels of symbolic links',
  ENXIO: 'no such device or address (a socket, or a FIFO with no writer?)',
  ETXTBSY: 'the file is busy',
  EBUSY: 'the resource is busy',
  EFBIG: 'the file is too large',
  EINVAL: 'an invalid argument for this file system',
  ERR_FS_FILE_TOO_LARGE: 'the file is larger than 2 GiB',
  EMFILE: 'too many open files',
};

/**
 * The cause of a failed file system call in words, e.g. "no space left on the device". A code not
 * listed gets the system's own words from Node's message ("ELOOP: too many symbolic links
 * encountered, open '...'"), never the bare code or the path.
 */
export function fileFault(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return causes[code] ?? systemWords(code, error);
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

function systemWords(code: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const words = message.startsWith(`${code}: `) ? message.slice(code.length + 2).split(/, [a-z]+ '|\n/)[0]!.trim() : '';
  return words === '' ? `error ${code}` : `${words} (${code})`;
}
