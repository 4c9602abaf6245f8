// The server's clock as this browser last saw it (the Date header of its answers): slots and
// deadlines follow the server, not a phone whose clock is minutes or hours off.
let offsetMs = 0;

/** Notes the server's Date header of an answer received now. */
export function noteServerDate(header: string | null): void {
  const server = header ? Date.parse(header) : NaN;
  if (!Number.isNaN(server)) offsetMs = server - Date.now();
}

/** Now by the server's clock (to the second: Date headers carry whole seconds). */
export function serverNow(): Date {
  return new Date(Date.now() + offsetMs);
}
