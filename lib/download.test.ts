import { expect, it } from 'vitest';
import { downloadResponse } from './download';

it('names the download safely, in ASCII and in UTF-8', async () => {
  const response = downloadResponse(new Uint8Array([1, 2]), 'budget "æ"/\\\r\n.xlsx', 'application/octet-stream');
  expect(response.headers.get('Content-Disposition')).toBe(
    `attachment; filename="budget _______.xlsx"; filename*=UTF-8''budget%20%22%C3%A6%22%2F%5C%0D%0A.xlsx`,
  );
  expect(response.headers.get('Cache-Control')).toBe('private, no-store');
  expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([1, 2]));
});
