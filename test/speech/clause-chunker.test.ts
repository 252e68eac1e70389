import { describe, expect, it } from 'vitest';
import { ClauseChunker } from '../../src/speech/tts/clause-chunker.js';

/** Feeds `text` in pieces of `size` characters, as a model streams it. */
function chunk(text: string, size = 1, options?: ConstructorParameters<typeof ClauseChunker>[0]) {
  const chunker = new ClauseChunker(options);
  const clauses: string[] = [];
  for (let i = 0; i < text.length; i += size) clauses.push(...chunker.push(text.slice(i, i + size)));
  return { clauses, rest: chunker.flush() };
}

describe('ClauseChunker', () => {
  it('splits at sentence ends and other clause punctuation', () => {
    const { clauses, rest } = chunk('Sure! Your appointment is booked. Anything else? One note; bring ID: a passport works.');
    expect([...clauses, ...rest]).toEqual([
      'Sure!',
      'Your appointment is booked.',
      'Anything else?',
      'One note;',
      'bring ID:',
      'a passport works.',
    ]);
  });

  it('releases the first clause as soon as the character after it arrives', () => {
    const chunker = new ClauseChunker();
    expect(chunker.push('Hello there.')).toEqual([]); // could still be "there.com"
    expect(chunker.push(' ')).toEqual(['Hello there.']);
  });

  it('never splits inside numbers, times, amounts or domains', () => {
    const { clauses, rest } = chunk('It costs $3.50, or 1,000 points at 10:30 on example.com today. Fine.');
    expect(clauses).toEqual(['It costs $3.50, or 1,000 points at 10:30 on example.com today.']);
    expect(rest).toEqual(['Fine.']);
  });

  it('does not end a sentence at an abbreviation or an initial', () => {
    const { clauses, rest } = chunk('Dr. Smith and Mrs. J. Doe will see you, e.g. at 9 a.m. tomorrow. Bye.');
    expect(clauses).toEqual(['Dr. Smith and Mrs. J. Doe will see you,', 'e.g. at 9 a.m. tomorrow.']);
    expect(rest).toEqual(['Bye.']);
  });

  it('treats "No." as an answer, but "No. 5" as a number', () => {
    expect(chunk('No. I cannot do that. ').clauses).toEqual(['No.', 'I cannot do that.']);
    expect(chunk('Ask for room No. 5 please.').rest).toEqual(['Ask for room No. 5 please.']);
  });

  it('splits at a comma only after enough words', () => {
    const { clauses, rest } = chunk('Yes, I can do that for you on Tuesday, and I will send a confirmation.');
    expect([...clauses, ...rest]).toEqual(['Yes, I can do that for you on Tuesday,', 'and I will send a confirmation.']);
  });

  it('splits at an em dash and a spaced en dash, and at newlines', () => {
    const { clauses, rest } = chunk('We open at nine—sharp. Prices – as listed\nThanks');
    expect([...clauses, ...rest]).toEqual(['We open at nine—', 'sharp.', 'Prices –', 'as listed', 'Thanks']);
  });

  it('keeps runs of punctuation and closing quotes with their clause', () => {
    const { clauses, rest } = chunk('Really?! He said "done." Then (finally.) Ok...   ok');
    expect([...clauses, ...rest]).toEqual(['Really?!', 'He said "done."', 'Then (finally.)', 'Ok...', 'ok']);
  });

  it('cuts a clause with no boundary at a space once it is too long', () => {
    const long = 'word '.repeat(100);
    const { clauses } = chunk(long, 7, { maxChars: 50 });
    expect(clauses.length).toBeGreaterThan(5);
    expect(clauses.every((c) => c.length <= 50 && !c.includes('wor d'))).toBe(true);
  });

  it('gives the same clauses whatever the streaming granularity', () => {
    const text = 'Hi, thanks for calling Acme Dental today. Dr. Lee has openings at 3.30 and 4.15; which suits you? ';
    const whole = chunk(text, text.length);
    for (const size of [1, 2, 3, 5, 8, 13]) expect(chunk(text, size)).toEqual(whole);
  });

  it('flush returns the unterminated tail; clear drops it', () => {
    const chunker = new ClauseChunker();
    chunker.push('and one more thing');
    expect(chunker.flush()).toEqual(['and one more thing']);
    chunker.push('never spoken');
    chunker.clear();
    expect(chunker.flush()).toEqual([]);
  });
});
