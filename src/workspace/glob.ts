// Config globs (kubernetes.paths, mcp.paths, images.paths, secrets.exclude,
// reports.*), matched by picomatch against repository-relative paths with
// forward slashes: braces, extglobs, POSIX classes and `[!...]`, dotfiles
// included (`test/fixtures/**` covers `test/fixtures/x/.npmrc`). .gitignore
// patterns follow git's rules instead (gitignore.ts).
import picomatch from 'picomatch/posix.js';

const OPTIONS: picomatch.PicomatchOptions = {
  dot: true,
  // `[!a]` negates a class as in a shell; without it picomatch reads `[!a]` as a literal or a class.
  posix: true,
  // A leading `!` would turn an inclusion into "everything but": config globs list what to take.
  nonegate: true,
};

/**
 * Unbounded wildcards allowed in one path segment. picomatch compiles each to
 * a lazy `[^/]*?`; a failing match backtracks in O(n^k) for k of them, and
 * both glob and file names come from the change (4 of them on a 255-byte
 * name: over a second per file).
 */
export const MAX_WILDCARDS_PER_SEGMENT = 3;

/** Why a config glob is refused (then it matches nothing), or undefined. */
export function globProblem(glob: string): string | undefined {
  for (const segment of normalise(glob).split('/')) {
    if (segment === '**') continue;
    const wildcards = (segment.match(/\*+|[+!]\(/g) ?? []).length;
    if (wildcards > MAX_WILDCARDS_PER_SEGMENT)
      return `has ${wildcards} wildcards in the path segment "${segment}" (at most ${MAX_WILDCARDS_PER_SEGMENT}: more make matching a long file name take minutes)`;
  }
  try {
    picomatch.makeRe(normalise(glob), OPTIONS);
  } catch (err) {
    return `is not a valid glob: ${(err as Error).message}`;
  }
  return undefined;
}

/** A config glob as a full-path matcher; a refused glob (globProblem) matches nothing. */
export function globMatcher(glob: string): (path: string) => boolean {
  if (globProblem(glob) !== undefined) return () => false;
  return picomatch(normalise(glob), OPTIONS);
}

/** `./deploy/**` and `/deploy/**` both mean the repository's deploy directory. */
function normalise(glob: string): string {
  return glob.replace(/^(?:\.\/)+/, '').replace(/^\/+/, '');
}
