/**
 * Where a JSON text first goes wrong, as line and column, so "not valid JSON" can point at
 * the spot. `JSON.parse` does the real parsing; this only runs after it has failed, because
 * its messages differ between Node versions and do not always give a position.
 */
export interface JsonErrorLocation {
  line: number;
  column: number;
  reason: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export function locateJsonError(text: string): JsonErrorLocation {
  let pos = 0;

  const describeAt = (at: number): string =>
    at >= text.length ? 'end of input' : JSON.stringify(text.charAt(at));
  const fail = (expected: string): never => {
    throw new Stop(pos, `expected ${expected}, found ${describeAt(pos)}`);
  };
  const skipSpace = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text.charAt(pos))) pos++;
  };

  const parseString = (): void => {
    pos++; // opening quote
    while (pos < text.length) {
      const ch = text.charAt(pos);
      if (ch === '"') {
        pos++;
        return;
      }
      if (ch === '\\') {
        const next = text.charAt(pos + 1);
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
            pos += 2;
            fail('four hex digits after \\u');
          }
          pos += 6;
        } else if ('"\\/bfnrt'.includes(next) && next !== '') {
          pos += 2;
        } else {
          pos++;
          fail('a valid escape after \\');
        }
      } else if (ch < ' ') {
        fail('no control character (line break or tab) inside a string');
      } else {
        pos++;
      }
    }
    fail('a closing "');
  };

  const parseNumber = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(pos));
    if (match === null || match[0] === '' || match[0] === '-') fail('a value');
    else pos += match[0].length;
  };

  const parseValue = (): void => {
    skipSpace();
    const ch = text.charAt(pos);
    if (ch === '{') parseObject();
    else if (ch === '[') parseArray();
    else if (ch === '"') parseString();
    else if (ch === '-' || (ch >= '0' && ch <= '9')) parseNumber();
    else {
      const word = ['true', 'false', 'null'].find((literal) => text.startsWith(literal, pos));
      if (word === undefined) fail('a value');
      else pos += word.length;
    }
  };

  const parseObject = (): void => {
    pos++;
    skipSpace();
    if (text.charAt(pos) === '}') {
      pos++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text.charAt(pos) !== '"') fail('a property name in double quotes');
      parseString();
      skipSpace();
      if (text.charAt(pos) !== ':') fail("':' after the property name");
      pos++;
      parseValue();
      skipSpace();
      const ch = text.charAt(pos);
      if (ch === '}') {
        pos++;
        return;
      }
      if (ch !== ',') fail("',' or '}'");
      pos++;
    }
  };

  const parseArray = (): void => {
    pos++;
    skipSpace();
    if (text.charAt(pos) === ']') {
      pos++;
      return;
    }
    for (;;) {
      parseValue();
      skipSpace();
      const ch = text.charAt(pos);
      if (ch === ']') {
        pos++;
        return;
      }
      if (ch !== ',') fail("',' or ']'");
      pos++;
    }
  };

  let offset = text.length;
  let reason = 'unexpected end of input';
  try {
    parseValue();
    skipSpace();
    if (pos < text.length) fail('nothing after the end of the JSON value');
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    offset = error.offset;
    reason = error.reason;
  }
  return { ...lineAndColumn(text, offset), reason };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1) ?? '').length + 1 };
}
