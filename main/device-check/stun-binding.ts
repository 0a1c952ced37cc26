import dgram from 'node:dgram';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { lookup } from 'node:dns/promises';

const magicCookie = 0x2112a442;

/** A STUN Binding request (RFC 5389): type 0x0001, no attributes, magic cookie, random transaction id. */
export function bindingRequest(transactionId: Buffer): Buffer {
  const header = Buffer.alloc(20);
  header.writeUInt16BE(0x0001, 0);
  header.writeUInt16BE(0, 2);
  header.writeUInt32BE(magicCookie, 4);
  transactionId.copy(header, 8);
  return header;
}

/** Reads XOR-MAPPED-ADDRESS (or MAPPED-ADDRESS) from a Binding success response; null if it is not one for us. */
export function parseBindingResponse(message: Buffer, transactionId: Buffer): { address: string; port: number } | null {
  if (message.length < 20 || message.readUInt16BE(0) !== 0x0101 || message.readUInt32BE(4) !== magicCookie) return null;
  if (!message.subarray(8, 20).equals(transactionId)) return null;
  const length = message.readUInt16BE(2);
  let offset = 20;
  while (offset + 4 <= 20 + length && offset + 4 <= message.length) {
    const type = message.readUInt16BE(offset);
    const size = message.readUInt16BE(offset + 2);
    const value = message.subarray(offset + 4, offset + 4 + size);
    if ((type === 0x0020 || type === 0x0001) && value.length >= 8 && value[1] === 0x01) {
      const xor = type === 0x0020;
      const port = value.readUInt16BE(2) ^ (xor ? magicCookie >>> 16 : 0);
      const raw = value.readUInt32BE(4) ^ (xor ? magicCookie : 0);
      const address = [raw >>> 24, (raw >>> 16) & 255, (raw >>> 8) & 255, raw & 255].join('.');
      return { address, port };
    }
    offset += 4 + size + ((4 - (size % 4)) % 4);
  }
  return null;
}

/**
 * Proves UDP works toward Meet's media ports: a STUN Binding request to `host:port` that comes back
 * with a server-reflexive address. Retries twice; resolves `ok: false` with the reason on silence.
 */
export async function stunBinding(
  server: string,
  timeoutMs = 1500,
): Promise<{ ok: true; reflexive: string } | { ok: false; error: string }> {
  const [host, portText] = [server.slice(0, server.lastIndexOf(':')), server.slice(server.lastIndexOf(':') + 1)];
  const port = Number(portText);
  let address: string;
  try {
    address = isIP(host) ? host : (await lookup(host, { family: 4 })).address;
  } catch (error) {
    return { ok: false, error: `cannot resolve ${host} (${(error as NodeJS.ErrnoException).code ?? 'DNS error'})` };
  }
  const socket = dgram.createSocket('udp4');
  const id = randomBytes(12);
  try {
    return await new Promise((resolve) => {
      let tries = 0;
      let timer: NodeJS.Timeout;
      const send = () => {
        tries++;
        socket.send(bindingRequest(id), port, address, (error) => {
          if (error) resolve({ ok: false, error: error.message });
        });
        timer = setTimeout(
          () => (tries < 3 ? send() : resolve({ ok: false, error: `no answer from ${server} over UDP` })),
          timeoutMs / 3,
        );
      };
      socket.on('message', (message) => {
        const mapped = parseBindingResponse(message, id);
        if (!mapped) return;
        clearTimeout(timer);
        resolve({ ok: true, reflexive: `${mapped.address}:${mapped.port}` });
      });
      socket.on('error', (error) => resolve({ ok: false, error: error.message }));
      send();
    });
  } finally {
    socket.close();
  }
}
