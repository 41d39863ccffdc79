import { expect, it } from 'vitest';
import da from './messages/da.json';
import en from './messages/en.json';

type Tree = { [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`)));

it('Danish and English translations have the same keys', () => {
  expect(keys(en).sort()).toEqual(keys(da).sort());
});
