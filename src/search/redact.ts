/**
 * Takes secrets out of a paste before it goes anywhere outside the page: the
 * address bar (browser history, a shared search link) or a request to the
 * host. The in-page search still uses the full text; what identifies the
 * problem (status, scheme, error codes and messages) is kept.
 */
const HIDDEN = '[redacted]';

export function redactSecrets(text: string): string {
  return (
    text
      // JWTs anywhere: header.payload.signature, base64url, starting with {"  (eyJ)
      .replace(/\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, HIDDEN)
      // Authorization / Proxy-Authorization: keep the scheme, drop the credentials.
      .replace(/((?:proxy-)?authorization\s*:\s*)(?:(basic|bearer|digest|negotiate|ntlm|token|apikey|dpop)\s+)?[^\s'"]+/gi, (_m, head: string, scheme?: string) => `${head}${scheme ? `${scheme} ` : ''}${HIDDEN}`)
      // Cookie values: names and Set-Cookie attributes help diagnose, values never do.
      .replace(/^(\s*[<>]?\s*set-cookie\s*:\s*[^=;\s]+=)[^;\s]*/gim, `$1${HIDDEN}`)
      .replace(/^(\s*[<>]?\s*cookie\s*:\s*)(.*)$/gim, (_m, head: string, rest: string) => head + rest.replace(/=([^;\s]+)/g, `=${HIDDEN}`))
      // Keys in headers, query strings and JSON.
      .replace(/^(\s*[<>]?\s*x-api-key\s*:\s*)\S+/gim, `$1${HIDDEN}`)
      .replace(/\b(api[_-]?key|access_token|refresh_token|id_token|client_secret|password|passwd|token|code)=([^&\s"']+)/gi, `$1=${HIDDEN}`)
      .replace(/("(?:access_token|refresh_token|id_token|client_secret|password|api_key|apiKey|token)"\s*:\s*")[^"]*"/g, `$1${HIDDEN}"`)
      // curl -u user:password
      .replace(/((?:^|\s)(?:-u|--user)\s+['"]?[^:\s'"]+:)[^\s'"]+/g, `$1${HIDDEN}`)
  );
}
