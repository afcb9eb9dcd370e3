/** Pastes the Diagnose tests feed in, written the way the tools print them. */

/** A bare response: no URL, no request. */
export const response = (status: string, ...headers: string[]) => [`HTTP/1.1 ${status}`, ...headers].join('\n');

/** curl -v transcript of one https request to `host` and its response. */
export const curlVerbose = (request: string[], status: string, headers: string[], host = 'app.example.com') =>
  [
    `* Connected to ${host} (192.0.2.1) port 443`,
    ...request.map((l) => `> ${l}`),
    '>',
    `< HTTP/1.1 ${status}`,
    ...headers.map((h) => `< ${h}`),
    '<',
  ].join('\n');
