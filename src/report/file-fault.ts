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
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

/** The cause of a failed file system call in words, e.g. "no space left on the device". */
export function fileFault(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return causes[code] ?? code;
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
