import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseWith, safeParseInput } from './parse';

/** JSON any client can send, on which zod's own length checks throw a TypeError. */
const LENGTH_WITHOUT_NUMBER = '{"length":{"valueOf":1,"toString":1}}';

describe('safeParseInput', () => {
  const schemas = {
    'a text with a most length': z.string().max(5),
    'a text with a least length': z.string().min(1),
    'a list with a most length': z.array(z.string()).max(3),
    'a text or a number': z.union([z.string().max(3), z.number()]),
  };

  it.each(Object.entries(schemas))(
    'refuses an object with a hostile length for %s',
    (_, schema) => {
      expect(() => schema.safeParse(JSON.parse(LENGTH_WITHOUT_NUMBER))).toThrow(TypeError);
      const result = safeParseInput(schema, JSON.parse(LENGTH_WITHOUT_NUMBER));
      expect(result.success).toBe(false);
      expect(result.error).toBeInstanceOf(z.core.$ZodError);
      expect(result.error?.issues).toEqual([
        expect.objectContaining({ code: 'custom', path: [], message: expect.any(String) }),
      ]);
    },
  );

  it('refuses the hostile value inside an object, and names no field it cannot know', () => {
    const schema = z.strictObject({ code: z.string().max(8) });
    const result = safeParseInput(schema, JSON.parse(`{"code":${LENGTH_WITHOUT_NUMBER}}`));
    expect(result.success).toBe(false);
  });

  it('answers as safeParse does for any other input', () => {
    const schema = z.strictObject({ code: z.string().max(3) });
    expect(safeParseInput(schema, { code: 'abc' })).toEqual({
      success: true,
      data: { code: 'abc' },
    });
    const refused = safeParseInput(schema, { code: 'abcd' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ code: 'too_big', path: ['code'] });
  });

  it('lets an error that is not about the input through', () => {
    const broken = z.string().refine(() => {
      throw new Error('a bug in a refinement');
    });
    expect(() => safeParseInput(broken, 'a')).toThrow('a bug in a refinement');
  });
});

describe('parseWith', () => {
  it('names the problem of a hostile value instead of throwing', () => {
    const result = parseWith(z.array(z.number()), JSON.parse(LENGTH_WITHOUT_NUMBER));
    expect(result).toEqual({ ok: false, message: expect.stringContaining('object') });
  });
});
