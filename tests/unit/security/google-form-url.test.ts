import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isGoogleFormUrl } from '../../../main/security/url-policy';

describe("the panel form's links", () => {
  it.each([
    ['https://docs.google.com/forms/d/e/1FAIpQLSeAbCdEf_gh-123/viewform', true],
    ['https://docs.google.com/forms/d/1FAIpQLAbCdEfGh-_12/edit', true],
    ['https://docs.google.com/forms/d/e/1FAIpQLSeAbCdEf/viewform?usp=pp_url&entry.1=x', false],
    ['https://docs.google.com/forms/d/e/1FAIpQLSeAbCdEf/viewform#x', false],
    ['http://docs.google.com/forms/d/e/1FAIpQLSeAbCdEf/viewform', false],
    ['https://docs.google.com.evil.example/forms/d/e/1FAIpQLSeAbCdEf/viewform', false],
    ['https://user@docs.google.com/forms/d/e/1FAIpQLSeAbCdEf/viewform', false],
    ['https://docs.google.com:444/forms/d/e/1FAIpQLSeAbCdEf/viewform', false],
    ['https://docs.google.com/forms/d/e/short/viewform', false],
    ['https://docs.google.com/forms/d/e/1FAIpQLSeAbCdEf/../../../spreadsheets/d/x/edit', false],
    ['https://docs.google.com/spreadsheets/d/1FAIpQLAbCdEfGh-_12/edit', false],
  ])('%s → %s, for the browser too', (url, ok) => {
    expect(isGoogleFormUrl(url)).toBe(ok);
    expect(isAllowedExternalUrl(url)).toBe(ok);
  });
});
