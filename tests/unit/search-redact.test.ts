import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/search/redact';

describe('redactSecrets', () => {
  it('drops Authorization credentials but keeps the scheme', () => {
    expect(redactSecrets('> Authorization: Bearer abc.def-123')).toBe('> Authorization: Bearer [redacted]');
    expect(redactSecrets("curl -H 'authorization: Basic dXNlcjpwYXNz' https://x")).toBe("curl -H 'authorization: Basic [redacted]' https://x");
    expect(redactSecrets('Proxy-Authorization: NTLM TlRMTVNTUAAB')).toBe('Proxy-Authorization: NTLM [redacted]');
  });

  it('drops JWTs anywhere, cookie values, keys and curl passwords', () => {
    expect(redactSecrets('token eyJhbGciOiJI.eyJzdWIiOiIx.sig_x here')).toBe('token [redacted] here');
    expect(redactSecrets('< Set-Cookie: sid=s3cr3t; Domain=example.com; Secure')).toBe('< Set-Cookie: sid=[redacted]; Domain=example.com; Secure');
    expect(redactSecrets('Cookie: a=1; b=2')).toBe('Cookie: a=[redacted]; b=[redacted]');
    expect(redactSecrets('x-api-key: sk_live_123')).toBe('x-api-key: [redacted]');
    expect(redactSecrets('GET /cb?code=xyz&state=1')).toBe('GET /cb?code=[redacted]&state=1');
    expect(redactSecrets('{"access_token":"abc","token_type":"Bearer"}')).toBe('{"access_token":"[redacted]","token_type":"Bearer"}');
    expect(redactSecrets('curl -u alice:hunter2 https://x')).toBe('curl -u alice:[redacted] https://x');
  });

  it('keeps what identifies the problem', () => {
    const challenge = 'WWW-Authenticate: Bearer error="invalid_token", error_description="The access token expired"';
    expect(redactSecrets(challenge)).toBe(challenge);
    expect(redactSecrets('HTTP/1.1 401 Unauthorized')).toBe('HTTP/1.1 401 Unauthorized');
    expect(redactSecrets('TokenExpiredError: jwt expired')).toBe('TokenExpiredError: jwt expired');
  });
});
