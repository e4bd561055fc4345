import getPort from "get-port";

/** A TCP port nothing is listening on right now (get-port also never hands out the same one twice in a row). */
export default function freePort(): Promise<number> {
  return getPort();
}
