import { describe, expect, it } from 'vitest';
import { commands, main } from './main.js';
import { memoryIo } from './io.js';

async function run(argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('spinewise (top level)', () => {
  it.each([['help'], ['--help'], ['-h']])('%s lists every command with examples', async (flag) => {
    const { code, out, err } = await run([flag]);
    expect(code).toBe(0);
    expect(err).toBe('');
    for (const command of commands) expect(out).toContain(`  ${command.name} `);
    expect(out).toContain('Examples:');
  });

  it('help <command> shows that command’s help', async () => {
    const { code, out } = await run(['help', 'score-csv']);
    expect(code).toBe(0);
    expect(out).toContain('Usage: spinewise score-csv');
    expect(out).toContain('--skip-columns');
  });

  it('every command answers --help on stdout with its usage', async () => {
    for (const command of commands) {
      const { code, out, err } = await run([command.name, '--help']);
      expect(code, command.name).toBe(0);
      expect(err).toBe('');
      expect(out).toContain(`Usage: spinewise ${command.name}`);
      expect(out).toContain('Examples:');
    }
  });

  it('with no command prints the list on stderr and exits 2', async () => {
    const { code, out, err } = await run([]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('Commands:');
  });

  it('names an unknown command', async () => {
    const { code, out, err } = await run(['scroe']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^spinewise: unknown command "scroe"/);
  });

  it('names an unknown command asked about with help', async () => {
    const { code, err } = await run(['help', 'nope']);
    expect(code).toBe(2);
    expect(err).toContain('unknown command "nope"');
  });

  it('names an option given before the command', async () => {
    const { code, out, err } = await run(['--format', 'text']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('unknown option --format');
  });

  it('names an unknown option of a command and shows its usage', async () => {
    const { code, out, err } = await run(['screen', '--colour']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('spinewise: unknown option --colour');
    expect(err).toContain('usage: spinewise screen');
  });

  it('names a bad --format', async () => {
    const { code, out, err } = await run(['instruments', '--format', 'yaml']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('--format: must be json or text, not "yaml"');
  });

  it('names an extra argument', async () => {
    const { code, err } = await run(['instruments', 'odi', 'ndi']);
    expect(code).toBe(2);
    expect(err).toContain('unexpected argument "ndi"');
  });

  it('reports an unexpected exception as an internal error with exit code 1', async () => {
    const io = memoryIo();
    io.stdout = () => {
      throw new Error('disk on fire');
    };
    const code = await main(['instruments'], io);
    expect(code).toBe(1);
    expect(io.err()).toContain('spinewise: internal error: Error: disk on fire');
  });
});
