// A file-system error in words, one table for every command: what went wrong, in terms a
// person acts on ("no such folder", "the disk is full"), never a raw errno.

type Doing = 'read' | 'write';

const WORDS: Record<string, (what: string, doing: Doing) => string> = {
  ENOENT: (what, doing) => (doing === 'write' ? 'no such folder' : `no such ${what}`),
  ENOTDIR: (_what, doing) => (doing === 'write' ? 'a part of the path is a file, not a folder' : 'this is a file, not a folder'),
  EISDIR: (_what, doing) => (doing === 'write' ? 'it is a folder' : 'this is a folder, not a file'),
  ENOTEMPTY: () => 'it is a folder',
  EEXIST: () => 'it is a folder',
  EACCES: (what, doing) => (doing === 'write' ? 'permission denied' : `permission denied: needleplan may not read this ${what}`),
  EPERM: (what, doing) => (doing === 'write' ? 'permission denied' : `permission denied: needleplan may not read this ${what}`),
  EROFS: () => 'the file system is read-only',
  ENOSPC: () => 'the disk is full',
  EDQUOT: () => 'the disk quota is used up',
  EIO: () => 'an input/output error (a failing disk or a lost network drive)',
  ENAMETOOLONG: () => 'the name is too long for the file system',
  EPIPE: () => 'the reader closed the pipe',
  ENXIO: () => 'nothing is reading the pipe or device',
  EMFILE: () => 'too many files are open',
  ELOOP: () => 'too many symbolic links in the path',
};

/** "no such folder", "the disk is full", ... for an error from node:fs. */
export function fileErrorWords(error: unknown, what: 'file' | 'folder', doing: Doing): string {
  const code = (error as { code?: unknown } | null)?.code;
  const words = typeof code === 'string' ? WORDS[code] : undefined;
  if (words) return words(what, doing);
  // Node's message names the path it used, which may be a temporary file: leave it out.
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/, \w+ '[^']*'(?: -> '[^']*')?$/, '');
}
