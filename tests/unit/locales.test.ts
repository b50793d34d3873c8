// The American English messages: each one stands in for a British one (a name the code uses), fills in the same
// $1… as it, and says something different (where the words are the same, the British message serves).
import { describe, expect, it } from 'vitest';
import british from '../../public/_locales/en_GB/messages.json';
import american from '../../public/_locales/en_US/messages.json';

const placeholders = (message: string) => [...message.matchAll(/\$[1-9]/g)].map((m) => m[0]).sort();

describe('en_US messages', () => {
  const gb: Record<string, { message: string }> = british;
  const entries = Object.entries(american as Record<string, { message: string }>);

  it('name a British message, fill in the same placeholders, and say it differently', () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const [name, { message }] of entries) {
      expect(gb[name], name).toBeDefined();
      expect(placeholders(message), name).toEqual(placeholders(gb[name]!.message));
      expect(message, name).not.toBe(gb[name]!.message);
    }
  });

  it('stand in for every British message with British words in it, and use none of those words', () => {
    const BRITISH = /organis|programme|good[- ]practice|statutory|local authority|council|behaviour/i;
    const us: Record<string, unknown> = american;
    expect(Object.keys(gb).filter((name) => BRITISH.test(gb[name]!.message) && !(name in us))).toEqual([]);
    expect(entries.filter(([, { message }]) => BRITISH.test(message)).map(([name]) => name)).toEqual([]);
    expect(american.strictnessStatutory.message).toMatch(/^Legal minimum/);
    expect(american.strictnessGoodPractice.message).toMatch(/^Best practice/);
  });
});
